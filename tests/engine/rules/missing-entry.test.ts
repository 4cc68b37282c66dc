/**
 * missing-entry: a period entry that is due (the as-of date is after the period's last day) is
 * empty. None-markers (－, なし, /) and not-evaluated markers count as present.
 */
import { HEADERS, ruleTester } from './ruleTester';

const Q = HEADERS.quarterly;
const TITLE = [['令和7年度 行財政改革 進捗状況']];
const item = (q1: string, q2: string) => [['1 窓口のデジタル化', '総務課', q1, q2, '', '']];

/** Paired 計画 / 実績 rows (朝日町's 集中改革プラン): years 令和4–6年度, one item. */
const PAIRS = ['No.', '実施項目', '担当課', '区分', '令和4年度', '令和5年度', '令和6年度', '評価'];
const pairs = (plan: string[], actual: string[]) => [
  [1, '一職一級制度の導入', '総務課', '計画', ...plan, 'A'],
  ['', '', '', '実績', ...actual, ''],
];

/** The department's own evaluation beside two made by others (甲賀市: 担当課評価 and the committee's 外部評価). */
const TWO_EVALUATIONS = ['No.', '取組項目', '担当課', '令和6年度計画', '令和6年度実績', '担当課評価', '外部評価', '二次評価'];

ruleTester('missing-entry', {
  valid: [
    {
      // issue 7: a plan in words that ends (検討 → 実施) expects no actual for the years it leaves blank
      name: 'paired rows, a plan in words: no actual due in a year the plan leaves blank',
      template: 'kpi-target-actual',
      header: PAIRS,
      rows: pairs(['検討', '実施', ''], ['検討', '実施', '']),
    },
    { name: 'Q1 and Q2 filled as of 2025-10-15; Q3 and Q4 not due', template: 'quarterly', above: TITLE, header: Q, rows: item('実施', '実施') },
    { name: 'Q1 empty on its last day (2025-06-30): not due yet', template: 'quarterly', above: TITLE, header: Q, rows: item('', ''), asOf: '2025-06-30' },
    { name: 'none markers －, なし count as present', template: 'quarterly', above: TITLE, header: Q, rows: item('－', 'なし') },
    { name: 'none markers / and - count as present', template: 'quarterly', above: TITLE, header: Q, rows: item('/', '-') },
    {
      name: 'a plan-period subtitle does not move the year: FY2025 Q1 filled, nothing else due',
      template: 'quarterly',
      above: [['行財政改革 進行管理票'], ['（計画期間：令和7年度～令和11年度）']],
      header: Q,
      rows: item('実施', '実施'),
    },
    {
      name: 'an item with no indicator and no target has no KPI actual due',
      template: 'kpi-baseline-target',
      header: HEADERS.kpi,
      rows: [[1, '窓口のデジタル化', '', '', '', '', '総務課', '', '']],
      asOf: '2025-06-01',
    },
    {
      name: 'the 2024 actual is not due before FY2024 ends',
      template: 'kpi-baseline-target',
      header: HEADERS.kpi,
      rows: [[1, '窓口のデジタル化', '電子申請件数', 100, 200, '', '総務課', '', '']],
      asOf: '2025-03-31',
    },
    {
      name: 'a self-evaluation 対象外 counts as present',
      template: 'plan-result-evaluation',
      header: HEADERS.plan,
      rows: [['行政運営', '業務の見直し', '窓口の見直し', '総務課', '実施', '実施', '対象外']],
      asOf: '2025-04-15',
    },
    {
      name: 'a blank 外部評価 or 二次評価 beside the department’s own evaluation: given by others, never due',
      header: TWO_EVALUATIONS,
      rows: [[1, '窓口の見直し', '総務課', '実施', '実施', '○', '', '']],
      asOf: '2025-04-15',
    },
    {
      // a half that names its year is due by that year's half, not the sheet's (令和6年度 title)
      name: 'halves of a later year (令和7年度上期 | 令和7年度下期) are not due on 2025-04-15',
      above: [['令和6年度 行財政改革 進捗状況']],
      header: ['No.', '取組項目', '担当課', '令和7年度上期', '令和7年度下期'],
      rows: [[1, '窓口のデジタル化', '総務課', '', '']],
      asOf: '2025-04-15',
    },
    {
      name: 'a half’s plan (令和7年度上期計画) is no result: a blank one is never due',
      above: [['令和7年度 行財政改革 進捗状況']],
      header: ['No.', '取組項目', '担当課', '令和7年度上期計画', '令和7年度上期実績'],
      rows: [[1, '窓口のデジタル化', '総務課', '', '実施']],
      asOf: '2025-10-15',
    },
  ],
  invalid: [
    {
      name: 'paired rows, a plan in figures: the FY2024 actual is due though its plan is blank',
      template: 'kpi-target-actual',
      header: PAIRS,
      rows: pairs(['10', '10', ''], ['10', '10', '']),
      errors: [{ cell: 'G3', code: 'missing-entry', field: 'kpi.actual.fy2024' }],
    },
    {
      name: 'Q1 empty the day after it ends',
      template: 'quarterly',
      above: TITLE,
      header: Q,
      rows: item('', ''),
      asOf: '2025-07-01',
      errors: [{ cell: 'C3', code: 'missing-entry', messageId: 'missing-entry.result', field: 'q1' }],
    },
    {
      name: 'Q1 and Q2 empty as of 2025-10-15',
      template: 'quarterly',
      above: TITLE,
      header: Q,
      rows: item('', ' '),
      errors: [
        { cell: 'C3', code: 'missing-entry', field: 'q1' },
        { cell: 'D3', code: 'missing-entry', field: 'q2' },
      ],
    },
    {
      name: 'bug fixed: with a plan-period subtitle the quarters of FY2025 are still due',
      template: 'quarterly',
      above: [['行財政改革 進行管理票'], ['（計画期間：令和7年度～令和11年度）']],
      header: Q,
      rows: item('', ''),
      errors: [
        { cell: 'C4', code: 'missing-entry' },
        { cell: 'D4', code: 'missing-entry' },
      ],
    },
    {
      name: 'the 2024 KPI actual after FY2024 ends',
      template: 'kpi-baseline-target',
      header: HEADERS.kpi,
      rows: [[1, '窓口のデジタル化', '電子申請件数', 100, 200, '', '総務課', '', '']],
      asOf: '2025-04-01',
      errors: [
        { cell: 'F2', code: 'missing-entry', messageId: 'missing-entry.actual', field: 'kpi.actual.fy2024' },
        // the self-evaluation goes with the latest actual, due now too
        { cell: 'I2', code: 'missing-entry', messageId: 'missing-entry.evaluation' },
      ],
    },
    {
      name: 'the self-evaluation that goes with a due result',
      template: 'plan-result-evaluation',
      header: HEADERS.plan,
      rows: [['行政運営', '業務の見直し', '窓口の見直し', '総務課', '実施', '実施', '']],
      asOf: '2025-04-15',
      errors: [{ cell: 'G2', code: 'missing-entry', messageId: 'missing-entry.evaluation', field: 'evaluation' }],
    },
    {
      // 甲賀市: the committee's 外部評価 is given to the items it chose; the department's own is due
      name: 'beside a blank 外部評価 (a committee’s), the department’s own blank evaluation is due, the 外部評価 is not',
      header: TWO_EVALUATIONS,
      rows: [[1, '窓口の見直し', '総務課', '実施', '実施', '', '', '']],
      asOf: '2025-04-15',
      errors: [{ cell: 'F2', code: 'missing-entry', messageId: 'missing-entry.evaluation', field: 'evaluation' }],
    },
    {
      name: 'a sheet whose only evaluations are given by others (外部評価, 二次評価): they are the ones due',
      header: [...TWO_EVALUATIONS.slice(0, 5), '外部評価', '二次評価'],
      rows: [[1, '窓口の見直し', '総務課', '実施', '実施', '', '']],
      asOf: '2025-04-15',
      errors: [
        { cell: 'F2', code: 'missing-entry', messageId: 'missing-entry.evaluation', field: 'evaluation' },
        { cell: 'G2', code: 'missing-entry', messageId: 'missing-entry.evaluation', field: 'evaluation2' },
      ],
    },
    {
      name: 'halves named by their years (R6上期 … R7下期) are due by their own ends: on 2025-10-15 all but R7下期',
      above: [['令和7年度 行財政改革 進捗状況']],
      header: ['No.', '取組項目', '担当課', 'R6上期', 'R6下期', 'R7上期', 'R7下期'],
      rows: [[1, '窓口のデジタル化', '総務課', '', '', '', '']],
      asOf: '2025-10-15',
      errors: [
        { cell: 'D3', code: 'missing-entry' },
        { cell: 'E3', code: 'missing-entry' },
        { cell: 'F3', code: 'missing-entry' },
      ],
    },
    {
      name: 'a result of FY2024 (令和6年度実績) after the year ends',
      template: 'plan-result-evaluation',
      header: HEADERS.plan,
      rows: [['行政運営', '業務の見直し', '窓口の見直し', '総務課', '実施', '', '○']],
      asOf: '2025-04-15',
      errors: [{ cell: 'F2', code: 'missing-entry', messageId: 'missing-entry.labelled', field: 'fy2024.result' }],
    },
  ],
});

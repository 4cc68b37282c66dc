/** invalid-number: a baseline, target, actual or existing rate that does not read as a number. */
import type { CellValue } from '../../../src/engine';
import { HEADERS, ruleTester, runCase, type InvalidCase, type RuleCase } from './ruleTester';

const K = HEADERS.kpi;
/** One KPI row: No, item, indicator, baseline, target, actual (2024), department, rate, evaluation. */
const kpi = (baseline: CellValue, target: CellValue, actual: CellValue, rate: CellValue = ''): CellValue[][] => [
  [1, '窓口のデジタル化', '電子申請件数', baseline, target, actual, '総務課', rate, ''],
];
const valid = (name: string, baseline: CellValue, target: CellValue, actual: CellValue, rate?: CellValue): RuleCase => ({
  name,
  template: 'kpi-baseline-target',
  header: K,
  rows: kpi(baseline, target, actual, rate),
});
const invalid = (name: string, cells: [string, string][], baseline: CellValue, target: CellValue, actual: CellValue): InvalidCase => ({
  ...valid(name, baseline, target, actual),
  errors: cells.map(([cell, field]) => ({ cell, code: 'invalid-number', messageId: 'invalid-number', field })),
});

/** Paired 計画 / 実績 rows (朝日町's 集中改革プラン): years 令和4–6年度, one item. */
const PAIRS = ['No.', '実施項目', '担当課', '区分', '令和4年度', '令和5年度', '令和6年度', '評価'];
const pairs = (name: string, plan: CellValue[], actual: CellValue[]): RuleCase => ({
  name,
  template: 'kpi-target-actual',
  header: PAIRS,
  rows: [
    [1, '給与構造の見直し', '総務課', '計画', ...plan, 'A'],
    ['', '', '', '実績', ...actual, ''],
  ],
});

ruleTester('invalid-number', {
  valid: [
    valid('plain numbers', 100, 200, 150),
    valid('△500 (negative, public-finance style) and ▲30', '△500', 0, '▲30'),
    valid('thousands separators: 1,234 and full-width １，２３４', '1,234', '１，２３４', 1500),
    valid('units: 16.5万㎡, 20万㎡, 18万㎡', '16.5万㎡', '20万㎡', '18万㎡'),
    valid('percentages: 91.24%, 100%, 95％', '91.24%', '100%', '95％'),
    valid('a compound figure: 39,757時間 (94,603,965円)', '39,757時間 (94,603,965円)', '40,000時間', '39,000時間'),
    valid('units after the number: 1,234件, 500千円, 3億円', '1,234件', '500千円', '3億円'),
    valid('none markers are not numbers but not invalid: －, なし', '－', 200, 'なし'),
    valid('an existing rate 106.36%', 0, 100, 106.36, '106.36%'),
    // issue 7: a unit word the reader's list lacks, with or without a bracketed note (枚方市, 久留米市)
    valid('a counter word of its own: 74事業所, 80事業所, 490事業所', '74事業所', '80事業所', '490事業所'),
    valid('千人 and a bracketed year: 5,730千人(26年度), 6,500千人', '5,730千人(26年度)', '6,500千人', '6,012千人'),
    // issue 7: a qualitative indicator (its target, or lacking one its baseline, is a word) is read in words
    valid('qualitative: 未策定 → 策定, actual 策定済 (あきる野市)', '未策定', '策定', '策定済'),
    valid('qualitative: the actual equals the target word: 策定 / 策定', 'なし', '策定', '策定'),
    valid('qualitative: 設置 with no baseline, actual 検討中 (小矢部市)', '', '設置', '検討中'),
    valid('qualitative: a direction as the target: 基準値を上回る (久留米市)', '16,507人(26年度)', '基準値を上回る', '17,861人(16,507人)'),
    valid('qualitative: 導入方針の決定 / 先進事例調査のみ実施 (大田原市)', '', '導入方針の決定', '先進事例調査のみ実施'),
    valid('qualitative: a target that describes its figure: 対象手続 10件追加 / 4件追加', '', '対象手続 10件追加', '4件追加'),
    valid('qualitative: no target (－), the baseline a word: 未策定 / 策定済', '未策定', '－', '策定済'),
    // was invalid before issue 7: a direction word as the target leaves nothing to compute, as 基準値を上回る
    valid('a target written in words: 増加', 100, '増加', 150),
    // paired rows: a year whose plan is a word (検討, 実施, →) reads that year's actual as a word
    pairs('paired rows: 検討 → 実施 → →, actuals 検討 and 実施', ['検討', '実施', '→'], ['検討', '実施', '']),
    pairs('paired rows: a word year, then figures: 検討 | 実施 △10,500 | △20,900', ['検討', '実施\n△10,500', '△20,900'], ['検討', '実施\n△10,070', '△20,140']),
  ],
  invalid: [
    invalid('letters: abc', [['F2', 'kpi.actual.fy2024']], 100, 200, 'abc'),
    invalid('unbalanced brackets: 1(((', [['D2', 'kpi.baseline']], '1(((', 200, 150),
    // issue 7: a numeric indicator keeps its words invalid (the planted 未集計 of あきる野市, 枚方市…)
    invalid('未集計 under a numeric target', [['F2', 'kpi.actual.fy2024']], 12000, 14000, '未集計'),
    invalid('集計中 under a target with a unit word: 80事業所', [['F2', 'kpi.actual.fy2024']], '74事業所', '80事業所', '集計中'),
    invalid('策定済 under a numeric target', [['F2', 'kpi.actual.fy2024']], 0, 1, '策定済'),
    invalid('a description under a numeric target: 4件追加', [['F2', 'kpi.actual.fy2024']], 0, 10, '4件追加'),
    invalid(
      'a pending word as the target (未集計) makes no qualitative indicator',
      [
        ['E2', 'kpi.target'],
        ['F2', 'kpi.actual.fy2024'],
      ],
      100,
      '未集計',
      '策定済',
    ),
    {
      ...pairs('paired rows: a figure planned, 未集計 as the actual', ['検討', '△10,500', '△20,900'], ['検討', '△10,070', '未集計']),
      errors: [{ cell: 'G3', code: 'invalid-number', field: 'kpi.actual.fy2024' }],
    },
    {
      ...valid('an existing rate that is text', 0, 100, 106, '概ね達成'),
      errors: [{ cell: 'H2', code: 'invalid-number', field: 'rate' }],
    },
  ],
});

describe('invalid-number: what a qualitative indicator computes', () => {
  test('words give no rate; a figure with a unit word of its own does', () => {
    expect(runCase(valid('策定', '未策定', '策定', '策定済')).rows[0].achievementRate).toBeNull();
    expect(runCase(valid('基準値を上回る', '16,507人(26年度)', '基準値を上回る', '17,861人')).rows[0].achievementRate).toBeNull();
    // (6,012 − 5,730) / (6,500 − 5,730)
    expect(runCase(valid('千人', '5,730千人(26年度)', '6,500千人', '6,012千人')).rows[0].achievementRate).toBeCloseTo(0.3662, 4);
  });
});

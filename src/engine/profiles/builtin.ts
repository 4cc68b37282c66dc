import { profileWithDefaults, type Profile, type ProfileInput } from './profile';

/**
 * The five real template families (../shared/seeds), the product's own standard template and a
 * generic profile, as data. Common fields are named by the header vocabulary (`terms`, see
 * vocabulary.ts); `labels` keep what is peculiar to a family (its own spelling of a period column).
 * Labels are matched against normalised header text (NFKC, spaces removed), so `項 目` matches
 * `^項目$` and `第１四半期\n（４～６月）` matches `^第([1-4])四半期`.
 * Order of columns matters: each spec claims the first unclaimed column that matches, trying its
 * labels first, then its terms in order.
 */
/** A 達成率 column the sheet already has (the product's own 達成率（自動計算） is claimed before this). */
const RATE = ['^達成率', '^達成状況'];

/**
 * Any sheet with an item column and at least one of a department, period entries, KPI values or an
 * evaluation (design.md §2), named in the vocabulary's words. Tried after the families, scored
 * lower, and the shape of the sheet (one row per item, KPI rows, paired 目標/実績 rows) follows from
 * the columns found.
 */
const GENERIC_PROFILE: ProfileInput = {
  id: 'generic',
  name: { ja: '汎用（見出しの語彙から判別）', en: 'Generic (recognised from the header vocabulary)' },
  columns: [
    { field: 'id', terms: ['id'], weight: 0 },
    // 達成度(%) is a rate before it is an evaluation
    { field: 'rate', terms: ['rate'], weight: 0 },
    { field: 'grade', terms: ['grade'], weight: 0 },
    { field: 'kpi.kind', terms: ['kpi.kind'], weight: 0 },
    { field: 'department', terms: ['department'], weight: 0 },
    { field: 'section', terms: ['section'], weight: 0 },
    { field: 'subsection', terms: ['subsection'], weight: 0 },
    // 取組名 first; 具体的な取組 or a KPI's name (数値目標, 指標名) only where no plainer item column
    // exists; last, the row labels under a blank corner cell (三田市: 【適正化】… under 計画額a | 決算額b)
    { field: 'item', terms: ['item', 'item.broad', 'action', 'item.indicator', 'item.rowlabel'] },
    { field: 'action', terms: ['action'], weight: 0 },
    { field: 'kpi.name', terms: ['kpi.name'], weight: 0 },
    { field: 'kpi.unit', terms: ['kpi.unit'], weight: 0 },
    { field: 'kpi.baseline', terms: ['kpi.baseline'], weight: 0 },
    // 目標値 before a 目標 to its left (香川県後期高齢者医療広域連合: 目標 the goal in words, 目標値 the figure)
    { field: 'kpi.target', labels: ['^目標値'], terms: ['kpi.target'], weight: 0 },
    { field: 'kpi.actual', terms: ['kpi.actual'], multiple: true, weight: 0 },
    { field: 'kpi.total', terms: ['kpi.total'], weight: 0 },
    { field: 'period', terms: ['quarter', 'half'], multiple: true, weight: 0 },
    { field: 'period', terms: ['year.result'], multiple: true, weight: 0 },
    { field: 'period', terms: ['year.plan'], multiple: true, weight: 0 },
    { field: 'schedule', terms: ['schedule'], multiple: true, weight: 0 },
    { field: 'kpi.value', terms: ['year.value'], multiple: true, weight: 0 },
    // every evaluation column; the shape keeps the latest year's two (see table/shape.ts)
    { field: 'evaluation', terms: ['evaluation'], multiple: true, weight: 0 },
    { field: 'effect', terms: ['effect'], weight: 0 },
    { field: 'related', terms: ['related'], multiple: true, weight: 0 },
    { field: 'note', terms: ['note'], multiple: true, weight: 0 },
    // money columns no other field takes: checked as amounts (last, so that every other field claims first)
    { field: 'amount', terms: ['amount'], multiple: true, weight: 0 },
  ],
  carryDown: ['section', 'subsection'],
  required: ['item', 'department'],
  detect: {
    all: ['item'],
    any: ['department', 'period', 'kpi.baseline', 'kpi.target', 'kpi.actual', 'kpi.value', 'evaluation', 'rate'],
  },
  fallback: true,
};

/** The built-in profiles as written (validated by profileSchema in tests/engine/builtin-data.test.ts). */
export const BUILTIN_PROFILE_INPUTS: readonly ProfileInput[] = [
  {
    id: 'quarterly',
    name: { ja: '四半期進捗型', en: 'Quarterly progress' },
    columns: [
      { field: 'item', labels: ['^項目$', '^取組項目$', '^取組事項$', '^実施項目$'], terms: ['item', 'item.broad'] },
      { field: 'department', terms: ['department'] },
      { field: 'id', terms: ['id'], weight: 0 },
      { field: 'section', terms: ['section'], weight: 0 },
      { field: 'subsection', terms: ['subsection'], weight: 0 },
      { field: 'related', terms: ['related'], multiple: true, weight: 0 },
      { field: 'note', terms: ['note'], multiple: true, weight: 0 },
      // 財政効果額 beside the reports: read as an amount, never needed to tell the family
      { field: 'effect', terms: ['effect'], weight: 0 },
      {
        field: 'period',
        labels: ['^([1-4])/4四半期', '^第([1-4])四半期', '^([1-4])Q', '^Q([1-4])'],
        terms: ['quarter', 'half'],
        multiple: true,
        period: { kind: 'quarter', entry: 'result' },
        weight: 2,
      },
      // reporting points through the year (白老町: 中間報告（10月） | 取組結果報告（3月）): the year's report too
      { field: 'period', terms: ['year.result'], multiple: true, weight: 0 },
      // the quarter's evaluation beside the reports (大津町: H29年10月～12月の取組みの評価)
      { field: 'evaluation', terms: ['evaluation'], multiple: true, weight: 0 },
      // money columns no other field takes: checked as amounts (last, so that every other field claims first)
      { field: 'amount', terms: ['amount'], multiple: true, weight: 0 },
    ],
    required: ['item', 'department'],
    idFromItemNumber: true,
    // quarters are what make this family: without them the catch-all reads the sheet
    detect: { all: ['item', 'period'], any: [] },
  },
  {
    id: 'annual-results',
    name: { ja: '年度実績型', en: 'Annual results' },
    columns: [
      { field: 'section', labels: ['^視点'], terms: ['section'] },
      // 取組… names the item, but not a report or plan column (取組計画（4月）, 取組結果, 取組状況)
      { field: 'item', labels: ['^主な取り?組み?', '^取組(?:$|[^計結状予実報])'], terms: ['item', 'item.broad'] },
      { field: 'related', labels: ['^関連する計画'], weight: 0.5 },
      { field: 'department', terms: ['department'], weight: 0 },
      { field: 'id', terms: ['id'], weight: 0 },
      // every evaluation column (妥当性 | 効率性 | 有効性 under 評価(所管課長)); the shape keeps three
      { field: 'evaluation', terms: ['evaluation'], multiple: true, weight: 0 },
      // 目標年度（進捗状況）: a progress percentage beside the year's report (宮古島市)
      { field: 'rate', terms: ['rate'], weight: 0 },
      { field: 'note', terms: ['note'], multiple: true, weight: 0 },
      { field: 'effect', terms: ['effect'], weight: 0 },
      {
        field: 'period',
        labels: ['^(.+年度)実績(\\(.*\\))?$'],
        terms: ['year.result'],
        multiple: true,
        period: { kind: 'year', entry: 'result' },
        weight: 1.5,
      },
      // the half year's report beside the year's (平成24年度上半期（4月～9月）の取組状況, 八幡浜市): due after September
      { field: 'period', terms: ['half'], multiple: true, period: { kind: 'quarter', entry: 'result' }, weight: 0 },
      // money columns no other field takes: checked as amounts (last, so that every other field claims first)
      { field: 'amount', terms: ['amount'], multiple: true, weight: 0 },
    ],
    carryDown: ['section'],
    // the department is required where the sheet has the column (seed 001 has none)
    required: ['item', 'department'],
    // text results per year; a table with targets, baselines or bare year columns is a KPI table
    detect: { all: ['item', 'period'], any: [], none: ['kpi.target', 'kpi.baseline', 'kpi.value'] },
  },
  {
    id: 'plan-result-evaluation',
    name: { ja: '計画・実績・評価型', en: 'Plan, result and evaluation' },
    columns: [
      { field: 'section', labels: ['体系$'], span: 2, spanFields: ['subsection'], weight: 0.5 },
      { field: 'item', labels: ['取組項目$'], terms: ['item', 'item.broad'] },
      { field: 'action', labels: ['^具体的な取組'], terms: ['action'] },
      { field: 'department', terms: ['department'] },
      {
        field: 'period',
        labels: ['^(.+年度)計画$'],
        terms: ['year.plan'],
        multiple: true,
        period: { kind: 'year', entry: 'plan' },
        weight: 0.5,
      },
      {
        field: 'period',
        labels: ['^(.+年度)実績'],
        terms: ['year.result'],
        multiple: true,
        period: { kind: 'year', entry: 'result' },
      },
      { field: 'evaluation', labels: ['評価$'], terms: ['evaluation'] },
      { field: 'related', labels: ['^管理票', '^備考$'], terms: ['related'], weight: 0.25 },
      { field: 'id', terms: ['id'], weight: 0 },
      { field: 'effect', terms: ['effect'], weight: 0 },
      // money columns no other field takes: checked as amounts (last, so that every other field claims first)
      { field: 'amount', terms: ['amount'], multiple: true, weight: 0 },
    ],
    unit: 'action',
    carryDown: ['section', 'subsection', 'item'],
    required: ['action', 'department'],
    evaluationScale: 'auto',
  },
  {
    id: 'kpi-baseline-target',
    name: { ja: '基準値・目標値型', en: 'KPI baseline and target' },
    columns: [
      { field: 'id', terms: ['id'], weight: 0.5 },
      { field: 'item', labels: ['^取組項目$', '^取組名$'], terms: ['item', 'item.broad'] },
      { field: 'action', labels: ['^取組概要', '^取組内容'], terms: ['action'], weight: 0.5 },
      { field: 'kpi.name', labels: ['^指標'], terms: ['kpi.name'] },
      { field: 'kpi.unit', terms: ['kpi.unit'], weight: 0 },
      { field: 'kpi.baseline', labels: ['^基準値'], terms: ['kpi.baseline'] },
      { field: 'kpi.target', labels: ['^目標値'], terms: ['kpi.target'] },
      {
        field: 'kpi.actual',
        labels: ['^実績値?\\((.+)\\)$', '^(.+年度)実績値?$', '^実績値$'],
        // in a KPI table a year's 実績 (実績 over 令和2年度) is the indicator's actual
        terms: ['kpi.actual', 'year.result'],
        multiple: true,
        period: { kind: 'year', entry: 'actual' },
        weight: 0,
      },
      // 実績額 … 累計 beside the years' actuals (東広島市): the sum reached, over the target's 累計
      { field: 'kpi.total', terms: ['kpi.total'], weight: 0 },
      { field: 'department', terms: ['department'] },
      { field: 'rate', labels: RATE, terms: ['rate'], weight: 0 },
      // every evaluation column (総合評価 of the 取組事項 and 評価 of each 具体的な取組, 群馬県); the shape keeps three
      { field: 'evaluation', labels: ['評価$'], terms: ['evaluation'], multiple: true, weight: 0 },
      { field: 'section', terms: ['section'], weight: 0 },
      { field: 'note', terms: ['note'], multiple: true, weight: 0 },
      { field: 'effect', terms: ['effect'], weight: 0 },
      // money columns no other field takes: checked as amounts (last, so that every other field claims first)
      { field: 'amount', terms: ['amount'], multiple: true, weight: 0 },
    ],
    carryDown: ['section'],
    required: ['item', 'department'],
  },
  {
    id: 'kpi-target-actual',
    name: { ja: '目標・実績対比型', en: 'KPI target versus actual' },
    columns: [
      { field: 'id', terms: ['id'], weight: 0.5 },
      { field: 'item', labels: ['実施項目$'], terms: ['item', 'item.broad'] },
      // what makes the family is the 目標/実績 pair and its per-year values; seed 004's other
      // columns count for less, so a city's pair sheet without them still reads as this family
      { field: 'action', labels: ['行動計画$'], weight: 0.25 },
      // a city's pair sheet may name the department; it is then required (weight 0: seed 004 has none)
      { field: 'department', terms: ['department'], weight: 0 },
      {
        field: 'period',
        labels: ['^(.+年度)年度実績$'],
        multiple: true,
        period: { kind: 'year', entry: 'result' },
        weight: 0.25,
      },
      {
        field: 'period',
        labels: ['^(.+年度)年度計画$'],
        multiple: true,
        period: { kind: 'year', entry: 'plan' },
        weight: 0.25,
      },
      { field: 'schedule', labels: ['^実施計画(.+)$'], multiple: true, weight: 0 },
      { field: 'kpi.name', labels: ['^成果指標項目$', '^成果指標$', '^指標名$'], weight: 0.5 },
      { field: 'kpi.unit', terms: ['kpi.unit'], weight: 0 },
      { field: 'kpi.kind', labels: ['^成果指標項目$', '^成果指標$', '^(目標/実績|区分)$'], terms: ['kpi.kind'], weight: 2 },
      { field: 'kpi.baseline', labels: ['基準$'], terms: ['kpi.baseline'], weight: 0.5 },
      { field: 'kpi.total', labels: ['合計$'], terms: ['kpi.total'], weight: 0.5 },
      {
        field: 'kpi.value',
        // 成果指標 over R1…R5, or year columns standing alone (令和3年度…令和7年度); a year, not 成果指標 達成率 or 累計実績
        labels: ['^成果指標(.*[0-9元].*)$'],
        terms: ['year.value'],
        multiple: true,
        period: { kind: 'year', entry: 'value' },
        weight: 2,
      },
      { field: 'rate', labels: ['達成率'], terms: ['rate'], weight: 0.5 },
      { field: 'effect', labels: ['財政効果'], terms: ['effect'], weight: 0.25 },
      { field: 'evaluation', labels: ['評価$'], terms: ['evaluation'] },
      // money columns no other field takes: checked as amounts (last, so that every other field claims first)
      { field: 'amount', terms: ['amount'], multiple: true, weight: 0 },
    ],
    multiRowItems: true,
    required: ['item', 'department'],
    evaluationScale: 'letters',
  },
  {
    id: 'standard',
    name: { ja: '標準テンプレート', en: 'Standard template' },
    columns: [
      { field: 'id', terms: ['id'], weight: 0.5 },
      { field: 'section', labels: ['^区分$', '^分類$', '^体系$'], weight: 0.5 },
      { field: 'item', labels: ['^取組項目$'] },
      { field: 'action', labels: ['^具体的な取組$'], weight: 0.5 },
      { field: 'department', terms: ['department'] },
      { field: 'kpi.name', labels: ['^指標名?$'] },
      { field: 'kpi.unit', labels: ['^単位$'], weight: 0.5 },
      { field: 'kpi.baseline', labels: ['^基準値'] },
      { field: 'kpi.target', labels: ['^目標値'] },
      {
        field: 'period',
        labels: ['^第([1-4])四半期'],
        multiple: true,
        period: { kind: 'quarter', entry: 'result' },
      },
      { field: 'kpi.actual', labels: ['^実績値'], period: { kind: 'year', entry: 'actual' } },
      { field: 'evaluation', labels: ['^自己評価$'] },
      { field: 'rate', labels: RATE, terms: ['rate'], weight: 0 },
      // money columns no other field takes: checked as amounts (last, so that every other field claims first)
      { field: 'amount', terms: ['amount'], multiple: true, weight: 0 },
    ],
    carryDown: ['section'],
    required: ['item', 'department'],
    idFromItemNumber: false,
  },
  GENERIC_PROFILE,
];

/**
 * The built-in profiles with the schema's defaults filled in. Not parsed by zod when the engine
 * loads (start-up time of every worker): a jest test (tests/engine/builtin-data.test.ts) validates
 * each with profileSchema and checks that the parsed profile equals the one here.
 */
export const BUILTIN_PROFILES: readonly Profile[] = BUILTIN_PROFILE_INPUTS.map(profileWithDefaults);

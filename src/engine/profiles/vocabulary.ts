import type { z } from 'zod';
import type { vocabularyTermSchema } from './vocabularySchema';

/**
 * The header vocabulary (design.md §2): for each canonical field, the labels real progress sheets
 * use for it. This is the one place a maintainer extends when a city writes a header in a new way.
 *
 * - `labels` are compared whole with the header label after normalisation (NFKC, every space and
 *   line break removed), so `担 当 課` and `担当課（室）` need no entry of their own: a trailing
 *   bracket is also tried without it.
 * - `patterns` are regular expressions over the same normalised label, for families of labels
 *   (`令和6年度実績`, `第1四半期(4~6月)`). Capture group 1 names the period: a quarter (1–4, a
 *   start month 4/7/10/1, 上/下 for half years) or a year (令和6年度, R6, 2024, bare 6 under a
 *   group header such as スケジュール).
 * - A two-row header is tried as group + sub label joined (`令和6年度実績`) and the sub label alone.
 *
 * A term is one way of naming a field: `item.indicator` (数値目標, 指標名) also names the item, but
 * only where no plainer item column exists, because profiles try their terms in order.
 */

export type VocabularyTerm = z.infer<typeof vocabularyTermSchema>;
/** A term as written below: `labels` and `patterns` may be left out (none). */
export type VocabularyTermInput = z.input<typeof vocabularyTermSchema>;

// A year as sheets write it: 令和6年度, R6, 平成29年, H29, 2024年度, 2024. Bounded repeats only.
const ERA_YEAR = '(?:令和|平成|R|H)(?:元|\\d{1,2})(?:年度|年)?';
const WESTERN_YEAR = '(?:19|20)\\d{2}(?:年度|年)?';
const YEAR = `(${ERA_YEAR}|${WESTERN_YEAR})`;
/** Under a year group header a bare 6 or 29 is a year too (design.md §4). */
const ANY_YEAR = `(${ERA_YEAR}|${WESTERN_YEAR}|\\d{1,2}(?:年度|年)?)`;

/** The vocabulary as written (validated by vocabularySchema in tests/engine/builtin-data.test.ts). */
export const VOCABULARY_INPUT: readonly VocabularyTermInput[] = [
  {
    term: 'id',
    field: 'id',
    labels: ['No', 'No.', 'NO', 'NO.', 'no', 'Ｎｏ', '番号', '通番', '通し番号', '項番', '整理番号', '管理番号', '連番', '取組番号', '事業番号', '項目番号', 'ナンバー', '番'],
    patterns: ['^(No|NO|no)\\.?$', '^(整理|管理|取組|事業)(No|NO)\\.?$'],
  },
  {
    term: 'section',
    field: 'section',
    labels: [
      '体系', '視点', '大分類', '基本方針', '基本目標', '重点項目', '分野', '施策の柱', '柱', '改革の柱', '改革の視点',
      '行財政改革の体系', '大項目', '基本戦略', '政策目標', '政策分野', '施策分野', '推進項目', '取組の方向性', '方針',
      '基本施策', '改革の方向', '推進方針', '重点改革', '重点分野', '区分', '分類', '主要項目', '基本方向', '改革方針',
      'めざすべき方向性', '目指すべき方向性', '方向性', '目指す姿', 'めざす姿', '章', '政策', '基本指針', '大項目名',
    ],
    patterns: ['体系$', '^視点', '^基本(方針|目標|施策)\\d*$', '^大分類'],
  },
  {
    term: 'subsection',
    field: 'subsection',
    labels: ['中分類', '中項目', '小分類', '小項目', '施策の方向', '取組方針', '推進事項', '基本的方向', '基本的な方向', '重点施策'],
    patterns: ['^[中小](分類|項目)'],
  },
  {
    term: 'item',
    field: 'item',
    labels: [
      '取組項目', '項目名', '取組名', '取組事項', '実施項目', '改革項目', '行動計画項目', '事業名', '施策名', '主な取組',
      '主な取組み', '主な取り組み', '改革事項', '改善項目', '見直し項目', '取組の名称', '改革プログラム', 'プログラム名',
      '行革項目', '個別取組', '取組課題', '事務事業名', '取組内容名', '主な取組項目', '推進項目名', '取組事項名',
      '事業項目', '具体策', 'プラン名', '個別事業',
    ],
    // 実施内容プログラム (栗原市's 集中改革プラン: 管理№ | 実施内容プログラム | 担当課), 改革プログラム, プログラム名
    patterns: ['取組項目$', '^(主な)?取り?組み?(項目|名|事項)$', '^(実施|改革|改善|見直し|改革推進|推進)項目(名)?$', '^(主要|主な)?(事務)?事業名', '^(実施内容|実施|改革|実行)?プログラム(名)?$'],
  },
  {
    // broader words: the item only where no label above names a column (重点改革項目 is then a group)
    term: 'item.broad',
    field: 'item',
    labels: [
      '項目', '取組', '取組み', '取り組み', '重点改革項目', '事業', '施策', '重点施策', '主要施策', '個別施策', '具体的な施策',
      '取組事業', '実施事業', '重点取組', '改革の取組', '公約', '改革のテーマ・項目', '改革のテーマ', '主な取組内容',
      // 実施内容一覧 (坂井市): NO | 実施計画 | 課名, each plan of the 大綱 by its name; elsewhere a plan column
      '実施計画',
    ],
    patterns: ['施策$', '^(主な)?取り?組み?$', '^改革のテーマ', '^重点(改革)?項目$'],
  },
  {
    term: 'item.indicator',
    field: 'item',
    labels: [
      '数値目標', '重要業績評価指標(KPI)', '重要業績評価指標', 'KPI', '指標名', '成果指標名', '成果指標', '評価指標',
      '目標指標', '指標', 'KPI項目', '指標項目', '数値指標', '業績指標', '成果目標', '環境指標', '主な指標', '主な指標等',
    ],
    patterns: ['^重要業績評価指標'],
  },
  {
    // a blank header cell over a column of row labels at the table's left edge (header.ts names it)
    term: 'item.rowlabel',
    field: 'item',
    labels: ['(行見出し)'],
  },
  {
    term: 'action',
    field: 'action',
    labels: [
      '具体的な取組', '具体的取組', '具体的な取組み', '具体的な取り組み', '取組内容', '取組概要', '取組概要・取組内容',
      '実施内容', '行動計画', '取組の内容', '具体的内容', '具体的な内容', '事業概要', '事業内容', '内容', '概要',
      '実施計画の内容', '改革内容', '取組の概要', '具体的な取組内容', '具体的な取組み内容', '取組みの内容', '実施方法',
    ],
    // 19年度具体的取組 (大阪市の局経営方針): the year's planned measure, the year written first
    patterns: ['^具体的な?取り?組み?', '^取り?組み?(の)?(概要|内容)', '行動計画$', '^(実施|事業|改革)(内容|概要)$', `^${ANY_YEAR}(の)?具体的な?取り?組み?$`],
  },
  {
    term: 'department',
    field: 'department',
    labels: [
      '担当課', '担当部局', '担当部署', '主たる担当課', '主管課', '取組担当課', '所管課', '所管部署', '担当', '所属',
      '実施主体', '課名', '担当課名', '担当部', '所管', '所管部局', '担当所属', '担当部課', '主担当課', '担当課等',
      '実施課', '実施部署', '主管部署', '主管部局', '所管課等', '担当部課名', '担当課室', '推進課', '担当係', '部局名',
      '部課名', '所管部', '主担当', '責任部署', '担当組織', '担当課・室', '担当部・課', '所管課名', '担当所属名',
    ],
    // anchored at the end: 担当課の評価 is the self-evaluation, not the department
    patterns: [
      '^(主たる|主|取組|事業)?担当(部局|課|部|部署|課名|課等|所属|部課|課室|係|組織)?(名)?(\\(.*\\))?$',
      // 担当課・担当係, 担当課・係 (小山市): the 課 and its 係 in one column
      '^担当(課|部)・(担当)?(係|課|室|グループ)$',
      '^所管(課|部|部署|部局|課等)?(名)?$',
      '^主管(課|部|部署|部局|組織)?(名)?$',
      // 主務課 (川口市水道局)
      '^主務(課|部|部署|部局)(名)?$',
      '^実施(主体|課|部署)$',
      // 調整部署 (白老町: the department that writes the sheet with the 推進部署 that help)
      '^調整(課|部署|部局)(名)?$',
    ],
  },
  {
    term: 'related',
    field: 'related',
    labels: ['関連する計画・制度', '関連計画', '管理票P', '根拠', '参考', '関連事業', '関係課', '関係部署', '連携課'],
    patterns: ['^関連', '^管理票', '^関係(課|部署|部局)', '^(推進|協力|支援)(部署|部局)(名)?$'],
  },
  {
    term: 'note',
    field: 'note',
    labels: [
      '備考', '特記事項', '摘要', '課題', '今後の方向性', '今後の課題', '課題・今後の方向性', '改善策', '今後の取組', '理由',
      'コメント', '今後の対応', '課題及び今後の方向性', '補足', '委員意見', '結果', '設定の考え方', '指標の定義', '出所',
      '出所(把握方法)', '主な成果・取組等', '翌年度の取組', '今後の取組方針', '評価理由', '評価の理由', '評価コメント',
      '評価根拠', '評価の根拠', '評価の考え方', '現状及び今後の対応', '現状と今後の対応', '現状と課題',
    ],
    // 差b-a, 差額: a difference of two other columns, kept as text
    // 評価（課題、問題点） (埼玉県企業局): what the grade found wanting, in sentences
    patterns: ['^備考', '^今後の', '^課題', '^(差|差額|差引|増減)(額)?\\(?[a-zA-Z][-−][a-zA-Z]\\)?$', '^(差額|差引額|増減額)$', '^評価\\((課題|問題点)'],
  },
  {
    term: 'schedule',
    field: 'schedule',
    labels: ['スケジュール', '実施時期', '工程'],
    // the group label may carry a bracket: 工程(年度別事業計画) over H23 H24 H25
    patterns: [`^(?:スケジュール|実施年度|実施時期|工程表?|年次計画|実施計画)(?:\\(.*\\))?${ANY_YEAR}$`],
  },
  {
    term: 'quarter',
    field: 'period',
    period: { kind: 'quarter', entry: 'result' },
    patterns: [
      '^([1-4])/4四半期',
      '^第([1-4])四半期',
      '^([1-4])四半期',
      '^([1-4])Q',
      '^Q([1-4])',
      // 4～6月, 4月～6月, (4月から6月): the start month names the quarter
      '^\\(?(4|7|10|1)月?(~|〜|-|ー|から)(6|9|12|3)月',
      // H29年4月～6月の実績, 令和7年10月～12月 (大津町): the same after the calendar year
      '^(?:(?:令和|平成|R|H)(?:元|\\d{1,2})|(?:19|20)\\d{2})年(4|7|10|1)月?(~|〜|-|ー|から)(6|9|12|3)月(?:の?(?:実績|取組状況|進捗状況|結果|報告))?$',
      // 6月末 | 9月末 | 12月末 | 3月末 (宮古島市, 進捗度 at each quarter's end): the month that ends the quarter
      '^(6|9|12|3)月末(?:時点|現在)?(?:の?(?:実績|進捗|進捗度|状況))?$',
    ],
  },
  {
    term: 'half',
    field: 'period',
    period: { kind: 'quarter', entry: 'result' },
    // 中間報告（10月） (白老町): the half-year report, due once the first half has ended
    // 平成24年度上半期（4月～9月）の取組状況 (八幡浜市): the half named after its year, a report (not 上期計画)
    patterns: ['^(上|下)半?期', '^(中間)(報告|実績|評価|進捗|時点)', '^(?:令和|平成|R|H)?(?:元|\\d{1,4})(?:年度?)?の?(上|下)半?期(?:\\([^()]*\\))?(?:の)?(?:取組)?(?:実績|実施状況|取組状況|進捗状況|進捗|結果|報告)?$'],
  },
  {
    term: 'year.result',
    field: 'period',
    period: { kind: 'year', entry: 'result' },
    // 状況 alone (坂井市): the year's status; in marks or status words it is the evaluation (shape.ts)
    labels: ['実績', '取組実績', '実施状況', '取組状況', '進捗状況', '進行状況', '推進状況', '実施結果', '取組結果', '取組の実績', '進捗', '取組内容(実績)', '実施内容(実績)', '状況'],
    patterns: [
      '^(.+?年度?)(の)?(取組)?実績',
      `^${YEAR}(の)?(取組)?(実績|実施状況|取組状況|進捗状況|進捗|結果|実施結果)`,
      `^(?:年度別)?(?:実績|取組実績|実施状況|取組状況|進捗状況|達成状況|進捗|実施結果)${ANY_YEAR}$`,
      // 施策目標の達成状況 over 平成27年度: a group that reports, over years
      `(?:実績|達成状況|進捗状況|実施状況|取組状況)${YEAR}$`,
      '^取組実績',
      // 19年度進捗状況, 平成27年度における主な取り組み内容: a year's report named by the year
      '^(.+?年度)(の)?(進捗状況|取組状況|実施状況)',
      // 平成25年度取組内容 (坂井市's 実施内容一覧), 令和2年度の実施内容 (鴨川市): what was done that year, the year written first
      `^${YEAR}(の)?(取り?組み?|実施)内容$`,
      `^${YEAR}における.*(取り?組み?|実績|実施状況)`,
      // 19年度に行った具体的取組と成果: what was done in the year, and what came of it
      '^(.+?年度)に行った.*(取り?組み?|成果|実績)',
      '^取組における(?:進捗|実施)状況$',
      // 取組結果報告（3月）, 年度末報告: the year's report of results
      '^(?:取組)?(?:結果|実績)報告', '^(?:年度末|最終)報告',
    ],
  },
  {
    term: 'year.plan',
    field: 'period',
    period: { kind: 'year', entry: 'plan' },
    labels: ['計画', '年度計画', '実施計画'],
    patterns: [
      '^(.+?年度?)(の)?(取組)?計画',
      `^${YEAR}(の)?(取組)?(計画|予定)`,
      `^(?:年度別)?(?:計画|年度計画|取組予定|予定)${ANY_YEAR}$`,
    ],
  },
  {
    term: 'year.value',
    field: 'kpi.value',
    period: { kind: 'year', entry: 'value' },
    patterns: [`^${YEAR}$`, `^${YEAR}\\(.*\\)$`],
  },
  {
    term: 'evaluation',
    field: 'evaluation',
    labels: [
      '評価', '自己評価', '担当課の評価', '達成度', '実施状況評価', '進捗度', '総合評価', '全体評価', '判定', '評価区分',
      '進捗評価', '達成状況', '評価結果', '自己評価結果', '所管課評価', '担当課評価', '一次評価', '内部評価', '進捗区分',
      '達成区分', '評価ランク', '計画通りの進捗か', '計画どおりの進捗か',
    ],
    // 評価(所管課長), 評価（A～D）; not the prose beside a grade (評価理由, 評価の考え方, 評価コメント, 評価根拠,
    // 評価（課題、問題点）: a note)
    // プロセス評価（Ⅰ企画・立案 Ⅱ実施 Ⅲ評価）: a grade with what it weighs in brackets
    patterns: ['評価$', '^評価(?:$|[^理根内説のコ考(]|\\([^課問])', '^自己評価', '達成度$', '^進捗度', '判定$', '[^(]評価\\(.+\\)$'],
  },
  {
    term: 'kpi.name',
    field: 'kpi.name',
    labels: [
      '指標', '指標名', '成果指標', '成果指標名', 'KPI', '評価指標', '目標指標', '数値目標', '重要業績評価指標(KPI)', '活動指標',
      '成果指標項目', '指標項目', '数値指標', '業績指標', 'KPI項目', '目標項目', '成果目標', '環境指標', '主な指標', '主な指標等',
    ],
    patterns: ['^指標', '^成果指標(項目|名)?$', '^KPI(名|項目)?$', '^重要業績評価指標', '^(活動|成果|評価|数値|業績)指標', '^主な指標', '[^の]指標$'],
  },
  {
    term: 'kpi.unit',
    field: 'kpi.unit',
    labels: ['単位', '指標の単位'],
    patterns: ['^単位'],
  },
  {
    term: 'kpi.kind',
    field: 'kpi.kind',
    labels: ['目標/実績', '計画/実績', '目標・実績', '計画・実績', '種別', '区分', '目標実績', '計画実績'],
    patterns: ['^(目標|計画)(/|・)?(実績)$'],
  },
  {
    term: 'kpi.baseline',
    field: 'kpi.baseline',
    labels: ['基準値', '現状値', '策定時', '計画策定時', '基準年度', '基準', '基準年', '当初値', '現況値', '策定時の値', '計画策定時の値', '現状', '策定時点', '基準値(現状値)', '現況', '計画策定時点'],
    patterns: ['^基準値', '^現状値', '^現況値?', '^(計画)?策定時', '^基準(年度?)?(\\(.*\\))?$', '^(\\d{1,2})基準$', '^当初値'],
  },
  {
    term: 'kpi.target',
    field: 'kpi.target',
    labels: ['目標値', '目標', '最終目標', '最終目標値', '目標年度の値', '計画値', '目標水準', '到達目標', '目安値', '目標数値', '計画額', '予算額', '目標額'],
    patterns: [
      // 計画額a | 決算額b | 達成率 b/a*100: a formula letter after the amount
      '^(計画|予算|目標)額[a-zA-Z]$',
      // KPI(平成31年度): the indicator with its target for the plan's last year (the first such column)
      '^KPI\\(.*(年度|年|まで)',
      '^目標値', '^(最終)?目標(値)?(\\(.*\\))?$', `^${YEAR}(の)?目標値?`, '^.+年度目標値?$', '目標値$', '^施策目標',
      '^\\d+(ヵ|か|カ|ケ|ヶ)年目標', '^(最終|計画)目標', '^目安値',
      // 期末目標値（H20） (鈴鹿市): the target at the plan's end, its year in brackets
      '^(計画)?期末目標値?(\\(.*\\))?$',
      // 目標効果額 over 25年度 | 26年度 | 27年度 | 計 (高松市): the plan's total is the target
      '^目標(効果)?額(合計|累計|計)$',
      // H25プラン | H25決算 | 差引 (a 病院改革プラン's 点検・評価): the plan's figure for the year
      `^${YEAR}(の)?プラン(値|額)?$`,
    ],
  },
  {
    term: 'kpi.actual',
    field: 'kpi.actual',
    period: { kind: 'year', entry: 'actual' },
    // 現在 alone: 計画策定時 | 現在 | 目標 (軽米町), the figure as it stands now
    labels: ['実績値', '現在値', '最新値', '直近値', '実績値(最新)', '現状実績', '直近の実績値', '最新の実績値', '決算額', '実績額', '現在'],
    patterns: [
      '^(決算|実績)額[a-zA-Z]$',
      // KPI実績及び達成状況; KPI(平成27年度) after the target's KPI column: that year's actual
      '^KPI実績',
      '^KPI\\((.+?年度?)\\)$',
      '^実績値?\\((.+)\\)$', '^(.+年度?)実績値', `^${YEAR}(の)?実績値`, '^実績値$', '^現在値(\\((.+)\\))?$',
      '^(最新|直近)の?(値|実績)',
      // 指標値 over 目標 | 実績 (大分市): under an indicator's group the bare 実績 is its figure, not a report
      '^(指標|指標値|KPI|成果指標|数値目標|目標指標|成果目標)\\s?実績$',
      // 実績効果額 over 25年度 | 26年度 | 27年度 (高松市): each year's actual
      `^実績(?:効果)?額${ANY_YEAR}$`,
      // H25決算 beside H25プラン: the year's settled figure
      `^${YEAR}(?:の)?決算(?:額|値)?$`,
    ],
  },
  {
    term: 'kpi.total',
    field: 'kpi.total',
    labels: ['合計', '累計', '計'],
    // 実績効果額 … 計: the actuals' sum since the plan began
    patterns: ['合計$', '^累計', '^実績(効果)?額(合計|累計|計)$'],
  },
  {
    term: 'rate',
    field: 'rate',
    labels: ['達成率', '達成度(%)', '進捗率', '達成率(%)', '執行率', '進捗率(%)', '達成割合'],
    // 目標年度(進捗状況): the target year and the progress as a percentage (H28年度 (75%))
    patterns: ['^達成率', '^進捗率', '^達成度\\(%\\)', '^達成状況.*達成率', '達成率$', '^目標(年度|時期)\\(進捗(状況|率)?\\)$'],
  },
  {
    term: 'grade',
    field: 'grade',
    labels: ['算定評価'],
    patterns: ['^算定評価'],
  },
  {
    term: 'effect',
    field: 'effect',
    labels: ['財政効果額', '効果額', '財政効果', '削減効果額', '効果額(千円)', '財政効果額(千円)', '削減額', '財政的効果'],
    // 効果額 ending the label (効果額(千円)), not a text about it (効果額の内訳); 削減額 anywhere
    // (歳出削減額 / 歳出増加額（千円）, two labels stacked in one header cell)
    // (効果額（千円）5年間累計: the period's total, 鳥取県西部広域行政管理組合)
    // (財政効果額（千円） over 目標額 | 実績額: the group names no column of its own, 東広島市)
    // 財政的効果（円） (鴨川市)
    patterns: ['効果額(\\(.+\\))?((\\d+年間)?(累計|合計|計))?$', '^財政的?効果(見込み?)?額?(\\(.+\\))?((\\d+年間)?(累計|合計|計))?$', '削減(効果)?額'],
  },
  {
    // money beside the plans and results: 予算額, 決算額（千円）, 事業費, 累計歳出額（千円）. Only columns no
    // other field of the family takes (a KPI table's 計画額 / 決算額 are its target and actual)
    term: 'amount',
    field: 'amount',
    labels: ['予算額', '決算額', '事業費', '歳出額', '歳入額', '執行額', '支出額', '経費'],
    patterns: [
      '(予算|決算|事業費|歳出|歳入|執行|支出|経費|費用|金額).{0,8}[(](千円|万円|百万円|億円|円)[)]$', '^(当初|補正|累計)?(予算|決算|歳出|歳入|執行|支出)額$', '^(総)?事業費$',
      // 目標効果額 over 25年度 | 26年度 (高松市): a year's share of the target, checked as an amount
      `^目標(?:効果)?額${ANY_YEAR}$`,
    ],
  },

];

/** A term with the defaults vocabularySchema fills in (no labels, no patterns), keys in the schema's order. */
export function vocabularyTermWithDefaults(input: VocabularyTermInput): VocabularyTerm {
  const { term, field, period, labels = [], patterns = [] } = input;
  return { term, field, ...(period ? { period: { kind: period.kind, entry: period.entry } } : {}), labels: [...labels], patterns: [...patterns] };
}

/**
 * The vocabulary. Not parsed by zod when the engine loads (start-up time of every worker): a jest
 * test (tests/engine/builtin-data.test.ts) validates it with vocabularySchema and checks that the
 * parsed vocabulary equals this one.
 */
export const VOCABULARY: readonly VocabularyTerm[] = VOCABULARY_INPUT.map(vocabularyTermWithDefaults);

/** Term ids, for profiles to reference. */
export const TERM_IDS: ReadonlySet<string> = new Set(VOCABULARY.map((t) => t.term));

const BY_TERM = new Map(VOCABULARY.map((t) => [t.term, t]));

export function vocabularyTerm(term: string): VocabularyTerm | undefined {
  return BY_TERM.get(term);
}

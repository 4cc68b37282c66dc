/**
 * A one-line-per-取組 report of grades (黒部市 行政改革実行計画 第3次推進期間 実績報告): No. | 取 組 事 項 |
 * 評 価, the item header merged over 大項目 | 中項目 | 取組名 with no sub-labels, group cells merged down.
 */
import { check, grid, issues, mapping } from './grid';

const TITLE = '第3次推進期間 平成27年度~平成29年度　実 績 報 告';
const rows = (title: string, grade: string) => [
  ['黒部市行政改革実行計画<アクションプラン>'],
  [title],
  ['No.', '取 組 事 項', '', '', '評 価'],
  [1, '1 市民と共に進める地域経営', '(1) 市民との協働の推進', '市民との協働による市政の推進', 'B'],
  [2, '2 定員管理と給与の適正化', '(1) 定員管理の適正化', '定員管理の適正化', 'A'],
  [3, '', '(2) 給与・手当ての適正化', '一般職員の給与の適正化', grade],
  [4, '', '', '時間外勤務の抑制', 'A'],
  [],
  ['【評価基準】　A:計画どおり実施　B:概ね計画どおり実施　C:計画より遅れている　D:未実施・大幅な遅れ'],
];
const MERGES = ['A1:E1', 'A2:E2', 'B3:D3', 'B5:B7', 'C6:C7', 'A9:E9'];

describe('the item under a header merged over three columns', () => {
  test('the item is the column with a value on every row; the two to its left are the section and subsection', () => {
    const result = check(grid(rows(TITLE, 'A'), MERGES), '2018-12-01');
    expect(mapping(result)).toEqual(['A:id', 'B:section', 'C:subsection', 'D:item', 'E:evaluation']);
    expect(result.rows.map((r) => [r.section, r.item])).toEqual([
      ['1 市民と共に進める地域経営', '市民との協働による市政の推進'],
      ['2 定員管理と給与の適正化', '定員管理の適正化'],
      ['2 定員管理と給与の適正化', '一般職員の給与の適正化'],
      ['2 定員管理と給与の適正化', '時間外勤務の抑制'],
    ]);
    expect(issues(result)).toEqual([]);
  });
});

describe('a blank grade in a report of grades only', () => {
  test('is due once the reported year is over (平成29年度, from the title), said with the label as a word', () => {
    const result = check(grid(rows(TITLE, ''), MERGES), '2018-12-01');
    expect(result.fiscalYear).toBe(2017);
    expect(result.fiscalYearSource).toBe('title');
    expect(issues(result)).toEqual(['E6 missing-entry']);
    expect(result.issues[0].message).toBe('評価が未入力です。実績に対する評価（A・B・C・D）を入力してください。');
  });

  test('is not due while the year runs: no title year, the as-of date’s year', () => {
    const result = check(grid(rows('実 績 報 告', ''), MERGES), '2018-12-01');
    expect(result.fiscalYearSource).toBe('as-of');
    expect(issues(result)).toEqual([]);
  });
});

describe('the item under a sub-label merged over two columns (大淀町: アクションプラン over 柱 | 具体策)', () => {
  test('the measures column is the item, the 具体策 merged down over them the subsection', () => {
    const result = check(
      grid(
        [
          ['「リフォームプランおおよど」アクションプラン進捗管理状況表（平成19年度）'],
          ['アクションプラン', '', '', '進捗率\n（H20.3末）', '計画通りの\n進捗か\n（○・△・×）', '担当課'],
          ['柱', '具体策'],
          ['6 健全財政', '1 財政予測の作成による計画的な事業執行', '1 財政健全化計画の策定', 0.7, '○', '財政課'],
          ['', '', '2 予算編成時のルール作成'],
          ['', '2 定員管理計画の策定と人件費の抑制', '1 中期的な定員管理計画の策定', 0.6, '◎', '総務課'],
        ],
        ['A1:F1', 'A2:C2', 'B3:C3', 'D2:D3', 'E2:E3', 'F2:F3', 'A4:A6', 'B4:B5', 'D4:D5', 'E4:E5', 'F4:F5'],
      ),
      '2008-06-01',
    );
    expect(mapping(result)).toEqual(['A:section', 'B:subsection', 'C:item', 'D:rate', 'E:evaluation', 'F:department']);
    expect(result.rows.map((r) => [r.section, r.item])).toEqual([
      ['6 健全財政', '1 財政健全化計画の策定'],
      ['6 健全財政', '2 予算編成時のルール作成'],
      ['6 健全財政', '1 中期的な定員管理計画の策定'],
    ]);
    // the scale is the one in the evaluation's own header (○・△・×)
    expect(issues(result)).toEqual(['E6 invalid-evaluation']);
  });
});

describe('a label set off in brackets (第二次行政改革大綱: 【達成度】)', () => {
  test('is read as its word, and a message says the word', () => {
    const result = check(
      grid([
        ['第二次行政改革大綱取り組み項目の進捗状況（H25～H30）'],
        ['（H27.3 月末現在）'],
        ['No.', '取り組み項目', '担当課', '【達成度】'],
        [1, '事務事業の見直し', '行政改革推進課', '一部達成'],
        [2, '職員定数の適正化', '人事課', ''],
      ]),
      '2015-04-15',
    );
    expect(result.fiscalYear).toBe(2014);
    expect(issues(result)).toEqual(['D5 missing-entry']);
    expect(result.issues[0].message).toMatch(/^達成度が未入力です。/);
  });
});

describe('a 進行管理台帳: 計画 / 実績 rows under 工程 H22 … H26, the No. under 項目', () => {
  const rows = (h26: string) => [
    ['行政改革推進プラン取組項目　進行管理台帳'],
    ['項目', '項目名', '所管課', '区分', '工　程'],
    ['', '', '', '', 'H24', 'H25', 'H26'],
    [91, '事務事業の廃止、統合、簡素化', '業務改革推進課', '計画', '実施', '実施', '実施'],
    ['', '', '', '実績', '実施', '実施', '実施'],
    [93, '職員数の削減（人）', '人事課', '計画', 9950, 9850, 9750],
    ['', '', '', '実績', 9962, '9,8S0', 9801],
    [93, '区役所窓口の待ち時間の短縮', '区政推進課', '計画', '実施', '実施', '実施'],
    ['', '', '', '実績', '試行', '実施', h26],
  ];
  const MERGES = ['E2:G2', 'A4:A5', 'B4:B5', 'C4:C5', 'A6:A7', 'B6:B7', 'C6:C7', 'A8:A9', 'B8:B9', 'C8:C9'];

  test('each year is the plan and the result of the pair; the first column’s numbers are the No.', () => {
    const result = check(grid(rows(''), MERGES), '2015-06-01');
    expect(mapping(result)).toEqual(['A:id', 'B:item', 'C:department', 'D:kpi.kind', 'E:kpi.value', 'F:kpi.value', 'G:kpi.value']);
    expect(issues(result)).toEqual(['F7 invalid-number', 'A8 duplicate-id', 'G9 missing-entry']);
    // the label spaced out for the page (工　程) is said as the word
    expect(result.issues[0].message).toMatch(/^工程 H25の「9,8S0」を数値として読めません。/);
  });
});

describe('a status column and its legend written one entry per row (第二次行政改革大綱)', () => {
  test('【実施状況】 of status words is an evaluation on the scale of the rows of ※未 着 手：… 取 組 中：… 完　　了：…', () => {
    const result = check(
      grid([
        ['第二次行政改革大綱取り組み項目の進捗状況'],
        ['No.', '取り組み項目', '担当課', '【実施状況】\n（着手の状況）'],
        [1, '事務事業の見直し', '行政改革推進課', '取組中'],
        [2, '職員定数の適正化', '人事課', '完了'],
        [3, '使用料・手数料の見直し', '財政課', '着手済'],
        [4, '公共施設の再配置', '資産管理課', '未着手'],
        [],
        ['※未 着 手：取組への検討がなされていないもの'],
        ['　取 組 中：実施内容に基づき具体的に着手しているもの'],
        ['　完　　了：実施内容に基づき取組が完了したもの'],
      ]),
      '2015-04-15',
    );
    expect(result.columns.find((c) => c.letter === 'D')?.field).toBe('evaluation');
    expect(issues(result)).toEqual(['D5 invalid-evaluation']);
    expect(result.issues[0].message).toContain('（未着手・取組中・完了）');
  });
});

describe('amounts and counts (相馬市 削減額, 評価ランク別内訳)', () => {
  test('a 削減額 that is no amount is an invalid number, whatever the indicators', () => {
    const result = check(
      grid([
        ['取組項目', '実施内容', '担当', '削減額(千円)'],
        ['1 事務事業の見直し', '旅費の削減', '総務課', '△ 805'],
        ['', '消耗品費の削減', '総務課', '△ 8O5'],
      ], ['A2:A3']),
      '2009-08-01',
    );
    expect(issues(result)).toEqual(['D3 invalid-number']);
    expect(result.issues[0].field).toBe('effect');
  });

  test('grade counts under 評価ランク別内訳 (A | B | C | D in a row into which the corner is merged) are no evaluations', () => {
    const result = check(
      grid(
        [
          ['', 'プラン数', '評価ランク別内訳', '', '', ''],
          ['', '', 'A', 'B', 'C', 'D'],
          ['Ⅰ.市民主体によるまちづくりの推進', 7, 2, 2, 3, 0],
          ['Ⅱ.効率・効果的な行財政システムの構築', 30, 4, 12, 14, 0],
          ['Ⅲ.時代に即応した行財政運営の確立', 13, 4, 6, 3, 0],
        ],
        ['A1:A2', 'B1:B2', 'C1:F1'],
      ),
      '2014-06-01',
    );
    expect(result.rows.map((r) => r.row)).toEqual([3, 4, 5]);
    expect(issues(result)).toEqual([]);
  });
});

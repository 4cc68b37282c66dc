/**
 * A 進行管理シート with one column per quarter named by calendar months after the year (大津町 復旧・復興
 * 計画: H29年4月～6月の実績 … H30年1月～3月の実績), the quarter's grade written with its meaning in the
 * cell (B（ほぼ）目標通り〔100%～80%〕), and the grades' legend line below the table without colons.
 */
import { check, grid, issues, mapping } from './grid';

const rows = (q3: string, grade: string) => [
  ['大津町復旧・復興計画進行管理シート'],
  ['重点施策', '整理番号', '事業項目', 'H29年4月～6月の実績', 'H29年7月～9月の実績', 'H29年10月～12月の実績', 'H30年1月～3月の実績', 'H29年10月～12月\nの取組みの評価', '担当課'],
  ['(1)', 1, '公費解体撤去等の支援', '解体件数312棟', '解体件数199棟', q3, '', grade, '環境保全課'],
  ['(2)', 2, '被災者生活再建支援金の支給', '12件を支給した。', '9件を支給した。', '6件を支給した。', '', 'C　やや遅れ\n〔80%～50%〕', '福祉課'],
  [],
  ['※取組みの評価　A　目標以上〔100%超〕　B（ほぼ）目標通り〔100%～80%〕　C　やや遅れ〔80%～50%〕　D　遅れ〔50%未満〕'],
];

describe('quarters named by calendar months after the year', () => {
  test('are Q1–Q4 of the fiscal year; the quarter’s grade is the evaluation', () => {
    const result = check(grid(rows('解体件数165棟', 'B（ほぼ）目標通り\n〔100%～80%〕')), '2018-02-15');
    expect(result.template).toBe('quarterly');
    expect(mapping(result)).toEqual(['A:subsection', 'B:id', 'C:item', 'D:period', 'E:period', 'F:period', 'G:period', 'H:evaluation', 'I:department']);
    // a grade written with its meaning reads as its letter, on the legend line's A–D
    expect(result.rows.map((r) => r.selfGrade)).toEqual(['B', 'C']);
    expect(issues(result)).toEqual([]);
  });

  test('an empty October–December report is due in February; January–March is not yet', () => {
    const result = check(grid(rows('', 'E')), '2018-02-15');
    expect(issues(result)).toEqual(['F3 missing-entry', 'H3 invalid-evaluation']);
    expect(result.issues[1].message).toContain('（A・B・C・D）');
  });
});

describe('quarters named by the month that ends them, the 課 beside the 部 (宮古島市 集中改革プラン進捗状況)', () => {
  const rows = (q2: string | number, division: string) => [
    ['『集中改革プラン』進捗状況一覧（平成19年9月末現在）'],
    ['No.', '改革項目', '担当部', '担当課', '目標', '進捗度（各月末現在）', '', '', '', '備考'],
    ['No.', '改革項目', '担当部', '担当課', '目標', '6月末', '9月末', '12月末', '3月末', '備考'],
    [1, '敬老祝い金の見直し', '福祉部', '高齢者福祉課', '支給対象年齢の見直し', 5, 5, '', '', '目標達成'],
    [2, 'イベントの統廃合', '観光商工部', division, '市主催イベントの統廃合', 4, q2, '', '', ''],
  ];
  const merges = ['A2:A3', 'B2:B3', 'C2:C3', 'D2:D3', 'E2:E3', 'F2:I2', 'J2:J3'];

  test('6月末 … 3月末 are Q1–Q4; the department is the 担当課', () => {
    const result = check(grid(rows(5, '観光商工課'), merges), '2007-10-15');
    expect(result.template).toBe('quarterly');
    expect(mapping(result)).toEqual(expect.arrayContaining(['D:department', 'F:period', 'G:period', 'H:period', 'I:period']));
    expect(result.columns.some((c) => c.letter === 'C')).toBe(false);
    expect(issues(result)).toEqual([]);
  });

  test('a blank 9月末 is due after September; a blank 担当課 is missing though the 部 is there', () => {
    expect(issues(check(grid(rows('', ''), merges), '2007-10-15'))).toEqual(['D5 required-missing', 'G5 missing-entry']);
  });
});

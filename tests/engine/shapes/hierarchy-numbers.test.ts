/**
 * A 事業評価 result table (川口市水道局): a header of two rows, 政策 | 施策 | 事業 each over 番号 and a
 * name, a 主務課, money columns, a 達成状況 written in sentences and a 総合評価 whose legend fills
 * its header cell. The item is the 事業, numbered 1-1-1 just left of its name.
 */
import { check, grid, issues, mapping } from './grid';

const rows = (opts: { code?: string; result?: string; grade?: string; department?: string } = {}) => [
  ['水道事業終了時・事後評価 結果表（平成24年度）'],
  ['政策', '', '施策', '', '事業', '', '主務課', '予算額', '決算額', '達成状況', '総合評価\nA=予定通りの成果を上げた\nB=成果は出ているが予定に達していない\nC=不十分な結果にとどまる'],
  ['番号', '政策名称', '番号', '施策名称', '番号', '事業名', '', '', '', '', '評価\n（A～C）'],
  [1, '安定した給水', '1-1', '県水受水の安定化', '1-1-1', '県水受水安定化事業', '浄水課', '3,105,000千円', '3,098,412千円', '予測数量を的確に把握し、計画どおり受水した。', 'A'],
  ['', '', '1-2', '自己水源の安定化', '1-2-1', '自己水源整備事業', '浄水課', '820,000千円', '812,530千円', opts.result ?? '深井戸2本の更新を計画どおり完了した。', 'A'],
  ['', '', '1-3', '水量の安定化', '1-3-1', '配水設備保全事業', opts.department ?? '浄水課', '96,000千円', '95,120千円', '配水ポンプ3台のオーバーホールを実施した。', opts.grade ?? 'B'],
  ['', '', '', '', opts.code ?? '1-3-2', '配水管布設事業', '施設課', '1,850,000千円', '1,704,330千円', '更新延長は計画の92%にとどまった。', 'B'],
];
const merges = ['A2:B2', 'C2:D2', 'E2:F2', 'G2:G3', 'H2:H3', 'I2:I3', 'J2:J3', 'A4:A7', 'B4:B7', 'C6:C7', 'D6:D7'];

describe('a header of two rows, with numbers at every level', () => {
  test('the item’s number is the one beside its name (事業 番号), its department 主務課', () => {
    const result = check(grid(rows(), merges), '2013-06-01');
    expect(mapping(result)).toEqual(expect.arrayContaining(['E:id', 'F:item', 'G:department', 'J:period', 'K:evaluation']));
    expect(result.headerRows).toEqual([2, 3]);
    expect(issues(result)).toEqual([]);
  });

  test('a 事業 number repeated, a blank 主務課, a grade off the header’s A–C, a blank 達成状況: each at its cell', () => {
    const result = check(grid(rows({ code: '1-3-1', department: '', grade: 'D', result: '' }), merges), '2013-06-01');
    expect(issues(result)).toEqual(['J5 missing-entry', 'G6 required-missing', 'K6 invalid-evaluation', 'E7 duplicate-id']);
  });
});

describe('sentences under a label that names an evaluation (達成状況)', () => {
  test('are the year’s result, never held to a scale of grades', () => {
    const result = check(grid(rows(), merges), '2013-06-01');
    expect(result.issues.filter((i) => i.column === 10)).toEqual([]);
    expect(result.columns.find((c) => c.letter === 'J')?.field).toBe('period');
  });

  test('a column of grades under the same label stays the evaluation', () => {
    const graded = [
      ['No.', '取組項目', '担当課', '達成状況'],
      [1, '窓口の一元化', '市民課', 'A'],
      [2, '電子申請の拡大', '情報政策課', 'B'],
      [3, '公共施設の再編', '資産経営課', 'A'],
    ];
    expect(check(grid(graded), '2025-10-15').columns.find((c) => c.letter === 'D')?.field).toBe('evaluation');
  });
});

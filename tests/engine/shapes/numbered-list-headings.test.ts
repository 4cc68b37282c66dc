/**
 * A numbered list under a title line (第三次行政改革大綱及び実施計画の推進状況): the title merged over most
 * of the row with 企画政策課作成 beside it is no header row; 大 / 中 / 小項目 headings (a place in the
 * hierarchy and a name, no №) are sections, not items with everything missing; 推進状況 in marks is
 * the evaluation on the (凡例) line.
 */
import { check, grid, issues, mapping } from './grid';

const rows = (mark: string, department: string) => [
  ['（凡例）　○：完了又は計画通り進んでいる　△：計画より遅れている　×：凍結又は廃止'],
  [],
  ['第三次行政改革大綱及び実施計画の推進状況', '', '', '', '', '企画政策課作成'],
  ['№', '大項目', '中項目', '項目名', '主たる担当課', '推進状況'],
  ['', 1, '', '行政サービスの向上', '', ''],
  ['', '', '(1)', '透明性の向上', '', ''],
  [1, '', '', '情報公開の推進', '総務課', '○'],
  [2, '', '', 'パブリックコメント制度の導入', '企画政策課', mark],
  ['', '', '(2)', '窓口サービスの向上', '', ''],
  [3, '', '', '窓口業務時間の延長', department, '○'],
  [4, '', '', '証明書のコンビニ交付の検討', '市民課', '△'],
];
const merges = ['A3:E3'];

describe('a numbered list under a title line', () => {
  test('the title line is no header; headings are sections; 推進状況 is the evaluation on the legend', () => {
    const result = check(grid(rows('○', '市民課'), merges), '2011-06-01');
    expect(result.headerRows).toEqual([4]);
    expect(mapping(result)).toEqual(expect.arrayContaining(['A:id', 'D:item', 'E:department', 'F:evaluation']));
    expect(result.rows.map((r) => r.item)).toEqual(['情報公開の推進', 'パブリックコメント制度の導入', '窓口業務時間の延長', '証明書のコンビニ交付の検討']);
    expect(issues(result)).toEqual([]);
  });

  test('a mark off the legend and a blank department are the items’; the headings draw nothing', () => {
    const result = check(grid(rows('◎', ''), merges), '2011-06-01');
    expect(issues(result)).toEqual(['F8 invalid-evaluation', 'E10 required-missing']);
  });
});

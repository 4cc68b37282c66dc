/**
 * Two evaluations on one row, each with its legend line below the table (群馬県 行政改革大綱 評価表):
 * 総合評価 of the 取組事項 on A–D, and 評価 of each 具体的な取組 in words that hold a figure.
 */
import { check, grid, issues } from './grid';

const rows = (overall: string, result: string) => [
  ['群馬県行政改革大綱（平成29～令和元年度）実施計画　評価表'],
  ['No.', '取組事項', '総合評価\n（成果度合い）', '具体的な取組', '指標', '目標値', '実績値', '評価', '所管課'],
  [1, '(1) 県政情報の積極的な提供', 'A', '①県ホームページの充実', 'ページビュー数（万件）', 3000, 3412, '達成', '広報課'],
  [2, '(2) 会議の公開の推進', overall, '①審議会等の会議録の公開', '公開率（%）', 100, 96.5, result, '総務課'],
  [3, '(3) パブリックコメントの充実', 'B', '①電子申請による意見提出', '提出件数（件）', 30, 42, '50%未満実施', '総務課'],
  [4, '(4) 電子申請の拡大', 'C', '①電子申請できる手続の拡大', '手続数（件）', 300, 355, '未実施', '情報政策課'],
  [],
  ['【総合評価】A：大きな成果あり　B：成果あり　C：実施　D：未実施'],
  ['【実施結果評価】達成：取組目標を達成　50%以上実施：作業内容の50%以上を実施　50%未満実施：50%未満を実施　未実施：実施していない'],
];

describe('each evaluation on its own legend line', () => {
  test('the A–D line is 総合評価’s; the line of words is 評価’s, not the A–D one its label also names', () => {
    const result = check(grid(rows('B', '50%以上実施')), '2021-06-01');
    expect(result.columns.filter((c) => c.field.startsWith('evaluation')).map((c) => `${c.letter}:${c.field}`)).toEqual(['C:evaluation', 'H:evaluation2']);
    expect(issues(result)).toEqual([]);
  });

  test('a grade off either scale is flagged in its own column', () => {
    const result = check(grid(rows('B+', '一部実施')), '2021-06-01');
    expect(issues(result)).toEqual(['C4 invalid-evaluation', 'H4 invalid-evaluation']);
    expect(result.issues[1].message).toContain('達成・50%以上実施・50%未満実施・未実施');
  });
});

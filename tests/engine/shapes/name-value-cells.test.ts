/**
 * Issue 7, shapes a city wrote without the usual columns:
 * - a blank corner cell over the row labels (三田市 効果額: 計画額a | 決算額b | 差b-a | 達成率);
 * - KPI cells that hold the name and the target, the actual and the self-grade (北九州市), with the
 *   grade bands in a legend strip above and the bureau in 【…】 at the end of the item.
 */
import { check, grid, issues, mapping } from './grid';

describe('row labels under a blank corner cell', () => {
  const rows = (rate: number | string) => [
    ['平成19年度 行政改革効果額実績について'],
    ['', '', '', '', '(単位:百万円)'],
    ['', '計画額a', '決算額b', '差b-a', '達成率\n(金額ベース)\nb/a*100'],
    ['【適正化】職員に関すること', 130.7, 153.8, 23.1, 1.177],
    ['【効率化】内部管理経費の見直し', 391.3, 357.8, -33.5, rate],
    ['【協働化】市民負担・サービスに関すること', 104.3, '', 13, 1.125],
    ['合計', 626.3, 628.9, 2.6, 1.004],
    ['※金額は一般財源ベース'],
  ];

  test('the blank corner is the item column, read as (行見出し); 差b-a is kept as text', () => {
    const result = check(grid(rows(0.914)), '2008-06-01');
    expect(result.template).toBe('generic');
    expect(mapping(result)).toEqual(['A:item', 'B:kpi.target', 'C:kpi.actual', 'D:note', 'E:rate']);
    expect(result.columns[0].label).toBe('(行見出し)');
    expect(result.rows.map((r) => r.row)).toEqual([4, 5, 6]);
    expect(issues(result)).toEqual(['C6 missing-entry']);
  });

  test('a written rate off the computed one is a computed-mismatch; the 合計 row is never checked', () => {
    expect(issues(check(grid(rows(0.941)), '2008-06-01'))).toEqual(['E5 computed-mismatch', 'C6 missing-entry']);
  });

  test('years across under a blank corner are no row labels of items (a transposed table)', () => {
    const result = check(
      grid([
        ['', 'H25年度', 'H26年度', 'H27年度'],
        ['計画値', 100, 110, 120],
        ['実績値', 95, 108, ''],
      ]),
      '2016-06-01',
    );
    expect(result.columns.some((c) => c.label === '(行見出し)')).toBe(false);
  });
});

describe('KPI cells with the name and the figure, the actual and the grade', () => {
  const g = grid(
    [
      ['Ⅰ北九州市にしごとをつくり、安心して働けるようにする'],
      ['H29 年度末時点\nKPI 達成状況', '120%以上\n【A】', '100~119%\n【B】', '70~99%\n【C】', '69%以下\n【D】'],
      ['事業名等', '概要', 'KPI(平成31年度)\n※KPI=重要業績評価指標', 'KPI実績及び\n達成状況'],
      ['若年者の就職を促進\n【産業経済局】', '就業を支援する。', '就職者数\n年間3,000人', 'H29:2,150人\n【C】'],
      ['地元就職の促進\n【産業経済局】', '交流機会を設ける。', '市内就職率\n30%', 'H29:26.4%\n【B】'],
      ['女性の就業支援\n【子ども家庭局】', '一貫して支援する。', '就職者数\n年間500人', 'H29:620人\n【A】'],
      ['UIJターンの促進\n【企画調整局】', '相談会を開催する。', '移住相談件数\n累計2,000件', '調査中\n－'],
      ['', '説明会を開催する。', '参加企業数\n年間200社', 'H29:185社\n【C】'],
    ],
    ['A1:E1'],
  );
  const result = check(g, '2018-06-01');

  test('the KPI column is read as the name and the target; the actual column as the actual and the grade', () => {
    expect(mapping(result)).toEqual(['A:item', 'B:action', 'C:kpi.name', 'C:kpi.target', 'D:kpi.actual', 'D:evaluation']);
    expect(result.rows.map((r) => r.achievementRate)).toEqual([0.7167, 0.88, 1.24, null, 0.925]);
  });

  test('the legend strip gives the bands: 88% is C, so 【B】 is a grade-mismatch; 調査中\\n－ is not flagged', () => {
    expect(issues(result)).toEqual(['D5 grade-mismatch', 'A8 required-missing']);
    expect(result.rows.map((r) => r.grade)).toEqual(['C', 'C', 'A', null, 'C']);
  });

  test('the bureau in 【…】 at the end of the item is the inferred department', () => {
    expect(result.rows.map((r) => [r.department, r.departmentInferred ?? false])).toEqual([
      ['産業経済局', true],
      ['産業経済局', true],
      ['子ども家庭局', true],
      ['企画調整局', true],
      [null, false],
    ]);
  });
});

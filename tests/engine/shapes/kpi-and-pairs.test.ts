/**
 * Shapes: KPI rows (baseline / target / actuals, one row per indicator) and paired 目標 / 実績 rows
 * marked by a 区分 column, whatever the city calls the columns.
 */
import type { CellValue } from '../../../src/engine';
import { check, grid, issues, mapping } from './grid';

describe('KPI rows: 現状値 / 目標値 / 実績値 under a merged 成果指標 group', () => {
  const g = grid(
    [
      ['令和6年度 行政改革 成果指標 進捗状況'],
      ['評価　S：目標以上　A：目標どおり　B：やや遅れ　C：遅れ'],
      ['No.', '取組名', '成果指標', '', '', '', '自己評価', '所管課'],
      ['', '', '指標名', '現状値', '目標値', '実績値（R6）', '', ''],
      ['大分類1 行政運営の効率化'],
      [1, '定員管理の適正化', '職員数', '612人', '600人', '605人', 'B', '人事課'],
      [2, '電子申請の拡充', 'オンライン手続数', '100件', '120件', '', 'A', '情報政策課'],
      [3, '公有財産の売却', '売却件数', '未定', '5件', '3件', 'C', ''],
      ['※ 実績値は年度末の値を記入'],
    ],
    ['A3:A4', 'B3:B4', 'C3:F3', 'G3:G4', 'H3:H4'],
  );

  test('recognised with both header rows; every KPI column mapped', () => {
    const result = check(g, '2025-06-01');
    expect(result.status).toBe('checked');
    expect(result.headerRows).toEqual([3, 4]);
    expect(mapping(result)).toEqual([
      'A:id',
      'B:item',
      'C:kpi.name',
      'D:kpi.baseline',
      'E:kpi.target',
      'F:kpi.actual',
      'G:evaluation',
      'H:department',
    ]);
    // 605 from 612 towards 600: (605 − 612) / (600 − 612)
    expect(result.rows[0].achievementRate).toBeCloseTo(0.5833, 4);
  });

  test('issues by cell: a missing actual, a baseline that is no number, a missing department', () => {
    expect(issues(check(g, '2025-06-01'), ['missing-entry', 'invalid-number', 'required-missing'])).toEqual([
      'F7 missing-entry',
      'D8 invalid-number',
      'H8 required-missing',
    ]);
  });
});

describe('paired 目標 / 実績 rows marked by 区分, years written 令和3年度…令和7年度, with a 担当課 column', () => {
  const g = grid(
    [
      ['行財政改革 数値目標の進捗'],
      ['No.', '実施項目', '担当課', '区分', '令和3年度', '令和4年度', '令和5年度', '令和6年度', '令和7年度', '合計', '評価'],
      [1, '職員数の適正化', '人事課', '目標', 10, 10, 10, 10, 10, 50, 'A'],
      ['', '', '', '実績', 12, 10, 9, '', '', 31, ''],
      [2, '使用料の見直し', '財政課', '目標', 100, 100, 100, 100, 100, 500, 'B'],
      ['', '', '', '実績', 90, 80, 85, 88, '', 343, ''],
      [3, '補助金の整理', '', '目標', 5, 5, 5, 5, 5, 25, 'B'],
      ['', '', '', '実績', 4, 5, 3, 4, '', 16, ''],
    ],
    ['A3:A4', 'B3:B4', 'C3:C4', 'K3:K4', 'A5:A6', 'B5:B6', 'C5:C6', 'K5:K6', 'A7:A8', 'B7:B8', 'C7:C8', 'K7:K8'],
  );

  test('the family reads the plain year columns and the department; one item per pair', () => {
    const result = check(g);
    expect(result.template).toBe('kpi-target-actual');
    expect(mapping(result)).toEqual([
      'A:id',
      'B:item',
      'C:department',
      'D:kpi.kind',
      'E:kpi.value',
      'F:kpi.value',
      'G:kpi.value',
      'H:kpi.value',
      'I:kpi.value',
      'J:kpi.total',
      'K:evaluation',
    ]);
    expect(result.rows.map((r) => [r.row, r.department])).toEqual([
      [3, '人事課'],
      [5, '財政課'],
      [7, null],
    ]);
    // totals of both rows: 31 / 50, 343 / 500, 16 / 25
    expect(result.rows.map((r) => r.achievementRate)).toEqual([0.62, 0.686, 0.64]);
  });

  test('issues by cell: the FY2024 actual of item 1 is missing, item 3 has no department', () => {
    expect(issues(check(g), ['missing-entry', 'required-missing'])).toEqual(['H4 missing-entry', 'C7 required-missing']);
  });

  test('the same pairs with the columns named otherwise (計画/実績, 取組名, 所管課, R3…R7, 累計)', () => {
    const renamed = grid(
      g.values.map((row, r) =>
        r === 1 ? ['番号', '取組名', '所管課', '計画/実績', 'R3', 'R4', 'R5', 'R6', 'R7', '累計', '総合評価'] : row,
      ),
      ['A3:A4', 'B3:B4', 'C3:C4', 'K3:K4', 'A5:A6', 'B5:B6', 'C5:C6', 'K5:K6', 'A7:A8', 'B7:B8', 'C7:C8', 'K7:K8'],
    );
    const result = check(renamed);
    expect(result.status).toBe('checked');
    expect(issues(result, ['missing-entry', 'required-missing'])).toEqual(['H4 missing-entry', 'C7 required-missing']);
    expect(result.rows.map((r) => r.achievementRate)).toEqual([0.62, 0.686, 0.64]);
  });
});

describe('a 区分 column that holds sections, not 目標 / 実績', () => {
  test('is read as the section, and the rows stay one item each', () => {
    const g = grid([
      ['区分', '取組項目', '担当課', '令和7年度実績'],
      ['行政運営', '窓口改善', '市民課', '実施した'],
      ['', '電子申請', '情報課', ''],
      ['財政運営', '使用料の見直し', '財政課', '改定した'],
    ]);
    const result = check(g, '2026-04-10');
    expect(result.columns.find((c) => c.letter === 'A')?.field).toBe('section');
    expect(result.rows.map((r) => [r.row, r.section])).toEqual([
      [2, '行政運営'],
      [3, '行政運営'],
      [4, '財政運営'],
    ]);
    expect(issues(result)).toEqual(['D3 missing-entry']);
  });
});

describe('目標効果額 and 実績効果額, each over the years and their 計 (高松市)', () => {
  const rows = (h7: CellValue, i7: CellValue, rate7: CellValue) => [
    ['第6次行財政改革計画　平成25～27年度　実績報告'],
    [null, null, null, null, null, null, null, null, null, null, '（単位：千円）'],
    ['No.', '主な取組', '目標効果額', null, null, null, '実績効果額', null, null, null, '達成率'],
    ['No.', '主な取組', '25年度', '26年度', '27年度', '計', '25年度', '26年度', '27年度', '計', '達成率'],
    [1, '職員数の削減', 380000, 470000, 570000, 1420000, 431206, 529874, 641435, 1602515, 1.129],
    [2, '事務事業の統廃合', 160100, 172600, 179600, 512300, 158330, h7, i7, 498760, rate7],
    ['合計', null, 540100, 642600, 749600, 1932300, 589536, 698089, 813650, 2101275, 1.087],
  ];
  const merges = ['A3:A4', 'B3:B4', 'C3:F3', 'G3:J3', 'K3:K4'];

  test('the years under each group are read: 目標 計 the target, 実績 by year the actuals, 計 the sum reached', () => {
    const result = check(grid(rows(168215, 172215, 0.9736), merges), '2016-08-09');
    expect(mapping(result)).toEqual(expect.arrayContaining(['C:amount', 'D:amount', 'E:amount', 'F:kpi.target', 'G:kpi.actual', 'H:kpi.actual', 'I:kpi.actual', 'J:kpi.total', 'K:rate']));
    // the rate is the sum reached over the plan's target: 498,760 / 512,300
    expect(result.rows[1].achievementRate).toBeCloseTo(0.9736, 4);
    expect(result.rows[0].achievementRate).toBeCloseTo(1602515 / 1420000, 4);
    expect(issues(result)).toEqual([]);
  });

  test('a typed rate that differs, a year’s actual that is no number, and a blank year due are each flagged at their cell', () => {
    const result = check(grid(rows('168,2l5', null, 0.794), merges), '2016-08-09');
    expect(issues(result)).toEqual(expect.arrayContaining(['K6 computed-mismatch', 'H6 invalid-number', 'I6 missing-entry']));
  });

  test('the last year’s actual is not due before its year has ended', () => {
    const result = check(grid(rows(168215, null, 0.9736), merges), '2016-02-01');
    expect(issues(result, ['missing-entry'])).toEqual([]);
  });
});

describe('a three-row header: 財政効果額（千円） over 目標額 | 実績額, each over H25 … H27 | 累計 (東広島市)', () => {
  const rows = (k9: CellValue) => [
    ['第5次行政改革実施計画　取組結果（平成25年度～平成27年度）'],
    ['達成状況　◎：目標額以上　○：目標額の80%以上　△：目標額の80%未満　×：効果なし'],
    ['No.', '実施項目', '担当課', '財政効果額（千円）', null, null, null, null, null, null, null, '達成状況'],
    ['No.', '実施項目', '担当課', '目標額', null, null, null, '実績額', null, null, null, '達成状況'],
    ['No.', '実施項目', '担当課', 'H25', 'H26', 'H27', '累計', 'H25', 'H26', 'H27', '累計', '達成状況'],
    [1, '市税等の収納率向上', '収納課', 20000, 20000, 20000, 60000, 22400, 25100, 24800, 72300, '◎'],
    [2, '未利用市有地の売却', '財産管理課', 150000, 100000, 100000, 350000, 182000, 96000, k9, 409000, '○'],
    [3, '補助金の見直し', '財政課', 40000, 40000, 40000, 120000, 38000, 20000, 30000, 88000, '△'],
  ];
  const merges = ['A3:A5', 'B3:B5', 'C3:C5', 'D3:K3', 'D4:G4', 'H4:K4', 'L3:L5'];

  test('the three rows are one header: 目標額 累計 the target, 実績額 by year the actuals, 実績額 累計 the sum reached', () => {
    const result = check(grid(rows(131000), merges), '2016-06-01');
    expect(result.headerRows).toEqual([3, 4, 5]);
    expect(mapping(result)).toEqual(expect.arrayContaining(['D:amount', 'G:kpi.target', 'H:kpi.actual', 'J:kpi.actual', 'K:kpi.total', 'L:evaluation']));
    expect(result.columns.find((c) => c.letter === 'J')?.label).toBe('財政効果額（千円） 実績額 H27');
    // the sum reached over the target's sum: 72,300 / 60,000, 409,000 / 350,000 and 88,000 / 120,000
    expect(result.rows.map((r) => r.achievementRate?.toFixed(4))).toEqual(['1.2050', '1.1686', '0.7333']);
    // the years row is no item, and draws nothing
    expect(result.rows).toHaveLength(3);
    expect(issues(result)).toEqual([]);
  });

  test('the year that has ended is due; a year’s actual that is no number is flagged at its cell', () => {
    expect(issues(check(grid(rows(null), merges), '2016-06-01'))).toEqual(['J7 missing-entry']);
    expect(issues(check(grid(rows('13l,000'), merges), '2016-06-01'))).toEqual(['J7 invalid-number']);
  });
});

describe('a 目標 of goals in words left of the 目標値 (香川県後期高齢者医療広域連合)', () => {
  const rows = (h4: CellValue) => [
    ['保健事業実施計画（データヘルス計画）平成27年度の実績評価'],
    ['番号', '目標', '評価指標', '基準値（H25）', '目標値', '実績値（H27）', '担当課'],
    ['①', '後発医薬品の使用割合の向上', '後発医薬品の数量シェア', '45.0%', '55.0%', '52.1%', '保険課'],
    ['②', '健診受診率の向上', '健康診査の受診率', '20.1%', '25.0%', h4, '保険課'],
    ['③', '重複受診者の減少', '重複受診者数', 820, 700, 690, '保険課'],
  ];

  test('目標値 is the target, and the figures are measured against it', () => {
    const result = check(grid(rows('24.0%')), '2016-11-01');
    expect(mapping(result)).toEqual(expect.arrayContaining(['E:kpi.target', 'F:kpi.actual']));
    expect(mapping(result)).not.toContain('B:kpi.target');
    // (52.1 − 45.0) / (55.0 − 45.0), (24.0 − 20.1) / (25.0 − 20.1), and a decreasing target: (690 − 820) / (700 − 820)
    expect(result.rows.map((r) => r.achievementRate?.toFixed(4))).toEqual(['0.7100', '0.7959', '1.0833']);
  });

  test('so a word where the figure is due is an invalid number, not a qualitative indicator’s actual', () => {
    expect(issues(check(grid(rows('未確定')), '2016-11-01'))).toEqual(['F4 invalid-number']);
  });
});

describe('a 病院改革プラン 点検・評価: H25プラン | H25決算 | 差引 | 達成状況, with bracketed sub-lines (呉市)', () => {
  const rows = (c5: CellValue, e6: CellValue) => [
    ['平成25年度　プラン達成状況'],
    [null, 'H25プラン', 'H25決算', '差引', '達成状況', '備考'],
    ['①1日入院患者数', '42人', '47人', '5人', '○', null],
    ['[病床利用率]', '[85.7%]', '[96.0%]', '[10.3%]', null, null],
    ['(単価)', '(20,000円)', '(19,136円)', '(△864円)', null, null],
    ['②1日外来患者数', '141人', c5, '4人', e6, null],
    ['③紹介率', '3.50%', '1.10%', '△2.40%', '×', null],
    [],
    ['※達成状況　○：プランを達成　×：プランに届かない'],
  ];

  test('プラン is the target and 決算 the year’s actual; a line all in brackets details the indicator above and is no item', () => {
    const result = check(grid(rows('145人', '○')), '2014-09-30');
    expect(mapping(result)).toEqual(expect.arrayContaining(['B:kpi.target', 'C:kpi.actual', 'E:evaluation']));
    expect(result.rows.map((r) => r.item)).toEqual(['①1日入院患者数', '②1日外来患者数', '③紹介率']);
    expect(result.rows.map((r) => r.achievementRate?.toFixed(4))).toEqual(['1.1190', '1.0284', '0.3143']);
    expect(issues(result)).toEqual([]);
  });

  test('a word where the settled figure is due, or a blank one, is flagged at its cell; the sub-lines draw nothing', () => {
    expect(issues(check(grid(rows('集計中', '○')), '2014-09-30'))).toEqual(['C6 invalid-number']);
    expect(issues(check(grid(rows(null, '×')), '2014-09-30'))).toEqual(['C6 missing-entry']);
    // left blank with it, the evaluation is due too
    expect(issues(check(grid(rows(null, null)), '2014-09-30'))).toEqual(['C6 missing-entry', 'E6 missing-entry']);
  });
});

describe('a three-row header repeated after a page break', () => {
  const header = [
    ['No.', '実施項目', '担当課', '財政効果額（千円）', null, null, null, null, null],
    ['No.', '実施項目', '担当課', '目標額', null, null, '実績額', null, null],
    ['No.', '実施項目', '担当課', 'H25', 'H26', '累計', 'H25', 'H26', '累計'],
  ];
  const merges = (top: number) => [`A${top}:A${top + 2}`, `B${top}:B${top + 2}`, `C${top}:C${top + 2}`, `D${top}:I${top}`, `D${top + 1}:F${top + 1}`, `G${top + 1}:I${top + 1}`];

  test('its three rows are header again, not items; the items under each copy are read', () => {
    const g = grid(
      [
        ['行政改革実施計画　取組結果（平成25年度～平成26年度）'],
        ...header,
        [1, '市税等の収納率向上', '収納課', 20000, 20000, 40000, 22400, 25100, 47500],
        [2, '未利用市有地の売却', '財産管理課', 150000, 150000, 300000, 182000, 96000, 278000],
        ...header,
        [3, '補助金の見直し', '財政課', 40000, 40000, 80000, 38000, 41000, 79000],
      ],
      [...merges(2), ...merges(7)],
    );
    const result = check(g, '2015-06-01');
    expect(result.headerRows).toEqual([2, 3, 4, 7, 8, 9]);
    expect(result.rows.map((r) => r.item)).toEqual(['市税等の収納率向上', '未利用市有地の売却', '補助金の見直し']);
    expect(result.rows.map((r) => r.achievementRate?.toFixed(4))).toEqual(['1.1875', '0.9267', '0.9875']);
    expect(issues(result)).toEqual([]);
  });
});

describe('目標 / 実績 line pairs of money effects with a 5年間計 beside the years (大村市)', () => {
  const rows = (written: string) => [
    ['第四次行政改革 実施計画 取組実績一覧（平成18～22年度）'],
    ['No.', '取組項目', '担当課', '区分', '効果額（千円）', '', '', '達成率'],
    ['', '', '', '', '平成21年度', '平成22年度', '5年間計', ''],
    [1, '市税の収納率向上', '収納課', '目標', '10,000', '14,000', '24,000', written],
    ['', '', '', '実績', '9,400', '13,400', '22,800', ''],
  ];
  const MERGES = ['A2:A3', 'B2:B3', 'C2:C3', 'D2:D3', 'E2:G2', 'H2:H3', 'A4:A5', 'B4:B5', 'C4:C5', 'H4:H5'];

  test('the 5年間計 is each line’s total: the rate is 22,800 / 24,000 = 95.00%, not 平成22年度’s 95.71%', () => {
    const result = check(grid(rows('95.0%'), MERGES), '2011-06-01');
    expect(mapping(result)).toContain('G:kpi.total');
    expect(result.rows[0].achievementRate).toBe(0.95);
    expect(issues(result, ['computed-mismatch'])).toEqual([]);
  });

  test('a written rate of the last year alone is questioned against the sums', () => {
    const result = check(grid(rows('95.7%'), MERGES), '2011-06-01');
    expect(issues(result, ['computed-mismatch'])).toEqual(['H4 computed-mismatch']);
    expect(result.issues.find((i) => i.code === 'computed-mismatch')?.message).toContain('95.00%');
  });
});

describe('目標値 over the years beside 実績値 over the same years, one row per 取組 (甲府市)', () => {
  const rows = (actual2017: CellValue, self: string) => [
    ['甲府市行政改革大綱（2016～2018） 取組項目一覧（2017年度）'],
    ['【達成状況】　S：目標を大きく上回る（120%以上）　A：目標を達成（100%以上）　B：概ね達成（80%以上）　C：未達成（80%未満）'],
    ['№', '取組項目の名称', '担当課', '指標', '目標値', '', '', '実績値', '', '', '達成状況'],
    ['', '', '', '', 2016, 2017, 2018, 2016, 2017, 2018, ''],
    [1, '窓口の待ち時間の短縮', '市民課', '待ち時間15分以内の割合', '60%', '70%', '80%', '58%', actual2017, '', self],
    [2, '電子申請の拡充', '情報政策課', '電子申請できる手続数', '20手続', '30手続', '40手続', '25手続', '33手続', '', 'A'],
  ];
  const MERGES = ['E3:G3', 'H3:J3', 'A3:A4', 'B3:B4', 'C3:C4', 'D3:D4', 'K3:K4'];

  test('each year under 目標値 is that year’s target, not an actual: 2017 is 66 / 70 = 94.29%, a B', () => {
    const result = check(grid(rows('66%', 'B'), MERGES), '2018-06-01');
    expect(mapping(result)).toEqual(expect.arrayContaining(['E:kpi.value', 'F:kpi.value', 'G:kpi.value', 'H:kpi.actual', 'I:kpi.actual', 'J:kpi.actual']));
    expect(result.rows.map((r) => r.achievementRate)).toEqual([0.9429, 1.1]);
    expect(issues(result, ['grade-mismatch'])).toEqual([]);
  });

  test('a typo in the latest year’s actual gives no rate, not the year before’s: the typo is the issue, the grade is not questioned', () => {
    const result = check(grid(rows('6６%x', 'S'), MERGES), '2018-06-01');
    expect(result.rows[0].achievementRate).toBeNull();
    expect(issues(result, ['invalid-number', 'grade-mismatch'])).toEqual(['I5 invalid-number']);
  });

  test('a grade above the year’s own rate is questioned; the year before stands in for a figure not counted yet', () => {
    expect(issues(check(grid(rows('66%', 'A'), MERGES), '2018-06-01'), ['grade-mismatch'])).toEqual(['K5 grade-mismatch']);
    // 2017 集計中: 2016's 58 / 60 = 96.67%, a B
    expect(check(grid(rows('集計中', 'B'), MERGES), '2018-06-01').rows[0].achievementRate).toBe(0.9667);
  });
});

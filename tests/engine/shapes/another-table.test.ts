/**
 * Two tables on one sheet (羽村市 施策評価シート): indicators with years across, then, under a title of
 * its own, the 事務事業 with a two-row header. The one below is not read as more of the first's rows:
 * each is checked on its own rows, with its own header and year.
 */
import { check, grid, issues } from './grid';

const rows = (name: string) => [
  ['行政評価(施策評価シート)'],
  ['2 指標(長期総合計画目標指標)'],
  ['', '指標名', '現状', 'H27実績', 'H28実績', '目標値\n(平成28年度)'],
  ['指標1', '行財政改革基本計画達成率', '-', '76.1%', '83%', '80%'],
  ['指標2', '自主財源比率', '60.2%', '60.1%', '61.0%', '65%'],
  [],
  ['3 施策を構成する平成28年度事務事業の実施・評価結果'],
  ['No', '事業名', '平成28年度実施結果', '', '評価(所管課長)', ''],
  ['', '', '決算/円', '進捗状況', '妥当性', '有効性'],
  [1, name, 10685165, '計画どおり\n完了', 'A', 'A'],
  [2, '地方公会計の整備促進', 3162551, '', 'A', 'B'],
  [2, '人事管理制度の充実', 496800, '計画どおり\n完了', 'A', 'A'],
];

describe('another table below the first one', () => {
  const MERGES = ['A7:F7', 'C8:D8', 'E8:F8'];

  test('is checked on its own rows: the items of both tables, each table read with its own header', () => {
    const result = check(grid(rows('第五次長期総合計画後期基本計画の策定'), MERGES), '2017-08-01');
    expect(result.rows.map((r) => r.item)).toEqual(['行財政改革基本計画達成率', '自主財源比率', '第五次長期総合計画後期基本計画の策定', '地方公会計の整備促進', '人事管理制度の充実']);
    expect(result.headerRows).toEqual([3]);
    expect(result.otherTables?.map((t) => ({ headerRows: t.headerRows, fiscalYear: t.fiscalYear, items: t.items }))).toEqual([{ headerRows: [8, 9], fiscalYear: 2016, items: 3 }]);
    // the blank 進捗状況 of 平成28年度 and the repeated No are the 事務事業 table's, at their cells; no warning
    expect(issues(result)).toEqual(['D11 missing-entry', 'A12 duplicate-id']);
  });

  test('its issues are flagged at their cells; the computed columns are the first table’s only', () => {
    const result = check(grid(rows(''), MERGES), '2017-08-01', { plan: true });
    expect(issues(result)).toEqual(['B10 required-missing', 'D11 missing-entry', 'A12 duplicate-id']);
    expect(result.plan.flags.map((f) => f.cell)).toEqual(expect.arrayContaining(['B10', 'D11', 'A12']));
    // the computed columns are written, and only on the first table's rows (its header is row 3, its items 4–5)
    expect(result.plan.values.length).toBeGreaterThan(0);
    expect(result.plan.values.every((v) => v.row <= 5)).toBe(true);
  });

  test('moved to a sheet of its own, that table is checked', () => {
    const own = check(grid(rows('').slice(7), ['C1:D1', 'E1:F1']), '2017-08-01');
    expect(own.template).not.toBeNull();
    expect(issues(own, ['duplicate-id'])).toEqual(['A5 duplicate-id']);
  });

  test('a count summary below the table (区分 | 件数) is no progress table: no warning', () => {
    const result = check(
      grid([
        ['No.', '取組項目', '担当課', '目標値', '実績値', '評価'],
        [1, '窓口のデジタル化', '総務課', 100, 106, 'A'],
        [2, '公共施設の再編', '財政課', 10, 8, 'B'],
        [],
        ['評価', '件数', '割合'],
        ['A', 1, '50%'],
        ['B', 1, '50%'],
      ]),
      '2025-10-15',
    );
    expect(result.rows).toHaveLength(2);
    expect(issues(result, ['unrecognized-layout'])).toEqual([]);
  });
});

describe('a count of items by grade above the list (浜松市: R5年度評価 over 件数 | 割合)', () => {
  const sheet = (counts: string[][], merges: string[]) =>
    grid(
      [
        ['行政経営推進プラン 令和5年度 進捗状況'],
        ...counts,
        ['年度計画よりも進んでいる', '1件', '50.0%'],
        ['年度計画よりも遅れている', '1件', '50.0%'],
        ['計', '2件', '100.0%'],
        ['【達成状況】　年度計画よりも進んでいる：目標値に対し実績値が110%超　年度計画どおり：95%以上110%以下　年度計画よりも遅れている：95%未満'],
        ['取組', '取組名', '担当部課', '重要業績評価指標', '目標値', '実績値', '達成状況'],
        [1, 'クラウド利用の推進', '情報政策課', 'クラウド化したシステム数', '12システム', '14システム', '年度計画よりも進んでいる'],
        [2, '外郭団体経営健全化', '行政経営課', '健全化した団体数', '10団体', '8団体', '年度計画よりも遅れている'],
      ],
      merges,
    );

  test('is no progress table: the list below is the sheet’s table, its grades not questioned', () => {
    const result = check(sheet([['R5年度評価', '取組', ''], ['', '件数', '割合']], ['A2:A3', 'B2:C2']), '2024-10-11');
    expect(result.headerRows).toEqual([8]);
    expect(result.rows.map((r) => r.item)).toEqual(['クラウド利用の推進', '外郭団体経営健全化']);
    // the grades agree with the 【達成状況】 line's bands: 14 / 12 = 116.7% is 進んでいる, 8 / 10 = 80% 遅れている
    expect(result.rows.map((r) => [r.achievementRate, r.evaluation])).toEqual([
      [1.1667, '年度計画よりも進んでいる'],
      [0.8, '年度計画よりも遅れている'],
    ]);
    expect(issues(result, ['invalid-evaluation', 'grade-mismatch', 'unrecognized-layout'])).toEqual([]);
  });

  test('a one-row count header (判定 | 判定数 | 割合) too', () => {
    const result = check(sheet([['判定', '判定数', '割合']], []), '2024-10-11');
    expect(result.headerRows).toEqual([7]);
    expect(result.rows).toHaveLength(2);
  });

  test('a progress table whose sub-labels are counts (実績 over 件数 | 割合) keeps its rows: it has a department', () => {
    const result = check(
      grid(
        [
          ['取組項目', '担当課', '実績', ''],
          ['', '', '件数', '割合'],
          ['窓口のデジタル化', '総務課', '120件', '80%'],
        ],
        ['A1:A2', 'B1:B2', 'C1:D1'],
      ),
      '2024-10-11',
    );
    expect(result.rows.map((r) => [r.item, r.department])).toEqual([['窓口のデジタル化', '総務課']]);
  });
});

describe('the 事務事業 table on a sheet of its own (羽村市)', () => {
  const rows = (efficiency: string, progress: string) => [
    ['No', '事業名', '平成28年度実施結果', '', '評価(所管課長)', '', '', ''],
    ['', '', '決算/円', '進捗状況', '妥当性\n(必要性)', '効率性\n(手法)', '有効性\n(成果)', '方向性'],
    [1, '第五次長期総合計画後期基本計画の策定', 10685165, '計画どおり\n完了', 'A', 'A', 'A', '現状維持'],
    [2, '地方公会計の整備促進', 3162551, progress, 'A', efficiency, 'A', '現状維持'],
  ];
  const MERGES = ['C1:D1', 'E1:H1', 'A1:A2', 'B1:B2'];

  test('the year is the group header’s (平成28年度実施結果), and every aspect of the evaluation is read', () => {
    const result = check(grid(rows('A', '計画どおり\n完了'), MERGES), '2017-08-01');
    expect(result.fiscalYear).toBe(2016);
    expect(result.fiscalYearSource).toBe('header');
    expect(result.columns.filter((c) => c.field.startsWith('evaluation')).map((c) => `${c.letter}:${c.field}`)).toEqual(['E:evaluation', 'F:evaluation2', 'G:evaluation3']);
    expect(issues(result)).toEqual([]);
  });

  test('a grade off the scale in the third aspect and a blank 進捗状況 of the year past are found at their cells', () => {
    const result = check(grid(rows('E', ''), MERGES), '2017-08-01');
    expect(issues(result)).toEqual(['D4 missing-entry', 'F4 invalid-evaluation']);
  });
});

describe('three parts on one page (神川町 集中改革プラン実施状況報告書)', () => {
  const rows = (status: string) => [
    ['平成26年度 第2次行政改革集中改革プラン実施状況報告書'],
    ['(1) 数値目標の実施状況'],
    ['項目', '目標', '実施状況', '', ''],
    ['定員管理', '平成26年度職員数\n146名', '職員数\n144名（平成26年4月1日現在）'],
    [],
    ['(2) 財政効果額（単位：円）'],
    ['年度', '平成22年度', '平成23年度', '平成24年度', '平成25年度'],
    ['削減額', 72579000, 98254000, 100408000, 141480000],
    ['計', 72995000, 98732000, 100918000, 141894000],
    [],
    ['(3) 取組事項の実施状況'],
    ['No.', '取組項目', '担当課', '実施状況', '財政効果額（円）'],
    [1, '定員適正化計画の推進', '総務課', '実施', 27600000],
    [2, '指定管理者制度導入の検討', '産業観光課', status, '－'],
    [3, '町営バス運転業務の民間委託', '総務課', '実施', 3120000],
    [],
    ['※実施状況　実施：取組目標どおり実施したもの　一部実施：取組の一部を実施したもの　未実施：実施していないもの'],
  ];

  test('the years-across table in between is no part of the first, and the list below is checked on its own rows', () => {
    const result = check(grid(rows('一部実施'), ['C3:E3', 'C4:E4']), '2015-11-30');
    expect(result.rows.map((r) => r.item)).toEqual(['定員管理', '定員適正化計画の推進', '指定管理者制度導入の検討', '町営バス運転業務の民間委託']);
    expect(result.otherTables?.map((t) => t.headerRows)).toEqual([[12]]);
    expect(issues(result)).toEqual([]);
  });

  test('a word off the list’s ※ scale is found at its cell', () => {
    expect(issues(check(grid(rows('完了'), ['C3:E3', 'C4:E4']), '2015-11-30'))).toEqual(['D14 invalid-evaluation']);
  });
});

describe('a second form printed below the first (南三陸町 財政健全化計画等執行状況報告書)', () => {
  test('its heading line (the first form’s 団体名 | 会計名 again) and its years-across table are no items of the first', () => {
    const rows = [
      ['財政健全化計画等執行状況報告書'],
      ['団体名', '南三陸町', '会計名', '一般会計'],
      ['2.判定結果'],
      ['項目', '目標値', '計画前年度実績'],
      ['地方債現在高', 10346, 11288],
      ['職員数', 204, 216],
      ['改善額', 582, 4],
      [],
      ['別紙様式1−3'],
      ['団体名', '南三陸町', '会計名', '一般会計'],
      ['区分', '平成20年度', '平成21年度', '平成22年度', '平成23年度'],
      ['計画目標値(A)', 11020, 10933, 10957, 10637],
      ['実績(見込)値(B)', 10973, '', 10835, 10777],
    ];
    const result = check(grid(rows, ['A9:E9']), '2010-09-01');
    expect(result.rows.map((r) => r.item)).toEqual(['地方債現在高', '職員数', '改善額']);
    expect(issues(result)).toEqual([]);
  });
});

describe('many tables on one sheet', () => {
  test('the first twenty below the first are checked; the others keep the warning, each at its header', () => {
    const rows: (string | number)[][] = [['No.', '取組項目', '担当課', '実施状況']];
    const block = (n: number) => [[n, `取組${n}`, '総務課', '完了'], [n + 1, `取組${n + 1}`, '財政課', '完了']];
    rows.push(...block(1));
    for (let t = 0; t < 25; t++) rows.push([], ['No', '事業名', '所管課', '評価'], ...block(100 + t * 2));
    const result = check(grid(rows), '2025-10-15');
    expect(result.otherTables).toHaveLength(20);
    expect(result.issues.filter((i) => i.params.messageId === 'unrecognized-layout.another-table')).toHaveLength(5);
  });
});

describe('another table under its own heading and legend (香川県後期高齢者医療広域連合: 個別事業 | プロセス評価)', () => {
  const rows = (d9: string | null) => [
    ['保健事業実施計画　平成27年度の実績評価'],
    ['番号', '評価指標', '基準値（H25）', '目標値', '実績値（H27）', '達成状況'],
    ['①', '後発医薬品の数量シェア', '45.0%', '55.0%', '57.3%', '達成'],
    ['②', '健康診査の受診率', '20.1%', '25.0%', '24.0%', '未達成'],
    [],
    ['2　個別事業の取組状況（プロセス評価）'],
    ['評価　A：計画どおり実施　B：一部に課題がある　C：実施に至らなかった'],
    ['No.', '個別事業', 'プロセス評価\n（Ⅰ企画・立案　Ⅱ実施　Ⅲ評価）', '備考'],
    [1, '健康診査事業', 'A', ''],
    [2, '医療費通知事業', d9, ''],
    [3, '糖尿病対策支援事業', 'C', '事業の実施を翌年度に繰り越した'],
  ];

  test('個別事業 is the item and プロセス評価（…） the evaluation, on the legend line above the table, not the aspects in its bracket', () => {
    const result = check(grid(rows('B'), ['A6:D6', 'A7:D7']), '2016-11-01');
    expect(result.otherTables?.map((t) => t.headerRows)).toEqual([[8]]);
    expect(issues(result)).toEqual([]);
  });

  test('a grade off that legend, or a blank one once the year is over, is flagged at its cell with the legend’s grades', () => {
    const off = check(grid(rows('D'), ['A6:D6', 'A7:D7']), '2016-11-01');
    expect(issues(off)).toEqual(['C10 invalid-evaluation']);
    expect(off.issues[0].message).toContain('A・B・C');
    expect(issues(check(grid(rows(null), ['A6:D6', 'A7:D7']), '2016-11-01'))).toEqual(['C10 missing-entry']);
  });
});

/**
 * Transposed tables and cards (issue 7 item 3): years across, 計画 / 実績 rows (or a 計画 band and
 * an [実績] band) per indicator. They are read as paired 目標/実績 rows, and every issue names the
 * sheet cell a person edits, not a cell of the table built from them.
 */
import fc from 'fast-check';
import type { CellValue } from '../../../src/engine';
import { check, grid, issues, mapping } from './grid';

const effectTable: CellValue[][] = [
  ['行政改革 効果額の推移'],
  ['①職員数の適正化（人事課）'],
  ['年度', 'H23', 'H24', 'H25', 'H26', 'H27'],
  ['計画額', 100, 120, 140, 160, 180],
  ['実績額', 90, 125, '未集計', '', ''],
  ['達成率', '90%', '104%', '', '', ''],
];

test('years across, 計画額 / 実績額 down: read as paired rows, issues at the sheet cells', () => {
  // as of 2015-06: FY2014 (H26) is the latest year reported; H27 is not due yet
  const result = check(grid(effectTable), '2015-06-30');
  expect(result.status).toBe('checked');
  expect(result.template).toBe('kpi-target-actual');
  expect(result.shape).toBe('transposed');
  expect(result.templateName).toBe('目標・実績対比型（年度が横に並ぶ表）');
  expect(result.headerRows).toEqual([3]);
  expect(issues(result)).toEqual(['D5 invalid-number', 'E5 missing-entry']);
  expect(result.issues[1].message).toBe('平成26年度の実績値（1職員数の適正化(人事課)）が未入力です。実績値を入力してください（該当がなければ「－」）。');
  // the item, and its owner from the brackets at the end of the title
  expect(result.rows).toHaveLength(1);
  expect(result.rows[0]).toMatchObject({ row: 2, item: '1職員数の適正化(人事課)', department: '人事課' });
  // the latest year with both a target and a number: H24, 125 / 120
  expect(result.rows[0].achievementRate).toBe(1.0417);
  // nothing to write into a transposed table but the flags at the cells
  expect(result.plan.values).toEqual([]);
  expect(result.plan.flags.map((f) => `${f.row},${f.column}`)).toEqual(['5,4', '5,5']);
  // --explain: the years are the sheet's columns B…F
  expect(mapping(result).filter((m) => m.endsWith('kpi.value'))).toEqual(['B:kpi.value', 'C:kpi.value', 'D:kpi.value', 'E:kpi.value', 'F:kpi.value']);
});

test('a 計画 band and an [実績] band: indicators paired by name, narrative rows are no indicator', () => {
  const g = grid(
    [
      ['平成27年度 行政改革大綱実施計画に基づく取組内容等'],
      ['①地域活動の支援(協働推進課)'],
      ['年度', 'H25', 'H26', 'H27'],
      ['実施計画の\n内容', '補助制度の施行', '同左', '本格実施'],
      ['補助金交付\n件数', '50 件', '70 件', '100 件'],
      ['[実績]', 'H25 実績', 'H26 実績', 'H27 実績見込み'],
      ['実施計画の\n内容', '同上', '同上', ''],
      ['補助金交付\n件数', '23 件', '', '集計中'],
      ['【補助金】年 1 回の募集 交付件数 23 件'],
    ],
    ['A2:D2', 'A9:D9'],
  );
  const result = check(g, '2016-06-01');
  expect(result.shape).toBe('transposed');
  expect(result.fiscalYear).toBe(2015);
  // the narrative row's blank H27 is no missing entry; the indicator's are
  expect(issues(result)).toEqual(['C8 missing-entry', 'D8 invalid-number']);
  expect(result.rows[0].kpis.map((k) => k.name)).toEqual(['補助金交付件数']);
  expect(result.rows[0].department).toBe('協働推進課');
});

test('a one-project card: 区分 mini tables, an unused slot, the 課 beside the title, 一次評価 on its own', () => {
  const g = grid(
    [
      ['事務事業名', '科学館展示物更新事業', null, null, '部', '文化スポーツ部', '課', '文化振興課'],
      ['成果指標1', '入館者数', null, '単位: 人'],
      [null, '区分', '平成25年度', '平成26年度', '平成27年度'],
      [null, '計画値', 147000, 147000, 147000],
      [null, '実績値', 124790, 119320, ''],
      ['成果指標2', null, null, '単位:'],
      [null, '区分', '平成25年度', '平成26年度', '平成27年度'],
      [null, '計画値', null, null, null],
      [null, '実績値', null, null, null],
      ['一次評価', 'Z', '状況', '利用者数が増加傾向である'],
    ],
    ['A2:A5', 'A6:A9'],
  );
  const result = check(g, '2016-06-01');
  expect(result.shape).toBe('transposed');
  // the empty 成果指標2 slot is skipped; Z is on no scale; A would not be compared with a rate
  expect(issues(result)).toEqual(['E5 missing-entry', 'B10 invalid-evaluation']);
  expect(result.rows.map((r) => [r.row, r.item, r.department])).toEqual([
    [2, '入館者数', '文化振興課'],
    [10, '一次評価', null],
  ]);
  g.values[9][1] = 'A';
  expect(issues(check(g, '2016-06-01'))).toEqual(['E5 missing-entry']);
});

test('a KPI card: 従前値 | years | 目標値, "-" for years with no milestone, the owner cell required', () => {
  const g = grid(
    [
      ['平成27年度実績評価シート'],
      ['KPI その1', '新規プロジェクトの創出数', null, null, null, null, '指標担当部課等', null],
      ['数値の推移', '従前値', '(単位)', 'H27', 'H28', 'H29', '目標値', '(単位)'],
      [null, '７', '件', '-', '-', 12, 12, '件'],
      ['実績値', null, null, '', '-', '-', null, null],
      ['総合評価', 'B:継続実施'],
    ],
    ['A3:A4'],
  );
  const result = check(g, '2016-06-01');
  expect(issues(result)).toEqual(['H2 required-missing', 'B4 normalized-value', 'D5 missing-entry']);
  expect(result.rows[0].kpis[0]).toMatchObject({ name: '新規プロジェクトの創出数', unit: '件' });
});

test('an ordinary table whose header holds years (成果指標 | 区分 | 平成12年 …) is not read as transposed', () => {
  const result = check(
    grid([
      ['主要施策コード', '成果指標', '区分', '平成12年', '平成13年実績', '平成14年実績', '5ヵ年目標'],
      ['11204', 'IT講座修了者数', '当初', 'なし', '1,007人', '448人', '1,400人'],
      ['11302', '図書館入館者数', '当初', '102,521人', '105,757人', '', '105,000人'],
    ]),
    '2003-10-01',
  );
  expect(result.shape).toBe('rows');
});

test('a sheet of text with years in it is no table at all', () => {
  const result = check(grid([['平成25年度', '平成26年度'], ['同上', '同左']]));
  expect(result.template).toBeNull();
});

test('property: the block moved anywhere on the sheet gives the same issues, moved with it (seeded)', () => {
  const base = issues(check(grid(effectTable), '2015-06-30'));
  const shift = (address: string, dr: number, dc: number) => {
    const m = /^([A-Z]+)(\d+) (.*)$/.exec(address) as RegExpExecArray;
    const column = m[1].charCodeAt(0) - 64 + dc;
    return `${String.fromCharCode(64 + column)}${Number(m[2]) + dr} ${m[3]}`;
  };
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 6 }), (dr, dc) => {
      const rows: CellValue[][] = [
        ...Array.from({ length: dr }, () => [] as CellValue[]),
        ...effectTable.map((r) => [...Array.from({ length: dc }, () => null), ...r]),
      ];
      const moved = check(grid(rows), '2015-06-30');
      expect(moved.shape).toBe('transposed');
      expect(issues(moved)).toEqual(base.map((a) => shift(a, dr, dc)));
    }),
    { seed: 20261201, numRuns: 40 },
  );
});

test('years written without their era (18年度 … 22年度 | 計): the era nearest the as-of date; 達成率 compared', () => {
  const g = grid(
    [
      ['平成18年度における行財政改革行動計画の進捗状況'],
      ['【目標指標1】改革の効果額(累計額)150億円を目指す。'],
      [null, null, null, null, null, null, '(単位:百万円)'],
      ['区分', '18年度', '19年度', '20年度', '21年度', '22年度', '計'],
      ['計画額\n(累計額)', '950\n(9500)', '1,030\n(2,930)', '1,200\n(6,110)', '840\n(10,130)', '1,120\n(15,270)', '5,140\n(15,270)'],
      ['実績額', 2085, null, null, null, null, 2085],
      ['達成率', '291.5%', null, null, null, null, '40.6%'],
    ],
    ['A1:G1', 'A2:G2'],
  );
  const result = check(g, '2007-06-01');
  expect(result.fiscalYear).toBe(2006);
  expect(result.rows[0].item).toBe('【目標指標1】改革の効果額(累計額)150億円を目指す。');
  // 2,085 / 950 = 219.47%, written 291.5%; 19年度 (2007) is not due yet
  expect(issues(result)).toEqual(['B7 computed-mismatch']);
  expect(result.rows[0].achievementRate).toBe(2.1947);
  const years = (asOf: string) => check(g, asOf).columns.filter((c) => c.field === 'kpi.value').map((c) => c.label);
  expect(years('2007-06-01')).toEqual(['平成18年度', '平成19年度', '平成20年度', '平成21年度', '平成22年度']);
  // near 2036 the same bare years are 令和
  expect(years('2036-06-01')[0]).toBe('令和18年度');
});

/**
 * design.md §5 "Computed columns": 達成率 and 算定評価, with the worked numbers of the design page
 * and the three seed-004 figures through checkSheet.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { achievementRate, gradeOf, kpiRate } from '../../../src/engine/compute/rate';
import type { PeriodEntry } from '../../../src/engine/rows/record';
import { DEFAULT_GRADE_SCALE, parseConfig } from '../../../src/engine/config';
import { checkSheet, type CellValue, type Grid, type MergedArea } from '../../../src/engine';
import { readWorkbook } from '../../../src/hosts/xlsx/readWorkbook';

describe('achievementRate (§5 rules 1, 2, 4)', () => {
  test('rule 1, decreasing target: 人件費 baseline 4,031,724,014 → target 4,000,000,000, actual 4,020,000,000 → 0.3696', () => {
    const rate = achievementRate(4_020_000_000, 4_000_000_000, 4_031_724_014);
    expect(rate).not.toBeNull();
    expect(rate as number).toBeCloseTo(0.3696, 4);
    // (a − b) / (t − b) by hand
    expect(rate as number).toBeCloseTo((4_020_000_000 - 4_031_724_014) / (4_000_000_000 - 4_031_724_014), 12);
  });

  test('rule 1, decreasing target reached exactly is 1.0, overshot is above 1', () => {
    expect(achievementRate(4_000_000_000, 4_000_000_000, 4_031_724_014)).toBeCloseTo(1, 4);
    expect(achievementRate(3_990_000_000, 4_000_000_000, 4_031_724_014) as number).toBeGreaterThan(1);
  });

  test('rule 1, increasing target: baseline 2,637 → target 20,000, actual 18,248 → 0.8991', () => {
    expect(achievementRate(18_248, 20_000, 2_637) as number).toBeCloseTo((18_248 - 2_637) / (20_000 - 2_637), 4);
    expect(achievementRate(18_248, 20_000, 2_637) as number).toBeCloseTo(0.8991, 4);
  });

  test('rule 1, a decreasing target to zero (t = 0 with a baseline): baseline 10, actual 4 → 0.6', () => {
    expect(achievementRate(4, 0, 10) as number).toBeCloseTo(0.6, 4);
  });

  test('rule 2, a target to maintain (100% → 100%, t = b) with actual 98% is a / t = 0.98', () => {
    expect(achievementRate(0.98, 1.0, 1.0) as number).toBeCloseTo(0.98, 4);
  });

  test('rule 2, no baseline: a / t', () => {
    expect(achievementRate(38_020, 40_000, null) as number).toBeCloseTo(0.9505, 4);
  });

  test('rule 2/4, t = 0 with no baseline: no rate', () => {
    expect(achievementRate(5, 0, null)).toBeNull();
  });

  test('rule 2/4, t = b = 0: no rate', () => {
    expect(achievementRate(5, 0, 0)).toBeNull();
  });
});

describe('gradeOf, default scale S ≥ 120%, A ≥ 100%, B ≥ 80%, C ≥ 50%, D below', () => {
  test.each([
    [1.5, 'S'],
    [1.2, 'S'],
    [1.1999, 'A'],
    [1.0, 'A'],
    [0.9999, 'B'],
    [0.8, 'B'],
    [0.7999, 'C'],
    [0.5, 'C'],
    [0.4999, 'D'],
    [0, 'D'],
    [-0.25, 'D'],
    [-1000, 'D'],
  ])('%p → %s', (rate, grade) => {
    expect(gradeOf(rate, DEFAULT_GRADE_SCALE)).toBe(grade);
  });

  test('boundaries reached through floating arithmetic still count: 0.6 × 2 = 1.2 → S, 80/100 → B', () => {
    expect(gradeOf(0.6 * 2, DEFAULT_GRADE_SCALE)).toBe('S');
    expect(gradeOf(80 / 100, DEFAULT_GRADE_SCALE)).toBe('B');
  });

  test('the rate is compared at 4 decimals, as it is kept: 0.99995 (shown as 100.0%) is A', () => {
    expect(gradeOf(0.99995, DEFAULT_GRADE_SCALE)).toBe('A');
  });
});

describe('gradeOf, a configured scale A ≥ 100%, B ≥ 60%, C below', () => {
  const config = parseConfig(
    {
      gradeScale: [
        { grade: 'A', min: 1.0 },
        { grade: 'B', min: 0.6 },
        { grade: 'C', min: null },
      ],
    },
    'test',
  );
  const scale = config.gradeScale!;

  test.each([
    [1.3, 'A'],
    [1.0, 'A'],
    [0.9999, 'B'],
    [0.6, 'B'],
    [0.5999, 'C'],
    [0, 'C'],
    [-0.5, 'C'],
  ])('%p → %s', (rate, grade) => {
    expect(gradeOf(rate, scale)).toBe(grade);
  });

  test('there is no S on this scale', () => {
    expect(gradeOf(5, scale)).toBe('A');
  });
});

// ---------------------------------------------------------------------------------------------
// §5 rule 3 through checkSheet: the kpi-target-actual layout (seed 004), 目標/実績 paired rows.

const SEED_004 = join(__dirname, '../../fixtures/seeds/004-kpi-target-actual.xlsx');
/** Seed 004's first header block sits on grid rows 6 and 7 (sheet rows 7–8). */
const SEED_HEADER_ROWS = [6, 7];

interface Header {
  rows: CellValue[][];
  merges: MergedArea[];
}

async function seedHeader(): Promise<Header> {
  const [sheet] = await readWorkbook(new Uint8Array(readFileSync(SEED_004)));
  const [top, bottom] = SEED_HEADER_ROWS;
  const rows = [top, bottom].map((r) => [...sheet.grid.values[r]]);
  const merges = (sheet.grid.merges ?? [])
    .filter((m) => m.top >= top && m.bottom <= bottom)
    .map((m) => ({ ...m, top: m.top - top, bottom: m.bottom - top }));
  return { rows, merges };
}

// Columns of seed 004: A No. | B 実施項目 | C 行動計画 | D–H R1..R5 schedule | I R5年度実績 | J R5年度計画 |
// K 成果指標 項目 | L 目標/実績 | M 29基準 | N 30実績 | O–S R1..R5 | T 合計 | U 達成率 | V 財政効果額 | W 全体評価
type Row = CellValue[];
function pair(
  no: number,
  item: string,
  indicator: string,
  target: { values: CellValue[]; total: CellValue },
  actual: { values: CellValue[]; total: CellValue },
  rate: CellValue,
  evaluation: CellValue,
): [Row, Row] {
  const sched = ['', '', '', '', '達成'];
  return [
    [no, item, '行動計画', ...sched, '年度実績の記述', '年度計画の記述', indicator, '目標', ...target.values, target.total, rate, '/', evaluation],
    ['', '', '', '', '', '', '', '', '', '', '', '実績', ...actual.values, actual.total],
  ];
}

/** Vertical merges over a pair, as seed 004 has them (No., 実施項目, 実績, 計画, 項目, 達成率, 効果額, 評価). */
function pairMerges(top: number): MergedArea[] {
  return [0, 1, 8, 9, 10, 20, 21, 22].map((c) => ({ top, bottom: top + 1, left: c, right: c }));
}

/** No.9, No.10 and No.50 of seed 004, figures as the seed writes them. */
function seedItems(evaluations: [CellValue, CellValue, CellValue] = ['A', 'B', 'C']): Row[] {
  return [
    ...pair(
      9,
      '自治体クラウドの導入',
      '電算システム経費削減額(千円)',
      { values: ['-', '-', '12,360', '115,945', '△ 30,095', '△ 30,095', '△ 30,095'], total: '38,020' },
      { values: ['-', '-', '25,145', '126,220', '△ 36,127', '△ 36,155', '△ 38,644'], total: '40,439' },
      '106.36%',
      evaluations[0],
    ),
    ...pair(
      10,
      'マイナンバーカードの推進',
      'マイナンバーカードの発行件数(累計枚数)',
      { values: ['2,637', '-', '3,293', '3,543', '3,793', '17,600', '20,000'], total: '/' },
      { values: ['2,637', '2,937', '3,724', '5,998', '9,208', '16,391', '18,248'], total: '' },
      '91.24%',
      evaluations[1],
    ),
    ...pair(
      50,
      'ふるさと納税の推進',
      'ふるさと美祢応援寄附金額(千円)',
      { values: ['58,611', '-', '77,000', '77,000', '77,000', '77,000', '77,000'], total: '385,000' },
      { values: ['58,611', '62,627', '59,280', '28,197', '30,480', '56,089', '78,529'], total: '252,575' },
      '65.60%',
      evaluations[2],
    ),
  ];
}

function grid004(header: Header, items: Row[], withMerges: boolean): Grid {
  const values = [...header.rows.map((r) => [...r]), ...items];
  const merges = [...header.merges];
  if (withMerges) for (let top = 2; top < values.length; top += 2) merges.push(...pairMerges(top));
  return { values, merges };
}

describe('§5 rule 3, target/actual per year (kpi-target-actual, seed 004) through checkSheet', () => {
  let header: Header;
  beforeAll(async () => {
    header = await seedHeader();
  });

  test('the copied header is seed 004’s two-row header', () => {
    expect(header.rows[0][0]).toBe('No.');
    expect(header.rows[1][10]).toBe('項目');
    expect(header.rows[1][19]).toBe('合計');
  });

  describe.each([
    ['with the seed’s merges', true],
    ['without merges (carry-down stands in)', false],
  ])('%s', (_name, withMerges) => {
    test('detects kpi-target-actual with three items, one per pair of rows', () => {
      const result = checkSheet(grid004(header, seedItems(), withMerges), { asOf: '2024-06-01' });
      expect(result.template).toBe('kpi-target-actual');
      expect(result.headerRows).toEqual([1, 2]);
      expect(result.rows.map((r) => [r.id, r.row, r.lastRow])).toEqual([
        ['9', 3, 4],
        ['10', 5, 6],
        ['50', 7, 8],
      ]);
    });

    test('No.9, both totals filled: 40,439 / 38,020 = 106.36% → A', () => {
      const row = checkSheet(grid004(header, seedItems(), withMerges), { asOf: '2024-06-01' }).rows[0];
      expect(row.achievementRate as number).toBeCloseTo(1.0636, 4);
      expect(row.grade).toBe('A');
      expect(row.kpis[0]).toMatchObject({ actual: 40439, target: 38020, baseline: null });
    });

    test('No.10, only per-year values: the latest year with both, 18,248 / 20,000 = 91.24% → B', () => {
      const row = checkSheet(grid004(header, seedItems(), withMerges), { asOf: '2024-06-01' }).rows[1];
      expect(row.achievementRate as number).toBeCloseTo(0.9124, 4);
      expect(row.grade).toBe('B');
      expect(row.kpis[0]).toMatchObject({ actual: 18248, target: 20000 });
    });

    test('No.50, totals: 252,575 / 385,000 = 65.60% → C', () => {
      const row = checkSheet(grid004(header, seedItems(), withMerges), { asOf: '2024-06-01' }).rows[2];
      expect(row.achievementRate as number).toBeCloseTo(0.656, 4);
      expect(row.grade).toBe('C');
    });

    test('the sheet’s own 達成率 and 全体評価 agree: no computed-mismatch, no grade-mismatch', () => {
      const result = checkSheet(grid004(header, seedItems(), withMerges), { asOf: '2024-06-01' });
      const codes = result.issues.map((i) => i.code);
      expect(codes).not.toContain('computed-mismatch');
      expect(codes).not.toContain('grade-mismatch');
    });
  });

  test('a self-evaluation that differs from the computed grade is a grade-mismatch warning at its cell', () => {
    // seed 004 writes B for No.9, whose figures give A
    const result = checkSheet(grid004(header, seedItems(['B', 'B', 'C']), true), { asOf: '2024-06-01' });
    const mismatches = result.issues.filter((i) => i.code === 'grade-mismatch');
    expect(mismatches.map((i) => [i.cell, i.severity, i.field])).toEqual([['W3', 'warning', 'evaluation']]);
  });

  test('a configured scale (A ≥ 100%, B ≥ 60%, C below) is applied: 1.0636 → A, 0.9124 → B, 0.656 → B', () => {
    const config = parseConfig(
      { gradeScale: [{ grade: 'A', min: 1 }, { grade: 'B', min: 0.6 }, { grade: 'C', min: null }] },
      'test',
    );
    const result = checkSheet(grid004(header, seedItems(['A', 'B', 'B']), true), { asOf: '2024-06-01', config });
    expect(result.rows.map((r) => r.grade)).toEqual(['A', 'B', 'B']);
    expect(result.issues.filter((i) => i.code === 'grade-mismatch')).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// A single-row indicator with a 累計 column (福知山市's 主要目標: 目標値 | 2年度実績 | 累計 | 進捗率):
// the rate is 累計 ÷ 目標, the progress toward the plan's target, and a mismatch names its figures.

describe('a 累計 column beside the year’s actual', () => {
  const HEADER: CellValue[] = ['No.', '取組項目', '担当課', '目標値', '2年度実績', '累計\n(H28~R2年度)', '進捗率'];
  const check = (rows: CellValue[][], locale: 'ja' | 'en' = 'ja') => checkSheet({ values: [['令和2年度 行政改革の取組状況'], HEADER, ...rows] }, { asOf: '2021-06-01', locale });

  test('累計 ÷ 目標: 4,533 / 3,297 = 137.49%, not the year’s 1,092 / 3,297', () => {
    const result = check([
      [1, '削減効果額', '行革推進課', '3,297百万円', '1,092百万円', '4,533百万円', '137.5%'],
      [2, '公共施設マネジメントの推進', '資産活用課', '45,298㎡', '4,749㎡', '24,672㎡', '54.5%'],
    ]);
    expect(result.columns.map((c) => c.field)).toEqual(expect.arrayContaining(['kpi.target', 'kpi.actual', 'kpi.total', 'rate']));
    expect(result.rows.map((r) => r.achievementRate)).toEqual([1.3749, 0.5447]);
    expect(result.rows[0].kpis[0]).toMatchObject({ target: 3297, actual: 4533 });
    // the published rates agree with 累計 ÷ 目標: nothing to flag
    expect(result.issues.filter((i) => i.code === 'computed-mismatch')).toEqual([]);
  });

  test('a rate written from other figures is flagged with the figures it was checked against', () => {
    const result = check([[1, '削減効果額', '行革推進課', '3,297百万円', '1,092百万円', '4,533百万円', '173.5%']]);
    const issue = result.issues.find((i) => i.code === 'computed-mismatch');
    expect(issue?.cell).toBe('G3');
    expect(issue?.message).toBe('記入された達成率 173.50% が、目標 3,297・累計 4,533 から計算した 137.49% と異なります。数値または計算式を確認してください。');
    const en = check([[1, '削減効果額', '行革推進課', '3,297百万円', '1,092百万円', '4,533百万円', '173.5%']], 'en');
    expect(en.issues.find((i) => i.code === 'computed-mismatch')?.message).toBe(
      'The achievement rate written here (173.50%) differs from 137.49% computed from the target 3,297 and the cumulative actual 4,533. Check the figures.',
    );
  });

  test('a blank 累計 leaves the year’s actual: 1,092 / 3,297 = 33.12%', () => {
    const result = check([[1, '削減効果額', '行革推進課', '3,297百万円', '1,092百万円', '', '']]);
    expect(result.rows[0].achievementRate).toBe(0.3312);
  });

  test('beside a baseline (a level, not a sum) the year’s actual is measured: (1,500 − 1,000) / (2,000 − 1,000) = 50%', () => {
    const cell = (value: CellValue) => ({ r: 1, c: 0, value, numberFormat: null, label: '' });
    const rate = kpiRate({
      name: cell('電子申請の件数'),
      unit: null,
      baseline: cell(1000),
      target: cell(2000),
      yearTargets: [],
      yearActuals: [{ fiscalYear: 2020, cell: cell(1500) } as PeriodEntry],
      totalTarget: null,
      totalActual: cell(4200),
      targetRow: null,
      actualRow: null,
    });
    expect(rate).toMatchObject({ rate: 0.5, actual: 1500, formula: 'progress' });
  });
});

describe('the latest year reported decides the rate (design.md §5: not a number, no rate)', () => {
  // 丸亀市's 成果指標の推移: 基準値（H28）, 実績値 over H29 | H30, 目標値（R4）, the sheet's own 達成率
  const HEADER: CellValue[][] = [
    ['基本施策', '成果指標', '単位', '基準値（H28）', '実績値', '実績値', '目標値（R4）', '達成率', '所管部'],
    ['基本施策', '成果指標', '単位', '基準値（H28）', 'H29', 'H30', '目標値（R4）', '達成率', '所管部'],
  ];
  const check = (h30: CellValue, written: CellValue = '') =>
    checkSheet(
      {
        values: [
          ['令和元年度 行政評価 成果指標の推移'],
          ...HEADER,
          ['子育て支援', '保育所待機児童数', '人', 40, 30, h30, 0, written, '健康福祉部'],
          ['子育て支援', '放課後児童クラブ登録児童数', '人', 1000, 1100, 1200, 1500, '40.0%', '健康福祉部'],
        ],
      },
      { asOf: '2019-06-01' },
    );

  test('H30 read: the latest figure is H30’s, (20 − 40) / (0 − 40) = 50.00%', () => {
    const result = check(20);
    expect(result.rows[0].achievementRate).toBe(0.5);
  });

  test('H30 holds a typo (2O, a letter O): no rate, not H29’s 25.00%; the typo is the issue, and a correct written 達成率 is not questioned', () => {
    const result = check('2O', '50.0%');
    expect(result.rows[0].achievementRate).toBeNull();
    expect(result.issues.filter((i) => i.row === 4).map((i) => `${i.cell} ${i.code}`)).toEqual(['F4 invalid-number']);
  });

  test('H30 blank, 「－」 or 未集計: H29 is the latest figure reported, (30 − 40) / (0 − 40) = 25.00%', () => {
    for (const h30 of ['', '－', '未集計']) expect(check(h30).rows[0].achievementRate).toBe(0.25);
  });
});

/**
 * Detection is a property of the table, not of where it sits (design.md §2: "Real workbooks vary,
 * and the checker must survive all of this: title rows above the header; …"). Starting from real
 * seed workbooks, the detected template, the number of items and the issues found must not change
 * when title rows are added above, when blank rows are inserted, or when the columns are reordered.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import fc from 'fast-check';
import { checkSheet, type CellValue, type Grid, type Issue, type MergedArea, type SheetCheck } from '../../../src/engine';
import { readWorkbook } from '../../../src/hosts/xlsx/readWorkbook';

/** Seeded, so a run can be repeated; PROPERTY_SEED=<n> searches elsewhere. */
const SEED = Number(process.env.PROPERTY_SEED) || 20261201;

const SEEDS = join(__dirname, '../../fixtures/seeds');
const AS_OF = '2025-10-15';
/** Override with PROPERTY_RUNS=300 for a deeper search. */
const NUM_RUNS = Number(process.env.PROPERTY_RUNS) || 30;

interface Seed {
  name: string;
  grid: Grid;
  /** What checkSheet finds on the seed as it is. */
  base: SheetCheck;
}

async function loadSheet(file: string, sheetName: string): Promise<Grid> {
  const sheets = await readWorkbook(new Uint8Array(readFileSync(join(SEEDS, file))));
  const sheet = sheets.find((s) => s.name === sheetName);
  if (!sheet) throw new Error(`${file} has no sheet ${sheetName}`);
  return sheet.grid;
}

const check = (grid: Grid) => checkSheet(grid, { asOf: AS_OF });
const width = (grid: Grid) => Math.max(0, ...grid.values.map((r) => r.length), ...(grid.merges ?? []).map((m) => m.right + 1));
const sorted = (xs: string[]) => [...xs].sort();
const codes = (r: SheetCheck) => sorted(r.issues.map((i) => i.code));
const codeFields = (r: SheetCheck) => sorted(r.issues.map((i) => `${i.code} ${i.field}`));
/** Where an issue is, apart from its row: what must survive a row shift. */
const where = (i: Issue) => `${i.code} ${i.field} ${i.column}`;

// ---------------------------------------------------------------------------------------------
// Grid surgery. Values, number formats and merges move together.

/** Insert `rows` before grid row `at`; merges at or below `at` move down (none may straddle `at`). */
function insertRows(grid: Grid, at: number, rows: CellValue[][]): Grid {
  const k = rows.length;
  const values = [...grid.values.slice(0, at), ...rows.map((r) => [...r]), ...grid.values.slice(at)];
  const formats = grid.numberFormats
    ? [...Array.from({ length: at }, (_, r) => grid.numberFormats![r] ?? []), ...rows.map(() => []), ...grid.numberFormats.slice(at)]
    : undefined;
  const merges = (grid.merges ?? []).map((m) => {
    if (m.top < at && at <= m.bottom) throw new Error('insertion inside a merge');
    return m.top >= at ? { ...m, top: m.top + k, bottom: m.bottom + k } : { ...m };
  });
  return { values, numberFormats: formats, merges };
}

/** Rows before which a row can be inserted without landing inside a vertical merge. */
function insertionPoints(grid: Grid): number[] {
  const inside = new Set<number>();
  for (const m of grid.merges ?? []) for (let r = m.top + 1; r <= m.bottom; r++) inside.add(r);
  return Array.from({ length: grid.values.length + 1 }, (_, r) => r).filter((r) => !inside.has(r));
}

/**
 * Reorder the columns: new column j holds old column perm[j]. Merges inside one column follow it
 * and merges across the whole width stay; other merges (a group label over two columns) cannot be
 * remapped and are dropped, so compare against `remappableMerges(grid)`.
 */
function permuteColumns(grid: Grid, perm: number[]): Grid {
  const newOf = new Map(perm.map((old, j) => [old, j]));
  const w = perm.length;
  return {
    values: grid.values.map((row) => perm.map((old) => (old < row.length ? row[old] ?? '' : ''))),
    numberFormats: grid.numberFormats?.map((row) => perm.map((old) => row?.[old] ?? null)),
    merges: remappable(grid.merges ?? [], w).map((m) =>
      m.left === m.right ? { ...m, left: newOf.get(m.left)!, right: newOf.get(m.left)! } : { ...m },
    ),
  };
}

function remappable(merges: MergedArea[], w: number): MergedArea[] {
  return merges.filter((m) => m.left === m.right || (m.left === 0 && m.right >= w - 1));
}

function remappableMerges(grid: Grid): Grid {
  return { ...grid, merges: remappable(grid.merges ?? [], width(grid)) };
}

// ---------------------------------------------------------------------------------------------
// Arbitraries

/** Short Japanese title text: kana and kanji, no digits or era names (a year in a title legitimately sets the fiscal year, §6). */
const TITLE_CHARS = [
  ...'あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわをん',
  ...'アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲンー',
  ...'市町村県行財政改革大綱後期前期行動計画進行管理票とりまとめ一覧取組状況報告書総務部企画課推進本部',
  '・', '　', ' ', '（', '）', '【', '】',
];
const titleText = fc.string({ unit: fc.constantFrom(...TITLE_CHARS), minLength: 1, maxLength: 24 }).filter((t) => t.trim() !== '');
const titleRows = fc.array(titleText, { minLength: 1, maxLength: 5 });

// ---------------------------------------------------------------------------------------------

describe.each([
  ['002-plan-result-evaluation.xlsx', '進行管理票', 'plan-result-evaluation'],
  ['003-kpi-baseline-target.xlsx', '実施計画', 'kpi-baseline-target'],
  ['004-kpi-target-actual.xlsx', '進捗管理票', 'kpi-target-actual'],
])('%s / %s', (file, sheetName, template) => {
  let seed: Seed;
  beforeAll(async () => {
    const grid = await loadSheet(file, sheetName);
    seed = { name: file, grid, base: check(grid) };
  });

  test(`the seed as it is reads as ${template}, with items`, () => {
    expect(seed.base.template).toBe(template);
    expect(seed.base.rows.length).toBeGreaterThan(0);
  });

  test('(a) 1–5 title rows above the table change nothing but the rows of what is found', () => {
    fc.assert(
      fc.property(titleRows, (titles) => {
        const k = titles.length;
        const result = check(insertRows(seed.grid, 0, titles.map((t) => [t])));
        expect(result.template).toBe(seed.base.template);
        expect(result.rows.length).toBe(seed.base.rows.length);
        expect(codes(result)).toEqual(codes(seed.base));
        expect(result.fiscalYear).toBe(seed.base.fiscalYear);
        // every issue, and every item, k rows lower
        expect(result.issues.map((i) => `${where(i)} ${i.row}`)).toEqual(seed.base.issues.map((i) => `${where(i)} ${i.row + k}`));
        expect(result.rows.map((r) => r.row)).toEqual(seed.base.rows.map((r) => r.row + k));
        expect(result.headerRows).toEqual(seed.base.headerRows.map((r) => r + k));
      }),
      { seed: SEED, numRuns: NUM_RUNS },
    );
  });

  test('(b) blank rows inserted anywhere (outside merged areas) shift issues by the rows inserted above them', () => {
    const points = insertionPoints(seed.grid);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...points), { minLength: 1, maxLength: 8 }), (positions) => {
        // insert from the bottom up so that each position refers to the original grid
        let grid = seed.grid;
        for (const at of [...positions].sort((a, b) => b - a)) grid = insertRows(grid, at, [[]]);
        /** Blank rows inserted above original sheet row `row` (1-based). */
        const shift = (row: number) => positions.filter((at) => at <= row - 1).length;
        const result = check(grid);
        expect(result.template).toBe(seed.base.template);
        expect(result.rows.length).toBe(seed.base.rows.length);
        expect(codes(result)).toEqual(codes(seed.base));
        expect(result.issues.map((i) => `${where(i)} ${i.row}`)).toEqual(
          seed.base.issues.map((i) => `${where(i)} ${i.row + shift(i.row)}`),
        );
        expect(result.issues.map((i) => i.cell)).toEqual(
          seed.base.issues.map((i) => i.cell.replace(/\d+$/, String(i.row + shift(i.row)))),
        );
        expect(result.rows.map((r) => r.row)).toEqual(seed.base.rows.map((r) => r.row + shift(r.row)));
      }),
      { seed: SEED, numRuns: NUM_RUNS },
    );
  });
});

describe('(c) reordering the columns', () => {
  /** A permutation of 0..n-1. */
  const permutation = (n: number) =>
    fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: n, maxLength: n }).map((keys) =>
      keys.map((k, i) => [k, i] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]).map(([, i]) => i),
    );

  function sameFindings(before: SheetCheck, after: SheetCheck): void {
    expect(after.template).toBe(before.template);
    expect(after.rows.length).toBe(before.rows.length);
    expect(codeFields(after)).toEqual(codeFields(before));
  }

  test('003 実施計画 (kpi-baseline-target): any order of the columns finds the same', async () => {
    const grid = remappableMerges(await loadSheet('003-kpi-baseline-target.xlsx', '実施計画'));
    const base = check(grid);
    expect(base.template).toBe('kpi-baseline-target');
    fc.assert(
      fc.property(permutation(width(grid)), (perm) => sameFindings(base, check(permuteColumns(grid, perm)))),
      { seed: SEED, numRuns: NUM_RUNS },
    );
  });

  test('002 進行管理票 (plan-result-evaluation): any order of the columns finds the same', async () => {
    const grid = remappableMerges(await loadSheet('002-plan-result-evaluation.xlsx', '進行管理票'));
    const base = check(grid);
    expect(base.template).toBe('plan-result-evaluation');
    const department = 4; // E 担当課
    const evaluation = 7; // H 担当課の評価
    expect(grid.values[4][department]).toBe('担当課');
    expect(grid.values[4][evaluation]).toBe('担当課の評価');
    fc.assert(
      fc.property(
        permutation(width(grid)),
        (perm) => sameFindings(base, check(permuteColumns(grid, perm))),
      ),
      { seed: SEED, numRuns: NUM_RUNS },
    );
  });

  // design.md §2 lists 担当課の評価 (◎○△▲) as the self-evaluation column of the
  // plan-result-evaluation family, and §3 keeps 担当課 (department) and the self-evaluation apart;
  // where the column stands does not change what its header says.
  test('002 with 担当課の評価 moved left of 担当課 finds the same', async () => {
    const grid = remappableMerges(await loadSheet('002-plan-result-evaluation.xlsx', '進行管理票'));
    const base = check(grid);
    // A B C D H E F G I J: the evaluation column moved just left of 担当課
    const moved = check(permuteColumns(grid, [0, 1, 2, 3, 7, 4, 5, 6, 8, 9]));
    expect(moved.columns.find((c) => c.field === 'evaluation')?.letter).toBe('E');
    expect(moved.columns.find((c) => c.field === 'department')?.letter).toBe('F');
    sameFindings(base, moved);
  });
});

describe('minimal reproduction: a 担当課の評価 column left of 担当課', () => {
  const grid: Grid = {
    values: [
      ['行財政改革の体系', '行動計画の取組項目', '具体的な取組', '担当課の評価', '担当課', '令和5年度計画', '令和5年度実績'],
      ['1 市民へのアプローチ', '①情報提供', 'ホームページの更新', '○', '協働まちづくり課', '更新する', '更新した'],
    ],
  };

  test('with the columns in the seed’s order (担当課 first) both are mapped', () => {
    const inOrder: Grid = { values: grid.values.map((r) => [r[0], r[1], r[2], r[4], r[3], r[5], r[6]]) };
    const result = check(inOrder);
    expect(result.template).toBe('plan-result-evaluation');
    expect(result.columns.filter((c) => ['department', 'evaluation'].includes(c.field)).map((c) => [c.field, c.letter])).toEqual([
      ['department', 'D'],
      ['evaluation', 'E'],
    ]);
    expect(result.rows[0]).toMatchObject({ department: '協働まちづくり課', evaluation: '○' });
  });

  // design.md §2: 担当課の評価 (◎○△▲) is the plan-result-evaluation family's self-evaluation column.
  test('担当課の評価 in D, 担当課 in E: evaluation is D and department is E', () => {
    const result = check(grid);
    expect(result.rows[0]).toMatchObject({ department: '協働まちづくり課', evaluation: '○' });
  });
});

/**
 * The five real progress sheets (../shared/seeds, rebuilt as .xlsx by tests/fixtures/build-fixtures.ts):
 * each is detected as its family and checked; every issue expected there is pinned by cell.
 */
import { checkSheet } from '../../src/engine';
import { checkFile, issueList, loadGrid, loadSheets, SEEDS } from '../helpers/workbooks';
import * as path from 'path';

const seed = (name: string) => path.join(SEEDS, name);

describe('seed 000: quarterly (四半期進捗型)', () => {
  const file = seed('000-quarterly.xlsx');

  test('detected as quarterly with both header rows, nine items, fiscal year from the title', async () => {
    const check = await checkFile(file, { asOf: '2025-10-15' });
    expect(check.template).toBe('quarterly');
    expect(check.confidence).toBeGreaterThanOrEqual(0.9);
    expect(check.headerRows).toEqual([5, 17]);
    expect(check.fiscalYear).toBe(2025);
    expect(check.rows.map((r) => r.id)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(check.rows[0].item).toBe('「益田市総合振興計画後期基本計画」の策定と「益田市総合戦略」の改定');
    // 政策企画局 総務部: two departments, the first leads
    expect(check.rows[8].departments).toEqual(['政策企画局', '総務部']);
    expect(check.rows[8].department).toBe('政策企画局');
    expect(check.rows[8].section).toBe('【7】健全で開かれた行財政運営が行われるまち');
  });

  test('as of 2025-10-15 every Q1/Q2 report is filled in and Q3/Q4 are not yet due: no issue', async () => {
    const check = await checkFile(file, { asOf: '2025-10-15' });
    expect(issueList(check)).toEqual([]);
  });

  test('an emptied Q1 or Q2 cell is one missing-entry at that cell, with the column named', async () => {
    const grid = await loadGrid(file);
    grid.values[7][3] = ''; // D8: item 3, Q2
    grid.values[11][2] = '   '; // C12: item 7, Q1 (white space only)
    const check = checkSheet(grid, { asOf: '2025-10-15' });
    expect(issueList(check)).toEqual(['D8 missing-entry', 'C12 missing-entry']);
    const d8 = check.issues.find((i) => i.cell === 'D8');
    expect(d8).toMatchObject({ row: 8, field: 'q2', severity: 'error' });
    expect(d8?.message).toBe('2/4四半期（7月から9月）の実績が未入力です。実績を入力してください（該当がなければ「－」）。');
  });

  test('before Q2 ends only Q1 is due', async () => {
    const grid = await loadGrid(file);
    grid.values[7][2] = '';
    grid.values[7][3] = '';
    const check = checkSheet(grid, { asOf: '2025-09-30' });
    expect(issueList(check)).toEqual(['C8 missing-entry']);
  });
});

describe('seed 001: annual results (年度実績型)', () => {
  const file = seed('001-annual-results.xlsx');

  test('detected with its three header rows; description bands are not items; 視点 carries down', async () => {
    const check = await checkFile(file, { asOf: '2024-06-01' });
    expect(check.template).toBe('annual-results');
    expect(check.headerRows).toEqual([5, 12, 18]);
    expect(check.rows.map((r) => r.row)).toEqual([7, 8, 9, 10, 14, 15, 16, 20, 21, 22, 23, 24, 25]);
    // rows 21 and 22 leave 視点 blank: they belong to 視点3 above
    expect(check.rows.find((r) => r.row === 21)?.section).toBe('視点3 地域の力の向上及び連携の強化の推進');
    expect(check.fiscalYear).toBe(2023);
  });

  test('both years reported for every item: no issue once FY2023 has ended', async () => {
    const check = await checkFile(file, { asOf: '2024-06-01' });
    expect(issueList(check)).toEqual([]);
  });

  test('a blank 令和5年度実績 is missing once FY2023 has ended, not before', async () => {
    const grid = await loadGrid(file);
    grid.values[8][4] = ''; // E9
    expect(issueList(checkSheet(grid, { asOf: '2024-03-31' }))).toEqual([]);
    const after = checkSheet(grid, { asOf: '2024-04-01' });
    expect(issueList(after)).toEqual(['E9 missing-entry']);
    expect(after.issues[0].field).toBe('fy2023.result');
  });
});

describe('seed 002: plan, result and evaluation (計画・実績・評価型)', () => {
  const file = seed('002-plan-result-evaluation.xlsx');

  test('detected with eight repeated headers; actions are the unit, 体系 and 取組項目 carry down', async () => {
    const check = await checkFile(file, { asOf: '2024-06-01' });
    expect(check.template).toBe('plan-result-evaluation');
    expect(check.headerRows).toEqual([5, 14, 23, 33, 42, 50, 60, 67]);
    expect(check.rows).toHaveLength(53);
    const afterRepeat = check.rows.find((r) => r.row === 15);
    expect(afterRepeat?.section).toBe('1 市民へのアプローチ');
    expect(afterRepeat?.item).toBe('②意見聴取チャネルの充実');
    expect(check.rows[0].department).toBe('協働まちづくり課');
    expect(check.rows[0].evaluation).toBe('○');
  });

  test('as of 2024-06-01: the seven actions with nothing but their title lack 担当課, 実績 and 評価', async () => {
    const check = await checkFile(file, { asOf: '2024-06-01' });
    const expected = [26, 27, 28, 30, 58, 69, 72].flatMap((r) => [
      `E${r} required-missing`,
      `G${r} missing-entry`,
      `H${r} missing-entry`,
    ]);
    expect(issueList(check)).toEqual(expected);
    expect(check.issues.find((i) => i.cell === 'H26')?.message).toBe(
      '担当課の評価が未入力です。実績に対する評価（◎・○・△・▲・×）を入力してください。',
    );
  });

  test('before FY2023 ends only the missing departments are errors', async () => {
    const check = await checkFile(file, { asOf: '2024-03-15' });
    expect(issueList(check)).toEqual([26, 27, 28, 30, 58, 69, 72].map((r) => `E${r} required-missing`));
  });
});

describe('seed 003: KPI baseline and target (基準値・目標値型)', () => {
  const file = seed('003-kpi-baseline-target.xlsx');

  test('the cover sheet is no progress sheet: no template, rows or issues', async () => {
    const sheets = await loadSheets(file);
    const cover = sheets.find((s) => s.name === '表紙');
    const check = checkSheet(cover!.grid, { asOf: '2025-10-15' });
    expect(check.template).toBeNull();
    expect(check.rows).toEqual([]);
    expect(check.issues).toEqual([]);
  });

  test('実施計画 is detected through eleven repeated headers (one truncated, some spelled Nº)', async () => {
    const check = await checkFile(file, { asOf: '2025-10-15' }, '実施計画');
    expect(check.template).toBe('kpi-baseline-target');
    expect(check.headerRows).toEqual([7, 16, 24, 32, 41, 50, 59, 68, 77, 85, 93]);
    expect(check.rows.map((r) => Number(r.id))).toEqual(Array.from({ length: 27 }, (_, i) => i + 1));
    // the first header writes 指 for 指標: the repeats complete the mapping
    expect(check.columns.find((c) => c.field === 'kpi.name')?.letter).toBe('D');
    // ★ marks the lead department
    const item5 = check.rows.find((r) => r.id === '5');
    expect(item5?.department).toBe('人事課');
    expect(item5?.departments).toEqual(['人事課', '行革デジタル推進課']);
    expect(check.rows.find((r) => r.id === '6')?.department).toBe('行革デジタル推進課');
  });

  test('a plan edition has no actual yet: no rate, no issue, and the computed columns are appended', async () => {
    const check = await checkFile(file, { asOf: '2025-10-15' }, '実施計画');
    expect(issueList(check)).toEqual([]);
    expect(check.rows.every((r) => r.achievementRate === null)).toBe(true);
    expect(check.plan.appendedColumns.map((c) => `${c.letter} ${c.header}`)).toEqual(['H 達成率（自動計算）', 'I 算定評価（自動計算）']);
  });
});

describe('seed 004: KPI target versus actual (目標・実績対比型)', () => {
  const file = seed('004-kpi-target-actual.xlsx');

  test('detected with six two-row headers and 36 items, paired rows joined', async () => {
    const check = await checkFile(file, { asOf: '2024-06-01' });
    expect(check.template).toBe('kpi-target-actual');
    expect(check.headerRows).toEqual([7, 8, 17, 18, 39, 40, 66, 67, 81, 82, 91, 92]);
    expect(check.rows).toHaveLength(36);
    expect(check.fiscalYear).toBe(2023);
    const no11 = check.rows.find((r) => r.id === '11');
    expect([no11?.row, no11?.lastRow]).toEqual([23, 26]);
    expect(no11?.kpis).toHaveLength(2);
  });

  test('achievement rates of design.md §5: No.9 106.36%, No.10 91.24%, No.50 65.60%, No.12 137.91%', async () => {
    const check = await checkFile(file, { asOf: '2024-06-01' });
    const rate = (id: string) => check.rows.find((r) => r.id === id)?.achievementRate;
    expect(rate('9')).toBeCloseTo(1.0636, 4);
    expect(rate('10')).toBeCloseTo(0.9124, 4);
    expect(rate('50')).toBeCloseTo(0.656, 4);
    expect(rate('12')).toBeCloseTo(1.3791, 4);
    expect(rate('53')).toBeCloseTo(0.9737, 4);
    expect(rate('8')).toBeNull(); // no indicator
    const no9 = check.rows.find((r) => r.id === '9');
    expect([no9?.grade, no9?.selfGrade]).toEqual(['A', 'B']);
  });

  test('every issue as of 2024-06-01, by cell', async () => {
    const check = await checkFile(file, { asOf: '2024-06-01' });
    expect(issueList(check)).toEqual([
      'W19 grade-mismatch', // No.9: self B, 106.36% → A
      'W23 grade-mismatch', // No.11: self A, 99.2/99.4 → B
      'U27 computed-mismatch', // No.12 writes 294.34%; its figures give 137.91%
      'W29 grade-mismatch', // No.13: self B, 37/70 → C
      'I42 missing-entry', // No.28 … no R5年度 年度実績
      'I46 missing-entry',
      'I49 missing-entry',
      'I50 missing-entry',
      'I51 missing-entry',
      'I53 missing-entry',
      'R54 missing-entry', // No.36: R4 and R5 actuals missing
      'S54 missing-entry',
      'I55 missing-entry',
      'I56 missing-entry',
      'I74 missing-entry',
      'I75 missing-entry',
      'W84 grade-mismatch', // No.57: self A, 0/3 → D
      'I97 missing-entry',
      'I99 missing-entry',
      'I100 missing-entry',
    ]);
    const u27 = check.issues.find((i) => i.cell === 'U27');
    expect(u27).toMatchObject({ severity: 'warning', row: 27, field: 'rate' });
    expect(u27?.message).toBe('記入された達成率 294.34% が、令和5年度の目標 2,200・実績 3,034 から計算した 137.91% と異なります。数値または計算式を確認してください。');
    expect(check.issues.find((i) => i.cell === 'S54')?.message).toBe(
      '令和5年度の実績値（市営住宅管理団地数(団地)）が未入力です。実績値を入力してください（該当がなければ「－」）。',
    );
  });

  test('the sheet already has a 達成率 column: the rate goes there only where it is empty', async () => {
    const check = await checkFile(file, { asOf: '2024-06-01' });
    const rateWrites = check.plan.values.filter((v) => v.role === 'rate');
    // No.36 (U53) and No.57 (U84) leave U empty; No.13's "/" and No.12's 294.34% are a person's, kept
    expect(rateWrites.map((v) => `U${v.row}`)).toEqual(['U53', 'U84']);
    expect(rateWrites[0].value).toBeCloseTo(36 / 35, 4);
    expect(rateWrites.every((v) => v.numberFormat === '0.0%')).toBe(true);
    expect(check.plan.appendedColumns.map((c) => c.header)).toEqual(['算定評価（自動計算）', 'チェック結果']);
  });

  test('English messages when Office is in English', async () => {
    const check = await checkFile(file, { asOf: '2024-06-01', locale: 'en' });
    expect(check.issues.find((i) => i.cell === 'U27')?.message).toBe(
      'The achievement rate written here (294.34%) differs from 137.91% computed from the FY2023 target 2,200 and actual 3,034. Check the figures.',
    );
    expect(check.templateName).toBe('KPI target versus actual');
  });
});

describe('without merged areas (Office.js before ExcelApi 1.13) the carry-down rules stand in', () => {
  test.each([
    ['000-quarterly.xlsx', '2025-10-15', undefined],
    ['001-annual-results.xlsx', '2024-06-01', undefined],
    ['002-plan-result-evaluation.xlsx', '2024-06-01', undefined],
    ['003-kpi-baseline-target.xlsx', '2025-10-15', '実施計画'],
    ['004-kpi-target-actual.xlsx', '2024-06-01', undefined],
  ])('%s: same template, items, rates, issues and writes', async (name, asOf, sheet) => {
    const grid = await loadGrid(seed(name), sheet);
    const withMerges = checkSheet(grid, { asOf });
    const without = checkSheet({ ...grid, merges: [] }, { asOf });
    expect(without.template).toBe(withMerges.template);
    expect(without.rows.map((r) => [r.row, r.id, r.achievementRate, r.grade])).toEqual(
      withMerges.rows.map((r) => [r.row, r.id, r.achievementRate, r.grade]),
    );
    expect(issueList(without)).toEqual(issueList(withMerges));
    expect(without.plan.values).toEqual(withMerges.plan.values);
  });
});

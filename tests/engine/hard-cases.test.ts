/** Hand-made hard cases: a moved two-row header, the standard template, configuration, the write plan. */
import { checkSheet, parseConfig, type Grid, type WritePlan } from '../../src/engine';
import { checkFile, fixture, issueList, loadGrid } from '../helpers/workbooks';

const moved = fixture('hard', 'two-row-header-moved.xlsx');
const standard = fixture('hard', 'standard.xlsx');

/** The test host: carry a plan's values out on a grid, as Excel would show them. */
function applyValues(grid: Grid, plan: WritePlan): Grid {
  const values = grid.values.map((row) => [...row]);
  for (const w of plan.values) {
    const r = w.row - 1;
    const c = w.column - 1;
    while (values.length <= r) values.push([]);
    while (values[r].length <= c) values[r].push('');
    values[r][c] = w.value ?? '';
  }
  return { ...grid, values };
}

describe('two-row header under 成果指標, 担当課 first, full-width digits, an error cell, footnotes', () => {
  test('detected as kpi-baseline-target with both header rows; the legend and footnotes are not items', async () => {
    const check = await checkFile(moved, { asOf: '2025-10-15' });
    expect(check.template).toBe('kpi-baseline-target');
    expect(check.headerRows).toEqual([4, 5]);
    expect(check.rows.map((r) => r.id)).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(check.columns.filter((c) => c.field.startsWith('kpi.')).map((c) => `${c.letter}:${c.field}`)).toEqual([
      'D:kpi.name',
      'E:kpi.unit',
      'F:kpi.baseline',
      'G:kpi.target',
      'H:kpi.actual',
    ]);
  });

  test('rates: decreasing target, full-width figures, △ negatives; a percent-formatted 0.85 agrees', async () => {
    const check = await checkFile(moved, { asOf: '2025-10-15' });
    const rate = (id: string) => check.rows.find((r) => r.id === id)?.achievementRate;
    expect(rate('1')).toBeCloseTo((605 - 612) / (600 - 612), 4); // 0.5833
    expect(rate('2')).toBeCloseTo(0.85, 4);
    expect(rate('3')).toBeCloseTo((150 - 123) / (200 - 123), 4);
    expect(rate('4')).toBeCloseTo((-12000 - -30095) / (0 - -30095), 4);
    expect(rate('5')).toBeNull(); // target = baseline = 0
  });

  test('issues: the #DIV/0! cell, the full-width spellings, the missing 2025 actual and evaluation', async () => {
    const asOfAfterFy = await checkFile(moved, { asOf: '2026-04-15' });
    expect(issueList(asOfAfterFy)).toEqual([
      'F8 normalized-value',
      'G8 normalized-value',
      'H8 normalized-value',
      'I10 formula-error',
      'H11 missing-entry',
      'J11 missing-entry',
    ]);
    expect(asOfAfterFy.issues.find((i) => i.cell === 'I10')?.message).toContain('#DIV/0!');
    // before the fiscal year ends the 2025 actual is not due yet
    const before = await checkFile(moved, { asOf: '2025-10-15' });
    expect(issueList(before, ['error'])).toEqual(['I10 formula-error']);
  });
});

describe('standard template (the product’s own)', () => {
  test('detected; variants, duplicate No., missing 担当課, invalid evaluation and missing quarters reported', async () => {
    const check = await checkFile(standard, { asOf: '2025-10-15' });
    expect(check.template).toBe('standard');
    expect(check.fiscalYear).toBe(2025);
    expect(issueList(check)).toEqual([
      'O2 normalized-value',
      'K3 missing-entry',
      'O3 normalized-value',
      'O4 normalized-value',
      'A5 duplicate-id',
      'O5 invalid-evaluation',
      'E6 required-missing',
      'J6 missing-entry',
      'K6 missing-entry',
    ]);
    expect(check.issues.find((i) => i.cell === 'A5')?.message).toBe('No.3 が A4 と重複しています。番号を確認してください。');
    expect(check.rows.find((r) => r.row === 2)?.evaluation).toBe('○');
  });

  test('its own 達成率（自動計算）/算定評価（自動計算） columns receive the computed values', async () => {
    const check = await checkFile(standard, { asOf: '2025-10-15' });
    const writes = check.plan.values.filter((v) => v.row === 2 && v.role !== 'header');
    expect(writes.find((v) => v.role === 'rate')).toMatchObject({ column: 16, numberFormat: '0.0%' });
    expect(writes.find((v) => v.role === 'rate')?.value).toBeCloseTo((605 - 612) / (600 - 612), 4);
    expect(writes.find((v) => v.role === 'grade')).toMatchObject({ column: 17, value: 'C' });
    expect(check.plan.appendedColumns.map((c) => c.header)).toEqual(['チェック結果']);
  });
});

describe('configuration', () => {
  test('a configured grade scale changes computed grades', async () => {
    const config = parseConfig({ gradeScale: [{ grade: 'A', min: 1 }, { grade: 'B', min: 0.5 }, { grade: 'C', min: null }] }, 'test');
    const check = await checkFile(moved, { asOf: '2025-10-15', config });
    expect(check.rows.find((r) => r.id === '1')?.grade).toBe('B');
  });

  test('a configured evaluation scale overrides what the cells hold', async () => {
    const check = await checkFile(standard, { asOf: '2025-10-15', config: parseConfig({ evaluationScale: 'letters' }, 'test') });
    // every symbol is now outside the scale S–D
    expect(check.issues.filter((i) => i.code === 'invalid-evaluation').map((i) => i.cell)).toEqual(['O2', 'O3', 'O4', 'O5', 'O6', 'O7']);
    expect(check.issues.find((i) => i.cell === 'O2')?.message).toBe(
      '評価「〇」はこの表の評価（S・A・B・C・D）にありません。S・A・B・C・Dのいずれかを入力してください。',
    );
  });

  test('a configured fiscal year decides which quarters are due', async () => {
    const check = await checkFile(standard, { asOf: '2025-10-15', config: parseConfig({ fiscalYear: 2024 }, 'test') });
    // every quarter of FY2024 has ended: Q3 and Q4 are missing everywhere
    expect(check.issues.filter((i) => i.field === 'q4')).toHaveLength(6);
  });

  test('a new city’s layout is a profile in the configuration, not code', () => {
    const config = parseConfig(
      {
        profiles: [
          {
            id: 'city-x',
            name: { ja: 'X市様式', en: 'City X' },
            columns: [
              { field: 'id', labels: ['^整理番号$'] },
              { field: 'item', labels: ['^改革項目$'] },
              { field: 'department', labels: ['^所管$'] },
              { field: 'period', labels: ['^(上|下)半期実績$'], multiple: true, period: { kind: 'year', entry: 'result' } },
            ],
            required: ['item', 'department'],
          },
        ],
      },
      'city-x.json',
    );
    const grid: Grid = {
      values: [
        ['令和7年度 改革項目 進捗'],
        [],
        ['整理番号', '改革項目', '所管', '上半期実績'],
        [1, '窓口改革', '市民課', '実施済'],
        [2, 'ペーパーレス', '', ''],
      ],
    };
    const check = checkSheet(grid, { asOf: '2026-05-01', config });
    expect(check.template).toBe('city-x');
    expect(issueList(check)).toEqual(['C5 required-missing', 'D5 missing-entry']);
  });

  test('a department list catches typos and reads variant spellings', () => {
    const grid: Grid = {
      values: [
        ['項目', '担当課', '第1四半期', '第2四半期'],
        ['1 窓口改革', '市民課', '済', '済'],
        ['2 DX推進', '行革デジタル推進', '済', '済'],
        ['3 広報', '秘書広報課　', '済', '済'],
        ['4 ICT', 'ＩＣＴ推進課', '済', '済'],
      ],
    };
    const config = parseConfig({ departments: ['市民課', '行革デジタル推進課', '秘書広報課', 'ICT推進課'] }, 'test');
    const check = checkSheet(grid, { asOf: '2025-10-15', config });
    expect(check.issues.map((i) => `${i.cell} ${i.code} ${i.severity}`)).toEqual([
      'B3 unknown-department info',
      'B5 normalized-value info',
    ]);
    expect(check.issues[0].message).toBe('担当課「行革デジタル推進」は設定の課名一覧にありません。課名の誤りがないか確認してください。');
  });

  test('a date typed above the table (Excel serial, date format) names the fiscal year', () => {
    const grid: Grid = {
      values: [[45565], ['項目', '担当課', '第1四半期', '第2四半期'], ['1 窓口改革', '市民課', '', '']],
      numberFormats: [['yyyy/m/d']],
    };
    // 45565 = 2024-09-30: FY2024, so as of 2025-10-15 both quarters (and the year) have ended
    const check = checkSheet(grid, { asOf: '2025-10-15' });
    expect(check.fiscalYear).toBe(2024);
    expect(issueList(check)).toEqual(['C3 missing-entry', 'D3 missing-entry']);
  });

  test('a broken profile is refused with a message that names the field', () => {
    expect(() => parseConfig({ profiles: [{ id: 'Bad Id', name: { ja: 'x', en: 'x' }, columns: [] }] }, 'bad.json')).toThrow(
      /bad\.json の設定が正しくありません: profiles\.0\.id: id は半角英小文字/,
    );
  });
});

describe('the write plan is idempotent', () => {
  test.each([
    ['004-kpi-target-actual.xlsx', '2024-06-01'],
    ['003-kpi-baseline-target.xlsx', '2025-10-15'],
    ['002-plan-result-evaluation.xlsx', '2024-06-01'],
  ])('%s: checking the sheet after its plan is carried out plans the same writes, in the same columns', async (name, asOf) => {
    const sheet = name.startsWith('003') ? '実施計画' : undefined;
    const grid = await loadGrid(fixture('seeds', name), sheet);
    const first = checkSheet(grid, { asOf });
    const second = checkSheet(applyValues(grid, first.plan), { asOf });
    expect(second.plan.appendedColumns).toEqual([]);
    const notRate = (p: WritePlan) => p.values.filter((v) => v.role !== 'rate');
    expect(notRate(second.plan)).toEqual(notRate(first.plan));
    // rates written into a template's own empty 達成率 cells now stand there: nothing more to write
    for (const w of second.plan.values.filter((v) => v.role === 'rate')) expect(first.plan.values).toContainEqual(w);
    expect(second.issues.map((i) => i.cell)).toEqual(first.issues.map((i) => i.cell));
    expect(second.template).toBe(first.template);
  });
});

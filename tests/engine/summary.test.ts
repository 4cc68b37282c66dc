/** The summary's figures (issue 11): one layout in the engine, pinned on the seeds. */
import * as fs from 'fs';
import { checkSheet, DEFAULT_GRADE_SCALE, goodGradesOf, inferDepartment, summarize, summaryTable, type SummaryInput } from '../../src/engine';
import { fixture, loadSheets } from '../helpers/workbooks';

const SCALE_YUU = [
  { grade: '優', min: 1.0 },
  { grade: '良', min: 0.6 },
  { grade: '可', min: null },
];

async function seedSheets(gradeScale?: typeof SCALE_YUU): Promise<(SummaryInput & { templateName: string | null })[]> {
  const out: (SummaryInput & { templateName: string | null })[] = [];
  for (const file of fs.readdirSync(fixture('seeds')).sort()) {
    for (const s of await loadSheets(fixture('seeds', file))) {
      const c = checkSheet(s.grid, { asOf: '2025-10-15', sheetName: s.name, fileName: file, config: gradeScale ? { gradeScale } : undefined });
      out.push({ file, sheet: s.name, template: c.template, templateName: c.templateName, rows: c.rows, issues: c.issues, fiscalYear: c.fiscalYear });
    }
  }
  return out;
}

describe('summarize: the seeds', () => {
  test('default scale S–D: 138 items (five seeds, six sheets), 9 graded, 6 at B or better; symbols as the sheets use them', async () => {
    const s = summarize(await seedSheets(), ['S', 'A', 'B', 'C', 'D'], 'ja', goodGradesOf(DEFAULT_GRADE_SCALE));
    expect(s.goodGrades).toEqual(['S', 'A', 'B']);
    expect(s.total).toMatchObject({ items: 138, withRate: 9, graded: 9, good: 6, errors: 36, warnings: 5, missingEntries: 29 });
    expect(s.total.grades).toEqual({ S: 1, A: 2, B: 3, C: 2, D: 1 });
    expect(s.evaluations).toEqual(['◎', '○', '△', '▲']);
    expect(s.total.evaluations).toEqual({ '◎': 6, '○': 27, '△': 9, '▲': 4 });
    // bands: <0, 0–20, 20–40, 40–60, 60–80, 80–100, 100–120, ≥120
    expect(s.distribution.map((b) => b.count)).toEqual([0, 1, 0, 1, 1, 3, 2, 1]);
    expect(s.departments).toHaveLength(25);
    // 004 has no department column and its file name names none (36 items), and other sheets leave 担当課
    // blank on 20 rows (required-missing): all unassigned, listed last
    expect(s.departments[24]).toMatchObject({ department: '（担当課なし）', items: 56, graded: 9, good: 6, errors: 36, warnings: 5 });
  });

  test('a configured scale 優/良/可: its columns, its own "good" grade (the first at 80% or more)', async () => {
    const sheets = await seedSheets(SCALE_YUU);
    const s = summarize(sheets, ['優', '良', '可'], 'ja', goodGradesOf(SCALE_YUU));
    expect(s.goodGrades).toEqual(['優']);
    expect(s.total.grades).toEqual({ 優: 3, 良: 4, 可: 2 });
    expect(s.total).toMatchObject({ items: 138, graded: 9, good: 3 });
    const table = summaryTable({ asOf: '2025-10-15', sheets, gradeScale: SCALE_YUU });
    const dept = table.tables.find((t) => t.name === 'DepartmentSummary')!;
    expect(dept.headers.slice(0, 7)).toEqual(['担当課', '取組数', '達成率を算定', '優', '良', '可', '優 以上の割合']);
    expect(dept.headers).not.toContain('S');
  });
});

describe('summaryTable: the layout both hosts write', () => {
  test('headline, distribution, tables, charts and links sit where the layout says', async () => {
    const sheets = await seedSheets();
    const table = summaryTable({ asOf: '2025-10-15', sheets });
    const headline = Object.fromEntries(table.values.slice(4, 13).map((r) => [r[0], r[1]]));
    expect(headline).toMatchObject({ 基準日: '2025-10-15', 年度: '令和5年度', ファイル: 5, 取組: 138, エラー: 36, 警告: 5, 判別できないファイル: 0 });
    expect(headline['算定評価 B 以上（算定評価のある 9 件のうち 6 件）']).toBeCloseTo(6 / 9);
    expect(table.tables.map((t) => t.name)).toEqual(['RateDistribution', 'DepartmentSummary', 'FileSummary', 'IssueList']);
    expect(table.charts.map((c) => `${c.kind}:${c.series.length}`)).toEqual(['bar:5', 'column:1']);
    const issues = table.tables.find((t) => t.name === 'IssueList')!;
    expect(issues.rows).toBe(36 + 5 + sheets.reduce((n, s) => n + s.issues.filter((i) => i.severity === 'info').length, 0));
    expect(table.links).toHaveLength(issues.rows);
    const first = table.links[0];
    expect(table.values[first.row][2]).toBe(first.cell);
    // the grade chart reads the department table's grade columns
    const dept = table.tables.find((t) => t.name === 'DepartmentSummary')!;
    expect(table.charts[0].series[0].values).toEqual({ top: dept.top + 1, left: 3, bottom: dept.top + dept.rows, right: 3 });
  });

  test('made twice from the same checks: the same layout', async () => {
    const sheets = await seedSheets();
    expect(JSON.stringify(summaryTable({ asOf: '2025-10-15', sheets }))).toBe(JSON.stringify(summaryTable({ asOf: '2025-10-15', sheets })));
  });
});

describe('inferDepartment', () => {
  test.each([
    [{ titles: ['所管：総務課'], fileName: '進捗.xlsx' }, '総務課', 'title'],
    [{ titles: ['令和7年度 進捗状況', '担当課: 財政課'] }, '財政課', 'title'],
    [{ titles: [], fileName: 'submissions/総務課_進捗.xlsx' }, '総務課', 'file'],
    [{ titles: [], fileName: '行革デジタル推進課_実施計画.xlsx' }, '行革デジタル推進課', 'file'],
    [{ titles: [], sheetName: '企画部', fileName: '進捗.xlsx' }, '企画部', 'sheet'],
  ])('%j → %s (%s)', (context, department, source) => {
    expect(inferDepartment(context)).toEqual({ department, source });
  });

  test.each([[{ titles: [], fileName: '美祢市_進捗管理票.xlsx' }], [{ titles: ['令和7年度 行財政改革 進捗状況'], fileName: '進捗.xlsx' }]])('no department in %j', (context) => {
    expect(inferDepartment(context)).toBeNull();
  });

  test('rows of a sheet with no department column are marked inferred; a sheet with one keeps its own', async () => {
    const [pairs] = await loadSheets(fixture('seeds', '004-kpi-target-actual.xlsx'));
    const inferred = checkSheet(pairs.grid, { asOf: '2025-10-15', sheetName: pairs.name, fileName: '行政改革推進課_進捗管理票.xlsx' });
    expect(inferred.rows).toHaveLength(36);
    expect(inferred.rows.every((r) => r.department === '行政改革推進課' && r.departmentInferred === true)).toBe(true);
    const [quarterly] = await loadSheets(fixture('seeds', '000-quarterly.xlsx'));
    const own = checkSheet(quarterly.grid, { asOf: '2025-10-15', sheetName: quarterly.name, fileName: '総務課_進捗.xlsx' });
    expect(own.rows.some((r) => r.departmentInferred)).toBe(false);
    expect(own.rows[0].department).toBe('政策企画局');
  });
});

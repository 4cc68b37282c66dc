/** --previous (issue 11): this round against the last, from a folder or a report.json. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { runCli } from '../helpers/cli';
import { previousAsOf } from '../../src/cli/previous';
import type { JsonReport } from '../../src/cli/report';
import type { RoundComparison } from '../../src/engine';
import { fixture } from '../helpers/workbooks';

const Q1 = fixture('rounds', 'q1');
const Q2 = fixture('rounds', 'q2');

const run = (...argv: string[]) => runCli(argv);

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'psc-previous-'));
}

/** The comparison as short lines a reviewer reads at a glance. */
function pinned(c: RoundComparison): Record<string, string[]> {
  return {
    gradesFallen: c.gradesFallen.map((x) => `${x.department} No.${x.id} ${x.from}→${x.to} (${x.fromRate}→${x.toRate})`),
    changedEntries: c.changedEntries.map((x) => `${x.department} No.${x.id} ${x.cell} ${x.label}: ${x.from.slice(0, 20)}→${x.to.slice(0, 20)}`),
    added: c.added.map((x) => `${x.department} No.${x.id} row ${x.row} ${x.item}`),
    removed: c.removed.map((x) => `${x.department} No.${x.id} row ${x.row}`),
    departmentErrorsRose: c.departmentErrorsRose.map((x) => `${x.department} ${x.from}→${x.to}`),
  };
}

const EXPECTED = {
  gradesFallen: ['行政改革推進課 No.9 A→C (1.0636→0.7891)'],
  changedEntries: ['行政改革推進課 No.9 T20 成果指標 合計: 40,439→30,000', '政策企画局 No.1 C6 1/4四半期（4月から6月）: 【政策企画課】 □益田市総合振興計画 ・→【政策企画課】 □益田市総合振興計画 ・'],
  added: ['政策企画局 No.10 row 19 行政手続のオンライン化の推進'],
  removed: ['政策企画局 No.8 row 13'],
  departmentErrorsRose: ['政策企画局 0→1'],
};

test('q1 → q2 from the folder: pinned, in the JSON report after the totals, and on a sheet of the summary', async () => {
  const dir = tempDir();
  const json = path.join(dir, 'report.json');
  const summary = path.join(dir, '集計.xlsx');
  const { code, out } = await run('check', '--as-of', '2025-10-15', '--previous', Q1, '--json', json, '--summary', summary, Q2);
  expect(code).toBe(1);
  expect(out).toContain('前回（基準日 2025-07-15）との比較: 算定評価が下がった取組 1、報告後に変わった記入 2、追加 1、削除 1、エラーが増えた担当課 1');
  const text = fs.readFileSync(json, 'utf8');
  const report = JSON.parse(text) as JsonReport;
  expect(Object.keys(report)).toEqual(['asOf', 'files', 'totals', 'previousRound']);
  // the streamed text is what JSON.stringify gives
  expect(text).toBe(`${JSON.stringify(report, null, 2)}\n`);
  expect(report.previousRound!.previousAsOf).toBe('2025-07-15');
  expect(pinned(report.previousRound!)).toEqual(EXPECTED);

  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(summary);
  expect(wb.worksheets.map((w) => w.name)).toEqual(['集計', '前回比較']);
  const ws = wb.getWorksheet('前回比較')!;
  const rows: ExcelJS.CellValue[][] = [];
  ws.eachRow((row) => rows.push((row.values as ExcelJS.CellValue[]).slice(1)));
  expect(rows[0][0]).toBe('前回との比較（今回 2025-10-15・前回 2025-07-15）');
  const fallen = rows.find((r) => r[6] === 'A' && r[7] === 'C')!;
  expect(fallen.slice(1, 6)).toEqual(['進捗管理票', 19, '行政改革推進課', '9', '自治体クラウドの導入']);
  expect((fallen[0] as ExcelJS.CellHyperlinkValue).hyperlink).toMatch(/q2\/行政改革推進課_進捗管理票\.xlsx#'進捗管理票'!A19$/);
  expect(rows.some((r) => r[2] === 'T20' && r[7] === '40,439' && r[8] === '30,000')).toBe(true);
});

test('a report.json of the previous round gives the same comparison', async () => {
  const dir = tempDir();
  const previous = path.join(dir, 'q1.json');
  await run('check', '--as-of', '2025-07-15', '--json', previous, Q1);
  const json = path.join(dir, 'q2.json');
  await run('check', '--as-of', '2025-10-15', '--previous', previous, '--json', json, Q2);
  const report = JSON.parse(fs.readFileSync(json, 'utf8')) as JsonReport;
  expect(pinned(report.previousRound!)).toEqual(EXPECTED);
});

test('a previous round that is neither a folder nor a report is one line and status 2', async () => {
  const dir = tempDir();
  const bad = path.join(dir, 'notes.json');
  fs.writeFileSync(bad, '{"hello": 1}');
  const result = await run('check', '--as-of', '2025-10-15', '--previous', bad, Q2);
  expect(result.code).toBe(2);
  expect(result.err).toContain('JSON 結果（--json）ではありません');
  const missing = await run('check', '--as-of', '2025-10-15', '--previous', path.join(dir, 'nowhere'), '--lang', 'en', Q2);
  expect(missing.code).toBe(2);
  expect(missing.err).toContain('Cannot read the previous round');
});

test.each([
  ['2025-10-15', '2025-07-15'],
  ['2025-05-31', '2025-02-28'],
  ['2026-01-10', '2025-10-10'],
])('a previous folder is checked three months earlier: %s → %s', (asOf, expected) => {
  expect(previousAsOf(asOf)).toBe(expected);
});

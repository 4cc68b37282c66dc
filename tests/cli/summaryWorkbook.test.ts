/**
 * The summary workbook built as reports arrive (SummaryWorkbook, what check --summary feeds file by
 * file) is the workbook of the whole report: the same layout as summaryTable over every sheet, the
 * unreadable files listed after them and the unrecognised ones counted.
 */
import * as path from 'path';
import { strFromU8, unzipSync } from 'fflate';
import { DEFAULT_GRADE_SCALE, summaryTable, type ItemResult } from '../../src/engine';
import { totalsOf, type FileReport, type JsonReport } from '../../src/cli/report';
import { newWorkbook, SummaryWorkbook, summaryLayouts, summaryWorkbookBytes, writeSheet } from '../../src/cli/summary';

function item(row: number, department: string | null, grade: string | null, title: string): ItemResult {
  return { row, lastRow: row, id: String(row), item: title, action: null, department, departments: [], achievementRate: grade ? 0.9 : null, grade, evaluation: '○' } as unknown as ItemResult;
}

function file(name: string, status: FileReport['status'], items: ItemResult[], error: string | null = null): FileReport {
  const issues = items.map((it) => ({ code: 'missing-entry', severity: 'error' as const, cell: `E${it.row}`, row: it.row, column: 5, field: null, message: '未入力です & <要確認>', acknowledged: false }));
  return {
    path: name,
    status,
    error,
    sheets:
      status === 'unreadable'
        ? []
        : [{ name: "進捗'表", status: 'checked', template: status === 'ok' ? 'standard' : null, templateName: status === 'ok' ? '標準' : null, confidence: 1, headerRows: [4], fiscalYear: 2025, fiscalYearSource: 'title', columns: [], unrecognized: null, rows: items, issues }],
  } as unknown as FileReport;
}

const files: FileReport[] = [
  file('提出/総務課.xlsx', 'ok', [item(5, '総務課', 'A', '窓口のデジタル化'), item(6, null, 'E', '𠮷田地区の#1 調査')]),
  file('提出/壊れた.xlsx', 'unreadable', [], 'ZIP の終端が見つかりません'),
  file('提出/表紙.xlsx', 'unrecognized', []),
  file('提出/財政 課%.xlsx', 'ok', [item(7, '財政課', 'C', 'x'.repeat(60))]),
];
const report: JsonReport = { asOf: '2025-10-15', files, totals: totalsOf(files) };
const target = path.resolve('out', '集計.xlsx');

function parts(bytes: Uint8Array): Record<string, string> {
  return Object.fromEntries(Object.entries(unzipSync(bytes)).map(([name, data]) => [name, strFromU8(data)]));
}

test('added file by file, the workbook is the whole report’s', async () => {
  const summary = new SummaryWorkbook(report.asOf, { locale: 'ja', target });
  for (const f of files) summary.add(f);
  const bytes = summary.bytes(null);
  expect(bytes).toEqual(await summaryWorkbookBytes(report, { locale: 'ja', target }));
});

test('the layout is summaryTable over every sheet, unreadable files after them, unrecognised ones counted', () => {
  const expected = summaryTable({
    asOf: report.asOf,
    locale: 'en',
    gradeScale: DEFAULT_GRADE_SCALE,
    unrecognizedFiles: 1,
    sheets: files.flatMap((f) => f.sheets.map((s) => ({ file: f.path, sheet: s.name, template: s.template, templateName: s.templateName, rows: s.rows, issues: s.issues, fiscalYear: s.fiscalYear }))),
    skipped: [{ file: '提出/壊れた.xlsx', reason: 'ZIP の終端が見つかりません' }],
  });
  const [layout] = summaryLayouts(report, { locale: 'en' });
  expect(layout).toEqual(expected);
  const wb = newWorkbook(report.asOf);
  writeSheet(wb, expected, path.dirname(target));
  const written = parts(wb.toBytes());
  const whole = new SummaryWorkbook(report.asOf, { locale: 'en', target });
  files.forEach((f) => whole.add(f));
  expect(parts(whole.bytes(null))).toEqual(written);
});

test('texts are escaped once: quotes in sheet names, & and < in messages, % and spaces in link targets', () => {
  const summary = new SummaryWorkbook(report.asOf, { locale: 'ja', target });
  files.forEach((f) => summary.add(f));
  const p = parts(summary.bytes(null));
  expect(p['xl/sharedStrings.xml']).toContain('<t>未入力です &amp; &lt;要確認&gt;</t>');
  expect(p['xl/sharedStrings.xml']).toContain("<t>進捗'表</t>");
  const rels = p['xl/worksheets/_rels/sheet1.xml.rels'];
  expect(rels).toContain('Target="../提出/財政%20課%25.xlsx#&apos;進捗&apos;&apos;表&apos;!E7" TargetMode="External"');
  expect(p['xl/worksheets/sheet1.xml']).toContain('location="../提出/財政%20課%25.xlsx#&apos;進捗&apos;&apos;表&apos;!E7"');
});

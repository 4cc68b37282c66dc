import ExcelJS from 'exceljs';
import { DEFAULT_GRADE_SCALE, summaryTable, type SummaryTable } from '../engine';
import type { JsonReport } from './report';
import { SUMMARY_MARK } from './outputs';

/** The engine's summary layout → one ExcelJS worksheet, styled. */
function writeTable(wb: ExcelJS.Workbook, table: SummaryTable): void {
  const ws = wb.addWorksheet(table.name);
  table.values.forEach((row) => ws.addRow(row));
  for (const r of table.headerRows) {
    const row = ws.getRow(r + 1);
    row.eachCell((cell) => {
      cell.style = { font: { bold: true }, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } }, border: { bottom: { style: 'thin' } } };
    });
  }
  for (const r of table.titleRows) ws.getRow(r + 1).font = { bold: true, size: r === 0 ? 14 : 12 };
  for (const r of table.totalRows) ws.getRow(r + 1).font = { bold: true };
  table.widths.forEach((w, c) => (ws.getColumn(c + 1).width = w));
}

/** One consolidated workbook for the reform headquarters: by department, by file, every issue. */
export async function summaryWorkbookBytes(report: JsonReport, locale: 'ja' | 'en'): Promise<Uint8Array> {
  const table = summaryTable({
    asOf: report.asOf,
    locale,
    grades: DEFAULT_GRADE_SCALE.map((s) => s.grade),
    sheets: report.files.flatMap((f) =>
      f.sheets.map((s) => ({ file: f.path, sheet: s.name, template: s.template, templateName: s.templateName, rows: s.rows, issues: s.issues })),
    ),
    skipped: report.files.filter((f) => f.status === 'unreadable').map((f) => ({ file: f.path, reason: f.error ?? '' })),
  });
  const wb = new ExcelJS.Workbook();
  // marks the file as ours: a later run may replace it, and never takes it for a submission
  wb.creator = SUMMARY_MARK.creator;
  wb.keywords = SUMMARY_MARK.keywords;
  writeTable(wb, table);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

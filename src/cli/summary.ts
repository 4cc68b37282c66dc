import * as path from 'path';
import ExcelJS from 'exceljs';
import { comparisonTable, DEFAULT_GRADE_SCALE, displayWidth, summaryTable, type Config, type LayoutLink, type RoundComparison, type SummaryTable } from '../engine';
import type { JsonReport } from './report';
import { SUMMARY_MARK } from './outputs';
import { withCharts, type SheetCharts } from './summaryCharts';

const TITLE_FONT = { bold: true, size: 14, color: { argb: 'FF1F3864' } };
const SECTION_FONT = { bold: true, size: 12, color: { argb: 'FF1F3864' } };
const NOTE_FONT = { size: 9, color: { argb: 'FF595959' } };

/**
 * A link from a workbook written in `fromFolder` to a cell of a checked workbook: the file's path
 * relative to that folder, then the sheet and cell (`総務課.xlsx#'進捗'!D8`).
 */
export function cellLink(fromFolder: string, link: Pick<LayoutLink, 'file' | 'sheet' | 'cell'>): string {
  const place = `'${link.sheet.replace(/'/g, "''")}'!${link.cell}`;
  if (link.file === '') return `#${place}`;
  const relative = path.relative(fromFolder, path.resolve(link.file)).split(path.sep).join('/');
  // a hyperlink is a URI: characters that would end or change it are escaped, Japanese is kept
  const uri = relative.replace(/[%# ?]/g, (ch) => encodeURIComponent(ch));
  return `${uri}#${place}`;
}

/** The engine's layout → one ExcelJS worksheet: values, real tables, links, formats, print setup. */
export function writeSheet(wb: ExcelJS.Workbook, table: SummaryTable, linkFolder: string): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(table.name, {
    views: [{ state: 'frozen', ySplit: table.freezeRows, topLeftCell: `A${table.freezeRows + 1}`, activeCell: `A${table.freezeRows + 1}`, showGridLines: false }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 } },
    headerFooter: { oddFooter: '&P / &N' },
  });
  const inTable = new Set<string>();
  const tableRows = new Set<number>();
  for (const t of table.tables) {
    for (let r = t.top; r <= t.top + t.rows; r++) {
      tableRows.add(r);
      for (let c = t.left; c < t.left + t.headers.length; c++) inTable.add(`${r}:${c}`);
    }
  }
  // every value is set as it is: a text such as "=SUM(A1)" copied from a submission stays text
  table.values.forEach((row, r) => {
    row.forEach((v, c) => {
      if (v !== null && v !== '' && !inTable.has(`${r}:${c}`)) ws.getCell(r + 1, c + 1).value = v;
    });
  });
  const links = new Map(table.links.map((l) => [`${l.row}:${l.column}`, l]));
  for (const t of table.tables) {
    const rows = Array.from({ length: t.rows }, (_, i) =>
      t.headers.map((_, c) => {
        const v = table.values[t.top + 1 + i][t.left + c] ?? null;
        const link = links.get(`${t.top + 1 + i}:${t.left + c}`);
        return link && v !== null ? { text: String(v), hyperlink: cellLink(linkFolder, link) } : v;
      }),
    );
    ws.addTable({
      name: t.name,
      ref: ws.getCell(t.top + 1, t.left + 1).address,
      headerRow: true,
      style: { theme: 'TableStyleMedium2', showRowStripes: true },
      columns: t.headers.map((name) => ({ name, filterButton: t.filters !== false })),
      // a table needs one row; an empty one stands for "none"
      rows: rows.length > 0 ? rows : [t.headers.map(() => null)],
    });
    t.formats.forEach((format, c) => {
      if (!format) return;
      for (let i = 1; i <= t.rows; i++) ws.getCell(t.top + 1 + i, t.left + c + 1).numFmt = format;
    });
    // LibreOffice and the table style's absence in older readers: the header is styled by hand too
    t.headers.forEach((_, c) => {
      const cell = ws.getCell(t.top + 1, t.left + c + 1);
      cell.font = { bold: true, color: { argb: 'FFFFFFFF' } };
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF2F5597' } };
      cell.alignment = { vertical: 'middle', horizontal: t.formats[c] ? 'right' : t.center?.[c] ? 'center' : 'left' };
    });
    for (let i = 1; i <= t.rows; i++) {
      let lines = 1;
      t.wrap.forEach((wrap, c) => {
        const cell = ws.getCell(t.top + 1 + i, t.left + c + 1);
        cell.alignment = { vertical: 'top', wrapText: wrap, horizontal: t.formats[c] ? 'right' : t.center?.[c] ? 'center' : undefined };
        const v = table.values[t.top + i][t.left + c];
        // readers do not all fit a row to wrapped text: its height is set from the text's length
        if (wrap && typeof v === 'string') lines = Math.max(lines, Math.ceil((displayWidth(v) * 1.15) / Math.max(1, (table.widths[t.left + c] ?? 10) - 2)));
      });
      if (lines > 1) ws.getRow(t.top + 1 + i).height = Math.min(6, lines) * 14 + 4;
      const link = links.get(`${t.top + i}:${t.left}`);
      if (link) ws.getCell(t.top + 1 + i, t.left + 1).font = { color: { argb: 'FF0563C1' }, underline: true };
    }
  }
  for (const f of table.formats) ws.getCell(f.row + 1, f.column + 1).numFmt = f.format;
  // the headline's values line up on the right, dates and years with the counts
  for (const f of table.formats.filter((x) => x.column === 1)) ws.getCell(f.row + 1, 2).alignment = { horizontal: 'right' };
  if (table.formats.some((x) => x.column === 1)) {
    for (let r = 0; r < table.values.length; r++) if (typeof table.values[r][1] === 'string' && !tableRows.has(r)) ws.getCell(r + 1, 2).alignment = { horizontal: 'right' };
  }
  for (const r of table.titleRows) ws.getCell(r + 1, 1).font = r === 0 ? TITLE_FONT : SECTION_FONT;
  table.values.forEach((row, r) => {
    if (r > 0 && !tableRows.has(r) && !table.titleRows.includes(r) && row.length === 1 && typeof row[0] === 'string') ws.getCell(r + 1, 1).font = NOTE_FONT;
  });
  for (const r of table.totalRows) {
    table.values[r].forEach((_, c) => {
      const cell = ws.getCell(r + 1, c + 1);
      cell.font = { bold: true };
      cell.border = { top: { style: 'thin' }, bottom: { style: 'double' } };
    });
  }
  table.widths.forEach((w, c) => (ws.getColumn(c + 1).width = w));
  return ws;
}

/** Workbook-level marks and fixed dates: the same summary gives the same bytes. */
export function newWorkbook(asOf: string): { wb: ExcelJS.Workbook; date: Date } {
  const wb = new ExcelJS.Workbook();
  const date = new Date(`${asOf}T00:00:00Z`);
  // marks the file as ours: a later run may replace it, and never takes it for a submission
  wb.creator = SUMMARY_MARK.creator;
  wb.lastModifiedBy = SUMMARY_MARK.creator;
  wb.keywords = SUMMARY_MARK.keywords;
  wb.created = date;
  wb.modified = date;
  return { wb, date };
}

export async function workbookBytes(wb: ExcelJS.Workbook, sheets: SheetCharts[], date: Date): Promise<Uint8Array> {
  return withCharts(new Uint8Array(await wb.xlsx.writeBuffer()), sheets, date);
}

export interface SummaryOptions {
  locale: 'ja' | 'en';
  /** Where the summary is written: links to the checked workbooks are relative to its folder. */
  target: string;
  gradeScale?: Config['gradeScale'];
  comparison?: RoundComparison | null;
}

/** The summary's layouts: the summary sheet, and the comparison when a previous round is given. */
export function summaryLayouts(report: JsonReport, options: Omit<SummaryOptions, 'target'>): SummaryTable[] {
  const main = summaryTable({
    asOf: report.asOf,
    locale: options.locale,
    gradeScale: options.gradeScale ?? DEFAULT_GRADE_SCALE,
    unrecognizedFiles: report.files.filter((f) => f.status === 'unrecognized').length,
    sheets: report.files.flatMap((f) =>
      f.sheets.map((s) => ({ file: f.path, sheet: s.name, template: s.template, templateName: s.templateName, rows: s.rows, issues: s.issues, fiscalYear: s.fiscalYear })),
    ),
    skipped: report.files.filter((f) => f.status === 'unreadable').map((f) => ({ file: f.path, reason: f.error ?? '' })),
  });
  return options.comparison ? [main, comparisonTable(options.comparison, report.asOf, options.locale)] : [main];
}

/** One consolidated workbook for the reform headquarters: headline, charts, tables, every issue. */
export async function summaryWorkbookBytes(report: JsonReport, options: SummaryOptions): Promise<Uint8Array> {
  const { wb, date } = newWorkbook(report.asOf);
  const layouts = summaryLayouts(report, options);
  const folder = path.dirname(path.resolve(options.target));
  layouts.forEach((layout) => writeSheet(wb, layout, folder));
  return workbookBytes(
    wb,
    layouts.map((layout, i) => ({ sheetNumber: i + 1, sheetName: layout.name, values: layout.values, charts: layout.charts })),
    date,
  );
}

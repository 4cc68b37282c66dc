import * as path from 'path';
import { comparisonTable, DEFAULT_GRADE_SCALE, displayWidth, summaryTable, type Config, type LayoutLink, type RoundComparison, type SummaryTable } from '../engine';
import type { JsonReport } from './report';
import { SUMMARY_MARK } from './outputs';
import { anchorXml, chartXml } from './summaryCharts';
import { type Font, type Sheet, Workbook } from './xlsxWriter';

const TITLE_FONT: Font = { bold: true, size: 14, color: 'FF1F3864' };
const SECTION_FONT: Font = { bold: true, size: 12, color: 'FF1F3864' };
const NOTE_FONT: Font = { size: 9, color: 'FF595959' };

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

/** The engine's layout → one worksheet: values, real tables, links, formats, print setup, charts. */
export function writeSheet(wb: Workbook, table: SummaryTable, linkFolder: string): Sheet {
  const ws = wb.addSheet(table.name, table.freezeRows);
  // cells keyed by a number, not a "r:c" text: the issue list alone has tens of thousands
  const at = (r: number, c: number) => r * 16384 + c;
  const inTable = new Set<number>();
  const tableRows = new Set<number>();
  for (const t of table.tables) {
    for (let r = t.top; r <= t.top + t.rows; r++) {
      tableRows.add(r);
      for (let c = t.left; c < t.left + t.headers.length; c++) inTable.add(at(r, c));
    }
  }
  // every value is set as it is: a text such as "=SUM(A1)" copied from a submission stays text
  table.values.forEach((row, r) => {
    row.forEach((v, c) => {
      if (v !== null && v !== '' && !inTable.has(at(r, c))) ws.cell(r + 1, c + 1).value = v;
    });
  });
  const links = new Map(table.links.map((l) => [at(l.row, l.column), l]));
  for (const t of table.tables) {
    // the header, then the body; a table needs one row: an empty one stands for "none"
    t.headers.forEach((name, c) => (ws.cell(t.top + 1, t.left + c + 1).value = name));
    for (let i = 0; i < Math.max(1, t.rows); i++) {
      t.headers.forEach((_, c) => {
        const cell = ws.cell(t.top + 2 + i, t.left + c + 1);
        const v = i < t.rows ? table.values[t.top + 1 + i][t.left + c] ?? null : null;
        const link = i < t.rows ? links.get(at(t.top + 1 + i, t.left + c)) : undefined;
        cell.value = link && v !== null ? String(v) : v;
        if (link && v !== null) cell.hyperlink = cellLink(linkFolder, link);
      });
    }
    ws.tables.push({ name: t.name, top: t.top + 1, left: t.left + 1, headers: t.headers, bodyRows: Math.max(1, t.rows), filters: t.filters !== false });
    t.formats.forEach((format, c) => {
      if (!format) return;
      for (let i = 1; i <= t.rows; i++) ws.cell(t.top + 1 + i, t.left + c + 1).numFmt = format;
    });
    // LibreOffice and the table style's absence in older readers: the header is styled by hand too
    t.headers.forEach((_, c) => {
      const cell = ws.cell(t.top + 1, t.left + c + 1);
      cell.font = { bold: true, color: 'FFFFFFFF' };
      cell.fill = 'FF2F5597';
      cell.alignment = { vertical: 'middle', horizontal: t.formats[c] ? 'right' : t.center?.[c] ? 'center' : 'left' };
    });
    for (let i = 1; i <= t.rows; i++) {
      let lines = 1;
      t.wrap.forEach((wrap, c) => {
        const cell = ws.cell(t.top + 1 + i, t.left + c + 1);
        cell.alignment = { vertical: 'top', wrapText: wrap, horizontal: t.formats[c] ? 'right' : t.center?.[c] ? 'center' : undefined };
        const v = table.values[t.top + i][t.left + c];
        // readers do not all fit a row to wrapped text: its height is set from the text's length
        if (wrap && typeof v === 'string') lines = Math.max(lines, Math.ceil((displayWidth(v) * 1.15) / Math.max(1, (table.widths[t.left + c] ?? 10) - 2)));
      });
      if (lines > 1) ws.setHeight(t.top + 1 + i, Math.min(6, lines) * 14 + 4);
      const link = links.get(at(t.top + i, t.left));
      if (link) ws.cell(t.top + 1 + i, t.left + 1).font = { color: 'FF0563C1', underline: true };
    }
  }
  for (const f of table.formats) ws.cell(f.row + 1, f.column + 1).numFmt = f.format;
  // the headline's values line up on the right, dates and years with the counts
  for (const f of table.formats.filter((x) => x.column === 1)) ws.cell(f.row + 1, 2).alignment = { horizontal: 'right' };
  if (table.formats.some((x) => x.column === 1)) {
    for (let r = 0; r < table.values.length; r++) if (typeof table.values[r][1] === 'string' && !tableRows.has(r)) ws.cell(r + 1, 2).alignment = { horizontal: 'right' };
  }
  for (const r of table.titleRows) ws.cell(r + 1, 1).font = r === 0 ? TITLE_FONT : SECTION_FONT;
  const titleRows = new Set(table.titleRows);
  table.values.forEach((row, r) => {
    if (r > 0 && !tableRows.has(r) && !titleRows.has(r) && row.length === 1 && typeof row[0] === 'string') ws.cell(r + 1, 1).font = NOTE_FONT;
  });
  for (const r of table.totalRows) {
    table.values[r].forEach((_, c) => {
      const cell = ws.cell(r + 1, c + 1);
      cell.font = { bold: true };
      cell.totalBorder = true;
    });
  }
  table.widths.forEach((w, c) => {
    if (w) ws.widths.set(c + 1, w);
  });
  ws.charts = table.charts.map((chart, i) => ({ xml: chartXml(chart, table.name, table.values), anchorXml: (relId) => anchorXml(chart, i, relId) }));
  return ws;
}

/** Workbook-level marks and a fixed date: the same summary gives the same bytes. */
export function newWorkbook(asOf: string): Workbook {
  const wb = new Workbook(new Date(`${asOf}T00:00:00Z`));
  // marks the file as ours: a later run may replace it, and never takes it for a submission
  wb.creator = SUMMARY_MARK.creator;
  wb.keywords = SUMMARY_MARK.keywords;
  return wb;
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
  const wb = newWorkbook(report.asOf);
  const folder = path.dirname(path.resolve(options.target));
  for (const layout of summaryLayouts(report, options)) writeSheet(wb, layout, folder);
  return wb.toBytes();
}

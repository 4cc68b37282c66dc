import * as path from 'path';
import { comparisonTable, DEFAULT_GRADE_SCALE, displayWidth, type Config, type LayoutLink, type RoundComparison, type SummaryTable } from '../engine';
import { SummaryTableAccumulator } from '../engine/summaryTable';
import type { FileReport, JsonReport } from './report';
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
  const values = table.values;
  const tables = table.tables;
  const tableRows = new Set<number>();
  for (const t of tables) for (let r = t.top; r <= t.top + t.rows; r++) tableRows.add(r);
  const inTable = (r: number, c: number) => tables.some((t) => r >= t.top && r <= t.top + t.rows && c >= t.left && c < t.left + t.headers.length);
  // every value is set as it is: a text such as "=SUM(A1)" copied from a submission stays text
  for (let r = 0; r < values.length; r++) {
    const row = values[r];
    const tableRow = tableRows.has(r);
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      // (a hole in a row is no cell; an undefined value an empty one)
      if (v === undefined && !(c in row)) continue;
      if (v !== null && v !== '' && !(tableRow && inTable(r, c))) ws.set(r + 1, c + 1, v ?? null);
    }
  }
  // links by row, then column (the issue list alone has tens of thousands); their targets by file and sheet
  const links: LayoutLink[][] = [];
  for (const l of table.links) (links[l.row] ??= [])[l.column] = l;
  const linkAt = (r: number, c: number): LayoutLink | undefined => links[r]?.[c];
  // a link's target is the file and sheet's (worked out once), then the cell
  const places = new Map<string, Map<string, string>>();
  const place = (link: LayoutLink) => {
    let sheets = places.get(link.file);
    if (!sheets) places.set(link.file, (sheets = new Map()));
    let start = sheets.get(link.sheet);
    if (start === undefined) {
      start = cellLink(linkFolder, { ...link, cell: '' });
      sheets.set(link.sheet, start);
    }
    return start;
  };
  const headerFont = wb.font({ bold: true, color: 'FFFFFFFF' });
  const headerFill = wb.fill('FF2F5597');
  const linkFont = wb.font({ color: 'FF0563C1', underline: true });
  const widthOf = new Map<string, number>();
  for (const t of tables) {
    const columns = t.headers.length;
    // the header, then the body; a table needs one row: an empty one stands for "none"
    t.headers.forEach((name, c) => ws.set(t.top + 1, t.left + c + 1, name));
    for (let i = 0; i < Math.max(1, t.rows); i++) {
      const row = i < t.rows ? values[t.top + 1 + i] : null;
      for (let c = 0; c < columns; c++) {
        const v = row ? row[t.left + c] ?? null : null;
        const link = row ? linkAt(t.top + 1 + i, t.left + c) : undefined;
        ws.set(t.top + 2 + i, t.left + c + 1, link && v !== null ? String(v) : v);
        if (link && v !== null) ws.link(t.top + 2 + i, t.left + c + 1, place(link), link.cell);
      }
    }
    ws.tables.push({ name: t.name, top: t.top + 1, left: t.left + 1, headers: t.headers, bodyRows: Math.max(1, t.rows), filters: t.filters !== false });
    const horizontal = (c: number) => (t.formats[c] ? 'right' : t.center?.[c] ? 'center' : undefined);
    const formats = t.formats.map((format) => (format ? wb.numFmt(format) : null));
    // LibreOffice and the table style's absence in older readers: the header is styled by hand too
    for (let c = 0; c < columns; c++) {
      const cell = t.left + c + 1;
      ws.style(t.top + 1, cell, headerFont);
      ws.style(t.top + 1, cell, headerFill);
      ws.style(t.top + 1, cell, wb.alignment({ vertical: 'middle', horizontal: horizontal(c) ?? 'left' }));
    }
    const alignments = t.wrap.map((wrap, c) => wb.alignment({ vertical: 'top', wrapText: wrap, horizontal: horizontal(c) }));
    const room = t.wrap.map((_, c) => Math.max(1, (table.widths[t.left + c] ?? 10) - 2));
    for (let i = 1; i <= t.rows; i++) {
      const r = t.top + 1 + i;
      const row = values[t.top + i];
      let lines = 1;
      for (let c = 0; c < columns; c++) {
        const format = formats[c];
        if (format) ws.style(r, t.left + c + 1, format);
      }
      for (let c = 0; c < alignments.length; c++) {
        ws.style(r, t.left + c + 1, alignments[c]);
        const v = row[t.left + c];
        // readers do not all fit a row to wrapped text: its height is set from the text's length
        if (t.wrap[c] && typeof v === 'string') {
          let width = widthOf.get(v);
          if (width === undefined) {
            width = displayWidth(v);
            widthOf.set(v, width);
          }
          lines = Math.max(lines, Math.ceil((width * 1.15) / room[c]));
        }
      }
      if (lines > 1) ws.setHeight(r, Math.min(6, lines) * 14 + 4);
      if (linkAt(t.top + i, t.left)) ws.style(r, t.left + 1, linkFont);
    }
  }
  for (const f of table.formats) ws.style(f.row + 1, f.column + 1, wb.numFmt(f.format));
  // the headline's values line up on the right, dates and years with the counts
  const right = wb.alignment({ horizontal: 'right' });
  for (const f of table.formats) if (f.column === 1) ws.style(f.row + 1, 2, right);
  if (table.formats.some((x) => x.column === 1)) {
    for (let r = 0; r < values.length; r++) if (typeof values[r][1] === 'string' && !tableRows.has(r)) ws.style(r + 1, 2, right);
  }
  for (const r of table.titleRows) ws.style(r + 1, 1, wb.font(r === 0 ? TITLE_FONT : SECTION_FONT));
  const titleRows = new Set(table.titleRows);
  const noteFont = wb.font(NOTE_FONT);
  values.forEach((row, r) => {
    if (r > 0 && !tableRows.has(r) && !titleRows.has(r) && row.length === 1 && typeof row[0] === 'string') ws.style(r + 1, 1, noteFont);
  });
  const totalFont = wb.font({ bold: true });
  const totalBorder = wb.totalBorder();
  for (const r of table.totalRows) {
    values[r].forEach((_, c) => {
      ws.style(r + 1, c + 1, totalFont);
      ws.style(r + 1, c + 1, totalBorder);
    });
  }
  table.widths.forEach((w, c) => {
    if (w) ws.widths.set(c + 1, w);
  });
  ws.charts = table.charts.map((chart, i) => ({ xml: chartXml(chart, table.name, values), anchorXml: (relId) => anchorXml(chart, i, relId) }));
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

/**
 * The summary workbook, built as the reports arrive: add() each file's report in the order the
 * files are listed (the order of report.files), then bytes(). Only counts and issue lines are kept,
 * not the items, and the work of counting is done file by file.
 */
export class SummaryWorkbook {
  private readonly main: SummaryTableAccumulator;

  constructor(
    private readonly asOf: string,
    private readonly options: Omit<SummaryOptions, 'comparison'>,
  ) {
    this.main = new SummaryTableAccumulator({ asOf, locale: options.locale, gradeScale: options.gradeScale ?? DEFAULT_GRADE_SCALE });
  }

  add(file: FileReport): void {
    if (file.status === 'unrecognized') this.main.addUnrecognizedFile();
    for (const s of file.sheets) {
      this.main.addSheet({ file: file.path, sheet: s.name, template: s.template, templateName: s.templateName, rows: s.rows, issues: s.issues, fiscalYear: s.fiscalYear });
    }
    if (file.status === 'unreadable') this.main.addSkipped({ file: file.path, reason: file.error ?? '' });
  }

  /** The layouts: the summary sheet, and the comparison when a previous round is given. */
  layouts(comparison?: RoundComparison | null): SummaryTable[] {
    const main = this.main.finish();
    return comparison ? [main, comparisonTable(comparison, this.asOf, this.options.locale)] : [main];
  }

  /** The workbook's bytes (once: the layouts are made from what was added). */
  bytes(comparison?: RoundComparison | null): Uint8Array {
    const wb = newWorkbook(this.asOf);
    const folder = path.dirname(path.resolve(this.options.target));
    for (const layout of this.layouts(comparison)) writeSheet(wb, layout, folder);
    return wb.toBytes();
  }
}

/** The summary's layouts: the summary sheet, and the comparison when a previous round is given. */
export function summaryLayouts(report: JsonReport, options: Omit<SummaryOptions, 'target'>): SummaryTable[] {
  const summary = new SummaryWorkbook(report.asOf, { ...options, target: '' });
  for (const file of report.files) summary.add(file);
  return summary.layouts(options.comparison);
}

/** One consolidated workbook for the reform headquarters: headline, charts, tables, every issue. */
export async function summaryWorkbookBytes(report: JsonReport, options: SummaryOptions): Promise<Uint8Array> {
  const summary = new SummaryWorkbook(report.asOf, options);
  for (const file of report.files) summary.add(file);
  return summary.bytes(options.comparison);
}

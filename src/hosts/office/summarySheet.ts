/**
 * ［集計シート］: check every progress sheet of the workbook and write the engine's summary table
 * (by department, by sheet, every issue) into a sheet the product owns, made anew each time.
 * One sync lists the sheets, reading costs one or two per sheet (readSheet), writing one more.
 */
import { checkSheet, DEFAULT_GRADE_SCALE, summaryTable, type CellValue, type Locale, type SheetCheck, type SummaryTable } from '../../engine';
import { HostError } from './errors';
import { readSheet } from './readSheet';
import { supportsExcelApi } from './requirements';
import { type ProgressCallback, Session } from './session';
import { STATE_SHEET_NAME } from './stateStore';

export interface SummaryRunOptions {
  asOf: string;
  locale: Locale;
  onProgress?: ProgressCallback;
}

export interface SummaryRunResult {
  sheetName: string;
  checked: { name: string; check: SheetCheck }[];
  syncs: number;
}

/** An as-of date no sheet has: the part of the title before it is what every summary begins with. */
const TITLE_PROBE = '\u0000';

/** 集計, 集計 (2), 集計 (3)…, ignoring case as Excel's sheet names do. */
function isSummaryName(name: string, base: string): boolean {
  const lower = name.toLowerCase();
  const b = base.toLowerCase();
  return lower === b || (lower.startsWith(`${b} (`) && /^ \(\d+\)$/.test(lower.slice(b.length)));
}

/** Points per character of column width, roughly, for Japanese UI fonts. */
const POINTS_PER_CHAR = 7;

export async function buildSummarySheet(context: Excel.RequestContext, options: SummaryRunOptions): Promise<SummaryRunResult> {
  const session = new Session(context);
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name, items/visibility');
  const protection = supportsExcelApi('1.7') ? context.workbook.protection.load('protected') : null;
  await session.sync();
  if (protection?.protected) throw new HostError('WorkbookProtected', 'The workbook structure is protected.');
  const probe = summaryTable({ asOf: TITLE_PROBE, sheets: [], grades: [], locale: options.locale });
  const titleStart = String(probe.values[0]?.[0] ?? '').split(TITLE_PROBE)[0];
  // Which sheets named like the summary are ours: their title cell says so. One sync for all.
  const all = worksheets.items.filter((s) => s.name !== STATE_SHEET_NAME && s.visibility === 'Visible');
  const candidates = all.filter((s) => isSummaryName(s.name, probe.name));
  const titles = candidates.map((s) => worksheets.getItem(s.name).getRange('A1').load('values'));
  if (candidates.length) await session.sync();
  const ours = new Set(candidates.filter((_, i) => titleStart !== '' && String(titles[i].values[0][0]).startsWith(titleStart)).map((s) => s.name));
  const names = all.filter((s) => !ours.has(s.name)).map((s) => s.name);

  const checked: { name: string; check: SheetCheck }[] = [];
  for (const [i, name] of names.entries()) {
    options.onProgress?.('read', i, names.length);
    const read = await readSheet(session, { sheetName: name, sampleRows: 200 });
    checked.push({ name, check: checkSheet(read.grid, { asOf: options.asOf, locale: options.locale, sheetName: name }) });
  }
  options.onProgress?.('check', 1, 1);
  const table = summaryTable({
    asOf: options.asOf,
    locale: options.locale,
    gradeScale: DEFAULT_GRADE_SCALE,
    sheets: checked.map(({ name, check }) => ({
      file: '',
      sheet: name,
      template: check.template,
      templateName: check.templateName,
      rows: check.rows,
      issues: check.issues,
      fiscalYear: check.fiscalYear,
    })),
  });

  // Our own summary is replaced whole; a person's sheet of that name is left alone, and ours goes
  // beside it as 集計 (2), (3)…
  options.onProgress?.('write', 0, 1);
  const taken = new Set(worksheets.items.map((s) => s.name.toLowerCase()));
  let target = table.name;
  for (let n = 2; taken.has(target.toLowerCase()) && !ours.has(target); n++) target = `${table.name} (${n})`;
  if (ours.has(target)) worksheets.getItem(target).delete();
  writeTable(worksheets.add(target), table);
  await session.sync();
  options.onProgress?.('write', 1, 1);
  return { sheetName: target, checked, syncs: session.syncs };
}

/**
 * Text cells are formatted as text before the values go in: a value copied from a submission that
 * begins with = + - @ never becomes a formula, and 2025-10-15 stays as written (issue 11).
 */
function numberFormats(table: SummaryTable, values: CellValue[][]): string[][] {
  const formats: string[][] = values.map((row) => row.map((v) => (typeof v === 'string' && v !== '' ? '@' : 'General')));
  for (const f of table.formats) formats[f.row][f.column] = f.format;
  for (const t of table.tables) {
    t.formats.forEach((f, c) => {
      for (let i = 1; f && i <= t.rows; i++) formats[t.top + i][t.left + c] = f;
    });
  }
  return formats;
}

/** The layout's tables as ListObjects and its charts as Excel charts, where this Excel has them. */
function addTablesAndCharts(sheet: Excel.Worksheet, table: SummaryTable): void {
  // ListObjects and charts are ExcelApi 1.1; series categories and axis order 1.7; fills 1.8
  if (!supportsExcelApi('1.7') || !('tables' in sheet) || !('charts' in sheet)) return;
  for (const t of table.tables) {
    if (t.rows === 0) continue;
    const listObject = sheet.tables.add(sheet.getRangeByIndexes(t.top, t.left, t.rows + 1, t.headers.length), true);
    listObject.style = 'TableStyleMedium2';
    if (t.filters === false) listObject.showFilterButton = false;
  }
  for (const spec of table.charts) {
    const first = spec.series[0].values;
    const last = spec.series[spec.series.length - 1].values;
    // the series' columns with their header row: one series per column
    const source = sheet.getRangeByIndexes(first.top - 1, first.left, first.bottom - first.top + 2, last.right - first.left + 1);
    const type = spec.kind === 'bar' ? (spec.stacked ? 'BarStacked' : 'BarClustered') : 'ColumnClustered';
    const chart = sheet.charts.add(type, source, 'Columns');
    chart.title.text = spec.title;
    const categories = sheet.getRangeByIndexes(spec.categories.top, spec.categories.left, spec.categories.bottom - spec.categories.top + 1, 1);
    spec.series.forEach((s, i) => {
      const series = chart.series.getItemAt(i);
      series.setXAxisValues(categories);
      if (supportsExcelApi('1.8')) series.format.fill.setSolidColor(`#${s.color}`);
    });
    // a bar chart lists categories bottom-up; reversed, it reads in the table's order
    if (spec.kind === 'bar') chart.axes.categoryAxis.reversePlotOrder = true;
    else chart.dataLabels.showValue = true;
    chart.setPosition(sheet.getRangeByIndexes(spec.anchor.row, spec.anchor.column, 1, 1));
    chart.width = spec.width;
    chart.height = spec.height;
  }
}

function writeTable(sheet: Excel.Worksheet, table: SummaryTable): void {
  const width = Math.max(...table.values.map((row) => row.length));
  const values = table.values.map((row) => Array.from({ length: width }, (_, c) => row[c] ?? ''));
  const whole = sheet.getRangeByIndexes(0, 0, values.length, width);
  whole.numberFormat = numberFormats(table, values);
  whole.values = values as (string | number | boolean)[][];
  for (const r of table.headerRows) {
    const header = sheet.getRangeByIndexes(r, 0, 1, table.values[r].length);
    header.format.font.bold = true;
    header.format.fill.color = '#DDEBF7';
  }
  for (const r of [...table.titleRows, ...table.totalRows]) sheet.getRangeByIndexes(r, 0, 1, Math.max(1, table.values[r].length)).format.font.bold = true;
  table.widths.forEach((chars, c) => {
    if (c < width) sheet.getRangeByIndexes(0, c, 1, 1).format.columnWidth = chars * POINTS_PER_CHAR;
  });
  if (supportsExcelApi('1.7')) {
    sheet.freezePanes.freezeRows(table.freezeRows);
    // each issue row's sheet name goes to the issue's cell
    for (const link of table.links) {
      const cell = sheet.getRangeByIndexes(link.row, link.column, 1, 1);
      // Range.hyperlink is ExcelApi 1.7; a host object without it (a test double) is passed over
      if (!('hyperlink' in cell)) break;
      cell.hyperlink = { documentReference: `'${link.sheet.replace(/'/g, "''")}'!${link.cell}`, textToDisplay: String(values[link.row][link.column]) };
    }
  }
  addTablesAndCharts(sheet, table);
  // page layout is ExcelApi 1.9: A4 landscape, one page wide
  if (supportsExcelApi('1.9') && 'pageLayout' in sheet) {
    sheet.pageLayout.orientation = 'Landscape';
    sheet.pageLayout.paperSize = 'A4';
    sheet.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  }
  sheet.activate();
}

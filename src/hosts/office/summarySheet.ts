/**
 * ［集計シート］: check every progress sheet of the workbook and write the engine's summary table
 * (by department, by sheet, every issue) into a sheet the product owns, made anew each time.
 * One sync lists the sheets, reading costs one or two per sheet (readSheet), writing one more.
 */
import { checkSheet, DEFAULT_GRADE_SCALE, summaryTable, type CellValue, type Locale, type SheetCheck, type SummaryTable } from '../../engine';
import type { Config } from '../../engine/config';
import { mergeConfig } from '../../engine/workbookSettings';
import { SettingsReader } from './workbookSettings';
import { HostError } from './errors';
import { readSheet } from './readSheet';
import { supportsExcelApi } from './requirements';
import { type ProgressCallback, Session } from './session';
import { STATE_SHEET_NAME } from './stateStore';

export interface SummaryRunOptions {
  asOf: string;
  locale: Locale;
  /** A configuration over the workbook's saved settings (as --config is over a file's). */
  config?: Config;
  onProgress?: ProgressCallback;
}

export interface SummaryRunResult {
  sheetName: string;
  checked: { name: string; check: SheetCheck }[];
  syncs: number;
}

/** An as-of date no sheet has: the part of a title before it is what every such sheet begins with. */
export const TITLE_PROBE = '\u0000';

/** Points per character of column width, roughly, for Japanese UI fonts. */
const POINTS_PER_CHAR = 7;

/** Excel's longest sheet name. */
const MAX_SHEET_NAME = 31;

/**
 * The n-th name for a sheet of ours: base, then "base (2)", "base (3)"…, cut to Excel's 31
 * characters (whole characters, never half a surrogate pair) with the number kept.
 */
export function numberedSheetName(base: string, n: number): string {
  const safe = base.replace(/[\\/?*[\]:]/g, '_').replace(/^'+|'+$/g, '') || '_';
  const suffix = n === 1 ? '' : ` (${n})`;
  return [...safe].slice(0, MAX_SHEET_NAME - suffix.length).join('') + suffix;
}

/** A sheet the product writes: its layout, its base name, and how its title cell begins. */
export interface LayoutSheet {
  table: SummaryTable;
  baseName: string;
  titleStart: string;
}

/** How a title begins whatever the as-of date, from a layout made with TITLE_PROBE as the date. */
export function titleStartOf(probe: SummaryTable): string {
  return String(probe.values[0]?.[0] ?? '').split(TITLE_PROBE)[0];
}

interface SheetNames {
  /** Every sheet's name, lower case (Excel compares sheet names ignoring case). */
  taken: Set<string>;
  /** Sheets of ours (by name as written), per base name. */
  ours: Map<string, Set<string>>;
}

/**
 * Which sheets named like ours are ours: their title cell says so (one sync for all). A person's
 * sheet of the same name is never taken for ours.
 */
async function sheetNames(session: Session, sheets: { name: string }[], layouts: { baseName: string; titleStart: string }[]): Promise<SheetNames> {
  const worksheets = session.context.workbook.worksheets;
  const taken = new Set(sheets.map((s) => s.name.toLowerCase()));
  const candidates: { name: string; layout: number; title: Excel.Range }[] = [];
  layouts.forEach((layout, i) => {
    for (const sheet of sheets) {
      const lower = sheet.name.toLowerCase();
      for (let n = 1; n <= sheets.length + 1; n++) {
        if (numberedSheetName(layout.baseName, n).toLowerCase() !== lower) continue;
        candidates.push({ name: sheet.name, layout: i, title: worksheets.getItem(sheet.name).getRange('A1').load('values') });
        break;
      }
    }
  });
  if (candidates.length) await session.sync();
  const ours = new Map<string, Set<string>>(layouts.map((l) => [l.baseName, new Set<string>()]));
  for (const c of candidates) {
    const start = layouts[c.layout].titleStart;
    if (start !== '' && String(c.title.values[0][0]).startsWith(start)) ours.get(layouts[c.layout].baseName)?.add(c.name);
  }
  return { taken, ours };
}

/** The first free name, or one of ours to replace; a person's sheet is passed over. */
function placeFor(baseName: string, names: SheetNames): { name: string; replaces: boolean } {
  const ours = names.ours.get(baseName) ?? new Set<string>();
  for (let n = 1; ; n++) {
    const name = numberedSheetName(baseName, n);
    const lower = name.toLowerCase();
    const mine = [...ours].find((o) => o.toLowerCase() === lower);
    if (mine) return { name: mine, replaces: true };
    if (!names.taken.has(lower)) return { name, replaces: false };
  }
}

export async function buildSummarySheet(context: Excel.RequestContext, options: SummaryRunOptions): Promise<SummaryRunResult> {
  const session = new Session(context);
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name, items/visibility');
  const protection = supportsExcelApi('1.7') ? context.workbook.protection.load('protected') : null;
  // the settings saved in the workbook (grade scale, departments…) ride the same syncs
  const settingsReader = new SettingsReader(session);
  await session.sync();
  if (protection?.protected) throw new HostError('WorkbookProtected', 'The workbook structure is protected.');
  const probe = summaryTable({ asOf: TITLE_PROBE, sheets: [], grades: [], locale: options.locale });
  const summary = { baseName: probe.name, titleStart: titleStartOf(probe) };
  // Which sheets named like the summary are ours: their title cell says so. One sync for all.
  const all = worksheets.items.filter((s) => s.name !== STATE_SHEET_NAME && s.visibility === 'Visible');
  const names = await sheetNames(session, all, [summary]);
  const ours = names.ours.get(summary.baseName) ?? new Set<string>();
  const toCheck = all.filter((s) => !ours.has(s.name)).map((s) => s.name);

  const settings = (await settingsReader.ready()).settings;
  const config = mergeConfig(settings?.config, options.config);
  const checked: { name: string; check: SheetCheck }[] = [];
  for (const [i, name] of toCheck.entries()) {
    options.onProgress?.('read', i, toCheck.length);
    const read = await readSheet(session, { sheetName: name, sampleRows: 200 });
    const acknowledgements = settings?.acknowledgements;
    checked.push({ name, check: checkSheet(read.grid, { asOf: options.asOf, locale: options.locale, sheetName: name, ...(config ? { config } : {}), ...(acknowledgements ? { acknowledgements } : {}) }) });
  }
  options.onProgress?.('check', 1, 1);
  const table = summaryTable({
    asOf: options.asOf,
    locale: options.locale,
    // the configured scale's columns (優/良/可…), as the command line's --summary shows them
    gradeScale: config?.gradeScale ?? DEFAULT_GRADE_SCALE,
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
  names.taken = new Set(worksheets.items.map((s) => s.name.toLowerCase()));
  const target = placeFor(summary.baseName, names);
  if (target.replaces) worksheets.getItem(target.name).delete();
  const sheet = worksheets.add(target.name);
  writeTable(sheet, table);
  sheet.activate();
  await session.sync();
  options.onProgress?.('write', 1, 1);
  return { sheetName: target.name, checked, syncs: session.syncs };
}

/**
 * Writes layouts as sheets of their own (the imported submissions' summary, the returns): an
 * earlier sheet of ours of the same name is replaced, a person's never (ours goes beside it as
 * "name (2)"). One sync per sheet keeps each request small; the first sheet is left active.
 */
export async function writeLayoutSheets(session: Session, layouts: LayoutSheet[]): Promise<string[]> {
  const worksheets = session.context.workbook.worksheets;
  worksheets.load('items/name, items/visibility');
  const protection = supportsExcelApi('1.7') ? session.context.workbook.protection.load('protected') : null;
  await session.sync();
  if (protection?.protected) throw new HostError('WorkbookProtected', 'The workbook structure is protected.');
  const names = await sheetNames(session, worksheets.items, layouts);
  const written: string[] = [];
  for (const layout of layouts) {
    const target = placeFor(layout.baseName, names);
    if (target.replaces) worksheets.getItem(target.name).delete();
    writeTable(worksheets.add(target.name), layout.table);
    names.taken.add(target.name.toLowerCase());
    names.ours.get(layout.baseName)?.delete(target.name);
    await session.sync();
    written.push(target.name);
  }
  if (written.length) {
    worksheets.getItem(written[0]).activate();
    await session.sync();
  }
  return written;
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
      // a submitted file's cell is in a file this workbook cannot address: no link
      if (link.file !== '') continue;
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
}

/**
 * ［集計シート］: check every progress sheet of the workbook and write the engine's summary table
 * (by department, by sheet, every issue) into a sheet the product owns, made anew each time.
 * One sync lists the sheets, reading costs one or two per sheet (readSheet), writing one more.
 */
import { checkSheet, DEFAULT_GRADE_SCALE, summaryTable, type Locale, type SheetCheck, type SummaryTable } from '../../engine';
import { readSheet } from './readSheet';
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

/** Points per character of column width, roughly, for Japanese UI fonts. */
const POINTS_PER_CHAR = 7;

export async function buildSummarySheet(context: Excel.RequestContext, options: SummaryRunOptions): Promise<SummaryRunResult> {
  const session = new Session(context);
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name, items/visibility');
  await session.sync();
  // Excel's sheet names ignore case
  const summaryName = summaryTable({ asOf: options.asOf, sheets: [], grades: [], locale: options.locale }).name.toLowerCase();
  const names = worksheets.items
    .filter((s) => s.name !== STATE_SHEET_NAME && s.name.toLowerCase() !== summaryName && s.visibility === 'Visible')
    .map((s) => s.name);

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
    grades: DEFAULT_GRADE_SCALE.map((s) => s.grade),
    sheets: checked.map(({ name, check }) => ({
      file: '',
      sheet: name,
      template: check.template,
      templateName: check.templateName,
      rows: check.rows,
      issues: check.issues,
    })),
  });

  // the summary sheet is the product's own: replace it whole (its name was listed in the first sync)
  options.onProgress?.('write', 0, 1);
  const existing = worksheets.items.find((s) => s.name.toLowerCase() === table.name.toLowerCase());
  if (existing) worksheets.getItem(existing.name).delete();
  writeTable(worksheets.add(table.name), table);
  await session.sync();
  options.onProgress?.('write', 1, 1);
  return { sheetName: table.name, checked, syncs: session.syncs };
}

function writeTable(sheet: Excel.Worksheet, table: SummaryTable): void {
  const width = Math.max(...table.values.map((row) => row.length));
  const values = table.values.map((row) => Array.from({ length: width }, (_, c) => row[c] ?? ''));
  sheet.getRangeByIndexes(0, 0, values.length, width).values = values as (string | number | boolean)[][];
  for (const r of table.headerRows) {
    const header = sheet.getRangeByIndexes(r, 0, 1, table.values[r].length);
    header.format.font.bold = true;
    header.format.fill.color = '#DDEBF7';
  }
  for (const r of [...table.titleRows, ...table.totalRows]) sheet.getRangeByIndexes(r, 0, 1, Math.max(1, table.values[r].length)).format.font.bold = true;
  table.widths.forEach((chars, c) => {
    if (c < width) sheet.getRangeByIndexes(0, c, 1, 1).format.columnWidth = chars * POINTS_PER_CHAR;
  });
  sheet.activate();
}

/**
 * ［集計シート］: check every progress sheet of the workbook and write the engine's summary table
 * (by department, by sheet, every issue) into a sheet the product owns, made anew each time.
 * One sync lists the sheets, reading costs one or two per sheet (readSheet), writing one more.
 */
import { checkSheet, DEFAULT_GRADE_SCALE, summaryTable, type Locale, type SheetCheck, type SummaryTable } from '../../engine';
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

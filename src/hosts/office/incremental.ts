/**
 * The re-check after an edit (issue 10, part 1), in two syncs where it can be:
 *
 * 1. read only the rows the person changed (values, formulas, number formats, fills, notes) and the
 *    add-in's record, patch them into the grid the last check read (kept here), run the engine;
 * 2. write what changed (flags, notes, computed values, the record), deciding from what sync 1 read
 *    and from the record for cells elsewhere (they are as the last check left them).
 *
 * The whole sheet is read again, as a ［チェック］ does, when the change touches the header or the
 * rows above it, lies outside the table, spans many rows, or when anything the decision needs is
 * not known (a cell flagged for the first time outside the changed rows costs one more read sync).
 */
import { checkSheet } from '../../engine';
import type { CellValue, CheckOptions, Grid, SheetCheck } from '../../engine/types';
import { mergeConfig, type WorkbookSettings } from '../../engine/workbookSettings';
import { type SheetArea, cellAddress } from './a1';
import { type CheckActiveSheetOptions, type CheckActiveSheetResult, checkActiveSheet } from './actions';
import { applyPlan } from './applyPlan';
import { type CheckRunOptions, type CheckRunResult, type SheetChecker, checkInContext, ownValueCells } from './checkPipeline';
import { solid } from './fills';
import { type RowsRead, queueRowsRead } from './readSheet';
import { type CurrentCells, NOTE_EXISTS, type Original, type ReadRequest, wantedBy } from './reconcile';
import { detectCapabilities } from './requirements';
import { runWithRetry } from './runWithRetry';
import { Session } from './session';
import { labelSeverities } from './severityLabels';
import { StateReader, type SheetState, findSheetState, hashText } from './stateStore';
import { type PendingChanges, expectOwnWrites, takeChanges } from './watch';

/** More changed rows than this: the whole sheet is read again. */
export const MAX_INCREMENTAL_ROWS = 50;

/** What the last check of a sheet saw, to patch the next re-check into. */
interface LastCheck {
  /** asOf, locale, template, config: a re-check with other options is a new check. */
  key: string;
  sheetName: string;
  sheetId: string;
  grid: Grid;
  check: SheetCheck;
  settings: WorkbookSettings | null;
  /** The notes the last check wrote, by cell (to recognise them without reading them). */
  notes: Map<string, string>;
  /** Cells whose values the last check wrote. */
  ownValueCells: string[];
}

const lastChecks = new Map<string, LastCheck>();

function optionsKey(options: CheckRunOptions): string {
  return JSON.stringify([options.asOf, options.locale ?? 'ja', options.template ?? null, options.config ?? null]);
}

/** Forgets every kept check (the workbook's settings changed: the next re-check reads everything). */
export function forgetLastChecks(): void {
  lastChecks.clear();
}

/** Keeps a check's grid and outcome, for the re-checks that follow the person's edits. */
export function rememberCheck(result: CheckRunResult, options: CheckRunOptions): void {
  if (!result.check.template || result.notWritten) {
    lastChecks.delete(result.sheetName.toLowerCase());
    return;
  }
  const plan = labelSeverities(result.check.plan, result.check.issues, options.locale);
  const notes = new Map<string, string>();
  for (const [address, flag] of wantedBy(plan).flags) notes.set(address, flag.note);
  lastChecks.set(result.sheetName.toLowerCase(), {
    key: optionsKey(options),
    sheetName: result.sheetName,
    sheetId: result.sheetId,
    grid: result.grid,
    check: result.check,
    settings: result.settings,
    notes,
    ownValueCells: result.ownValueCells,
  });
}

export interface FollowResult extends CheckActiveSheetResult {
  /** Whether only the changed rows were read. */
  incremental: boolean;
}

/**
 * A check that follows the person's edits: with `sheetName` and a watch that saw small changes
 * below the header, only those rows are read; otherwise the whole sheet, as ［チェック］ does.
 */
export async function checkFollowingEdits(options: CheckActiveSheetOptions, changes?: PendingChanges): Promise<FollowResult> {
  const { retry, ...run } = options;
  const pending = changes ?? (options.sheetName ? takeChanges(options.sheetName) : null);
  const last = options.sheetName ? lastChecks.get(options.sheetName.toLowerCase()) : undefined;
  const rows = last && pending ? changedRows(last, pending, optionsKey(run)) : null;
  if (last && rows) {
    const result = await runWithRetry((context) => recheckRows(context, checkSheet, last, rows, run), retry).catch(() => null);
    if (result) {
      rememberCheck(result, run);
      return { ...result, incremental: true };
    }
  }
  const full = await checkActiveSheet(options);
  rememberCheck(full, run);
  return { ...full, incremental: false };
}

/** The grid's extent on the sheet, 1-based and inclusive. */
function extentOf(grid: Grid): SheetArea {
  const top = (grid.origin?.row ?? 0) + 1;
  const left = (grid.origin?.column ?? 0) + 1;
  let width = 0;
  for (const row of grid.values) width = Math.max(width, row.length);
  return { top, left, bottom: top + grid.values.length - 1, right: left + Math.max(1, width) - 1 };
}

/** The sheet rows to read again, or null when the whole sheet must be. */
export function changedRows(last: LastCheck, changes: PendingChanges, key: string): number[] | null {
  if (changes === 'full' || changes.length === 0 || key !== last.key || last.check.status === 'unrecognized') return null;
  const extent = extentOf(last.grid);
  // the header, and the titles above it (the fiscal year is read there), decide the whole check
  const headerBottom = Math.max(0, ...last.check.headerRows);
  const rows = new Set<number>();
  for (const area of changes) {
    if (area.top <= headerBottom || area.bottom > extent.bottom || area.left < extent.left || area.right > extent.right) return null;
    for (let r = area.top; r <= area.bottom; r++) {
      rows.add(r);
      if (rows.size > MAX_INCREMENTAL_ROWS) return null;
    }
  }
  return [...rows].sort((a, b) => a - b);
}

function runsOf(rows: number[]): { top: number; bottom: number }[] {
  const runs: { top: number; bottom: number }[] = [];
  for (const r of rows) {
    const run = runs[runs.length - 1];
    if (run && run.bottom === r - 1) run.bottom = r;
    else runs.push({ top: r, bottom: r });
  }
  return runs;
}

/** The last grid with the rows read again; cells the add-in wrote keep their recorded originals. */
function patchGrid(grid: Grid, read: RowsRead, previous: SheetState | undefined): Grid {
  const r0 = grid.origin?.row ?? 0;
  const c0 = grid.origin?.column ?? 0;
  const ours = new Set((previous?.writtenCells ?? []).map((c) => `${c.row}:${c.column}`));
  const values = grid.values.slice();
  const numberFormats = grid.numberFormats ? grid.numberFormats.slice() : undefined;
  for (const [row, cells] of read.rows) {
    const i = row - 1 - r0;
    const vr: CellValue[] = [];
    const fr: string[] = [];
    cells.forEach((cell, j) => {
      const column = read.left + j;
      const keep = ours.has(`${row}:${column}`);
      vr.push(keep ? (grid.values[i]?.[column - 1 - c0] ?? '') : cell.value);
      fr.push(keep ? (grid.numberFormats?.[i]?.[column - 1 - c0] ?? 'General') : cell.numberFormat);
    });
    values[i] = vr;
    if (numberFormats) numberFormats[i] = fr;
  }
  return { ...grid, values, ...(numberFormats ? { numberFormats } : {}) };
}

/**
 * What the decision needs, answered without reading: the changed rows from sync 1, every other
 * cell from the record (a cell the add-in flagged still has its fill and its note). Null when a
 * cell outside the changed rows is flagged or written for the first time (then it is read).
 */
function knownCells(request: ReadRequest, read: RowsRead, previous: SheetState | undefined, notes: Map<string, string>): CurrentCells | null {
  const flags = new Map((previous?.flags ?? []).map((f) => [f.address, f]));
  const out: CurrentCells = { fills: new Map(), notes: new Map(), headerStyles: new Map(), originals: new Map(), widths: new Map() };
  if (request.headerCells.length > 0 || request.widthColumns.length > 0) return null;
  for (const cell of request.fillCells) {
    const address = cellAddress(cell.row, cell.column);
    const fresh = read.at(cell.row, cell.column);
    const flag = flags.get(address);
    if (fresh && fresh.fill !== undefined) out.fills.set(address, fresh.fill);
    else if (flag) out.fills.set(address, solid(flag.flagFill));
    else return null;
  }
  for (const { address, needContent } of request.noteCells) {
    const cell = parseAddress(address);
    const fresh = cell ? read.at(cell.row, cell.column) : undefined;
    const flag = flags.get(address);
    if (fresh && fresh.note !== undefined) out.notes.set(address, fresh.note);
    else if (flag?.noteHash) {
      const note = notes.get(address);
      if (note === undefined || hashText(note) !== flag.noteHash) return null;
      out.notes.set(address, note);
    } else if (flag && !needContent) out.notes.set(address, NOTE_EXISTS);
    else return null;
  }
  for (const cell of request.unrecordedCells) {
    const fresh = read.at(cell.row, cell.column);
    if (!fresh) return null;
    const original: Original = { value: fresh.value, formula: fresh.formula, numberFormat: fresh.numberFormat };
    out.originals.set(cellAddress(cell.row, cell.column), original);
  }
  return out;
}

function parseAddress(address: string): { row: number; column: number } | null {
  const m = /^([A-Z]{1,3})(\d+)$/.exec(address);
  if (!m) return null;
  let column = 0;
  for (const ch of m[1]) column = column * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), column };
}

/** One re-check of `rows` inside one Excel.run; null when the whole sheet must be read after all. */
export async function recheckRows(
  context: Excel.RequestContext,
  checker: SheetChecker,
  last: LastCheck,
  rows: number[],
  options: CheckRunOptions,
): Promise<CheckRunResult | null> {
  const { sheetName: _name, onProgress, budgetBytes, capabilities, read: _read, ...checkOptions } = options;
  const caps = capabilities ?? detectCapabilities();
  const session = new Session(context, budgetBytes);
  // Sync 1: the record (lookup and chunks at once), the sheet, the changed rows.
  const state = new StateReader(session, { expectSheet: true });
  const sheet = context.workbook.worksheets.getItem(last.sheetName);
  sheet.load('name, id, protection/protected');
  const extent = extentOf(last.grid);
  const rowsRead = queueRowsRead(session, last.sheetName, runsOf(rows), extent.left, extent.right, { fills: caps.cellProperties, notes: caps.notes });
  onProgress?.('read', 0, 1);
  await session.sync();
  const stored = await state.ready();
  if (session.syncs > 1 || sheet.protection.protected) return null;
  const read = rowsRead();
  const target = { sheetName: sheet.name, sheetId: sheet.id };
  const previous = findSheetState(stored, target, state.markers);
  if (!previous) return null;
  const grid = patchGrid(last.grid, read, previous);

  onProgress?.('check', 0, 1);
  const config = mergeConfig(last.settings?.config, checkOptions.config);
  const acknowledgements = [...(checkOptions.acknowledgements ?? []), ...(last.settings?.acknowledgements ?? [])];
  const engineOptions: CheckOptions = {
    ...checkOptions,
    sheetName: target.sheetName,
    ...(config ? { config } : {}),
    ...(acknowledgements.length ? { acknowledgements } : {}),
  };
  const check = checker(grid, engineOptions);
  onProgress?.('check', 1, 1);
  // A re-check that found another table (or none) is a new check.
  if (check.template !== last.check.template || check.headerRows.join() !== last.check.headerRows.join()) return null;

  const plan = labelSeverities(check.plan, check.issues, checkOptions.locale);
  // Sync 2: the writes. A handful of cells: no suspended calculation (and no recalculation after).
  const apply = await applyPlan(session, target, plan, {
    state,
    capabilities: { ...caps, suspendCalculation: false },
    onProgress,
    known: (request) => knownCells(request, read, previous, last.notes),
  });
  const own = ownValueCells(plan, previous.writtenCells);
  return {
    check,
    sheetName: target.sheetName,
    sheetId: target.sheetId,
    grid,
    syncs: session.syncs,
    readSyncs: 1,
    apply,
    notWritten: null,
    settings: last.settings,
    settingsProblem: null,
    ownValueCells: [...own],
  };
}

/** The full check inside an Excel.run that is already open (fixes re-check after writing). */
export async function checkInRun(context: Excel.RequestContext, options: CheckRunOptions, cells: SheetArea[]): Promise<CheckRunResult & { incremental: boolean }> {
  const last = options.sheetName ? lastChecks.get(options.sheetName.toLowerCase()) : undefined;
  // The re-check rewrites computed cells: not a person's edit for the watch of the sheet.
  const expect = (cells: string[]) => options.sheetName && expectOwnWrites(options.sheetName, cells);
  expect(last?.ownValueCells ?? []);
  const rows = last ? changedRows(last, cells, optionsKey(options)) : null;
  let result: (CheckRunResult & { incremental: boolean }) | null = null;
  if (last && rows) {
    const partial = await recheckRows(context, checkSheet, last, rows, options).catch(() => null);
    if (partial) result = { ...partial, incremental: true };
  }
  result ??= { ...(await checkInContext(context, checkSheet, options)), incremental: false };
  rememberCheck(result, options);
  expect(result.ownValueCells);
  return result;
}

/**
 * One check of a worksheet inside one Excel.run: read → engine → apply, in a fixed handful of
 * syncs. The engine is passed in (actions.ts passes the real one), so this module holds no rule.
 *
 * The engine sees the sheet as it was before any earlier check: cells we wrote are given back
 * their recorded originals (and the grid shrinks back to the used range those give), so that
 * checking twice plans, and writes, what checking once does.
 */
import type { CheckOptions, Grid, SheetCheck } from '../../engine/types';
import { cellAddress } from './a1';
import { type ApplyResult, applyPlan } from './applyPlan';
import { type ReadOptions, readSheet } from './readSheet';
import { labelSeverities } from './severityLabels';
import type { Capabilities } from './requirements';
import { type ProgressCallback, Session } from './session';
import { type SheetState, StateReader, findSheetState } from './stateStore';
import { SettingsReader } from './workbookSettings';
import { type WorkbookSettings, mergeConfig } from '../../engine/workbookSettings';

/**
 * Why a check wrote nothing on the sheet (its results are in the pane only): the sheet is
 * protected, or the workbook's structure is, and the record that makes the marks undoable
 * cannot be kept.
 */
export type NotWritten = 'sheet-protected' | 'workbook-protected';

export type SheetChecker = (grid: Grid, options: CheckOptions) => SheetCheck;

export interface CheckRunOptions extends Omit<CheckOptions, 'sheetName'> {
  /** The worksheet; default: the active one. */
  sheetName?: string;
  onProgress?: ProgressCallback;
  /** Per-sync request/response budget (bytes). Default ~4 MB. */
  budgetBytes?: number;
  capabilities?: Capabilities;
  read?: Pick<ReadOptions, 'sampleRows' | 'chunkRows' | 'merges'>;
}

export interface CheckRunResult {
  check: SheetCheck;
  sheetName: string;
  sheetId: string;
  /** What the engine was given. */
  grid: Grid;
  /** Syncs of the whole check (read, state, apply). */
  syncs: number;
  readSyncs: number;
  /** null when nothing was written (see notWritten). */
  apply: ApplyResult | null;
  notWritten: NotWritten | null;
  /** The workbook's settings part as read at this check (null when there is none). */
  settings: WorkbookSettings | null;
  /** Why the settings part could not be used, or null. */
  settingsProblem: string | null;
  /**
   * Cells ("E6") whose values this check wrote or gave back: a change event covering only these
   * is our own write, not the person's.
   */
  ownValueCells: string[];
}

export async function checkInContext(context: Excel.RequestContext, checker: SheetChecker, options: CheckRunOptions): Promise<CheckRunResult> {
  const { sheetName, onProgress, budgetBytes, capabilities, read: readOptions, ...checkOptions } = options;
  const session = new Session(context, budgetBytes);
  // Looked up alongside the read, at no sync of its own when the read takes two.
  const state = new StateReader(session);
  // The settings part (acknowledgements) rides the read's syncs too.
  const settingsReader = new SettingsReader(session);
  const read = await readSheet(session, { ...readOptions, sheetName, onProgress });
  const stored = await state.ready();
  const previous = findSheetState(stored, read, state.markers);
  const grid = previous ? withoutOurWrites(read.grid, previous) : read.grid;
  const settingsRead = await settingsReader.ready();
  const acknowledgements = [...(checkOptions.acknowledgements ?? []), ...(settingsRead.settings?.acknowledgements ?? [])];
  // The workbook's own settings (saved from the pane's settings view), under any config passed in.
  const config = mergeConfig(settingsRead.settings?.config, checkOptions.config);

  onProgress?.('check', 0, 1);
  const check = checker(grid, {
    ...checkOptions,
    sheetName: read.sheetName,
    ...(config ? { config } : {}),
    ...(acknowledgements.length ? { acknowledgements } : {}),
  });
  onProgress?.('check', 1, 1);

  const notWritten: NotWritten | null = read.sheetProtected
    ? 'sheet-protected'
    : read.workbookProtected && !state.sheetExists
      ? 'workbook-protected'
      : null;
  const plan = labelSeverities(check.plan, check.issues, checkOptions.locale);
  const apply = notWritten
    ? null
    : await applyPlan(session, { sheetName: read.sheetName, sheetId: read.sheetId }, plan, {
        state,
        capabilities,
        onProgress,
        workbookProtected: read.workbookProtected,
      });
  const base = { check, sheetName: read.sheetName, sheetId: read.sheetId, grid, readSyncs: read.syncs };
  const own = ownValueCells(plan, previous?.writtenCells ?? []);
  return {
    ...base,
    syncs: session.syncs,
    apply,
    notWritten,
    settings: settingsRead.settings,
    settingsProblem: settingsRead.problem,
    ownValueCells: [...own],
  };
}


/** The cells the add-in writes values into (its plan's and those it wrote before), as "E6". */
export function ownValueCells(plan: SheetCheck['plan'], writtenCells: readonly { row: number; column: number }[]): Set<string> {
  const own = new Set<string>();
  for (const v of plan.values) own.add(cellAddress(v.row, v.column));
  for (const c of plan.appendedColumns) for (const r of plan.headerRows) own.add(cellAddress(r, c.column));
  for (const c of writtenCells) own.add(cellAddress(c.row, c.column));
  return own;
}

function isEmpty(value: unknown): boolean {
  return value === '' || value === null || value === undefined;
}

/**
 * The grid as the sheet was before our earlier writes: recorded originals put back, then cut to
 * the bounding box of non-empty values, as Excel's getUsedRange(true) would give it.
 */
export function withoutOurWrites(grid: Grid, previous: SheetState): Grid {
  const recorded = previous.writtenCells;
  if (recorded.length === 0) return grid;
  const r0 = grid.origin?.row ?? 0;
  const c0 = grid.origin?.column ?? 0;
  const rows = grid.values.length;
  const columns = Math.max(0, ...grid.values.map((r) => r.length));
  // 0-based sheet coordinates → original.
  const originals = new Map<number, { value: Grid['values'][number][number]; numberFormat: string }>();
  const key = (r: number, c: number) => r * 16384 + c;
  for (const cell of recorded) originals.set(key(cell.row - 1, cell.column - 1), { value: cell.value, numberFormat: cell.numberFormat });

  const valueAt = (r: number, c: number) => {
    const o = originals.get(key(r, c));
    if (o) return o.value;
    const i = r - r0;
    const j = c - c0;
    return i >= 0 && i < rows && j >= 0 ? (grid.values[i]?.[j] ?? '') : '';
  };
  const formatAt = (r: number, c: number) => {
    const o = originals.get(key(r, c));
    if (o) return o.numberFormat;
    return grid.numberFormats?.[r - r0]?.[c - c0] ?? 'General';
  };

  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  const extend = (r: number, c: number) => {
    top = Math.min(top, r);
    left = Math.min(left, c);
    bottom = Math.max(bottom, r);
    right = Math.max(right, c);
  };
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < columns; j++) if (!isEmpty(valueAt(r0 + i, c0 + j))) extend(r0 + i, c0 + j);
  }
  for (const [k, o] of originals) if (!isEmpty(o.value)) extend(Math.floor(k / 16384), k % 16384);
  if (bottom < 0) return { values: [['']], numberFormats: [[formatAt(0, 0)]], origin: { row: 0, column: 0 }, merges: grid.merges ? [] : undefined };

  const values: Grid['values'] = [];
  const numberFormats: string[][] = [];
  for (let r = top; r <= bottom; r++) {
    const vr: Grid['values'][number] = [];
    const fr: string[] = [];
    for (let c = left; c <= right; c++) {
      vr.push(valueAt(r, c));
      fr.push(formatAt(r, c));
    }
    values.push(vr);
    numberFormats.push(fr);
  }
  const out: Grid = { values, numberFormats, origin: { row: top, column: left } };
  if (grid.merges) {
    const dr = r0 - top;
    const dc = c0 - left;
    out.merges = grid.merges
      .map((m) => ({
        top: Math.max(0, m.top + dr),
        left: Math.max(0, m.left + dc),
        bottom: Math.min(values.length - 1, m.bottom + dr),
        right: Math.min(right - left, m.right + dc),
      }))
      .filter((m) => m.bottom >= m.top && m.right >= m.left && (m.bottom > m.top || m.right > m.left));
  }
  return out;
}

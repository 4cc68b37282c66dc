/**
 * Writes the engine's safe fixes (issue 10, part 4) in one Excel.run: one sync reads the cells
 * back, a cell that no longer holds what the check saw is refused (the person changed it since),
 * one sync writes the rest (values and number formats together), then the sheet is re-checked.
 *
 * An add-in's writes do not join Excel's undo stack on most versions, so every applied fix keeps
 * the cell's value and number format from before: undoFixes writes those back, by the same path
 * (a cell changed again since the fix is refused, not overwritten).
 */
import type { Fix } from '../../engine/fixes';
import type { CellValue } from '../../engine/types';
import { type SheetArea, parseCell } from './a1';
import type { CheckActiveSheetOptions } from './actions';
import { checkInRun } from './incremental';
import type { CheckRunResult } from './checkPipeline';
import { runWithRetry } from './runWithRetry';
import { OPERATION_BYTES, type QueuedWork, Session, jsonBytes } from './session';
import { expectOwnWrites } from './watch';

/** One cell to change: what it must hold now, and what it gets. */
export interface CellChange {
  cell: string;
  expected: CellValue;
  value: string | number;
  /** Number format written with the value; absent: the cell's own stays. */
  numberFormat?: string;
}

/** A fix as written: the cell's value and number format before it, for 元に戻す. */
export interface AppliedFix {
  fix: Fix;
  before: { value: CellValue; numberFormat: string };
}

export interface RefusedFix {
  fix: Fix;
  /** What the cell holds now (not what the check saw). */
  now: CellValue;
}

export interface FixRunResult {
  applied: AppliedFix[];
  refused: RefusedFix[];
  /** The re-check after the writes. */
  check: CheckRunResult & { incremental: boolean };
  /** Syncs of the fixes alone (read back, write), and of the whole run. */
  fixSyncs: number;
  syncs: number;
}

function blank(value: CellValue | undefined): boolean {
  return value === '' || value === null || value === undefined;
}

/** Whether a cell still holds what was expected (an empty cell reads as ""). */
function unchanged(now: CellValue, expected: CellValue): boolean {
  return blank(expected) ? blank(now) : now === expected;
}

/**
 * Reads the cells back (sync 1) and writes those unchanged (sync 2). Returns, per change, the
 * value and format before, or what the cell holds now when refused.
 */
export async function writeChanges(
  session: Session,
  sheetName: string,
  changes: CellChange[],
): Promise<{ written: { change: CellChange; before: { value: CellValue; numberFormat: string } }[]; refused: { change: CellChange; now: CellValue }[] }> {
  const sheet = session.context.workbook.worksheets.getItem(sheetName);
  const ranges = changes.map((change) => {
    const range = sheet.getRange(change.cell);
    range.load('values, numberFormat');
    return range;
  });
  session.expect(2 * OPERATION_BYTES * changes.length, 80 * changes.length);
  await session.sync();
  const written: { change: CellChange; before: { value: CellValue; numberFormat: string } }[] = [];
  const refused: { change: CellChange; now: CellValue }[] = [];
  changes.forEach((change, i) => {
    const now = ranges[i].values[0][0] as CellValue;
    if (unchanged(now, change.expected)) written.push({ change, before: { value: now, numberFormat: String(ranges[i].numberFormat[0][0]) } });
    else refused.push({ change, now });
  });
  const work: QueuedWork[] = written.map(({ change, before }) => {
    const format = change.numberFormat ?? before.numberFormat;
    return {
      requestBytes: 4 * OPERATION_BYTES + jsonBytes(change.value) + 2 * jsonBytes(format),
      responseBytes: 0,
      queue: () => {
        const range = sheet.getRange(change.cell);
        if (typeof change.value === 'string') {
          // Text stays text: Excel would read 「1,234」 written back by 元に戻す as a number.
          range.numberFormat = [['@']];
          range.values = [[change.value]];
          range.numberFormat = [[format]];
        } else {
          range.numberFormat = [[format]];
          range.values = [[change.value]];
        }
      },
    };
  });
  expectOwnWrites(sheetName, written.map((w) => w.change.cell));
  await session.runBatched(work);
  return { written, refused };
}

function areasOf(cells: string[]): SheetArea[] {
  return cells
    .map((cell) => parseCell(cell))
    .filter((c): c is { row: number; column: number } => c !== null)
    .map((c) => ({ top: c.row, left: c.column, bottom: c.row, right: c.column }));
}

export interface FixRunOptions extends CheckActiveSheetOptions {
  sheetName: string;
}

async function changeAndRecheck(options: FixRunOptions, changes: CellChange[]) {
  const { retry, ...run } = options;
  return runWithRetry(async (context) => {
    const session = new Session(context, run.budgetBytes);
    const result = await writeChanges(session, run.sheetName, changes);
    const fixSyncs = session.syncs;
    const check = await checkInRun(context, run, areasOf(result.written.map((w) => w.change.cell)));
    return { ...result, check, fixSyncs, syncs: fixSyncs + check.syncs };
  }, retry);
}

/** Applies fixes on the checked sheet, then re-checks it. */
export async function applyFixes(fixes: Fix[], options: FixRunOptions): Promise<FixRunResult> {
  const byCell = new Map(fixes.map((f) => [f.cell, f]));
  const changes = fixes.map((f): CellChange => ({ cell: f.cell, expected: f.oldValue, value: f.newValue, ...(f.numberFormat ? { numberFormat: f.numberFormat } : {}) }));
  const result = await changeAndRecheck(options, changes);
  return {
    applied: result.written.map((w) => ({ fix: byCell.get(w.change.cell)!, before: w.before })),
    refused: result.refused.map((r) => ({ fix: byCell.get(r.change.cell)!, now: r.now })),
    check: result.check,
    fixSyncs: result.fixSyncs,
    syncs: result.syncs,
  };
}

/** 元に戻す: writes back the values and formats the fixes replaced, where the cell still holds the fix. */
export async function undoFixes(applied: AppliedFix[], options: FixRunOptions): Promise<FixRunResult> {
  const byCell = new Map(applied.map((a) => [a.fix.cell, a]));
  const changes = applied.map(
    (a): CellChange => ({ cell: a.fix.cell, expected: a.fix.newValue, value: typeof a.before.value === 'boolean' || a.before.value === null ? '' : a.before.value, numberFormat: a.before.numberFormat }),
  );
  const result = await changeAndRecheck(options, changes);
  return {
    applied: result.written.map((w) => ({ fix: byCell.get(w.change.cell)!.fix, before: w.before })),
    refused: result.refused.map((r) => ({ fix: byCell.get(r.change.cell)!.fix, now: r.now })),
    check: result.check,
    fixSyncs: result.fixSyncs,
    syncs: result.syncs,
  };
}

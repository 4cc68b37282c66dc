/**
 * Carries out the engine's WritePlan on a worksheet, so that it can be undone exactly:
 *
 * - computed values and the headers of appended columns are written (headers bold on a light
 *   fill, so they read as computed); the original value, formula and number format of every
 *   written cell are recorded first;
 * - flagged cells get FLAG_FILLS[severity] and, where ExcelApi 1.18 is there, a note with the
 *   reasons (a person's own note is left alone: the reasons are in the result column as well);
 *   their original fills are recorded first;
 * - what the previous run did and this one does not is undone, so that applying twice gives the
 *   sheet applying once gives, and an empty plan clears everything (clearFlags.ts).
 *
 * Records live in the very hidden `_psc_state` sheet (stateStore.ts). Costs: one sync to read
 * what is there now (fills, notes, originals) and one to write, whatever the number of flags;
 * more only when a request would pass the ~4 MB budget. No business rule lives here.
 */
import { type AppendedColumn, type CellFlag, type CellValue, FLAG_FILLS, type Severity, type WritePlan } from '../../engine/types';
import { cellAddress, columnLetters, parseCell, rangeAddress } from './a1';
import { type Cell, addressLists, columnSegments, horizontalRuns, verticalRuns } from './cellRuns';
import { fillFromColor, fillFromProperties, sameFill, solid } from './fills';
import { type Capabilities, detectCapabilities } from './requirements';
import { OPERATION_BYTES, type ProgressCallback, type QueuedWork, type Session, jsonBytes, utf8Length } from './session';
import {
  type CellRun,
  type FillRecord,
  type FlagRecord,
  type SheetState,
  type StoredState,
  type StyleRecord,
  type WidthRecord,
  StateReader,
  hashText,
  queueStateWrite,
  rle,
  stateWriteBytes,
  encodeState,
  findSheetState,
  unrle,
} from './stateStore';

/** Fill of the headers of the columns the product appends: light grey, reads as "computed". */
export const HEADER_FILL = '#EDEDED';
/** Width (points) the appended columns get at least. */
export const APPENDED_COLUMN_WIDTHS: Record<AppendedColumn['role'], number> = { rate: 90, grade: 90, result: 320 };

/** Bytes of one cell's fill in a getCellProperties response. */
const CELL_PROPERTY_BYTES = 64;
/** Rows one getCellProperties call covers at most. */
const MAX_SEGMENT_ROWS = 10_000;
/** Length of one multi-area address for getRanges (kept short: old builds cap references). */
const MAX_AREAS_ADDRESS = 255;
/** Excel's limit on the characters of one cell (and of a note). */
const MAX_CELL_CHARS = 32_767;
/** Stands for "a note is there" where its content was not loaded. */
const NOTE_EXISTS = '\u0000exists';

export const EMPTY_PLAN: WritePlan = { values: [], flags: [], appendedColumns: [], headerRows: [] };

export interface ApplyTarget {
  sheetName: string;
  sheetId: string;
}

export interface ApplyOptions {
  /** A state reader already under way (started before the sheet was read). */
  state?: StateReader;
  capabilities?: Capabilities;
  onProgress?: ProgressCallback;
  /** The workbook's structure is protected: the state sheet can be neither added nor deleted. */
  workbookProtected?: boolean;
}

export interface ApplyResult {
  /** Syncs this apply made (after the state was in). */
  syncs: number;
  /** Cells flagged now. */
  flagged: number;
  /** Notes added or updated. */
  notes: number;
  /** Cells written (values and headers). */
  written: number;
  /** Flags of an earlier run taken away. */
  unflagged: number;
  /** Cells given back what an earlier run changed (fills, values, header styles). */
  restored: number;
}

interface WantedValue extends Cell {
  value: CellValue;
  numberFormat?: string;
  header: boolean;
}

interface WantedFlag extends Cell {
  address: string;
  fill: string;
  note: string;
}

interface Original {
  value: CellValue;
  formula: CellValue;
  numberFormat: string;
}

const SEVERITY_ORDER: Severity[] = ['error', 'warning', 'info'];

/** A text cut to what one cell holds (a row with hundreds of findings). */
function fitCell<T extends CellValue>(value: T): T {
  return (typeof value === 'string' && value.length > MAX_CELL_CHARS ? `${value.slice(0, MAX_CELL_CHARS - 1)}…` : value) as T;
}

function wantedValues(plan: WritePlan): Map<string, WantedValue> {
  const out = new Map<string, WantedValue>();
  for (const w of plan.values) {
    out.set(cellAddress(w.row, w.column), {
      row: w.row,
      column: w.column,
      value: fitCell(w.value),
      numberFormat: w.numberFormat,
      header: w.role === 'header',
    });
  }
  // The engine writes each appended column's header (role 'header') in its header blocks; where a
  // plan does not, the header goes into every header row.
  for (const column of plan.appendedColumns) {
    const hasHeader = plan.values.some((w) => w.role === 'header' && w.column === column.column);
    if (hasHeader) continue;
    for (const row of plan.headerRows) {
      const address = cellAddress(row, column.column);
      const existing = out.get(address);
      if (existing) existing.header = true;
      else out.set(address, { row, column: column.column, value: column.header, header: true });
    }
  }
  return out;
}

function wantedFlags(flags: CellFlag[]): Map<string, WantedFlag> {
  const out = new Map<string, WantedFlag>();
  const severity = new Map<string, Severity>();
  for (const flag of flags) {
    const address = cellAddress(flag.row, flag.column);
    const existing = out.get(address);
    if (!existing) {
      out.set(address, { row: flag.row, column: flag.column, address, fill: FLAG_FILLS[flag.severity], note: fitCell(flag.note) });
      severity.set(address, flag.severity);
      continue;
    }
    // Two flags on one cell: the more severe colour, both reasons.
    const was = severity.get(address)!;
    if (SEVERITY_ORDER.indexOf(flag.severity) < SEVERITY_ORDER.indexOf(was)) {
      existing.fill = FLAG_FILLS[flag.severity];
      severity.set(address, flag.severity);
    }
    if (flag.note && !existing.note.split('\n').includes(flag.note)) {
      existing.note = fitCell(existing.note ? `${existing.note}\n${flag.note}` : flag.note);
    }
  }
  return out;
}

/** Expands recorded runs into cells. */
export function recordedCells(runs: CellRun[]): Map<string, Cell & Original> {
  const out = new Map<string, Cell & Original>();
  for (const run of runs) {
    const values = unrle(run.v);
    const formulas = run.x ? unrle(run.x) : values;
    const formats = unrle(run.f);
    values.forEach((value, i) => {
      const row = run.r + i;
      out.set(cellAddress(row, run.c), {
        row,
        column: run.c,
        value,
        formula: formulas[i] ?? value,
        numberFormat: formats[i] ?? 'General',
      });
    });
  }
  return out;
}

function encodeRuns(cells: (Cell & Original)[]): CellRun[] {
  return verticalRuns(cells).map((run) => {
    const values = run.items.map((c) => c.value);
    const formulas = run.items.map((c) => c.formula);
    const record: CellRun = { c: run.column, r: run.top, v: rle(values), f: rle(run.items.map((c) => c.numberFormat)) };
    if (formulas.some((f, i) => f !== values[i])) record.x = rle(formulas);
    return record;
  });
}

function emptySheetState(target: ApplyTarget): SheetState {
  return { sheetId: target.sheetId, sheetName: target.sheetName, flags: [], cells: [], styles: [], widths: [] };
}

function isEmpty(state: SheetState): boolean {
  return !state.flags.length && !state.cells.length && !state.styles.length && !state.widths.length;
}

export async function applyPlan(session: Session, target: ApplyTarget, plan: WritePlan, options: ApplyOptions = {}): Promise<ApplyResult> {
  const caps = options.capabilities ?? detectCapabilities();
  const reader = options.state ?? new StateReader(session);
  const stored: StoredState = await reader.ready();
  const startSyncs = session.syncs;
  const { context } = session;
  const sheet = context.workbook.worksheets.getItem(target.sheetName);

  const previous = findSheetState(stored, target) ?? emptySheetState(target);
  const others = stored.sheets.filter((s) => s !== previous);
  const prevFlags = new Map(previous.flags.map((f) => [f.a, f]));
  const prevCells = recordedCells(previous.cells);
  const prevStyles = new Map(previous.styles.map((s) => [s.a, s]));
  const prevWidths = new Map(previous.widths.map((w) => [w.c, w]));

  const values = wantedValues(plan);
  const flags = wantedFlags(plan.flags);
  const widths = new Map<number, number>();
  for (const column of plan.appendedColumns) widths.set(column.column, APPENDED_COLUMN_WIDTHS[column.role]);

  // ---- 1. Read what is there now: one sync (more only past the budget) ----------------------
  const reads: QueuedWork[] = [];
  const fillsNow = new Map<string, () => FillRecord | null>();
  const notesNow = new Map<string, () => string | null>();
  const stylesNow = new Map<string, () => { fill: FillRecord | null; bold: boolean }>();
  const originalsNow = new Map<string, () => Original>();
  const widthsNow = new Map<number, () => number>();

  const fillCells: Cell[] = [];
  for (const address of new Set([...flags.keys(), ...prevFlags.keys()])) {
    const cell = parseCell(address);
    if (cell) fillCells.push(cell);
  }
  if (caps.cellProperties) {
    // Per column: one getCellProperties over the rows from the first to the last target where
    // targets are dense, one per run of consecutive targets where they are sparse.
    const fillOptions = { format: { fill: { color: true, pattern: true, patternColor: true } } };
    for (const segment of columnSegments(fillCells, MAX_SEGMENT_ROWS)) {
      const span = segment.bottom - segment.top + 1;
      const runs = verticalRuns(segment.items);
      const bounding = 2 * OPERATION_BYTES + CELL_PROPERTY_BYTES * span;
      const separate = runs.length * (2 * OPERATION_BYTES + 100) + CELL_PROPERTY_BYTES * segment.items.length;
      const parts = bounding <= separate ? [{ top: segment.top, bottom: segment.bottom }] : runs;
      for (const part of parts) {
        const address = rangeAddress(part.top, segment.column, part.bottom, segment.column);
        let result: OfficeExtension.ClientResult<Excel.CellProperties[][]> | undefined;
        reads.push({
          requestBytes: 2 * OPERATION_BYTES + 100,
          responseBytes: CELL_PROPERTY_BYTES * (part.bottom - part.top + 1),
          queue: () => {
            result = sheet.getRange(address).getCellProperties(fillOptions);
          },
        });
        for (const cell of segment.items) {
          if (cell.row < part.top || cell.row > part.bottom) continue;
          const i = cell.row - part.top;
          fillsNow.set(cellAddress(cell.row, cell.column), () => fillFromProperties(result!.value[i][0].format?.fill));
        }
      }
    }
  } else {
    for (const cell of fillCells) {
      const a = cellAddress(cell.row, cell.column);
      let range: Excel.Range | undefined;
      reads.push({
        requestBytes: 2 * OPERATION_BYTES,
        responseBytes: 40,
        queue: () => {
          range = sheet.getRange(a);
          range.format.fill.load('color');
        },
      });
      fillsNow.set(a, () => fillFromColor(range!.format.fill.color));
    }
  }

  if (caps.notes) {
    const noteCells = new Set<string>(flags.keys());
    for (const p of previous.flags) if (p.n) noteCells.add(p.a);
    for (const a of noteCells) {
      // Where no earlier note of ours can be there, whether a note exists is all we need.
      const needContent = prevFlags.get(a)?.n !== undefined;
      let note: Excel.Note | undefined;
      reads.push({
        requestBytes: (needContent ? 2 : 1) * OPERATION_BYTES + 40,
        responseBytes: needContent ? 700 : 40,
        queue: () => {
          note = sheet.notes.getItemOrNullObject(a);
          if (needContent) note.load('content');
        },
      });
      notesNow.set(a, () => (note!.isNullObject ? null : needContent ? note!.content : NOTE_EXISTS));
    }
  }

  const headerCells = [...values.values()].filter((v) => v.header && !prevStyles.has(cellAddress(v.row, v.column)));
  for (const run of horizontalRuns(headerCells, () => '')) {
    const address = rangeAddress(run.row, run.left, run.row, run.right);
    if (caps.cellProperties) {
      let result: OfficeExtension.ClientResult<Excel.CellProperties[][]> | undefined;
      reads.push({
        requestBytes: 2 * OPERATION_BYTES + 120,
        responseBytes: 120 * run.items.length,
        queue: () => {
          result = sheet.getRange(address).getCellProperties({
            format: { fill: { color: true, pattern: true, patternColor: true }, font: { bold: true } },
          });
        },
      });
      run.items.forEach((cell, i) =>
        stylesNow.set(cellAddress(cell.row, cell.column), () => {
          const format = result!.value[0][i].format;
          return { fill: fillFromProperties(format?.fill), bold: format?.font?.bold === true };
        }),
      );
    } else {
      for (const cell of run.items) {
        const a = cellAddress(cell.row, cell.column);
        let range: Excel.Range | undefined;
        reads.push({
          requestBytes: 2 * OPERATION_BYTES,
          responseBytes: 60,
          queue: () => {
            range = sheet.getRange(a);
            range.load('format/fill/color, format/font/bold');
          },
        });
        stylesNow.set(a, () => ({ fill: fillFromColor(range!.format.fill.color), bold: range!.format.font.bold === true }));
      }
    }
  }

  const unrecorded = [...values.values()].filter((v) => !prevCells.has(cellAddress(v.row, v.column)));
  for (const run of verticalRuns(unrecorded)) {
    const address = rangeAddress(run.top, run.column, run.bottom, run.column);
    let range: Excel.Range | undefined;
    reads.push({
      requestBytes: 2 * OPERATION_BYTES,
      responseBytes: 60 * run.items.length,
      queue: () => {
        range = sheet.getRange(address);
        range.load('values, formulas, numberFormat');
      },
    });
    run.items.forEach((cell, i) =>
      originalsNow.set(cellAddress(cell.row, cell.column), () => ({
        value: range!.values[i][0] as CellValue,
        formula: range!.formulas[i][0] as CellValue,
        numberFormat: String(range!.numberFormat[i][0]),
      })),
    );
  }

  for (const column of widths.keys()) {
    if (prevWidths.has(column)) continue;
    let range: Excel.Range | undefined;
    reads.push({
      requestBytes: 2 * OPERATION_BYTES,
      responseBytes: 40,
      queue: () => {
        const letter = columnLetters(column);
        range = sheet.getRange(`${letter}:${letter}`);
        range.format.load('columnWidth');
      },
    });
    widthsNow.set(column, () => range!.format.columnWidth);
  }

  await session.runBatched(reads);

  // ---- 2. Decide: what to write, what to record ---------------------------------------------
  const writes: QueuedWork[] = [];
  // Restores go first, so that a cell both restored and newly set ends as newly set.
  const fillRestores: (Cell & { fill: FillRecord | null })[] = [];
  const fillSets: (Cell & { fill: FillRecord | null })[] = [];
  let unflagged = 0;
  let notes = 0;

  const nextFlags: FlagRecord[] = [];
  for (const p of previous.flags) {
    if (flags.has(p.a)) continue;
    unflagged++;
    const cell = parseCell(p.a);
    if (!cell) continue;
    // Restore only what is still as we left it: a person may have re-coloured the cell since.
    if (sameFill(fillsNow.get(p.a)?.() ?? null, solid(p.s))) fillRestores.push({ ...cell, fill: p.o });
    if (caps.notes && p.n) {
      const content = notesNow.get(p.a)?.() ?? null;
      if (content !== null && hashText(content) === p.n) {
        writes.push({ requestBytes: 2 * OPERATION_BYTES, responseBytes: 0, queue: () => sheet.notes.getItem(p.a).delete() });
      }
    }
  }
  for (const flag of flags.values()) {
    const p = prevFlags.get(flag.address);
    const now = fillsNow.get(flag.address)?.() ?? null;
    const ours = p !== undefined && sameFill(now, solid(p.s));
    const record: FlagRecord = { a: flag.address, o: ours ? p.o : now, s: flag.fill.toUpperCase() };
    if (!sameFill(now, solid(flag.fill))) {
      // Over a patterned fill, setting the colour alone would keep the pattern.
      const fill: FillRecord = now?.p ? { c: flag.fill.toUpperCase(), p: 'Solid' } : solid(flag.fill);
      fillSets.push({ row: flag.row, column: flag.column, fill });
    }
    if (caps.notes && flag.note) {
      const content = notesNow.get(flag.address)?.() ?? null;
      if (content === null) {
        writes.push({
          requestBytes: OPERATION_BYTES + utf8Length(flag.note) + 20,
          responseBytes: 0,
          queue: () => {
            sheet.notes.add(flag.address, flag.note);
          },
        });
        record.n = hashText(flag.note);
        notes++;
      } else if (p?.n !== undefined && content !== NOTE_EXISTS && hashText(content) === p.n) {
        if (content !== flag.note) {
          writes.push({
            requestBytes: 2 * OPERATION_BYTES + utf8Length(flag.note) + 20,
            responseBytes: 0,
            queue: () => {
              sheet.notes.getItem(flag.address).content = flag.note;
            },
          });
          notes++;
        }
        record.n = hashText(flag.note);
      }
      // Otherwise the note is a person's: it stays, and the reasons are in the result column.
    }
    nextFlags.push(record);
  }

  // Header styles: restore those no longer wanted, style the wanted ones.
  const nextStyles: StyleRecord[] = [];
  const boldRestores: (Cell & { bold: boolean })[] = [];
  const boldSets: (Cell & { bold: boolean })[] = [];
  for (const s of previous.styles) {
    const wanted = values.get(s.a);
    if (wanted?.header) continue;
    const cell = parseCell(s.a);
    if (!cell) continue;
    fillRestores.push({ ...cell, fill: s.o });
    boldRestores.push({ ...cell, bold: s.b });
  }
  for (const v of values.values()) {
    if (!v.header) continue;
    const a = cellAddress(v.row, v.column);
    const original = prevStyles.get(a) ?? (() => {
      const now = stylesNow.get(a)!();
      return { a, o: now.fill, b: now.bold };
    })();
    nextStyles.push(original);
    fillSets.push({ row: v.row, column: v.column, fill: original.o?.p ? { c: HEADER_FILL, p: 'Solid' } : solid(HEADER_FILL) });
    boldSets.push({ row: v.row, column: v.column, bold: true });
  }

  // Values: put back what is no longer ours, write what is wanted.
  type Restore = Cell & { formula: CellValue; numberFormat: string };
  const restores: Restore[] = [];
  for (const [a, cell] of prevCells) if (!values.has(a)) restores.push(cell);
  const recorded: (Cell & Original)[] = [];
  const newValues: (Cell & { value: CellValue; numberFormat: string })[] = [];
  for (const v of values.values()) {
    const a = cellAddress(v.row, v.column);
    const original = prevCells.get(a) ?? { row: v.row, column: v.column, ...originalsNow.get(a)!() };
    recorded.push({ ...original, row: v.row, column: v.column });
    newValues.push({ row: v.row, column: v.column, value: v.value ?? '', numberFormat: v.numberFormat ?? original.numberFormat });
  }

  // Widths of appended columns: at least the wanted width, the original recorded.
  const nextWidths: WidthRecord[] = [];
  const widthWrites: { column: number; width: number }[] = [];
  for (const w of previous.widths) if (!widths.has(w.c)) widthWrites.push({ column: w.c, width: w.o });
  for (const [column, wanted] of widths) {
    const original = prevWidths.get(column)?.o ?? widthsNow.get(column)?.();
    if (original === undefined || original >= wanted) {
      if (prevWidths.has(column)) widthWrites.push({ column, width: original ?? wanted });
      continue;
    }
    nextWidths.push({ c: column, o: original });
    widthWrites.push({ column, width: wanted });
  }

  // ---- 3. Record first, then write ----------------------------------------------------------
  const next: SheetState = {
    sheetId: target.sheetId,
    sheetName: target.sheetName,
    flags: nextFlags,
    cells: encodeRuns(recorded),
    styles: nextStyles,
    widths: nextWidths,
  };
  const nextStored: StoredState = { version: 1, sheets: [...others, ...(isEmpty(next) ? [] : [next])] };
  if (JSON.stringify(nextStored) !== JSON.stringify(stored) || (nextStored.sheets.length === 0 && reader.sheetExists)) {
    const cost = nextStored.sheets.length ? stateWriteBytes(encodeState(nextStored)) : OPERATION_BYTES;
    writes.unshift({
      requestBytes: cost,
      responseBytes: 0,
      queue: () => queueStateWrite(context, nextStored, reader.sheetExists, reader.storedChunks, !options.workbookProtected),
    });
  }

  for (const run of verticalRuns(restores)) {
    const address = rangeAddress(run.top, run.column, run.bottom, run.column);
    const formats = run.items.map((c) => [c.numberFormat]);
    const formulas = run.items.map((c) => [c.formula]);
    writes.push({
      requestBytes: 3 * OPERATION_BYTES + jsonBytes(formats) + jsonBytes(formulas),
      responseBytes: 0,
      queue: () => {
        const range = sheet.getRange(address);
        // Number format first: a text-formatted cell must get its text back as text.
        range.numberFormat = formats;
        range.formulas = formulas;
      },
    });
  }
  for (const run of verticalRuns(newValues)) {
    const address = rangeAddress(run.top, run.column, run.bottom, run.column);
    const formats = run.items.map((c) => [c.numberFormat]);
    const cells = run.items.map((c) => [c.value]);
    writes.push({
      requestBytes: 3 * OPERATION_BYTES + jsonBytes(formats) + jsonBytes(cells),
      responseBytes: 0,
      queue: () => {
        const range = sheet.getRange(address);
        range.numberFormat = formats;
        range.values = cells;
      },
    });
  }
  const fillKey = (c: { fill: FillRecord | null }) => JSON.stringify(c.fill);
  const queueFill = (format: Excel.RangeFill, fill: FillRecord | null) => {
    if (!fill) {
      format.clear();
      return;
    }
    format.color = fill.c;
    if (fill.p && caps.cellProperties) {
      format.pattern = fill.p as Excel.FillPattern;
      if (fill.pc) format.patternColor = fill.pc;
    }
  };
  for (const group of [fillRestores, fillSets]) {
    if (caps.cellProperties) {
      // ExcelApi 1.9: all cells of one fill in a few multi-area ranges.
      const byFill = new Map<string, (Cell & { fill: FillRecord | null })[]>();
      for (const cell of group) {
        const list = byFill.get(fillKey(cell)) ?? [];
        list.push(cell);
        byFill.set(fillKey(cell), list);
      }
      for (const cells of byFill.values()) {
        const fill = cells[0].fill;
        for (const list of addressLists(cells, MAX_AREAS_ADDRESS)) {
          writes.push({
            requestBytes: OPERATION_BYTES * (fill?.p ? 5 : 3) + list.length,
            responseBytes: 0,
            queue: () => queueFill(sheet.getRanges(list).format.fill, fill),
          });
        }
      }
    } else {
      for (const run of horizontalRuns(group, fillKey)) {
        const address = rangeAddress(run.row, run.left, run.row, run.right);
        const fill = run.items[0].fill;
        writes.push({
          requestBytes: OPERATION_BYTES * 3 + 20,
          responseBytes: 0,
          queue: () => queueFill(sheet.getRange(address).format.fill, fill),
        });
      }
    }
  }
  const boldKey = (c: { bold: boolean }) => String(c.bold);
  for (const run of [...horizontalRuns(boldRestores, boldKey), ...horizontalRuns(boldSets, boldKey)]) {
    const address = rangeAddress(run.row, run.left, run.row, run.right);
    const bold = run.items[0].bold;
    writes.push({
      requestBytes: 2 * OPERATION_BYTES,
      responseBytes: 0,
      queue: () => {
        sheet.getRange(address).format.font.bold = bold;
      },
    });
  }
  for (const w of widthWrites) {
    writes.push({
      requestBytes: 2 * OPERATION_BYTES,
      responseBytes: 0,
      queue: () => {
        const letter = columnLetters(w.column);
        sheet.getRange(`${letter}:${letter}`).format.columnWidth = w.width;
      },
    });
  }

  const application = context.workbook.application;
  await session.runBatched(writes, {
    startBatchBytes: 2 * OPERATION_BYTES,
    startBatch: () => {
      if (caps.suspendCalculation) application.suspendApiCalculationUntilNextSync();
      if (caps.suspendScreenUpdating) application.suspendScreenUpdatingUntilNextSync();
    },
    onBatchDone: (done, total) => options.onProgress?.('write', done, total),
  });
  if (writes.length === 0) options.onProgress?.('write', 1, 1);
  else if (caps.suspendCalculation) {
    // Suspended calculation is not resumed by Excel: what depends on the cells written or put
    // back would show stale results until the next edit.
    application.calculate('Recalculate');
    await session.sync();
  }

  return {
    syncs: session.syncs - startSyncs,
    flagged: flags.size,
    notes,
    written: newValues.length,
    unflagged,
    restored: fillRestores.length + restores.length,
  };
}

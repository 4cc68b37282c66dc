/**
 * Carries out the engine's WritePlan on a worksheet, so that it can be undone exactly, in three
 * steps: read what the decision needs (one sync, more only past the ~4 MB budget), decide on
 * plain data (reconcile.ts: what to write, what to record), then record and write (one sync, and
 * one more to recalculate what depends on the cells written). No business rule lives here.
 *
 * Records live in the very hidden `_psc_state` sheet (stateStore.ts).
 */
import type { WritePlan } from '../../engine/types';
import { cellAddress, columnLetters, rangeAddress } from './a1';
import { type Cell, addressLists, columnSegments, horizontalRuns, verticalRuns } from './cellRuns';
import { fillFromColor, fillFromProperties } from './fills';
import {
  type CurrentCells,
  type FillChange,
  type Original,
  type ReadRequest,
  type SheetWrites,
  NOTE_EXISTS,
  reconcile,
  wantedBy,
  whatToRead,
} from './reconcile';
import { type Capabilities, detectCapabilities } from './requirements';
import { OPERATION_BYTES, type ProgressCallback, type QueuedWork, type Session, jsonBytes, utf8Length } from './session';
import {
  MARKER_PREFIX,
  type RecordedFill,
  type SheetState,
  type StoredState,
  StateReader,
  emptySheetState,
  encodeState,
  findSheetState,
  hashText,
  isEmptySheetState,
  queueStateWrite,
  stateWriteBytes,
} from './stateStore';

export { APPENDED_COLUMN_WIDTHS, HEADER_FILL } from './reconcile';

/** Bytes of one cell's fill in a getCellProperties response. */
const CELL_PROPERTY_BYTES = 64;
/** Rows one getCellProperties call covers at most. */
const MAX_SEGMENT_ROWS = 10_000;
/** Length of one multi-area address for getRanges (kept short: old builds cap references). */
const MAX_AREAS_ADDRESS = 255;
const FILL_PROPERTIES = { format: { fill: { color: true, pattern: true, patternColor: true } } };

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
  /** What the caller already knows of the cells the decision needs (a re-check of a few rows); null: read them. */
  known?: (request: ReadRequest) => CurrentCells | null;
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

/** A workbook name no person would choose, from the sheet (so that reruns write the same), not yet taken. */
function newMarker(target: ApplyTarget, taken: Map<string, unknown>): string {
  const base = `${MARKER_PREFIX}${hashText(`${target.sheetId}\n${target.sheetName}`)}`;
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}_${n}`;
  return name;
}

export async function applyPlan(session: Session, target: ApplyTarget, plan: WritePlan, options: ApplyOptions = {}): Promise<ApplyResult> {
  const caps = options.capabilities ?? detectCapabilities();
  const reader = options.state ?? new StateReader(session);
  const stored: StoredState = await reader.ready();
  const startSyncs = session.syncs;
  const sheet = session.context.workbook.worksheets.getItem(target.sheetName);

  const found = findSheetState(stored, target, reader.markers);
  const previous = found ?? emptySheetState(target);
  const wanted = wantedBy(plan);

  // 1. Read.
  const request = whatToRead(previous, wanted, caps.notes);
  const now = options.known?.(request) ?? (await readCurrent(session, sheet, request, caps));
  // 2. Decide.
  const { writes, next, counts } = reconcile(previous, now, wanted, { notes: caps.notes });
  // The record follows the sheet: its name and id now (the id may have changed since a reopen),
  // and a marker of ours that follows it through renames.
  const markerAlive = found?.marker !== undefined && reader.markers.has(found.marker.toLowerCase());
  const marker = markerAlive ? found!.marker! : newMarker(target, reader.markers);
  const nextSheet: SheetState = { ...next, sheetId: target.sheetId, sheetName: target.sheetName, marker };
  const kept = !isEmptySheetState(nextSheet);
  const nextStored: StoredState = { version: 1, sheets: [...stored.sheets.filter((s) => s !== found), ...(kept ? [nextSheet] : [])] };
  const markers = {
    add: kept && !markerAlive ? [{ name: marker, sheetName: target.sheetName }] : [],
    remove: !kept && markerAlive ? [marker] : [],
  };
  // 3. Record first, then write.
  const work = queuedWrites(sheet, writes, caps);
  const changed = JSON.stringify(nextStored) !== JSON.stringify(stored) || markers.add.length > 0 || markers.remove.length > 0;
  if (changed || (nextStored.sheets.length === 0 && reader.sheetExists)) {
    work.unshift({
      requestBytes: (nextStored.sheets.length ? stateWriteBytes(encodeState(nextStored)) : OPERATION_BYTES) + 3 * OPERATION_BYTES,
      responseBytes: 0,
      queue: () => queueStateWrite(session.context, nextStored, reader.sheetExists, reader.storedChunks, !options.workbookProtected, markers),
    });
  }
  const application = session.context.workbook.application;
  await session.runBatched(work, {
    startBatchBytes: 2 * OPERATION_BYTES,
    startBatch: () => {
      if (caps.suspendCalculation) application.suspendApiCalculationUntilNextSync();
      if (caps.suspendScreenUpdating) application.suspendScreenUpdatingUntilNextSync();
    },
    onBatchDone: (done, total) => options.onProgress?.('write', done, total),
  });
  if (work.length === 0) options.onProgress?.('write', 1, 1);
  else if (caps.suspendCalculation) {
    // Suspended calculation is not resumed by Excel: what depends on the cells written or put
    // back would show stale results until the next edit.
    application.calculate('Recalculate');
    await session.sync();
  }
  return { syncs: session.syncs - startSyncs, ...counts };
}

/** Queues the reads a decision needs and returns what they found, in one sync where it fits. */
async function readCurrent(session: Session, sheet: Excel.Worksheet, request: ReadRequest, caps: Capabilities): Promise<CurrentCells> {
  const reads: QueuedWork[] = [];
  const fills = new Map<string, () => RecordedFill | null>();
  const notes = new Map<string, () => string | null>();
  const headerStyles = new Map<string, () => { fill: RecordedFill | null; bold: boolean }>();
  const originals = new Map<string, () => Original>();
  const widths = new Map<number, () => number>();

  if (caps.cellProperties) {
    // Per column: one getCellProperties over the rows from the first to the last target where
    // targets are dense, one per run of consecutive targets where they are sparse.
    for (const segment of columnSegments(request.fillCells, MAX_SEGMENT_ROWS)) {
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
            result = sheet.getRange(address).getCellProperties(FILL_PROPERTIES);
          },
        });
        for (const cell of segment.items) {
          if (cell.row < part.top || cell.row > part.bottom) continue;
          const i = cell.row - part.top;
          fills.set(cellAddress(cell.row, cell.column), () => fillFromProperties(result!.value[i][0].format?.fill));
        }
      }
    }
  } else {
    for (const cell of request.fillCells) {
      const address = cellAddress(cell.row, cell.column);
      let range: Excel.Range | undefined;
      reads.push({
        requestBytes: 2 * OPERATION_BYTES,
        responseBytes: 40,
        queue: () => {
          range = sheet.getRange(address);
          range.format.fill.load('color');
        },
      });
      fills.set(address, () => fillFromColor(range!.format.fill.color));
    }
  }

  for (const { address, needContent } of request.noteCells) {
    let note: Excel.Note | undefined;
    reads.push({
      requestBytes: (needContent ? 2 : 1) * OPERATION_BYTES + 40,
      responseBytes: needContent ? 700 : 40,
      queue: () => {
        note = sheet.notes.getItemOrNullObject(address);
        if (needContent) note.load('content');
      },
    });
    notes.set(address, () => (note!.isNullObject ? null : needContent ? note!.content : NOTE_EXISTS));
  }

  for (const run of horizontalRuns(request.headerCells, () => '')) {
    const address = rangeAddress(run.row, run.left, run.row, run.right);
    if (caps.cellProperties) {
      let result: OfficeExtension.ClientResult<Excel.CellProperties[][]> | undefined;
      reads.push({
        requestBytes: 2 * OPERATION_BYTES + 120,
        responseBytes: 120 * run.items.length,
        queue: () => {
          result = sheet.getRange(address).getCellProperties({ format: { ...FILL_PROPERTIES.format, font: { bold: true } } });
        },
      });
      run.items.forEach((cell, i) =>
        headerStyles.set(cellAddress(cell.row, cell.column), () => {
          const format = result!.value[0][i].format;
          return { fill: fillFromProperties(format?.fill), bold: format?.font?.bold === true };
        }),
      );
    } else {
      for (const cell of run.items) {
        const one = cellAddress(cell.row, cell.column);
        let range: Excel.Range | undefined;
        reads.push({
          requestBytes: 2 * OPERATION_BYTES,
          responseBytes: 60,
          queue: () => {
            range = sheet.getRange(one);
            range.load('format/fill/color, format/font/bold');
          },
        });
        headerStyles.set(one, () => ({ fill: fillFromColor(range!.format.fill.color), bold: range!.format.font.bold === true }));
      }
    }
  }

  for (const run of verticalRuns(request.unrecordedCells)) {
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
      originals.set(cellAddress(cell.row, cell.column), () => ({
        value: range!.values[i][0] as Original['value'],
        formula: range!.formulas[i][0] as Original['formula'],
        numberFormat: String(range!.numberFormat[i][0]),
      })),
    );
  }

  for (const column of request.widthColumns) {
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
    widths.set(column, () => range!.format.columnWidth);
  }

  await session.runBatched(reads);
  const settle = <K, V>(pending: Map<K, () => V>) => new Map([...pending].map(([k, get]) => [k, get()]));
  return { fills: settle(fills), notes: settle(notes), headerStyles: settle(headerStyles), originals: settle(originals), widths: settle(widths) };
}

/** The decided writes as Office.js work, grouped so that one request covers many cells. */
function queuedWrites(sheet: Excel.Worksheet, writes: SheetWrites, caps: Capabilities): QueuedWork[] {
  const work: QueuedWork[] = [];
  for (const address of writes.noteDeletes) {
    work.push({ requestBytes: 2 * OPERATION_BYTES, responseBytes: 0, queue: () => sheet.notes.getItem(address).delete() });
  }
  for (const { address, text } of writes.noteAdds) {
    work.push({
      requestBytes: OPERATION_BYTES + utf8Length(text) + 20,
      responseBytes: 0,
      queue: () => {
        sheet.notes.add(address, text);
      },
    });
  }
  for (const { address, text } of writes.noteUpdates) {
    work.push({
      requestBytes: 2 * OPERATION_BYTES + utf8Length(text) + 20,
      responseBytes: 0,
      queue: () => {
        sheet.notes.getItem(address).content = text;
      },
    });
  }
  for (const run of verticalRuns(writes.valueRestores)) {
    const address = rangeAddress(run.top, run.column, run.bottom, run.column);
    const formats = run.items.map((c) => [c.numberFormat]);
    const formulas = run.items.map((c) => [c.formula]);
    work.push({
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
  for (const run of verticalRuns(writes.valueSets)) {
    const address = rangeAddress(run.top, run.column, run.bottom, run.column);
    const formats = run.items.map((c) => [c.numberFormat]);
    const cells = run.items.map((c) => [c.value]);
    work.push({
      requestBytes: 3 * OPERATION_BYTES + jsonBytes(formats) + jsonBytes(cells),
      responseBytes: 0,
      queue: () => {
        const range = sheet.getRange(address);
        range.numberFormat = formats;
        range.values = cells;
      },
    });
  }
  const fillKey = (c: FillChange) => JSON.stringify(c.fill);
  const queueFill = (format: Excel.RangeFill, fill: RecordedFill | null) => {
    if (!fill) {
      format.clear();
      return;
    }
    format.color = fill.color;
    if (fill.pattern && caps.cellProperties) {
      format.pattern = fill.pattern as Excel.FillPattern;
      if (fill.patternColor) format.patternColor = fill.patternColor;
    }
  };
  for (const group of [writes.fillRestores, writes.fillSets]) {
    if (caps.cellProperties) {
      // ExcelApi 1.9: all cells of one fill in a few multi-area ranges.
      const byFill = new Map<string, FillChange[]>();
      for (const cell of group) byFill.set(fillKey(cell), [...(byFill.get(fillKey(cell)) ?? []), cell]);
      for (const cells of byFill.values()) {
        const fill = cells[0].fill;
        for (const list of addressLists(cells, MAX_AREAS_ADDRESS)) {
          work.push({
            requestBytes: OPERATION_BYTES * (fill?.pattern ? 5 : 3) + list.length,
            responseBytes: 0,
            queue: () => queueFill(sheet.getRanges(list).format.fill, fill),
          });
        }
      }
    } else {
      for (const run of horizontalRuns(group, fillKey)) {
        const address = rangeAddress(run.row, run.left, run.row, run.right);
        const fill = run.items[0].fill;
        work.push({ requestBytes: OPERATION_BYTES * 3 + 20, responseBytes: 0, queue: () => queueFill(sheet.getRange(address).format.fill, fill) });
      }
    }
  }
  const boldKey = (c: Cell & { bold: boolean }) => String(c.bold);
  for (const run of [...horizontalRuns(writes.boldRestores, boldKey), ...horizontalRuns(writes.boldSets, boldKey)]) {
    const address = rangeAddress(run.row, run.left, run.row, run.right);
    const bold = run.items[0].bold;
    work.push({
      requestBytes: 2 * OPERATION_BYTES,
      responseBytes: 0,
      queue: () => {
        sheet.getRange(address).format.font.bold = bold;
      },
    });
  }
  for (const w of writes.widthSets) {
    work.push({
      requestBytes: 2 * OPERATION_BYTES,
      responseBytes: 0,
      queue: () => {
        const letter = columnLetters(w.column);
        sheet.getRange(`${letter}:${letter}`).format.columnWidth = w.width;
      },
    });
  }
  return work;
}

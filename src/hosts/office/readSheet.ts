/**
 * Reads a worksheet's used range into the engine's Grid, in a fixed number of syncs:
 *
 * 1. the sheet's name and id, the used range's position and size, the merged areas (ExcelApi
 *    1.13), and the values and number formats of the first rows as a sample;
 * 2. the remaining rows, in row chunks all queued before one sync, as long as the response, as
 *    estimated from the sample's measured JSON size, stays under the budget (~4 MB). Larger sheets
 *    take one more sync per ~4 MB; a sheet whose later rows are larger than the sample suggested is
 *    read again in halves if Excel refuses the response.
 *
 * A sheet that fits in the sample is read in one sync. Nothing here interprets a value.
 */
import type { CellValue, Grid, MergedArea } from '../../engine/types';
import { type SheetArea, cellAddress, parseAreaList, rangeAddress } from './a1';
import { fillFromProperties } from './fills';
import { supportsExcelApi } from './requirements';
import { type ProgressCallback, type Session, errorCode, isPayloadTooLarge, jsonBytes } from './session';
import type { RecordedFill } from './stateStore';

export interface ReadOptions {
  /** The worksheet to read; default: the active one. */
  sheetName?: string;
  /** Rows read in the first sync, to measure row size. Default 100. */
  sampleRows?: number;
  /** Rows per range load. Default 2,000. */
  chunkRows?: number;
  /** Read merged areas. Default: where ExcelApi 1.13 is supported. */
  merges?: boolean;
  onProgress?: ProgressCallback;
}

export interface SheetRead {
  sheetName: string;
  sheetId: string;
  grid: Grid;
  /** The used range's address as Excel wrote it. */
  address: string;
  /** Whether grid.merges holds the sheet's merged areas (else the engine's carry-down stands in). */
  mergesKnown: boolean;
  /** The sheet is protected (its cells cannot be written). */
  sheetProtected: boolean;
  /** The workbook's structure is protected (no sheet can be added or deleted); false before ExcelApi 1.7. */
  workbookProtected: boolean;
  /** Syncs this read made. */
  syncs: number;
}

interface FirstStep {
  sheet: Excel.Worksheet;
  used: Excel.Range;
  sample: Excel.Range | null;
  merges: Excel.RangeAreas | null;
  workbookProtection: Excel.WorkbookProtection | null;
}

function queueFirst(context: Excel.RequestContext, sheetName: string | undefined, sampleRows: number, merges: boolean): FirstStep {
  const sheet = sheetName ? context.workbook.worksheets.getItem(sheetName) : context.workbook.worksheets.getActiveWorksheet();
  sheet.load('name, id, protection/protected');
  let workbookProtection: Excel.WorkbookProtection | null = null;
  if (supportsExcelApi('1.7')) {
    workbookProtection = context.workbook.protection;
    workbookProtection.load('protected');
  }
  const used = sheet.getUsedRange(true);
  used.load('address, rowIndex, columnIndex, rowCount, columnCount');
  let sample: Excel.Range | null = null;
  if (sampleRows > 0) {
    // The used range's first rows, whatever its size: row 0 grown downwards.
    sample = used.getRow(0).getResizedRange(sampleRows - 1, 0);
    sample.load('values, numberFormat');
  }
  let areas: Excel.RangeAreas | null = null;
  if (merges) {
    // From A1: Excel lists only merges whose top-left cell is inside the range (office-js #3611).
    areas = sheet.getRange('A1').getBoundingRect(used).getMergedAreasOrNullObject();
    areas.load('address');
  }
  return { sheet, used, sample, merges: areas, workbookProtection };
}

export async function readSheet(session: Session, options: ReadOptions = {}): Promise<SheetRead> {
  const { context } = session;
  const startSyncs = session.syncs;
  const chunkRows = Math.max(1, options.chunkRows ?? 2000);
  let sampleRows = Math.max(0, options.sampleRows ?? 100);
  let wantMerges = options.merges ?? supportsExcelApi('1.13');

  // Step 1. A sample that is too large, or runs off the sheet's last row, and merged areas that
  // Excel refuses to list (over 512) only cost a retry without them.
  let first: FirstStep;
  for (;;) {
    first = queueFirst(context, options.sheetName, sampleRows, wantMerges);
    try {
      await session.sync();
      break;
    } catch (error) {
      const code = errorCode(error);
      if (code === 'InvalidOperationInCellEditMode' || code === 'ItemNotFound') throw error;
      if (sampleRows > 0 && (isPayloadTooLarge(error) || code === 'InvalidArgument')) sampleRows = 0;
      else if (wantMerges) wantMerges = false;
      else if (sampleRows > 0) sampleRows = 0;
      else throw error;
    }
  }

  const sheetName = first.sheet.name;
  const sheetId = first.sheet.id;
  const { rowIndex, columnIndex, rowCount, columnCount, address } = first.used;
  const values: CellValue[][] = new Array<CellValue[]>(rowCount);
  const formats: string[][] = new Array<string[]>(rowCount);
  let rowsRead = 0;
  let bytesRead = 0;

  if (first.sample) {
    const sv = first.sample.values as CellValue[][];
    const sf = first.sample.numberFormat as string[][];
    rowsRead = Math.min(sv.length, rowCount);
    for (let i = 0; i < rowsRead; i++) {
      values[i] = sv[i];
      formats[i] = sf[i];
    }
    bytesRead = jsonBytes(sv.slice(0, rowsRead)) + jsonBytes(sf.slice(0, rowsRead));
  }
  options.onProgress?.('read', rowsRead, rowCount);

  // Step 2. The rest, in as few syncs as the budget allows.
  if (rowsRead < rowCount) {
    // Later objects go by name: getActiveWorksheet() would follow the user to another tab.
    const sheet = context.workbook.worksheets.getItem(sheetName);
    // Without a sample, assume long cells (about 60 Japanese characters) until measured.
    const assumedRowBytes = columnCount * 200;
    const rowBytes = () => Math.ceil((rowsRead > 0 && bytesRead > 0 ? bytesRead / rowsRead : assumedRowBytes) * 1.25) + 16;

    const readRows = async (start: number, count: number): Promise<void> => {
      const chunks: { start: number; range: Excel.Range }[] = [];
      for (let s = start; s < start + count; s += chunkRows) {
        const n = Math.min(chunkRows, start + count - s);
        const range = sheet.getRange(
          rangeAddress(rowIndex + 1 + s, columnIndex + 1, rowIndex + s + n, columnIndex + columnCount),
        );
        range.load('values, numberFormat');
        chunks.push({ start: s, range });
      }
      try {
        await session.sync();
      } catch (error) {
        if (isPayloadTooLarge(error) && count > 1) {
          const half = Math.ceil(count / 2);
          await readRows(start, half);
          await readRows(start + half, count - half);
          return;
        }
        throw error;
      }
      for (const chunk of chunks) {
        const cv = chunk.range.values as CellValue[][];
        const cf = chunk.range.numberFormat as string[][];
        for (let i = 0; i < cv.length; i++) {
          values[chunk.start + i] = cv[i];
          formats[chunk.start + i] = cf[i];
        }
        bytesRead += jsonBytes(cv) + jsonBytes(cf);
        rowsRead += cv.length;
      }
    };

    let next = rowsRead;
    let firstGroup = true;
    while (next < rowCount) {
      // The first group shares its sync with whatever other modules queued (the state sheet).
      const budget = session.budgetBytes - (firstGroup ? session.queuedResponseBytes : 0);
      const count = Math.max(1, Math.min(rowCount - next, Math.floor(budget / rowBytes())));
      await readRows(next, count);
      next += count;
      firstGroup = false;
      options.onProgress?.('read', next, rowCount);
    }
  }

  const grid: Grid = {
    values,
    numberFormats: formats,
    origin: { row: rowIndex, column: columnIndex },
  };
  let mergesKnown = false;
  if (first.merges) {
    const areas = first.merges.isNullObject ? [] : parseAreaList(first.merges.address);
    // Some builds list only each merge's top-left cell (office-js #1590): then the merges are not
    // known, and the engine's carry-down stands in.
    if (!areas.some((a) => a.top === a.bottom && a.left === a.right)) {
      mergesKnown = true;
      grid.merges = toGridMerges(areas, rowIndex, columnIndex, rowCount, columnCount);
    }
  }
  return {
    sheetName,
    sheetId,
    grid,
    address,
    mergesKnown,
    sheetProtected: first.sheet.protection.protected,
    workbookProtected: first.workbookProtection?.protected === true,
    syncs: session.syncs - startSyncs,
  };
}

/** Merged areas in grid coordinates (0-based from the used range's corner), clipped to it. */
export function toGridMerges(
  areas: string | SheetArea[],
  rowIndex: number,
  columnIndex: number,
  rowCount: number,
  columnCount: number,
): MergedArea[] {
  const out: MergedArea[] = [];
  for (const area of typeof areas === 'string' ? parseAreaList(areas) : areas) {
    const top = Math.max(0, area.top - 1 - rowIndex);
    const left = Math.max(0, area.left - 1 - columnIndex);
    const bottom = Math.min(rowCount - 1, area.bottom - 1 - rowIndex);
    const right = Math.min(columnCount - 1, area.right - 1 - columnIndex);
    if (bottom < top || right < left || (bottom === top && right === left)) continue;
    out.push({ top, left, bottom, right });
  }
  return out;
}

/** What a re-check of a few rows read of each cell: value, formula, number format, and where asked, fill and note. */
export interface RowCell {
  value: CellValue;
  formula: CellValue;
  numberFormat: string;
  /** Undefined where fills were not read (before ExcelApi 1.9). */
  fill?: RecordedFill | null;
  /** The note's content, null for none; undefined where notes were not read. */
  note?: string | null;
}

export interface RowsRead {
  /** Sheet rows read (1-based), each as cells from `left` to `right`. */
  rows: Map<number, RowCell[]>;
  left: number;
  right: number;
  /** The cell at a 1-based sheet row and column, when it was read. */
  at(row: number, column: number): RowCell | undefined;
}

/**
 * Queues the read of whole rows between two columns (values, formulas, number formats; fills with
 * ExcelApi 1.9, notes with 1.18) on the next sync of `session`, and returns what it found once that
 * sync has run. A re-check after an edit reads only these rows (incremental.ts).
 */
export function queueRowsRead(
  session: Session,
  sheetName: string,
  runs: { top: number; bottom: number }[],
  left: number,
  right: number,
  read: { fills: boolean; notes: boolean },
): () => RowsRead {
  const sheet = session.context.workbook.worksheets.getItem(sheetName);
  const pending: (() => void)[] = [];
  const rows = new Map<number, RowCell[]>();
  for (const run of runs) {
    const range = sheet.getRange(rangeAddress(run.top, left, run.bottom, right));
    range.load('values, formulas, numberFormat');
    const properties = read.fills ? range.getCellProperties({ format: { fill: { color: true, pattern: true, patternColor: true } } }) : null;
    const notes: { row: number; column: number; note: Excel.Note }[] = [];
    if (read.notes) {
      for (let row = run.top; row <= run.bottom; row++) {
        for (let column = left; column <= right; column++) {
          const note = sheet.notes.getItemOrNullObject(cellAddress(row, column));
          note.load('content');
          notes.push({ row, column, note });
        }
      }
    }
    const cells = (run.bottom - run.top + 1) * (right - left + 1);
    session.expect(300 * (2 + notes.length), cells * 400);
    pending.push(() => {
      const values = range.values as CellValue[][];
      const formulas = range.formulas as CellValue[][];
      const formats = range.numberFormat as string[][];
      for (let i = 0; i <= run.bottom - run.top; i++) {
        rows.set(
          run.top + i,
          values[i].map((value, j) => ({
            value,
            formula: formulas[i][j],
            numberFormat: String(formats[i][j]),
            ...(properties ? { fill: fillFromProperties(properties.value[i][j].format?.fill) } : {}),
          })),
        );
      }
      for (const { row, column, note } of notes) {
        const cell = rows.get(row)?.[column - left];
        if (cell) cell.note = note.isNullObject ? null : note.content;
      }
    });
  }
  return () => {
    for (const p of pending) p();
    return { rows, left, right, at: (row, column) => (column < left || column > right ? undefined : rows.get(row)?.[column - left]) };
  };
}

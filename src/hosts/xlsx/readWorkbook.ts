import ExcelJS from 'exceljs';
import type { CellValue, Grid, MergedArea } from '../../engine';
import { excelSerialFromDate } from './dates';
import { UnreadableWorkbookError } from './unreadable';

/** One worksheet as the engine sees it. */
export interface SheetGrid {
  name: string;
  grid: Grid;
}

export { UnreadableWorkbookError } from './unreadable';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** Tell what a file is before handing it to the zip reader, so the reason is a useful one. */
function sniff(bytes: Uint8Array): void {
  if (bytes.length === 0) throw new UnreadableWorkbookError('empty');
  if (startsWith(bytes, OLE_MAGIC)) throw new UnreadableWorkbookError('encrypted-or-xls');
  if (!startsWith(bytes, ZIP_MAGIC)) throw new UnreadableWorkbookError('not-xlsx');
}

/** ExcelJS's cell value → what Office.js `range.values` would give for it. */
function toCellValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return excelSerialFromDate(value);
  if ('error' in value) return String(value.error);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as ExcelJS.CellFormulaValue).result;
    if (result === undefined || result === null) return '';
    if (typeof result === 'object' && !(result instanceof Date) && 'error' in result) return String(result.error);
    return toCellValue(result as ExcelJS.CellValue);
  }
  if ('text' in value) return typeof value.text === 'string' ? value.text : toCellValue(value.text as ExcelJS.CellValue);
  return '';
}

/** One worksheet → grid: values, number formats, merged areas (origin A1). */
export function worksheetToGrid(ws: ExcelJS.Worksheet): Grid {
  const values: CellValue[][] = [];
  const numberFormats: (string | null)[][] = [];
  const mergeBoxes = new Map<string, MergedArea>();
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const r = rowNumber - 1;
    const rowValues: CellValue[] = [];
    const rowFormats: (string | null)[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const c = colNumber - 1;
      if (cell.type === ExcelJS.ValueType.Merge) {
        // a merge continuation: its value is the master's; the engine resolves it from the area
        const master = cell.master;
        const key = master.address;
        const box = mergeBoxes.get(key) ?? {
          top: Number(master.row) - 1,
          left: Number(master.col) - 1,
          bottom: Number(master.row) - 1,
          right: Number(master.col) - 1,
        };
        box.top = Math.min(box.top, r);
        box.left = Math.min(box.left, c);
        box.bottom = Math.max(box.bottom, r);
        box.right = Math.max(box.right, c);
        mergeBoxes.set(key, box);
        return;
      }
      const value = toCellValue(cell.value);
      rowValues[c] = value;
      // formats matter for numbers only (percent, dates); reading them costs a style lookup
      if (typeof value === 'number' && cell.numFmt) rowFormats[c] = cell.numFmt;
    });
    values[r] = rowValues;
    if (rowFormats.length) numberFormats[r] = rowFormats;
  });
  // dense rows: the engine reads values[r][c]; holes become ""
  for (let r = 0; r < values.length; r++) {
    const row = values[r] ?? [];
    for (let c = 0; c < row.length; c++) if (row[c] === undefined) row[c] = '';
    values[r] = row;
  }
  return { values, numberFormats, merges: [...mergeBoxes.values()] };
}

/** Load .xlsx bytes into an ExcelJS workbook (no checks: see readWorkbook for readable reasons). */
export async function loadExcelWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  // ExcelJS's typings want its own Buffer type; a Node Buffer over the same bytes serves
  await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  return workbook;
}

/** Read every worksheet of an .xlsx file's bytes. Throws UnreadableWorkbookError with a reason. */
export async function readWorkbook(bytes: Uint8Array): Promise<SheetGrid[]> {
  sniff(bytes);
  let workbook: ExcelJS.Workbook;
  try {
    workbook = await loadExcelWorkbook(bytes);
  } catch (err) {
    throw new UnreadableWorkbookError('corrupt', shortReason(err));
  }
  return workbook.worksheets
    .filter((ws) => ws.state !== 'veryHidden' && ws.name !== '_psc_state')
    .map((ws) => ({ name: ws.name, grid: worksheetToGrid(ws) }));
}

function shortReason(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.split('\n')[0].slice(0, 80);
}

/**
 * The reader the product used before src/hosts/xlsx/read: ExcelJS's object model → grid. Kept for
 * tests that compare the two readers cell by cell.
 */
import ExcelJS from 'exceljs';
import type { CellValue, Grid, MergedArea } from '../../src/engine';
import { excelSerialFromDate } from '../../src/hosts/xlsx/dates';
import type { SheetGrid } from '../../src/hosts/xlsx/readWorkbook';

/** ExcelJS's cell value → what Office.js `range.values` would give for it. */
export function toCellValue(value: ExcelJS.CellValue): CellValue {
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
      if (typeof value === 'number' && cell.numFmt) rowFormats[c] = cell.numFmt;
    });
    values[r] = rowValues;
    if (rowFormats.length) numberFormats[r] = rowFormats;
  });
  for (let r = 0; r < values.length; r++) {
    const row = values[r] ?? [];
    for (let c = 0; c < row.length; c++) if (row[c] === undefined) row[c] = '';
    values[r] = row;
  }
  return { values, numberFormats, merges: [...mergeBoxes.values()] };
}

/** The old reader whole: every sheet but veryHidden ones and the add-in's state sheet. */
export async function readWithExcelJs(bytes: Uint8Array): Promise<SheetGrid[]> {
  const workbook = await loadExcelWorkbook(bytes);
  return workbook.worksheets
    .filter((ws) => ws.state !== 'veryHidden' && ws.name !== '_psc_state')
    .map((ws) => ({ name: ws.name, grid: worksheetToGrid(ws) }));
}

/** Load .xlsx bytes into an ExcelJS workbook: the old reader, and the baseline the bench measures against. */
export async function loadExcelWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  // ExcelJS's typings want its own Buffer type; a Node Buffer over the same bytes serves
  await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  return workbook;
}

// The Excel double's workbook (tests/office-double/state.ts) as plain JSON, to carry it between
// Node and the browser: its Maps (cells, column widths) become arrays of [key, value] pairs; the
// rest (frozen rows, validations, …) is plain already and copied as it is.
// No Node module here: this file is bundled into the browser page too (doubleInBrowser.ts).
import { cloneWorkbook, type CellData, type SheetData, type WorkbookData } from '../office-double/state';

export interface SheetJson extends Omit<SheetData, 'cells' | 'columnWidths'> {
  cells: Array<[number, CellData]>;
  columnWidths: Array<[number, number]>;
}

export interface WorkbookJson extends Omit<WorkbookData, 'sheets'> {
  sheets: SheetJson[];
}

export function workbookToJson(wb: WorkbookData): WorkbookJson {
  const copy = cloneWorkbook(wb);
  return { ...copy, sheets: copy.sheets.map((s) => ({ ...s, cells: [...s.cells], columnWidths: [...s.columnWidths] })) };
}

export function workbookFromJson(json: WorkbookJson): WorkbookData {
  return cloneWorkbook({
    ...json,
    sheets: json.sheets.map((s) => ({ ...s, cells: new Map(s.cells), columnWidths: new Map(s.columnWidths) })),
  });
}

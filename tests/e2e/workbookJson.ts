// The Excel double's workbook (tests/office-double/state.ts) as plain JSON, to carry it between
// Node and the browser: its Maps (cells, column widths) become arrays of [key, value] pairs; the
// rest (frozen rows, validations, …) is plain already and copied as it is.
// No Node module here: this file is bundled into the browser page too (doubleInBrowser.ts).
import type { CellData, SheetData, WorkbookData } from '../office-double/state';

export interface SheetJson extends Omit<SheetData, 'cells' | 'columnWidths'> {
  cells: Array<[number, CellData]>;
  columnWidths: Array<[number, number]>;
}

export interface WorkbookJson extends Omit<WorkbookData, 'sheets'> {
  sheets: SheetJson[];
}

export function workbookToJson(wb: WorkbookData): WorkbookJson {
  return {
    activeSheetId: wb.activeSheetId,
    nextSheetId: wb.nextSheetId,
    sheets: wb.sheets.map((s) => ({
      id: s.id,
      name: s.name,
      visibility: s.visibility,
      cells: [...s.cells].map(([key, cell]) => [key, { ...cell, fill: cell.fill ? { ...cell.fill } : null }]),
      merges: s.merges.map((m) => ({ ...m })),
      columnWidths: [...s.columnWidths],
      selection: s.selection ? { ...s.selection } : null,
      frozenRows: s.frozenRows,
      validations: s.validations.map((v) => ({ ...v, area: { ...v.area } })),
    })),
  };
}

export function workbookFromJson(json: WorkbookJson): WorkbookData {
  return {
    activeSheetId: json.activeSheetId,
    nextSheetId: json.nextSheetId,
    sheets: json.sheets.map((s) => ({
      id: s.id,
      name: s.name,
      visibility: s.visibility,
      cells: new Map(s.cells.map(([key, cell]) => [key, { ...cell, fill: cell.fill ? { ...cell.fill } : null }])),
      merges: s.merges.map((m) => ({ ...m })),
      columnWidths: new Map(s.columnWidths),
      selection: s.selection ? { ...s.selection } : null,
      frozenRows: s.frozenRows,
      validations: s.validations.map((v) => ({ ...v, area: { ...v.area } })),
    })),
  };
}

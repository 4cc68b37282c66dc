import type ExcelJS from 'exceljs';
import { FLAG_FILLS, type WritePlan } from '../../engine';

/** "#FFC7CE" → ExcelJS's "FFFFC7CE". */
function argb(hex: string): string {
  return `FF${hex.replace('#', '').toUpperCase()}`;
}

const HEADER_FILL = '#E2EFDA';

/**
 * Carry out the engine's write plan on an ExcelJS worksheet (annotated copies from the command
 * line, workbooks dropped into the task pane): computed values, headers of the product's columns,
 * one coloured flag with a note per cell with issues.
 */
export function applyPlanToWorksheet(ws: ExcelJS.Worksheet, plan: WritePlan): void {
  for (const write of plan.values) {
    const cell = ws.getCell(write.row, write.column);
    cell.value = write.value;
    if (write.numberFormat) cell.numFmt = write.numberFormat;
    if (write.role === 'header') {
      cell.font = { ...cell.font, bold: true };
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(HEADER_FILL) } };
      cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    } else if (write.role === 'result') {
      cell.alignment = { wrapText: true, vertical: 'top' };
    }
  }
  for (const column of plan.appendedColumns) {
    ws.getColumn(column.column).width = column.role === 'result' ? 60 : 14;
  }
  for (const flag of plan.flags) {
    const cell = ws.getCell(flag.row, flag.column);
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(FLAG_FILLS[flag.severity]) } };
    cell.note = flag.note;
  }
}

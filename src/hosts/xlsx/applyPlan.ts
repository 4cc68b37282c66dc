import type ExcelJS from 'exceljs';
import { FLAG_FILLS, type WritePlan } from '../../engine';

/** "#FFC7CE" → ExcelJS's "FFFFC7CE". */
function argb(hex: string): string {
  return `FF${hex.replace('#', '').toUpperCase()}`;
}

const HEADER_FILL = '#E2EFDA';

/**
 * Give a cell its own style object: ExcelJS shares one style object among the cells of a loaded
 * file that had the same style, so assigning `cell.fill` would recolour all of them.
 */
function restyle(cell: ExcelJS.Cell, patch: Partial<ExcelJS.Style>): void {
  cell.style = { ...cell.style, ...patch };
}

/**
 * Carry out the engine's write plan on an ExcelJS worksheet (annotated copies from the command
 * line, workbooks dropped into the task pane): computed values, headers of the product's columns,
 * one coloured flag with a note per cell with issues.
 */
export function applyPlanToWorksheet(ws: ExcelJS.Worksheet, plan: WritePlan): void {
  for (const write of plan.values) {
    const cell = ws.getCell(write.row, write.column);
    cell.value = write.value;
    if (write.numberFormat) restyle(cell, { numFmt: write.numberFormat });
    if (write.role === 'header') {
      restyle(cell, {
        font: { ...cell.font, bold: true },
        fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(HEADER_FILL) } },
        alignment: { wrapText: true, vertical: 'middle', horizontal: 'center' },
      });
    } else if (write.role === 'result') {
      restyle(cell, { alignment: { wrapText: true, vertical: 'top' } });
    }
  }
  for (const column of plan.appendedColumns) {
    ws.getColumn(column.column).width = column.role === 'result' ? 60 : 14;
  }
  for (const flag of plan.flags) {
    const cell = ws.getCell(flag.row, flag.column);
    restyle(cell, { fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(FLAG_FILLS[flag.severity]) } } });
    cell.note = flag.note;
  }
}

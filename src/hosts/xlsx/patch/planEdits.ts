/**
 * The write plan as cell edits: the value, and the format change each cell needs (the same look
 * applyPlan.ts gave through ExcelJS: header bold on #E2EFDA, wrapped and centred; results wrapped at
 * the top; a flag's solid fill over the cell's own format).
 */
import { FLAG_FILLS, type WritePlan } from '../../../engine';
import { ref } from './a1';
import type { CellEdit } from './sheetCells';
import type { StyleBook, StyleChange } from './styles';

export const HEADER_FILL = '#E2EFDA';
const HEADER_ALIGNMENT: [string, string][] = [['horizontal', 'center'], ['vertical', 'center'], ['wrapText', '1']];
const RESULT_ALIGNMENT: [string, string][] = [['vertical', 'top'], ['wrapText', '1']];

export const COLUMN_WIDTH = 14;
export const RESULT_COLUMN_WIDTH = 60;

interface Pending {
  row: number;
  column: number;
  value?: { value: string | number | null };
  change: StyleChange;
}

export function planEdits(plan: WritePlan, styles: StyleBook): CellEdit[] {
  // keyed by row and column as one number (a sheet has at most 16,384 columns): no address
  // string per write; insertion order, and so the order formats are derived in, as before
  const cells = new Map<number, Pending>();
  const at = (row: number, column: number): Pending => {
    const key = row * 16384 + column;
    const found = cells.get(key);
    if (found) return found;
    const made: Pending = { row, column, change: {} };
    cells.set(key, made);
    return made;
  };
  for (const write of plan.values) {
    const cell = at(write.row, write.column);
    cell.value = { value: write.value };
    if (write.numberFormat) cell.change.numberFormat = write.numberFormat;
    if (write.role === 'header') Object.assign(cell.change, { bold: true, fill: HEADER_FILL, alignment: HEADER_ALIGNMENT });
    else if (write.role === 'result') cell.change.alignment = RESULT_ALIGNMENT;
  }
  for (const flag of plan.flags) at(flag.row, flag.column).change.fill = FLAG_FILLS[flag.severity];
  const out: CellEdit[] = [];
  // one function per distinct change, not per cell: equal keys stand for equal changes (the style
  // book caches by key already), and the book then looks up the same key string every time
  const styleOf = new Map<string, (current: number) => number>();
  for (const { row, column, value, change } of cells.values()) {
    if (isEmpty(change)) {
      out.push({ row, column, value, style: same });
      continue;
    }
    const key = changeKey(change);
    let style = styleOf.get(key);
    if (!style) {
      style = (current: number): number => styles.derive(current, change, key);
      styleOf.set(key, style);
    }
    out.push({ row, column, value, style });
  }
  return out;
}

const same = (current: number): number => current;

function isEmpty(change: StyleChange): boolean {
  for (const _ in change) return false;
  return true;
}

/** Equal changes get equal keys (the style book's cache), without a JSON text per cell. */
function changeKey(change: StyleChange): string {
  const { numberFormat, bold, fill, alignment } = change;
  const align = alignment === undefined ? '' : alignment === HEADER_ALIGNMENT ? 'h' : alignment === RESULT_ALIGNMENT ? 'r' : JSON.stringify(alignment);
  return `${numberFormat === undefined ? '-' : `+${numberFormat}`}\u0000${bold ? 1 : 0}\u0000${fill || ''}\u0000${align}`;
}

export function planWidths(plan: WritePlan): { column: number; width: number }[] {
  return plan.appendedColumns.map((c) => ({ column: c.column, width: c.role === 'result' ? RESULT_COLUMN_WIDTH : COLUMN_WIDTH }));
}

/** Cell → note text, for the flagged cells. */
export function planNotes(plan: WritePlan): Map<string, string> {
  return new Map(plan.flags.map((f) => [ref(f.row, f.column), f.note]));
}

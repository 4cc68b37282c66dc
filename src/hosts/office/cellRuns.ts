/**
 * Geometry of the cells a write plan touches: runs of neighbouring cells, so that one Excel
 * request covers many cells, and address lists short enough for old Excel builds.
 */
import { rangeAddress } from './a1';

/** A cell by 1-based sheet row and column. */
export interface Cell {
  row: number;
  column: number;
}

/** Consecutive cells of one row sharing a key, as [row, left, right, key]. */
export function horizontalRuns<T extends Cell>(cells: T[], key: (c: T) => string): { row: number; left: number; right: number; items: T[] }[] {
  const sorted = [...cells].sort((a, b) => a.row - b.row || a.column - b.column);
  const runs: { row: number; left: number; right: number; items: T[] }[] = [];
  for (const cell of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.row === cell.row && last.right + 1 === cell.column && key(last.items[0]) === key(cell)) {
      last.right = cell.column;
      last.items.push(cell);
    } else runs.push({ row: cell.row, left: cell.column, right: cell.column, items: [cell] });
  }
  return runs;
}

/** Consecutive cells of one column, as [column, top, bottom, items]. */
export function verticalRuns<T extends Cell>(cells: T[]): { column: number; top: number; bottom: number; items: T[] }[] {
  const sorted = [...cells].sort((a, b) => a.column - b.column || a.row - b.row);
  const runs: { column: number; top: number; bottom: number; items: T[] }[] = [];
  for (const cell of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.column === cell.column && last.bottom + 1 === cell.row) {
      last.bottom = cell.row;
      last.items.push(cell);
    } else runs.push({ column: cell.column, top: cell.row, bottom: cell.row, items: [cell] });
  }
  return runs;
}

/** Cells of one column, split where they would span more than `maxRows` rows. */
export function columnSegments<T extends Cell>(cells: T[], maxRows: number): { column: number; top: number; bottom: number; items: T[] }[] {
  const sorted = [...cells].sort((a, b) => a.column - b.column || a.row - b.row);
  const out: { column: number; top: number; bottom: number; items: T[] }[] = [];
  for (const cell of sorted) {
    const last = out[out.length - 1];
    if (last && last.column === cell.column && cell.row - last.top < maxRows) {
      last.bottom = cell.row;
      last.items.push(cell);
    } else out.push({ column: cell.column, top: cell.row, bottom: cell.row, items: [cell] });
  }
  return out;
}

/** Comma-separated addresses of the cells (vertical runs joined), each list at most `maxChars` long. */
export function addressLists(cells: Cell[], maxChars: number): string[] {
  const lists: string[] = [];
  let current = '';
  for (const run of verticalRuns(cells)) {
    const address = rangeAddress(run.top, run.column, run.bottom, run.column);
    if (current && current.length + 1 + address.length > maxChars) {
      lists.push(current);
      current = '';
    }
    current = current ? `${current},${address}` : address;
  }
  if (current) lists.push(current);
  return lists;
}


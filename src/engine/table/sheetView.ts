import type { CellValue, Grid } from '../types';
import { isBlank } from '../read/cell';

/** Letters of the columns seen so far, by column number (a sheet has at most 16,384 columns). */
const LETTERS: string[] = [''];
const MAX_COLUMN = 16_384;

/** Column number (1-based) → letters: 1 → A, 27 → AA. */
export function columnLetter(column: number): string {
  if (column >= 1 && column <= MAX_COLUMN && Number.isInteger(column)) {
    let letters = LETTERS[column];
    if (letters === undefined) {
      // filled in order so that the array stays packed
      for (let c = LETTERS.length; c <= column; c++) LETTERS.push(lettersOf(c));
      letters = LETTERS[column];
    }
    return letters;
  }
  return lettersOf(column);
}

function lettersOf(column: number): string {
  let n = column;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** The last row written as text: an item's cells are addressed one after another on its row. */
let lastRow = 0;
let lastRowText = '0';

/** A1 address of a 1-based sheet row and column. */
export function a1(row: number, column: number): string {
  if (row !== lastRow) {
    lastRow = row;
    lastRowText = String(row);
  }
  return columnLetter(column) + lastRowText;
}

/**
 * A read-only view of a grid with merged areas resolved: a merged cell's value belongs to every
 * cell of the merge (design.md §3). Indices are 0-based grid positions; `sheetRow`/`sheetColumn`
 * turn them into 1-based sheet positions for addresses.
 */
/** Merged cells indexed per sheet at most: a merge over a whole sheet is not worth a map entry per cell. */
const MERGED_CELL_BUDGET = 2_000_000;
/** A merge may reach a few columns right of the last value (a merged header label). */
const MERGE_OVERHANG = 8;
/** Rows longer than this are walked by their present cells only (a value in column XFD). */
const SPARSE_ROW = 512;

export class SheetView {
  readonly rowCount: number;
  readonly columnCount: number;
  private readonly values: CellValue[][];
  private readonly formats: (string | null | undefined)[][] | undefined;
  /** For each merge continuation cell, the top-left cell of its merge ("r,c" → [r, c]). */
  private readonly mergeOwner = new Map<number, number>();
  private readonly originRow: number;
  private readonly originColumn: number;

  constructor(grid: Grid) {
    this.values = grid.values;
    this.formats = grid.numberFormats;
    this.rowCount = grid.values.length;
    // rows may be absent (a sparse grid): only rows that exist are measured
    let width = 0;
    for (let r = 0; r < this.rowCount; r++) {
      const row = grid.values[r];
      if (row && row.length > width) width = row.length;
    }
    this.originRow = grid.origin?.row ?? 0;
    this.originColumn = grid.origin?.column ?? 0;
    const contentWidth = width;
    let budget = MERGED_CELL_BUDGET;
    for (const m of grid.merges ?? []) {
      // merges are given in grid coordinates; only the part over the sheet's content matters
      const top = Math.max(0, m.top);
      const left = Math.max(0, m.left);
      const bottom = Math.min(m.bottom, this.rowCount - 1);
      const right = Math.min(m.right, Math.max(contentWidth, left + 1) - 1 + MERGE_OVERHANG);
      const cells = (bottom - top + 1) * (right - left + 1);
      // a pathological merge (a whole sheet) is treated as unknown rather than indexed cell by cell
      if (bottom < top || right < left || cells > budget) continue;
      budget -= cells;
      for (let r = top; r <= bottom; r++) {
        for (let c = left; c <= right; c++) {
          if (r === m.top && c === m.left) continue;
          this.mergeOwner.set(this.key(r, c), this.key(m.top, m.left));
        }
      }
      if (right + 1 > width) width = right + 1;
    }
    this.columnCount = width;
  }

  private key(r: number, c: number): number {
    return r * 65536 + c;
  }

  /** The value a person sees in the cell: merge continuations show the merge's value. */
  value(r: number, c: number): CellValue {
    if (this.mergeOwner.size === 0) return this.raw(r, c);
    const owner = this.mergeOwner.get(this.key(r, c));
    if (owner !== undefined) return this.raw(Math.floor(owner / 65536), owner % 65536);
    return this.raw(r, c);
  }

  /** The value stored in this very cell (blank for merge continuations). */
  raw(r: number, c: number): CellValue {
    const row = this.values[r];
    if (!row || c >= row.length) return '';
    const v = row[c];
    return v === undefined ? '' : v;
  }

  numberFormat(r: number, c: number): string | null {
    if (!this.formats) return null;
    if (this.mergeOwner.size === 0) return this.formats[r]?.[c] ?? null;
    const owner = this.mergeOwner.get(this.key(r, c));
    const [rr, cc] = owner !== undefined ? [Math.floor(owner / 65536), owner % 65536] : [r, c];
    return this.formats?.[rr]?.[cc] ?? null;
  }

  /** The top-left cell of the merge holding (r, c), or (r, c) itself. */
  anchor(r: number, c: number): [number, number] {
    const owner = this.mergeOwner.get(this.key(r, c));
    return owner !== undefined ? [Math.floor(owner / 65536), owner % 65536] : [r, c];
  }

  isMergeContinuation(r: number, c: number): boolean {
    return this.mergeOwner.size > 0 && this.mergeOwner.has(this.key(r, c));
  }

  /** Whether the merge holding (r, c) starts on an earlier row (a vertical merge continuation). */
  continuesFromAbove(r: number, c: number): boolean {
    return this.anchor(r, c)[0] < r;
  }

  isBlank(r: number, c: number): boolean {
    return isBlank(this.value(r, c));
  }

  /** The one column of row r holding a value of its own, or -1 when none or several do. */
  soleFilledColumn(r: number): number {
    const filled = this.filledColumns(r);
    return filled.length === 1 ? filled[0] : -1;
  }

  /**
   * Columns of row r holding a value of their own (merge continuations excluded), left to right.
   * The list is the view's: callers read it and do not change it (the table reader asks for the
   * same row several times in a row, and gets the list it was given before).
   */
  filledColumns(r: number): number[] {
    if (r === this.filledRow) return this.filled;
    const out: number[] = [];
    const row = this.values[r];
    if (row && row.length <= SPARSE_ROW) {
      for (let c = 0; c < row.length; c++) if (!isBlank(row[c])) out.push(c);
    } else if (row) {
      // a long row is usually sparse (one value far right): visit the cells that exist, in index order
      for (const key in row) {
        const c = Number(key);
        if (Number.isInteger(c) && !isBlank(row[c])) out.push(c);
      }
    }
    this.filledRow = r;
    this.filled = out;
    return out;
  }

  /** The row filledColumns last listed, and its list. */
  private filledRow = -1;
  private filled: number[] = [];

  /** Right-most column of row r that holds a value or lies under a merge, or -1. */
  lastUsedColumn(r: number): number {
    const filled = this.filledColumns(r);
    let last = filled.length ? filled[filled.length - 1] : -1;
    // a merged label reaches further right than its value
    while (last >= 0 && last + 1 < this.columnCount && this.isMergeContinuation(r, last + 1)) last++;
    return last;
  }

  sheetRow(r: number): number {
    return this.originRow + r + 1;
  }

  sheetColumn(c: number): number {
    return this.originColumn + c + 1;
  }

  /** The sheet cell (1-based) that grid cell (r, c) stands for; null where it stands for none. */
  position(r: number, c: number): { row: number; column: number } | null {
    return { row: this.sheetRow(r), column: this.sheetColumn(c) };
  }

  /** A1 address of grid cell (r, c) (called for every reported entry: no object per call). */
  address(r: number, c: number): string {
    return a1(this.sheetRow(r), this.sheetColumn(c));
  }
}

/**
 * A view of a table built from another sheet's cells (a transposed table turned into rows, see
 * transposed.ts): each of its cells stands for the sheet cell it was read from, so that issues and
 * flags name the cell a person edits.
 */
export class RemappedSheetView extends SheetView {
  private readonly rowOrigin = new Map<number, number>();

  constructor(
    grid: Grid,
    /** Grid cell (r * 65536 + c) → sheet cell [row, column], 0-based. */
    private readonly origins: ReadonlyMap<number, readonly [number, number]>,
  ) {
    super(grid);
    for (const [key, [row]] of origins) {
      const r = Math.floor(key / 65536);
      if (!this.rowOrigin.has(r)) this.rowOrigin.set(r, row);
    }
  }

  override position(r: number, c: number): { row: number; column: number } | null {
    const origin = this.origins.get(r * 65536 + c);
    return origin ? { row: origin[0] + 1, column: origin[1] + 1 } : null;
  }

  override address(r: number, c: number): string {
    const p = this.position(r, c);
    return p ? a1(p.row, p.column) : '';
  }

  /** The sheet row of a built row: the row its first mapped cell was read from. */
  override sheetRow(r: number): number {
    return (this.rowOrigin.get(r) ?? r) + 1;
  }
}

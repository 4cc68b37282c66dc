/** A1 addresses as the Office host needs them: 1-based rows and columns, as the engine uses. */
import { a1, columnLetter } from '../../engine';

/** 1 → "A", 27 → "AA" (the engine's own spelling of column letters). */
export const columnLetters = columnLetter;

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** "E6" for row 6, column 5. */
export const cellAddress = a1;

/** "E6:E40"; a single cell when both corners are the same. */
export function rangeAddress(top: number, left: number, bottom: number, right: number): string {
  const first = cellAddress(top, left);
  return top === bottom && left === right ? first : `${first}:${cellAddress(bottom, right)}`;
}

/** A rectangle in 1-based sheet coordinates, inclusive. */
export interface SheetArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d+)$/;

/** Parses "E6" (optionally "$E$6") into 1-based row and column; null when it is not one cell. */
export function parseCell(address: string): { row: number; column: number } | null {
  const m = CELL.exec(address.trim());
  if (!m) return null;
  return { row: Number(m[2]), column: columnNumber(m[1]) };
}

/** Drops a sheet prefix ("'進捗 状況'!B2:C3" → "B2:C3"), honouring quoted names. */
export function stripSheet(address: string): string {
  let inQuote = false;
  let bang = -1;
  for (let i = 0; i < address.length; i++) {
    const ch = address[i];
    if (ch === "'") inQuote = !inQuote;
    else if (ch === '!' && !inQuote) bang = i;
  }
  return bang >= 0 ? address.slice(bang + 1) : address;
}

/** Parses "B2:C3" or "B2" (after any sheet prefix) into an area; null for anything else. */
export function parseArea(address: string): SheetArea | null {
  const local = stripSheet(address.trim());
  const [a, b = a] = local.split(':');
  const p = parseCell(a);
  const q = parseCell(b);
  if (!p || !q) return null;
  return {
    top: Math.min(p.row, q.row),
    left: Math.min(p.column, q.column),
    bottom: Math.max(p.row, q.row),
    right: Math.max(p.column, q.column),
  };
}

/**
 * Splits a RangeAreas address ("Sheet1!A1:B2,Sheet1!D4:E5", sheet names possibly quoted and holding
 * commas) into areas. Parts that are not cell ranges are skipped.
 */
export function parseAreaList(address: string): SheetArea[] {
  const parts: string[] = [];
  let inQuote = false;
  let start = 0;
  for (let i = 0; i < address.length; i++) {
    const ch = address[i];
    if (ch === "'") inQuote = !inQuote;
    else if (ch === ',' && !inQuote) {
      parts.push(address.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(address.slice(start));
  return parts.map((p) => parseArea(p)).filter((a): a is SheetArea => a !== null);
}

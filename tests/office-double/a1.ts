/**
 * A1 addresses for the Excel double. Deliberately separate from the host's own address code
 * (src/hosts/office/a1.ts) so that a bug in one is not mirrored by the other.
 */

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** A rectangle of cells, 0-based, inclusive. */
export interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function letters(column0: number): string {
  let n = column0 + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function columnIndex(lettersText: string): number {
  let n = 0;
  for (const ch of lettersText.toUpperCase()) {
    const code = ch.charCodeAt(0);
    if (code < 65 || code > 90) throw new Error(`bad column letters: ${lettersText}`);
    n = n * 26 + (code - 64);
  }
  return n - 1;
}

/** Sheet names are quoted when they hold anything but ASCII letters, digits, _ and . */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function areaToA1(area: Area): string {
  const fullColumns = area.top === 0 && area.bottom === MAX_ROWS - 1;
  const fullRows = area.left === 0 && area.right === MAX_COLUMNS - 1;
  if (fullColumns && !fullRows) return `${letters(area.left)}:${letters(area.right)}`;
  if (fullRows && !fullColumns) return `${area.top + 1}:${area.bottom + 1}`;
  const first = `${letters(area.left)}${area.top + 1}`;
  if (area.top === area.bottom && area.left === area.right) return first;
  return `${first}:${letters(area.right)}${area.bottom + 1}`;
}

export function qualifiedAddress(sheetName: string, area: Area): string {
  return `${quoteSheetName(sheetName)}!${areaToA1(area)}`;
}

export interface ParsedAddress {
  sheet: string | null;
  area: Area;
}

function splitSheet(address: string): { sheet: string | null; local: string } {
  const trimmed = address.trim();
  if (trimmed.startsWith("'")) {
    let i = 1;
    let name = '';
    // Walk, honouring '' escapes.
    for (; i < trimmed.length; i++) {
      if (trimmed[i] === "'") {
        if (trimmed[i + 1] === "'") {
          name += "'";
          i++;
          continue;
        }
        break;
      }
      name += trimmed[i];
    }
    if (i >= trimmed.length || trimmed[i + 1] !== '!') throw new Error(`bad address: ${address}`);
    return { sheet: name, local: trimmed.slice(i + 2) };
  }
  const bang = trimmed.lastIndexOf('!');
  if (bang >= 0) return { sheet: trimmed.slice(0, bang), local: trimmed.slice(bang + 1) };
  return { sheet: null, local: trimmed };
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const COLS = /^\$?([A-Za-z]{1,3})$/;
const ROWS = /^\$?(\d{1,7})$/;

/** Parses "A1", "A1:B2", "A:C", "3:5", with an optional sheet prefix. Throws on anything else. */
export function parseAddress(address: string): ParsedAddress {
  const { sheet, local } = splitSheet(address);
  const parts = local.split(':');
  if (parts.length < 1 || parts.length > 2 || parts.some((p) => p.length === 0)) {
    throw new Error(`bad address: ${address}`);
  }
  const [a, b = parts[0]] = parts;
  let area: Area;
  const ca = CELL.exec(a);
  const cb = CELL.exec(b);
  if (ca && cb) {
    const r1 = Number(ca[2]) - 1;
    const r2 = Number(cb[2]) - 1;
    const c1 = columnIndex(ca[1]);
    const c2 = columnIndex(cb[1]);
    area = { top: Math.min(r1, r2), bottom: Math.max(r1, r2), left: Math.min(c1, c2), right: Math.max(c1, c2) };
  } else if (parts.length === 2 && COLS.test(a) && COLS.test(b)) {
    const c1 = columnIndex(COLS.exec(a)![1]);
    const c2 = columnIndex(COLS.exec(b)![1]);
    area = { top: 0, bottom: MAX_ROWS - 1, left: Math.min(c1, c2), right: Math.max(c1, c2) };
  } else if (parts.length === 2 && ROWS.test(a) && ROWS.test(b)) {
    const r1 = Number(ROWS.exec(a)![1]) - 1;
    const r2 = Number(ROWS.exec(b)![1]) - 1;
    area = { top: Math.min(r1, r2), bottom: Math.max(r1, r2), left: 0, right: MAX_COLUMNS - 1 };
  } else {
    throw new Error(`bad address: ${address}`);
  }
  if (area.top < 0 || area.bottom >= MAX_ROWS || area.left < 0 || area.right >= MAX_COLUMNS) {
    throw new Error(`address outside the sheet: ${address}`);
  }
  return { sheet, area };
}

export function intersects(a: Area, b: Area): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

export function cellCount(area: Area): number {
  return (area.bottom - area.top + 1) * (area.right - area.left + 1);
}

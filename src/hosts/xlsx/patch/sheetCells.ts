/**
 * The cells of a worksheet part: write values and formats into the cells the plan names, inside
 * existing rows in column order or in new rows in row order. Every other byte stays as it was.
 */
import { columnName, parseRef, ref } from './a1';
import { cannotAnnotate } from './errors';
import { type Attributes, type Found, type TextEdit, nearIndexOf, attrAt, attrOf, escapeAttr, escapeText, findAll, findFirst, foundAt, getAttr, openTag, setAttr, tagEnd } from './xml';

export interface CellEdit {
  row: number;
  column: number;
  /** The value to write; absent when only the format changes. */
  value?: { value: string | number | null };
  /** The new format index from the cell's current one. */
  style: (current: number) => number;
}

export interface CellsResult {
  /** Against the sheet's text as given: spliced once with the sheet's other edits. */
  edits: TextEdit[];
  /** Cells whose formula the plan overwrote (their calcChain entries must go). */
  overwrittenFormulas: string[];
}

type Edit = TextEdit;

/** Drop the characters XML 1.0 cannot carry at all (control characters other than tab and newlines). */
const NOT_XML = /[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]/;

function xmlChars(text: string): string {
  // most text has none of them: one test, not a string built character by character
  if (!NOT_XML.test(text)) return text;
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if ((code < 0x20 && code !== 0x9 && code !== 0xa && code !== 0xd) || code === 0xfffe || code === 0xffff) continue;
    out += ch;
  }
  return out;
}

function content(value: string | number | null, prefix: string): { t?: string; body: string } {
  if (value === null) return { body: '' };
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { body: '' };
    return { body: `<${prefix}v>${String(value)}</${prefix}v>` };
  }
  // inline strings: sharedStrings.xml stays untouched, so no other cell's string index can move
  const text = escapeText(xmlChars(value));
  return { t: 'inlineStr', body: `<${prefix}is><${prefix}t xml:space="preserve">${text}</${prefix}t></${prefix}is>` };
}

/** Position of every row (rows without r follow the previous one); -1 in `missing` marks those. */
function rowNumbers(xml: string, rows: Found[]): { numbers: number[]; anyWithoutR: boolean } {
  let last = 0;
  let anyWithoutR = false;
  const numbers = rows.map((r) => {
    const value = attrOf(xml, r, 'r');
    if (value === undefined) anyWithoutR = true;
    return (last = Number(value ?? last + 1));
  });
  return { numbers, anyWithoutR };
}

/** `p` is the part's namespace prefix (rootPrefix). */
export function cellEdits(
  xml: string,
  p: string,
  edits: CellEdit[],
  defaultStyle: (row: Found | undefined, column: number) => number,
  /** The sheet's sheetData when the caller found it already. */
  found: Found | undefined = findFirst(xml, `${p}sheetData`),
): CellsResult {
  const sheetData = found;
  if (!sheetData) throw cannotAnnotate('シートにセルの表 (sheetData) がありません', 'the sheet has no sheetData');
  const rows = sheetData.selfClosing ? [] : findAll(xml, `${p}row`, sheetData.openEnd, sheetData.closeStart);
  const { numbers, anyWithoutR: anyRowWithoutR } = rowNumbers(xml, rows);
  // the first row of each number, looked up once per edited row (indexOf would be quadratic)
  const rowIndex = new Map<number, number>();
  numbers.forEach((n, i) => {
    if (!rowIndex.has(n)) rowIndex.set(n, i);
  });
  const byRow = new Map<number, CellEdit[]>();
  for (const e of edits) {
    const list = byRow.get(e.row);
    if (list) list.push(e);
    else byRow.set(e.row, [e]);
  }
  const out: Edit[] = [];
  const overwritten: string[] = [];
  const newRows: { before: number; text: string }[] = [];

  for (const [rowNumber, rowEdits] of [...byRow].sort((a, b) => a[0] - b[0])) {
    const i = rowIndex.get(rowNumber) ?? -1;
    if (i >= 0) {
      patchRow(xml, p, rows[i], rowNumber, rowEdits, defaultStyle, overwritten, out);
      continue;
    }
    const cells = [...rowEdits].sort((a, b) => a.column - b.column).map((e) => newCell(p, rowNumber, e, defaultStyle(undefined, e.column)));
    const next = numbers.findIndex((n) => n > rowNumber);
    const before = next >= 0 ? rows[next].start : sheetData.closeStart;
    newRows.push({ before, text: `${openTag(`${p}row`, [['r', String(rowNumber)]])}${cells.join('')}</${p}row>` });
  }
  // a new row among rows that leave out r would shift them: give those rows their numbers
  if (newRows.length && anyRowWithoutR) {
    rows.forEach((r, i) => {
      if (attrOf(xml, r, 'r') === undefined && !byRow.has(numbers[i])) out.push({ start: r.start + `<${p}row`.length, end: r.start + `<${p}row`.length, text: ` r="${numbers[i]}"` });
    });
  }
  for (const r of newRows) out.push({ start: r.before, end: r.before, text: r.text });
  if (sheetData.selfClosing && newRows.length) {
    const inner = newRows.map((r) => r.text).join('');
    return { edits: [{ start: sheetData.start, end: sheetData.end, text: `<${p}sheetData>${inner}</${p}sheetData>` }], overwrittenFormulas: overwritten };
  }
  return { edits: out, overwrittenFormulas: overwritten };
}

function newCell(p: string, row: number, edit: CellEdit, current: number): string {
  const { t, body } = content(edit.value?.value ?? null, p);
  // what openTag gives for r, s and t: none of them needs escaping
  const s = edit.style(current);
  const tag = `<${p}c r="${ref(row, edit.column)}"${s ? ` s="${s}"` : ''}${t ? ` t="${t}"` : ''}`;
  return body ? `${tag}>${body}</${p}c>` : `${tag}/>`;
}

/**
 * The cells of one row, found as findAll finds them but into arrays reused from row to row: a
 * sheet of 20,000 rows has hundreds of thousands of cells, and an object for each was most of
 * the garbage a copy made. Returns the count.
 */
let cellStart = new Int32Array(64);
let cellOpenEnd = new Int32Array(64);
let cellCloseStart = new Int32Array(64);
let cellEnd = new Int32Array(64);
let cellColumn = new Int32Array(64);
let cellFlags = new Uint8Array(64); // 1 self-closing, 2 has r

function scanCells(xml: string, p: string, from: number, to: number): number {
  const open = `<${p}c`;
  const close = `</${p}c>`;
  let count = 0;
  let last = 0;
  let at = from;
  for (;;) {
    const start = nearIndexOf(xml, open, at);
    if (start < 0 || start >= to) break;
    const next = xml.charCodeAt(start + open.length);
    if (next !== 32 && next !== 62 && next !== 47 && next !== 9 && next !== 10 && next !== 13) {
      at = start + open.length;
      continue;
    }
    const gt = tagEnd(xml, start);
    if (gt < 0) break;
    const selfClosing = xml.charCodeAt(gt - 1) === 47;
    let closeStart = gt + 1;
    let end = gt + 1;
    if (!selfClosing) {
      closeStart = nearIndexOf(xml, close, gt + 1);
      if (closeStart < 0) break;
      end = closeStart + close.length;
    }
    if (count === cellStart.length) growCells();
    // most cells start <c r="B12": their column read straight from the tag, no string for r
    let column = plainRefColumn(xml, start + open.length, gt);
    let hasR = column > 0;
    if (column === 0) {
      const r = attrAt(xml, start, gt + 1, selfClosing, 'r');
      hasR = r !== undefined;
      column = r ? parseRef(r)?.column ?? last + 1 : last + 1;
    }
    last = column;
    cellStart[count] = start;
    cellOpenEnd[count] = gt + 1;
    cellCloseStart[count] = closeStart;
    cellEnd[count] = end;
    cellColumn[count] = last;
    cellFlags[count] = (selfClosing ? 1 : 0) | (hasR ? 2 : 0);
    count++;
    at = end;
  }
  return count;
}

/**
 * The column of a cell whose start tag goes on (from `at`, just after "<c") ` r="` letters digits
 * `"` before `gt`: the same column attrAt and parseRef give for it (r is then the tag's first
 * attribute, so the first r; letters and digits need no unescaping). 0 for any other tag: the
 * general way reads those.
 */
function plainRefColumn(xml: string, at: number, gt: number): number {
  if (xml.charCodeAt(at) !== 32 || xml.charCodeAt(at + 1) !== 114 /* r */ || xml.charCodeAt(at + 2) !== 61 || xml.charCodeAt(at + 3) !== 34) return 0;
  let i = at + 4;
  let column = 0;
  const lettersStart = i;
  for (; i < gt; i++) {
    const c = xml.charCodeAt(i);
    if (c >= 65 && c <= 90) column = column * 26 + c - 64;
    else if (c >= 97 && c <= 122) column = column * 26 + c - 96;
    else break;
  }
  const letters = i - lettersStart;
  if (letters < 1 || letters > 3) return 0;
  const digitsStart = i;
  while (i < gt && xml.charCodeAt(i) >= 48 && xml.charCodeAt(i) <= 57) i++;
  if (i === digitsStart || xml.charCodeAt(i) !== 34) return 0;
  return column;
}

function growCells(): void {
  const grow = <T extends Int32Array | Uint8Array>(a: T): T => {
    const bigger = new (a.constructor as new (n: number) => T)(a.length * 2);
    bigger.set(a);
    return bigger;
  };
  cellStart = grow(cellStart);
  cellOpenEnd = grow(cellOpenEnd);
  cellCloseStart = grow(cellCloseStart);
  cellEnd = grow(cellEnd);
  cellColumn = grow(cellColumn);
  cellFlags = grow(cellFlags);
}

function patchRow(
  xml: string,
  p: string,
  row: Found,
  rowNumber: number,
  edits: CellEdit[],
  defaultStyle: (row: Found | undefined, column: number) => number,
  overwritten: string[],
  out: Edit[],
): void {
  const count = row.selfClosing ? 0 : scanCells(xml, p, row.openEnd, row.closeStart);
  let inserts: { at: number; column: number; text: string }[] | undefined;
  for (const edit of edits) {
    let i = 0;
    while (i < count && cellColumn[i] !== edit.column) i++;
    if (i < count) {
      const cell = foundAt(xml, cellStart[i], cellOpenEnd[i], cellCloseStart[i], cellEnd[i], (cellFlags[i] & 1) !== 0);
      out.push({ start: cell.start, end: cell.end, text: rewriteCell(xml, p, cell, rowNumber, edit, overwritten) });
      continue;
    }
    let next = 0;
    while (next < count && !(cellColumn[next] > edit.column)) next++;
    (inserts ??= []).push({ at: next < count ? cellStart[next] : row.closeStart, column: edit.column, text: newCell(p, rowNumber, edit, defaultStyle(row, edit.column)) });
  }
  if (!inserts) return;
  inserts.sort((a, b) => a.at - b.at || a.column - b.column);
  // cells that leave out r would shift behind an inserted cell: give them their references
  let withoutR = false;
  for (let i = 0; i < count; i++) if (!(cellFlags[i] & 2)) withoutR = true;
  if (withoutR) {
    const edited = new Set(edits.map((e) => e.column));
    for (let i = 0; i < count; i++) {
      if (!(cellFlags[i] & 2) && !edited.has(cellColumn[i])) out.push({ start: cellStart[i] + `<${p}c`.length, end: cellStart[i] + `<${p}c`.length, text: ` r="${ref(rowNumber, cellColumn[i])}"` });
    }
  }
  // the row's spans must cover its cells, old and new
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < count; i++) {
    if (cellColumn[i] < min) min = cellColumn[i];
    if (cellColumn[i] > max) max = cellColumn[i];
  }
  for (const ins of inserts) {
    if (ins.column < min) min = ins.column;
    if (ins.column > max) max = ins.column;
  }
  const tag = rowTag(p, row.attrs, `${min}:${max}`, String(rowNumber));
  if (row.selfClosing) {
    out.push({ start: row.start, end: row.end, text: `${tag}${inserts.map((i) => i.text).join('')}</${p}row>` });
    return;
  }
  // inserts at the same place are joined so their order holds (sorted, they sit side by side)
  for (let k = 0; k < inserts.length; ) {
    const at = inserts[k].at;
    let text = inserts[k++].text;
    while (k < inserts.length && inserts[k].at === at) text += inserts[k++].text;
    out.push({ start: at, end: at, text });
  }
  // the row's own tag: its spans must cover the new cells, and it states its number
  out.push({ start: row.start, end: row.openEnd, text: tag });
}

/** Whether some "<" in xml[from, to) starts `open` (jumping from "<" to "<": a cell holds a few). */
function startsTagIn(xml: string, open: string, from: number, to: number): boolean {
  for (let i = xml.indexOf('<', from); i >= 0 && i < to; i = xml.indexOf('<', i + 1)) if (xml.startsWith(open, i)) return true;
  return false;
}

/**
 * The row's start tag with its spans hint (when it has one) set to `spans` and r set: every other
 * attribute as it was, a missing r appended; the text openTag(setAttr(setAttr(…, 'spans'), 'r'))
 * gives, in one pass.
 */
function rowTag(p: string, attrs: Attributes, spans: string, r: string): string {
  let out = `<${p}row`;
  let hasR = false;
  let hasSpans = false;
  for (const [name, v] of attrs) {
    if (name === 'spans' && !hasSpans) {
      hasSpans = true;
      out += ` spans="${spans}"`;
    } else if (name === 'r' && !hasR) {
      hasR = true;
      out += ` r="${r}"`;
    } else {
      out += ` ${name}="${escapeAttr(v)}"`;
    }
  }
  if (!hasR) out += ` r="${r}"`;
  return out + '>';
}

function rewriteCell(xml: string, p: string, cell: Found, row: number, edit: CellEdit, overwritten: string[]): string {
  const address = ref(row, edit.column);
  const current = Number(getAttr(cell.attrs, 's') ?? 0);
  const s = String(edit.style(current));
  if (!edit.value) {
    const tag = cellTag(p, cell.attrs, address, s, false, undefined, cell.selfClosing);
    return cell.selfClosing ? tag : `${tag}${xml.slice(cell.openEnd, cell.closeStart)}</${p}c>`;
  }
  // a cell with no "<f" in it has no formula: most cells are not cut out and searched
  const mayHaveFormula = !cell.selfClosing && startsTagIn(xml, `<${p}f`, cell.openEnd, cell.closeStart);
  const formula = mayHaveFormula ? findFirst(xml.slice(cell.openEnd, cell.closeStart), `${p}f`) : undefined;
  if (formula) {
    const kind = getAttr(formula.attrs, 't');
    if (kind === 'array' || kind === 'dataTable' || (kind === 'shared' && getAttr(formula.attrs, 'ref') !== undefined)) {
      throw cannotAnnotate(
        `${address} は配列数式・共有数式・データテーブルのセルなので書き込めません`,
        `${address} holds an array, shared or data-table formula and cannot be written`,
      );
    }
    overwritten.push(address);
  }
  const { t, body } = content(edit.value.value, p);
  // the value's type and its metadata belong to the old value
  return body ? `${cellTag(p, cell.attrs, address, s, true, t, false)}${body}</${p}c>` : cellTag(p, cell.attrs, address, s, true, t, true);
}

/**
 * The cell's start tag with r and s set (and, for a new value, t set or removed and cm and vm
 * removed): the attributes in their order, a missing r, s, t appended in that order; the same text
 * as openTag(setAttr(…)) in one pass.
 */
function cellTag(p: string, attrs: Attributes, r: string, s: string, value: boolean, t: string | undefined, selfClosing: boolean): string {
  let out = `<${p}c`;
  // only the first of a repeated name is set or removed, as setAttr does
  let hasR = false;
  let hasS = false;
  let hasT = false;
  let hasCm = false;
  let hasVm = false;
  for (const [name, v] of attrs) {
    if (name === 'r' && !hasR) {
      hasR = true;
      out += ` r="${escapeAttr(r)}"`;
    } else if (name === 's' && !hasS) {
      hasS = true;
      out += ` s="${escapeAttr(s)}"`;
    } else if (value && name === 't' && !hasT) {
      hasT = true;
      if (t !== undefined) out += ` t="${escapeAttr(t)}"`;
    } else if (value && name === 'cm' && !hasCm) {
      hasCm = true;
    } else if (value && name === 'vm' && !hasVm) {
      hasVm = true;
    } else {
      out += ` ${name}="${escapeAttr(v)}"`;
    }
  }
  if (!hasR) out += ` r="${escapeAttr(r)}"`;
  if (!hasS) out += ` s="${escapeAttr(s)}"`;
  if (value && !hasT && t !== undefined) out += ` t="${escapeAttr(t)}"`;
  return out + (selfClosing ? '/>' : '>');
}

/** Grow the sheet's dimension to cover the written cells. */
export function dimensionEdit(xml: string, p: string, cells: { row: number; column: number }[]): TextEdit | null {
  if (!cells.length) return null;
  const dim = findFirst(xml, `${p}dimension`);
  if (!dim) return null;
  const [from, to] = (getAttr(dim.attrs, 'ref') ?? '').split(':');
  const a = parseRef(from ?? '');
  const b = parseRef(to ?? from ?? '');
  // a lone "A1" on a sheet written empty is no real extent
  const known = a && b && !(a.row === 1 && a.column === 1 && b.row === 1 && b.column === 1 && !to);
  // one loop, not Math.min(...spread): a sheet may have hundreds of thousands of cells written
  let top = known ? a.row : Infinity;
  let left = known ? a.column : Infinity;
  let bottom = known ? b.row : -Infinity;
  let right = known ? b.column : -Infinity;
  for (const c of cells) {
    if (c.row < top) top = c.row;
    if (c.row > bottom) bottom = c.row;
    if (c.column < left) left = c.column;
    if (c.column > right) right = c.column;
  }
  const value = `${columnName(left)}${top}:${columnName(right)}${bottom}`;
  return { start: dim.start, end: dim.end, text: openTag(`${p}dimension`, setAttr(dim.attrs, 'ref', value), true) };
}

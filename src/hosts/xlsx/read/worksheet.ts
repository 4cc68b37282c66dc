import type { CellValue, Grid, MergedArea } from '../../../engine';
import { dateSerialFromStored, serialFromIsoDate } from '../dates';
import { decodeOoxmlEscapes, indexIn } from './entities';
import { type ReadLimits, tooComplex, tooLarge } from './limits';
import { readInlineString } from './sharedStrings';
import type { CellStyles } from './styles';
import { CLOSE, END, OPEN, TEXT, XmlReader } from './xml';

/** Excel's sheet size: XFD1048576. */
export const MAX_COLUMNS = 16_384;
export const MAX_ROWS = 1_048_576;
/**
 * Rows up to this many columns wide are made dense (holes become ""), as the ExcelJS reader gave
 * and tests comparing grids expect; wider rows (a stray value in column XFD) keep their holes, so
 * a row costs its present cells, not the sheet's width. Matches the engine's SPARSE_ROW.
 */
export const DENSE_ROW_LIMIT = 512;
/**
 * Absent rows (no value in them) are filled with [] when there are at most this many of them, so
 * that an ordinary sheet's grid is dense as before (code that maps over rows keeps working); a sheet
 * with a lone cell at row 1,048,576 keeps its holes instead of a million empty arrays.
 */
export const DENSE_GAP_LIMIT = 65_536;

export interface SheetContext {
  /** The sheet's name, for messages. */
  name: string;
  strings: string[];
  styles: CellStyles;
  date1904: boolean;
  limits: ReadLimits;
}

const CELL_ATTRIBUTES = ['r', 't', 's'] as const;

/** A non-negative integer written in src[start, end); -1 when it is not one (or absurdly long). */
function digits(src: string, start: number, end: number): number {
  if (end <= start || end - start > 9) return -1;
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = src.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/** A cell reference's column and row (0-based) in one pass over "AB12"; -1 where a part is absent. */
function parseRef(ref: string, start: number, end: number, out: Int32Array): void {
  let col = 0;
  let row = 0;
  let i = start;
  for (; i < end; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else if (c === 36 /* $ */) continue;
    else break;
    if (col > MAX_COLUMNS) break; // enough to refuse; stop before the number grows without bound
  }
  for (; i < end; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 48 && c <= 57) row = row * 10 + (c - 48);
    else if (c !== 36) break;
    if (row > MAX_ROWS) break;
  }
  out[0] = col - 1;
  out[1] = row - 1;
}

function outOfSheet(ctx: SheetContext, ref: string): Error {
  return tooLarge(
    `シート「${ctx.name}」のセル ${ref.slice(0, 20)} が Excel のシートの範囲（XFD1048576）を超えています`,
    `sheet "${ctx.name}" has cell ${ref.slice(0, 20)} beyond Excel's sheet size (XFD1048576)`,
  );
}

/** The rest of an element's text, up to its CLOSE (nested elements skipped). */
function elementTextAfter(reader: XmlReader): string {
  let text = '';
  for (let t = reader.next(); t !== END; t = reader.next()) {
    if (t === TEXT) text += reader.text();
    else if (t === OPEN) reader.skipElement();
    else if (t === CLOSE) break;
  }
  return text;
}

/**
 * One worksheet part → grid: present cells only, rows created only where a cell has a value. The
 * part may come in pieces that each end after a row (see xmlChunks): the reading goes on across them.
 */
export function readWorksheet(xml: string | Iterable<string>, ctx: SheetContext): Grid {
  const values: CellValue[][] = [];
  const numberFormats: (string | null)[][] = [];
  const merges: MergedArea[] = [];
  const rowsSeen: number[] = [];
  const { strings, styles, limits } = ctx;
  const ref = new Int32Array(2);
  const at = new Int32Array(6);
  const vRange = new Int32Array(2);
  let inSheetData = false;
  let row = -1;
  let col = -1;
  let cells = 0;
  /** Put a value at (row, col), with its number format when it is a number of a formatted style. */
  const placeCell = (value: CellValue, numberStyle: number): void => {
    let cellsOfRow = values[row];
    if (cellsOfRow === undefined) {
      values[row] = cellsOfRow = [];
      rowsSeen.push(row);
    }
    cellsOfRow[col] = value;
    // style 0 carries no format (General), as the ExcelJS reader had it
    if (numberStyle > 0 && typeof value === 'number') {
      const format = styles.formats[numberStyle];
      if (format !== undefined && format !== '') (numberFormats[row] ??= [])[col] = format;
    }
  };
  for (const piece of typeof xml === 'string' ? [xml] : xml) {
    const reader = new XmlReader(piece);
    const src = piece;
    for (let tok = reader.next(); tok !== END; tok = reader.next()) {
      if (tok === CLOSE) {
        if (reader.name === 'sheetData') inSheetData = false;
        continue;
      }
      if (tok !== OPEN) continue;
      const name = reader.name;
      if (name === 'c' && inSheetData) {
        if (++cells > limits.maxCellsPerSheet) {
          throw tooComplex(
            `シート「${ctx.name}」のセルが上限 ${limits.maxCellsPerSheet.toLocaleString('en-US')} 個を超えています`,
            `sheet "${ctx.name}" has more than ${limits.maxCellsPerSheet.toLocaleString('en-US')} cells`,
          );
        }
        reader.attrRanges(CELL_ATTRIBUTES, at);
        if (at[0] >= 0) {
          parseRef(src, at[0], at[1], ref);
          if (ref[0] >= MAX_COLUMNS || ref[1] >= MAX_ROWS) throw outOfSheet(ctx, src.slice(at[0], at[1]));
          col = ref[0] >= 0 ? ref[0] : col + 1;
          if (ref[1] >= 0) row = ref[1];
        } else {
          col++;
          if (col >= MAX_COLUMNS) throw outOfSheet(ctx, `row ${row + 1}`);
        }
        if (row < 0) row = 0;
        if (reader.selfClosing) continue; // a styled empty cell (or a merge's continuation)
        const type = at[2] < 0 ? 'n' : at[3] - at[2] === 1 ? src[at[2]] : src.slice(at[2], at[3]);
        const styleIndex = at[4] < 0 ? 0 : digits(src, at[4], at[5]);
        // the value's text: kept as a range into the document when it needs no decoding (numbers, indices)
        let v: string | undefined;
        let vPlain = false;
        let inline: string | undefined;
        let formula = false;
        // the common cell, <c …><v>text</v></c>, read straight from the source without tokens
        const p = reader.position;
        let fast = false;
        if (src.startsWith('<v>', p)) {
          const lt = src.indexOf('<', p + 3);
          if (lt >= 0 && src.startsWith('</v></c>', lt) && indexIn(src, 38, p + 3, lt) < 0 && indexIn(src, 13, p + 3, lt) < 0) {
            vRange[0] = p + 3;
            vRange[1] = lt;
            vPlain = fast = true;
            reader.seek(lt + 8);
          }
        }
        for (let t = fast ? END : reader.next(); t !== END; t = reader.next()) {
          if (t === CLOSE) {
            if (reader.name === 'c') break;
          } else if (t === OPEN) {
            if (reader.name === 'v') {
              if (reader.selfClosing) {
                v = '';
                continue;
              }
              t = reader.next();
              if (t === CLOSE) {
                v = '';
              } else if (t === TEXT) {
                const plain = reader.plainText(vRange);
                const first = plain ? '' : reader.text();
                const after = reader.next();
                if (after === CLOSE) {
                  vPlain = plain;
                  v = plain ? undefined : first;
                } else {
                  // rare: a comment or CDATA splitting <v>; read the rest the general way
                  let rest = after === TEXT ? reader.text() : '';
                  if (after === OPEN) reader.skipElement();
                  if (after !== END) rest += elementTextAfter(reader);
                  v = (plain ? src.slice(vRange[0], vRange[1]) : first) + rest;
                }
              } else {
                if (t === OPEN) reader.skipElement();
                v = t === END ? '' : elementTextAfter(reader);
              }
            } else if (reader.name === 'is') inline = reader.selfClosing ? '' : readInlineString(reader);
            else {
              if (reader.name === 'f') formula = true;
              reader.skipElement();
            }
          }
        }
        if (vPlain) {
          if (type === 's') {
            // a shared string index: no string made for it
            let index = digits(src, vRange[0], vRange[1]);
            if (index < 0) index = parseInt(src.slice(vRange[0], vRange[1]).trim(), 10); // " 3 ", as ExcelJS read it
            v = undefined;
            const shared = index >= 0 ? strings[index] : undefined; // NaN ≥ 0 is false
            if (shared === undefined || shared === '') continue;
            placeCell(shared, -1);
            continue;
          }
          v = src.slice(vRange[0], vRange[1]);
        }
        let value: CellValue | undefined;
        let numberStyle = -1;
        switch (type) {
          case 's':
            if (v !== undefined) value = strings[parseInt(v, 10)];
            break;
          case 'str':
            value = v === undefined ? '' : v.indexOf('_x') >= 0 ? decodeOoxmlEscapes(v) : v;
            break;
          case 'inlineStr':
            value = inline ?? v;
            break;
          case 'b':
            // Excel writes 0 and 1; other writers have been seen writing the words
            if (v !== undefined && v !== '') value = v !== '0' && v !== 'false';
            break;
          case 'e':
            value = v;
            break;
          case 'd':
            if (v !== undefined && v !== '') {
              value = serialFromIsoDate(v) ?? v;
              numberStyle = styleIndex;
            }
            break;
          default:
            if (v !== undefined && v !== '') {
              const n = parseFloat(v);
              // not a number after all: the text is more use to a reader than NaN
              value = Number.isNaN(n) ? v : n;
              if (typeof value === 'number') {
                numberStyle = styleIndex;
                if (styleIndex > 0 && styles.isDate[styleIndex]) value = dateSerialFromStored(value, ctx.date1904);
              }
            }
        }
        // a formula without a cached value reads as empty, like any other empty cell
        if (value === undefined || value === '' || (formula && v === undefined && inline === undefined)) continue;
        placeCell(value, numberStyle);
      } else if (name === 'row' && inSheetData) {
        const r = reader.attr('r');
        const n = r === undefined ? NaN : parseInt(r, 10);
        row = Number.isNaN(n) ? row + 1 : n - 1;
        if (row >= MAX_ROWS || row < 0) throw outOfSheet(ctx, `row ${r ?? row + 1}`);
        col = -1;
      } else if (name === 'sheetData') {
        inSheetData = !reader.selfClosing;
      } else if (name === 'mergeCell') {
        const box = mergeBox(reader.attr('ref'), ref);
        if (box === 'outside') throw outOfSheet(ctx, reader.attr('ref') ?? '');
        if (box) merges.push(box);
      } else if (name === 'dimension') {
        const dim = reader.attr('ref') ?? '';
        if (mergeBox(dim, ref) === 'outside') throw outOfSheet(ctx, dim);
      }
    }
  }
  // rows of ordinary width, and the gaps between rows of an ordinary sheet, are made dense; see above
  if (values.length - rowsSeen.length <= DENSE_GAP_LIMIT) {
    for (let r = 0; r < values.length; r++) if (values[r] === undefined) values[r] = [];
  }
  for (const r of rowsSeen) {
    const cellsOfRow = values[r];
    if (cellsOfRow.length > DENSE_ROW_LIMIT) continue;
    for (let c = 0; c < cellsOfRow.length; c++) if (cellsOfRow[c] === undefined) cellsOfRow[c] = '';
  }
  return { values, numberFormats, merges };
}

/** "B2:D3" → a 0-based box; null for one cell or an unreadable ref; "outside" beyond XFD1048576. */
function mergeBox(text: string | undefined, ref: Int32Array): MergedArea | null | 'outside' {
  if (!text) return null;
  const colon = text.indexOf(':');
  parseRef(text, 0, colon < 0 ? text.length : colon, ref);
  const top = ref[1];
  const left = ref[0];
  if (left >= MAX_COLUMNS || top >= MAX_ROWS) return 'outside';
  if (colon < 0) return null;
  parseRef(text, colon + 1, text.length, ref);
  const bottom = ref[1];
  const right = ref[0];
  if (right >= MAX_COLUMNS || bottom >= MAX_ROWS) return 'outside';
  if (top < 0 || left < 0 || bottom < top || right < left || (bottom === top && right === left)) return null;
  return { top, left, bottom, right };
}

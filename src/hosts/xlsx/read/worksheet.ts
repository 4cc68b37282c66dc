import type { CellValue, Grid, MergedArea } from '../../../engine';
import { dateSerialFromStored, serialFromIsoDate } from '../dates';
import { decodeOoxmlEscapes } from './entities';
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

export interface SheetContext {
  /** The sheet's name, for messages. */
  name: string;
  strings: string[];
  styles: CellStyles;
  date1904: boolean;
  limits: ReadLimits;
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

/** The text content of the element just opened, up to its CLOSE (nested elements skipped). */
function elementText(reader: XmlReader): string {
  if (reader.selfClosing) return '';
  let text = '';
  for (let t = reader.next(); t !== END; t = reader.next()) {
    if (t === TEXT) text += reader.text();
    else if (t === OPEN) reader.skipElement();
    else if (t === CLOSE) break;
  }
  return text;
}

/** One worksheet part → grid: present cells only, rows created only where a cell has a value. */
export function readWorksheet(xml: string, ctx: SheetContext): Grid {
  const values: CellValue[][] = [];
  const numberFormats: (string | null)[][] = [];
  const merges: MergedArea[] = [];
  const rowsSeen: number[] = [];
  const { strings, styles, limits } = ctx;
  const ref = new Int32Array(2);
  const reader = new XmlReader(xml);
  let inSheetData = false;
  let row = -1;
  let col = -1;
  let cells = 0;
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
      const r = reader.attr('r');
      if (r !== undefined) {
        parseRef(r, 0, r.length, ref);
        if (ref[0] >= MAX_COLUMNS || ref[1] >= MAX_ROWS) throw outOfSheet(ctx, r);
        col = ref[0] >= 0 ? ref[0] : col + 1;
        if (ref[1] >= 0) row = ref[1];
      } else {
        col++;
        if (col >= MAX_COLUMNS) throw outOfSheet(ctx, `row ${row + 1}`);
      }
      if (row < 0) row = 0;
      if (reader.selfClosing) continue; // a styled empty cell (or a merge's continuation)
      const type = reader.attr('t');
      const s = reader.attr('s');
      let v: string | undefined;
      let inline: string | undefined;
      let formula = false;
      for (let t = reader.next(); t !== END; t = reader.next()) {
        if (t === CLOSE) {
          if (reader.name === 'c') break;
        } else if (t === OPEN) {
          if (reader.name === 'v') v = elementText(reader);
          else if (reader.name === 'is') inline = reader.selfClosing ? '' : readInlineString(reader);
          else {
            if (reader.name === 'f') formula = true;
            reader.skipElement();
          }
        }
      }
      let value: CellValue | undefined;
      let styleIndex = -1;
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
          if (v !== undefined && v !== '') value = parseInt(v, 10) !== 0;
          break;
        case 'e':
          value = v;
          break;
        case 'd':
          if (v !== undefined && v !== '') {
            value = serialFromIsoDate(v) ?? v;
            styleIndex = s === undefined ? -1 : parseInt(s, 10);
          }
          break;
        default:
          if (v !== undefined && v !== '') {
            const n = parseFloat(v);
            // not a number after all: the text is more use to a reader than NaN
            value = Number.isNaN(n) ? v : n;
            if (typeof value === 'number' && s !== undefined) {
              styleIndex = parseInt(s, 10);
              if (styleIndex > 0 && styles.isDate[styleIndex]) value = dateSerialFromStored(value, ctx.date1904);
            }
          }
      }
      // a formula without a cached value reads as empty, like any other empty cell
      if (value === undefined || value === '' || (formula && v === undefined && inline === undefined)) continue;
      let cellsOfRow = values[row];
      if (cellsOfRow === undefined) {
        values[row] = cellsOfRow = [];
        rowsSeen.push(row);
      }
      cellsOfRow[col] = value;
      // style 0 carries no format (General), as the ExcelJS reader had it
      if (styleIndex > 0 && typeof value === 'number') {
        const format = styles.formats[styleIndex];
        if (format !== undefined && format !== '') (numberFormats[row] ??= [])[col] = format;
      }
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
  // rows of ordinary width are made dense; see DENSE_ROW_LIMIT
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

import type { CellValue } from '../types';
import { nfkc } from './text';

/** Excel error values: issues, never numbers (design.md §4). */
const EXCEL_ERRORS = new Set([
  '#DIV/0!',
  '#REF!',
  '#VALUE!',
  '#N/A',
  '#NAME?',
  '#NUM!',
  '#NULL!',
  '#SPILL!',
  '#CALC!',
  '#GETTING_DATA',
]);

/** Written "nothing to report": the entry is present, and not a number. */
const NONE_MARKERS = new Set(['－', '-', '―', 'ー', '‐', '—', '–', 'なし', '該当なし', '/', '／', '無し', '―――']);

export function isBlank(value: CellValue | undefined): boolean {
  if (value === null || value === undefined) return true;
  // String.prototype.trim also removes the ideographic space U+3000
  if (typeof value === 'string') {
    if (value.length === 0) return true;
    // a first character that is no white space decides at once (most cells), without trimming a copy
    const first = value.charCodeAt(0);
    if ((first > 32 && first < 0xa0) || (first > 0x3000 && first !== 0xfeff)) return false;
    return value.trim() === '';
  }
  return false;
}

export function isExcelError(value: CellValue | undefined): value is string {
  if (typeof value !== 'string' || value.length === 0) return false;
  // every error value starts with "#": most cells are ruled out without trimming a copy
  const first = value.charCodeAt(0);
  if (first !== 35 /* # */ && first > 32 && first !== 0x3000) return false;
  return EXCEL_ERRORS.has(value.trim());
}

export function isNoneMarker(value: CellValue | undefined): boolean {
  if (typeof value !== 'string') return false;
  const text = value.trim();
  // the markers are one to four characters: longer texts are ruled out at once
  if (text.length > 4) return false;
  return NONE_MARKERS.has(text) || NONE_MARKERS.has(nfkc(text));
}

/** Blank, or a written "nothing to report". */
export function isEmptyOrNone(value: CellValue | undefined): boolean {
  return isBlank(value) || isNoneMarker(value);
}

/** The cell as display text (numbers as JavaScript prints them). */
export function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  return String(value);
}

/** A1 references. Column letters are the engine's (1 → A, 27 → AA). */
import { columnLetter as columnName } from '../../../engine/table/sheetView';

export { columnName };

export function ref(row: number, column: number): string {
  return `${columnName(column)}${row}`;
}

/** "AB12" → { row: 12, column: 28 }; undefined when it is no cell reference. */
export function parseRef(text: string): { row: number; column: number } | undefined {
  // one pass over the characters: this runs for every cell of a sheet that is copied
  const length = text.length;
  let i = text.charCodeAt(0) === 36 /* $ */ ? 1 : 0;
  let column = 0;
  const lettersStart = i;
  for (; i < length; i++) {
    const c = text.charCodeAt(i) | 32; // lower case
    if (c < 97 || c > 122) break;
    column = column * 26 + c - 96;
  }
  const letters = i - lettersStart;
  if (letters < 1 || letters > 3) return undefined;
  if (text.charCodeAt(i) === 36) i++;
  if (i >= length) return undefined;
  let row = 0;
  for (; i < length; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return undefined;
    row = row * 10 + d;
  }
  return { row, column };
}

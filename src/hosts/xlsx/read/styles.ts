import { CLOSE, END, OPEN, XmlReader } from './xml';

/**
 * `xl/styles.xml` → for each cell style (`cellXfs` index, a cell's `s`), its number format code
 * and whether that format shows a date. Only numeric cells consult this.
 */
export interface CellStyles {
  /** Format code per style index; undefined for General or an unknown built-in. */
  formats: (string | undefined)[];
  /** Whether the style's format is a date or time format. */
  isDate: boolean[];
}

/** Built-in format ids with a culture-neutral code (ECMA-376 §18.8.30), as ExcelJS names them. */
const BUILT_IN: Record<number, string> = {
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy "h":mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};

export const NO_STYLES: CellStyles = { formats: [], isDate: [] };

export function readStyles(xml: string): CellStyles {
  const custom = new Map<number, string>();
  const numFmtIds: number[] = [];
  const reader = new XmlReader(xml);
  let inCellXfs = false;
  for (let t = reader.next(); t !== END; t = reader.next()) {
    if (t === OPEN) {
      const name = reader.name;
      if (name === 'numFmt') {
        const id = Number(reader.attr('numFmtId'));
        // a backslash escapes the next character; ExcelJS drops it, and so do we so that codes compare alike
        const code = unescapeFormat(reader.attr('formatCode') ?? '');
        if (Number.isInteger(id)) custom.set(id, code);
      } else if (name === 'cellXfs') {
        inCellXfs = !reader.selfClosing;
      } else if (name === 'xf' && inCellXfs) {
        numFmtIds.push(parseInt(reader.attr('numFmtId') ?? '0', 10) || 0);
        if (!reader.selfClosing) reader.skipElement();
      }
    } else if (t === CLOSE && reader.name === 'cellXfs') {
      inCellXfs = false;
    }
  }
  const formats = numFmtIds.map((id) => (id === 0 ? undefined : custom.get(id) || BUILT_IN[id]));
  return { formats, isDate: formats.map((f) => (f === undefined ? false : isDateFormat(f))) };
}

function unescapeFormat(code: string): string {
  if (code.indexOf('\\') < 0) return code;
  let out = '';
  for (let i = 0; i < code.length; i++) {
    if (code[i] === '\\' && i + 1 < code.length) i++;
    out += code[i];
  }
  return out;
}

/**
 * Whether a format code shows a date or time: a y, m, d, h, s (or b, Buddhist year) outside quoted
 * literals and [brackets] ([Red], [$-411], [h] elapsed hours aside). The same rule ExcelJS uses to
 * turn such cells into dates, so that both readers agree on which serials are rounded to a second.
 */
export function isDateFormat(code: string): boolean {
  let inQuote = false;
  let inBracket = false;
  for (let i = 0; i < code.length; i++) {
    const ch = code[i];
    if (inQuote) {
      if (ch === '"') inQuote = false;
    } else if (inBracket) {
      if (ch === ']') inBracket = false;
    } else if (ch === '"') inQuote = true;
    else if (ch === '[') inBracket = true;
    else if ('ymdhMsb'.includes(ch)) return true;
  }
  return false;
}

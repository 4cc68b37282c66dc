/**
 * Column widths for the appended columns. A <col> range that covers such a column is split so
 * the other columns of the range keep their width and format.
 */
import { type Attributes, type Found, type TextEdit, findAll, findAround, findFirst, getAttr, openTag, setAttr } from './xml';

interface ColRange {
  min: number;
  max: number;
  attrs: Attributes;
}

function withRange(attrs: Attributes, min: number, max: number): Attributes {
  return setAttr(setAttr(attrs, 'min', String(min)), 'max', String(max));
}

export function colsEdit(
  xml: string,
  p: string,
  widths: { column: number; width: number }[],
  /** The sheet's sheetData when the caller found it already (cols is looked for around it). */
  sheetData: Found | undefined = findFirst(xml, `${p}sheetData`),
): TextEdit | null {
  if (!widths.length) return null;
  const cols = sheetData ? findAround(xml, `${p}cols`, sheetData) : findFirst(xml, `${p}cols`);
  let ranges: ColRange[] = cols && !cols.selfClosing
    ? findAll(xml, `${p}col`, cols.openEnd, cols.closeStart).map((f) => ({
        min: Number(getAttr(f.attrs, 'min')),
        max: Number(getAttr(f.attrs, 'max')),
        attrs: f.attrs,
      }))
    : [];
  for (const { column, width } of widths) {
    const next: ColRange[] = [];
    let placed = false;
    for (const r of ranges) {
      if (column < r.min || column > r.max) {
        next.push(r);
        continue;
      }
      if (r.min < column) next.push({ min: r.min, max: column - 1, attrs: withRange(r.attrs, r.min, column - 1) });
      const own = setAttr(setAttr(r.attrs, 'width', String(width)), 'customWidth', '1');
      next.push({ min: column, max: column, attrs: withRange(own, column, column) });
      if (column < r.max) next.push({ min: column + 1, max: r.max, attrs: withRange(r.attrs, column + 1, r.max) });
      placed = true;
    }
    if (!placed) next.push({ min: column, max: column, attrs: [['min', String(column)], ['max', String(column)], ['width', String(width)], ['customWidth', '1']] });
    ranges = next.sort((a, b) => a.min - b.min);
  }
  const text = `<${p}cols>${ranges.map((r) => openTag(`${p}col`, r.attrs, true)).join('')}</${p}cols>`;
  if (cols) return { start: cols.start, end: cols.end, text };
  // cols comes right before sheetData
  if (!sheetData) return null;
  return { start: sheetData.start, end: sheetData.start, text };
}

/**
 * xl/calcChain.xml lists formula cells; Excel repairs a workbook whose chain names a cell that has
 * no formula, so the cells whose formula the plan overwrote leave the chain. An entry's sheet (i)
 * carries over to the entries after it, so a kept entry states its sheet when the one before left.
 */
import { findAll, getAttr, openTag, rootPrefix, setAttr, splice } from './xml';

export function removeFromCalcChain(xml: string, sheetId: string, refs: Set<string>): string {
  if (!refs.size) return xml;
  const p = rootPrefix(xml);
  const edits: { start: number; end: number; text: string }[] = [];
  let sheet = '';
  let lastKept = '';
  let dropped = false;
  for (const c of findAll(xml, `${p}c`)) {
    sheet = getAttr(c.attrs, 'i') ?? sheet;
    if (sheet === sheetId && refs.has(getAttr(c.attrs, 'r') ?? '')) {
      edits.push({ start: c.start, end: c.end, text: '' });
      dropped = true;
      continue;
    }
    if (dropped && getAttr(c.attrs, 'i') === undefined && sheet !== lastKept) {
      edits.push({ start: c.start, end: c.end, text: openTag(`${p}c`, setAttr(c.attrs, 'i', sheet), true) });
    }
    lastKept = sheet;
    dropped = false;
  }
  return splice(xml, edits);
}

/** The worksheet's <legacyDrawing r:id>, the link to the VML that shows its notes. */
import { type Found, type TextEdit, findAround, findFirst, findStartTag, foundAt } from './xml';

const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

// the elements that follow legacyDrawing in a worksheet, in schema order
const AFTER = ['legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst'];

/** The relationship id of the sheet's legacy drawing, if it has one. */
export function legacyDrawingId(xml: string, p: string, sheetData?: Found): string | undefined {
  const found = sheetData ? findAround(xml, `${p}legacyDrawing`, sheetData) : findFirst(xml, `${p}legacyDrawing`);
  if (!found) return undefined;
  return found.attrs.find(([name]) => name.endsWith(':id'))?.[1];
}

/** The edits that add <legacyDrawing r:id> (and the relationships namespace when missing). */
export function legacyDrawingEdits(xml: string, p: string, id: string, knownSheetData?: Found): TextEdit[] {
  const root = knownSheetData ? worksheetAround(xml, p, knownSheetData) : findFirst(xml, `${p}worksheet`);
  if (!root || root.selfClosing) throw new Error('worksheet without its root');
  const bound = root.attrs.find(([name, value]) => name.startsWith('xmlns:') && value === REL_NS);
  let relPrefix = bound?.[0].slice('xmlns:'.length);
  const edits: TextEdit[] = [];
  if (!relPrefix) {
    relPrefix = root.attrs.some(([name]) => name === 'xmlns:r') ? 'psc_r' : 'r';
    const at = root.openEnd - 1;
    edits.push({ start: at, end: at, text: ` xmlns:${relPrefix}="${REL_NS}"` });
  }
  let at = root.closeStart;
  // these are worksheet children that come after sheetData: look for them after it, not through
  // every cell of the sheet (eight scans of a 20,000-row sheet cost more than the notes)
  const sheetData = knownSheetData ?? findFirst(xml, `${p}sheetData`, root.openEnd);
  const from = sheetData ? sheetData.end : root.openEnd;
  for (const name of AFTER) {
    // extLst of the worksheet itself is its last child; inner extLsts sit before it
    const found = name === 'extLst' ? lastChild(xml, `${p}extLst`, from, root.closeStart) : findFirst(xml, `${p}${name}`, from)?.start;
    if (found !== undefined) {
      at = Math.min(at, found);
    }
  }
  // controls and oleObjects sit inside mc:AlternateContent: go before the wrapper
  const tail = xml.slice(from, at);
  const wrapper = tail.lastIndexOf('<mc:AlternateContent');
  if (wrapper >= 0 && wrapper > tail.lastIndexOf('</mc:AlternateContent>')) at = from + wrapper;
  edits.push({ start: at, end: at, text: `<${p}legacyDrawing ${relPrefix}:id="${id}"/>` });
  return edits;
}

/**
 * The worksheet root as findFirst finds it, its end tag looked for after the sheetData (not
 * through its rows).
 */
function worksheetAround(xml: string, p: string, sheetData: Found): Found | undefined {
  const head = findStartTag(xml, `${p}worksheet`, 0, sheetData.start);
  if (!head) return undefined;
  if (xml.charCodeAt(head.gt - 1) === 47) return foundAt(xml, head.start, head.gt + 1, head.gt + 1, head.gt + 1, true);
  const close = `</${p}worksheet>`;
  const closeStart = xml.indexOf(close, sheetData.end);
  if (closeStart < 0) return undefined;
  return foundAt(xml, head.start, head.gt + 1, closeStart, closeStart + close.length, false);
}

/** Start of the worksheet-level extLst: the one ending right before the worksheet's end tag. */
function lastChild(xml: string, qname: string, from: number, end: number): number | undefined {
  // in xml[from, end): the part of the worksheet after its sheetData
  const tail = xml.slice(from, end);
  const close = `</${qname}>`;
  const closeAt = tail.lastIndexOf(close);
  if (closeAt < 0 || tail.slice(closeAt + close.length).trim()) return undefined;
  const start = tail.lastIndexOf(`<${qname}>`, closeAt);
  return start < 0 ? undefined : from + start;
}

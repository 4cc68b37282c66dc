/** The worksheet's <legacyDrawing r:id>, the link to the VML that shows its notes. */
import { type TextEdit, findFirst } from './xml';

const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

// the elements that follow legacyDrawing in a worksheet, in schema order
const AFTER = ['legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst'];

/** The relationship id of the sheet's legacy drawing, if it has one. */
export function legacyDrawingId(xml: string, p: string): string | undefined {
  const found = findFirst(xml, `${p}legacyDrawing`);
  if (!found) return undefined;
  return found.attrs.find(([name]) => name.endsWith(':id'))?.[1];
}

/** The edits that add <legacyDrawing r:id> (and the relationships namespace when missing). */
export function legacyDrawingEdits(xml: string, p: string, id: string): TextEdit[] {
  const root = findFirst(xml, `${p}worksheet`);
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
  for (const name of AFTER) {
    // extLst of the worksheet itself is its last child; inner extLsts sit before it
    const found = name === 'extLst' ? lastChild(xml, `${p}extLst`, root.closeStart) : findFirst(xml, `${p}${name}`, root.openEnd)?.start;
    if (found !== undefined) {
      at = Math.min(at, found);
    }
  }
  // controls and oleObjects sit inside mc:AlternateContent: go before the wrapper
  const wrapper = xml.lastIndexOf('<mc:AlternateContent', at);
  if (wrapper > xml.lastIndexOf('</mc:AlternateContent>', at)) at = wrapper;
  edits.push({ start: at, end: at, text: `<${p}legacyDrawing ${relPrefix}:id="${id}"/>` });
  return edits;
}

/** Start of the worksheet-level extLst: the one ending right before the worksheet's end tag. */
function lastChild(xml: string, qname: string, end: number): number | undefined {
  const close = `</${qname}>`;
  const closeAt = xml.lastIndexOf(close, end);
  if (closeAt < 0 || xml.slice(closeAt + close.length, end).trim()) return undefined;
  const start = xml.lastIndexOf(`<${qname}>`, closeAt);
  return start < 0 ? undefined : start;
}

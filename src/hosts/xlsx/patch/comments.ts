/**
 * The sheet's comments part (legacy notes). Our notes are written under our own author, so a
 * later check replaces them instead of adding more; a person's note is never touched, and a
 * flagged cell that has one gets no note of ours (its reasons are in the チェック結果 column).
 */
import { parseRef, ref as a1 } from './a1';
import { escapeAttr, escapeText, findAll, findFirst, getAttr, rootPrefix, splice, unescape } from './xml';

export const AUTHOR = '進行管理票チェッカー';

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

export interface CommentsResult {
  xml: string;
  /** Cells that got a note of ours for the first time (they need a VML shape). */
  added: string[];
  /** Cells whose earlier note of ours is gone (their VML shape must go). */
  removed: string[];
}

/** "$b$2" → "B2", so refs compare however they were written. */
export function normalRef(text: string): string {
  const cell = parseRef(text);
  return cell ? a1(cell.row, cell.column) : text;
}

function commentElement(p: string, ref: string, authorId: number, note: string): string {
  const rPr = `<${p}rPr><${p}sz val="9"/><${p}rFont val="Meiryo UI"/><${p}family val="3"/><${p}charset val="128"/></${p}rPr>`;
  const run = `<${p}r>${rPr}<${p}t xml:space="preserve">${escapeText(note)}</${p}t></${p}r>`;
  // what openTag gives for these three attributes (a number and "0" need no escaping)
  return `<${p}comment ref="${escapeAttr(ref)}" authorId="${authorId}" shapeId="0"><${p}text>${run}</${p}text></${p}comment>`;
}

/** Write `notes` (cell → text) into the comments part (undefined: none yet). */
export function patchComments(xml: string | undefined, notes: Map<string, string>): CommentsResult {
  const text = xml ?? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${MAIN_NS}"><authors></authors><commentList></commentList></comments>`;
  const p = rootPrefix(text);
  const authorsEl = findFirst(text, `${p}authors`);
  const listEl = findFirst(text, `${p}commentList`);
  const root = findFirst(text, `${p}comments`);
  if (!root || root.selfClosing) throw new Error('comments part without its root');
  const authors = authorsEl && !authorsEl.selfClosing
    ? findAll(text, `${p}author`, authorsEl.openEnd, authorsEl.closeStart).map((f) => unescape(text.slice(f.openEnd, f.closeStart)))
    : [];
  const edits: { start: number; end: number; text: string }[] = [];
  let ourId = authors.indexOf(AUTHOR);
  if (ourId < 0) {
    ourId = authors.length;
    const author = `<${p}author>${escapeText(AUTHOR)}</${p}author>`;
    if (!authorsEl) edits.push({ start: root.openEnd, end: root.openEnd, text: `<${p}authors>${author}</${p}authors>` });
    else if (authorsEl.selfClosing) edits.push({ start: authorsEl.start, end: authorsEl.end, text: `<${p}authors>${author}</${p}authors>` });
    else edits.push({ start: authorsEl.closeStart, end: authorsEl.closeStart, text: author });
  }
  const existing = listEl && !listEl.selfClosing ? findAll(text, `${p}comment`, listEl.openEnd, listEl.closeStart) : [];
  const taken = new Set<string>();
  const removed: string[] = [];
  for (const c of existing) {
    const ref = normalRef(getAttr(c.attrs, 'ref') ?? '');
    taken.add(ref);
    if (Number(getAttr(c.attrs, 'authorId')) !== ourId || authors[ourId] !== AUTHOR) continue;
    const note = notes.get(ref);
    if (note === undefined) removed.push(ref);
    edits.push({ start: c.start, end: c.end, text: note === undefined ? '' : commentElement(p, ref, ourId, note) });
  }
  const added = [...notes.keys()].filter((ref) => !taken.has(ref));
  const fresh = added.map((ref) => commentElement(p, ref, ourId, notes.get(ref) ?? '')).join('');
  if (fresh) {
    if (!listEl) edits.push({ start: root.closeStart, end: root.closeStart, text: `<${p}commentList>${fresh}</${p}commentList>` });
    else if (listEl.selfClosing) edits.push({ start: listEl.start, end: listEl.end, text: `<${p}commentList>${fresh}</${p}commentList>` });
    else edits.push({ start: listEl.closeStart, end: listEl.closeStart, text: fresh });
  }
  return { xml: splice(text, edits), added, removed };
}

/** Relationship parts (.rels): read them, add one relationship with a fresh id. */
import { findAll, getAttr, openTag, rootPrefix, splice } from './xml';

export const REL = {
  officeDocument: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument',
  worksheet: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet',
  styles: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles',
  comments: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments',
  vmlDrawing: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing',
  calcChain: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain',
};

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

const EMPTY = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';

export function readRelationships(xml: string | undefined): Relationship[] {
  if (!xml) return [];
  const prefix = rootPrefix(xml);
  return findAll(xml, `${prefix}Relationship`).map((f) => ({
    id: getAttr(f.attrs, 'Id') ?? '',
    type: getAttr(f.attrs, 'Type') ?? '',
    target: getAttr(f.attrs, 'Target') ?? '',
    external: getAttr(f.attrs, 'TargetMode') === 'External',
  }));
}

/** Add a relationship; returns the part's new text and the id given. */
export function addRelationship(xml: string | undefined, type: string, target: string): { xml: string; id: string } {
  const text = xml ?? EMPTY;
  const taken = new Set(readRelationships(text).map((r) => r.id));
  let n = taken.size + 1;
  while (taken.has(`rId${n}`)) n++;
  const id = `rId${n}`;
  const prefix = rootPrefix(text);
  const element = openTag(`${prefix}Relationship`, [['Id', id], ['Type', type], ['Target', target]], true);
  const root = findAll(text, `${prefix}Relationships`)[0];
  if (!root) throw new Error('relationships part without its root');
  const edit = root.selfClosing
    ? { start: root.start, end: root.end, text: `${openTag(`${prefix}Relationships`, root.attrs)}${element}</${prefix}Relationships>` }
    : { start: root.closeStart, end: root.closeStart, text: element };
  return { xml: splice(text, [edit]), id };
}

/**
 * A sheet's notes end to end: comments part, VML drawing, the sheet's relationships, the
 * <legacyDrawing> link and the content types. Existing parts are extended, never replaced.
 */
import { patchComments } from './comments';
import { cannotAnnotate } from './errors';
import { COMMENTS_TYPE, CONTENT_TYPES_PART, VML_TYPE, ensureDefault, ensureOverride } from './contentTypes';
import { legacyDrawingEdits, legacyDrawingId } from './legacyDrawing';
import { type Package, dirName, relativeTarget, relsPath, resolvePath } from './package';
import { REL, addRelationship, readRelationships } from './rels';
import { patchVml } from './vml';
import type { Found, TextEdit } from './xml';

function freeName(pkg: Package, make: (n: number) => string): string {
  let n = 1;
  while (pkg.has(make(n))) n++;
  return make(n);
}

/**
 * Returns the edits of the sheet's text (a <legacyDrawing> may be added); `p` is the sheet's
 * namespace prefix.
 */
export function patchNotes(
  pkg: Package,
  sheetPath: string,
  sheetXml: string,
  p: string,
  notes: Map<string, string>,
  blocks: (count: number) => number[],
  /** The sheet's sheetData when the caller found it already. */
  sheetData?: Found,
): TextEdit[] {
  const relsName = relsPath(sheetPath);
  const dir = dirName(sheetPath);
  let rels = pkg.text(relsName);
  const relationships = readRelationships(rels);
  const commentsRel = relationships.find((r) => r.type === REL.comments && !r.external);
  if (!commentsRel && !notes.size) return [];
  let edits: TextEdit[] = [];
  let contentTypes = pkg.text(CONTENT_TYPES_PART) ?? '';

  let commentsPath: string;
  if (commentsRel) commentsPath = resolvePath(dir, commentsRel.target);
  else {
    commentsPath = freeName(pkg, (n) => `xl/comments${n}.xml`);
    const added = addRelationship(rels, REL.comments, relativeTarget(dir, commentsPath));
    rels = added.xml;
    contentTypes = ensureOverride(contentTypes, commentsPath, COMMENTS_TYPE);
  }
  const comments = patchComments(pkg.text(commentsPath), notes);
  if (comments.xml !== pkg.text(commentsPath)) pkg.set(commentsPath, comments.xml);

  const drawingId = legacyDrawingId(sheetXml, p, sheetData);
  const drawingRel = drawingId ? relationships.find((r) => r.id === drawingId && !r.external) : undefined;
  if (drawingId && !drawingRel) {
    throw cannotAnnotate('シートのメモ図形 (legacyDrawing) の参照先がありません', 'the sheet links a legacy drawing that is missing');
  }
  let vmlPath: string;
  if (drawingRel) vmlPath = resolvePath(dir, drawingRel.target);
  else {
    vmlPath = freeName(pkg, (n) => `xl/drawings/vmlDrawing${n}.vml`);
    const added = addRelationship(rels, REL.vmlDrawing, relativeTarget(dir, vmlPath));
    rels = added.xml;
    edits = legacyDrawingEdits(sheetXml, p, added.id, sheetData);
    contentTypes = ensureDefault(contentTypes, 'vml', VML_TYPE, vmlPath);
  }
  // split('\n').length without the pieces
  const lines = (ref: string): number => {
    const note = notes.get(ref) ?? '';
    let count = 1;
    for (let at = note.indexOf('\n'); at >= 0; at = note.indexOf('\n', at + 1)) count++;
    return count;
  };
  const vml = pkg.text(vmlPath);
  const nextVml = patchVml(vml, comments.added, comments.removed, lines, blocks);
  if (nextVml !== vml) pkg.set(vmlPath, nextVml);
  if (rels !== pkg.text(relsName) && rels !== undefined) pkg.set(relsName, rels);
  if (contentTypes !== pkg.text(CONTENT_TYPES_PART)) pkg.set(CONTENT_TYPES_PART, contentTypes);
  return edits;
}

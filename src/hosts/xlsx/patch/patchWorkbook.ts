/**
 * The annotated copy: the original package with only the changed parts rewritten. Worksheets
 * the plans name get their values, formats and widths; styles.xml gets the derived formats;
 * flagged cells get notes. Every other part keeps its stored bytes (charts, images, pivot
 * tables, macros…).
 */
import type { WritePlan } from '../../../engine';
import { removeFromCalcChain } from './calcChain';
import { cannotAnnotate } from './errors';
import { Package, dirName, relsPath, resolvePath } from './package';
import { editedPackageBytes, type PackageEdits } from './packageBytes';
import { planEdits, planNotes, planWidths } from './planEdits';
import { REL, readRelationships } from './rels';
import { cellEdits, dimensionEdit } from './sheetCells';
import { colsEdit } from './sheetCols';
import { patchNotes } from './sheetNotes';
import { StyleBook } from './styles';
import { usedBlocks } from './vml';
import { type Found, type TextEdit, findAll, findAllAround, findFirst, getAttr, rootPrefix, spliceBytes } from './xml';

interface SheetPart {
  path: string;
  sheetId: string;
}

function workbookPath(pkg: Package): string {
  const root = readRelationships(pkg.text('_rels/.rels')).find((r) => r.type === REL.officeDocument);
  const path = root ? resolvePath('', root.target) : 'xl/workbook.xml';
  if (!pkg.has(path)) throw cannotAnnotate('ブック本体 (workbook.xml) がありません', 'the package has no workbook part');
  return pkg.spelling(path);
}

function sheetParts(pkg: Package, wbPath: string): Map<string, SheetPart> {
  const xml = pkg.text(wbPath) ?? '';
  const rels = readRelationships(pkg.text(relsPath(wbPath)));
  const p = rootPrefix(xml);
  const parts = new Map<string, SheetPart>();
  for (const sheet of findAll(xml, `${p}sheet`)) {
    const id = sheet.attrs.find(([name]) => name.endsWith(':id'))?.[1];
    const rel = rels.find((r) => r.id === id && r.type === REL.worksheet);
    if (!rel) continue;
    parts.set(getAttr(sheet.attrs, 'name') ?? '', { path: pkg.spelling(resolvePath(dirName(wbPath), rel.target)), sheetId: getAttr(sheet.attrs, 'sheetId') ?? '' });
  }
  return parts;
}

/** The format a new cell starts from: its row's, when the row has one, else its column's. */
function defaultStyles(xml: string, p: string, sheetData: Found | undefined): (row: Found | undefined, column: number) => number {
  const cols = (sheetData ? findAllAround(xml, `${p}col`, sheetData) : findAll(xml, `${p}col`)).map((f) => ({ min: Number(getAttr(f.attrs, 'min')), max: Number(getAttr(f.attrs, 'max')), s: Number(getAttr(f.attrs, 'style') ?? 0) }));
  return (row, column) => {
    if (row && getAttr(row.attrs, 'customFormat') === '1' && getAttr(row.attrs, 's')) return Number(getAttr(row.attrs, 's'));
    return cols.find((c) => c.min <= column && column <= c.max)?.s ?? 0;
  };
}

export function patchWorkbook(original: Uint8Array, sheets: { name: string; plan: WritePlan }[]): Uint8Array {
  return editedPackageBytes(patchedParts(original, sheets));
}

/**
 * The plans carried out on the package's parts, without making the zip: what a worker hands to
 * the thread that writes the copy (editedPackageBytes makes the zip there).
 */
export function patchedParts(original: Uint8Array, sheets: { name: string; plan: WritePlan }[]): PackageEdits {
  const work = sheets.filter(({ plan }) => plan.values.length || plan.flags.length || plan.appendedColumns.length);
  const pkg = new Package(original);
  const wbPath = workbookPath(pkg);
  const parts = sheetParts(pkg, wbPath);
  const wbRels = readRelationships(pkg.text(relsPath(wbPath)));
  const stylesRel = wbRels.find((r) => r.type === REL.styles);
  const stylesPath = stylesRel ? pkg.spelling(resolvePath(dirName(wbPath), stylesRel.target)) : undefined;
  const stylesXml = stylesPath ? pkg.text(stylesPath) : undefined;
  if (work.length && (!stylesPath || !stylesXml)) throw cannotAnnotate('書式 (styles.xml) がありません', 'the workbook has no styles part');
  const styles = new StyleBook(stylesXml ?? '');

  const taken = usedBlocks(pkg.names().filter((n) => n.toLowerCase().endsWith('.vml')).map((n) => pkg.text(n) ?? ''));
  const blocks = (count: number): number[] => {
    const out: number[] = [];
    for (let b = 1; out.length < count; b++) if (!taken.has(b)) out.push(b);
    out.forEach((b) => taken.add(b));
    return out;
  };
  const formulasGone = new Map<string, Set<string>>();

  for (const { name, plan } of work) {
    const part = parts.get(name);
    const before = part ? pkg.text(part.path) : undefined;
    if (!part || before === undefined) throw cannotAnnotate(`シート「${name}」が見つかりません`, `sheet "${name}" is not in the package`);
    const edits = planEdits(plan, styles);
    const p = rootPrefix(before);
    // every edit is made against the sheet's text as read, and spliced once: each splice of a
    // sheet of many rows costs a copy of the whole text
    // found once: the other elements are looked for around it, not through its rows
    const sheetData = findFirst(before, `${p}sheetData`);
    const cells = cellEdits(before, p, edits, defaultStyles(before, p, sheetData), sheetData);
    const all: TextEdit[] = cells.edits;
    const dimension = dimensionEdit(before, p, edits);
    if (dimension) all.push(dimension);
    const cols = colsEdit(before, p, planWidths(plan), sheetData);
    if (cols) all.push(cols);
    all.push(...patchNotes(pkg, part.path, before, p, planNotes(plan), blocks, sheetData));
    // written as bytes: the text between the edits is copied from the part's own bytes
    if (all.length) pkg.setBytes(part.path, spliceBytes(before, pkg.source(part.path) ?? new TextEncoder().encode(before), all));
    if (cells.overwrittenFormulas.length) formulasGone.set(part.sheetId, new Set(cells.overwrittenFormulas));
  }
  if (stylesPath && styles.changed) pkg.set(stylesPath, styles.toXml());
  if (formulasGone.size) dropFromCalcChain(pkg, wbPath, wbRels, formulasGone);
  return pkg.edits();
}

function dropFromCalcChain(pkg: Package, wbPath: string, wbRels: ReturnType<typeof readRelationships>, gone: Map<string, Set<string>>): void {
  const rel = wbRels.find((r) => r.type === REL.calcChain);
  if (!rel) return;
  const path = pkg.spelling(resolvePath(dirName(wbPath), rel.target));
  let xml = pkg.text(path);
  if (xml === undefined) return;
  for (const [sheetId, refs] of gone) xml = removeFromCalcChain(xml, sheetId, refs);
  // the chain must keep at least one entry
  if (!findFirst(xml, `${rootPrefix(xml)}c`)) {
    throw cannotAnnotate('計算チェーンの唯一の数式を上書きすることになります', 'the plan overwrites the only formula of the calculation chain');
  }
  if (xml !== pkg.text(path)) pkg.set(path, xml);
}

/** The worksheet part of a sheet, by its name (for tests and callers that inspect the copy). */
export function sheetPathOf(original: Uint8Array, name: string): string | undefined {
  const pkg = new Package(original);
  return sheetParts(pkg, workbookPath(pkg)).get(name)?.path;
}

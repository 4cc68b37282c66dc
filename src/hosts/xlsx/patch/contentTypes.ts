/** [Content_Types].xml: make sure the parts we add have their content types. */
import { findAll, getAttr, openTag, rootPrefix, splice } from './xml';

export const CONTENT_TYPES_PART = '[Content_Types].xml';
export const COMMENTS_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml';
export const VML_TYPE = 'application/vnd.openxmlformats-officedocument.vmlDrawing';

function append(xml: string, element: string): string {
  const prefix = rootPrefix(xml);
  const root = findAll(xml, `${prefix}Types`)[0];
  if (!root || root.selfClosing) throw new Error('content types without their root');
  return splice(xml, [{ start: root.closeStart, end: root.closeStart, text: element }]);
}

/** Add a Default for the extension unless one (or an Override for the part) covers it already. */
export function ensureDefault(xml: string, extension: string, type: string, partName: string): string {
  const prefix = rootPrefix(xml);
  const hasDefault = findAll(xml, `${prefix}Default`).some((f) => getAttr(f.attrs, 'Extension')?.toLowerCase() === extension);
  const hasOverride = findAll(xml, `${prefix}Override`).some((f) => getAttr(f.attrs, 'PartName')?.toLowerCase() === `/${partName}`.toLowerCase());
  if (hasDefault || hasOverride) return xml;
  return append(xml, openTag(`${prefix}Default`, [['Extension', extension], ['ContentType', type]], true));
}

export function ensureOverride(xml: string, partName: string, type: string): string {
  const prefix = rootPrefix(xml);
  const name = `/${partName}`;
  if (findAll(xml, `${prefix}Override`).some((f) => getAttr(f.attrs, 'PartName')?.toLowerCase() === name.toLowerCase())) return xml;
  return append(xml, openTag(`${prefix}Override`, [['PartName', name], ['ContentType', type]], true));
}

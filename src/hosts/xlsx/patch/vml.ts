/**
 * The VML drawing that shows a sheet's notes: one hidden note shape per commented cell. Shape ids
 * come in blocks of 1024 per drawing (o:idmap); ours take blocks no drawing of the workbook uses.
 */
import { parseRef } from './a1';
import { findAll, findFirst, getAttr, openTag, splice } from './xml';

const NEW_VML = '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"></xml>';
const SHAPETYPE = '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';
const PER_BLOCK = 1023;

/** Blocks any drawing of the workbook uses already. */
export function usedBlocks(vmlParts: string[]): Set<number> {
  const used = new Set<number>();
  for (const vml of vmlParts) {
    for (const m of vml.matchAll(/idmap[^>]*?data="([^"]*)"/g)) for (const n of m[1].split(',')) if (n.trim()) used.add(Number(n));
    for (const m of vml.matchAll(/_x0000_s(\d+)/g)) used.add(Math.floor(Number(m[1]) / 1024));
  }
  return used;
}

function shape(id: number, row: number, column: number, lines: number): string {
  const height = Math.min(Math.max(lines + 1, 4), 20);
  const anchor = `${column}, 15, ${Math.max(row - 2, 0)}, 10, ${column + 4}, 15, ${Math.max(row - 2, 0) + height}, 4`;
  return (
    `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:240pt;height:${height * 15}pt;z-index:${id % 1024};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
    '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>' +
    '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${anchor}</x:Anchor><x:AutoFill>False</x:AutoFill>` +
    `<x:Row>${row - 1}</x:Row><x:Column>${column - 1}</x:Column></x:ClientData></v:shape>`
  );
}

function notePosition(xml: string, shapeEl: { openEnd: number; closeStart: number }): string | undefined {
  const inner = xml.slice(shapeEl.openEnd, shapeEl.closeStart);
  if (!/ObjectType="Note"/.test(inner)) return undefined;
  const row = /<x:Row>\s*(\d+)\s*<\/x:Row>/.exec(inner)?.[1];
  const column = /<x:Column>\s*(\d+)\s*<\/x:Column>/.exec(inner)?.[1];
  return row && column ? `${row},${column}` : undefined;
}

/**
 * Add note shapes for `added` cells and take away the shapes of `removed` cells.
 * `lines` gives each added note's line count, for its size; `blocks` hands out free id blocks.
 */
export function patchVml(
  xml: string | undefined,
  added: string[],
  removed: string[],
  lines: (ref: string) => number,
  blocks: (count: number) => number[],
): string {
  const text = xml ?? NEW_VML;
  const root = findFirst(text, 'xml');
  if (!root || root.selfClosing) throw new Error('VML drawing without its root');
  const edits: { start: number; end: number; text: string }[] = [];
  const gone = new Set(removed.map((r) => {
    const cell = parseRef(r);
    return cell ? `${cell.row - 1},${cell.column - 1}` : r;
  }));
  if (gone.size) {
    for (const s of findAll(text, 'v:shape', root.openEnd, root.closeStart)) {
      const at = notePosition(text, s);
      if (at && gone.has(at)) edits.push({ start: s.start, end: s.end, text: '' });
    }
  }
  if (added.length) {
    const ours = blocks(Math.ceil(added.length / PER_BLOCK));
    const shapes = added.map((r, i) => {
      const cell = parseRef(r) ?? { row: 1, column: 1 };
      return shape(ours[Math.floor(i / PER_BLOCK)] * 1024 + 1 + (i % PER_BLOCK), cell.row, cell.column, lines(r));
    });
    const idmap = findFirst(text, 'o:idmap', root.openEnd);
    let head = '';
    if (idmap) {
      const data = [getAttr(idmap.attrs, 'data'), ...ours].filter((d) => d !== undefined && d !== '').join(',');
      edits.push({ start: idmap.start, end: idmap.end, text: openTag('o:idmap', [...idmap.attrs.filter(([n]) => n !== 'data'), ['data', data]], true) });
    } else {
      head += `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${ours.join(',')}"/></o:shapelayout>`;
    }
    if (!/id="_x0000_t202"/.test(text)) head += SHAPETYPE;
    const rootTag = text.slice(root.start, root.openEnd);
    const missing = [
      ['v', 'urn:schemas-microsoft-com:vml'],
      ['o', 'urn:schemas-microsoft-com:office:office'],
      ['x', 'urn:schemas-microsoft-com:office:excel'],
    ].filter(([prefix]) => !rootTag.includes(`xmlns:${prefix}=`));
    if (missing.length) edits.push({ start: root.openEnd - 1, end: root.openEnd - 1, text: missing.map(([pr, ns]) => ` xmlns:${pr}="${ns}"`).join('') });
    if (head) edits.push({ start: root.openEnd, end: root.openEnd, text: head });
    edits.push({ start: root.closeStart, end: root.closeStart, text: shapes.join('') });
  }
  return splice(text, edits);
}

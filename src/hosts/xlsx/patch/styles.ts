/**
 * xl/styles.xml: derive cell formats from a cell's own format (a flag's fill, the header look, a
 * number format) by appending fills, fonts, number formats and cell formats. Existing entries are
 * never changed, and an identical entry already there is reused, so a copy of a copy does not grow.
 */
import { cannotAnnotate } from './errors';
import { type Attributes, type Found, escapeAttr, findAll, findFirst, getAttr, openTag, parseAttributes, rootPrefix, setAttr, splice } from './xml';

export interface StyleChange {
  /** Solid fill, "#RRGGBB". */
  fill?: string;
  bold?: boolean;
  /** Replaces the cell's alignment. */
  alignment?: Attributes;
  numberFormat?: string;
}

/** Built-in number formats the plan may ask for. */
const BUILTIN_FORMATS: Record<string, number> = { General: 0, '0': 1, '0.00': 2, '#,##0': 3, '#,##0.00': 4, '0%': 9, '0.00%': 10, '@': 49 };

interface Collection {
  found: Found;
  items: string[];
  original: number;
}

function collection(xml: string, prefix: string, outer: string, inner: string): Collection | undefined {
  const found = findFirst(xml, `${prefix}${outer}`);
  if (!found) return undefined;
  const items = found.selfClosing ? [] : findAll(xml, `${prefix}${inner}`, found.openEnd, found.closeStart).map((f) => xml.slice(f.start, f.end));
  return { found, items, original: items.length };
}

export class StyleBook {
  private readonly prefix: string;
  private readonly fonts: Collection;
  private readonly fills: Collection;
  private readonly xfs: Collection;
  private readonly numFmts: Collection | undefined;
  private readonly addedFormats: { id: number; code: string }[] = [];
  /** Change key → base format → derived format. */
  private readonly cache = new Map<string, Map<number, number>>();

  constructor(private readonly xml: string) {
    this.prefix = rootPrefix(xml);
    const fonts = collection(xml, this.prefix, 'fonts', 'font');
    const fills = collection(xml, this.prefix, 'fills', 'fill');
    const xfs = collection(xml, this.prefix, 'cellXfs', 'xf');
    if (!fonts || !fills || !xfs || !xfs.items.length) {
      throw cannotAnnotate('styles.xml の書式一覧が読めません', 'styles.xml lacks fonts, fills or cell formats');
    }
    this.fonts = fonts;
    this.fills = fills;
    this.xfs = xfs;
    this.numFmts = collection(xml, this.prefix, 'numFmts', 'numFmt');
  }

  get changed(): boolean {
    return this.xfs.items.length > this.xfs.original;
  }

  /**
   * The cell format index for `xf` with the change applied. `key` stands for the change in the
   * cache: equal changes must have equal keys (by default its JSON).
   */
  derive(xf: number, change: StyleChange, key = JSON.stringify(change)): number {
    const base = xf >= 0 && xf < this.xfs.items.length ? xf : 0;
    let byBase = this.cache.get(key);
    if (!byBase) this.cache.set(key, (byBase = new Map()));
    const cached = byBase.get(base);
    if (cached !== undefined) return cached;
    const raw = this.xfs.items[base];
    const open = findFirst(raw, `${this.prefix}xf`);
    if (!open) return base;
    let attrs = open.attrs;
    let inner = raw.slice(open.openEnd, open.closeStart);
    if (change.numberFormat !== undefined) {
      attrs = setAttr(attrs, 'numFmtId', String(this.formatId(change.numberFormat)));
      attrs = setAttr(attrs, 'applyNumberFormat', '1');
    }
    if (change.bold) {
      attrs = setAttr(attrs, 'fontId', String(this.boldFont(Number(getAttr(attrs, 'fontId') ?? 0))));
      attrs = setAttr(attrs, 'applyFont', '1');
    }
    if (change.fill) {
      attrs = setAttr(attrs, 'fillId', String(this.solidFill(change.fill)));
      attrs = setAttr(attrs, 'applyFill', '1');
    }
    if (change.alignment) {
      const alignment = findFirst(inner, `${this.prefix}alignment`);
      const element = openTag(`${this.prefix}alignment`, change.alignment, true);
      // alignment comes first among an xf's children
      inner = alignment ? splice(inner, [{ start: alignment.start, end: alignment.end, text: element }]) : element + inner;
      attrs = setAttr(attrs, 'applyAlignment', '1');
    }
    const text = inner ? `${openTag(`${this.prefix}xf`, attrs)}${inner}</${this.prefix}xf>` : openTag(`${this.prefix}xf`, attrs, true);
    const index = this.intern(this.xfs, text, `${this.prefix}xf`);
    byBase.set(base, index);
    return index;
  }

  /** The index of an equal item (same attributes and content), or of the item appended. */
  private intern(list: Collection, text: string, qname: string): number {
    const key = canonical(text, qname);
    const i = list.items.findIndex((item) => canonical(item, qname) === key);
    if (i >= 0) return i;
    list.items.push(text);
    return list.items.length - 1;
  }

  private formatId(code: string): number {
    const builtin = BUILTIN_FORMATS[code];
    if (builtin !== undefined) return builtin;
    const existing = this.customFormats();
    const same = existing.find((f) => f.code === code);
    if (same) return same.id;
    const id = Math.max(163, ...existing.map((f) => f.id)) + 1;
    this.addedFormats.push({ id, code });
    return id;
  }

  private customFormats(): { id: number; code: string }[] {
    const found = (this.numFmts?.items ?? []).map((item) => {
      const attrs = parseAttributes(item);
      return { id: Number(getAttr(attrs, 'numFmtId')), code: getAttr(attrs, 'formatCode') ?? '' };
    });
    return [...found, ...this.addedFormats];
  }

  private boldFont(fontId: number): number {
    const raw = this.fonts.items[fontId] ?? this.fonts.items[0];
    const b = findFirst(raw, `${this.prefix}b`);
    const val = b ? getAttr(b.attrs, 'val') : undefined;
    if (b && val !== '0' && val !== 'false') return fontId;
    const open = findFirst(raw, `${this.prefix}font`);
    if (!open) return fontId;
    const bold = `<${this.prefix}b/>`;
    let text: string;
    if (b) text = splice(raw, [{ start: b.start, end: b.end, text: bold }]);
    else if (open.selfClosing) text = `${openTag(`${this.prefix}font`, open.attrs)}${bold}</${this.prefix}font>`;
    else text = splice(raw, [{ start: open.openEnd, end: open.openEnd, text: bold }]);
    return this.intern(this.fonts, text, `${this.prefix}font`);
  }

  private solidFill(hex: string): number {
    const rgb = `FF${hex.replace('#', '').toUpperCase()}`;
    const p = this.prefix;
    const text = `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${escapeAttr(rgb)}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`;
    // reuse any solid fill of that colour, however it was written
    const same = this.fills.items.findIndex((item) => {
      const pattern = findFirst(item, `${p}patternFill`);
      const fg = findFirst(item, `${p}fgColor`);
      return pattern && getAttr(pattern.attrs, 'patternType') === 'solid' && fg && getAttr(fg.attrs, 'rgb')?.toUpperCase() === rgb;
    });
    if (same >= 0) return same;
    this.fills.items.push(text);
    return this.fills.items.length - 1;
  }

  toXml(): string {
    const edits: { start: number; end: number; text: string }[] = [];
    const p = this.prefix;
    const rewrite = (list: Collection, outer: string): void => {
      if (list.items.length === list.original) return;
      const f = list.found;
      const attrs = setAttr(f.attrs, 'count', String(list.items.length));
      if (f.selfClosing) {
        edits.push({ start: f.start, end: f.end, text: `${openTag(`${p}${outer}`, attrs)}${list.items.join('')}</${p}${outer}>` });
        return;
      }
      edits.push({ start: f.start, end: f.openEnd, text: openTag(`${p}${outer}`, attrs) });
      edits.push({ start: f.closeStart, end: f.closeStart, text: list.items.slice(list.original).join('') });
    };
    rewrite(this.fonts, 'fonts');
    rewrite(this.fills, 'fills');
    rewrite(this.xfs, 'cellXfs');
    if (this.addedFormats.length) {
      const added = this.addedFormats.map((f) => openTag(`${p}numFmt`, [['numFmtId', String(f.id)], ['formatCode', f.code]], true));
      if (this.numFmts) {
        this.numFmts.items.push(...added);
        rewrite(this.numFmts, 'numFmts');
      } else {
        // numFmts is the first child of styleSheet
        const root = findFirst(this.xml, `${p}styleSheet`);
        if (!root) throw cannotAnnotate('styles.xml が読めません', 'styles.xml has no root');
        edits.push({ start: root.openEnd, end: root.openEnd, text: `<${p}numFmts count="${added.length}">${added.join('')}</${p}numFmts>` });
      }
    }
    return splice(this.xml, edits);
  }
}

/** Attributes in name order plus the content, so equal formats written differently still match. */
function canonical(text: string, qname: string): string {
  const open = findFirst(text, qname);
  if (!open) return text;
  const attrs = [...open.attrs].sort(([a], [b]) => a.localeCompare(b));
  return `${JSON.stringify(attrs)}${text.slice(open.openEnd, open.closeStart)}`;
}

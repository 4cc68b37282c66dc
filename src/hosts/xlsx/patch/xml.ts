/**
 * Just enough XML for patching package parts in place: find elements by qualified name, read and
 * write their attributes, escape text. Everything we do not touch keeps its exact bytes.
 */

export type Attributes = [string, string][];

/** One element found in a text: [start, end) covers it whole; [openEnd, closeStart) its content. */
export interface Found {
  start: number;
  /** Index just after the start tag's ">". */
  openEnd: number;
  /** Index of the end tag's "<" (equal to openEnd for an empty element). */
  closeStart: number;
  end: number;
  selfClosing: boolean;
  readonly attrs: Attributes;
}

// most values (cell references, style numbers) need no escaping: one test instead of seven replaces
const TEXT_SPECIAL = /[&<>]/;
const ATTR_SPECIAL = /[&<>"\r\n\t]/;

export function escapeText(text: string): string {
  if (!TEXT_SPECIAL.test(text)) return text;
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeAttr(text: string): string {
  if (!ATTR_SPECIAL.test(text)) return text;
  return escapeText(text).replace(/"/g, '&quot;').replace(/\r/g, '&#13;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

export function unescape(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (_, ref: string) => {
    if (ref[0] === '#') return String.fromCodePoint(ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[ref] ?? '';
  });
}

/** Index of the ">" closing the tag that starts at `from`, skipping quoted attribute values. */
export function tagEnd(xml: string, from: number): number {
  const length = xml.length;
  let quote = 0;
  for (let i = from; i < length; i++) {
    const ch = xml.charCodeAt(i);
    if (quote) {
      if (ch === quote) quote = 0;
    } else if (ch === 34 || ch === 39) quote = ch;
    else if (ch === 62) return i;
  }
  return -1;
}

export function parseAttributes(tag: string): Attributes {
  const attrs: Attributes = [];
  const re = /([^\s=/<>]+)\s*=\s*("([^"]*)"|'([^']*)')/g;
  // skip the element name
  const body = tag.replace(/^<\s*[^\s/>]+/, '');
  for (let m = re.exec(body); m; m = re.exec(body)) attrs.push([m[1], unescape(m[3] ?? m[4] ?? '')]);
  return attrs;
}

/** [A-Za-z0-9_:.-] */
function isPlainNameChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 58) || c === 95 || c === 46 || c === 45;
}

/**
 * The attributes of the start tag xml[start, end) (end before its ">" or "/>"): what
 * parseAttributes gives for the tag's text, read in one pass over its characters when the tag is
 * written the plain way (ASCII names, name="value" separated by spaces); anything else goes the
 * general way, so both always agree.
 */
export function attributesAt(xml: string, start: number, end: number): Attributes {
  let at = start + 1;
  if (at >= end || !isPlainNameChar(xml.charCodeAt(at))) return parseAttributes(xml.slice(start, end));
  while (at < end && isPlainNameChar(xml.charCodeAt(at))) at++;
  const attrs: Attributes = [];
  while (at < end) {
    const before = at;
    while (at < end && isSpace(xml.charCodeAt(at))) at++;
    if (at >= end) break;
    if (at === before) return parseAttributes(xml.slice(start, end));
    const nameStart = at;
    while (at < end && isPlainNameChar(xml.charCodeAt(at))) at++;
    if (at === nameStart || xml.charCodeAt(at) !== 61) return parseAttributes(xml.slice(start, end));
    const quote = xml.charCodeAt(at + 1);
    if (quote !== 34 && quote !== 39) return parseAttributes(xml.slice(start, end));
    const close = xml.indexOf(quote === 34 ? '"' : "'", at + 2);
    if (close < 0 || close >= end) return parseAttributes(xml.slice(start, end));
    const value = xml.slice(at + 2, close);
    attrs.push([xml.slice(nameStart, at), value.includes('&') ? unescape(value) : value]);
    at = close + 1;
  }
  return attrs;
}

/**
 * One attribute of a found element, read straight from its start tag without parsing the others:
 * for reading the r of every row and cell of a sheet.
 */
export function attrOf(xml: string, element: Found, name: string): string | undefined {
  return attrAt(xml, element.start, element.openEnd, element.selfClosing, name);
}

/** attrOf for the element whose start tag is xml[start, openEnd), without a Found for it. */
export function attrAt(xml: string, start: number, openEnd: number, selfClosing: boolean, name: string): string | undefined {
  const end = selfClosing ? openEnd - 2 : openEnd - 1;
  let at = start + 1;
  while (at < end && !isSpace(xml.charCodeAt(at)) && xml.charCodeAt(at) !== 47) at++;
  while (at < end) {
    while (at < end && isSpace(xml.charCodeAt(at))) at++;
    const nameStart = at;
    while (at < end && xml.charCodeAt(at) !== 61 && !isSpace(xml.charCodeAt(at))) at++;
    const nameEnd = at;
    while (at < end && isSpace(xml.charCodeAt(at))) at++;
    if (xml.charCodeAt(at) !== 61) return getAttr(attributesAt(xml, start, end), name); // not plain name="value": the general way
    at++;
    while (at < end && isSpace(xml.charCodeAt(at))) at++;
    const quote = xml.charCodeAt(at);
    if (quote !== 34 && quote !== 39) return getAttr(attributesAt(xml, start, end), name);
    const close = xml.indexOf(quote === 34 ? '"' : "'", at + 1);
    if (close < 0 || close >= end) return getAttr(attributesAt(xml, start, end), name);
    if (nameEnd - nameStart === name.length && xml.startsWith(name, nameStart)) {
      const value = xml.slice(at + 1, close);
      return value.includes('&') ? unescape(value) : value;
    }
    at = close + 1;
  }
  return undefined;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

export function getAttr(attrs: Attributes, name: string): string | undefined {
  return attrs.find(([n]) => n === name)?.[1];
}

/** Set (or with undefined, remove) an attribute, keeping the others in their order. */
export function setAttr(attrs: Attributes, name: string, value: string | undefined): Attributes {
  const i = attrs.findIndex(([n]) => n === name);
  if (value === undefined) return i < 0 ? attrs : attrs.filter((_, j) => j !== i);
  if (i < 0) return [...attrs, [name, value]];
  return attrs.map((a, j) => (j === i ? [name, value] : a));
}

export function openTag(name: string, attrs: Attributes, selfClosing = false): string {
  const body = attrs.map(([n, v]) => ` ${n}="${escapeAttr(v)}"`).join('');
  return `<${name}${body}${selfClosing ? '/>' : '>'}`;
}

/** Every `qname` element in [from, to), not looking inside them (none of ours nest in themselves). */
export function findAll(xml: string, qname: string, from = 0, to = xml.length, limit = Infinity): Found[] {
  const found: Found[] = [];
  const open = `<${qname}`;
  const close = `</${qname}>`;
  let p = from;
  while (found.length < limit) {
    const start = xml.indexOf(open, p);
    if (start < 0 || start >= to) break;
    const next = xml.charCodeAt(start + open.length);
    // " ", ">", "/", tab, newline, carriage return
    if (next !== 32 && next !== 62 && next !== 47 && next !== 9 && next !== 10 && next !== 13) {
      p = start + open.length;
      continue;
    }
    const gt = tagEnd(xml, start);
    if (gt < 0) break;
    const selfClosing = xml.charCodeAt(gt - 1) === 47;
    if (selfClosing) {
      found.push(new FoundElement(xml, start, gt + 1, gt + 1, gt + 1, selfClosing));
      p = gt + 1;
    } else {
      const closeStart = xml.indexOf(close, gt + 1);
      if (closeStart < 0) break;
      found.push(new FoundElement(xml, start, gt + 1, closeStart, closeStart + close.length, selfClosing));
      p = closeStart + close.length;
    }
  }
  return found;
}

/** The element at known positions (a scanner of its own found it). */
export function foundAt(xml: string, start: number, openEnd: number, closeStart: number, end: number, selfClosing: boolean): Found {
  return new FoundElement(xml, start, openEnd, closeStart, end, selfClosing);
}

/** A found element whose attributes are parsed when first asked for: most rows of a sheet never are. */
class FoundElement implements Found {
  private parsed: Attributes | null = null;
  constructor(
    private readonly xml: string,
    readonly start: number,
    readonly openEnd: number,
    readonly closeStart: number,
    readonly end: number,
    readonly selfClosing: boolean,
  ) {}

  get attrs(): Attributes {
    this.parsed ??= attributesAt(this.xml, this.start, this.selfClosing ? this.openEnd - 2 : this.openEnd - 1);
    return this.parsed;
  }
}

export function findFirst(xml: string, qname: string, from = 0, to = xml.length): Found | undefined {
  return findAll(xml, qname, from, to, 1)[0];
}

/** The namespace prefix ("x:" or "") the part's root element uses. */
export function rootPrefix(xml: string): string {
  const m = /<(?![?!])([A-Za-z_][\w.-]*:)?[A-Za-z_][\w.-]*/.exec(xml);
  return m?.[1] ?? '';
}

/** A replacement of xml[start, end) (an insertion when start = end). */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/** Replace text ranges; edits must not overlap. */
export function splice(xml: string, edits: TextEdit[]): string {
  if (!edits.length) return xml;
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  // joined once into a flat string: a chain of += leaves a rope of every piece, which the
  // well-formedness check and the encoder would each have to flatten first
  const pieces: string[] = [];
  let p = 0;
  for (const e of sorted) {
    if (e.start > p) pieces.push(xml.slice(p, e.start));
    if (e.text) pieces.push(e.text);
    p = e.end;
  }
  if (p < xml.length) pieces.push(xml.slice(p));
  return pieces.join('');
}

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

/**
 * xml.indexOf(tag, from) for a `tag` starting with "<" that is usually a few characters away (the
 * next row or cell, a cell's end tag): the first 64 characters are looked through by a loop, which
 * costs less than a call of indexOf (made for long searches; a sheet's cells are found by the ten
 * thousand); farther on, indexOf.
 */
export function nearIndexOf(xml: string, tag: string, from: number): number {
  const n = tag.length;
  const stop = Math.min(from + 64, xml.length - n + 1);
  for (let i = from; i < stop; i++) {
    if (xml.charCodeAt(i) !== 60) continue;
    let k = 1;
    while (k < n && xml.charCodeAt(i + k) === tag.charCodeAt(k)) k++;
    if (k === n) return i;
  }
  return stop < from + 64 ? -1 : xml.indexOf(tag, stop);
}

/**
 * Every `qname` element starting in [from, to), not looking inside them (none of ours nest in
 * themselves). `to` is where a tag starts (an end tag, the sheetData), so no start tag runs across it.
 */
export function findAll(xml: string, qname: string, from = 0, to = xml.length, limit = Infinity): Found[] {
  const found: Found[] = [];
  const open = `<${qname}`;
  const close = `</${qname}>`;
  // start tags are looked for in xml[0, to) only: indexOf has no end, and a search for an
  // element before the sheetData would otherwise run through every row when there is none
  const head = to < xml.length ? xml.slice(0, to) : xml;
  let p = from;
  while (found.length < limit) {
    const start = nearIndexOf(head, open, p);
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

/** The first `qname` start tag in [from, to) as findAll finds it: its start and the index of its ">". */
export function findStartTag(xml: string, qname: string, from = 0, to = xml.length): { start: number; gt: number } | undefined {
  const open = `<${qname}`;
  let p = from;
  for (;;) {
    const start = xml.indexOf(open, p);
    if (start < 0 || start >= to) return undefined;
    const next = xml.charCodeAt(start + open.length);
    if (next !== 32 && next !== 62 && next !== 47 && next !== 9 && next !== 10 && next !== 13) {
      p = start + open.length;
      continue;
    }
    const gt = tagEnd(xml, start);
    return gt < 0 ? undefined : { start, gt };
  }
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

/**
 * findFirst for a worksheet child that is no row or cell (cols, col, legacyDrawing…): looked for
 * before the sheet's sheetData and after it, not through its rows (the bulk of a sheet's text,
 * where no such element can be).
 */
export function findAround(xml: string, qname: string, sheetData: Found): Found | undefined {
  return findFirst(xml, qname, 0, sheetData.start) ?? findFirst(xml, qname, sheetData.end);
}

/** findAll for worksheet children outside the sheetData, as findAround. */
export function findAllAround(xml: string, qname: string, sheetData: Found): Found[] {
  const before = findAll(xml, qname, 0, sheetData.start);
  const after = findAll(xml, qname, sheetData.end);
  return after.length ? [...before, ...after] : before;
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

/** Runs of characters outside ASCII: everything else is one UTF-8 byte per UTF-16 unit. */
const NON_ASCII = /[^\x00-\x7f]+/g;

/**
 * UTF-8 byte offsets of string indices, asked for in ascending order: ASCII stretches are skipped
 * whole (the next non-ASCII run is found by a regular expression and remembered), and only the
 * characters of non-ASCII runs are counted one by one.
 */
class Utf8Offsets {
  private char = 0;
  private byte = 0;
  private runStart = 0;
  private runEnd = 0;

  constructor(private readonly xml: string) {
    this.findRun(0);
  }

  private findRun(from: number): void {
    NON_ASCII.lastIndex = from;
    const m = NON_ASCII.exec(this.xml);
    if (m) {
      this.runStart = m.index;
      this.runEnd = NON_ASCII.lastIndex;
    } else {
      this.runStart = this.runEnd = Infinity;
    }
  }

  /** The byte offset of string index `to` (at least the last one asked for). */
  at(to: number): number {
    const xml = this.xml;
    while (this.char < to) {
      if (this.runStart >= to) {
        this.byte += to - this.char;
        this.char = to;
        break;
      }
      if (this.char < this.runStart) {
        this.byte += this.runStart - this.char;
        this.char = this.runStart;
      }
      const end = to < this.runEnd ? to : this.runEnd;
      let char = this.char;
      let byte = this.byte;
      while (char < end) {
        const c = xml.charCodeAt(char);
        if (c < 0x80) byte += 1;
        else if (c < 0x800) byte += 2;
        else if (c >= 0xd800 && c <= 0xdbff && char + 1 < xml.length && (xml.charCodeAt(char + 1) & 0xfc00) === 0xdc00) {
          // a surrogate pair: one character of four bytes
          byte += 4;
          char++;
        } else byte += 3; // lone surrogates are written as U+FFFD, three bytes too
        char++;
      }
      this.char = char;
      this.byte = byte;
      if (char >= this.runEnd) this.findRun(this.runEnd);
    }
    return this.byte;
  }
}

const utf8 = new TextEncoder();

function isHigh(c: number): boolean {
  return (c & 0xfc00) === 0xd800;
}

function isLow(c: number): boolean {
  return (c & 0xfc00) === 0xdc00;
}

/**
 * splice, written as UTF-8: `source` is `xml` as UTF-8 (exactly: TextEncoder's bytes for it), and
 * the text between the edits is copied from it byte range by byte range, never decoded or
 * encoded again; only the inserted text is encoded. The same bytes as
 * `new TextEncoder().encode(splice(xml, edits))`.
 *
 * (Joining a sheet's text from hundreds of slices and inserted pieces cost more than the rest of
 * the copy's sheet work: V8 builds a two-byte string piece by piece; the bytes are one copy.)
 */
export function spliceBytes(xml: string, source: Uint8Array, edits: TextEdit[]): Uint8Array {
  const sorted = edits.length > 1 ? [...edits].sort((a, b) => a.start - b.start || a.end - b.end) : edits;
  // the inserted pieces joined into one flat string and encoded at once: the pieces are ropes
  // (built by concatenation), and reading each one would first make a flat copy of it
  const texts: string[] = new Array<string>(sorted.length);
  for (let k = 0; k < sorted.length; k++) texts[k] = sorted[k].text;
  const joined = texts.join('');
  const encoded = utf8.encode(joined);
  let t = 0;
  for (const e of sorted) {
    // the UTF-8 of the whole is that of its pieces unless an edit joins (or parts) a surrogate pair
    const length = e.text.length;
    if (isHigh(xml.charCodeAt(e.start - 1)) || isLow(xml.charCodeAt(e.end)) || (length > 0 && (isLow(joined.charCodeAt(t)) || isHigh(joined.charCodeAt(t + length - 1))))) {
      return utf8.encode(splice(xml, edits));
    }
    t += length;
  }
  const out = new Uint8Array(source.length + encoded.length);
  const offsets = source.length === xml.length ? undefined : new Utf8Offsets(xml);
  const insertOffsets = encoded.length === joined.length ? undefined : new Utf8Offsets(joined);
  let from = 0; // byte offset in source of the text after the last edit
  let o = 0;
  t = 0;
  let b = 0; // byte offset in encoded of the next piece
  for (const e of sorted) {
    const start = offsets ? offsets.at(e.start) : e.start;
    if (start > from) {
      out.set(source.subarray(from, start), o);
      o += start - from;
    }
    if (e.text.length) {
      t += e.text.length;
      const next = insertOffsets ? insertOffsets.at(t) : t;
      out.set(encoded.subarray(b, next), o);
      o += next - b;
      b = next;
    }
    from = offsets ? offsets.at(e.end) : e.end;
  }
  if (from < source.length) {
    out.set(source.subarray(from), o);
    o += source.length - from;
  }
  return out.subarray(0, o);
}

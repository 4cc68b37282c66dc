import { decodeEntities, indexIn } from './entities';

/**
 * A forward-only XML tokenizer for the parts of an .xlsx: one pass over the string, no regular
 * expressions, no DTD (a DOCTYPE is skipped, so entity expansion cannot be abused). Element and
 * attribute names are reported without their namespace prefix (`x:c` is `c`), which is how
 * generators that prefix SpreadsheetML are read alike. Attribute values are read on demand.
 */

export const END = 0;
/** A start tag; `selfClosing` tells `<a/>` (no CLOSE follows). */
export const OPEN = 1;
export const CLOSE = 2;
/** Character data between tags (or a CDATA section): see `text()`. */
export const TEXT = 3;

export class XmlError extends Error {
  override name = 'XmlError';
}

export class XmlReader {
  /** Local name of the current OPEN or CLOSE. */
  name = '';
  selfClosing = false;
  private pos = 0;
  private attrStart = 0;
  private attrEnd = 0;
  private textStart = 0;
  private textEnd = 0;
  private cdata = false;
  /** Positions of the next `"` and `'` at or after some earlier point (Infinity: none left). */
  private nextDouble = -1;
  private nextSingle = -1;

  constructor(private readonly src: string) {}

  next(): number {
    const src = this.src;
    const length = src.length;
    if (this.pos >= length) return END;
    const lt = src.indexOf('<', this.pos);
    if (lt !== this.pos) {
      // text up to the next tag (or the end)
      this.textStart = this.pos;
      this.textEnd = lt < 0 ? length : lt;
      this.cdata = false;
      this.pos = this.textEnd;
      return TEXT;
    }
    const c = src.charCodeAt(lt + 1);
    if (c === 33 /* ! */) return this.markup(lt);
    if (c === 63 /* ? */) {
      const end = src.indexOf('?>', lt + 2);
      if (end < 0) throw new XmlError('unterminated processing instruction');
      this.pos = end + 2;
      return this.next();
    }
    if (c === 47 /* / */) {
      const gt = src.indexOf('>', lt + 2);
      if (gt < 0) throw new XmlError('unterminated end tag');
      let nameEnd = gt;
      while (nameEnd > lt + 2 && isSpace(src.charCodeAt(nameEnd - 1))) nameEnd--;
      this.name = localName(src, lt + 2, nameEnd);
      this.pos = gt + 1;
      return CLOSE;
    }
    // start tag: the name, then attributes up to a ">" outside quotes
    let at = lt + 1;
    while (at < length) {
      const ch = src.charCodeAt(at);
      if (isSpace(ch) || ch === 62 /* > */ || ch === 47 /* / */) break;
      at++;
    }
    this.name = localName(src, lt + 1, at);
    this.attrStart = at;
    // the tag ends at the first ">" outside quoted values; found with native searches, the next
    // quote of each kind remembered so that no stretch of the document is searched twice
    for (;;) {
      const gt = src.indexOf('>', at);
      if (gt < 0) throw new XmlError('unterminated start tag');
      if (this.nextDouble < at) this.nextDouble = farIfNone(src.indexOf('"', at));
      if (this.nextSingle < at) this.nextSingle = farIfNone(src.indexOf("'", at));
      const quote = Math.min(this.nextDouble, this.nextSingle);
      if (quote > gt) {
        at = gt;
        break;
      }
      const close = src.indexOf(quote === this.nextDouble ? '"' : "'", quote + 1);
      if (close < 0) throw new XmlError('unterminated start tag');
      at = close + 1;
    }
    this.selfClosing = src.charCodeAt(at - 1) === 47;
    this.attrEnd = this.selfClosing ? at - 1 : at;
    this.pos = at + 1;
    return OPEN;
  }

  /** Comments, CDATA and a DOCTYPE (with its internal subset, whose declarations are ignored). */
  private markup(lt: number): number {
    const src = this.src;
    if (src.startsWith('<!--', lt)) {
      const end = src.indexOf('-->', lt + 4);
      if (end < 0) throw new XmlError('unterminated comment');
      this.pos = end + 3;
      return this.next();
    }
    if (src.startsWith('<![CDATA[', lt)) {
      const end = src.indexOf(']]>', lt + 9);
      if (end < 0) throw new XmlError('unterminated CDATA');
      this.textStart = lt + 9;
      this.textEnd = end;
      this.cdata = true;
      this.pos = end + 3;
      return TEXT;
    }
    let at = lt + 2;
    let depth = 0;
    while (at < src.length) {
      const ch = src.charCodeAt(at);
      if (ch === 91 /* [ */) depth++;
      else if (ch === 93 /* ] */) depth--;
      else if (ch === 62 && depth <= 0) break;
      at++;
    }
    if (at >= src.length) throw new XmlError('unterminated declaration');
    this.pos = at + 1;
    return this.next();
  }

  /** The current TEXT, entities decoded, line ends normalised as XML requires (a raw CR or CRLF is LF). */
  text(): string {
    const { src, textStart, textEnd } = this;
    if (indexIn(src, 13 /* \r */, textStart, textEnd) >= 0) {
      const normalised = src.slice(textStart, textEnd).replace(/\r\n?/g, '\n');
      return this.cdata ? normalised : decodeEntities(normalised);
    }
    if (this.cdata) return src.slice(textStart, textEnd);
    return decodeEntities(src, textStart, textEnd);
  }

  /** An attribute of the current OPEN by local name (`r:id` is `id`), entities decoded. */
  attr(local: string): string | undefined {
    const src = this.src;
    const end = this.attrEnd;
    let at = this.attrStart;
    while (at < end) {
      while (at < end && isSpace(src.charCodeAt(at))) at++;
      const nameStart = at;
      while (at < end) {
        const ch = src.charCodeAt(at);
        if (ch === 61 /* = */ || isSpace(ch)) break;
        at++;
      }
      const nameEnd = at;
      while (at < end && isSpace(src.charCodeAt(at))) at++;
      if (src.charCodeAt(at) !== 61) {
        if (at === nameStart) at++; // stray character: step over it
        continue;
      }
      at++;
      while (at < end && isSpace(src.charCodeAt(at))) at++;
      const quote = src.charCodeAt(at);
      if (quote !== 34 && quote !== 39) return undefined;
      const valueEnd = indexIn(src, quote, at + 1, end);
      if (valueEnd < 0) return undefined;
      if (nameMatches(src, nameStart, nameEnd, local)) return decodeEntities(src, at + 1, valueEnd);
      at = valueEnd + 1;
    }
    return undefined;
  }

  /**
   * Where several attributes of the current OPEN lie in `source`, in one pass and without making
   * strings: ranges[2i], ranges[2i+1] = start, end of the value of `locals[i]` (raw, entities
   * not decoded), or -1, -1. For elements read by the million, such as cells.
   */
  attrRanges(locals: readonly string[], ranges: Int32Array): void {
    const src = this.src;
    const end = this.attrEnd;
    ranges.fill(-1);
    let at = this.attrStart;
    while (at < end) {
      while (at < end && isSpace(src.charCodeAt(at))) at++;
      const nameStart = at;
      while (at < end) {
        const ch = src.charCodeAt(at);
        if (ch === 61 || isSpace(ch)) break;
        at++;
      }
      const nameEnd = at;
      while (at < end && isSpace(src.charCodeAt(at))) at++;
      if (src.charCodeAt(at) !== 61) {
        if (at === nameStart) at++;
        continue;
      }
      at++;
      while (at < end && isSpace(src.charCodeAt(at))) at++;
      const quote = src.charCodeAt(at);
      if (quote !== 34 && quote !== 39) return;
      const valueEnd = indexIn(src, quote, at + 1, end);
      if (valueEnd < 0) return;
      for (let i = 0; i < locals.length; i++) {
        if (nameMatches(src, nameStart, nameEnd, locals[i])) {
          ranges[2 * i] = at + 1;
          ranges[2 * i + 1] = valueEnd;
          break;
        }
      }
      at = valueEnd + 1;
    }
  }

  /** Where the next token starts; a caller that has read ahead itself may move it forward with `seek`. */
  get position(): number {
    return this.pos;
  }

  seek(position: number): void {
    if (position < this.pos) throw new XmlError('seek backwards');
    this.pos = position;
  }

  /** The document, for callers reading ranges (`attrRanges`, `textRange`) without slicing. */
  get source(): string {
    return this.src;
  }

  /** The current TEXT's raw range, or false when it needs decoding (a CDATA section, an entity, a CR). */
  plainText(range: Int32Array): boolean {
    if (this.cdata) return false;
    const { src, textStart, textEnd } = this;
    for (let i = textStart; i < textEnd; i++) {
      const c = src.charCodeAt(i);
      if (c === 38 || c === 13) return false;
    }
    range[0] = textStart;
    range[1] = textEnd;
    return true;
  }

  /** Skip the current element's content (after a non-self-closing OPEN) up to its matching CLOSE. */
  skipElement(): void {
    if (this.selfClosing) return;
    let depth = 1;
    for (;;) {
      const t = this.next();
      if (t === END) return;
      if (t === OPEN && !this.selfClosing) depth++;
      else if (t === CLOSE && --depth === 0) return;
    }
  }
}

function farIfNone(index: number): number {
  return index < 0 ? Number.POSITIVE_INFINITY : index;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

function localName(src: string, start: number, end: number): string {
  for (let i = end - 1; i >= start; i--) if (src.charCodeAt(i) === 58 /* : */) return src.slice(i + 1, end);
  return src.slice(start, end);
}

/** Whether src[start, end) is `local` or `prefix:local`, without slicing. */
function nameMatches(src: string, start: number, end: number, local: string): boolean {
  const from = end - local.length;
  if (from < start) return false;
  if (from > start && src.charCodeAt(from - 1) !== 58) return false;
  if (from > start) {
    for (let i = start; i < from - 1; i++) if (src.charCodeAt(i) === 58) return false;
  }
  return src.startsWith(local, from);
}

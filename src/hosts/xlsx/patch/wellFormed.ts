/**
 * A strict, small well-formedness check for the XML parts we write: balanced tags, quoted unique
 * attributes, known entities. We run it on every rewritten part before the copy is made, so a
 * patching mistake becomes a refusal instead of a workbook Excel has to repair.
 *
 * One linear pass over character codes: no regular expressions, no slices per tag or attribute,
 * and no indexOf per token either (a 20,000-row sheet has hundreds of thousands of tags and
 * attribute values a few characters long: a call per value cost more than the scan of it). Text
 * and attribute values are scanned once, for their end and their "&" together.
 */

const LT = 60;
const GT = 62;
const AMP = 38;
const SLASH = 47;
const EQUALS = 61;
const DQUOTE = 34;
const SQUOTE = 39;
const SEMI = 59;

/** Character classes of ASCII codes: 1 name start [A-Za-z_], 2 name character [A-Za-z0-9_.:-], 4 space. */
const CLASS = (() => {
  const table = new Uint8Array(128);
  for (let c = 0; c < 128; c++) {
    const start = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
    if (start) table[c] |= 1;
    if (start || (c >= 48 && c <= 58) || c === 46 || c === 45) table[c] |= 2;
    if (c === 32 || c === 10 || c === 13 || c === 9) table[c] |= 4;
  }
  return table;
})();

function isSpace(c: number): boolean {
  return c < 128 && (CLASS[c] & 4) !== 0;
}

/** [A-Za-z_] */
function isNameStart(c: number): boolean {
  return c < 128 && (CLASS[c] & 1) !== 0;
}

/** [A-Za-z0-9_.:-] */
function isNameChar(c: number): boolean {
  return c < 128 && (CLASS[c] & 2) !== 0;
}

function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

const NAMED = ['amp', 'lt', 'gt', 'quot', 'apos'];

/** Whether xml[at] ("&") starts a known reference that ends with ";" within 12 characters. */
function entityAt(xml: string, at: number): boolean {
  const limit = Math.min(xml.length, at + 12);
  let i = at + 1;
  if (xml.charCodeAt(i) === 35 /* # */) {
    i++;
    const hex = xml.charCodeAt(i) === 120; /* x */
    if (hex) i++;
    const start = i;
    while (i < limit && (hex ? isHex(xml.charCodeAt(i)) : xml.charCodeAt(i) >= 48 && xml.charCodeAt(i) <= 57)) i++;
    return i > start && i < limit && xml.charCodeAt(i) === SEMI;
  }
  for (const name of NAMED) {
    if (at + name.length + 2 <= limit && xml.startsWith(name, at + 1) && xml.charCodeAt(at + 1 + name.length) === SEMI) return true;
  }
  return false;
}

/** The first bad "&" in xml[start, end), or -1. */
function badEntity(xml: string, start: number, end: number): number {
  for (let i = start; i < end; i++) if (xml.charCodeAt(i) === AMP && !entityAt(xml, i)) return i;
  return -1;
}

/** Whether xml[a, a+length) equals xml[b, b+length). */
function sameRange(xml: string, a: number, b: number, length: number): boolean {
  for (let i = 0; i < length; i++) if (xml.charCodeAt(a + i) !== xml.charCodeAt(b + i)) return false;
  return true;
}

/** null when well-formed, else the first problem. */
export function wellFormedError(xml: string): string | null {
  const length = xml.length;
  // open elements as ranges of the document, not strings
  let starts: Int32Array = new Int32Array(64);
  let lengths: Int32Array = new Int32Array(64);
  let depth = 0;
  // attribute names of the current tag, for the duplicate check
  let attrStarts: Int32Array = new Int32Array(16);
  let attrLengths: Int32Array = new Int32Array(16);
  let roots = 0;
  let p = 0;
  while (p < length) {
    let lt: number;
    if (depth === 0) {
      // outside the root (the prolog, the end): rare and short
      lt = xml.indexOf('<', p);
      if (lt < 0) lt = length;
      if (lt > p) {
        const text = xml.slice(p, lt);
        if (text.trim() && !(p === 0 && text === '\ufeff')) return `text outside the root at ${p}`;
        const bad = badEntity(xml, p, lt);
        if (bad >= 0) return `bad entity at ${bad}`;
      }
    } else {
      // content: to the next "<", every "&" a known reference
      lt = p;
      for (; lt < length; lt++) {
        const ch = xml.charCodeAt(lt);
        if (ch === LT) break;
        if (ch === AMP && !entityAt(xml, lt)) return `bad entity at ${lt}`;
      }
    }
    if (lt >= length) break;
    const c = xml.charCodeAt(lt + 1);
    if (c === 63 /* ? */) {
      const end = xml.indexOf('?>', lt);
      if (end < 0) return 'unterminated processing instruction';
      p = end + 2;
      continue;
    }
    if (c === 33 /* ! */) {
      if (xml.startsWith('<!--', lt)) {
        const end = xml.indexOf('-->', lt);
        if (end < 0) return 'unterminated comment';
        p = end + 3;
      } else if (xml.startsWith('<![CDATA[', lt)) {
        if (depth === 0) return 'CDATA outside the root';
        const end = xml.indexOf(']]>', lt);
        if (end < 0) return 'unterminated CDATA';
        p = end + 3;
      } else {
        return 'DOCTYPE is not allowed';
      }
      continue;
    }
    if (c === SLASH) {
      // end tag: </name> with optional spaces around the name
      let i = lt + 2;
      while (i < length && isSpace(xml.charCodeAt(i))) i++;
      const nameStart = i;
      while (i < length) {
        const ch = xml.charCodeAt(i);
        if (ch === GT || ch === LT || isSpace(ch)) break;
        i++;
      }
      const nameEnd = i;
      while (i < length && isSpace(xml.charCodeAt(i))) i++;
      if (i >= length) return `unterminated tag at ${lt}`;
      if (xml.charCodeAt(i) !== GT) return `bad end tag at ${lt}`;
      const name = nameEnd - nameStart;
      if (depth === 0) return `</${xml.slice(nameStart, nameEnd)}> closes <> at ${lt}`;
      depth--;
      if (lengths[depth] !== name || !sameRange(xml, starts[depth], nameStart, name)) {
        return `</${xml.slice(nameStart, nameEnd)}> closes <${xml.slice(starts[depth], starts[depth] + lengths[depth])}> at ${lt}`;
      }
      p = i + 1;
      continue;
    }
    // start tag: a name, then name="value" pairs separated by spaces, then > or />
    const nameStart = lt + 1;
    let i = nameStart;
    if (!isNameStart(xml.charCodeAt(i))) return `bad element name at ${lt}`;
    while (i < length && isNameChar(xml.charCodeAt(i))) i++;
    const nameEnd = i;
    const after = xml.charCodeAt(i);
    if (i < length && !isSpace(after) && after !== GT && after !== SLASH) {
      return after === LT ? `"<" inside a tag at ${lt}` : `bad element name at ${lt}`;
    }
    let attrs = 0;
    let selfClosing = false;
    for (;;) {
      const before = i;
      while (i < length && isSpace(xml.charCodeAt(i))) i++;
      if (i >= length) return `unterminated tag at ${lt}`;
      const ch = xml.charCodeAt(i);
      if (ch === GT) break;
      if (ch === SLASH) {
        if (xml.charCodeAt(i + 1) !== GT) return `bad attribute near ${lt}`;
        selfClosing = true;
        i++;
        break;
      }
      if (ch === LT) return `"<" inside a tag at ${lt}`;
      if (i === before && attrs > 0) return `attributes not separated near ${lt}`;
      // the attribute's name, "=", and its quoted value
      const aStart = i;
      if (!isNameStart(ch)) return `bad attribute near ${lt}`;
      while (i < length && isNameChar(xml.charCodeAt(i))) i++;
      const aLength = i - aStart;
      while (i < length && isSpace(xml.charCodeAt(i))) i++;
      if (xml.charCodeAt(i) !== EQUALS) return `bad attribute near ${lt}`;
      i++;
      while (i < length && isSpace(xml.charCodeAt(i))) i++;
      const quote = xml.charCodeAt(i);
      if (quote !== DQUOTE && quote !== SQUOTE) return `bad attribute near ${lt}`;
      // the value: to its closing quote, noting the first bad "&"; a "<" in it (or no closing
      // quote at all) is reported as before: unterminated first, then the "<"
      let close = i + 1;
      let bad = -1;
      for (; close < length; close++) {
        const v = xml.charCodeAt(close);
        if (v === quote) break;
        if (v === LT) return xml.indexOf(quote === DQUOTE ? '"' : "'", close) < 0 ? `unterminated tag at ${lt}` : `"<" inside a tag at ${lt}`;
        if (v === AMP && bad < 0 && !entityAt(xml, close)) bad = close;
      }
      if (close >= length) return `unterminated tag at ${lt}`;
      if (bad >= 0) return `bad entity at ${bad}`;
      for (let k = 0; k < attrs; k++) {
        if (attrLengths[k] === aLength && sameRange(xml, attrStarts[k], aStart, aLength)) {
          return `duplicate attribute ${xml.slice(aStart, aStart + aLength)} near ${lt}`;
        }
      }
      if (attrs === attrStarts.length) {
        attrStarts = grow(attrStarts);
        attrLengths = grow(attrLengths);
      }
      attrStarts[attrs] = aStart;
      attrLengths[attrs] = aLength;
      attrs++;
      i = close + 1;
    }
    if (depth === 0) roots++;
    if (roots > 1) return 'more than one root element';
    if (!selfClosing) {
      if (depth === starts.length) {
        starts = grow(starts);
        lengths = grow(lengths);
      }
      starts[depth] = nameStart;
      lengths[depth] = nameEnd - nameStart;
      depth++;
    }
    p = i + 1;
  }
  if (depth > 0) return `<${xml.slice(starts[depth - 1], starts[depth - 1] + lengths[depth - 1])}> is never closed`;
  if (roots !== 1) return 'no root element';
  return null;
}

function grow(a: Int32Array): Int32Array {
  const bigger = new Int32Array(a.length * 2);
  bigger.set(a);
  return bigger;
}

/*
 * The same check over a part's UTF-8 bytes, for the parts written as bytes (the sheet): every
 * character the check looks at is ASCII, and in UTF-8 no byte of a non-ASCII character is
 * (they are all 0x80 or more), so each decision the string check makes on a character, this one
 * makes on its bytes: a non-ASCII character is never a name character, a space or markup, and
 * always allowed in text and attribute values; names compare equal exactly when their bytes do.
 * Only the text outside the root (where trim() knows Unicode spaces) is decoded. The message of
 * a fault comes from the string check on the decoded bytes, so it is the one the string check
 * gives (positions in characters).
 */

const exact = new TextDecoder('utf-8', { ignoreBOM: true });

/** Whether b[at…] starts with the ASCII text `s`. */
function startsAt(b: Uint8Array, at: number, s: string): boolean {
  if (at + s.length > b.length) return false;
  for (let i = 0; i < s.length; i++) if (b[at + i] !== s.charCodeAt(i)) return false;
  return true;
}

/** Index of the ASCII text `s` in b from `from`, or -1. */
function findBytes(b: Uint8Array, s: string, from: number): number {
  const first = s.charCodeAt(0);
  for (let at = b.indexOf(first, from); at >= 0; at = b.indexOf(first, at + 1)) if (startsAt(b, at, s)) return at;
  return -1;
}

function entityAtBytes(b: Uint8Array, at: number): boolean {
  const limit = Math.min(b.length, at + 12);
  let i = at + 1;
  if (b[i] === 35 /* # */) {
    i++;
    const hex = b[i] === 120; /* x */
    if (hex) i++;
    const start = i;
    while (i < limit && (hex ? isHex(b[i]) : b[i] >= 48 && b[i] <= 57)) i++;
    return i > start && i < limit && b[i] === SEMI;
  }
  for (const name of NAMED) {
    if (at + name.length + 2 <= limit && startsAt(b, at + 1, name) && b[at + 1 + name.length] === SEMI) return true;
  }
  return false;
}

function sameBytes(b: Uint8Array, x: number, y: number, length: number): boolean {
  for (let i = 0; i < length; i++) if (b[x + i] !== b[y + i]) return false;
  return true;
}

/** wellFormedError for `exact.decode(bytes)` (the bytes of a string as TextEncoder writes them). */
export function wellFormedBytesError(bytes: Uint8Array): string | null {
  return wellFormedBytes(bytes) ? null : wellFormedError(exact.decode(bytes)) ?? 'not well-formed';
}

function wellFormedBytes(b: Uint8Array): boolean {
  const length = b.length;
  let starts: Int32Array = new Int32Array(64);
  let lengths: Int32Array = new Int32Array(64);
  let depth = 0;
  let attrStarts: Int32Array = new Int32Array(16);
  let attrLengths: Int32Array = new Int32Array(16);
  let roots = 0;
  let p = 0;
  while (p < length) {
    let lt: number;
    if (depth === 0) {
      lt = b.indexOf(LT, p);
      if (lt < 0) lt = length;
      if (lt > p) {
        const text = exact.decode(b.subarray(p, lt));
        if (text.trim() && !(p === 0 && text === '\ufeff')) return false;
        for (let i = p; i < lt; i++) if (b[i] === AMP && !entityAtBytes(b, i)) return false;
      }
    } else {
      lt = p;
      for (; lt < length; lt++) {
        const ch = b[lt];
        if (ch === LT) break;
        if (ch === AMP && !entityAtBytes(b, lt)) return false;
      }
    }
    if (lt >= length) break;
    const c = b[lt + 1];
    if (c === 63 /* ? */) {
      const end = findBytes(b, '?>', lt);
      if (end < 0) return false;
      p = end + 2;
      continue;
    }
    if (c === 33 /* ! */) {
      if (startsAt(b, lt, '<!--')) {
        const end = findBytes(b, '-->', lt);
        if (end < 0) return false;
        p = end + 3;
      } else if (startsAt(b, lt, '<![CDATA[')) {
        if (depth === 0) return false;
        const end = findBytes(b, ']]>', lt);
        if (end < 0) return false;
        p = end + 3;
      } else {
        return false;
      }
      continue;
    }
    if (c === SLASH) {
      let i = lt + 2;
      while (i < length && isSpace(b[i])) i++;
      const nameStart = i;
      while (i < length) {
        const ch = b[i];
        if (ch === GT || ch === LT || isSpace(ch)) break;
        i++;
      }
      const nameEnd = i;
      while (i < length && isSpace(b[i])) i++;
      if (i >= length || b[i] !== GT || depth === 0) return false;
      depth--;
      const name = nameEnd - nameStart;
      if (lengths[depth] !== name || !sameBytes(b, starts[depth], nameStart, name)) return false;
      p = i + 1;
      continue;
    }
    const nameStart = lt + 1;
    let i = nameStart;
    if (!isNameStart(b[i])) return false;
    while (i < length && isNameChar(b[i])) i++;
    const nameEnd = i;
    const after = b[i];
    if (i < length && !isSpace(after) && after !== GT && after !== SLASH) return false;
    let attrs = 0;
    let selfClosing = false;
    for (;;) {
      const before = i;
      while (i < length && isSpace(b[i])) i++;
      if (i >= length) return false;
      const ch = b[i];
      if (ch === GT) break;
      if (ch === SLASH) {
        if (b[i + 1] !== GT) return false;
        selfClosing = true;
        i++;
        break;
      }
      if (ch === LT) return false;
      if (i === before && attrs > 0) return false;
      const aStart = i;
      if (!isNameStart(ch)) return false;
      while (i < length && isNameChar(b[i])) i++;
      const aLength = i - aStart;
      while (i < length && isSpace(b[i])) i++;
      if (b[i] !== EQUALS) return false;
      i++;
      while (i < length && isSpace(b[i])) i++;
      const quote = b[i];
      if (quote !== DQUOTE && quote !== SQUOTE) return false;
      let close = i + 1;
      for (; close < length; close++) {
        const v = b[close];
        if (v === quote) break;
        if (v === LT) return false;
        if (v === AMP && !entityAtBytes(b, close)) return false;
      }
      if (close >= length) return false;
      for (let k = 0; k < attrs; k++) {
        if (attrLengths[k] === aLength && sameBytes(b, attrStarts[k], aStart, aLength)) return false;
      }
      if (attrs === attrStarts.length) {
        attrStarts = grow(attrStarts);
        attrLengths = grow(attrLengths);
      }
      attrStarts[attrs] = aStart;
      attrLengths[attrs] = aLength;
      attrs++;
      i = close + 1;
    }
    if (depth === 0) roots++;
    if (roots > 1) return false;
    if (!selfClosing) {
      if (depth === starts.length) {
        starts = grow(starts);
        lengths = grow(lengths);
      }
      starts[depth] = nameStart;
      lengths[depth] = nameEnd - nameStart;
      depth++;
    }
    p = i + 1;
  }
  return depth === 0 && roots === 1;
}

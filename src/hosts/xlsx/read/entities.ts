/**
 * Text decoding for XML parts: the five predefined entities and numeric character references
 * (no DTD entities, so no entity expansion to exploit), and OOXML's `_xHHHH_` escapes for
 * characters XML cannot carry (`_x000D_` is a carriage return, `_x005F_` a literal underscore).
 */

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The first `code` in s[start, end), or -1: unlike indexOf, never looks past `end` (no quadratic scans). */
export function indexIn(s: string, code: number, start: number, end: number): number {
  for (let i = start; i < end; i++) if (s.charCodeAt(i) === code) return i;
  return -1;
}

/** Decode entity and character references in s[start, end); unknown ones are kept as written. */
export function decodeEntities(s: string, start = 0, end = s.length): string {
  let amp = indexIn(s, 38 /* & */, start, end);
  if (amp < 0) return s.slice(start, end);
  let out = '';
  let from = start;
  while (amp >= 0) {
    // a reference is short; a stray "&" (invalid XML, but seen) is kept
    const semi = indexIn(s, 59 /* ; */, amp + 1, Math.min(end, amp + 12));
    if (semi >= 0) {
      const replacement = reference(s, amp + 1, semi);
      if (replacement !== undefined) {
        out += s.slice(from, amp) + replacement;
        from = semi + 1;
      }
    }
    amp = indexIn(s, 38, amp + 1, end);
  }
  return out + s.slice(from, end);
}

function reference(s: string, start: number, end: number): string | undefined {
  if (s.charCodeAt(start) !== 35 /* # */) return NAMED[s.slice(start, end)];
  const hex = s.charCodeAt(start + 1) === 120 || s.charCodeAt(start + 1) === 88; // x / X
  const digits = s.slice(start + (hex ? 2 : 1), end);
  if (digits.length === 0 || !(hex ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/).test(digits)) return undefined;
  const code = parseInt(digits, hex ? 16 : 10);
  if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
  return String.fromCodePoint(code);
}

function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

/** `_xHHHH_` → the character; `_x005F_` escapes the underscore of a literal "_xHHHH_". */
export function decodeOoxmlEscapes(s: string): string {
  let at = s.indexOf('_x');
  if (at < 0) return s;
  let out = '';
  let from = 0;
  while (at >= 0) {
    if (
      at + 6 < s.length &&
      s.charCodeAt(at + 6) === 95 &&
      isHex(s.charCodeAt(at + 2)) &&
      isHex(s.charCodeAt(at + 3)) &&
      isHex(s.charCodeAt(at + 4)) &&
      isHex(s.charCodeAt(at + 5))
    ) {
      out += s.slice(from, at) + String.fromCharCode(parseInt(s.slice(at + 2, at + 6), 16));
      from = at + 7;
      at = s.indexOf('_x', from);
    } else {
      at = s.indexOf('_x', at + 1);
    }
  }
  return out + s.slice(from);
}

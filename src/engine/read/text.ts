/** Text normalisation shared by every reader: NFKC first (design.md §4). */

/**
 * Characters NFKC leaves as they are (checked code point by code point in the tests): ASCII,
 * hiragana and katakana letters, CJK ideographs, Japanese punctuation and brackets, ○△▲□■◎ and
 * arrows. Text made only of them, which is most cell text, skips the costly normalisation.
 * Everything else (full-width forms, ①, ㎡, ゛, 〸, ☆…) takes the full path.
 */
export const NFKC_STABLE =
  /^[\t\n\r\x20-\x7e\u2010\u2012-\u2016\u2018-\u2023\u2027\u2190-\u21ff\u25a0-\u25ff\u3001-\u3035\u3037\u303b-\u303f\u3041-\u3096\u309d\u309e\u30a0-\u30fe\u4e00-\u9fff]*$/;

/** NFKC: full-width digits, letters, commas, percent and spaces become half-width. */
export function nfkc(text: string): string {
  return NFKC_STABLE.test(text) ? text : text.normalize('NFKC');
}

/** A header label as the matcher sees it: NFKC, no spaces or line breaks at all. */
export function normalizeLabel(text: string): string {
  if (plainWord(text) || (NFKC_STABLE.test(text) && !/\s/.test(text))) return text;
  return nfkc(text).replace(/\s+/g, '');
}

/**
 * Text of printable ASCII without spaces, kana and common ideographs only (a No., a code, a
 * department): NFKC leaves it as it is and it holds no white space. Checked character by character,
 * cheaper than the regular expressions for the short texts it is asked about.
 */
function plainWord(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x20 && c < 0x7f) continue;
    if ((c >= 0x3041 && c <= 0x3096) || (c >= 0x30a1 && c <= 0x30fa) || (c >= 0x4e00 && c <= 0x9fff)) continue;
    return false;
  }
  return true;
}

/** Cell text as people read it: NFKC, runs of spaces collapsed, trimmed; line breaks kept. */
export function cleanText(text: string): string {
  return nfkc(text)
    .replace(/[ \t\u3000]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .trim();
}

/** Whether NFKC changes this text, i.e. it held full-width or compatibility characters. */
export function hasCompatibilityCharacters(text: string): boolean {
  return nfkc(text) !== text;
}

/**
 * Whether display text needs more than a trim: a carriage return, a tab or an ideographic space,
 * or a space beside a space or a line break (what /[\r\t\u3000]| [ \n]|\n / finds, without a
 * regular expression: it runs for every text cell of every item).
 */
function needsCollapse(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x20) {
      if (c === 0x3000) return true;
      continue;
    }
    if (c === 13 || c === 9) return true;
    if (c === 32) {
      const next = text.charCodeAt(i + 1);
      if (next === 32 || next === 10) return true;
    } else if (c === 10 && text.charCodeAt(i + 1) === 32) {
      return true;
    }
  }
  return false;
}

/** Cell text as written, for display: spaces collapsed and trimmed, characters untouched (① stays ①). */
export function displayText(text: string): string {
  // most cells need nothing but a trim
  if (!needsCollapse(text)) return text.trim();
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\u3000]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .trim();
}

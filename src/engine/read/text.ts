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
  if (NFKC_STABLE.test(text) && !/\s/.test(text)) return text;
  return nfkc(text).replace(/\s+/g, '');
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

/** Cell text as written, for display: spaces collapsed and trimmed, characters untouched (① stays ①). */
export function displayText(text: string): string {
  // most cells need nothing but a trim
  if (!/[\r\t\u3000]| [ \n]|\n /.test(text)) return text.trim();
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\u3000]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .trim();
}

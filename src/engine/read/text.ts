/** Text normalisation shared by every reader: NFKC first (design.md §4). */

/** NFKC: full-width digits, letters, commas, percent and spaces become half-width. */
export function nfkc(text: string): string {
  return text.normalize('NFKC');
}

/**
 * Characters NFKC may change (full-width and half-width forms, circled numbers, ㎡, ㈱, Nº, CJK
 * compatibility ideographs, Latin-1 compatibility) and white space. Text without any of them is
 * already normalised, which is most cell text: skip the costly NFKC for it.
 */
const MAY_CHANGE = /[\s\u00a0-\u00ff\u2000-\u24ff\u2e80-\u2fdf\u3000\u3200-\u33ff\uf900-\ufaff\ufe10-\ufe6f\uff00-\uffef]/;

/** A header label as the matcher sees it: NFKC, no spaces or line breaks at all. */
export function normalizeLabel(text: string): string {
  if (!MAY_CHANGE.test(text)) return text;
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

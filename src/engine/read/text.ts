/** Text normalisation shared by every reader: NFKC first (design.md §4). */

/** NFKC: full-width digits, letters, commas, percent and spaces become half-width. */
export function nfkc(text: string): string {
  return text.normalize('NFKC');
}

/** A header label as the matcher sees it: NFKC, no spaces or line breaks at all. */
export function normalizeLabel(text: string): string {
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
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\u3000]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .trim();
}

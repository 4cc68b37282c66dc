/** Text normalisation shared by every reader: NFKC first (design.md §4). */

/** NFKC: full-width digits, letters, commas, percent and spaces become half-width. */
export function nfkc(text: string): string {
  return text.normalize('NFKC');
}

const labelCache = new Map<string, string>();

/** A header label as the matcher sees it: NFKC, no spaces or line breaks at all. */
export function normalizeLabel(text: string): string {
  let label = labelCache.get(text);
  if (label === undefined) {
    label = nfkc(text).replace(/\s+/g, '');
    if (labelCache.size > 20_000) labelCache.clear();
    labelCache.set(text, label);
  }
  return label;
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

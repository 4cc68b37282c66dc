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

const CJK = /[\u3040-\u30ff\u3400-\u9fff]/;
const SPACE = /[ \u3000]/;

/**
 * Words spaced out letter by letter for the printed page (「未 着 手：」, 「工　程 H25」) joined: a space
 * goes where a single kana or kanji stands on both sides of it. Words of two letters or more keep
 * theirs (目標 達成, もの 取 組 中). A loop, not a lookbehind (the task pane's older webview has none).
 */
export function joinSpacedLetters(t: string): string {
  if (!/[ \u3000]/.test(t)) return t;
  let out = '';
  for (let i = 0; i < t.length; i++) {
    const ch = t[i];
    if (!SPACE.test(ch)) {
      out += ch;
      continue;
    }
    let j = i;
    while (j < t.length && SPACE.test(t[j])) j++;
    const prev = t[i - 1] ?? '';
    const next = t[j] ?? '';
    const prevSingle = CJK.test(prev) && !CJK.test(t[i - 2] ?? '');
    const nextSingle = CJK.test(next) && !CJK.test(t[j + 1] ?? '');
    if (prevSingle && nextSingle) {
      i = j - 1;
      continue;
    }
    out += t.slice(i, j);
    i = j - 1;
  }
  return out;
}

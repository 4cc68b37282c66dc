/**
 * Header labels in profiles are regular expressions written by people (the reform office's
 * --config). A pattern that does not compile would fail every workbook, and one with nested
 * quantifiers (`(a+)+$`) can take exponential time on a short header: both are refused when the
 * configuration is read, with the pattern named, before any workbook is opened.
 */

/** Why a label pattern is refused, in Japanese (configuration problems are explained in Japanese). */
export function labelPatternProblem(source: string): string | null {
  try {
    new RegExp(source);
  } catch (err) {
    const detail = err instanceof Error ? err.message.replace(/^Invalid regular expression: /, '') : String(err);
    return `正規表現として読めません（${detail}）。括弧や記号の前に \\ が要らないか確かめてください。`;
  }
  if (source.length > 200) return '200 文字以内で書いてください。';
  if (/\\[1-9]/.test(source) || /\\k</.test(source)) return '後方参照（\\1 など）は使えません。';
  if (/\(\?<?[=!]/.test(source)) return '先読み・後読み（(?= など）は使えません。';
  if (hasNestedQuantifier(source)) {
    return '繰り返しの中に繰り返しがあり（(a+)+ など）、照合に時間がかかりすぎるおそれがあります。外側か内側の + や * を外してください。';
  }
  return null;
}

/**
 * Whether a quantified group contains a quantifier or an alternation (the shapes behind
 * catastrophic backtracking: `(a+)+`, `(a*)*`, `(a|aa)+`, `(.*x){3}`). A linear scan over the
 * pattern with a stack of groups; character classes and escapes are skipped.
 */
function hasNestedQuantifier(source: string): boolean {
  // per open group: does it hold a quantifier or an alternation?
  const groups: { risky: boolean }[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i];
    if (ch === '\\') {
      i += 2;
      continue;
    }
    if (ch === '[') {
      i = skipClass(source, i);
      continue;
    }
    if (ch === '(') {
      groups.push({ risky: false });
      i++;
      if (source[i] === '?') i += source[i + 1] === '<' ? 3 : 2;
      continue;
    }
    if (ch === '|') {
      if (groups.length) groups[groups.length - 1].risky = true;
      i++;
      continue;
    }
    if (ch === ')') {
      const group = groups.pop();
      i++;
      const quantified = isQuantifier(source, i);
      if (group && quantified && group.risky && isUnbounded(source, i)) return true;
      // a quantified group makes its enclosing group risky too
      if (groups.length && (quantified || group?.risky)) groups[groups.length - 1].risky ||= quantified || !!group?.risky;
      continue;
    }
    if (isQuantifier(source, i) && groups.length) groups[groups.length - 1].risky = true;
    i++;
  }
  return false;
}

function skipClass(source: string, start: number): number {
  let i = start + 1;
  if (source[i] === '^') i++;
  if (source[i] === ']') i++;
  while (i < source.length && source[i] !== ']') i += source[i] === '\\' ? 2 : 1;
  return i + 1;
}

function isQuantifier(source: string, i: number): boolean {
  const ch = source[i];
  return ch === '*' || ch === '+' || ch === '?' || (ch === '{' && /^\{\d+(,\d*)?\}/.test(source.slice(i)));
}

/** `+`, `*` and `{n,}` repeat without bound; `?` and `{n}`/`{n,m}` with small m do not explode. */
function isUnbounded(source: string, i: number): boolean {
  const ch = source[i];
  if (ch === '*' || ch === '+') return true;
  if (ch !== '{') return false;
  const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i));
  if (!m) return false;
  if (m[2] === undefined) return Number(m[1]) > 10;
  return m[3] === '' || Number(m[3]) > 10;
}

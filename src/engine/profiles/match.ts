import { normalizeLabel } from '../read/text';
import { VOCABULARY, type VocabularyTerm } from './vocabulary';

/** One way a normalised header label names a vocabulary term. */
export interface TermHit {
  term: string;
  /** The period the label names (capture group 1 of the pattern), if any. */
  token: string | null;
  /** The vocabulary label or pattern that matched: what `--explain` shows. */
  via: string;
  /** Whole-label match (surer than a pattern). */
  exact: boolean;
  /** The whole text the pattern matched (tells a month range from a quarter number). */
  matched: string;
}

/** The vocabulary compiled once per process, not per sheet. */
const exactLabels = new Map<string, VocabularyTerm[]>();
const compiledPatterns: { term: VocabularyTerm; source: string; re: RegExp }[] = [];
for (const term of VOCABULARY) {
  for (const label of term.labels) {
    const key = normalizeLabel(label);
    const list = exactLabels.get(key) ?? [];
    if (!list.includes(term)) list.push(term);
    exactLabels.set(key, list);
  }
  for (const source of term.patterns) compiledPatterns.push({ term, source, re: new RegExp(source) });
}

/** Labels longer than this are data, not headers: never matched. */
export const MAX_MATCHED_LABEL = 80;
/** A trailing bracket is tried without it: 担当課(室), 達成度(%), 基準値(2024). */
const TRAILING_BRACKET = /^(.+?)[(【<［][^()【】<>［］]*[)】>］]$/;

/** 【…】 around the start of a label: the brackets set it off, the words inside name it. */
const LEADING_BRACKET = /^【([^【】]{1,20})】(.*)$/;

/** 取り組み, 取組み, 取り組: 取組 with its okurigana. */
const OKURIGANA = /取り組み|取組み|取り組/;
const OKURIGANA_ALL = new RegExp(OKURIGANA.source, 'g');

const cache = new Map<string, TermHit[]>();
const CACHE_LIMIT = 5000;

/** Every term a normalised label names, exact labels first, then patterns, one hit per term. */
export function termHits(label: string): TermHit[] {
  const cached = cache.get(label);
  if (cached) return cached;
  // a label set off in brackets (【達成度】, 【実施状況】(着手の状況)) is read without them
  const wrapped = LEADING_BRACKET.exec(label);
  if (wrapped) {
    const hits = termHits(wrapped[1] + wrapped[2]);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(label, hits);
    return hits;
  }
  const hits: TermHit[] = [];
  if (label !== '' && label.length <= MAX_MATCHED_LABEL) {
    const seen = new Set<string>();
    const exact = (key: string) => {
      for (const term of exactLabels.get(key) ?? []) {
        if (seen.has(term.term)) continue;
        seen.add(term.term);
        hits.push({ term: term.term, token: null, via: key, exact: true, matched: key });
      }
    };
    exact(label);
    // a label the vocabulary lists whole is read as listed (取組内容(実績) is not a 取組内容…)
    if (hits.length === 0) {
      for (const { term, source, re } of compiledPatterns) {
        if (seen.has(term.term)) continue;
        const m = re.exec(label);
        if (!m) continue;
        seen.add(term.term);
        hits.push({ term: term.term, token: m[1] ?? null, via: source, exact: false, matched: m[0] });
      }
      // 担当課（主管）, 基準値（2024）: a trailing bracket is tried without it, after the patterns
      // (which read the year in 実績値（R6）)
      const bracket = TRAILING_BRACKET.exec(label);
      // 取組内容(実績) is a result, not 取組内容: a bracket naming the entry is kept; so is a year
      // a pattern already read (KPI(平成27年度) is that year's figure, not the indicator's name), and
      // a bracket saying the column is about problems (評価（課題、問題点）: a note, not the grade)
      const inBracket = bracket ? label.slice(bracket[1].length) : '';
      if (bracket && !/実績|計画|見込|目標|課題|問題点/.test(inBracket) && !(hits.length > 0 && /年|まで/.test(inBracket))) exact(bracket[1]);
    }
    // 取組み状況, 取り組み内容 (郡上市): the vocabulary spells 取組; the okurigana is no other word
    if (hits.length === 0 && OKURIGANA.test(label)) hits.push(...termHits(label.replace(OKURIGANA_ALL, '取組')));
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(label, hits);
  return hits;
}

/**
 * A period token as record.ts reads it: quarters become 1–4 (a start month 4/7/10/1 and 上/下 for
 * half years, whose ends are those of Q2 and Q4; 中間 is the first half), a bare era year becomes R6 / H29.
 */
export function periodToken(kind: 'quarter' | 'year', token: string | null, matched: string): string | null {
  if (token === null) return null;
  if (kind === 'quarter') {
    if (token === '上' || token === '中間') return '2';
    if (token === '下') return '4';
    if (/月/.test(matched) && !/四半期/.test(matched)) {
      const month = Number(token);
      if (month >= 1 && month <= 12) return String(Math.floor(((month - 4 + 12) % 12) / 3) + 1);
    }
    return token;
  }
  const bare = /^(\d{1,2})(年度|年)?$/.exec(token);
  if (bare) {
    // 20–31 can only be 平成 in sheets of that era; smaller numbers are 令和 (as years.ts reads 29基準)
    const n = Number(bare[1]);
    return n >= 20 ? `H${n}` : `R${n}`;
  }
  return token;
}

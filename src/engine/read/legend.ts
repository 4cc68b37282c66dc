import type { GradeStep } from '../config';
import { CIRCLED_NUMBERS, isEvaluationField, isEvaluationWord, isNotEvaluated, readArrowMark, readEvaluation, type EvaluationScale } from './evaluation';
import { joinSpacedLetters, nfkc, normalizeLabel } from './text';

/**
 * Evaluation legends (凡例) printed near a table, read into a scale (issue 7 item 4):
 *   「評価　S：計画以上　A：計画どおり　B：やや遅れ　C：遅れ」
 *   「◎：達成　○：概ね達成　△：一部未達成　×：未達成　－：対象外」
 *   「A：100%以上　B：80%以上　C：80%未満」 (with rate thresholds)
 *   「実施状況（完了／取組中／未着手）」 (a list without descriptions)
 */
export interface Legend {
  /** The words before the values (評価, 達成度, 実施状況), normalised; '' when none. */
  label: string;
  scale: EvaluationScale;
}

interface Entry {
  key: string;
  description: string;
}

/** Characters that separate legend entries (and never belong to a key). */
const SEPARATOR = '\\s,、・/|()\\[\\]【】「」『』<>〈〉';
const SEPARATOR_CHAR = new RegExp(`[${SEPARATOR}:=]`);
/** A key run that swallowed the end of the previous description (計画以上A:): the key is its last letter or symbol. */
const TRAILING_KEY = /([A-Za-z][+-]?|[◎○〇◯●△▲×✕✖☓-])$/;
/**
 * Labels that make a list of words a legend even when the words are not known evaluation words.
 * Short, and ending with the word: 評価, 実施状況, ※評価基準 (評価制度の見直し is an item, not a label).
 */
const EVALUATION_LABEL = /^.{0,8}(評価|状況|達成度|進捗|凡例|区分|評価基準)$/;

/** A title in brackets before the entries, with a colon of its own: 【評価:事業効果】 A:高い B:… (大分市). */
const BRACKET_TITLE = /^\s*[【[]([^】\]]{1,30}[:=][^】\]]{0,30})[】\]]\s*/;

/** A full-width letter key before its colon (Ａ：計画より進んでいる). */
const FULL_WIDTH_KEY = /[Ａ-Ｚａ-ｚ]\s*[：:＝=]/;

/** A short key in quotes just before its colon. */
const QUOTED_KEY = /「[^」\s]{1,4}」\s*[:=]/;
const QUOTED_KEYS = /「([^」\s]{1,4})」(?=\s*[:=])/g;

/** Read a legend from a text (a cell, a row of cells joined, a header label); null when it is none. */
export function parseLegend(text: string): Legend | null {
  const legend = parseNormalized(text);
  // Ａ：… Ｂ：… (秋田市): the sheet's letters are full-width, so its cells' Ａ is no variant spelling
  if (legend?.scale.kind === 'letters' && FULL_WIDTH_KEY.test(text)) legend.scale.fullWidth = true;
  return legend;
}

function parseNormalized(text: string): Legend | null {
  // a note mark before the first entry (※未着手：…) is no part of its key
  const t = joinSpacedLetters(nfkcKeepingCircled(text).replace(/[\u2010-\u2015\u2212\uff0d]/g, (ch) => (ch === '―' ? ch : '-'))).replace(/^\s*[※*]\s*(?=[^\s:=]{1,8}[:=])/, '');
  // the title's colon is no entry's: the title is the label, the entries follow it
  const title = BRACKET_TITLE.exec(t);
  if (title) {
    const rest = t.slice(title[0].length);
    const legend = parseLegend(rest);
    if (legend) return { ...legend, label: legend.label || cleanLabel(title[1]) };
    // nothing after the brackets: the whole legend is in them, 【 ▲:検討・準備　●:実施・継続 】 (龍郷町)
    return rest.trim() === '' ? parseLegend(title[1]) : null;
  }
  if (!/[:=]/.test(t)) return parseBracketKeys(t) ?? parseSpacedKeys(t) ?? parseList(t);
  // keys in quotes before their colons: 「△」：調査、検討 「◎→」：実施後、引き続き推進 (八代市)
  if (QUOTED_KEY.test(t)) return parseLegend(t.replace(QUOTED_KEYS, ' $1'));
  const { label, entries } = splitEntries(t, EVALUATION_TITLE.test(t) ? LONG_KEY : SHORT_KEY);
  return entries.length >= 2 ? toLegend(label, entries, true) : parseList(t);
}

/** NFKC, but ① … ⑳ stay as they are: keys of a scale (①：達成 ②：遅れ), read so in the cells too. */
function nfkcKeepingCircled(text: string): string {
  // each kept as a private-use character NFKC leaves alone, then given back
  const kept = text.replace(CIRCLED_NUMBERS, (ch) => String.fromCharCode(0xe000 + ch.charCodeAt(0) - 0x2460));
  if (kept === text) return nfkc(text);
  return nfkc(kept).replace(/[\ue000-\ue013]/g, (ch) => String.fromCharCode(0x2460 + ch.charCodeAt(0) - 0xe000));
}

/** How long a key may be: a word such as 完了 or 計画どおり; under an evaluation's title in brackets, a phrase. */
const SHORT_KEY = 8;
const LONG_KEY = 16;
/**
 * An evaluation's title in brackets opening the line: 【達成状況】 年度計画よりも進んでいる：…110%超 年度計画どおり：…
 * (浜松市). Under it, the keys may be phrases longer than a word.
 */
const EVALUATION_TITLE = /^\s*[【[〈《]\s*[^】\]〉》:=]{0,8}(評価|状況|達成度|進捗|判定|凡例|評価基準)\s*[】\]〉》]/;

function splitEntries(t: string, maxKey: number): { label: string; entries: Entry[] } {
  const keys: { key: string; at: number; after: number }[] = [];
  const colon = /\s*[:=]\s*/g;
  for (let m = colon.exec(t); m; m = colon.exec(t)) {
    // an "=" inside brackets is a sum, not a key's (（5点×24項目＝120点満点）, 鴨川市)
    if (m[0].trim() === '=' && insideBrackets(t, m.index)) continue;
    const key = keyBefore(t, m.index, keys.length > 0 ? keys[keys.length - 1].after : 0, maxKey);
    if (key) keys.push({ key: key.text, at: key.at, after: m.index + m[0].length });
  }
  const label = keys.length > 0 ? t.slice(0, keys[0].at) : t;
  const entries = keys.map((k, i) => ({
    key: k.key,
    description: t.slice(k.after, i + 1 < keys.length ? keys[i + 1].at : t.length).replace(/[\s、,・/|]+$/, '').trim(),
  }));
  return { label: cleanLabel(label), entries };
}

/** Whether position `at` of t stands inside round brackets opened before it and not closed. */
function insideBrackets(t: string, at: number): boolean {
  let depth = 0;
  for (let i = 0; i < at; i++) {
    if (t[i] === '(') depth++;
    else if (t[i] === ')' && depth > 0) depth--;
  }
  return depth > 0;
}

/**
 * The key in front of a colon at `end`: the run back to a separator (完了, 対象外), or, when the
 * run also holds the end of the previous description (計画以上A), its last letter or symbol.
 */
function keyBefore(t: string, end: number, from: number, maxKey: number): { text: string; at: number } | null {
  let at = end;
  while (at > from && !SEPARATOR_CHAR.test(t[at - 1])) at--;
  const run = t.slice(at, end);
  if (run === '') return null;
  const trailing = TRAILING_KEY.exec(run);
  if (trailing && trailing[0].length < run.length && /[^\x00-\x7f]/.test(run.slice(0, -trailing[0].length))) {
    return { text: trailing[0], at: end - trailing[0].length };
  }
  return run.length <= maxKey ? { text: run, at } : null;
}

/** A key in brackets: 【A】, 【◎】 (one letter or symbol, never a number such as 【7】). */
const BRACKET_KEY = /【\s*([A-Za-z][+-]?|[◎○〇◯●△▲×✕-])\s*】/g;

/**
 * Keys in brackets beside their descriptions, one per cell of a strip (北九州市):
 * 「120%以上【A】 100~119%【B】 70~99%【C】 69%以下【D】」 (description first) or
 * 「【A】120%以上 【B】100~119% …」 (key first).
 */
function parseBracketKeys(t: string): Legend | null {
  const keys: { key: string; at: number; end: number }[] = [];
  BRACKET_KEY.lastIndex = 0;
  for (let m = BRACKET_KEY.exec(t); m; m = BRACKET_KEY.exec(t)) keys.push({ key: m[1], at: m.index, end: m.index + m[0].length });
  if (keys.length < 2) return null;
  const keyFirst = t.slice(0, keys[0].at).trim() === '';
  let label = '';
  const entries: Entry[] = keys.map((k, i) => {
    if (keyFirst) return { key: k.key, description: t.slice(k.end, i + 1 < keys.length ? keys[i + 1].at : t.length).trim() };
    const from = i === 0 ? 0 : keys[i - 1].end;
    const before = t.slice(from, k.at).trim();
    if (i > 0) return { key: k.key, description: before };
    // what precedes the first description (the strip's title) is the label
    const parts = before.split(/\n|\s{2,}/);
    const description = parts.pop()?.trim() ?? '';
    label = parts.join(' ');
    return { key: k.key, description };
  });
  // every key needs a description, or this is no legend (a list of 【A】 marks)
  if (entries.some((e) => e.description === '' || e.description.length > 40)) return null;
  return toLegend(cleanLabel(label), entries, true);
}

/** A letter standing alone before its description: after the start or a space, before a space or a bracket. */
const SPACED_KEY = /(?:^|\s)([A-Z])(?=\s|[(〔【[])/g;

/**
 * Letters each followed by their description, without colons (大津町: 「※取組みの評価　A　目標以上
 * 〔100%超〕　B（ほぼ）目標通り〔100%～80%〕　C　やや遅れ〔80%～50%〕　D　遅れ〔50%未満〕」): three or
 * more letters, each with words after it.
 */
function parseSpacedKeys(t: string): Legend | null {
  const keys: { key: string; at: number; end: number }[] = [];
  SPACED_KEY.lastIndex = 0;
  for (let m = SPACED_KEY.exec(t); m; m = SPACED_KEY.exec(t)) {
    const at = m.index + m[0].length - 1;
    keys.push({ key: m[1], at, end: at + 1 });
  }
  if (keys.length < 3 || new Set(keys.map((k) => k.key)).size !== keys.length) return null;
  const entries = keys.map((k, i) => ({ key: k.key, description: t.slice(k.end, i + 1 < keys.length ? keys[i + 1].at : t.length).trim() }));
  if (entries.some((e) => e.description === '' || e.description.length > 40 || !/[^\x00-\x7f]/.test(e.description))) return null;
  return toLegend(cleanLabel(t.slice(0, keys[0].at)), entries, true);
}

/** 「完了／取組中／未着手」, 「◎・○・△・×」: values listed without descriptions. */
function parseList(t: string): Legend | null {
  const list = /([^\s/・、,():=]{1,8}(?:\s*[/・、,]\s*[^\s/・、,():=]{1,8}){1,6})/g;
  for (let m = list.exec(t); m; m = list.exec(t)) {
    const keys = m[1].split(/\s*[/・、,]\s*/);
    // a list in brackets is the scale only when it fills them: プロセス評価（Ⅰ企画・立案 Ⅱ実施 Ⅲ評価）
    // names what a grade weighs, not the grades
    if (/\(\s*$/.test(t.slice(0, m.index)) && !/^\s*(\)|$)/.test(t.slice(m.index + m[0].length))) continue;
    const label = cleanLabel(t.slice(0, m.index));
    const known = keys.every((k) => isEvaluationWord(k) || isNotEvaluated(k) || readEvaluation(k).kind === 'symbol');
    if (!known && !EVALUATION_LABEL.test(label)) continue;
    const legend = toLegend(
      label,
      keys.map((key) => ({ key, description: '' })),
      false,
    );
    if (legend) return legend;
  }
  return null;
}

function cleanLabel(text: string): string {
  return normalizeLabel(text)
    .replace(/^[※*＊]+/, '')
    .replace(/[【】()[\]「」:：=]/g, '')
    .replace(/^凡例/, '');
}

type KeyKind = 'letters' | 'symbols' | 'words';

function keyKind(key: string): KeyKind {
  const reading = readEvaluation(key);
  // a lone x or O is a symbol, as it is in cells, unless the other keys are letters (see toLegend)
  if (reading.kind === 'symbol' || readArrowMark(key) !== null) return 'symbols';
  if (reading.kind === 'letter') return 'letters';
  return 'words';
}

/** X and O among letters (F S A B C X Y Z) are letters, not × and ○. */
function latinLetter(key: string): boolean {
  return /^[A-Za-z]$/.test(nfkc(key).trim());
}

/**
 * A legend entry that explains "not evaluated": －：対象外, ―：評価しない, 計画事項なし：…判定する計画事項がない
 * (千葉県: nothing was planned for the year, so nothing to judge).
 */
const NOT_EVALUATED_MEANING = /^(評価)?対象外|評価(なし|しない|せず)|該当なし|判定する[^。、]{0,12}(が|は)(ない|なし)/;

/** The label of a score given in points: 評価得点, 点数, スコア. */
const SCORE_LABEL = /(得点|点数|評点|スコア)/;

/** Keys that are whole points, one each of a run such as 5 4 3 2 1 0 (at most ten). */
function isPointRange(keys: string[]): boolean {
  const points = keys.map((k) => nfkc(k).trim());
  if (!points.every((p) => /^\d$/.test(p))) return false;
  const sorted = points.map(Number).sort((a, b) => a - b);
  return sorted.every((p, i) => i === 0 || p === sorted[i - 1] + 1);
}

/** A key that is a figure or a date, not a word: 2025, R6, 1月, 10%. */
const FIGURE_KEY = /^(?:[RH]|令和|平成)?[\d.,/%:年月日度()（）-]+$/;

/** Entries → a scale, or null when they are no evaluation legend (担当：…, 目標：…). */
function toLegend(label: string, entries: Entry[], described: boolean): Legend | null {
  const values: Entry[] = [];
  const notEvaluated: string[] = [];
  for (const e of entries) {
    if (isNotEvaluated(e.key) || (described && NOT_EVALUATED_MEANING.test(normalizeLabel(e.description)))) {
      notEvaluated.push(e.key);
    } else {
      values.push(e);
    }
  }
  if (values.length < 2) return null;
  const kinds = new Set(values.map((v) => keyKind(v.key)));
  if (kinds.size === 2 && kinds.has('letters') && values.every((v) => keyKind(v.key) !== 'symbols' || latinLetter(v.key))) {
    kinds.delete('symbols');
  }
  if (kinds.size !== 1) return null;
  const kind = [...kinds][0];
  if (kind === 'words') {
    // points under a score's label (【評価得点】 5：計画どおり完了 … 0：未着手, 鴨川市): a scale of the points
    if (SCORE_LABEL.test(label) && isPointRange(values.map((v) => v.key))) {
      const points = values.map((v) => String(Number(nfkc(v.key).trim())));
      return { label, scale: { kind, allowed: points, thresholds: null, notEvaluated, source: 'legend' } };
    }
    // 2025：…, R6：…, 1月：… are dates, no scale; 50%以上実施 (群馬県's 実施結果評価) is a grade in words
    if (values.some((v) => FIGURE_KEY.test(v.key))) return null;
    const known = values.every((v) => isEvaluationWord(v.key));
    if (!known && !EVALUATION_LABEL.test(label)) return null;
  }
  const allowed = values.map((v) => canonicalKey(v.key, kind));
  if (new Set(allowed).size !== allowed.length) return null;
  const thresholds = described ? readThresholds(values, allowed) : null;
  const ordered = thresholds ? thresholds.map((t) => t.grade) : allowed;
  return { label, scale: { kind, allowed: ordered, thresholds, notEvaluated, source: 'legend' } };
}

function canonicalKey(key: string, kind: KeyKind): string {
  if (kind === 'symbols') {
    const reading = readEvaluation(key);
    return reading.kind === 'symbol' ? reading.symbol : (readArrowMark(key) ?? key);
  }
  return kind === 'letters' ? key.trim() : normalizeLabel(key);
}

/** 100%以上, 80％を上回る, 8割以上, 80～100%: the lowest rate of a value. */
const AT_LEAST = /(\d+(?:\.\d+)?)\s*(%|割)\s*(以上|超|を?上回|~|～|〜)|(\d+(?:\.\d+)?)\s*%?\s*[~～〜]\s*\d+(?:\.\d+)?\s*%/;
const BELOW = /(\d+(?:\.\d+)?)\s*(%|割)\s*(未満|以下|を?下回)/;
const BAND = /(\d+(?:\.\d+)?)\s*%?\s*[~～〜]\s*(\d+(?:\.\d+)?)\s*%/;

/**
 * Rate thresholds from the descriptions, highest first: every value but the lowest needs a
 * lowest rate, and the rates must differ. Anything else is no mapping (no comparison).
 */
function readThresholds(values: Entry[], allowed: string[]): GradeStep[] | null {
  const steps: GradeStep[] = [];
  let open = 0;
  values.forEach((v, i) => {
    // a band written either way round (80～100%, 〔100%～80%〕): its lower end
    const band = BAND.exec(v.description);
    if (band) {
      steps.push({ grade: allowed[i], min: Math.min(Number(band[1]), Number(band[2])) / 100 });
      return;
    }
    const m = AT_LEAST.exec(v.description);
    if (m) {
      const n = Number(m[1] ?? m[4]);
      steps.push({ grade: allowed[i], min: m[2] === '割' ? n / 10 : n / 100 });
    } else if (BELOW.test(v.description)) {
      steps.push({ grade: allowed[i], min: null });
      open++;
    }
  });
  if (steps.length !== values.length || open > 1) return null;
  const mins = steps.filter((s) => s.min !== null).map((s) => s.min as number);
  if (new Set(mins).size !== mins.length) return null;
  return steps.sort((a, b) => (b.min ?? -Infinity) - (a.min ?? -Infinity));
}

/** A legend found near the table; `column` is set when it stands in an evaluation column's own header. */
export interface PlacedLegend extends Legend {
  column: number | null;
}

/** Longer cells are prose, not legends (and are not worth scanning). */
export const MAX_LEGEND_CELL = 400;
/** A legend spread over a row has one entry per cell: a few cells, not a sheet's width. */
export const MAX_LEGEND_CELLS = 12;

/**
 * Legends near the table: in an evaluation column's header cell, in the rows above the header,
 * and in legend or note rows between or below the tables. Each cell is read alone first; a legend
 * spread over a row of cells (◎：達成 | ○：概ね達成 | …) is read from the row joined.
 */
export function legendsNearTable(view: LegendView, layout: LegendLayout): PlacedLegend[] {
  const out: PlacedLegend[] = [];
  for (const col of layout.match.columns) {
    if (!isEvaluationField(col.field)) continue;
    const legend = parseLegend(col.label);
    if (legend) out.push({ ...legend, column: col.column });
  }
  // a legend written one entry per row (※未着手：… | 取組中：… | 完了：…), each row no legend alone
  let entryRows: string[] = [];
  const endEntryRows = () => {
    const legend = entryRows.length >= 2 ? parseLegend(entryRows.join('  ')) : null;
    if (legend) out.push({ ...legend, column: null });
    entryRows = [];
  };
  for (let r = 0; r < layout.kinds.length; r++) {
    const kind = layout.kinds[r];
    if (kind !== 'title' && kind !== 'legend' && kind !== 'note') {
      endEntryRows();
      continue;
    }
    const texts: string[] = [];
    let found = false;
    for (const c of view.filledColumns(r)) {
      const v = view.raw(r, c);
      if (typeof v !== 'string' || v.length > MAX_LEGEND_CELL) continue;
      texts.push(v);
      const legend = parseLegend(v);
      if (legend) {
        out.push({ ...legend, column: null });
        found = true;
      }
    }
    if (!found && texts.length > 1 && texts.length <= MAX_LEGEND_CELLS) {
      const legend = parseLegend(texts.join('  '));
      if (legend) {
        out.push({ ...legend, column: null });
        found = true;
      }
    }
    // a row of one entry joins the rows of entries above it; a note mark (※) starts another legend
    const entry = !found && texts.length === 1 && ONE_ENTRY.test(nfkc(texts[0]).trim());
    if (!entry || NOTE_MARK.test(texts[0].trim())) endEntryRows();
    if (entry && entryRows.length < MAX_LEGEND_CELLS) entryRows.push(texts[0]);
  }
  endEntryRows();
  return out;
}

/** One "key：description" and nothing more: a legend's entry on a row of its own. */
const ONE_ENTRY = /^[※*]?\s*[^:=\s]{1,8}(?:\s+[^:=\s]{1,3}){0,4}\s*[:=][^:=]{1,80}$/;
const NOTE_MARK = /^[※＊*]/;

/** What legend finding reads of the sheet and its layout (kept narrow: read/ does not depend on table/). */
export interface LegendView {
  filledColumns(r: number): number[];
  raw(r: number, c: number): string | number | boolean | null;
}
export interface LegendLayout {
  kinds: readonly string[];
  match: { columns: readonly { field: string; column: number; label: string }[] };
}

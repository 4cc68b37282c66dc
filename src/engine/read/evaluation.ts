import type { GradeStep } from '../config';
import type { CellValue } from '../types';
import { isBlank, isExcelError, isNoneMarker } from './cell';
import { nfkc, normalizeLabel } from './text';

/** ● is a mark of its own (● 実施・継続 ▲ 検討・準備 in a schedule legend), never on the default scale. */
export type EvaluationSymbol = '◎' | '○' | '●' | '△' | '▲' | '×';
/** The default symbol scale, best first. */
export const EVALUATION_SYMBOLS: readonly EvaluationSymbol[] = ['◎', '○', '△', '▲', '×'];

/** Variant spellings people type for the same symbol (design.md §4). */
const SYMBOL_VARIANTS: Record<string, EvaluationSymbol> = {
  '◎': '◎',
  '○': '○',
  '〇': '○', // U+3007 ideographic zero
  '◯': '○', // U+25EF large circle
  O: '○',
  o: '○',
  '●': '●',
  '△': '△',
  '▲': '▲',
  '×': '×',
  '✕': '×',
  '✖': '×',
  '☓': '×',
  x: '×',
  X: '×',
};

export type EvaluationReading =
  | { kind: 'blank' }
  | { kind: 'none' }
  | { kind: 'error'; error: string }
  /**
   * A symbol or a letter; `variant` holds the spelling when it was not the canonical one.
   * `embedded` is the grade as written when it stands after a value in the same cell
   * (「H29:26.4%\n【B】」): the rest of the cell is no misspelling of it.
   */
  | { kind: 'symbol'; symbol: EvaluationSymbol; variant: string | null; embedded?: string }
  | { kind: 'letter'; letter: string; variant: string | null; embedded?: string }
  | { kind: 'other'; text: string };

const BLANK: EvaluationReading = { kind: 'blank' };

/** The circled numbers ① … ⑳ (U+2460–U+2473): grades of their own (①：達成 ②：遅れ ③：未達成). */
export const CIRCLED_NUMBERS = /[\u2460-\u2473]/g;
const CIRCLED_NUMBER = /^[\u2460-\u2473]$/;
const cache = new Map<string, EvaluationReading>();

/** Read a self-evaluation cell into a normalised symbol or letter (each spelling read once). */
export function readEvaluation(value: CellValue | undefined): EvaluationReading {
  if (isBlank(value)) return BLANK;
  const key = String(value);
  let reading = cache.get(key);
  if (!reading) {
    reading = readText(key.trim());
    if (cache.size > 1000) cache.clear();
    cache.set(key, reading);
  }
  return reading;
}

function readText(raw: string): EvaluationReading {
  if (isExcelError(raw)) return { kind: 'error', error: raw };
  // "-" is a none marker, but a lone "x"/"O" is a symbol: check symbols first
  const symbol = SYMBOL_VARIANTS[raw] ?? SYMBOL_VARIANTS[nfkc(raw)];
  if (symbol) return { kind: 'symbol', symbol, variant: raw === symbol ? null : raw };
  if (isNoneMarker(raw) || isNotEvaluated(raw)) return { kind: 'none' };
  // ① ② ③ (①：達成 ②：遅れ ③：未達成): grades of their own, kept as written (NFKC would make them digits)
  if (CIRCLED_NUMBER.test(raw)) return { kind: 'letter', letter: raw, variant: null };
  const letter = nfkc(raw).toUpperCase();
  if (/^[A-Z][+-]?$/.test(letter)) {
    return { kind: 'letter', letter, variant: raw === letter ? null : raw };
  }
  return embeddedGrade(raw) ?? leadingGrade(raw) ?? { kind: 'other', text: raw };
}

/**
 * A grade written first, its meaning after it, as the legend words it (大津町: 「B（ほぼ）目標通り
 * 〔100%～80%〕」, 「C　やや遅れ」): the letter, after a space or a bracket, before words in Japanese.
 */
const LEADING_GRADE = /^([A-Za-z])(?:\s+|(?=[(〔【[]))[^]*[^\x00-\x7f]/;

function leadingGrade(raw: string): EvaluationReading | null {
  if (raw.length > 200) return null;
  const m = LEADING_GRADE.exec(nfkc(raw));
  if (!m) return null;
  const letter = m[1].toUpperCase();
  return { kind: 'letter', letter, variant: null, embedded: m[1] };
}

/** 【B】 after a value (「H29:26.4%\n【B】」), or a lone mark on the last line (「調査中\n－」). */
const EMBEDDED_GRADE = /(?:[\n ]\s*【\s*([^【】\s]{1,3})\s*】|\n\s*([^\s【】]))$/;

/** A grade that stands after a value in one cell: read as the grade, never as a misspelling. */
function embeddedGrade(raw: string): EvaluationReading | null {
  if (raw.length > 200) return null;
  const m = EMBEDDED_GRADE.exec(raw);
  // a value must stand before the grade
  if (!m || raw.slice(0, m.index).trim() === '') return null;
  const inner = m[1] ?? m[2];
  const reading = readText(inner);
  if (reading.kind === 'symbol' || reading.kind === 'letter') return { ...reading, embedded: inner };
  return reading.kind === 'none' ? reading : null;
}

/** "Not evaluated" (design.md §3): never invalid, never compared, and present (not missing). */
const NOT_EVALUATED = new Set([
  '対象外',
  '評価対象外',
  '評価なし',
  '評価無し',
  '評価せず',
  '評価しない',
  '該当なし',
  '対象外のため',
  '―',
  '－',
  '-',
  'ー',
  '−', // U+2212 minus sign, which NFKC keeps
]);

export function isNotEvaluated(text: string): boolean {
  return text.length <= 8 && NOT_EVALUATED.has(normalizeLabel(text));
}

/**
 * The scale a column of self-evaluations is written on, best value first: letters (S–D, A–C,
 * lower-case a–d), symbols (◎○△▲× or a subset such as ○△×), or words (完了/取組中/未着手).
 */
export interface EvaluationScale {
  kind: 'letters' | 'symbols' | 'words';
  /** Allowed values as the sheet spells them, best first where the order is known. */
  allowed: string[];
  /**
   * Rate thresholds of the values (value → lowest rate), where a legend with percentages or the
   * configuration gives them: only then is the self-evaluation compared with the rate.
   */
  thresholds: GradeStep[] | null;
  /** Extra "not evaluated" spellings the legend names (－：対象外). */
  notEvaluated: string[];
  /** Where the scale came from. */
  source: 'legend' | 'config' | 'profile' | 'majority';
  /** The legend writes its letters full-width (Ａ Ｂ Ｃ): in the cells they are no variant. */
  fullWidth?: boolean;
}

export type ScaleReading =
  | { kind: 'blank' }
  | { kind: 'none' }
  | { kind: 'error'; error: string }
  /** On the scale: the value as the scale spells it; `variant` is the spelling when it differs. */
  | { kind: 'value'; value: string; variant: string | null }
  | { kind: 'invalid'; text: string };

/** Word spellings that mean the same: おおむね/概ね, 取り組み/取組, 通り/どおり, 済み/済. */
export function wordKey(text: string): string {
  return normalizeLabel(text)
    .replace(/おおむね|大むね/g, '概ね')
    .replace(/取り組み|取組み|取り組/g, '取組')
    .replace(/通り/g, 'どおり')
    .replace(/済み/g, '済');
}

const scaleCaches = new WeakMap<EvaluationScale, Map<string, ScaleReading>>();

/** Read a self-evaluation against a scale (each spelling read once per scale). */
export function readOnScale(value: CellValue | undefined, scale: EvaluationScale): ScaleReading {
  const base = readEvaluation(value);
  if (base.kind === 'blank' || base.kind === 'none' || base.kind === 'error') return base;
  let cache = scaleCaches.get(scale);
  if (!cache) {
    cache = new Map();
    scaleCaches.set(scale, cache);
  }
  const key = String(value);
  let reading = cache.get(key);
  if (!reading) {
    reading = onScale(base, key.trim(), scale);
    if (cache.size > 1000) cache.clear();
    cache.set(key, reading);
  }
  return reading;
}

function onScale(base: EvaluationReading, raw: string, scale: EvaluationScale): ScaleReading {
  const key = wordKey(raw);
  if (scale.notEvaluated.some((n) => wordKey(n) === key)) return { kind: 'none' };
  // a grade after a value in the same cell is compared as written inside its brackets
  const written = (base.kind === 'symbol' || base.kind === 'letter') && base.embedded !== undefined ? base.embedded : raw;
  if (scale.kind === 'symbols') {
    if (base.kind === 'symbol' && scale.allowed.includes(base.symbol)) return { kind: 'value', value: base.symbol, variant: base.variant };
    // an arrow the legend names (→ 継続して推進, ◎→ 実施後、引き続き推進)
    const mark = base.kind === 'other' ? readArrowMark(raw) : null;
    if (mark !== null && scale.allowed.includes(mark)) return { kind: 'value', value: mark, variant: mark === raw ? null : raw };
    return { kind: 'invalid', text: raw };
  }
  if (scale.kind === 'letters') {
    // on a letter scale, X and O are letters (a legend F S A B C X Y Z), not × and ○
    const letter = base.kind === 'letter' ? base.letter : /^[A-Za-z]$/.test(nfkc(written)) ? nfkc(written).toUpperCase() : null;
    if (letter === null) return { kind: 'invalid', text: raw };
    // the scale's own case is canonical: a–d sheets write lower case, S–D sheets upper case
    const value = scale.allowed.find((a) => a.toUpperCase() === letter);
    if (value === undefined) return { kind: 'invalid', text: raw };
    // a legend that writes its letters full-width (Ａ：計画より進んでいる) makes Ａ the sheet's own spelling
    const ownSpelling = written === value || (scale.fullWidth === true && nfkc(written) === value);
    return { kind: 'value', value, variant: ownSpelling ? null : written };
  }
  const value = scale.allowed.find((a) => wordKey(a) === key);
  if (value === undefined) return { kind: 'invalid', text: raw };
  // a spelling of the word (おおむね for 概ね), or its full-width form (５ for 5), is a variant; spaces are not
  const sameSpelling = normalizeLabel(raw) === normalizeLabel(value) && nfkc(raw).replace(/\s+/g, '') === raw.replace(/\s+/g, '');
  return { kind: 'value', value, variant: sameSpelling ? null : raw };
}

/** Word scales seen on real sheets, best first: a column that mostly holds one of them is on it. */
export const WORD_SCALES: readonly (readonly string[])[] = [
  ['完了', '取組中', '未着手'],
  ['完了', '実施中', '未着手'],
  ['達成', '概ね達成', '一部達成', '未達成'],
  ['順調', '概ね順調', 'やや遅れ', '遅れ'],
  ['順調', 'やや遅れ', '大幅遅れ'],
  ['計画以上', '計画どおり', 'やや遅れ', '遅れ'],
  ['計画以上', '計画どおり', '計画以下'],
  ['実施', '一部実施', '未実施'],
  // the direction a 行政評価 gives each 事務事業 (総合評価: 拡充 / 改善 / 縮小 …)
  ['拡充', '現状維持', '改善', '再構築', '縮小', '統合', '休止', '廃止'],
];

/** Words that are evaluations wherever they stand (a legend of them needs no 評価 label). */
const EVALUATION_WORDS = new Set(
  [
    ...WORD_SCALES.flat(),
    '計画達成',
    '完了済',
    '実施済',
    '済',
    '継続',
    '継続中',
    '着手',
    '着手済',
    '検討中',
    '準備中',
    '一部未達成',
    '遅延',
    '予定どおり',
    '廃止',
    '休止',
    '中止',
    '終了',
    '見直し',
    '拡充',
    '現状維持',
    '改善',
    '縮小',
    '未実施',
  ].map(wordKey),
);

export function isEvaluationWord(text: string): boolean {
  return EVALUATION_WORDS.has(wordKey(text));
}

/** Fields that hold a self-evaluation: evaluation, and a second one (evaluation2) where a sheet has two. */
export function isEvaluationField(field: string): boolean {
  return /^evaluation\d*$/.test(field);
}

/**
 * An evaluation made by others than the department that fills the sheet: a committee's 外部評価, a
 * 第三者評価, the reform office's 二次評価. They grade the items they chose and leave the rest blank
 * (甲賀市: 外部評価 beside the 担当課評価, ※外部評価の欄が空欄の項目は…対象外), so a blank one is
 * no missing entry of the department's. Read from the column's label (with its group).
 */
const BY_OTHERS = /外部|第三者|委員会?|審議会|有識者|懇話会|市民評価|(二|2)次評価/;

export function isEvaluationByOthers(label: string): boolean {
  return BY_OTHERS.test(nfkc(label).replace(/\s+/g, ''));
}

/** An arrow, alone or after a symbol: → ⇒ ◎→. A mark of progress on a legend of marks (八代市), never on the default scale. */
const ARROW_MARK = /^([◎○〇◯●△▲×✕])?\s*([→⇒➡➠]{1,3})$/;

/** The arrow mark a text is, its symbol written as the scale writes it (〇→ is ○→); null for any other text. */
export function readArrowMark(text: string): string | null {
  const m = ARROW_MARK.exec(text.trim());
  if (!m) return null;
  const symbol = m[1] ? readEvaluation(m[1]) : null;
  return `${symbol?.kind === 'symbol' ? symbol.symbol : ''}${m[2]}`;
}

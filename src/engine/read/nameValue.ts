import type { CellValue } from '../types';
import { readNumber, type NumberReading } from './number';
import { nfkc } from './text';

/**
 * KPI cells that hold more than a figure (issue 7):
 *   「市内大学等卒業生の市内就職率\n30%」, 「就職者数\n年間500人」, 「加入率 75%」  a name, then the figure
 *   「H29:26.4%\n【B】」  the year of the figure, the figure, the self-grade
 *   「H28 年度\n(75%)」   a target year, then the progress in brackets
 *   「調査中\n－」        not reported, not evaluated
 * The figure must stand last and alone: a name holds no digit (so a description with figures
 * inside, 「平成27年度に3回開催」, is never read as a number) and no sentence end (。).
 */
export interface NameValueParts {
  /** What stands before the figure (the indicator's name), or null. */
  name: string | null;
  /** The figure as written, without the year label, the qualifier or the grade. */
  value: string;
  /** A year label in front of the figure (H29, 令和元年度), as written. */
  year: string | null;
  /** 年間, 累計, 毎年…: a word that qualifies the figure. */
  qualifier: string | null;
  /** A self-grade after the figure (【B】, or a mark on the last line), as written inside. */
  grade: string | null;
}

/** Longer texts are prose, not a name and a value. */
const MAX_TEXT = 160;
const MAX_NAME = 60;

/** 【B】 or 【－】 at the end, after a line break or a space. */
const BRACKET_GRADE = /[\n ]\s*【\s*([^【】\s]{1,3})\s*】$/;
/** A single mark alone on the last line: a letter, an evaluation symbol or a dash. */
const LINE_GRADE = /\n\s*([A-Za-z]|[◎○〇◯△▲×✕✖☓]|[-－―ー−‐])$/;
/** H29:, 平成29年度:, 2017年度, then a colon or a line break. */
const YEAR_LABEL = /^((?:H|R|平成|令和)\s*(?:元|\d{1,2})\s*(?:年度|年)?|(?:19|20)\d{2}\s*(?:年度|年)?)\s*(?:末|時点|末時点)?\s*(?:[:：]|\n)\s*/;
/** The last number of the text and what follows it (a unit, 以上…): no digit after it. */
const LAST_FIGURE = /(\d[\d,]*(?:\.\d+)?)([^\d]*)$/;
/** Words that stand just before a figure: 年間500人, 累計2,000件, 延べ300人. */
const QUALIFIER = /(年間|累計|毎年|延べ|延|合計|計|約|各年度|単年度|年|目標|実績)\s*$/;
const SIGN = /([△▲-]|マイナス)\s*$/;
/** The 億 part of a figure, just before its last part: 12億 in 12億5061万円. */
const LARGE_UNIT_PART = /\d[\d,]*(?:\.\d+)?\s*億\s*$/;
/** A bracket at the end holding a year and its figure: (H24年度 17.9%), （平成24年度：17.9%）. */
const YEAR_NOTE = /\s*[(]\s*(?:H|R|平成|令和)\s*(?:元|\d{1,2})\s*年度?\s*(?:末|時点)?\s*[:]?\s*[△▲-]?\d[\d,]*(?:\.\d+)?[^()\d]{0,6}[)]$/;

const cache = new Map<string, NameValueParts | null>();
const CACHE_LIMIT = 5000;

/** Split a cell of a name and a figure (and maybe a year and a grade); null when it is no such cell. */
export function splitNameValue(text: string): NameValueParts | null {
  const cached = cache.get(text);
  if (cached !== undefined) return cached;
  const parts = split(text);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(text, parts);
  return parts;
}

/** Full-width ASCII and the ideographic space as half-width, one character for one: positions stay. */
function halfWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e\u3000]/g, (ch) => (ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0)));
}

function split(raw: string): NameValueParts | null {
  if (raw.length > MAX_TEXT) return null;
  // t keeps the characters as written (full-width digits are a normalized-value); h is t in
  // half-width, position for position, for the patterns
  let t = raw.replace(/\r\n?/g, '\n').replace(/[ \t\u3000]+/g, ' ').trim();
  let grade: string | null = null;
  const g = BRACKET_GRADE.exec(t) ?? LINE_GRADE.exec(t);
  if (g) {
    grade = g[1];
    t = t.slice(0, g.index).trim();
  }
  if (t === '') return null;
  let year: string | null = null;
  const y = YEAR_LABEL.exec(halfWidth(t));
  if (y) {
    year = y[1].replace(/\s+/g, '');
    t = t.slice(y[0].length).trim();
  }
  // H28年度 (75%): the figure in brackets after a year
  const bracketed = /^[(]([^()]+)[)]$/.exec(halfWidth(t));
  if (bracketed && year !== null) t = t.slice(1, -1).trim();
  // 認知度 19%以上（H24年度 17.9%）: the figure of a past year in brackets after the figure is its
  // baseline, a note: the figure is the one before it
  const note = YEAR_NOTE.exec(halfWidth(t));
  if (note && note.index > 0) t = t.slice(0, note.index).trim();
  const h = halfWidth(t);
  const m = LAST_FIGURE.exec(h);
  if (!m) return grade !== null || year !== null ? { name: null, value: t, year, qualifier: null, grade } : null;
  let at = m.index;
  let before = h.slice(0, at);
  // H29, R5, No.5, 第3: the digits belong to a year or a label, not a figure
  if (/[A-Za-z.#第№]$/.test(before)) return null;
  // 12億5061万円: the 億 before the last figure is its own (read/number.ts reads the whole)
  const large = LARGE_UNIT_PART.exec(before);
  if (large) {
    at = large.index;
    before = before.slice(0, at);
  }
  const sign = SIGN.exec(before);
  if (sign) {
    at = sign.index;
    before = before.slice(0, at);
  }
  const figureStart = at;
  let qualifier: string | null = null;
  const q = QUALIFIER.exec(before);
  if (q) {
    qualifier = q[1];
    before = before.slice(0, q.index);
  }
  const name = t.slice(0, before.length).replace(/[\s:：、,，]+$/, '').trim();
  if (name === '' && year === null && grade === null && qualifier === null) return null;
  if (/\d/.test(halfWidth(name)) || /[。]/.test(name) || [...name].length > MAX_NAME || name.split('\n').length > 3) return null;
  return { name: name === '' ? null : name, value: t.slice(figureStart).trim(), year, qualifier, grade };
}

/** A value cell that is a footnote: ※…, ＊…, 注) … */
const FOOTNOTE = /^\s*([※＊]|注[)）:：])/;

/**
 * A KPI figure (baseline, target, actual, an existing rate): a plain number as readNumber reads
 * it; else a name-and-value cell's figure. A cell whose grade says "not evaluated" and whose value
 * is no figure (「調査中\n－」) is an entry with nothing to report, not an invalid number; so is
 * a footnote in the figure's place.
 */
export function readKpiNumber(value: CellValue | undefined, numberFormat?: string | null): NumberReading {
  const plain = readNumber(value, numberFormat);
  if (plain.kind !== 'invalid' || typeof value !== 'string') return plain;
  // 「※調査時点変更により未公表」: a footnote in place of the figure explains its absence
  if (FOOTNOTE.test(value)) return { kind: 'none' };
  const parts = splitNameValue(value);
  if (!parts) return plain;
  const inner = readNumber(parts.value, null);
  if (inner.kind === 'number') return { ...inner, note: inner.note ?? parts.name };
  if (inner.kind === 'none' || inner.kind === 'error') return inner;
  if (parts.grade !== null && /^[-－―ー−‐]$/.test(nfkc(parts.grade))) return { kind: 'none' };
  return plain;
}

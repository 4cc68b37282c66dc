import type { CellValue } from '../types';
import { isBlank, isExcelError, isNoneMarker } from './cell';
import { nfkc } from './text';

/** How a numeric cell read (design.md §4). */
export type NumberReading =
  | { kind: 'number'; value: number; unit: string | null; note: string | null; variant: boolean }
  | { kind: 'blank' }
  | { kind: 'none' }
  | { kind: 'error'; error: string }
  | { kind: 'invalid'; text: string };

/** Units kept after a number. Longer spellings first, so 千円 wins over 円. */
const UNITS = [
  '千円', '万円', '億円', '百万円', '円',
  '時間', '分', '日', 'か月', 'ヶ月', 'カ月', '月', '年',
  '件', '人', '名', '回', '枚', '冊', '団体', '団地', '社', '校', '施設', '箇所', 'か所', 'ヵ所', '箇所', '本', '台', '個', '部',
  '平方キロメートル', '平方メートル', '㎡', 'm2', 'm²', 'km', 'm', 't', 'kg', 'g', 'ha', 'kWh', 'kL', 'mL', 'L',
  '%', 'ポイント', 'pt', '倍', '点', '歳', '世帯', '戸', '項目', '種類', '業務', '手続', '事業所', '事業',
];

const MULTIPLIERS: Record<string, number> = { 万: 1e4, 億: 1e8, 千: 1e3 };

// sign, digits with separators and decimals, optional 万/億, optional unit, optional (note)
const NUMBER_PATTERN =
  /^([△▲-]|マイナス)?\s*(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)\s*(万|億)?\s*(.*)$/;

/** The 万 part after 億 (「2 億 7,213 万円」): its figure, then the rest. */
const MAN_AFTER_OKU = /^(\d{1,3}(?:,\d{3})+|\d{1,4})\s*万\s*(.*)$/;

/** No number, unit and note together runs this long: longer text is read as invalid at once. */
const MAX_NUMBER_TEXT = 200;

/**
 * "39,757時間 (94,603,965円)" → "39,757時間" and the note "94,603,965円": the first opening bracket
 * to a closing one at the very end. Found with indexOf, not a backtracking pattern, so a cell of
 * "1(((((…" costs one pass.
 */
function splitBracketNote(text: string): { text: string; note: string | null } {
  const last = text[text.length - 1];
  if (last !== ')' && last !== '）') return { text, note: null };
  let open = -1;
  for (let i = 0; i < text.length - 1; i++) {
    const ch = text[i];
    if (ch === '(' || ch === '（') {
      open = i;
      break;
    }
  }
  if (open < 0) return { text, note: null };
  return { text: text.slice(0, open).trim(), note: text.slice(open + 1, -1).trim() };
}

function splitUnitAndNote(rest: string): { unit: string | null; note: string | null } | null {
  // compound values: "39,757時間 (94,603,965円)" keeps the bracketed part as text
  const split = splitBracketNote(rest.trim());
  const text = split.text;
  const note = split.note;
  if (text === '') return { unit: null, note };
  for (const unit of UNITS) {
    if (text === unit) return { unit: nfkc(unit) === 'm2' ? '㎡' : unit, note };
  }
  // a unit followed by more words (累計, 以上…) is still a number with a note; so is a reduction
  // (12.4%削減, 15人削減: the figure is what was cut, as the target 10%削減 states it)
  for (const unit of UNITS) {
    if (text.startsWith(unit) && /^(?:[\s(（以]|削減|縮減)/.test(text.slice(unit.length))) {
      return { unit, note: note ?? text.slice(unit.length).trim() };
    }
  }
  if (isUnitWord(text)) return { unit: text, note };
  return null;
}

/**
 * A counter word the list above lacks (千人, 店舗, 区画, 地区): real sheets name their own, so a
 * short run of kanji (or a katakana word) reads as the unit. 千人 is kept as written, as 千円 is: the
 * baseline and target share it, so the rate is the same.
 */
const UNIT_WORD = /^(?:[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFFヶヵ]{1,4}|[\u30A1-\u30FAー]{1,6})$/;
/**
 * A word after the figure that tells what was done (「10件追加」「3回開催」「5人増」) makes the cell a
 * description, not a figure: the reform office reads it as text (name-value.test.ts pins 「対象手続
 * 10件追加」 as text), and an indicator whose target is such a text is qualitative.
 */
const ACTION_WORD = /実施|開催|追加|達成|策定|設置|導入|完了|開設|移設|検討|整備|予定|見込|増|減|超/;

function isUnitWord(text: string): boolean {
  if (!UNIT_WORD.test(text) || ACTION_WORD.test(text)) return false;
  // a known unit and more (年度, 日間, 回目): a date, a span or an ordinal, not a counter
  return !UNITS.some((unit) => text.startsWith(unit));
}

/**
 * Read a numeric cell: thousands separators, △/▲ as minus, units kept, 万/億 multiply,
 * percent as a fraction (a numeric cell formatted as percent is already one), compound values.
 */
export function readNumber(value: CellValue | undefined, numberFormat?: string | null): NumberReading {
  if (isBlank(value)) return { kind: 'blank' };
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { kind: 'invalid', text: String(value) };
    const percent = typeof numberFormat === 'string' && numberFormat.includes('%');
    return { kind: 'number', value, unit: percent ? '%' : null, note: null, variant: false };
  }
  if (typeof value === 'boolean') return { kind: 'invalid', text: String(value) };
  const raw = String(value);
  // the same texts recur down a column (units, "－", "/"): read each spelling once
  const cached = cache.get(raw);
  if (cached) return cached;
  const reading = readText(raw);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(raw, reading);
  return reading;
}

const CACHE_LIMIT = 20_000;
const cache = new Map<string, NumberReading>();

function readText(raw: string): NumberReading {
  if (raw.length > MAX_NUMBER_TEXT) return { kind: 'invalid', text: raw };
  if (isExcelError(raw)) return { kind: 'error', error: raw.trim() };
  if (isNoneMarker(raw)) return { kind: 'none' };

  const text = nfkc(raw).replace(/[\s]+/g, ' ').trim();
  const match = NUMBER_PATTERN.exec(text);
  if (!match) return { kind: 'invalid', text: raw };
  const [, sign, digits, multiplierWord, rest] = match;
  // 2 億 7,213 万円: 億 and then 万
  const man = multiplierWord === '億' ? MAN_AFTER_OKU.exec(rest) : null;
  const tail = splitUnitAndNote(man ? man[2] : rest);
  if (!tail) return { kind: 'invalid', text: raw };

  let number = Number(digits.replace(/,/g, ''));
  if (multiplierWord) number *= MULTIPLIERS[multiplierWord];
  if (man) number += Number(man[1].replace(/,/g, '')) * 1e4;
  if (sign) number = -number;
  const unit = tail.unit;
  if (unit === '%') number /= 100;
  return {
    kind: 'number',
    value: roundFloat(number),
    unit,
    note: tail.note,
    variant: hasFullWidthDigits(raw),
  };
}

/** Avoid 0.9124000000000001 from 91.24 / 100. Integers need no rounding. */
function roundFloat(value: number): number {
  return Number.isInteger(value) ? value : Number.parseFloat(value.toPrecision(15));
}

function hasFullWidthDigits(text: string): boolean {
  return /[０-９]/.test(text);
}

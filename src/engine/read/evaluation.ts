import type { CellValue } from '../types';
import { isBlank, isExcelError, isNoneMarker } from './cell';
import { nfkc } from './text';

export type EvaluationSymbol = '◎' | '○' | '△' | '▲' | '×';
export const EVALUATION_SYMBOLS: readonly EvaluationSymbol[] = ['◎', '○', '△', '▲', '×'];

/** Variant spellings people type for the same symbol (design.md §4). */
const SYMBOL_VARIANTS: Record<string, EvaluationSymbol> = {
  '◎': '◎',
  '○': '○',
  '〇': '○', // U+3007 ideographic zero
  '◯': '○', // U+25EF large circle
  O: '○',
  o: '○',
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
  /** A symbol or a letter; `variant` holds the spelling when it was not the canonical one. */
  | { kind: 'symbol'; symbol: EvaluationSymbol; variant: string | null }
  | { kind: 'letter'; letter: string; variant: string | null }
  | { kind: 'other'; text: string };

const BLANK: EvaluationReading = { kind: 'blank' };
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
  if (isNoneMarker(raw)) return { kind: 'none' };
  const letter = nfkc(raw).toUpperCase();
  if (/^[A-Z][+-]?$/.test(letter)) {
    return { kind: 'letter', letter, variant: raw === letter ? null : raw };
  }
  return { kind: 'other', text: raw };
}

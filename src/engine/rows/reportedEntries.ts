import { cellText, isBlank } from '../read/cell';
import { displayText } from '../read/text';
import type { ReportedEntry } from '../types';
import type { SheetView } from '../table/sheetView';
import type { FieldCell, UnitRecord } from './record';

/** Entries are quoted to this many characters; the digest tells a change beyond them. */
const MAX_TEXT = 100;

/** Character codes of the hex digits 0–9, a–f. */
const HEX = Array.from('0123456789abcdef', (d) => d.charCodeAt(0));

/**
 * FNV-1a over the UTF-16 units: a short, stable fingerprint of the whole entry. The hash is kept
 * a signed 32-bit integer through the loop (the same bits; an unsigned one above 2^31 would be a
 * heap number per character) and read as unsigned once, at the end.
 */
function digest(text: string): string {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  // one string made from its eight digits: Number#toString(16) costs more than the whole hash
  return String.fromCharCode(
    HEX[(h >>> 28) & 15],
    HEX[(h >>> 24) & 15],
    HEX[(h >>> 20) & 15],
    HEX[(h >>> 16) & 15],
    HEX[(h >>> 12) & 15],
    HEX[(h >>> 8) & 15],
    HEX[(h >>> 4) & 15],
    HEX[h & 15],
  );
}

/**
 * What an item reported (period results, KPI actuals, self-evaluations), kept in the report so the
 * next round can tell an entry that changed after it was reported (issue 11, --previous).
 * Keys are the header labels, stable across rounds where row numbers are not.
 */
/** Keys built once per label, not once per item: a sheet has a handful of labels and 80,000 items. */
const keyCache = new Map<string, Map<string, string>>();

function keyOf(prefix: string, label: string): string {
  let byLabel = keyCache.get(prefix);
  if (!byLabel) {
    if (keyCache.size > 1_000) keyCache.clear();
    keyCache.set(prefix, (byLabel = new Map()));
  }
  let key = byLabel.get(label);
  if (key === undefined) {
    key = `${prefix}:${label}`;
    if (byLabel.size > 10_000) byLabel.clear();
    byLabel.set(label, key);
  }
  return key;
}

const KPI_PREFIXES = Array.from({ length: 16 }, (_v, i) => `kpi${i + 1}`);

/** The first `max` code points of `text`, without splitting every text into an array of characters. */
function quoted(text: string, max: number): string {
  if (text.length <= max) return text;
  let points = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff && i > 0) {
      const prev = text.charCodeAt(i - 1);
      if (prev >= 0xd800 && prev <= 0xdbff) continue; // the second half of a pair
    }
    if (++points > max) return `${text.slice(0, i)}…`;
  }
  return text;
}

/** The entry names of the item being read (scratch, emptied for each item). */
const names: string[] = [];
/** The entries of the item being read (scratch): the item keeps a copy of their exact number. */
const entries: ReportedEntry[] = [];

export function reportedEntries(view: SheetView, unit: UnitRecord): ReportedEntry[] {
  names.length = 0;
  entries.length = 0;
  const { periods, kpis } = unit;
  for (let i = 0; i < periods.length; i++) {
    const p = periods[i];
    if (p.entry === 'result' || p.entry === 'actual') addEntry(view, entries, keyOf('period', p.cell.label), p.cell);
  }
  for (let i = 0; i < kpis.length; i++) {
    const k = kpis[i];
    const prefix = KPI_PREFIXES[i] ?? `kpi${i + 1}`;
    for (let j = 0; j < k.yearActuals.length; j++) addEntry(view, entries, keyOf(prefix, k.yearActuals[j].cell.label), k.yearActuals[j].cell);
    addEntry(view, entries, keyOf(prefix, 'total'), k.totalActual);
  }
  addEntry(view, entries, 'evaluation', unit.evaluation);
  addEntry(view, entries, 'evaluation2', unit.evaluation2);
  const out = entries.slice();
  entries.length = 0;
  return out;
}

function addEntry(view: SheetView, entries: ReportedEntry[], name: string, cell: FieldCell | null): void {
  if (!cell) return;
  // two columns under one label (a repeated header) stay apart: the second is name#2; most items have none
  let n = 1;
  for (let i = 0; i < names.length; i++) if (names[i] === name) n++;
  names.push(name);
  const key = n === 1 ? name : `${name}#${n}`;
  if (isBlank(cell.value)) return;
  const full = displayText(cellText(cell.value));
  if (full === '') return;
  entries.push({ key, label: cell.label, cell: view.address(cell.r, cell.c), text: quoted(full, MAX_TEXT), digest: digest(full) });
}

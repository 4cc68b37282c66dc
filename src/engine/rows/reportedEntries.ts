import { cellText, isBlank } from '../read/cell';
import { displayText } from '../read/text';
import type { ReportedEntry } from '../types';
import type { SheetView } from '../table/sheetView';
import type { FieldCell, UnitRecord } from './record';

/** Entries are quoted to this many characters; the digest tells a change beyond them. */
const MAX_TEXT = 100;

/** Two hex digits per byte value. */
const HEX = Array.from({ length: 256 }, (_v, i) => i.toString(16).padStart(2, '0'));

/**
 * FNV-1a over the UTF-16 units: a short, stable fingerprint of the whole entry. The hash is kept
 * a signed 32-bit integer through the loop (the same bits; an unsigned one above 2^31 would be a
 * heap number per character) and read as unsigned once, at the end.
 */
function digest(text: string): string {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  // byte by byte from a table: Number#toString(16) costs more than the whole hash
  return HEX[(h >>> 24) & 255] + HEX[(h >>> 16) & 255] + HEX[(h >>> 8) & 255] + HEX[h & 255];
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

export function reportedEntries(view: SheetView, unit: UnitRecord): ReportedEntry[] {
  const entries: ReportedEntry[] = [];
  // two columns under one label (a repeated header) stay apart; most items have none
  let seen: Map<string, number> | null = null;
  const names: string[] = [];
  const add = (name: string, cell: FieldCell | null) => {
    if (!cell) return;
    let key = name;
    if (names.includes(name)) {
      seen ??= new Map();
      const n = (seen.get(name) ?? 1) + 1;
      seen.set(name, n);
      key = `${name}#${n}`;
    } else {
      names.push(name);
    }
    if (isBlank(cell.value)) return;
    const full = displayText(cellText(cell.value));
    if (full === '') return;
    entries.push({ key, label: cell.label, cell: view.address(cell.r, cell.c), text: quoted(full, MAX_TEXT), digest: digest(full) });
  };
  for (const p of unit.periods) if (p.entry === 'result' || p.entry === 'actual') add(keyOf('period', p.cell.label), p.cell);
  unit.kpis.forEach((k, i) => {
    const prefix = KPI_PREFIXES[i] ?? `kpi${i + 1}`;
    for (const a of k.yearActuals) add(keyOf(prefix, a.cell.label), a.cell);
    add(keyOf(prefix, 'total'), k.totalActual);
  });
  add('evaluation', unit.evaluation);
  add('evaluation2', unit.evaluation2);
  return entries;
}

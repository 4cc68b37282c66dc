import { cellText, isBlank } from '../read/cell';
import { displayText } from '../read/text';
import type { ReportedEntry } from '../types';
import type { SheetView } from '../table/sheetView';
import type { FieldCell, UnitRecord } from './record';

/** Entries are quoted to this many characters; the digest tells a change beyond them. */
const MAX_TEXT = 100;

/** FNV-1a over the UTF-16 units: a short, stable fingerprint of the whole entry. */
function digest(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/**
 * What an item reported (period results, KPI actuals, self-evaluations), kept in the report so the
 * next round can tell an entry that changed after it was reported (issue 11, --previous).
 * Keys are the header labels, stable across rounds where row numbers are not.
 */
export function reportedEntries(view: SheetView, unit: UnitRecord): ReportedEntry[] {
  const entries: ReportedEntry[] = [];
  const seen = new Map<string, number>();
  const add = (name: string, cell: FieldCell | null) => {
    if (!cell) return;
    // two columns under one label (a repeated header) stay apart
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    const key = n === 1 ? name : `${name}#${n}`;
    if (isBlank(cell.value)) return;
    const full = displayText(cellText(cell.value));
    if (full === '') return;
    const chars = [...full];
    const text = chars.length > MAX_TEXT ? `${chars.slice(0, MAX_TEXT).join('')}…` : full;
    entries.push({ key, label: cell.label, cell: view.address(cell.r, cell.c), text, digest: digest(full) });
  };
  for (const p of unit.periods) if (p.entry === 'result' || p.entry === 'actual') add(`period:${p.cell.label}`, p.cell);
  unit.kpis.forEach((k, i) => {
    for (const a of k.yearActuals) add(`kpi${i + 1}:${a.cell.label}`, a.cell);
    add(`kpi${i + 1}:total`, k.totalActual);
  });
  add('evaluation', unit.evaluation);
  add('evaluation2', unit.evaluation2);
  return entries;
}

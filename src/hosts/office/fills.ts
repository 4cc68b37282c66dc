/** Cell fills as the state sheet records them, read from the two ways Office.js reports them. */
import type { FillRecord } from './stateStore';

export function solid(color: string): FillRecord {
  return { c: color.toUpperCase() };
}

export function sameFill(a: FillRecord | null | undefined, b: FillRecord | null | undefined): boolean {
  if (!a || !b) return !a && !b;
  return a.c.toUpperCase() === b.c.toUpperCase() && (a.p ?? 'Solid') === (b.p ?? 'Solid');
}

/** A fill as getCellProperties (ExcelApi 1.9) reports it. */
export function fillFromProperties(fill: { color?: string; pattern?: string; patternColor?: string } | undefined): FillRecord | null {
  if (!fill || fill.pattern === 'None' || !fill.color) return null;
  const record: FillRecord = { c: fill.color.toUpperCase() };
  if (fill.pattern && fill.pattern !== 'Solid') {
    record.p = fill.pattern;
    if (fill.patternColor) record.pc = fill.patternColor.toUpperCase();
  }
  return record;
}

/**
 * A fill as format.fill.color reports it before ExcelApi 1.9: "no fill" and a white fill both read
 * "#FFFFFF"; taken as no fill (the common case), so a white-filled cell comes back unfilled.
 */
export function fillFromColor(color: string | null | undefined): FillRecord | null {
  if (!color || color.toUpperCase() === '#FFFFFF') return null;
  return { c: color.toUpperCase() };
}


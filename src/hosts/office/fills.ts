/** Cell fills as the state sheet records them, read from the two ways Office.js reports them. */
import type { RecordedFill } from './stateStore';

export function solid(color: string): RecordedFill {
  return { color: color.toUpperCase() };
}

export function sameFill(a: RecordedFill | null | undefined, b: RecordedFill | null | undefined): boolean {
  if (!a || !b) return !a && !b;
  return a.color.toUpperCase() === b.color.toUpperCase() && (a.pattern ?? 'Solid') === (b.pattern ?? 'Solid');
}

/** A fill as getCellProperties (ExcelApi 1.9) reports it. */
export function fillFromProperties(fill: { color?: string; pattern?: string; patternColor?: string } | undefined): RecordedFill | null {
  if (!fill || fill.pattern === 'None' || !fill.color) return null;
  const record: RecordedFill = { color: fill.color.toUpperCase() };
  if (fill.pattern && fill.pattern !== 'Solid') {
    record.pattern = fill.pattern;
    if (fill.patternColor) record.patternColor = fill.patternColor.toUpperCase();
  }
  return record;
}

/**
 * A fill as format.fill.color reports it before ExcelApi 1.9: "no fill" and a white fill both read
 * "#FFFFFF"; taken as no fill (the common case), so a white-filled cell comes back unfilled.
 */
export function fillFromColor(color: string | null | undefined): RecordedFill | null {
  if (!color || color.toUpperCase() === '#FFFFFF') return null;
  return { color: color.toUpperCase() };
}

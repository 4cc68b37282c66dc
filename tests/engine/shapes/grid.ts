/** Grids built in code for the shape tests: rows of plain values, merges written as A1 ranges. */
import { checkSheet, type CellValue, type CheckOptions, type Grid, type MergedArea, type SheetCheck } from '../../../src/engine';

function cellIndex(a1: string): [number, number] {
  const m = /^([A-Z]+)(\d+)$/.exec(a1);
  if (!m) throw new Error(`not an A1 address: ${a1}`);
  let c = 0;
  for (const ch of m[1]) c = c * 26 + ch.charCodeAt(0) - 64;
  return [Number(m[2]) - 1, c - 1];
}

/** "A1:B2" → a merged area in grid coordinates. */
export function merge(range: string): MergedArea {
  const [from, to = from] = range.split(':');
  const [top, left] = cellIndex(from);
  const [bottom, right] = cellIndex(to);
  return { top, left, bottom, right };
}

export function grid(rows: CellValue[][], merges: string[] = []): Grid {
  return { values: rows.map((r) => [...r]), merges: merges.map(merge) };
}

export function check(g: Grid, asOf = '2025-10-15', extra: Partial<CheckOptions> = {}): SheetCheck {
  return checkSheet(g, { asOf, ...extra });
}

/** Issues as "D8 required-missing": what a reviewer compares at a glance. */
export function issues(result: SheetCheck, codes?: string[]): string[] {
  return result.issues.filter((i) => !codes || codes.includes(i.code)).map((i) => `${i.cell} ${i.code}`);
}

/** The mapping as "C:department". */
export function mapping(result: SheetCheck): string[] {
  return result.columns.map((c) => `${c.letter}:${c.field}`);
}

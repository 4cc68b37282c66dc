import { isDue } from '../due';
import type { PeriodEntry } from '../rows/record';

/** The last day of the period an entry reports on. */
export function periodEnd(entry: PeriodEntry): string {
  return entry.end;
}

export function entryIsDue(entry: PeriodEntry, asOf: string): boolean {
  return isDue(asOf, entry.end);
}

/** Field name of a period entry in issues: q2, fy2023.result, fy2024.plan. */
export function periodField(entry: PeriodEntry): string {
  return entry.kind === 'quarter' ? `q${entry.quarter}` : `fy${entry.fiscalYear}.${entry.entry}`;
}

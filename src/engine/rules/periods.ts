import { fiscalYearEnd, isDue, quarterEnd } from '../due';
import type { PeriodEntry } from '../rows/record';

const endCache = new Map<string, string>();

/** The last day of the period an entry reports on. */
export function periodEnd(entry: PeriodEntry, startMonth: number): string {
  const key = `${entry.fiscalYear}:${entry.quarter ?? 0}:${startMonth}`;
  let end = endCache.get(key);
  if (end === undefined) {
    end =
      entry.kind === 'quarter' && entry.quarter !== null
        ? quarterEnd(entry.fiscalYear, entry.quarter, startMonth)
        : fiscalYearEnd(entry.fiscalYear, startMonth);
    endCache.set(key, end);
  }
  return end;
}

export function entryIsDue(entry: PeriodEntry, asOf: string, startMonth: number): boolean {
  return isDue(asOf, periodEnd(entry, startMonth));
}

/** Field name of a period entry in issues: q2, fy2023.result, fy2024.plan. */
export function periodField(entry: PeriodEntry): string {
  return entry.kind === 'quarter' ? `q${entry.quarter}` : `fy${entry.fiscalYear}.${entry.entry}`;
}

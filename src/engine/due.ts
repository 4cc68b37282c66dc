/**
 * What is due (design.md §6): a period entry is due when the as-of date is after the period's
 * last day. The fiscal year runs from `startMonth` (April by default); Q1 is its first three months.
 * Dates are ISO strings (YYYY-MM-DD), compared as text.
 */

export function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

function lastDayOfMonth(year: number, month: number): string {
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The fiscal year holding a date: FY 2025 runs 2025-04-01 to 2026-03-31. */
export function fiscalYearOf(isoDate: string, startMonth = 4): number {
  const year = Number(isoDate.slice(0, 4));
  const month = Number(isoDate.slice(5, 7));
  return month >= startMonth ? year : year - 1;
}

/** Last day of quarter 1–4 of a fiscal year. */
export function quarterEnd(fiscalYear: number, quarter: number, startMonth = 4): string {
  const monthIndex = startMonth - 1 + quarter * 3 - 1; // 0-based months from January of fiscalYear
  const year = fiscalYear + Math.floor(monthIndex / 12);
  return lastDayOfMonth(year, (monthIndex % 12) + 1);
}

/** Last day of a fiscal year. */
export function fiscalYearEnd(fiscalYear: number, startMonth = 4): string {
  return quarterEnd(fiscalYear, 4, startMonth);
}

/** Due when the as-of date is after the period's last day. */
export function isDue(asOf: string, periodEnd: string): boolean {
  return asOf > periodEnd;
}

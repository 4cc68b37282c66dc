import { promises as fs } from 'fs';
import { isIsoDate } from '../engine/due';
import type { Round } from '../engine';
import type { FileReport, JsonReport } from './report';

/** Why the previous round could not be read: a one-line message names it. */
export class PreviousRoundError extends Error {
  constructor(readonly kind: 'unreadable' | 'not-report') {
    super(kind);
  }
}

/** A report's checked sheets as the comparison reads them. */
export function roundOf(report: Pick<JsonReport, 'asOf' | 'files'>): Round {
  return {
    asOf: report.asOf,
    sheets: report.files.flatMap((f) =>
      f.sheets.map((s) => ({ file: f.path, sheet: s.name, template: s.template, rows: s.rows ?? [], issues: s.issues ?? [], fiscalYear: s.fiscalYear })),
    ),
  };
}

/**
 * The as-of date of a previous round given as a folder: three months before this one (rounds are
 * quarterly), on the same day or the month's last day. A report.json keeps its own date.
 */
export function previousAsOf(asOf: string): string {
  const [y, m, d] = asOf.split('-').map(Number);
  const month = m - 3 <= 0 ? m + 9 : m - 3;
  const year = m - 3 <= 0 ? y - 1 : y;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

function isReport(data: unknown): data is Pick<JsonReport, 'asOf' | 'files'> {
  if (typeof data !== 'object' || data === null) return false;
  const report = data as { asOf?: unknown; files?: unknown };
  if (typeof report.asOf !== 'string' || !isIsoDate(report.asOf) || !Array.isArray(report.files)) return false;
  return report.files.every((f: unknown) => {
    const file = f as Partial<FileReport> | null;
    return typeof file === 'object' && file !== null && typeof file.path === 'string' && Array.isArray(file.sheets) && file.sheets.every((s) => typeof s?.name === 'string' && Array.isArray(s.rows) && Array.isArray(s.issues));
  });
}

/**
 * The previous round: a report.json written with --json, or a folder of workbooks checked here
 * (by `checkFolder`, the command's own checking) as of three months earlier.
 */
export async function loadPreviousRound(target: string, asOf: string, checkFolder: (folder: string, asOf: string) => Promise<FileReport[]>): Promise<Round> {
  const stat = await fs.stat(target).catch(() => null);
  if (!stat) throw new PreviousRoundError('unreadable');
  if (stat.isDirectory()) {
    const when = previousAsOf(asOf);
    return roundOf({ asOf: when, files: await checkFolder(target, when) });
  }
  let data: unknown;
  try {
    data = JSON.parse(await fs.readFile(target, 'utf8'));
  } catch {
    throw new PreviousRoundError('not-report');
  }
  if (!isReport(data)) throw new PreviousRoundError('not-report');
  return roundOf(data);
}

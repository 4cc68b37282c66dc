import type { Issue, RoundComparison, SheetCheck, SheetStatus, UnrecognizedLayout } from '../engine';

/** The JSON report of design.md §8. Field names are a contract; fields may be added, never renamed. */
export interface JsonReport {
  asOf: string;
  files: FileReport[];
  totals: Totals;
  /** With --previous: this round against the previous one (after the totals; new fields only). */
  previousRound?: RoundComparison;
}

export interface FileReport {
  path: string;
  /** ok: at least one progress sheet was checked; unrecognized: read, but no sheet could be checked. */
  status: 'ok' | 'unreadable' | 'unrecognized';
  error: string | null;
  sheets: SheetReport[];
  /** Why the annotated copy (--out) was not written, when it was asked for and failed. */
  copyError?: string;
  /** The workbook's saved settings could not be read (the check went on without them). */
  settingsProblem?: string;
}

export interface SheetReport {
  name: string;
  /** checked, not-table (a cover or 記入要領: quietly 対象外) or unrecognized (a table no template fits). */
  status: SheetStatus;
  template: string | null;
  templateName: string | null;
  confidence: number;
  headerRows: number[];
  fiscalYear: number | null;
  /** Where the fiscal year came from: config, title, header or as-of. */
  fiscalYearSource: SheetCheck['fiscalYearSource'] | null;
  /** Which column was read as which field (what --explain prints). */
  columns: SheetCheck['columns'];
  /** For an unrecognized table: the closest template, the headers seen, the fields not found. */
  unrecognized: UnrecognizedLayout | null;
  /** Tables below the first one, checked on their own rows (their items and issues are in rows and issues). */
  otherTables?: NonNullable<SheetCheck['otherTables']>;
  rows: SheetCheck['rows'];
  /** The engine's issues without their render parameters (acknowledged only where a person gave a reason). */
  issues: Pick<Issue, 'code' | 'severity' | 'cell' | 'row' | 'column' | 'field' | 'message' | 'acknowledged'>[];
}

export interface Totals {
  files: number;
  unreadable: number;
  /** Files read, in which no sheet could be checked. */
  unrecognized: number;
  sheets: number;
  progressSheets: number;
  rows: number;
  errors: number;
  warnings: number;
  infos: number;
  /** Warnings acknowledged with a reason (counted in warnings too). */
  acknowledged: number;
}

export function sheetReport(name: string, check: SheetCheck): SheetReport {
  return {
    name,
    status: check.status ?? (check.template ? 'checked' : 'not-table'),
    template: check.template,
    templateName: check.templateName,
    confidence: check.confidence,
    headerRows: check.headerRows,
    fiscalYear: check.fiscalYear,
    fiscalYearSource: check.fiscalYearSource ?? null,
    columns: check.columns,
    unrecognized: check.unrecognized ?? null,
    ...(check.otherTables?.length ? { otherTables: check.otherTables } : {}),
    rows: check.rows,
    issues: check.issues.map(({ code, severity, cell, row, column, field, message, acknowledged }) => ({
      code,
      severity,
      cell,
      row,
      column,
      field,
      message,
      ...(acknowledged ? { acknowledged } : {}),
    })),
  };
}

export function emptyTotals(): Totals {
  return { files: 0, unreadable: 0, unrecognized: 0, sheets: 0, progressSheets: 0, rows: 0, errors: 0, warnings: 0, infos: 0, acknowledged: 0 };
}

/** Count one file into the totals (the report is streamed: files are not all kept). */
export function addToTotals(totals: Totals, file: FileReport): void {
  totals.files++;
  if (file.status === 'unreadable') totals.unreadable++;
  if (file.status === 'unrecognized') totals.unrecognized++;
  for (const sheet of file.sheets) {
    totals.sheets++;
    if (sheet.template) totals.progressSheets++;
    totals.rows += sheet.rows.length;
    for (const issue of sheet.issues) {
      if (issue.severity === 'error') totals.errors++;
      else if (issue.severity === 'warning') totals.warnings++;
      if (issue.acknowledged) totals.acknowledged++;
      else totals.infos++;
    }
  }
}

export function totalsOf(files: FileReport[]): Totals {
  const totals = emptyTotals();
  for (const file of files) addToTotals(totals, file);
  return totals;
}

/**
 * 2 when an input could not be read, else 1 when any error was found or a file had no sheet that
 * could be checked (a reform office must not take an unread submission for a clean one), else 0.
 */
export function exitStatus(report: Pick<JsonReport, 'totals'>): number {
  if (report.totals.unreadable > 0) return 2;
  return report.totals.errors > 0 || report.totals.unrecognized > 0 ? 1 : 0;
}

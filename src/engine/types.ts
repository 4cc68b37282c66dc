/**
 * The engine's public data shapes: what a host hands in (a grid) and what it gets back
 * (template, rows, issues, computed values, a plan of writes). Pure data, no Office.js, no I/O.
 */

/** One cell as Office.js `range.values` returns it: "" for empty, errors as text ("#DIV/0!"). */
export type CellValue = string | number | boolean | null;

/** A merged area in grid coordinates (0-based, inclusive). */
export interface MergedArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** A sheet's used range as values, plus what the host knows about it. */
export interface Grid {
  /** Row-major values. Rows may have different lengths; missing cells are empty. */
  values: CellValue[][];
  /** Number formats of the same shape, where the host knows them (percent cells are fractions). */
  numberFormats?: (string | null | undefined)[][];
  /** Merged areas, where the host knows them (an .xlsx always; Office.js from ExcelApi 1.13). */
  merges?: MergedArea[];
  /** Where values[0][0] sits on the sheet, 0-based. Default: A1. */
  origin?: { row: number; column: number };
}

export type Severity = 'error' | 'warning' | 'info';

export type IssueCode =
  | 'required-missing'
  | 'missing-entry'
  | 'invalid-number'
  | 'invalid-evaluation'
  | 'formula-error'
  | 'duplicate-id'
  | 'grade-mismatch'
  | 'computed-mismatch'
  | 'normalized-value'
  /** Not in design.md's catalogue: only with a department list in the configuration. */
  | 'unknown-department'
  /** A table-like sheet that fits no profile (closest template, fields not found, how to proceed). */
  | 'unrecognized-layout';

export type Locale = 'ja' | 'en';

/** One finding, named by its cell. Rows and columns are 1-based sheet positions. */
export interface Issue {
  code: IssueCode;
  severity: Severity;
  /** A1 address on the sheet, e.g. "E6". */
  cell: string;
  row: number;
  column: number;
  /** Canonical field (item, department, q2, fy2023.result, kpi1.actual.fy2023, evaluation…). */
  field: string;
  /** What is wrong and what to do, in the requested locale. */
  message: string;
  /** The message's parameters, for hosts that re-render it in another locale. */
  params: Record<string, string | number>;
  /** A warning a person acknowledged (理由あり), with the reason kept in the workbook. */
  acknowledged?: { reason: string; by?: string; at?: string };
}

/** A value the product writes into a cell it owns (computed columns, their headers). */
export interface ValueWrite {
  row: number; // 1-based sheet row
  column: number; // 1-based sheet column
  value: string | number | null;
  /** Excel number format, e.g. "0.0%". */
  numberFormat?: string;
  /** What the write is, so hosts can style headers differently. */
  role: 'header' | 'rate' | 'grade' | 'result';
}

/** A flag on a cell: colour by severity, the reason readable at the cell. */
export interface CellFlag {
  row: number;
  column: number;
  cell: string;
  severity: Severity;
  /** All messages for this cell, one per line. */
  note: string;
}

/** Columns the product appends right of the table when the template has none for a value. */
export interface AppendedColumn {
  column: number; // 1-based
  letter: string;
  role: 'rate' | 'grade' | 'result';
  header: string;
}

/** Everything a host must do to the sheet to show a check's outcome. */
export interface WritePlan {
  values: ValueWrite[];
  flags: CellFlag[];
  appendedColumns: AppendedColumn[];
  /** Sheet rows (1-based) holding the table's header, where the appended headers go. */
  headerRows: number[];
}

export interface ColumnMapping {
  /** Canonical field name. */
  field: string;
  column: number; // 1-based
  letter: string;
  /** The header label as written (after joining two-row headers). */
  label: string;
  /** The vocabulary term that named the column (department, item.indicator…), or null for a profile's own label. */
  term?: string | null;
  /** The vocabulary label or the pattern that matched, for --explain. */
  matchedBy?: string;
}

export interface KpiResult {
  name: string | null;
  unit: string | null;
  baseline: number | null;
  target: number | null;
  actual: number | null;
  achievementRate: number | null;
}

/** One item (取組) of the sheet, as the JSON report and the summary show it. */
export interface ItemResult {
  /** First sheet row of the item (1-based). */
  row: number;
  /** Last sheet row of the item (paired or multi-row items span several). */
  lastRow: number;
  id: string | null;
  section: string | null;
  item: string | null;
  action: string | null;
  /** The lead department (★, else the first). */
  department: string | null;
  departments: string[];
  achievementRate: number | null;
  grade: string | null;
  selfGrade: string | null;
  evaluation: string | null;
  kpis: KpiResult[];
  /** Set when the sheet has no department column and the department was read from its title, sheet or file name. */
  departmentInferred?: true;
  /** What the item reported (results, KPI actuals, self-evaluations): compared with the previous round. */
  entries?: ReportedEntry[];
}

/** One reported entry of an item, keyed by its header label (stable across submission rounds). */
export interface ReportedEntry {
  key: string;
  label: string;
  cell: string;
  /** The entry as written, quoted to 100 characters. */
  text: string;
  /** Fingerprint of the whole entry: a change beyond the quote still shows. */
  digest: string;
}

export interface TemplateCandidate {
  template: string;
  score: number;
}

/**
 * Where a sheet's fiscal year came from: the configuration, a year beside 進捗/実績/報告 (or alone)
 * in the title or sheet name, the header's result columns, or the as-of date.
 */
export type FiscalYearSource = 'config' | 'title' | 'header' | 'as-of';

/** The outcome of checking one sheet. */
export interface SheetCheck {
  /** Profile id, or null when the sheet is no progress sheet. */
  template: string | null;
  templateName: string | null;
  confidence: number;
  candidates: TemplateCandidate[];
  headerRows: number[];
  fiscalYear: number | null;
  /**
   * Where the fiscal year came from (design.md §6); null when the sheet is no progress sheet.
   * Optional so that hand-built results (test doubles) stay valid; checkSheet always sets it.
   */
  fiscalYearSource?: FiscalYearSource | null;
  columns: ColumnMapping[];
  rows: ItemResult[];
  issues: Issue[];
  plan: WritePlan;
  /**
   * checked: a template fitted; not-table: no table at all (a cover, 記入要領), quietly 対象外;
   * unrecognized: a table that fits no template (an unrecognized-layout warning says what came
   * closest). `template` is null for both of the latter. Optional for hand-built results.
   */
  status?: SheetStatus;
  /** For an unrecognized table: what came closest and what was missing. */
  unrecognized?: UnrecognizedLayout | null;
  /**
   * How the table runs: one row per item (rows), or years across with 計画/実績 rows per
   * indicator (transposed, read as paired rows). Optional for hand-built results.
   */
  shape?: 'rows' | 'transposed';
  /**
   * Tables below the first one on the sheet, checked on their own rows (their items and issues
   * are in rows and issues; the computed columns are the first table's only).
   */
  otherTables?: OtherTable[];
}

/** A second (third…) table of a sheet: what it was read as. */
export interface OtherTable {
  template: string;
  templateName: string;
  headerRows: number[];
  fiscalYear: number | null;
  columns: ColumnMapping[];
  items: number;
}

export type SheetStatus = 'checked' | 'not-table' | 'unrecognized';

/** What the engine saw on a table it could not fit to any template. */
export interface UnrecognizedLayout {
  /** Sheet row (1-based) of the header-like row. */
  headerRow: number;
  /** Its labels, as written. */
  headers: string[];
  /** The closest template (id), its name and its score (0–1). */
  closest: string | null;
  closestName: string | null;
  score: number;
  /** Canonical fields the closest template counts on that no column answered. */
  missing: string[];
  /** Years run across (rows 計画 / 実績 / 達成率): a transposed table, which is not read. */
  transposed: boolean;
  /** One card per item (a label–value line such as 事務事業名 | … repeats down the sheet), which is not read. */
  cards?: boolean;
}

/** Options of one check. */
export interface CheckOptions {
  /** The as-of date, YYYY-MM-DD: entries whose period ended before it are due. */
  asOf: string;
  /** Language of messages and of the appended column headers. Default: ja. */
  locale?: Locale;
  /** Force a template (profile id) instead of detecting one. */
  template?: string;
  /** Parsed configuration (see config.ts); defaults apply where absent. */
  config?: import('./config').Config;
  /** Sheet name, used in titles and to read the fiscal year when the sheet names it. */
  sheetName?: string;
  /** The workbook's file name, from which a department may be inferred when the table has no 担当課 column. */
  fileName?: string;
  /** Build the write plan (default true). A report-only check skips it: no fills or notes are needed. */
  plan?: boolean;
  /**
   * Give each item what it reported (ItemResult.entries, default true): the JSON report and the
   * next round's comparison read them; a check that only counts, prints or summarises does not.
   */
  entries?: boolean;
  /** Warnings acknowledged in the workbook (its settings); those of this sheet are marked on the issues. */
  acknowledgements?: import('./workbookSettings').Acknowledgement[];
}

/** Fill colours of flagged cells, by severity; every host uses these. */
export const FLAG_FILLS: Record<Severity, string> = {
  error: '#FFC7CE',
  warning: '#FFEB9C',
  info: '#DDEBF7',
};

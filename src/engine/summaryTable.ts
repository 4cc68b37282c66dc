import { DEFAULT_GRADE_SCALE, type GradeStep } from './config';
import { fiscalYearOf } from './due';
import { formatFiscalYear } from './read/years';
import { goodGradesOf, SummaryAccumulator, UNKNOWN_DEPARTMENT, type RateBand, type Summary, type SummaryInput, type SummaryItem } from './summary';
import type { CellValue, Locale } from './types';

/** A source that could not be checked (an unreadable file), listed in the summary. */
export interface SummarySkipped {
  file: string;
  reason: string;
}

/** A block of cells, 0-based and inclusive. */
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** A real Excel table (ListObject): a header row at `top`, `rows` data rows below it. */
export interface LayoutTable {
  /** Unique in the workbook, ASCII (Excel's rules for table names). */
  name: string;
  top: number;
  left: number;
  headers: string[];
  rows: number;
  /** Number format per column (null: general). */
  formats: (string | null)[];
  /** Columns whose long text wraps. */
  wrap: boolean[];
  /** Short category columns (status, severity) shown centred. */
  center?: boolean[];
  /** Filter buttons (default on). Off where filtering would hide the rows beside the table. */
  filters?: boolean;
}

/** A cell that links to the place an issue or item names. */
export interface LayoutLink {
  row: number;
  column: number;
  /** The workbook as the report names it; "" inside the workbook itself (the add-in). */
  file: string;
  sheet: string;
  cell: string;
}

export interface LayoutChart {
  kind: 'bar' | 'column';
  stacked: boolean;
  title: string;
  categories: CellRange;
  series: { name: string; nameCell: { row: number; column: number }; values: CellRange; color: string }[];
  /** Top-left cell; the size is in points, independent of the column widths. */
  anchor: { row: number; column: number };
  width: number;
  height: number;
  valueTitle: string;
}

/** One sheet of the summary as values plus what a host turns into tables, links and charts. */
export interface SummaryTable {
  name: string;
  values: CellValue[][];
  /** 0-based rows of table headers (bold, filled). */
  headerRows: number[];
  /** 0-based rows of section titles (■ 担当課別…). */
  titleRows: number[];
  /** 0-based rows of totals (bold). */
  totalRows: number[];
  /** Column widths in characters, fitted to the content. */
  widths: number[];
  tables: LayoutTable[];
  links: LayoutLink[];
  charts: LayoutChart[];
  /** Number formats of cells outside the tables (the headline). */
  formats: { row: number; column: number; format: string }[];
  /** Rows kept in view while scrolling. */
  freezeRows: number;
}

export const COUNT_FORMAT = '#,##0';
export const PERCENT_FORMAT = '0.0%';

const TEXT = {
  ja: {
    name: '集計',
    title: (asOf: string) => `進行管理票 集計（基準日 ${asOf}）`,
    note: '進行管理票チェッカーが自動で作成しました。集計するたびに作り直されます。',
    headline: '■ 概要',
    asOf: '基準日',
    fiscalYear: '年度',
    files: 'ファイル',
    sheets: 'シート',
    items: '取組',
    good: (g: string, good: number, graded: number) => `算定評価 ${g} 以上（算定評価のある ${graded} 件のうち ${good} 件）`,
    errors: 'エラー',
    warnings: '警告',
    unrecognized: '判別できないファイル',
    unreadableFiles: '読めないファイル',
    distribution: '■ 達成率の分布',
    distHead: ['達成率', '取組数'],
    band: (b: RateBand) =>
      b.min === null ? `${pct(b.max)} 未満` : b.max === null ? `${pct(b.min)} 以上` : `${pct(b.min)}〜${pct(b.max)}`,
    gradeChart: '担当課別の算定評価',
    rateChart: '達成率の分布',
    itemsAxis: '取組数',
    byDepartment: '■ 担当課別',
    deptHead: ['担当課', '取組数', '達成率を算定'],
    goodShare: (g: string) => `${g} 以上の割合`,
    evaluation: (s: string) => `自己評価 ${s}`,
    deptTail: ['エラー', '警告', '未入力', 'うち担当課を推定'],
    inferredNote: '「うち担当課を推定」: 担当課の列がない表で、表題・シート名・ファイル名から担当課を読み取った取組の数です。',
    total: '合計',
    bySheet: '■ ファイル・シート別',
    sheetHead: ['ファイル', 'シート', 'テンプレート', '取組数', 'エラー', '警告', '状態'],
    needsFix: '要修正',
    ok: 'OK',
    skipped: '対象外',
    unreadable: '読めません',
    issues: '■ 問題一覧（ファイル名をクリックするとそのセルを開きます）',
    issuesInBook: '■ 問題一覧（シート名をクリックするとそのセルへ移動します）',
    issueHead: ['ファイル', 'シート', 'セル', '重要度', '内容', '担当課', '取組', 'コード'],
    severity: { error: 'エラー', warning: '警告', info: '情報' } as Record<string, string>,
  },
  en: {
    name: 'Summary',
    title: (asOf: string) => `Progress sheets summary (as of ${asOf})`,
    note: 'Made by Progress Sheet Checker; made anew each time.',
    headline: '■ At a glance',
    asOf: 'As of',
    fiscalYear: 'Fiscal year',
    files: 'Files',
    sheets: 'Sheets',
    items: 'Items',
    good: (g: string, good: number, graded: number) => `Computed grade ${g} or better (${good} of ${graded} graded items)`,
    errors: 'Errors',
    warnings: 'Warnings',
    unrecognized: 'Files not recognised',
    unreadableFiles: 'Files unreadable',
    distribution: '■ Achievement rates',
    distHead: ['Rate', 'Items'],
    band: (b: RateBand) => (b.min === null ? `below ${pct(b.max)}` : b.max === null ? `${pct(b.min)} and over` : `${pct(b.min)}–${pct(b.max)}`),
    gradeChart: 'Computed grades by department',
    rateChart: 'Achievement rates',
    itemsAxis: 'Items',
    byDepartment: '■ By department',
    deptHead: ['Department', 'Items', 'With rate'],
    goodShare: (g: string) => `${g} or better`,
    evaluation: (s: string) => `Self ${s}`,
    deptTail: ['Errors', 'Warnings', 'Missing', 'Inferred dept.'],
    inferredNote: '"Inferred dept.": items of tables with no department column whose department was read from the title, sheet or file name.',
    total: 'Total',
    bySheet: '■ By file and sheet',
    sheetHead: ['File', 'Sheet', 'Template', 'Items', 'Errors', 'Warnings', 'Status'],
    needsFix: 'needs fixing',
    ok: 'OK',
    skipped: 'not a progress sheet',
    unreadable: 'unreadable',
    issues: '■ Issues (click a file name to open it at the cell)',
    issuesInBook: '■ Issues (click a sheet name to go to the cell)',
    issueHead: ['File', 'Sheet', 'Cell', 'Severity', 'Message', 'Department', 'Item', 'Code'],
    severity: { error: 'error', warning: 'warning', info: 'info' } as Record<string, string>,
  },
};

function pct(x: number | null): string {
  return `${Math.round((x ?? 0) * 100)}%`;
}

/** One checked sheet as the summary takes it. */
export type SummaryTableSheet = SummaryInput & { templateName: string | null };

export interface SummaryTableInput {
  asOf: string;
  sheets: SummaryTableSheet[];
  skipped?: SummarySkipped[];
  /** Grade names best first; default: the grade scale's. */
  grades?: string[];
  /** The configured grade scale (config.gradeScale); default S–D. */
  gradeScale?: GradeStep[];
  /** Files read in which no sheet could be checked. */
  unrecognizedFiles?: number;
  locale?: Locale;
}

/** One issue with the names a table shows: file, sheet, cell, department, item. */
export interface IssueLine {
  file: string;
  sheet: string;
  cell: string;
  row: number;
  severity: string;
  code: string;
  message: string;
  department: string;
  /** No. and title of the item whose rows hold the issue. */
  item: string;
}

/** Every issue of the sheets, with the department and item it belongs to. */
export function issueLines(sheets: SummaryInput[], locale: Locale = 'ja'): IssueLine[] {
  const lines: IssueLine[] = [];
  for (const s of sheets) addIssueLines(lines, s, locale);
  return lines;
}

/** One sheet's issue lines, added to `lines`. */
function addIssueLines(lines: IssueLine[], s: SummaryInput, locale: Locale): void {
  if (s.issues.length === 0) return;
  // the item named is the first whose rows hold the issue; the department, as issueDepartments, the last's
  const first = new Map<number, SummaryItem>();
  const last = new Map<number, SummaryItem>();
  for (const item of s.rows) {
    for (let r = item.row; r <= item.lastRow; r++) {
      if (!first.has(r)) first.set(r, item);
      last.set(r, item);
    }
  }
  const unknown = UNKNOWN_DEPARTMENT[locale];
  for (const issue of s.issues) {
    const item = first.get(issue.row);
    const owner = last.get(issue.row);
    lines.push({
      file: s.file,
      sheet: s.sheet,
      cell: issue.cell,
      row: issue.row,
      severity: issue.severity,
      code: issue.code,
      message: issue.message,
      department: owner ? owner.department ?? unknown : unknown,
      item: item ? itemTitle(item) : '',
    });
  }
}

/** An item's No. and title, cut to 40 characters (code points) and an ellipsis. */
function itemTitle(item: SummaryItem): string {
  const name = item.item ?? item.action;
  const title = item.id ? (name ? `${item.id} ${name}` : item.id) : name ? name : '';
  if (title.length <= 40) return title;
  let i = 0;
  for (let n = 0; n < 40 && i < title.length; n++) i += isPair(title, i) ? 2 : 1;
  return i < title.length ? `${title.slice(0, i)}…` : title;
}

/** A surrogate pair starts at `i` (one code point in two code units). */
function isPair(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff || i + 1 >= text.length) return false;
  const d = text.charCodeAt(i + 1);
  return d >= 0xdc00 && d <= 0xdfff;
}

/** Colours of the grades, best (green) to worst (red); grades off the scale are grey. */
const GRADE_RAMP = ['2E7D32', '7CB342', 'C0CA33', 'FFA000', 'E53935'];

function gradeColor(index: number, scaleLength: number): string {
  if (index >= scaleLength) return '9E9E9E';
  if (scaleLength === 1) return GRADE_RAMP[0];
  return GRADE_RAMP[Math.round((index * (GRADE_RAMP.length - 1)) / (scaleLength - 1))];
}

/** Display width in character cells: CJK and full-width characters count two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x2e80) width += 1;
    else {
      // a code point past U+2E80 (a surrogate pair is one, and counts once)
      width += 2;
      if (c >= 0xd800 && c <= 0xdbff && isPair(text, i)) i++;
    }
  }
  return width;
}

/** A sheet's values and everything placed on it, built top to bottom. */
export class SheetBuilder {
  readonly values: CellValue[][] = [];
  readonly headerRows: number[] = [];
  readonly titleRows: number[] = [];
  readonly totalRows: number[] = [];
  readonly tables: LayoutTable[] = [];
  readonly links: LayoutLink[] = [];
  readonly charts: LayoutChart[] = [];
  readonly formats: { row: number; column: number; format: string }[] = [];
  /** Rows whose text may overflow to the right (titles, notes): not used to fit widths. */
  private readonly free = new Set<number>();

  get row(): number {
    return this.values.length;
  }

  push(row: CellValue[], kind?: 'header' | 'title' | 'total' | 'note'): number {
    const r = this.values.length;
    if (kind === 'header') this.headerRows.push(r);
    if (kind === 'title') this.titleRows.push(r);
    if (kind === 'total') this.totalRows.push(r);
    if (kind === 'title' || kind === 'note') this.free.add(r);
    this.values.push(row);
    return r;
  }

  /** A real table: its header and rows, pushed at the current row. */
  table(name: string, headers: string[], rows: CellValue[][], formats: (string | null)[] = [], wrap: boolean[] = []): LayoutTable {
    const top = this.push(headers, 'header');
    for (const row of rows) this.push(row);
    const table: LayoutTable = { name, top, left: 0, headers, rows: rows.length, formats: headers.map((_, c) => formats[c] ?? null), wrap: headers.map((_, c) => wrap[c] ?? false) };
    this.tables.push(table);
    return table;
  }

  widths(): number[] {
    const widths: number[] = [];
    const headerRows = new Set(this.headerRows);
    // a number's format: its table column's, else the first format placed on the cell
    const tablesAt: LayoutTable[][] = [];
    for (const t of this.tables) for (let r = t.top + 1; r <= t.top + t.rows; r++) (tablesAt[r] ??= []).push(t);
    const placed = new Map<number, string>();
    for (const f of this.formats) {
      const key = f.row * 16384 + f.column;
      if (!placed.has(key)) placed.set(key, f.format);
    }
    const formatAt = (r: number, c: number): string | null => {
      const table = tablesAt[r]?.find((t) => c >= t.left && c < t.left + t.headers.length);
      if (table) return table.formats[c - table.left];
      return placed.get(r * 16384 + c) ?? null;
    };
    const values = this.values;
    for (let r = 0; r < values.length; r++) {
      if (this.free.has(r)) continue;
      const row = values[r];
      // room for the filter button of a table header
      const extra = headerRows.has(r) ? 3 : 0;
      for (let c = 0; c < row.length; c++) {
        const v = row[c];
        if (v === null || v === '' || (v === undefined && !(c in row))) continue;
        const w =
          (typeof v === 'number' ? (formatAt(r, c) === PERCENT_FORMAT ? 7 : String(Math.round(v)).length + 2) : displayWidth(typeof v === 'string' ? v : String(v))) + extra;
        if (!(w <= (widths[c] ?? 0))) widths[c] = w;
      }
    }
    // a column that wraps its long text (messages, item titles) need not be as wide as the text
    const wraps = new Set(this.tables.flatMap((t) => t.wrap.map((w, c) => (w ? t.left + c : -1))));
    return Array.from({ length: widths.length }, (_, c) => Math.min(wraps.has(c) ? 34 : 50, Math.max(8, (widths[c] ?? 0) + 2)));
  }

  build(name: string, freezeRows: number): SummaryTable {
    return {
      name,
      values: this.values,
      headerRows: this.headerRows,
      titleRows: this.titleRows,
      totalRows: this.totalRows,
      widths: this.widths(),
      tables: this.tables,
      links: this.links,
      charts: this.charts,
      formats: this.formats,
      freezeRows,
    };
  }
}

/** Excel column widths (characters) → points, as Excel's default font measures them. */
function columnPoints(chars: number): number {
  return (Math.trunc(chars * 7 + 5) * 3) / 4;
}

/** The most common reporting year of the checked sheets (the latest of equals), else the as-of date's. */
function headlineYear(counts: Map<number, number>, asOf: string): number {
  const best = [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0];
  return best ? best[0] : fiscalYearOf(asOf);
}

/**
 * The summary managers read (issue 11): a headline block and the rate distribution, a chart of
 * grades by department and one of the rates, then the department, file and issue tables. The
 * command line writes it into a workbook, the add-in into a sheet: one layout for both.
 */
export function summaryTable(input: SummaryTableInput): SummaryTable {
  const summary = new SummaryTableAccumulator(input);
  for (const sheet of input.sheets) summary.addSheet(sheet);
  for (const skipped of input.skipped ?? []) summary.addSkipped(skipped);
  return summary.finish();
}

/** One checked sheet as the file table shows it. */
interface SheetLine {
  file: string;
  sheet: string;
  templateName: string | null;
  template: string | null;
  items: number;
  errors: number;
  warnings: number;
}

/**
 * summaryTable(), a sheet at a time: the command line adds each file's sheets as its report arrives,
 * keeps only counts and issue lines (not the items), and finishes with the same layout
 * summaryTable() gives for the same sheets in the same order.
 */
export class SummaryTableAccumulator {
  private readonly counts: SummaryAccumulator;
  private readonly sheets: SheetLine[] = [];
  private readonly skipped: SummarySkipped[] = [];
  private readonly files = new Set<string>();
  private readonly issues: IssueLine[] = [];
  /** Checked sheets by reporting year, for the headline's year. */
  private readonly years = new Map<number, number>();
  private unrecognizedFiles: number;

  constructor(private readonly options: Omit<SummaryTableInput, 'sheets' | 'skipped'>) {
    this.counts = new SummaryAccumulator(options.locale ?? 'ja');
    this.unrecognizedFiles = options.unrecognizedFiles ?? 0;
  }

  addSheet(s: SummaryTableSheet): void {
    this.counts.add(s);
    let errors = 0;
    let warnings = 0;
    for (const issue of s.issues) {
      if (issue.severity === 'error') errors++;
      else if (issue.severity === 'warning') warnings++;
    }
    this.sheets.push({ file: s.file, sheet: s.sheet, templateName: s.templateName ?? null, template: s.template, items: s.rows.length, errors, warnings });
    this.files.add(s.file);
    if (s.template && s.fiscalYear) this.years.set(s.fiscalYear, (this.years.get(s.fiscalYear) ?? 0) + 1);
    addIssueLines(this.issues, s, this.options.locale ?? 'ja');
  }

  /** A source that could not be checked (an unreadable file). */
  addSkipped(skipped: SummarySkipped): void {
    this.skipped.push(skipped);
    this.files.add(skipped.file);
  }

  /** A file read in which no sheet could be checked (its sheets, if any, are added too). */
  addUnrecognizedFile(): void {
    this.unrecognizedFiles++;
  }

  finish(): SummaryTable {
    const input = this.options;
    const locale = input.locale ?? 'ja';
    const t = TEXT[locale];
    const scale = input.gradeScale ?? (input.grades ? input.grades.map((grade) => ({ grade, min: null })) : DEFAULT_GRADE_SCALE);
    const grades = input.grades ?? this.counts.gradeColumns(scale);
    const good = input.gradeScale || !input.grades ? goodGradesOf(scale) : grades.slice(0, Math.min(3, grades.length));
    const summary = this.counts.finish(grades, good);
    return layout({
      t,
      asOf: input.asOf,
      locale,
      scale,
      grades,
      lowestGood: good[good.length - 1] ?? grades[0] ?? '',
      summary,
      withFiles: this.sheets.some((s) => s.file !== '') || this.skipped.length > 0,
      files: this.files.size,
      sheets: this.sheets,
      skipped: this.skipped,
      issues: this.issues,
      year: headlineYear(this.years, input.asOf),
      unrecognizedFiles: this.unrecognizedFiles,
    });
  }
}

function layout(input: {
  t: (typeof TEXT)[Locale];
  asOf: string;
  locale: Locale;
  scale: GradeStep[];
  grades: string[];
  lowestGood: string;
  summary: Summary;
  withFiles: boolean;
  files: number;
  sheets: SheetLine[];
  skipped: SummarySkipped[];
  issues: IssueLine[];
  year: number;
  unrecognizedFiles: number;
}): SummaryTable {
  const { t, locale, scale, grades, lowestGood, summary, withFiles, files } = input;
  const total = summary.total;
  const b = new SheetBuilder();

  b.push([t.title(input.asOf)], 'title');
  b.push([t.note], 'note');
  b.push([]);

  // headline (columns A–B) beside the rate distribution (columns D–E)
  const headline: [string, CellValue, string | null][] = [
    [t.asOf, input.asOf, null],
    [t.fiscalYear, formatFiscalYear(input.year, locale), null],
    // inside one workbook (the add-in) the sheets are counted instead
    [withFiles ? t.files : t.sheets, withFiles ? files : input.sheets.length, COUNT_FORMAT],
    [t.items, total.items, COUNT_FORMAT],
    [t.good(lowestGood, total.good, total.graded), total.graded > 0 ? total.good / total.graded : null, PERCENT_FORMAT],
    [t.errors, total.errors, COUNT_FORMAT],
    [t.warnings, total.warnings, COUNT_FORMAT],
    [t.unrecognized, input.unrecognizedFiles, COUNT_FORMAT],
    [t.unreadableFiles, input.skipped.length, COUNT_FORMAT],
  ];
  const DIST = 3;
  const headTop = b.push([t.headline, null, null, t.distribution], 'title');
  const bands = summary.distribution;
  const distTop = headTop + 1;
  for (let i = 0; i < Math.max(headline.length, bands.length + 1); i++) {
    const [label, value, format] = headline[i] ?? [null, null, null];
    const dist: CellValue[] = i === 0 ? t.distHead : i <= bands.length ? [t.band(bands[i - 1]), bands[i - 1].count] : [];
    const r = b.push([label, value, null, ...dist]);
    if (format && value !== null) b.formats.push({ row: r, column: 1, format });
  }
  // no filter: hiding its rows would hide the headline beside it
  b.tables.push({ name: 'RateDistribution', top: distTop, left: DIST, headers: t.distHead, rows: bands.length, formats: [null, COUNT_FORMAT], wrap: [false, false], filters: false });
  b.headerRows.push(distTop);
  b.push([]);

  // the department table's place is known before it is written: the charts point into it
  const chartRow = b.row;
  const deptHeight = Math.min(520, 70 + 26 * Math.max(1, summary.departments.length));
  const chartRows = Math.ceil(Math.max(deptHeight, 260) / 15) + 1;
  for (let i = 0; i < chartRows; i++) b.push([]);

  b.push([t.byDepartment], 'title');
  const [deptName, items, rate] = t.deptHead;
  const evaluationHeads = summary.evaluations.map((s) => t.evaluation(s));
  const deptHead = [deptName, items, rate, ...grades, t.goodShare(lowestGood), ...evaluationHeads, ...t.deptTail];
  const lineValues = (line: (typeof summary.departments)[number]): CellValue[] => [
    line.department,
    line.items,
    line.withRate,
    ...grades.map((g) => line.grades[g]),
    line.graded > 0 ? line.good / line.graded : null,
    ...summary.evaluations.map((s) => line.evaluations[s]),
    line.errors,
    line.warnings,
    line.missingEntries,
    line.inferred,
  ];
  const deptFormats = deptHead.map((_, c) => (c === 0 ? null : c === 3 + grades.length ? PERCENT_FORMAT : COUNT_FORMAT));
  const dept = b.table('DepartmentSummary', uniqueHeaders(deptHead), summary.departments.map(lineValues), deptFormats);
  const totalRow = b.push(lineValues(total), 'total');
  deptFormats.forEach((format, c) => format && b.formats.push({ row: totalRow, column: c, format }));
  if (total.inferred > 0) b.push([t.inferredNote], 'note');

  if (summary.departments.length > 0) {
    const first = dept.top + 1;
    const last = dept.top + dept.rows;
    b.charts.push({
      kind: 'bar',
      stacked: true,
      title: t.gradeChart,
      categories: { top: first, left: 0, bottom: last, right: 0 },
      series: grades.map((g, i) => ({
        name: g,
        nameCell: { row: dept.top, column: 3 + i },
        values: { top: first, left: 3 + i, bottom: last, right: 3 + i },
        color: gradeColor(i, scale.length),
      })),
      anchor: { row: chartRow, column: 0 },
      width: 500,
      height: deptHeight,
      valueTitle: t.itemsAxis,
    });
  }

  b.push([]);
  b.push([t.bySheet], 'title');
  const sheetHead = withFiles ? t.sheetHead : t.sheetHead.slice(1);
  const file = (name: string): CellValue[] => (withFiles ? [name] : []);
  const sheetRows: CellValue[][] = input.sheets.map((s) => {
    const status = !s.template ? t.skipped : s.errors > 0 ? t.needsFix : t.ok;
    return [...file(s.file), s.sheet, s.templateName, s.template ? s.items : null, s.template ? s.errors : null, s.template ? s.warnings : null, status];
  });
  for (const skipped of input.skipped) sheetRows.push([...file(skipped.file), null, null, null, null, null, `${t.unreadable}: ${skipped.reason}`]);
  const offset = withFiles ? 1 : 0;
  const fileTable = b.table('FileSummary', sheetHead, sheetRows, sheetHead.map((_, c) => (c >= offset + 2 && c <= offset + 4 ? COUNT_FORMAT : null)));
  fileTable.center = sheetHead.map((_, c) => c === sheetHead.length - 1);

  b.push([]);
  b.push([withFiles ? t.issues : t.issuesInBook], 'title');
  const issueHead = withFiles ? t.issueHead : t.issueHead.slice(1);
  const lines = input.issues;
  const issues = b.table(
    'IssueList',
    issueHead,
    lines.map((l) => {
      const severity = t.severity[l.severity] ?? l.severity;
      return withFiles
        ? [l.file, l.sheet, l.cell, severity, l.message, l.department, l.item, l.code]
        : [l.sheet, l.cell, severity, l.message, l.department, l.item, l.code];
    }),
    [],
    issueHead.map((h) => h === t.issueHead[4] || h === t.issueHead[6]),
  );
  issues.center = issueHead.map((h) => h === t.issueHead[3]);
  // the first column (the file, or the sheet inside the workbook) opens the issue's cell
  lines.forEach((l, i) => b.links.push({ row: issues.top + 1 + i, column: 0, file: l.file, sheet: l.sheet, cell: l.cell }));

  const table = b.build(t.name, 1);
  // the distribution chart sits under its table (column D); the grade chart fits left of it
  const left = table.widths.slice(0, DIST).reduce((x, w) => x + columnPoints(w), 0);
  let column = DIST;
  if (table.charts[0]) {
    table.charts[0].width = Math.max(360, Math.min(520, left - 16));
    if (left < 376) {
      // narrow first columns (a workbook without file names): the chart goes past its edge
      let x = 0;
      column = 0;
      while (column < table.widths.length && x < 376) x += columnPoints(table.widths[column++]);
    }
  }
  table.charts.push({
    kind: 'column',
    stacked: false,
    title: t.rateChart,
    categories: { top: distTop + 1, left: DIST, bottom: distTop + bands.length, right: DIST },
    series: [{ name: t.distHead[1], nameCell: { row: distTop, column: DIST + 1 }, values: { top: distTop + 1, left: DIST + 1, bottom: distTop + bands.length, right: DIST + 1 }, color: '4472C4' }],
    anchor: { row: chartRow, column: summary.departments.length > 0 ? column : 0 },
    width: 420,
    height: 260,
    valueTitle: t.itemsAxis,
  });
  return table;
}

/** Excel table headers must differ: a repeat gets a number. */
function uniqueHeaders(headers: string[]): string[] {
  const seen = new Map<string, number>();
  return headers.map((h) => {
    const n = (seen.get(h) ?? 0) + 1;
    seen.set(h, n);
    return n === 1 ? h : `${h}${n}`;
  });
}

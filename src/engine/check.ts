import { DEFAULT_GRADE_SCALE } from './config';
import { acknowledgementsOf } from './workbookSettings';
import { computeUnit, evaluationScalesOf } from './compute/units';
import { fiscalYearOf, isIsoDate } from './due';
import { IssueList } from './issueList';
import { PlanFigures, buildWritePlan, flagsOf } from './plan/writePlan';
import { cellText, isBlank } from './read/cell';
import { resolveProfiles } from './profiles';
import { readFiscalYear, readReportingYears } from './read/years';
import { withInferredDepartment } from './rows/inferDepartment';
import { RecordReader, groupUnits, type FieldCell, type UnitRecord } from './rows/record';
import { reportedEntries } from './rows/reportedEntries';
import { RULES } from './rules';
import type { Report, RuleContext, UnitCheck, UnitComputation } from './rules/context';
import { mapHeader } from './table/header';
import { classifyRows, locateTable, type TableLayout } from './table/layout';
import { RemappedSheetView, SheetView, columnLetter } from './table/sheetView';
import { readTransposed } from './table/transposed';
import type { Profile } from './profiles/schema';
import type { CheckOptions, FiscalYearSource, Grid, Issue, ItemResult, KpiResult, SheetCheck } from './types';
import { unrecognizedSheet } from './unrecognized';

/**
 * Check one sheet: find its table and template, read every item, validate it, compute 達成率 and
 * 算定評価, and plan the writes that show the outcome. Pure: a grid in, data out.
 */
export function checkSheet(grid: Grid, options: CheckOptions): SheetCheck {
  if (!isIsoDate(options.asOf)) throw new Error(`as-of date must be YYYY-MM-DD: ${options.asOf}`);
  const config = options.config ?? {};
  const profiles = resolveProfiles(config);
  const forced = options.template ? profiles.find((p) => p.id === options.template) : undefined;
  if (options.template && !forced) throw new Error(`unknown template: ${options.template}`);
  const view = new SheetView(grid);
  const found = locateTable(view, profiles, forced);
  // another table below the first (羽村市: 事務事業 under the indicators) is checked on its own rows
  const others = found.layout && !forced ? checkOtherTables(grid, found.layout, profiles, options) : [];
  // years across and 計画/実績 rows per indicator (a card, a transposed table): read as paired rows.
  // The catch-all profile may have taken one of its year rows for a header: the blocks read better.
  const transposed = forced || (found.layout && !found.layout.match.profile.fallback) ? null : transposedLayout(view, profiles, fiscalYearOf(options.asOf, options.config?.fiscalYearStartMonth ?? 4));
  const yearRowHeader = found.layout && transposed?.yearRows.includes(view.sheetRow(found.layout.match.rows[0]));
  if (found.layout && !yearRowHeader) return withOtherTables(checkTable(view, found.layout, options, 'rows'), others);
  if (transposed) return checkTable(transposed.view, transposed.layout, options, 'transposed', transposed.yearRows);
  // a table no template fits is reported (never silent); a cover or 記入要領 stays quietly 対象外
  return (found.unrecognized && unrecognizedSheet(view, found.unrecognized, options)) || noTable();
}

/**
 * The tables below the first one (layout.otherTables: a header of other fields after a gap), each
 * read on its own rows, from the row where it starts to the next one: those a template fits are
 * checked (and taken out of layout.otherTables, whose rows the first check warns were not); the
 * others keep the warning.
 */
function checkOtherTables(grid: Grid, layout: TableLayout, profiles: readonly Profile[], options: CheckOptions): SheetCheck[] {
  const checked: SheetCheck[] = [];
  const starts = layout.otherTables;
  const unchecked: number[] = [];
  starts.forEach((start, i) => {
    // a sheet of hundreds of small tables (hostile or not) costs a bounded time: the rest keep the warning
    if (i >= MAX_OTHER_TABLES) {
      unchecked.push(start);
      return;
    }
    const end = i + 1 < starts.length ? starts[i + 1] : grid.values.length;
    // the lines just above its header are the table's own: its heading and its legend
    // (評価 A：計画どおり実施 B：… over 個別事業 | プロセス評価, 香川県後期高齢者医療広域連合)
    const floor = Math.max(i > 0 ? starts[i - 1] + 1 : 0, start - OWN_LINES_ABOVE);
    let from = start;
    while (from > floor && OWN_LINE_KINDS.has(layout.kinds[from - 1])) from--;
    const part = rowsOf(grid, from, end);
    const view = new SheetView(part);
    const found = locateTable(view, profiles);
    if (!found.layout || found.layout.otherTables.length > 0) {
      unchecked.push(start);
      return;
    }
    // a table whose own heading names no year reports on the sheet's (the title over the first table)
    const own = found.layout;
    if (own.titleDates.length === 0 && !own.titleTexts.some((t) => readFiscalYear(t) !== null)) {
      own.titleTexts.push(...layout.titleTexts);
      own.titleDates.push(...layout.titleDates);
    }
    checked.push(checkTable(view, own, options, 'rows'));
  });
  layout.otherTables = unchecked;
  return checked;
}

/** How many tables below the first one a sheet has checked (each is read again from its rows). */
const MAX_OTHER_TABLES = 20;
/** Lines above another table's header read with it (its heading, its legend), at most this many. */
const OWN_LINES_ABOVE = 4;
const OWN_LINE_KINDS: ReadonlySet<string> = new Set(['title', 'legend', 'note', 'blank']);

/** Rows [from, to) of a grid as a grid of their own that still names its cells where the sheet does. */
function rowsOf(grid: Grid, from: number, to: number): Grid {
  const origin = grid.origin ?? { row: 0, column: 0 };
  const merges = (grid.merges ?? [])
    .filter((m) => m.top >= from && m.bottom < to)
    .map((m) => ({ top: m.top - from, bottom: m.bottom - from, left: m.left, right: m.right }));
  return {
    values: grid.values.slice(from, to),
    ...(grid.numberFormats ? { numberFormats: grid.numberFormats.slice(from, to) } : {}),
    merges,
    origin: { row: origin.row + from, column: origin.column },
  };
}

/**
 * The first table's check with the other tables' items and issues: every issue at its cell, and
 * flagged there; the computed values (達成率, 算定評価, チェック結果) are written for the first table
 * only, whose columns the plan appends. The other tables are listed for --explain and the report.
 */
function withOtherTables(main: SheetCheck, others: SheetCheck[]): SheetCheck {
  if (others.length === 0) return main;
  const byPlace = (a: { row: number; column?: number }, b: { row: number; column?: number }) => a.row - b.row || (a.column ?? 0) - (b.column ?? 0);
  const issues = [...main.issues, ...others.flatMap((o) => o.issues)].sort(byPlace);
  return {
    ...main,
    rows: [...main.rows, ...others.flatMap((o) => o.rows)].sort(byPlace),
    issues,
    plan: { ...main.plan, flags: [...main.plan.flags, ...others.flatMap((o) => o.plan.flags)].sort(byPlace) },
    otherTables: others.map((o) => ({
      template: o.template as string,
      templateName: o.templateName as string,
      headerRows: o.headerRows,
      fiscalYear: o.fiscalYear,
      columns: o.columns,
      items: o.rows.length,
    })),
  };
}

/** The paired-rows family a transposed table is read as. */
const PAIRED_ROWS_TEMPLATE = 'kpi-target-actual';

function transposedLayout(view: SheetView, profiles: readonly Profile[], asOfYear: number): { view: SheetView; layout: TableLayout; yearRows: number[] } | null {
  const profile = profiles.find((p) => p.id === PAIRED_ROWS_TEMPLATE);
  const table = profile ? readTransposed(view, asOfYear) : null;
  if (!profile || !table) return null;
  const built = new RemappedSheetView(table.grid, table.origins);
  const match = mapHeader(built, profile, [table.headerRow]);
  const layout = classifyRows(built, match, [{ template: profile.id, score: Math.round(match.score * 100) / 100 }]);
  // the header a person sees is the sheet's year rows
  return { view: built, layout, yearRows: table.yearRows.map((r) => view.sheetRow(r)) };
}

function checkTable(
  view: SheetView,
  layout: TableLayout,
  options: CheckOptions,
  shape: 'rows' | 'transposed',
  sheetHeaderRows?: number[],
): SheetCheck {
  const locale = options.locale ?? 'ja';
  const config = options.config ?? {};
  const profile = layout.match.profile;
  const startMonth = config.fiscalYearStartMonth ?? 4;
  const { year: fiscalYear, source: fiscalYearSource } = resolveFiscalYear(layout, options, startMonth);
  const groups = groupUnits(view, layout);
  // a legend printed on the sheet may define the evaluation scales and, with rates, the grades
  const evaluation = evaluationScalesOf({ view, layout, firstRows: groups.map((rows) => rows[0]), config, gradeScale: config.gradeScale ?? DEFAULT_GRADE_SCALE });
  const gradeScale = config.gradeScale ?? evaluation.legendGradeScale ?? DEFAULT_GRADE_SCALE;
  const ctx: RuleContext = {
    view,
    layout,
    profile,
    asOf: options.asOf,
    startMonth,
    fiscalYear,
    gradeScale,
    evaluationScale: evaluation.primary,
    evaluationColumns: evaluation.columns,
    locale,
    departments: config.departments ?? null,
  };
  // each unit is read, computed, checked by every rule and reported in turn, then let go: what
  // outlives it is what the check returns (its row, its issues) and, for the plan, a few figures
  const found = new IssueList(view, locale);
  const checks: { check: UnitCheck; report: Report }[] = [];
  RULES.forEach((rule, order) => {
    const check = rule.start(ctx);
    if (check) checks.push({ check, report: (finding) => found.add(finding, order) });
  });
  const transposed = shape === 'transposed';
  const planFigures = options.plan === false || transposed ? null : new PlanFigures();
  const reader = new RecordReader({ view, layout, fiscalYear, startMonth });
  const items: ItemResult[] = [];
  for (const rows of groups) {
    const unit = reader.read(rows);
    const computed = computeUnit(unit, gradeScale, evaluation.primary);
    for (let i = 0; i < checks.length; i++) checks[i].check(unit, computed, checks[i].report);
    items.push(itemResult(view, unit, computed, options.entries !== false));
    if (planFigures) keepForPlan(planFigures, unit, computed);
  }
  // another progress table below this one: not checked, and said where it starts
  for (const r of layout.otherTables) {
    const filled = view.filledColumns(r);
    const labels = filled.map((c) => cellText(view.raw(r, c)).replace(/\s+/g, '')).filter(Boolean).join('・');
    found.add({ messageId: 'unrecognized-layout.another-table', r, c: filled[0] ?? 0, field: 'table', params: { row: view.sheetRow(r), labels } }, RULES.length);
  }
  const issues = markAcknowledged(found.sorted(), options);
  const top = layout.candidates.find((c) => c.template === profile.id);
  return {
    template: profile.id,
    templateName: transposed ? `${profile.name[locale]}${locale === 'en' ? ' (years across)' : '（年度が横に並ぶ表）'}` : profile.name[locale],
    confidence: top?.score ?? 0,
    candidates: layout.candidates,
    headerRows: sheetHeaderRows ?? layout.headerRows.map((r) => view.sheetRow(r)),
    fiscalYear,
    fiscalYearSource,
    columns: columnMappings(view, layout),
    rows: withInferredDepartment(
      items,
      // no 担当課 column: the title, sheet or file name may name the owner (issue 11)
      { hasColumn: layout.match.columns.some((c) => c.field === 'department'), titles: layout.titleTexts, sheetName: options.sheetName, fileName: options.fileName },
    ),
    issues,
    // a transposed table has no column to write computed values into: its plan flags cells only
    plan: !planFigures ? (transposed && options.plan !== false ? { ...emptyPlan(), flags: flagsOf(issues) } : emptyPlan()) : buildWritePlan({ view, layout, units: planFigures, issues, locale }),
    status: 'checked',
    unrecognized: null,
    shape,
  };
}

/**
 * Which sheet column was read as which field (what --explain prints). A built table's column
 * stands for the sheet column of its header cell, or of its first cell read from the sheet.
 */
function columnMappings(view: SheetView, layout: TableLayout): SheetCheck['columns'] {
  const out: SheetCheck['columns'] = [];
  const header = layout.headerRows[0] ?? 0;
  for (const c of layout.match.columns) {
    let p = view.position(header, c.column);
    for (let r = header + 1; !p && r < view.rowCount; r++) p = view.position(r, c.column);
    if (!p) continue;
    out.push({
      field: c.field,
      column: p.column,
      letter: columnLetter(p.column),
      label: c.label,
      term: c.term,
      matchedBy: c.via,
    });
  }
  return out;
}

/** Warnings acknowledged with a reason (理由あり) in the workbook stay listed, marked as such. */
function markAcknowledged(issues: Issue[], options: CheckOptions): Issue[] {
  if (!options.acknowledgements?.length || !options.sheetName) return issues;
  const acks = acknowledgementsOf({ version: 1, acknowledgements: options.acknowledgements }, options.sheetName);
  if (acks.size === 0) return issues;
  for (const issue of issues) {
    const ack = acks.get(`${issue.cell} ${issue.code}`);
    if (!ack) continue;
    issue.acknowledged = { reason: ack.reason, ...(ack.by ? { by: ack.by } : {}), ...(ack.at ? { at: ack.at } : {}) };
  }
  return issues;
}

/** A report-only check's plan: nothing to write. */
function emptyPlan(): SheetCheck['plan'] {
  return { values: [], flags: [], appendedColumns: [], headerRows: [] };
}

function noTable(): SheetCheck {
  return {
    template: null,
    templateName: null,
    confidence: 0,
    candidates: [],
    headerRows: [],
    fiscalYear: null,
    fiscalYearSource: null,
    columns: [],
    rows: [],
    issues: [],
    plan: { values: [], flags: [], appendedColumns: [], headerRows: [] },
    status: 'not-table',
    unrecognized: null,
  };
}

/**
 * The reporting year (design.md §6): configuration; else a year beside 進捗・実績・報告・取組状況・評価
 * in the title or sheet name (or a 現在 date above the table); else the header's result columns;
 * else a year standing alone in the title; else the as-of date's fiscal year. Plan periods
 * (令和7年度～令和11年度) and footnotes (※目標値(R10)) never set it.
 */
function resolveFiscalYear(
  layout: TableLayout,
  options: CheckOptions,
  startMonth: number,
): { year: number; source: FiscalYearSource } {
  if (options.config?.fiscalYear) return { year: options.config.fiscalYear, source: 'config' };
  const asOfYear = fiscalYearOf(options.asOf, startMonth);
  const titles = options.sheetName ? [...layout.titleTexts, options.sheetName] : layout.titleTexts;
  // the as-of year tells 平成19年度 from 令和19年度 where a title writes a bare 19年度
  const read = titles.map((t) => readReportingYears(t, asOfYear));
  const reporting = read.flatMap((r) => r.reporting);
  reporting.push(...layout.titleDates.map((d) => fiscalYearOf(d, startMonth)));
  if (reporting.length > 0) return { year: Math.max(...reporting), source: 'title' };
  const fromHeader = headerResultYear(layout, asOfYear);
  if (fromHeader !== null) return { year: fromHeader, source: 'header' };
  const plain = read.flatMap((r) => r.plain);
  if (plain.length > 0) return { year: Math.max(...plain), source: 'title' };
  return { year: asOfYear, source: 'as-of' };
}

/**
 * The latest year of the header's result columns (実績, KPI actuals; else per-year values) that
 * has begun by the as-of date: a results table running to the plan's last year (R11) is not
 * reporting on R11 yet. When every year lies ahead, the earliest.
 */
function headerResultYear(layout: TableLayout, asOfYear: number): number | null {
  const yearsOf = (entries: readonly string[]) =>
    layout.match.columns
      .filter((c) => c.period && c.period.kind === 'year' && entries.includes(c.period.entry) && c.periodToken)
      .map((c) => readFiscalYear(c.periodToken as string))
      .filter((y): y is number => y !== null);
  let years = yearsOf(['result', 'actual']);
  if (years.length === 0) years = yearsOf(['value', 'target']);
  if (years.length === 0) return null;
  const begun = years.filter((y) => y <= asOfYear);
  return begun.length > 0 ? Math.max(...begun) : Math.min(...years);
}

/** What the plan keeps of a unit once its record is let go. */
function keepForPlan(figures: PlanFigures, unit: UnitRecord, c: UnitComputation): void {
  const blank = unit.rate !== null && isBlank(unit.rate.value);
  figures.add(unit.rows, c.rate?.rate ?? null, c.grade, blank && unit.rate ? unit.rate.r : -1, blank && unit.rate ? unit.rate.c : -1);
}

function itemResult(view: SheetView, unit: UnitRecord, c: UnitComputation, withEntries: boolean): ItemResult {
  const item: ItemResult = {
    row: view.sheetRow(unit.first),
    lastRow: view.sheetRow(unit.rows[unit.rows.length - 1]),
    id: unit.id,
    section: unit.section,
    item: unit.item,
    action: unit.action,
    department: unit.department,
    departments: unit.departments,
    achievementRate: c.rate ? round4(c.rate.rate) : null,
    grade: c.grade,
    selfGrade: c.selfGrade,
    evaluation: c.evaluation,
    kpis: kpiResults(unit, c),
  };
  if (withEntries) item.entries = reportedEntries(view, unit);
  return item;
}

/** An item's indicators as reported (map: an array of their exact number, kept with the report). */
function kpiResults(unit: UnitRecord, c: UnitComputation): KpiResult[] {
  return unit.kpis.map((k, i) => {
    const basis = c.kpiRates[i];
    return {
      name: trimmedText(k.name),
      unit: trimmedText(k.unit),
      baseline: basis?.baseline ?? null,
      target: basis?.target ?? null,
      actual: basis?.actual ?? null,
      achievementRate: basis ? round4(basis.rate) : null,
    };
  });
}

/** A text cell's text, trimmed; null for a blank, a number or no cell. */
function trimmedText(cell: FieldCell | null): string | null {
  if (!cell || typeof cell.value !== 'string') return null;
  const text = cell.value.trim();
  return text !== '' ? text : null;
}

/** Rates are kept to 4 decimals of the fraction (91.24%). */
function round4(x: number): number {
  return Math.round(x * 10000) / 10000;
}

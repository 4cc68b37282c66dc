import { DEFAULT_GRADE_SCALE } from './config';
import { acknowledgementsOf } from './workbookSettings';
import { computeUnit, evaluationScalesOf } from './compute/units';
import { fiscalYearOf, isIsoDate } from './due';
import { MESSAGES, SEVERITY, renderMessage } from './messages';
import { buildWritePlan } from './plan/writePlan';
import { resolveProfiles } from './profiles';
import { readFiscalYear, readReportingYears } from './read/years';
import { withInferredDepartment } from './rows/inferDepartment';
import { buildRecords, groupUnits, type UnitRecord } from './rows/record';
import { reportedEntries } from './rows/reportedEntries';
import { RULES } from './rules';
import type { Finding, RuleContext, UnitComputation } from './rules/context';
import { locateTable, type TableLayout } from './table/layout';
import { SheetView } from './table/sheetView';
import type { CheckOptions, FiscalYearSource, Grid, Issue, ItemResult, SheetCheck } from './types';
import { unrecognizedSheet } from './unrecognized';

/**
 * Check one sheet: find its table and template, read every item, validate it, compute 達成率 and
 * 算定評価, and plan the writes that show the outcome. Pure: a grid in, data out.
 */
export function checkSheet(grid: Grid, options: CheckOptions): SheetCheck {
  if (!isIsoDate(options.asOf)) throw new Error(`as-of date must be YYYY-MM-DD: ${options.asOf}`);
  const locale = options.locale ?? 'ja';
  const config = options.config ?? {};
  const profiles = resolveProfiles(config);
  const forced = options.template ? profiles.find((p) => p.id === options.template) : undefined;
  if (options.template && !forced) throw new Error(`unknown template: ${options.template}`);
  const view = new SheetView(grid);
  const found = locateTable(view, profiles, forced);
  const layout = found.layout;
  // a table no template fits is reported (never silent); a cover or 記入要領 stays quietly 対象外
  if (!layout) return (found.unrecognized && unrecognizedSheet(view, found.unrecognized, options)) || noTable();

  const profile = layout.match.profile;
  const startMonth = config.fiscalYearStartMonth ?? 4;
  const { year: fiscalYear, source: fiscalYearSource } = resolveFiscalYear(layout, options, startMonth);
  const units = buildRecords({ view, layout, fiscalYear, startMonth }, groupUnits(view, layout));
  // a legend printed on the sheet may define the evaluation scales and, with rates, the grades
  const evaluation = evaluationScalesOf({ view, layout, units, config, gradeScale: config.gradeScale ?? DEFAULT_GRADE_SCALE });
  const gradeScale = config.gradeScale ?? evaluation.legendGradeScale ?? DEFAULT_GRADE_SCALE;
  const computed = new Map<UnitRecord, UnitComputation>(units.map((u) => [u, computeUnit(u, gradeScale, evaluation.primary)]));
  const ctx: RuleContext = {
    view,
    layout,
    profile,
    units,
    computed,
    asOf: options.asOf,
    startMonth,
    fiscalYear,
    gradeScale,
    evaluationScale: evaluation.primary,
    evaluationColumns: evaluation.columns,
    locale,
    departments: config.departments ?? null,
  };
  const issues = markAcknowledged(
    RULES.flatMap((rule, order) => rule.check(ctx).map((f) => toIssue(view, f, order, locale)))
      .sort((a, b) => a.issue.row - b.issue.row || a.issue.column - b.issue.column || a.order - b.order)
      .map((x) => x.issue),
    options,
  );
  const top = layout.candidates.find((c) => c.template === profile.id);
  return {
    template: profile.id,
    templateName: profile.name[locale],
    confidence: top?.score ?? 0,
    candidates: layout.candidates,
    headerRows: layout.headerRows.map((r) => view.sheetRow(r)),
    fiscalYear,
    fiscalYearSource,
    columns: layout.match.columns.map((c) => ({
      field: c.field,
      column: view.sheetColumn(c.column),
      letter: view.address(0, c.column).replace(/\d+$/, ''),
      label: c.label,
      term: c.term,
      matchedBy: c.via,
    })),
    rows: withInferredDepartment(
      units.map((u) => itemResult(view, u, computed.get(u) as UnitComputation)),
      // no 担当課 column: the title, sheet or file name may name the owner (issue 11)
      { hasColumn: layout.match.columns.some((c) => c.field === 'department'), titles: layout.titleTexts, sheetName: options.sheetName, fileName: options.fileName },
    ),
    issues,
    plan: options.plan === false ? emptyPlan() : buildWritePlan({ view, layout, units, computed, issues, locale }),
    status: 'checked',
    unrecognized: null,
  };
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

function toIssue(view: SheetView, f: Finding, order: number, locale: CheckOptions['locale']): { issue: Issue; order: number } {
  const code = MESSAGES[f.messageId].code;
  const params = quoteParams(f.params);
  return {
    order,
    issue: {
      code,
      severity: SEVERITY[code],
      cell: view.address(f.r, f.c),
      row: view.sheetRow(f.r),
      column: view.sheetColumn(f.c),
      field: f.field,
      message: renderMessage(f.messageId, params, locale ?? 'ja'),
      params: { ...params, messageId: f.messageId },
    },
  };
}

/** A message quotes at most a short excerpt of a cell: a 1 MB cell must not become a 1 MB message. */
const MAX_QUOTE = 40;

function quoteParams(params: Record<string, string | number>): Record<string, string | number> {
  let out: Record<string, string | number> | null = null;
  for (const [name, value] of Object.entries(params)) {
    if (typeof value !== 'string' || value.length <= MAX_QUOTE) continue;
    out ??= { ...params };
    out[name] = `${[...value.slice(0, MAX_QUOTE + 1)].slice(0, MAX_QUOTE).join('')}…`;
  }
  return out ?? params;
}

function itemResult(view: SheetView, unit: UnitRecord, c: UnitComputation): ItemResult {
  return {
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
    kpis: unit.kpis.map((k, i) => {
      const basis = c.kpiRates[i];
      return {
        name: k.name && typeof k.name.value === 'string' && k.name.value.trim() !== '' ? k.name.value.trim() : null,
        unit: k.unit && typeof k.unit.value === 'string' && k.unit.value.trim() !== '' ? k.unit.value.trim() : null,
        baseline: basis?.baseline ?? null,
        target: basis?.target ?? null,
        actual: basis?.actual ?? null,
        achievementRate: basis ? round4(basis.rate) : null,
      };
    }),
    entries: reportedEntries(view, unit),
  };
}

/** Rates are kept to 4 decimals of the fraction (91.24%). */
function round4(x: number): number {
  return Math.round(x * 10000) / 10000;
}

import type { GradeStep } from './config';
import { EVALUATION_SYMBOLS, type EvaluationSymbol } from './read/evaluation';
import type { ItemResult, Locale, Severity } from './types';

/** What the summary reads of an item: the command line's workers send only this (not KPIs or entries). */
export type SummaryItem = Pick<ItemResult, 'row' | 'lastRow' | 'id' | 'item' | 'action' | 'department' | 'departmentInferred' | 'achievementRate' | 'grade' | 'evaluation'>;

/** An item cut to what the summary reads. */
export function summaryItem(item: ItemResult): SummaryItem {
  const { row, lastRow, id, action, department, achievementRate, grade, evaluation } = item;
  const slim: SummaryItem = { row, lastRow, id, item: item.item, action, department, achievementRate, grade, evaluation };
  if (item.departmentInferred) slim.departmentInferred = true;
  return slim;
}

/** One checked sheet, as the summary needs it (rounds.ts compares whole items). */
export interface SummaryInput<Row extends SummaryItem = SummaryItem> {
  file: string;
  sheet: string;
  template: string | null;
  rows: Row[];
  issues: { severity: Severity; code: string; cell: string; row: number; message: string }[];
  /** The sheet's reporting year, for the headline. */
  fiscalYear?: number | null;
}

export interface DepartmentLine {
  department: string;
  items: number;
  withRate: number;
  grades: Record<string, number>;
  /** Items with a computed grade on the scale, and those at or above the "good" grade (B). */
  graded: number;
  good: number;
  /** Self-evaluations on the symbol scale (◎○△▲×), by symbol. */
  evaluations: Record<string, number>;
  /** Items whose department was inferred from a title, sheet or file name. */
  inferred: number;
  errors: number;
  warnings: number;
  missingEntries: number;
}

/** A band of the achievement-rate distribution: [min, max) as fractions; null for open ends. */
export interface RateBand {
  min: number | null;
  max: number | null;
  count: number;
}

export interface Summary {
  grades: string[];
  /** Grades counted as on track: the scale's best down to B (or to the first below 80%). */
  goodGrades: string[];
  /** Symbols of the self-evaluations the sheets use, in scale order. */
  evaluations: string[];
  departments: DepartmentLine[];
  total: DepartmentLine;
  distribution: RateBand[];
}

export const UNKNOWN_DEPARTMENT: Record<Locale, string> = { ja: '（担当課なし）', en: '(no department)' };

/** Band edges of the distribution chart (fractions): below 0, 20-point steps, 120% and over. */
const BAND_EDGES = [0, 0.2, 0.4, 0.6, 0.8, 1.0, 1.2];

/** The grade columns: the scale's grades best first, then any other grade a sheet's legend gave. */
export function gradeColumns(scale: GradeStep[], inputs: SummaryInput[]): string[] {
  const grades = scale.map((s) => s.grade);
  for (const input of inputs) for (const row of input.rows) if (row.grade && !grades.includes(row.grade)) grades.push(row.grade);
  return grades;
}

/**
 * The grades counted as on track: down to B where the scale has a B, else down to the lowest grade
 * whose threshold is 80% or more (the default B), else the best grade alone.
 */
export function goodGradesOf(scale: GradeStep[]): string[] {
  const b = scale.findIndex((s) => s.grade === 'B');
  let last = b;
  if (last < 0) {
    scale.forEach((s, i) => {
      if (s.min !== null && s.min >= 0.8) last = i;
    });
  }
  return scale.slice(0, Math.max(last, 0) + 1).map((s) => s.grade);
}

/** Which department each issue belongs to: the item whose rows hold it, else none. */
export function issueDepartments(input: SummaryInput, locale: Locale): string[] {
  const owners = issueItems(input);
  const unknown = UNKNOWN_DEPARTMENT[locale];
  return owners.map((item) => (item ? item.department ?? unknown : unknown));
}

/** The item whose rows hold each issue (the last one listed where items overlap), else null. */
export function issueItems<Row extends SummaryItem>(input: Pick<SummaryInput<Row>, 'rows' | 'issues'>): (Row | null)[] {
  if (input.issues.length === 0) return [];
  const owner = new Map<number, Row>();
  for (const item of input.rows) {
    for (let r = item.row; r <= item.lastRow; r++) owner.set(r, item);
  }
  return input.issues.map((issue) => owner.get(issue.row) ?? null);
}

/** One department's counts while sheets are added; grades and symbols are counted whatever the columns. */
interface Tally {
  department: string;
  items: number;
  withRate: number;
  grades: Map<string, number>;
  /** By EVALUATION_SYMBOLS index. */
  evaluations: number[];
  inferred: number;
  errors: number;
  warnings: number;
  missingEntries: number;
}

function tally(department: string): Tally {
  return { department, items: 0, withRate: 0, grades: new Map(), evaluations: EVALUATION_SYMBOLS.map(() => 0), inferred: 0, errors: 0, warnings: 0, missingEntries: 0 };
}

/**
 * summarize(), a sheet at a time: the command line adds each file's sheets as its report arrives and
 * need not keep the items; finish() gives what summarize() gives for the same sheets in the same order.
 */
export class SummaryAccumulator {
  private readonly lines = new Map<string, Tally>();
  private readonly total: Tally;
  private readonly bands = [0, 0, 0, 0, 0, 0, 0, 0];
  /** Every grade an item of any sheet has, in the order first seen (for gradeColumns). */
  private readonly seenGrades = new Set<string>();

  constructor(readonly locale: Locale = 'ja') {
    this.total = tally(locale === 'ja' ? '合計' : 'Total');
  }

  private lineOf(name: string): Tally {
    let line = this.lines.get(name);
    if (!line) {
      line = tally(name);
      this.lines.set(name, line);
    }
    return line;
  }

  add(input: SummaryInput): void {
    for (const row of input.rows) if (row.grade) this.seenGrades.add(row.grade);
    if (!input.template) return;
    const unknown = UNKNOWN_DEPARTMENT[this.locale];
    const total = this.total;
    for (const item of input.rows) {
      const line = this.lineOf(item.department ?? unknown);
      const symbol = item.evaluation ? EVALUATION_SYMBOLS.indexOf(item.evaluation as EvaluationSymbol) : -1;
      for (const target of [line, total]) {
        target.items++;
        if (item.departmentInferred) target.inferred++;
        if (item.achievementRate !== null) target.withRate++;
        if (item.grade) target.grades.set(item.grade, (target.grades.get(item.grade) ?? 0) + 1);
        if (symbol >= 0) target.evaluations[symbol]++;
      }
      if (item.achievementRate !== null) {
        const band = bandOf(item.achievementRate);
        if (band >= 0) this.bands[band]++;
      }
    }
    const owners = issueDepartments(input, this.locale);
    input.issues.forEach((issue, i) => {
      for (const target of [this.lineOf(owners[i]), total]) {
        if (issue.severity === 'error') target.errors++;
        if (issue.severity === 'warning') target.warnings++;
        if (issue.code === 'missing-entry') target.missingEntries++;
      }
    });
  }

  /** The grade columns for these sheets: the scale's grades, then any other grade an item has. */
  gradeColumns(scale: GradeStep[]): string[] {
    const grades = scale.map((s) => s.grade);
    for (const grade of this.seenGrades) if (!grades.includes(grade)) grades.push(grade);
    return grades;
  }

  finish(grades: string[], goodGrades: string[] = grades.slice(0, 3)): Summary {
    // the symbols items of checked sheets use, in scale order
    const evaluations = EVALUATION_SYMBOLS.filter((_, i) => this.total.evaluations[i] > 0);
    const line = (t: Tally): DepartmentLine => {
      let graded = 0;
      let good = 0;
      const counts: Record<string, number> = {};
      for (const g of grades) {
        if (Object.prototype.hasOwnProperty.call(counts, g)) continue;
        const n = t.grades.get(g) ?? 0;
        counts[g] = n;
        graded += n;
        if (goodGrades.includes(g)) good += n;
      }
      return {
        department: t.department,
        items: t.items,
        withRate: t.withRate,
        grades: counts,
        graded,
        good,
        evaluations: Object.fromEntries(evaluations.map((e) => [e, t.evaluations[EVALUATION_SYMBOLS.indexOf(e)]])),
        inferred: t.inferred,
        errors: t.errors,
        warnings: t.warnings,
        missingEntries: t.missingEntries,
      };
    };
    // the bucket of items with no department goes last, after the named departments
    const unknown = UNKNOWN_DEPARTMENT[this.locale];
    const departments = [...this.lines.values()]
      .map(line)
      .sort((a, b) => Number(a.department === unknown) - Number(b.department === unknown) || a.department.localeCompare(b.department, 'ja'));
    const distribution: RateBand[] = [null, ...BAND_EDGES].map((min, i) => ({ min, max: BAND_EDGES[i] ?? null, count: this.bands[i] }));
    return { grades, goodGrades, evaluations, departments, total: line(this.total), distribution };
  }
}

/** The band of the distribution a rate falls in (-1 for none: NaN). */
function bandOf(rate: number): number {
  if (rate < BAND_EDGES[0]) return 0;
  for (let i = 1; i < BAND_EDGES.length; i++) if (rate < BAND_EDGES[i]) return i;
  return rate >= BAND_EDGES[BAND_EDGES.length - 1] ? BAND_EDGES.length : -1;
}

/**
 * The reform office's consolidation: per lead department, how many items, how many on each grade,
 * how many errors and missing entries. Pure, so every host shows the same figures.
 */
export function summarize(inputs: SummaryInput[], grades: string[], locale: Locale = 'ja', goodGrades: string[] = grades.slice(0, 3)): Summary {
  const summary = new SummaryAccumulator(locale);
  for (const input of inputs) summary.add(input);
  return summary.finish(grades, goodGrades);
}

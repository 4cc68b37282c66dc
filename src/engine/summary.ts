import type { GradeStep } from './config';
import { EVALUATION_SYMBOLS } from './read/evaluation';
import type { ItemResult, Locale, Severity } from './types';

/** One checked sheet, as the summary needs it. */
export interface SummaryInput {
  file: string;
  sheet: string;
  template: string | null;
  rows: ItemResult[];
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
  const owner = new Map<number, string>();
  for (const item of input.rows) {
    for (let r = item.row; r <= item.lastRow; r++) owner.set(r, item.department ?? UNKNOWN_DEPARTMENT[locale]);
  }
  return input.issues.map((issue) => owner.get(issue.row) ?? UNKNOWN_DEPARTMENT[locale]);
}

/**
 * The reform office's consolidation: per lead department, how many items, how many on each grade,
 * how many errors and missing entries. Pure, so every host shows the same figures.
 */
export function summarize(inputs: SummaryInput[], grades: string[], locale: Locale = 'ja', goodGrades: string[] = grades.slice(0, 3)): Summary {
  const evaluations = EVALUATION_SYMBOLS.filter((symbol) => inputs.some((i) => i.template && i.rows.some((r) => r.evaluation === symbol)));
  const lines = new Map<string, DepartmentLine>();
  const blank = (department: string): DepartmentLine => ({
    department,
    items: 0,
    withRate: 0,
    grades: Object.fromEntries(grades.map((g) => [g, 0])),
    graded: 0,
    good: 0,
    evaluations: Object.fromEntries(evaluations.map((e) => [e, 0])),
    inferred: 0,
    errors: 0,
    warnings: 0,
    missingEntries: 0,
  });
  const lineOf = (name: string) => {
    const line = lines.get(name) ?? blank(name);
    lines.set(name, line);
    return line;
  };
  const total = blank(locale === 'ja' ? '合計' : 'Total');
  const distribution: RateBand[] = [null, ...BAND_EDGES].map((min, i) => ({ min, max: BAND_EDGES[i] ?? null, count: 0 }));
  for (const input of inputs) {
    if (!input.template) continue;
    for (const item of input.rows) {
      const line = lineOf(item.department ?? UNKNOWN_DEPARTMENT[locale]);
      for (const target of [line, total]) {
        target.items++;
        if (item.departmentInferred) target.inferred++;
        if (item.achievementRate !== null) target.withRate++;
        if (item.grade && item.grade in target.grades) {
          target.grades[item.grade]++;
          target.graded++;
          if (goodGrades.includes(item.grade)) target.good++;
        }
        if (item.evaluation && item.evaluation in target.evaluations) target.evaluations[item.evaluation]++;
      }
      if (item.achievementRate !== null) {
        const rate = item.achievementRate;
        const band = distribution.find((b) => (b.min === null || rate >= b.min) && (b.max === null || rate < b.max));
        if (band) band.count++;
      }
    }
    const owners = issueDepartments(input, locale);
    input.issues.forEach((issue, i) => {
      for (const target of [lineOf(owners[i]), total]) {
        if (issue.severity === 'error') target.errors++;
        if (issue.severity === 'warning') target.warnings++;
        if (issue.code === 'missing-entry') target.missingEntries++;
      }
    });
  }
  // the bucket of items with no department goes last, after the named departments
  const unknown = UNKNOWN_DEPARTMENT[locale];
  const departments = [...lines.values()].sort(
    (a, b) => Number(a.department === unknown) - Number(b.department === unknown) || a.department.localeCompare(b.department, 'ja'),
  );
  return { grades, goodGrades, evaluations, departments, total, distribution };
}

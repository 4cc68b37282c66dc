import type { ItemResult, Locale, Severity } from './types';

/** One checked sheet, as the summary needs it. */
export interface SummaryInput {
  file: string;
  sheet: string;
  template: string | null;
  rows: ItemResult[];
  issues: { severity: Severity; code: string; cell: string; row: number; message: string }[];
}

export interface DepartmentLine {
  department: string;
  items: number;
  withRate: number;
  grades: Record<string, number>;
  errors: number;
  warnings: number;
  missingEntries: number;
}

export interface Summary {
  grades: string[];
  departments: DepartmentLine[];
  total: DepartmentLine;
}

const UNKNOWN_DEPARTMENT: Record<Locale, string> = { ja: '（担当課なし）', en: '(no department)' };

/**
 * The reform office's consolidation: per lead department, how many items, how many on each grade,
 * how many errors and missing entries. Pure, so every host shows the same figures.
 */
export function summarize(inputs: SummaryInput[], grades: string[], locale: Locale = 'ja'): Summary {
  const lines = new Map<string, DepartmentLine>();
  const blank = (department: string): DepartmentLine => ({
    department,
    items: 0,
    withRate: 0,
    grades: Object.fromEntries(grades.map((g) => [g, 0])),
    errors: 0,
    warnings: 0,
    missingEntries: 0,
  });
  const total = blank(locale === 'ja' ? '合計' : 'Total');
  for (const input of inputs) {
    if (!input.template) continue;
    const rowOwner = new Map<number, DepartmentLine>();
    for (const item of input.rows) {
      const name = item.department ?? UNKNOWN_DEPARTMENT[locale];
      const line = lines.get(name) ?? blank(name);
      lines.set(name, line);
      for (let r = item.row; r <= item.lastRow; r++) rowOwner.set(r, line);
      for (const target of [line, total]) {
        target.items++;
        if (item.achievementRate !== null) target.withRate++;
        if (item.grade && item.grade in target.grades) target.grades[item.grade]++;
      }
    }
    for (const issue of input.issues) {
      const line = rowOwner.get(issue.row);
      for (const target of line ? [line, total] : [total]) {
        if (issue.severity === 'error') target.errors++;
        if (issue.severity === 'warning') target.warnings++;
        if (issue.code === 'missing-entry') target.missingEntries++;
      }
    }
  }
  const departments = [...lines.values()].sort((a, b) => a.department.localeCompare(b.department, 'ja'));
  return { grades, departments, total };
}

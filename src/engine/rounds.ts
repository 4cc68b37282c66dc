import { issueDepartments, UNKNOWN_DEPARTMENT, type SummaryInput } from './summary';
import type { ItemResult, Locale } from './types';

/** An item as the comparison names it. */
export interface RoundItem {
  department: string;
  file: string;
  sheet: string;
  /** The item's first sheet row in this round. */
  row: number;
  id: string | null;
  item: string | null;
}

export interface FallenGrade extends RoundItem {
  from: string;
  to: string;
  fromRate: number | null;
  toRate: number | null;
}

export interface ChangedEntry extends RoundItem {
  label: string;
  cell: string;
  from: string;
  /** "" when the entry was erased. */
  to: string;
}

export interface DepartmentErrors {
  department: string;
  from: number;
  to: number;
}

/** This round against the previous one (issue 11, --previous). */
export interface RoundComparison {
  previousAsOf: string;
  gradesFallen: FallenGrade[];
  changedEntries: ChangedEntry[];
  added: RoundItem[];
  removed: RoundItem[];
  departmentErrorsRose: DepartmentErrors[];
}

export interface Round {
  asOf: string;
  sheets: SummaryInput<ItemResult>[];
}

function baseName(file: string): string {
  return file.replace(/^.*[\\/]/, '');
}

/**
 * Items are matched by department (or file name when there is none), sheet, No. and title: row
 * numbers move between rounds and folders are named per round, so neither can be the key.
 */
function itemsOf(round: Round, locale: Locale): Map<string, { ref: RoundItem; row: ItemResult }> {
  const items = new Map<string, { ref: RoundItem; row: ItemResult }>();
  for (const sheet of round.sheets) {
    if (!sheet.template) continue;
    for (const row of sheet.rows) {
      const department = row.department ?? UNKNOWN_DEPARTMENT[locale];
      const base = [row.department ?? baseName(sheet.file), sheet.sheet, row.id ?? '', row.item ?? '', row.action ?? ''].join('\u0000');
      let key = base;
      for (let n = 2; items.has(key); n++) key = `${base}\u0000${n}`;
      items.set(key, { ref: { department, file: sheet.file, sheet: sheet.sheet, row: row.row, id: row.id, item: row.item ?? row.action }, row });
    }
  }
  return items;
}

function errorsByDepartment(round: Round, locale: Locale): Map<string, number> {
  const counts = new Map<string, number>();
  for (const sheet of round.sheets) {
    const owners = issueDepartments(sheet, locale);
    sheet.issues.forEach((issue, i) => {
      if (issue.severity === 'error') counts.set(owners[i], (counts.get(owners[i]) ?? 0) + 1);
    });
  }
  return counts;
}

/** Compare two rounds; `grades` best first decides which way a grade moved. */
export function compareRounds(previous: Round, current: Round, grades: string[], locale: Locale = 'ja'): RoundComparison {
  const before = itemsOf(previous, locale);
  const after = itemsOf(current, locale);
  const rank = (grade: string | null) => (grade === null ? -1 : grades.indexOf(grade));
  const comparison: RoundComparison = { previousAsOf: previous.asOf, gradesFallen: [], changedEntries: [], added: [], removed: [], departmentErrorsRose: [] };
  for (const [key, now] of after) {
    const then = before.get(key);
    if (!then) {
      comparison.added.push(now.ref);
      continue;
    }
    const from = rank(then.row.grade);
    const to = rank(now.row.grade);
    if (from >= 0 && to > from) {
      comparison.gradesFallen.push({ ...now.ref, from: then.row.grade as string, to: now.row.grade as string, fromRate: then.row.achievementRate, toRate: now.row.achievementRate });
    }
    const nowEntries = new Map((now.row.entries ?? []).map((e) => [e.key, e]));
    for (const old of then.row.entries ?? []) {
      const entry = nowEntries.get(old.key);
      if (entry && entry.digest === old.digest) continue;
      comparison.changedEntries.push({ ...now.ref, label: old.label, cell: entry?.cell ?? old.cell, from: old.text, to: entry?.text ?? '' });
    }
  }
  for (const [key, then] of before) if (!after.has(key)) comparison.removed.push(then.ref);
  const errorsBefore = errorsByDepartment(previous, locale);
  for (const [department, to] of errorsByDepartment(current, locale)) {
    const from = errorsBefore.get(department) ?? 0;
    if (to > from) comparison.departmentErrorsRose.push({ department, from, to });
  }
  comparison.departmentErrorsRose.sort((a, b) => a.department.localeCompare(b.department, 'ja'));
  return comparison;
}

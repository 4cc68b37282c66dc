/** The pane's view of the issues, as plain data: which 取組 each names, grouped by kind, filtered. */
import type { Issue, IssueCode, ItemResult, Severity } from '../../engine';

export const SEVERITY_ORDER: Severity[] = ['error', 'warning', 'info'];

/** A filter: everything, one severity, or one kind of issue. */
export type IssueFilter = 'all' | `severity:${Severity}` | `kind:${IssueCode}`;

export interface IssueGroup {
  code: IssueCode;
  severity: Severity;
  issues: Issue[];
}

/** The item a row belongs to (an item may span rows: paired 目標/実績 rows, merged cells). */
export function itemOf(rows: ItemResult[], row: number): ItemResult | undefined {
  return rows.find((r) => row >= r.row && row <= r.lastRow);
}

export function applyFilter(issues: Issue[], filter: IssueFilter): Issue[] {
  if (filter === 'all') return issues;
  const [kind, value] = filter.split(':');
  return issues.filter((i) => (kind === 'severity' ? i.severity === value : i.code === value));
}

/** Groups by kind, most severe kinds first, then the larger groups; issues in sheet order within. */
export function groupByKind(issues: Issue[]): IssueGroup[] {
  const groups = new Map<IssueCode, IssueGroup>();
  for (const issue of issues) {
    const group = groups.get(issue.code) ?? { code: issue.code, severity: issue.severity, issues: [] };
    if (SEVERITY_ORDER.indexOf(issue.severity) < SEVERITY_ORDER.indexOf(group.severity)) group.severity = issue.severity;
    group.issues.push(issue);
    groups.set(issue.code, group);
  }
  for (const group of groups.values()) group.issues.sort((a, b) => a.row - b.row || a.column - b.column);
  return [...groups.values()].sort(
    (a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) || b.issues.length - a.issues.length,
  );
}

/** The order 次へ / 前へ walk: the groups' order, as listed. */
export function walkOrder(issues: Issue[]): Issue[] {
  return groupByKind(issues).flatMap((g) => g.issues);
}

export function issueKey(issue: Issue): string {
  return `${issue.cell}|${issue.code}|${issue.field}|${issue.message}`;
}

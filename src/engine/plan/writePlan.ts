import type { OwnedRole } from '../table/header';
import type { TableLayout } from '../table/layout';
import { columnLetter, type SheetView } from '../table/sheetView';
import type { AppendedColumn, CellFlag, Issue, Locale, Severity, ValueWrite, WritePlan } from '../types';

/** Headers of the columns the product owns: a person sees at once that they are computed. */
export const OWNED_HEADERS: Record<OwnedRole, Record<Locale, string>> = {
  rate: { ja: '達成率（自動計算）', en: 'Achievement rate (computed)' },
  grade: { ja: '算定評価（自動計算）', en: 'Computed grade' },
  result: { ja: 'チェック結果', en: 'Check result' },
};

export const RATE_FORMAT = '0.0%';

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * What the plan needs of each unit, kept figure by figure (arrays, no object per unit)
 * while the records themselves are let go: its rows, its computed 達成率 and 算定評価, and the
 * template's own 達成率 cell when a person left it blank.
 */
export class PlanFigures {
  readonly rows: number[][] = [];
  /** The rates as computed (the same numbers, not copies: a copy of a fraction is a new box). */
  private readonly rates: (number | null)[] = [];
  private readonly grades: (string | null)[] = [];
  private readonly blankRateRows: number[] = [];
  private readonly blankRateColumns: number[] = [];

  get count(): number {
    return this.rows.length;
  }

  /** blankRateRow and blankRateColumn: grid position of the blank rate cell, or -1. */
  add(rows: number[], rate: number | null, grade: string | null, blankRateRow: number, blankRateColumn: number): void {
    this.rows.push(rows);
    this.rates.push(rate);
    this.grades.push(grade);
    this.blankRateRows.push(blankRateRow);
    this.blankRateColumns.push(blankRateColumn);
  }

  rate(i: number): number | null {
    return this.rates[i];
  }

  grade(i: number): string | null {
    return this.grades[i];
  }

  blankRateRow(i: number): number {
    return this.blankRateRows[i];
  }

  blankRateColumn(i: number): number {
    return this.blankRateColumns[i];
  }
}

export interface PlanInput {
  view: SheetView;
  layout: TableLayout;
  units: PlanFigures;
  issues: Issue[];
  locale: Locale;
}

/** Consecutive header rows form one header block (one or two rows). */
function headerBlocks(layout: TableLayout): number[][] {
  const blocks: number[][] = [];
  for (const r of [...layout.headerRows].sort((a, b) => a - b)) {
    const last = blocks[blocks.length - 1];
    if (last && last[last.length - 1] === r - 1) last.push(r);
    else blocks.push([r]);
  }
  return blocks;
}

/**
 * The writes a host carries out: computed values into the template's own 達成率/評価 columns
 * (only where a person left them empty) or into the product's own columns, appended right of the
 * table when the sheet has none yet; one flag per cell with issues.
 */
export function buildWritePlan(input: PlanInput): WritePlan {
  const { view, layout, units, issues, locale } = input;
  const match = layout.match;
  const hasKpis = match.columns.some((c) => c.field.startsWith('kpi.'));
  const templateRate = match.columns.find((c) => c.field === 'rate');
  const templateGrade = match.columns.find((c) => c.field === 'grade');

  // which owned columns the sheet needs, and where they are (found again, or appended)
  const wanted: OwnedRole[] = [];
  if (hasKpis && !templateRate) wanted.push('rate');
  if (hasKpis && !templateGrade) wanted.push('grade');
  if (issues.length > 0 || match.owned.result !== undefined) wanted.push('result');
  for (const role of ['rate', 'grade'] as OwnedRole[]) {
    if (match.owned[role] !== undefined && !wanted.includes(role)) wanted.push(role);
  }
  const ownedColumn: Partial<Record<OwnedRole, number>> = {};
  const appendedColumns: AppendedColumn[] = [];
  let next = Math.max(layout.lastColumn, ...Object.values(match.owned).filter((c): c is number => c !== undefined)) + 1;
  for (const role of (['rate', 'grade', 'result'] as OwnedRole[]).filter((r) => wanted.includes(r))) {
    let c = match.owned[role];
    if (c === undefined) {
      c = next++;
      const column = view.sheetColumn(c);
      appendedColumns.push({ column, letter: columnLetter(column), role, header: OWNED_HEADERS[role][locale] });
    }
    ownedColumn[role] = c;
  }

  const values: ValueWrite[] = [];
  for (const block of headerBlocks(layout)) {
    for (const role of Object.keys(ownedColumn) as OwnedRole[]) {
      values.push({
        row: view.sheetRow(block[0]),
        column: view.sheetColumn(ownedColumn[role] as number),
        value: OWNED_HEADERS[role][locale],
        role: 'header',
      });
    }
  }

  // a row's issues lie together in a list sorted by row (as a check lists them): each row's first
  // is looked up, and the rest follow it
  const byRow = isSorted(issues, (a, b) => a.row <= b.row) ? issues : [...issues].sort((a, b) => a.row - b.row);
  const firstOnRow = new Map<number, number>();
  for (let i = 0; i < byRow.length; i++) if (i === 0 || byRow[i].row !== byRow[i - 1].row) firstOnRow.set(byRow[i].row, i);
  for (let u = 0; u < units.count; u++) {
    const unitRows = units.rows[u];
    const row = view.sheetRow(unitRows[0]);
    const rate = units.rate(u);
    if (ownedColumn.rate !== undefined) {
      values.push({ row, column: view.sheetColumn(ownedColumn.rate), value: rate, numberFormat: RATE_FORMAT, role: 'rate' });
    } else if (templateRate && rate !== null && units.blankRateRow(u) >= 0) {
      values.push({ row: view.sheetRow(units.blankRateRow(u)), column: view.sheetColumn(units.blankRateColumn(u)), value: rate, numberFormat: RATE_FORMAT, role: 'rate' });
    }
    const grade = units.grade(u);
    if (ownedColumn.grade !== undefined) {
      values.push({ row, column: view.sheetColumn(ownedColumn.grade), value: grade, role: 'grade' });
    }
    if (ownedColumn.result !== undefined) {
      let text: string | null = null;
      for (const r of unitRows) {
        const sheetRow = view.sheetRow(r);
        const first = firstOnRow.get(sheetRow);
        if (first === undefined) continue;
        for (let i = first; i < byRow.length && byRow[i].row === sheetRow; i++) {
          const line = `${byRow[i].cell}: ${byRow[i].message}`;
          text = text === null ? line : `${text}\n${line}`;
        }
      }
      values.push({ row, column: view.sheetColumn(ownedColumn.result), value: text, role: 'result' });
    }
  }

  return { values, flags: flagsOf(issues), appendedColumns, headerRows: layout.headerRows.map((r) => view.sheetRow(r)) };
}

/** One flag per cell: the most severe issue's colour, every message in the note. */
export function flagsOf(issues: Issue[]): CellFlag[] {
  // issues sorted by row and column (as a check lists them) hold each cell's issues together
  if (!isSorted(issues, (a, b) => a.row < b.row || (a.row === b.row && a.column <= b.column))) return flagsByCell(issues);
  const flags: CellFlag[] = [];
  let flag: CellFlag | null = null;
  for (const issue of issues) {
    if (flag && flag.cell === issue.cell) {
      merge(flag, issue);
      continue;
    }
    flag = { row: issue.row, column: issue.column, cell: issue.cell, severity: issue.severity, note: issue.message };
    flags.push(flag);
  }
  return flags;
}

function isSorted(issues: Issue[], inOrder: (a: Issue, b: Issue) => boolean): boolean {
  for (let i = 1; i < issues.length; i++) if (!inOrder(issues[i - 1], issues[i])) return false;
  return true;
}

function flagsByCell(issues: Issue[]): CellFlag[] {
  const byCell = new Map<string, CellFlag>();
  for (const issue of issues) {
    const flag = byCell.get(issue.cell);
    if (!flag) {
      byCell.set(issue.cell, { row: issue.row, column: issue.column, cell: issue.cell, severity: issue.severity, note: issue.message });
      continue;
    }
    merge(flag, issue);
  }
  return [...byCell.values()];
}

function merge(flag: CellFlag, issue: Issue): void {
  flag.note += `\n${issue.message}`;
  if (SEVERITY_ORDER[issue.severity] < SEVERITY_ORDER[flag.severity]) flag.severity = issue.severity;
}

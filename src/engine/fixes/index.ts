/**
 * Safe one-click fixes (issue 10, part 4), planned on plain data: the grid the engine read and the
 * check it made. A fix is offered only where it is certain, names its cell with the old and the
 * new value, and is never applied here (the hosts write it, after checking the cell is unchanged).
 *
 * - an evaluation written in a look-alike spelling (〇, ◯, ✕, Ａ…) → the scale's own spelling;
 * - a number typed as text in a numeric column (「１，２３４」, 「△500」, 「1,234」) → the number, with
 *   a number format that shows it as typed (△ as the negative section: #,##0;"△"#,##0);
 * - an empty entry that is due → 「－」 (nothing to report), only when the person chooses it.
 */
import { readNumber } from '../read/number';
import { isBlank } from '../read/cell';
import { a1 } from '../table/sheetView';
import type { CellValue, Grid, IssueCode, Locale, SheetCheck } from '../types';
import { numberText } from './numberText';

export { numberText, type NumberText } from './numberText';

export type FixKind = 'evaluation-spelling' | 'number-text' | 'none-marker';

export interface Fix {
  kind: FixKind;
  /** A1 address, 1-based row and column on the sheet. */
  cell: string;
  row: number;
  column: number;
  /** Canonical field of the cell (evaluation, kpi.baseline, q2…). */
  field: string;
  /** The value the check saw: the host refuses the fix when the cell holds anything else now. */
  oldValue: CellValue;
  newValue: string | number;
  /** Number format written with the value (numbers typed as text); absent: the cell's stays. */
  numberFormat?: string;
  /** Only when the person chooses it (「－」 in an empty entry): never part of まとめて修正. */
  optIn: boolean;
  /** The issue the fix resolves, when there is one (a 「△500」 text raises none). */
  issue: IssueCode | null;
  /** How the cell shows the new value (「△500」 for -500 with its format). */
  shown: string;
  /** What the fix does, in the check's language. */
  message: string;
}

/** The mark written where a person says there is nothing to report. */
export const NONE_MARK = '－';

/** Columns whose cells the engine reads as numbers (baseline, target, actuals, per-year values, totals, 財政効果額, other amounts). */
const NUMERIC_FIELDS = new Set(['kpi.baseline', 'kpi.target', 'kpi.actual', 'kpi.value', 'kpi.total', 'effect', 'amount']);
const SYMBOLS = new Set(['◎', '○', '△', '▲', '×']);

const MESSAGES = {
  'evaluation-spelling': {
    ja: (p: { old: string; shown: string }) => `「${p.old}」を「${p.shown}」に直します。`,
    en: (p: { old: string; shown: string }) => `Change "${p.old}" to "${p.shown}".`,
  },
  'number-text': {
    ja: (p: { old: string; shown: string }) => `文字の「${p.old}」を数値に直します（表示は「${p.shown}」）。`,
    en: (p: { old: string; shown: string }) => `Turn the text "${p.old}" into a number (shown as "${p.shown}").`,
  },
  'none-marker': {
    ja: () => `空欄に「${NONE_MARK}」（報告することなし）を入れます。`,
    en: () => `Fill the empty cell with "${NONE_MARK}" (nothing to report).`,
  },
} satisfies Record<FixKind, Record<Locale, (p: { old: string; shown: string }) => string>>;

export interface FixOptions {
  locale?: Locale;
}

/** The fixes a check allows on the grid it read, in sheet order (row, then column). */
export function planFixes(grid: Grid, check: SheetCheck, options: FixOptions = {}): Fix[] {
  if (!check.template) return [];
  const locale = options.locale ?? 'ja';
  const r0 = grid.origin?.row ?? 0;
  const c0 = grid.origin?.column ?? 0;
  const valueAt = (row: number, column: number): CellValue => grid.values[row - 1 - r0]?.[column - 1 - c0] ?? '';
  const formatAt = (row: number, column: number) => grid.numberFormats?.[row - 1 - r0]?.[column - 1 - c0] ?? null;
  const fixes = new Map<string, Fix>();
  const add = (fix: Omit<Fix, 'cell' | 'message' | 'shown'>, shown: string) => {
    const cell = a1(fix.row, fix.column);
    if (fixes.has(cell)) return;
    const old = typeof fix.oldValue === 'string' ? fix.oldValue : String(fix.oldValue ?? '');
    fixes.set(cell, { ...fix, cell, shown, message: MESSAGES[fix.kind][locale]({ old, shown }) });
  };

  for (const issue of check.issues) {
    const value = valueAt(issue.row, issue.column);
    if (issue.code === 'normalized-value' && (issue.params.messageId === 'normalized-value.symbol' || issue.params.messageId === 'normalized-value.letter')) {
      const normalized = String(issue.params.normalized ?? '');
      const certain = SYMBOLS.has(normalized) || /^[A-Za-z][+-]?$/.test(normalized);
      // the cell must hold exactly the spelling the engine read (a quoted excerpt would not match)
      if (!certain || typeof value !== 'string' || value.trim() !== issue.params.value) continue;
      add({ kind: 'evaluation-spelling', row: issue.row, column: issue.column, field: issue.field, oldValue: value, newValue: normalized, optIn: false, issue: issue.code }, normalized);
    } else if (issue.code === 'missing-entry' && isBlank(value)) {
      add({ kind: 'none-marker', row: issue.row, column: issue.column, field: issue.field, oldValue: value, newValue: NONE_MARK, optIn: true, issue: issue.code }, NONE_MARK);
    }
  }

  // Numbers typed as text: the cells of numeric columns the engine reads (every row of paired
  // 目標/実績 items, the item's first row otherwise), plus those it already noted (full-width digits).
  const numericColumns = check.columns.filter((c) => NUMERIC_FIELDS.has(c.field));
  const paired = check.columns.some((c) => c.field === 'kpi.kind');
  const digitIssues = new Map(
    check.issues.filter((i) => i.code === 'normalized-value' && i.params.messageId === 'normalized-value.digits').map((i) => [`${i.row}:${i.column}`, i]),
  );
  const candidates: { row: number; column: number; field: string }[] = [...digitIssues.values()].map((i) => ({ row: i.row, column: i.column, field: i.field }));
  for (const item of check.rows) {
    const last = paired ? item.lastRow : item.row;
    for (let row = item.row; row <= last; row++) for (const c of numericColumns) candidates.push({ row, column: c.column, field: c.field });
  }
  for (const { row, column, field } of candidates) {
    const value = valueAt(row, column);
    if (typeof value !== 'string') continue;
    const format = formatAt(row, column);
    if (format && format.includes('%')) continue;
    const typed = numberText(value);
    // certain only where the engine reads the same number from the cell
    const reading = readNumber(value, format);
    if (!typed || reading.kind !== 'number' || reading.value !== typed.value || reading.unit !== null) continue;
    const issue = digitIssues.get(`${row}:${column}`);
    add(
      { kind: 'number-text', row, column, field: issue?.field ?? field, oldValue: value, newValue: typed.value, numberFormat: typed.numberFormat, optIn: false, issue: issue ? issue.code : null },
      typed.shown,
    );
  }
  return [...fixes.values()].sort((a, b) => a.row - b.row || a.column - b.column);
}

/** The fixes まとめて修正 applies: every certain fix that needs no choice. */
export function certainFixes(fixes: readonly Fix[]): Fix[] {
  return fixes.filter((f) => !f.optIn);
}

/**
 * A small RuleTester in the manner of ESLint's: each case is a minimal grid (optional rows above
 * the header, the header, the data rows, optional rows below) checked with a forced template, and
 * the issues of the rule under test are compared with the expected ones.
 *
 * Addresses: rows above the header come first, so with no `above` the header is row 1 and the
 * first data row is row 2 (one header row) or row 3 (two header rows).
 */
import { checkSheet, parseConfig, type CellValue, type Grid, type IssueCode, type MessageId, type SheetCheck } from '../../../src/engine';

export interface RuleCase {
  /** Shown in the test name. */
  name: string;
  /** Built-in profile id the check is forced to (detection is tested elsewhere). Default: detect. */
  template?: string;
  /** One header row, or two (a group row above the labels). */
  header: CellValue[] | CellValue[][];
  rows: CellValue[][];
  /** Title, subtitle or legend rows above the header. */
  above?: CellValue[][];
  /** Legend, note or total rows below the data. */
  below?: CellValue[][];
  asOf?: string;
  /** Configuration as written in a --config file (parsed with the product's schema). */
  config?: unknown;
  sheetName?: string;
}

export interface ExpectedIssue {
  cell: string;
  code: IssueCode;
  messageId?: MessageId;
  field?: string;
}

export interface InvalidCase extends RuleCase {
  errors: ExpectedIssue[];
}

/** Profiles' minimal headers, for cases that do not need their own. */
export const HEADERS = {
  quarterly: ['項目', '担当課', '第1四半期', '第2四半期', '第3四半期', '第4四半期'],
  kpi: ['No', '取組項目', '指標', '基準値', '目標値', '実績値（2024）', '担当課', '達成率', '評価'],
  plan: ['行財政改革の体系', '行動計画の取組項目', '具体的な取組', '担当課', '令和6年度計画', '令和6年度実績', '担当課の評価'],
} satisfies Record<string, CellValue[]>;

export function gridOf(c: RuleCase): Grid {
  const header = Array.isArray(c.header[0]) ? (c.header as CellValue[][]) : [c.header as CellValue[]];
  return { values: [...(c.above ?? []), ...header, ...c.rows, ...(c.below ?? [])] };
}

export function runCase(c: RuleCase): SheetCheck {
  const config = c.config === undefined ? undefined : parseConfig(c.config, 'test');
  return checkSheet(gridOf(c), { asOf: c.asOf ?? '2025-10-15', template: c.template, config, sheetName: c.sheetName });
}

/**
 * Run a rule's valid and invalid cases. `codes` are the issue codes the rule reports (its own,
 * by default); issues of other rules are ignored, so each case may stay minimal.
 */
export function ruleTester(
  rule: IssueCode,
  cases: { valid: RuleCase[]; invalid: InvalidCase[] },
  codes: readonly IssueCode[] = [rule],
): void {
  const own = (check: SheetCheck) => check.issues.filter((i) => codes.includes(i.code));
  describe(`${rule}: valid`, () => {
    test.each(cases.valid.map((c) => [c.name, c] as const))('%s', (_name, c) => {
      const check = runCase(c);
      expect(check.template).not.toBeNull();
      expect(own(check).map((i) => `${i.cell} ${i.code}: ${i.message}`)).toEqual([]);
    });
  });
  describe(`${rule}: invalid`, () => {
    test.each(cases.invalid.map((c) => [c.name, c] as const))('%s', (_name, c) => {
      const check = runCase(c);
      expect(check.template).not.toBeNull();
      const found = own(check).map((i) => {
        const expected = c.errors.find((e) => e.cell === i.cell && e.code === i.code);
        return {
          cell: i.cell,
          code: i.code,
          ...(expected?.messageId ? { messageId: i.params.messageId } : {}),
          ...(expected?.field ? { field: i.field } : {}),
        };
      });
      expect(found).toEqual(c.errors);
    });
  });
}

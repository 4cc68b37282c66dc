import { z } from 'zod';
import { labelPatternProblem } from './safeRegex';

/**
 * A template profile: how one family of progress sheets is laid out, as data. A new city's
 * layout is a new profile (in code below, or in the --config file), never new code.
 *
 * Labels are regular expressions matched against the normalised header label (NFKC, no spaces,
 * no line breaks). For a two-row header the label of a column is tried three ways: the group
 * label above joined with the label below ("成果指標項目"), the lower label alone, the upper alone.
 */

/** Canonical fields a column can hold (design.md §3). */
export const FIELDS = [
  'id',
  'section',
  'subsection',
  'item',
  'action',
  'department',
  'period', // a quarter's or a year's entry; see `period`
  'related', // 関連する計画・制度, 管理票P and other columns kept as text
  'schedule', // per-year schedule marks (実施計画 R1…R5)
  'evaluation',
  'kpi.name',
  'kpi.unit',
  'kpi.kind', // 目標 / 実績 row label of paired rows
  'kpi.baseline',
  'kpi.target',
  'kpi.actual', // one actual column (needs `period` of kind year, or stands alone)
  'kpi.value', // per-year value column of paired target/actual rows
  'kpi.total',
  'rate', // an existing 達成率 column
  'grade', // an existing 算定評価 column
  'effect', // 財政効果額
] as const;
export type Field = (typeof FIELDS)[number];

export const periodSpecSchema = z.object({
  kind: z.enum(['quarter', 'year']),
  /** What the column holds: a plan, a result (report text), a KPI actual or target. */
  entry: z.enum(['plan', 'result', 'actual', 'target', 'value']),
});

export const columnSpecSchema = z.object({
  field: z.enum(FIELDS),
  /** Regular expressions over the normalised label. A capture group names the period (quarter number or year). */
  labels: z
    .array(
      z
        .string()
        .min(1)
        .superRefine((source, ctx) => {
          const problem = labelPatternProblem(source);
          if (problem) ctx.addIssue({ code: 'custom', message: `見出しのパターン「${source.slice(0, 40)}」: ${problem}` });
        }),
    )
    .min(1),
  /** Several columns may match (periods, per-year values). */
  multiple: z.boolean().default(false),
  period: periodSpecSchema.optional(),
  /** Weight in detection: how telling this column is for the family. 0 = not counted. */
  weight: z.number().min(0).default(1),
  /** Header spans this many columns (a merged 体系 over 大項目 and 中項目). */
  span: z.number().int().min(1).max(5).default(1),
  /** Field of the extra columns of a span, left to right. */
  spanFields: z.array(z.enum(FIELDS)).optional(),
});

export const profileSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/, 'id は半角英小文字・数字・ハイフンで書いてください'),
    name: z.object({ ja: z.string().min(1), en: z.string().min(1) }),
    columns: z.array(columnSpecSchema).min(2),
    /** The row's own unit: the item, or the action where 具体的な取組 rows sit under a 取組項目. */
    unit: z.enum(['item', 'action']).default('item'),
    /** Fields carried down from above when blank (hierarchy columns). */
    carryDown: z.array(z.enum(FIELDS)).default([]),
    /** Identity fields that must be filled on every unit row. */
    required: z.array(z.enum(FIELDS)).default([]),
    /** An item may span several rows (continuation rows with a blank No.). */
    multiRowItems: z.boolean().default(false),
    /** Take the item's No. from the leading number of its title ("1 「益田市…」"). */
    idFromItemNumber: z.boolean().default(false),
    /** Self-evaluation scale; auto = what most filled cells hold. */
    evaluationScale: z.enum(['letters', 'symbols', 'auto']).default('auto'),
    /** Minimum detection score for this profile to be chosen. */
    minScore: z.number().min(0).max(1).default(0.5),
  })
  .strict();

export type Profile = z.infer<typeof profileSchema>;
export type ProfileInput = z.input<typeof profileSchema>;
export type ColumnSpec = z.infer<typeof columnSpecSchema>;
export type PeriodSpec = z.infer<typeof periodSpecSchema>;

// configuration and profiles are written by the reform office: zod explains problems in Japanese
z.config(z.locales.ja());

/** zod's findings as one line a person can act on: "profiles.0.id: …; gradeScale: …". */
export function describeProblems(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || '(全体)'}: ${issue.message}`).join('; ');
}

/** Parse a profile, turning zod's errors into one line a person can act on. */
export function parseProfile(input: unknown, where: string): Profile {
  const result = profileSchema.safeParse(input);
  if (result.success) return result.data;
  throw new Error(`${where} のテンプレート定義が正しくありません: ${describeProblems(result.error)}`);
}

import { z } from 'zod';
import { FIELDS } from './fields';
import { labelPatternSchema, periodSpecSchema } from './fieldsSchema';
import { TERM_IDS } from './vocabulary';

/**
 * A template profile: how one family of progress sheets is laid out, as data. A new city's
 * layout is a new profile (in code below, or in the --config file), never new code.
 *
 * Labels are regular expressions matched against the normalised header label (NFKC, no spaces,
 * no line breaks). For a two-row header the label of a column is tried three ways: the group
 * label above joined with the label below ("成果指標項目"), the lower label alone, the upper alone.
 *
 * This module is the zod side: it is loaded on demand, where a profile or configuration a person
 * wrote is validated (parseProfile and parseConfig require it inside their bodies), never when a
 * check starts. The types and the plain functions are in profile.ts; the defaults below are also
 * written there (profileWithDefaults, for the built-in data), and a test checks both agree.
 */

export { FIELDS, type Field, type PeriodSpec } from './fields';
export { periodSpecSchema } from './fieldsSchema';
export type { Profile, ProfileInput, ColumnSpec } from './profile';

export const columnSpecSchema = z
  .object({
    field: z.enum(FIELDS),
    /** Regular expressions over the normalised label. A capture group names the period (quarter number or year). */
    labels: z.array(labelPatternSchema).default([]),
    /**
     * Vocabulary terms (src/engine/profiles/vocabulary.ts) this column may be named by, tried in order
     * after `labels`: `["item", "item.indicator"]` takes 取組名 before 指標名.
     */
    terms: z
      .array(z.string().refine((t) => TERM_IDS.has(t), { message: '語彙にない term です（vocabulary.ts の term を指定してください）' }))
      .default([]),
    /** Several columns may match (periods, per-year values). */
    multiple: z.boolean().default(false),
    period: periodSpecSchema.optional(),
    /** Weight in detection: how telling this column is for the family. 0 = not counted. */
    weight: z.number().min(0).default(1),
    /** Header spans this many columns (a merged 体系 over 大項目 and 中項目). */
    span: z.number().int().min(1).max(5).default(1),
    /** Field of the extra columns of a span, left to right. */
    spanFields: z.array(z.enum(FIELDS)).optional(),
  })
  .refine((spec) => spec.labels.length > 0 || spec.terms.length > 0, { message: 'labels か terms のどちらかを指定してください' });

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
    /**
     * Fields the header must show for this profile to apply: all of `all` and at least one of `any`
     * (the generic profile: an item column and a department, periods, KPI values or an evaluation),
     * and none of `none` (a family of text results does not read a KPI table).
     */
    detect: z
      .object({
        all: z.array(z.enum(FIELDS)).default([]),
        any: z.array(z.enum(FIELDS)).default([]),
        /** Fields whose presence in the header (as the vocabulary reads it) rules the profile out. */
        none: z.array(z.enum(FIELDS)).default([]),
      })
      .strict()
      .optional(),
    /** A catch-all: chosen only when no other profile fits, and scored lower (× 0.75). */
    fallback: z.boolean().default(false),
  })
  .strict();

// configuration and profiles are written by the reform office: zod explains problems in Japanese
z.config(z.locales.ja());

/** zod's findings as one line a person can act on: "profiles.0.id: …; gradeScale: …". */
export function describeProblems(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || '(全体)'}: ${issue.message}`).join('; ');
}

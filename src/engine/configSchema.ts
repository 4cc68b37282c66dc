import { z } from 'zod';
import { profileSchema } from './profiles/schema';

/**
 * The zod schema of the configuration (config.ts has the types, the defaults and parseConfig).
 * Loaded on demand, where a configuration a person wrote is validated (--config, a workbook's
 * settings, the task pane's settings), never when a check starts (start-up time).
 */
export { describeProblems } from './profiles/schema';

/** One step of the grade scale: a rate at or above `min` earns `grade`; `min: null` takes any rate (the lowest grade). */
export const gradeStepSchema = z.object({
  grade: z.string().min(1),
  min: z.number().nullable(),
});

/** One value of an evaluation scale: the value alone, or with the lowest rate that earns it. */
export const scaleValueSchema = z.union([
  z.string().trim().min(1),
  z.object({ value: z.string().trim().min(1), min: z.number().nullable() }).strict(),
]);
const scaleNameSchema = z.enum(['letters', 'symbols']);
/** Values best first; at least two, no repeats. */
const scaleValuesSchema = z
  .array(scaleValueSchema)
  .min(2)
  .refine((values) => new Set(values.map((v) => (typeof v === 'string' ? v : v.value))).size === values.length, {
    message: '評価の値が重複しています',
  });
/** A scale for the evaluation columns whose header contains `column` (all of them when absent). */
export const columnScaleSchema = z
  .object({
    column: z.string().trim().min(1).optional(),
    values: z.union([scaleNameSchema, scaleValuesSchema]),
    /** Extra spellings meaning "not evaluated" (対象外, 評価なし and － always do). */
    notEvaluated: z.array(z.string().trim().min(1)).optional(),
  })
  .strict();

/**
 * The configuration a workbook or the CLI's --config file can give. Everything is optional;
 * the defaults are design.md's.
 */
export const configSchema = z
  .object({
    /** Grade scale, highest first. Default S ≥ 120%, A ≥ 100%, B ≥ 80%, C ≥ 50%, D below. */
    gradeScale: z.array(gradeStepSchema).min(1).optional(),
    /** First month of the fiscal year (1–12). Default April. */
    fiscalYearStartMonth: z.number().int().min(1).max(12).optional(),
    /** The sheets' fiscal year, when neither title nor headers say it. */
    fiscalYear: z.number().int().min(1900).max(2200).optional(),
    /** Extra template profiles (a new city's layout). */
    profiles: z.array(profileSchema).optional(),
    /**
     * Self-evaluation scale: `letters` (the grade scale's), `symbols` (◎○△▲×), a list of values
     * best first (["○", "△", "×"], ["完了", "取組中", "未着手"], or with rates
     * [{ "value": "A", "min": 1 }, …]), or such a list per column ({ "column": "達成度", "values": […] }).
     * A legend printed on the sheet comes first; default: the profile's, else what most cells hold.
     */
    evaluationScale: z.union([scaleNameSchema, scaleValuesSchema, columnScaleSchema, z.array(columnScaleSchema).min(1)]).optional(),
    /** Known department names; others are reported as info. */
    departments: z.array(z.string()).optional(),
  })
  .strict();


import { z } from 'zod';
import { describeProblems, profileSchema } from './profiles/schema';

/** One step of the grade scale: a rate at or above `min` earns `grade`; `min: null` takes any rate (the lowest grade). */
export const gradeStepSchema = z.object({
  grade: z.string().min(1),
  min: z.number().nullable(),
});

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
    /** Self-evaluation scale of every sheet: letters (the grade scale's) or symbols ◎○△▲×. Default: the profile's, else what most cells hold. */
    evaluationScale: z.enum(['letters', 'symbols']).optional(),
    /** Known department names; others are reported as info. */
    departments: z.array(z.string()).optional(),
  })
  .strict();

export type Config = z.infer<typeof configSchema>;
export type GradeStep = z.infer<typeof gradeStepSchema>;

export const DEFAULT_GRADE_SCALE: GradeStep[] = [
  { grade: 'S', min: 1.2 },
  { grade: 'A', min: 1.0 },
  { grade: 'B', min: 0.8 },
  { grade: 'C', min: 0.5 },
  { grade: 'D', min: null },
];

/** Parse configuration data (already JSON-decoded), with errors a person can act on. */
export function parseConfig(input: unknown, where: string): Config {
  const result = configSchema.safeParse(input);
  if (result.success) return result.data;
  throw new Error(`${where} の設定が正しくありません: ${describeProblems(result.error)}`);
}

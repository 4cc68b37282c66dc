import type { z } from 'zod';
import type { columnScaleSchema, configSchema, gradeStepSchema, scaleValueSchema } from './configSchema';

/**
 * The configuration a workbook or the CLI's --config file can give (the schema, with what each
 * setting means, is configSchema.ts). Everything is optional; the defaults are design.md's. This
 * module has no zod: parseConfig loads the schema when a configuration is to be validated.
 */
export type Config = z.infer<typeof configSchema>;
export type GradeStep = z.infer<typeof gradeStepSchema>;
export type ScaleValue = z.infer<typeof scaleValueSchema>;
export type ColumnScaleConfig = z.infer<typeof columnScaleSchema>;
export type EvaluationScaleConfig = NonNullable<Config['evaluationScale']>;

export const DEFAULT_GRADE_SCALE: GradeStep[] = [
  { grade: 'S', min: 1.2 },
  { grade: 'A', min: 1.0 },
  { grade: 'B', min: 0.8 },
  { grade: 'C', min: 0.5 },
  { grade: 'D', min: null },
];

/** Parse configuration data (already JSON-decoded), with errors a person can act on. */
export function parseConfig(input: unknown, where: string): Config {
  // zod is loaded on first use, not when the engine loads (start-up time of every worker)
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { configSchema, describeProblems } = require('./configSchema') as typeof import('./configSchema');
  const result = configSchema.safeParse(input);
  if (result.success) return result.data;
  throw new Error(`${where} の設定が正しくありません: ${describeProblems(result.error)}`);
}

import { z } from 'zod';
import { PERIOD_ENTRIES, PERIOD_KINDS } from './fields';
import { labelPatternProblem } from './safeRegex';

/**
 * The zod schemas of a column's period and of a label pattern, shared by the vocabulary's and the
 * profiles' schemas. Loaded only where input is validated (a person's profile or configuration,
 * and the tests that validate the built-in data), never when a check starts.
 */
export { FIELDS, type Field, type PeriodSpec } from './fields';

export const periodSpecSchema = z.object({
  kind: z.enum(PERIOD_KINDS),
  /** What the column holds: a plan, a result (report text), a KPI actual or target. */
  entry: z.enum(PERIOD_ENTRIES),
});

/** A label pattern: a regular expression over the normalised label, refused at load when unsafe. */
export const labelPatternSchema = z
  .string()
  .min(1)
  .superRefine((source, ctx) => {
    const problem = labelPatternProblem(source);
    if (problem) ctx.addIssue({ code: 'custom', message: `見出しのパターン「${source.slice(0, 40)}」: ${problem}` });
  });

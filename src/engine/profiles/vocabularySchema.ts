import { z } from 'zod';
import { FIELDS } from './fields';
import { labelPatternSchema, periodSpecSchema } from './fieldsSchema';

/**
 * The zod schema of the header vocabulary (vocabulary.ts). The vocabulary is built-in data: it is
 * validated by this schema in a jest test, not when the engine loads (start-up time).
 */
export const vocabularyTermSchema = z
  .object({
    /** Term id, referenced by profiles (`terms: ["department"]`). */
    term: z.string().regex(/^[a-z0-9.-]+$/),
    field: z.enum(FIELDS),
    /** What a period column holds (periods, per-year KPI values and actuals). */
    period: periodSpecSchema.optional(),
    labels: z.array(z.string().min(1)).default([]),
    patterns: z.array(labelPatternSchema).default([]),
  })
  .strict();

export const vocabularySchema = z.array(vocabularyTermSchema).superRefine((terms, ctx) => {
  const seen = new Set<string>();
  for (const t of terms) {
    if (seen.has(t.term)) ctx.addIssue({ code: 'custom', message: `語彙の term「${t.term}」が重複しています` });
    seen.add(t.term);
  }
});

import { z } from 'zod';
import { configSchema } from './configSchema';
import { ACKNOWLEDGEABLE } from './workbookSettings';

/**
 * The zod schema of the settings a workbook carries (workbookSettings.ts has the types and the
 * functions). Loaded on demand, when a settings part is read or written, never when a check of a
 * workbook without one starts (start-up time).
 */
export { describeProblems } from './profiles/schema';

export const acknowledgementSchema = z
  .object({
    /** The sheet and the cell the warning names, and its code: the three together identify it. */
    sheet: z.string().min(1),
    cell: z.string().regex(/^[A-Z]{1,3}[1-9][0-9]{0,6}$/, 'cell は A1 形式で書いてください'),
    code: z.enum(ACKNOWLEDGEABLE),
    reason: z.string().trim().min(1, '理由を書いてください').max(200, '理由は 200 文字以内で書いてください'),
    /** Who and when, as the pane records them (shown, never checked). */
    by: z.string().max(100).optional(),
    at: z.string().max(40).optional(),
  })
  .strict();

export const workbookSettingsSchema = z
  .object({
    version: z.literal(1),
    config: configSchema.optional(),
    acknowledgements: z.array(acknowledgementSchema).default([]),
  })
  .strict();

import type { z } from 'zod';
import type { columnSpecSchema, profileSchema } from './schema';

/**
 * Template profiles without zod: their types (derived from the schemas in schema.ts, erased when
 * compiled), the defaults the schema fills in, and parseProfile, which loads the schema only when
 * a person's profile is to be validated. Starting a check (every worker of the command line, the
 * task pane) needs no zod at all: the built-in profiles are data, validated by the same schema in
 * a jest test (tests/engine/builtin-data.test.ts).
 */
export type Profile = z.infer<typeof profileSchema>;
export type ProfileInput = z.input<typeof profileSchema>;
export type ColumnSpec = z.infer<typeof columnSpecSchema>;
export type ColumnSpecInput = z.input<typeof columnSpecSchema>;
export { FIELDS, type Field, type PeriodSpec } from './fields';

/**
 * A column spec with the defaults profileSchema fills in, keys in the schema's order: what
 * columnSpecSchema.parse returns for valid input (the test checks it for every built-in profile).
 */
export function columnSpecWithDefaults(input: ColumnSpecInput): ColumnSpec {
  const { field, labels = [], terms = [], multiple = false, period, weight = 1, span = 1, spanFields } = input;
  return {
    field,
    labels: [...labels],
    terms: [...terms],
    multiple,
    ...(period ? { period: { kind: period.kind, entry: period.entry } } : {}),
    weight,
    span,
    ...(spanFields ? { spanFields: [...spanFields] } : {}),
  };
}

/**
 * A profile with the defaults profileSchema fills in, keys in the schema's order: what
 * profileSchema.parse returns for valid input. Not a validation: for the built-in data only.
 */
export function profileWithDefaults(input: ProfileInput): Profile {
  const {
    id,
    name,
    columns,
    unit = 'item',
    carryDown = [],
    required = [],
    multiRowItems = false,
    idFromItemNumber = false,
    evaluationScale = 'auto',
    minScore = 0.5,
    detect,
    fallback = false,
  } = input;
  return {
    id,
    name: { ja: name.ja, en: name.en },
    columns: columns.map(columnSpecWithDefaults),
    unit,
    carryDown: [...carryDown],
    required: [...required],
    multiRowItems,
    idFromItemNumber,
    evaluationScale,
    minScore,
    ...(detect ? { detect: { all: [...(detect.all ?? [])], any: [...(detect.any ?? [])], none: [...(detect.none ?? [])] } } : {}),
    fallback,
  };
}

/** Parse a profile a person wrote, turning zod's errors into one line a person can act on. */
export function parseProfile(input: unknown, where: string): Profile {
  // zod is loaded on first use, not when the engine loads (start-up time of every worker)
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { profileSchema, describeProblems } = require('./schema') as typeof import('./schema');
  const result = profileSchema.safeParse(input);
  if (result.success) return result.data;
  throw new Error(`${where} のテンプレート定義が正しくありません: ${describeProblems(result.error)}`);
}

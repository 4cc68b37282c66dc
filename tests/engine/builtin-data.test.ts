/**
 * The built-in data (the header vocabulary and the template profiles) is not parsed by zod when the
 * engine loads (start-up time of every worker): it is validated here by the very same schemas a
 * person's profile or configuration goes through, and what the engine uses at run time must be
 * exactly what the schema would have made of it (the defaults filled in alike, key for key).
 */
import { BUILTIN_PROFILES, BUILTIN_PROFILE_INPUTS } from '../../src/engine/profiles/builtin';
import { columnSpecWithDefaults, parseProfile, profileWithDefaults, type ProfileInput } from '../../src/engine/profiles/profile';
import { profileSchema } from '../../src/engine/profiles/schema';
import { VOCABULARY, VOCABULARY_INPUT, vocabularyTermWithDefaults } from '../../src/engine/profiles/vocabulary';
import { vocabularySchema } from '../../src/engine/profiles/vocabularySchema';

describe('the built-in profiles', () => {
  test.each(BUILTIN_PROFILE_INPUTS.map((p) => [p.id, p] as const))('%s is valid for profileSchema', (_id, input) => {
    const result = profileSchema.safeParse(input);
    expect(result.error?.issues ?? []).toEqual([]);
  });

  test('the run-time profiles are what profileSchema makes of the data, key for key and in order', () => {
    const parsed = BUILTIN_PROFILE_INPUTS.map((input) => parseProfile(input, `組み込みテンプレート ${input.id}`));
    expect(BUILTIN_PROFILES).toStrictEqual(parsed);
    expect(JSON.stringify(BUILTIN_PROFILES)).toBe(JSON.stringify(parsed));
  });

  test('profile ids are unique and the generic profile comes last', () => {
    const ids = BUILTIN_PROFILES.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids[ids.length - 1]).toBe('generic');
  });

  test('a broken built-in profile would fail here: unknown terms, unsafe patterns, no columns', () => {
    const base = BUILTIN_PROFILE_INPUTS[0];
    expect(profileSchema.safeParse({ ...base, columns: [...base.columns, { field: 'item', terms: ['no-such-term'] }] }).success).toBe(false);
    expect(profileSchema.safeParse({ ...base, columns: [...base.columns, { field: 'item', labels: ['(a+)+$'] }] }).success).toBe(false);
    expect(profileSchema.safeParse({ ...base, columns: [base.columns[0]] }).success).toBe(false);
    expect(profileSchema.safeParse({ ...base, extra: true }).success).toBe(false);
  });

  test('the plain defaults equal the schema defaults for every optional key, set or not', () => {
    const minimal: ProfileInput = { id: 'x', name: { ja: 'x', en: 'x' }, columns: [{ field: 'item', terms: ['item'] }, { field: 'department', labels: ['^課$'] }] };
    const full: ProfileInput = {
      ...minimal,
      columns: [
        { field: 'section', labels: ['体系$'], terms: ['section'], multiple: true, period: { kind: 'year', entry: 'plan' }, weight: 0.5, span: 2, spanFields: ['subsection'] },
        { field: 'item', terms: ['item'] },
      ],
      unit: 'action',
      carryDown: ['section'],
      required: ['item'],
      multiRowItems: true,
      idFromItemNumber: true,
      evaluationScale: 'letters',
      minScore: 0.7,
      detect: { all: ['item'] },
      fallback: true,
    };
    for (const input of [minimal, full]) {
      const parsed = profileSchema.parse(input);
      const plain = profileWithDefaults(input);
      expect(plain).toStrictEqual(parsed);
      expect(JSON.stringify(plain)).toBe(JSON.stringify(parsed));
      expect(input.columns.map(columnSpecWithDefaults)).toStrictEqual(parsed.columns);
    }
  });
});

describe('the vocabulary', () => {
  test('is valid for vocabularySchema', () => {
    const result = vocabularySchema.safeParse(VOCABULARY_INPUT);
    expect(result.error?.issues ?? []).toEqual([]);
  });

  test('the run-time vocabulary is what vocabularySchema makes of the data, key for key and in order', () => {
    const parsed = vocabularySchema.parse(VOCABULARY_INPUT);
    expect(VOCABULARY).toStrictEqual(parsed);
    expect(JSON.stringify(VOCABULARY)).toBe(JSON.stringify(parsed));
    const term = { term: 't', field: 'period', period: { kind: 'year', entry: 'result' } } as const;
    expect(vocabularyTermWithDefaults(term)).toStrictEqual(vocabularySchema.parse([term])[0]);
  });
});

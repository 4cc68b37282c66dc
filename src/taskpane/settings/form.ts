/**
 * The settings view's form: what a person types (texts), turned into the configuration the engine
 * and the command line read (configSchema, the same zod schema as --config), with a message at
 * each field that is wrong.
 */
import { type Config, DEFAULT_GRADE_SCALE } from '../../engine/config';
import { configSchema } from '../../engine/configSchema';
import { type MappingHeader, mappingProfile, profileIdFor } from '../../engine/profiles/mapping';
import { describeProblems, profileSchema } from '../../engine/profiles/schema';
import type { SettingsStrings } from './settingsStrings';

export interface GradeRow {
  grade: string;
  /** Percent as typed ("120"); '' for "anything below" (the last step only). */
  min: string;
}

export type EvaluationMode = 'auto' | 'letters' | 'symbols' | 'list' | 'keep';

export interface SettingsForm {
  gradeScale: GradeRow[];
  fiscalYearStartMonth: number;
  fiscalYear: string;
  evaluationMode: EvaluationMode;
  evaluationValues: string;
  departments: string;
}

/** Where a message belongs: "gradeScale.2.min", "fiscalYear", "mapping.C", "mapping"… */
export type FormErrors = Record<string, string>;

const percent = (fraction: number) => String(Math.round(fraction * 100000) / 1000);

export function gradeRowsOf(scale: Config['gradeScale']): GradeRow[] {
  return (scale ?? DEFAULT_GRADE_SCALE).map((s) => ({ grade: s.grade, min: s.min === null ? '' : percent(s.min) }));
}

export function formFromConfig(config: Config | null | undefined): SettingsForm {
  const scale = config?.evaluationScale;
  let evaluationMode: EvaluationMode = 'auto';
  let evaluationValues = '';
  if (scale === 'letters' || scale === 'symbols') evaluationMode = scale;
  else if (Array.isArray(scale) && (scale as unknown[]).every((v) => typeof v === 'string')) {
    evaluationMode = 'list';
    evaluationValues = (scale as string[]).join('、');
  } else if (scale !== undefined) evaluationMode = 'keep';
  return {
    gradeScale: gradeRowsOf(config?.gradeScale),
    fiscalYearStartMonth: config?.fiscalYearStartMonth ?? 4,
    fiscalYear: config?.fiscalYear !== undefined ? String(config.fiscalYear) : '',
    evaluationMode,
    evaluationValues,
    departments: (config?.departments ?? []).join('\n'),
  };
}

/** Half-width digits, so that １２０ reads as 120 (Japanese IMEs type full width). */
function halfWidth(text: string): string {
  return text.normalize('NFKC').trim();
}

function sameScale(a: Config['gradeScale'], b: Config['gradeScale']): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export interface FormResult {
  config: Config | null;
  errors: FormErrors;
}

/**
 * The configuration from the form, on top of `base` (what the workbook or an imported file held:
 * its other profiles and a per-column evaluation scale are kept). With `mapping`, the sheet's
 * column mapping becomes a profile (replacing the one saved earlier for that sheet).
 */
export function configFromForm(
  form: SettingsForm,
  base: Config | null | undefined,
  say: SettingsStrings,
  mapping?: { sheetName: string; headers: Pick<MappingHeader, 'column' | 'key' | 'choice'>[] } | null,
): FormResult {
  const errors: FormErrors = {};
  const e = say.errors;

  // grade scale: grades filled and distinct, minimums falling, only the last may be empty
  const steps: { grade: string; min: number | null }[] = [];
  const seen = new Set<string>();
  form.gradeScale.forEach((row, i) => {
    const grade = halfWidth(row.grade);
    if (!grade) errors[`gradeScale.${i}.grade`] = e.gradeEmpty;
    else if (seen.has(grade)) errors[`gradeScale.${i}.grade`] = e.gradeDuplicate;
    seen.add(grade);
    const text = halfWidth(row.min).replace(/%$/, '');
    let min: number | null = null;
    if (text === '') {
      if (i < form.gradeScale.length - 1) errors[`gradeScale.${i}.min`] = e.minRequired;
    } else if (!/^\d+(\.\d+)?$/.test(text)) errors[`gradeScale.${i}.min`] = e.minNotNumber;
    else {
      min = Math.round(Number(text) * 1000) / 100000;
      const above = steps[i - 1]?.min;
      if (above !== undefined && above !== null && min >= above) errors[`gradeScale.${i}.min`] = e.minOrder;
    }
    steps.push({ grade, min });
  });
  if (form.gradeScale.length < 2) errors.gradeScale = e.gradeTooFew;

  let fiscalYear: number | undefined;
  const fy = halfWidth(form.fiscalYear);
  if (fy !== '') {
    if (!/^\d{4}$/.test(fy) || Number(fy) < 1900 || Number(fy) > 2200) errors.fiscalYear = e.fiscalYear;
    else fiscalYear = Number(fy);
  }

  let evaluationScale: Config['evaluationScale'];
  if (form.evaluationMode === 'letters' || form.evaluationMode === 'symbols') evaluationScale = form.evaluationMode;
  else if (form.evaluationMode === 'keep') evaluationScale = base?.evaluationScale;
  else if (form.evaluationMode === 'list') {
    const values = form.evaluationValues
      .split(/[,、，\n]+/)
      .map((v) => v.trim())
      .filter(Boolean);
    const twice = values.find((v, i) => values.indexOf(v) !== i);
    if (values.length < 2) errors.evaluationValues = e.evaluationTooFew;
    else if (twice) errors.evaluationValues = e.evaluationDuplicate(twice);
    else evaluationScale = values;
  }

  const departments = [
    ...new Set(
      form.departments
        .split('\n')
        .map((d) => d.trim())
        .filter(Boolean),
    ),
  ];

  let profiles = base?.profiles ?? [];
  if (mapping) {
    const made = mappingProfile(mapping.sheetName, mapping.headers);
    if (made.ok) {
      const id = profileIdFor(mapping.sheetName);
      const parsed = profileSchema.parse(made.profile);
      profiles = [...profiles.filter((p) => p.id !== id), parsed];
    } else {
      for (const p of made.problems) {
        const key = p.column ? `mapping.${p.column}` : 'mapping';
        errors[key] =
          p.code === 'no-item'
            ? e.mappingNoItem
            : p.code === 'too-few'
              ? e.mappingTooFew
              : p.code === 'duplicate'
                ? e.mappingDuplicate(p.other ?? '')
                : e.mappingInvalid(p.detail ?? '');
      }
    }
  }

  if (Object.keys(errors).length > 0) return { config: null, errors };
  const config: Config = {
    // the default scale is not written out: a later change of the default reaches this workbook
    ...(sameScale(steps, DEFAULT_GRADE_SCALE) ? {} : { gradeScale: steps }),
    ...(form.fiscalYearStartMonth !== 4 ? { fiscalYearStartMonth: form.fiscalYearStartMonth } : {}),
    ...(fiscalYear !== undefined ? { fiscalYear } : {}),
    ...(evaluationScale !== undefined ? { evaluationScale } : {}),
    ...(departments.length ? { departments } : {}),
    ...(profiles.length ? { profiles } : {}),
  };
  // the same schema as --config: what is saved here, the command line reads
  const checked = configSchema.safeParse(config);
  if (!checked.success) return { config: null, errors: { config: e.config(describeProblems(checked.error)) } };
  return { config: checked.data, errors: {} };
}

/** An imported file's text as configuration, or what is wrong with it. */
export function parseConfigFile(name: string, text: string, say: SettingsStrings): { ok: true; config: Config } | { ok: false; message: string } {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, message: say.importNotJson(name) };
  }
  const parsed = configSchema.safeParse(data);
  if (!parsed.success) return { ok: false, message: say.importInvalid(name, describeProblems(parsed.error)) };
  return { ok: true, config: parsed.data };
}

/** The configuration as the command line's --config file. */
export function configFileText(config: Config): string {
  return `${JSON.stringify(config, null, 2)}\n`;
}

/**
 * The column mapping a person confirms in the task pane's settings: each header of a sheet with
 * the field it holds, pre-filled by what the engine read (a recognised sheet) or by its proposal
 * (a sheet it could not read), and turned back into a profile for the configuration.
 */
import { checkSheet } from '../check';
import type { Config } from '../config';
import { OWNED_HEADERS } from '../plan/writePlan';
import { normalizeLabel } from '../read/text';
import { columnLabels } from '../table/header';
import { SheetView } from '../table/sheetView';
import type { CheckOptions, Grid, Locale } from '../types';
import { FIELDS, PERIOD_ENTRIES, PERIOD_KINDS, type Field, type PeriodSpec } from './fields';
import { resolveProfiles } from './index';
import { termHits } from './match';
import { proposeProfile } from './propose';
import type { ProfileInput } from './profile';
import { vocabularyTerm } from './vocabulary';

/**
 * What a column holds, as one dropdown value: a field, or for period columns the field with the
 * kind of period ("period:quarter.result").
 */
export type FieldChoice = string;

export interface MappingHeader {
  /** Column letter ("C"). */
  column: string;
  /** The header as written (two-row headers joined). */
  label: string;
  /** The normalised label the profile names (the group label joined with the one below). */
  key: string;
  /** The field chosen, or '' for a column that is not read. */
  choice: FieldChoice;
}

export interface SheetMapping {
  sheetName: string;
  /** Sheet rows (1-based) of the header. */
  headerRows: number[];
  headers: MappingHeader[];
  /** Where the pre-filled fields came from. */
  source: 'check' | 'proposal';
  /** The layout the check recognised with the current configuration, and its name (null: none). */
  template: string | null;
  templateName: string | null;
}

/** The choices every dropdown offers, in this order ('' = not read). */
export const PERIOD_CHOICES: FieldChoice[] = ['period:quarter.result', 'period:quarter.plan', 'period:year.result', 'period:year.plan'];
export const FIELD_CHOICES: FieldChoice[] = ['', ...FIELDS.flatMap((f) => (f === 'period' ? PERIOD_CHOICES : [f]))];

export function choiceOf(field: Field | string | null, period: PeriodSpec | null | undefined): FieldChoice {
  if (!field) return '';
  if (field === 'period') return `period:${period?.kind ?? 'year'}.${period?.entry ?? 'result'}`;
  return field;
}

export function parseChoice(choice: FieldChoice): { field: Field; period: PeriodSpec | null } | null {
  if (!choice) return null;
  const [field, spec] = choice.split(':');
  if (!(FIELDS as readonly string[]).includes(field)) return null;
  if (!spec) return { field: field as Field, period: null };
  const [kind, entry] = spec.split('.');
  // the dropdown's own values: a plain check (periodSpecSchema's enums are these lists)
  if (!(PERIOD_KINDS as readonly string[]).includes(kind) || !(PERIOD_ENTRIES as readonly string[]).includes(entry)) return null;
  return { field: field as Field, period: { kind, entry } as PeriodSpec };
}

/** The vocabulary's period for this label and field (and the token naming it), if any. */
function vocabularyPeriod(key: string, field: Field, kind?: PeriodSpec['kind']): { period: PeriodSpec; token: string | null } | null {
  let fallback: { period: PeriodSpec; token: string | null } | null = null;
  for (const hit of termHits(key)) {
    const term = vocabularyTerm(hit.term);
    if (!term?.period) continue;
    if (kind && term.period.kind !== kind) continue;
    if (term.field === field) return { period: term.period, token: hit.token };
    if (field === 'period' && kind && hit.token) fallback ??= { period: term.period, token: hit.token };
  }
  return fallback;
}

const OWN_LABELS = new Set(Object.values(OWNED_HEADERS).flatMap((h) => [normalizeLabel(h.ja), normalizeLabel(h.en)]));

function headerLabels(grid: Grid, headerRows: number[]): { column: string; label: string; key: string }[] {
  const view = new SheetView(grid);
  const rows: number[] = [];
  for (const sheetRow of headerRows) {
    for (let r = 0; r < view.rowCount; r++) if (view.sheetRow(r) === sheetRow) rows.push(r);
  }
  if (rows.length === 0) return [];
  let width = 0;
  for (const r of rows) width = Math.max(width, grid.values[r]?.length ?? 0);
  const out: { column: string; label: string; key: string }[] = [];
  for (let c = 0; c < width; c++) {
    const { candidates, written } = columnLabels(view, rows, c);
    // the columns an earlier check appended (チェック結果…) are the product's output, not the sheet's
    if (candidates.length === 0 || OWN_LABELS.has(candidates[0])) continue;
    out.push({ column: view.address(0, c).replace(/\d+$/, ''), label: written, key: candidates[0] });
  }
  return out;
}

export interface ReadMappingOptions {
  sheetName: string;
  asOf: string;
  locale?: Locale;
  config?: Config;
}

/**
 * The sheet's headers with the field each holds: what the check read where it recognised the
 * sheet, else the engine's proposal.
 */
export function readMapping(grid: Grid, options: ReadMappingOptions): SheetMapping {
  const checkOptions: CheckOptions = { asOf: options.asOf, locale: options.locale, config: options.config, sheetName: options.sheetName, plan: false };
  const check = checkSheet(grid, checkOptions);
  if (check.template && check.columns.length > 0) {
    const byLetter = new Map(check.columns.map((c) => [c.letter, c]));
    const profile = resolveProfiles(options.config).find((p) => p.id === check.template);
    // the period a column holds: the vocabulary's word for it, else the layout's own label for it
    const profilePeriod = (field: Field, key: string): PeriodSpec | null => {
      const specs = (profile?.columns ?? []).filter((s) => s.field === field && s.period);
      const named = specs.find((s) => s.labels.some((l) => new RegExp(l).test(key)));
      return (named ?? specs[0])?.period ?? null;
    };
    const headers = headerLabels(grid, check.headerRows).map((h) => {
      const read = byLetter.get(h.column);
      const field = read ? (read.field as Field) : null;
      const period = field ? (vocabularyPeriod(h.key, field)?.period ?? profilePeriod(field, h.key)) : null;
      return { ...h, choice: choiceOf(field, period) };
    });
    return { sheetName: options.sheetName, headerRows: check.headerRows, headers, source: 'check', template: check.template, templateName: check.templateName };
  }
  const proposal = proposeProfile(grid, { sheetName: options.sheetName, locale: options.locale, config: options.config });
  const byLetter = new Map(proposal.columns.map((c) => [c.column, c]));
  const headers = headerLabels(grid, proposal.headerRows).map((h) => {
    const field = byLetter.get(h.column)?.field ?? null;
    const period = field ? (vocabularyPeriod(h.key, field)?.period ?? null) : null;
    return { ...h, choice: choiceOf(field, period) };
  });
  return { sheetName: options.sheetName, headerRows: proposal.headerRows, headers, source: 'proposal', template: null, templateName: null };
}

/** A profile id for a sheet: stable for its name, in the characters ids allow. */
export function profileIdFor(sheetName: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < sheetName.length; i++) {
    h ^= sheetName.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `sheet-${h.toString(36)}`;
}

/** A problem of the mapping, at the column it concerns (null: the mapping as a whole). */
export interface MappingProblem {
  column: string | null;
  code: 'no-item' | 'too-few' | 'duplicate' | 'invalid';
  /** The other column for a duplicate. */
  other?: string;
  detail?: string;
}

/** Fields that name one column of an item: two columns of these cannot both be read. */
const SINGLE_FIELDS: Field[] = ['id', 'item', 'action', 'department', 'evaluation', 'evaluation2', 'evaluation3', 'kpi.name', 'kpi.unit', 'kpi.kind', 'kpi.baseline', 'rate', 'grade'];

const REGEX_SPECIAL = /[.*+?^${}()|[\]\\/]/g;
function escapeRegex(text: string): string {
  return text.replace(REGEX_SPECIAL, '\\$&');
}

/** The label as a pattern, with the period it names captured where the vocabulary finds one. */
function patternFor(key: string, field: Field, period: PeriodSpec | null): string {
  const token = period ? vocabularyPeriod(key, field, period.kind)?.token : null;
  const at = token ? key.indexOf(token) : -1;
  if (token && at >= 0) return `^${escapeRegex(key.slice(0, at))}(${escapeRegex(token)})${escapeRegex(key.slice(at + token.length))}$`;
  return `^${escapeRegex(key)}$`;
}

/**
 * The person's mapping as a profile that reads this sheet (its own labels, anchored), or the
 * problems that keep it from being one.
 */
export function mappingProfile(
  sheetName: string,
  headers: Pick<MappingHeader, 'column' | 'key' | 'choice'>[],
): { ok: true; profile: ProfileInput } | { ok: false; problems: MappingProblem[] } {
  const problems: MappingProblem[] = [];
  const firstOf = new Map<Field, string>();
  const specs = new Map<string, { field: Field; period: PeriodSpec | null; labels: string[]; count: number }>();
  for (const h of headers) {
    const chosen = parseChoice(h.choice);
    if (!chosen) continue;
    const { field } = chosen;
    const period = field === 'period' ? chosen.period : (vocabularyPeriod(h.key, field)?.period ?? null);
    if (SINGLE_FIELDS.includes(field)) {
      const other = firstOf.get(field);
      if (other) problems.push({ column: h.column, code: 'duplicate', other });
      else firstOf.set(field, h.column);
    }
    const specKey = `${field}|${period ? `${period.kind}.${period.entry}` : ''}`;
    const spec = specs.get(specKey) ?? { field, period, labels: [], count: 0 };
    spec.count++;
    const pattern = patternFor(normalizeLabel(h.key), field, period);
    if (!spec.labels.includes(pattern)) spec.labels.push(pattern);
    specs.set(specKey, spec);
  }
  const fields = new Set([...specs.values()].map((s) => s.field));
  if (!fields.has('item') && !fields.has('action')) problems.push({ column: null, code: 'no-item' });
  else if (specs.size < 2) problems.push({ column: null, code: 'too-few' });
  if (problems.length) return { ok: false, problems };
  const unit: 'item' | 'action' = fields.has('item') ? 'item' : 'action';
  const name = sheetName.trim() || 'シート';
  const profile: ProfileInput = {
    id: profileIdFor(sheetName),
    name: { ja: `${name}（設定した列の対応）`, en: `${name} (column mapping from settings)` },
    columns: [...specs.values()].map((s) => ({
      field: s.field,
      labels: s.labels,
      ...(s.count > 1 || s.period ? { multiple: true } : {}),
      ...(s.period ? { period: s.period } : {}),
    })),
    ...(unit === 'action' ? { unit } : {}),
    required: ([unit, 'department'] as Field[]).filter((f) => fields.has(f)),
    carryDown: (['section', 'subsection', ...(unit === 'action' ? (['item'] as Field[]) : [])] as Field[]).filter((f) => fields.has(f)),
    ...(fields.has('kpi.kind') ? { multiRowItems: true } : {}),
  };
  // zod is loaded on first use, not when the engine loads (start-up time)
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { profileSchema } = require('./schema') as typeof import('./schema');
  const parsed = profileSchema.safeParse(profile);
  if (!parsed.success) return { ok: false, problems: [{ column: null, code: 'invalid', detail: parsed.error.issues[0]?.message ?? '' }] };
  return { ok: true, profile };
}

import type { Config, EvaluationScaleConfig, GradeStep, ScaleValue } from '../config';
import {
  EVALUATION_SYMBOLS,
  isEvaluationField,
  readEvaluation,
  readOnScale,
  WORD_SCALES,
  wordKey,
  type EvaluationScale,
} from '../read/evaluation';
import { legendsNearTable, type PlacedLegend } from '../read/legend';
import { normalizeLabel, nfkc } from '../read/text';
import type { UnitRecord } from '../rows/record';
import type { EvaluationColumn, UnitComputation } from '../rules/context';
import type { MappedColumn } from '../table/header';
import type { TableLayout } from '../table/layout';
import type { SheetView } from '../table/sheetView';
import type { CellValue } from '../types';
import { gradeOf, kpiRate, type RateBasis } from './rate';

/** The evaluation columns of a sheet with their scales, and a grade scale a legend may define. */
export interface EvaluationScales {
  columns: EvaluationColumn[];
  /** The first column's scale, or the default one when the sheet has no evaluation column. */
  primary: EvaluationScale;
  /** Letter thresholds of a legend (A：100%以上 B：80%以上…), for 算定評価 when the configuration gives none. */
  legendGradeScale: GradeStep[] | null;
}

export interface ScaleInput {
  view: SheetView;
  layout: TableLayout;
  /** The first row of every unit, where a unit's self-evaluation is read. */
  firstRows: readonly number[];
  config: Config;
  /** The grade scale without a legend's: the configuration's or the default. */
  gradeScale: readonly GradeStep[];
}

/**
 * Each evaluation column's scale (design.md §3, issue 7 item 4): a legend near the table, else
 * the configuration, else the profile, else what most filled cells of the column hold.
 */
export function evaluationScalesOf(input: ScaleInput): EvaluationScales {
  const { view, layout, firstRows, config } = input;
  const mapped = layout.match.columns.filter((c) => isEvaluationField(c.field));
  const legends = mapped.length > 0 ? legendsNearTable(view, layout) : [];
  // the value a record's cell would hold (merges resolved), without making the cell
  const values = mapped.map((col) => firstRows.map((r) => view.value(r, col.column)));
  const otherLabels = layout.match.columns.filter((c) => !isEvaluationField(c.field)).map((c) => normalizeLabel(c.label));
  const legendFor = assignLegends(mapped, values, legends, otherLabels);
  // a legend's letter thresholds define the grades unless the configuration gives its own
  const lettered = legendFor.find((l) => l?.scale.kind === 'letters' && l.scale.thresholds);
  const legendGradeScale = !config.gradeScale && lettered ? (lettered.scale.thresholds as GradeStep[]) : null;
  const gradeScale = legendGradeScale ?? input.gradeScale;
  const columns = mapped.map((column, i) => ({
    column,
    field: i === 0 ? 'evaluation' : `evaluation${i + 1}`,
    scale: evaluationScaleOf({
      legend: legendFor[i],
      configured: configuredScale(config.evaluationScale, column),
      profile: layout.match.profile.evaluationScale,
      values: values[i],
      gradeScale,
      explicitGrades: config.gradeScale ?? legendGradeScale,
    }),
  }));
  const primary =
    columns[0]?.scale ??
    evaluationScaleOf({
      configured: configuredScale(config.evaluationScale, null),
      profile: layout.match.profile.evaluationScale,
      values: [],
      gradeScale,
      explicitGrades: null,
    });
  return { columns, primary, legendGradeScale };
}

interface ColumnScaleInput {
  legend?: PlacedLegend | null;
  configured?: EvaluationScaleConfig | null;
  profile?: 'letters' | 'symbols' | 'auto';
  values: readonly CellValue[];
  gradeScale: readonly GradeStep[];
  /** A grade scale someone wrote down (configuration or legend): it maps a legend's letters to rates. */
  explicitGrades: readonly GradeStep[] | null;
}

/** One column's scale: legend, configuration, profile, majority. */
export function evaluationScaleOf(input: ColumnScaleInput): EvaluationScale {
  const { legend, gradeScale } = input;
  if (legend) {
    const scale = legend.scale;
    // a legend of letters without rates is compared only where a written grade scale covers it
    if (scale.kind === 'letters' && !scale.thresholds && input.explicitGrades) {
      return { ...scale, thresholds: restrictGrades(input.explicitGrades, scale.allowed) };
    }
    return scale;
  }
  if (input.configured) return fromConfig(input.configured, gradeScale);
  if (input.profile === 'letters') return lettersScale(gradeScale, 'profile');
  if (input.profile === 'symbols') return symbolsScale('profile');
  return byMajority(input.values, gradeScale);
}

function lettersScale(gradeScale: readonly GradeStep[], source: EvaluationScale['source']): EvaluationScale {
  return { kind: 'letters', allowed: gradeScale.map((s) => s.grade), thresholds: [...gradeScale], notEvaluated: [], source };
}

function symbolsScale(source: EvaluationScale['source']): EvaluationScale {
  return { kind: 'symbols', allowed: [...EVALUATION_SYMBOLS], thresholds: null, notEvaluated: [], source };
}

/** The grade steps of the given letters, or null when a letter has none (then no comparison). */
function restrictGrades(grades: readonly GradeStep[], letters: readonly string[]): GradeStep[] | null {
  const steps = grades.filter((g) => letters.includes(g.grade));
  return steps.length === letters.length ? steps : null;
}

/** The configuration's scale for a column: a per-column entry whose `column` the header contains, else a general one. */
function configuredScale(spec: Config['evaluationScale'], column: MappedColumn | null): EvaluationScaleConfig | null {
  if (spec === undefined) return null;
  const entries = Array.isArray(spec) && spec.length > 0 && typeof spec[0] === 'object' && 'values' in spec[0] ? spec : [spec];
  const label = column ? normalizeLabel(column.label) : '';
  let general: EvaluationScaleConfig | null = null;
  for (const entry of entries as EvaluationScaleConfig[]) {
    if (typeof entry === 'object' && !Array.isArray(entry) && entry.column !== undefined) {
      if (label !== '' && label.includes(normalizeLabel(entry.column))) return entry;
    } else {
      general ??= entry;
    }
  }
  return general;
}

function fromConfig(spec: EvaluationScaleConfig, gradeScale: readonly GradeStep[]): EvaluationScale {
  if (spec === 'letters') return lettersScale(gradeScale, 'config');
  if (spec === 'symbols') return symbolsScale('config');
  if (Array.isArray(spec)) {
    // a list of per-column entries reaches here only through configuredScale, which picks one
    return fromValues(spec as ScaleValue[], [], gradeScale);
  }
  const entry = spec as { values: 'letters' | 'symbols' | ScaleValue[]; notEvaluated?: string[] };
  const base =
    entry.values === 'letters'
      ? lettersScale(gradeScale, 'config')
      : entry.values === 'symbols'
        ? symbolsScale('config')
        : fromValues(entry.values, [], gradeScale);
  return { ...base, notEvaluated: entry.notEvaluated ?? [] };
}

/** A configured list of values: its kind from the values, rates from `min` or, for letters, the grade scale. */
function fromValues(values: readonly ScaleValue[], notEvaluated: string[], gradeScale: readonly GradeStep[]): EvaluationScale {
  const names = values.map((v) => (typeof v === 'string' ? v : v.value).trim());
  const readings = names.map((n) => readEvaluation(n));
  const kind: EvaluationScale['kind'] = readings.every((r) => r.kind === 'symbol')
    ? 'symbols'
    : readings.every((r) => r.kind === 'letter')
      ? 'letters'
      : 'words';
  const allowed = names.map((n, i) => {
    const r = readings[i];
    if (kind === 'symbols' && r.kind === 'symbol') return r.symbol;
    return kind === 'letters' ? nfkc(n) : n;
  });
  let thresholds: GradeStep[] | null = null;
  if (values.some((v) => typeof v !== 'string')) {
    const steps = values.map((v, i) => ({ grade: allowed[i], min: typeof v === 'string' ? undefined : v.min }));
    // every value needs a rate; only the lowest may take "anything below" (null)
    const complete = steps.every((s) => s.min !== undefined) && steps.filter((s) => s.min === null).length <= 1;
    if (complete) thresholds = (steps as GradeStep[]).sort((a, b) => (b.min ?? -Infinity) - (a.min ?? -Infinity));
  } else if (kind === 'letters') {
    thresholds = restrictGrades(gradeScale, allowed);
  }
  return { kind, allowed, thresholds, notEvaluated, source: 'config' };
}

/** What most filled cells hold: a known word scale, letters (upper or lower case), else symbols. */
function byMajority(values: readonly CellValue[], gradeScale: readonly GradeStep[]): EvaluationScale {
  let letters = 0;
  let lower = 0;
  let symbols = 0;
  const words = WORD_SCALES.map(() => 0);
  const keys = WORD_SCALES.map((s) => s.map(wordKey));
  for (const v of values) {
    const reading = readEvaluation(v);
    if (reading.kind === 'letter') {
      letters++;
      if (/^[a-z]/.test(nfkc(String(v).trim()))) lower++;
    } else if (reading.kind === 'symbol') {
      symbols++;
    } else if (reading.kind === 'other') {
      const key = wordKey(reading.text);
      keys.forEach((k, i) => {
        if (k.includes(key)) words[i]++;
      });
    }
  }
  const bestWords = Math.max(...words);
  if (bestWords > 0 && bestWords > letters && bestWords > symbols) {
    const scale = WORD_SCALES[words.indexOf(bestWords)];
    return { kind: 'words', allowed: [...scale], thresholds: null, notEvaluated: [], source: 'majority' };
  }
  if (letters > symbols) {
    const scale = lettersScale(gradeScale, 'majority');
    // a–d sheets are on their own scale: lower case is canonical there, and no rates map it
    if (lower * 2 > letters) return { ...scale, allowed: scale.allowed.map((a) => a.toLowerCase()), thresholds: null };
    return scale;
  }
  return symbolsScale('majority');
}

/**
 * Legends to columns: one in a column's own header is that column's; one whose label names an
 * evaluation column (達成度, 実施状況) goes there; one whose label names another column of the
 * table is that column's, not an evaluation's; any other goes to every column whose values are
 * on it. Named legends are placed before the others, so an unnamed one cannot take their column.
 */
function assignLegends(
  columns: MappedColumn[],
  values: CellValue[][],
  legends: PlacedLegend[],
  otherLabels: string[],
): (PlacedLegend | null)[] {
  const out: (PlacedLegend | null)[] = columns.map(() => null);
  const labels = columns.map((c) => normalizeLabel(c.label));
  const names = (label: string, legend: PlacedLegend) =>
    legend.label.length >= 2 && label !== '' && (label.includes(legend.label) || legend.label.includes(label));
  for (const l of legends) {
    if (l.column === null) continue;
    const i = columns.findIndex((c) => c.column === l.column);
    if (i >= 0) out[i] ??= l;
  }
  const loose = legends.filter((l) => l.column === null);
  const unnamed: PlacedLegend[] = [];
  for (const l of loose) {
    const named = labels.map((label, i) => (names(label, l) ? i : -1)).filter((i) => i >= 0);
    // a named legend goes to the columns it names whose values are on its kind of scale: 【総合評価】
    // A–D is not the scale of a 評価 column written in words (群馬県's 達成 | 50%以上実施)
    if (named.length > 0) {
      for (const i of named) if (fits(values[i], l, NAMED_EVIDENCE)) out[i] ??= l;
    }
    else if (GENERIC_LABEL.test(l.label) || !otherLabels.some((label) => names(label, l))) unnamed.push(l);
  }
  for (const l of unnamed) {
    for (let i = 0; i < columns.length; i++) if (fits(values[i], l)) out[i] ??= l;
  }
  return out;
}

/** Legend labels that name no particular column: 評価, 自己評価, 評価基準, 凡例, or none. */
const GENERIC_LABEL = /^((自己)?評価(基準|区分|の基準)?|凡例|区分)?$/;

/** Whether a column's values are written on a legend's kind of scale (or fewer than `evidence` are filled). */
/** A named legend is taken unless this many filled cells or more show another kind of scale. */
const NAMED_EVIDENCE = 3;

function fits(values: readonly CellValue[], legend: PlacedLegend, evidence = 1): boolean {
  let filled = 0;
  let on = 0;
  const words = legend.scale.allowed.map(wordKey);
  for (const v of values) {
    const reading = readEvaluation(v);
    if (reading.kind === 'blank' || reading.kind === 'none' || reading.kind === 'error') continue;
    filled++;
    if (legend.scale.kind === 'symbols' && reading.kind === 'symbol') on++;
    else if (legend.scale.kind === 'letters' && reading.kind === 'letter') on++;
    else if (legend.scale.kind === 'words' && reading.kind === 'other' && words.includes(wordKey(reading.text))) on++;
  }
  return filled < evidence || on * 2 >= filled;
}

/** Rates, computed grade and the normalised self-evaluation of one unit (read on its column's scale). */
export function computeUnit(unit: UnitRecord, gradeScale: readonly GradeStep[], scale?: EvaluationScale): UnitComputation {
  const kpiRates = unit.kpis.map(kpiRate);
  let rate: RateBasis | null = null;
  for (let i = 0; i < kpiRates.length && !rate; i++) rate = kpiRates[i];
  const grade = rate ? gradeOf(rate.rate, gradeScale) : null;
  let selfGrade: string | null = null;
  let evaluation: string | null = null;
  if (unit.evaluation) {
    const onScale = scale ? readOnScale(unit.evaluation.value, scale) : null;
    if (onScale?.kind === 'value' && scale) {
      if (scale.kind === 'letters') selfGrade = onScale.value;
      else evaluation = onScale.value;
    } else {
      // off the scale (an issue of its own): still report what the cell says
      const reading = readEvaluation(unit.evaluation.value);
      if (reading.kind === 'letter') selfGrade = reading.letter;
      if (reading.kind === 'symbol') evaluation = reading.symbol;
    }
  }
  return { kpiRates, rate, grade, selfGrade, evaluation };
}

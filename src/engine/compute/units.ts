import type { GradeStep } from '../config';
import { readEvaluation } from '../read/evaluation';
import type { UnitRecord } from '../rows/record';
import type { EvaluationScale, UnitComputation } from '../rules/context';
import { EVALUATION_SYMBOLS } from '../read/evaluation';
import type { Profile } from '../profiles/schema';
import { gradeOf, kpiRate } from './rate';

/**
 * The sheet's self-evaluation scale: the configuration's, else the profile's, else what most filled cells hold
 * (design.md §3). Letters are the grade scale's letters.
 */
export function evaluationScaleOf(
  profile: Profile,
  units: UnitRecord[],
  gradeScale: readonly GradeStep[],
  configured?: 'letters' | 'symbols',
): EvaluationScale {
  const letters: EvaluationScale = { kind: 'letters', allowed: gradeScale.map((s) => s.grade) };
  const symbols: EvaluationScale = { kind: 'symbols', allowed: [...EVALUATION_SYMBOLS] };
  const chosen = configured ?? profile.evaluationScale;
  if (chosen === 'letters') return letters;
  if (chosen === 'symbols') return symbols;
  let letterCount = 0;
  let symbolCount = 0;
  for (const unit of units) {
    if (!unit.evaluation) continue;
    const reading = readEvaluation(unit.evaluation.value);
    if (reading.kind === 'letter') letterCount++;
    if (reading.kind === 'symbol') symbolCount++;
  }
  return letterCount > symbolCount ? letters : symbols;
}

/** Rates, computed grade and the normalised self-evaluation of one unit. */
export function computeUnit(unit: UnitRecord, gradeScale: readonly GradeStep[]): UnitComputation {
  const kpiRates = unit.kpis.map((k) => kpiRate(k));
  const rate = kpiRates.find((r) => r !== null) ?? null;
  const grade = rate ? gradeOf(rate.rate, gradeScale) : null;
  let selfGrade: string | null = null;
  let evaluation: string | null = null;
  if (unit.evaluation) {
    const reading = readEvaluation(unit.evaluation.value);
    if (reading.kind === 'letter') selfGrade = reading.letter;
    if (reading.kind === 'symbol') evaluation = reading.symbol;
  }
  return { kpiRates, rate, grade, selfGrade, evaluation };
}

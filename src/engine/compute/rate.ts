import type { GradeStep } from '../config';
import { readKpiNumber } from '../read/nameValue';
import type { FieldCell, KpiRecord, PeriodEntry } from '../rows/record';

/** The figures a rate was computed from, for messages and the summary. */
export interface RateBasis {
  rate: number;
  actual: number;
  target: number;
  baseline: number | null;
  /** The fiscal year of the figures, or null when totals were used. */
  fiscalYear: number | null;
  formula: 'progress' | 'ratio' | 'totals' | 'latest-year';
}

function num(cell: FieldCell | null | undefined): number | null {
  if (!cell) return null;
  // 「就職者数\n年間3,000人」: a name-and-value cell's figure
  const reading = readKpiNumber(cell.value, cell.numberFormat);
  return reading.kind === 'number' ? reading.value : null;
}

/**
 * 達成率 from baseline b, target t and actual a (design.md §5):
 * (a − b) / (t − b) when there is a baseline and t ≠ b (covers decreasing targets);
 * a / t without a baseline or when t = b; nothing when t is 0 or a figure is missing.
 */
export function achievementRate(actual: number, target: number, baseline: number | null): number | null {
  if (baseline !== null && target !== baseline) return (actual - baseline) / (target - baseline);
  if (target === 0) return null;
  return actual / target;
}

/** The latest-year actual of a single-row indicator. */
function latestActual(entries: PeriodEntry[]): { value: number; fiscalYear: number } | null {
  let best: { value: number; fiscalYear: number } | null = null;
  for (const e of entries) {
    const v = num(e.cell);
    if (v !== null && (!best || e.fiscalYear >= best.fiscalYear)) best = { value: v, fiscalYear: e.fiscalYear };
  }
  return best;
}

/** Rate of one indicator, or null with the cause left to the validation rules. */
export function kpiRate(kpi: KpiRecord): RateBasis | null {
  if (kpi.targetRow !== null || kpi.actualRow !== null) {
    // target/actual per year: totals when both are filled, else the latest year with both
    const tt = num(kpi.totalTarget);
    const ta = num(kpi.totalActual);
    if (tt !== null && ta !== null && tt !== 0) {
      return { rate: ta / tt, actual: ta, target: tt, baseline: null, fiscalYear: null, formula: 'totals' };
    }
    const years = [...kpi.yearActuals].sort((a, b) => b.fiscalYear - a.fiscalYear);
    for (const a of years) {
      const t = kpi.yearTargets.find((x) => x.fiscalYear === a.fiscalYear);
      const av = num(a.cell);
      const tv = num(t?.cell);
      if (av !== null && tv !== null && tv !== 0) {
        return { rate: av / tv, actual: av, target: tv, baseline: null, fiscalYear: a.fiscalYear, formula: 'latest-year' };
      }
    }
    return null;
  }
  const t = num(kpi.target);
  const latest = latestActual(kpi.yearActuals);
  if (t === null || !latest) return null;
  const b = num(kpi.baseline);
  const rate = achievementRate(latest.value, t, b);
  if (rate === null) return null;
  const formula = b !== null && t !== b ? 'progress' : 'ratio';
  return { rate, actual: latest.value, target: t, baseline: b, fiscalYear: latest.fiscalYear, formula };
}

/** Computed grade (算定評価): the first step whose minimum the rate reaches. */
export function gradeOf(rate: number, scale: readonly GradeStep[]): string | null {
  // compare at 4 decimals so that 0.99995 (shown as 100.0%) does not fall a grade short
  const r = Math.round(rate * 10000) / 10000;
  for (const step of scale) if (step.min === null || r >= step.min) return step.grade;
  return null;
}

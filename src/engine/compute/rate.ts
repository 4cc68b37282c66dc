import type { GradeStep } from '../config';
import { readKpiNumber } from '../read/nameValue';
import { nfkc } from '../read/text';
import type { FieldCell, KpiRecord, PeriodEntry } from '../rows/record';

/** The figures a rate was computed from, for messages and the summary. */
export interface RateBasis {
  rate: number;
  actual: number;
  target: number;
  baseline: number | null;
  /** The fiscal year of the figures, or null when totals were used. */
  fiscalYear: number | null;
  /**
   * progress (a − b) / (t − b); ratio a / t; totals: the 合計 of paired 目標/実績 rows; cumulative:
   * a single-row indicator's 累計 over its target; latest-year: the latest year with both.
   */
  formula: 'progress' | 'ratio' | 'totals' | 'cumulative' | 'latest-year';
}

function num(cell: FieldCell | null | undefined): number | null {
  if (!cell) return null;
  // 「就職者数\n年間3,000人」: a name-and-value cell's figure
  const reading = readKpiNumber(cell.value, cell.numberFormat);
  return reading.kind === 'number' ? reading.value : null;
}

/** 「未集計」「集計中」: a figure not counted yet. As a target it does not make an indicator qualitative. */
const PENDING = /^(未集計|集計中|調査中|算定中|算出中|未確定|確認中|精査中)$/;

/**
 * A year's step before the figure (鳥取県西部広域: 検討 → 協議 → 1事務): in a year's actual it says no
 * figure exists yet, whatever the target, and is never an invalid number (未集計 is: the figure exists).
 */
const STEP = /^(検討|協議|調整|準備|研究|検討中|協議中|調整中|準備中)$/;

/** A cell that holds a word, not a figure: 策定, 設置, 基準値を上回る, 検討, →, 対象手続 10件追加. */
function isWord(cell: FieldCell | null | undefined): cell is FieldCell {
  if (!cell || typeof cell.value !== 'string') return false;
  return readKpiNumber(cell.value, cell.numberFormat).kind === 'invalid' && !PENDING.test(nfkc(cell.value).trim());
}

/** A target that is there: not blank, and not 「－」 (no target). */
function isFilled(cell: FieldCell | null | undefined): cell is FieldCell {
  if (!cell) return false;
  const kind = readKpiNumber(cell.value, cell.numberFormat).kind;
  return kind !== 'blank' && kind !== 'none';
}

/**
 * An indicator measured in words: its target (or, lacking one, its baseline) is a word; with paired
 * 目標/実績 rows, any year's target is. Asked only where a cell is not a number or is blank.
 */
export function isQualitative(kpi: KpiRecord): boolean {
  if (kpi.targetRow === null && kpi.actualRow === null) {
    const target = [kpi.target, kpi.totalTarget, ...kpi.yearTargets.map((t) => t.cell)].find(isFilled);
    return isWord(target ?? kpi.baseline);
  }
  return isWord(kpi.target) || kpi.yearTargets.some((t) => isWord(t.cell));
}

/**
 * Whether a cell of an indicator is read as a word (a qualitative indicator, issue 7), so that its
 * text is never an invalid number: a single-row indicator is qualitative when its target (or,
 * lacking one, its baseline) is a word, not a figure; with paired 目標/実績 rows a year whose target
 * is a word (検討, 実施, →) reads that target and that year's actual as words. A numeric indicator
 * keeps its words invalid (「未集計」 under a target of 14,000). Asked only of cells that did not
 * read as numbers, so the usual cell costs nothing.
 */
export function readsAsWord(kpi: KpiRecord, cell: FieldCell): boolean {
  // a year's actual that says the work is still a step before any figure (検討, 協議): a report, no typo
  if (typeof cell.value === 'string' && STEP.test(nfkc(cell.value).trim()) && kpi.yearActuals.some((a) => a.cell === cell)) return true;
  if (kpi.targetRow === null && kpi.actualRow === null) return isQualitative(kpi);
  if (isWord(kpi.target)) return true;
  if (kpi.yearTargets.some((t) => t.cell === cell)) return isWord(cell);
  const actual = kpi.yearActuals.find((a) => a.cell === cell);
  if (!actual) return false;
  return isWord(kpi.yearTargets.find((t) => t.fiscalYear === actual.fiscalYear)?.cell);
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

/** A year's actual that reports something: not blank, 「－」, a figure not counted yet (未集計) or a step before it (検討). */
function reportsFigure(cell: FieldCell): boolean {
  const reading = readKpiNumber(cell.value, cell.numberFormat);
  if (reading.kind === 'blank' || reading.kind === 'none') return false;
  if (reading.kind === 'number') return true;
  const text = nfkc(String(cell.value)).trim();
  return !PENDING.test(text) && !STEP.test(text);
}

/**
 * The latest-year actual of a single-row indicator (its entry's index, or -1), and its figure. The
 * latest year reported decides: a figure there that does not read (a typo) gives no rate, not the
 * year before's (design.md §5: not a number, no rate). Blank, 「－」, a figure not counted yet (未集計)
 * and a step before the figure (検討) are no report of a figure: the year before's stands.
 */
function latestActual(entries: PeriodEntry[]): { index: number; value: number } {
  let index = -1;
  let value = 0;
  let year = -Infinity;
  for (let i = 0; i < entries.length; i++) {
    const { cell, fiscalYear } = entries[i];
    if (fiscalYear < year || !reportsFigure(cell)) continue;
    const reading = readKpiNumber(cell.value, cell.numberFormat);
    year = fiscalYear;
    index = reading.kind === 'number' ? i : -1;
    value = reading.kind === 'number' ? reading.value : 0;
  }
  return { index, value };
}

/** Rate of one indicator, or null with the cause left to the validation rules. */
export function kpiRate(kpi: KpiRecord): RateBasis | null {
  // paired 目標 / 実績 rows, or one row with each year's target beside each year's actual
  if (kpi.targetRow !== null || kpi.actualRow !== null || kpi.yearTargets.length > 0) {
    // target/actual per year: totals when both are filled, else the latest year with both
    const tt = num(kpi.totalTarget);
    const ta = num(kpi.totalActual);
    if (tt !== null && ta !== null && tt !== 0) {
      return { rate: ta / tt, actual: ta, target: tt, baseline: null, fiscalYear: null, formula: 'totals' };
    }
    const years = [...kpi.yearActuals].sort((a, b) => b.fiscalYear - a.fiscalYear);
    // one row with each year's target (目標値 over the years, 甲府市): the latest year reported
    // decides, as latestActual has it; a typo there gives no rate, not the year before's
    const oneRow = kpi.targetRow === null && kpi.actualRow === null;
    for (const a of years) {
      if (oneRow && !reportsFigure(a.cell)) continue;
      if (oneRow && num(a.cell) === null) return null;
      const t = kpi.yearTargets.find((x) => x.fiscalYear === a.fiscalYear);
      const av = num(a.cell);
      const tv = num(t?.cell);
      if (av !== null && tv !== null && tv !== 0) {
        return { rate: av / tv, actual: av, target: tv, baseline: null, fiscalYear: a.fiscalYear, formula: 'latest-year' };
      }
    }
    return null;
  }
  // a qualitative indicator (target 策定, 基準値を上回る) has no figure to divide by: no rate
  const t = num(kpi.target);
  const b = num(kpi.baseline);
  // a 累計 (the figure reached since the plan began) measures progress toward the plan's target:
  // 累計 ÷ 目標 (福知山市: 4,533 / 3,297 = 137.5%). Not beside a baseline, which is a level, not a sum.
  const total = b === null ? num(kpi.totalActual) : null;
  if (t !== null && t !== 0 && total !== null) return { rate: total / t, actual: total, target: t, baseline: null, fiscalYear: null, formula: 'cumulative' };
  const latest = latestActual(kpi.yearActuals);
  if (t === null || latest.index < 0) return null;
  const rate = achievementRate(latest.value, t, b);
  if (rate === null) return null;
  const formula = b !== null && t !== b ? 'progress' : 'ratio';
  return { rate, actual: latest.value, target: t, baseline: b, fiscalYear: kpi.yearActuals[latest.index].fiscalYear, formula };
}

/** Computed grade (算定評価): the first step whose minimum the rate reaches. */
export function gradeOf(rate: number, scale: readonly GradeStep[]): string | null {
  // compare at 4 decimals so that 0.99995 (shown as 100.0%) does not fall a grade short
  const r = Math.round(rate * 10000) / 10000;
  for (const step of scale) if (step.min === null || r >= step.min) return step.grade;
  return null;
}

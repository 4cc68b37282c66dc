import { isQualitative } from '../compute/rate';
import { displayText } from '../read/text';
import { formatFiscalYear } from '../read/years';
import { cellText, isBlank, isNoneMarker } from '../read/cell';
import type { KpiRecord, UnitRecord } from '../rows/record';
import { evaluationCells, labelText, type EvaluationCell, type Report, type Rule, type RuleContext } from './context';
import { isEvaluationByOthers } from '../read/evaluation';
import { fiscalYearEnd, isDue } from '../due';
import { entryIsDue, periodEnd, periodField } from './periods';

/**
 * missing-entry: a period entry that is due is empty: a quarter's or a year's result, a year's
 * KPI actual, the self-evaluation that goes with the latest result (design.md §6).
 */
export const missingEntry: Rule = {
  id: 'missing-entry',
  start(ctx) {
    // decided by the sheet's first unit, the first one checked
    let evaluationDue: boolean | null = null;
    let ownEvaluation: boolean[] | null = null;
    return (unit, _computed, report) => {
      evaluationDue ??= latestResultIsDue(ctx, unit);
      for (const p of unit.periods) {
        if (p.entry !== 'result' && p.entry !== 'actual') continue;
        if (!entryIsDue(p, ctx.asOf) || !isBlank(p.cell.value)) continue;
        report({
          // "令和5年度実績" already says 実績; "2/4四半期" does not
          messageId: /実績|結果|results?/i.test(p.cell.label) ? 'missing-entry.labelled' : 'missing-entry.result',
          r: p.cell.r,
          c: p.cell.c,
          field: periodField(p),
          params: { label: labelText(p.cell.label) },
        });
      }
      missingActuals(ctx, unit, report);
      if (!evaluationDue) return;
      // beside the department's own evaluation, one made by others (外部評価) is theirs to give
      ownEvaluation ??= ownEvaluations(evaluationCells(ctx, unit));
      const own = ownEvaluation;
      for (const [i, { cell, field, scale }] of evaluationCells(ctx, unit).entries()) {
        if (!own[i] || !isBlank(cell.value)) continue;
        report({
          messageId: 'missing-entry.evaluation',
          r: cell.r,
          c: cell.c,
          field,
          params: { label: labelText(cell.label), scale: scale.allowed.join('・') },
        });
      }
    };
  },
};

/**
 * Per evaluation column, whether the department gives it: all of them, unless some are labelled as
 * made by others (外部評価) and some are not; then only the latter.
 */
function ownEvaluations(cells: EvaluationCell[]): boolean[] {
  const own = cells.map((e) => !isEvaluationByOthers(e.cell.label));
  return own.some(Boolean) ? own : cells.map(() => true);
}

/** An indicator as a message names it: its name, else 指標1, 指標2… */
function kpiName(kpi: KpiRecord, index: number): string {
  return kpi.name && !isBlank(kpi.name.value) && !isNoneMarker(kpi.name.value) ? displayText(cellText(kpi.name.value)) : `指標${index + 1}`;
}

function missingActuals(ctx: RuleContext, unit: UnitRecord, report: Report): void {
  for (let index = 0; index < unit.kpis.length; index++) {
    const kpi = unit.kpis[index];
    for (const actual of kpi.yearActuals) {
      if (!entryIsDue(actual, ctx.asOf) || !isBlank(actual.cell.value)) continue;
      // no actual is expected for a year whose target says "nothing" (－, /), nor, in a plan
      // written in words (検討 → 実施), for a year the plan leaves blank: the work was done
      const target = kpi.yearTargets.find((t) => t.fiscalYear === actual.fiscalYear);
      if (target && isNoneMarker(target.cell.value)) continue;
      if (target && isBlank(target.cell.value) && kpi.targetRow !== null && isQualitative(kpi)) continue;
      report({
        messageId: 'missing-entry.actual',
        r: actual.cell.r,
        c: actual.cell.c,
        field: `${index === 0 ? 'kpi' : `kpi${index + 1}`}.actual.fy${actual.fiscalYear}`,
        params: { year: formatFiscalYear(actual.fiscalYear, ctx.locale), kpi: kpiName(kpi, index) },
      });
    }
  }
}

/** The self-evaluation is due with the sheet's latest result column (as the first unit has them). */
function latestResultIsDue(ctx: RuleContext, first: UnitRecord): boolean {
  const results = first.periods.filter((p) => p.entry === 'result' || p.entry === 'actual');
  for (const k of first.kpis) results.push(...k.yearActuals);
  // no result column (No. | 取組事項 | 評価, 黒部市's 実績報告): the grades are the year's report, due
  // once the sheet's reporting year has ended (never when the year is the as-of date's own)
  if (results.length === 0) {
    const resultColumns = ctx.layout.match.columns.some((c) => c.period !== null && (c.period.entry === 'result' || c.period.entry === 'actual'));
    return !resultColumns && isDue(ctx.asOf, fiscalYearEnd(ctx.fiscalYear, ctx.startMonth));
  }
  const latest = results.reduce((a, b) => (periodEnd(b) > periodEnd(a) ? b : a));
  return entryIsDue(latest, ctx.asOf);
}

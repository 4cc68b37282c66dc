import { formatFigure, formatRate } from '../messages';
import { formatFiscalYear } from '../read/years';
import { gradeOf } from '../compute/rate';
import { readOnScale } from '../read/evaluation';
import { readKpiNumber } from '../read/nameValue';
import { evaluationCells, type Rule } from './context';

/** A written rate further than this from the computed one is a mismatch (0.5 point). */
const RATE_TOLERANCE = 0.005;

/**
 * grade-mismatch: the self-evaluation differs from the value its scale gives the computed rate.
 * Only scales mapped to rates are compared: letters through the grade scale (configured or the
 * default), any scale through a legend with percentages or a configured list with `min`.
 */
export const gradeMismatch: Rule = {
  id: 'grade-mismatch',
  start(ctx) {
    if (!ctx.evaluationColumns.some((e) => e.scale.thresholds)) return null;
    return (unit, computed, report) => {
      if (!computed.rate) return;
      for (const { cell, field, scale } of evaluationCells(ctx, unit)) {
        if (!scale.thresholds) continue;
        const reading = readOnScale(cell.value, scale);
        if (reading.kind !== 'value') continue;
        const expected = gradeOf(computed.rate.rate, scale.thresholds);
        if (expected === null || expected === reading.value) continue;
        report({
          messageId: 'grade-mismatch',
          r: cell.r,
          c: cell.c,
          field,
          params: { self: reading.value, grade: expected, rate: formatRate(computed.rate.rate) },
        });
      }
    };
  },
};

/** computed-mismatch: a 達成率 already in the sheet differs from the computed one by > 0.5 point. */
export const computedMismatch: Rule = {
  id: 'computed-mismatch',
  start(ctx) {
    return (unit, computed, report) => {
      const cell = unit.rate;
      if (!computed.rate || !cell) return;
      const written = readKpiNumber(cell.value, cell.numberFormat);
      if (written.kind !== 'number') return;
      // a rate typed as 106.36 (no % sign) is meant as a percentage
      const value = written.unit === '%' || Math.abs(written.value) <= 10 ? written.value : written.value / 100;
      if (Math.abs(value - computed.rate.rate) <= RATE_TOLERANCE) return;
      const basis = computed.rate;
      report({
        messageId: basis.formula === 'ratio' ? 'computed-mismatch' : `computed-mismatch.${basis.formula}`,
        r: cell.r,
        c: cell.c,
        field: 'rate',
        params: {
          written: formatRate(value),
          computed: formatRate(basis.rate),
          target: formatFigure(basis.target),
          actual: formatFigure(basis.actual),
          baseline: basis.baseline === null ? '' : formatFigure(basis.baseline),
          year: basis.fiscalYear === null ? '' : formatFiscalYear(basis.fiscalYear, ctx.locale),
        },
      });
    };
  },
};

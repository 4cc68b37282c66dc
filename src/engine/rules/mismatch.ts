import { formatRate } from '../messages';
import { readNumber } from '../read/number';
import type { Finding, Rule } from './context';

/** A written rate further than this from the computed one is a mismatch (0.5 point). */
const RATE_TOLERANCE = 0.005;

/** grade-mismatch: the self-evaluation differs from the grade computed from the rate. */
export const gradeMismatch: Rule = {
  id: 'grade-mismatch',
  check(ctx) {
    const out: Finding[] = [];
    if (ctx.evaluationScale.kind !== 'letters') return out;
    for (const unit of ctx.units) {
      const computed = ctx.computed.get(unit);
      if (!computed?.rate || !computed.grade || !computed.selfGrade || !unit.evaluation) continue;
      if (computed.grade === computed.selfGrade) continue;
      out.push({
        messageId: 'grade-mismatch',
        r: unit.evaluation.r,
        c: unit.evaluation.c,
        field: 'evaluation',
        params: { self: computed.selfGrade, grade: computed.grade, rate: formatRate(computed.rate.rate) },
      });
    }
    return out;
  },
};

/** computed-mismatch: a 達成率 already in the sheet differs from the computed one by > 0.5 point. */
export const computedMismatch: Rule = {
  id: 'computed-mismatch',
  check(ctx) {
    const out: Finding[] = [];
    for (const unit of ctx.units) {
      const computed = ctx.computed.get(unit);
      const cell = unit.rate;
      if (!computed?.rate || !cell) continue;
      const written = readNumber(cell.value, cell.numberFormat);
      if (written.kind !== 'number') continue;
      // a rate typed as 106.36 (no % sign) is meant as a percentage
      const value = written.unit === '%' || Math.abs(written.value) <= 10 ? written.value : written.value / 100;
      if (Math.abs(value - computed.rate.rate) <= RATE_TOLERANCE) continue;
      out.push({
        messageId: 'computed-mismatch',
        r: cell.r,
        c: cell.c,
        field: 'rate',
        params: { written: formatRate(value), computed: formatRate(computed.rate.rate) },
      });
    }
    return out;
  },
};

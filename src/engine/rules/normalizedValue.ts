import { readEvaluation } from '../read/evaluation';
import { readNumber } from '../read/number';
import { cellText } from '../read/cell';
import type { Finding, Rule } from './context';
import { eachNumericCell, numericField } from './numbers';

/** normalized-value: a value read through a variant spelling (〇 for ○, full-width digits). */
export const normalizedValue: Rule = {
  id: 'normalized-value',
  check(ctx) {
    const out: Finding[] = [];
    for (const unit of ctx.units) {
      const cell = unit.evaluation;
      if (cell) {
        const reading = readEvaluation(cell.value);
        if ((reading.kind === 'symbol' || reading.kind === 'letter') && reading.variant !== null) {
          out.push({
            messageId: reading.kind === 'symbol' ? 'normalized-value.symbol' : 'normalized-value.letter',
            r: cell.r,
            c: cell.c,
            field: 'evaluation',
            params: { value: reading.variant, normalized: reading.kind === 'symbol' ? reading.symbol : reading.letter },
          });
        }
      }
      eachNumericCell(unit, (numeric, kpi, part, fiscalYear) => {
        const reading = readNumber(numeric.value, numeric.numberFormat);
        if (reading.kind !== 'number' || !reading.variant) return;
        out.push({
          messageId: 'normalized-value.digits',
          r: numeric.r,
          c: numeric.c,
          field: numericField({ kpi, part, fiscalYear }),
          params: { value: cellText(numeric.value), normalized: reading.value },
        });
      });
    }
    return out;
  },
};

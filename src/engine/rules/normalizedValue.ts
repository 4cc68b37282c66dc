import { readOnScale } from '../read/evaluation';
import { readKpiNumber } from '../read/nameValue';
import { cellText } from '../read/cell';
import { evaluationCells, type Report, type Rule } from './context';
import { eachNumericCell, numericField, type NumericVisitor } from './numbers';

/** normalized-value: a value read through a variant spelling (〇 for ○, full-width digits). */
export const normalizedValue: Rule = {
  id: 'normalized-value',
  start(ctx) {
    // one visitor for the sheet, told where to report (no closure per unit)
    let report: Report;
    const visit: NumericVisitor = (numeric, kpi, part, fiscalYear) => {
      const reading = readKpiNumber(numeric.value, numeric.numberFormat);
      if (reading.kind !== 'number' || !reading.variant) return;
      report({
        messageId: 'normalized-value.digits',
        r: numeric.r,
        c: numeric.c,
        field: numericField({ kpi, part, fiscalYear }),
        params: { value: cellText(numeric.value), normalized: reading.value },
      });
    };
    return (unit, _computed, r) => {
      report = r;
      for (const { cell, field, scale } of evaluationCells(ctx, unit)) {
        const reading = readOnScale(cell.value, scale);
        if (reading.kind !== 'value' || reading.variant === null) continue;
        report({
          messageId: scale.kind === 'symbols' ? 'normalized-value.symbol' : 'normalized-value.letter',
          r: cell.r,
          c: cell.c,
          field,
          params: { value: reading.variant, normalized: reading.value },
        });
      }
      eachNumericCell(unit, visit);
    };
  },
};

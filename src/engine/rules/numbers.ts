import { readNumber } from '../read/number';
import { cellText } from '../read/cell';
import type { FieldCell, UnitRecord } from '../rows/record';
import { labelText, type Finding, type Rule } from './context';

/**
 * Visit the numeric cells of a unit: baselines, targets, actuals, totals, an existing rate.
 * The field name is built only for a cell that is reported (most are not).
 */
export function eachNumericCell(unit: UnitRecord, visit: (cell: FieldCell, field: () => string) => void): void {
  unit.kpis.forEach((kpi, i) => {
    const prefix = i === 0 ? 'kpi' : `kpi${i + 1}`;
    if (kpi.baseline) visit(kpi.baseline, () => `${prefix}.baseline`);
    if (kpi.target) visit(kpi.target, () => `${prefix}.target`);
    for (const t of kpi.yearTargets) visit(t.cell, () => `${prefix}.target.fy${t.fiscalYear}`);
    for (const a of kpi.yearActuals) visit(a.cell, () => `${prefix}.actual.fy${a.fiscalYear}`);
    if (kpi.totalTarget) visit(kpi.totalTarget, () => `${prefix}.target.total`);
    if (kpi.totalActual) visit(kpi.totalActual, () => `${prefix}.actual.total`);
  });
  if (unit.rate) visit(unit.rate, () => 'rate');
}

/** invalid-number: a baseline, target or actual that does not read as a number. */
export const invalidNumber: Rule = {
  id: 'invalid-number',
  check(ctx) {
    const out: Finding[] = [];
    for (const unit of ctx.units) {
      eachNumericCell(unit, (cell, field) => {
        const reading = readNumber(cell.value, cell.numberFormat);
        if (reading.kind !== 'invalid') return;
        out.push({
          messageId: 'invalid-number',
          r: cell.r,
          c: cell.c,
          field: field(),
          params: { label: labelText(cell.label), value: cellText(cell.value) },
        });
      });
    }
    return out;
  },
};

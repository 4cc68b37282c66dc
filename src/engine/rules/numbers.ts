import { readNumber } from '../read/number';
import { cellText } from '../read/cell';
import type { FieldCell, UnitRecord } from '../rows/record';
import { labelText, type Finding, type Rule } from './context';

/** The numeric cells of a unit: baselines, targets, actuals, totals, an existing rate. */
export function numericCells(unit: UnitRecord): { cell: FieldCell; field: string }[] {
  const out: { cell: FieldCell; field: string }[] = [];
  unit.kpis.forEach((kpi, i) => {
    const prefix = i === 0 ? 'kpi' : `kpi${i + 1}`;
    if (kpi.baseline) out.push({ cell: kpi.baseline, field: `${prefix}.baseline` });
    if (kpi.target) out.push({ cell: kpi.target, field: `${prefix}.target` });
    for (const t of kpi.yearTargets) out.push({ cell: t.cell, field: `${prefix}.target.fy${t.fiscalYear}` });
    for (const a of kpi.yearActuals) out.push({ cell: a.cell, field: `${prefix}.actual.fy${a.fiscalYear}` });
    if (kpi.totalTarget) out.push({ cell: kpi.totalTarget, field: `${prefix}.target.total` });
    if (kpi.totalActual) out.push({ cell: kpi.totalActual, field: `${prefix}.actual.total` });
  });
  if (unit.rate) out.push({ cell: unit.rate, field: 'rate' });
  return out;
}

/** invalid-number: a baseline, target or actual that does not read as a number. */
export const invalidNumber: Rule = {
  id: 'invalid-number',
  check(ctx) {
    const out: Finding[] = [];
    for (const unit of ctx.units) {
      for (const { cell, field } of numericCells(unit)) {
        const reading = readNumber(cell.value, cell.numberFormat);
        if (reading.kind !== 'invalid') continue;
        out.push({
          messageId: 'invalid-number',
          r: cell.r,
          c: cell.c,
          field,
          params: { label: labelText(cell.label), value: cellText(cell.value) },
        });
      }
    }
    return out;
  },
};

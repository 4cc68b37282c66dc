import { readsAsWord } from '../compute/rate';
import { readKpiNumber } from '../read/nameValue';
import { cellText } from '../read/cell';
import type { FieldCell, UnitRecord } from '../rows/record';
import { labelText, type Report, type Rule } from './context';

/** Which figure of which indicator a numeric cell holds; turned into a field name only when reported. */
export interface NumericPlace {
  kpi: number;
  part: 'baseline' | 'target' | 'actual' | 'rate' | 'effect' | 'amount';
  fiscalYear: number | 'total' | null;
}

/** The issue field of a numeric cell: kpi.baseline, kpi2.actual.fy2023, kpi.target.total, rate. */
export function numericField(place: NumericPlace): string {
  if (place.part === 'rate' || place.part === 'effect' || place.part === 'amount') return place.part;
  const prefix = place.kpi === 0 ? 'kpi' : `kpi${place.kpi + 1}`;
  if (place.fiscalYear === null) return `${prefix}.${place.part}`;
  return place.fiscalYear === 'total' ? `${prefix}.${place.part}.total` : `${prefix}.${place.part}.fy${place.fiscalYear}`;
}

export type NumericVisitor = (cell: FieldCell, kpi: number, part: NumericPlace['part'], fiscalYear: NumericPlace['fiscalYear']) => void;

/** Visit the numeric cells of a unit: baselines, targets, actuals, totals, an existing rate, the 効果額, other amounts. */
export function eachNumericCell(unit: UnitRecord, visit: NumericVisitor): void {
  for (let i = 0; i < unit.kpis.length; i++) {
    const kpi = unit.kpis[i];
    if (kpi.baseline) visit(kpi.baseline, i, 'baseline', null);
    if (kpi.target) visit(kpi.target, i, 'target', null);
    for (const t of kpi.yearTargets) visit(t.cell, i, 'target', t.fiscalYear);
    for (const a of kpi.yearActuals) visit(a.cell, i, 'actual', a.fiscalYear);
    if (kpi.totalTarget) visit(kpi.totalTarget, i, 'target', 'total');
    if (kpi.totalActual) visit(kpi.totalActual, i, 'actual', 'total');
  }
  if (unit.rate) visit(unit.rate, 0, 'rate', null);
  // 削減額(千円) 「△ 805」: an amount, whatever the indicators (相馬市)
  const effect = unit.cells.effect;
  if (effect) visit(effect, 0, 'effect', null);
  // 予算額, 事業費（千円）, 累計歳出額: a typo in money is caught wherever the column stands (大津町)
  for (let i = 0; i < unit.amounts.length; i++) visit(unit.amounts[i], 0, 'amount', null);
}

/**
 * invalid-number: a baseline, target or actual that does not read as a number. A qualitative
 * indicator's words (策定 / 策定済, 設置, 検討 → 実施) are its values, not invalid numbers.
 */
export const invalidNumber: Rule = {
  id: 'invalid-number',
  start() {
    // one visitor for the sheet, told the unit it visits (no closure per unit)
    let unit: UnitRecord;
    let report: Report;
    const visit: NumericVisitor = (cell, kpi, part, fiscalYear) => {
      const reading = readKpiNumber(cell.value, cell.numberFormat);
      if (reading.kind !== 'invalid') return;
      if (part !== 'rate' && part !== 'effect' && part !== 'amount' && readsAsWord(unit.kpis[kpi], cell)) return;
      report({
        messageId: 'invalid-number',
        r: cell.r,
        c: cell.c,
        field: numericField({ kpi, part, fiscalYear }),
        params: { label: labelText(cell.label), value: cellText(cell.value) },
      });
    };
    return (u, _computed, r) => {
      unit = u;
      report = r;
      eachNumericCell(u, visit);
    };
  },
};

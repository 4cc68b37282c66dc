import { isExcelError } from '../read/cell';
import type { Rule } from './context';

/** formula-error: a cell of the table, mapped or not, shows an Excel error value (items' rows and the totals under them). */
export const formulaError: Rule = {
  id: 'formula-error',
  start(ctx) {
    const { view, layout } = ctx;
    // a column read twice (a KPI actual that also holds the grade) is named by its first field
    const fieldOf = new Map<number, string>();
    for (const col of layout.match.columns) if (!fieldOf.has(col.column)) fieldOf.set(col.column, col.field);
    const { kinds } = layout;
    return (unit, _computed, report) => {
      const scan = (r: number) => {
        for (let c = 0; c <= layout.lastColumn; c++) {
          // raw, not merged values: a merged error is reported once, at its anchor
          const value = view.raw(r, c);
          if (!isExcelError(value)) continue;
          report({ messageId: 'formula-error', r, c, field: fieldOf.get(c) ?? 'cell', params: { value: value.trim() } });
        }
      };
      for (const r of unit.rows) scan(r);
      // the 合計 and 小計 rows right under the unit (a total is often where a broken reference shows)
      let r = unit.rows[unit.rows.length - 1] + 1;
      while (r < kinds.length && (kinds[r] === 'total' || kinds[r] === 'blank')) {
        if (kinds[r] === 'total') scan(r);
        r++;
      }
    };
  },
};

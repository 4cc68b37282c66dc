import { isExcelError } from '../read/cell';
import type { Finding, Rule } from './context';

/** formula-error: a cell of the table, mapped or not, shows an Excel error value. */
export const formulaError: Rule = {
  id: 'formula-error',
  check(ctx) {
    const out: Finding[] = [];
    const { view, layout } = ctx;
    const fieldOf = new Map(layout.match.columns.map((col) => [col.column, col.field as string]));
    for (const unit of ctx.units) {
      for (const r of unit.rows) {
        for (let c = 0; c <= layout.lastColumn; c++) {
          // raw, not merged values: a merged error is reported once, at its anchor
          const value = view.raw(r, c);
          if (!isExcelError(value)) continue;
          out.push({ messageId: 'formula-error', r, c, field: fieldOf.get(c) ?? 'cell', params: { value: value.trim() } });
        }
      }
    }
    return out;
  },
};

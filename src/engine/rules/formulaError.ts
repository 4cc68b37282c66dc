import { isExcelError } from '../read/cell';
import type { Finding, Rule } from './context';

/** formula-error: a cell of the table shows an Excel error value. */
export const formulaError: Rule = {
  id: 'formula-error',
  check(ctx) {
    const out: Finding[] = [];
    const seen = new Set<string>();
    const fieldOf = new Map(ctx.layout.match.columns.map((col) => [col.column, col.field as string]));
    for (const unit of ctx.units) {
      for (const cell of unit.allCells) {
        if (!isExcelError(cell.value)) continue;
        const key = `${cell.r}:${cell.c}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push({
          messageId: 'formula-error',
          r: cell.r,
          c: cell.c,
          field: fieldOf.get(cell.c) ?? 'cell',
          params: { value: String(cell.value).trim() },
        });
      }
    }
    return out;
  },
};

import { normalizeLabel } from '../read/text';
import type { Rule } from './context';

/** duplicate-id: two items share one No. in one sheet. */
export const duplicateId: Rule = {
  id: 'duplicate-id',
  start(ctx) {
    // each No.'s first cell, by index into two arrays of numbers: no record is kept
    const firstById = new Map<string, number>();
    const firstRows: number[] = [];
    const firstColumns: number[] = [];
    return (unit, _computed, report) => {
      if (!unit.id || !unit.idCell) return;
      const key = normalizeLabel(unit.id);
      const first = firstById.get(key);
      if (first === undefined) {
        firstById.set(key, firstRows.length);
        firstRows.push(unit.idCell.r);
        firstColumns.push(unit.idCell.c);
        return;
      }
      report({
        messageId: 'duplicate-id',
        r: unit.idCell.r,
        c: unit.idCell.c,
        field: 'id',
        params: { id: unit.id, other: ctx.view.address(firstRows[first], firstColumns[first]) },
      });
    };
  },
};

import { normalizeLabel } from '../read/text';
import type { Rule } from './context';

/** The value of a No. written as a plain decimal (1, 25, 1024: no sign, no leading zero), else -1. */
function plainNumber(id: string): number {
  if (id.length === 0 || id.length > 9 || (id.length > 1 && id.charCodeAt(0) === 48)) return -1;
  let n = 0;
  for (let i = 0; i < id.length; i++) {
    const d = id.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** duplicate-id: two items share one No. in one sheet. */
export const duplicateId: Rule = {
  id: 'duplicate-id',
  start(ctx) {
    // each No.'s first cell, as an index into two arrays of numbers: no record is kept. Plain
    // numbers (most sheets number 1, 2, 3…) are looked up by value, other Nos. by their text.
    const byNumber: number[] = [];
    const byText = new Map<string, number>();
    const firstRows: number[] = [];
    const firstColumns: number[] = [];
    return (unit, _computed, report) => {
      if (!unit.id || !unit.idCell) return;
      // a plain number is its own normalised label; another No. may normalise to one (１２ → 12)
      let key = '';
      let n = plainNumber(unit.id);
      if (n < 0) {
        key = normalizeLabel(unit.id);
        n = plainNumber(key);
      }
      const first = n >= 0 ? byNumber[n] : byText.get(key);
      if (first === undefined) {
        if (n >= 0) byNumber[n] = firstRows.length;
        else byText.set(key, firstRows.length);
        firstRows.push(unit.idCell.r);
        firstColumns.push(unit.idCell.c);
        return;
      }
      // one No. merged down over the rows of its 具体的な取組 (群馬県): the same cell, no duplicate
      if (firstRows[first] === unit.idCell.r && firstColumns[first] === unit.idCell.c) return;
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

import { normalizeLabel } from '../read/text';
import type { UnitRecord } from '../rows/record';
import type { Finding, Rule } from './context';

/** duplicate-id: two items share one No. in one sheet. */
export const duplicateId: Rule = {
  id: 'duplicate-id',
  check(ctx) {
    const out: Finding[] = [];
    const firstById = new Map<string, UnitRecord>();
    for (const unit of ctx.units) {
      if (!unit.id || !unit.idCell) continue;
      const key = normalizeLabel(unit.id);
      const first = firstById.get(key);
      if (!first) {
        firstById.set(key, unit);
        continue;
      }
      out.push({
        messageId: 'duplicate-id',
        r: unit.idCell.r,
        c: unit.idCell.c,
        field: 'id',
        params: { id: unit.id, other: first.idCell ? ctx.view.address(first.idCell.r, first.idCell.c) : '' },
      });
    }
    return out;
  },
};

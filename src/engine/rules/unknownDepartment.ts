import { normalizeLabel } from '../read/text';
import type { Rule } from './context';

/**
 * With a department list in the configuration: a 担当課 spelled differently from the list
 * (full-width, spaces) is read as the listed one (normalized-value); one not on the list at all
 * is reported as unknown-department, so that typos are caught before consolidation.
 */
export const unknownDepartment: Rule = {
  id: 'unknown-department',
  start(ctx) {
    const known = ctx.departments;
    if (!known || known.length === 0) return null;
    const byKey = new Map(known.map((d) => [normalizeLabel(d), d]));
    return (unit, _computed, report) => {
      const cell = unit.cells.department;
      if (!cell) return;
      for (const name of unit.departments) {
        if (known.includes(name)) continue;
        const listed = byKey.get(normalizeLabel(name));
        report(
          listed
            ? { messageId: 'normalized-value.department', r: cell.r, c: cell.c, field: 'department', params: { value: name, normalized: listed } }
            : { messageId: 'unknown-department', r: cell.r, c: cell.c, field: 'department', params: { value: name } },
        );
      }
    };
  },
};

import type { Field } from '../profiles/schema';
import type { MessageId } from '../messages';
import { labelText, type Finding, type Rule } from './context';

const MESSAGE_BY_FIELD: Partial<Record<Field, MessageId>> = {
  item: 'required-missing.item',
  action: 'required-missing.action',
  department: 'required-missing.department',
};

/** required-missing: an identity field (item after carry-down, action, department) is empty. */
export const requiredMissing: Rule = {
  id: 'required-missing',
  check(ctx) {
    const out: Finding[] = [];
    // an array, not a Set: iterated once per item, where a Set's iterator allocates
    const required = [...new Set<Field>([...ctx.profile.required, ...(ctx.profile.unit === 'action' ? (['action'] as Field[]) : [])])];
    for (const unit of ctx.units) {
      for (const field of required) {
        const cell = unit.cells[field];
        if (!cell) continue; // the template has no such column
        const value = field === 'item' ? unit.item : field === 'action' ? unit.action : field === 'department' ? unit.department : cell.value;
        if (value !== null && value !== '') continue;
        out.push({
          messageId: MESSAGE_BY_FIELD[field] ?? 'required-missing.field',
          r: cell.r,
          c: cell.c,
          field,
          params: { label: labelText(cell.label) },
        });
      }
    }
    return out;
  },
};

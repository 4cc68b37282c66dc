import type { Field } from '../profiles/schema';
import type { MessageId } from '../messages';
import { isBlank, isEmptyOrNone } from '../read/cell';
import type { UnitRecord } from '../rows/record';
import { labelText, type Report, type Rule, type RuleContext } from './context';

const MESSAGE_BY_FIELD: Partial<Record<Field, MessageId>> = {
  item: 'required-missing.item',
  action: 'required-missing.action',
  department: 'required-missing.department',
};

/** required-missing: an identity field (item after carry-down, action, department) is empty. */
export const requiredMissing: Rule = {
  id: 'required-missing',
  start(ctx) {
    // an array, not a Set: iterated once per item, where a Set's iterator allocates
    const required = [...new Set<Field>([...ctx.profile.required, ...(ctx.profile.unit === 'action' ? (['action'] as Field[]) : [])])];
    const actionRequired = required.includes('action');
    return (unit, _computed, report) => {
      for (const field of required) {
        const cell = unit.cells[field];
        if (!cell) continue; // the template has no such column
        const value = field === 'item' ? unit.item : field === 'action' ? unit.action : field === 'department' ? unit.department : cell.value;
        if (value !== null && value !== '') continue;
        report({
          messageId: MESSAGE_BY_FIELD[field] ?? 'required-missing.field',
          r: cell.r,
          c: cell.c,
          field,
          params: { label: labelText(cell.label) },
        });
      }
      unnamedIndicators(unit, report);
      if (!actionRequired) actionUnderGroup(ctx, unit, report);
    };
  },
};

/**
 * An item merged over several rows with an action column beside it (大崎町: 具体的な施策 over three
 * 具体的な取組み rows): the item is a group there and each row is an action, so a row with other
 * content needs its action as a unit would (design.md §3).
 */
function actionUnderGroup(ctx: RuleContext, unit: UnitRecord, report: Report): void {
  const action = unit.cells.action;
  const item = unit.cells.item;
  if (!action || !item || !isBlank(action.value)) return;
  const { view } = ctx;
  const below = unit.first + 1;
  const grouped = item.r !== unit.first || (below < view.rowCount && view.isMergeContinuation(below, item.c) && view.anchor(below, item.c)[0] === item.r);
  if (!grouped) return;
  report({ messageId: 'required-missing.action', r: action.r, c: action.c, field: 'action', params: { label: labelText(action.label) } });
}

/**
 * An indicator row with figures but no name (長与町: 数値目標 blank under a 施策 merged over two
 * rows): the figures belong to nothing a person can name, so the name is required like the item.
 * Paired 目標/実績 rows name their indicator once, on the 目標 row, and are left alone.
 */
function unnamedIndicators(unit: UnitRecord, report: Report): void {
  for (const kpi of unit.kpis) {
    const name = kpi.name;
    if (!name || kpi.targetRow !== null || kpi.actualRow !== null || !isEmptyOrNone(name.value)) continue;
    // the name column read twice as the target (「就職者数\n年間500人」) is that cell: blank is blank
    if (kpi.target && kpi.target.r === name.r && kpi.target.c === name.c) continue;
    const figures = [kpi.baseline, kpi.target, ...kpi.yearActuals.map((a) => a.cell)];
    if (!figures.some((cell) => cell && !isEmptyOrNone(cell.value))) continue;
    report({ messageId: 'required-missing.field', r: name.r, c: name.c, field: 'kpi.name', params: { label: labelText(name.label) } });
  }
}

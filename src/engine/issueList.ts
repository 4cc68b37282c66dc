import { MESSAGES, SEVERITY, renderMessage } from './messages';
import type { Finding } from './rules/context';
import { a1, type SheetView } from './table/sheetView';
import type { Issue, Locale } from './types';

/**
 * The issues of one sheet as the rules report them: each finding becomes its issue at once (its
 * cell's address, its message), and the list is put in sheet order once, at the end.
 */
export class IssueList {
  private readonly issues: Issue[] = [];
  /** Per issue, the index of the rule that reported it: a cell's issues are listed in rule order. */
  private readonly orders: number[] = [];

  constructor(
    private readonly view: SheetView,
    private readonly locale: Locale,
  ) {}

  add(f: Finding, order: number): void {
    const at = this.view.position(f.r, f.c);
    // a cell of a built table that stands for no sheet cell (a year one block lacks) has nothing to flag
    if (!at) return;
    const code = MESSAGES[f.messageId].code;
    const params = quoteParams(f.params);
    this.issues.push({
      code,
      severity: SEVERITY[code],
      cell: a1(at.row, at.column),
      row: at.row,
      column: at.column,
      field: f.field,
      message: renderMessage(f.messageId, params, this.locale),
      params: { ...params, messageId: f.messageId },
    });
    this.orders.push(order);
  }

  /**
   * By row, column and rule; a rule's issues on one cell in the order it reported them. A sheet
   * cell read into two cells of a built table (a card's owner) is reported once.
   */
  sorted(): Issue[] {
    const { issues, orders } = this;
    const index: number[] = [];
    for (let i = 0; i < issues.length; i++) index.push(i);
    index.sort((a, b) => {
      const x = issues[a];
      const y = issues[b];
      return x.row - y.row || x.column - y.column || orders[a] - orders[b] || a - b;
    });
    const out: Issue[] = [];
    let last: Issue | null = null;
    for (const i of index) {
      const issue = issues[i];
      if (last && issue.cell === last.cell && issue.code === last.code && issue.message === last.message) continue;
      out.push(issue);
      last = issue;
    }
    return out;
  }
}

/** A message quotes at most a short excerpt of a cell: a 1 MB cell must not become a 1 MB message. */
const MAX_QUOTE = 40;

function quoteParams(params: Record<string, string | number>): Record<string, string | number> {
  let out: Record<string, string | number> | null = null;
  for (const name in params) {
    const value = params[name];
    if (typeof value !== 'string' || value.length <= MAX_QUOTE) continue;
    out ??= { ...params };
    out[name] = `${[...value.slice(0, MAX_QUOTE + 1)].slice(0, MAX_QUOTE).join('')}…`;
  }
  return out ?? params;
}

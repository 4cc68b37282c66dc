/** Shared pieces of the Office host's tests: a double per test, hand-built plans and checks. */
import type { CellFlag, Grid, SheetCheck, ValueWrite, WritePlan } from '../../src/engine/types';
import { type CheckRunOptions, type CheckRunResult, type SheetChecker, checkInContext } from '../../src/hosts/office/checkPipeline';
import { runWithRetry } from '../../src/hosts/office/runWithRetry';
import { ExcelDouble, type ExcelDoubleOptions, type SheetSpec, type WorkbookData, buildWorkbook } from '../office-double';

/** A double installed as the globals Excel and Office; `done()` removes it. */
export function installDouble(specs: SheetSpec[] | WorkbookData, options: Omit<ExcelDoubleOptions, 'workbook'> = {}) {
  const workbook = Array.isArray(specs) ? buildWorkbook(specs) : specs;
  const excel = new ExcelDouble({ ...options, workbook });
  const uninstall = excel.install();
  return { excel, done: uninstall };
}

/** A SheetCheck around a hand-built plan (what the engine would return). */
export function handCheck(plan: Partial<WritePlan>): SheetCheck {
  return {
    template: 'standard',
    templateName: '標準テンプレート',
    confidence: 1,
    candidates: [],
    headerRows: plan.headerRows ?? [],
    fiscalYear: 2025,
    columns: [],
    rows: [],
    issues: [],
    plan: { values: [], flags: [], appendedColumns: [], headerRows: [], ...plan },
  };
}

/** A checker that ignores the grid and returns a fixed plan (and remembers the grids it saw). */
export function fixedChecker(plan: Partial<WritePlan>): SheetChecker & { grids: Grid[] } {
  const grids: Grid[] = [];
  const check: SheetChecker = (grid) => {
    grids.push(grid);
    return handCheck(plan);
  };
  return Object.assign(check, { grids });
}

/** Runs the check pipeline with a given checker (the engine or a fixed plan) through Excel.run. */
export function runCheck(checker: SheetChecker, options: Partial<CheckRunOptions> = {}): Promise<CheckRunResult> {
  return runWithRetry((context) => checkInContext(context, checker, { asOf: '2025-10-15', ...options }));
}

export function flag(cell: string, severity: CellFlag['severity'], note: string): CellFlag {
  const m = /^([A-Z]+)(\d+)$/.exec(cell)!;
  let column = 0;
  for (const ch of m[1]) column = column * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), column, cell, severity, note };
}

export function write(row: number, column: number, value: ValueWrite['value'], role: ValueWrite['role'], numberFormat?: string): ValueWrite {
  return { row, column, value, role, ...(numberFormat ? { numberFormat } : {}) };
}

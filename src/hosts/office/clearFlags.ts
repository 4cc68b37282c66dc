/**
 * Takes away everything a check put on a worksheet: original fills back (including "no fill"),
 * the notes we added removed, written cells back to their original values, formulas and number
 * formats, header styles and column widths back, and the `_psc_state` sheet deleted when no
 * sheet has anything left to restore. It is applyPlan with an empty plan.
 */
import { type ApplyResult, EMPTY_PLAN, applyPlan } from './applyPlan';
import type { Capabilities } from './requirements';
import type { ProgressCallback, Session } from './session';
import { HostError } from './errors';
import { supportsExcelApi } from './requirements';
import { StateReader, findSheetState } from './stateStore';

export interface ClearOptions {
  /** The worksheet; default: the active one. */
  sheetName?: string;
  capabilities?: Capabilities;
  onProgress?: ProgressCallback;
}

export interface ClearResult extends ApplyResult {
  sheetName: string;
}

export async function clearFlags(session: Session, options: ClearOptions = {}): Promise<ClearResult> {
  const state = new StateReader(session);
  const worksheets = session.context.workbook.worksheets;
  const sheet = options.sheetName ? worksheets.getItem(options.sheetName) : worksheets.getActiveWorksheet();
  sheet.load('name, id, protection/protected');
  const workbookProtection = supportsExcelApi('1.7') ? session.context.workbook.protection.load('protected') : null;
  const stored = await state.ready();
  const target = { sheetName: sheet.name, sheetId: sheet.id };
  // Nothing of ours on a protected sheet is fine; something to put back is not.
  if (sheet.protection.protected && findSheetState(stored, target, state.markers)) {
    throw new HostError('SheetProtected', `The sheet "${sheet.name}" is protected.`);
  }
  const result = await applyPlan(session, target, EMPTY_PLAN, {
    state,
    capabilities: options.capabilities,
    onProgress: options.onProgress,
    workbookProtected: workbookProtection?.protected === true,
  });
  return { ...result, sheetName: sheet.name };
}

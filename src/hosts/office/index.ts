/** The Office.js host: what the task pane and the ribbon commands use. */
export {
  checkActiveSheet,
  clearActiveSheetFlags,
  selectCell,
  checkActiveSheetCommand,
  buildSummaryCommand,
  localIsoDate,
  type CheckActiveSheetOptions,
  type CheckActiveSheetResult,
  type ClearActiveSheetOptions,
  type ClearActiveSheetResult,
} from './actions';
export type { Phase, ProgressCallback } from './session';
export type { RetryOptions } from './runWithRetry';
export { officeLocale, detectCapabilities, type Capabilities } from './requirements';
export { HEADER_FILL } from './applyPlan';
export { STATE_SHEET_NAME } from './stateStore';

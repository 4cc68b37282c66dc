/**
 * What the task pane asks of Excel, as one small interface: the Office.js host implements it, and
 * the pane's tests pass a fake. The pane itself never touches Office.js.
 */
import type { Locale, SheetCheck } from '../engine';
import { buildSummary, checkActiveSheet, clearActiveSheetFlags, selectCell } from '../hosts/office/actions';
import type { NotWritten } from '../hosts/office/checkPipeline';
import { insertStandardTemplate } from '../hosts/office/insertTemplate';
import { runWithRetry } from '../hosts/office/runWithRetry';
import type { ProgressCallback } from '../hosts/office/session';

export interface PaneCheckOptions {
  asOf: string;
  locale: Locale;
  /** A profile id chosen by the person, or undefined to detect. */
  template?: string;
  onProgress?: ProgressCallback;
}

export interface PaneCheckResult {
  check: SheetCheck;
  sheetName: string;
  syncs: number;
  /** Why the sheet was left unmarked (results in the pane only); null when marked. */
  notWritten?: NotWritten | null;
}

export interface PaneClearResult {
  sheetName: string;
  /** Cells given back their earlier fill, value or style; 0 when the sheet had nothing of ours. */
  restored: number;
}

export interface PaneHost {
  check(options: PaneCheckOptions): Promise<PaneCheckResult>;
  /** Takes the marks off `sheetName` (the sheet checked), else off the active sheet. */
  clearFlags(sheetName?: string): Promise<PaneClearResult>;
  selectCell(address: string, sheetName: string): Promise<void>;
  insertStandardTemplate(options: { fiscalYear: number; locale: Locale }): Promise<string>;
  /** Checks every sheet and writes the summary sheet; returns its name and the sheets checked. */
  buildSummary(options: { asOf: string; locale: Locale }): Promise<{ sheetName: string; progressSheets: number }>;
}

export const officePaneHost: PaneHost = {
  async check(options) {
    const result = await checkActiveSheet(options);
    return { check: result.check, sheetName: result.sheetName, syncs: result.syncs, notWritten: result.notWritten };
  },
  async clearFlags(sheetName) {
    const result = await clearActiveSheetFlags(sheetName ? { sheetName } : {});
    return { sheetName: result.sheetName, restored: result.restored };
  },
  selectCell(address, sheetName) {
    return selectCell(address, { sheetName });
  },
  insertStandardTemplate(options) {
    return runWithRetry((context) => insertStandardTemplate(context, options));
  },
  async buildSummary(options) {
    const result = await buildSummary(options);
    return { sheetName: result.sheetName, progressSheets: result.checked.filter((c) => c.check.template).length };
  },
};

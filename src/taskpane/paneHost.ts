/**
 * What the task pane asks of Excel, as one small interface: the Office.js host implements it, and
 * the pane's tests pass a fake. The pane itself never touches Office.js.
 */
import type { Fix, Locale, SheetCheck } from '../engine';
import { buildSummary, clearActiveSheetFlags, selectCell } from '../hosts/office/actions';
import type { NotWritten } from '../hosts/office/checkPipeline';
import { insertStandardTemplate } from '../hosts/office/insertTemplate';
import { runWithRetry } from '../hosts/office/runWithRetry';
import type { ProgressCallback } from '../hosts/office/session';
import { SheetWatcher } from '../hosts/office/watch';
import { checkFollowingEdits, forgetLastChecks } from '../hosts/office/incremental';
import { type FixHost, officeFixHost, paneResultOf } from './components/fixActions';
import { saveAcknowledgement, withdrawAcknowledgement } from '../hosts/office/workbookSettings';
import type { Acknowledgement } from '../engine/workbookSettings';
import type { Config } from '../engine/config';
import { type SettingsViewRead, readSettingsView, saveWorkbookConfig } from '../hosts/office/settingsView';

export interface PaneCheckOptions {
  asOf: string;
  locale: Locale;
  /** A profile id chosen by the person, or undefined to detect. */
  template?: string;
  onProgress?: ProgressCallback;
  /** The sheet to check (a re-check after an edit); default: the active one. */
  sheetName?: string;
}

export interface PaneCheckResult {
  check: SheetCheck;
  sheetName: string;
  syncs: number;
  /** Why the sheet was left unmarked (results in the pane only); null when marked. */
  notWritten?: NotWritten | null;
  /** Cells whose values the check wrote (a change only there is our own, not the person's). */
  ownValueCells?: string[];
  /** The workbook's settings could not be read (the check went on without them). */
  settingsProblem?: string | null;
  /** Safe fixes the check allows (issue 10): 〇 → ○, numbers typed as text, 「－」 where chosen. */
  fixes?: Fix[];
}

/** A running watch of the checked sheet; stop() unregisters it. */
export interface PaneWatch {
  stop(): Promise<void>;
}

export interface PaneWatchOptions {
  sheetName: string;
  ownValueCells: string[];
  /** Re-checks the sheet (same options as the ［チェック］ that started the watch). */
  recheck: () => Promise<PaneCheckResult>;
  onError?: (error: unknown) => void;
}

export interface PaneClearResult {
  sheetName: string;
  /** Cells given back their earlier fill, value or style; 0 when the sheet had nothing of ours. */
  restored: number;
}

export interface PaneHost extends Partial<FixHost> {
  check(options: PaneCheckOptions): Promise<PaneCheckResult>;
  /** Takes the marks off `sheetName` (the sheet checked), else off the active sheet. */
  clearFlags(sheetName?: string): Promise<PaneClearResult>;
  selectCell(address: string, sheetName: string): Promise<void>;
  insertStandardTemplate(options: { fiscalYear: number; locale: Locale }): Promise<string>;
  /** Checks every sheet and writes the summary sheet; returns its name and the sheets checked. */
  buildSummary(options: { asOf: string; locale: Locale }): Promise<{ sheetName: string; progressSheets: number }>;
  /** Re-checks after each edit of the sheet; null when this Excel has no change events (the pane cannot know). */
  watch?(options: PaneWatchOptions): Promise<PaneWatch | null>;
  /** Saves a warning's reason (理由あり) in the workbook. */
  acknowledge?(ack: Acknowledgement): Promise<void>;
  /** Withdraws it. */
  withdrawAcknowledgement?(key: Pick<Acknowledgement, 'sheet' | 'cell' | 'code'>): Promise<void>;
  /** The settings kept in the workbook and the active sheet's column mapping (settings view). */
  readSettings?(options: { asOf: string; locale: Locale }): Promise<SettingsViewRead>;
  /** Saves the configuration in the workbook (null takes it out); acknowledgements stay. */
  saveSettings?(config: Config | null): Promise<void>;
}

export const officePaneHost: PaneHost = {
  async check(options) {
    // A re-check after an edit reads only the changed rows where it can (incremental.ts).
    return paneResultOf(await checkFollowingEdits(options), options.locale);
  },
  ...officeFixHost,
  async watch(options) {
    const watcher = new SheetWatcher({
      sheetName: options.sheetName,
      ownValueCells: options.ownValueCells,
      recheck: async () => {
        const result = await options.recheck();
        return { ownValueCells: result.ownValueCells ?? [] };
      },
      onError: options.onError,
    });
    return (await watcher.start()) ? watcher : null;
  },
  async acknowledge(ack) {
    forgetLastChecks();
    await saveAcknowledgement(ack);
  },
  async withdrawAcknowledgement(key) {
    forgetLastChecks();
    await withdrawAcknowledgement(key);
  },
  readSettings(options) {
    return readSettingsView(options);
  },
  async saveSettings(config) {
    forgetLastChecks();
    await saveWorkbookConfig(config);
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

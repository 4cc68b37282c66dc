/**
 * What the pane's settings view asks of the workbook: the settings kept in it and the active
 * sheet's headers with the fields the engine reads there (one Excel.run, the settings part riding
 * the read's syncs), and saving the configuration (acknowledgements kept as they are).
 */
import type { Config } from '../../engine/config';
import { type SheetMapping, readMapping } from '../../engine/profiles/mapping';
import type { Locale } from '../../engine/types';
import type { WorkbookSettings } from '../../engine/workbookSettings';
import { readSheet } from './readSheet';
import { type RetryOptions, runWithRetry } from './runWithRetry';
import { Session } from './session';
import { SettingsReader, updateWorkbookSettings } from './workbookSettings';

export interface SettingsViewRead {
  /** The configuration kept in the workbook; null when it has none. */
  config: Config | null;
  /** Why the settings part could not be used (damaged, edited by hand), or null. */
  problem: string | null;
  /** The sheet's headers and their fields; null when the sheet has no header to map. */
  mapping: SheetMapping | null;
  /** context.sync() calls this took. */
  syncs: number;
}

export interface SettingsViewOptions {
  asOf: string;
  locale: Locale;
  /** The sheet whose columns are mapped; default: the active one. */
  sheetName?: string;
  retry?: RetryOptions;
}

export async function readSettingsView(options: SettingsViewOptions): Promise<SettingsViewRead> {
  return runWithRetry(async (context) => {
    const session = new Session(context);
    const reader = new SettingsReader(session);
    const read = await readSheet(session, { sheetName: options.sheetName });
    const settings = await reader.ready();
    const config = settings.settings?.config ?? null;
    const mapping = readMapping(read.grid, { sheetName: read.sheetName, asOf: options.asOf, locale: options.locale, config: config ?? undefined });
    return { config, problem: settings.problem, mapping: mapping.headers.length > 0 ? mapping : null, syncs: session.syncs };
  }, options.retry);
}

/** Saves the configuration in the workbook (null takes it out); acknowledgements stay. */
export function saveWorkbookConfig(config: Config | null, options: { retry?: RetryOptions } = {}): Promise<WorkbookSettings> {
  return updateWorkbookSettings((s) => {
    const { config: _old, ...rest } = s;
    return config && Object.keys(config).length > 0 ? { ...rest, config } : rest;
  }, options);
}

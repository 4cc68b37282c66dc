import { checkSheet, mergeConfig, parseConfig, type Config, type SheetCheck } from '../engine';
import { readWorkbookSettings } from '../hosts/xlsx/workbookSettings';
import { readWorkbook } from '../hosts/xlsx/readWorkbook';
import { UnreadableWorkbookError, describeUnreadable } from '../hosts/xlsx/unreadable';
import { sheetReport, type FileReport } from './report';

/** What every file's check is given: plain data, so that it crosses into a worker thread. */
export interface CheckSettings {
  asOf: string;
  locale: 'ja' | 'en';
  /** The configuration as read from --config (parsed again where it is used), and its file name. */
  configData: unknown;
  configName: string | null;
  /** Items carry what they reported (the JSON report, --previous); default true. */
  entries?: boolean;
}

export interface WorkbookResult {
  report: FileReport;
  /** The annotated copy's bytes, when asked for and possible. */
  annotated: Uint8Array | null;
  /** Why no copy could be made, in one line (the check itself stands). */
  copyProblem: string | null;
}

const configs = new WeakMap<object, Config>();

function configOf(settings: CheckSettings): Config | undefined {
  if (settings.configData === null || settings.configData === undefined) return undefined;
  const key = settings as object;
  let config = configs.get(key);
  if (!config) {
    config = parseConfig(settings.configData, settings.configName ?? 'config');
    configs.set(key, config);
  }
  return config;
}

/**
 * One workbook's bytes → its report (and annotated copy): reading, every sheet's check, the copy.
 * Runs inside a worker thread with memory and time limits (see pool.ts); never throws.
 */
export async function checkWorkbook(shown: string, bytes: Uint8Array, settings: CheckSettings, annotate: boolean): Promise<WorkbookResult> {
  const unreadable = (err: unknown): WorkbookResult => {
    const error =
      err instanceof UnreadableWorkbookError
        ? err.describe(settings.locale)
        : describeUnreadable('check-failed', err instanceof Error ? err.message.split('\n')[0].slice(0, 120) : String(err), settings.locale);
    return { report: { path: shown, status: 'unreadable', error, sheets: [] }, annotated: null, copyProblem: null };
  };
  let checks: { name: string; check: SheetCheck }[];
  let settingsProblem: string | null = null;
  try {
    const sheets = await readWorkbook(bytes);
    // the workbook's own settings (saved from the task pane), under the command line's --config
    const own = readWorkbookSettings(bytes, settings.locale);
    if (own && !own.ok) settingsProblem = own.problem;
    const workbook = own?.ok ? own.settings : null;
    const config = mergeConfig(workbook?.config, configOf(settings));
    const acknowledgements = workbook?.acknowledgements;
    checks = sheets.map((s) => ({
      name: s.name,
      // the write plan (fills, notes) is built only when a copy is asked for
      check: checkSheet(s.grid, { asOf: settings.asOf, config, locale: settings.locale, sheetName: s.name, fileName: shown, plan: annotate, entries: settings.entries !== false, acknowledgements }),
    }));
  } catch (err) {
    return unreadable(err);
  }
  const recognised = checks.some((c) => c.check.template !== null);
  const report: FileReport = {
    path: shown,
    status: recognised ? 'ok' : 'unrecognized',
    error: null,
    sheets: checks.map((c) => sheetReport(c.name, c.check)),
    ...(settingsProblem ? { settingsProblem } : {}),
  };
  if (!annotate || !recognised) return { report, annotated: null, copyProblem: null };
  // the patcher is loaded only by a worker that writes copies (--out)
  const { annotatedBytes, CannotAnnotateError } = await import('./annotate');
  try {
    return { report, annotated: annotatedBytes(bytes, checks), copyProblem: null };
  } catch (err) {
    const why = err instanceof CannotAnnotateError ? err.describe(settings.locale) : err instanceof Error ? err.message.split('\n')[0].slice(0, 120) : String(err);
    return { report, annotated: null, copyProblem: why };
  }
}

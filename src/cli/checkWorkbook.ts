import { checkSheet, mergeConfig, parseConfig, type Config, type SheetCheck } from '../engine';
import { readWorkbookSettings } from '../hosts/xlsx/workbookSettings';
import { readWorkbook } from '../hosts/xlsx/readWorkbook';
import { copyProblemOf } from '../hosts/xlsx/patch/errors';
import type { PackageEdits } from '../hosts/xlsx/patch/packageBytes';
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

export interface WorkbookResult extends CopyResult {
  report: FileReport;
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
 * A copy asked for: its parts (editedPackageBytes makes the zip, on the thread that writes it), or
 * why it could not be made (the check itself stands).
 */
export interface CopyResult {
  annotated: PackageEdits | null;
  copyProblem: string | null;
}

/** A checked workbook, and its copy still to make when one was asked for and can be made. */
export interface CheckedWorkbook {
  report: FileReport;
  makeCopy: (() => Promise<CopyResult>) | null;
}

/**
 * One workbook's bytes → its report and annotated copy: reading, every sheet's check, the copy.
 * Runs inside a worker thread with memory and time limits (see pool.ts); never throws.
 */
export async function checkWorkbook(shown: string, bytes: Uint8Array, settings: CheckSettings, annotate: boolean): Promise<WorkbookResult> {
  const { report, makeCopy } = await checkWorkbookFirst(shown, bytes, settings, annotate);
  return { report, ...(makeCopy ? await makeCopy() : { annotated: null, copyProblem: null }) };
}

/**
 * The report first; the copy when makeCopy() is called (a worker reports every workbook of a batch
 * before it makes their copies: the summary is written meanwhile). Never throws, nor does makeCopy.
 */
export async function checkWorkbookFirst(shown: string, bytes: Uint8Array, settings: CheckSettings, annotate: boolean): Promise<CheckedWorkbook> {
  const unreadable = (err: unknown): CheckedWorkbook => {
    const error =
      err instanceof UnreadableWorkbookError
        ? err.describe(settings.locale)
        : describeUnreadable('check-failed', err instanceof Error ? err.message.split('\n')[0].slice(0, 120) : String(err), settings.locale);
    return { report: { path: shown, status: 'unreadable', error, sheets: [] }, makeCopy: null };
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
  if (!annotate || !recognised) return { report, makeCopy: null };
  // a held copy keeps the plans and the bytes, not the grids, items and issues
  const plans = checks.map(({ name, check }) => ({ name, check: { template: check.template, plan: check.plan } }));
  const makeCopy = async (): Promise<CopyResult> => {
    try {
      // the patcher is loaded only by a worker that writes copies (--out)
      const { annotatedParts } = await import('./annotate');
      return { annotated: annotatedParts(bytes, plans), copyProblem: null };
    } catch (err) {
      return { annotated: null, copyProblem: copyProblemOf(err, settings.locale) };
    }
  };
  return { report, makeCopy };
}

/**
 * What the task pane and the ribbon do with the workbook: check the active sheet, take the flags
 * away, go to a cell. Each is one Excel.run, retried while a person is typing in a cell.
 */
import { checkSheet } from '../../engine';
import type { SheetCheck } from '../../engine/types';
import { type CheckRunOptions, type CheckRunResult, checkInContext } from './checkPipeline';
import { type ClearOptions, type ClearResult, clearFlags } from './clearFlags';
import { officeLocale } from './requirements';
import { type RetryOptions, runWithRetry } from './runWithRetry';
import { Session } from './session';
import { buildSummarySheet, type SummaryRunOptions, type SummaryRunResult } from './summarySheet';

export interface CheckActiveSheetOptions extends CheckRunOptions {
  retry?: RetryOptions;
}

export interface CheckActiveSheetResult extends CheckRunResult {
  check: SheetCheck;
  /** context.sync() calls the check made (the last, successful attempt). */
  syncs: number;
}

/** Reads the active sheet (or options.sheetName), checks it, and marks the outcome on it. */
export async function checkActiveSheet(options: CheckActiveSheetOptions): Promise<CheckActiveSheetResult> {
  const { retry, ...run } = options;
  return runWithRetry((context) => checkInContext(context, checkSheet, run), retry);
}

export interface ClearActiveSheetOptions extends ClearOptions {
  retry?: RetryOptions;
}

export interface ClearActiveSheetResult extends ClearResult {
  /** All syncs of the clear (state lookup included). */
  totalSyncs: number;
}

/** Takes every flag, note, computed value and style of an earlier check off the active sheet. */
export async function clearActiveSheetFlags(options: ClearActiveSheetOptions = {}): Promise<ClearActiveSheetResult> {
  const { retry, ...clear } = options;
  return runWithRetry(async (context) => {
    const session = new Session(context);
    const result = await clearFlags(session, clear);
    return { ...result, totalSyncs: session.syncs };
  }, retry);
}

/**
 * The pane's "go to cell": activates the sheet and selects the cell. `address` is "E6" or
 * "Sheet!E6"; `sheetName` (else the address's sheet, else the active sheet) says where.
 */
export async function selectCell(address: string, options: { sheetName?: string; retry?: RetryOptions } = {}): Promise<void> {
  let sheetName = options.sheetName;
  let local = address;
  const bang = address.lastIndexOf('!');
  if (bang >= 0) {
    local = address.slice(bang + 1);
    sheetName ??= address.slice(0, bang).replace(/^'(.*)'$/, '$1').replace(/''/g, "'");
  }
  await runWithRetry(async (context) => {
    const worksheets = context.workbook.worksheets;
    const sheet = sheetName ? worksheets.getItem(sheetName) : worksheets.getActiveWorksheet();
    sheet.activate();
    sheet.getRange(local).select();
    await context.sync();
  }, options.retry);
}

/** Today in the local time zone, YYYY-MM-DD (a Japanese office's "today", not UTC's). */
export function localIsoDate(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Ribbon ［チェック］: checks the active sheet as of today, in Office's display language. */
export async function checkActiveSheetCommand(): Promise<CheckActiveSheetResult> {
  const result = await checkActiveSheet({ asOf: localIsoDate(), locale: officeLocale() });
  // Where the person looks first: the first issue's cell (a failure here must not hide the result).
  const first = result.check.issues[0];
  if (first) await selectCell(first.cell, { sheetName: result.sheetName }).catch(() => undefined);
  return result;
}

/** Ribbon ［集計シート］: checks every sheet of the workbook and writes the summary sheet, as of today. */
export async function buildSummaryCommand(): Promise<SummaryRunResult> {
  return buildSummary({ asOf: localIsoDate(), locale: officeLocale() });
}

/** The summary sheet (by department, by sheet, every issue) for the whole workbook. */
export async function buildSummary(options: SummaryRunOptions & { retry?: RetryOptions }): Promise<SummaryRunResult> {
  const { retry, ...run } = options;
  return runWithRetry((context) => buildSummarySheet(context, run), retry);
}

/**
 * 「提出ブックを取り込む」 (issue 10, part 5) and the returns in the pane (issue 11): submitted
 * workbooks the reform office picks are read here, inside the pane, with the command line's own
 * reader and engine (nothing is uploaded; nothing leaves the PC), one file at a time so that only
 * one workbook's bytes are held at once. The consolidated summary (the engine's layout, as
 * `--summary` writes it) and, when asked, one returns sheet per department (as `--returns`) are
 * written into the open workbook as sheets of their own.
 */
import {
  checkSheet,
  DEFAULT_GRADE_SCALE,
  issueLines,
  mergeConfig,
  returnTable,
  summaryTable,
  UNKNOWN_DEPARTMENT,
  type Config,
  type IssueLine,
  type Locale,
  type SummaryInput,
  type SummaryTable,
} from '../../engine';
import { readWorkbook } from '../xlsx/readWorkbook';
import { describeUnreadable, UnreadableWorkbookError } from '../xlsx/unreadable';
import { readWorkbookSettings } from '../xlsx/workbookSettings';
import { type RetryOptions, runWithRetry } from './runWithRetry';
import { Session } from './session';
import { SettingsReader } from './workbookSettings';
import { type LayoutSheet, TITLE_PROBE, titleStartOf, writeLayoutSheets } from './summarySheet';

/** One picked file: its name, and its bytes when asked for (a File in the pane). */
export interface SubmissionSource {
  name: string;
  read(): Promise<Uint8Array>;
}

/** One submission as checked: what the summary and the returns need of it, and no bytes. */
export interface CheckedSubmission {
  file: string;
  /** As the command line's report says: ok, unrecognized (no sheet could be checked) or unreadable. */
  status: 'ok' | 'unrecognized' | 'unreadable';
  /** Why it could not be read, in one line (the locale's language). */
  error: string | null;
  sheets: (SummaryInput & { templateName: string | null })[];
  /** The file's own saved settings could not be read (the check went on without them). */
  settingsProblem: string | null;
}

export interface ImportOptions {
  asOf: string;
  locale: Locale;
  /**
   * Settings applied over each file's own (as the command line's --config). Default: those saved
   * in the open workbook (the reform office's grade scale, department list…), if any.
   */
  config?: Config;
  /** Also write one returns sheet per department. */
  returns?: boolean;
  /** Before each file (done = files finished so far, name = the file now read) and once at the end (name null). */
  onProgress?: (done: number, total: number, name: string | null) => void;
  retry?: RetryOptions;
}

export interface ImportResult {
  files: CheckedSubmission[];
  summarySheet: string;
  returnSheets: string[];
  syncs: number;
}

/**
 * One submission's bytes → its checked sheets, as the command line checks a file (the file's own
 * settings under the configuration, the department inferred from the file name). Never throws:
 * a file that cannot be read is one line.
 */
export async function checkSubmission(file: string, bytes: Uint8Array, options: Pick<ImportOptions, 'asOf' | 'locale' | 'config'>): Promise<CheckedSubmission> {
  const { asOf, locale } = options;
  try {
    const sheets = await readWorkbook(bytes);
    const own = readWorkbookSettings(bytes, locale);
    const settings = own?.ok ? own.settings : null;
    const config = mergeConfig(settings?.config, options.config);
    const checked = sheets.map((s) => {
      const check = checkSheet(s.grid, { asOf, config, locale, sheetName: s.name, fileName: file, plan: false, acknowledgements: settings?.acknowledgements });
      return {
        file,
        sheet: s.name,
        template: check.template,
        templateName: check.templateName,
        rows: check.rows,
        issues: check.issues,
        fiscalYear: check.fiscalYear,
      };
    });
    return {
      file,
      status: checked.some((s) => s.template !== null) ? 'ok' : 'unrecognized',
      error: null,
      sheets: checked,
      settingsProblem: own && !own.ok ? own.problem : null,
    };
  } catch (err) {
    const error =
      err instanceof UnreadableWorkbookError
        ? err.describe(locale)
        : describeUnreadable('check-failed', err instanceof Error ? err.message.split('\n')[0].slice(0, 120) : String(err), locale);
    return { file, status: 'unreadable', error, sheets: [], settingsProblem: null };
  }
}

/** The consolidated summary of the submissions: the layout `--summary` writes. */
export function importSummary(files: CheckedSubmission[], options: Pick<ImportOptions, 'asOf' | 'locale' | 'config'>): SummaryTable {
  return summaryTable({
    asOf: options.asOf,
    locale: options.locale,
    gradeScale: options.config?.gradeScale ?? DEFAULT_GRADE_SCALE,
    unrecognizedFiles: files.filter((f) => f.status === 'unrecognized').length,
    sheets: files.flatMap((f) => f.sheets),
    skipped: files.filter((f) => f.status === 'unreadable').map((f) => ({ file: f.file, reason: f.error ?? '' })),
  });
}

/** The deadline on a returns sheet's cover line: a week after the as-of date (as `--returns`). */
export function returnsDue(asOf: string): string {
  const date = new Date(`${asOf}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 7);
  return date.toISOString().slice(0, 10);
}

/** One returns layout per department with issues, named departments first, the no-department bucket last. */
export function importReturns(files: CheckedSubmission[], options: Pick<ImportOptions, 'asOf' | 'locale'>): { department: string; table: SummaryTable }[] {
  const lines = issueLines(
    files.flatMap((f) => f.sheets),
    options.locale,
  );
  const unknown = UNKNOWN_DEPARTMENT[options.locale];
  const departments = [...new Set(lines.map((l) => l.department))].sort(
    (a, b) => Number(a === unknown) - Number(b === unknown) || a.localeCompare(b, 'ja'),
  );
  const byDepartment = new Map<string, IssueLine[]>();
  for (const l of lines) byDepartment.set(l.department, [...(byDepartment.get(l.department) ?? []), l]);
  const due = returnsDue(options.asOf);
  return departments.map((department) => ({
    department,
    table: returnTable({ department, asOf: options.asOf, due, issues: byDepartment.get(department) ?? [], locale: options.locale }),
  }));
}

/** The configuration saved in the open workbook (settings view), or undefined; a damaged part is passed over. */
async function openWorkbookConfig(retry?: RetryOptions): Promise<Config | undefined> {
  const read = await runWithRetry((context) => new SettingsReader(new Session(context)).ready(), retry);
  return read.settings?.config;
}

/** Lets the pane paint its progress between two files (each check runs without a pause). */
function nextFrame(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Reads and checks each picked file in turn (in name order, as the command line lists a folder),
 * then writes the summary sheet (and the returns sheets) into the open workbook.
 */
export async function importSubmissions(sources: SubmissionSource[], given: ImportOptions): Promise<ImportResult> {
  const options = given.config ? given : { ...given, config: await openWorkbookConfig(given.retry) };
  const ordered = [...sources].sort((a, b) => a.name.localeCompare(b.name, 'ja'));
  const files: CheckedSubmission[] = [];
  for (const [i, source] of ordered.entries()) {
    options.onProgress?.(i, ordered.length, source.name);
    await nextFrame();
    // the bytes live only inside this step: the next file is read after they are let go
    const checked = await source.read().then(
      (bytes) => checkSubmission(source.name, bytes, options),
      (err: unknown): CheckedSubmission => {
        const detail = err instanceof Error ? err.message.split('\n')[0].slice(0, 80) : String(err);
        return { file: source.name, status: 'unreadable', error: describeUnreadable('io', detail, options.locale), sheets: [], settingsProblem: null };
      },
    );
    files.push(checked);
  }
  options.onProgress?.(ordered.length, ordered.length, null);

  const summary = importSummary(files, options);
  const layouts: LayoutSheet[] = [{ table: summary, baseName: summary.name, titleStart: titleStartOf(importSummary([], { ...options, asOf: TITLE_PROBE })) }];
  if (options.returns) {
    for (const { department, table } of importReturns(files, options)) {
      const probe = returnTable({ department, asOf: TITLE_PROBE, due: '', issues: [], locale: options.locale });
      layouts.push({ table, baseName: `${table.name}_${department}`, titleStart: titleStartOf(probe) });
    }
  }
  const written = await runWithRetry(async (context) => {
    const session = new Session(context);
    const names = await writeLayoutSheets(session, layouts);
    return { names, syncs: session.syncs };
  }, options.retry);
  return { files, summarySheet: written.names[0], returnSheets: written.names.slice(1), syncs: written.syncs };
}

import { promises as fs } from 'fs';
import * as path from 'path';
// the engine's modules one by one, not its index: the main thread only reads, prints and writes,
// and loading the whole engine here would delay the workers' start
import { DEFAULT_GRADE_SCALE, parseConfig, type Config } from '../engine/config';
import { compareRounds, type Round, type RoundComparison } from '../engine/rounds';
import { gradeColumns } from '../engine/summary';
import { copyProblemOf } from '../hosts/xlsx/patch/errors';
import type { PackageEdits } from '../hosts/xlsx/patch/packageBytes';
import { describeUnreadable } from '../hosts/xlsx/unreadable';
import { parseArgs, type CheckCommand } from './args';
import type { CheckSettings } from './checkWorkbook';
import { collectInputs, type InputFile } from './collect';
import { cliText, localeOfArgs, type CliText } from './messages';
import { commonFolder, copyRelativePath, OutputRefused, planOutputs, settleOutputsAgainstInputs, type OutputPlan } from './outputs';
import { CheckPool, DEFAULT_LIMITS, type FileLimits, type PoolResult } from './pool';
import { formatFile, formatTotals } from './printReport';
import { loadPreviousRound, PreviousRoundError, roundOf } from './previous';
import { readInput } from './readInput';
import { JsonReportWriter } from './jsonReport';
import { ProgressBar } from './progress';
import { addToTotals, emptyTotals, exitStatus, type FileReport, type JsonReport } from './report';
import { makeFoldersBelow, removePendingTemporaries, UnsafeOutputError, writeAtomically } from './safeWrite';

/** Thrown for misuse the person can fix (a bad config file, an output on an input): exit 2, one line. */
class UsageError extends Error {}

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  /** Present when standard error is a terminal: where the progress line is drawn. */
  terminal?: { write: (raw: string) => void; columns: number };
}

/** Knobs for tests: smaller per-file limits, a fixed number of workers. */
export interface RunOptions {
  limits?: Partial<FileLimits>;
  workers?: number;
}

/** `progress-sheet` entry point. Returns the exit status; never throws, never prints a stack. */
export async function main(argv: string[], io: Io = defaultIo(), options: RunOptions = {}): Promise<number> {
  const parsed = parseArgs(argv);
  const t = cliText(localeOfArgs(argv));
  if (parsed.kind === 'help') {
    io.out(t.usage);
    return 0;
  }
  if (parsed.kind === 'version') {
    io.out(await version());
    return 0;
  }
  if (parsed.kind === 'error') {
    io.err(`progress-sheet: ${parsed.message}\n${t.seeHelp}`);
    return 2;
  }
  if (parsed.kind === 'profile') {
    const { runProfile } = await import('./profileCommand');
    return runProfile(parsed.command, io);
  }
  const stopOnSignal = interruptHandler(io, cliText(parsed.command.locale));
  try {
    return await runCheck(parsed.command, io, options);
  } catch (err) {
    const message = err instanceof UsageError ? err.message : t.unexpected(err instanceof Error ? err.message : String(err));
    io.err(`progress-sheet: ${message}`);
    return 2;
  } finally {
    stopOnSignal();
  }
}

/**
 * Ctrl-C or a kill while copies are written: remove every temporary file, so no partial file is
 * left under any name, then exit as interrupted (130, or 143 for SIGTERM).
 */
function interruptHandler(io: Io, t: CliText): () => void {
  const handlers: [NodeJS.Signals, () => void][] = (['SIGINT', 'SIGTERM'] as const).map((signal) => [
    signal,
    () => {
      removePendingTemporaries();
      io.err(`progress-sheet: ${t.interrupted}`);
      process.exit(signal === 'SIGINT' ? 130 : 143);
    },
  ]);
  for (const [signal, handler] of handlers) process.on(signal, handler);
  return () => {
    for (const [signal, handler] of handlers) process.off(signal, handler);
  };
}

async function runCheck(command: CheckCommand, io: Io, options: RunOptions): Promise<number> {
  const t = cliText(command.locale);
  const configData = command.configPath ? await loadConfig(command.configPath, t) : null;
  const plan = await planOrRefuse(command, t);
  const common = commonFolder(command.inputs);
  const inputs = await settleOrRefuse(plan, await collectInputs(command.inputs, { skip: plan.skip }), common, t);
  const toStdout = command.jsonPath === '-';
  const say = (line: string) => (toStdout ? io.err(line) : io.out(line));
  // what each item reported is read by the JSON report and the comparison with a previous round only
  const entries = Boolean(command.jsonPath || command.previousPath);
  const settings: CheckSettings = { asOf: command.asOf, locale: command.locale, configData, configName: command.configPath, entries };
  if (command.returnsDir) await refuseReturnsOnInputs(command, t);
  // the previous round is read first: a wrong path is one line before any workbook is checked
  const previous = command.previousPath ? await previousOrRefuse(command.previousPath, settings, options, t) : null;
  // items kept for returns, a comparison or the JSON report beside a summary come whole; for a
  // summary alone, cut to what it reads; for the JSON report alone as bytes, read once; otherwise
  // only their number (printing counts them)
  const whole = command.returnsDir || previous || (command.summaryPath && command.jsonPath);
  const rows = whole ? 'objects' : command.summaryPath ? 'summary' : command.jsonPath ? 'packed' : 'count';
  const json = command.jsonPath ? await openJson(command.jsonPath === '-' ? null : (plan.jsonPath as string), command, io, t) : null;
  // a progress line only where a person watches a terminal, and never into a JSON stream
  const progress = io.terminal && !toStdout ? new ProgressBar(io.terminal.write, inputs.length, command.locale, io.terminal.columns, plan.outDir ? 2 : 1) : null;
  // made after the last refusal: its workers start at once, and only close() ends them
  const pool = new CheckPool(settings, { ...DEFAULT_LIMITS, ...options.limits }, options.workers, { rows, expected: inputs.filter((i) => !i.problem).length, started: (shown) => progress?.started(shown) });
  const totals = emptyTotals();
  const gradeScale = configData ? parseConfig(configData, command.configPath ?? 'config').gradeScale : undefined;
  // the summary's writer is loaded only when a summary is asked for
  const summary = command.summaryPath ? new (await import('./summary')).SummaryWorkbook(command.asOf, { locale: command.locale, target: plan.summaryPath as string, gradeScale }) : null;
  // returns and a comparison need every file's rows and issues; otherwise each report is let go once written
  const keep = Boolean(command.returnsDir || previous);
  const kept: FileReport[] = [];
  let copyFailures = 0;
  // the summary takes each report as it arrives (in input order), not waiting for the copies; once
  // every report is in, it is written while the workers still make the copies (a comparison with
  // a previous round needs every report kept, and waits for the end)
  let summaryWrite: Promise<Outcome> | null = null;
  let summarised: Promise<Outcome> = Promise.resolve({ ok: true });
  let added = 0;
  const toSummary = inOrder<FileReport>(async (report) => {
    if (!summary) return;
    summary.add(report);
    if (++added === inputs.length && !previous) summaryWrite = outcomeOf(writeOutput(plan.summaryPath as string, summary.bytes(null), command.summaryPath as string, t));
  });
  try {
    const printer = inOrder<FileReport>(async (report) => {
      addToTotals(totals, report);
      if (keep) kept.push(report);
      if (!command.quiet) {
        const lines = formatFile(report, command.locale, { explain: command.explain });
        if (progress) progress.above(() => lines.forEach(say));
        else lines.forEach(say);
      }
      await json?.add(report);
    });
    await Promise.all(
      inputs.map(async (input, index) => {
        const { report, copy } = await checkInput(input, pool, settings, plan.outDir !== null);
        if (plan.outDir) progress?.checked();
        summarised = outcomeOf(toSummary(index, report));
        const { annotated, copyProblem } = await copy;
        // the copy's zip is made here, while the worker goes on with the next copy
        const made = plan.outDir && annotated ? await copyBytes(annotated, command.locale) : null;
        const problem = made && 'problem' in made ? made.problem : copyProblem;
        if (plan.outDir && made && 'bytes' in made) {
          const written = await writeCopy(plan.outDir, common, input, made.bytes, t);
          if (written) {
            report.copyError = written;
            copyFailures++;
          }
        } else if (plan.outDir && problem) {
          report.copyError = t.copyRefused(problem);
          copyFailures++;
        }
        progress?.finished();
        await printer(index, report);
      }),
    );
  } catch (err) {
    await json?.abort();
    throw err;
  } finally {
    progress?.clear();
    await pool.close();
  }
  if (inputs.length === 0) say(t.noWorkbooks);
  say(formatTotals({ asOf: command.asOf, totals }, command.locale));
  const report: JsonReport = { asOf: command.asOf, files: kept, totals };
  const comparison = previous ? compareWith(previous, report, gradeScale, command.locale) : null;
  if (comparison) {
    const c = comparison;
    say(t.previousCompared(c.previousAsOf, c.gradesFallen.length, c.changedEntries.length, c.added.length, c.removed.length, c.departmentErrorsRose.length));
  }
  await json?.close(totals, comparison ? { previousRound: comparison } : {});
  const adding = await summarised;
  if (!adding.ok) throw adding.error;
  if (summary && command.summaryPath) {
    const written = await (summaryWrite ?? outcomeOf(writeOutput(plan.summaryPath as string, summary.bytes(comparison), command.summaryPath, t)));
    if (!written.ok) throw written.error;
  }
  if (command.returnsDir) say(await writeReturnsOrRefuse(command.returnsDir, report, inputs, command.locale, t));
  return copyFailures > 0 ? 2 : exitStatus({ totals });
}

/** --returns must not be, or lie inside, an input folder: the same rule as --out. */
async function refuseReturnsOnInputs(command: CheckCommand, t: CliText): Promise<void> {
  try {
    await planOutputs(command.inputs, { outDir: command.returnsDir, summaryPath: null, jsonPath: null });
  } catch (err) {
    if (err instanceof OutputRefused && err.refusal.kind === 'out-is-input') throw new UsageError(t.returnsIsInput(command.returnsDir as string, err.refusal.input));
    throw err;
  }
}

async function writeReturnsOrRefuse(dir: string, report: JsonReport, inputs: InputFile[], locale: 'ja' | 'en', t: CliText): Promise<string> {
  const { returnDepartments, returnsClobbering, writeReturns } = await import('./returns');
  const clobbered = returnsClobbering(dir, returnDepartments(report, locale), inputs, locale);
  if (clobbered) throw new UsageError(t.returnsClobbers(dir, clobbered));
  try {
    return t.returnsWritten((await writeReturns(dir, report, locale)).length, dir);
  } catch (err) {
    if (err instanceof UnsafeOutputError) throw new UsageError(t.unsafeOutput(err.target, err.why));
    throw new UsageError(t.cannotWrite(dir));
  }
}

async function previousOrRefuse(target: string, settings: CheckSettings, options: RunOptions, t: CliText): Promise<Round> {
  try {
    return await loadPreviousRound(target, settings.asOf, (folder, asOf) => checkPreviousFolder(folder, { ...settings, asOf }, options));
  } catch (err) {
    if (err instanceof PreviousRoundError) throw new UsageError(err.kind === 'unreadable' ? t.previousUnreadable(target) : t.previousNotReport(target));
    throw err;
  }
}

/** The previous round's folder, checked like the inputs (in a pool of its own) as of its own date. */
async function checkPreviousFolder(folder: string, settings: CheckSettings, options: RunOptions): Promise<FileReport[]> {
  const pool = new CheckPool(settings, { ...DEFAULT_LIMITS, ...options.limits }, options.workers);
  try {
    const inputs = await collectInputs([folder], { skip: [] });
    return await Promise.all(inputs.map(async (input) => (await checkInput(input, pool, settings, false)).report));
  } finally {
    await pool.close();
  }
}

function compareWith(previous: Round, report: JsonReport, gradeScale: Config['gradeScale'], locale: 'ja' | 'en'): RoundComparison {
  const current = roundOf(report);
  const grades = gradeColumns(gradeScale ?? DEFAULT_GRADE_SCALE, [...previous.sheets, ...current.sheets]);
  return compareRounds(previous, current, grades, locale);
}

async function openJson(target: string | null, command: CheckCommand, io: Io, t: CliText): Promise<JsonReportWriter> {
  try {
    if (target) await fs.mkdir(path.dirname(target), { recursive: true });
    return await JsonReportWriter.open(target, io.out, command.asOf);
  } catch (err) {
    if (err instanceof UnsafeOutputError) throw new UsageError(t.unsafeOutput(command.jsonPath as string, err.why));
    throw new UsageError(t.cannotWrite(command.jsonPath as string));
  }
}

async function planOrRefuse(command: CheckCommand, t: CliText): Promise<OutputPlan> {
  try {
    return await planOutputs(command.inputs, command);
  } catch (err) {
    if (err instanceof OutputRefused) throw new UsageError(t.refused(err.refusal));
    throw err;
  }
}

async function settleOrRefuse(plan: OutputPlan, inputs: InputFile[], common: string, t: CliText): Promise<InputFile[]> {
  try {
    return await settleOutputsAgainstInputs(plan, inputs, common);
  } catch (err) {
    if (err instanceof OutputRefused) throw new UsageError(t.refused(err.refusal));
    throw err;
  }
}

/** One input: its problem if it has one, else its bytes checked in the pool. */
async function checkInput(input: InputFile, pool: CheckPool, settings: CheckSettings, annotate: boolean): Promise<PoolResult> {
  const unreadable = (reason: Parameters<typeof describeUnreadable>[0], detail = ''): PoolResult => ({
    report: { path: input.shown, status: 'unreadable', error: describeUnreadable(reason, detail, settings.locale), sheets: [] },
    copy: Promise.resolve({ annotated: null, copyProblem: null }),
  });
  if (input.problem) return unreadable(input.problem.kind, input.problem.detail);
  if (/\.xls$/i.test(input.shown)) return unreadable('legacy-xls');
  const read = await readInput(input.fsPath);
  if (!read.ok) return unreadable(read.reason, read.detail);
  return pool.check(input.shown, read.bytes, annotate);
}

/** A copy's parts → its bytes, or why it cannot be made (the zip writer is loaded only with --out). */
async function copyBytes(parts: PackageEdits, locale: 'ja' | 'en'): Promise<{ bytes: Uint8Array } | { problem: string }> {
  const { editedPackageBytes } = await import('../hosts/xlsx/patch/packageBytes');
  try {
    return { bytes: editedPackageBytes(parts) };
  } catch (err) {
    return { problem: copyProblemOf(err, locale) };
  }
}

/** Write one annotated copy below the out folder, mirroring the input's path; a problem is one line. */
async function writeCopy(outDir: string, common: string, input: InputFile, bytes: Uint8Array, t: CliText): Promise<string | null> {
  const relative = copyRelativePath(common, input.root, input.relative);
  const sep = Buffer.from(path.sep);
  const cut = relative.lastIndexOf(sep);
  const folder = cut >= 0 ? relative.subarray(0, cut) : Buffer.alloc(0);
  const name = cut >= 0 ? relative.subarray(cut + 1) : relative;
  try {
    const dir = await makeFoldersBelow(outDir, folder);
    await writeAtomically(Buffer.concat([dir, sep, name]), bytes);
    return null;
  } catch (err) {
    if (err instanceof UnsafeOutputError) return t.unsafeOutput(err.target, err.why);
    return t.copyNotWritten((err as NodeJS.ErrnoException).code ?? String(err));
  }
}

/** A promise's outcome, held until it is looked at (its failure is no unhandled rejection meanwhile). */
type Outcome = { ok: true } | { ok: false; error: unknown };

function outcomeOf(work: Promise<unknown>): Promise<Outcome> {
  return work.then(
    (): Outcome => ({ ok: true }),
    (error: unknown): Outcome => ({ ok: false, error }),
  );
}

/** Hand reports on in input order while files finish in any order (one at a time, awaited). */
function inOrder<T>(emit: (item: T) => Promise<void>): (index: number, item: T) => Promise<void> {
  const ready = new Map<number, T>();
  let next = 0;
  let chain = Promise.resolve();
  return (index, item) => {
    ready.set(index, item);
    chain = chain.then(async () => {
      while (ready.has(next)) {
        const current = ready.get(next) as T;
        ready.delete(next);
        next++;
        await emit(current);
      }
    });
    return chain;
  };
}

/** Read and validate --config now, so a bad file is one line before any workbook is opened. */
async function loadConfig(file: string, t: CliText): Promise<unknown> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch {
    throw new UsageError(t.configUnreadable(file));
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new UsageError(t.configNotJson(file, err instanceof Error ? err.message : ''));
  }
  try {
    parseConfig(data, file);
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
  return data;
}

async function writeOutput(target: string, content: string | Uint8Array, given: string, t: CliText): Promise<void> {
  try {
    await fs.mkdir(path.dirname(target), { recursive: true });
    await writeAtomically(target, content);
  } catch (err) {
    if (err instanceof UnsafeOutputError) throw new UsageError(t.unsafeOutput(given, err.why));
    throw new UsageError(t.cannotWrite(given));
  }
}

async function version(): Promise<string> {
  const pkg = JSON.parse(await fs.readFile(path.join(__dirname, '../../../package.json'), 'utf8')) as { version: string };
  return `progress-sheet ${pkg.version}`;
}

function defaultIo(): Io {
  const io: Io = { out: (s: string) => process.stdout.write(`${s}\n`), err: (s: string) => process.stderr.write(`${s}\n`) };
  if (process.stderr.isTTY) io.terminal = { write: (raw) => process.stderr.write(raw), columns: process.stderr.columns || 80 };
  return io;
}

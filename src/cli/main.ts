import { promises as fs } from 'fs';
import * as path from 'path';
import { checkSheet, parseConfig, type Config } from '../engine';
import { readWorkbook } from '../hosts/xlsx/readWorkbook';
import { describeUnreadable, UnreadableWorkbookError, type UnreadableReason } from '../hosts/xlsx/unreadable';
import { parseArgs, type CheckCommand } from './args';
import { cliText, localeOfArgs, type CliText } from './messages';
import { collectInputs } from './collect';
import { formatFile, formatTotals } from './printReport';
import { exitStatus, sheetReport, totalsOf, type FileReport, type JsonReport } from './report';
import { writeAnnotatedCopy } from './annotate';
import { writeSummaryWorkbook } from './summary';

/** Thrown for misuse the person can fix (a bad config file, an unwritable path): exit 2, one line. */
class UsageError extends Error {}

/** `progress-sheet` entry point. Returns the exit status; never throws, never prints a stack. */
export async function main(argv: string[], io: { out: (s: string) => void; err: (s: string) => void } = defaultIo()): Promise<number> {
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
  try {
    return await runCheck(parsed.command, io);
  } catch (err) {
    const message = err instanceof UsageError ? err.message : t.unexpected(err instanceof Error ? err.message : String(err));
    io.err(`progress-sheet: ${message}`);
    return 2;
  }
}

async function runCheck(command: CheckCommand, io: { out: (s: string) => void; err: (s: string) => void }): Promise<number> {
  const config = command.configPath ? await loadConfig(command.configPath, cliText(command.locale)) : undefined;
  const inputs = await collectInputs(command.inputs);
  const files: FileReport[] = [];
  const toStdout = command.jsonPath === '-';
  const say = (line: string) => (toStdout ? io.err(line) : io.out(line));
  if (command.outDir) await fs.mkdir(command.outDir, { recursive: true });
  for (const input of inputs) {
    const file = await checkFile(input.path, input.missing === true, command, config);
    files.push(file.report);
    if (!command.quiet) for (const line of formatFile(file.report, command.locale)) say(line);
    if (command.outDir && file.bytes && file.report.status === 'ok') {
      const target = path.join(command.outDir, annotatedName(input.path, command.inputs));
      await writeAnnotatedCopy(file.bytes, file.checks, target);
    }
  }
  if (inputs.length === 0) say(cliText(command.locale).noWorkbooks);
  const report: JsonReport = { asOf: command.asOf, files, totals: totalsOf(files) };
  say(formatTotals(report, command.locale));
  if (command.jsonPath) {
    const json = `${JSON.stringify(report, null, 2)}\n`;
    if (toStdout) io.out(json.trimEnd());
    else await writeFile(command.jsonPath, json, cliText(command.locale));
  }
  if (command.summaryPath) await writeSummaryWorkbook(report, command.summaryPath, command.locale);
  return exitStatus(report);
}

interface CheckedFile {
  report: FileReport;
  bytes: Uint8Array | null;
  checks: { name: string; check: ReturnType<typeof checkSheet> }[];
}

async function checkFile(filePath: string, missing: boolean, command: CheckCommand, config: Config | undefined): Promise<CheckedFile> {
  const shown = filePath.split(path.sep).join('/');
  const unreadable = (reason: UnreadableReason, detail = ''): CheckedFile => ({
    report: { path: shown, status: 'unreadable', error: describeUnreadable(reason, detail, command.locale), sheets: [] },
    bytes: null,
    checks: [],
  });
  if (missing) return unreadable('missing');
  if (/\.xls$/i.test(filePath)) return unreadable('legacy-xls');
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(filePath);
  } catch (err) {
    return unreadable('io', (err as NodeJS.ErrnoException).code ?? 'I/O');
  }
  try {
    const sheets = await readWorkbook(bytes);
    const checks = sheets.map((s) => ({
      name: s.name,
      check: checkSheet(s.grid, { asOf: command.asOf, config, locale: command.locale, sheetName: s.name }),
    }));
    return {
      report: { path: shown, status: 'ok', error: null, sheets: checks.map((c) => sheetReport(c.name, c.check)) },
      bytes,
      checks,
    };
  } catch (err) {
    if (err instanceof UnreadableWorkbookError) return unreadable(err.reason, err.detail);
    return unreadable('check-failed', err instanceof Error ? err.message.split('\n')[0] : String(err));
  }
}

/** The annotated copy keeps the file's path below the folder it came from, so names never clash. */
function annotatedName(filePath: string, inputs: string[]): string {
  for (const input of inputs) {
    const rel = path.relative(input, filePath);
    if (rel && !rel.startsWith('..') && !path.isAbsolute(rel)) return rel;
  }
  return path.basename(filePath);
}

async function loadConfig(file: string, t: CliText): Promise<Config> {
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
    return parseConfig(data, file);
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
}

async function writeFile(file: string, content: string, t: CliText): Promise<void> {
  try {
    await fs.mkdir(path.dirname(path.resolve(file)), { recursive: true });
    await fs.writeFile(file, content, 'utf8');
  } catch {
    throw new UsageError(t.cannotWrite(file));
  }
}

async function version(): Promise<string> {
  const pkg = JSON.parse(await fs.readFile(path.join(__dirname, '../../../package.json'), 'utf8')) as { version: string };
  return `progress-sheet ${pkg.version}`;
}

function defaultIo() {
  return { out: (s: string) => process.stdout.write(`${s}\n`), err: (s: string) => process.stderr.write(`${s}\n`) };
}

/**
 * npm run bench: figures, not assertions. Every ratio is against a baseline measured in the same
 * run (these machines are noisy), in interleaved pairs whose median is reported:
 *   - the engine alone (cells per second) on a 20,000-row sheet;
 *   - the workbook reader against merely loading the file with ExcelJS;
 *   - the whole command on one 20,000-row workbook against that ExcelJS load (target ≤ 0.6);
 *   - 60 department workbooks with --out and --summary against loading them all with ExcelJS
 *     (target ≤ 1.0), with the number of workers;
 *   - both again as people run them: the compiled command and a script that loads the same files
 *     with ExcelJS, each a process of its own (in one process the baseline's code is already
 *     compiled and optimised by the earlier pairs, while each command starts cold workers);
 *   - the 60 again with --summary alone, as processes: the annotated copies' share of the time;
 *   - the peak memory of an 80,000-row check in a process of its own (target < 500 MB);
 *   - the Office.js host through the in-memory double: syncs and request sizes.
 */
import { spawn, spawnSync } from 'child_process';
import { existsSync, promises as fs, readdirSync, statSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { main } from '../src/cli/main';
import { defaultPoolSize } from '../src/cli/pool';
import { checkSheet } from '../src/engine';
import { readWorkbook } from '../src/hosts/xlsx/readWorkbook';
import { loadExcelWorkbook } from '../tests/helpers/excelJsGrid';
import { generateWorkbook } from './generateSheet';

const ROOT = path.resolve(__dirname, '..');
const AS_OF = '2025-10-15';
const PAIRS = 5;
const silent = { out: () => undefined, err: () => undefined };

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function time(fn: () => Promise<unknown> | unknown): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

/** Baseline and measured side in interleaved pairs; the median ratio and its range. */
async function pairs(baseline: () => Promise<unknown>, measured: () => Promise<unknown>, count = PAIRS) {
  const rows: { base: number; value: number }[] = [];
  for (let i = 0; i < count; i++) rows.push({ base: await time(baseline), value: await time(measured) });
  return medianRatio(rows);
}

/** The medians of both sides, and the median, lowest and highest ratio of the pairs. */
function medianRatio(rows: { base: number; value: number }[]) {
  const ratios = rows.map((r) => r.value / r.base).sort((a, b) => a - b);
  return { base: median(rows.map((r) => r.base)), value: median(rows.map((r) => r.value)), ratio: median(ratios), low: ratios[0], high: ratios[ratios.length - 1] };
}

const fmt = (ms: number) => `${ms.toFixed(0)} ms`;
const range = (p: { ratio: number; low: number; high: number }) => `${p.ratio.toFixed(2)} × (range ${p.low.toFixed(2)}–${p.high.toFixed(2)})`;

async function oneLargeWorkbook(dir: string): Promise<string[]> {
  const rows = 20_000;
  const bytes = await generateWorkbook(rows);
  const file = path.join(dir, 'large.xlsx');
  await fs.writeFile(file, bytes);
  const [sheet] = await readWorkbook(bytes);
  let cells = 0;
  for (const row of sheet.grid.values) if (row) cells += row.length;
  const engineMs = median([await time(() => checkSheet(sheet.grid, { asOf: AS_OF })), await time(() => checkSheet(sheet.grid, { asOf: AS_OF })), await time(() => checkSheet(sheet.grid, { asOf: AS_OF }))]);
  const issues = checkSheet(sheet.grid, { asOf: AS_OF }).issues.length;
  const load = () => fs.readFile(file).then((b) => loadExcelWorkbook(b));
  const reader = await pairs(load, () => fs.readFile(file).then((b) => readWorkbook(b)));
  const command = await pairs(load, () => main(['check', '--as-of', AS_OF, '--quiet', file], silent));
  const processes = await processPairs([file], ['check', '--as-of', AS_OF, '--quiet', file]);
  return [
    `engine: ${rows.toLocaleString()} rows, ${cells.toLocaleString()} cells in ${fmt(engineMs)} = ${Math.round(cells / (engineMs / 1000)).toLocaleString()} cells/s (${issues.toLocaleString()} issues)`,
    `ExcelJS load of that workbook (the baseline): ${fmt(command.base)}`,
    `workbook reader: ${fmt(reader.value)} = ${range(reader)} the ExcelJS load`,
    `check, one 20,000-row workbook, whole command: ${fmt(command.value)} = ${range(command)} the ExcelJS load (target ≤ 0.60)`,
    processes
      ? `  as processes of their own (compiled command against a script loading it with ExcelJS, ${fmt(processes.base)}): ${fmt(processes.value)} = ${range(processes)} (target ≤ 0.60)`
      : `  as processes of their own: not measured (run npm run build:cli first)`,
  ];
}

async function sixtyDepartments(dir: string): Promise<string[]> {
  const folder = path.join(dir, 'submissions');
  await fs.mkdir(folder);
  const files: string[] = [];
  for (let i = 0; i < 60; i++) {
    // 50 to 300 items, as department workbooks run
    const file = path.join(folder, `課${String(i + 1).padStart(2, '0')}.xlsx`);
    await fs.writeFile(file, await generateWorkbook(50 + ((i * 37) % 251)));
    files.push(file);
  }
  const loadAll = async () => {
    for (const file of files) await loadExcelWorkbook(await fs.readFile(file));
  };
  let n = 0;
  const command = async () => {
    const out = path.join(dir, `out-${n++}`);
    await main(['check', '--as-of', AS_OF, '--quiet', '--out', out, '--summary', path.join(out, '集計.xlsx'), folder], silent);
    await fs.rm(out, { recursive: true, force: true });
  };
  const p = await pairs(loadAll, command, 3);
  const out = path.join(dir, 'out-processes');
  const processes = await processPairs([folder], ['check', '--as-of', AS_OF, '--quiet', '--out', out, '--summary', path.join(out, '集計.xlsx'), folder], () => fs.rm(out, { recursive: true, force: true }));
  // the same batch without copies: what the annotated copies themselves cost, next to the target
  const summaryOnly = path.join(dir, 'summary-only.xlsx');
  const withoutCopies = await processPairs([folder], ['check', '--as-of', AS_OF, '--quiet', '--summary', summaryOnly, folder], () => fs.rm(summaryOnly, { force: true }));
  const workers = `${defaultPoolSize()} worker${defaultPoolSize() === 1 ? '' : 's'} on ${os.availableParallelism()} cores`;
  return [
    `60 department workbooks (50–300 items), ExcelJS load of all (the baseline): ${fmt(p.base)}`,
    `check --out --summary, 60 workbooks, ${workers}: ${fmt(p.value)} = ${range(p)} the ExcelJS load (target ≤ 1.00)`,
    processes
      ? `  as processes of their own (compiled command against a script loading them with ExcelJS, ${fmt(processes.base)}): ${fmt(processes.value)} = ${range(processes)} (target ≤ 1.00)`
      : `  as processes of their own: not measured (run npm run build:cli first)`,
    ...(withoutCopies ? [`  the same with --summary alone, no copies, as processes: ${fmt(withoutCopies.value)} = ${range(withoutCopies)} (the copies' share is the difference)`] : []),
  ];
}

/** The compiled command, or null when dist/ is missing or older than the sources. */
function compiledCommand(): string | null {
  const compiled = path.join(ROOT, 'dist/cli/cli/main.js');
  return existsSync(compiled) && statSync(compiled).mtimeMs >= newestSource() ? compiled : null;
}

/** A process's wall time, from its start to its exit. */
function runProcess(args: string[]): Promise<number> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: 'ignore' });
    child.on('error', reject);
    child.on('exit', () => resolve(performance.now() - start));
  });
}

/**
 * The compiled command (argv) against bench/loadWithExcelJs.js loading `targets`, each a process
 * of its own, in interleaved pairs; `after` tidies up after each command.
 */
async function processPairs(targets: string[], argv: string[], after?: () => Promise<unknown>) {
  const compiled = compiledCommand();
  if (!compiled) return null;
  const bin = path.join(ROOT, 'bin/progress-sheet.js');
  const rows: { base: number; value: number }[] = [];
  for (let i = 0; i < PAIRS; i++) {
    const base = await runProcess([path.join(__dirname, 'loadWithExcelJs.js'), ...targets]);
    const value = await runProcess([bin, ...argv]);
    await after?.();
    rows.push({ base, value });
  }
  return medianRatio(rows);
}

/** Peak memory of a check in a process of its own: the compiled command, as the reform office runs it. */
async function peakMemory(dir: string): Promise<string[]> {
  const compiled = compiledCommand();
  if (!compiled) return ['peak memory: not measured (run npm run build:cli first: dist/ is missing or older than src/)'];
  const rows = 80_000;
  const file = path.join(dir, 'huge.xlsx');
  await fs.writeFile(file, await generateWorkbook(rows));
  const script = `require(${JSON.stringify(compiled)}).main(process.argv.slice(1), { out() {}, err() {} }).then((code) => { console.log(JSON.stringify({ code, maxRssKb: process.resourceUsage().maxRSS })); });`;
  const run = spawnSync(process.execPath, ['-e', script, 'check', '--as-of', AS_OF, '--quiet', '--json', path.join(dir, 'huge.json'), file], { encoding: 'utf8' });
  const line = run.stdout.trim().split('\n').pop() ?? '';
  try {
    const { maxRssKb } = JSON.parse(line) as { maxRssKb: number };
    return [`peak memory, ${rows.toLocaleString()}-row check with --json: ${(maxRssKb / 1024).toFixed(0)} MB resident (target < 500 MB)`];
  } catch {
    return [`peak memory: not measured (${(run.stderr || line).split('\n')[0]})`];
  }
}

function newestSource(): number {
  let newest = 0;
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(full).mtimeMs);
    }
  };
  for (const sub of ['src/engine', 'src/hosts/xlsx', 'src/cli']) walk(path.join(ROOT, sub));
  return newest;
}

async function run(): Promise<void> {
  console.log(`Progress Sheet Checker benchmarks (node ${process.version}, ${os.cpus().length} cores, ratios are medians of interleaved pairs)`);
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'psc-bench-'));
  try {
    for (const section of [oneLargeWorkbook, sixtyDepartments, peakMemory]) {
      for (const line of await section(dir)) console.log(`  ${line}`);
    }
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
  try {
    // the Office.js host through the in-memory double: syncs and request sizes
    const { benchOfficeSyncs } = (await import('./office-syncs')) as { benchOfficeSyncs: () => Promise<string[]> };
    for (const line of await benchOfficeSyncs()) console.log(`  ${line}`);
  } catch (err) {
    console.log(`  office host: not measured (${err instanceof Error ? err.message.split('\n')[0] : String(err)})`);
  }
}

run().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});

/**
 * npm run bench: figures, not assertions. Ratios are against a baseline measured in the same run
 * (these machines are noisy): the whole command against merely loading the file with ExcelJS.
 */
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { main } from '../src/cli/main';
import { checkSheet } from '../src/engine';
import { loadExcelWorkbook, readWorkbook } from '../src/hosts/xlsx/readWorkbook';
import { generateWorkbook } from './generateSheet';

const ROWS = 20_000;
const RUNS = 3;
const PAIRS = 5;

async function median(fn: () => Promise<unknown> | unknown): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)];
}

async function benchEngineAndCommand(): Promise<string[]> {
  const bytes = await generateWorkbook(ROWS);
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'psc-bench-'));
  const file = path.join(dir, 'bench.xlsx');
  await fs.writeFile(file, bytes);
  const [sheet] = await readWorkbook(bytes);
  const cells = sheet.grid.values.reduce((n, row) => n + row.length, 0);

  const engineMs = await median(() => checkSheet(sheet.grid, { asOf: '2025-10-15' }));
  const silent = { out: () => undefined, err: () => undefined };
  // load and command measured in interleaved pairs, so that a slow spell of this shared machine
  // hits both sides of a ratio; the median ratio is reported
  const pairs: { load: number; command: number }[] = [];
  for (let i = 0; i < PAIRS; i++) {
    let start = performance.now();
    await loadExcelWorkbook(await fs.readFile(file));
    const load = performance.now() - start;
    start = performance.now();
    await main(['check', '--as-of', '2025-10-15', '--quiet', file], silent);
    pairs.push({ load, command: performance.now() - start });
  }
  const ratios = pairs.map((p) => p.command / p.load).sort((a, b) => a - b);
  const ratio = ratios[Math.floor(ratios.length / 2)];
  const loadMs = pairs.map((p) => p.load).sort((a, b) => a - b)[Math.floor(PAIRS / 2)];
  const commandMs = pairs.map((p) => p.command).sort((a, b) => a - b)[Math.floor(PAIRS / 2)];
  const check = checkSheet(sheet.grid, { asOf: '2025-10-15' });
  await fs.rm(dir, { recursive: true, force: true });
  return [
    `engine: ${ROWS.toLocaleString()} rows, ${cells.toLocaleString()} cells in ${engineMs.toFixed(0)} ms = ${Math.round(cells / (engineMs / 1000)).toLocaleString()} cells/s (${check.issues.length.toLocaleString()} issues)`,
    `load only (ExcelJS): ${loadMs.toFixed(0)} ms (median of ${PAIRS})`,
    `progress-sheet check, whole command: ${commandMs.toFixed(0)} ms; median ratio ${ratio.toFixed(2)} × load (range ${ratios[0].toFixed(2)}–${ratios[ratios.length - 1].toFixed(2)}; target < 1.20 ×, i.e. the engine adds ${((ratio - 1) * 100).toFixed(1)}%)`,
  ];
}

async function run(): Promise<void> {
  console.log(`Progress Sheet Checker benchmarks (median of ${RUNS}, node ${process.version}, ${os.cpus().length} cores)`);
  for (const line of await benchEngineAndCommand()) console.log(`  ${line}`);
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

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
  const loadMs = await median(async () => loadExcelWorkbook(await fs.readFile(file)));
  const silent = { out: () => undefined, err: () => undefined };
  const commandMs = await median(() => main(['check', '--as-of', '2025-10-15', '--quiet', file], silent));
  const check = checkSheet(sheet.grid, { asOf: '2025-10-15' });
  await fs.rm(dir, { recursive: true, force: true });
  return [
    `engine: ${ROWS.toLocaleString()} rows, ${cells.toLocaleString()} cells in ${engineMs.toFixed(0)} ms = ${Math.round(cells / (engineMs / 1000)).toLocaleString()} cells/s (${check.issues.length.toLocaleString()} issues)`,
    `load only (ExcelJS): ${loadMs.toFixed(0)} ms`,
    `progress-sheet check, whole command: ${commandMs.toFixed(0)} ms = ${(commandMs / loadMs).toFixed(2)} × load (target < 1.20 ×; engine adds ${(((commandMs - loadMs) / loadMs) * 100).toFixed(1)}%)`,
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

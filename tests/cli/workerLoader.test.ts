/**
 * The check worker started through its loader (workerLoader.ts) with V8's code cache: the same
 * report without a cache, with a valid one, with a damaged or foreign one, and where the cache
 * cannot be written; the cache appears after the first job.
 */
import { randomBytes } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { Worker } from 'worker_threads';
import { buildWorker, writeWorker, type WorkerFiles } from '../../src/cli/bundleWorker';
import { checkWorkbook, type CheckSettings } from '../../src/cli/checkWorkbook';
import type { WorkerJob, WorkerReply } from '../../src/cli/checkWorker';
import { cacheFile, writeCache } from '../../src/cli/workerLoader';

jest.setTimeout(60_000);

const ROOT = path.resolve(__dirname, '../..');
const BOOK = path.join(ROOT, 'examples/美祢市_進捗管理票.xlsx');
const settings: CheckSettings = { asOf: '2025-10-15', locale: 'ja', configData: null, configName: null };

let dir: string;
let files: WorkerFiles;
let cache: string;

beforeAll(() => {
  // inside the project, so that the bundle's require('zod') finds node_modules
  const parent = path.join(ROOT, 'node_modules/.cache');
  fs.mkdirSync(parent, { recursive: true });
  dir = fs.mkdtempSync(path.join(parent, 'psc-loader-test-'));
  files = writeWorker(dir, buildWorker(ROOT));
  cache = cacheFile(files.bundle);
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** One job in a new worker, as the pool starts it; the worker ends after `settle` ms. */
async function runWorker(settle = 0): Promise<WorkerReply> {
  const worker = new Worker(files.loader, { resourceLimits: { maxOldGenerationSizeMb: 1024, maxYoungGenerationSizeMb: 8 }, workerData: { bundle: files.bundle } });
  try {
    const job: WorkerJob = { id: 7, shown: '美祢市_進捗管理票.xlsx', bytes: new Uint8Array(fs.readFileSync(BOOK)), annotate: false, settings, rows: 'objects' };
    const reply = new Promise<WorkerReply>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`worker exited (${code})`)));
    });
    worker.postMessage(job);
    const result = await reply;
    if (settle > 0) await new Promise((resolve) => setTimeout(resolve, settle));
    return result;
  } finally {
    await worker.terminate();
  }
}

async function waitForCache(unlike: Buffer | null): Promise<Buffer> {
  for (let i = 0; i < 100; i++) {
    if (fs.existsSync(cache)) {
      const bytes = fs.readFileSync(cache);
      if (!unlike || !bytes.equals(unlike)) return bytes;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('no cache was written');
}

test('the loaded worker checks a workbook with no cache, a valid one, a damaged one and a foreign one, alike', async () => {
  const expected = (await checkWorkbook('美祢市_進捗管理票.xlsx', new Uint8Array(fs.readFileSync(BOOK)), settings, false)).report;
  expect(expected.status).toBe('ok');
  expect(expected.sheets.length).toBeGreaterThan(0);

  // no cache: the report, then a cache after the first job
  expect(fs.existsSync(cache)).toBe(false);
  const first = await runWorker();
  expect(first.id).toBe(7);
  expect(first.result.report).toEqual(expected);
  const valid = await waitForCache(null);
  expect(valid.length).toBeGreaterThan(10_000);
  // no temporary file is left beside it
  expect(fs.readdirSync(dir).sort()).toEqual(['checkWorker.js', 'checkWorker.js.cache', 'workerLoader.js']);

  // a valid cache: V8 takes it, so it is not written again
  const { mtimeMs } = fs.statSync(cache);
  expect((await runWorker(300)).result.report).toEqual(expected);
  expect(fs.readFileSync(cache).equals(valid)).toBe(true);
  expect(fs.statSync(cache).mtimeMs).toBe(mtimeMs);

  // garbage bytes: compiled as without a cache, and a new cache replaces them
  const garbage = randomBytes(valid.length);
  fs.writeFileSync(cache, garbage);
  expect((await runWorker()).result.report).toEqual(expected);
  expect((await waitForCache(garbage)).length).toBeGreaterThan(10_000);

  // the cache's data damaged, header intact: its CRC no longer matches
  const damaged = Buffer.from(fs.readFileSync(cache));
  for (let i = damaged.length >> 1; i < damaged.length; i += 97) damaged[i] ^= 0x5a;
  fs.writeFileSync(cache, damaged);
  expect((await runWorker()).result.report).toEqual(expected);
  const rewritten = await waitForCache(damaged);

  // a well-formed file whose data V8 rejects (as a cache of another Node.js version)
  const { size, mtimeMs: bundleTime } = fs.statSync(files.bundle);
  writeCache(cache, randomBytes(rewritten.length), size, bundleTime);
  const foreign = fs.readFileSync(cache);
  expect((await runWorker()).result.report).toEqual(expected);
  expect((await waitForCache(foreign)).length).toBeGreaterThan(10_000);

  // a cache of another build of the bundle (its time differs) is not used
  fs.utimesSync(files.bundle, new Date(), new Date(Date.now() - 60_000));
  const before = fs.readFileSync(cache);
  expect((await runWorker()).result.report).toEqual(expected);
  await waitForCache(before);
});

test('a cache that cannot be written is no error', async () => {
  // a folder in the cache file's place: it can be neither read nor replaced
  fs.rmSync(cache, { force: true });
  fs.mkdirSync(cache);
  try {
    const expected = (await checkWorkbook('美祢市_進捗管理票.xlsx', new Uint8Array(fs.readFileSync(BOOK)), settings, false)).report;
    expect((await runWorker(300)).result.report).toEqual(expected);
    expect((await runWorker(300)).result.report).toEqual(expected);
    expect(fs.statSync(cache).isDirectory()).toBe(true);
    expect(fs.readdirSync(dir).sort()).toEqual(['checkWorker.js', 'checkWorker.js.cache', 'workerLoader.js']);
  } finally {
    fs.rmSync(cache, { recursive: true, force: true });
  }
});

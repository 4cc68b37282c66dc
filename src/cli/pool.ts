import { existsSync } from 'fs';
import { availableParallelism } from 'os';
import * as path from 'path';
import { Worker } from 'worker_threads';
import { describeUnreadable } from '../hosts/xlsx/unreadable';
import type { WorkerFiles } from './bundleWorker';
import type { ItemResult } from '../engine';
import type { CheckSettings, WorkbookResult } from './checkWorkbook';
import type { SheetReport } from './report';
import type { PackedRows, RowsMode, WorkerJob, WorkerReply } from './checkWorker';
import type { LoaderData } from './workerLoader';

/** Per-file limits: a hostile workbook costs at most this much, then becomes one line. */
export interface FileLimits {
  /** V8 heap of the worker checking one file. */
  memoryMb: number;
  /** Wall-clock time for one file. */
  timeoutMs: number;
}

export const DEFAULT_LIMITS: FileLimits = { memoryMb: 1024, timeoutMs: 30_000 };

interface Slot {
  worker: Worker;
  busy: boolean;
}

interface Pending {
  job: Omit<WorkerJob, 'id' | 'settings' | 'rows'>;
  resolve: (result: WorkbookResult) => void;
}

/**
 * Workbooks are checked in worker threads, one file at a time per worker, as many workers as
 * cores. A worker that runs out of memory or time is ended and replaced; its file gets one line,
 * and the batch goes on.
 */
export class CheckPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private closed = false;

  /**
   * `rows`: objects (default) when the caller keeps the items; packed when it reads each report's
   * items once, in order (the JSON report), and keeps none: they come over as bytes and are read
   * one at a time; count when it only counts them (printing, totals).
   */
  constructor(
    private readonly settings: CheckSettings,
    private readonly limits: FileLimits = DEFAULT_LIMITS,
    private readonly size = defaultPoolSize(),
    private readonly options: { rows?: RowsMode; expected?: number } = {},
  ) {
    // a worker takes a tenth of a second to load the engine: the ones the batch will need start
    // now, while the main thread reads the first files, not when the first file is handed over
    const start = Math.min(this.size, options.expected ?? 0);
    for (let i = 0; i < start; i++) this.slots.push({ worker: (i === 0 && adoptEarlyWorker(limits)) || startWorker(limits), busy: false });
  }

  /** Check one workbook; the promise always resolves (failures are reports of status unreadable). */
  check(shown: string, bytes: Uint8Array, annotate: boolean): Promise<WorkbookResult> {
    return new Promise((resolve) => {
      this.queue.push({ job: { shown, bytes, annotate }, resolve });
      this.pump();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
    this.slots.length = 0;
  }

  private pump(): void {
    while (this.queue.length > 0) {
      let slot = this.slots.find((s) => !s.busy);
      if (!slot && this.slots.length < this.size) {
        slot = { worker: startWorker(this.limits), busy: false };
        this.slots.push(slot);
      }
      if (!slot) return;
      const next = this.queue.shift() as Pending;
      this.run(slot, next);
    }
  }

  private run(slot: Slot, pending: Pending): void {
    slot.busy = true;
    const id = this.nextId++;
    const { worker } = slot;
    let settled = false;
    const finish = (result: WorkbookResult, replace: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      if (replace) {
        void worker.terminate();
        const index = this.slots.indexOf(slot);
        if (index >= 0) this.slots.splice(index, 1);
      } else {
        slot.busy = false;
      }
      pending.resolve(result);
      if (!this.closed) this.pump();
    };
    const failed = (reason: 'too-large' | 'too-complex' | 'check-failed', detail: string): WorkbookResult => ({
      report: { path: pending.job.shown, status: 'unreadable', error: describeUnreadable(reason, detail, this.settings.locale), sheets: [] },
      annotated: null,
      copyProblem: null,
    });
    const onMessage = (message: WorkerReply) => {
      if (message.id !== id) return;
      const { result, packed, packedIssues, counts } = message;
      if (packed) result.report.sheets.forEach((sheet, i) => (sheet.rows = lazyItems<ItemResult>(packed[i])));
      if (packedIssues) result.report.sheets.forEach((sheet, i) => (sheet.issues = lazyItems<SheetReport['issues'][number]>(packedIssues[i])));
      // nothing reads these items, only their number
      if (counts) result.report.sheets.forEach((sheet, i) => (sheet.rows = new Array<ItemResult>(counts[i])));
      // a worker whose heap grew past this (an 80,000-row file) is replaced: V8 keeps a grown
      // heap, and the memory goes back to the system only when the thread ends
      finish(result, message.heapBytes > LARGE_WORKER_HEAP);
    };
    const onError = (err: Error & { code?: string }) => {
      if (err.code === 'ERR_WORKER_OUT_OF_MEMORY') finish(failed('too-large', limitText(this.settings.locale, 'memory', this.limits)), true);
      else finish(failed('check-failed', err.message.split('\n')[0].slice(0, 120)), true);
    };
    const onExit = () => finish(failed('check-failed', 'worker exited'), true);
    const timer = setTimeout(() => finish(failed('too-complex', limitText(this.settings.locale, 'time', this.limits)), true), this.limits.timeoutMs);
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    const job: WorkerJob = { id, ...pending.job, settings: this.settings, rows: this.options.rows ?? 'objects' };
    // the bytes move into the worker; the main thread keeps no copy
    const buffer = pending.job.bytes.buffer as ArrayBuffer;
    const transferable = pending.job.bytes.byteOffset === 0 && pending.job.bytes.byteLength === buffer.byteLength;
    worker.postMessage(job, transferable ? [buffer] : []);
  }
}

const decoder = new TextDecoder();
const LARGE_WORKER_HEAP = 256 * 1024 * 1024;

/**
 * Packed items as an array: the length is known, each item is parsed when it is read and not
 * kept (a streamed report holds the bytes, not 80,000 objects). Reading an item again after
 * another gives a second, equal object, which is why only callers that keep nothing get this
 * (CheckPool's rows: packed): a sheet's items, and its issues.
 */
function lazyItems<T>(packed: PackedRows): T[] {
  const { chunks, bounds } = packed;
  const count = bounds.length / 3;
  const index = (key: string | symbol): number => {
    if (typeof key !== 'string') return -1;
    const i = Number(key);
    return Number.isInteger(i) && i >= 0 && i < count && String(i) === key ? i : -1;
  };
  // the item read last, kept: a reader that looks at value[i] twice in a row parses it once
  let lastIndex = -1;
  let last: T | null = null;
  return new Proxy(new Array<T>(count), {
    get(target, key, receiver) {
      const i = index(key);
      if (i < 0) return Reflect.get(target, key, receiver) as unknown;
      if (i !== lastIndex) {
        last = JSON.parse(decoder.decode(chunks[bounds[3 * i]].subarray(bounds[3 * i + 1], bounds[3 * i + 2]))) as T;
        lastIndex = i;
      }
      return last;
    },
    // array methods skip holes: every item is there
    has(target, key) {
      return index(key) >= 0 || Reflect.has(target, key);
    },
  });
}

function limitText(locale: 'ja' | 'en', which: 'memory' | 'time', limits: FileLimits): string {
  if (which === 'memory') return locale === 'ja' ? `読み込みにメモリ ${limits.memoryMb} MB を超えて必要です` : `reading it needs more than ${limits.memoryMb} MB of memory`;
  const seconds = Math.round(limits.timeoutMs / 1000);
  return locale === 'ja' ? `チェックが ${seconds} 秒で終わりません` : `the check does not finish within ${seconds} s`;
}

/**
 * One worker per core but one: the main thread (reading inputs, writing copies, the summary) and
 * V8's own threads (compiling hot code, marking the heap) need the last one. Measured on 2 cores,
 * one worker checked 60, 120 and 180 department workbooks in 75–90% of the time two took.
 */
export function defaultPoolSize(): number {
  const fromEnv = Number(process.env.PSC_WORKERS);
  if (Number.isInteger(fromEnv) && fromEnv > 0) return fromEnv;
  return Math.max(1, Math.min(availableParallelism() - 1, 8));
}

/**
 * A worker started as the command began (bin/progress-sheet.js, for `check`), before it has read
 * its arguments and listed the folders: loading the engine takes a tenth of a second, and the
 * first workbook need not wait for it. Unreferenced until a pool takes it, so a command that ends
 * without checking anything (a refusal, no workbooks) is not held open by it.
 */
let early: { worker: Worker; limits: FileLimits } | null = null;

export function startWorkerEarly(limits: FileLimits = DEFAULT_LIMITS): void {
  if (early) return;
  early = { worker: startWorker(limits), limits };
  early.worker.unref();
}

/** Whether an early worker is still waiting for a pool. */
export function earlyWorkerWaiting(): boolean {
  return early !== null;
}

/** The early worker, for the first pool whose limits it was started with (else it is ended). */
function adoptEarlyWorker(limits: FileLimits): Worker | null {
  const taken = early;
  early = null;
  if (!taken) return null;
  if (taken.limits.memoryMb !== limits.memoryMb) {
    void taken.worker.terminate();
    return null;
  }
  taken.worker.ref();
  return taken.worker;
}

/**
 * A worker starts from the loader (workerLoader.ts), which runs the worker bundled into one file
 * (bundleWorker.ts) through V8's code cache: the compiled command's bundle is in dist/cli/worker/
 * (npm run build:cli); run from the TypeScript sources (tests, the bench), the worker is bundled
 * once per process with esbuild into node_modules/.cache/psc-worker-<hash>/, kept for the next
 * process of the same sources with its cache: the very same code, starting in a fraction of the
 * time ts-node would take to compile it in every worker. A dist/ built by tsc alone (no bundle)
 * runs checkWorker.js as it is.
 */
function startWorker(limits: FileLimits): Worker {
  // a small young generation: 64 MB raised an 80,000-row check's peak by ~100 MB, at no gain in speed
  const resourceLimits = { maxOldGenerationSizeMb: limits.memoryMb, maxYoungGenerationSizeMb: 8 };
  const files = workerFiles();
  if (!files) return new Worker(path.join(__dirname, 'checkWorker.js'), { resourceLimits });
  const workerData: LoaderData = { bundle: files.bundle };
  return new Worker(files.loader, { resourceLimits, workerData });
}

let found: WorkerFiles | null | undefined;

function workerFiles(): WorkerFiles | null {
  if (__filename.endsWith('.js')) {
    if (found === undefined) {
      // the names bundleWorker.ts writes (not imported: the command's start loads no more modules than it needs)
      const dir = path.join(__dirname, '../worker');
      const files = { loader: path.join(dir, 'workerLoader.js'), bundle: path.join(dir, 'checkWorker.js') };
      found = existsSync(files.loader) && existsSync(files.bundle) ? files : null;
    }
    return found;
  }
  if (found && existsSync(found.bundle) && existsSync(found.loader)) return found;
  // esbuild is a development dependency: only source runs (tests, the bench) come here
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { sourceWorker } = require('./bundleWorker') as typeof import('./bundleWorker');
  // inside the project, so that the bundle's require('zod') finds the project's node_modules
  found = sourceWorker(path.resolve(__dirname, '../..'));
  return found;
}

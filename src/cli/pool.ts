import { existsSync } from 'fs';
import { availableParallelism } from 'os';
import * as path from 'path';
import { Worker } from 'worker_threads';
import { describeUnreadable } from '../hosts/xlsx/unreadable';
import type { WorkerFiles } from './bundleWorker';
import type { ItemResult } from '../engine';
import type { CheckSettings, CopyResult } from './checkWorkbook';
import type { FileReport, SheetReport } from './report';
import type { CopyJob, CopyReply, PackedRows, RowsMode, WorkerJob, WorkerReply } from './checkWorker';
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
  /** Copies this worker holds (their checks reported), oldest first. */
  held: Held[];
  /** The worker's heap after its last job. */
  heapBytes: number;
  /** Replaced once its held copies are made (its heap grew large). */
  retire: boolean;
}

type CheckJob = Pick<WorkerJob, 'shown' | 'bytes' | 'annotate'>;

interface Pending {
  job: CheckJob;
  /** A copy redone after the worker that held it ended: made with the check, never held. */
  redo: boolean;
  resolve: (result: PoolResult) => void;
}

/** A copy a worker holds; the main thread keeps the file's bytes to redo it should the worker end. */
interface Held {
  of: number;
  job: CheckJob;
  resolve: (copy: CopyResult) => void;
}

/** A checked workbook: the report, and its copy (settled at once when none was asked for or held). */
export interface PoolResult {
  report: FileReport;
  copy: Promise<CopyResult>;
}

const NO_COPY: CopyResult = { annotated: null, copyProblem: null };

/**
 * A worker stops holding copies, and makes those it holds, once its heap passes this: the plans of
 * a few large workbooks must not take it near its memory limit.
 */
const HOLD_HEAP = 128 * 1024 * 1024;

/**
 * Workbooks are checked in worker threads, one file at a time per worker, as many workers as
 * cores. A worker that runs out of memory or time is ended and replaced; its file gets one line,
 * and the batch goes on.
 *
 * With copies (--out), a worker reports each workbook as soon as it is checked and holds its copy
 * (the plans and the bytes) until no check is waiting: every report of a batch arrives before the
 * copies are made, and the main thread writes the summary while the worker makes them. A copy
 * lost with its worker (a later file ran out of memory or time) is made again from the file.
 */
export class CheckPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private closed = false;

  /**
   * `rows`: objects (default) when the caller keeps the items; packed when it reads each report's
   * items once, in order (the JSON report), and keeps none: they come over as bytes and are read
   * one at a time; count when it only counts them (printing, totals). `started` is told each file
   * as a worker takes it (the progress bar's current file).
   */
  constructor(
    private readonly settings: CheckSettings,
    private readonly limits: FileLimits = DEFAULT_LIMITS,
    private readonly size = defaultPoolSize(),
    private readonly options: { rows?: RowsMode; expected?: number; started?: (shown: string) => void } = {},
  ) {
    // a worker takes a tenth of a second to load the engine: the ones the batch will need start
    // now, while the main thread reads the first files, not when the first file is handed over
    const start = Math.min(this.size, options.expected ?? 0);
    for (let i = 0; i < start; i++) this.slots.push(newSlot((i === 0 && adoptEarlyWorker(limits)) || startWorker(limits)));
  }

  /** Check one workbook; the promises always resolve (failures are reports of status unreadable, or copy problems). */
  check(shown: string, bytes: Uint8Array, annotate: boolean): Promise<PoolResult> {
    return new Promise((resolve) => {
      this.queue.push({ job: { shown, bytes, annotate }, redo: false, resolve });
      this.pump();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const slot of this.slots) for (const held of slot.held.splice(0)) held.resolve({ annotated: null, copyProblem: copyText(this.settings.locale, 'lost') });
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
    this.slots.length = 0;
  }

  private pump(): void {
    for (;;) {
      // a worker whose heap grew large is replaced once it holds nothing more
      for (const slot of this.slots.filter((s) => s.retire && !s.busy && s.held.length === 0)) this.remove(slot);
      // a free worker makes its held copies once no check waits for it (or it holds too much)
      const copier = this.slots.find((s) => !s.busy && s.held.length > 0 && (this.queue.length === 0 || s.retire || s.heapBytes > HOLD_HEAP));
      if (copier) {
        this.runCopies(copier, copier.held.splice(0));
        continue;
      }
      if (this.queue.length === 0) return;
      let slot = this.slots.find((s) => !s.busy && !s.retire);
      if (!slot && this.slots.length < this.size) {
        slot = newSlot(startWorker(this.limits));
        this.slots.push(slot);
      }
      if (!slot) return;
      this.run(slot, this.queue.shift() as Pending);
    }
  }

  private remove(slot: Slot): void {
    void slot.worker.terminate();
    const index = this.slots.indexOf(slot);
    if (index >= 0) this.slots.splice(index, 1);
  }

  /** A worker that ended: its held copies are made again, from the files' bytes, before other checks. */
  private lost(slot: Slot): void {
    this.remove(slot);
    for (const held of slot.held.splice(0).reverse()) {
      this.queue.unshift({ job: held.job, redo: true, resolve: (result) => void result.copy.then(held.resolve) });
    }
  }

  /**
   * One job on a worker: its replies (`replies` of them, each within the time limit of the one
   * before), or the worker's failure, or the time limit, whichever comes first.
   */
  private dispatch<R extends { id: number }>(slot: Slot, message: WorkerJob | CopyJob, transfer: ArrayBuffer[], replies: number, done: (reply: R) => void, failed: (reason: 'too-large' | 'too-complex' | 'check-failed', detail: string) => void): void {
    slot.busy = true;
    const { worker } = slot;
    let settled = false;
    let left = replies;
    const settle = () => {
      if (settled) return false;
      settled = true;
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      slot.busy = false;
      return true;
    };
    const onMessage = (reply: R) => {
      if (reply.id !== message.id || settled) return;
      if (--left > 0) {
        timer.refresh();
        done(reply);
        return;
      }
      settle();
      done(reply);
      if (!this.closed) this.pump();
    };
    const fail = (reason: 'too-large' | 'too-complex' | 'check-failed', detail: string) => {
      if (!settle()) return;
      failed(reason, detail);
      this.lost(slot);
      if (!this.closed) this.pump();
    };
    const onError = (err: Error & { code?: string }) => {
      if (err.code === 'ERR_WORKER_OUT_OF_MEMORY') fail('too-large', limitText(this.settings.locale, 'memory', this.limits, message.kind === 'copy'));
      else fail('check-failed', err.message.split('\n')[0].slice(0, 120));
    };
    const onExit = () => fail('check-failed', 'worker exited');
    const timer = setTimeout(() => fail('too-complex', limitText(this.settings.locale, 'time', this.limits, message.kind === 'copy')), this.limits.timeoutMs);
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage(message, transfer);
  }

  private run(slot: Slot, pending: Pending): void {
    const id = this.nextId++;
    if (!pending.redo) this.options.started?.(pending.job.shown);
    const hold = pending.job.annotate && !pending.redo && slot.heapBytes <= HOLD_HEAP;
    const job: WorkerJob = { id, ...pending.job, settings: this.settings, rows: this.options.rows ?? 'objects', holdCopy: hold };
    // the bytes move into the worker, unless a held copy may have to be made again from them
    const buffer = pending.job.bytes.buffer as ArrayBuffer;
    const transferable = !hold && pending.job.bytes.byteOffset === 0 && pending.job.bytes.byteLength === buffer.byteLength;
    this.dispatch<WorkerReply>(
      slot,
      job,
      transferable ? [buffer] : [],
      1,
      (message) => {
        const { result, packed, packedIssues, counts } = message;
        if (packed) result.report.sheets.forEach((sheet, i) => (sheet.rows = lazyItems<ItemResult>(packed[i])));
        if (packedIssues) result.report.sheets.forEach((sheet, i) => (sheet.issues = lazyItems<SheetReport['issues'][number]>(packedIssues[i])));
        // nothing reads these items, only their number
        if (counts) result.report.sheets.forEach((sheet, i) => (sheet.rows = new Array<ItemResult>(counts[i])));
        this.settled(slot, message.heapBytes);
        let copy: Promise<CopyResult> = Promise.resolve({ annotated: result.annotated, copyProblem: result.copyProblem });
        if (message.held) copy = new Promise((resolve) => slot.held.push({ of: id, job: pending.job, resolve }));
        pending.resolve({ report: result.report, copy });
      },
      (reason, detail) => {
        const report: FileReport = { path: pending.job.shown, status: 'unreadable', error: describeUnreadable(reason, detail, this.settings.locale), sheets: [] };
        pending.resolve({ report, copy: Promise.resolve(pending.redo ? { annotated: null, copyProblem: copyText(this.settings.locale, reason, detail) } : NO_COPY) });
      },
    );
  }

  /** A worker's held copies, made in one job; those not made when it fails are lost with it (and made again). */
  private runCopies(slot: Slot, held: Held[]): void {
    const job: CopyJob = { kind: 'copy', id: this.nextId++, of: held.map((h) => h.of) };
    const waiting = new Map(held.map((h) => [h.of, h]));
    this.dispatch<CopyReply>(
      slot,
      job,
      [],
      held.length,
      (message) => {
        this.settled(slot, message.heapBytes);
        waiting.get(message.of)?.resolve(message.copy ?? { annotated: null, copyProblem: copyText(this.settings.locale, 'lost') });
        waiting.delete(message.of);
      },
      (reason, detail) => {
        // the copy being made when the worker failed gets the reason; the ones after it are made again
        const [current, ...rest] = waiting.values();
        current?.resolve({ annotated: null, copyProblem: copyText(this.settings.locale, reason, detail) });
        slot.held.unshift(...rest);
      },
    );
  }

  /**
   * After a reply: a worker whose heap grew past this (an 80,000-row file) is replaced once it
   * holds no copies: V8 keeps a grown heap, and the memory goes back to the system only when the
   * thread ends.
   */
  private settled(slot: Slot, heapBytes: number): void {
    slot.heapBytes = heapBytes;
    if (heapBytes > LARGE_WORKER_HEAP) slot.retire = true;
  }
}

function newSlot(worker: Worker): Slot {
  return { worker, busy: false, held: [], heapBytes: 0, retire: false };
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

function limitText(locale: 'ja' | 'en', which: 'memory' | 'time', limits: FileLimits, copy = false): string {
  const seconds = Math.round(limits.timeoutMs / 1000);
  if (copy) {
    if (which === 'memory') return locale === 'ja' ? `写しの作成にメモリ ${limits.memoryMb} MB を超えて必要です` : `making the copy needs more than ${limits.memoryMb} MB of memory`;
    return locale === 'ja' ? `写しの作成が ${seconds} 秒で終わりません` : `making the copy does not finish within ${seconds} s`;
  }
  if (which === 'memory') return locale === 'ja' ? `読み込みにメモリ ${limits.memoryMb} MB を超えて必要です` : `reading it needs more than ${limits.memoryMb} MB of memory`;
  return locale === 'ja' ? `チェックが ${seconds} 秒で終わりません` : `the check does not finish within ${seconds} s`;
}

/**
 * Why a copy was not made, in the reader's language: a limit's text as it stands (limitText), a
 * worker that stopped otherwise with its one line, or a copy the pool lost track of.
 */
function copyText(locale: 'ja' | 'en', reason: 'too-large' | 'too-complex' | 'check-failed' | 'lost', detail = ''): string {
  if (reason === 'too-large' || reason === 'too-complex') return detail;
  if (reason === 'lost') return locale === 'ja' ? '写しの材料が見つかりません（内部の不整合です。もう一度実行してください）' : 'the copy’s plan was not found (an internal fault; run the command again)';
  return locale === 'ja' ? `写しの作成中に処理が止まりました（${detail}）` : `making the copy stopped (${detail})`;
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

/** Start it (once); the worker is returned for those who watch it (tests). */
export function startWorkerEarly(limits: FileLimits = DEFAULT_LIMITS): Worker {
  if (early) return early.worker;
  early = { worker: startWorker(limits), limits };
  early.worker.unref();
  return early.worker;
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

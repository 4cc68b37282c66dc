import { getHeapStatistics } from 'v8';
import { parentPort, type MessagePort } from 'worker_threads';
import { summaryItem } from '../engine/summary';
import type { ItemResult } from '../engine';
import type { PackageEdits } from '../hosts/xlsx/patch/packageBytes';
import { checkWorkbookFirst, type CheckSettings, type CopyResult, type WorkbookResult } from './checkWorkbook';

/** A worker thread of the pool (pool.ts): checks one workbook per message, posts the result back. */
export interface WorkerJob {
  kind?: 'check';
  id: number;
  shown: string;
  bytes: Uint8Array;
  annotate: boolean;
  settings: CheckSettings;
  /**
   * How the items travel: as objects (returns and a comparison keep them), cut to what the summary
   * reads, packed as bytes (only streamed into the JSON report), or only their number (nothing reads
   * them: printing counts them).
   */
  rows: RowsMode;
  /**
   * Hold the copy: report now, make the copy when a copy job names this one. The pool sends every
   * check of a batch before the copies, so that the main thread writes the summary meanwhile.
   */
  holdCopy?: boolean;
}

/**
 * Make the copies held for check jobs `of`, one after the other, each posted as it is made: the
 * worker goes on without waiting for the main thread, which may be busy writing the summary.
 */
export interface CopyJob {
  kind: 'copy';
  id: number;
  of: number[];
}

/** One copy of a copy job (null: the worker held none for that check, which the pool words). */
export interface CopyReply {
  id: number;
  of: number;
  copy: CopyResult | null;
  heapBytes: number;
}

/**
 * A sheet's items as UTF-8 JSON texts, one per item, in buffers of a few MB: moved to the main
 * thread without a copy, and read there one item at a time (a structured clone of 80,000 items
 * costs as much as checking them, and a second copy of them in memory).
 */
export interface PackedRows {
  chunks: Uint8Array[];
  /** Per item: its chunk, start byte and end byte. */
  bounds: Int32Array;
}

export type RowsMode = 'objects' | 'summary' | 'packed' | 'count';

export interface WorkerReply {
  id: number;
  result: WorkbookResult;
  /** Per sheet, when the job asked for packing: the sheet's rows (its report's rows are then []). */
  packed: PackedRows[] | null;
  /** Per sheet, with packed rows: its issues, packed the same way (its report's issues are then []). */
  packedIssues: PackedRows[] | null;
  /** Per sheet, when the job asked for the number of items only. */
  counts: number[] | null;
  /** The worker's heap after this file: a worker grown large is replaced (pool.ts). */
  heapBytes: number;
  /** The copy is held for a copy job (result.annotated is then null). */
  held: boolean;
}

const encoder = new TextEncoder();
const CHUNK = 4 * 1024 * 1024;

/** Pack the items; each item is let go as soon as it is written (the array is left with holes). */
export function packRows<T>(rows: (T | undefined)[]): PackedRows {
  const chunks: Uint8Array[] = [];
  const bounds = new Int32Array(rows.length * 3);
  let chunk = new Uint8Array(0);
  let at = 0;
  for (let i = 0; i < rows.length; i++) {
    const text = JSON.stringify(rows[i] ?? null);
    rows[i] = undefined;
    // UTF-8 takes at most 3 bytes per UTF-16 unit
    if (chunk.length - at < text.length * 3) {
      if (at > 0) chunks.push(chunk.subarray(0, at));
      chunk = new Uint8Array(Math.max(CHUNK, text.length * 3));
      at = 0;
    }
    bounds[3 * i] = chunks.length;
    bounds[3 * i + 1] = at;
    at += encoder.encodeInto(text, chunk.subarray(at)).written;
    bounds[3 * i + 2] = at;
  }
  if (at > 0) chunks.push(chunk.subarray(0, at));
  return { chunks, bounds };
}

/**
 * The buffers of a copy's parts that may move to the main thread: each once, and only where the
 * view covers all of it (a view into a larger buffer, such as Node's pool of small Buffers, is
 * copied instead).
 */
function ownBuffers(parts: PackageEdits): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const v of [parts.original, ...parts.parts.map((p) => p.data)]) if (v.byteOffset === 0 && v.byteLength === v.buffer.byteLength) buffers.add(v.buffer as ArrayBuffer);
  return [...buffers];
}

/** Copies held for a later copy job, by the id of the check that made their plans. */
const held = new Map<number, () => Promise<CopyResult>>();

/** A check job: the report, with its copy made now or held. */
async function runCheck(port: MessagePort, job: WorkerJob): Promise<void> {
  const { report, makeCopy } = await checkWorkbookFirst(job.shown, job.bytes, job.settings, job.annotate);
  const hold = Boolean(makeCopy && job.holdCopy);
  if (makeCopy && hold) held.set(job.id, makeCopy);
  const copy: CopyResult = makeCopy && !hold ? await makeCopy() : { annotated: null, copyProblem: null };
  const result: WorkbookResult = { report, ...copy };
  // the copy's parts move to the main thread instead of being copied
  const transfer: ArrayBuffer[] = result.annotated ? ownBuffers(result.annotated) : [];
  let packed: PackedRows[] | null = null;
  let packedIssues: PackedRows[] | null = null;
  let counts: number[] | null = null;
  if (job.rows === 'packed') {
    packed = result.report.sheets.map((sheet) => packRows(sheet.rows));
    // the issues too: an 80,000-row sheet has tens of thousands, and a structured clone of them
    // is one more copy in this thread and a heap of objects in the main one
    packedIssues = result.report.sheets.map((sheet) => packRows(sheet.issues));
    for (const p of [...packed, ...packedIssues]) transfer.push(...p.chunks.map((c) => c.buffer as ArrayBuffer), p.bounds.buffer as ArrayBuffer);
  } else if (job.rows === 'count') {
    counts = result.report.sheets.map((sheet) => sheet.rows.length);
  } else if (job.rows === 'summary') {
    // a structured clone of every KPI of every item would cost this thread and the main one
    // more than the summary's own work; in this mode only the summary reads the items (SummaryItem)
    for (const sheet of result.report.sheets) sheet.rows = sheet.rows.map(summaryItem) as ItemResult[];
  }
  if (job.rows !== 'objects' && job.rows !== 'summary') result.report.sheets = result.report.sheets.map((sheet) => ({ ...sheet, rows: [], ...(packedIssues ? { issues: [] } : {}) }));
  const reply: WorkerReply = { id: job.id, result, packed, packedIssues, counts, heapBytes: getHeapStatistics().total_heap_size, held: hold };
  port.postMessage(reply, transfer);
}

/** A copy job: the held copies made, each posted as it is made (its plans and bytes let go). */
async function runCopies(port: MessagePort, job: CopyJob): Promise<void> {
  for (const of of job.of) {
    const makeCopy = held.get(of);
    held.delete(of);
    const copy = makeCopy ? await makeCopy() : null;
    const reply: CopyReply = { id: job.id, of, copy, heapBytes: getHeapStatistics().total_heap_size };
    port.postMessage(reply, copy?.annotated ? ownBuffers(copy.annotated) : []);
  }
}

if (parentPort) {
  const port = parentPort;
  port.on('message', (job: WorkerJob | CopyJob) => {
    void (job.kind === 'copy' ? runCopies(port, job) : runCheck(port, job));
  });
}

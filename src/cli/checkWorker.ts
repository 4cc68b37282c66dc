import { getHeapStatistics } from 'v8';
import { parentPort } from 'worker_threads';
import { summaryItem } from '../engine/summary';
import type { ItemResult } from '../engine';
import { checkWorkbook, type CheckSettings, type WorkbookResult } from './checkWorkbook';

/** A worker thread of the pool (pool.ts): checks one workbook per message, posts the result back. */
export interface WorkerJob {
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

if (parentPort) {
  const port = parentPort;
  port.on('message', (job: WorkerJob) => {
    void checkWorkbook(job.shown, job.bytes, job.settings, job.annotate).then((result) => {
      // the copy's bytes move to the main thread instead of being copied
      const transfer: ArrayBuffer[] = result.annotated ? [result.annotated.buffer as ArrayBuffer] : [];
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
        // more than the summary's own work
        for (const sheet of result.report.sheets) sheet.rows = sheet.rows.map(summaryItem) as ItemResult[];
      }
      if (job.rows !== 'objects' && job.rows !== 'summary') result.report.sheets = result.report.sheets.map((sheet) => ({ ...sheet, rows: [], ...(packedIssues ? { issues: [] } : {}) }));
      const reply: WorkerReply = { id: job.id, result, packed, packedIssues, counts, heapBytes: getHeapStatistics().total_heap_size };
      port.postMessage(reply, transfer);
    });
  });
}

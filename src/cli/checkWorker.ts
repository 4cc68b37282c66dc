import { parentPort } from 'worker_threads';
import type { ItemResult } from '../engine';
import { checkWorkbook, type CheckSettings, type WorkbookResult } from './checkWorkbook';

/** A worker thread of the pool (pool.ts): checks one workbook per message, posts the result back. */
export interface WorkerJob {
  id: number;
  shown: string;
  bytes: Uint8Array;
  annotate: boolean;
  settings: CheckSettings;
  /** The main thread only streams the items (no summary kept): send them packed as bytes. */
  packRows: boolean;
}

/**
 * A sheet's items as one UTF-8 buffer of JSON texts, one per item: moved to the main thread
 * without a copy, and read there one item at a time (a structured clone of 80,000 items costs
 * as much as checking them, and a second copy of them in memory).
 */
export interface PackedRows {
  bytes: Uint8Array;
  /** Start and end byte of each item's text. */
  bounds: Int32Array;
}

export interface WorkerReply {
  id: number;
  result: WorkbookResult;
  /** Per sheet, when the job asked for packing: the sheet's rows (its report's rows are then []). */
  packed: PackedRows[] | null;
}

const encoder = new TextEncoder();

export function packRows(rows: readonly ItemResult[]): PackedRows {
  let bytes = new Uint8Array(Math.max(1024, rows.length * 512));
  const bounds = new Int32Array(rows.length * 2);
  let at = 0;
  rows.forEach((row, i) => {
    const text = JSON.stringify(row);
    // UTF-8 takes at most 3 bytes per UTF-16 unit
    if (bytes.length - at < text.length * 3) {
      const bigger = new Uint8Array(Math.max(bytes.length * 2, at + text.length * 3));
      bigger.set(bytes.subarray(0, at));
      bytes = bigger;
    }
    bounds[2 * i] = at;
    at += encoder.encodeInto(text, bytes.subarray(at)).written;
    bounds[2 * i + 1] = at;
  });
  return { bytes: bytes.slice(0, at), bounds };
}

if (parentPort) {
  const port = parentPort;
  port.on('message', (job: WorkerJob) => {
    void checkWorkbook(job.shown, job.bytes, job.settings, job.annotate).then((result) => {
      // the copy's bytes move to the main thread instead of being copied
      const transfer: ArrayBuffer[] = result.annotated ? [result.annotated.buffer as ArrayBuffer] : [];
      let packed: PackedRows[] | null = null;
      if (job.packRows) {
        packed = result.report.sheets.map((sheet) => packRows(sheet.rows));
        result.report.sheets = result.report.sheets.map((sheet) => ({ ...sheet, rows: [] }));
        for (const p of packed) transfer.push(p.bytes.buffer as ArrayBuffer, p.bounds.buffer as ArrayBuffer);
      }
      const reply: WorkerReply = { id: job.id, result, packed };
      port.postMessage(reply, transfer);
    });
  });
}

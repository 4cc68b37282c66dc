import { parentPort } from 'worker_threads';
import { checkWorkbook, type CheckSettings } from './checkWorkbook';

/** A worker thread of the pool (pool.ts): checks one workbook per message, posts the result back. */
export interface WorkerJob {
  id: number;
  shown: string;
  bytes: Uint8Array;
  annotate: boolean;
  settings: CheckSettings;
}

if (parentPort) {
  const port = parentPort;
  port.on('message', (job: WorkerJob) => {
    void checkWorkbook(job.shown, job.bytes, job.settings, job.annotate).then((result) => {
      // the copy's bytes move to the main thread instead of being copied
      const transfer = result.annotated ? [result.annotated.buffer as ArrayBuffer] : [];
      port.postMessage({ id: job.id, result }, transfer);
    });
  });
}

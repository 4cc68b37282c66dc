/**
 * Excel refuses every request while a person is typing in a cell (InvalidOperationInCellEditMode).
 * That passes as soon as they press Enter, so such a rejection is retried with a growing pause;
 * every other error is passed on at once.
 */
import { errorCode } from './session';

export type ExcelBatch<T> = (context: Excel.RequestContext) => Promise<T>;
export type ExcelRunner = <T>(batch: ExcelBatch<T>) => Promise<T>;

export interface RetryOptions {
  /** Tries in all. Default 5. */
  attempts?: number;
  /** Pause before try n+1 is baseDelayMs × n. Default 500 ms. */
  baseDelayMs?: number;
  /** How to wait (tests pass an instant one). */
  delay?: (ms: number) => Promise<void>;
  /** How to run a batch. Default Excel.run. */
  run?: ExcelRunner;
  /** Told about each retry (the task pane can say "waiting for you to finish editing"). */
  onRetry?: (attempt: number, error: unknown) => void;
}

export function isCellEditModeError(error: unknown): boolean {
  return errorCode(error) === 'InvalidOperationInCellEditMode';
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export const excelRun: ExcelRunner = (batch) => Excel.run(batch);

export async function runWithRetry<T>(batch: ExcelBatch<T>, options: RetryOptions = {}): Promise<T> {
  const attempts = Math.max(1, options.attempts ?? 5);
  const base = options.baseDelayMs ?? 500;
  const delay = options.delay ?? wait;
  const run = options.run ?? excelRun;
  for (let attempt = 1; ; attempt++) {
    try {
      return await run(batch);
    } catch (error) {
      if (!isCellEditModeError(error) || attempt >= attempts) throw error;
      options.onRetry?.(attempt, error);
      await delay(base * attempt);
    }
  }
}

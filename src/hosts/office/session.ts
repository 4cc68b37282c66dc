/**
 * One Excel.run's worth of work: counts `context.sync()` calls, lets a module queue loads that ride
 * on whichever sync comes next, and splits queued work into syncs only when a request or response
 * would outgrow Excel on the web's 5 MB limit.
 */

/** Phases reported to a progress callback. */
export type Phase = 'read' | 'check' | 'write';
export type ProgressCallback = (phase: Phase, done: number, total: number) => void;

/** Excel on the web refuses requests and responses over 5 MB; stay well under. */
export const DEFAULT_BUDGET_BYTES = 4_000_000;
/** What one queued operation costs in a request beyond its arguments (action, object path, ids). */
export const OPERATION_BYTES = 250;

/** UTF-8 length of a string, without Buffer or TextEncoder (both may be missing in old hosts). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Bytes of a value as JSON, the way Office.js sends and receives it. */
export function jsonBytes(value: unknown): number {
  const text = JSON.stringify(value);
  return text === undefined ? 0 : utf8Length(text);
}

/** A unit of queued work and its estimated size. */
export interface QueuedWork {
  requestBytes: number;
  responseBytes: number;
  queue: () => void;
}

export class Session {
  private syncCount = 0;
  private afterSync: Array<() => void> = [];
  /** Estimated response bytes already queued for the next sync (by any module). */
  private pendingResponse = 0;
  private pendingRequest = 0;

  constructor(
    readonly context: Excel.RequestContext,
    readonly budgetBytes: number = DEFAULT_BUDGET_BYTES,
  ) {}

  /** Syncs attempted so far in this session. */
  get syncs(): number {
    return this.syncCount;
  }

  get queuedResponseBytes(): number {
    return this.pendingResponse;
  }

  get queuedRequestBytes(): number {
    return this.pendingRequest;
  }

  /** Records the estimated size of work queued directly on the context. */
  expect(requestBytes: number, responseBytes: number): void {
    this.pendingRequest += requestBytes;
    this.pendingResponse += responseBytes;
  }

  /** Runs `callback` right after the next successful sync (it may queue more work). */
  afterNextSync(callback: () => void): void {
    this.afterSync.push(callback);
  }

  async sync(): Promise<void> {
    this.syncCount++;
    this.pendingRequest = 0;
    this.pendingResponse = 0;
    await this.context.sync();
    const callbacks = this.afterSync;
    this.afterSync = [];
    for (const callback of callbacks) callback();
  }

  /**
   * Queues every piece of work, syncing between pieces only when the next one would push the
   * request or the response past the budget. `startBatch` runs at the start of each batch (for
   * the suspend-until-next-sync calls); `onBatchDone` reports progress. Ends with a sync when
   * anything is queued. Returns the number of syncs it made.
   */
  async runBatched(
    work: QueuedWork[],
    options: { startBatch?: () => void; startBatchBytes?: number; onBatchDone?: (done: number, total: number) => void } = {},
  ): Promise<number> {
    if (work.length === 0) return 0;
    const startBytes = options.startBatchBytes ?? 0;
    // Plan the batches first, so progress can say "2 of 3".
    const batches: QueuedWork[][] = [];
    let current: QueuedWork[] = [];
    let request = this.pendingRequest + startBytes;
    let response = this.pendingResponse;
    for (const item of work) {
      const fits =
        request + item.requestBytes <= this.budgetBytes && response + item.responseBytes <= this.budgetBytes;
      if (!fits && current.length > 0) {
        batches.push(current);
        current = [];
        request = startBytes;
        response = 0;
      }
      current.push(item);
      request += item.requestBytes;
      response += item.responseBytes;
    }
    batches.push(current);
    let done = 0;
    let total = batches.length;
    const runBatch = async (batch: QueuedWork[]): Promise<void> => {
      options.startBatch?.();
      for (const item of batch) {
        item.queue();
        this.expect(item.requestBytes, item.responseBytes);
      }
      try {
        await this.sync();
      } catch (error) {
        // Excel refused the whole batch (nothing of it ran): the estimate was short. Halve it.
        if (!isPayloadTooLarge(error) || batch.length < 2) throw error;
        const half = Math.ceil(batch.length / 2);
        total++;
        await runBatch(batch.slice(0, half));
        await runBatch(batch.slice(half));
        return;
      }
      done++;
      options.onBatchDone?.(done, total);
    };
    for (const batch of batches) await runBatch(batch);
    return total;
  }
}

/** The Office error code of a rejection, if it has one. */
export function errorCode(error: unknown): string | undefined {
  if (error && typeof error === 'object' && 'code' in error) {
    const code = (error as { code: unknown }).code;
    return typeof code === 'string' ? code : undefined;
  }
  return undefined;
}

export function isPayloadTooLarge(error: unknown): boolean {
  const code = errorCode(error);
  return code === 'RequestPayloadSizeLimitExceeded' || code === 'ResponsePayloadSizeLimitExceeded' || code === 'PayloadTooLarge';
}

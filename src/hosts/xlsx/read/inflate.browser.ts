import { Inflate } from 'fflate';

/**
 * Raw DEFLATE → bytes in the task pane (no Node zlib in a browser): fflate's streaming inflater,
 * fed a little compressed input at a time so that a zip bomb stops at the cap after producing at
 * most one step's output beyond it. Same contract as inflate.ts, which webpack swaps for this file.
 */

export class InflateCapError extends Error {
  constructor(readonly cap: number) {
    super(`inflates past ${cap} bytes`);
    this.name = 'InflateCapError';
  }
}

/**
 * Compressed bytes fed per step. DEFLATE expands at most about 1032:1, so one step produces at
 * most ~16 MB even from a bomb; honest parts (ratios near 10:1) produce ~160 KB per step.
 */
const STEP = 16 * 1024;

/** `_declared` (the header's size) is not needed here: fflate sizes its own buffers. */
export function inflateRaw(data: Uint8Array, cap: number, _declared: number): Uint8Array {
  const limit = Math.max(1, cap);
  const chunks: Uint8Array[] = [];
  let produced = 0;
  let ended = false;
  const inflater = new Inflate((chunk, final) => {
    produced += chunk.length;
    if (produced > limit) throw new InflateCapError(cap);
    if (chunk.length) chunks.push(chunk);
    if (final) ended = true;
  });
  for (let at = 0; at < data.length; at += STEP) {
    const end = Math.min(at + STEP, data.length);
    inflater.push(data.subarray(at, end), end === data.length);
    if (ended) break;
  }
  if (data.length === 0) inflater.push(new Uint8Array(0), true);
  return join(chunks, produced);
}

function join(chunks: Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

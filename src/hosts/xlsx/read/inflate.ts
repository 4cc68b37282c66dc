import { constants as zlibConstants, inflateRawSync } from 'zlib';

/**
 * Raw DEFLATE → bytes, in Node: native zlib. The task pane's bundle swaps this module for
 * inflate.browser.ts (webpack alias), which gives the same answers with fflate.
 */

/** The inflated data would be larger than the cap it was given: inflating stopped there. */
export class InflateCapError extends Error {
  constructor(readonly cap: number) {
    super(`inflates past ${cap} bytes`);
    this.name = 'InflateCapError';
  }
}

/**
 * Inflate `data`, producing at most `cap` bytes (past it: InflateCapError, the rest never
 * allocated). `declared` is the size the zip header claims, used only to size the first buffer.
 * Damaged data throws an Error whose first line says what is wrong.
 */
export function inflateRaw(data: Uint8Array, cap: number, declared: number): Uint8Array {
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(1, cap), chunkSize: chunkSizeFor(declared, cap) });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new InflateCapError(cap);
    throw err;
  }
}

/**
 * One output buffer of the size the header declares (plus one byte, so that zlib sees the end):
 * an honest part is inflated into a single allocation, not pieces joined into a second copy.
 * Capped, so that a lying header costs at most 64 MB before the bytes actually produced count.
 */
function chunkSizeFor(declared: number, cap: number): number {
  const wanted = Math.min(Math.max(declared + 1, 64 * 1024), cap + 1, 64 * 1024 * 1024);
  return Math.max(zlibConstants.Z_MIN_CHUNK, Math.floor(wanted));
}

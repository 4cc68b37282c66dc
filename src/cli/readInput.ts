import { constants, promises as fs } from 'fs';
import type { UnreadableReason } from '../hosts/xlsx/unreadable';

/** Larger files are refused before they are read: no submitted progress sheet comes near it. */
export const MAX_INPUT_BYTES = 100 * 1024 * 1024;

export type InputBytes = { ok: true; bytes: Uint8Array } | { ok: false; reason: UnreadableReason; detail: string };

/**
 * Read one input's bytes, only if it is a regular file of bounded size. Opened without blocking
 * (a FIFO named *.xlsx would otherwise wait forever) and checked on the open handle, so a link to
 * /dev/zero or a device is refused before a byte is read.
 */
export async function readInput(file: string | Buffer, maxBytes = MAX_INPUT_BYTES): Promise<InputBytes> {
  let handle;
  try {
    handle = await fs.open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    return { ok: false, reason: 'io', detail: (err as NodeJS.ErrnoException).code ?? 'I/O' };
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) return { ok: false, reason: 'not-regular-file', detail: '' };
    if (stat.size > maxBytes) return { ok: false, reason: 'too-large', detail: `${Math.round(stat.size / 1024 / 1024)} MB > ${Math.round(maxBytes / 1024 / 1024)} MB` };
    // read at most one byte past the size seen: a file that grows while read is refused, not followed
    const buffer = Buffer.alloc(stat.size + 1);
    let read = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, read, buffer.length - read, read);
      if (bytesRead === 0) break;
      read += bytesRead;
      if (read > stat.size) return { ok: false, reason: 'too-large', detail: 'grew while read' };
    }
    return { ok: true, bytes: buffer.subarray(0, read) };
  } catch (err) {
    return { ok: false, reason: 'io', detail: (err as NodeJS.ErrnoException).code ?? 'I/O' };
  } finally {
    await handle.close();
  }
}

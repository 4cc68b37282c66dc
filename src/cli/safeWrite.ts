import { constants, promises as fs, unlinkSync } from 'fs';
import type { FileHandle } from 'fs/promises';
import * as path from 'path';
import { randomBytes } from 'crypto';

/**
 * Every output is written to a temporary file opened exclusively in the target's own folder,
 * then renamed over the target: a reader never sees half a file, Ctrl-C never leaves a partial
 * file under a final name, and a symlink planted where an output goes is replaced, not followed.
 */

/** Temporary files not yet renamed (by a latin1 key of their bytes): removed if the process is interrupted. */
const pending = new Map<string, Buffer>();

/** Remove every temporary file still pending (synchronous: it runs from a signal handler). */
export function removePendingTemporaries(): void {
  for (const [key, file] of pending) {
    try {
      unlinkSync(file);
    } catch {
      // already gone
    }
    pending.delete(key);
  }
}

/** A target that cannot be written safely: which path and why, for a one-line message. */
export class UnsafeOutputError extends Error {
  constructor(
    readonly target: string,
    readonly why: 'symlink-folder' | 'not-a-folder' | 'is-folder',
  ) {
    super(`${why}: ${target}`);
  }
}

/**
 * Make the folders from `root` down to `relativeDir`, refusing any component below root that is a
 * symlink (a link planted inside the out folder must not send a copy elsewhere).
 */
export async function makeFoldersBelow(root: string | Buffer, relativeDir: Buffer): Promise<Buffer> {
  let current = Buffer.from(root);
  await fs.mkdir(current, { recursive: true });
  const parts = splitBytes(relativeDir, path.sep.charCodeAt(0)).filter((p) => p.length > 0 && !(p.length === 1 && p[0] === 0x2e));
  for (const part of parts) {
    current = Buffer.concat([current, Buffer.from(path.sep), part]);
    let stat;
    try {
      stat = await fs.lstat(current);
    } catch {
      await fs.mkdir(current);
      continue;
    }
    if (stat.isSymbolicLink()) throw new UnsafeOutputError(decode(current), 'symlink-folder');
    if (!stat.isDirectory()) throw new UnsafeOutputError(decode(current), 'not-a-folder');
  }
  return current;
}

/**
 * An output written in pieces (the streamed JSON report) or at once: an exclusive temporary file
 * in the target's folder, renamed over the target on commit, removed on abort or interruption.
 */
export class AtomicFile {
  private constructor(
    private readonly handle: FileHandle,
    private readonly temp: Buffer,
    private readonly target: Buffer,
  ) {}

  static async open(target: string | Buffer): Promise<AtomicFile> {
    const targetBytes = Buffer.from(target);
    const existing = await fs.lstat(targetBytes).catch(() => null);
    if (existing?.isDirectory()) throw new UnsafeOutputError(decode(targetBytes), 'is-folder');
    const dir = Buffer.from(path.dirname(targetBytes.toString('latin1')), 'latin1');
    const base = Buffer.from(path.basename(targetBytes.toString('latin1')), 'latin1');
    const temp = Buffer.concat([dir, Buffer.from(`${path.sep}.`), base, Buffer.from(`.${process.pid}.${randomBytes(4).toString('hex')}.tmp`)]);
    // O_EXCL: never open a file (or a link) that is already there; O_NOFOLLOW: never through a link
    const handle = await fs.open(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o644);
    pending.set(temp.toString('latin1'), temp);
    return new AtomicFile(handle, temp, targetBytes);
  }

  async write(data: Uint8Array | string): Promise<void> {
    try {
      await this.handle.write(typeof data === 'string' ? Buffer.from(data) : data);
    } catch (err) {
      await this.abort();
      throw err;
    }
  }

  /** Flush, close and rename over the target: the target is either the old file or the whole new one. */
  async commit(): Promise<void> {
    try {
      await this.handle.sync();
      await this.handle.close();
      await holdForTests();
      // rename replaces a symlink at the target itself; it never writes through it
      await fs.rename(this.temp, this.target);
    } catch (err) {
      await fs.unlink(this.temp).catch(() => undefined);
      throw err;
    } finally {
      pending.delete(this.temp.toString('latin1'));
    }
  }

  async abort(): Promise<void> {
    await this.handle.close().catch(() => undefined);
    await fs.unlink(this.temp).catch(() => undefined);
    pending.delete(this.temp.toString('latin1'));
  }
}

/** Write bytes to `target` through an exclusive temporary file in the same folder and a rename. */
export async function writeAtomically(target: string | Buffer, data: Uint8Array | string): Promise<void> {
  const file = await AtomicFile.open(target);
  await file.write(data);
  await file.commit();
}

/**
 * Tests interrupt a run while a copy is being written: PSC_TEST_HOLD_BEFORE_RENAME_MS keeps the
 * temporary file in place that long. Never set outside tests.
 */
async function holdForTests(): Promise<void> {
  const ms = Number(process.env.PSC_TEST_HOLD_BEFORE_RENAME_MS ?? 0);
  if (ms > 0) await new Promise((resolve) => setTimeout(resolve, ms));
}

function splitBytes(bytes: Buffer, separator: number): Buffer[] {
  const parts: Buffer[] = [];
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === separator) {
      parts.push(bytes.subarray(start, i));
      start = i + 1;
    }
  }
  return parts;
}

function decode(bytes: Buffer): string {
  return new TextDecoder('utf-8', { fatal: false }).decode(bytes);
}

/**
 * The entry of a check worker (pool.ts): loads the worker bundled into one file (bundleWorker.ts)
 * through V8's code cache, so that a new worker does not compile the engine again. A worker that
 * found no valid cache makes one at its first reply (just before posting it), so the cache holds
 * the functions that checking a workbook compiled, not only the top level. On this 2-core machine,
 * from new Worker() to the first reply for a small workbook: ~50 ms less than the tsc output.
 *
 * The cache lies next to the bundle (dist/cli/worker/ or node_modules/.cache/), a place only the
 * project's owner writes. A cache V8 rejects (another Node.js version, other flags), one made for
 * another bundle (its size and time in the header differ) or a damaged one (its CRC differs: V8
 * checks its own header but, in release builds, not the data): the bundle is compiled
 * as without a cache, and a new cache replaces it. Writing goes through a temporary file renamed
 * into place (never a partial cache) and its failures are ignored: a read-only install runs
 * without a cache.
 */
import { closeSync, fstatSync, openSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'fs';
import Module, { createRequire } from 'module';
import * as path from 'path';
import { Script } from 'vm';
import { parentPort, threadId, workerData } from 'worker_threads';
import * as zlib from 'zlib';

/** What pool.ts passes to the loader. */
export interface LoaderData {
  /** The bundled worker (absolute path). */
  bundle: string;
}

const MAGIC = 0x50534331; // "PSC1"
const HEADER = 28;

/** zlib.crc32 came in Node.js 20.15: without it, no cache (it could not be checked). */
const crc32 = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;

/** The cache file of a bundle. */
export function cacheFile(bundle: string): string {
  return `${bundle}.cache`;
}

/** A cache file: a header (magic, the bundle's size and modification time, the data's CRC-32), then V8's data. */
function readCache(file: string, size: number, mtimeMs: number): Buffer | undefined {
  if (!crc32) return undefined;
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return undefined;
  }
  if (bytes.length <= HEADER || bytes.readUInt32LE(0) !== MAGIC || bytes.readDoubleLE(4) !== size || bytes.readDoubleLE(12) !== mtimeMs) return undefined;
  const data = bytes.subarray(HEADER);
  return bytes.readUInt32LE(20) === crc32(data) && bytes.readUInt32LE(24) === data.length ? data : undefined;
}

export function writeCache(file: string, data: Buffer | (() => Buffer), size: number, mtimeMs: number): void {
  if (!crc32) return;
  // workers writing at the same time each write a file of their own; the last rename wins
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${threadId}.tmp`);
  let fd: number | null;
  try {
    fd = openSync(temporary, 'wx', 0o644);
  } catch {
    // a read-only folder: the data is not even made
    return;
  }
  try {
    const bytes = typeof data === 'function' ? data() : data;
    const header = Buffer.alloc(HEADER);
    header.writeUInt32LE(MAGIC, 0);
    header.writeDoubleLE(size, 4);
    header.writeDoubleLE(mtimeMs, 12);
    header.writeUInt32LE(crc32(bytes), 20);
    header.writeUInt32LE(bytes.length, 24);
    writeFileSync(fd, header);
    writeFileSync(fd, bytes);
    closeSync(fd);
    fd = null;
    renameSync(temporary, file);
  } catch {
    try {
      if (fd !== null) closeSync(fd);
    } catch {
      // nothing to do
    }
    try {
      unlinkSync(temporary);
    } catch {
      // gone already
    }
  }
}

/** Runs the bundle as a CommonJS module; returns a function that writes the cache if it had none. */
export function loadBundle(bundle: string): () => void {
  // the size and time of the very file read (a build may replace it meanwhile: it renames a new one in)
  const fd = openSync(bundle, 'r');
  let source: string;
  let size: number;
  let mtimeMs: number;
  try {
    ({ size, mtimeMs } = fstatSync(fd));
    source = readFileSync(fd, 'utf8');
  } finally {
    closeSync(fd);
  }
  const file = cacheFile(bundle);
  const cachedData = readCache(file, size, mtimeMs);
  const script = new Script(Module.wrap(source), { filename: bundle, cachedData });
  const needsCache = cachedData === undefined || script.cachedDataRejected === true;
  const run = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: Module, filename: string, dirname: string) => void;
  const mod = new Module(bundle, module);
  mod.filename = bundle;
  mod.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(path.dirname(bundle));
  run.call(mod.exports, mod.exports, createRequire(bundle), mod, bundle, path.dirname(bundle));
  mod.loaded = true;
  let done = !needsCache;
  return () => {
    if (done) return;
    done = true;
    writeCache(file, () => script.createCachedData(), size, mtimeMs);
  };
}

if (parentPort && workerData && typeof (workerData as LoaderData).bundle === 'string') {
  const port = parentPort;
  const save = loadBundle((workerData as LoaderData).bundle);
  // at the first reply, before it goes: the cache then holds what checking a workbook compiled,
  // and it is written even if the pool ends the worker as soon as the reply arrives
  const post = port.postMessage;
  port.postMessage = function (this: typeof port, ...args: Parameters<typeof port.postMessage>) {
    port.postMessage = post;
    save();
    post.apply(this, args);
  };
}

/**
 * The check worker as one file, for both ways the command runs: at build time into dist/cli/worker/
 * (scripts/bundle-worker.js, after tsc), and, run from the TypeScript sources (tests, the bench),
 * once per process into node_modules/.cache/ (pool.ts). One file starts faster than the dozens of
 * modules tsc writes, and the loader (workerLoader.ts) keeps V8's code cache of it.
 *
 * esbuild is a development dependency: only the build and source runs come here.
 */
import { createHash } from 'crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync } from 'fs';
import * as path from 'path';
import { cacheFile } from './workerLoader';

/** The worker's entry (the loader) and the bundle it runs. */
export interface WorkerFiles {
  loader: string;
  bundle: string;
}

export const LOADER_NAME = 'workerLoader.js';
export const BUNDLE_NAME = 'checkWorker.js';

/** The files of a worker in `dir`, or null if the folder does not hold both. */
export function workerFilesIn(dir: string): WorkerFiles | null {
  const files = { loader: path.join(dir, LOADER_NAME), bundle: path.join(dir, BUNDLE_NAME) };
  return existsSync(files.loader) && existsSync(files.bundle) ? files : null;
}

/** The loader and the bundle, as esbuild makes them from `root`'s sources. */
export function buildWorker(root: string): { name: string; contents: Uint8Array }[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const esbuild = require('esbuild') as typeof import('esbuild');
  const result = esbuild.buildSync({
    entryPoints: [path.join(root, 'src/cli/checkWorker.ts'), path.join(root, 'src/cli/workerLoader.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    outdir: '/',
    write: false,
    // libraries stay in node_modules, loaded as the compiled command loads them
    packages: 'external',
    absWorkingDir: root,
    logLevel: 'silent',
  });
  return result.outputFiles.map((file) => ({ name: path.basename(file.path), contents: file.contents }));
}

/** Writes each file through a temporary file renamed into place; a cache of a former bundle goes. */
export function writeWorker(dir: string, outputs: { name: string; contents: Uint8Array }[]): WorkerFiles {
  mkdirSync(dir, { recursive: true });
  for (const { name, contents } of outputs) {
    const file = path.join(dir, name);
    const temporary = path.join(dir, `.${name}.${process.pid}.tmp`);
    writeFileSync(temporary, contents);
    renameSync(temporary, file);
  }
  const files = { loader: path.join(dir, LOADER_NAME), bundle: path.join(dir, BUNDLE_NAME) };
  try {
    unlinkSync(cacheFile(files.bundle));
  } catch {
    // there was none
  }
  return files;
}

const STALE_MS = 60 * 60 * 1000;

/**
 * For source runs: the worker in node_modules/.cache/psc-worker-<hash of the bundle>/, made if it
 * is not there. A folder per bundle keeps the code cache across processes (every jest file and
 * bench run would otherwise start without one); folders of former sources go after an hour.
 */
export function sourceWorker(root: string): WorkerFiles {
  const outputs = buildWorker(root);
  const hash = createHash('sha256');
  for (const { name, contents } of [...outputs].sort((a, b) => (a.name < b.name ? -1 : 1))) hash.update(name).update('\0').update(contents);
  const cache = path.join(root, 'node_modules/.cache');
  const name = `psc-worker-${hash.digest('hex').slice(0, 16)}`;
  const dir = path.join(cache, name);
  // written before: left alone (rewriting the bundle would change its time, and so end its cache)
  const existing = workerFilesIn(dir);
  if (existing) return existing;
  const files = writeWorker(dir, outputs);
  try {
    for (const entry of readdirSync(cache)) {
      if (!entry.startsWith('psc-worker-') || entry === name) continue;
      const old = path.join(cache, entry);
      if (Date.now() - statSync(old).mtimeMs > STALE_MS) rmSync(old, { recursive: true, force: true });
    }
  } catch {
    // another process cleaned up at the same time
  }
  return files;
}

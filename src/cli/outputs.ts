import { promises as fs, realpathSync, statSync } from 'fs';
import type { InputFile } from './collect';
import { readInput } from './readInput';
import * as path from 'path';

/**
 * Where the command writes, decided before any workbook is read, so that no output can land on
 * or inside an input (design.md §8: originals are never written). Paths are compared after
 * resolving symlinks, since `out/` may be a link to the input folder.
 */
export interface OutputPlan {
  outDir: string | null;
  summaryPath: string | null;
  jsonPath: string | null;
  /** Paths the folder walk must not descend into: the out folder. */
  skip: string[];
}

/** Why an output is refused: the message's kind and the paths it names. */
export type OutputRefusal =
  | { kind: 'out-is-input'; out: string; input: string }
  | { kind: 'output-is-input'; option: '--summary' | '--json'; output: string }
  | { kind: 'outputs-clash'; a: string; b: string }
  | { kind: 'copy-is-input'; out: string; input: string };

export class OutputRefused extends Error {
  constructor(readonly refusal: OutputRefusal) {
    super(refusal.kind);
  }
}

/** The real path of p, or of its deepest existing ancestor with the rest appended (p need not exist). */
export function realPathOf(p: string): string {
  const absolute = path.resolve(p);
  const rest: string[] = [];
  let current = absolute;
  for (;;) {
    try {
      return path.join(realpathSync(current), ...rest.reverse());
    } catch {
      const parent = path.dirname(current);
      if (parent === current) return absolute;
      rest.push(path.basename(current));
      current = parent;
    }
  }
}

function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * Refuse outputs that would touch inputs: `--out` equal to or inside an input folder (the next run
 * would check the copies), `--out` equal to an input file, `--summary`/`--json` equal to an input
 * file, or two outputs on one path.
 */
export async function planOutputs(inputs: string[], options: { outDir: string | null; summaryPath: string | null; jsonPath: string | null }): Promise<OutputPlan> {
  const realInputs = await Promise.all(
    inputs.map(async (input) => {
      const real = realPathOf(input);
      const stat = await fs.stat(real).catch(() => null);
      return { input, real, folder: stat?.isDirectory() ?? false };
    }),
  );
  const outDir = options.outDir ? realPathOf(options.outDir) : null;
  const summaryPath = options.summaryPath ? realPathOf(options.summaryPath) : null;
  const jsonPath = options.jsonPath && options.jsonPath !== '-' ? realPathOf(options.jsonPath) : null;
  if (outDir) {
    for (const i of realInputs) {
      if ((i.folder && isInside(outDir, i.real)) || outDir === i.real) throw new OutputRefused({ kind: 'out-is-input', out: options.outDir as string, input: i.input });
    }
  }
  const files: [string | null, '--summary' | '--json', string | null][] = [
    [summaryPath, '--summary', options.summaryPath],
    [jsonPath, '--json', options.jsonPath],
  ];
  for (const [real, option, given] of files) {
    if (!real || !given) continue;
    if (realInputs.some((i) => i.real === real || (i.folder && real === i.real))) throw new OutputRefused({ kind: 'output-is-input', option, output: given });
  }
  if (summaryPath && jsonPath && summaryPath === jsonPath) throw new OutputRefused({ kind: 'outputs-clash', a: '--summary', b: '--json' });
  return { outDir, summaryPath, jsonPath, skip: outDir ? [outDir] : [] };
}

/** The folder all inputs share: copies mirror each input's path below it, so names never clash. */
export function commonFolder(inputs: string[]): string {
  const folders = inputs.map((input) => {
    const absolute = path.resolve(input);
    return isDirectorySync(absolute) ? absolute : path.dirname(absolute);
  });
  let common = folders[0] ?? process.cwd();
  for (const folder of folders.slice(1)) {
    while (!isInside(folder, common)) {
      const parent = path.dirname(common);
      if (parent === common) break;
      common = parent;
    }
  }
  return common;
}

function isDirectorySync(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/**
 * The copy's path below the out folder, as bytes: the input's folder relative to the common
 * folder, then the file's own path below its input (kept as bytes: names need not be UTF-8).
 */
export function copyRelativePath(common: string, root: string, relative: Buffer): Buffer {
  const absoluteRoot = path.resolve(root);
  if (relative.length === 0) {
    // a file given by name: its path below the common folder
    return Buffer.from(path.relative(common, absoluteRoot));
  }
  const rootRel = path.relative(common, absoluteRoot);
  return rootRel ? Buffer.concat([Buffer.from(rootRel + path.sep), relative]) : relative;
}

/** Core properties of the summary workbook this command writes: how a later run knows it as its own. */
export const SUMMARY_MARK = { creator: '進行管理票チェッカー', keywords: 'progress-sheet-summary' };

/** The real path of an input as latin1 text of its bytes (names need not be UTF-8). */
function realKey(p: string | Buffer): string {
  try {
    return realpathSync(p, { encoding: 'buffer' }).toString('latin1');
  } catch {
    return Buffer.from(path.resolve(typeof p === 'string' ? p : p.toString('latin1'))).toString('latin1');
  }
}

/**
 * Once the folders are walked: no output may be one of the workbooks found. A summary this command
 * wrote in an earlier run is no submission: it is dropped from the inputs and may be replaced.
 */
export async function settleOutputsAgainstInputs(plan: OutputPlan, inputs: InputFile[], common: string): Promise<InputFile[]> {
  const byKey = new Map<string, InputFile>();
  for (const input of inputs) if (!input.problem) byKey.set(realKey(input.fsPath), input);
  let kept = inputs;
  if (plan.summaryPath) {
    const hit = byKey.get(realKey(plan.summaryPath));
    if (hit) {
      if (!(await isOwnSummary(hit.fsPath))) throw new OutputRefused({ kind: 'output-is-input', option: '--summary', output: hit.shown });
      kept = kept.filter((i) => i !== hit);
      byKey.delete(realKey(plan.summaryPath));
    }
  }
  if (plan.jsonPath) {
    const hit = byKey.get(realKey(plan.jsonPath));
    if (hit) throw new OutputRefused({ kind: 'output-is-input', option: '--json', output: hit.shown });
  }
  if (plan.outDir) {
    for (const input of kept) {
      if (input.problem) continue;
      const target = Buffer.concat([Buffer.from(plan.outDir + path.sep), copyRelativePath(common, input.root, input.relative)]);
      const hit = byKey.get(realKey(target));
      if (hit) throw new OutputRefused({ kind: 'copy-is-input', out: plan.outDir, input: hit.shown });
    }
  }
  return kept;
}

async function isOwnSummary(file: string | Buffer): Promise<boolean> {
  const read = await readInput(file, 20 * 1024 * 1024);
  if (!read.ok) return false;
  try {
    // loaded only here, where a summary written before is recognised (start-up time)
    const { unzipSync, strFromU8 } = await import('fflate');
    const parts = unzipSync(read.bytes, { filter: (f) => f.name === 'docProps/core.xml' && f.originalSize < 64 * 1024 });
    const core = parts['docProps/core.xml'];
    return core !== undefined && strFromU8(core).includes(`>${SUMMARY_MARK.keywords}<`);
  } catch {
    return false;
  }
}

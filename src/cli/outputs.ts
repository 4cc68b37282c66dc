import { promises as fs, realpathSync, statSync } from 'fs';
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
  /** Paths the folder walk must not collect: the outputs themselves. */
  skip: string[];
}

/** Why an output is refused: the message's kind and the paths it names. */
export type OutputRefusal =
  | { kind: 'out-is-input'; out: string; input: string }
  | { kind: 'output-is-input'; option: '--summary' | '--json'; output: string }
  | { kind: 'outputs-clash'; a: string; b: string };

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
  return { outDir, summaryPath, jsonPath, skip: [outDir, summaryPath, jsonPath].filter((p): p is string => p !== null) };
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

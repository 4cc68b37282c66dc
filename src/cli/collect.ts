import { promises as fs, type Dirent } from 'fs';
import * as path from 'path';

/** Files a folder contributes: workbooks, including legacy .xls (reported as unreadable with a reason). */
const WORKBOOK = /\.(xlsx|xlsm|xls)$/i;
/** Excel's lock files (~$name.xlsx) are no workbooks. */
const LOCK_FILE = /^~\$/;

/**
 * One workbook to check. Paths inside folders are kept as bytes (`fsPath`): a file name that is
 * not UTF-8 (a share written by an old Windows in Shift_JIS) must still be opened, even though it
 * can only be shown with replacement characters.
 */
export interface InputFile {
  /** What the report shows (UTF-8, '/' separators; undecodable bytes as U+FFFD). */
  shown: string;
  /** What the file system is given. */
  fsPath: string | Buffer;
  /** The command-line argument this file came from, and the file's path below it (for copies). */
  root: string;
  relative: Buffer;
  /** Set when the file or folder could not be listed or found: the reason's kind and detail. */
  problem?: { kind: 'missing' | 'folder-unreadable'; detail: string };
}

export interface CollectOptions {
  /** Paths never to collect (the out folder, the summary, the JSON report): resolved, absolute. */
  skip?: string[];
  /** The directory lister (tests inject failures that root, who runs CI, would never see). */
  readdir?: (dir: Buffer) => Promise<Dirent<Buffer>[]>;
}

const defaultReaddir = (dir: Buffer) => fs.readdir(dir, { withFileTypes: true, encoding: 'buffer' });

/** Expand the command's arguments into workbook paths, folders recursively, sorted, without repeats. */
export async function collectInputs(inputs: string[], options: CollectOptions = {}): Promise<InputFile[]> {
  const out: InputFile[] = [];
  const seen = new Set<string>();
  const skip = new Set((options.skip ?? []).map((p) => path.resolve(p)));
  const readdir = options.readdir ?? defaultReaddir;
  const add = (file: InputFile) => {
    const key = identity(file.fsPath);
    if (seen.has(key)) return;
    seen.add(key);
    out.push(file);
  };
  for (const input of inputs) {
    let stat;
    try {
      stat = await fs.stat(input);
    } catch {
      add({ shown: shown(input), fsPath: input, root: input, relative: Buffer.alloc(0), problem: { kind: 'missing', detail: '' } });
      continue;
    }
    if (stat.isDirectory()) {
      await walk(input, Buffer.from(input), Buffer.alloc(0), { add, skip, readdir });
    } else {
      add({ shown: shown(input), fsPath: input, root: input, relative: Buffer.alloc(0) });
    }
  }
  return out;
}

interface Walk {
  add: (file: InputFile) => void;
  skip: Set<string>;
  readdir: (dir: Buffer) => Promise<Dirent<Buffer>[]>;
}

/** One folder; a folder that cannot be listed is one line of the report, and the walk goes on. */
async function walk(root: string, dir: Buffer, relative: Buffer, w: Walk): Promise<void> {
  let entries: Dirent<Buffer>[];
  try {
    entries = await w.readdir(dir);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'I/O';
    w.add({ shown: shown(dir), fsPath: dir, root, relative, problem: { kind: 'folder-unreadable', detail: code } });
    return;
  }
  // Japanese collation on the shown names; bytes break ties so the order is total
  const named = entries.map((e) => ({ entry: e, name: decode(e.name) }));
  named.sort((a, b) => a.name.localeCompare(b.name, 'ja') || Buffer.compare(a.entry.name, b.entry.name));
  for (const { entry, name } of named) {
    if (name.startsWith('.')) continue;
    const full = join(dir, entry.name);
    if (w.skip.has(path.resolve(decode(full)))) continue;
    const rel = relative.length ? join(relative, entry.name) : entry.name;
    if (entry.isDirectory()) await walk(root, full, rel, w);
    else if (WORKBOOK.test(name) && !LOCK_FILE.test(name)) w.add({ shown: shown(full), fsPath: full, root, relative: rel });
  }
}

/** The same file reached twice (as an argument and inside a folder) is checked once. */
function identity(p: string | Buffer): string {
  const bytes = typeof p === 'string' ? Buffer.from(p) : p;
  const text = decode(bytes);
  // a name that is no valid UTF-8 is compared by its bytes: two such names may decode alike
  return Buffer.from(text).equals(bytes) ? path.resolve(text) : `bytes:${bytes.toString('hex')}`;
}

function join(dir: Buffer, name: Buffer): Buffer {
  return Buffer.concat([dir, Buffer.from(path.sep), name]);
}

/** Bytes → text for people; invalid UTF-8 becomes U+FFFD rather than an error. */
function decode(bytes: Buffer): string {
  return new TextDecoder('utf-8', { fatal: false }).decode(bytes);
}

function shown(p: string | Buffer): string {
  const text = typeof p === 'string' ? p : decode(p);
  return text.split(path.sep).join('/');
}

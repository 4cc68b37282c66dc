import { promises as fs } from 'fs';
import * as path from 'path';

/** Files a folder contributes: workbooks, including legacy .xls (reported as unreadable with a reason). */
const WORKBOOK = /\.(xlsx|xlsm|xls)$/i;
/** Excel's lock files (~$name.xlsx) are no workbooks. */
const LOCK_FILE = /^~\$/;

export type InputFile = { path: string; missing?: false } | { path: string; missing: true };

/** Expand the command's arguments into workbook paths, folders recursively, sorted, without repeats. */
export async function collectInputs(inputs: string[]): Promise<InputFile[]> {
  const out: InputFile[] = [];
  const seen = new Set<string>();
  const add = (p: string, missing = false) => {
    const key = path.resolve(p);
    if (seen.has(key)) return;
    seen.add(key);
    out.push(missing ? { path: p, missing: true } : { path: p });
  };
  for (const input of inputs) {
    let stat;
    try {
      stat = await fs.stat(input);
    } catch {
      add(input, true);
      continue;
    }
    if (stat.isDirectory()) {
      for (const file of await walk(input)) add(file);
    } else {
      add(input);
    }
  }
  return out;
}

async function walk(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name, 'ja'))) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await walk(full)));
    else if (WORKBOOK.test(entry.name) && !LOCK_FILE.test(entry.name)) files.push(full);
  }
  return files;
}

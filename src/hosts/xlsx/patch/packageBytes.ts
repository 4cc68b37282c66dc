/**
 * The last step of a copy: a package's edits (plain data, so that they cross from the worker that
 * made them to the thread that writes the file) become the zip's bytes. Unchanged entries keep
 * their stored bytes; rewritten parts are checked for well-formedness (when the original was
 * well-formed) and recompressed; new parts go last.
 *
 * The command line runs this on its main thread, which waits for the workers anyway: the check
 * and the deflate, a quarter of a copy's cost, then no longer hold up the next workbook's check.
 * Its input is bounded by what the worker could make within its limits, and its cost is linear.
 */
import { cannotAnnotate } from './errors';
import { wellFormedBytesError, wellFormedError } from './wellFormed';
import { entryData, makeEntry, readZip, writeZip } from './zip';

/** One part of the copy that differs from the original: its new UTF-8 bytes. */
export interface EditedPart {
  name: string;
  data: Uint8Array;
  /** A part the original did not have (comments, drawings): written after the others. */
  added: boolean;
}

/** A patched package as plain data: the original's bytes and the parts rewritten or added. */
export interface PackageEdits {
  original: Uint8Array;
  parts: EditedPart[];
}

const decoder = new TextDecoder();

export function editedPackageBytes(edits: PackageEdits): Uint8Array {
  if (edits.parts.length === 0) return edits.original.slice();
  const rewritten = new Map(edits.parts.filter((p) => !p.added).map((p) => [p.name, p.data]));
  const out = readZip(edits.original).map((entry) => {
    const data = rewritten.get(entry.name);
    if (data === undefined) return entry;
    // the original is only looked at when the rewrite fails: a part that came broken stays as it came
    // every part is checked as the bytes it is written as (the byte check gives the string check's answers)
    const after = wellFormedBytesError(data);
    if (after && !wellFormedError(decoder.decode(entryData(entry)))) throw cannotAnnotate(`${entry.name} を正しく書き換えられません`, `rewriting ${entry.name} failed: ${after}`);
    return makeEntry(entry.name, data, entry);
  });
  const like = out[0];
  for (const { name, data, added } of edits.parts) {
    if (!added) continue;
    const error = wellFormedBytesError(data);
    if (error) throw cannotAnnotate(`${name} を正しく作れません`, `writing ${name} failed: ${error}`);
    out.push(makeEntry(name, data, like));
  }
  return writeZip(out);
}

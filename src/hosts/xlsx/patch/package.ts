/** The package's parts by name, with the parts we rewrite or add kept apart from the originals. */
import { type ZipEntry, entryData, makeEntry, readZip, writeZip } from './zip';
import { cannotAnnotate } from './errors';
import { wellFormedError } from './wellFormed';

const decoder = new TextDecoder();
const encoder = new TextEncoder();

export class Package {
  private readonly entries: ZipEntry[];
  private readonly byName = new Map<string, number>();
  private readonly rewritten = new Map<string, string>();
  private readonly added: string[] = [];
  private readonly decoded = new Map<number, string>();

  constructor(bytes: Uint8Array) {
    this.entries = readZip(bytes);
    this.entries.forEach((e, i) => this.byName.set(e.name.toLowerCase(), i));
  }

  has(name: string): boolean {
    return this.byName.has(name.toLowerCase()) || this.rewritten.has(name);
  }

  /** A part's text as it stands now (our rewrite if there is one). */
  text(name: string): string | undefined {
    const current = this.rewritten.get(name);
    if (current !== undefined) return current;
    const i = this.byName.get(name.toLowerCase());
    if (i === undefined) return undefined;
    // each part is inflated and decoded once, however often it is asked for
    let text = this.decoded.get(i);
    if (text === undefined) this.decoded.set(i, (text = decoder.decode(entryData(this.entries[i]))));
    return text;
  }

  /** The part's name as the package spells it (OPC names are case-insensitive). */
  spelling(name: string): string {
    const i = this.byName.get(name.toLowerCase());
    return i === undefined ? name : this.entries[i].name;
  }

  get changed(): boolean {
    return this.rewritten.size > 0;
  }

  names(): string[] {
    return [...this.entries.map((e) => e.name), ...this.added];
  }

  set(name: string, text: string): void {
    const spelled = this.spelling(name);
    if (!this.byName.has(spelled.toLowerCase()) && !this.rewritten.has(spelled)) this.added.push(spelled);
    this.rewritten.set(spelled, text);
  }

  /**
   * The new package: unchanged entries keep their stored bytes; rewritten parts are checked for
   * well-formedness (when the original was well-formed) and recompressed; new parts go last.
   */
  toBytes(): Uint8Array {
    const out = this.entries.map((entry) => {
      const text = this.rewritten.get(entry.name);
      if (text === undefined) return entry;
      // the original is only looked at when the rewrite fails: a part that came broken stays as it came
      const after = wellFormedError(text);
      if (after && !wellFormedError(decoder.decode(entryData(entry)))) throw cannotAnnotate(`${entry.name} を正しく書き換えられません`, `rewriting ${entry.name} failed: ${after}`);
      return makeEntry(entry.name, encoder.encode(text), entry);
    });
    const like = this.entries[0];
    for (const name of this.added) {
      const text = this.rewritten.get(name) ?? '';
      const error = wellFormedError(text);
      if (error) throw cannotAnnotate(`${name} を正しく作れません`, `writing ${name} failed: ${error}`);
      out.push(makeEntry(name, encoder.encode(text), like));
    }
    return writeZip(out);
  }
}

/** "xl/worksheets" + "../comments1.xml" → "xl/comments1.xml"; absolute targets start at the root. */
export function resolvePath(baseDir: string, target: string): string {
  const parts = target.startsWith('/') ? [] : baseDir.split('/').filter(Boolean);
  for (const seg of target.split('/')) {
    if (!seg || seg === '.') continue;
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  return parts.join('/');
}

export function dirName(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

/** The relationships part of a part: xl/worksheets/sheet1.xml → xl/worksheets/_rels/sheet1.xml.rels. */
export function relsPath(part: string): string {
  const dir = dirName(part);
  const base = part.slice(dir.length ? dir.length + 1 : 0);
  return `${dir ? `${dir}/` : ''}_rels/${base}.rels`;
}

/** A path from one part's folder to another part, for a relationship's Target. */
export function relativeTarget(fromDir: string, to: string): string {
  const from = fromDir.split('/').filter(Boolean);
  const target = to.split('/');
  let common = 0;
  while (common < from.length && common < target.length - 1 && from[common] === target[common]) common++;
  return [...from.slice(common).map(() => '..'), ...target.slice(common)].join('/');
}

import type { FileReport, Totals } from './report';
import { AtomicFile } from './safeWrite';

/**
 * The JSON report (design.md §8) written as files finish, so memory does not grow with the number
 * of issues: the head, one file at a time, then the totals. The text is the same as
 * JSON.stringify(report, null, 2) would give.
 */
export class JsonReportWriter {
  private count = 0;

  private constructor(private readonly sink: { write: (text: string) => Promise<void> | void; end: () => Promise<void> | void }) {}

  /** To a file (through a temporary file and a rename) or, for "-", to standard output. */
  static async open(target: string | null, stdout: (text: string) => void, asOf: string): Promise<JsonReportWriter> {
    let writer: JsonReportWriter;
    if (target === null) {
      // standard output is written a line at a time: complete lines go out, the rest waits
      let buffered = '';
      writer = new JsonReportWriter({
        write: (text) => {
          buffered += text;
          const cut = buffered.lastIndexOf('\n');
          if (cut < 0) return;
          for (const line of buffered.slice(0, cut).split('\n')) stdout(line);
          buffered = buffered.slice(cut + 1);
        },
        end: () => {
          if (buffered !== '') stdout(buffered.replace(/\n$/, ''));
          buffered = '';
        },
      });
    } else {
      const file = await AtomicFile.open(target);
      writer = new JsonReportWriter({ write: (text) => file.write(text), end: () => file.commit() });
      writer.abort = () => file.abort();
    }
    await writer.sink.write(`{\n  "asOf": ${JSON.stringify(asOf)},\n  "files": [`);
    return writer;
  }

  abort: () => Promise<void> = async () => undefined;

  async add(file: FileReport): Promise<void> {
    const chunks = new Chunker((text) => this.sink.write(text));
    await chunks.push(this.count === 0 ? '\n    ' : ',\n    ');
    await streamValue(file, '    ', 0, chunks);
    await chunks.flush();
    this.count++;
  }

  /** `after` holds sections written after the totals (previousRound): new fields, never renamed ones. */
  async close(totals: Totals, after: Record<string, unknown> = {}): Promise<void> {
    const end = this.count === 0 ? ']' : '\n  ]';
    const more = Object.entries(after)
      .map(([key, value]) => `,\n  ${JSON.stringify(key)}: ${pretty(value, '  ')}`)
      .join('');
    await this.sink.write(`${end},\n  "totals": ${pretty(totals, '  ')}${more}\n}\n`);
    await this.sink.end();
  }
}

/** Pieces of text gathered into writes of a bounded size. */
class Chunker {
  private parts: string[] = [];
  private size = 0;

  constructor(private readonly write: (text: string) => Promise<void> | void) {}

  async push(text: string): Promise<void> {
    this.parts.push(text);
    this.size += text.length;
    if (this.size >= 256 * 1024) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.parts.length === 0) return;
    const text = this.parts.join('');
    this.parts = [];
    this.size = 0;
    await this.write(text);
  }
}

/** JSON.stringify(value, null, 2), continued at `indent`. */
function pretty(value: unknown, indent: string): string {
  return (JSON.stringify(value, null, 2) ?? 'null').replace(/\n/g, `\n${indent}`);
}

/**
 * The same text as pretty(value, indent), written in pieces: a file's report with 80,000 items is
 * never one string. Objects and arrays down to the items are walked; each item is stringified alone.
 */
async function streamValue(value: unknown, indent: string, depth: number, out: Chunker): Promise<void> {
  if (depth >= 4 || value === null || typeof value !== 'object') {
    await out.push(pretty(value, indent));
    return;
  }
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return out.push('[]');
    await out.push('[');
    for (let i = 0; i < value.length; i++) {
      await out.push(`${i ? ',' : ''}\n${inner}`);
      // JSON.stringify writes undefined array members as null
      await streamValue(value[i] === undefined ? null : value[i], inner, depth + 1, out);
    }
    return out.push(`\n${indent}]`);
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined && typeof v !== 'function');
  if (entries.length === 0) return out.push('{}');
  await out.push('{');
  for (let i = 0; i < entries.length; i++) {
    const [key, v] = entries[i];
    await out.push(`${i ? ',' : ''}\n${inner}${JSON.stringify(key)}: `);
    await streamValue(v, inner, depth + 1, out);
  }
  await out.push(`\n${indent}}`);
}

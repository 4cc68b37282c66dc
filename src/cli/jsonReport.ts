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
    const body = indent(JSON.stringify(file, null, 2), '    ');
    await this.sink.write(`${this.count === 0 ? '\n' : ',\n'}${body}`);
    this.count++;
  }

  async close(totals: Totals): Promise<void> {
    const end = this.count === 0 ? ']' : '\n  ]';
    await this.sink.write(`${end},\n  "totals": ${indent(JSON.stringify(totals, null, 2), '  ').trimStart()}\n}\n`);
    await this.sink.end();
  }
}

function indent(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((line) => prefix + line)
    .join('\n');
}

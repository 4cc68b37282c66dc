/** The progress line a folder check draws on a terminal (issue: the reform office's batch, fast). */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../src/cli/main';
import { ProgressBar } from '../../src/cli/progress';
import { EXAMPLES } from '../helpers/workbooks';

/** The line as the terminal shows it after the last redraw. */
function lastLine(writes: string[]): string {
  const drawn = writes.filter((w) => w.startsWith('\r\u001b[K') && w.length > 4);
  return (drawn[drawn.length - 1] ?? '').slice(4);
}

describe('the bar', () => {
  // the bar redraws at most every 80 ms (and when the last file is done)
  beforeEach(() => jest.useFakeTimers({ now: 1_000 }));
  afterEach(() => jest.useRealTimers());

  test('files done of all, then 完了; the file being read beside it', () => {
    const writes: string[] = [];
    const bar = new ProgressBar((raw) => writes.push(raw), 4, 'ja');
    bar.started('課/総務課.xlsx');
    expect(lastLine(writes)).toBe('[....................] 0/4  課/総務課.xlsx');
    jest.advanceTimersByTime(100);
    bar.finished();
    expect(lastLine(writes)).toBe('[#####...............] 1/4  課/総務課.xlsx');
    bar.finished();
    bar.finished();
    bar.finished();
    expect(lastLine(writes)).toBe('[####################] 4/4  完了');
  });

  test('with copies, a file is two steps: the bar moves as files are checked, and says when the copies are being written', () => {
    const writes: string[] = [];
    const bar = new ProgressBar((raw) => writes.push(raw), 2, 'en', 80, 2);
    bar.started('a.xlsx');
    jest.advanceTimersByTime(100);
    bar.checked();
    expect(lastLine(writes)).toBe('[#####...............] 0/2  a.xlsx');
    jest.advanceTimersByTime(100);
    bar.checked();
    expect(lastLine(writes)).toBe('[##########..........] 0/2  writing the copies');
    jest.advanceTimersByTime(100);
    bar.finished();
    expect(lastLine(writes)).toBe('[###############.....] 1/2  writing the copies');
    bar.finished();
    expect(lastLine(writes)).toBe('[####################] 2/2  done');
  });

  test('a long path keeps its end, within the terminal width (Japanese takes two cells)', () => {
    const writes: string[] = [];
    const bar = new ProgressBar((raw) => writes.push(raw), 1, 'ja', 40);
    bar.started('令和7年度/第2四半期/政策企画局/行革デジタル推進課_実施計画.xlsx');
    const line = lastLine(writes);
    expect(line.startsWith('[....................] 0/1  …')).toBe(true);
    expect(line.endsWith('.xlsx')).toBe(true);
  });
});

describe('a folder check', () => {
  async function run(...argv: string[]): Promise<{ out: string[]; terminal: string[] }> {
    const out: string[] = [];
    const terminal: string[] = [];
    const err: string[] = [];
    await main(['check', '--as-of', '2025-10-15', ...argv], { out: (s) => out.push(s), err: (s) => err.push(s), terminal: { write: (raw) => terminal.push(raw), columns: 100 } }, { workers: 1 });
    return { out, terminal };
  }
  const count = fs.readdirSync(EXAMPLES).filter((f) => f.endsWith('.xlsx')).length;

  test('on a terminal: the bar, cleared for each report line and drawn again, ending with every file done', async () => {
    const { out, terminal } = await run(EXAMPLES);
    expect(lastLine(terminal)).toBe(`[####################] ${count}/${count}  完了`);
    // the report lines are the command's output, not drawn into the bar
    expect(out.some((line) => line.includes('美祢市_進捗管理票.xlsx'))).toBe(true);
    expect(terminal.every((w) => !w.includes('エラー'))).toBe(true);
    // the line is cleared (and drawn again) around each report line printed while it shows
    expect(terminal).toContain('\r\u001b[K');
  });

  test('with --out: every file done once its copy is written', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'psc-progress-'));
    const { terminal } = await run('--out', path.join(dir, 'out'), EXAMPLES);
    expect(lastLine(terminal)).toBe(`[####################] ${count}/${count}  完了`);
    expect(fs.readdirSync(path.join(dir, 'out')).length).toBeGreaterThan(0);
  });

  test('with --json - (a stream on standard output), no bar', async () => {
    const { out, terminal } = await run('--json', '-', EXAMPLES);
    expect(terminal).toEqual([]);
    expect(JSON.parse(out.join('\n')).files).toHaveLength(count);
  });
});

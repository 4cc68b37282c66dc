/** The streamed JSON report is the very text JSON.stringify(report, null, 2) gives, file or stdout. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../src/cli/main';
import { EXAMPLES, HARD } from '../helpers/workbooks';

async function run(...argv: string[]): Promise<string> {
  const out: string[] = [];
  await main(argv, { out: (s) => out.push(s), err: () => undefined }, { workers: 2 });
  return out.join('\n');
}

test('--json FILE and --json - give the same text, formatted as JSON.stringify(report, null, 2)', async () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'psc-json-')), 'report.json');
  await run('check', '--as-of', '2025-10-15', '--quiet', '--json', file, EXAMPLES, path.join(HARD, 'unreadable', 'empty.xlsx'));
  const written = fs.readFileSync(file, 'utf8');
  const parsed = JSON.parse(written) as { files: unknown[]; totals: { files: number } };
  expect(parsed.files).toHaveLength(5);
  expect(parsed.totals.files).toBe(5);
  expect(written).toBe(`${JSON.stringify(parsed, null, 2)}\n`);
  const printed = await run('check', '--as-of', '2025-10-15', '--json', '-', EXAMPLES, path.join(HARD, 'unreadable', 'empty.xlsx'));
  expect(`${printed}\n`).toBe(written);
});

test('a run with no workbook still writes a valid report', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'psc-json-empty-'));
  const text = await run('check', '--as-of', '2025-10-15', '--json', '-', dir);
  expect(JSON.parse(text)).toEqual({ asOf: '2025-10-15', files: [], totals: expect.objectContaining({ files: 0 }) });
  expect(`${text}\n`).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
});

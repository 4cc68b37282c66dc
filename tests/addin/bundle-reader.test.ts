// The pane bundle reads submitted workbooks (提出ブックを取り込む) with the command line's reader,
// which inflates with Node's zlib: webpack swaps that one module for the fflate one, so the bundle
// holds the reader and fflate's inflater and nothing of Node's zlib (no polyfill either).
import * as fs from 'fs';
import * as path from 'path';
import { REPO_ROOT, sharedAddinBuild } from '../e2e/browser';

let taskpane = '';
let all = '';

beforeAll(async () => {
  // Shared with the other bundle and e2e tests: one production build per test run.
  const buildDir = await sharedAddinBuild('cdn', { OFFICE_JS: 'cdn', ADDIN_BASE_URL: '' });
  const bundles = fs.readdirSync(buildDir).filter((name) => name.endsWith('.js'));
  const code = (name: string) => fs.readFileSync(path.join(buildDir, name), 'utf8');
  taskpane = code(bundles.find((name) => name.startsWith('taskpane.'))!);
  all = bundles.map(code).join('\n');
}, 300_000);

test('the task pane bundle holds the workbook reader and fflate’s inflater', () => {
  expect(taskpane).toContain('zip directory not found'); // src/hosts/xlsx/read/zip.ts
  expect(taskpane).toContain('invalid block type'); // fflate's inflater
});

test('no bundle holds Node’s zlib, a zlib polyfill, or the Node inflater', () => {
  for (const marker of ['inflateRawSync', 'maxOutputLength', 'ERR_BUFFER_TOO_LARGE', 'require("zlib")', "require('zlib')", 'Z_MIN_CHUNK', 'pako']) {
    expect({ marker, found: all.includes(marker) }).toEqual({ marker, found: false });
  }
});

test('the webpack alias maps read/inflate.ts to read/inflate.browser.ts', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const config = require(path.join(REPO_ROOT, 'webpack.config.js'))({}, { mode: 'production' }) as { resolve: { alias: Record<string, string> } };
  const inflate = path.join(REPO_ROOT, 'src/hosts/xlsx/read/inflate.ts');
  expect(config.resolve.alias[inflate]).toBe(path.join(REPO_ROOT, 'src/hosts/xlsx/read/inflate.browser.ts'));
});

// 「提出ブックを取り込む」 in the built task pane, in headless Chromium against the Excel double: three
// example workbooks are picked through the file input (as a person picks them), read inside the
// page with the pane's own reader (fflate, no upload: only 127.0.0.1 is reachable), and the
// summary and returns sheets the pane writes are exactly those the same host code writes in Node.
// The same again without the built-ins Excel 2019's Edge Legacy webview lacks (TextDecoder,
// Blob.arrayBuffer…): src/polyfills.ts and FileReader carry it. Screenshot: test-output/pane-import.png.
import * as fs from 'fs';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import { importSubmissions } from '../../src/hosts/office/importSubmissions';
import { ExcelDouble } from '../office-double/excel';
import { buildWorkbook, diffWorkbooks, type WorkbookData } from '../office-double/state';
import {
  CHROMIUM_MISSING_NOTE,
  REPO_ROOT,
  hasChromium,
  launchBrowser,
  openGuardedPage,
  sharedAddinBuild,
  type GuardedPage,
  type NetworkRecord,
} from './browser';
import { bundleDouble, serveDoubleAsOfficeJs, type DoubleBundle } from './bundleDouble';
import type { DoubleHandle } from './doubleInBrowser';
import { removeEdgeLegacyMissing } from './edgeLegacy';
import { workbookFromJson } from './workbookJson';

const AS_OF = '2025-10-15';
const OUTPUT = path.join(REPO_ROOT, 'test-output');
const SCREENSHOT = path.join(OUTPUT, 'pane-import.png');
const FILES = ['政策企画局_四半期進捗.xlsx', '美祢市_進捗管理票.xlsx', '行革デジタル推進課_実施計画.xlsx'].map((f) => path.join(REPO_ROOT, 'examples', f));

const chromiumAvailable = hasChromium();
if (!chromiumAvailable) console.warn(CHROMIUM_MISSING_NOTE);
const describeBrowser = chromiumAvailable ? describe : describe.skip;

/** The reform office's own workbook, before the import. */
function seed(): WorkbookData {
  return buildWorkbook([{ name: '表紙', values: [['令和7年度 第2四半期 提出状況']] }]);
}

const MODES = [
  { name: 'Chromium', legacy: false, screenshot: SCREENSHOT },
  { name: 'Chromium without what Edge Legacy lacks', legacy: true, screenshot: path.join(OUTPUT, 'pane-import-legacy.png') },
];

describeBrowser.each(MODES)('提出ブックを取り込む in the built pane ($name, closed network)', ({ legacy, screenshot }) => {
  let browser: Browser;
  let pane: GuardedPage;
  let tab: Page;
  let network: NetworkRecord[];
  let pageErrors: string[];
  let consoleErrors: string[];

  beforeAll(async () => {
    let buildDir: string;
    let double: DoubleBundle;
    [buildDir, double, browser] = await Promise.all([
      sharedAddinBuild('cdn', { OFFICE_JS: 'cdn', ADDIN_BASE_URL: '' }),
      bundleDouble(`test-output/e2e-build/import-office-js${legacy ? '-legacy' : ''}`),
      launchBrowser(),
    ]);
    pane = await openGuardedPage(browser, buildDir, {
      locale: 'ja-JP',
      viewport: { width: 420, height: 900 },
      prepare: async (context) => {
        if (legacy) await context.addInitScript(removeEdgeLegacyMissing());
        // (the double is test code standing in for Office.js: with the page's globalThis removed, it gets its own)
        await serveDoubleAsOfficeJs(context, double, seed(), { ownGlobalThis: legacy });
      },
    });
    ({ tab, network, pageErrors, consoleErrors } = pane);
    fs.mkdirSync(OUTPUT, { recursive: true });
  }, 300_000);

  afterAll(async () => {
    await pane?.close();
    await browser?.close();
  });

  test('three workbooks picked through the file input become the summary and returns sheets, as in Node', async () => {
    await pane.openTaskPane('提出ブックを取り込む');
    await tab.getByLabel('基準日').fill(AS_OF);
    await tab.getByLabel('取り込む提出ブック（.xlsx、複数選べます）').setInputFiles(FILES);
    const result = tab.getByTestId('import-result');
    await result.waitFor({ state: 'visible', timeout: 60_000 });
    await expect(result.textContent()).resolves.toMatch(/^提出ブック 3 件を取り込み、「集計」シートに集計しました。差し戻しシート \d+ 枚: 差し戻し_/);
    const lines = await tab.locator('[data-testid="import-files-result"] li').allTextContents(); // (no role query: it needs checkVisibility, removed in the legacy mode)
    expect(lines.map((l) => l.split('：')[0]).sort()).toEqual(FILES.map((f) => path.basename(f)).sort());
    for (const line of lines) expect(line).toMatch(/：取組 \d+ 件・エラー \d+ 件・警告 \d+ 件$/);
    await tab.getByTestId('import-result').scrollIntoViewIfNeeded();
    await tab.screenshot({ path: screenshot, fullPage: true });
    if (legacy) await expect(tab.evaluate(() => [typeof TextDecoder, typeof Blob.prototype.arrayBuffer])).resolves.toEqual(['function', 'undefined']);

    const inPage = workbookFromJson(await tab.evaluate(() => (window as unknown as { __PSC_DOUBLE__: DoubleHandle }).__PSC_DOUBLE__.state()));
    // the same host code in Node (Node's zlib), against the same seed
    const node = new ExcelDouble({ workbook: seed() });
    const uninstall = node.install();
    try {
      await importSubmissions(
        FILES.map((f) => ({ name: path.basename(f), read: async () => new Uint8Array(fs.readFileSync(f)) })),
        { asOf: AS_OF, locale: 'ja', returns: true },
      );
    } finally {
      uninstall();
    }
    expect(inPage.sheets.map((s) => s.name)).toEqual(node.workbook.sheets.map((s) => s.name));
    expect(inPage.sheets.map((s) => s.name).slice(0, 2)).toEqual(['表紙', '集計']);
    expect(diffWorkbooks(node.workbook, inPage)).toEqual([]);
    const summary = inPage.sheets[1];
    expect((summary.charts ?? []).map((c) => c.type)).toEqual(['BarStacked', 'ColumnClustered']);
    expect((summary.tables ?? []).length).toBe((node.workbook.sheets[1].tables ?? []).length);
    expect(inPage.activeSheetId).toBe(summary.id);
  }, 120_000);

  test('nothing but 127.0.0.1 was contacted, and the page raised no error', () => {
    expect(network.filter((record) => record.external).map((record) => record.url)).toEqual([]);
    expect(pageErrors).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});

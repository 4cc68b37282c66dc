// The built task pane, driven like a person in headless Chromium, against the Excel double holding
// a real example workbook. The pane's own <script src=".../office.js"> gets the double instead of
// Microsoft's Office.js (the CDN address is answered by the test), everything else comes from a
// static server on 127.0.0.1, and any other request is aborted and fails the test.
//
// Checks: the check marks the two missing Q2 reports (D8, D12) in the pane and in the workbook, in
// few syncs; "go to cell" selects the cell; the pane lists exactly the cells the CLI's engine finds
// in the same file; ［色とメモを消す］ gives the workbook back as it was. Screenshots at 350 and 450 px
// wide go to test-output/; axe-core, when installed, finds no violation after a check.
import * as fs from 'fs';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import { checkSheet } from '../../src/engine';
import { readWorkbook } from '../../src/hosts/xlsx/readWorkbook';
import { workbookFromXlsx } from '../office-double/fromXlsx';
import { type WorkbookData, cellAt, diffWorkbooks } from '../office-double/state';
import {
  CDN_OFFICE_JS,
  CHROMIUM_MISSING_NOTE,
  REPO_ROOT,
  sharedAddinBuild,
  hasChromium,
  launchBrowser,
  openGuardedPage,
  type GuardedPage,
  type NetworkRecord,
  type StaticServer,
} from './browser';
import { bundleDouble, serveDoubleAsOfficeJs, type DoubleBundle } from './bundleDouble';
import type { DoubleHandle } from './doubleInBrowser';
import { type WorkbookJson, workbookFromJson, workbookToJson } from './workbookJson';

const EXAMPLE = path.join(REPO_ROOT, 'examples', '政策企画局_四半期進捗.xlsx');
const AS_OF = '2025-10-15';
const OUTPUT = path.join(REPO_ROOT, 'test-output');
const SCREENSHOT = path.join(OUTPUT, 'pane-with-double.png');
const SCREENSHOT_FULL = path.join(OUTPUT, 'pane-with-double-full.png');
const shotAt = (width: number, full = false) => path.join(OUTPUT, `pane-${width}px${full ? '-full' : ''}.png`);

/** axe-core's browser script, when the package is installed (it is not a dependency yet). */
function axeScript(): string | null {
  try {
    return fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  } catch {
    return null;
  }
}
const AXE = axeScript();
const AXE_MISSING_NOTE =
  'axe-core is not installed: the accessibility scan of the pane is skipped. Add it with `npm install --save-dev axe-core` to run it.';
const MISSING_Q2 = '2/4四半期（7月から9月）の実績が未入力です。実績を入力してください（該当がなければ「－」）。';
const SEVERITY_LABEL = { error: 'エラー', warning: '警告', info: '情報' } as const;
const FLAG_FILL = { color: '#FFC7CE', pattern: 'Solid' };

const chromiumAvailable = hasChromium();
if (!chromiumAvailable) console.warn(CHROMIUM_MISSING_NOTE);
else if (!AXE) console.warn(AXE_MISSING_NOTE);
const describeBrowser = chromiumAvailable ? describe : describe.skip;

type Listed = { severity: string; cell: string; message: string };

function sortListed(list: Listed[]): string[] {
  return list.map((i) => `${i.severity} ${i.cell} ${i.message}`).sort();
}

describeBrowser('built task pane against the Excel double (headless Chromium, closed network)', () => {
  let browser: Browser;
  let pane: GuardedPage;
  let server: StaticServer;
  let tab: Page;
  let network: NetworkRecord[];
  const requested: string[] = [];
  let officeJsServed: string[] = [];
  let pageErrors: string[];
  let consoleErrors: string[];
  let seed: WorkbookData;
  let sheetName = '';
  let cliIssues: Listed[] = [];
  let beforeCheck: WorkbookData;

  const readState = async (): Promise<WorkbookData> =>
    workbookFromJson(await tab.evaluate(() => (window as unknown as { __PSC_DOUBLE__: DoubleHandle }).__PSC_DOUBLE__.state()));
  const readCounts = () =>
    tab.evaluate(() => (window as unknown as { __PSC_DOUBLE__: DoubleHandle }).__PSC_DOUBLE__.counts());

  beforeAll(async () => {
    const started = Date.now();
    const bytes = new Uint8Array(fs.readFileSync(EXAMPLE));
    let buildDir: string;
    let double: DoubleBundle;
    [buildDir, double, seed, browser] = await Promise.all([
      sharedAddinBuild('cdn', { OFFICE_JS: 'cdn', ADDIN_BASE_URL: '' }),
      bundleDouble('test-output/e2e-build/pane-with-double-office-js'),
      workbookFromXlsx(bytes),
      launchBrowser(),
    ]);
    // The browser bundle holds the double and nothing that needs Node (no exceljs, no fs).
    expect(double.modules.filter((m) => m.includes('node_modules') || m.endsWith('fromXlsx.ts'))).toEqual([]);

    // What the CLI finds in the same file: its reader and the engine, in Node.
    const sheets = await readWorkbook(bytes);
    const checked = sheets
      .map((s) => ({ name: s.name, check: checkSheet(s.grid, { asOf: AS_OF, locale: 'ja' }) }))
      .filter((s) => s.check.template);
    expect(checked.map((s) => s.name)).toHaveLength(1);
    sheetName = checked[0].name;
    cliIssues = checked[0].check.issues.map((i) => ({ severity: SEVERITY_LABEL[i.severity], cell: i.cell, message: i.message }));
    expect(seed.sheets.find((s) => s.id === seed.activeSheetId)?.name).toBe(sheetName);

    pane = await openGuardedPage(browser, buildDir, {
      locale: 'ja-JP',
      viewport: { width: 420, height: 900 },
      // Registered after the guard, so it answers first: Office.js's address gets the double.
      prepare: async (context) => (officeJsServed = await serveDoubleAsOfficeJs(context, double, seed)),
    });
    ({ server, tab, network, pageErrors, consoleErrors } = pane);
    tab.on('request', (request) => requested.push(request.url()));
    fs.mkdirSync(OUTPUT, { recursive: true });
    console.log(`pane-with-double: build, bundle and seed ready in ${Date.now() - started} ms`);
  }, 120_000);

  afterAll(async () => {
    await pane?.close();
    await browser?.close();
  });

  test('the pane opens in "Excel" and the double holds the example workbook', async () => {
    await pane.openTaskPane('チェック');
    beforeCheck = await readState();
    expect(diffWorkbooks(seed, beforeCheck)).toEqual([]); // the JSON trip to the page lost nothing
    expect(await readCounts()).toEqual({ runs: 0, syncs: 0 }); // opening the pane does not touch the workbook
  });

  test('［チェック］ as of 2025-10-15 lists and marks the two missing Q2 reports, in at most 5 syncs', async () => {
    await tab.getByLabel('基準日').fill(AS_OF);
    await expect(tab.getByLabel('基準日').inputValue()).resolves.toBe(AS_OF);
    const before = await readCounts();
    await tab.getByRole('button', { name: 'チェック', exact: true }).click();
    await tab.getByTestId('issue-counts').waitFor({ state: 'visible', timeout: 15_000 });
    const after = await readCounts();

    await expect(tab.getByTestId('detected-template').textContent()).resolves.toBe('四半期進捗型');
    const missing = tab.getByRole('region', { name: /^未入力/ });
    for (const cell of ['D8', 'D12']) {
      const item = missing.getByRole('listitem').filter({ has: tab.getByRole('button', { name: new RegExp(`^${cell} へ移動（取組 .+・未入力）$`) }) });
      await expect(item.count()).resolves.toBe(1);
      await expect(item.textContent()).resolves.toMatch(new RegExp(`^${cell}${MISSING_Q2.replace(/[()（）「」]/g, '.')}エラー（要修正）・取組 `));
    }
    // the live region says it, for screen readers
    await expect(tab.getByRole('status').textContent()).resolves.toBe(`「${sheetName}」のチェックが終わりました。エラー 2 件、警告 0 件、情報 0 件。`);
    await tab.screenshot({ path: SCREENSHOT });
    await tab.screenshot({ path: SCREENSHOT_FULL, fullPage: true });

    const state = await readState();
    console.log(
      `pane-with-double: check took ${after.syncs - before.syncs} syncs; sheets during the check: ` +
        state.sheets.map((s) => `${s.name}(${s.visibility})`).join(', ') +
        `; note on D8: ${JSON.stringify(cellAt(state, sheetName, 'D8').note)}`,
    );
    for (const cell of ['D8', 'D12']) {
      const data = cellAt(state, sheetName, cell);
      expect({ cell, fill: data.fill }).toEqual({ cell, fill: FLAG_FILL });
      expect(data.note).toContain(MISSING_Q2);
      expect(cellAt(beforeCheck, sheetName, cell).note).toBeNull();
    }
    // The check, and (maybe already) the registration of the change handler that keeps it current.
    expect(after.runs - before.runs).toBeLessThanOrEqual(2);
    expect(after.syncs - before.syncs).toBeLessThanOrEqual(6);
  });

  (AXE ? test : test.skip)('axe-core finds no accessibility violation in the pane after a check', async () => {
    await tab.addScriptTag({ content: AXE! });
    const violations = await tab.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (context: Document) => Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe;
      const result = await axe.run(document);
      return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
    });
    expect(violations).toEqual([]);
  });

  test('screenshots at 350 px and 450 px: the counts and the first issue are in view without scrolling', async () => {
    for (const width of [350, 450]) {
      await tab.setViewportSize({ width, height: 700 });
      await tab.evaluate(() => window.scrollTo(0, 0));
      await tab.screenshot({ path: shotAt(width) });
      await tab.screenshot({ path: shotAt(width, true), fullPage: true });
      const first = tab.getByRole('button', { name: /^D8 へ移動/ });
      const box = await first.boundingBox();
      expect({ width, inView: box !== null && box.y + box.height <= 700 }).toEqual({ width, inView: true });
      // nothing is cut off sideways
      const overflow = await tab.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect({ width, overflow }).toEqual({ width, overflow: 0 });
    }
    // Scrolled down a long list, 前へ / 次へ stay at the top of the pane (a sticky bar).
    await tab.setViewportSize({ width: 350, height: 400 });
    await tab.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await tab.screenshot({ path: path.join(OUTPUT, 'pane-350px-scrolled.png') });
    const next = await tab.getByRole('button', { name: '次へ', exact: true }).boundingBox();
    expect(next !== null && next.y >= 0 && next.y + next.height <= 400).toBe(true);
    await tab.evaluate(() => window.scrollTo(0, 0));
    await tab.setViewportSize({ width: 420, height: 900 });
  });

  test('次へ selects the first issue in the sheet and marks it in the pane', async () => {
    await tab.getByRole('button', { name: '次へ', exact: true }).click();
    await expect(tab.getByTestId('issue-position').textContent()).resolves.toBe('2 件中 1 件目');
    await expect(tab.locator('li[aria-current="true"]').count()).resolves.toBe(1);
  });

  test('the pane lists exactly the cells the CLI finds in the same file', async () => {
    const listed: Listed[] = await tab.evaluate(() =>
      [...document.querySelectorAll('section[data-kind] li')].map((li) => {
        const cell = li.querySelector('button')?.textContent ?? '';
        // the caption is the third child (a 理由あり or 修正 button may follow it)
        const caption = li.children[2]?.textContent ?? '';
        const severity = caption.split('（')[0];
        const message = li.children[1]?.textContent ?? '';
        return { severity, cell, message };
      }),
    );
    expect(cliIssues.map((i) => i.cell).sort()).toEqual(['D12', 'D8']);
    expect(sortListed(listed)).toEqual(sortListed(cliIssues));
  });

  test('D12 へ移動 selects D12 on the checked sheet', async () => {
    const selected = async () => {
      const wb = await readState();
      const sheet = wb.sheets.find((s) => s.id === wb.activeSheetId);
      return { sheet: sheet?.name, selection: sheet?.selection };
    };
    const want = { sheet: sheetName, selection: { top: 11, left: 3, bottom: 11, right: 3 } };
    const area = (x: unknown) => JSON.stringify(x, ['top', 'left', 'bottom', 'right']);
    expect(area((await selected()).selection)).not.toBe(area(want.selection));
    await tab.getByRole('button', { name: /^D12 へ移動/ }).click();
    // The pane does not say when Excel has moved the selection: watch the workbook for a while.
    const deadline = Date.now() + 5_000;
    for (let now = await selected(); Date.now() < deadline; now = await selected()) {
      if (now.sheet === want.sheet && area(now.selection) === area(want.selection)) break;
      await tab.waitForTimeout(50);
    }
    const notices = await tab.locator('[role="alert"], .fui-MessageBar').allTextContents();
    expect({ ...(await selected()), notices }).toEqual({ ...want, notices: [] });
  });

  test('an edit through the double updates the list and the flags without ［チェック］ (and typing it back brings them back)', async () => {
    const d8 = tab.getByRole('button', { name: /^D8 へ移動/ });
    await expect(d8.count()).resolves.toBe(1);
    const edit = (value: string) =>
      tab.evaluate(
        ([name, v]) => (window as unknown as { __PSC_DOUBLE__: DoubleHandle }).__PSC_DOUBLE__.double.userEdit(name, 'D8', v),
        [sheetName, value] as const,
      );
    await edit('実施');
    await d8.waitFor({ state: 'detached', timeout: 10_000 });
    await expect(tab.getByTestId('issue-counts').textContent()).resolves.toContain('エラー 1 件');
    expect(cellAt(await readState(), sheetName, 'D8').fill).toBeNull();

    await edit('');
    await d8.waitFor({ state: 'attached', timeout: 10_000 });
    await expect(tab.getByTestId('issue-counts').textContent()).resolves.toContain('エラー 2 件');
    expect(cellAt(await readState(), sheetName, 'D8').fill).toEqual(FLAG_FILL);
  });

  test('［色とメモを消す］ gives the workbook back exactly as it was before the check', async () => {
    await tab.getByRole('button', { name: '色とメモを消す', exact: true }).click();
    await tab
      .locator('.fui-MessageBar')
      .getByText(`「${sheetName}」の色とメモ、自動計算の列を消し、元の書式に戻しました。`)
      .waitFor({ state: 'visible', timeout: 15_000 });
    const after = await readState();
    expect(diffWorkbooks(beforeCheck, after)).toEqual([]);
    expect(diffWorkbooks(after, beforeCheck)).toEqual([]); // sheets added and not removed show this way round
    expect(after.sheets.map((s) => `${s.name}(${s.visibility})`)).toEqual(beforeCheck.sheets.map((s) => `${s.name}(${s.visibility})`));
  });

  test('nothing but 127.0.0.1 was contacted, and the page raised no error', () => {
    expect(officeJsServed).toEqual([CDN_OFFICE_JS]); // answered by the test with the double
    expect(network.filter((record) => record.external).map((record) => record.url)).toEqual([]);
    expect(requested.filter((url) => url !== CDN_OFFICE_JS && !url.startsWith(server.url))).toEqual([]);
    expect(server.log.filter((entry) => entry.status !== 200)).toEqual([]);
    expect(server.log.map((entry) => entry.path)).toContain('/taskpane.html');
    expect(pageErrors).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});

// Keeps the JSON helpers honest on their own (no browser needed).
test('workbookJson round-trips the double state of the example workbook', async () => {
  const wb = await workbookFromXlsx(EXAMPLE);
  const back = workbookFromJson(JSON.parse(JSON.stringify(workbookToJson(wb))) as WorkbookJson);
  expect(diffWorkbooks(wb, back)).toEqual([]);
  expect(back.sheets.map((s) => [s.name, s.cells.size, s.columnWidths.size, s.selection])).toEqual(
    wb.sheets.map((s) => [s.name, s.cells.size, s.columnWidths.size, s.selection]),
  );
});

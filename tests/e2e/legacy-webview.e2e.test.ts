// The built task pane, used for a whole check in headless Chromium from which the built-ins that
// Edge Legacy (EdgeHTML 18, the webview of Excel 2019 perpetual) lacks have been removed before any
// script runs; Office.js is the Excel double. src/polyfills.ts must put back what the pane needs, in
// time, through the check, the list, "go to cell" and clearing the flags.
//
// What this cannot show: Chromium still parses ES2018+ and compiles every regular expression, and
// lays out CSS as Chromium does. tests/addin/bundle-syntax.test.ts checks syntax and patterns; real
// Office 2019 (Windows) is not available here.
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import { workbookFromXlsx } from '../office-double/fromXlsx';
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
import { bundleDouble, serveDoubleAsOfficeJs } from './bundleDouble';
import { EDGE_LEGACY_POLYFILLED, presentIn, removeEdgeLegacyMissing } from './edgeLegacy';

const EXAMPLE = path.join(REPO_ROOT, 'examples', '政策企画局_四半期進捗.xlsx');

const chromiumAvailable = hasChromium();
if (!chromiumAvailable) console.warn(CHROMIUM_MISSING_NOTE);
const describeBrowser = chromiumAvailable ? describe : describe.skip;

describeBrowser('built task pane without the built-ins Edge Legacy lacks (headless Chromium, Excel double)', () => {
  let browser: Browser;
  let pane: GuardedPage;
  let tab: Page;
  let network: NetworkRecord[];
  let pageErrors: string[];
  let consoleErrors: string[];

  beforeAll(async () => {
    const [buildDir, double, seed] = await Promise.all([
      sharedAddinBuild('cdn', { OFFICE_JS: 'cdn', ADDIN_BASE_URL: '' }),
      bundleDouble('test-output/e2e-build/legacy-webview-office-js'),
      workbookFromXlsx(EXAMPLE),
    ]);
    browser = await launchBrowser();
    pane = await openGuardedPage(browser, buildDir, {
      locale: 'ja-JP',
      viewport: { width: 420, height: 900 },
      prepare: async (context) => {
        await context.addInitScript(removeEdgeLegacyMissing());
        // The double stands in for Microsoft's Office.js, which runs before the pane's bundle; it is
        // test code, so it gets its own `globalThis` instead of the page's (removed) one. What it calls
        // later, once the pane has loaded, goes through the pane's polyfills like everything else.
        await serveDoubleAsOfficeJs(context, double, seed, { ownGlobalThis: true });
      },
    });
    ({ tab, network, pageErrors, consoleErrors } = pane);
  }, 300_000);

  afterAll(async () => {
    await pane?.close();
    await browser?.close();
  });

  test('the pane opens, with the missing built-ins put back by src/polyfills.ts', async () => {
    await pane.openTaskPane('チェック');
    const present = await tab.evaluate(presentIn, EDGE_LEGACY_POLYFILLED);
    expect(present).toEqual(EDGE_LEGACY_POLYFILLED);
  });

  test('a check lists and marks the missing reports; "go to cell" and removing the colours and notes work', async () => {
    await tab.getByLabel('基準日').fill('2025-10-15');
    await tab.getByRole('button', { name: 'チェック', exact: true }).click();
    await tab.getByTestId('issue-counts').waitFor({ state: 'visible', timeout: 15_000 });
    await expect(tab.getByTestId('detected-template').textContent()).resolves.toBe('四半期進捗型');
    const goTo = tab.getByRole('button', { name: /^D12 へ移動/ });
    await goTo.focus();
    await tab.keyboard.press('Enter');
    await tab.keyboard.press('Tab');
    await tab.getByRole('button', { name: '色とメモを消す', exact: true }).click();
    await tab.locator('.fui-MessageBar').getByText(/の色とメモ、自動計算の列を消し、元の書式に戻しました。/).waitFor({ state: 'visible', timeout: 15_000 });
  });

  test('the page raised no error and contacted nothing but 127.0.0.1', () => {
    expect(pageErrors).toEqual([]);
    expect(consoleErrors).toEqual([]);
    expect(network.filter((record) => record.external).map((record) => record.url)).toEqual([]);
  });
});

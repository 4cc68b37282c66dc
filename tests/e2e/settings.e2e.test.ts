// The built task pane in headless Chromium against the Excel double (as pane-with-double does):
// ［設定］ opens the settings view with the example sheet's columns, a person changes the grade
// scale and the department list and saves; the settings are in the workbook's custom XML part,
// are there again after the workbook is "reopened", and the next check uses them. Screenshots of
// the settings view go to test-output/.
import * as fs from 'fs';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import { decodeSettingsXml } from '../../src/engine/workbookSettings';
import { workbookFromXlsx } from '../office-double/fromXlsx';
import type { WorkbookData } from '../office-double/state';
import { CHROMIUM_MISSING_NOTE, REPO_ROOT, sharedAddinBuild, hasChromium, launchBrowser, openGuardedPage, type GuardedPage } from './browser';
import { bundleDouble, serveDoubleAsOfficeJs } from './bundleDouble';
import type { DoubleHandle } from './doubleInBrowser';
import type { WorkbookJson } from './workbookJson';

const EXAMPLE = path.join(REPO_ROOT, 'examples', '政策企画局_四半期進捗.xlsx');
const AS_OF = '2025-10-15';
const OUTPUT = path.join(REPO_ROOT, 'test-output');

const chromiumAvailable = hasChromium();
if (!chromiumAvailable) console.warn(CHROMIUM_MISSING_NOTE);
const describeBrowser = chromiumAvailable ? describe : describe.skip;

type Handle = { __PSC_DOUBLE__: DoubleHandle };

describeBrowser('settings view in the built pane (headless Chromium, Excel double)', () => {
  let browser: Browser;
  let pane: GuardedPage;
  let tab: Page;
  let seed: WorkbookData;
  let pageErrors: string[];

  const counts = () => tab.evaluate(() => (window as unknown as Handle).__PSC_DOUBLE__.counts());
  const settingsInWorkbook = async () => {
    const state = (await tab.evaluate(() => (window as unknown as Handle).__PSC_DOUBLE__.state())) as WorkbookJson;
    const part = state.customXmlParts?.[0];
    if (!part) return null;
    const decoded = decodeSettingsXml(part.xml);
    return decoded.ok ? decoded.settings : null;
  };

  beforeAll(async () => {
    const bytes = new Uint8Array(fs.readFileSync(EXAMPLE));
    let buildDir: string;
    let double: Awaited<ReturnType<typeof bundleDouble>>;
    [buildDir, double, seed, browser] = await Promise.all([
      sharedAddinBuild('cdn', { OFFICE_JS: 'cdn', ADDIN_BASE_URL: '' }),
      bundleDouble('test-output/e2e-build/settings-office-js'),
      workbookFromXlsx(bytes),
      launchBrowser(),
    ]);
    pane = await openGuardedPage(browser, buildDir, {
      locale: 'ja-JP',
      viewport: { width: 350, height: 800 },
      prepare: (context) => serveDoubleAsOfficeJs(context, double, seed),
    });
    ({ tab, pageErrors } = pane);
    fs.mkdirSync(OUTPUT, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await pane?.close();
    await browser?.close();
  });

  test('open the settings, change the scale and the departments, save; reopened, they are still there and the check uses them', async () => {
    await pane.openTaskPane('チェック');
    await tab.getByLabel('基準日').fill(AS_OF);
    await tab.getByRole('button', { name: 'チェック', exact: true }).click();
    await tab.getByTestId('issue-counts').waitFor({ state: 'visible', timeout: 15_000 });
    expect(await tab.getByTestId('issue-counts').textContent()).toContain('情報 0 件');

    const before = await counts();
    await tab.getByRole('button', { name: '設定', exact: true }).click();
    const view = tab.getByTestId('settings-view');
    const firstMin = view.getByRole('textbox', { name: '1 段目の下限（%）' });
    await firstMin.waitFor({ state: 'visible', timeout: 15_000 });
    const opened = await counts();
    console.log(`settings e2e: opening the settings view took ${opened.runs - before.runs} Excel.run, ${opened.syncs - before.syncs} syncs`);
    expect(opened.syncs - before.syncs).toBeLessThanOrEqual(2);
    expect(await firstMin.inputValue()).toBe('120');
    // the example sheet's columns, as the engine read them
    const mapping = view.getByTestId('settings-mapping');
    await expect(mapping.getByRole('combobox').count()).resolves.toBeGreaterThan(3);
    await tab.screenshot({ path: path.join(OUTPUT, 'settings-view-350px.png'), fullPage: true });
    // each step's remove button is in view, not covered by the inputs beside it, and nothing sticks out sideways
    const remove = view.getByRole('button', { name: '評価「S」の段を削除' });
    await remove.scrollIntoViewIfNeeded();
    expect(await remove.evaluate((button) => {
      const box = button.getBoundingClientRect();
      return document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2)?.closest('button') === button;
    })).toBe(true);
    expect(await tab.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);

    // an error first, at the field
    await firstMin.fill('abc');
    await view.getByRole('button', { name: '保存', exact: true }).click();
    await view.getByText('0 以上の数（%）を入れてください。').waitFor({ state: 'visible' });
    // the field in error takes the focus (and comes into view)
    await expect(firstMin.evaluate((input) => input === document.activeElement)).resolves.toBe(true);
    await tab.screenshot({ path: path.join(OUTPUT, 'settings-view-error.png') });

    await firstMin.fill('110');
    await view.getByRole('textbox', { name: '課名の一覧' }).fill('政策企画課');
    const beforeSave = await counts();
    await view.getByRole('button', { name: '保存', exact: true }).click();
    await view.getByText('このブックに設定を保存しました。次のチェックから使われます。').waitFor({ state: 'visible', timeout: 15_000 });
    const saved = await counts();
    console.log(`settings e2e: saving took ${saved.syncs - beforeSave.syncs} syncs`);
    expect(saved.syncs - beforeSave.syncs).toBeLessThanOrEqual(3);
    await tab.screenshot({ path: path.join(OUTPUT, 'settings-view-saved.png'), fullPage: true });
    expect((await settingsInWorkbook())?.config).toMatchObject({ gradeScale: [{ grade: 'S', min: 1.1 }, { grade: 'A', min: 1 }, { grade: 'B' }, { grade: 'C' }, { grade: 'D', min: null }], departments: ['政策企画課'] });

    // "reopened": the double closes and opens the workbook; the pane reads the settings again
    await tab.evaluate(() => (window as unknown as Handle).__PSC_DOUBLE__.double.reopen());
    await view.getByRole('button', { name: 'チェックへ戻る' }).click();
    await tab.getByRole('button', { name: '設定', exact: true }).click();
    await expect(tab.getByTestId('settings-view').getByRole('textbox', { name: '1 段目の下限（%）' }).inputValue()).resolves.toBe('110');
    await expect(tab.getByTestId('settings-view').getByRole('textbox', { name: '課名の一覧' }).inputValue()).resolves.toBe('政策企画課');

    // the next check uses the department list: departments not listed are reported as info
    await tab.getByTestId('settings-view').getByRole('button', { name: 'チェックへ戻る' }).click();
    await tab.getByRole('button', { name: 'チェック', exact: true }).click();
    await tab.waitForFunction(() => !/情報 0 件/.test(document.querySelector('[data-testid="issue-counts"]')?.textContent ?? '情報 0 件'), undefined, { timeout: 15_000 });
    expect(pageErrors).toEqual([]);
  }, 60_000);
});

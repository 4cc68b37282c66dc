// The built add-in, opened where municipal users will first meet it: a plain browser on a closed
// network. Builds the add-in twice (Office.js from the CDN, and OFFICE_JS=local with an intranet
// base URL), checks the built files name no unexpected host, then opens the task pane in headless
// Chromium with every non-local request aborted, also with the built-ins that Excel 2019's webview
// (Edge Legacy) lacks removed.
import * as fs from 'fs';
import * as path from 'path';
import type { Browser, BrowserContext } from 'playwright-core';
import {
  CDN_OFFICE_JS,
  CHROMIUM_MISSING_NOTE,
  REPO_ROOT,
  hasChromium,
  launchBrowser,
  openGuardedPage,
  sharedAddinBuild,
  urlsIn,
  type StaticServer,
} from './browser';
import { EDGE_LEGACY_POLYFILLED, presentIn, removeEdgeLegacyMissing } from './edgeLegacy';

const INTRANET_BASE = 'https://intra.example.lg.jp/psc/';
const NOT_IN_EXCEL_JA =
  'このページは Excel の作業ウィンドウで開いてください。Excel の［ホーム］→［アドイン］から『進行管理票チェッカー』を開くと使えます。';
const NOT_IN_EXCEL_EN = 'Please open this page in the Excel task pane';
const OUTPUT = path.join(REPO_ROOT, 'test-output');

// Strings that look like URLs but are never fetched: XML namespace names (React DOM, the
// manifest's own xmlns), JSON Schema "$schema" identifiers that zod writes into schemas it
// exports, zod's IPv6 check (it parses `http://[${address}]` with new URL, offline), and React's
// production error text ("visit https://react.dev/errors/N"). Anything else fails the audit.
const NAMESPACE_NAMES = new Set([
  'http://www.w3.org/1998/Math/MathML',
  'http://www.w3.org/1999/xlink',
  'http://www.w3.org/1999/xhtml',
  'http://www.w3.org/2000/svg',
  'http://www.w3.org/XML/1998/namespace',
  'http://www.w3.org/2001/XMLSchema-instance',
  'http://schemas.microsoft.com/office/appforoffice/1.1',
  'http://schemas.microsoft.com/office/officeappbasictypes/1.0',
  'http://schemas.microsoft.com/office/taskpaneappversionoverrides',
  'https://json-schema.org/draft/2020-12/schema',
  'http://json-schema.org/draft-07/schema#',
  'http://json-schema.org/draft-04/schema#',
]);
const ERROR_TEXT_PREFIXES = ['https://react.dev/errors/'];

/** The src of every <script> in a page (quoted or not: the minifier drops quotes it can). */
function scriptSources(file: string): string[] {
  const html = fs.readFileSync(file, 'utf8');
  return [...html.matchAll(/<script\b[^>]*?\ssrc=(?:"([^"]*)"|'([^']*)'|([^\s>]+))/g)].map((m) => m[1] ?? m[2] ?? m[3]);
}

// A URL whose host is a template expression (`http://[${address}]`) names no fixed host; lowered to
// ES2017 by the build, that template reads "http://[".concat(address, "]"): only `http://[` is left.
const TEMPLATE_HOST = /^https?:\/\/(\[?\$\{|\[$)/;

function isNeverFetched(url: string): boolean {
  return (
    NAMESPACE_NAMES.has(url) ||
    ERROR_TEXT_PREFIXES.some((prefix) => url.startsWith(prefix)) ||
    TEMPLATE_HOST.test(url)
  );
}

/** URLs in the build's own files (Microsoft's Office.js copy in office-js/ excluded). */
function urlsInBuild(dir: string): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const walk = (folder: string) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      const rel = path.relative(dir, full).split(path.sep).join('/');
      if (entry.isDirectory()) {
        if (rel !== 'office-js') walk(full);
      } else if (/\.(html|js|css|xml|txt|json)$/.test(entry.name)) {
        const urls = urlsIn(fs.readFileSync(full, 'utf8')).filter((url) => !isNeverFetched(url));
        if (urls.length > 0) found.set(rel, urls);
      }
    }
  };
  walk(dir);
  return found;
}

let cdnBuild = '';
let localBuild = '';

beforeAll(async () => {
  // The CDN build is shared with tests/addin/bundle-syntax.test.ts (one build per test run).
  [cdnBuild, localBuild] = await Promise.all([
    sharedAddinBuild('cdn', { OFFICE_JS: 'cdn', ADDIN_BASE_URL: '' }),
    sharedAddinBuild('local', { OFFICE_JS: 'local', ADDIN_BASE_URL: INTRANET_BASE }),
  ]);
}, 300_000);

describe('production build', () => {
  test('default build: pages load Office.js from the CDN, and no other external URL is written', () => {
    for (const page of ['taskpane.html', 'commands.html']) {
      const sources = scriptSources(path.join(cdnBuild, page));
      expect(sources[0]).toBe(CDN_OFFICE_JS); // first, in <head>, before the add-in's bundle
      expect(sources.slice(1)).toEqual([expect.stringMatching(/^(taskpane|commands)\.[0-9a-f]+\.js$/)]);
    }
    const unexpected: string[] = [];
    for (const [file, urls] of urlsInBuild(cdnBuild)) {
      for (const url of urls) {
        const allowed = url === CDN_OFFICE_JS || (file === 'manifest.xml' && url.startsWith('https://localhost:3000/'));
        if (!allowed) unexpected.push(`${file}: ${url}`);
      }
    }
    expect(unexpected).toEqual([]);
    expect(fs.existsSync(path.join(cdnBuild, 'office-js'))).toBe(false);
  });

  test('OFFICE_JS=local build: Office.js served by the add-in, manifest points at ADDIN_BASE_URL', () => {
    expect(fs.existsSync(path.join(localBuild, 'office-js', 'office.js'))).toBe(true);
    for (const page of ['taskpane.html', 'commands.html']) {
      expect(scriptSources(path.join(localBuild, page))[0]).toBe('office-js/office.js');
      expect(fs.readFileSync(path.join(localBuild, page), 'utf8')).not.toContain('appsforoffice.microsoft.com');
    }
    const manifest = fs.readFileSync(path.join(localBuild, 'manifest.xml'), 'utf8');
    expect(manifest).not.toContain('localhost');
    expect(manifest).toContain(`${INTRANET_BASE}taskpane.html`);
    const unexpected: string[] = [];
    for (const [file, urls] of urlsInBuild(localBuild)) {
      for (const url of urls) {
        if (!(file === 'manifest.xml' && url.startsWith(INTRANET_BASE))) unexpected.push(`${file}: ${url}`);
      }
    }
    expect(unexpected).toEqual([]);
    for (const icon of ['icon-16.png', 'icon-32.png', 'icon-64.png', 'icon-80.png', 'icon-128.png']) {
      expect(fs.existsSync(path.join(localBuild, 'assets', icon))).toBe(true);
    }
  });
});

const chromiumAvailable = hasChromium();
if (!chromiumAvailable) console.warn(CHROMIUM_MISSING_NOTE);
const describeBrowser = chromiumAvailable ? describe : describe.skip;

describeBrowser('task pane opened in a plain browser on a closed network (headless Chromium)', () => {
  let browser: Browser;
  const servers: StaticServer[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    fs.mkdirSync(OUTPUT, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await Promise.all(servers.map((server) => server.close()));
  });

  async function open(
    buildDir: string,
    page: string,
    locale: string,
    prepare?: (context: BrowserContext) => Promise<void>,
  ) {
    const { server, context, tab, network, pageErrors } = await openGuardedPage(browser, buildDir, { locale, viewport: { width: 360, height: 640 }, prepare });
    servers.push(server);
    await tab.goto(server.url + page);
    return { server, context, tab, network, pageErrors };
  }

  test('CDN build: Office.js blocked, the page says to open it in Excel (Japanese)', async () => {
    const { server, context, tab, network, pageErrors } = await open(cdnBuild, 'taskpane.html', 'ja-JP');
    await tab.getByText(NOT_IN_EXCEL_JA).waitFor({ state: 'visible', timeout: 10_000 });
    await expect(tab.getByRole('heading', { name: '進行管理票チェッカー' }).isVisible()).resolves.toBe(true);
    await expect(tab.getByText(NOT_IN_EXCEL_EN).count()).resolves.toBe(0);
    await tab.screenshot({ path: path.join(OUTPUT, 'plain-browser.png'), fullPage: true });

    const external = network.filter((record) => record.external).map((record) => record.url);
    expect(external).toEqual([CDN_OFFICE_JS]); // attempted, and aborted by the closed network
    expect(server.log.map((entry) => entry.path)).toEqual(
      expect.arrayContaining(['/taskpane.html', expect.stringMatching(/^\/taskpane\.[0-9a-f]+\.js$/)]),
    );
    expect(server.log.filter((entry) => entry.status !== 200)).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  test('CDN build: an English browser also gets the English line', async () => {
    const { context, tab, pageErrors } = await open(cdnBuild, 'taskpane.html', 'en-US');
    await tab.getByText(NOT_IN_EXCEL_EN).waitFor({ state: 'visible', timeout: 10_000 });
    await expect(tab.getByText(NOT_IN_EXCEL_JA).isVisible()).resolves.toBe(true);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  test('OFFICE_JS=local build: Office.js loads from 127.0.0.1, reports no host, nothing leaves the machine', async () => {
    const { server, context, tab, network, pageErrors } = await open(localBuild, 'taskpane.html', 'ja-JP');
    await tab.getByText(NOT_IN_EXCEL_JA).waitFor({ state: 'visible', timeout: 10_000 });
    await tab.screenshot({ path: path.join(OUTPUT, 'plain-browser-local-office-js.png'), fullPage: true });
    expect(network.filter((record) => record.external).map((record) => record.url)).toEqual([]);
    expect(server.log.map((entry) => entry.path)).toContain('/office-js/office.js');
    expect(await tab.evaluate(() => typeof (window as { Office?: unknown }).Office)).toBe('object');
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  test('without the built-ins Edge Legacy (Excel 2019) lacks, the pane and the commands still start', async () => {
    const removed = async (ctx: BrowserContext) => {
      await ctx.addInitScript(removeEdgeLegacyMissing());
    };
    const pane = await open(cdnBuild, 'taskpane.html', 'en-US', removed);
    await pane.tab.getByText(NOT_IN_EXCEL_EN).waitFor({ state: 'visible', timeout: 10_000 });
    // Focus moves go through Fluent's focus management (tabster, keyborg: composedPath, WeakRef).
    await pane.tab.keyboard.press('Tab');
    await pane.tab.evaluate(() => (document.querySelector('[data-testid="not-in-office"]') as HTMLElement | null)?.focus());
    const present = (names: string[]) => pane.tab.evaluate(presentIn, names);
    expect(await present(EDGE_LEGACY_POLYFILLED)).toEqual(EDGE_LEGACY_POLYFILLED); // put back by src/polyfills.ts
    expect(await present(['String.prototype.replaceAll', 'structuredClone'])).toEqual([]); // still gone
    expect(pane.pageErrors).toEqual([]);
    await pane.context.close();

    const commands = await open(localBuild, 'commands.html', 'ja-JP', removed);
    await commands.tab.waitForFunction(() => typeof (window as unknown as Record<string, unknown>).buildSummary === 'function');
    expect(commands.pageErrors).toEqual([]);
    await commands.context.close();
  });

  test('when the browser engine cannot run the app script, the page says so at once', async () => {
    const { context, tab } = await open(cdnBuild, 'taskpane.html', 'ja-JP', async (ctx) => {
      // An old engine fails on modern syntax; simulate that with a script that cannot parse.
      await ctx.route(/\/taskpane\.[0-9a-f]+\.js$/, (route) =>
        route.fulfill({ contentType: 'text/javascript', body: 'const broken = {;' }),
      );
    });
    await tab.getByText('進行管理票チェッカーを表示できませんでした。', { exact: false }).waitFor({ timeout: 5_000 });
    await expect(tab.getByText('読み込んでいます').count()).resolves.toBe(0);
    await context.close();
  });

  test('commands page registers both ribbon functions without errors', async () => {
    const { context, tab, network, pageErrors } = await open(localBuild, 'commands.html', 'ja-JP');
    await tab.waitForFunction(() => typeof (window as unknown as Record<string, unknown>).checkActiveSheet === 'function');
    const kinds = await tab.evaluate(() => {
      const w = window as unknown as Record<string, unknown>;
      return [typeof w.checkActiveSheet, typeof w.buildSummary];
    });
    expect(kinds).toEqual(['function', 'function']);
    expect(network.filter((record) => record.external)).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});

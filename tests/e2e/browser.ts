// Headless-Chromium test infrastructure for the add-in's pages: a browser launcher, a tiny static
// file server for a build folder (127.0.0.1, random port, no dependency), a network guard that
// simulates a closed network, and helpers that build the add-in into a folder of its own or share
// one build between test files.
import { execFile } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as http from 'http';
import * as path from 'path';
import { promisify } from 'util';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const REPO_ROOT = path.resolve(__dirname, '../..');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const CHROMIUM_MISSING_NOTE =
  `${CHROMIUM_PATH} not found: headless-browser e2e tests skipped ` +
  '(install with: apt-get install -y chromium fonts-noto-cjk)';

/** Where the pages load Office.js from in the default (cdn) build. */
export const CDN_OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

export function hasChromium(): boolean {
  return fs.existsSync(CHROMIUM_PATH);
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

// ---------------------------------------------------------------------------------------------
// Static file server

export interface ServedRequest {
  method: string;
  path: string;
  status: number;
}

export interface StaticServer {
  /** Base URL ending with "/", e.g. http://127.0.0.1:41234/ */
  url: string;
  port: number;
  /** Every request the server answered, in order. */
  log: ServedRequest[];
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.map': 'application/json; charset=utf-8',
};

/** Serves the files under `root` on 127.0.0.1 at a random free port. */
export function serveStatic(root: string): Promise<StaticServer> {
  const base = path.resolve(root);
  const log: ServedRequest[] = [];
  const server = http.createServer((req, res) => {
    const method = req.method || 'GET';
    let status = 200;
    try {
      const pathname = decodeURIComponent(new URL(req.url || '/', 'http://127.0.0.1').pathname);
      const file = path.resolve(base, '.' + (pathname.endsWith('/') ? pathname + 'index.html' : pathname));
      const inside = file === base || file.startsWith(base + path.sep);
      if (method !== 'GET' && method !== 'HEAD') {
        status = 405;
      } else if (!inside || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
        status = 404;
      }
      log.push({ method, path: pathname, status });
      if (status !== 200) {
        res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
        res.end(status === 404 ? 'not found' : 'method not allowed');
        return;
      }
      const type = CONTENT_TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream';
      res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store' });
      if (method === 'HEAD') {
        res.end();
        return;
      }
      fs.createReadStream(file).pipe(res);
    } catch {
      log.push({ method, path: req.url || '', status: 400 });
      res.writeHead(400);
      res.end();
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({
        url: `http://127.0.0.1:${port}/`,
        port,
        log,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections?.();
            server.close(() => done());
          }),
      });
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Closed-network guard

export interface NetworkRecord {
  url: string;
  /** true when the request went to a host other than 127.0.0.1 (and was aborted). */
  external: boolean;
}

/**
 * Simulates a closed network for every page of `context`: requests to 127.0.0.1 go through,
 * every other request is aborted and recorded as external. Returns the live record list.
 */
export async function guardNetwork(context: BrowserContext): Promise<NetworkRecord[]> {
  const records: NetworkRecord[] = [];
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    let host = '';
    try {
      host = new URL(url).hostname;
    } catch {
      // unparsable: treat as external
    }
    const external = host !== '127.0.0.1';
    records.push({ url, external });
    if (external) await route.abort('internetdisconnected');
    else await route.continue();
  });
  return records;
}

// ---------------------------------------------------------------------------------------------
// A page of a build, on the closed network

/** A tab on a build's static server, behind the closed-network guard, that records what goes wrong. */
export interface GuardedPage {
  server: StaticServer;
  context: BrowserContext;
  tab: Page;
  /** Every request of the context (guardNetwork's live list). */
  network: NetworkRecord[];
  /** The tab's uncaught errors. */
  pageErrors: string[];
  /** The tab's console.error messages. */
  consoleErrors: string[];
  /** Opens the build's taskpane.html and waits (15 s at most) for the button of that name. */
  openTaskPane(button: string): Promise<void>;
  /** Closes the context, then the server (not the browser). */
  close(): Promise<void>;
}

/**
 * Serves `buildDir`, opens a browser context (locale, viewport) behind guardNetwork, lets
 * `prepare` add to the context (init scripts; routes registered there answer before the guard's),
 * then opens a tab that records page errors and console errors.
 */
export async function openGuardedPage(
  browser: Browser,
  buildDir: string,
  options: { locale: string; viewport: { width: number; height: number }; prepare?: (context: BrowserContext) => Promise<unknown> },
): Promise<GuardedPage> {
  const server = await serveStatic(buildDir);
  let context: BrowserContext | undefined;
  try {
    context = await browser.newContext({ locale: options.locale, viewport: options.viewport });
    const network = await guardNetwork(context);
    await options.prepare?.(context);
    const tab = await context.newPage();
    const pageErrors: string[] = [];
    const consoleErrors: string[] = [];
    tab.on('pageerror', (error) => pageErrors.push(String(error)));
    tab.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    const opened = context;
    return {
      server,
      context: opened,
      tab,
      network,
      pageErrors,
      consoleErrors,
      async openTaskPane(button) {
        await tab.goto(server.url + 'taskpane.html');
        await tab.getByRole('button', { name: button, exact: true }).waitFor({ state: 'visible', timeout: 15_000 });
      },
      async close() {
        await opened.close();
        await server.close();
      },
    };
  } catch (error) {
    await context?.close();
    await server.close();
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// Building the add-in

const execFileAsync = promisify(execFile);

/**
 * Runs the production webpack build into `outputDir` (relative to the repo root or absolute),
 * with extra environment variables such as OFFICE_JS or ADDIN_BASE_URL.
 */
export async function buildAddin(outputDir: string, env: Record<string, string> = {}): Promise<string> {
  const out = path.resolve(REPO_ROOT, outputDir);
  const cli = require.resolve('webpack-cli/bin/cli.js', { paths: [REPO_ROOT] });
  try {
    await execFileAsync(process.execPath, [cli, '--mode', 'production'], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...env, ADDIN_OUTPUT_DIR: out },
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`webpack build into ${out} failed: ${e.message}\n${e.stdout ?? ''}\n${e.stderr ?? ''}`);
  }
  return out;
}

const SHARED_BUILD_ROOT = path.join(REPO_ROOT, 'test-output', 'e2e-build');
// What a build is made from: a change to any of these makes sharedAddinBuild build again.
const BUILD_INPUTS = ['src', 'assets', 'manifest.xml', 'webpack.config.js', 'tsconfig.json', 'package.json', 'package-lock.json', 'node_modules/.package-lock.json'];
const BUILD_ENV_KEYS = ['OFFICE_JS', 'ADDIN_BASE_URL', 'NODE_ENV'];

function buildFingerprint(env: Record<string, string>): string {
  const hash = createHash('sha256');
  const effective = Object.fromEntries(BUILD_ENV_KEYS.map((key) => [key, env[key] ?? process.env[key] ?? null]));
  hash.update(JSON.stringify({ env: effective, node: process.version }));
  const add = (full: string) => {
    if (!fs.existsSync(full)) return;
    if (fs.statSync(full).isDirectory()) {
      for (const name of fs.readdirSync(full).sort()) add(path.join(full, name));
      return;
    }
    hash.update(`\0${path.relative(REPO_ROOT, full)}\0`);
    hash.update(fs.readFileSync(full));
  };
  for (const input of BUILD_INPUTS) add(path.join(REPO_ROOT, input));
  return hash.digest('hex');
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Runs `work` while holding `lockDir` (mkdir is atomic); a lock left by a dead process is taken over. */
async function withLock<T>(lockDir: string, work: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + 10 * 60_000;
  for (;;) {
    try {
      fs.mkdirSync(lockDir, { recursive: false });
      fs.writeFileSync(path.join(lockDir, 'pid'), String(process.pid));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    let holder = NaN;
    try {
      holder = Number(fs.readFileSync(path.join(lockDir, 'pid'), 'utf8'));
    } catch {
      // just created, pid not written yet
    }
    if (Number.isInteger(holder) && holder > 0 && !processAlive(holder)) {
      fs.rmSync(lockDir, { recursive: true, force: true });
      continue;
    }
    if (Date.now() > deadline) throw new Error(`${lockDir} still held after 10 minutes (pid ${holder})`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  try {
    return await work();
  } finally {
    fs.rmSync(lockDir, { recursive: true, force: true });
  }
}

/**
 * The production build in test-output/e2e-build/<name>/, shared by the test files that need the
 * same one: test files in parallel jest workers wait for one build instead of each making its own,
 * and a later run reuses it while nothing it is built from (BUILD_INPUTS, the environment) changed.
 */
export async function sharedAddinBuild(name: string, env: Record<string, string> = {}): Promise<string> {
  const out = path.join(SHARED_BUILD_ROOT, name);
  fs.mkdirSync(SHARED_BUILD_ROOT, { recursive: true });
  return withLock(`${out}.lock`, async () => {
    const stampFile = `${out}.stamp`;
    const fingerprint = buildFingerprint(env);
    const stamp = fs.existsSync(stampFile) ? fs.readFileSync(stampFile, 'utf8') : '';
    if (stamp === fingerprint && fs.existsSync(out)) return out;
    fs.rmSync(stampFile, { force: true });
    await buildAddin(out, env);
    fs.writeFileSync(stampFile, fingerprint);
    return out;
  });
}

/** Every http(s) URL written in a text file. */
export function urlsIn(text: string): string[] {
  return text.match(/https?:\/\/[^\s"'`<>()\\]+/g) ?? [];
}

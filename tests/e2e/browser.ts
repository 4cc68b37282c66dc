// Headless-Chromium test infrastructure for the add-in's pages: a browser launcher, a tiny static
// file server for a build folder (127.0.0.1, random port, no dependency), a network guard that
// simulates a closed network, and a helper that builds the add-in into a folder of its own.
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as path from 'path';
import { promisify } from 'util';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

export const REPO_ROOT = path.resolve(__dirname, '../..');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const CHROMIUM_MISSING_NOTE =
  `${CHROMIUM_PATH} not found: headless-browser e2e tests skipped ` +
  '(install with: apt-get install -y chromium fonts-noto-cjk)';

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

/** Every http(s) URL written in a text file. */
export function urlsIn(text: string): string[] {
  return text.match(/https?:\/\/[^\s"'`<>()\\]+/g) ?? [];
}

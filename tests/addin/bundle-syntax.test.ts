// Excel 2019 (perpetual/volume) on Windows shows the pane in Edge Legacy (EdgeHTML 18), which
// cannot parse syntax newer than ES2017: one `?.` or `{...rest}` anywhere in a bundle and the pane
// shows nothing but the "could not start" message. This parses every emitted bundle (our code and
// everything from node_modules) as ES2017, checks the regular expressions that are only compiled
// at run time, and checks that src/polyfills.ts runs before anything else in each entry.
//
// This is a check of the output, not a run on a real Office 2019 (there is no Windows here);
// tests/e2e/plain-browser.e2e.test.ts also runs the built pane in Chromium with the built-ins that
// EdgeHTML 18 lacks removed.
import * as acorn from 'acorn';
import * as fs from 'fs';
import * as path from 'path';
import { REPO_ROOT, sharedAddinBuild } from '../e2e/browser';

const ECMA_VERSION = 2017;

/**
 * RegExp(...) calls whose pattern is newer than ES2017 but that the pane never reaches, with why.
 * Anything else newer than ES2017 fails the test.
 */
const UNREACHED_PATTERNS: { contains: string; why: string }[] = [
  {
    contains: '\\p{Extended_Pictographic}',
    why: "zod's z.emoji() format, compiled only when a schema uses it; the pane's schemas do not",
  },
];

let buildDir = '';
let bundles: { name: string; code: string }[] = [];

beforeAll(async () => {
  // Shared with the plain-browser e2e test: one production build per test run.
  buildDir = await sharedAddinBuild('cdn', { OFFICE_JS: 'cdn', ADDIN_BASE_URL: '' });
  bundles = fs
    .readdirSync(buildDir)
    .filter((name) => name.endsWith('.js'))
    .sort()
    .map((name) => ({ name, code: fs.readFileSync(path.join(buildDir, name), 'utf8') }));
}, 300_000);

/** "file:line:column: message" with the code around the position, for a failure message. */
function describeError(file: string, code: string, error: unknown): string {
  const e = error as { message: string; pos?: number; loc?: { line: number; column: number } };
  const at = e.loc ? `${e.loc.line}:${e.loc.column + 1}` : '?';
  const pos = e.pos ?? 0;
  const around = code.slice(Math.max(0, pos - 60), pos + 60).replace(/\s+/g, ' ');
  return `${file}:${at}: ${e.message.replace(/ \(\d+:\d+\)$/, '')}\n    …${around}…`;
}

function parse(code: string, ecmaVersion: acorn.ecmaVersion): acorn.Program {
  return acorn.parse(code, { ecmaVersion, sourceType: 'script', locations: true });
}

/** A RegExp pattern string written back as a regular expression literal, for acorn to validate. */
function asRegexLiteral(pattern: string, flags: string): string {
  let body = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\' && i + 1 < pattern.length) {
      body += c + pattern[++i];
    } else if (c === '/') {
      body += '\\/';
    } else if (c === '\n' || c === '\r' || c === '\u2028' || c === '\u2029') {
      body += `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
    } else {
      body += c;
    }
  }
  return `/${body}/${flags}`;
}

type AnyNode = acorn.Node & Record<string, unknown>;

/** Every node of the tree, depth first. */
function* nodesOf(node: unknown): Generator<AnyNode> {
  if (Array.isArray(node)) {
    for (const child of node) yield* nodesOf(child);
  } else if (node && typeof node === 'object' && typeof (node as { type?: unknown }).type === 'string') {
    yield node as AnyNode;
    for (const [key, value] of Object.entries(node)) {
      if (key !== 'loc' && value && typeof value === 'object') yield* nodesOf(value);
    }
  }
}

function stringLiteral(node: unknown): string | undefined {
  const n = node as { type?: string; value?: unknown } | undefined;
  return n?.type === 'Literal' && typeof n.value === 'string' ? n.value : undefined;
}

test('the build emitted the taskpane and commands bundles', () => {
  expect(bundles.map((b) => b.name.replace(/\.[0-9a-f]+\.js$/, '.js'))).toEqual(['commands.js', 'taskpane.js']);
});

test(`every bundle parses as ES${ECMA_VERSION} (Edge Legacy, Excel 2019)`, () => {
  const failures: string[] = [];
  for (const { name, code } of bundles) {
    try {
      parse(code, ECMA_VERSION);
    } catch (error) {
      failures.push(describeError(name, code, error));
    }
  }
  expect(failures).toEqual([]);
});

test(`RegExp(...) patterns written as strings are ES${ECMA_VERSION} too (the build cannot lower them)`, () => {
  // esbuild turns a regular expression literal that the target cannot compile into a
  // `new RegExp("…")` call: it parses, and throws only when it runs. Such calls are checked here.
  const failures: string[] = [];
  let checked = 0;
  for (const { name, code } of bundles) {
    // 'latest': a bundle that is not ES2017 at all is already reported by the test above.
    for (const node of nodesOf(parse(code, 'latest'))) {
      if (node.type !== 'NewExpression' && node.type !== 'CallExpression') continue;
      const callee = node.callee as { type: string; name?: string };
      if (callee.type !== 'Identifier' || callee.name !== 'RegExp') continue;
      const args = node.arguments as unknown[];
      const pattern = stringLiteral(args[0]);
      const flags = args.length > 1 ? stringLiteral(args[1]) : '';
      if (pattern === undefined || flags === undefined) continue; // built at run time: not checkable
      checked++;
      if (UNREACHED_PATTERNS.some((known) => pattern.includes(known.contains))) continue;
      try {
        parse(asRegexLiteral(pattern, flags), ECMA_VERSION);
      } catch (error) {
        const where = (node.loc as acorn.SourceLocation).start;
        failures.push(`${name}:${where.line}:${where.column + 1}: ${asRegexLiteral(pattern, flags)}: ${(error as Error).message}`);
      }
    }
  }
  expect(failures).toEqual([]);
  expect(checked).toBeGreaterThan(0);
});

test('the check itself: acorn rejects what EdgeHTML 18 cannot parse', () => {
  for (const newer of ['a?.b', 'a ?? b', 'x = {...y}', 'try {} catch {}', 'class A { x = 1 }', 'async function* g() {}']) {
    expect(() => parse(newer, ECMA_VERSION)).toThrow();
  }
  for (const regex of [['(?<!\\d)1', ''], ['(?<year>\\d{4})', ''], ['a.b', 's'], ['\\p{L}', 'u']]) {
    expect(() => parse(asRegexLiteral(regex[0], regex[1]), ECMA_VERSION)).toThrow();
  }
  expect(() => parse(asRegexLiteral('a/b\\/c[/]\n', 'gu'), ECMA_VERSION)).not.toThrow();
});

test('src/polyfills.ts is the first module of every entry, so it runs before any library', () => {
  // Entry modules run in the order listed; the polyfill module imports nothing.
  // webpack.config.js is CommonJS and exports a function of (env, argv)
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const config = require(path.join(REPO_ROOT, 'webpack.config.js'))({}, { mode: 'production' });
  expect(config.entry).toEqual({
    taskpane: ['./src/polyfills.ts', './src/taskpane/index.tsx'],
    commands: ['./src/polyfills.ts', './src/commands/commands.ts'],
  });
  expect(fs.readFileSync(path.join(REPO_ROOT, 'src', 'polyfills.ts'), 'utf8')).not.toMatch(/^\s*import\s/m);
});

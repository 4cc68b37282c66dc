// Bundles tests/e2e/doubleInBrowser.ts (the Excel double, for the browser) with webpack's Node API.
import * as fs from 'fs';
import * as path from 'path';
import type { BrowserContext } from 'playwright-core';
import webpack from 'webpack';
import type { WorkbookData } from '../office-double/state';
import { CDN_OFFICE_JS, REPO_ROOT } from './browser';
import { workbookToJson } from './workbookJson';

export interface DoubleBundle {
  /** The bundle's JavaScript. */
  code: string;
  /** Every module webpack put in it (paths relative to the repo root, "/" separated). */
  modules: string[];
}

/** Builds the double's browser bundle into `outputDir` and returns its code and module list. */
export function bundleDouble(outputDir: string): Promise<DoubleBundle> {
  const out = path.resolve(REPO_ROOT, outputDir);
  const compiler = webpack({
    mode: 'development',
    devtool: false,
    target: ['web', 'es2017'],
    context: REPO_ROOT,
    entry: { double: './tests/e2e/doubleInBrowser.ts' },
    output: { path: out, filename: '[name].js', clean: true, iife: true },
    resolve: {
      extensions: ['.ts', '.js'],
      // No Node polyfills: a node-only import in the double fails the build instead of shipping.
      fallback: {},
    },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              transpileOnly: true,
              configFile: path.resolve(REPO_ROOT, 'tsconfig.json'),
              compilerOptions: { module: 'es2020', target: 'es2017', sourceMap: false },
            },
          },
        },
      ],
    },
    performance: { hints: false },
    infrastructureLogging: { level: 'error' },
  });
  return new Promise((resolve, reject) => {
    compiler.run((error, stats) => {
      compiler.close(() => undefined);
      if (error) return reject(error);
      if (!stats) return reject(new Error('webpack gave no stats'));
      const info = stats.toJson({ all: false, errors: true, warnings: true, modules: true, nestedModules: true });
      if (stats.hasErrors()) {
        return reject(new Error(`bundling the Excel double failed:\n${(info.errors ?? []).map((e) => e.message).join('\n')}`));
      }
      const modules: string[] = [];
      const collect = (list: typeof info.modules) => {
        for (const m of list ?? []) {
          if (m.nameForCondition) modules.push(path.relative(REPO_ROOT, m.nameForCondition).split(path.sep).join('/'));
          collect(m.modules);
        }
      };
      collect(info.modules);
      resolve({ code: fs.readFileSync(path.join(out, 'double.js'), 'utf8'), modules });
    });
  });
}

/**
 * Answers the pane's request for Office.js with the double holding `workbook`, so that the built
 * pane runs against it unchanged. `ownGlobalThis` runs the double with `window` as its globalThis
 * (for pages where the built-in one was removed). Returns the URLs that were served.
 */
export async function serveDoubleAsOfficeJs(
  context: BrowserContext,
  double: DoubleBundle,
  workbook: WorkbookData,
  options: { ownGlobalThis?: boolean } = {},
): Promise<string[]> {
  const code = options.ownGlobalThis ? `(function (globalThis) {\n${double.code}\n})(window);` : double.code;
  const body = `window.__PSC_WORKBOOK__ = ${JSON.stringify(workbookToJson(workbook))};\n${code}`;
  const served: string[] = [];
  await context.route(CDN_OFFICE_JS, async (route) => {
    served.push(route.request().url());
    await route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', body });
  });
  return served;
}

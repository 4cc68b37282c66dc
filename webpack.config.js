// Builds the Excel add-in (task pane + ribbon commands) into dist/addin/.
//
//   npm run build:addin            production build; pages load Office.js from Microsoft's CDN
//   OFFICE_JS=local npm run build:addin
//                                  also copies Office.js into dist/addin/office-js/ and loads it
//                                  from the add-in's own server (closed networks such as LGWAN)
//   ADDIN_BASE_URL=https://intra.example.lg.jp/psc/ npm run build:addin
//                                  the manifest's URLs point there instead of https://localhost:3000/
//   npm start                      webpack-dev-server on https://localhost:3000/ (self-signed)
//
// ADDIN_OUTPUT_DIR overrides the output folder (the end-to-end tests build into test-output/).
'use strict';

const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const DEV_BASE_URL = 'https://localhost:3000/';
const CDN_OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const LOCAL_OFFICE_JS = 'office-js/office.js';
// System fonts only (shared with the React theme): no web font is ever downloaded.
const { fontStack: FONT_STACK } = require('./src/taskpane/fonts.json');
// Office 2019 (perpetual) on Windows shows add-ins in Edge Legacy (EdgeHTML 18): every bundle,
// node_modules included, is lowered to ES2017 syntax (tests/addin/bundle-syntax.test.ts checks).
const SYNTAX_TARGET = ['es2017', 'edge18'];

function fail(message) {
  throw new Error(`webpack.config.js: ${message}`);
}

function readBaseUrl() {
  const value = (process.env.ADDIN_BASE_URL || DEV_BASE_URL).trim();
  let url;
  try {
    url = new URL(value);
  } catch {
    fail(`ADDIN_BASE_URL is not an absolute URL: "${value}" (example: https://intra.example.lg.jp/psc/)`);
  }
  if (!value.endsWith('/')) fail(`ADDIN_BASE_URL must end with "/": "${value}"`);
  if (url.protocol !== 'https:') {
    console.warn(`warning: ADDIN_BASE_URL is not https (${value}); Excel loads add-ins over https only.`);
  }
  return value;
}

function readOfficeJsMode() {
  const value = (process.env.OFFICE_JS || 'cdn').trim().toLowerCase();
  if (value !== 'cdn' && value !== 'local') fail(`OFFICE_JS must be "cdn" or "local", not "${value}"`);
  return value;
}

function escapeXmlAttribute(text) {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

module.exports = (_env = {}, argv = {}) => {
  const mode = argv.mode || process.env.NODE_ENV || 'production';
  const production = mode === 'production';
  const baseUrl = readBaseUrl();
  const officeJs = readOfficeJsMode();
  const officeJsUrl = officeJs === 'local' ? LOCAL_OFFICE_JS : CDN_OFFICE_JS;
  const outputDir = path.resolve(__dirname, process.env.ADDIN_OUTPUT_DIR || 'dist/addin');

  const copyPatterns = [
    { from: 'assets', to: 'assets' },
    {
      from: 'manifest.xml',
      to: 'manifest.xml',
      transform(content) {
        return content
          .toString('utf8')
          .replace(/[ \t]*<!--[\s\S]*?-->[ \t]*\r?\n?/g, '') // notes for developers, with example URLs
          .split(DEV_BASE_URL)
          .join(escapeXmlAttribute(baseUrl));
      },
    },
  ];
  if (officeJs === 'local') {
    copyPatterns.push({
      from: path.dirname(require.resolve('@microsoft/office-js/dist/office.js')),
      to: 'office-js',
      info: { minimized: true }, // already minified by Microsoft; do not run it through terser
    });
  }

  const page = (name) =>
    new HtmlWebpackPlugin({
      filename: `${name}.html`,
      template: `src/${name === 'taskpane' ? 'taskpane' : 'commands'}/${name}.html`,
      chunks: [name],
      scriptLoading: 'defer',
      templateParameters: { officeJsUrl, fontStack: FONT_STACK },
    });

  return {
    mode,
    target: ['web', 'es2017'],
    context: __dirname,
    // src/polyfills.ts first: it runs before any other module of the entry (zod reads globalThis
    // while it loads).
    entry: {
      taskpane: ['./src/polyfills.ts', './src/taskpane/index.tsx'],
      commands: ['./src/polyfills.ts', './src/commands/commands.ts'],
    },
    output: {
      path: outputDir,
      filename: production ? '[name].[contenthash:8].js' : '[name].js',
      publicPath: '', // pages and bundles sit side by side, wherever the server puts them
      clean: true,
    },
    devtool: production ? false : 'eval-cheap-module-source-map',
    resolve: {
      extensions: ['.ts', '.tsx', '.js', '.json'],
      // The workbook reader inflates with Node's zlib on the command line and with fflate in the
      // pane (提出ブックを取り込む): no Node module is ever bundled.
      alias: {
        [path.resolve(__dirname, 'src/hosts/xlsx/read/inflate.ts')]: path.resolve(__dirname, 'src/hosts/xlsx/read/inflate.browser.ts'),
      },
    },
    module: {
      rules: [
        {
          // Our TypeScript: transpile only (types are checked by `npm run typecheck` and the tests).
          test: /\.tsx?$/,
          exclude: /node_modules/,
          loader: 'esbuild-loader',
          options: { target: SYNTAX_TARGET, tsconfig: path.resolve(__dirname, 'tsconfig.json') },
        },
        {
          // React, Fluent UI, zod…: published as ES2018+ and lowered here too.
          test: /\.m?js$/,
          include: /node_modules/,
          loader: 'esbuild-loader',
          options: { target: SYNTAX_TARGET },
        },
      ],
    },
    plugins: [
      page('taskpane'),
      page('commands'),
      new CopyWebpackPlugin({ patterns: copyPatterns }),
    ],
    // webpack's default minimizer: comments are dropped from the bundles, and license banners are
    // kept in <bundle>.LICENSE.txt beside them (they name no URL; the e2e build test checks).
    optimization: { minimize: production },
    performance: {
      hints: production ? 'warning' : false,
      maxEntrypointSize: 1024 * 1024,
      maxAssetSize: 1024 * 1024,
      // Office.js (local mode) is Microsoft's and large; only our bundles count.
      assetFilter: (file) => /\.js$/.test(file) && !file.startsWith('office-js/'),
    },
    devServer: {
      port: 3000,
      server: 'https', // webpack-dev-server makes and caches its own self-signed certificate
      headers: { 'Access-Control-Allow-Origin': '*' },
      static: false,
      client: { overlay: { warnings: false, errors: true } },
    },
  };
};

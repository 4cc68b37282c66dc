// npm run build:cli, after tsc: the check worker bundled into one file with its loader, in
// dist/cli/worker/ (src/cli/bundleWorker.ts). The loader makes V8's code cache of the bundle on
// the first run (checkWorker.js.cache next to it); a cache of a former build is removed here.
const path = require('path');
const root = path.resolve(__dirname, '..');
const { buildWorker, writeWorker } = require(path.join(root, 'dist/cli/cli/bundleWorker.js'));
writeWorker(path.join(root, 'dist/cli/worker'), buildWorker(root));

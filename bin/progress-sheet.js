#!/usr/bin/env node
// Entry point of `npx progress-sheet`: runs the compiled command line (npm ci builds it via `prepare`).
// V8 is tuned for a batch of short runs first, before the checking threads start (see v8Tuning.ts);
// for `check`, the first checking thread starts loading now, while the command lists the files (pool.ts).
require('../dist/cli/cli/v8Tuning.js').tuneForShortRuns();
if (process.argv[2] === 'check') require('../dist/cli/cli/pool.js').startWorkerEarly();
require('../dist/cli/cli/main.js').main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});

#!/usr/bin/env node
// Entry point of `npx progress-sheet`: runs the compiled command line (npm ci builds it via `prepare`).
// V8 is tuned for a batch of short runs first, before the checking threads start (see v8Tuning.ts).
require('../dist/cli/cli/v8Tuning.js').tuneForShortRuns();
require('../dist/cli/cli/main.js').main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});

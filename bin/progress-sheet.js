#!/usr/bin/env node
// Entry point of `npx progress-sheet`: runs the compiled command line (npm ci builds it via `prepare`).
require('../dist/cli/cli/main.js').main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});

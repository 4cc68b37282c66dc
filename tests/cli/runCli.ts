/** Runs the command line from its TypeScript sources, as a child process (tests that send signals). */
import { main } from '../../src/cli/main';

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});

import { main, type RunOptions } from '../../src/cli/main';

/** What a run of the command printed and returned. */
export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** Run `progress-sheet` in this process, collecting standard output and standard error. */
export async function runCli(argv: string[], options: RunOptions = {}): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (s) => out.push(s), err: (s) => err.push(s) }, options);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

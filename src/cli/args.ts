import { isIsoDate } from '../engine/due';
import { cliText, localeOfArgs } from './messages';

/** What `progress-sheet check` was asked to do. */
export interface CheckCommand {
  inputs: string[];
  asOf: string;
  configPath: string | null;
  jsonPath: string | null;
  outDir: string | null;
  summaryPath: string | null;
  /** Folder for one returns workbook (差し戻し) per department. */
  returnsDir: string | null;
  /** The previous round to compare with: a folder of workbooks or a report.json. */
  previousPath: string | null;
  locale: 'ja' | 'en';
  quiet: boolean;
  /** Print, per sheet, which column was read as which field. */
  explain: boolean;
}

/** What `progress-sheet profile` was asked to do: propose a template profile from a sheet's headers. */
export interface ProfileCommand {
  file: string;
  sheet: string | null;
  locale: 'ja' | 'en';
}

export type ParsedArgs =
  | { kind: 'check'; command: CheckCommand }
  | { kind: 'profile'; command: ProfileCommand }
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'error'; message: string };


function today(): string {
  const now = new Date();
  const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 10);
}

/** Parse argv (after the program name). Never throws: misuse comes back as an error message. */
export function parseArgs(argv: string[]): ParsedArgs {
  if (argv.length === 0 || argv[0] === '-h' || argv[0] === '--help' || argv[0] === 'help') return { kind: 'help' };
  if (argv[0] === '--version' || argv[0] === '-v') return { kind: 'version' };
  const t = cliText(localeOfArgs(argv));
  if (argv[0] === 'profile') return parseProfileArgs(argv, t);
  if (argv[0] !== 'check') return { kind: 'error', message: t.unknownCommand(argv[0]) };
  const command: CheckCommand = {
    inputs: [],
    asOf: today(),
    configPath: null,
    jsonPath: null,
    outDir: null,
    summaryPath: null,
    returnsDir: null,
    previousPath: null,
    locale: 'ja',
    quiet: false,
    explain: false,
  };
  const valueOf = (i: number, name: string): string | { error: string } => {
    const v = argv[i + 1];
    if (v === undefined || (v.startsWith('--') && v !== '-')) return { error: t.missingValue(name) };
    return v;
  };
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i];
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const take = (): string | { error: string } => {
      if (inline !== undefined) return inline;
      const v = valueOf(i, name);
      if (typeof v === 'string') i++;
      return v;
    };
    switch (name) {
      case '-h':
      case '--help':
        return { kind: 'help' };
      case '--quiet':
        command.quiet = true;
        break;
      case '--explain':
        command.explain = true;
        break;
      case '--as-of':
      case '--config':
      case '--json':
      case '--out':
      case '--summary':
      case '--returns':
      case '--previous':
      case '--lang': {
        const v = take();
        if (typeof v !== 'string') return { kind: 'error', message: v.error };
        if (name === '--as-of') {
          if (!isIsoDate(v)) return { kind: 'error', message: t.badAsOf(v) };
          command.asOf = v;
        } else if (name === '--config') command.configPath = v;
        else if (name === '--json') command.jsonPath = v;
        else if (name === '--out') command.outDir = v;
        else if (name === '--summary') command.summaryPath = v;
        else if (name === '--returns') command.returnsDir = v;
        else if (name === '--previous') command.previousPath = v;
        else {
          if (v !== 'ja' && v !== 'en') return { kind: 'error', message: t.badLang(v) };
          command.locale = v;
        }
        break;
      }
      default:
        if (arg.startsWith('-') && arg !== '-') return { kind: 'error', message: t.unknownOption(arg) };
        command.inputs.push(arg);
    }
  }
  if (command.inputs.length === 0) return { kind: 'error', message: t.noInputs };
  return { kind: 'check', command };
}

/** `progress-sheet profile <file> [--sheet NAME] [--lang ja|en]`. */
function parseProfileArgs(argv: string[], t: ReturnType<typeof cliText>): ParsedArgs {
  const command: ProfileCommand = { file: '', sheet: null, locale: 'ja' };
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i];
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (name === '-h' || name === '--help') return { kind: 'help' };
    if (name === '--sheet' || name === '--lang') {
      const v = inline ?? argv[++i];
      if (v === undefined || v.startsWith('--')) return { kind: 'error', message: t.missingValue(name) };
      if (name === '--sheet') command.sheet = v;
      else if (v === 'ja' || v === 'en') command.locale = v;
      else return { kind: 'error', message: t.badLang(v) };
      continue;
    }
    if (arg.startsWith('-')) return { kind: 'error', message: t.unknownOption(arg) };
    if (command.file) return { kind: 'error', message: t.oneFileForProfile };
    command.file = arg;
  }
  if (!command.file) return { kind: 'error', message: t.oneFileForProfile };
  return { kind: 'profile', command };
}

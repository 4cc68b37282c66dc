import { isIsoDate } from '../engine/due';

/** What `progress-sheet check` was asked to do. */
export interface CheckCommand {
  inputs: string[];
  asOf: string;
  configPath: string | null;
  jsonPath: string | null;
  outDir: string | null;
  summaryPath: string | null;
  locale: 'ja' | 'en';
  quiet: boolean;
}

export type ParsedArgs = { kind: 'check'; command: CheckCommand } | { kind: 'help' } | { kind: 'version' } | { kind: 'error'; message: string };

export const USAGE = `使い方: progress-sheet check [オプション] <ファイルまたはフォルダ>...

進行管理票（.xlsx）をチェックし、未入力・誤り・達成率を報告します。
フォルダを指定すると、その中の .xlsx をすべて（サブフォルダも）チェックします。

オプション:
  --as-of YYYY-MM-DD   基準日（この日までに期限を過ぎた欄を未入力として報告。既定: 今日）
  --config FILE        設定ファイル（JSON: 評価基準、年度開始月、追加テンプレート、課名一覧）
  --json FILE          結果を JSON で FILE に書き出す（- で標準出力）
  --out DIR            チェック結果を書き込んだ写しを DIR に保存（元のファイルは変更しません）
  --summary FILE       全ファイルの集計ブックを FILE に保存
  --lang ja|en         メッセージの言語（既定: ja）
  --quiet              画面には合計だけを表示
  -h, --help           この説明を表示

終了コード: 0 問題なし / 1 エラーあり / 2 読めないファイルがある、または使い方の誤り`;

function today(): string {
  const now = new Date();
  const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 10);
}

/** Parse argv (after the program name). Never throws: misuse comes back as an error message. */
export function parseArgs(argv: string[]): ParsedArgs {
  if (argv.length === 0 || argv[0] === '-h' || argv[0] === '--help' || argv[0] === 'help') return { kind: 'help' };
  if (argv[0] === '--version' || argv[0] === '-v') return { kind: 'version' };
  if (argv[0] !== 'check') return { kind: 'error', message: `不明なコマンドです: ${argv[0]}（使えるのは check です）` };
  const command: CheckCommand = {
    inputs: [],
    asOf: today(),
    configPath: null,
    jsonPath: null,
    outDir: null,
    summaryPath: null,
    locale: 'ja',
    quiet: false,
  };
  const valueOf = (i: number, name: string): string | { error: string } => {
    const v = argv[i + 1];
    if (v === undefined || (v.startsWith('--') && v !== '-')) return { error: `${name} の値がありません。` };
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
      case '--as-of':
      case '--config':
      case '--json':
      case '--out':
      case '--summary':
      case '--lang': {
        const v = take();
        if (typeof v !== 'string') return { kind: 'error', message: v.error };
        if (name === '--as-of') {
          if (!isIsoDate(v)) return { kind: 'error', message: `--as-of は YYYY-MM-DD の形の日付で指定してください: ${v}` };
          command.asOf = v;
        } else if (name === '--config') command.configPath = v;
        else if (name === '--json') command.jsonPath = v;
        else if (name === '--out') command.outDir = v;
        else if (name === '--summary') command.summaryPath = v;
        else {
          if (v !== 'ja' && v !== 'en') return { kind: 'error', message: `--lang は ja か en です: ${v}` };
          command.locale = v;
        }
        break;
      }
      default:
        if (arg.startsWith('-') && arg !== '-') return { kind: 'error', message: `不明なオプションです: ${arg}` };
        command.inputs.push(arg);
    }
  }
  if (command.inputs.length === 0) return { kind: 'error', message: 'チェックするファイルまたはフォルダを指定してください。' };
  return { kind: 'check', command };
}

/** The command line's own texts (usage, misuse, files), Japanese first, English with --lang en. */

import type { OutputRefusal } from './outputs';
import type { UnsafeOutputError } from './safeWrite';

export type CliLocale = 'ja' | 'en';
type UnsafeWhy = UnsafeOutputError['why'];

const ja = {
  usage: `使い方: progress-sheet check [オプション] <ファイルまたはフォルダ>...

進行管理票（.xlsx）をチェックし、未入力・誤り・達成率を報告します。
フォルダを指定すると、その中の .xlsx をすべて（サブフォルダも）チェックします。

オプション:
  --as-of YYYY-MM-DD   基準日（この日までに期限を過ぎた欄を未入力として報告。既定: 今日）
  --config FILE        設定ファイル（JSON: 評価基準、年度開始月、評価の尺度、追加テンプレート、課名一覧）
  --json FILE          結果を JSON で FILE に書き出す（- で標準出力）
  --out DIR            チェック結果を書き込んだ写しを DIR に保存（元のファイルは変更しません）
  --summary FILE       全ファイルの集計ブック（概要・グラフ・担当課別・問題一覧）を FILE に保存
  --returns DIR        担当課ごとの差し戻しブック（問題の一覧とセルへのリンク、修正の期限）を DIR に保存
  --previous PATH      前回の提出（フォルダ、または --json の report.json）と比べる: 下がった算定評価、
                       報告後に変わった記入、追加・削除された取組、エラーが増えた担当課
                       （フォルダは今回の基準日の 3 か月前を基準日としてチェック）
  --lang ja|en         メッセージの言語（既定: ja）
  --quiet              画面には合計だけを表示
  --explain            シートごとに、どの列をどの項目として読んだかを表示
  -h, --help           この説明を表示

       progress-sheet profile <ファイル> [--sheet シート名]

様式を判別できないシートの見出しから、テンプレート定義（設定 JSON）の案を作ります。
案を確かめて直し、ファイルに保存して check の --config に指定してください。

終了コード: 0 問題なし / 1 エラーあり / 2 読めないファイルがある、または使い方の誤り`,
  seeHelp: '「progress-sheet --help」で使い方を表示します。',
  unknownCommand: (c: string) => `不明なコマンドです: ${c}（使えるのは check と profile です）`,
  oneFileForProfile: 'profile には .xlsx ファイルを 1 つ指定してください。',
  noSuchSheet: (name: string, names: string[]) => `シート「${name}」がありません（あるシート: ${names.join('、')}）。--sheet の名前を確かめてください。`,
  profileProposed: (sheet: string) => `シート「${sheet}」の見出しから定義の案を作りました（標準出力）。確かめて直し、保存して --config で指定してください:`,
  profileColumn: (letter: string, label: string, field: string | null, confidence: number, why: string) =>
    `  ${letter.padEnd(3)} ${label} → ${field ?? '（使わない）'}（確からしさ ${Math.round(confidence * 100)}%${why ? `、${why}` : ''}）`,
  missingValue: (name: string) => `${name} の値がありません。`,
  badAsOf: (v: string) => `--as-of は YYYY-MM-DD の形の日付で指定してください: ${v}`,
  badLang: (v: string) => `--lang は ja か en です: ${v}`,
  unknownOption: (o: string) => `不明なオプションです: ${o}`,
  noInputs: 'チェックするファイルまたはフォルダを指定してください。',
  noWorkbooks: 'チェックする .xlsx ファイルが見つかりませんでした。フォルダのパスを確認してください。',
  configUnreadable: (f: string) => `設定ファイルを読めません: ${f}。パスを確認してください。`,
  configNotJson: (f: string, d: string) => `設定ファイル ${f} は正しい JSON ではありません（${d}）。JSON として直してください。`,
  cannotWrite: (f: string) => `書き込めません: ${f}。フォルダとアクセス権を確認してください。`,
  unexpected: (m: string) => `予期しないエラーです: ${m}`,
  interrupted: '中断しました。書きかけのファイルは削除しました（元のファイルは変更していません）。',
  refused: (r: OutputRefusal): string => {
    switch (r.kind) {
      case 'out-is-input':
        return `--out ${r.out} はチェックするフォルダ（${r.input}）と同じか、その中にあります。元のファイルを上書きしたり写しを次回チェックしたりしないよう、別のフォルダを指定してください。`;
      case 'output-is-input':
        return `${r.option} ${r.output} はチェックするファイルそのものです。元のファイルを上書きしないよう、別のファイル名を指定してください。`;
      case 'outputs-clash':
        return `${r.a} と ${r.b} が同じファイルです。別々のファイル名を指定してください。`;
      case 'copy-is-input':
        return `--out ${r.out} に保存すると、写しが元のファイル（${r.input}）を上書きします。別のフォルダを指定してください。`;
    }
  },
  unsafeOutput: (target: string, why: UnsafeWhy) =>
    why === 'symlink-folder'
      ? `${target} はシンボリックリンクです。リンク先を上書きしないよう書き込みません。リンクを削除するか別のフォルダを指定してください。`
      : why === 'is-folder'
        ? `${target} はフォルダです。ファイル名を指定してください。`
        : `${target} はフォルダではありません。別のフォルダを指定してください。`,
  copyNotWritten: (why: string) => `書き込みに失敗しました（${why}）。出力先のフォルダに書き込めるか、空き容量があるかを確かめて、もう一度実行してください。`,
  copyRefused: (why: string) =>
    `${why}。ブックを壊さずに書き込めないため、写しは作りませんでした（チェックの結果は上のとおりです）。写しが必要なときは、このブックを Excel で開いて保存し直してから、もう一度チェックしてください。`,
  returnsIsInput: (dir: string, input: string) =>
    `--returns ${dir} はチェックするフォルダ（${input}）と同じか、その中にあります。差し戻しのブックを次回チェックしないよう、別のフォルダを指定してください。`,
  returnsClobbers: (dir: string, input: string) => `--returns ${dir} に保存すると、チェックするファイル（${input}）を上書きします。別のフォルダを指定してください。`,
  returnsWritten: (count: number, dir: string) => `差し戻し: 担当課 ${count} 課分のブックを ${dir} に保存しました。`,
  previousUnreadable: (p: string) => `前回の提出を読めません: ${p}。フォルダか、--json で書き出した report.json を指定してください。`,
  previousNotReport: (p: string) => `${p} は進行管理票チェッカーの JSON 結果（--json）ではありません。フォルダか report.json を指定してください。`,
  previousCompared: (asOf: string, fallen: number, changed: number, added: number, removed: number, rose: number) =>
    `前回（基準日 ${asOf}）との比較: 算定評価が下がった取組 ${fallen}、報告後に変わった記入 ${changed}、追加 ${added}、削除 ${removed}、エラーが増えた担当課 ${rose}`,
};

const en: typeof ja = {
  usage: `Usage: progress-sheet check [options] <file-or-folder>...

Checks progress sheets (.xlsx) and reports missing entries, errors and achievement rates.
A folder means every .xlsx inside it, subfolders included.

Options:
  --as-of YYYY-MM-DD   as-of date: entries whose period ended before it are due (default: today)
  --config FILE        configuration (JSON: grade scale, fiscal-year start, evaluation scale, profiles, departments)
  --json FILE          write the report as JSON (- for standard output)
  --out DIR            write annotated copies there (the originals are never changed)
  --summary FILE       write one consolidated summary workbook (headline, charts, departments, issues)
  --returns DIR        write one returns workbook per department (its issues, links to the cells, a deadline)
  --previous PATH      compare with the previous round (a folder, or a report.json from --json): grades
                       that fell, entries changed after they were reported, items added or removed,
                       departments with more errors (a folder is checked as of three months earlier)
  --lang ja|en         language of the messages (default: ja)
  --quiet              print the totals only
  --explain            print, per sheet, which column was read as which field
  -h, --help           show this help

       progress-sheet profile <file> [--sheet NAME]

Proposes a template profile (configuration JSON) from the headers of a sheet whose layout is not
recognised. Check and edit it, save it to a file and pass it to check with --config.

Exit status: 0 no errors / 1 errors found / 2 a file could not be read, or misuse`,
  seeHelp: 'Run "progress-sheet --help" for the usage.',
  unknownCommand: (c) => `Unknown command: ${c} (the commands are check and profile)`,
  oneFileForProfile: 'profile takes one .xlsx file.',
  noSuchSheet: (name, names) => `There is no sheet "${name}" (the sheets: ${names.join(', ')}). Check the --sheet name.`,
  profileProposed: (sheet) => `A profile proposed from the headers of sheet "${sheet}" (on standard output). Check and edit it, save it and pass it with --config:`,
  profileColumn: (letter, label, field, confidence, why) =>
    `  ${letter.padEnd(3)} ${label} → ${field ?? '(not used)'} (confidence ${Math.round(confidence * 100)}%${why ? `, ${why}` : ''})`,
  missingValue: (name) => `${name} needs a value.`,
  badAsOf: (v) => `--as-of takes a date as YYYY-MM-DD: ${v}`,
  badLang: (v) => `--lang is ja or en: ${v}`,
  unknownOption: (o) => `Unknown option: ${o}`,
  noInputs: 'Name the files or folders to check.',
  noWorkbooks: 'No .xlsx file was found to check. Check the folder path.',
  configUnreadable: (f) => `Cannot read the configuration file ${f}. Check the path.`,
  configNotJson: (f, d) => `The configuration file ${f} is not valid JSON (${d}). Correct it.`,
  cannotWrite: (f) => `Cannot write ${f}. Check the folder and the access rights.`,
  unexpected: (m) => `Unexpected error: ${m}`,
  interrupted: 'Interrupted. Partly written files were removed (the originals are unchanged).',
  refused: (r) => {
    switch (r.kind) {
      case 'out-is-input':
        return `--out ${r.out} is, or lies inside, a folder being checked (${r.input}). Choose another folder, so that no original is overwritten and no copy is checked next time.`;
      case 'output-is-input':
        return `${r.option} ${r.output} is one of the files being checked. Choose another file name, so that the original is not overwritten.`;
      case 'outputs-clash':
        return `${r.a} and ${r.b} name the same file. Give them different names.`;
      case 'copy-is-input':
        return `With --out ${r.out} a copy would overwrite its original (${r.input}). Choose another folder.`;
    }
  },
  unsafeOutput: (target, why) =>
    why === 'symlink-folder'
      ? `${target} is a symbolic link; nothing is written through it. Remove the link or choose another folder.`
      : why === 'is-folder'
        ? `${target} is a folder. Give a file name.`
        : `${target} is not a folder. Choose another folder.`,
  copyNotWritten: (why) => `writing failed (${why}). Make sure the output folder is writable and has space, then run again.`,
  copyRefused: (why) =>
    `${why}. It cannot be written without risking the workbook, so no copy was made (the check's results stand above). If you need the copy, open the workbook in Excel, save it again, and check it once more.`,
  returnsIsInput: (dir, input) =>
    `--returns ${dir} is, or lies inside, a folder being checked (${input}). Choose another folder, so that the returns are not checked next time.`,
  returnsClobbers: (dir, input) => `With --returns ${dir} a returns workbook would overwrite a file being checked (${input}). Choose another folder.`,
  returnsWritten: (count, dir) => `Returns: one workbook for each of ${count} departments written to ${dir}.`,
  previousUnreadable: (p) => `Cannot read the previous round: ${p}. Give a folder, or a report.json written with --json.`,
  previousNotReport: (p) => `${p} is not a JSON report of this checker (--json). Give a folder or a report.json.`,
  previousCompared: (asOf, fallen, changed, added, removed, rose) =>
    `Against the previous round (as of ${asOf}): ${fallen} grades fell, ${changed} entries changed after they were reported, ${added} items added, ${removed} removed, ${rose} departments with more errors`,
};

export type CliText = typeof ja;

export function cliText(locale: CliLocale): CliText {
  return locale === 'en' ? en : ja;
}

/** The language asked for on the command line, read before the rest is parsed (for misuse messages). */
export function localeOfArgs(argv: string[]): CliLocale {
  const i = argv.indexOf('--lang');
  const value = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith('--lang='))?.slice('--lang='.length);
  return value === 'en' ? 'en' : 'ja';
}

/** Texts of 「提出ブックを取り込む」 in the pane: Japanese, English when Office's display language is English. */
import type { Locale } from '../../engine';

const ja = {
  heading: '提出ブックを取り込む（行革担当課向け）',
  hint: '各課から提出された .xlsx を選ぶと、このパソコンの中だけで読み取り（どこにも送信しません）、集計シートをこのブックに追加します。',
  withReturns: '担当課ごとの差し戻しシートも作る',
  choose: '提出ブックを取り込む',
  chooseLabel: '取り込む提出ブック（.xlsx、複数選べます）',
  importing: '取り込み中…',
  progress: (done: number, total: number, name: string | null) => (name ? `${done + 1} / ${total} 件目を読んでいます: ${name}` : `${total} / ${total} 件を読み終え、シートに書いています`),
  done: (files: number, sheet: string) => `提出ブック ${files} 件を取り込み、「${sheet}」シートに集計しました。`,
  returnsDone: (sheets: string[]) => (sheets.length ? `差し戻しシート ${sheets.length} 枚: ${sheets.join('、')}` : '差し戻しの必要な担当課はありません。'),
  someUnreadable: (n: number) =>
    `${n} 件は読めませんでした（下の一覧に理由があります）。ほかのブックは集計しました。読めなかったブックは理由に沿って直し（.xls は .xlsx で保存し直す、パスワードを外すなど）、もう一度取り込んでください。`,
  resultsHeading: 'ファイルごとの結果',
  fileOk: (items: number, errors: number, warnings: number) => `取組 ${items} 件・エラー ${errors} 件・警告 ${warnings} 件`,
  fileUnrecognized: '進行管理票として読み取れるシートがありません（集計では「判別できないファイル」）。提出した課に、ブックを開いて作業ウィンドウの［チェック］で理由を確かめてもらってください。',
  fileUnreadable: (reason: string) => `読めません: ${reason}`,
  separator: '：',
};

const en: typeof ja = {
  heading: 'Import submitted workbooks (reform office)',
  hint: 'Pick the .xlsx files the departments submitted: they are read on this PC only (nothing is sent anywhere), and a summary sheet is added to this workbook.',
  withReturns: 'Also make a returns sheet per department',
  choose: 'Import submitted workbooks',
  chooseLabel: 'Submitted workbooks to import (.xlsx, several allowed)',
  importing: 'Importing…',
  progress: (done, total, name) => (name ? `Reading ${done + 1} / ${total}: ${name}` : `Read ${total} / ${total}; writing the sheets`),
  done: (files, sheet) => `Imported ${files} submitted workbooks and summarised them in the sheet "${sheet}".`,
  returnsDone: (sheets) => (sheets.length ? `${sheets.length} returns sheets: ${sheets.join(', ')}` : 'No department needs a return.'),
  someUnreadable: (n) =>
    `${n} could not be read (the reasons are listed below). The other workbooks were summarised. Correct those workbooks as their reasons say (save an .xls as .xlsx, remove a password…) and import them again.`,
  resultsHeading: 'Result per file',
  fileOk: (items, errors, warnings) => `${items} items, ${errors} errors, ${warnings} warnings`,
  fileUnrecognized: 'No sheet could be read as a progress sheet (counted as "files not recognised"). Ask the department to open the workbook and press Check in this pane to see why.',
  fileUnreadable: (reason) => `Cannot be read: ${reason}`,
  separator: ': ',
};

export type ImportStrings = typeof ja;

export function importStringsFor(locale: Locale): ImportStrings {
  return locale === 'en' ? en : ja;
}

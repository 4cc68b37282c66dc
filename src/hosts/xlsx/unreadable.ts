/** Why a workbook could not be read, in one line that says what to do: Japanese, or English. */

export type UnreadableReason =
  | 'empty'
  | 'encrypted-or-xls'
  | 'not-xlsx'
  | 'corrupt'
  | 'missing'
  | 'legacy-xls'
  | 'io'
  | 'check-failed'
  | 'too-large'
  | 'too-complex'
  | 'not-workbook'
  | 'not-regular-file'
  | 'folder-unreadable';

const REASONS: Record<UnreadableReason, { ja: (detail: string) => string; en: (detail: string) => string }> = {
  empty: {
    ja: () => '空のファイルです（0 バイト）。提出元に再送を依頼してください。',
    en: () => 'The file is empty (0 bytes). Ask the sender to send it again.',
  },
  'encrypted-or-xls': {
    ja: () => 'パスワード付き（暗号化）のブックか、旧形式（.xls）のブックです。パスワードを解除し .xlsx で保存し直してください。',
    en: () => 'The workbook is password-protected (encrypted) or in the old .xls format. Remove the password and save it as .xlsx.',
  },
  'not-xlsx': {
    ja: () => 'Excel ブック（.xlsx）ではありません（CSV やテキストなど別の形式です）。.xlsx で保存し直してください。',
    en: () => 'This is not an Excel workbook (.xlsx) but another format such as CSV or text. Save it as .xlsx.',
  },
  corrupt: {
    ja: (d) => `ブックを開けません（ファイルが壊れているか途中で切れています: ${d}）。提出元に再送を依頼してください。`,
    en: (d) => `The workbook cannot be opened (the file is damaged or cut short: ${d}). Ask the sender to send it again.`,
  },
  missing: {
    ja: () => 'ファイルまたはフォルダが見つかりません。パスを確認してください。',
    en: () => 'No such file or folder. Check the path.',
  },
  'legacy-xls': {
    ja: () => '旧形式（.xls）のブックです。Excel で開き .xlsx 形式で保存し直してください。',
    en: () => 'This is an old-format (.xls) workbook. Open it in Excel and save it as .xlsx.',
  },
  io: {
    ja: (d) => `ファイルを読めません（${d}）。アクセス権を確認してください。`,
    en: (d) => `The file cannot be read (${d}). Check the access rights.`,
  },
  'too-large': {
    ja: (d) => `ブックが大きすぎるため読みませんでした（${d}）。不要な行・列・シートを削除して保存し直してください。`,
    en: (d) => `The workbook is too large to read (${d}). Delete unused rows, columns and sheets and save it again.`,
  },
  'too-complex': {
    ja: (d) => `ブックが複雑すぎるため読みませんでした（${d}）。不要な行・列・シートを削除して保存し直してください。`,
    en: (d) => `The workbook is too complex to read (${d}). Delete unused rows, columns and sheets and save it again.`,
  },
  'not-workbook': {
    ja: (d) => `Excel ブック（.xlsx）ではありません（${d || 'ZIP の中にブック本体 xl/workbook.xml がありません'}）。Excel で保存した .xlsx を提出し直してください。`,
    en: (d) => `This is not an Excel workbook (${d || 'the zip holds no xl/workbook.xml'}). Submit an .xlsx saved from Excel.`,
  },
  'not-regular-file': {
    ja: () => '通常のファイルではありません（デバイスやパイプなど）。チェックする .xlsx ファイルを指定してください。',
    en: () => 'This is not a regular file (a device or a pipe). Name the .xlsx file to check.',
  },
  'folder-unreadable': {
    ja: (d) => `フォルダの中を読めません（${d}）。アクセス権を確認してください。ほかのフォルダはチェックを続けます。`,
    en: (d) => `The folder cannot be listed (${d}). Check the access rights. Other folders are still checked.`,
  },
  'check-failed': {
    ja: (d) => `チェック中に問題が起きました: ${d}`,
    en: (d) => `The check failed: ${d}`,
  },
};

export function describeUnreadable(reason: UnreadableReason, detail = '', locale: 'ja' | 'en' = 'ja'): string {
  return REASONS[reason][locale](detail);
}

/**
 * A workbook that could not be read; `message` is the Japanese line, `describe` gives either language.
 * `detailEn` is the detail in English where it is words rather than a name or a number (which limit).
 */
export class UnreadableWorkbookError extends Error {
  constructor(
    readonly reason: UnreadableReason,
    readonly detail = '',
    readonly detailEn = detail,
  ) {
    super(describeUnreadable(reason, detail, 'ja'));
    this.name = 'UnreadableWorkbookError';
  }

  describe(locale: 'ja' | 'en'): string {
    return describeUnreadable(this.reason, locale === 'ja' ? this.detail : this.detailEn, locale);
  }
}

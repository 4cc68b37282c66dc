/**
 * Every text of the task pane, Japanese first, English when Office's display language is English.
 * Words are what a person sees on the sheet: 色とメモ (not "flags"), 様式 (not "template").
 */
import type { IssueCode, Locale, Severity } from '../engine';

/** Why an action failed, as the pane tells it apart (failure.ts maps errors to these). */
export type FailureCause =
  | 'editing'
  | 'sheetProtected'
  | 'workbookProtected'
  | 'sheetGone'
  | 'tooLarge'
  | 'oldExcel'
  | 'busy'
  | 'unknown';

export type PaneAction = 'check' | 'clear' | 'summary' | 'insert' | 'select';

const ja = {
  title: '進行管理票チェッカー',
  intro: '開いているシートの未入力や誤りを、セルの色とメモで示します。',
  asOf: '基準日',
  asOfHint: 'この日までに期限を過ぎた欄が空なら「未入力」とします。',
  template: '様式',
  templateChoose: '様式を選んでチェックする（自動判別が違うとき）',
  templateAuto: '自動で判別',
  check: 'チェック',
  checking: 'チェック中…',
  clearFlags: '色とメモを消す',
  clearing: '消しています…',
  flagsCleared: (sheet: string) => `「${sheet}」の色とメモ、自動計算の列を消し、元の書式に戻しました。`,
  nothingToClear: (sheet: string) => `「${sheet}」には、このアドインが付けた色とメモはありません。`,
  insertTemplate: '標準様式を挿入',
  buildSummary: '集計シートを作成',
  summaryBuilt: (name: string, sheets: number) => `進行管理票 ${sheets} シートを集計し、「${name}」シートに書きました。`,
  templateInserted: (name: string) => `新しいシート「${name}」に標準様式を挿入しました。各行に取組を入力してください。`,
  phase: { read: 'シートを読み込んでいます', check: 'チェックしています', write: '結果を書き込んでいます' } as Record<string, string>,
  notProgressSheet: 'このシートは進行管理票として読み取れませんでした。項目・担当課・実績などの見出しがあるシートを開いてチェックするか、「様式を選んでチェックする」から様式を選んでください。',
  notWritten: {
    'sheet-protected':
      'このシートは保護されているため、セルに色とメモは付けず、結果をこの作業ウィンドウにだけ表示しました。色とメモを付けるには、［校閲］→［シート保護の解除］のあと、もう一度チェックしてください。',
    'workbook-protected':
      'ブックの構成が保護されているため（元に戻すための記録用シートを作れません）、セルに色とメモは付けず、結果をこの作業ウィンドウにだけ表示しました。色とメモを付けるには、［校閲］→［ブックの保護］を解除してから、もう一度チェックしてください。',
  } as Record<string, string>,
  announceChecked: (sheet: string, e: number, w: number, i: number) =>
    `「${sheet}」のチェックが終わりました。エラー ${e} 件、警告 ${w} 件、情報 ${i} 件。`,
  ribbonChecked: '色の付いたセルのメモと「チェック結果」列に理由があります。一覧と［次へ］で順に見るには、作業ウィンドウを開いて［チェック］を押してください。',
  close: '閉じる',
  sheet: 'シート',
  fiscalYear: '年度',
  fiscalYearValue: (fy: number, label: string) => `${label}（${fy}）`,
  details: '判別の詳細',
  detected: (name: string) => name,
  confidence: '確からしさ',
  headerRows: '見出しの行',
  rowsList: (rows: number[]) => rows.map((r) => `${r} 行目`).join('、'),
  columns: '列の対応',
  items: (n: number) => `取組 ${n} 件`,
  counts: (e: number, w: number, i: number) => `エラー ${e} 件・警告 ${w} 件・情報 ${i} 件`,
  noIssues: '問題は見つかりませんでした。',
  issuesHeading: '見つかった問題',
  severity: { error: 'エラー', warning: '警告', info: '情報' } as Record<Severity, string>,
  severitySuffix: { error: '（要修正）', warning: '（確認）', info: '（修正不要）' } as Record<Severity, string>,
  filter: '表示する問題',
  filterAll: (n: number) => `すべて（${n} 件）`,
  filterSeverity: (label: string, n: number) => `${label}だけ（${n} 件）`,
  filterKind: (label: string, n: number) => `${label}（${n} 件）`,
  previous: '前へ',
  next: '次へ',
  position: (i: number, n: number) => (i < 0 ? `${n} 件` : `${n} 件中 ${i + 1} 件目`),
  backToTop: 'ボタンへ戻る',
  item: (id: string | null, name: string | null, row: number) =>
    id || name ? `取組 ${[id, name ? name.slice(0, 30) : null].filter(Boolean).join(' ')}` : `${row} 行目`,
  goToIssue: (cell: string, item: string, kind: string) => `${cell} へ移動（${item}・${kind}）`,
  kinds: {
    'required-missing': '必須項目の空欄',
    'missing-entry': '未入力',
    'invalid-number': '数値として読めない',
    'invalid-evaluation': '評価の書き方',
    'formula-error': '数式のエラー',
    'duplicate-id': 'No. の重複',
    'grade-mismatch': '自己評価と算定評価の違い',
    'computed-mismatch': '達成率の違い',
    'normalized-value': '書き方の読み替え',
    'unknown-department': '一覧にない課名',
    'unrecognized-layout': '読めない表',
  } as Record<IssueCode, string>,
  results: '達成率と算定評価',
  gradeLegend: (steps: string) => `算定評価の基準: ${steps}`,
  gradeStep: (grade: string, min: number | null, previous: number | null) =>
    min === null ? `${grade} ${Math.round((previous ?? 0) * 100)}%未満` : `${grade} ${Math.round(min * 100)}%以上`,
  colId: 'No.',
  colItem: '取組項目',
  colRate: '達成率',
  colGrade: '算定評価',
  colSelf: '自己評価',
  syncs: (n: number) => `Excel との通信 ${n} 回`,
  actions: {
    check: 'チェックできませんでした。',
    clear: '色とメモを消せませんでした。',
    summary: '集計シートを作れませんでした。',
    insert: '標準様式を挿入できませんでした。',
    select: 'そのセルへ移動できませんでした。',
  } as Record<PaneAction, string>,
  causes: {
    editing: { what: 'Excel でセルを編集中です。', todo: 'Enter キーか Esc キーでセルの編集を終えてから、もう一度押してください。' },
    sheetProtected: { what: 'シートが保護されています。', todo: '［校閲］→［シート保護の解除］をしてから、もう一度押してください。' },
    workbookProtected: { what: 'ブックの構成が保護されていて、シートを追加・削除できません。', todo: '［校閲］→［ブックの保護］を解除してから、もう一度押してください。' },
    sheetGone: { what: 'チェックしたシートが見つかりません（名前が変わったか、削除されました）。', todo: '対象のシートを開いて、もう一度チェックしてください。' },
    tooLarge: { what: 'シートが大きすぎて、一度に Excel とやり取りできませんでした。', todo: '使っていない行や列を削除してから、もう一度お試しください。' },
    oldExcel: { what: 'お使いの Excel ではこの操作に必要な機能が使えません。', todo: 'Excel を更新するか、行革担当課にご相談ください（コマンドライン版でチェックできます）。' },
    busy: { what: 'Excel が応答しませんでした。', todo: '少し待ってから、もう一度押してください。続く場合はブックを保存して開き直してください。' },
    unknown: { what: '予期しない問題が起きました。', todo: 'ブックを保存して作業ウィンドウを開き直し、もう一度お試しください。続く場合は下の詳細を行革担当課にお知らせください。' },
  } as Record<FailureCause, { what: string; todo: string }>,
  failureDetail: '詳細（お問い合わせ用）',
  fieldNames: {
    id: 'No.',
    section: '体系・区分',
    subsection: '体系（中項目）',
    item: '取組項目',
    action: '具体的な取組',
    department: '担当課',
    period: '実績・計画（期間）',
    related: '関連・備考',
    schedule: '実施計画（年度）',
    evaluation: '自己評価',
    'kpi.name': '指標',
    'kpi.unit': '単位',
    'kpi.kind': '目標/実績',
    'kpi.baseline': '基準値',
    'kpi.target': '目標値',
    'kpi.actual': '実績値',
    'kpi.value': '年度ごとの値',
    'kpi.total': '合計',
    rate: '達成率',
    grade: '算定評価',
    effect: '財政効果額',
  } as Record<string, string>,
};

export type Strings = typeof ja;

const en: Strings = {
  title: 'Progress Sheet Checker',
  intro: 'Marks what is missing or wrong on the active sheet with a cell colour and a note.',
  asOf: 'As of',
  asOfHint: 'Entries whose period ended before this date are reported when empty.',
  template: 'Layout',
  templateChoose: 'Choose the layout (when detection is wrong)',
  templateAuto: 'Detect automatically',
  check: 'Check',
  checking: 'Checking…',
  clearFlags: 'Remove colours and notes',
  clearing: 'Removing…',
  flagsCleared: (sheet: string) => `Removed the colours, notes and computed columns from "${sheet}"; it has its earlier formatting again.`,
  nothingToClear: (sheet: string) => `"${sheet}" has no colours or notes from this add-in.`,
  insertTemplate: 'Insert standard layout',
  buildSummary: 'Build summary sheet',
  summaryBuilt: (name: string, sheets: number) => `Summarised ${sheets} progress sheets into the sheet "${name}".`,
  templateInserted: (name: string) => `Inserted the standard layout in a new sheet "${name}". Enter one initiative per row.`,
  phase: { read: 'Reading the sheet', check: 'Checking', write: 'Writing the results' },
  notProgressSheet:
    'This sheet could not be read as a progress sheet. Open a sheet with headers such as item, department and results, or choose its layout under "Choose the layout".',
  notWritten: {
    'sheet-protected':
      'This sheet is protected, so no colours or notes were added: the results are in this pane only. To mark the cells, unprotect the sheet (Review → Unprotect Sheet) and check again.',
    'workbook-protected':
      'The workbook structure is protected (the sheet that makes the marks undoable cannot be added), so the results are in this pane only. Unprotect the workbook (Review → Protect Workbook) and check again to mark the cells.',
  },
  announceChecked: (sheet: string, e: number, w: number, i: number) => `Checked "${sheet}": ${e} errors, ${w} warnings, ${i} info.`,
  ribbonChecked: 'The reasons are in the notes of the coloured cells and in the Check result column. To list them and step through them, open the task pane and press Check.',
  close: 'Close',
  sheet: 'Sheet',
  fiscalYear: 'Fiscal year',
  fiscalYearValue: (_fy: number, label: string) => label,
  details: 'How the sheet was read',
  detected: (name: string) => name,
  confidence: 'Confidence',
  headerRows: 'Header rows',
  rowsList: (rows: number[]) => rows.map((r) => `row ${r}`).join(', '),
  columns: 'Columns',
  items: (n: number) => `${n} items`,
  counts: (e: number, w: number, i: number) => `${e} errors, ${w} warnings, ${i} info`,
  noIssues: 'No issues found.',
  issuesHeading: 'Issues found',
  severity: { error: 'Error', warning: 'Warning', info: 'Info' },
  severitySuffix: { error: ' (fix)', warning: ' (check)', info: ' (no fix needed)' },
  filter: 'Show',
  filterAll: (n: number) => `All (${n})`,
  filterSeverity: (label: string, n: number) => `${label}s only (${n})`,
  filterKind: (label: string, n: number) => `${label} (${n})`,
  previous: 'Previous',
  next: 'Next',
  position: (i: number, n: number) => (i < 0 ? `${n} issues` : `${i + 1} of ${n}`),
  backToTop: 'Back to the buttons',
  item: (id: string | null, name: string | null, row: number) =>
    id || name ? `item ${[id, name ? name.slice(0, 30) : null].filter(Boolean).join(' ')}` : `row ${row}`,
  goToIssue: (cell: string, item: string, kind: string) => `Go to ${cell} (${item}, ${kind})`,
  kinds: {
    'required-missing': 'Required field empty',
    'missing-entry': 'Missing entry',
    'invalid-number': 'Not a number',
    'invalid-evaluation': 'Evaluation spelling',
    'formula-error': 'Formula error',
    'duplicate-id': 'Duplicate No.',
    'grade-mismatch': 'Self-evaluation differs',
    'computed-mismatch': 'Rate differs',
    'normalized-value': 'Variant spelling read',
    'unknown-department': 'Unknown department',
    'unrecognized-layout': 'Unreadable table',
  },
  results: 'Achievement rate and grade',
  gradeLegend: (steps: string) => `Grade scale: ${steps}`,
  gradeStep: (grade: string, min: number | null, previous: number | null) =>
    min === null ? `${grade} below ${Math.round((previous ?? 0) * 100)}%` : `${grade} ${Math.round(min * 100)}% or more`,
  colId: 'No.',
  colItem: 'Item',
  colRate: 'Rate',
  colGrade: 'Grade',
  colSelf: 'Self',
  syncs: (n: number) => `${n} round trips to Excel`,
  actions: {
    check: 'The check could not run. ',
    clear: 'The colours and notes could not be removed. ',
    summary: 'The summary sheet could not be built. ',
    insert: 'The standard layout could not be inserted. ',
    select: 'Could not go to that cell. ',
  },
  causes: {
    editing: { what: 'A cell is being edited in Excel.', todo: 'Press Enter or Esc to finish editing, then try again.' },
    sheetProtected: { what: 'The sheet is protected.', todo: 'Unprotect it (Review → Unprotect Sheet) and try again.' },
    workbookProtected: { what: 'The workbook structure is protected: no sheet can be added or deleted.', todo: 'Unprotect the workbook (Review → Protect Workbook) and try again.' },
    sheetGone: { what: 'The checked sheet is gone (renamed or deleted).', todo: 'Open the sheet and check it again.' },
    tooLarge: { what: 'The sheet is too large to exchange with Excel at once.', todo: 'Delete unused rows and columns, then try again.' },
    oldExcel: { what: 'This version of Excel lacks a feature this needs.', todo: 'Update Excel, or ask the reform office (the command line can check the file).' },
    busy: { what: 'Excel did not answer.', todo: 'Wait a moment and try again; if it persists, save and reopen the workbook.' },
    unknown: { what: 'Something unexpected happened.', todo: 'Save the workbook, reopen the pane and try again. If it persists, send the details below to the reform office.' },
  },
  failureDetail: 'Details (for support)',
  fieldNames: {
    id: 'No.',
    section: 'Section',
    subsection: 'Sub-section',
    item: 'Item',
    action: 'Action',
    department: 'Department',
    period: 'Period entry',
    related: 'Related',
    schedule: 'Schedule',
    evaluation: 'Self-evaluation',
    'kpi.name': 'Indicator',
    'kpi.unit': 'Unit',
    'kpi.kind': 'Target/actual',
    'kpi.baseline': 'Baseline',
    'kpi.target': 'Target',
    'kpi.actual': 'Actual',
    'kpi.value': 'Yearly value',
    'kpi.total': 'Total',
    rate: 'Achievement rate',
    grade: 'Grade',
    effect: 'Fiscal effect',
  },
};

export function localeOf(displayLanguage: string): Locale {
  return displayLanguage.toLowerCase().startsWith('en') ? 'en' : 'ja';
}

export function stringsFor(locale: Locale): Strings {
  return locale === 'en' ? en : ja;
}

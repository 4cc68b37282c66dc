import { summarize, type SummaryInput } from './summary';
import type { CellValue, Locale } from './types';

/** A source that could not be checked (an unreadable file), listed in the summary. */
export interface SummarySkipped {
  file: string;
  reason: string;
}

/** The summary sheet as values and the rows a host styles; the same layout in every host. */
export interface SummaryTable {
  name: string;
  values: CellValue[][];
  /** 0-based rows of table headers (bold, filled). */
  headerRows: number[];
  /** 0-based rows of section titles (■ 担当課別…). */
  titleRows: number[];
  /** 0-based rows of totals (bold). */
  totalRows: number[];
  /** Column widths in characters. */
  widths: number[];
}

const TEXT = {
  ja: {
    name: '集計',
    title: (asOf: string) => `進行管理票 集計（基準日 ${asOf}）`,
    note: '進行管理票チェッカーが自動で作成しました。集計し直すと作り直されます。',
    byDepartment: '■ 担当課別',
    deptHead: ['担当課', '取組数', '達成率を算定', 'エラー', '警告', '未入力'],
    total: '合計',
    bySheet: '■ ファイル・シート別',
    sheetHead: ['ファイル', 'シート', 'テンプレート', '取組数', 'エラー', '警告', '状態'],
    needsFix: '要修正',
    ok: 'OK',
    skipped: '対象外',
    unreadable: '読めません',
    issues: '■ 問題一覧',
    issueHead: ['ファイル', 'シート', 'セル', '重要度', '内容'],
    severity: { error: 'エラー', warning: '警告', info: '情報' } as Record<string, string>,
  },
  en: {
    name: 'Summary',
    title: (asOf: string) => `Progress sheets summary (as of ${asOf})`,
    note: 'Made by Progress Sheet Checker; made anew each time.',
    byDepartment: '■ By department',
    deptHead: ['Department', 'Items', 'With rate', 'Errors', 'Warnings', 'Missing'],
    total: 'Total',
    bySheet: '■ By file and sheet',
    sheetHead: ['File', 'Sheet', 'Template', 'Items', 'Errors', 'Warnings', 'Status'],
    needsFix: 'needs fixing',
    ok: 'OK',
    skipped: 'not a progress sheet',
    unreadable: 'unreadable',
    issues: '■ Issues',
    issueHead: ['File', 'Sheet', 'Cell', 'Severity', 'Message'],
    severity: { error: 'error', warning: 'warning', info: 'info' } as Record<string, string>,
  },
};

export interface SummaryTableInput {
  asOf: string;
  sheets: (SummaryInput & { templateName: string | null })[];
  skipped?: SummarySkipped[];
  grades: string[];
  locale?: Locale;
}

/**
 * The consolidation the reform office sends to the reform headquarters: per lead department the
 * items, how many on each computed grade, errors and missing entries; per file and sheet; then
 * every issue. The command line writes it into a workbook, the add-in into a sheet.
 */
export function summaryTable(input: SummaryTableInput): SummaryTable {
  const locale = input.locale ?? 'ja';
  const t = TEXT[locale];
  const summary = summarize(input.sheets, input.grades, locale);
  const values: CellValue[][] = [];
  const headerRows: number[] = [];
  const titleRows: number[] = [];
  const totalRows: number[] = [];
  const push = (row: CellValue[], kind?: 'header' | 'title' | 'total') => {
    if (kind === 'header') headerRows.push(values.length);
    if (kind === 'title') titleRows.push(values.length);
    if (kind === 'total') totalRows.push(values.length);
    values.push(row);
  };

  push([t.title(input.asOf)], 'title');
  push([t.note]);
  push([]);
  push([t.byDepartment], 'title');
  const [dept, items, rate, ...rest] = t.deptHead;
  push([dept, items, rate, ...input.grades, ...rest], 'header');
  for (const line of summary.departments) {
    push([line.department, line.items, line.withRate, ...input.grades.map((g) => line.grades[g]), line.errors, line.warnings, line.missingEntries]);
  }
  const total = summary.total;
  push([t.total, total.items, total.withRate, ...input.grades.map((g) => total.grades[g]), total.errors, total.warnings, total.missingEntries], 'total');

  // inside one workbook (the add-in) there is no file to name: the file column is left out
  const withFiles = input.sheets.some((s) => s.file !== '') || (input.skipped ?? []).length > 0;
  const file = (name: string): CellValue[] => (withFiles ? [name] : []);
  push([]);
  push([t.bySheet], 'title');
  push(withFiles ? t.sheetHead : t.sheetHead.slice(1), 'header');
  for (const s of input.sheets) {
    const errors = s.issues.filter((i) => i.severity === 'error').length;
    const warnings = s.issues.filter((i) => i.severity === 'warning').length;
    const status = !s.template ? t.skipped : errors > 0 ? t.needsFix : t.ok;
    push([...file(s.file), s.sheet, s.templateName ?? '', s.template ? s.rows.length : '', s.template ? errors : '', s.template ? warnings : '', status]);
  }
  for (const skipped of input.skipped ?? []) push([skipped.file, '', '', '', '', '', `${t.unreadable}: ${skipped.reason}`]);

  push([]);
  push([t.issues], 'title');
  push(withFiles ? t.issueHead : t.issueHead.slice(1), 'header');
  for (const s of input.sheets) {
    for (const issue of s.issues) push([...file(s.file), s.sheet, issue.cell, t.severity[issue.severity], issue.message]);
  }
  const widths = withFiles ? [30, 18, 20, 10, 60, 8, 8, 8, 8, 8, 8] : [24, 22, 10, 60, 8, 8, 8, 8, 8, 8, 8];
  return { name: t.name, values, headerRows, titleRows, totalRows, widths };
}

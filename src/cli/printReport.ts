import { formatFiscalYear } from '../engine/read/years';
import type { FileReport, JsonReport, SheetReport } from './report';

const SEVERITY_LABEL = {
  ja: { error: 'エラー', warning: '警告', info: '情報' },
  en: { error: 'error', warning: 'warning', info: 'info' },
} as const;

type Locale = 'ja' | 'en';

const YEAR_SOURCE = {
  ja: { config: '設定', title: '表題', header: '見出し', 'as-of': '基準日' },
  en: { config: 'configuration', title: 'title', header: 'headers', 'as-of': 'as-of date' },
} as const;

/** The report as a person reads it in a terminal: one block per file, then the totals. */
export function formatFile(file: FileReport, locale: Locale, options: { explain?: boolean } = {}): string[] {
  const lines: string[] = [];
  if (file.status === 'unreadable') {
    lines.push(`✗ ${file.path}: ${file.error}`);
    return lines;
  }
  lines.push(`■ ${file.path}`);
  if (file.settingsProblem) lines.push(`  ${file.settingsProblem}`);
  if (file.copyError) lines.push(locale === 'ja' ? `  写しを保存できません: ${file.copyError}` : `  Copy not written: ${file.copyError}`);
  for (const sheet of file.sheets) {
    lines.push(sheetLine(sheet, locale));
    if (options.explain) lines.push(...explainColumns(sheet, locale));
    for (const issue of sheet.issues) {
      const label = SEVERITY_LABEL[locale][issue.severity as 'error' | 'warning' | 'info'];
      const ack = issue.acknowledged ? (locale === 'ja' ? `（理由あり: ${issue.acknowledged.reason}）` : ` (acknowledged: ${issue.acknowledged.reason})`) : '';
      lines.push(`    ${issue.cell.padEnd(6)} ${label}  ${issue.message.replace(/\n/g, ' ')}${ack}`);
    }
  }
  if (file.status === 'unrecognized') {
    lines.push(
      locale === 'ja'
        ? '  → チェックできるシートがありません。進行管理票のシートが入っているか確かめてください。様式が読めない場合は「progress-sheet profile」で定義を作り、--config で指定してください。'
        : '  → No sheet could be checked. Make sure the workbook holds the progress sheet; if its layout is not read, make a profile with "progress-sheet profile" and pass it with --config.',
    );
  }
  return lines;
}

function sheetLine(sheet: SheetReport, locale: Locale): string {
  if (sheet.status === 'unrecognized') {
    const closest = sheet.unrecognized?.closestName;
    const score = Math.round((sheet.unrecognized?.score ?? 0) * 100);
    if (locale === 'en') return `  [${sheet.name}] a table whose layout is not recognised${closest ? ` (closest: ${closest}, ${score}%)` : ''}`;
    return `  ［${sheet.name}］ 表ですが様式を判別できません${closest ? `（最も近い様式: ${closest} ${score}%）` : ''}`;
  }
  if (!sheet.template) return locale === 'ja' ? `  ［${sheet.name}］ 進行管理票ではありません（対象外）` : `  [${sheet.name}] not a progress sheet (skipped)`;
  const counts = { error: 0, warning: 0, info: 0 };
  for (const i of sheet.issues) counts[i.severity as keyof typeof counts]++;
  const confidence = Math.round(sheet.confidence * 100);
  const year = sheet.fiscalYear ? `${formatFiscalYear(sheet.fiscalYear, locale)}${sheet.fiscalYearSource ? (locale === 'ja' ? `（${YEAR_SOURCE.ja[sheet.fiscalYearSource]}から）` : ` (from the ${YEAR_SOURCE.en[sheet.fiscalYearSource]})`) : ''}` : '';
  return locale === 'ja'
    ? `  ［${sheet.name}］ ${sheet.templateName}（確からしさ ${confidence}%）${year ? `${year}、` : ''}${sheet.rows.length} 件、エラー ${counts.error}、警告 ${counts.warning}、情報 ${counts.info}`
    : `  [${sheet.name}] ${sheet.templateName} (confidence ${confidence}%)${year ? `, ${year}` : ''}: ${sheet.rows.length} items, ${counts.error} errors, ${counts.warning} warnings, ${counts.info} info`;
}

/** --explain: which column was read as which field, and by which label. */
function explainColumns(sheet: SheetReport, locale: Locale): string[] {
  if (sheet.status === 'unrecognized' && sheet.unrecognized) {
    const u = sheet.unrecognized;
    return [
      locale === 'ja' ? `    見出し（${u.headerRow} 行目）: ${u.headers.join(' | ')}` : `    headers (row ${u.headerRow}): ${u.headers.join(' | ')}`,
      locale === 'ja' ? `    見つからない項目: ${u.missing.join('、') || 'なし'}` : `    fields not found: ${u.missing.join(', ') || 'none'}`,
    ];
  }
  if (!sheet.template) return [];
  const lines = [locale === 'ja' ? '    列の読み取り（列 見出し → 項目 ／ 一致した語）:' : '    columns read (column header → field / matched by):'];
  const columnLines = (columns: SheetReport['columns']) => {
    for (const c of columns) {
      const label = c.label.replace(/\s+/g, ' ').trim() || (locale === 'ja' ? '（見出しなし）' : '(no header)');
      lines.push(`      ${c.letter.padEnd(3)} ${label} → ${c.field}${c.matchedBy ? ` ／ ${c.matchedBy}` : ''}`);
    }
  };
  columnLines(sheet.columns);
  // the tables below the first one, each with its own header
  for (const t of sheet.otherTables ?? []) {
    const rows = t.headerRows.join('・');
    lines.push(
      locale === 'ja'
        ? `    ${rows} 行目からの表: ${t.templateName}、${t.items} 件（列の読み取り）:`
        : `    table from row ${t.headerRows[0]}: ${t.templateName}, ${t.items} items (columns read):`,
    );
    columnLines(t.columns);
  }
  return lines;
}

export function formatTotals(report: Pick<JsonReport, 'asOf' | 'totals'>, locale: Locale): string {
  const t = report.totals;
  return locale === 'ja'
    ? `合計: ファイル ${t.files}（読めないもの ${t.unreadable}${t.unrecognized ? `、チェックできるシートがないもの ${t.unrecognized}` : ''}）、進行管理票 ${t.progressSheets} シート、取組 ${t.rows} 件、エラー ${t.errors}、警告 ${t.warnings}（基準日 ${report.asOf}）`
    : `Total: ${t.files} files (${t.unreadable} unreadable${t.unrecognized ? `, ${t.unrecognized} with no sheet to check` : ''}), ${t.progressSheets} progress sheets, ${t.rows} items, ${t.errors} errors, ${t.warnings} warnings (as of ${report.asOf})`;
}

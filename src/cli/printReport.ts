import type { FileReport, JsonReport } from './report';

const SEVERITY_LABEL = {
  ja: { error: 'エラー', warning: '警告', info: '情報' },
  en: { error: 'error', warning: 'warning', info: 'info' },
} as const;

type Locale = 'ja' | 'en';

/** The report as a person reads it in a terminal: one block per file, then the totals. */
export function formatFile(file: FileReport, locale: Locale): string[] {
  const lines: string[] = [];
  if (file.status === 'unreadable') {
    lines.push(`✗ ${file.path}: ${file.error}`);
    return lines;
  }
  lines.push(`■ ${file.path}`);
  if (file.copyError) lines.push(locale === 'ja' ? `  写しを保存できません: ${file.copyError}` : `  Copy not written: ${file.copyError}`);
  for (const sheet of file.sheets) {
    if (!sheet.template) {
      lines.push(locale === 'ja' ? `  ［${sheet.name}］ 進行管理票ではありません（対象外）` : `  [${sheet.name}] not a progress sheet (skipped)`);
      continue;
    }
    const counts = { error: 0, warning: 0, info: 0 };
    for (const i of sheet.issues) counts[i.severity as keyof typeof counts]++;
    const confidence = Math.round(sheet.confidence * 100);
    lines.push(
      locale === 'ja'
        ? `  ［${sheet.name}］ ${sheet.templateName}（確からしさ ${confidence}%）${sheet.rows.length} 件、エラー ${counts.error}、警告 ${counts.warning}、情報 ${counts.info}`
        : `  [${sheet.name}] ${sheet.templateName} (confidence ${confidence}%): ${sheet.rows.length} items, ${counts.error} errors, ${counts.warning} warnings, ${counts.info} info`,
    );
    for (const issue of sheet.issues) {
      const label = SEVERITY_LABEL[locale][issue.severity as 'error' | 'warning' | 'info'];
      lines.push(`    ${issue.cell.padEnd(6)} ${label}  ${issue.message.replace(/\n/g, ' ')}`);
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

export function formatTotals(report: Pick<JsonReport, 'asOf' | 'totals'>, locale: Locale): string {
  const t = report.totals;
  return locale === 'ja'
    ? `合計: ファイル ${t.files}（読めないもの ${t.unreadable}${t.unrecognized ? `、チェックできるシートがないもの ${t.unrecognized}` : ''}）、進行管理票 ${t.progressSheets} シート、取組 ${t.rows} 件、エラー ${t.errors}、警告 ${t.warnings}（基準日 ${report.asOf}）`
    : `Total: ${t.files} files (${t.unreadable} unreadable${t.unrecognized ? `, ${t.unrecognized} with no sheet to check` : ''}), ${t.progressSheets} progress sheets, ${t.rows} items, ${t.errors} errors, ${t.warnings} warnings (as of ${report.asOf})`;
}

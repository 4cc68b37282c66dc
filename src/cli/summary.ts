import { promises as fs } from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { DEFAULT_GRADE_SCALE } from '../engine';
import { summarize } from '../engine/summary';
import type { JsonReport } from './report';

const HEAD = { ja: { dept: '担当課', items: '取組数', rate: '達成率算定', errors: 'エラー', warnings: '警告', missing: '未入力' }, en: { dept: 'Department', items: 'Items', rate: 'With rate', errors: 'Errors', warnings: 'Warnings', missing: 'Missing entries' } };

function styleHeader(row: ExcelJS.Row): void {
  row.font = { bold: true };
  row.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
    cell.border = { bottom: { style: 'thin' } };
  });
}

/** One consolidated workbook for the reform headquarters: by department, by file, every issue. */
export async function writeSummaryWorkbook(report: JsonReport, target: string, locale: 'ja' | 'en'): Promise<void> {
  const h = HEAD[locale];
  const grades = DEFAULT_GRADE_SCALE.map((s) => s.grade);
  const inputs = report.files.flatMap((f) => f.sheets.map((s) => ({ file: f.path, sheet: s.name, template: s.template, rows: s.rows, issues: s.issues })));
  const summary = summarize(inputs, grades, locale);
  const wb = new ExcelJS.Workbook();

  const byDept = wb.addWorksheet(locale === 'ja' ? '課別集計' : 'By department');
  byDept.addRow([locale === 'ja' ? `進行管理票 集計（基準日 ${report.asOf}）` : `Progress sheets summary (as of ${report.asOf})`]).font = { bold: true, size: 14 };
  byDept.addRow([]);
  styleHeader(byDept.addRow([h.dept, h.items, h.rate, ...grades, h.errors, h.warnings, h.missing]));
  for (const line of [...summary.departments, summary.total]) {
    byDept.addRow([line.department, line.items, line.withRate, ...grades.map((g) => line.grades[g]), line.errors, line.warnings, line.missingEntries]);
  }
  byDept.lastRow!.font = { bold: true };
  byDept.getColumn(1).width = 28;

  const byFile = wb.addWorksheet(locale === 'ja' ? 'ファイル別' : 'By file');
  styleHeader(byFile.addRow(locale === 'ja' ? ['ファイル', 'シート', 'テンプレート', '取組数', 'エラー', '警告', '状態'] : ['File', 'Sheet', 'Template', 'Items', 'Errors', 'Warnings', 'Status']));
  for (const file of report.files) {
    if (file.status === 'unreadable') {
      byFile.addRow([file.path, '', '', '', '', '', file.error]);
      continue;
    }
    for (const sheet of file.sheets) {
      const errors = sheet.issues.filter((i) => i.severity === 'error').length;
      const warnings = sheet.issues.filter((i) => i.severity === 'warning').length;
      byFile.addRow([file.path, sheet.name, sheet.templateName ?? (locale === 'ja' ? '（対象外）' : '(skipped)'), sheet.rows.length, errors, warnings, errors > 0 ? (locale === 'ja' ? '要修正' : 'needs fixing') : 'OK']);
    }
  }
  byFile.getColumn(1).width = 40;

  const issues = wb.addWorksheet(locale === 'ja' ? '問題一覧' : 'Issues');
  styleHeader(issues.addRow(locale === 'ja' ? ['ファイル', 'シート', 'セル', '重要度', 'コード', '内容'] : ['File', 'Sheet', 'Cell', 'Severity', 'Code', 'Message']));
  for (const file of report.files) {
    for (const sheet of file.sheets) {
      for (const issue of sheet.issues) issues.addRow([file.path, sheet.name, issue.cell, issue.severity, issue.code, issue.message]);
    }
  }
  issues.getColumn(1).width = 40;
  issues.getColumn(6).width = 80;

  await fs.mkdir(path.dirname(path.resolve(target)), { recursive: true });
  await wb.xlsx.writeFile(target);
}

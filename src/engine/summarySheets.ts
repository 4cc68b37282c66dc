import type { RoundComparison } from './rounds';
import { COUNT_FORMAT, PERCENT_FORMAT, SheetBuilder, type IssueLine, type SummaryTable } from './summaryTable';
import type { CellValue, Locale } from './types';

/** Sheet row numbers: right-aligned like counts, without a thousands separator. */
const ROW_FORMAT = '0';

const TEXT = {
  ja: {
    compareName: '前回比較',
    compareTitle: (asOf: string, previous: string) => `前回との比較（今回 ${asOf}・前回 ${previous}）`,
    compareNote: '取組は担当課（ない場合はファイル名）・シート・No.・取組名で突き合わせています。',
    counts: (c: RoundComparison) =>
      `算定評価が下がった取組 ${c.gradesFallen.length} 件、報告後に変わった記入 ${c.changedEntries.length} 件、追加 ${c.added.length} 件、削除 ${c.removed.length} 件、エラーが増えた担当課 ${c.departmentErrorsRose.length} 課`,
    fallen: '■ 算定評価が下がった取組',
    fallenHead: ['ファイル', 'シート', '行', '担当課', 'No.', '取組', '前回', '今回', '前回の達成率', '今回の達成率'],
    changed: '■ 報告後に変わった記入',
    changedHead: ['ファイル', 'シート', 'セル', '担当課', 'No.', '取組', '欄', '前回', '今回'],
    erased: '（削除）',
    added: '■ 追加された取組',
    removed: '■ なくなった取組',
    itemHead: ['ファイル', 'シート', '行', '担当課', 'No.', '取組'],
    rose: '■ エラーが増えた担当課',
    roseHead: ['担当課', '前回のエラー', '今回のエラー', '増えた数'],
    none: 'なし',
    returnName: '差し戻し',
    returnTitle: (department: string, asOf: string) => `差し戻し: ${department}（基準日 ${asOf}）`,
    cover: (errors: number, warnings: number, due: string) =>
      errors + warnings === 0
        ? `修正の必要な箇所はありません。`
        : `エラー ${errors} 件・警告 ${warnings} 件があります。エラーはすべて直し、警告は内容を確かめて、${due} までに再提出してください。`,
    returnHead: ['ファイル', 'シート', 'セル', '重要度', '内容', '取組'],
    severity: { error: 'エラー', warning: '警告', info: '情報' } as Record<string, string>,
  },
  en: {
    compareName: 'Previous round',
    compareTitle: (asOf: string, previous: string) => `Against the previous round (now ${asOf}, previous ${previous})`,
    compareNote: 'Items are matched by department (else file name), sheet, No. and title.',
    counts: (c: RoundComparison) =>
      `${c.gradesFallen.length} grades fell, ${c.changedEntries.length} entries changed after they were reported, ${c.added.length} items added, ${c.removed.length} removed, ${c.departmentErrorsRose.length} departments with more errors`,
    fallen: '■ Computed grade fell',
    fallenHead: ['File', 'Sheet', 'Row', 'Department', 'No.', 'Item', 'Previous', 'Now', 'Previous rate', 'Rate now'],
    changed: '■ Entries changed after they were reported',
    changedHead: ['File', 'Sheet', 'Cell', 'Department', 'No.', 'Item', 'Entry', 'Previous', 'Now'],
    erased: '(erased)',
    added: '■ Items added',
    removed: '■ Items removed',
    itemHead: ['File', 'Sheet', 'Row', 'Department', 'No.', 'Item'],
    rose: '■ Departments with more errors',
    roseHead: ['Department', 'Errors before', 'Errors now', 'More by'],
    none: 'none',
    returnName: 'Returns',
    returnTitle: (department: string, asOf: string) => `Returned to ${department} (as of ${asOf})`,
    cover: (errors: number, warnings: number, due: string) =>
      errors + warnings === 0
        ? 'Nothing needs fixing.'
        : `${errors} errors and ${warnings} warnings. Fix every error, check every warning, and resubmit by ${due}.`,
    returnHead: ['File', 'Sheet', 'Cell', 'Severity', 'Message', 'Item'],
    severity: { error: 'error', warning: 'warning', info: 'info' } as Record<string, string>,
  },
};

/** The comparison with the previous round as one sheet of tables (issue 11, --previous). */
export function comparisonTable(c: RoundComparison, asOf: string, locale: Locale = 'ja'): SummaryTable {
  const t = TEXT[locale];
  const b = new SheetBuilder();
  b.push([t.compareTitle(asOf, c.previousAsOf)], 'title');
  b.push([t.compareNote], 'note');
  b.push([t.counts(c)], 'note');
  const section = <T>(title: string, name: string, head: string[], items: T[], row: (x: T) => CellValue[], formats: (string | null)[], link?: (x: T) => { file: string; sheet: string; cell: string }) => {
    b.push([]);
    b.push([title], 'title');
    if (items.length === 0) {
      b.push([t.none], 'note');
      return;
    }
    // long texts (item titles, entries) wrap in narrower columns
    const table = b.table(name, head, items.map(row), formats, head.map((h) => h === head[5] || h === t.changedHead[7] || h === t.changedHead[8]));
    if (link) items.forEach((x, i) => b.links.push({ row: table.top + 1 + i, column: 0, ...link(x) }));
  };
  section(
    t.fallen,
    'FallenGrades',
    t.fallenHead,
    c.gradesFallen,
    (x) => [x.file, x.sheet, x.row, x.department, x.id, x.item, x.from, x.to, x.fromRate, x.toRate],
    [null, null, ROW_FORMAT, null, null, null, null, null, PERCENT_FORMAT, PERCENT_FORMAT],
    (x) => ({ file: x.file, sheet: x.sheet, cell: `A${x.row}` }),
  );
  section(
    t.changed,
    'ChangedEntries',
    t.changedHead,
    c.changedEntries,
    (x) => [x.file, x.sheet, x.cell, x.department, x.id, x.item, x.label, x.from, x.to === '' ? t.erased : x.to],
    [null, null, null, null, null, null, null, null, null],
    (x) => ({ file: x.file, sheet: x.sheet, cell: x.cell }),
  );
  const itemRow = (x: RoundComparison['added'][number]): CellValue[] => [x.file, x.sheet, x.row, x.department, x.id, x.item];
  const itemFormats = [null, null, ROW_FORMAT, null, null, null];
  section(t.added, 'AddedItems', t.itemHead, c.added, itemRow, itemFormats, (x) => ({ file: x.file, sheet: x.sheet, cell: `A${x.row}` }));
  section(t.removed, 'RemovedItems', t.itemHead, c.removed, itemRow, itemFormats);
  section(t.rose, 'DepartmentErrors', t.roseHead, c.departmentErrorsRose, (x) => [x.department, x.from, x.to, x.to - x.from], [null, COUNT_FORMAT, COUNT_FORMAT, COUNT_FORMAT]);
  return b.build(t.compareName, 1);
}

/** The sheet sent back to one department: a cover line, then its issues with links to the cells. */
export function returnTable(input: { department: string; asOf: string; due: string; issues: IssueLine[]; locale?: Locale }): SummaryTable {
  const t = TEXT[input.locale ?? 'ja'];
  const b = new SheetBuilder();
  const errors = input.issues.filter((i) => i.severity === 'error').length;
  const warnings = input.issues.filter((i) => i.severity === 'warning').length;
  b.push([t.returnTitle(input.department, input.asOf)], 'title');
  // the line a department reads first: what to fix, by when
  b.push([t.cover(errors, warnings, input.due)], 'title');
  b.push([]);
  const table = b.table(
    'Returns',
    t.returnHead,
    input.issues.map((l) => [l.file, l.sheet, l.cell, t.severity[l.severity] ?? l.severity, l.message, l.item]),
    [],
    t.returnHead.map((_, c) => c === 4),
  );
  input.issues.forEach((l, i) => b.links.push({ row: table.top + 1 + i, column: 0, file: l.file, sheet: l.sheet, cell: l.cell }));
  return b.build(t.returnName, table.top + 1);
}

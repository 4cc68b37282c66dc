import { renderMessage, SEVERITY, type MessageId } from './messages';
import { vocabularyTerm } from './profiles/vocabulary';
import { cellText } from './read/cell';
import { isInstructionText, type UnrecognizedTable } from './table/unknown';
import type { SheetView } from './table/sheetView';
import type { CheckOptions, Issue, SheetCheck } from './types';

/** Sheet names of covers and instructions: such sheets stay quietly 対象外 whatever they hold. */
const NOT_A_TABLE_SHEET = /表紙|記入要領|記入例|記載要領|作成要領|目次|説明|注意事項|凡例/;
/** How many labels a message quotes, and how long each may be. */
const MAX_HEADERS = 12;
const MAX_HEADER_LENGTH = 16;

/**
 * A table-like sheet that no template fits: no rows, one unrecognized-layout warning at the header
 * row naming the closest template, its score, the labels seen and what was missing; or null when
 * the sheet is instructions or a cover after all.
 */
export function unrecognizedSheet(view: SheetView, table: UnrecognizedTable, options: CheckOptions): SheetCheck | null {
  if (options.sheetName && NOT_A_TABLE_SHEET.test(options.sheetName)) return null;
  const title = view.filledColumns(0).map((c) => cellText(view.raw(0, c))).join(' ');
  if (isInstructionText(title)) return null;
  const locale = options.locale ?? 'ja';
  const closest = table.closest;
  const score = closest ? Math.round(closest.score * 100) / 100 : 0;
  const headers = table.headers
    .slice(0, MAX_HEADERS)
    .map((h) => {
      const one = h.replace(/\s+/g, ' ');
      return one.length > MAX_HEADER_LENGTH ? `${one.slice(0, MAX_HEADER_LENGTH)}…` : one;
    })
    .join('｜');
  const missing = table.missing;
  const missingJa = missing.map((f) => `${fieldLabel(f)}（${f}）`).join('、') || 'なし';
  const missingEn = missing.join(', ') || 'none';
  const messageId: MessageId = table.cards > 0 ? 'unrecognized-layout.cards' : table.transposed ? 'unrecognized-layout.transposed' : 'unrecognized-layout';
  const params: Record<string, string | number> = {
    closest: closest ? closest.profile.name.ja : 'なし',
    closestEn: closest ? closest.profile.name.en : 'none',
    template: closest ? closest.profile.id : '',
    score: `${Math.round(score * 100)}%`,
    headers,
    missing: missingJa,
    missingEn,
    label: table.headers[0] ?? '',
    count: table.cards,
  };
  const c = view.filledColumns(table.headerRow)[0] ?? 0;
  const issue: Issue = {
    code: 'unrecognized-layout',
    severity: SEVERITY['unrecognized-layout'],
    cell: view.address(table.headerRow, c),
    row: view.sheetRow(table.headerRow),
    column: view.sheetColumn(c),
    field: 'layout',
    message: renderMessage(messageId, params, locale),
    params: { ...params, messageId },
  };
  return {
    template: null,
    templateName: null,
    confidence: 0,
    candidates: closest ? [{ template: closest.profile.id, score }] : [],
    headerRows: [view.sheetRow(table.headerRow)],
    fiscalYear: null,
    fiscalYearSource: null,
    columns: [],
    rows: [],
    issues: [issue],
    plan: { values: [], flags: [], appendedColumns: [], headerRows: [] },
    status: 'unrecognized',
    unrecognized: {
      headerRow: view.sheetRow(table.headerRow),
      headers: table.headers,
      closest: closest ? closest.profile.id : null,
      closestName: closest ? closest.profile.name[locale] : null,
      score,
      missing,
      transposed: table.transposed,
      ...(table.cards > 0 ? { cards: true } : {}),
    },
  };
}

/** Fields whose name is no label of a term of the same id. */
const FIELD_NAMES: Record<string, string> = {
  period: '実績（四半期・年度）',
  'kpi.value': '年度ごとの値',
  evaluation2: '評価（2 列目）',
  evaluation3: '評価（3 列目）',
};

/** A field as people call it: the first label of its vocabulary term. */
function fieldLabel(field: string): string {
  return FIELD_NAMES[field] ?? vocabularyTerm(field)?.labels[0] ?? field;
}

import type { Profile } from '../profiles/schema';
import { cellText, isBlank, isNoneMarker } from '../read/cell';
import { MAX_LEGEND_CELL, MAX_LEGEND_CELLS, parseLegend } from '../read/legend';
import { readNumber } from '../read/number';
import { pairedRowKind } from '../read/pairedRows';
import { cleanText, normalizeLabel } from '../read/text';
import { excelSerialToIsoDate } from '../read/years';
import type { TemplateCandidate } from '../types';
import { bestHeaderAt, betterMatch, isEligible, looksLikeSubHeader, mapHeader, repeatsHeaderRow, spansSubLabels, type HeaderMatch, type MappedColumn } from './header';
import { settleShape } from './shape';
import { cardRepeats, describeUnrecognized, isTransposed, looksLikeTable, startsAnotherTable, type UnrecognizedTable } from './unknown';
import type { SheetView } from './sheetView';

/**
 * What a row is. Only `data` rows are items; section, note, legend and total rows (and repeated
 * headers) are never checked (issue 7 item 5).
 */
export type RowKind = 'title' | 'header' | 'blank' | 'section' | 'note' | 'legend' | 'total' | 'data';

/** Where the table sits on the sheet and what each row is. Rows are 0-based grid indices. */
export interface TableLayout {
  match: HeaderMatch;
  candidates: TemplateCandidate[];
  /** Every header row: the first header and its repeats. */
  headerRows: number[];
  /** The header rows that end a header block (where appended column headers go). */
  headerBlockLastRows: number[];
  kinds: RowKind[];
  /** Texts of the rows above the first header (titles: they often name the fiscal year). */
  titleTexts: string[];
  /** Dates typed above the first header (an Excel date serial such as 「2025/9/30 現在」), ISO. */
  titleDates: string[];
  /** Section rows' texts by row. */
  sectionTexts: Map<number, string>;
  /** Right-most column the table uses. */
  lastColumn: number;
  /**
   * First rows of other tables below this one (another header after a gap), none of them checked;
   * locateTable keeps those a template would read as progress tables (a count summary is left out).
   */
  otherTables: number[];
}

/** Section rows: 【7】…, 大分類1 …, <小分類2 …>, 8.実施計画 【基本方針1】…, 第2章 …, ■ 行政運営の効率化 */
const SECTION_PATTERNS = [
  /^【\s*\d+\s*】/,
  /^【[^】]{0,20}(方針|分野|施策|目標|体系|章|柱|視点)\s*\d*[^】]{0,10}】/,
  /^[大中小]分類/,
  /^[<〈《＜(（]?\s*[大中小]分類/,
  /^[<〈《＜].*[>〉》＞]$/,
  /^第\s*[0-9一二三四五六七八九十]+\s*[章節編部]/,
  /^\d+\s*[.．]\s*\S/,
  // (2) 財政効果額（単位：円）, (3) 取組事項の実施状況: a numbered part of the page, alone on its row
  /^[(（]\s*\d{1,2}\s*[)）]\s*\S/,
  /基本方針\s*\d/,
  /^基本(方針|目標|施策|方向)\s*[0-9一二三四五六七八九十]/,
  /^[■□◆◇▼▽▶▷◼◻]/,
];
/** Section headings strong enough to mark a row that holds a second or third cell (■ | 行政運営…). */
const WIDE_SECTION_PATTERNS = [/^[■□◆◇▼▽▶▷◼◻]/, /^【\s*\d+\s*】/, /^[<〈《＜(（]?\s*[大中小]分類/, /^第\s*[0-9一二三四五六七八九十]+\s*[章節編部]/, /^基本方針\s*\d/];
/** Footnotes below or between tables (legends are told apart by parseLegend). */
const NOTE_PATTERNS = [/^[※＊*]/, /^\(?注\s*\d*\)?\s*[:：)）]?/, /^(凡例|備考|出典)/, /^[★☆]\s*[:：]/, /[◎○〇△▲×]\s*[:：]/];
/** Where a legend row starts: 評価 S：…, 凡例 ◎：…, S：…, ◎：…, 【評価基準】… */
const LEGEND_START =
  /^(【?(評価|凡例|達成度|進捗|実施状況|自己評価|取組状況)[^:：]{0,12}】?)?([A-Za-zＡ-Ｚａ-ｚ]|[◎○〇◯△▲×✕－-])[:：=]|^[(【※]?(評価|凡例|達成度|実施状況|自己評価|取組状況)[^:：]{0,4}[)】]?([:：(（].{0,40})?$/;
/** Page numbers printed in the sheet: -1-, －２－, P.3, 1/4, 2ページ. */
const PAGE_NUMBER = /^([-－―‐ー]\d{1,3}[-－―‐ー]|[pP]\.?\d{1,3}|\d{1,3}\/\d{1,3}|\d{1,3}ページ)$/;
/** Cells of a column-numbering row: A B C …, 1 2 3 …, ① ② ③ …, (1) (2) …. */
const COLUMN_NUMBER = /^([A-Za-z]|\d{1,2}|[\u2460-\u2473]|\(\d{1,2}\))$/;

/** A row that numbers the columns under the header (「A」「B」「C」…): consecutive, one short mark per cell. */
function isColumnNumbering(view: SheetView, r: number, filled: number[]): boolean {
  let previous = -1;
  for (const c of filled) {
    const value = view.raw(r, c);
    const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
    if (!COLUMN_NUMBER.test(text)) return false;
    const code = /^\(?\d/.test(text) ? Number(text.replace(/[()]/g, '')) : (text.codePointAt(0) ?? 0);
    if (previous >= 0 && code !== previous + 1) return false;
    previous = code;
  }
  return true;
}

/** Labels of a description row under a section heading (内容 | 地域農業の中核を担う…). */
const DESCRIPTION_LABEL = /^(内容|概要|説明|目的|趣旨|事業概要|取組概要|施策概要)[:：]?$/;
/** Total rows: 合計, 計, 小計 in the item or No. column (with figures beside); what it sums in brackets, 合計（全29項目）. */
const TOTAL_LABEL = /^(総?合計|計|小計|累計|総計|合計額|合計値)(\([^()]{1,16}\))?$/;
const LONG_DESCRIPTION = 80;
/** Number formats that show a date (yyyy/m/d, ge.m.d, 年月日…). */
// case matters: 「General」 holds "ge" but is no date; the era code is lower case (ge, gge, ggge)
const DATE_FORMAT = /([yY]{2}|g+e|[mM]+[/.-][dD]+|[dD]+[/.-][mM]+|年|月|日)/;

/**
 * A table's header stands near the top of its sheet: the search stops here, so a sheet of 20,000
 * header-like rows that fits no template costs no more than its first rows.
 */
const HEADER_SEARCH_ROWS = 1000;

/** Score every profile at the first row that looks like a header and pick the table. */
export function findTable(view: SheetView, profiles: readonly Profile[], forced?: Profile): TableLayout | null {
  return locateTable(view, profiles, forced).layout;
}

/**
 * The table and its template, or, when the sheet looks like a table that no profile fits, what
 * came closest (never silent: design.md §2), or neither (a cover, instructions).
 */
export function locateTable(
  view: SheetView,
  profiles: readonly Profile[],
  forced?: Profile,
): { layout: TableLayout | null; unrecognized: UnrecognizedTable | null } {
  const pool = forced ? [forced] : profiles;
  const isForced = forced !== undefined;
  let chosen: HeaderMatch | null = null;
  // the most table-like header that no profile fitted, for the report
  let closest: { r: number; score: number } | null = null;
  const searched = Math.min(view.rowCount, HEADER_SEARCH_ROWS);
  for (let r = 0; r < searched && !chosen; r++) {
    const best = bestHeaderAt(view, r, pool, isForced);
    if (!best) continue;
    if (!isEligible(best, isForced)) {
      if ((!closest || best.score > closest.score) && looksLikeTable(view, r)) closest = { r, score: best.score };
      continue;
    }
    // a count of items by grade above the list (評価 | 件数 | 割合) is no progress table: look further down
    if (!isForced && isCountSummary(view, best)) continue;
    chosen = best;
    // a better reading may start a row or two lower (a group row above the real labels)
    for (let next = r + 1; next <= r + 2 && next < view.rowCount; next++) {
      const other = bestHeaderAt(view, next, pool, isForced);
      if (other && isEligible(other, isForced) && betterMatch(other, chosen, isForced, 0.05)) chosen = other;
    }
  }
  // years across and rows of 計画 / 実績: the catch-all would read the years as columns of results
  if (chosen?.profile.fallback && isTransposed(view, chosen.rows[0])) closest = { r: chosen.rows[0], score: chosen.score };
  else if (chosen) closest = null;
  if (!chosen || closest) return { layout: null, unrecognized: closest ? describeUnrecognized(view, closest.r, profiles) : null };
  // a card per item (its label–value line repeating down the sheet) is not a table of rows
  const cards = isForced ? 0 : cardRepeats(view, chosen);
  if (cards > 0) return { layout: null, unrecognized: { ...describeUnrecognized(view, chosen.rows[0], profiles), cards: cards + 1 } };
  const winner = chosen;
  const candidates = profiles
    .map((p) => ({ template: p.id, score: round2(mapHeader(view, p, winner.rows).score) }))
    .sort((a, b) => b.score - a.score);
  const layout = classifyRows(view, chosen, candidates);
  // another progress table below this one is not checked: the check says so (a summary is not one)
  layout.otherTables = layout.otherTables.filter((r) => [r, r + 1].some((h) => h < view.rowCount && isEligibleHeader(bestHeaderAt(view, h, pool, isForced), isForced)));
  return { layout, unrecognized: null };
}

function isEligibleHeader(match: HeaderMatch | null, forced: boolean): boolean {
  return match !== null && isEligible(match, forced);
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

/**
 * Row r continues the header row above it: some header cell is merged down into it, and the row
 * reads as sub-labels (A, B, H25, 実績), as the two-row header reading asks of a second row.
 */
function isHeaderContinuation(view: SheetView, r: number, header: number): boolean {
  if (!view.filledColumns(header).some((c) => view.isMergeContinuation(r, c) && view.anchor(r, c)[0] === header)) return false;
  return looksLikeSubHeader(view, r);
}

/** Labels of counts and shares: 件数, 判定数, 取組数, 割合, 構成比. */
const COUNT_LABEL = /^([^\d]{0,6}数|割合|構成比|比率)(\(.{0,12}\))?$/;

/**
 * A header that counts items by a category (浜松市: R5年度評価 over 件数 | 割合; 雫石町: 判定 | 判定数 |
 * 割合): no department column, and on one of its rows, or the row under it, every label beside the
 * category's names a count or a share (the category may stand merged down from the row above).
 */
function isCountSummary(view: SheetView, match: HeaderMatch): boolean {
  if (match.columns.some((c) => c.field === 'department')) return false;
  const last = match.rows[match.rows.length - 1];
  for (const r of [...match.rows, last + 1]) {
    if (r >= view.rowCount) continue;
    const counts = view.filledColumns(r).map((c) => COUNT_LABEL.test(normalizeLabel(cellText(view.raw(r, c)))));
    if (counts.length >= 2 && counts.every(Boolean)) return true;
    if (counts.length >= 3 && counts.slice(1).every(Boolean)) return true;
  }
  return false;
}

/** The serial of 9999-12-31 + 1: Excel shows no later date. */
const MAX_DATE_SERIAL = 2_958_466;

/**
 * Two or more labels on row r, each a group over the header row below it (spansSubLabels) or
 * merged down into it (a label of the header standing taller than the rest).
 */
function isGroupRow(view: SheetView, r: number, header: number): boolean {
  const anchors = view.filledColumns(r).filter((c) => !view.isMergeContinuation(r, c));
  if (anchors.length < 2 || header !== r + 1) return false;
  return anchors.every((c) => spansSubLabels(view, r, c) || view.anchor(header, c)[0] === r);
}

export function classifyRows(view: SheetView, match: HeaderMatch, candidates: TemplateCandidate[]): TableLayout {
  const kinds: RowKind[] = new Array(view.rowCount).fill('title');
  const headerRows = [...match.rows];
  const headerBlockLastRows = [match.rows[match.rows.length - 1]];
  const sectionTexts = new Map<number, string>();
  const titleTexts: string[] = [];
  const titleDates: string[] = [];
  // the labels of the lines above the header (団体名 | 南三陸町 | 会計名 | 一般会計): a form printed again below repeats them
  const formLabels = new Set<string>();
  for (let r = 0; r < match.rows[0]; r++) {
    const cells = view.filledColumns(r).filter((c) => !view.isMergeContinuation(r, c));
    if (cells.length >= 2) for (const c of cells) formLabels.add(normalizeLabel(cellText(view.raw(r, c))));
    for (const c of view.filledColumns(r)) {
      const v = view.raw(r, c);
      // a date serial Excel can show (1900-01-01 to 9999-12-31): NaN or 1e300 under a date format names no date
      if (typeof v === 'number' && v >= 1 && v < MAX_DATE_SERIAL && DATE_FORMAT.test(view.numberFormat(r, c) ?? '')) titleDates.push(excelSerialToIsoDate(v));
    }
    const text = view.filledColumns(r).map((c) => cellText(view.raw(r, c))).join(' ');
    if (text.trim() === '') continue;
    // group labels merged over the header's columns just above it (19年度の取組実績 | 20年度経営方針で
    // 変更した項目, 大阪市) belong to the header: their years name columns, not the sheet's year
    if (r === match.rows[0] - 1 && isGroupRow(view, r, match.rows[0])) continue;
    titleTexts.push(text);
    // a section title above the first header (【7】…) heads the first items too
    if (SECTION_PATTERNS.some((p) => p.test(cleanText(text)))) sectionTexts.set(r, cleanText(text));
  }
  for (const r of match.rows) kinds[r] = 'header';
  const extraBlocks: number[][] = [];
  const unitColumns = new Set(
    match.columns.filter((col) => col.field === match.profile.unit || col.field === 'item').map((col) => col.column),
  );
  const idColumn = match.columns.find((col) => col.field === 'id')?.column;
  let first = match.rows[match.rows.length - 1] + 1;
  // a row under the header into which header cells are merged down (評価ランク別内訳 over A | B | C | D,
  // its corner cells merged over both rows) belongs to the header, even when one row reads better
  if (first < view.rowCount && isHeaderContinuation(view, first, match.rows[match.rows.length - 1])) kinds[first++] = 'header';
  // rows of another table below this one (a summary: 区分 | 件数 | 計; 羽村市's 事務事業 under a title of
  // its own) are no items: a header of other fields after a gap, titled or not
  let foreign = false;
  let gap = false;
  const otherTables: number[] = [];
  for (let r = first; r < view.rowCount; r++) {
    if (isBlankRow(view, r)) {
      kinds[r] = 'blank';
      gap = true;
    } else if (repeatsHeaderRow(view, r, match.signature[0])) {
      foreign = false;
      gap = false;
      const block = [r];
      kinds[r] = 'header';
      titleAboveHeader(view, kinds, sectionTexts, r);
      // the header's other rows, repeated with it (two or three rows)
      for (let k = 1; k < match.rows.length && r + 1 < view.rowCount && repeatsHeaderRow(view, r + 1, match.signature[k]); k++) {
        kinds[r + 1] = 'header';
        block.push(r + 1);
        r++;
      }
      headerRows.push(...block);
      headerBlockLastRows.push(block[block.length - 1]);
      extraBlocks.push(block);
    } else if (gap && startsAnotherTable(view, r, match)) {
      // another table, even right after one: each start is told (a years-across table between two lists)
      otherTables.push(r);
      foreign = true;
      gap = false;
      kinds[r] = 'note';
    } else if (foreign) {
      kinds[r] = 'note';
      // a title or a formula line alone on its row keeps the gap before the next table's header
      if (view.filledColumns(r).length > 1) gap = false;
    } else if (gap && repeatsFormLine(view, r, formLabels)) {
      // the heading line of the same form printed again (a second 様式 below): no item, and the gap stays
      kinds[r] = 'note';
    } else {
      const kind = classifyContentRow(view, r, unitColumns, idColumn);
      kinds[r] = kind;
      if (kind === 'section') sectionTexts.set(r, rowText(view, r));
      if (kind === 'data' || kind === 'total') gap = false;
    }
  }
  completeMapping(view, match, extraBlocks);
  mapKindColumnByContent(view, match, kinds);
  settleShape(view, match, kinds);
  settleHeadingRows(view, match, kinds, sectionTexts);
  let lastColumn = 0;
  for (const col of match.columns) lastColumn = Math.max(lastColumn, col.column);
  for (const r of match.rows) {
    const filled = view.filledColumns(r);
    if (filled.length) lastColumn = Math.max(lastColumn, filled[filled.length - 1]);
  }
  for (const c of Object.values(match.owned)) if (c !== undefined) lastColumn = Math.max(lastColumn, c);
  return { match, candidates, headerRows, headerBlockLastRows, kinds, titleTexts, titleDates, sectionTexts, lastColumn, otherTables };
}

/**
 * A repeated header may spell a label the first one truncated (指 / 指標): fields the first header
 * missed are taken from the repeats, where their column is still free.
 */
function completeMapping(view: SheetView, match: HeaderMatch, blocks: number[][]): void {
  const taken = new Set(match.columns.map((c) => c.column));
  for (const o of Object.values(match.owned)) if (o !== undefined) taken.add(o);
  const have = new Set(match.columns.map((c) => c.field));
  for (const block of blocks) {
    const other = mapHeader(view, match.profile, block);
    for (const col of other.columns) {
      if (have.has(col.field) || taken.has(col.column)) continue;
      match.columns.push(col);
      taken.add(col.column);
      have.add(col.field);
    }
  }
  match.columns.sort((a, b) => a.column - b.column);
}

/**
 * Paired target/actual rows need the column that says 目標 or 実績. Its header is often a blank
 * cell under a label merged over two columns (項目 over K:L); where the host cannot tell merges
 * (Office.js before ExcelApi 1.13) the header says nothing, but the column's values do.
 */
function mapKindColumnByContent(view: SheetView, match: HeaderMatch, kinds: RowKind[]): void {
  if (!match.profile.columns.some((c) => c.field === 'kpi.kind')) return;
  if (match.columns.some((c) => c.field === 'kpi.kind')) return;
  const taken = new Set(match.columns.map((c) => c.column));
  // one pass over the data rows' own cells, counting per column (never rows × sheet width)
  const labels = new Map<number, number>();
  const others = new Map<number, number>();
  for (let r = 0; r < view.rowCount; r++) {
    if (kinds[r] !== 'data') continue;
    for (const c of view.filledColumns(r)) {
      if (taken.has(c)) continue;
      const v = view.raw(r, c);
      if (typeof v !== 'string' || isNoneMarker(v)) continue;
      // values of a paired-rows label column: 目標 on one row, 実績 on the next
      const tally = pairedRowKind(v) ? labels : others;
      tally.set(c, (tally.get(c) ?? 0) + 1);
    }
  }
  const columns = [...labels.keys()].sort((a, b) => a - b);
  for (const c of columns) {
    const count = labels.get(c) ?? 0;
    if (count >= 2 && count >= (others.get(c) ?? 0) * 4) {
      match.columns.push({ field: 'kpi.kind', column: c, label: '', periodToken: null, period: null, term: null, via: '目標/実績 (内容から)' });
      match.columns.sort((a, b) => a.column - b.column);
      return;
    }
  }
}

export function isBlankRow(view: SheetView, r: number): boolean {
  // merge continuations hold no value of their own: a row of them is blank
  return view.filledColumns(r).length === 0;
}

function rowText(view: SheetView, r: number): string {
  return cleanText(
    view
      .filledColumns(r)
      .map((c) => cellText(view.raw(r, c)))
      .join(' '),
  );
}

/**
 * What a row below the header is (issue 7 item 5). A row of one value is a section (a title, a
 * long description, a band merged across the table), a note (※, 注) or a legend (評価 S：…); a
 * lone value in the unit's own column is data (an item with nothing else filled in). A row of
 * several values is a total (合計 in the item or No. column, figures beside), a legend, a note,
 * or a section (■ 行政運営… with at most one more cell); else data.
 */
export function classifyContentRow(view: SheetView, r: number, unitColumns: Set<number>, idColumn?: number): RowKind {
  const filled = view.filledColumns(r);
  if (filled.length === 0) return 'data';
  if (filled.length > 1) return classifyWideRow(view, r, filled, unitColumns, idColumn);
  const c = filled[0];
  const text = cleanText(cellText(view.raw(r, c)));
  const compact = normalizeLabel(text);
  if (TOTAL_LABEL.test(compact) && (unitColumns.has(c) || c === idColumn)) return 'total';
  if (PAGE_NUMBER.test(compact)) return 'note';
  if ((!unitColumns.has(c) || LEGEND_START.test(compact)) && text.length <= MAX_LEGEND_CELL && parseLegend(text)) return 'legend';
  if (NOTE_PATTERNS.some((p) => p.test(compact))) return 'note';
  if (SECTION_PATTERNS.some((p) => p.test(text) || p.test(compact))) return 'section';
  // merged across the table's width: a title or a description band
  let span = 1;
  while (c + span < view.columnCount && view.isMergeContinuation(r, c + span) && view.anchor(r, c + span)[0] === r) span++;
  if (span >= 3) return 'section';
  // a long description alone in the table's first column heads the items below it
  if (text.length >= LONG_DESCRIPTION && c <= firstTableColumn(unitColumns, idColumn)) return 'section';
  if (unitColumns.has(c)) return 'data';
  if (text.length >= LONG_DESCRIPTION) return 'section';
  // a numbered row with nothing else is an unused row of the form; "作成中…" there is a remark
  if (c === idColumn) return /^\d/.test(compact) ? 'blank' : 'note';
  return 'data';
}

/**
 * A short text alone on the row before a repeated header (「生涯スポーツの促進」 over the next
 * block) is that block's title: a section, not an item with nothing filled in.
 */
function titleAboveHeader(view: SheetView, kinds: RowKind[], sectionTexts: Map<number, string>, header: number): void {
  let p = header - 1;
  while (p >= 0 && kinds[p] === 'blank') p--;
  if (p < 0 || kinds[p] !== 'data') return;
  const filled = view.filledColumns(p);
  if (filled.length !== 1) return;
  const value = view.raw(p, filled[0]);
  if (typeof value !== 'string' || value.trim().length > SHORT_TITLE || readNumber(value, null).kind === 'number') return;
  kinds[p] = 'section';
  sectionTexts.set(p, cleanText(value));
}

/** A block title is short; a longer lone text is left to the other tests. */
const SHORT_TITLE = 40;

function firstTableColumn(unitColumns: Set<number>, idColumn?: number): number {
  let first = idColumn ?? Infinity;
  for (const c of unitColumns) first = Math.min(first, c);
  return first;
}

function classifyWideRow(view: SheetView, r: number, filled: number[], unitColumns: Set<number>, idColumn?: number): RowKind {
  const first = filled[0];
  const firstText = cleanText(cellText(view.raw(r, first)));
  const compact = normalizeLabel(firstText);
  // 合計 | 1,234 | 5,678: the label stands in the item or No. column, or first on the row
  for (const c of filled) {
    if (c !== first && c !== idColumn && !unitColumns.has(c)) continue;
    const label = view.raw(r, c);
    if (typeof label !== 'string' || label.length > 12 || !TOTAL_LABEL.test(normalizeLabel(label))) continue;
    if (filled.some((o) => o !== c && isFigure(view.raw(r, o)))) return 'total';
  }
  if (LEGEND_START.test(compact)) {
    const texts = filled.map((c) => cellText(view.raw(r, c)));
    if (texts.length <= MAX_LEGEND_CELLS && texts.every((t) => t.length <= MAX_LEGEND_CELL) && parseLegend(texts.join('  '))) return 'legend';
  }
  if (filled.length <= 3 && /^([※＊*]|\(?注\s*\d*\)?[:：)）]|(凡例|備考|出典)([:：]|$))/.test(compact)) return 'note';
  if (filled.length >= 4 && isColumnNumbering(view, r, filled)) return 'note';
  // 内容 | a long description of the section above: explanation, not an item
  if (filled.length === 2 && DESCRIPTION_LABEL.test(compact) && cellText(view.raw(r, filled[1])).length >= 30) return 'note';
  if (filled.length <= 3 && WIDE_SECTION_PATTERNS.some((p) => p.test(compact))) {
    // a section heading's other cells are text (a number beside ■ would be an item's figure)
    if (filled.length === 2 || filled.slice(1).every((c) => typeof view.raw(r, c) === 'string')) return 'section';
  }
  return 'data';
}

/**
 * In a numbered list (№ on half the rows or more), a row with no № that holds only its place in the
 * hierarchy (1, (1), ③ in the 大 / 中 / 小項目 columns) and a name is a heading of the items below,
 * not an item whose department and results are all missing (第三次行政改革大綱 推進状況).
 */
function settleHeadingRows(view: SheetView, match: HeaderMatch, kinds: RowKind[], sectionTexts: Map<number, string>): void {
  const id = match.columns.find((c) => c.field === 'id')?.column;
  const item = match.columns.find((c) => c.field === 'item')?.column;
  if (id === undefined || item === undefined || id >= item) return;
  let numbered = 0;
  let rows = 0;
  for (let r = 0; r < kinds.length; r++) {
    if (kinds[r] !== 'data') continue;
    rows++;
    if (!isBlank(view.value(r, id))) numbered++;
  }
  if (rows < 4 || numbered * 2 < rows) return;
  for (let r = 0; r < kinds.length; r++) {
    if (kinds[r] !== 'data' || !isBlank(view.value(r, id))) continue;
    const own = view.filledColumns(r).filter((c) => !view.continuesFromAbove(r, c));
    const places = own.filter((c) => c !== item);
    const name = view.value(r, item);
    if (places.length === 0 || typeof name !== 'string' || name.trim() === '' || !own.includes(item)) continue;
    if (!places.every((c) => c < item && HIERARCHY_MARK.test(cellText(view.raw(r, c)).trim()))) continue;
    kinds[r] = 'section';
    sectionTexts.set(r, cleanText(name));
  }
}

/** A place in a hierarchy: 1, 1-2, (1), ①, ア, 第1. */
const HIERARCHY_MARK = /^(?:\d{1,3}(?:[-.]\d{1,3})*|[(（]\d{1,3}[)）]|[\u2460-\u2473]|[ア-ン]|第\d{1,3})$/;

/** Two cells or more of row r say what the lines above the header said (団体名, 会計名). */
function repeatsFormLine(view: SheetView, r: number, formLabels: Set<string>): boolean {
  if (formLabels.size === 0) return false;
  let same = 0;
  for (const c of view.filledColumns(r)) {
    if (view.isMergeContinuation(r, c)) continue;
    const v = view.raw(r, c);
    if (typeof v === 'string' && formLabels.has(normalizeLabel(v)) && ++same >= 2) return true;
  }
  return false;
}

/** A figure in a total row: a number, or text that reads as one (1,234千円, △500). */
function isFigure(value: ReturnType<SheetView['raw']>): boolean {
  if (typeof value === 'number') return true;
  return typeof value === 'string' && readNumber(value, null).kind === 'number';
}

/** Columns of a field in the chosen mapping. */
export function fieldColumns(layout: TableLayout, field: MappedColumn['field']): MappedColumn[] {
  return layout.match.columns.filter((c) => c.field === field);
}

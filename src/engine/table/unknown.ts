import type { Field, Profile } from '../profiles/schema';
import { cellText } from '../read/cell';
import { normalizeLabel } from '../read/text';
import { termHits } from '../profiles/match';
import { vocabularyTerm } from '../profiles/vocabulary';
import { mapHeader, readHeader, type HeaderMatch } from './header';
import type { SheetView } from './sheetView';

/**
 * A sheet that looks like a table but that no profile fits is reported, never passed silently
 * (design.md §2, §7): with the header row, the labels seen, the closest template and what it
 * missed. A cover or an instructions sheet is not a table and stays quiet.
 */
export interface UnrecognizedTable {
  /** Grid row of the header-like row. */
  headerRow: number;
  /** The labels of that row, as written. */
  headers: string[];
  /** The best family (not the catch-all) on that row, and its score. */
  closest: HeaderMatch | null;
  /** Fields the closest template counts on that no column answered. */
  missing: Field[];
  /** Years run across and rows are 計画 / 実績 / 達成率: a transposed table. */
  transposed: boolean;
  /** One card per item: the line of the header's first label repeats this often (0: no cards). */
  cards: number;
}

const SHORT_LABEL = 30;
const WORDS = /[A-Za-z\u3041-\u30fe\u4e00-\u9fff]/;
/** Labels of instructions and covers: such a sheet is not a table to check. */
const INSTRUCTIONS = /記入要領|記入方法|記入例|記載要領|作成要領|記入上の注意|注意事項|記載例|入力方法/;

/** A header-like row of at least three short labels with rows of data under it. */
export function looksLikeTable(view: SheetView, r: number): boolean {
  const filled = view.filledColumns(r);
  let labels = 0;
  for (const c of filled) {
    const v = view.raw(r, c);
    if (typeof v !== 'string') continue;
    const label = normalizeLabel(v);
    if (INSTRUCTIONS.test(label)) return false;
    // a label has words: 0 or ― under each other are data, not a header
    if (label.length > 0 && label.length <= SHORT_LABEL && WORDS.test(label)) labels++;
  }
  if (labels < 3) return false;
  let dataRows = 0;
  for (let next = r + 1; next < Math.min(view.rowCount, r + 8) && dataRows < 2; next++) {
    if (view.filledColumns(next).length >= 2) dataRows++;
  }
  return dataRows >= 2;
}

/** Whether a sheet's own text says it is instructions (記入要領), whatever its shape. */
export function isInstructionText(text: string): boolean {
  return INSTRUCTIONS.test(normalizeLabel(text));
}

export function describeUnrecognized(view: SheetView, r: number, profiles: readonly Profile[]): UnrecognizedTable {
  const reading = readHeader(view, [r]);
  // a label merged over several columns is seen once
  const headers = reading.labels.filter((l, c) => l.written !== '' && !view.isMergeContinuation(r, c)).map((l) => l.written);
  let closest: HeaderMatch | null = null;
  for (const profile of profiles) {
    if (profile.fallback) continue;
    const match = mapHeader(view, profile, [r]);
    if (!closest || match.score > closest.score) closest = match;
  }
  return { headerRow: r, headers, closest, missing: closest?.missing ?? [], transposed: isTransposed(view, r), cards: 0 };
}

/**
 * One card per item (川崎市's 施策進行管理・評価表: 事務事業名 | 観光振興事業 | 所管課 | 経済局… then 概要, 達成度,
 * 年度, 事業目標, 実績 lines, and the next card's 事務事業名 line): what looked like a header is a card's
 * label–value line. The item column's own label standing again below at least twice, with values
 * beside it of its own (a header repeated after a page break is the same line again), says so.
 * Returns how often it stands again, or 0.
 */
export function cardRepeats(view: SheetView, match: HeaderMatch): number {
  const item = match.columns.find((c) => c.field === 'item');
  if (!item) return 0;
  const header = match.rows[0];
  const label = normalizeLabel(cellText(view.raw(header, item.column)));
  if (label === '') return 0;
  // the header's cells no field took: on a card's line they are its values (観光振興事業, 経済局…)
  const mapped = new Set(match.columns.map((c) => c.column));
  const signature = match.signature[0];
  const valueColumns = signature.map((s, c) => c).filter((c) => !mapped.has(c) && signature[c] !== '');
  if (valueColumns.length === 0) return 0;
  let repeats = 0;
  for (let r = header + 1; r < view.rowCount; r++) {
    const v = view.raw(r, item.column);
    if (typeof v !== 'string' || normalizeLabel(v) !== label) continue;
    // a header repeated after a page break is the same line again, give or take a label cut short
    // (指 for 指標); a card's line has values of its own beside the labels
    const own = (c: number) => {
      const here = normalizeLabel(cellText(view.value(r, c)));
      return here !== signature[c] && !here.startsWith(signature[c]) && !signature[c].startsWith(here);
    };
    if (valueColumns.some(own)) repeats++;
  }
  return repeats >= 2 ? repeats : 0;
}

const YEAR_LABEL = /^((令和|平成|R|H)(元|\d{1,2})|(19|20)\d{2})(年度?)?(実績|計画|見込み?)*$/;
const ROW_KIND = /(計画|実績|目標|達成率|達成度|決算|予算|見込|差)/;

/**
 * Years across the header (H23 H24 …) and, down the first column, rows named 計画額 / 実績額 /
 * 達成率: one indicator per block of rows, which this product does not read (it reads one row
 * per item).
 */
export function isTransposed(view: SheetView, r: number): boolean {
  const filled = view.filledColumns(r);
  let years = 0;
  for (const c of filled) if (YEAR_LABEL.test(normalizeLabel(cellText(view.raw(r, c))))) years++;
  if (years < 3 || years < filled.length - 2) return false;
  let kindRows = 0;
  for (let next = r + 1; next < Math.min(view.rowCount, r + 10); next++) {
    const first = view.filledColumns(next)[0];
    if (first === undefined) continue;
    if (ROW_KIND.test(normalizeLabel(cellText(view.raw(next, first))))) kindRows++;
  }
  return kindRows >= 1;
}

/** Header words that, standing whole in a cell of a row after a blank one, start another table. */
const HEADER_FIELDS = new Set(['id', 'section', 'item', 'department', 'kpi.name', 'kpi.kind', 'kpi.total', 'evaluation', 'note']);

/**
 * Whether row r (after a blank row) heads another table: it looks like a table's header and a
 * cell of it is a header word the vocabulary lists whole for another field than its column's
 * (区分 over the No. column, 計 over the department's).
 */
export function startsAnotherTable(view: SheetView, r: number, match: HeaderMatch): boolean {
  if (!looksLikeTable(view, r)) return false;
  const fieldOf = new Map(match.columns.map((c) => [c.column, c.field]));
  // years across (年度 | 平成22年度 | 平成23年度 | …) over columns the table above reads as no years: a
  // table of its own (神川町's 財政効果額 by year between the 数値目標 and the list)
  let years = 0;
  for (const c of view.filledColumns(r)) {
    if (YEAR_LABEL.test(normalizeLabel(cellText(view.raw(r, c)))) && match.columns.every((m) => m.column !== c || m.periodToken === null)) years++;
  }
  if (years >= 3) return true;
  for (const c of view.filledColumns(r)) {
    const v = view.raw(r, c);
    if (typeof v !== 'string') continue;
    for (const h of termHits(normalizeLabel(v))) {
      const field = vocabularyTerm(h.term)?.field;
      if (h.exact && field && HEADER_FIELDS.has(field) && field !== fieldOf.get(c)) return true;
    }
  }
  return false;
}

import { cellText, isBlank, isNoneMarker } from '../read/cell';
import { readNumber } from '../read/number';
import { cleanText, normalizeLabel } from '../read/text';
import { findFiscalYears, formatFiscalYear, yearText } from '../read/years';
import { termHits } from '../profiles/match';
import type { CellValue, Grid } from '../types';
import type { SheetView } from './sheetView';

/**
 * Transposed tables and cards (issue 7 item 3): years run ACROSS and each indicator is a few rows
 * (a 計画 row and a 実績 row, or a 計画 band and an [実績] band), often one small table per
 * indicator on a one-project card:
 *
 *   年度      | H23   | H24   …          区分   | 平成25年度 | 平成26年度 …
 *   補助金件数 | 30 件 | 50 件            計画値 | 147000    | 147000
 *   [実績]    | H23実績 | H24実績 …      実績値 | 124790    | 119320
 *   補助金件数 | 23 件 | 23 件
 *
 * The reader turns such blocks into an ordinary table of paired 目標/実績 rows (one row per
 * indicator and kind, one column per fiscal year), keeping for every cell of it the sheet cell it
 * came from, so that the rest of the engine reads, checks and flags it as any other sheet and
 * every issue names the cell a person edits.
 */

/** A row's kind of values: targets (計画・目標) or actuals (実績), or plain yearly values. */
type SeriesKind = 'target' | 'actual' | 'value' | 'rate';

/** One year heading of a year row: H23, 平成25年度, H27年度, 「H27 実績見込み」. */
interface YearCell {
  c: number;
  year: number;
  kind: SeriesKind | null;
}

/** A row with fiscal years across it: the head of a band of series rows. */
interface YearRow {
  r: number;
  years: YearCell[];
  /** The column of the rows' labels (計画値, 補助金交付件数, or blank). */
  labelColumn: number;
  /** The band's kind when the year row says it ([実績], 「H23 実績」). */
  band: SeriesKind | null;
  /** Other headings on the row (従前値, (単位), 目標値), by column. */
  extras: Map<number, string>;
}

/** A row of yearly values under a year row. */
interface Series {
  r: number;
  label: string;
  kind: SeriesKind;
  head: YearRow;
}

/** One indicator: its target and actual rows (either may be missing). */
interface Indicator {
  name: string;
  target: Series | null;
  actual: Series | null;
  /** The sheet's own 達成率 row, if any. */
  rate?: Series;
}

/** A block: its title cell, its department cell, its indicators. */
interface Block {
  title: { r: number; c: number; text: string } | null;
  department: { r: number; c: number } | null;
  /** A department named in brackets at the end of the title: 「…の支援(協働推進課)」. */
  titleDepartment: string | null;
  indicators: Indicator[];
  heads: YearRow[];
}

/** The ordinary table built from a sheet's transposed blocks. */
export interface TransposedTable {
  /** Title rows above (as on the sheet), then the header, then one row per indicator and kind. */
  grid: Grid;
  /** For each cell of `grid` ("r,c" as r * 65536 + c), the sheet cell it stands for (0-based). */
  origins: Map<number, [number, number]>;
  /** Grid row of the header. */
  headerRow: number;
  /** The sheet's year rows (0-based): where the header of the blocks stands. */
  yearRows: number[];
}

const KEY = 65536;
/** Year headings: H23, 平成25年度, H27年度, 2015, 「H23 実績」, 「H27 実績見込み」, 「R6計画」. */
const YEAR_HEADING = /^(?:(令和|平成|R|H)(元|\d{1,2})|(\d{4})|(\d{1,2})(?=年))(?:年度|年)?(実績見込み?|実績|見込み?|計画|目標)?$/;
/** Row labels of paired rows. */
const TARGET_LABEL = /^[[［【(（]?(目標|計画)(値|額)?[\]］】)）]?(\(.{1,12}\))?$/;
const ACTUAL_LABEL = /^[[［【(（]?(実績|実施|決算)(値|額)?(見込み?)?[\]］】)）]?(\(.{1,12}\))?$/;
/** The row of rates under a 計画/実績 pair: 達成率, 進捗率. */
const RATE_LABEL = /^(達成率|進捗率|達成度)(\(.{1,12}\))?$/;
/** Slot labels that name an indicator on the next cell: 成果指標1 | 入館者数, KPI その1 | …. */
const SLOT_LABEL = /^(成果指標|活動指標|業績指標|KPI|指標|数値目標|目標)(その)?[0-9０-９一二三四五六七八九十]*$/i;
/** The department named in brackets at the end of a title: (協働推進課), 【産業経済局】. */
const TITLE_DEPARTMENT = /[(（【]([^()（）【】]{1,20}?(課|室|局|部|センター|事務所|委員会))[)）】]\s*$/;
/** Department labels of a card's label:value cells: 課 | 文化振興課, 指標担当部課等 | 科学技術…. */
const CARD_DEPARTMENT = /^(課|課名|所属|担当|部課|所管|主管)$|(担当|所管|主管)(部|課|部課|部署|部局|課室)(等|名)?$/;
/** A block's rows end at the first row further left than its labels or at a lone narrative. */
const MAX_SERIES_ROWS = 40;
/** A grade followed by its meaning on a card: B:継続実施, 中：適切な成果. */
const GRADE_WITH_MEANING = /^([A-Za-zＡ-Ｚａ-ｚ]|[◎○〇△▲×])\s*[:：]\s*\S/;
/** Blocks are looked for in the first rows only: a card is short, and the reader must stay cheap. */
const SEARCH_ROWS = 2000;

/**
 * The sheet's transposed blocks as an ordinary table, or null when the sheet has none (at least
 * one block with a numeric indicator). Only called for sheets no profile recognised.
 */
export function readTransposed(view: SheetView, asOfYear: number): TransposedTable | null {
  const limit = Math.min(view.rowCount, SEARCH_ROWS);
  const blocks: Block[] = [];
  const used = new Set<number>();
  let current: Block | null = null;
  for (let r = 0; r < limit; r++) {
    const head = yearRow(view, r, asOfYear);
    if (!head) continue;
    const series = seriesUnder(view, head, limit, asOfYear);
    // a second band of the same block ([実績] under the 計画 band) or a new block
    const title = titleAbove(view, r, used, asOfYear);
    if (current && !title && continuesBand(current, head)) {
      // the first band was the plan: its rows are the targets the [実績] band's rows answer
      for (const i of current.indicators) {
        if (i.actual?.kind === 'value' && !i.target) {
          i.target = { ...i.actual, kind: 'target' };
          i.actual = null;
        }
      }
    } else {
      current = { title: title?.cell ?? null, department: title?.department ?? null, titleDepartment: null, indicators: [], heads: [] };
      if (current.title) current.titleDepartment = TITLE_DEPARTMENT.exec(current.title.text)?.[1] ?? null;
      blocks.push(current);
    }
    current.heads.push(head);
    addSeries(current, series);
    used.add(r);
    for (const s of series) used.add(s.r);
    if (series.length) r = series[series.length - 1].r;
  }
  const kept = blocks.filter((b) => b.indicators.length > 0);
  if (!kept.some((b) => b.indicators.some((i) => isNumeric(view, i)))) return null;
  return buildTable(view, kept, cardFields(view, kept));
}

/** A row with at least two fiscal-year headings in increasing order, all after its label. */
function yearRow(view: SheetView, r: number, asOfYear: number): YearRow | null {
  const filled = view.filledColumns(r);
  if (filled.length < 2 || filled.length > 60) return null;
  const years: YearCell[] = [];
  const extras = new Map<number, string>();
  for (const c of filled) {
    const raw = view.raw(r, c);
    const text = typeof raw === 'string' ? yearText(raw) : typeof raw === 'number' ? '' : '';
    const m = YEAR_HEADING.exec(text);
    const found = m ? findFiscalYears(text) : [];
    if (m && (found.length === 1 || m[3] || m[4])) {
      const year = found.length === 1 ? found[0].year : m[3] ? Number(m[3]) : bareYear(Number(m[4]), asOfYear);
      const suffix = m[5] ?? '';
      const kind: SeriesKind | null = /実績|見込/.test(suffix) ? 'actual' : /計画|目標/.test(suffix) ? 'target' : null;
      years.push({ c, year, kind });
    } else if (years.length === 0 || !years.some((y) => y.c > c)) {
      extras.set(c, cleanText(cellText(raw)));
    }
  }
  if (years.length < 2) return null;
  for (let i = 1; i < years.length; i++) if (years[i].year <= years[i - 1].year) return null;
  // the headings run across one band: at most a column or two apart
  for (let i = 1; i < years.length; i++) if (years[i].c - years[i - 1].c > 2) return null;
  const firstYear = years[0].c;
  const before = filled.filter((c) => c < firstYear);
  // left of the years stand the rows' label and at most the indicator's own figures (従前値,
  // (単位), 基準年度); a row with 成果指標 | 区分 there is an ordinary table's header
  if (before.slice(1).some((c) => !isIndicatorHeading(cellText(view.raw(r, c))))) return null;
  const labelColumn = before.length ? before[0] : Math.max(0, firstYear - 1);
  const labelText = before.length ? normalizeLabel(cellText(view.raw(r, before[0]))) : '';
  let band: SeriesKind | null = null;
  if (/実績|決算/.test(labelText) || years.every((y) => y.kind === 'actual')) band = 'actual';
  else if (/^[[［【(（]?(計画|目標)/.test(labelText) || years.every((y) => y.kind === 'target')) band = 'target';
  return { r, years, labelColumn, band, extras };
}

/** The series rows under a year row: labelled 計画/実績 rows, or indicator rows of a band. */
function seriesUnder(view: SheetView, head: YearRow, limit: number, asOfYear: number): Series[] {
  const out: Series[] = [];
  const headLabel = normalizeLabel(cellText(view.value(head.r, head.labelColumn)));
  let kinded = false;
  for (let r = head.r + 1; r < limit && r <= head.r + MAX_SERIES_ROWS; r++) {
    const filled = view.filledColumns(r);
    const merged = view.isMergeContinuation(r, head.labelColumn);
    if (filled.length === 0 && !merged) break;
    if (yearRow(view, r, asOfYear)) break;
    // a cell left of the labels starts something else (成果指標2 | …, 一次評価 | A)
    if (filled.length && filled[0] < head.labelColumn && !view.isMergeContinuation(r, filled[0])) break;
    const hasValues = head.years.some((y) => !isBlank(view.raw(r, y.c)));
    let label = normalizeLabel(cellText(view.value(r, head.labelColumn)));
    // a label merged down from the year row's own (数値の推移 over two rows) names nothing
    if (merged && view.anchor(r, head.labelColumn)[0] <= head.r) label = label === headLabel ? '' : label;
    const kind: SeriesKind | null = TARGET_LABEL.test(label) ? 'target' : ACTUAL_LABEL.test(label) ? 'actual' : null;
    if (kind) kinded = true;
    // a lone narrative merged across the band ends it
    if (filled.length === 1 && !hasValues && !kind) break;
    // 達成率 under the pair: the rates the sheet wrote, compared with the computed one
    if (kinded && RATE_LABEL.test(label)) {
      out.push({ r, label, kind: 'rate', head });
      continue;
    }
    if (kinded && !kind && label !== '') break;
    if (!kind && !hasValues && label === '') break;
    out.push({ r, label, kind: kind ?? (label === '' && !kinded ? 'target' : (head.band ?? 'value')), head });
  }
  // an unlabelled first row above 実績値 holds the targets (従前値 | H27 … | 目標値)
  return out;
}

/**
 * A year written without its era (18年度 over a 平成 sheet): the 平成 or 令和 year nearest the as-of
 * date, so that a sheet of 2007 reads 18年度 as 2006 and one of 2026 reads 8年度 as 2026.
 */
function bareYear(n: number, asOfYear: number): number {
  const heisei = 1988 + n;
  const reiwa = 2018 + n;
  return Math.abs(heisei - asOfYear) <= Math.abs(reiwa - asOfYear) ? heisei : reiwa;
}

/** Whether a year row continues the block above it as its next band (計画 band, then [実績]). */
function continuesBand(block: Block, head: YearRow): boolean {
  const previous = block.heads[block.heads.length - 1];
  if (!previous || head.band !== 'actual' || previous.band === 'actual') return false;
  return head.years.length === previous.years.length && head.labelColumn === previous.labelColumn;
}

/**
 * The title of a block: the nearest filled row above its year row (within two rows) that no
 * other block used. 成果指標1 | 入館者数 names the indicator on its second cell; a lone cell
 * (①地域活動…(協働推進課)) names it itself; a department label beside it names the owner.
 */
function titleAbove(
  view: SheetView,
  r: number,
  used: Set<number>,
  asOfYear: number,
): { cell: { r: number; c: number; text: string }; department: { r: number; c: number } | null } | null {
  let p = r - 1;
  // blank rows and a unit note ((単位:百万円)) stand between a title and its years
  while (p >= 0 && p >= r - 3 && (view.filledColumns(p).length === 0 || isUnitNote(view, p))) p--;
  if (p < 0 || p < r - 3 || used.has(p) || yearRow(view, p, asOfYear)) return null;
  const filled = view.filledColumns(p);
  if (filled.length === 0) return null;
  let department: { r: number; c: number } | null = null;
  const texts: number[] = [];
  for (let i = 0; i < filled.length; i++) {
    const c = filled[i];
    const label = normalizeLabel(cellText(view.raw(p, c)));
    if (CARD_DEPARTMENT.test(label) || termHits(label).some((h) => h.term === 'department')) {
      department = { r: p, c: valueCellRight(view, p, c) };
      break;
    }
    texts.push(c);
  }
  if (texts.length === 0) return null;
  const first = texts[0];
  const firstText = cleanText(cellText(view.raw(p, first)));
  if (SLOT_LABEL.test(normalizeLabel(firstText))) {
    // the indicator's name is the cell after the slot label (blank on an unused slot)
    const c = valueCellRight(view, p, first);
    return { cell: { r: p, c, text: cleanText(cellText(view.raw(p, c))) }, department };
  }
  return { cell: { r: p, c: first, text: firstText }, department };
}

/** A row holding only the table's unit: (単位:百万円), 単位：千円. */
function isUnitNote(view: SheetView, r: number): boolean {
  const filled = view.filledColumns(r);
  return filled.length === 1 && /^[(（]?単位[:：]/.test(normalizeLabel(cellText(view.raw(r, filled[0]))));
}

/** The cell right of a label: the next column that is not part of the label's merge. */
function valueCellRight(view: SheetView, r: number, c: number): number {
  let next = c + 1;
  while (next < view.columnCount && view.isMergeContinuation(r, next) && view.anchor(r, next)[1] === c) next++;
  return next;
}

/** Pair a band's series into indicators: by kind label, or by the indicator's name across bands. */
function addSeries(block: Block, series: Series[]): void {
  for (const s of series) {
    if (s.kind === 'rate') {
      const last = block.indicators[block.indicators.length - 1];
      if (last) last.rate = s;
      continue;
    }
    const name = s.kind === 'target' || s.kind === 'actual' ? (TARGET_LABEL.test(s.label) || ACTUAL_LABEL.test(s.label) ? '' : s.label) : s.label;
    if (s.kind === 'value') {
      block.indicators.push({ name, target: null, actual: s });
      continue;
    }
    // the [実績] band's 補助金交付件数 completes the 計画 band's; a 実績値 row completes the row above
    const open = block.indicators.find((i) => i.name === name && (s.kind === 'actual' ? !i.actual : !i.target));
    if (open && (s.kind === 'actual' ? open.target : open.actual)) {
      if (s.kind === 'actual') open.actual = s;
      else open.target = s;
      continue;
    }
    block.indicators.push({ name, target: s.kind === 'target' ? s : null, actual: s.kind === 'actual' ? s : null });
  }
}

/** Whether an indicator holds figures (a text row such as 実施計画の内容 is narrative, not a KPI). */
function isNumeric(view: SheetView, indicator: Indicator): boolean {
  let numbers = 0;
  let texts = 0;
  for (const s of [indicator.target, indicator.actual]) {
    if (!s) continue;
    for (const y of s.head.years) {
      const v = view.value(s.r, y.c);
      if (isBlank(v) || isNoneMarker(v)) continue;
      if (typeof v === 'number' || readNumber(v, null).kind === 'number') numbers++;
      else texts++;
    }
  }
  return numbers > 0 && numbers >= texts;
}

/** Label:value cells of the card outside the blocks: 課 | 文化振興課, 総合評価 | B:…. */
interface CardFields {
  department: { r: number; c: number } | null;
  evaluation: { label: { r: number; c: number }; value: { r: number; c: number } } | null;
}

function cardFields(view: SheetView, blocks: Block[]): CardFields {
  const inBlocks = new Set<number>();
  for (const b of blocks) {
    for (const h of b.heads) inBlocks.add(h.r);
    for (const i of b.indicators) for (const s of [i.target, i.actual]) if (s) inBlocks.add(s.r);
  }
  let department: CardFields['department'] = null;
  let evaluation: CardFields['evaluation'] = null;
  let evaluationRank = 3;
  const limit = Math.min(view.rowCount, SEARCH_ROWS);
  for (let r = 0; r < limit; r++) {
    if (inBlocks.has(r)) continue;
    const filled = view.filledColumns(r);
    if (filled.length < 2 || filled.length > 12) continue;
    for (const c of filled) {
      const label = normalizeLabel(cellText(view.raw(r, c)));
      if (label === '' || label.length > 12) continue;
      const hits = termHits(label);
      if (!department && (CARD_DEPARTMENT.test(label) || hits.some((h) => h.term === 'department'))) {
        // 部 | 文化スポーツ部 | 課 | 文化振興課: the 課 is the owner; keep looking past a 部
        const value = valueCellRight(view, r, c);
        if (label !== '部') department = { r, c: value };
      }
      if (hits.some((h) => h.term === 'evaluation')) {
        // 総合評価 over 一次評価 over any other 〜評価 (有効性 and 効率性 sit under a 評価 group)
        const rank = /総合評価|最終評価/.test(label) ? 0 : /一次評価|自己評価|内部評価/.test(label) ? 1 : /評価$|判定$/.test(label) ? 2 : 3;
        if (rank < 3 && (!evaluation || rank < evaluationRank)) {
          evaluation = { label: { r, c }, value: { r, c: valueCellRight(view, r, c) } };
          evaluationRank = rank;
        }
      }
    }
  }
  return { department, evaluation };
}

/** Header labels of the built table (the vocabulary names each without doubt). */
const HEAD = { item: '取組項目', department: '担当課', name: '指標名', kind: '区分', baseline: '基準値', unit: '単位', rate: '達成率', evaluation: '評価' };

function buildTable(view: SheetView, blocks: Block[], card: CardFields): TransposedTable {
  const values: CellValue[][] = [];
  const origins = new Map<number, [number, number]>();
  const firstHead = blocks[0].heads[0].r;
  const titleEnd = Math.min(...blocks.map((b) => (b.title ? Math.min(b.title.r, b.heads[0].r) : b.heads[0].r)), firstHead);
  // the sheet's title rows, as they are: the fiscal year and the owner are read from them
  for (let r = 0; r < titleEnd; r++) {
    const row: CellValue[] = [];
    for (const c of view.filledColumns(r)) {
      row[c] = view.raw(r, c);
      origins.set(values.length * KEY + c, [r, c]);
    }
    values.push(row);
  }
  const years = [...new Set(blocks.flatMap((b) => b.heads.flatMap((h) => h.years.map((y) => y.year))))].sort((a, b) => a - b);
  const hasDepartment = blocks.some((b) => b.department || b.titleDepartment) || card.department !== null;
  const hasEvaluation = card.evaluation !== null;
  const hasRate = blocks.some((b) => b.indicators.some((i) => i.rate));
  const columns: { key: string; label: string }[] = [
    { key: 'item', label: HEAD.item },
    ...(hasDepartment ? [{ key: 'department', label: HEAD.department }] : []),
    { key: 'name', label: HEAD.name },
    { key: 'kind', label: HEAD.kind },
    { key: 'baseline', label: HEAD.baseline },
    { key: 'unit', label: HEAD.unit },
    ...years.map((y) => ({ key: `y${y}`, label: formatFiscalYear(y) })),
    ...(hasRate ? [{ key: 'rate', label: HEAD.rate }] : []),
    ...(hasEvaluation ? [{ key: 'evaluation', label: HEAD.evaluation }] : []),
  ];
  const at = new Map(columns.map((col, i) => [col.key, i]));
  const headerRow = values.length;
  values.push(columns.map((col) => col.label));
  // the header's cells stand for the first block's year row (its years, its label cell)
  const firstYears = blocks[0].heads[0];
  for (const y of firstYears.years) origins.set(headerRow * KEY + (at.get(`y${y.year}`) as number), [firstYears.r, y.c]);

  const put = (row: number, key: string, value: CellValue, from: [number, number] | null) => {
    const c = at.get(key);
    if (c === undefined) return;
    values[row][c] = value;
    if (from) origins.set(row * KEY + c, from);
  };
  for (const block of blocks) {
    const numeric = block.indicators.filter((i) => isNumeric(view, i));
    if (numeric.length === 0) continue;
    numeric.forEach((indicator, index) => {
      const rows = [indicator.target, indicator.actual].filter((s): s is Series => s !== null);
      for (const series of rows) {
        const isTarget = series === indicator.target;
        const row = values.length;
        values.push([]);
        if (index === 0 && series === rows[0]) {
          // the item: the block's title; its owner: a label:value cell, the title's brackets, the card's
          if (block.title) put(row, 'item', block.title.text === '' ? null : block.title.text, [block.title.r, block.title.c]);
          else put(row, 'item', indicator.name || null, [series.r, series.head.labelColumn]);
          if (block.department) put(row, 'department', view.value(block.department.r, block.department.c), [block.department.r, block.department.c]);
          else if (block.titleDepartment && block.title) put(row, 'department', block.titleDepartment, [block.title.r, block.title.c]);
          else if (card.department) put(row, 'department', view.value(card.department.r, card.department.c), [card.department.r, card.department.c]);
        }
        // the written rate of the latest year reported: the one the computed rate is compared with
        if (indicator.rate && series === rows[0]) {
          const reported = [...(indicator.actual?.head.years ?? [])].reverse().find((y) => indicator.actual && !isBlank(view.value(indicator.actual.r, y.c)));
          const rateCell = reported && indicator.rate.head.years.find((y) => y.year === reported.year);
          if (rateCell) put(row, 'rate', view.value(indicator.rate.r, rateCell.c), [indicator.rate.r, rateCell.c]);
        }
        // 計画値 / 実績値 rows name no indicator: the block's title does (成果指標1 | 入館者数)
        put(row, 'name', indicator.name || block.title?.text || null, [series.r, series.head.labelColumn]);
        put(row, 'kind', isTarget ? '目標' : '実績', [series.r, series.head.labelColumn]);
        for (const y of series.head.years) {
          const v = view.value(series.r, y.c);
          // a "-" on a path of targets means "no milestone that year", not "nothing to report"
          put(row, `y${y.year}`, isTarget && isNoneMarker(v) ? null : v, [series.r, y.c]);
        }
        // 従前値 | (単位) beside the years: the baseline and unit of the indicator, read on its
        // first row and given to the 実績 row, where paired rows keep them
        for (const [c, text] of series.head.extras) {
          const term = extraTerm(text);
          if (!term) continue;
          const source = indicator.target ?? series;
          if (term === 'unit') {
            if (isBlank(values[row][at.get('unit') as number] ?? null)) put(row, 'unit', view.value(source.r, c), [source.r, c]);
          }
          else if (!isTarget) put(row, 'baseline', view.value(source.r, c), [source.r, c]);
        }
      }
    });
  }
  // the card's own evaluation (総合評価, 一次評価) judges the whole project, not one indicator's
  // rate: a row of its own, checked against its scale and never compared with a computed grade
  if (card.evaluation) {
    const row = values.length;
    values.push([]);
    const { label, value } = card.evaluation;
    put(row, 'item', view.value(label.r, label.c), [label.r, label.c]);
    // a card writes the grade with its meaning: 「B:成果・費用対効果の向上に努めつつ継続実施」
    const written = view.value(value.r, value.c);
    const graded = typeof written === 'string' ? GRADE_WITH_MEANING.exec(written.trim()) : null;
    put(row, 'evaluation', graded ? graded[1] : written, [value.r, value.c]);
  }
  return { grid: { values }, origins, headerRow, yearRows: blocks.flatMap((b) => b.heads.map((h) => h.r)) };
}

/** A heading of an indicator's own figure beside its years: 従前値, (単位), 基準年度, 目標値. */
function isIndicatorHeading(text: string): boolean {
  const label = normalizeLabel(text).replace(/^[(（](.*)[)）]$/, '$1');
  return extraTerm(text) !== null || /^(基準|目標|策定)(年度?|時点)$|^目標値?$/.test(label);
}

/** What an extra heading of a year row names: the baseline (従前値, 基準値) or the unit. */
function extraTerm(text: string): 'baseline' | 'unit' | null {
  const label = normalizeLabel(text).replace(/^[(（](.*)[)）]$/, '$1');
  if (/^単位/.test(label)) return 'unit';
  if (/^(従前値|基準値|現状値|策定時|当初値)/.test(label)) return 'baseline';
  return null;
}

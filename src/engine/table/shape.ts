import { normalizeLabel } from '../read/text';
import { cellText, isBlank, isNoneMarker } from '../read/cell';
import { isEvaluationWord, isNotEvaluated, readEvaluation } from '../read/evaluation';
import { termHits } from '../profiles/match';
import { pairedRowKind } from '../read/pairedRows';
import { readFiscalYear } from '../read/years';
import type { HeaderMatch, MappedColumn } from './header';
import type { RowKind } from './layout';
import type { SheetView } from './sheetView';
import type { CellValue } from '../types';

/**
 * The layout's shape follows from the columns found, not from a city (design.md §2):
 * - paired rows: a column whose cells say 目標 / 実績 (計画 / 実績); the year columns are then the
 *   per-year values of each row of the pair;
 * - KPI rows: a baseline or a target column; year columns then hold the indicator's actuals;
 * - one row per item: a year standing alone is a schedule mark (計画期間); a result says so
 *   (令和6年度実績, 実績 over 令和6年度).
 * The self-evaluation is the latest year's when year groups each have one (令和6年度 over 評価).
 */
export function settleShape(view: SheetView, match: HeaderMatch, kinds: RowKind[]): void {
  verifyKindColumn(view, match, kinds);
  settleItemUnderMergedHeader(view, match, kinds);
  settleNumberColumn(view, match, kinds);
  settleIdBesideItem(view, match, kinds);
  settleAmountsUnderYears(view, match);
  settleDepartmentDivision(view, match);
  settleMarkedRates(view, match, kinds);
  settleStatusColumns(view, match, kinds);
  settleRateEvaluations(view, match, kinds);
  settleCountColumns(view, match, kinds);
  const has = (field: MappedColumn['field']) => match.columns.some((c) => c.field === field);
  const paired = has('kpi.kind');
  if (paired) settleSumOfYears(match);
  const kpiRows = has('kpi.target') || has('kpi.baseline');
  const takesActuals = match.profile.columns.some((spec) => spec.field === 'kpi.actual');
  // the pairs' years are the schedule's where no other column holds them (seed 004 has both)
  const scheduleIsPairs = paired && !has('kpi.value');
  for (const col of match.columns) {
    const namesYear = col.periodToken !== null && readFiscalYear(col.periodToken) !== null;
    if (col.field === 'schedule' && scheduleIsPairs && namesYear) {
      // 工程 over H22 … H26 beside 区分 計画 / 実績 (a 進行管理台帳): each year's plan and result, not marks
      col.field = 'kpi.value';
      col.period = { kind: 'year', entry: 'value' };
      continue;
    }
    if (col.field === 'kpi.actual' && col.term === 'year.result' && !namesYear && !BARE_RESULT.test(normalizeLabel(col.label))) {
      // 取組における進捗状況, 実施状況: a report in words beside the KPI, not its actual value; in
      // scale words or marks (推進状況: 順調 / やや遅れ / 大幅遅れ, 沖縄県), the item's grade
      col.field = isStatusColumn(view, col, kinds) ? (has('evaluation') ? 'evaluation2' : 'evaluation') : 'note';
      col.period = null;
      continue;
    }
    if (col.field === 'kpi.actual' && !namesYear && /^現在/.test(normalizeLabel(col.label))) {
      // 現在 beside 計画策定時 | 目標 is the figure as it stands now (軽米町); in status words or
      // sentences it is the item's status, not a figure
      if (isStatusColumn(view, col, kinds)) {
        col.field = has('evaluation') ? 'evaluation2' : 'evaluation';
        col.period = null;
      } else if (mostly(tally(view, kinds, col.column, isSentence))) {
        col.field = 'note';
        col.period = null;
      }
      continue;
    }
    if (col.field === 'kpi.actual' && col.term === 'year.result' && mostly(tally(view, kinds, col.column, isSentence))) {
      // 平成26年度の取組実績 in sentences beside the 目標 | 実績 of a figure (三好市): the year's report, due on every row
      col.field = 'period';
      col.period = { kind: 'year', entry: 'result' };
      continue;
    }
    if (!col.period || col.period.kind !== 'year') continue;
    if (col.field === 'kpi.value' && !paired) {
      // a year alone over a column of an item table may be a plan period as well as a result:
      // kept as the schedule, never reported missing; under 目標値 (目標値 over 2016 | 2017 | 2018,
      // 甲府市) it is that year's target, beside 実績値 over the same years
      if (kpiRows && underTargetGroup(view, match, col)) col.period = { kind: 'year', entry: 'target' };
      else if (kpiRows) toActual(col);
      else {
        col.field = 'schedule';
        col.period = null;
      }
    } else if (col.field === 'period' && col.period.entry === 'result' && kpiRows && !paired && takesActuals && col.term !== null) {
      // a report in sentences stays the year's report (see above)
      if (!mostly(tally(view, kinds, col.column, isSentence))) toActual(col);
    }
  }
  settleFirstYearTarget(view, match);
  // after the KPI settling: a report in sentences beside the figures is the year's result, not an actual
  settleProseEvaluations(view, match, kinds);
  settleYearTarget(view, match);
  settleEvaluations(match);
}

/**
 * The year's own 目標 beside its 実績 (平成22年度 over 目標 | 実績 | 達成率, 静岡市) is the target the
 * year's rate is measured against, not the plan's final one (目標値（H25）) further left: the
 * sheet's own 達成率 divides by it.
 */
function settleYearTarget(view: SheetView, match: HeaderMatch): void {
  if (match.rows.length < 2) return;
  const target = match.columns.find((c) => c.field === 'kpi.target');
  const actuals = match.columns.filter((c) => c.field === 'kpi.actual');
  if (!target || actuals.length !== 1) return;
  const [upper, lower] = [match.rows[0], match.rows[match.rows.length - 1]];
  const groupOf = (c: number) => (view.isMergeContinuation(upper, c) ? view.anchor(upper, c)[1] : c);
  const group = groupOf(actuals[0].column);
  if (group === actuals[0].column && !view.isMergeContinuation(upper, group + 1)) return;
  if (groupOf(target.column) === group) return;
  for (let c = group; c < view.columnCount && groupOf(c) === group; c++) {
    if (match.columns.some((m) => m.column === c)) continue;
    if (!/^目標値?$/.test(normalizeLabel(cellText(view.raw(lower, c))))) continue;
    target.column = c;
    target.label = [cellText(view.value(upper, c)), cellText(view.raw(lower, c))].filter(Boolean).join(' ');
    target.via = '目標 (実績と同じ年度の目標 / the year’s own target beside its actual)';
    match.columns.sort((a, b) => a.column - b.column);
    return;
  }
}

/**
 * In a table of 目標 / 実績 line pairs, a sum beside the years under the same group (効果額（千円） over
 * 平成18年度 … 平成22年度 | 5年間計, 大村市) is each line's total: the target's sum on the 目標 line, the
 * actual's on the 実績 line, and the rate is sum over sum (design §5 rule 3), not the last year's.
 */
function settleSumOfYears(match: HeaderMatch): void {
  if (match.columns.some((c) => c.field === 'kpi.total')) return;
  const values = match.columns.filter((c) => c.field === 'kpi.value');
  if (values.length < 2) return;
  const last = values[values.length - 1].column;
  const sum = match.columns.find((c) => c.column === last + 1 && c.field === 'effect' && SUM_LABEL.test(normalizeLabel(c.label)));
  if (!sum) return;
  sum.field = 'kpi.total';
  sum.period = null;
}

/** The label of a sum over years: 5年間計, 累計, 合計 (after its group's words). */
const SUM_LABEL = /(\d+年間)?(累計|合計|計)$/;

/** A result column of a KPI table that names no year is its actual only when it says just 実績 (値). */
const BARE_RESULT = /^実績値?$/;

/** The upper header row's label over the column (its group) is a target's: 目標値, 目標, 計画値. */
function underTargetGroup(view: SheetView, match: HeaderMatch, col: MappedColumn): boolean {
  if (match.rows.length < 2) return false;
  const upper = match.rows[0];
  const [r, c] = view.isMergeContinuation(upper, col.column) ? view.anchor(upper, col.column) : [upper, col.column];
  return r === upper && TARGET_GROUP.test(normalizeLabel(cellText(view.raw(r, c))));
}

const TARGET_GROUP = /^(目標値?|計画値|年度別目標値?)$/;

/**
 * 目標値 over 2016 | 2017 | 2018: the first year's column, named 目標値… like a plain target, is that
 * year's target too, when the years after it are (甲府市).
 */
function settleFirstYearTarget(view: SheetView, match: HeaderMatch): void {
  if (!match.columns.some((c) => c.field === 'kpi.value' && c.period?.entry === 'target')) return;
  const lower = match.rows[match.rows.length - 1];
  for (const col of match.columns) {
    if (col.field !== 'kpi.target' || !underTargetGroup(view, match, col)) continue;
    const year = cellText(view.raw(lower, col.column)).trim();
    if (readFiscalYear(year) === null) continue;
    col.field = 'kpi.value';
    col.period = { kind: 'year', entry: 'target' };
    col.periodToken = year;
  }
  match.columns.sort((a, b) => a.column - b.column);
}

function toActual(col: MappedColumn): void {
  col.field = 'kpi.actual';
  col.period = { kind: 'year', entry: 'actual' };
}

/**
 * 区分 names a 目標/実績 column in one city and a section in another: a column the vocabulary
 * named kpi.kind stays one only if its cells say so; otherwise it is the section (or kept as text).
 */
function verifyKindColumn(view: SheetView, match: HeaderMatch, kinds: RowKind[]): void {
  const col = match.columns.find((c) => c.field === 'kpi.kind' && c.term !== null);
  if (!col) return;
  let pairs = 0;
  let others = 0;
  for (let r = 0; r < kinds.length; r++) {
    if (kinds[r] !== 'data') continue;
    const v = view.value(r, col.column);
    if (typeof v !== 'string' || v.trim() === '' || isNoneMarker(v)) continue;
    if (pairedRowKind(cellText(v))) pairs++;
    else others++;
  }
  if (pairs >= 2 && pairs >= others * 4) return;
  const sectionTaken = match.columns.some((c) => c.field === 'section');
  col.field = !sectionTaken && match.profile.carryDown.includes('section') ? 'section' : 'related';
}

/**
 * Several evaluation columns: the latest year's come first (令和5年度 評価 | 令和6年度 評価), the
 * first three of them are the evaluation, the second and the third (実施状況 and 達成度; 妥当性 |
 * 効率性 | 有効性 under 評価(所管課長)), each read on its scale; any others are kept as text.
 */
const EVALUATION_FIELDS = ['evaluation', 'evaluation2', 'evaluation3'] as const;

function settleEvaluations(match: HeaderMatch): void {
  const evals = match.columns.filter((c) => (EVALUATION_FIELDS as readonly string[]).includes(c.field));
  if (evals.length < 2) return;
  const years = evals.map((c) => readFiscalYear(c.label));
  const dated = years.filter((y): y is number => y !== null);
  const latest = dated.length > 0 ? Math.max(...dated) : null;
  const current = evals.filter((_, i) => latest === null || years[i] === latest || years[i] === null);
  for (const col of evals) {
    const rank = current.indexOf(col);
    col.field = rank >= 0 && rank < EVALUATION_FIELDS.length ? EVALUATION_FIELDS[rank] : 'related';
  }
}

/**
 * An item header merged over several columns with no labels of their own under it (黒部市:
 * 取 組 事 項 over 大項目 | 中項目 | 取組名): the item is the column with a value of its own on the
 * most item rows (the 取組's name, not the groups merged down over it; the leftmost on a tie, as
 * before), and the columns left of it are the section and the subsection, carried down.
 */
function settleItemUnderMergedHeader(view: SheetView, match: HeaderMatch, kinds: RowKind[]): void {
  const item = match.columns.find((c) => c.field === 'item');
  if (!item) return;
  // the header row whose label is merged across from the item's column (大淀町: 具体策 under アクションプラン)
  const top = [...match.rows].reverse().find((r) => {
    const [ar, ac] = view.anchor(r, item.column);
    return ar === r && ac === item.column && item.column + 1 < view.columnCount && view.anchor(r, item.column + 1)[1] === item.column && view.isMergeContinuation(r, item.column + 1);
  });
  if (top === undefined) return;
  const span: number[] = [item.column];
  for (let c = item.column + 1; c < view.columnCount && view.isMergeContinuation(top, c) && view.anchor(top, c)[1] === item.column; c++) span.push(c);
  if (span.length < 2) return;
  // the columns under the merge must be free (no sub-label read as a field of its own)
  if (match.columns.some((col) => col !== item && span.includes(col.column))) return;
  for (const r of match.rows) if (r > top && span.some((c) => !view.isMergeContinuation(r, c) && !view.isBlank(r, c))) return;
  let best = item.column;
  let bestOwn = -1;
  for (const c of span) {
    let own = 0;
    for (let r = 0; r < kinds.length; r++) if (kinds[r] === 'data' && !view.continuesFromAbove(r, c) && !view.isBlank(r, c)) own++;
    if (own > bestOwn) {
      best = c;
      bestOwn = own;
    }
  }
  if (best === item.column) return;
  const groups = span.filter((c) => c < best);
  const free = (['section', 'subsection'] as const).filter((f) => !match.columns.some((col) => col.field === f));
  item.column = best;
  item.via = `${item.via} (結合見出しの下で行ごとに値のある列 / the column with a value on every row under the merged header)`;
  if (free.length === 0) return;
  groups.slice(-free.length).forEach((c, i) => {
    match.columns.push({ field: free[i], column: c, label: item.label, periodToken: null, period: null, term: null, via: `${item.label} (結合見出しの下のまとまり / a group under the merged header)` });
  });
  match.columns.sort((a, b) => a.column - b.column);
}

/** What an item's No. looks like: 91, 1-2, 3.1. */
const ID_LIKE = /^\d{1,6}(?:[-‐－.]\d{1,4})*$/;

/**
 * No column read as the No., and the table's first column, left of the item, under a short label
 * the vocabulary left unread (政令市's 進行管理台帳: 項目 | … | 項目名), holds numbers on the item rows:
 * that column is the No.
 */
function settleNumberColumn(view: SheetView, match: HeaderMatch, kinds: RowKind[]): void {
  if (match.columns.some((c) => c.field === 'id')) return;
  const item = match.columns.find((c) => c.field === 'item');
  if (!item) return;
  const header = match.rows[0];
  const first = view.filledColumns(header)[0];
  if (first === undefined || first >= item.column || match.columns.some((c) => c.column === first)) return;
  const label = cellText(view.raw(header, first)).replace(/\s+/g, '');
  if (label.length === 0 || label.length > 6 || !holdsNumbers(view, kinds, first)) return;
  match.columns.push({ field: 'id', column: first, label: cellText(view.raw(header, first)), periodToken: null, period: null, term: null, via: `${label} (行ごとの番号 / numbers on the item rows)` });
  match.columns.sort((a, b) => a.column - b.column);
}

/** Column c holds numbers or codes (1, 1-1-1) on the item rows: two at least, four in five of its filled cells. */
function holdsNumbers(view: SheetView, kinds: RowKind[], c: number): boolean {
  const { filled, taken } = tally(view, kinds, c, (text) => ID_LIKE.test(text));
  return taken >= 2 && (filled - taken) * 5 <= taken;
}

/** A test of one cell: its text, its value and its number format (percent, date…). */
type CellTest = (text: string, value: CellValue, format: string | null) => boolean;

/**
 * Column c's own cells on the item rows (a merge counted once), not blank and not 「－」: how many
 * there are and how many `test` takes; `skip` leaves a cell out of both (対象外).
 */
function tally(view: SheetView, kinds: RowKind[], c: number, test: CellTest, skip?: CellTest): { filled: number; taken: number } {
  let filled = 0;
  let taken = 0;
  for (let r = 0; r < kinds.length; r++) {
    if (kinds[r] !== 'data' || view.continuesFromAbove(r, c)) continue;
    const v = view.value(r, c);
    if (isBlank(v) || isNoneMarker(v)) continue;
    const text = cellText(v).trim();
    const format = view.numberFormat(r, c);
    if (skip?.(text, v, format)) continue;
    filled++;
    if (test(text, v, format)) taken++;
  }
  return { filled, taken };
}

/** What most of a column holds: three filled cells at least, four in five taken. */
function mostly({ filled, taken }: { filled: number; taken: number }): boolean {
  return filled >= 3 && taken * 5 >= filled * 4;
}

/**
 * Numbers at every level of a hierarchy (政策 番号 | … | 施策 番号 | … | 事業 番号 | 事業名, 川口市水道局):
 * the item's own number is the one just left of its name, not the first 番号 of the row. The id
 * moves there when that column is unread, its label says 番号 (No.), and its cells are numbers
 * or codes (1-1-1).
 */
function settleIdBesideItem(view: SheetView, match: HeaderMatch, kinds: RowKind[]): void {
  const item = match.columns.find((c) => c.field === 'item');
  const id = match.columns.find((c) => c.field === 'id');
  const c = item ? item.column - 1 : -1;
  if (!item || !id || id.column >= c || match.columns.some((m) => m.column === c)) return;
  const label = match.rows.map((r) => (view.isMergeContinuation(r, c) ? '' : cellText(view.raw(r, c)))).join('').replace(/\s+/g, '');
  if (!/(番号|^No\.?$|^№$)/.test(normalizeLabel(label)) || !holdsNumbers(view, kinds, c)) return;
  const groupLabel = match.rows.length > 1 ? cellText(view.value(match.rows[0], c)).replace(/\s+/g, '') : '';
  id.column = c;
  id.label = [groupLabel, cellText(view.raw(match.rows[match.rows.length - 1], c))].filter(Boolean).join(' ');
  id.via = `${label} (取組名の左の番号 / the number beside the item's name)`;
  match.columns.sort((a, b) => a.column - b.column);
}

/**
 * An amount under a year's group (29年度実績 over 取組実績 | 効果額（千円）, 杉並区) is read by the group's
 * year as a result, but its own label names money: the 効果額 is the effect, other money an
 * amount, checked as numbers, never a report in words.
 */
function settleAmountsUnderYears(view: SheetView, match: HeaderMatch): void {
  if (match.rows.length < 2) return;
  const lower = match.rows[match.rows.length - 1];
  for (const col of match.columns) {
    if (col.field !== 'period' || view.isMergeContinuation(lower, col.column)) continue;
    const own = normalizeLabel(cellText(view.raw(lower, col.column)));
    const field = termHits(own).find((h) => h.exact && (h.term === 'effect' || h.term === 'amount'))?.term;
    if (!field) continue;
    col.field = field === 'effect' && !match.columns.some((c) => c.field === 'effect') ? 'effect' : 'amount';
    col.period = null;
    col.periodToken = null;
  }
}

/**
 * 担当部 | 担当課 side by side (宮古島市): the department is the 課, the division that writes the
 * entries; the 部 above it stays unread.
 */
function settleDepartmentDivision(view: SheetView, match: HeaderMatch): void {
  const department = match.columns.find((c) => c.field === 'department');
  if (!department || !/部(名)?$/.test(normalizeLabel(department.label))) return;
  const header = match.rows[match.rows.length - 1];
  for (let c = department.column + 1; c <= department.column + 2 && c < view.columnCount; c++) {
    if (match.columns.some((m) => m.column === c)) continue;
    const label = normalizeLabel(cellText(view.value(header, c)));
    if (!/課(名|等)?$/.test(label) || !termHits(label).some((h) => h.exact && h.term === 'department')) continue;
    department.column = c;
    department.label = cellText(view.value(header, c));
    department.via = `${label} (部の隣の課 / the 課 beside the 部)`;
    match.columns.sort((a, b) => a.column - b.column);
    return;
  }
}

/**
 * A column named like a rate (達成状況) that holds marks or grades on the item rows (◎ ○ △ ×, A–C) is
 * the self-evaluation, read on its legend, not a percentage (鳥取県西部広域行政管理組合). Three filled
 * cells at least, four in five marks, letters or scale words.
 */
function settleMarkedRates(view: SheetView, match: HeaderMatch, kinds: RowKind[]): void {
  const mark = (text: string, v: CellValue) => {
    if (typeof v !== 'string') return false;
    const kind = readEvaluation(text).kind;
    return kind === 'symbol' || kind === 'letter' || isEvaluationWord(text);
  };
  for (const col of match.columns) {
    if (col.field === 'rate' && mostly(tally(view, kinds, col.column, mark))) {
      col.field = match.columns.some((c) => c.field === 'evaluation') ? 'evaluation2' : 'evaluation';
    }
  }
}

/**
 * A year's report column that holds, on the item rows, status words or marks only
 * (第二次行政改革大綱: 【実施状況】（着手の状況） of 未着手 / 取組中 / 完了; 龍郷町: 実施状況 in the schedule's
 * ▲ / ● beside the 取組結果): the status of each item, read on its scale like an evaluation, not a
 * report in words. Three filled cells at least, four in five words or marks. A column that names
 * its year qualifies only as the one such column of the sheet (several years of marks are a schedule).
 */
function settleStatusColumns(view: SheetView, match: HeaderMatch, kinds: RowKind[]): void {
  const status = match.columns.filter((col) => col.field === 'period' && col.term === 'year.result' && isStatusColumn(view, col, kinds));
  for (const col of status) {
    if (col.periodToken !== null && status.length > 1) continue;
    col.field = 'evaluation';
    col.period = null;
  }
}

function isStatusColumn(view: SheetView, col: MappedColumn, kinds: RowKind[]): boolean {
  // 対象外, 計画事項なし: nothing to judge, neither a status nor a report
  const nothingToJudge = (text: string) => isNotEvaluated(text) || /^[^\s。、]{1,8}なし$/.test(text);
  // marks, scale words, or grade letters alone (Ａ–Ｄ on a 【進捗状況】 line, 秋田市)
  const status = (text: string, v: CellValue) => {
    if (typeof v !== 'string') return false;
    const reading = readEvaluation(text);
    return isEvaluationWord(text) || reading.kind === 'symbol' || (reading.kind === 'letter' && reading.embedded === undefined);
  };
  return mostly(tally(view, kinds, col.column, status, nothingToJudge));
}

/**
 * A column named like an evaluation (達成状況) that holds sentences on the item rows is the report
 * of the year's result, not a grade: 「配水ポンプ3台のオーバーホールを計画どおり実施した。」 is
 * checked as a result that is due, never held to a scale (川口市水道局). Three filled cells at least,
 * four in five sentences (no letter, symbol, scale word or not-evaluated mark; longer than a word).
 */
function settleProseEvaluations(view: SheetView, match: HeaderMatch, kinds: RowKind[]): void {
  if (!match.profile.columns.some((spec) => spec.field === 'period')) return;
  for (const col of match.columns) {
    if (!col.field.startsWith('evaluation') || !mostly(tally(view, kinds, col.column, isSentence))) continue;
    col.field = 'period';
    col.term = 'year.result';
    col.period = { kind: 'year', entry: 'result' };
    col.periodToken = null;
  }
}

/**
 * A column named like an evaluation (達成度) that holds rates on the item rows, fractions or
 * percentages (0.47, 113.3%), is the sheet's own rate, compared with the computed one (沖縄県:
 * 平成26年度 over 目標 | 実績 | 達成度, graded in words in 推進状況 beside it). Where no column is the
 * rate already; three filled cells at least, four in five rates.
 */
function settleRateEvaluations(view: SheetView, match: HeaderMatch, kinds: RowKind[]): void {
  if (match.columns.some((c) => c.field === 'rate')) return;
  const col = match.columns.find((c) => c.field.startsWith('evaluation') && RATE_LABEL.test(normalizeLabel(c.label)) && holdsRates(view, kinds, c.column));
  if (!col) return;
  col.field = 'rate';
  col.period = null;
}

/** A label that may name a rate as well as a grade: 達成度, 進捗度, 達成率. */
const RATE_LABEL = /[度率]/;

/**
 * Rates on the item rows: fractions (0.47), percentages (113.3%, or a number formatted as one); a
 * whole 0, 1 or 2 (0%, 100%, 200% as fractions) neither counts for nor against. Three at least, four in five.
 */
function holdsRates(view: SheetView, kinds: RowKind[], column: number): boolean {
  const percent = (format: string | null) => /%/.test(format ?? '');
  const wholeFraction: CellTest = (_, v, format) => typeof v === 'number' && (v === 0 || v === 1 || v === 2) && !percent(format);
  const rate: CellTest = (text, v, format) => (typeof v === 'number' && (!Number.isInteger(v) || percent(format))) || /^[△▲-]?\d+(\.\d+)?\s*[%％]$/.test(text);
  return mostly(tally(view, kinds, column, rate, wholeFraction));
}

/** Longer than any grade or scale word (概ね順調, 50%以上実施): a sentence. */
const PROSE_LENGTH = 12;

/** A cell of prose: no letter, symbol or scale word; longer than a grade, or ending with a full stop (おおむね順調。). */
function isSentence(text: string, v: CellValue): boolean {
  return typeof v === 'string' && readEvaluation(text).kind === 'other' && !isEvaluationWord(text) && (normalizeLabel(text).length > PROSE_LENGTH || /。$/.test(text.trim()));
}

/**
 * Columns read as evaluations that hold whole numbers on the item rows are counts (評価ランク別内訳 over
 * A | B | C | D: how many items got each grade), kept as text. Three filled cells at least, four in five numbers.
 */
function settleCountColumns(view: SheetView, match: HeaderMatch, kinds: RowKind[]): void {
  const count = (text: string, v: CellValue) => typeof v === 'number' || /^\d+$/.test(text);
  for (const col of match.columns) {
    // a score in points (評価得点（5点満点）, 鴨川市) is a grade, read on its legend
    if (SCORE_COLUMN.test(normalizeLabel(col.label))) continue;
    if (col.field.startsWith('evaluation') && mostly(tally(view, kinds, col.column, count))) col.field = 'note';
  }
}

/** The label of an evaluation given in points: 評価得点, 点数, 5点満点. */
const SCORE_COLUMN = /得点|点数|評点|点満点|スコア/;

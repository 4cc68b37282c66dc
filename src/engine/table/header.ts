import type { ColumnSpec, Field, PeriodSpec, Profile } from '../profiles/schema';
import { periodToken, termHits, type TermHit } from '../profiles/match';
import { vocabularyTerm } from '../profiles/vocabulary';
import { cellText } from '../read/cell';
import type { CellValue } from '../types';
import { readEvaluation } from '../read/evaluation';
import { readKpiNumber, splitNameValue } from '../read/nameValue';
import { readNumber } from '../read/number';
import { normalizeLabel } from '../read/text';
import type { SheetView } from './sheetView';

/** A column of the table, mapped to a canonical field. Columns are 0-based grid indices. */
export interface MappedColumn {
  field: Field;
  column: number;
  /** The header label as written (both header rows joined). */
  label: string;
  /** The period a period/value column names: quarter number or fiscal-year text. */
  periodToken: string | null;
  period: PeriodSpec | null;
  /** The vocabulary term that named the column, or null when the profile's own label did. */
  term: string | null;
  /** The vocabulary label or the pattern that matched (what --explain shows). */
  via: string;
}

/** Columns the product owns (its computed columns), found again on a second check. */
export type OwnedRole = 'rate' | 'grade' | 'result';
export const OWNED_LABELS: Record<OwnedRole, RegExp> = {
  rate: /^達成率\(自動計算\)$|^Achievementrate\(computed\)$/i,
  grade: /^算定評価\(自動計算\)$|^Computedgrade$/i,
  result: /^チェック結果$|^Checkresult$/i,
};

export interface HeaderMatch {
  profile: Profile;
  /** Grid rows of the header: one, or two for a two-row header. */
  rows: number[];
  columns: MappedColumn[];
  owned: Partial<Record<OwnedRole, number>>;
  score: number;
  /** Per header row, the normalised label of each column: the signature of a repeated header. */
  signature: string[][];
  /** Fields the profile counts on (weight > 0, or its detect gate) that no column answered. */
  missing: Field[];
}

const MAX_LABEL_LENGTH = 40;

/**
 * The label candidates of one column: group label + lower label and the lower alone, or the upper
 * alone. Under a third row (財政効果額（千円） over 目標額 | 実績額, each over H25 … 累計), the top
 * group label comes before the two rows' candidates.
 */
export function columnLabels(view: SheetView, rows: number[], c: number): { candidates: string[]; written: string } {
  if (rows.length === 3) {
    const inner = columnLabels(view, rows.slice(1), c);
    const upperValue = groupValue(view, rows[0], rows[1], c);
    const upper = normalizeLabel(cellText(upperValue));
    // a label merged down from the top row is the middle row's own (No. over all three rows)
    if (upper === '' || view.anchor(rows[1], c)[0] === rows[0]) return inner;
    const candidates = [upper + (inner.candidates[0] ?? ''), ...inner.candidates];
    const written = [cellText(upperValue).trim(), inner.written].filter(Boolean).join(' ');
    return { candidates: candidates.filter((l, i, all) => l !== '' && all.indexOf(l) === i), written };
  }
  if (rows.length === 1) {
    const text = cellText(view.value(rows[0], c));
    const label = normalizeLabel(text);
    return { candidates: label ? [label] : [], written: text.trim() };
  }
  const [top, bottom] = rows;
  const upperText = cellText(groupValue(view, top, bottom, c));
  const lowerText = cellText(view.value(bottom, c));
  const upper = normalizeLabel(upperText);
  const lower = normalizeLabel(lowerText);
  // a vertical merge repeats the same text in both rows: it is one label
  const same = upper === lower || view.anchor(bottom, c)[0] === top;
  // the group label alone names a column only when nothing stands under it
  const candidates = same || lower === '' ? [upper] : [upper + lower, lower];
  const written = same ? upperText.trim() : [upperText.trim(), lowerText.trim()].filter(Boolean).join(' ');
  return { candidates: candidates.filter((l, i, all) => l !== '' && all.indexOf(l) === i), written };
}

/**
 * The label over column c on row `top`, above row `bottom`: its own, or, when blank and the cell
 * below holds a sub-label, the group label standing in an earlier cell (merges unknown).
 */
function groupValue(view: SheetView, top: number, bottom: number, c: number): CellValue {
  const own = view.value(top, c);
  if (normalizeLabel(cellText(own)) !== '' || normalizeLabel(cellText(view.value(bottom, c))) === '') return own;
  for (let left = c - 1; left >= 0; left--) {
    const t = view.value(top, left);
    if (normalizeLabel(cellText(t)) !== '') {
      // only a group label if the cell below it is a sub-label too (not a single tall header)
      return normalizeLabel(cellText(view.value(bottom, left))) !== '' ? t : own;
    }
  }
  return own;
}

const compiledCache = new WeakMap<ColumnSpec, { source: string; re: RegExp }[]>();
function patterns(spec: ColumnSpec): { source: string; re: RegExp }[] {
  let compiled = compiledCache.get(spec);
  if (!compiled) {
    compiled = spec.labels.map((source) => ({ source, re: new RegExp(source) }));
    compiledCache.set(spec, compiled);
  }
  return compiled;
}

/** How a column was named: the token it carries and what matched. */
interface ColumnHit {
  token: string | null;
  matched: string;
  via: string;
  term: string | null;
}

function matchLabel(spec: ColumnSpec, candidates: string[]): ColumnHit | null {
  if (spec.labels.length === 0) return null;
  for (const label of candidates) {
    if (label.length > MAX_LABEL_LENGTH * 2) continue;
    for (const { source, re } of patterns(spec)) {
      const m = re.exec(label);
      if (m) return { token: m[1] ?? null, matched: m[0], via: source, term: null };
    }
  }
  return null;
}

/**
 * Header row(s) read once and shared by every profile scored on them: each column's label
 * candidates, the vocabulary terms they name, and the product's own columns.
 */
export interface HeaderReading {
  rows: number[];
  width: number;
  labels: { candidates: string[]; written: string }[];
  /** Per column, the vocabulary terms its label names (the joined label's first, then the sub label's). */
  hits: TermHit[][];
  owned: Partial<Record<OwnedRole, number>>;
  ownedColumns: Set<number>;
  signature: string[][];
  /** A blank header cell over the table's row labels (see rowLabelColumn), or null. */
  rowLabels: number | null;
}

export function readHeader(view: SheetView, rows: number[]): HeaderReading {
  // only the header's own extent can hold labels (a stray value in column XFD costs nothing)
  let width = 0;
  for (const r of rows) width = Math.max(width, view.lastUsedColumn(r) + 1);
  const labels = Array.from({ length: width }, (_, c) => columnLabels(view, rows, c));
  const hits = labels.map(({ candidates }) => {
    if (candidates.length === 1) return termHits(candidates[0]);
    const out: TermHit[] = [];
    for (const label of candidates) for (const hit of termHits(label)) if (!out.some((h) => h.term === hit.term)) out.push(hit);
    return out;
  });
  let rowLabels = rowLabelColumn(view, rows, labels);
  // row labels under years across (計画値 | 実績値 down the side) make a transposed table, not items
  if (rowLabels !== null && yearsAcross(labels, hits)) rowLabels = null;
  if (rowLabels !== null) {
    labels[rowLabels] = { candidates: [ROW_LABELS], written: ROW_LABELS };
    hits[rowLabels] = termHits(ROW_LABELS);
  }
  const owned: Partial<Record<OwnedRole, number>> = {};
  const ownedColumns = new Set<number>();
  for (let c = 0; c < width; c++) {
    for (const role of Object.keys(OWNED_LABELS) as OwnedRole[]) {
      if (labels[c].candidates.some((l) => OWNED_LABELS[role].test(l))) {
        owned[role] = c;
        ownedColumns.add(c);
      }
    }
  }
  const signature = rows.map((r) => Array.from({ length: width }, (_, c) => normalizeLabel(cellText(view.value(r, c)))));
  return { rows, width, labels, hits, owned, ownedColumns, signature, rowLabels };
}

/**
 * What a blank header cell over a column of row labels is called (三田市: 計画額a | 決算額b under
 * a blank corner cell, 【適正化】… down column A). The vocabulary lists it as an item's label, so
 * --explain shows the column as read by it.
 */
export const ROW_LABELS = '(行見出し)';

/** Rows under the header looked at to tell a column of row labels. */
const ROW_LABEL_SAMPLE = 30;

/**
 * The table's left edge when its header cell is blank and the cells below are text labels (not
 * figures): the row labels of the table, or null. Only the columns left of every labelled one
 * qualify, and the right-most of them that holds text is taken.
 */
function rowLabelColumn(view: SheetView, rows: number[], labels: { candidates: string[] }[]): number | null {
  const firstLabelled = labels.findIndex((l) => l.candidates.length > 0);
  if (firstLabelled <= 0 || labels.filter((l) => l.candidates.length > 0).length < 2) return null;
  const from = rows[rows.length - 1] + 1;
  const to = Math.min(view.rowCount, from + ROW_LABEL_SAMPLE);
  for (let c = firstLabelled - 1; c >= 0; c--) {
    // a merged header over this column (a group label to its left) is no blank corner
    if (rows.some((r) => view.isMergeContinuation(r, c))) return null;
    let texts = 0;
    let others = 0;
    for (let r = from; r < to; r++) {
      const v = view.value(r, c);
      if (v === null || v === undefined || (typeof v === 'string' && v.trim() === '')) continue;
      if (typeof v === 'string' && readNumber(v, null).kind === 'invalid' && v.trim().length <= MAX_ROW_LABEL) texts++;
      else others++;
    }
    if (texts + others === 0) continue;
    return texts >= 2 && texts >= others * 3 ? c : null;
  }
  return null;
}

/** Half or more of the labelled header cells are bare years (H25年度 | H26年度 | …). */
function yearsAcross(labels: { candidates: string[] }[], hits: TermHit[][]): boolean {
  let labelled = 0;
  let years = 0;
  labels.forEach((l, c) => {
    if (l.candidates.length === 0) return;
    labelled++;
    if (hits[c].some((h) => h.term === 'year.value')) years++;
  });
  return years * 2 >= labelled;
}

/** Row labels are names, not paragraphs. */
const MAX_ROW_LABEL = 80;

/** Whether column c answers a spec: by its own labels, or by one of its vocabulary terms (in order). */
function specHit(reading: HeaderReading, spec: ColumnSpec, c: number, term: string | null | undefined): ColumnHit | null {
  if (term === undefined) {
    const own = matchLabel(spec, reading.labels[c].candidates);
    if (own) return own;
    for (const t of spec.terms) {
      const hit = specHit(reading, spec, c, t);
      if (hit) return hit;
    }
    return null;
  }
  if (term === null) return matchLabel(spec, reading.labels[c].candidates);
  const hit = reading.hits[c].find((h) => h.term === term);
  return hit ? { token: hit.token, matched: hit.matched, via: hit.via, term } : null;
}

function mappedColumn(reading: HeaderReading, spec: ColumnSpec, c: number, hit: ColumnHit): MappedColumn {
  const period = spec.period ?? (hit.term ? (vocabularyTerm(hit.term)?.period ?? null) : null);
  return {
    field: spec.field,
    column: c,
    label: reading.labels[c].written,
    periodToken: period ? periodToken(period.kind, hit.token, hit.matched) : hit.token,
    period,
    term: hit.term,
    via: hit.via,
  };
}

/** Map a profile's columns onto header row(s) and score the fit (0–1). */
export function mapHeader(view: SheetView, profile: Profile, rows: number[]): HeaderMatch {
  return mapProfile(view, readHeader(view, rows), profile);
}

/** Map a profile onto a header already read. */
export function mapProfile(view: SheetView, reading: HeaderReading, profile: Profile): HeaderMatch {
  const { width, rows, labels } = reading;
  const claimed = new Set<number>(reading.ownedColumns);
  const columns: MappedColumn[] = [];
  const missing: Field[] = [];
  let matchedWeight = 0;
  let totalWeight = 0;
  for (const spec of profile.columns) {
    totalWeight += spec.weight;
    let matched = false;
    if (spec.multiple) {
      for (let c = 0; c < width; c++) {
        if (claimed.has(c)) continue;
        const hit = specHit(reading, spec, c, undefined);
        if (!hit) continue;
        matched = true;
        claimed.add(c);
        columns.push(mappedColumn(reading, spec, c, hit));
      }
    } else {
      // labels first, then each term in order: the first that names an unclaimed column wins
      const sources: (string | null)[] = spec.labels.length > 0 ? [null, ...spec.terms] : [...spec.terms];
      for (const source of sources) {
        for (let c = 0; c < width && !matched; c++) {
          if (claimed.has(c)) continue;
          const hit = specHit(reading, spec, c, source);
          if (!hit) continue;
          matched = true;
          claimed.add(c);
          columns.push(mappedColumn(reading, spec, c, hit));
          claimSpan(view, reading, spec, c, claimed, columns);
        }
        if (matched) break;
      }
    }
    if (matched) matchedWeight += spec.weight;
    else if (spec.weight > 0 && !missing.includes(spec.field)) missing.push(spec.field);
  }
  let headerCells = 0;
  let mappedCells = 0;
  for (let c = 0; c < width; c++) {
    if (labels[c].candidates.length === 0) continue;
    // a blank corner no profile read as its row labels is not a header cell left unread
    if (c === reading.rowLabels && !claimed.has(c)) continue;
    headerCells++;
    // the catch-all reads a label the vocabulary knows as understood even when it keeps one
    // column of a kind (a second 目標 column)
    if (claimed.has(c) || (profile.fallback && reading.hits[c].length > 0)) mappedCells++;
  }
  const fieldFit = totalWeight > 0 ? matchedWeight / totalWeight : 0;
  const labelFit = headerCells > 0 ? mappedCells / headerCells : 0;
  let score = columns.length < 2 ? 0 : 0.8 * fieldFit + 0.2 * labelFit;
  const found = new Set(columns.map((col) => col.field));
  // a profile whose rows are items cannot apply to a header with no item column
  if (profile.required.includes(profile.unit) && !found.has(profile.unit)) {
    score *= 0.5;
    if (!missing.includes(profile.unit)) missing.push(profile.unit);
  }
  const gate = profile.detect;
  if (gate) {
    const absent = gate.all.filter((f) => !found.has(f));
    for (const f of absent) if (!missing.includes(f)) missing.push(f);
    if (absent.length > 0 || (gate.any.length > 0 && !gate.any.some((f) => found.has(f)))) score *= 0.5;
    if (gate.none.length > 0 && gate.none.some((f) => headerNames(reading, f))) score *= 0.5;
  }
  if (profile.fallback) score *= FALLBACK_FACTOR;
  addEmbeddedTarget(view, reading, profile, columns);
  addEmbeddedEvaluation(view, reading, profile, columns);
  columns.sort((a, b) => a.column - b.column);
  return { profile, rows, columns, owned: { ...reading.owned }, score, signature: reading.signature, missing };
}

/**
 * An indicator whose cells also carry the target (「市内就職率\n30%」 under KPI(平成31年度)): where
 * the profile reads a target and no column of its own holds one, the name column is read a second
 * time as the target. Decided by the cells: most filled ones end with a figure after the name.
 */
function addEmbeddedTarget(view: SheetView, reading: HeaderReading, profile: Profile, columns: MappedColumn[]): void {
  if (!profile.columns.some((spec) => spec.field === 'kpi.target')) return;
  if (columns.some((col) => col.field === 'kpi.target')) return;
  // only beside an actual the header names as such: 主な指標等 over 「連携事業数 3件」 beside a
  // report in words may state the result, not a target
  if (!columns.some((col) => col.field === 'kpi.actual')) return;
  const name = columns.find((col) => col.field === 'kpi.name');
  if (!name) return;
  const counts = sampleColumn(view, reading, name.column, (v) => {
    const parts = splitNameValue(v);
    return parts !== null && parts.name !== null && readKpiNumber(v, null).kind === 'number';
  });
  if (counts.hits >= 2 && counts.hits * 2 >= counts.filled) {
    columns.push({ ...name, field: 'kpi.target', period: null, periodToken: null, via: `${name.via} (名称の後の数値 / figure after the name)` });
  }
}

/** How many of the first text cells under the header pass a test. */
function sampleColumn(view: SheetView, reading: HeaderReading, c: number, test: (text: string) => boolean): { hits: number; filled: number } {
  const from = reading.rows[reading.rows.length - 1] + 1;
  const to = Math.min(view.rowCount, from + ROW_LABEL_SAMPLE);
  let hits = 0;
  let filled = 0;
  for (let r = from; r < to; r++) {
    const v = view.value(r, c);
    if (typeof v !== 'string' || v.trim() === '') continue;
    filled++;
    if (test(v)) hits++;
  }
  return { hits, filled };
}

/**
 * A KPI actual whose cells also carry the self-grade (「H29:26.4%\n【B】」 under KPI実績及び達成状況):
 * where the profile reads an evaluation and no column of its own holds one, the same column is
 * read a second time as the evaluation. Decided by the cells: most filled ones carry a grade.
 */
function addEmbeddedEvaluation(view: SheetView, reading: HeaderReading, profile: Profile, columns: MappedColumn[]): void {
  if (!profile.columns.some((spec) => spec.field === 'evaluation')) return;
  if (columns.some((col) => col.field === 'evaluation')) return;
  for (const col of columns) {
    if (col.field !== 'kpi.actual') continue;
    const counts = sampleColumn(view, reading, col.column, (v) => {
      const grade = readEvaluation(v);
      return ((grade.kind === 'letter' || grade.kind === 'symbol') && grade.embedded !== undefined) || (grade.kind === 'none' && /\S\s*\n/.test(v));
    });
    if (counts.hits >= 2 && counts.hits * 2 >= counts.filled) {
      columns.push({ ...col, field: 'evaluation', period: null, periodToken: null, via: `${col.via} (同じセルの評価 / grade in the same cell)` });
      return;
    }
  }
}

/** Whether some column of the header is named, in the vocabulary's words, as this field. */
function headerNames(reading: HeaderReading, field: Field): boolean {
  return reading.hits.some((hits) => hits.some((h) => vocabularyTerm(h.term)?.field === field));
}

/** A catch-all profile scores lower than a family that fits as well. */
const FALLBACK_FACTOR = 0.75;

/** A header merged over several columns (体系 over 大項目 and 中項目) claims the columns under it. */
function claimSpan(view: SheetView, reading: HeaderReading, spec: ColumnSpec, c: number, claimed: Set<number>, columns: MappedColumn[]): void {
  for (let extra = 1; extra < spec.span; extra++) {
    const next = c + extra;
    if (next >= reading.width || claimed.has(next)) break;
    const nextLabel = reading.labels[next].candidates[0] ?? '';
    if (nextLabel !== '' && !view.isMergeContinuation(reading.rows[0], next)) break;
    claimed.add(next);
    const field = spec.spanFields?.[extra - 1] ?? spec.field;
    columns.push({ field, column: next, label: reading.labels[c].written, periodToken: null, period: null, term: null, via: '' });
  }
}

/** Whether a match may be chosen: its score reaches the profile's minimum (any score > 0.2 when forced). */
export function isEligible(match: HeaderMatch, forced = false): boolean {
  return match.score >= (forced ? 0.2 : match.profile.minScore);
}

/**
 * Order of preference: eligible before not; a family before the catch-all unless the catch-all
 * reads clearly more of the header (a family that fits only a few columns of a richer table);
 * then the score, by more than `margin`.
 */
export function betterMatch(a: HeaderMatch, b: HeaderMatch | null, forced = false, margin = 0): boolean {
  if (!b) return true;
  const ea = isEligible(a, forced);
  const eb = isEligible(b, forced);
  if (ea !== eb) return ea;
  if (ea && a.profile.fallback !== b.profile.fallback) {
    return a.profile.fallback ? a.score > b.score + FALLBACK_MARGIN : b.score <= a.score + FALLBACK_MARGIN;
  }
  return a.score > b.score + margin;
}

/** How much better the catch-all must read a header to win over a family. */
const FALLBACK_MARGIN = 0.1;

/** A row could be a header: two or more short text labels, mostly no numbers. */
export function looksLikeHeaderRow(view: SheetView, r: number): boolean {
  const filled = view.filledColumns(r);
  if (filled.length < 2) return false;
  // a cell merged across most of the row is a title over the table, whatever stands beside it
  // (第三次行政改革大綱及び実施計画の推進状況 … | 企画政策課作成), not its labels
  if (isTitleLine(view, r, filled)) return false;
  let labels = 0;
  for (const c of filled) {
    const v = view.raw(r, c);
    if (typeof v !== 'string') continue;
    const label = normalizeLabel(v);
    if (label.length > 0 && label.length <= MAX_LABEL_LENGTH) labels++;
  }
  return labels >= 2 && labels >= filled.length / 2;
}

/**
 * One or two cells, the first merged from the row's start over at least half of its filled width
 * (a group label over some columns, 評価ランク別内訳 beside プラン数, stands after another label).
 */
function isTitleLine(view: SheetView, r: number, filled: number[]): boolean {
  const anchors = new Set(filled.map((c) => (view.isMergeContinuation(r, c) ? view.anchor(r, c)[1] : c)));
  if (anchors.size > 2) return false;
  const start = filled[0];
  const width = filled[filled.length - 1] - start + 1;
  let span = 1;
  while (start + span < view.columnCount && view.isMergeContinuation(r, start + span) && view.anchor(r, start + span)[1] === start) span++;
  return span >= 3 && span * 2 >= width;
}

/** The best header match on row r (one-row or two-row header) among the profiles. */
export function bestHeaderAt(view: SheetView, r: number, profiles: readonly Profile[], forced = false): HeaderMatch | null {
  if (!looksLikeHeaderRow(view, r)) return null;
  let best: HeaderMatch | null = null;
  const twoRow = r + 1 < view.rowCount && view.filledColumns(r + 1).length > 0 && looksLikeSubHeader(view, r + 1);
  // sub-labels under a group label (実績 over 6 | 7) say the header has two rows even on a tie
  const subLabels = twoRow && hasGroupedSubLabels(view, r);
  const singleReading = readHeader(view, [r]);
  const doubleReading = twoRow ? readHeader(view, [r, r + 1]) : null;
  // a third row of sub-labels under groups of the second (財政効果額 over 目標額 | 実績額, each over
  // H25 … 累計): the three rows are read as one header
  const tripleReading = subLabels && r + 2 < view.rowCount && view.filledColumns(r + 2).length > 0 && looksLikeSubHeader(view, r + 2) && groupsOwnRow(view, r + 1) ? readHeader(view, [r, r + 1, r + 2]) : null;
  for (const profile of profiles) {
    const single = mapProfile(view, singleReading, profile);
    if (betterMatch(single, best, forced)) best = single;
    if (doubleReading) {
      const double = mapProfile(view, doubleReading, profile);
      // prefer the two-row reading only when it fits better; the catch-all's scores are close
      // together, so a tie goes to the reading that sees the sub-labels (令和6年度 over 実績 | 評価)
      // (政策 over 番号 | 政策名称 | 政策内容: labels under a merged group are the header's second row even
      // when more of them go unread than in the top row alone, 川口市水道局)
      const better = double.score > single.score + 0.02 || ((profile.fallback || subLabels) && double.score >= single.score) || (subLabels && double.score >= single.score - GROUPED_MARGIN);
      if (better && (best === single || betterMatch(double, best, forced))) best = double;
      if (tripleReading) {
        const triple = mapProfile(view, tripleReading, profile);
        // the third row's labels are the header's too (they name the years), even on a tie
        if (triple.score >= double.score - GROUPED_MARGIN && (best === double || best === single || betterMatch(triple, best, forced))) best = triple;
      }
    }
  }
  return best;
}

/** How much lower a two-row reading with grouped sub-labels may score and still be taken. */
const GROUPED_MARGIN = 0.05;

/** Some label of row r + 1 sits under a label of row r that spans it and its neighbour (a group). */
function hasGroupedSubLabels(view: SheetView, r: number): boolean {
  for (const c of view.filledColumns(r + 1)) {
    if (view.isMergeContinuation(r, c) || view.isMergeContinuation(r, c + 1)) return true;
  }
  return false;
}

/**
 * The label anchored at (r, c) is a group: merged across into the next column, with a label of
 * row r + 1 under it there (財政効果額 over 目標額 | 実績額; 19年度の取組実績 over its columns).
 */
export function spansSubLabels(view: SheetView, r: number, c: number): boolean {
  if (!view.isMergeContinuation(r, c + 1)) return false;
  const [top, left] = view.anchor(r, c + 1);
  // a label of its own under the group (not a merge continuing from elsewhere)
  return top === r && left === c && !view.isMergeContinuation(r + 1, c + 1) && normalizeLabel(cellText(view.raw(r + 1, c + 1))) !== '';
}

/** Row r holds a group of its own (not only labels merged down from above it). */
function groupsOwnRow(view: SheetView, r: number): boolean {
  return view.filledColumns(r).some((c) => !view.isMergeContinuation(r, c) && spansSubLabels(view, r, c));
}

/** A second header row holds short labels only (no long texts, no numbers). */
export function looksLikeSubHeader(view: SheetView, r: number): boolean {
  const filled = view.filledColumns(r);
  if (filled.length === 0) return false;
  return filled.every((c) => {
    const v = view.raw(r, c);
    // bare years under a group header (スケジュール over 2024 2025, or 6 7) are labels too
    if (typeof v === 'number') return Number.isInteger(v) && ((v >= 1 && v <= 64) || (v >= 1989 && v <= 2100));
    return typeof v === 'string' && normalizeLabel(v).length <= 12;
  });
}

/** Whether row r repeats a header row (page breaks repeat the header). */
export function repeatsHeaderRow(view: SheetView, r: number, signature: string[]): boolean {
  let labelled = 0;
  for (const label of signature) if (label !== '') labelled++;
  let compared = 0;
  let equal = 0;
  for (let c = 0; c < signature.length; c++) {
    if (signature[c] === '') continue;
    compared++;
    // half of the labels, or the first two, already differ: no repeat (data rows stop here)
    if ((compared - 1 - equal) * 2 > labelled || (compared === 3 && equal === 0)) return false;
    const value = view.value(r, c);
    // data cells are long or numeric; only short texts can repeat a label (cheap test first)
    if (typeof value !== 'string' || value.length > signature[c].length * 3 + 10) continue;
    const here = normalizeLabel(value);
    // a label cut short on one page (指 for 指標) still counts; a value that merely begins with
    // the label (区分3 under 区分) does not
    if (here === signature[c] || (here !== '' && signature[c].startsWith(here))) equal++;
  }
  return compared >= 2 && equal / compared >= 0.5;
}

/** Fields mapped to a column. */
export function columnsOf(match: HeaderMatch, field: Field): MappedColumn[] {
  return match.columns.filter((c) => c.field === field);
}

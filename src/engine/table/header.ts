import type { ColumnSpec, Field, PeriodSpec, Profile } from '../profiles/schema';
import { cellText } from '../read/cell';
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
}

const MAX_LABEL_LENGTH = 40;

/** The label candidates of one column: group label + lower label and the lower alone, or the upper alone. */
export function columnLabels(view: SheetView, rows: number[], c: number): { candidates: string[]; written: string } {
  if (rows.length === 1) {
    const text = cellText(view.value(rows[0], c));
    const label = normalizeLabel(text);
    return { candidates: label ? [label] : [], written: text.trim() };
  }
  const [top, bottom] = rows;
  let upperText = cellText(view.value(top, c));
  const lowerText = cellText(view.value(bottom, c));
  // a group label over several columns stands only in its first cell when merges are unknown
  if (normalizeLabel(upperText) === '' && normalizeLabel(lowerText) !== '') {
    for (let left = c - 1; left >= 0; left--) {
      const t = cellText(view.value(top, left));
      if (normalizeLabel(t) !== '') {
        // only a group label if the cell below it is a sub-label too (not a single tall header)
        if (normalizeLabel(cellText(view.value(bottom, left))) !== '') upperText = t;
        break;
      }
    }
  }
  const upper = normalizeLabel(upperText);
  const lower = normalizeLabel(lowerText);
  // a vertical merge repeats the same text in both rows: it is one label
  const same = upper === lower || view.anchor(bottom, c)[0] === top;
  // the group label alone names a column only when nothing stands under it
  const candidates = same || lower === '' ? [upper] : [upper + lower, lower];
  const written = same ? upperText.trim() : [upperText.trim(), lowerText.trim()].filter(Boolean).join(' ');
  return { candidates: candidates.filter((l, i, all) => l !== '' && all.indexOf(l) === i), written };
}

function compile(spec: ColumnSpec): RegExp[] {
  return spec.labels.map((source) => new RegExp(source));
}

const compiledCache = new WeakMap<ColumnSpec, RegExp[]>();
function patterns(spec: ColumnSpec): RegExp[] {
  let compiled = compiledCache.get(spec);
  if (!compiled) {
    compiled = compile(spec);
    compiledCache.set(spec, compiled);
  }
  return compiled;
}

function matchLabel(spec: ColumnSpec, candidates: string[]): RegExpExecArray | null {
  for (const label of candidates) {
    if (label.length > MAX_LABEL_LENGTH * 2) continue;
    for (const re of patterns(spec)) {
      const m = re.exec(label);
      if (m) return m;
    }
  }
  return null;
}

/** Map a profile's columns onto header row(s) and score the fit (0–1). */
export function mapHeader(view: SheetView, profile: Profile, rows: number[]): HeaderMatch {
  // only the header's own extent can hold labels (a stray value in column XFD costs nothing)
  let width = 0;
  for (const r of rows) width = Math.max(width, view.lastUsedColumn(r) + 1);
  const labels = Array.from({ length: width }, (_, c) => columnLabels(view, rows, c));
  const claimed = new Set<number>();
  const owned: Partial<Record<OwnedRole, number>> = {};
  for (let c = 0; c < width; c++) {
    for (const role of Object.keys(OWNED_LABELS) as OwnedRole[]) {
      if (labels[c].candidates.some((l) => OWNED_LABELS[role].test(l))) {
        owned[role] = c;
        claimed.add(c);
      }
    }
  }
  const columns: MappedColumn[] = [];
  let matchedWeight = 0;
  let totalWeight = 0;
  for (const spec of profile.columns) {
    totalWeight += spec.weight;
    let matched = false;
    for (let c = 0; c < width; c++) {
      if (claimed.has(c)) continue;
      const m = matchLabel(spec, labels[c].candidates);
      if (!m) continue;
      matched = true;
      claimed.add(c);
      columns.push({
        field: spec.field,
        column: c,
        label: labels[c].written,
        periodToken: m[1] ?? null,
        period: spec.period ?? null,
      });
      // a header merged over several columns (体系 over 大項目 and 中項目)
      for (let extra = 1; extra < spec.span; extra++) {
        const next = c + extra;
        if (next >= width || claimed.has(next)) break;
        const nextLabel = labels[next].candidates[0] ?? '';
        if (nextLabel !== '' && !view.isMergeContinuation(rows[0], next)) break;
        claimed.add(next);
        const field = spec.spanFields?.[extra - 1] ?? spec.field;
        columns.push({ field, column: next, label: labels[c].written, periodToken: null, period: null });
      }
      if (!spec.multiple) break;
    }
    if (matched) matchedWeight += spec.weight;
  }
  let headerCells = 0;
  let mappedCells = 0;
  for (let c = 0; c < width; c++) {
    if (labels[c].candidates.length === 0) continue;
    headerCells++;
    if (claimed.has(c)) mappedCells++;
  }
  const fieldFit = totalWeight > 0 ? matchedWeight / totalWeight : 0;
  const labelFit = headerCells > 0 ? mappedCells / headerCells : 0;
  const score = columns.length < 2 ? 0 : 0.8 * fieldFit + 0.2 * labelFit;
  columns.sort((a, b) => a.column - b.column);
  const signature = rows.map((r) =>
    Array.from({ length: width }, (_, c) => normalizeLabel(cellText(view.value(r, c)))),
  );
  return { profile, rows, columns, owned, score, signature };
}

/** A row could be a header: two or more short text labels, mostly no numbers. */
export function looksLikeHeaderRow(view: SheetView, r: number): boolean {
  const filled = view.filledColumns(r);
  if (filled.length < 2) return false;
  let labels = 0;
  for (const c of filled) {
    const v = view.raw(r, c);
    if (typeof v !== 'string') continue;
    const label = normalizeLabel(v);
    if (label.length > 0 && label.length <= MAX_LABEL_LENGTH) labels++;
  }
  return labels >= 2 && labels >= filled.length / 2;
}

/** The best header match on row r (one-row or two-row header) among the profiles. */
export function bestHeaderAt(view: SheetView, r: number, profiles: readonly Profile[]): HeaderMatch | null {
  if (!looksLikeHeaderRow(view, r)) return null;
  let best: HeaderMatch | null = null;
  const twoRow = r + 1 < view.rowCount && view.filledColumns(r + 1).length > 0 && looksLikeSubHeader(view, r + 1);
  for (const profile of profiles) {
    const single = mapHeader(view, profile, [r]);
    if (!best || single.score > best.score) best = single;
    if (twoRow) {
      const double = mapHeader(view, profile, [r, r + 1]);
      // prefer the two-row reading only when it fits better
      if (double.score > single.score + 0.02 && double.score > best.score) best = double;
    }
  }
  return best;
}

/** A second header row holds short labels only (no long texts, no numbers). */
function looksLikeSubHeader(view: SheetView, r: number): boolean {
  const filled = view.filledColumns(r);
  if (filled.length === 0) return false;
  return filled.every((c) => {
    const v = view.raw(r, c);
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

import type { Config } from '../config';
import { columnLabels, looksLikeHeaderRow, mapProfile, readHeader, type MappedColumn } from '../table/header';
import { locateTable } from '../table/layout';
import { SheetView } from '../table/sheetView';
import type { Grid, Locale } from '../types';
import { BUILTIN_PROFILES } from './builtin';
import type { Field, PeriodSpec } from './fields';
import { resolveProfiles } from './index';
import { termHits } from './match';
import type { ProfileInput } from './profile';

/**
 * A profile proposed from a sheet's headers (`progress-sheet profile <file>`): each column's field
 * as the vocabulary reads it, with how sure the guess is and why, and a profile a person can edit
 * and pass back with --config. The profile names this sheet's own labels (anchored, escaped), so it
 * recognises the sheet as it is.
 */
export interface ProposedColumn {
  /** Column letter, e.g. "C". */
  column: string;
  /** The header label as written (two-row headers joined). */
  label: string;
  field: Field | null;
  /** 0–1: 0.9 a vocabulary label, 0.75 a vocabulary pattern, 0.6 read from the cells, 0.3 a guess. */
  confidence: number;
  why: string;
}

export interface ProposeOptions {
  sheetName?: string;
  locale?: Locale;
  config?: Config;
}

export interface Proposal {
  profile: ProfileInput;
  columns: ProposedColumn[];
  /** Sheet rows (1-based) of the header the proposal reads. */
  headerRows: number[];
}

const GENERIC = BUILTIN_PROFILES.find((p) => p.id === 'generic');

export function proposeProfile(grid: Grid, options: ProposeOptions = {}): Proposal {
  const locale = options.locale ?? 'ja';
  const view = new SheetView(grid);
  const found = locateTable(view, resolveProfiles(options.config));
  let rows: number[] = [];
  let mapped: MappedColumn[] = [];
  if (found.layout) {
    rows = found.layout.match.rows;
    mapped = found.layout.match.columns;
  } else {
    const r = found.unrecognized?.headerRow ?? firstHeaderRow(view);
    if (r >= 0 && GENERIC) {
      const one = mapProfile(view, readHeader(view, [r]), GENERIC);
      const two = r + 1 < view.rowCount ? mapProfile(view, readHeader(view, [r, r + 1]), GENERIC) : null;
      const best = two && two.columns.length > one.columns.length ? two : one;
      rows = best.rows;
      mapped = best.columns;
    }
  }
  const reading = rows.length ? readHeader(view, rows) : null;
  const columns: ProposedColumn[] = [];
  const chosen: { c: number; field: Field; period: PeriodSpec | null; pattern: string }[] = [];
  const byColumn = new Map(mapped.map((m) => [m.column, m]));
  for (let c = 0; reading && c < reading.width; c++) {
    const { candidates, written } = columnLabels(view, rows, c);
    if (candidates.length === 0) continue;
    const letter = view.address(0, c).replace(/\d+$/, '');
    const m = byColumn.get(c);
    if (!m) {
      columns.push({ column: letter, label: written, field: null, confidence: 0, why: say(locale, '語彙にない見出しです（読みません）', 'not in the vocabulary (not read)') });
      continue;
    }
    const { confidence, why } = explain(m, locale);
    columns.push({ column: letter, label: written, field: m.field, confidence, why });
    chosen.push({ c, field: m.field, period: m.period, pattern: labelPattern(candidates[0], m) });
  }
  // no item column: the first text column not otherwise read is the best guess
  if (!chosen.some((x) => x.field === 'item')) {
    const guess = columns.find((col) => col.field === null && col.label !== '');
    if (guess && reading) {
      const c = columns.indexOf(guess);
      guess.field = 'item';
      guess.confidence = 0.3;
      guess.why = say(locale, '取組項目の列が見つからないため、この列を取組項目と仮定しました（確かめてください）', 'no item column found: this column is assumed to be the item (please check)');
      const col = letterIndex(columns[c].column);
      chosen.push({ c: col, field: 'item', period: null, pattern: `^${escapeRegex(columnLabels(view, rows, col).candidates[0])}$` });
    }
  }
  return { profile: buildProfile(chosen, options.sheetName), columns, headerRows: rows.map((r) => view.sheetRow(r)) };
}

function firstHeaderRow(view: SheetView): number {
  for (let r = 0; r < Math.min(view.rowCount, 200); r++) if (looksLikeHeaderRow(view, r)) return r;
  return -1;
}

function say(locale: Locale, ja: string, en: string): string {
  return locale === 'en' ? en : ja;
}

function explain(m: MappedColumn, locale: Locale): { confidence: number; why: string } {
  if (m.term === null) {
    if (m.via === '') return { confidence: 0.7, why: say(locale, '左の結合見出しの続きです', 'continues the merged header to its left') };
    if (!m.via.startsWith('^') && /内容/.test(m.via)) return { confidence: 0.6, why: say(locale, `セルの値（目標／実績）から判断しました`, 'read from the cells (目標 / 実績)') };
    return { confidence: 0.8, why: say(locale, `テンプレートの見出しパターン ${m.via} に一致`, `matches the template's label pattern ${m.via}`) };
  }
  const exact = !/[\^$\\()[\]|*+?]/.test(m.via);
  if (exact) return { confidence: 0.9, why: say(locale, `語彙「${m.via}」（${m.term}）に一致`, `matches the vocabulary label "${m.via}" (${m.term})`) };
  return { confidence: 0.75, why: say(locale, `語彙のパターン ${m.via}（${m.term}）に一致`, `matches the vocabulary pattern ${m.via} (${m.term})`) };
}

const REGEX_SPECIAL = /[.*+?^${}()|[\]\\/]/g;
function escapeRegex(text: string): string {
  return text.replace(REGEX_SPECIAL, '\\$&');
}

/** This sheet's label, anchored and escaped, with the period it names captured (令和6年度, 1, 上). */
function labelPattern(label: string, m: MappedColumn): string {
  if (m.period && m.term) {
    const raw = termHits(label).find((h) => h.term === m.term)?.token ?? null;
    const at = raw ? label.indexOf(raw) : -1;
    if (raw && at >= 0) {
      return `^${escapeRegex(label.slice(0, at))}(${escapeRegex(raw)})${escapeRegex(label.slice(at + raw.length))}$`;
    }
  } else if (m.period && m.periodToken) {
    const at = label.indexOf(m.periodToken);
    if (at >= 0) {
      return `^${escapeRegex(label.slice(0, at))}(${escapeRegex(m.periodToken)})${escapeRegex(label.slice(at + m.periodToken.length))}$`;
    }
  }
  return `^${escapeRegex(label)}$`;
}

function letterIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + ch.charCodeAt(0) - 64;
  return n - 1;
}

function buildProfile(chosen: { c: number; field: Field; period: PeriodSpec | null; pattern: string }[], sheetName?: string): ProfileInput {
  // one spec per field and kind of period; several columns of one spec are `multiple`
  const specs = new Map<string, { field: Field; period: PeriodSpec | null; labels: string[]; count: number }>();
  for (const x of [...chosen].sort((a, b) => a.c - b.c)) {
    const key = `${x.field}|${x.period ? `${x.period.kind}.${x.period.entry}` : ''}`;
    const spec = specs.get(key) ?? { field: x.field, period: x.period, labels: [], count: 0 };
    spec.count++;
    if (!spec.labels.includes(x.pattern)) spec.labels.push(x.pattern);
    specs.set(key, spec);
  }
  const fields = new Set(chosen.map((x) => x.field));
  const name = sheetName && sheetName.trim() !== '' ? sheetName.trim() : 'シート';
  return {
    id: 'proposed',
    name: { ja: `${name}（提案された様式）`, en: `${name} (proposed layout)` },
    columns: [...specs.values()].map((s) => ({
      field: s.field,
      labels: s.labels,
      ...(s.count > 1 || s.period ? { multiple: true } : {}),
      ...(s.period ? { period: s.period } : {}),
    })),
    required: (['item', 'department'] as Field[]).filter((f) => fields.has(f)),
    carryDown: (['section', 'subsection'] as Field[]).filter((f) => fields.has(f)),
    ...(fields.has('kpi.kind') ? { multiRowItems: true } : {}),
  };
}

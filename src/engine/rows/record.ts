import type { Field } from '../profiles/schema';
import { cellText, isBlank, isEmptyOrNone } from '../read/cell';
import { pairedRowKind } from '../read/pairedRows';
import { readFiscalYear } from '../read/years';
import { fiscalYearEnd, quarterEnd } from '../due';
import { displayText } from '../read/text';
import type { CellValue } from '../types';
import type { MappedColumn } from '../table/header';
import type { TableLayout } from '../table/layout';
import type { SheetView } from '../table/sheetView';
import { readDepartments } from './departments';

/** One cell of a unit, at the merge anchor so that issues name the cell a person edits. */
export interface FieldCell {
  r: number;
  c: number;
  value: CellValue;
  numberFormat: string | null;
  /** The header label of its column, as written. */
  label: string;
}

/** A quarter's or a year's entry: a report, a plan, a KPI actual. */
export interface PeriodEntry {
  cell: FieldCell;
  kind: 'quarter' | 'year';
  entry: 'plan' | 'result' | 'actual' | 'target' | 'value';
  quarter: number | null;
  fiscalYear: number;
  /** Last day of the period (YYYY-MM-DD): the entry is due after it. */
  end: string;
}

/** One indicator: single-row (baseline/target/actual columns) or paired target/actual rows. */
export interface KpiRecord {
  name: FieldCell | null;
  unit: FieldCell | null;
  baseline: FieldCell | null;
  target: FieldCell | null;
  /** Per-year targets (paired rows) and actuals, by fiscal year. */
  yearTargets: PeriodEntry[];
  yearActuals: PeriodEntry[];
  totalTarget: FieldCell | null;
  totalActual: FieldCell | null;
  /** Rows of the pair (grid), for addresses; null for single-row indicators. */
  targetRow: number | null;
  actualRow: number | null;
}

/**
 * One unit of the sheet: an item (取組), or an action under a 取組項目. Read by RecordReader and
 * valid only while the unit is checked: its cells, periods and single-row indicator are the
 * reader's, filled in again for the next unit. Whatever must outlast the unit (a position, a
 * value, a text) is copied out of it, never the cell or the record.
 */
export interface UnitRecord {
  rows: number[];
  first: number;
  id: string | null;
  idCell: FieldCell | null;
  section: string | null;
  subsection: string | null;
  item: string | null;
  action: string | null;
  /** Cells of the fields checked for presence, at this unit's first row. */
  cells: Partial<Record<Field, FieldCell>>;
  departments: string[];
  department: string | null;
  periods: PeriodEntry[];
  kpis: KpiRecord[];
  evaluation: FieldCell | null;
  /** A second self-evaluation column (実施状況 and 達成度), if the sheet has one. */
  evaluation2: FieldCell | null;
  rate: FieldCell | null;
  /** Money columns besides the 効果額 (予算額, 事業費（千円）), at the unit's first row. */
  amounts: FieldCell[];
}

const SINGLE_FIELDS: Field[] = [
  'id',
  'section',
  'subsection',
  'item',
  'action',
  'department',
  'evaluation',
  'evaluation2',
  'rate',
  'grade',
  'effect',
  'related',
  'note',
];

export function fieldCell(view: SheetView, r: number, col: MappedColumn): FieldCell {
  let ar = r;
  let ac = col.column;
  if (view.isMergeContinuation(r, col.column)) [ar, ac] = view.anchor(r, col.column);
  return { r: ar, c: ac, value: view.value(r, col.column), numberFormat: view.numberFormat(r, col.column), label: col.label };
}

/** The mapped columns by field, looked up once per sheet rather than once per row. */
class ColumnIndex {
  private readonly byField = new Map<Field, MappedColumn[]>();
  constructor(readonly all: MappedColumn[]) {
    for (const col of all) {
      const list = this.byField.get(col.field) ?? [];
      list.push(col);
      this.byField.set(col.field, list);
    }
  }
  first(field: Field): MappedColumn | undefined {
    return this.byField.get(field)?.[0];
  }
  every(field: Field): MappedColumn[] {
    return this.byField.get(field) ?? [];
  }
}

function textOf(cell: FieldCell | undefined | null): string | null {
  if (!cell || isBlank(cell.value)) return null;
  return displayText(cellText(cell.value));
}

/** Group the data rows into units: one row each, or continuation rows joined to the item above. */
export function groupUnits(view: SheetView, layout: TableLayout): number[][] {
  const { profile } = layout.match;
  const idCol = layout.match.columns.find((c) => c.field === 'id');
  const unitCol = layout.match.columns.find((c) => c.field === profile.unit) ?? layout.match.columns.find((c) => c.field === 'item');
  // paired 目標/実績 rows make one item of two rows whatever the profile says
  const multiRow = profile.multiRowItems || layout.match.columns.some((c) => c.field === 'kpi.kind');
  const units: number[][] = [];
  let current: number[] | null = null;
  for (let r = 0; r < view.rowCount; r++) {
    const kind = layout.kinds[r];
    if (kind !== 'data') {
      if (kind === 'header' || kind === 'section') current = null;
      continue;
    }
    // a line in brackets ([病床利用率] [85.7%], (単価) (20,000円)) details the indicator above: no item
    if (current && isBracketedLine(view, r)) {
      current.push(r);
      continue;
    }
    if (multiRow && current) {
      const startCol = idCol ?? unitCol;
      // a blank No. (or a No. merged from above) continues the item above
      const own = startCol ? !isBlank(view.raw(r, startCol.column)) : true;
      if (!own) {
        current.push(r);
        continue;
      }
    }
    current = [r];
    units.push(current);
  }
  return units;
}

/** A text wholly in one pair of brackets: (単価), [85.7%], （△864円）. */
const BRACKETED = /^[([（［][^()[\]（）［］]*[)\]）］]$/;

/** Every filled cell of row r is a text wholly in brackets (at least two: a label and a figure). */
function isBracketedLine(view: SheetView, r: number): boolean {
  const filled = view.filledColumns(r);
  if (filled.length < 2) return false;
  for (const c of filled) {
    if (view.continuesFromAbove(r, c)) continue;
    const v = view.raw(r, c);
    if (typeof v !== 'string' || !BRACKETED.test(v.trim())) return false;
  }
  return true;
}

const NO_DEPARTMENT = { lead: null, all: [] as string[] };

const ITEM_NUMBER = /^\s*(\d+)\s*[.．、)）]?\s+([\s\S]*)$/;

/** Sheet-wide facts the record builder needs. */
export interface RecordContext {
  view: SheetView;
  layout: TableLayout;
  fiscalYear: number;
  startMonth: number;
}

/** What a period column says about every row: its kind, quarter or year, last day, and label. */
type PeriodTemplate = Omit<PeriodEntry, 'cell'> & { label: string };

/**
 * Reads the units of a sheet into records, one at a time and in sheet order (the carried-down
 * hierarchy and the section above depend on the rows before). The check reads one, computes and
 * validates it, keeps what it reports, and moves on. The reader has one cell per mapped column and
 * fills it in for each unit (position, value, number format): a 20,000-row sheet makes no object
 * per field per row, and what a column says about every row (its field, its period, its label) is
 * worked out once, here.
 */
export class RecordReader {
  private readonly view: SheetView;
  private readonly profile: TableLayout['match']['profile'];
  private readonly sectionTexts: ReadonlyMap<number, string>;
  // a Map, not an object: levels are deleted as parents change, which would turn an object slow
  private readonly carried = new Map<Field, string>();
  private readonly carryDown: readonly Field[];
  /** Per carry-down level, this row's own text (reused from row to row). */
  private readonly ownTexts: (string | null)[];
  // the mapped single fields and their columns, walked by index (no iterator per item)
  private readonly singleFields: Field[];
  private readonly singleColumns: MappedColumn[];
  /** The record's cells, one per single field, filled in for each unit. */
  private readonly cells: Partial<Record<Field, FieldCell>> = {};
  private readonly singleCells: FieldCell[];
  /** The period entries, one per period column, filled in for each unit. */
  private readonly periodCells: PeriodCell[];
  /** The single-row indicator (baseline/target/actual columns), filled in for each unit; null with paired rows or no indicator. */
  private readonly singleKpi: { list: KpiRecord[]; kpi: KpiRecord; cells: FieldCell[]; columns: MappedColumn[] } | null;
  private readonly departmentCache = new Map<string, { lead: string | null; all: string[] }>();
  /** Period columns that name a period, with what they say about every row. */
  private readonly periods: PeriodColumns;
  private readonly kpi: KpiColumns;
  private readonly amountColumns: MappedColumn[];
  private readonly amountCells: FieldCell[];
  private sectionFromRows: string | null = null;
  private lastRow = -1;

  constructor(ctx: RecordContext) {
    const { view, layout } = ctx;
    this.view = view;
    this.profile = layout.match.profile;
    this.sectionTexts = layout.sectionTexts;
    this.carryDown = this.profile.carryDown;
    this.ownTexts = this.carryDown.map(() => null);
    const columns = new ColumnIndex(layout.match.columns);
    this.singleFields = SINGLE_FIELDS.filter((f) => columns.first(f) !== undefined);
    this.singleColumns = this.singleFields.map((f) => columns.first(f) as MappedColumn);
    this.singleCells = this.singleColumns.map(blankCell);
    this.singleFields.forEach((f, k) => (this.cells[f] = this.singleCells[k]));
    const periodsOf = (cols: MappedColumn[]): PeriodColumns => {
      const out: PeriodColumns = { columns: [], templates: [] };
      for (const col of cols) {
        const template = periodTemplate(ctx, col);
        if (!template) continue;
        out.columns.push(col);
        out.templates.push(template);
      }
      return out;
    };
    this.periods = periodsOf(columns.every('period'));
    this.kpi = {
      kind: columns.first('kpi.kind'),
      name: columns.first('kpi.name'),
      unit: columns.first('kpi.unit'),
      baseline: columns.first('kpi.baseline'),
      target: columns.first('kpi.target'),
      total: columns.first('kpi.total'),
      values: periodsOf(columns.every('kpi.value')),
      actuals: periodsOf(columns.every('kpi.actual')),
    };
    this.periodCells = periodCellsOf(this.periods);
    this.amountColumns = columns.every('amount');
    this.amountCells = this.amountColumns.map(blankCell);
    this.singleKpi = this.kpi.kind || (!this.kpi.name && !this.kpi.target && this.kpi.values.columns.length === 0) ? null : singleKpiOf(this.kpi);
  }

  /** The record of the next unit (its rows as groupUnits gave them). */
  read(rows: number[]): UnitRecord {
    const { view, profile, carried, carryDown, ownTexts } = this;
    const first = rows[0];
    for (let r = this.lastRow + 1; r < first; r++) {
      const text = this.sectionTexts.get(r);
      if (text !== undefined && text.length < 80) this.sectionFromRows = text;
    }
    this.lastRow = rows[rows.length - 1];
    const { cells, singleCells, singleColumns } = this;
    for (let k = 0; k < singleCells.length; k++) readCell(view, first, singleColumns[k].column, singleCells[k]);
    const { amountCells, amountColumns } = this;
    for (let k = 0; k < amountCells.length; k++) readCell(view, first, amountColumns[k].column, amountCells[k]);
    // hierarchy columns: a blank takes the value above; a parent whose value changes resets the
    // levels below it. A merged parent shows its value on every row it spans: that is no change,
    // so the 取組項目 carried down under it survives (design.md §3)
    for (let level = 0; level < carryDown.length; level++) ownTexts[level] = textOf(cells[carryDown[level]]);
    for (let level = 0; level < carryDown.length; level++) {
      const f = carryDown[level];
      const own = ownTexts[level];
      if (own === null) continue;
      if (own !== carried.get(f)) {
        for (let lower = level + 1; lower < carryDown.length; lower++) {
          if (ownTexts[lower] === null) carried.delete(carryDown[lower]);
        }
      }
      carried.set(f, own);
    }
    // carried values are read after the whole hierarchy is settled, as before
    let item = this.valueOf('item', cells);
    let id = textOf(cells.id);
    if (profile.idFromItemNumber && item) {
      const m = ITEM_NUMBER.exec(item);
      if (m) {
        id = id ?? m[1];
        item = m[2].trim() || item;
      }
    }
    const deptText = textOf(cells.department);
    // a sheet names the same few departments over and over: split each spelling once
    let departments = deptText ? this.departmentCache.get(deptText) : NO_DEPARTMENT;
    if (!departments && deptText) {
      departments = readDepartments(deptText);
      this.departmentCache.set(deptText, departments);
    }
    return {
      rows,
      first,
      id: id ? id.replace(/\.$/, '') : null,
      idCell: cells.id ?? (profile.idFromItemNumber ? (cells.item ?? null) : null),
      section: this.valueOf('section', cells) ?? this.sectionFromRows,
      subsection: this.valueOf('subsection', cells),
      item,
      action: this.valueOf('action', cells),
      cells,
      departments: [...(departments ?? NO_DEPARTMENT).all],
      department: (departments ?? NO_DEPARTMENT).lead,
      periods: this.readPeriods(first),
      kpis: this.readKpis(rows),
      evaluation: cells.evaluation ?? null,
      evaluation2: cells.evaluation2 ?? null,
      rate: cells.rate ?? null,
      amounts: amountCells,
    };
  }

  private readPeriods(r: number): PeriodEntry[] {
    const { periodCells, periods } = this;
    if (periodCells.length === 0) return NO_ENTRIES;
    for (let i = 0; i < periodCells.length; i++) readCell(this.view, r, periods.columns[i].column, periodCells[i]);
    return periodCells;
  }

  private valueOf(f: Field, cells: Partial<Record<Field, FieldCell>>): string | null {
    return this.carryDown.includes(f) ? (this.carried.get(f) ?? null) : textOf(cells[f]);
  }

  private readKpis(rows: number[]): KpiRecord[] {
    const { view, kpi: cols } = this;
    if (cols.kind) {
      // paired rows: each 目標 row starts an indicator, the 実績 row after it completes it
      const kpis: KpiRecord[] = [];
      for (const r of rows) {
        const kind = rowKind(textOf(fieldCell(view, r, cols.kind)));
        if (!kind) continue;
        let kpi = kpis[kpis.length - 1];
        if (kind === 'target' || !kpi || kpi.actualRow !== null) {
          kpi = {
            name: cellAt(view, r, cols.name),
            unit: cellAt(view, r, cols.unit),
            baseline: null,
            target: null,
            yearTargets: NO_ENTRIES,
            yearActuals: NO_ENTRIES,
            totalTarget: null,
            totalActual: null,
            targetRow: null,
            actualRow: null,
          };
          kpis.push(kpi);
        }
        const entries = entriesOf(view, r, cols.values);
        if (kind === 'target') {
          kpi.targetRow = r;
          kpi.yearTargets = entries;
          kpi.totalTarget = cellAt(view, r, cols.total);
        } else {
          kpi.actualRow = r;
          kpi.yearActuals = entries;
          kpi.totalActual = cellAt(view, r, cols.total);
          kpi.baseline = cellAt(view, r, cols.baseline);
        }
      }
      return kpis.filter(
        (k) =>
          !emptyCell(k.name) ||
          k.yearTargets.some((p) => !emptyCell(p.cell)) ||
          !emptyCell(k.totalTarget) ||
          k.yearActuals.some((p) => !emptyCell(p.cell)),
      );
    }

    const single = this.singleKpi;
    if (!single) return NO_KPIS;
    const first = rows[0];
    for (let i = 0; i < single.cells.length; i++) readCell(view, first, single.columns[i].column, single.cells[i]);
    const { kpi } = single;
    for (let i = 0; i < kpi.yearActuals.length; i++) readCell(view, first, cols.actuals.columns[i].column, kpi.yearActuals[i] as PeriodCell);
    for (let i = 0; i < kpi.yearTargets.length; i++) readCell(view, first, cols.values.columns[i].column, kpi.yearTargets[i] as PeriodCell);
    // an item with no indicator and no target has no KPI (design.md §6)
    if (emptyCell(kpi.name) && emptyCell(kpi.target) && kpi.yearTargets.every((t) => emptyCell(t.cell))) return NO_KPIS;
    if (typeof kpi.name?.value === 'string' && STACK_MARK.test(kpi.name.value)) return stackedKpis(kpi) ?? single.list;
    return single.list;
  }
}

/** A circled number ①–⑳ (㉑–㊿ too) that starts each of several indicators written in one cell. */
const STACK_MARK = /[\u2460-\u2473\u3251-\u325f\u32b1-\u32bf]/;
const STACK_SPLIT = /(?=[\u2460-\u2473\u3251-\u325f\u32b1-\u32bf])/;

/**
 * Indicators stacked in one row's cells (大分市): 「①設備投資額\n②新規雇用従業員数」 over targets
 * 「240,000千円\n2人」 and actuals 「2,580,662千円\n15人」, one per line. Split into one indicator each,
 * on the same cells, when the name starts with ① and every filled figure cell has one line per
 * indicator; otherwise null (read as one indicator, as before). A name may wrap over lines of its
 * own (「①武漢市での経済交流\n　支援企業数」): its lines are joined.
 */
function stackedKpis(kpi: KpiRecord): KpiRecord[] | null {
  const name = kpi.name as FieldCell;
  const text = String(name.value).trim();
  if (!STACK_MARK.test(text[0])) return null;
  const names = text.split(STACK_SPLIT).map((part) => part.replace(/\s*\n\s*/g, '').trim());
  const count = names.length;
  if (count < 2) return null;
  const linesOf = (cell: FieldCell | null): string[] | null | undefined => {
    if (!cell || isBlank(cell.value)) return null; // blank: blank for every indicator
    if (typeof cell.value !== 'string') return undefined;
    const lines = cell.value.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '');
    return lines.length === count ? lines : undefined;
  };
  const figures = [kpi.unit, kpi.baseline, kpi.target, kpi.totalActual, ...kpi.yearActuals.map((a) => a.cell)];
  const split = figures.map(linesOf);
  if (split.some((lines) => lines === undefined)) return null;
  const lineOf = (cell: FieldCell | null, lines: string[] | null | undefined, k: number): FieldCell | null =>
    cell && { r: cell.r, c: cell.c, value: lines ? lines[k] : cell.value, numberFormat: cell.numberFormat, label: cell.label };
  const out: KpiRecord[] = [];
  for (let k = 0; k < count; k++) {
    out.push({
      ...kpi,
      name: { r: name.r, c: name.c, value: names[k], numberFormat: name.numberFormat, label: name.label },
      unit: lineOf(kpi.unit, split[0], k),
      baseline: lineOf(kpi.baseline, split[1], k),
      target: lineOf(kpi.target, split[2], k),
      totalActual: lineOf(kpi.totalActual, split[3], k),
      yearActuals: kpi.yearActuals.map((a, i) => (a instanceof PeriodCell ? a.withValue(split[4 + i]?.[k] ?? a.value) : a)),
    });
  }
  return out;
}

/** Period columns (that name a period) and, index for index, their templates. */
interface PeriodColumns {
  columns: MappedColumn[];
  templates: PeriodTemplate[];
}

/** The indicator columns of a sheet, looked up once. */
interface KpiColumns {
  kind: MappedColumn | undefined;
  name: MappedColumn | undefined;
  unit: MappedColumn | undefined;
  baseline: MappedColumn | undefined;
  target: MappedColumn | undefined;
  total: MappedColumn | undefined;
  values: PeriodColumns;
  actuals: PeriodColumns;
}

/** A cell of the reader's, for a column: filled in for each unit by readCell. */
function blankCell(col: MappedColumn): FieldCell {
  return { r: 0, c: col.column, value: '', numberFormat: null, label: col.label };
}

/** Fill a cell in with column c of row r: its merge anchor, the value a person sees, its number format. */
function readCell(view: SheetView, r: number, c: number, cell: FieldCell): void {
  let ar = r;
  let ac = c;
  if (view.isMergeContinuation(r, c)) [ar, ac] = view.anchor(r, c);
  cell.r = ar;
  cell.c = ac;
  cell.value = view.value(r, c);
  cell.numberFormat = view.numberFormat(r, c);
}

function periodCellsOf(periods: PeriodColumns): PeriodCell[] {
  return periods.columns.map((col, i) => new PeriodCell(0, col.column, '', null, periods.templates[i]));
}

/** The reader's single-row indicator, its cells in the order [name, unit, baseline, target, total] that are mapped. */
function singleKpiOf(cols: KpiColumns): NonNullable<RecordReader['singleKpi']> {
  const cells: FieldCell[] = [];
  const columns: MappedColumn[] = [];
  const cellOf = (col: MappedColumn | undefined): FieldCell | null => {
    if (!col) return null;
    const cell = blankCell(col);
    cells.push(cell);
    columns.push(col);
    return cell;
  };
  const kpi: KpiRecord = {
    name: cellOf(cols.name),
    unit: cellOf(cols.unit),
    baseline: cellOf(cols.baseline),
    target: cellOf(cols.target),
    // 目標値 over 2016 | 2017 | 2018 beside 実績値 over the same years (甲府市): each year's target
    yearTargets: cols.values.columns.length > 0 ? periodCellsOf(cols.values) : NO_ENTRIES,
    yearActuals: cols.actuals.columns.length > 0 ? periodCellsOf(cols.actuals) : NO_ENTRIES,
    totalTarget: null,
    // a 累計 column beside the year's 実績: the figure reached since the plan began
    totalActual: cellOf(cols.total),
    targetRow: null,
    actualRow: null,
  };
  return { list: [kpi], kpi, cells, columns };
}

function cellAt(view: SheetView, r: number, col: MappedColumn | undefined): FieldCell | null {
  return col ? fieldCell(view, r, col) : null;
}

function emptyCell(cell: FieldCell | null): boolean {
  return !cell || isEmptyOrNone(cell.value);
}

function periodTemplate(ctx: RecordContext, col: MappedColumn): PeriodTemplate | null {
  if (!col.period) return null;
  if (col.period.kind === 'quarter') {
    const quarter = Number(col.periodToken);
    if (!(quarter >= 1 && quarter <= 4)) return null;
    // a quarter or half that names its year (令和7年度上期, R6下期, 令和6年度 over 第1四半期) is that year's
    const fy = readFiscalYear(col.label) ?? ctx.fiscalYear;
    const end = quarterEnd(fy, quarter, ctx.startMonth);
    return { kind: 'quarter', entry: col.period.entry, quarter, fiscalYear: fy, end, label: col.label };
  }
  const fy = (col.periodToken && readFiscalYear(col.periodToken)) || ctx.fiscalYear;
  return { kind: 'year', entry: col.period.entry, quarter: null, fiscalYear: fy, end: fiscalYearEnd(fy, ctx.startMonth), label: col.label };
}

/**
 * A period entry that is its own cell: one object, not an entry holding a cell. The reader keeps
 * one per period column and fills it in for each unit (paired 目標/実績 rows make their own); what
 * the column says about every row (kind, period, last day, label) is read from its template.
 */
class PeriodCell implements PeriodEntry, FieldCell {
  constructor(
    public r: number,
    public c: number,
    public value: CellValue,
    public numberFormat: string | null,
    private readonly template: PeriodTemplate,
  ) {}

  get label(): string {
    return this.template.label;
  }
  get kind(): PeriodEntry['kind'] {
    return this.template.kind;
  }
  get entry(): PeriodEntry['entry'] {
    return this.template.entry;
  }
  get quarter(): number | null {
    return this.template.quarter;
  }
  get fiscalYear(): number {
    return this.template.fiscalYear;
  }
  get end(): string {
    return this.template.end;
  }
  get cell(): FieldCell {
    return this;
  }

  /** The same entry holding another value (one line of a stacked cell). */
  withValue(value: CellValue): PeriodCell {
    return new PeriodCell(this.r, this.c, value, this.numberFormat, this.template);
  }
}

/** Shared by every record without entries of a kind (never written to: records are read only). */
const NO_ENTRIES: PeriodEntry[] = [];
const NO_KPIS: KpiRecord[] = [];

/** The period entries of the columns on row r; no array is made for a sheet without such columns. */
function entriesOf(view: SheetView, r: number, periods: PeriodColumns): PeriodEntry[] {
  const { columns, templates } = periods;
  if (columns.length === 0) return NO_ENTRIES;
  const out: PeriodEntry[] = [];
  for (let i = 0; i < columns.length; i++) {
    const c = columns[i].column;
    let ar = r;
    let ac = c;
    if (view.isMergeContinuation(r, c)) [ar, ac] = view.anchor(r, c);
    out.push(new PeriodCell(ar, ac, view.value(r, c), view.numberFormat(r, c), templates[i]));
  }
  return out;
}

/** 目標 / 実績 row labels of paired rows (a plan line in words is neither). */
function rowKind(text: string | null): 'target' | 'actual' | null {
  const kind = text ? pairedRowKind(text) : null;
  return kind === 'plan' ? null : kind;
}

/**
 * The Excel double's workbook, held as plain data: sheets of sparse cells with the properties the
 * host touches (value, number format, fill, bold, wrap, note), merged areas, column widths, frozen
 * rows and list validations. Tests build it from grids (or from an .xlsx, see fromXlsx.ts) and
 * compare it cell by cell.
 */
import { type Area, MAX_COLUMNS, areaToA1, intersects, letters, parseAddress } from './a1';

/** A cell's fill. `null` on a cell means "no fill", which Excel reports as color "#FFFFFF", pattern "None". */
export interface FillData {
  /** Upper-case #RRGGBB. */
  color: string;
  /** Excel.FillPattern other than "None" (e.g. "Solid", "Gray50"). */
  pattern: string;
  patternColor?: string;
}

/** What Office.js `range.values` holds for one cell: "" when empty. */
export type DoubleValue = string | number | boolean;

export interface CellData {
  value: DoubleValue;
  numberFormat: string;
  fill: FillData | null;
  bold: boolean;
  /** format.wrapText. */
  wrap: boolean;
  /** Note (ExcelApi 1.18 "notes", the legacy comments) text, or null. */
  note: string | null;
  noteAuthor?: string;
}

/**
 * A list data validation (a dropdown) on one rectangle of a sheet. Areas of one sheet never
 * overlap: a rule set on a range replaces whatever validation its cells had.
 */
export interface ValidationData {
  area: Area;
  /** Excel.ListDataValidation.source: "◎,○,△" (the items) or "=$A$1:$A$5" (a reference). */
  list: string;
  inCellDropDown: boolean;
}

export type SheetVisibilityValue = 'Visible' | 'Hidden' | 'VeryHidden';

export interface SheetData {
  id: string;
  name: string;
  visibility: SheetVisibilityValue;
  /** Sparse: key = row * MAX_COLUMNS + column (0-based). Absent = default cell. */
  cells: Map<number, CellData>;
  merges: Area[];
  /** Column widths in points where not the default. */
  columnWidths: Map<number, number>;
  selection: Area | null;
  /** Rows frozen at the top (freezePanes.freezeRows); 0 = none. */
  frozenRows: number;
  /** List validations, areas not overlapping. */
  validations: ValidationData[];
  /** ［シートの保護］: every cell is locked (the double does not model unlocked cells). */
  protected?: boolean;
  /** Excel tables (ListObjects) added through Worksheet.tables. */
  tables?: TableData[];
  /** Charts added through Worksheet.charts. */
  charts?: ChartData[];
}

/** An Excel table: its name (unique in the workbook), its cells (header row first) and its look. */
export interface TableData {
  id: string;
  name: string;
  area: Area;
  style: string;
  showFilterButton: boolean;
}

/** One series of a chart: its name, the cells of its values and (once set) of its categories. */
export interface ChartSeriesData {
  name: string;
  values: Area;
  categories: Area | null;
  /** setSolidColor's colour, upper-case #RRGGBB; null: the chart's automatic colour. */
  fill: string | null;
}

export interface ChartData {
  id: string;
  name: string;
  /** Excel.ChartType, e.g. "BarStacked", "ColumnClustered". */
  type: string;
  source: Area;
  series: ChartSeriesData[];
  title: string;
  categoryAxisReversed: boolean;
  showValueLabels: boolean;
  /** The top-left cell given to setPosition; null until set. */
  position: Area | null;
  /** Points. */
  width: number;
  height: number;
}

export interface WorkbookData {
  sheets: SheetData[];
  activeSheetId: string;
  nextSheetId: number;
  /** ［ブックの保護］ (structure): sheets cannot be added, deleted, renamed, hidden or shown. */
  protected?: boolean;
  /** Workbook-level names referring to one cell; they follow their sheet when it is renamed. */
  names?: NameData[];
  /**
   * Writes made while API calculation was suspended, not yet followed by a recalculation: cells
   * that depend on them show stale results (Excel leaves recalculating to the add-in).
   */
  staleCalculation?: boolean;
  /** Custom XML parts (ExcelApi 1.5): kept in the file, so they survive closing and reopening. */
  customXmlParts?: CustomXmlPartData[];
}

export interface CustomXmlPartData {
  id: string;
  namespaceUri: string;
  xml: string;
}

export interface NameData {
  name: string;
  /** The sheet referred to; null once it was deleted (#REF!). */
  sheetId: string | null;
  row: number;
  column: number;
  visible: boolean;
}

/** What Excel answers when a protected sheet's locked cells are written. */
export class ProtectedError extends Error {
  readonly code = 'AccessDenied';
}

/** Throws as Excel does when a locked cell of a protected sheet is changed. */
export function assertUnprotected(sheet: SheetData): void {
  if (sheet.protected) throw new ProtectedError(`The cell or chart you're trying to change is on a protected sheet. (${sheet.name})`);
}

export const DEFAULT_NUMBER_FORMAT = 'General';
export const DEFAULT_COLUMN_WIDTH = 48;

export function cellKey(row: number, column: number): number {
  return row * MAX_COLUMNS + column;
}

export function keyToCell(key: number): { row: number; column: number } {
  return { row: Math.floor(key / MAX_COLUMNS), column: key % MAX_COLUMNS };
}

export function emptyCell(): CellData {
  return { value: '', numberFormat: DEFAULT_NUMBER_FORMAT, fill: null, bold: false, wrap: false, note: null };
}

export function isDefaultCell(cell: CellData): boolean {
  return (
    cell.value === '' &&
    cell.numberFormat === DEFAULT_NUMBER_FORMAT &&
    cell.fill === null &&
    !cell.bold &&
    !cell.wrap &&
    cell.note === null
  );
}

export function readCell(sheet: SheetData, row: number, column: number): CellData {
  return sheet.cells.get(cellKey(row, column)) ?? emptyCell();
}

/** Applies `change` to a copy of the cell and stores it (dropping it when back to default). */
export function updateCell(sheet: SheetData, row: number, column: number, change: (cell: CellData) => void): void {
  assertUnprotected(sheet);
  const key = cellKey(row, column);
  const existing = sheet.cells.get(key);
  const cell: CellData = existing ? { ...existing } : emptyCell();
  change(cell);
  if (isDefaultCell(cell)) sheet.cells.delete(key);
  else sheet.cells.set(key, cell);
}

export function createWorkbook(): WorkbookData {
  return { sheets: [], activeSheetId: '', nextSheetId: 1 };
}

export function newSheet(wb: WorkbookData, name: string): SheetData {
  const sheet: SheetData = {
    id: `{00000000-0001-0000-0000-${String(wb.nextSheetId++).padStart(12, '0')}}`,
    name,
    visibility: 'Visible',
    cells: new Map(),
    merges: [],
    columnWidths: new Map(),
    selection: { top: 0, left: 0, bottom: 0, right: 0 },
    frozenRows: 0,
    validations: [],
  };
  wb.sheets.push(sheet);
  if (!wb.activeSheetId) wb.activeSheetId = sheet.id;
  return sheet;
}

/** How a test describes a sheet to build. */
export interface SheetSpec {
  name: string;
  /** Row-major values; null/undefined/"" = empty. */
  values?: (DoubleValue | null | undefined)[][];
  /** Where values[0][0] goes, 0-based. Default A1. */
  origin?: { row: number; column: number };
  numberFormats?: (string | null | undefined)[][];
  /** Fills by A1 address (ranges allowed): "#RRGGBB" for solid, or a full FillData. */
  fills?: Record<string, string | FillData>;
  bold?: string[];
  /** Cells with format.wrapText, by A1 address (ranges allowed). */
  wrap?: string[];
  notes?: Record<string, string>;
  merges?: string[];
  columnWidths?: Record<string, number>;
  visibility?: SheetVisibilityValue;
  frozenRows?: number;
  /** Dropdown lists by A1 address: the list's source ("◎,○,△"), with the in-cell dropdown shown. */
  lists?: Record<string, string>;
  /** Protect the sheet once built. */
  protected?: boolean;
}

function eachCell(address: string, fn: (row: number, column: number) => void): void {
  const { area } = parseAddress(address);
  for (let r = area.top; r <= area.bottom; r++) for (let c = area.left; c <= area.right; c++) fn(r, c);
}

export function addSheet(wb: WorkbookData, spec: SheetSpec): SheetData {
  const sheet = newSheet(wb, spec.name);
  const r0 = spec.origin?.row ?? 0;
  const c0 = spec.origin?.column ?? 0;
  (spec.values ?? []).forEach((row, i) =>
    row.forEach((v, j) => {
      if (v === null || v === undefined || v === '') return;
      updateCell(sheet, r0 + i, c0 + j, (cell) => {
        cell.value = v;
      });
    }),
  );
  (spec.numberFormats ?? []).forEach((row, i) =>
    row.forEach((f, j) => {
      if (!f) return;
      updateCell(sheet, r0 + i, c0 + j, (cell) => {
        cell.numberFormat = f;
      });
    }),
  );
  for (const [address, fill] of Object.entries(spec.fills ?? {})) {
    const data: FillData = typeof fill === 'string' ? { color: fill.toUpperCase(), pattern: 'Solid' } : fill;
    eachCell(address, (r, c) =>
      updateCell(sheet, r, c, (cell) => {
        cell.fill = { ...data };
      }),
    );
  }
  for (const address of spec.bold ?? []) {
    eachCell(address, (r, c) =>
      updateCell(sheet, r, c, (cell) => {
        cell.bold = true;
      }),
    );
  }
  for (const address of spec.wrap ?? []) {
    eachCell(address, (r, c) =>
      updateCell(sheet, r, c, (cell) => {
        cell.wrap = true;
      }),
    );
  }
  for (const [address, text] of Object.entries(spec.notes ?? {})) {
    eachCell(address, (r, c) =>
      updateCell(sheet, r, c, (cell) => {
        cell.note = text;
        cell.noteAuthor = 'someone';
      }),
    );
  }
  for (const address of spec.merges ?? []) sheet.merges.push(parseAddress(address).area);
  for (const [column, width] of Object.entries(spec.columnWidths ?? {})) {
    const { area } = parseAddress(`${column}:${column}`);
    sheet.columnWidths.set(area.left, width);
  }
  if (spec.visibility) sheet.visibility = spec.visibility;
  if (spec.frozenRows) sheet.frozenRows = spec.frozenRows;
  for (const [address, list] of Object.entries(spec.lists ?? {})) {
    setValidation(sheet, parseAddress(address).area, { list, inCellDropDown: true });
  }
  if (spec.protected) sheet.protected = true;
  return sheet;
}

export function buildWorkbook(specs: SheetSpec[], active?: string): WorkbookData {
  const wb = createWorkbook();
  for (const spec of specs) addSheet(wb, spec);
  if (active) {
    const sheet = wb.sheets.find((s) => s.name === active);
    if (!sheet) throw new Error(`no sheet ${active}`);
    wb.activeSheetId = sheet.id;
  }
  return wb;
}

export function cloneWorkbook(wb: WorkbookData): WorkbookData {
  return {
    activeSheetId: wb.activeSheetId,
    nextSheetId: wb.nextSheetId,
    ...(wb.protected ? { protected: true } : {}),
    ...(wb.names ? { names: wb.names.map((n) => ({ ...n })) } : {}),
    ...(wb.customXmlParts ? { customXmlParts: wb.customXmlParts.map((p) => ({ ...p })) } : {}),
    sheets: wb.sheets.map((s) => ({
      ...(s.protected ? { protected: true } : {}),
      id: s.id,
      name: s.name,
      visibility: s.visibility,
      cells: new Map([...s.cells].map(([k, c]) => [k, { ...c, fill: c.fill ? { ...c.fill } : null }])),
      merges: s.merges.map((m) => ({ ...m })),
      columnWidths: new Map(s.columnWidths),
      selection: s.selection ? { ...s.selection } : null,
      frozenRows: s.frozenRows,
      validations: s.validations.map(cloneValidation),
      ...(s.tables ? { tables: s.tables.map((t) => ({ ...t, area: { ...t.area } })) } : {}),
      ...(s.charts ? { charts: s.charts.map(cloneChart) } : {}),
    })),
  };
}

export function cloneChart(c: ChartData): ChartData {
  return {
    ...c,
    source: { ...c.source },
    position: c.position ? { ...c.position } : null,
    series: c.series.map((s) => ({ ...s, values: { ...s.values }, categories: s.categories ? { ...s.categories } : null })),
  };
}

export function cloneValidation(v: ValidationData): ValidationData {
  return { area: { ...v.area }, list: v.list, inCellDropDown: v.inCellDropDown };
}

/** The parts of `area` outside `cut`: up to four rectangles (above, below, left, right). */
function subtract(area: Area, cut: Area): Area[] {
  if (!intersects(area, cut)) return [area];
  const out: Area[] = [];
  if (area.top < cut.top) out.push({ ...area, bottom: cut.top - 1 });
  if (area.bottom > cut.bottom) out.push({ ...area, top: cut.bottom + 1 });
  const top = Math.max(area.top, cut.top);
  const bottom = Math.min(area.bottom, cut.bottom);
  if (area.left < cut.left) out.push({ top, bottom, left: area.left, right: cut.left - 1 });
  if (area.right > cut.right) out.push({ top, bottom, left: cut.right + 1, right: area.right });
  return out;
}

/** Takes every validation off the cells of `area` (Range.dataValidation.clear()). */
export function clearValidation(sheet: SheetData, area: Area): void {
  sheet.validations = sheet.validations.flatMap((v) => subtract(v.area, area).map((a) => ({ ...v, area: a })));
}

/** Puts a list validation on `area`, replacing what its cells had (Range.dataValidation.rule = …). */
export function setValidation(sheet: SheetData, area: Area, rule: Omit<ValidationData, 'area'>): void {
  clearValidation(sheet, area);
  sheet.validations.push({ area: { ...area }, list: rule.list, inCellDropDown: rule.inCellDropDown });
}

/** The validations on the cells of `area`, each cut to the area. */
export function validationsIn(sheet: SheetData, area: Area): ValidationData[] {
  return sheet.validations
    .filter((v) => intersects(v.area, area))
    .map((v) => ({
      ...v,
      area: {
        top: Math.max(v.area.top, area.top),
        left: Math.max(v.area.left, area.left),
        bottom: Math.min(v.area.bottom, area.bottom),
        right: Math.min(v.area.right, area.right),
      },
    }));
}

export function sheetByName(wb: WorkbookData, name: string): SheetData {
  const sheet = wb.sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`no sheet named ${name}`);
  return sheet;
}

/** The bounding area of non-default cells (valuesOnly: of non-empty values), or null when none. */
export function usedArea(sheet: SheetData, valuesOnly: boolean): Area | null {
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  for (const [key, cell] of sheet.cells) {
    if (valuesOnly && cell.value === '') continue;
    const { row, column } = keyToCell(key);
    if (row < top) top = row;
    if (row > bottom) bottom = row;
    if (column < left) left = column;
    if (column > right) right = column;
  }
  if (!valuesOnly) {
    for (const m of sheet.merges) {
      top = Math.min(top, m.top);
      left = Math.min(left, m.left);
      bottom = Math.max(bottom, m.bottom);
      right = Math.max(right, m.right);
    }
  }
  if (bottom < 0) return null;
  return { top, left, bottom, right };
}

export function mergesIn(sheet: SheetData, area: Area): Area[] {
  return sheet.merges.filter((m) => intersects(m, area));
}

function fillText(fill: FillData | null): string {
  if (!fill) return 'none';
  return `${fill.pattern}:${fill.color}${fill.patternColor ? `/${fill.patternColor}` : ''}`;
}

function valueText(v: DoubleValue): string {
  return typeof v === 'string' ? JSON.stringify(v) : `${typeof v}:${String(v)}`;
}

/**
 * Every difference between two workbooks' sheets, as readable lines ("Sheet1!B3 fill: none →
 * Solid:#FFC7CE"): sheet list and visibility, every cell's value, number format, fill, bold, wrap
 * and note, merges, column widths, frozen rows and validations (by the cells they cover, however
 * the areas are cut). Empty when the workbooks are the same.
 */
export function diffWorkbooks(before: WorkbookData, after: WorkbookData): string[] {
  const out: string[] = [];
  const names = (wb: WorkbookData) => wb.sheets.map((s) => `${s.name}(${s.visibility})`).join(', ');
  if (names(before) !== names(after)) out.push(`sheets: ${names(before)} → ${names(after)}`);
  for (const a of before.sheets) {
    const b = after.sheets.find((s) => s.name === a.name);
    if (!b) continue;
    out.push(...diffSheets(a, b));
  }
  return out;
}

export function diffSheets(a: SheetData, b: SheetData): string[] {
  const out: string[] = [];
  const keys = new Set([...a.cells.keys(), ...b.cells.keys()]);
  const sorted = [...keys].sort((x, y) => x - y);
  for (const key of sorted) {
    const ca = a.cells.get(key) ?? emptyCell();
    const cb = b.cells.get(key) ?? emptyCell();
    const { row, column } = keyToCell(key);
    const at = `${a.name}!${letters(column)}${row + 1}`;
    if (ca.value !== cb.value) out.push(`${at} value: ${valueText(ca.value)} → ${valueText(cb.value)}`);
    if (ca.numberFormat !== cb.numberFormat) out.push(`${at} numberFormat: ${ca.numberFormat} → ${cb.numberFormat}`);
    if (fillText(ca.fill) !== fillText(cb.fill)) out.push(`${at} fill: ${fillText(ca.fill)} → ${fillText(cb.fill)}`);
    if (ca.bold !== cb.bold) out.push(`${at} bold: ${ca.bold} → ${cb.bold}`);
    if (ca.wrap !== cb.wrap) out.push(`${at} wrap: ${ca.wrap} → ${cb.wrap}`);
    if (ca.note !== cb.note) out.push(`${at} note: ${JSON.stringify(ca.note)} → ${JSON.stringify(cb.note)}`);
  }
  const merges = (s: SheetData) =>
    s.merges
      .map(areaToA1)
      .sort()
      .join(',');
  if (merges(a) !== merges(b)) out.push(`${a.name} merges: ${merges(a)} → ${merges(b)}`);
  const widths = new Set([...a.columnWidths.keys(), ...b.columnWidths.keys()]);
  for (const c of widths) {
    const wa = a.columnWidths.get(c) ?? DEFAULT_COLUMN_WIDTH;
    const wb = b.columnWidths.get(c) ?? DEFAULT_COLUMN_WIDTH;
    if (wa !== wb) out.push(`${a.name}!${letters(c)}:${letters(c)} width: ${wa} → ${wb}`);
  }
  if (a.frozenRows !== b.frozenRows) out.push(`${a.name} frozenRows: ${a.frozenRows} → ${b.frozenRows}`);
  out.push(...diffValidations(a, b));
  return out;
}

function ruleText(v: ValidationData): string {
  return `list ${JSON.stringify(v.list)}${v.inCellDropDown ? '' : ' (no dropdown)'}`;
}

function sameRule(x: ValidationData, y: ValidationData): boolean {
  return x.list === y.list && x.inCellDropDown === y.inCellDropDown;
}

/** Cells whose validation differs, as rectangles: what `a` had there → what `b` has. */
function diffValidations(a: SheetData, b: SheetData): string[] {
  const out: string[] = [];
  for (const va of a.validations) {
    let parts = [va.area];
    for (const vb of b.validations) if (sameRule(va, vb)) parts = parts.flatMap((p) => subtract(p, vb.area));
    for (const part of parts) {
      const there = validationsIn(b, part).map(ruleText);
      out.push(`${a.name}!${areaToA1(part)} validation: ${ruleText(va)} → ${there.length ? [...new Set(there)].join(' / ') : 'none'}`);
    }
  }
  for (const vb of b.validations) {
    let parts = [vb.area];
    for (const va of a.validations) parts = parts.flatMap((p) => subtract(p, va.area));
    for (const part of parts) out.push(`${a.name}!${areaToA1(part)} validation: none → ${ruleText(vb)}`);
  }
  return out;
}

/** Convenience for assertions: the cell at an A1 address of a sheet. */
export function cellAt(wb: WorkbookData, sheetName: string, address: string): CellData {
  const sheet = sheetByName(wb, sheetName);
  const { area } = parseAddress(address);
  return readCell(sheet, area.top, area.left);
}

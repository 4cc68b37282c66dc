/**
 * Loads an .xlsx file into the Excel double's state, with values as Office.js would return them:
 * strings, numbers, booleans; "" for empty cells and for the covered cells of a merged area; error
 * values as "#DIV/0!" text; rich text joined into one string; formulas as their cached results;
 * dates as 1900-system serial numbers. Number formats, solid and patterned fills, bold, wrapped
 * text, notes, merged areas, column widths, frozen rows, list validations (dropdowns), sheet
 * visibility and the active sheet come along.
 *
 * Written apart from src/hosts/xlsx (the CLI's reader), so that a test comparing the two hosts
 * compares two readings of the file, not one reading twice.
 */
import * as fs from 'fs';
import ExcelJS from 'exceljs';
import { type Area, parseAddress } from './a1';
import {
  type DoubleValue,
  type FillData,
  type SheetData,
  type ValidationData,
  type WorkbookData,
  createWorkbook,
  newSheet,
  setValidation,
  updateCell,
} from './state';

const MS_PER_DAY = 86_400_000;
const EPOCH_1900 = Date.UTC(1899, 11, 30);

function serial(date: Date, date1904: boolean): number {
  const days = (date.getTime() - EPOCH_1900) / MS_PER_DAY - (date1904 ? 1462 : 0);
  return Math.round(days * 86_400) / 86_400;
}

function officeValue(value: ExcelJS.CellValue, date1904: boolean): DoubleValue {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : '#NUM!';
  if (value instanceof Date) return serial(value, date1904);
  if (typeof value === 'object') {
    if ('error' in value && typeof value.error === 'string') return value.error;
    if ('richText' in value && Array.isArray(value.richText)) return value.richText.map((r) => r.text).join('');
    if ('formula' in value || 'sharedFormula' in value) {
      const result = (value as { result?: unknown }).result;
      if (result === undefined || result === null) return '';
      if (typeof result === 'object' && !(result instanceof Date) && 'error' in (result as object)) {
        return String((result as { error: unknown }).error);
      }
      return officeValue(result as ExcelJS.CellValue, date1904);
    }
    if ('hyperlink' in value && 'text' in value) {
      const text = (value as { text: unknown }).text;
      return typeof text === 'string' ? text : officeValue(text as ExcelJS.CellValue, date1904);
    }
  }
  return '';
}

/** Office's default theme colours, for fills given as theme indexes (tints ignored). */
const THEME_COLORS = ['#FFFFFF', '#000000', '#E7E6E6', '#44546A', '#4472C4', '#ED7D31', '#A5A5A5', '#FFC000', '#5B9BD5', '#70AD47'];
/** The legacy indexed palette, first entries (enough for what templates use). */
const INDEXED_COLORS = [
  '#000000', '#FFFFFF', '#FF0000', '#00FF00', '#0000FF', '#FFFF00', '#FF00FF', '#00FFFF',
  '#000000', '#FFFFFF', '#FF0000', '#00FF00', '#0000FF', '#FFFF00', '#FF00FF', '#00FFFF',
  '#800000', '#008000', '#000080', '#808000', '#800080', '#008080', '#C0C0C0', '#808080',
  '#9999FF', '#993366', '#FFFFCC', '#CCFFFF', '#660066', '#FF8080', '#0066CC', '#CCCCFF',
  '#000080', '#FF00FF', '#FFFF00', '#00FFFF', '#800080', '#800000', '#008080', '#0000FF',
  '#00CCFF', '#CCFFFF', '#CCFFCC', '#FFFF99', '#99CCFF', '#FF99CC', '#CC99FF', '#FFCC99',
  '#3366FF', '#33CCCC', '#99CC00', '#FFCC00', '#FF9900', '#FF6600', '#666699', '#969696',
  '#003366', '#339966', '#003300', '#333300', '#993300', '#993366', '#333399', '#333333',
];

function colorOf(color: Partial<ExcelJS.Color> | undefined): string | undefined {
  if (!color) return undefined;
  if (typeof color.argb === 'string' && /^[0-9A-Fa-f]{8}$/.test(color.argb)) return `#${color.argb.slice(2).toUpperCase()}`;
  if (typeof color.theme === 'number') return THEME_COLORS[color.theme];
  const indexed = (color as { indexed?: unknown }).indexed;
  if (typeof indexed === 'number') return INDEXED_COLORS[indexed];
  return undefined;
}

const PATTERNS: Record<string, string> = {
  solid: 'Solid',
  darkGray: 'Gray75',
  mediumGray: 'Gray50',
  lightGray: 'Gray25',
  gray125: 'Gray16',
  gray0625: 'Gray8',
  darkHorizontal: 'Horizontal',
  darkVertical: 'Vertical',
  darkDown: 'Down',
  darkUp: 'Up',
  darkGrid: 'Checker',
  darkTrellis: 'SemiGray75',
  lightHorizontal: 'LightHorizontal',
  lightVertical: 'LightVertical',
  lightDown: 'LightDown',
  lightUp: 'LightUp',
  lightGrid: 'Grid',
  lightTrellis: 'CrissCross',
};

function fillOf(fill: ExcelJS.Fill | undefined): FillData | null {
  if (!fill) return null;
  if (fill.type === 'pattern') {
    if (!fill.pattern || fill.pattern === 'none') return null;
    const pattern = PATTERNS[fill.pattern] ?? 'Solid';
    if (pattern === 'Solid') return { color: colorOf(fill.fgColor) ?? '#000000', pattern };
    // Patterned: the background is the fill colour, the foreground the pattern's.
    return { color: colorOf(fill.bgColor) ?? '#FFFFFF', pattern, patternColor: colorOf(fill.fgColor) ?? '#000000' };
  }
  if (fill.type === 'gradient') {
    const first = fill.stops?.[0]?.color;
    return { color: colorOf(first) ?? '#FFFFFF', pattern: 'Solid' };
  }
  return null;
}

function noteText(note: ExcelJS.Comment | string | undefined): string | null {
  if (note === undefined || note === null) return null;
  if (typeof note === 'string') return note;
  const texts = (note as { texts?: { text: string }[] }).texts;
  return Array.isArray(texts) ? texts.map((t) => t.text).join('') : null;
}

const VISIBILITY: Record<string, SheetData['visibility']> = { visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' };

/** Column width in characters (as .xlsx stores it) → points, as Excel reports columnWidth. */
function widthInPoints(characters: number): number {
  const pixels = Math.trunc(((256 * characters + Math.trunc(128 / 7)) / 256) * 7);
  return Math.round(pixels * 0.75 * 100) / 100;
}

/** Rows frozen at the top of the sheet's first view (frozen columns are not modelled). */
function frozenRowsOf(ws: ExcelJS.Worksheet): number {
  const view = ws.views?.[0] as { state?: string; ySplit?: unknown } | undefined;
  return view?.state === 'frozen' && typeof view.ySplit === 'number' && view.ySplit > 0 ? view.ySplit : 0;
}

/** A list validation's formula as Office.js gives `list.source`: the items, or "=" and the reference. */
function listSource(formula: unknown): string | null {
  if (typeof formula !== 'string' || formula === '') return null;
  const quoted = /^"([\s\S]*)"$/.exec(formula);
  if (quoted) return quoted[1].replace(/""/g, '"');
  return formula.startsWith('=') ? formula : `=${formula}`;
}

/**
 * List validations, which ExcelJS holds cell by cell (ranges spread out): put back together as
 * column runs. ExcelJS does not read showDropDown, so every list keeps its in-cell dropdown.
 * Other kinds of validation are left out (the double models lists only).
 */
function listValidationsOf(ws: ExcelJS.Worksheet): ValidationData[] {
  const model = (ws as unknown as { dataValidations?: { model?: Record<string, ExcelJS.DataValidation> } }).dataValidations?.model ?? {};
  const cells = new Map<string, Area[]>();
  for (const [address, dv] of Object.entries(model)) {
    if (dv?.type !== 'list') continue;
    const source = listSource(dv.formulae?.[0]);
    if (source === null) continue;
    const list = cells.get(source) ?? [];
    list.push(parseAddress(address).area);
    cells.set(source, list);
  }
  const out: ValidationData[] = [];
  for (const [source, areas] of cells) {
    areas.sort((a, b) => a.left - b.left || a.top - b.top);
    for (const area of areas) {
      const last = out[out.length - 1];
      const continues =
        last && last.list === source && last.area.left === area.left && last.area.right === area.right && last.area.bottom + 1 === area.top;
      if (continues) {
        last.area.bottom = area.bottom;
      } else out.push({ area: { ...area }, list: source, inCellDropDown: true });
    }
  }
  return out;
}

export function workbookFromExcelJs(source: ExcelJS.Workbook): WorkbookData {
  const wb = createWorkbook();
  const date1904 = source.properties?.date1904 === true;
  for (const ws of source.worksheets) {
    const sheet = newSheet(wb, ws.name);
    sheet.visibility = VISIBILITY[ws.state] ?? 'Visible';
    ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
      row.eachCell({ includeEmpty: true }, (cell, colNumber) => {
        const covered = cell.isMerged && cell.master !== cell && cell.master.address !== cell.address;
        const value = covered ? '' : officeValue(cell.value, date1904);
        const numberFormat = cell.numFmt || 'General';
        const fill = fillOf(cell.fill);
        const bold = cell.font?.bold === true;
        const wrap = cell.alignment?.wrapText === true;
        const note = noteText(cell.note);
        updateCell(sheet, rowNumber - 1, colNumber - 1, (c) => {
          c.value = value;
          c.numberFormat = numberFormat;
          c.fill = fill;
          c.bold = bold;
          c.wrap = wrap;
          c.note = note;
          if (note !== null) c.noteAuthor = 'file';
        });
      });
    });
    const merges = (ws.model as { merges?: string[] }).merges ?? [];
    for (const address of merges) sheet.merges.push(parseAddress(address).area);
    (ws.columns ?? []).forEach((column, i) => {
      if (typeof column.width === 'number' && column.width > 0) sheet.columnWidths.set(i, widthInPoints(column.width));
    });
    sheet.frozenRows = frozenRowsOf(ws);
    for (const v of listValidationsOf(ws)) setValidation(sheet, v.area, v);
  }
  const activeTab = source.views?.[0]?.activeTab;
  const active =
    (typeof activeTab === 'number' ? wb.sheets[activeTab] : undefined) ?? wb.sheets.find((s) => s.visibility === 'Visible');
  if (active) wb.activeSheetId = active.id;
  return wb;
}

/** Loads a file (path or bytes) into the double's state. */
export async function workbookFromXlsx(source: string | Uint8Array): Promise<WorkbookData> {
  const bytes = typeof source === 'string' ? fs.readFileSync(source) : source;
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  return workbookFromExcelJs(book);
}

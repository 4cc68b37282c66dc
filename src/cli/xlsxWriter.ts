/**
 * A small writer of new .xlsx workbooks, for the summary and the returns workbooks: cells with
 * values, fonts, fills, borders, alignment and number formats; column widths and row heights;
 * real tables; hyperlinks; a frozen header; print setup; chart parts. Loading and running ExcelJS
 * cost more than checking 60 department workbooks, and these workbooks need none of the rest.
 *
 * The output is deterministic: the same workbook gives the same bytes (fixed dates, fixed order).
 */
import { columnLetter as columnName } from '../engine/table/sheetView';
import type { CellValue } from '../engine';
import { makeEntry, writeZip, type ZipEntry } from '../hosts/xlsx/patch/zip';

export interface Font {
  bold?: boolean;
  underline?: boolean;
  size?: number;
  /** ARGB, "FF1F3864". */
  color?: string;
}

export interface Alignment {
  horizontal?: 'left' | 'center' | 'right';
  vertical?: 'top' | 'middle';
  wrapText?: boolean;
}

/** One cell: what writeSheet sets, ExcelJS-like (setting font or alignment replaces it whole). */
export interface Cell {
  value: CellValue;
  /** A link's target; the value is then the link's text. */
  hyperlink?: string;
  numFmt?: string;
  font?: Font;
  /** Solid fill, ARGB. */
  fill?: string;
  alignment?: Alignment;
  /** The totals look: a thin line above, a double line below. */
  totalBorder?: boolean;
}

export interface TableSpec {
  name: string;
  /** 1-based top row and left column of the header. */
  top: number;
  left: number;
  headers: string[];
  /** Body rows (at least one). */
  bodyRows: number;
  filters: boolean;
}

export interface Chart {
  /** The chart part's XML. */
  xml: string;
  /** The drawing's anchor for it. */
  anchorXml: (relId: string, index: number) => string;
}

export class Sheet {
  private readonly rows = new Map<number, Map<number, Cell>>();
  private readonly heights = new Map<number, number>();
  readonly widths = new Map<number, number>();
  readonly tables: TableSpec[] = [];
  charts: Chart[] = [];

  constructor(
    readonly name: string,
    readonly freezeRows: number,
  ) {}

  /** 1-based, created on first use. */
  cell(row: number, column: number): Cell {
    let cells = this.rows.get(row);
    if (!cells) {
      cells = new Map();
      this.rows.set(row, cells);
    }
    let cell = cells.get(column);
    if (!cell) {
      cell = { value: null };
      cells.set(column, cell);
    }
    return cell;
  }

  setHeight(row: number, points: number): void {
    this.heights.set(row, points);
  }

  /** The worksheet part; strings go to the shared table, formats to the styles. */
  toXml(strings: SharedStrings, styles: Styles, rels: Relationships, parts: { tables: string[]; drawing: string | null }): string {
    const rowNumbers = [...new Set([...this.rows.keys(), ...this.heights.keys()])].sort((a, b) => a - b);
    let top = Infinity;
    let left = Infinity;
    let bottom = 0;
    let right = 0;
    const data: string[] = [];
    const links: string[] = [];
    for (const r of rowNumbers) {
      const cells = this.rows.get(r);
      const columns = cells ? [...cells.keys()].sort((a, b) => a - b) : [];
      const height = this.heights.get(r);
      let xml = `<row r="${r}"${height !== undefined ? ` ht="${height}" customHeight="1"` : ''}>`;
      for (const c of columns) {
        const cell = (cells as Map<number, Cell>).get(c) as Cell;
        const ref = `${columnName(c)}${r}`;
        top = Math.min(top, r);
        bottom = Math.max(bottom, r);
        left = Math.min(left, c);
        right = Math.max(right, c);
        const s = styles.index(cell);
        const style = s ? ` s="${s}"` : '';
        const v = cell.value;
        if (typeof v === 'string') xml += `<c r="${ref}"${style} t="s"><v>${strings.index(v)}</v></c>`;
        else if (typeof v === 'number' && Number.isFinite(v)) xml += `<c r="${ref}"${style}><v>${v}</v></c>`;
        else if (typeof v === 'boolean') xml += `<c r="${ref}"${style} t="b"><v>${v ? 1 : 0}</v></c>`;
        else xml += `<c r="${ref}"${style}/>`;
        if (cell.hyperlink !== undefined) {
          const id = rels.add(REL.hyperlink, cell.hyperlink, true);
          // as ExcelJS wrote it (readers take the relationship's target): a cell reference also as location
          const location = /^[^!]+![a-zA-Z]+[\d]+$/.test(cell.hyperlink) ? ` location="${escapeAttr(cell.hyperlink)}"` : '';
          links.push(`<hyperlink ref="${ref}" r:id="${id}"${location}/>`);
        }
      }
      data.push(`${xml}</row>`);
    }
    const dimension = bottom > 0 ? `${columnName(left)}${top}:${columnName(right)}${bottom}` : 'A1';
    const widths = [...this.widths].sort((a, b) => a[0] - b[0]);
    const cols = widths.length ? `<cols>${widths.map(([c, w]) => `<col min="${c}" max="${c}" width="${w}" customWidth="1"/>`).join('')}</cols>` : '';
    const frozen = this.freezeRows > 0;
    const below = `A${this.freezeRows + 1}`;
    const view = frozen
      ? `<sheetView workbookViewId="0" showGridLines="0"><pane ySplit="${this.freezeRows}" topLeftCell="${below}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="${below}" sqref="${below}"/></sheetView>`
      : '<sheetView workbookViewId="0" showGridLines="0"/>';
    const drawing = parts.drawing ? `<drawing r:id="${rels.add(REL.drawing, parts.drawing, false, 'rIdChartDrawing')}"/>` : '';
    const tableParts = parts.tables.length ? `<tableParts count="${parts.tables.length}">${parts.tables.map((t) => `<tablePart r:id="${rels.add(REL.table, t, false)}"/>`).join('')}</tableParts>` : '';
    return (
      XML_HEAD +
      `<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_R}"><sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><dimension ref="${dimension}"/>` +
      `<sheetViews>${view}</sheetViews><sheetFormatPr defaultRowHeight="15"/>${cols}<sheetData>${data.join('')}</sheetData>` +
      (links.length ? `<hyperlinks>${links.join('')}</hyperlinks>` : '') +
      '<pageMargins left="0.4" right="0.4" top="0.5" bottom="0.5" header="0.3" footer="0.3"/>' +
      '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>' +
      '<headerFooter><oddFooter>&amp;P / &amp;N</oddFooter></headerFooter>' +
      `${drawing}${tableParts}</worksheet>`
    );
  }
}

export class Workbook {
  readonly sheets: Sheet[] = [];
  creator = '';
  keywords = '';

  constructor(readonly date: Date) {}

  addSheet(name: string, freezeRows: number): Sheet {
    const sheet = new Sheet(name, freezeRows);
    this.sheets.push(sheet);
    return sheet;
  }

  /** The package: [Content_Types].xml first, the other parts in name order, every entry dated `date`. */
  toBytes(): Uint8Array {
    const parts = new Map<string, string>();
    const types: string[] = [];
    const override = (part: string, type: string) => types.push(`<Override PartName="/${part}" ContentType="${type}"/>`);
    const strings = new SharedStrings();
    const styles = new Styles();
    let tableNumber = 0;
    let chartNumber = 0;
    this.sheets.forEach((sheet, i) => {
      const n = i + 1;
      const rels = new Relationships();
      const tables = sheet.tables.map((t) => {
        tableNumber++;
        const part = `xl/tables/table${tableNumber}.xml`;
        parts.set(part, tableXml(t, tableNumber));
        override(part, TYPE.table);
        return `../tables/table${tableNumber}.xml`;
      });
      let drawing: string | null = null;
      if (sheet.charts.length) {
        const drawingPart = `xl/drawings/drawing${n}.xml`;
        const drawingRels = new Relationships();
        const anchors = sheet.charts.map((chart, k) => {
          chartNumber++;
          const chartPart = `xl/charts/chart${chartNumber}.xml`;
          parts.set(chartPart, chart.xml);
          override(chartPart, TYPE.chart);
          return chart.anchorXml(drawingRels.add(REL.chart, `../charts/chart${chartNumber}.xml`, false), k);
        });
        parts.set(drawingPart, `${XML_HEAD}<xdr:wsDr xmlns:xdr="${NS_XDR}" xmlns:a="${NS_A}">${anchors.join('')}</xdr:wsDr>`);
        parts.set(`xl/drawings/_rels/drawing${n}.xml.rels`, drawingRels.toXml());
        override(drawingPart, TYPE.drawing);
        drawing = `../drawings/drawing${n}.xml`;
      }
      parts.set(`xl/worksheets/sheet${n}.xml`, sheet.toXml(strings, styles, rels, { tables, drawing }));
      if (rels.size) parts.set(`xl/worksheets/_rels/sheet${n}.xml.rels`, rels.toXml());
      override(`xl/worksheets/sheet${n}.xml`, TYPE.worksheet);
    });
    const wbRels = new Relationships();
    wbRels.add(REL.styles, 'styles.xml', false);
    wbRels.add(REL.sharedStrings, 'sharedStrings.xml', false);
    const sheetIds = this.sheets.map((_, i) => wbRels.add(REL.worksheet, `worksheets/sheet${i + 1}.xml`, false));
    const sheetList = this.sheets.map((s, i) => `<sheet name="${escapeAttr(s.name)}" sheetId="${i + 1}" r:id="${sheetIds[i]}"/>`).join('');
    parts.set('xl/workbook.xml', `${XML_HEAD}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_R}"><workbookPr/><bookViews><workbookView/></bookViews><sheets>${sheetList}</sheets><calcPr calcId="171027"/></workbook>`);
    parts.set('xl/_rels/workbook.xml.rels', wbRels.toXml());
    parts.set('xl/styles.xml', styles.toXml());
    parts.set('xl/sharedStrings.xml', strings.toXml());
    const when = `${this.date.toISOString().slice(0, 19)}Z`;
    parts.set(
      'docProps/core.xml',
      `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
        `<dc:creator>${escapeText(this.creator)}</dc:creator><cp:keywords>${escapeText(this.keywords)}</cp:keywords><cp:lastModifiedBy>${escapeText(this.creator)}</cp:lastModifiedBy>` +
        `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified></cp:coreProperties>`,
    );
    parts.set(
      'docProps/app.xml',
      `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>Microsoft Excel</Application>` +
        `<HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>${this.sheets.length}</vt:i4></vt:variant></vt:vector></HeadingPairs>` +
        `<TitlesOfParts><vt:vector size="${this.sheets.length}" baseType="lpstr">${this.sheets.map((s) => `<vt:lpstr>${escapeText(s.name)}</vt:lpstr>`).join('')}</vt:vector></TitlesOfParts></Properties>`,
    );
    const root = new Relationships();
    root.add(REL.officeDocument, 'xl/workbook.xml', false);
    root.add(REL.core, 'docProps/core.xml', false);
    root.add(REL.extended, 'docProps/app.xml', false);
    parts.set('_rels/.rels', root.toXml());
    override('xl/workbook.xml', TYPE.workbook);
    override('xl/styles.xml', TYPE.styles);
    override('xl/sharedStrings.xml', TYPE.sharedStrings);
    override('docProps/core.xml', TYPE.core);
    override('docProps/app.xml', TYPE.extended);
    const contentTypes =
      `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      `${types.join('')}</Types>`;
    const { time, date } = dosDateTime(this.date);
    const encoder = new TextEncoder();
    const entry = (name: string, text: string): ZipEntry => Object.assign(makeEntry(name, encoder.encode(text)), { time, date });
    const names = [...parts.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return writeZip([entry('[Content_Types].xml', contentTypes), ...names.map((name) => entry(name, parts.get(name) as string))]);
  }
}

function tableXml(t: TableSpec, id: number): string {
  const ref = `${columnName(t.left)}${t.top}:${columnName(t.left + t.headers.length - 1)}${t.top + t.bodyRows}`;
  const filters = t.headers.map((_, c) => `<filterColumn colId="${c}" hiddenButton="${t.filters ? 0 : 1}"/>`).join('');
  const columns = t.headers.map((h, c) => `<tableColumn id="${c + 1}" name="${escapeAttr(h)}"/>`).join('');
  return (
    `${XML_HEAD}<table xmlns="${NS_MAIN}" id="${id}" name="${escapeAttr(t.name)}" displayName="${escapeAttr(t.name)}" ref="${ref}" headerRowCount="1" totalsRowShown="0">` +
    `<autoFilter ref="${ref}">${filters}</autoFilter><tableColumns count="${t.headers.length}">${columns}</tableColumns>` +
    '<tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>'
  );
}

class SharedStrings {
  private readonly byText = new Map<string, number>();
  private readonly list: string[] = [];
  private count = 0;

  index(text: string): number {
    this.count++;
    let i = this.byText.get(text);
    if (i === undefined) {
      i = this.list.length;
      this.byText.set(text, i);
      this.list.push(text);
    }
    return i;
  }

  toXml(): string {
    const items = this.list.map((s) => `<si><t${/^\s|\s$/.test(s) ? ' xml:space="preserve"' : ''}>${escapeText(xmlChars(s))}</t></si>`).join('');
    return `${XML_HEAD}<sst xmlns="${NS_MAIN}" count="${this.count}" uniqueCount="${this.list.length}">${items}</sst>`;
  }
}

/** Fonts, fills, borders, number formats and cell formats, each written once. */
class Styles {
  private readonly fonts = ['<font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>'];
  private readonly fills = ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>'];
  private readonly borders = ['<border><left/><right/><top/><bottom/><diagonal/></border>'];
  private readonly formats = new Map<string, number>();
  private readonly xfs = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
  private readonly byKey = new Map<string, number>();

  index(cell: Cell): number {
    const key = styleKey(cell);
    let i = this.byKey.get(key);
    if (i !== undefined) return i;
    const font = cell.font ? find(this.fonts, fontXml(cell.font)) : 0;
    const fill = cell.fill ? find(this.fills, `<fill><patternFill patternType="solid"><fgColor rgb="${cell.fill}"/></patternFill></fill>`) : 0;
    const border = cell.totalBorder ? find(this.borders, '<border><left/><right/><top style="thin"/><bottom style="double"/><diagonal/></border>') : 0;
    const format = cell.numFmt ? this.formatId(cell.numFmt) : 0;
    const a = cell.alignment;
    const alignment = a && (a.horizontal || a.vertical || a.wrapText)
      ? `<alignment${a.horizontal ? ` horizontal="${a.horizontal}"` : ''}${a.vertical ? ` vertical="${a.vertical === 'middle' ? 'center' : a.vertical}"` : ''}${a.wrapText ? ' wrapText="1"' : ''}/>`
      : '';
    const applies = `${format ? ' applyNumberFormat="1"' : ''}${font ? ' applyFont="1"' : ''}${fill ? ' applyFill="1"' : ''}${border ? ' applyBorder="1"' : ''}${alignment ? ' applyAlignment="1"' : ''}`;
    const head = `<xf numFmtId="${format}" fontId="${font}" fillId="${fill}" borderId="${border}" xfId="0"${applies}`;
    i = find(this.xfs, alignment ? `${head}>${alignment}</xf>` : `${head}/>`);
    this.byKey.set(key, i);
    return i;
  }

  private formatId(code: string): number {
    const builtin = BUILTIN_FORMATS[code];
    if (builtin !== undefined) return builtin;
    let id = this.formats.get(code);
    if (id === undefined) {
      id = 164 + this.formats.size;
      this.formats.set(code, id);
    }
    return id;
  }

  toXml(): string {
    const list = (tag: string, items: string[]) => `<${tag} count="${items.length}">${items.join('')}</${tag}>`;
    const numFmts = this.formats.size ? list('numFmts', [...this.formats].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${escapeAttr(code)}"/>`)) : '';
    return (
      `${XML_HEAD}<styleSheet xmlns="${NS_MAIN}">${numFmts}${list('fonts', this.fonts)}${list('fills', this.fills)}${list('borders', this.borders)}` +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `${list('cellXfs', this.xfs)}<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/>` +
      '<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/></styleSheet>'
    );
  }
}

/** The cell's look as a short text (a summary has tens of thousands of cells and a few looks). */
function styleKey(cell: Cell): string {
  const f = cell.font;
  const a = cell.alignment;
  const font = f ? `${f.bold ? 'b' : ''}${f.underline ? 'u' : ''}${f.size ?? ''}/${f.color ?? ''}` : '';
  const align = a ? `${a.horizontal ?? ''}/${a.vertical ?? ''}/${a.wrapText ? 'w' : ''}` : '';
  return `${font}|${cell.fill ?? ''}|${cell.totalBorder ? 't' : ''}|${align}|${cell.numFmt ?? ''}`;
}

const BUILTIN_FORMATS: Record<string, number> = { General: 0, '0': 1, '0.00': 2, '#,##0': 3, '#,##0.00': 4, '0%': 9, '0.00%': 10, '@': 49 };

function fontXml(f: Font): string {
  return `<font>${f.bold ? '<b/>' : ''}${f.underline ? '<u/>' : ''}${f.color ? `<color rgb="${f.color}"/>` : ''}${f.size ? `<sz val="${f.size}"/>` : ''}</font>`;
}

/** Index of `item` in `list`, appended when new. */
function find(list: string[], item: string): number {
  const i = list.indexOf(item);
  if (i >= 0) return i;
  list.push(item);
  return list.length - 1;
}

class Relationships {
  private readonly items: string[] = [];

  get size(): number {
    return this.items.length;
  }

  add(type: string, target: string, external: boolean, id = `rId${this.items.length + 1}`): string {
    this.items.push(`<Relationship Id="${id}" Type="${type}" Target="${escapeAttr(target)}"${external ? ' TargetMode="External"' : ''}/>`);
    return id;
  }

  toXml(): string {
    return `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${this.items.join('')}</Relationships>`;
  }
}


export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeAttr(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\r/g, '&#13;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

/** Drop the characters XML 1.0 cannot carry (control characters other than tab and line breaks). */
function xmlChars(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
}

/** An MS-DOS date and time (the zip's), from a UTC date. */
function dosDateTime(d: Date): { time: number; date: number } {
  const year = Math.max(1980, d.getUTCFullYear());
  return {
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | Math.floor(d.getUTCSeconds() / 2),
    date: ((year - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
  };
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const NS_XDR = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';
const OFFICE_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL = {
  officeDocument: `${OFFICE_REL}/officeDocument`,
  core: 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties',
  extended: `${OFFICE_REL}/extended-properties`,
  worksheet: `${OFFICE_REL}/worksheet`,
  styles: `${OFFICE_REL}/styles`,
  sharedStrings: `${OFFICE_REL}/sharedStrings`,
  hyperlink: `${OFFICE_REL}/hyperlink`,
  table: `${OFFICE_REL}/table`,
  drawing: `${OFFICE_REL}/drawing`,
  chart: `${OFFICE_REL}/chart`,
};
const SPREADSHEET_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml';
const TYPE = {
  workbook: `${SPREADSHEET_TYPE}.sheet.main+xml`,
  worksheet: `${SPREADSHEET_TYPE}.worksheet+xml`,
  styles: `${SPREADSHEET_TYPE}.styles+xml`,
  sharedStrings: `${SPREADSHEET_TYPE}.sharedStrings+xml`,
  table: `${SPREADSHEET_TYPE}.table+xml`,
  chart: 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
  drawing: 'application/vnd.openxmlformats-officedocument.drawing+xml',
  core: 'application/vnd.openxmlformats-package.core-properties+xml',
  extended: 'application/vnd.openxmlformats-officedocument.extended-properties+xml',
};

/**
 * A small writer of new .xlsx workbooks, for the summary and the returns workbooks: cells with
 * values, fonts, fills, borders, alignment and number formats; column widths and row heights;
 * real tables; hyperlinks; a frozen header; print setup; chart parts. Loading and running ExcelJS
 * cost more than checking 60 department workbooks, and these workbooks need none of the rest.
 *
 * The output is deterministic: the same workbook gives the same bytes (fixed dates, fixed order).
 */
import { deflateRawSync } from 'zlib';
import { columnLetter } from '../engine/table/sheetView';
import type { CellValue } from '../engine';
import { crc32 } from '../hosts/xlsx/patch/crc32';
import { writeZip, type ZipEntry } from '../hosts/xlsx/patch/zip';

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

/**
 * A change to cells' looks: one property (font, fill, border, alignment or number format) set
 * whole, as ExcelJS sets it. Made once per workbook (Workbook.font(), ...) and applied to many
 * cells; it remembers what it turned each look into, so applying it again costs an array read.
 */
export class StyleChange {
  /** next[look]: the look this change turns `look` into. */
  readonly next: number[] = [];

  constructor(
    readonly property: 'font' | 'fill' | 'totalBorder' | 'alignment' | 'numFmt',
    readonly value: Font | Alignment | string | boolean,
  ) {}
}

/** A cell's look: what writeSheet set on it (no object per cell: cells hold the look's number). */
interface Look {
  font?: Font;
  /** Solid fill, ARGB. */
  fill?: string;
  /** The totals look: a thin line above, a double line below. */
  totalBorder?: boolean;
  alignment?: Alignment;
  numFmt?: string;
}

/** The looks of a workbook, each once; look 0 is the plain cell. Equal looks (equal keys) share a number. */
class Looks {
  readonly list: Look[] = [{}];
  private readonly byKey = new Map<string, number>([[styleKey({}), 0]]);

  apply(look: number, change: StyleChange): number {
    const known = change.next[look];
    if (known !== undefined) return known;
    const next: Look = { ...this.list[look], [change.property]: change.value };
    const key = styleKey(next);
    let n = this.byKey.get(key);
    if (n === undefined) {
      n = this.list.length;
      this.list.push(next);
      this.byKey.set(key, n);
    }
    change.next[look] = n;
    return n;
  }
}

/** One row's cells, by 1-based column: the look marks a cell as written (a cell may have no value). */
interface Row {
  looks: number[];
  values: CellValue[];
  /** Link targets by column, as a shared start (a file and sheet) and the rest (the cell). */
  links: string[] | null;
  linkCells: string[] | null;
  height: number | undefined;
}

export class Sheet {
  /** By 1-based row number. */
  private readonly rows: (Row | undefined)[] = [];
  readonly widths = new Map<number, number>();
  readonly tables: TableSpec[] = [];
  charts: Chart[] = [];

  constructor(
    readonly name: string,
    readonly freezeRows: number,
    private readonly looks: Looks,
  ) {}

  private row(r: number): Row {
    let row = this.rows[r];
    if (!row) {
      row = { looks: [], values: [], links: null, linkCells: null, height: undefined };
      // rows are mostly made in order; a far row leaves holes, which the writer skips
      while (this.rows.length < r) this.rows.push(undefined);
      this.rows[r] = row;
    }
    return row;
  }

  /** Set a cell's value (1-based), creating the cell; null leaves it empty. */
  set(r: number, c: number, value: CellValue): void {
    const row = this.row(r);
    if (row.looks[c] === undefined) row.looks[c] = 0;
    row.values[c] = value;
  }

  /**
   * Make the cell a link to `target` + `rest` (its value is then the link's text). Links that share
   * a start (the issue list's: a file and sheet, then the cell) keep no target of their own, and the
   * start is escaped once.
   */
  link(r: number, c: number, target: string, rest = ''): void {
    const row = this.row(r);
    if (row.looks[c] === undefined) row.looks[c] = 0;
    (row.links ??= [])[c] = target;
    (row.linkCells ??= [])[c] = rest;
  }

  /** Change the cell's look, creating the cell. */
  style(r: number, c: number, change: StyleChange): void {
    const row = this.row(r);
    row.looks[c] = this.looks.apply(row.looks[c] ?? 0, change);
  }

  setHeight(r: number, points: number): void {
    this.row(r).height = points;
  }

  /**
   * The worksheet part, written straight to UTF-8 bytes (a summary has tens of thousands of cells:
   * a string per cell would be garbage to collect); strings go to the shared table, formats to the
   * styles, links to the relationships.
   */
  toXml(strings: SharedStrings, styles: Styles, rels: Relationships, parts: { tables: string[]; drawing: string | null }): Uint8Array {
    // first the extent (the dimension comes before the cells) and the room the cells need
    let top = 0;
    let left = Infinity;
    let bottom = 0;
    let right = 0;
    let cells = 0;
    let rows = 0;
    let linkRoom = 0;
    for (let r = 1; r < this.rows.length; r++) {
      const row = this.rows[r];
      if (!row) continue;
      rows++;
      const { looks, links } = row;
      let first = 0;
      for (let c = 1; c < looks.length; c++) {
        if (looks[c] === undefined) continue;
        if (!first) first = c;
        if (c > right) right = c;
        cells++;
        const target = links?.[c];
        if (target !== undefined) linkRoom += 80 + (target.length + (row.linkCells as string[])[c].length) * 6;
      }
      if (!first) continue;
      if (!top) top = r;
      bottom = r;
      if (first < left) left = first;
    }
    const dimension = bottom > 0 ? `${columnName(left)}${top}:${columnName(right)}${bottom}` : 'A1';
    const widths = [...this.widths].sort((a, b) => a[0] - b[0]);
    const cols = widths.length ? `<cols>${widths.map(([c, w]) => `<col min="${c}" max="${c}" width="${w}" customWidth="1"/>`).join('')}</cols>` : '';
    const frozen = this.freezeRows > 0;
    const below = `A${this.freezeRows + 1}`;
    const view = frozen
      ? `<sheetView workbookViewId="0" showGridLines="0"><pane ySplit="${this.freezeRows}" topLeftCell="${below}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="${below}" sqref="${below}"/></sheetView>`
      : '<sheetView workbookViewId="0" showGridLines="0"/>';
    const out = new ByteWriter(4096 + rows * 48 + cells * 40 + linkRoom);
    out.text(
      XML_HEAD +
        `<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_R}"><sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><dimension ref="${dimension}"/>` +
        `<sheetViews>${view}</sheetViews><sheetFormatPr defaultRowHeight="15"/>${cols}<sheetData>`,
    );
    for (let r = 1; r < this.rows.length; r++) {
      const row = this.rows[r];
      if (!row) continue;
      const { looks, values, height } = row;
      out.ascii('<row r="');
      out.int(r);
      if (height !== undefined) {
        out.ascii('" ht="');
        out.ascii(String(height));
        out.ascii('" customHeight="1">');
      } else out.ascii('">');
      for (let c = 1; c < looks.length; c++) {
        const look = looks[c];
        if (look === undefined) continue;
        out.ascii('<c r="');
        out.ascii(columnName(c));
        out.int(r);
        out.ascii('"');
        out.ascii(styles.attribute(look));
        const v = values[c];
        if (typeof v === 'string') {
          out.ascii(' t="s"><v>');
          out.int(strings.index(v));
          out.ascii('</v></c>');
        } else if (typeof v === 'number' && Number.isFinite(v)) {
          out.ascii('><v>');
          if (Number.isInteger(v) && v >= 0) out.int(v);
          else out.ascii(String(v));
          out.ascii('</v></c>');
        } else if (typeof v === 'boolean') out.ascii(v ? ' t="b"><v>1</v></c>' : ' t="b"><v>0</v></c>');
        else out.ascii('/>');
      }
      out.ascii('</row>');
    }
    out.ascii('</sheetData>');
    if (linkRoom) {
      // the links, in the cells' order: their relationships are numbered rId1, rId2… in that order
      rels.reserve(linkRoom);
      out.ascii('<hyperlinks>');
      const starts = new Map<string, { escaped: string; sheetPlace: boolean }>();
      for (let r = 1; r < this.rows.length; r++) {
        const row = this.rows[r];
        const links = row?.links;
        if (!links) continue;
        const cells = row.linkCells as string[];
        for (let c = 1; c < links.length; c++) {
          const start = links[c];
          if (start === undefined) continue;
          const rest = cells[c];
          let known = starts.get(start);
          if (!known) {
            // a start up to its only "!" ("book.xlsx#'進捗'!"): the target names a cell when the rest is one
            known = { escaped: escapeAttr(start), sheetPlace: start.length > 1 && start.indexOf('!') === start.length - 1 };
            starts.set(start, known);
          }
          const escaped = rest ? known.escaped + escapeAttr(rest) : known.escaped;
          const id = rels.add(REL.hyperlink, '', true, undefined, escaped);
          // as ExcelJS wrote it (readers take the relationship's target): a cell reference also as location
          out.ascii('<hyperlink ref="');
          out.ascii(columnName(c));
          out.int(r);
          out.ascii('" r:id="');
          out.ascii(id);
          if (known.sheetPlace ? CELL_REF.test(rest) : CELL_TARGET.test(start + rest)) {
            out.ascii('" location="');
            out.text(escaped);
          }
          out.ascii('"/>');
        }
      }
      out.ascii('</hyperlinks>');
    }
    const drawing = parts.drawing ? `<drawing r:id="${rels.add(REL.drawing, parts.drawing, false, 'rIdChartDrawing')}"/>` : '';
    const tableParts = parts.tables.length ? `<tableParts count="${parts.tables.length}">${parts.tables.map((t) => `<tablePart r:id="${rels.add(REL.table, t, false)}"/>`).join('')}</tableParts>` : '';
    out.text(
      '<pageMargins left="0.4" right="0.4" top="0.5" bottom="0.5" header="0.3" footer="0.3"/>' +
        '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>' +
        '<headerFooter><oddFooter>&amp;P / &amp;N</oddFooter></headerFooter>' +
        `${drawing}${tableParts}</worksheet>`,
    );
    return out.bytes();
  }
}

/** A growing buffer of UTF-8 bytes. */
class ByteWriter {
  private buffer: Buffer;
  length = 0;

  constructor(size: number) {
    this.buffer = Buffer.allocUnsafe(size);
  }

  /** Room for `n` more bytes. */
  reserve(n: number): void {
    this.room(n);
  }

  private room(n: number): void {
    if (this.length + n <= this.buffer.length) return;
    const next = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.length + n));
    this.buffer.copy(next, 0, 0, this.length);
    this.buffer = next;
  }

  /** Text known to be ASCII (tags, names, numbers): a byte a character, no call into the runtime. */
  ascii(text: string): void {
    const n = text.length;
    this.room(n);
    const b = this.buffer;
    let p = this.length;
    for (let i = 0; i < n; i++) b[p++] = text.charCodeAt(i);
    this.length = p;
  }

  /** Any text, as UTF-8. */
  text(text: string): void {
    this.room(text.length * 3);
    this.length += this.buffer.write(text, this.length, 'utf8');
  }

  /** A whole number from 0 up, in decimal. */
  int(value: number): void {
    if (value < 10) {
      this.room(1);
      this.buffer[this.length++] = 48 + value;
      return;
    }
    this.ascii(String(value));
  }

  bytes(): Uint8Array {
    return this.buffer.subarray(0, this.length);
  }
}

/** A link target naming a cell (`book.xlsx#'進捗'!D8`). */
const CELL_TARGET = /^[^!]+![a-zA-Z]+[\d]+$/;
const CELL_REF = /^[a-zA-Z]+[\d]+$/;

/** Column letters of a 1-based column, each worked out once. */
const COLUMN_NAMES: string[] = [];
function columnName(c: number): string {
  return (COLUMN_NAMES[c] ??= columnLetter(c));
}

export class Workbook {
  readonly sheets: Sheet[] = [];
  creator = '';
  keywords = '';

  private readonly looks = new Looks();
  private readonly changes = new Map<string, StyleChange>();

  constructor(readonly date: Date) {}

  addSheet(name: string, freezeRows: number): Sheet {
    const sheet = new Sheet(name, freezeRows, this.looks);
    this.sheets.push(sheet);
    return sheet;
  }

  /** The change that sets a cell's font (replacing its font whole). */
  font(font: Font): StyleChange {
    return this.change('font', font, `${font.bold ? 'b' : ''}${font.underline ? 'u' : ''}${font.size ?? ''}/${font.color ?? ''}`);
  }

  /** The change that sets a solid fill, ARGB. */
  fill(argb: string): StyleChange {
    return this.change('fill', argb, argb);
  }

  /** The change that gives the totals look: a thin line above, a double line below. */
  totalBorder(): StyleChange {
    return this.change('totalBorder', true, '');
  }

  /** The change that sets a cell's alignment (replacing its alignment whole). */
  alignment(alignment: Alignment): StyleChange {
    return this.change('alignment', alignment, `${alignment.horizontal ?? ''}/${alignment.vertical ?? ''}/${alignment.wrapText ? 'w' : ''}`);
  }

  /** The change that sets a number format. */
  numFmt(code: string): StyleChange {
    return this.change('numFmt', code, code);
  }

  private change(property: StyleChange['property'], value: StyleChange['value'], key: string): StyleChange {
    const name = `${property}:${key}`;
    let change = this.changes.get(name);
    if (!change) {
      change = new StyleChange(property, value);
      this.changes.set(name, change);
    }
    return change;
  }

  /** The package: [Content_Types].xml first, the other parts in name order, every entry dated `date`. */
  toBytes(): Uint8Array {
    const parts = new Map<string, string | Uint8Array>();
    const types: string[] = [];
    const override = (part: string, type: string) => types.push(`<Override PartName="/${part}" ContentType="${type}"/>`);
    const strings = new SharedStrings();
    const styles = new Styles(this.looks);
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
    const entry = (name: string, part: string | Uint8Array): ZipEntry => zipEntry(name, typeof part === 'string' ? Buffer.from(part, 'utf8') : part, time, date);
    const names = [...parts.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return writeZip([entry('[Content_Types].xml', contentTypes), ...names.map((name) => entry(name, parts.get(name) as string | Uint8Array))]);
  }
}

/**
 * A deflated entry. Level 1: the summary's sheet part is megabytes of repetitive XML; measured on
 * the 60-workbook summary, level 1 takes less time than level 2 for a part about 10% larger.
 */
function zipEntry(name: string, data: Uint8Array, time: number, date: number): ZipEntry {
  return {
    name,
    nameBytes: Buffer.from(name, 'utf8'),
    versionMadeBy: 20,
    versionNeeded: 20,
    flags: /[^\x20-\x7e]/.test(name) ? 0x800 : 0,
    method: 8,
    time,
    date,
    crc: crc32(data),
    size: data.length,
    internalAttributes: 0,
    externalAttributes: 0,
    raw: deflateRawSync(data, { level: 1 }),
  };
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
  /** The ` s="…"` attribute of each look, once it has been written. */
  private readonly attributes: string[] = [];

  constructor(private readonly looks: Looks) {}

  /** The cell attribute naming the look's format ("" for the plain one); formats are numbered as first written. */
  attribute(look: number): string {
    let a = this.attributes[look];
    if (a === undefined) {
      const s = this.index(this.looks.list[look]);
      a = s ? ` s="${s}"` : '';
      this.attributes[look] = a;
    }
    return a;
  }

  private index(cell: Look): number {
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

/** A look as a short text: looks with the same text are written as one format. */
function styleKey(cell: Look): string {
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
  private readonly items = new ByteWriter(1 << 10);
  size = 0;

  constructor() {
    this.items.ascii(`${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`);
  }

  /** Room for `bytes` more of relationships (the sheet's links). */
  reserve(bytes: number): void {
    this.items.reserve(bytes);
  }

  add(type: string, target: string, external: boolean, id = `rId${this.size + 1}`, escapedTarget = escapeAttr(target)): string {
    const out = this.items;
    out.ascii('<Relationship Id="');
    out.ascii(id);
    out.ascii('" Type="');
    out.ascii(type);
    out.ascii('" Target="');
    out.text(escapedTarget);
    out.ascii(external ? '" TargetMode="External"/>' : '"/>');
    this.size++;
    return id;
  }

  /** The part (once: it closes the list). */
  toXml(): Uint8Array {
    this.items.ascii('</Relationships>');
    return this.items.bytes();
  }
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\r': '&#13;', '\n': '&#10;', '\t': '&#9;' };
const entity = (ch: string) => ENTITIES[ch];

export function escapeText(text: string): string {
  return /[&<>]/.test(text) ? text.replace(/[&<>]/g, entity) : text;
}

export function escapeAttr(text: string): string {
  return /[&<>"'\r\n\t]/.test(text) ? text.replace(/[&<>"'\r\n\t]/g, entity) : text;
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

import type { Grid } from '../../../engine';
import { UnreadableWorkbookError } from '../unreadable';
import { corrupt, type ReadLimits } from './limits';
import { readSharedStrings } from './sharedStrings';
import { type CellStyles, NO_STYLES, readStyles } from './styles';
import { WORKBOOK_PATH, WORKBOOK_RELS_PATH, readWorkbookParts } from './workbook';
import { readWorksheet } from './worksheet';
import { XmlError } from './xml';
import { decodeText, ZipArchive } from './zip';

export { DEFAULT_READ_LIMITS, type ReadLimits, resolveLimits } from './limits';

/** Sheets the engine never sees: Excel's veryHidden ones and the add-in's own state sheet. */
const STATE_SHEET = '_psc_state';

export interface ReadSheet {
  name: string;
  grid: Grid;
}

/**
 * An .xlsx's bytes → its worksheets as grids, inflating only the parts that hold what the engine
 * reads (workbook, rels, shared strings, styles, the worksheets it keeps): charts, drawings,
 * images, pivot caches and the rest are never opened.
 */
export function readXlsx(bytes: Uint8Array, limits: ReadLimits): ReadSheet[] {
  const zip = ZipArchive.open(bytes, limits);
  if (!zip.has(WORKBOOK_PATH)) throw notWorkbook(zip);
  const part = (path: string): string | undefined => {
    try {
      return zip.readText(path);
    } catch (err) {
      throw err instanceof UnreadableWorkbookError ? err : corrupt(`${path}: ${message(err)}`);
    }
  };
  const partBytes = (path: string): Uint8Array | undefined => {
    try {
      return zip.readBytes(path);
    } catch (err) {
      throw err instanceof UnreadableWorkbookError ? err : corrupt(`${path}: ${message(err)}`);
    }
  };
  const parse = <T>(path: string, fn: () => T): T => {
    try {
      return fn();
    } catch (err) {
      if (err instanceof XmlError) throw corrupt(`${path}: ${err.message}`);
      throw err;
    }
  };
  const workbookXml = part(WORKBOOK_PATH) ?? '';
  const relsXml = part(WORKBOOK_RELS_PATH);
  const wb = parse(WORKBOOK_PATH, () => readWorkbookParts(workbookXml, relsXml));
  const wanted = wb.sheets.filter((s) => s.state !== 'veryHidden' && s.name !== STATE_SHEET && s.isWorksheet);
  // shared strings and styles only matter when some sheet is read
  let strings: string[] = [];
  let styles: CellStyles = NO_STYLES;
  if (wanted.length > 0) {
    const stringsXml = wb.sharedStringsPath ? part(wb.sharedStringsPath) : undefined;
    if (stringsXml !== undefined) strings = parse(wb.sharedStringsPath ?? '', () => readSharedStrings(stringsXml));
    const stylesXml = wb.stylesPath ? part(wb.stylesPath) : undefined;
    if (stylesXml !== undefined) styles = parse(wb.stylesPath ?? '', () => readStyles(stylesXml));
  }
  return wanted.map((sheet) => {
    // no rels entry for the sheet (a hand-made package): the conventional part name, if present
    const conventional = `xl/worksheets/sheet${wb.sheets.indexOf(sheet) + 1}.xml`;
    const path = sheet.path ?? (zip.has(conventional) ? conventional : undefined);
    const bytes = path === undefined ? undefined : partBytes(path);
    if (path === undefined || bytes === undefined) throw corrupt(`worksheet part of "${sheet.name}" missing`);
    const ctx = { name: sheet.name, strings, styles, date1904: wb.date1904, limits };
    const grid = parse(path, () => {
      try {
        return readWorksheet(xmlChunks(bytes), ctx);
      } catch (err) {
        // a cut inside a comment or CDATA that holds "</row>" shows as an unterminated construct:
        // read the part whole, as it always could be
        if (err instanceof XmlError) return readWorksheet(decodeText(bytes), ctx);
        throw err;
      }
    });
    return { name: sheet.name, grid };
  });
}

/** Bytes of a worksheet decoded per piece of about this size, cut after a row's end tag. */
const PIECE = 4 * 1024 * 1024;
/** "row>" as bytes (no Buffer: the task pane reads workbooks with this code too). */
const ROW_END = [0x72, 0x6f, 0x77, 0x3e];

/**
 * A worksheet's XML as pieces that each end after a "</row>" (or "</x:row>"): a 40 MB sheet is
 * never one 80 MB string (Japanese text makes a JavaScript string two bytes a character). The
 * pieces are decoded one at a time as the reader asks for them. A UTF-16 part is decoded whole.
 */
export function* xmlChunks(bytes: Uint8Array): Generator<string> {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff) || bytes.length <= PIECE) {
    yield decodeText(bytes);
    return;
  }
  const decoder = new TextDecoder('utf-8');
  let start = 0;
  while (start < bytes.length) {
    let cut = bytes.length;
    for (let at = indexOfRowEnd(bytes, start + PIECE); at >= 0; at = indexOfRowEnd(bytes, at + 1)) {
      if (isEndTag(bytes, at)) {
        cut = at + ROW_END.length;
        break;
      }
    }
    // the cut is after ">" (ASCII): never inside a character's UTF-8 bytes
    yield decoder.decode(bytes.subarray(start, cut));
    start = cut;
  }
}

/** The next "row>" at or after `from`, or -1 (a native search for its first byte, then the rest). */
function indexOfRowEnd(bytes: Uint8Array, from: number): number {
  for (let at = bytes.indexOf(ROW_END[0], from); at >= 0; at = bytes.indexOf(ROW_END[0], at + 1)) {
    if (bytes[at + 1] === ROW_END[1] && bytes[at + 2] === ROW_END[2] && bytes[at + 3] === ROW_END[3]) return at;
  }
  return -1;
}

/** Whether "row>" at `at` closes an end tag: "</row>" or "</prefix:row>". */
function isEndTag(bytes: Uint8Array, at: number): boolean {
  let i = at - 1;
  if (bytes[i] === 0x2f /* / */) return bytes[i - 1] === 0x3c; /* < */
  if (bytes[i] !== 0x3a /* : */) return false;
  for (i--; i > at - 64 && i > 0; i--) {
    const b = bytes[i];
    if (b === 0x2f) return bytes[i - 1] === 0x3c;
    // a prefix is a plain name
    if (!((b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) || (b >= 0x30 && b <= 0x39) || b === 0x5f || b === 0x2d || b === 0x2e)) return false;
  }
  return false;
}

/** A zip with no workbook part: say what it looks like instead, when that is plain. */
function notWorkbook(zip: ZipArchive): UnreadableWorkbookError {
  const names = zip.names().map((n) => n.toLowerCase());
  if (names.some((n) => n.startsWith('word/'))) {
    return new UnreadableWorkbookError('not-workbook', 'Word 文書（.docx）を .xlsx と名付けたものです', 'a Word document (.docx) named .xlsx');
  }
  if (names.some((n) => n.startsWith('ppt/'))) {
    return new UnreadableWorkbookError('not-workbook', 'PowerPoint（.pptx）を .xlsx と名付けたものです', 'a PowerPoint file (.pptx) named .xlsx');
  }
  return new UnreadableWorkbookError('not-workbook');
}

function message(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split('\n')[0].slice(0, 80);
}

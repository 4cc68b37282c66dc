import type { Grid } from '../../../engine';
import { UnreadableWorkbookError } from '../unreadable';
import { corrupt, type ReadLimits } from './limits';
import { readSharedStrings } from './sharedStrings';
import { type CellStyles, NO_STYLES, readStyles } from './styles';
import { WORKBOOK_PATH, WORKBOOK_RELS_PATH, readWorkbookParts } from './workbook';
import { readWorksheet } from './worksheet';
import { XmlError } from './xml';
import { ZipArchive } from './zip';

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
    const xml = path === undefined ? undefined : part(path);
    if (path === undefined || xml === undefined) throw corrupt(`worksheet part of "${sheet.name}" missing`);
    const grid = parse(path, () => readWorksheet(xml, { name: sheet.name, strings, styles, date1904: wb.date1904, limits }));
    return { name: sheet.name, grid };
  });
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

import { END, OPEN, XmlReader } from './xml';

/** One `<sheet>` of `xl/workbook.xml`, in workbook order, with its part resolved through the rels. */
export interface SheetEntry {
  name: string;
  state: 'visible' | 'hidden' | 'veryHidden';
  /** Zip path of the worksheet part; undefined when the rels do not name one (a chartsheet has no cells). */
  path: string | undefined;
  /** Whether the part is a worksheet (not a chartsheet or dialog sheet). */
  isWorksheet: boolean;
}

export interface WorkbookParts {
  sheets: SheetEntry[];
  date1904: boolean;
  sharedStringsPath: string | undefined;
  stylesPath: string | undefined;
}

interface Relationship {
  target: string;
  type: string;
  external: boolean;
}

export const WORKBOOK_PATH = 'xl/workbook.xml';
export const WORKBOOK_RELS_PATH = 'xl/_rels/workbook.xml.rels';

export function readWorkbookParts(workbookXml: string, relsXml: string | undefined): WorkbookParts {
  const rels = relsXml === undefined ? new Map<string, Relationship>() : readRels(relsXml);
  const sheets: SheetEntry[] = [];
  let date1904 = false;
  const reader = new XmlReader(workbookXml);
  for (let t = reader.next(); t !== END; t = reader.next()) {
    if (t !== OPEN) continue;
    if (reader.name === 'workbookPr') {
      const v = reader.attr('date1904');
      date1904 = v === '1' || v === 'true';
    } else if (reader.name === 'sheet') {
      const state = reader.attr('state');
      const rel = rels.get(reader.attr('id') ?? '');
      const path = rel && !rel.external ? resolveTarget(rel.target) : undefined;
      sheets.push({
        name: reader.attr('name') ?? '',
        state: state === 'veryHidden' || state === 'hidden' ? state : 'visible',
        path,
        // a missing type is read as a worksheet: the part itself tells if it has <sheetData>
        isWorksheet: !rel || rel.type === '' || rel.type.endsWith('/worksheet'),
      });
    }
  }
  const byType = (suffix: string): string | undefined => {
    for (const rel of rels.values()) if (!rel.external && rel.type.endsWith(suffix)) return resolveTarget(rel.target);
    return undefined;
  };
  return {
    sheets,
    date1904,
    sharedStringsPath: byType('/sharedStrings') ?? 'xl/sharedStrings.xml',
    stylesPath: byType('/styles') ?? 'xl/styles.xml',
  };
}

function readRels(xml: string): Map<string, Relationship> {
  const rels = new Map<string, Relationship>();
  const reader = new XmlReader(xml);
  for (let t = reader.next(); t !== END; t = reader.next()) {
    if (t !== OPEN || reader.name !== 'Relationship') continue;
    const id = reader.attr('Id');
    const target = reader.attr('Target');
    if (id === undefined || target === undefined) continue;
    rels.set(id, { target, type: reader.attr('Type') ?? '', external: reader.attr('TargetMode') === 'External' });
  }
  return rels;
}

/** A rels target → zip path: absolute ("/xl/worksheets/sheet1.xml") or relative to xl/ ("worksheets/sheet1.xml", "../xl/…"). */
export function resolveTarget(target: string): string {
  let path = target.replace(/\\/g, '/');
  try {
    path = decodeURIComponent(path);
  } catch {
    // not percent-encoded after all: keep it as written
  }
  const parts = path.startsWith('/') ? [] : ['xl'];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return parts.join('/');
}

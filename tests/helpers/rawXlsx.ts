import { zipSync, strToU8 } from 'fflate';

/**
 * A minimal .xlsx package built from raw sheet XML, for hostile and unusual inputs that no
 * spreadsheet library would write (a value in column XFD on every row, a cell at XFD1048576).
 */
export interface RawSheet {
  name: string;
  /** The <sheetData> children: <row> elements. */
  rows: string;
  extra?: string;
}

export function rawXlsx(sheets: RawSheet[], extraParts: Record<string, Uint8Array | string> = {}): Uint8Array {
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheets
        .map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`)
        .join('')}</Types>`,
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    ),
    'xl/workbook.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheets
        .map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
        .join('')}</sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
        .map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
        .join('')}</Relationships>`,
    ),
  };
  sheets.forEach((s, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${s.rows}</sheetData>${s.extra ?? ''}</worksheet>`,
    );
  });
  for (const [name, data] of Object.entries(extraParts)) files[name] = typeof data === 'string' ? strToU8(data) : data;
  return zipSync(files, { level: 6 });
}

/** An inline-string cell. */
export function textCell(ref: string, text: string): string {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${escaped}</t></is></c>`;
}

/** A number cell. */
export function numberCell(ref: string, value: number): string {
  return `<c r="${ref}"><v>${value}</v></c>`;
}

/** A small, valid progress sheet (quarterly family): header on row 1, items below. */
export function quarterlyRows(items: { title: string; department: string; q1: string; q2: string }[]): string {
  const header = `<row r="1">${textCell('A1', '項目')}${textCell('B1', '担当部局')}${textCell('C1', '1/4四半期（4月から6月）')}${textCell('D1', '2/4四半期（7月から9月）')}</row>`;
  return (
    header +
    items
      .map((it, i) => {
        const r = i + 2;
        return `<row r="${r}">${textCell(`A${r}`, it.title)}${textCell(`B${r}`, it.department)}${it.q1 ? textCell(`C${r}`, it.q1) : ''}${it.q2 ? textCell(`D${r}`, it.q2) : ''}</row>`;
      })
      .join('')
  );
}

/**
 * Hand-built zips for reader tests: entries in a given order (duplicates allowed), each stored or
 * deflated, with the sizes their headers claim open to lies. CRCs are left 0: the reader does not
 * check them (the caps and the inflater's own checks are what guard it).
 */
import { deflateSync, strToU8 } from 'fflate';
import * as zlib from 'zlib';

export interface ZipItem {
  name: string;
  /** The entry's content, or already-deflated data with its true size (for bombs built in pieces). */
  data: Uint8Array | { deflated: Uint8Array; size: number };
  /** Uncompressed size written in the headers (default: the true one). */
  declaredSize?: number;
  stored?: boolean;
}

export const text = (s: string): Uint8Array => strToU8(s);

function header(size: number): { view: DataView; bytes: Uint8Array } {
  const bytes = new Uint8Array(size);
  return { view: new DataView(bytes.buffer), bytes };
}

export function buildZip(items: ZipItem[]): Uint8Array {
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const item of items) {
    const name = strToU8(item.name);
    let body: Uint8Array;
    let size: number;
    let method: number;
    if (item.data instanceof Uint8Array) {
      size = item.data.length;
      method = item.stored ? 0 : 8;
      body = item.stored ? item.data : deflateSync(item.data, { level: 6 });
    } else {
      size = item.data.size;
      method = 8;
      body = item.data.deflated;
    }
    const declared = item.declaredSize ?? size;
    const local = header(30 + name.length);
    local.view.setUint32(0, 0x04034b50, true);
    local.view.setUint16(4, 20, true);
    local.view.setUint16(8, method, true);
    local.view.setUint32(18, body.length, true);
    local.view.setUint32(22, declared, true);
    local.view.setUint16(26, name.length, true);
    local.bytes.set(name, 30);
    const dir = header(46 + name.length);
    dir.view.setUint32(0, 0x02014b50, true);
    dir.view.setUint16(4, 20, true);
    dir.view.setUint16(6, 20, true);
    dir.view.setUint16(10, method, true);
    dir.view.setUint32(20, body.length, true);
    dir.view.setUint32(24, declared, true);
    dir.view.setUint16(28, name.length, true);
    dir.view.setUint32(42, offset, true);
    dir.bytes.set(name, 46);
    parts.push(local.bytes, body);
    central.push(dir.bytes);
    offset += local.bytes.length + body.length;
  }
  const dirSize = central.reduce((n, c) => n + c.length, 0);
  const end = header(22);
  end.view.setUint32(0, 0x06054b50, true);
  end.view.setUint16(8, Math.min(items.length, 0xffff), true);
  end.view.setUint16(10, Math.min(items.length, 0xffff), true);
  end.view.setUint32(12, dirSize, true);
  end.view.setUint32(16, offset, true);
  const all = [...parts, ...central, end.bytes];
  const out = new Uint8Array(all.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of all) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * `megabytes` MB of one repeated character, deflated without ever holding it: one 1 MB block
 * compressed with a full flush (byte-aligned, no back-references past it) repeated, then a final
 * empty block. A zip bomb of ~1000:1 in a few milliseconds.
 */
export function deflatedRepeat(megabytes: number, char = 'a'): { deflated: Uint8Array; size: number } {
  const block = zlib.deflateRawSync(Buffer.alloc(1024 * 1024, char), { finishFlush: zlib.constants.Z_FULL_FLUSH });
  const last = zlib.deflateRawSync(Buffer.alloc(0));
  const out = new Uint8Array(block.length * megabytes + last.length);
  for (let i = 0; i < megabytes; i++) out.set(block, i * block.length);
  out.set(last, block.length * megabytes);
  return { deflated: out, size: megabytes * 1024 * 1024 };
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`;

export interface SheetSpec {
  name: string;
  /** Everything inside <worksheet>: <sheetData>…</sheetData> and any other elements. */
  body: string;
  state?: 'hidden' | 'veryHidden';
}

/** A minimal workbook's parts (as zip items) around hand-written sheet XML. */
export function minimalWorkbook(sheets: SheetSpec[], options: { sharedStrings?: string[]; styles?: string; extra?: ZipItem[]; workbookPr?: string } = {}): ZipItem[] {
  const sheetTags = sheets
    .map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`)
    .join('');
  const rels = sheets
    .map(
      (_s, i) =>
        `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
    )
    .join('');
  const items: ZipItem[] = [
    { name: '[Content_Types].xml', data: text(CONTENT_TYPES) },
    {
      name: 'xl/workbook.xml',
      data: text(
        `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${options.workbookPr ?? ''}<sheets>${sheetTags}</sheets></workbook>`,
      ),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: text(
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rIdT" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
      ),
    },
  ];
  if (options.sharedStrings) {
    const sis = options.sharedStrings.map((s) => `<si>${s}</si>`).join('');
    items.push({ name: 'xl/sharedStrings.xml', data: text(`<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${sis}</sst>`) });
  }
  if (options.styles) items.push({ name: 'xl/styles.xml', data: text(options.styles) });
  sheets.forEach((s, i) => {
    items.push({
      name: `xl/worksheets/sheet${i + 1}.xml`,
      data: text(`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${s.body}</worksheet>`),
    });
  });
  return [...items, ...(options.extra ?? [])];
}

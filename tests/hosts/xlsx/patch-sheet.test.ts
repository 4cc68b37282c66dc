/** The package patcher on small hand-made packages: the corners of sheet XML a real file may have. */
import ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';
import type { WritePlan } from '../../../src/engine';
import { CannotAnnotateError, entryData, patchWorkbook, readZip, wellFormedError } from '../../../src/hosts/xlsx/patch';
import { readWorkbook } from '../../../src/hosts/xlsx/readWorkbook';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const STYLES = `<styleSheet xmlns="${MAIN}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"><alignment indent="1"/></xf></cellXfs></styleSheet>`;

function pkg(sheet: string, options: { styles?: string; calcChain?: string; level?: 0 | 6 } = {}): Uint8Array {
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${options.calcChain ? '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/>' : ''}</Types>`),
    '_rels/.rels': strToU8(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    'xl/workbook.xml': strToU8(`<workbook xmlns="${MAIN}" xmlns:r="${R}"><sheets><sheet name="S&amp;1" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    'xl/_rels/workbook.xml.rels': strToU8(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${R}/styles" Target="/xl/styles.xml"/>${options.calcChain ? `<Relationship Id="rId3" Type="${R}/calcChain" Target="calcChain.xml"/>` : ''}</Relationships>`),
    'xl/styles.xml': strToU8(options.styles ?? STYLES),
    'xl/worksheets/sheet1.xml': strToU8(sheet),
  };
  if (options.calcChain) files['xl/calcChain.xml'] = strToU8(options.calcChain);
  return zipSync(files, { level: options.level ?? 6 });
}

const ws = (body: string, before = ''): string => `<worksheet xmlns="${MAIN}" xmlns:r="${R}"><dimension ref="A1:B2"/>${before}${body}</worksheet>`;
const plan = (p: Partial<WritePlan>): WritePlan => ({ values: [], flags: [], appendedColumns: [], headerRows: [], ...p });

function part(bytes: Uint8Array, name: string): string {
  const e = readZip(bytes).find((x) => x.name === name);
  if (!e) throw new Error(`no ${name}`);
  return new TextDecoder().decode(entryData(e));
}

function sheetOf(bytes: Uint8Array): string {
  const xml = part(bytes, 'xl/worksheets/sheet1.xml');
  expect(wellFormedError(xml)).toBeNull();
  return xml;
}

async function excel(bytes: Uint8Array): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb.worksheets[0];
}

test('new cells go in column order inside existing rows, new rows in row order; spans and dimension grow', async () => {
  const original = pkg(ws('<sheetData><row r="1" spans="1:2"><c r="A1"><v>1</v></c><c r="C1"><v>3</v></c></row><row r="4"><c r="A4" t="s"><v>0</v></c></row></sheetData>'));
  const copy = patchWorkbook(original, [{ name: 'S&1', plan: plan({ values: [
    { row: 1, column: 2, value: 2, role: 'rate', numberFormat: '0.0%' },
    { row: 1, column: 5, value: 'あ<&>', role: 'result' },
    { row: 2, column: 1, value: 'x', role: 'grade' },
    { row: 9, column: 2, value: 0.5, role: 'rate' },
  ] }) }]);
  const xml = sheetOf(copy);
  expect(xml).toContain('<dimension ref="A1:E9"/>');
  expect(xml).toMatch(/<row r="1" spans="1:5"><c r="A1"><v>1<\/v><\/c><c r="B1" s="\d+"><v>2<\/v><\/c><c r="C1"><v>3<\/v><\/c><c r="E1" s="\d+" t="inlineStr"><is><t xml:space="preserve">あ&lt;&amp;&gt;<\/t><\/is><\/c><\/row><row r="2"><c r="A2" t="inlineStr">/);
  expect(xml).toMatch(/<\/row><row r="9"><c r="B9"><v>0.5<\/v><\/c><\/row><\/sheetData>/);
  expect(xml.indexOf('<row r="2"')).toBeLessThan(xml.indexOf('<row r="4"'));
  const sheet = await excel(copy);
  expect(sheet.getCell('B1').numFmt).toBe('0.0%');
  expect(sheet.getCell('E1').value).toBe('あ<&>');
  expect(sheet.getCell('E1').alignment).toMatchObject({ wrapText: true, vertical: 'top' });
  expect(part(copy, 'xl/styles.xml')).toContain('<numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"/></numFmts>');
});

test('a <col> range over an appended column is split; the rest of the range keeps its width and format', () => {
  const original = pkg(ws('<sheetData/>', '<cols><col min="1" max="10" width="20" style="1" customWidth="1"/></cols>'));
  const copy = patchWorkbook(original, [{ name: 'S&1', plan: plan({
    values: [{ row: 3, column: 5, value: 'チェック結果', role: 'header' }],
    appendedColumns: [{ column: 5, letter: 'E', role: 'result', header: 'チェック結果' }],
  }) }]);
  const xml = sheetOf(copy);
  expect(xml).toContain('<cols><col min="1" max="4" width="20" style="1" customWidth="1"/><col min="5" max="5" width="60" style="1" customWidth="1"/><col min="6" max="10" width="20" style="1" customWidth="1"/></cols>');
  // the new cell starts from its column's format (indent 1) and gets the header look
  const styles = part(copy, 'xl/styles.xml');
  const s = Number(/<c r="E3" s="(\d+)"/.exec(xml)?.[1]);
  const cellXfs = /<cellXfs[^>]*>(.*?)<\/cellXfs>/.exec(styles)?.[1] ?? '';
  const xf = [...cellXfs.matchAll(/<xf [^>]*?(\/>|>.*?<\/xf>)/g)].map((m) => m[0])[s];
  expect(xf).toContain('fontId="1"');
  expect(xf).toContain('<alignment horizontal="center" vertical="center" wrapText="1"/>');
  expect(styles).toContain('<font><b/><sz val="11"/><name val="Calibri"/></font>');
  expect(styles).toContain('<fgColor rgb="FFE2EFDA"/>');
});

test('a sheet without <cols> gets one before sheetData', () => {
  const copy = patchWorkbook(pkg(ws('<sheetData/>')), [{ name: 'S&1', plan: plan({ appendedColumns: [{ column: 3, letter: 'C', role: 'rate', header: '' }] }) }]);
  expect(sheetOf(copy)).toContain('<cols><col min="3" max="3" width="14" customWidth="1"/></cols><sheetData/>');
});

test('rows and cells that leave out r get their references before anything is inserted among them', async () => {
  const original = pkg(ws('<sheetData><row><c><v>1</v></c><c><v>3</v></c></row><row><c><v>4</v></c></row></sheetData>'));
  const copy = patchWorkbook(original, [{ name: 'S&1', plan: plan({ values: [
    { row: 1, column: 4, value: 9, role: 'rate' },
    { row: 5, column: 1, value: 5, role: 'rate' },
  ] }) }]);
  // (ExcelJS itself cannot read cells without r, so the XML is compared)
  expect(sheetOf(copy)).toContain(
    '<sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>3</v></c><c r="D1"><v>9</v></c></row><row r="2"><c><v>4</v></c></row><row r="5"><c r="A5"><v>5</v></c></row></sheetData>',
  );
});

test('a sheet written with a namespace prefix is patched with the same prefix', () => {
  const xml = `<x:worksheet xmlns:x="${MAIN}"><x:sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
  const copy = patchWorkbook(pkg(xml), [{ name: 'S&1', plan: plan({ values: [{ row: 1, column: 2, value: 'a', role: 'grade' }] }) }]);
  expect(sheetOf(copy)).toContain('<x:c r="B1" t="inlineStr"><x:is><x:t xml:space="preserve">a</x:t></x:is></x:c></x:row>');
});

test('an overwritten formula leaves the calculation chain; the next entry keeps its sheet', () => {
  const sheet = ws('<sheetData><row r="1"><c r="A1"><f>1+1</f><v>2</v></c><c r="B1"><f>A1*2</f><v></v></c><c r="C1"><f>A1</f><v>2</v></c></row></sheetData>');
  const calcChain = `<calcChain xmlns="${MAIN}"><c r="B1" i="1"/><c r="A1"/><c r="C1"/></calcChain>`;
  const copy = patchWorkbook(pkg(sheet, { calcChain }), [{ name: 'S&1', plan: plan({ values: [{ row: 1, column: 2, value: 0.25, role: 'rate' }] }) }]);
  expect(sheetOf(copy)).toContain('<c r="B1" s="0"><v>0.25</v></c>');
  expect(part(copy, 'xl/calcChain.xml')).toBe(`<calcChain xmlns="${MAIN}"><c r="A1" i="1"/><c r="C1"/></calcChain>`);
});

test('the master of a shared formula is refused; a cell that only follows it may be written', () => {
  const sheet = ws('<sheetData><row r="1"><c r="A1"><f t="shared" ref="A1:B1" si="0">ROW()</f><v>1</v></c><c r="B1"><f t="shared" si="0"/><v>1</v></c></row></sheetData>');
  expect(() => patchWorkbook(pkg(sheet), [{ name: 'S&1', plan: plan({ values: [{ row: 1, column: 1, value: 1, role: 'rate' }] }) }])).toThrow(CannotAnnotateError);
  const copy = patchWorkbook(pkg(sheet), [{ name: 'S&1', plan: plan({ values: [{ row: 1, column: 2, value: 7, role: 'rate' }] }) }]);
  expect(sheetOf(copy)).toContain('<c r="B1" s="0"><v>7</v></c>');
});

test('a sheet the plan names but the package lacks is refused', () => {
  expect(() => patchWorkbook(pkg(ws('<sheetData/>')), [{ name: 'nope', plan: plan({ values: [{ row: 1, column: 1, value: 1, role: 'rate' }] }) }])).toThrow(/nope/);
});

test('bytes that are no zip are refused with a reason, not a crash', () => {
  expect(() => patchWorkbook(new Uint8Array([1, 2, 3]), [])).toThrow(CannotAnnotateError);
});

test('stored (uncompressed) entries are copied as they are', () => {
  const original = pkg(ws('<sheetData/>'), { level: 0 });
  const copy = patchWorkbook(original, [{ name: 'S&1', plan: plan({ values: [{ row: 1, column: 1, value: 1, role: 'rate' }] }) }]);
  const before = readZip(original);
  const after = readZip(copy);
  for (const e of before.filter((x) => !/sheet1|styles/.test(x.name))) {
    const now = after.find((x) => x.name === e.name);
    expect([e.name, now?.method, Buffer.from(now?.raw ?? []).equals(Buffer.from(e.raw))]).toEqual([e.name, 0, true]);
  }
});

test('a workbook ExcelJS wrote (data descriptors, its own notes): the person\'s note stays, ours is added', async () => {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('S');
  sheet.getCell('A1').value = 'No';
  sheet.getCell('B2').value = 5;
  sheet.getCell('A1').note = '人のメモ';
  const original = new Uint8Array(await wb.xlsx.writeBuffer());
  const copy = patchWorkbook(original, [{ name: 'S', plan: plan({ flags: [
    { row: 1, column: 1, cell: 'A1', severity: 'error', note: 'ちがう' },
    { row: 2, column: 2, cell: 'B2', severity: 'warning', note: '確認' },
  ] }) }]);
  const back = await excel(copy);
  const note = (cell: ExcelJS.Cell): string => {
    const n = cell.note as ExcelJS.Comment | string;
    return typeof n === 'string' ? n : (n.texts ?? []).map((t) => t.text).join('');
  };
  expect(note(back.getCell('A1'))).toBe('人のメモ');
  expect(note(back.getCell('B2'))).toBe('確認');
  expect((back.getCell('B2').fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFEB9C');
  expect((await readWorkbook(copy))[0].grid.values[1][1]).toBe(5);
});

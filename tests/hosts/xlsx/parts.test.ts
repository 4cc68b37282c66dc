/**
 * Workbooks with parts the reader never opens (charts, images, pivot caches) or elements it skips
 * (data validation, conditional formats, extLst), and hand-written XML exercising each cell type,
 * string form and package quirk the reader handles.
 */
import * as fs from 'fs';
import * as path from 'path';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { readWorkbook } from '../../../src/hosts/xlsx/readWorkbook';
import { readWithExcelJs } from '../../helpers/excelJsGrid';
import { workbookDifferences } from './compare';
import { buildZip, minimalWorkbook, text } from './zipKit';

const ROOT = path.resolve(__dirname, '../../..');
const SEED = new Uint8Array(fs.readFileSync(path.join(ROOT, 'tests/fixtures/seeds/000-quarterly.xlsx')));
const SHEET = 'xl/worksheets/sheet1.xml';
const SHEET_RELS = 'xl/worksheets/_rels/sheet1.xml.rels';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** The seed with its parts edited: `edit` gets every part as text (binary ones untouched). */
function editSeed(edit: (parts: Map<string, string>, binary: Zippable) => void): Uint8Array {
  const files = unzipSync(SEED);
  const parts = new Map<string, string>();
  const binary: Zippable = {};
  for (const [name, data] of Object.entries(files)) if (!name.endsWith('/')) parts.set(name, strFromU8(data));
  edit(parts, binary);
  const out: Zippable = { ...binary };
  for (const [name, body] of parts) out[name] = strToU8(body);
  return zipSync(out);
}

function addToSheet(parts: Map<string, string>, xml: string, before = '<pageMargins'): void {
  const sheet = parts.get(SHEET) ?? '';
  parts.set(SHEET, sheet.replace(before, `${xml}${before}`));
}

function drawing(parts: Map<string, string>, anchorContent: string, drawingRels: string): void {
  parts.set(SHEET_RELS, `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdDr1" Type="${REL}/drawing" Target="../drawings/drawing1.xml"/></Relationships>`);
  addToSheet(parts, '<drawing r:id="rIdDr1"/>', '</worksheet>');
  parts.set(
    'xl/drawings/drawing1.xml',
    `<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${REL}" xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"><xdr:twoCellAnchor><xdr:from><xdr:col>5</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>10</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>15</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>${anchorContent}<xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`,
  );
  parts.set('xl/drawings/_rels/drawing1.xml.rels', `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${drawingRels}</Relationships>`);
  const types = parts.get('[Content_Types].xml') ?? '';
  parts.set(
    '[Content_Types].xml',
    types.replace(
      '</Types>',
      '<Default Extension="png" ContentType="image/png"/><Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/><Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/></Types>',
    ),
  );
}

const CHART_FRAME =
  '<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="グラフ 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart r:id="rIdCh1"/></a:graphicData></a:graphic></xdr:graphicFrame>';
const CHART =
  '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><c:chart><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:ser><c:idx val="0"/><c:order val="0"/><c:val><c:numRef><c:f>進捗状況!$B$5:$B$10</c:f></c:numRef></c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/><c:crossAx val="1"/></c:valAx></c:plotArea></c:chart></c:chartSpace>';
const PICTURE =
  '<xdr:pic><xdr:nvPicPr><xdr:cNvPr id="3" name="図 1"/><xdr:cNvPicPr/></xdr:nvPicPr><xdr:blipFill><a:blip r:embed="rIdIm1"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill><xdr:spPr><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic>';
/** A 1×1 PNG. */
const PNG = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64'));

async function expectSameGridAsSeed(bytes: Uint8Array): Promise<void> {
  const expected = await readWorkbook(SEED);
  expect(workbookDifferences(expected, await readWorkbook(bytes))).toEqual([]);
  expect(expected[0].grid.values.length).toBeGreaterThan(10);
}

describe('parts and elements the reader does not need are passed over', () => {
  test('a chart (drawing, chart part, rels): read, same cells', async () => {
    const bytes = editSeed((parts) => {
      drawing(parts, CHART_FRAME, `<Relationship Id="rIdCh1" Type="${REL}/chart" Target="../charts/chart1.xml"/>`);
      parts.set('xl/charts/chart1.xml', CHART);
    });
    await expectSameGridAsSeed(bytes);
  });

  test('an image: read, same cells', async () => {
    const bytes = editSeed((parts, binary) => {
      drawing(parts, PICTURE, `<Relationship Id="rIdIm1" Type="${REL}/image" Target="../media/image1.png"/>`);
      binary['xl/media/image1.png'] = PNG;
    });
    await expectSameGridAsSeed(bytes);
  });

  test('a pivot cache: read, same cells', async () => {
    const bytes = editSeed((parts) => {
      const wb = parts.get('xl/workbook.xml') ?? '';
      parts.set('xl/workbook.xml', wb.replace('</workbook>', '<pivotCaches><pivotCache cacheId="1" r:id="rIdPc1"/></pivotCaches></workbook>'));
      const rels = parts.get('xl/_rels/workbook.xml.rels') ?? '';
      parts.set(
        'xl/_rels/workbook.xml.rels',
        rels.replace('</Relationships>', `<Relationship Id="rIdPc1" Type="${REL}/pivotCacheDefinition" Target="pivotCache/pivotCacheDefinition1.xml"/></Relationships>`),
      );
      parts.set(
        'xl/pivotCache/pivotCacheDefinition1.xml',
        `<pivotCacheDefinition xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}" r:id="rId1" recordCount="2"><cacheSource type="worksheet"><worksheetSource ref="A4:D10" sheet="進捗状況"/></cacheSource><cacheFields count="1"><cacheField name="取組"><sharedItems/></cacheField></cacheFields></pivotCacheDefinition>`,
      );
      parts.set('xl/pivotCache/pivotCacheRecords1.xml', '<pivotCacheRecords xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0"/>');
    });
    await expectSameGridAsSeed(bytes);
  });

  test('data validation, conditional formats and an extLst in the sheet: read, same cells', async () => {
    const bytes = editSeed((parts) => {
      addToSheet(
        parts,
        '<conditionalFormatting sqref="B5:D14"><cfRule type="cellIs" dxfId="0" priority="1" operator="lessThan"><formula>0</formula></cfRule></conditionalFormatting>' +
          '<dataValidations count="1"><dataValidation type="list" allowBlank="1" sqref="D5:D14"><formula1>"◎,〇,△,×"</formula1></dataValidation></dataValidations>',
      );
      addToSheet(
        parts,
        '<extLst><ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:conditionalFormattings><x14:conditionalFormatting xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:cfRule type="dataBar" id="{1}"><x14:dataBar><x14:cfvo type="autoMin"/></x14:dataBar></x14:cfRule><xm:sqref>C5:C14</xm:sqref></x14:conditionalFormatting></x14:conditionalFormattings></ext></extLst>',
        '</worksheet>',
      );
    });
    await expectSameGridAsSeed(bytes);
    // ExcelJS 4.4.0 fails on this valid sheet (its extLst parser), one reason it no longer reads for the engine
    await expect(readWithExcelJs(bytes)).rejects.toThrow();
  });
});

const STYLES = `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="2"><numFmt numFmtId="164" formatCode="0.0%"/><numFmt numFmtId="165" formatCode="yyyy\\年m\\月d\\日"/></numFmts>
<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>
<cellXfs count="6"><xf numFmtId="0"/><xf numFmtId="9"/><xf numFmtId="10"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="164"/><xf numFmtId="165"></xf></cellXfs>
</styleSheet>`;

describe('cell types and string forms, in hand-written XML', () => {
  const strings = [
    '<t>plain</t>',
    '<t xml:space="preserve">  spaced  </t>',
    '<r><rPr><b/></rPr><t>rich </t></r><r><t>text</t></r>',
    '<t>漢字</t><rPh sb="0" eb="2"><t>カンジ</t></rPh><phoneticPr fontId="1"/>',
    '<t>a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos; &#x41;&#12354;&#x1F600;</t>',
    '<t>line1_x000D_\nline2 _x005F_x000D_ kept</t>',
    '<t/>',
    '<t><![CDATA[<raw & kept>]]></t>',
  ];
  const sheet = `<sheetData>
<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c><c r="F1" t="s"><v>5</v></c><c r="G1" t="s"><v>6</v></c><c r="H1" t="s"><v>7</v></c></row>
<row r="2"><c r="A2"><v>42</v></c><c r="B2" t="n"><v>-1.5E-3</v></c><c r="C2" s="1"><v>0.25</v></c><c r="D2" s="2"><v>0.125</v></c><c r="E2" s="3"><v>45566</v></c><c r="F2" s="4"><v>0.5</v></c><c r="G2" s="5"><v>45566.5</v></c><c r="H2" s="1" t="s"><v>0</v></c></row>
<row r="3"><c r="A3" t="b"><v>1</v></c><c r="B3" t="b"><v>0</v></c><c r="C3" t="e"><v>#DIV/0!</v></c><c r="D3" t="str"><f>T("x")</f><v>formula &amp; text</v></c><c r="E3"><f>1/0</f></c><c r="F3" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="G3" t="d"><v>2024-10-01T12:00:00</v></c><c r="H3" t="inlineStr"><is><t>inline</t><rPh sb="0" eb="1"><t>ふり</t></rPh></is></c></row>
<row r="5" spans="1:3"><c s="1"/><c><v>7</v></c><c r="D5" t="inlineStr"><is><r><t>in</t></r><r><t>line</t></r></is></c></row>
<row><c r="A6" t="s"><v>6</v></c><c r="B6" s="3"/></row>
<!-- a comment between rows -->
<row r="8"><c r="A8"><v>1</v></c><c r="ZZ8"><v>2</v></c></row>
<row r="9"><c r="A9"><v>1<!-- split -->2</v></c><c r="B9" t="str"><v><![CDATA[x<y]]></v></c><c r="C9" t="s"><v>9999</v></c><c r="D9"><v/></c><c r="E9" t="b"><v>true</v></c><c r="G9" t="b"><v>false</v></c><c r="F9"><v>1e3</v></c></row>
</sheetData><mergeCells count="2"><mergeCell ref="A10:C11"/><mergeCell ref="E10"/></mergeCells>`;

  test('every value lands where it should, as the engine wants it', async () => {
    const bytes = buildZip(minimalWorkbook([{ name: '進捗 &amp; 状況', body: sheet }], { sharedStrings: strings, styles: STYLES }));
    const [read] = await readWorkbook(bytes);
    expect(read.name).toBe('進捗 & 状況');
    const { values, numberFormats, merges } = read.grid;
    expect(values[0]).toEqual(['plain', '  spaced  ', 'rich text', '漢字', 'a & b <c> "d" \'e\' Aあ😀', 'line1\r\nline2 _x000D_ kept', '', '<raw & kept>']);
    expect(values[1]).toEqual([42, -0.0015, 0.25, 0.125, 45566, 0.5, 45566.5, 'plain']);
    expect(numberFormats?.[1]).toEqual([undefined, undefined, '0%', '0.00%', 'mm-dd-yy', '0.0%', 'yyyy年m月d日']);
    expect(values[2]).toEqual([true, false, '#DIV/0!', 'formula & text', '', '#DIV/0!', 45566.5, 'inline']);
    // a row with no value: an empty row (the sheet has few such gaps; see DENSE_GAP_LIMIT)
    expect(values[3]).toEqual([]);
    // a cell without r follows the one before it; a row without r follows the row before it
    expect(values[4]).toEqual(['', 7, '', 'inline']);
    // an empty shared string and a styled empty cell: nothing to keep
    expect(values[5]).toEqual([]);
    expect(values[6]).toEqual([]);
    // a row wider than DENSE_ROW_LIMIT keeps its holes
    expect(values[7].length).toBe(702);
    expect(Object.keys(values[7])).toEqual(['0', '701']);
    // a comment or CDATA inside <v>; a shared string index out of range and an empty <v> give nothing
    expect(values[8]).toEqual([12, 'x<y', '', '', true, 1000, false]);
    expect(merges).toEqual([{ top: 9, left: 0, bottom: 10, right: 2 }]);
  });

  test('sheets: order kept, hidden read, veryHidden and _psc_state left out, chartsheets passed over', async () => {
    const items = minimalWorkbook([
      { name: 'B', body: '<sheetData><row r="1"><c r="A1"><v>2</v></c></row></sheetData>' },
      { name: 'A', body: '<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>', state: 'hidden' },
      { name: 'secret', body: '<sheetData/>', state: 'veryHidden' },
      { name: '_psc_state', body: '<sheetData/>' },
    ]);
    const names = (await readWorkbook(buildZip(items))).map((s) => s.name);
    expect(names).toEqual(['B', 'A']);
    // the first sheet made a chartsheet (no cells): left out, the rest kept
    const rels = items.find((i) => i.name === 'xl/_rels/workbook.xml.rels');
    if (!rels || !(rels.data instanceof Uint8Array)) throw new Error('no rels');
    rels.data = text(strFromU8(rels.data).replace('/worksheet" Target="worksheets/sheet1.xml"', '/chartsheet" Target="chartsheets/sheet1.xml"'));
    expect((await readWorkbook(buildZip(items))).map((s) => s.name)).toEqual(['A']);
  });

  test('package quirks: absolute and ../ targets, prefixed SpreadsheetML, a BOM, single quotes, 1904 dates', async () => {
    const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
    const bytes = buildZip([
      {
        name: 'xl/workbook.xml',
        data: text(
          `\ufeff<?xml version="1.0"?><x:workbook xmlns:x="${ns}" xmlns:r="${REL}"><x:workbookPr date1904='1'/><x:sheets><x:sheet name='一' sheetId='1' r:id='rId1'/><x:sheet name="二" sheetId="2" r:id="rId2"/></x:sheets></x:workbook>`,
        ),
      },
      {
        name: 'xl/_rels/workbook.xml.rels',
        data: text(
          `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="/xl/worksheets/a.xml"/><Relationship Id="rId2" Type="${REL}/worksheet" Target="../xl/worksheets/b.xml"/><Relationship Id="rId3" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
        ),
      },
      { name: 'xl/styles.xml', data: text(STYLES) },
      { name: 'xl/worksheets/a.xml', data: text(`<x:worksheet xmlns:x="${ns}"><x:sheetData><x:row r="1"><x:c r="A1" s="3"><x:v>0</x:v></x:c><x:c r="B1" t="inlineStr"><x:is><x:t>一</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>`) },
      { name: 'xl/worksheets/b.xml', data: text(`<worksheet xmlns="${ns}"><sheetData><row r="2"><c r="B2"><v>3</v></c></row></sheetData></worksheet>`), stored: true },
    ]);
    const sheets = await readWorkbook(bytes);
    expect(sheets.map((s) => s.name)).toEqual(['一', '二']);
    expect(sheets[0].grid.numberFormats?.[0]?.[0]).toBe('mm-dd-yy');
    // day 0 of the 1904 system is 1904-01-01, serial 1462 in the 1900 system the engine uses
    expect(sheets[0].grid.values[0]).toEqual([1462, '一']);
    expect(sheets[1].grid.values[1]).toEqual(['', 3]);
  });

  test('a UTF-16 part, a workbook without rels, a shared string index written with spaces', async () => {
    const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
    const utf16 = (xml: string): Uint8Array => Uint8Array.from(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, 'utf16le')]));
    const bytes = buildZip([
      { name: 'xl/workbook.xml', data: text(`<workbook xmlns="${ns}"><sheets><sheet name="表" sheetId="1"/></sheets></workbook>`) },
      { name: 'xl/sharedStrings.xml', data: utf16(`<?xml version="1.0" encoding="UTF-16"?><sst xmlns="${ns}"><si><t>ゼロ</t></si><si><t>いち</t></si></sst>`) },
      { name: 'xl/worksheets/sheet1.xml', data: text(`<worksheet xmlns="${ns}"><sheetData><row r="1"><c r="A1" t="s"><v> 1 </v></c></row></sheetData></worksheet>`) },
    ]);
    const [sheet] = await readWorkbook(bytes);
    expect(sheet.name).toBe('表');
    expect(sheet.grid.values).toEqual([['いち']]);
  });
});

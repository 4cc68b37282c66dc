/**
 * Hostile and broken inputs, built in the test: each is refused with its reason (or read cheaply),
 * and bombs stop at their caps without the inflated bytes ever being allocated.
 */
import * as fs from 'fs';
import * as path from 'path';
import { strToU8, zipSync } from 'fflate';
import { DEFAULT_READ_LIMITS, readWorkbook } from '../../../src/hosts/xlsx/readWorkbook';
import { UnreadableWorkbookError } from '../../../src/hosts/xlsx/unreadable';
import { buildZip, deflatedRepeat, minimalWorkbook, text, type ZipItem } from './zipKit';

const ROOT = path.resolve(__dirname, '../../..');
const SEED = new Uint8Array(fs.readFileSync(path.join(ROOT, 'tests/fixtures/seeds/000-quarterly.xlsx')));

async function refusal(bytes: Uint8Array, limits?: Parameters<typeof readWorkbook>[1]): Promise<UnreadableWorkbookError> {
  try {
    await readWorkbook(bytes, limits);
  } catch (err) {
    if (err instanceof UnreadableWorkbookError) return err;
    throw err;
  }
  throw new Error('read without complaint');
}

function oneSheet(body: string, extra: ZipItem[] = []): Uint8Array {
  return buildZip(minimalWorkbook([{ name: 'S', body }], { extra }));
}

/** The sheet part replaced by a prepared item (a bomb), the rest a valid workbook. */
function withSheetPart(item: Omit<ZipItem, 'name'>): Uint8Array {
  const items = minimalWorkbook([{ name: 'S', body: '<sheetData/>' }]).filter((i) => i.name !== 'xl/worksheets/sheet1.xml');
  return buildZip([...items, { name: 'xl/worksheets/sheet1.xml', ...item }]);
}

describe('sheet size', () => {
  test('50,000 rows with one value in column XFD: read fast, rows kept sparse', async () => {
    let rows = '';
    for (let r = 1; r <= 50_000; r++) rows += `<row r="${r}"><c r="XFD${r}"><v>${r}</v></c></row>`;
    const bytes = oneSheet(`<dimension ref="XFD1:XFD50000"/><sheetData>${rows}</sheetData>`);
    expect(bytes.length).toBeLessThan(1_000_000);
    const heapBefore = process.memoryUsage().heapUsed;
    const start = Date.now();
    const [sheet] = await readWorkbook(bytes);
    const ms = Date.now() - start;
    const heapGrowth = process.memoryUsage().heapUsed - heapBefore;
    expect(ms).toBeLessThan(5000);
    const { values } = sheet.grid;
    expect(values).toHaveLength(50_000);
    expect(values[49_999][16_383]).toBe(50_000);
    expect(values[0]).toHaveLength(16_384);
    // one present cell per row, not 16,384 of them
    expect(Object.keys(values[0])).toEqual(['16383']);
    expect(values.every((row) => Object.keys(row).length === 1)).toBe(true);
    // dense, this would be 50,000 × 16,384 slots (several GB); sparse, a few tens of MB at most
    expect(heapGrowth).toBeLessThan(200 * 1024 * 1024);
  });

  test('a single cell at XFD1048576, the last cell of a sheet: read, one row created', async () => {
    const [sheet] = await readWorkbook(oneSheet('<sheetData><row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>end</t></is></c></row></sheetData>'));
    expect(sheet.grid.values).toHaveLength(1_048_576);
    expect(Object.keys(sheet.grid.values)).toEqual(['1048575']);
    expect(sheet.grid.values[1_048_575][16_383]).toBe('end');
  });

  test.each([
    ['a cell in column XFE', '<sheetData><row r="1"><c r="XFE1"><v>1</v></c></row></sheetData>'],
    ['a cell in row 1048577', '<sheetData><row r="1048577"><c r="A1048577"><v>1</v></c></row></sheetData>'],
    ['a row numbered past the sheet', '<sheetData><row r="99999999"><c><v>1</v></c></row></sheetData>'],
    ['a dimension past XFD1048576', '<dimension ref="A1:XFE1048577"/><sheetData/>'],
    ['a merge past XFD1048576', '<sheetData/><mergeCells><mergeCell ref="A1:A1048577"/></mergeCells>'],
  ])('%s is refused as too large', async (_what, body) => {
    const err = await refusal(oneSheet(body));
    expect(err.reason).toBe('too-large');
    expect(err.message).toContain('XFD1048576');
  });

  test('more cells than the cap: too complex, naming the limit', async () => {
    let cells = '';
    for (let c = 1; c <= 200; c++) cells += `<c r="A${c}"><v>1</v></c>`;
    const err = await refusal(oneSheet(`<sheetData><row r="1">${cells}</row></sheetData>`), { maxCellsPerSheet: 100 });
    expect(err.reason).toBe('too-complex');
    expect(err.message).toContain('100');
    expect(err.describe('en')).toContain('more than 100 cells');
  });
});

describe('zip bombs and size caps', () => {
  test('an entry inflating past the per-entry cap stops there', async () => {
    const sheet = `<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>${'x'.repeat(300_000)}</t></is></c></row></sheetData>`;
    const err = await refusal(oneSheet(sheet), { maxEntryBytes: 100 * 1024 });
    expect(err.reason).toBe('too-large');
    expect(err.message).toContain('xl/worksheets/sheet1.xml');
    expect(err.message).toContain('100 KB');
    expect(err.message).toContain('削除');
    expect(err.describe('en')).toContain('over the 100 KB limit');
    // the same part with its size understated in the headers: caught while inflating
    const items = minimalWorkbook([{ name: 'S', body: sheet }]).map((i) => (i.name.endsWith('sheet1.xml') ? { ...i, declaredSize: 10 } : i));
    const lied = await refusal(buildZip(items), { maxEntryBytes: 100 * 1024 });
    expect(lied.reason).toBe('too-large');
    expect(lied.describe('en')).toContain('inflates past the 100 KB limit');
  });

  test('parts inflating past the total cap together', async () => {
    const big = `<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>${'x'.repeat(60_000)}</t></is></c></row></sheetData>`;
    const bytes = buildZip(minimalWorkbook([{ name: 'A', body: big }, { name: 'B', body: big }]));
    await expect(readWorkbook(bytes, { maxTotalBytes: 100_000 })).rejects.toMatchObject({ reason: 'too-large' });
    expect((await readWorkbook(bytes, { maxTotalBytes: 200_000 })).length).toBe(2);
  });

  test('a file over the input cap is refused before unzipping', async () => {
    const err = await refusal(SEED, { maxInputBytes: 1000 });
    expect(err.reason).toBe('too-large');
    expect(err.describe('en')).toContain('over the 1000 B limit');
  });

  test('a real bomb (300 MB of one letter in 0.3 MB) whose headers tell the truth: refused before inflating', async () => {
    const start = Date.now();
    const err = await refusal(withSheetPart({ data: deflatedRepeat(300) }));
    expect(err.reason).toBe('too-large');
    expect(Date.now() - start).toBeLessThan(10_000);
  });

  test('the same bomb with lying size headers: stopped by the ratio cap a few MB in', async () => {
    const heapBefore = process.memoryUsage().heapUsed;
    const start = Date.now();
    const err = await refusal(withSheetPart({ data: deflatedRepeat(300), declaredSize: 1000 }));
    expect(err.reason).toBe('too-large');
    expect(err.describe('en')).toContain('100:1');
    expect(Date.now() - start).toBeLessThan(10_000);
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(150 * 1024 * 1024);
  });

  test('lying headers and no ratio cap: stopped at the per-entry cap, not at 300 MB', async () => {
    const start = Date.now();
    const err = await refusal(withSheetPart({ data: deflatedRepeat(300), declaredSize: 1000 }), {
      maxRatio: Number.POSITIVE_INFINITY,
      maxEntryBytes: 20 * 1024 * 1024,
    });
    expect(err.reason).toBe('too-large');
    expect(err.message).toContain('20 MB');
    expect(Date.now() - start).toBeLessThan(10_000);
  });

  test('small parts may compress very well: the ratio cap starts past ratioMinBytes', async () => {
    let rows = '';
    for (let r = 1; r <= 2000; r++) rows += `<row r="${r}"><c r="A${r}"><v>1</v></c></row>`;
    const [sheet] = await readWorkbook(oneSheet(`<sheetData>${rows}</sheetData>`));
    expect(sheet.grid.values).toHaveLength(2000);
  });

  test('defaults are the documented ones', () => {
    expect(DEFAULT_READ_LIMITS).toEqual({
      maxInputBytes: 100 * 1024 * 1024,
      maxEntries: 10_000,
      maxEntryBytes: 256 * 1024 * 1024,
      maxTotalBytes: 512 * 1024 * 1024,
      maxRatio: 100,
      ratioMinBytes: 10 * 1024 * 1024,
      maxCellsPerSheet: 5_000_000,
    });
  });
});

describe('zips that are no workbook, or broken', () => {
  test('more entries than the cap: too complex, before any is read', async () => {
    const extra = Array.from({ length: 10_001 }, (_v, i) => ({ name: `junk/${i}.bin`, data: new Uint8Array(0), stored: true }));
    const err = await refusal(oneSheet('<sheetData/>', extra));
    expect(err.reason).toBe('too-complex');
    expect(err.message).toContain('10000');
    expect(await refusal(oneSheet('<sheetData/>'), { maxEntries: 3 })).toMatchObject({ reason: 'too-complex' });
  });

  test('duplicate entry names are refused (two readers could see two different workbooks)', async () => {
    const items = minimalWorkbook([{ name: 'S', body: '<sheetData/>' }]);
    const err = await refusal(buildZip([...items, { name: 'xl/worksheets/sheet1.xml', data: text('<worksheet/>') }]));
    expect(err.reason).toBe('corrupt');
    expect(err.message).toContain('duplicate');
  });

  test('a Word document named .xlsx: not a workbook, and said so', async () => {
    const docx = zipSync({
      '[Content_Types].xml': strToU8('<Types/>'),
      '_rels/.rels': strToU8('<Relationships/>'),
      'word/document.xml': strToU8('<w:document/>'),
    });
    const err = await refusal(docx);
    expect(err.reason).toBe('not-workbook');
    expect(err.message).toContain('Word');
    expect(err.describe('en')).toContain('Word document');
  });

  test('a plain zip named .xlsx: not a workbook', async () => {
    const err = await refusal(zipSync({ 'readme.txt': strToU8('hello') }));
    expect(err.reason).toBe('not-workbook');
    expect(err.message).toContain('xl/workbook.xml');
  });

  test.each([0.5, 0.9, 0.99])('a zip cut at %p of its length is corrupt', async (fraction) => {
    const err = await refusal(SEED.subarray(0, Math.floor(SEED.length * fraction)));
    expect(err.reason).toBe('corrupt');
    expect(err.message).toContain('ファイルが壊れているか途中で切れています');
  });

  test('damaged deflate data is corrupt, naming the part', async () => {
    const bytes = oneSheet('<sheetData/>');
    const damaged = withSheetPart({ data: { deflated: new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff]), size: 100 } });
    expect((await readWorkbook(bytes)).length).toBe(1);
    const err = await refusal(damaged);
    expect(err.reason).toBe('corrupt');
    expect(err.message).toContain('sheet1.xml');
  });

  test('malformed sheet XML is corrupt, not a crash', async () => {
    const err = await refusal(oneSheet('<sheetData><row r="1"><c r="A1><v>1</v></c></row></sheetData>'));
    expect(err.reason).toBe('corrupt');
  });

  test('the committed unreadable files keep their reasons', async () => {
    const dir = path.join(ROOT, 'tests/fixtures/hard/unreadable');
    const reasons: Record<string, string> = {};
    for (const file of fs.readdirSync(dir)) reasons[file] = (await refusal(new Uint8Array(fs.readFileSync(path.join(dir, file))))).reason;
    expect(reasons).toEqual({
      'csv-renamed.xlsx': 'not-xlsx',
      'empty.xlsx': 'empty',
      'password.xlsx': 'encrypted-or-xls',
      'truncated.xlsx': 'corrupt',
    });
  });

  test('every refusal is one line, Japanese first, saying what to do', async () => {
    const errors = [
      await refusal(SEED, { maxInputBytes: 1000 }),
      await refusal(oneSheet('<sheetData/>'), { maxEntries: 3 }),
      await refusal(zipSync({ 'a.txt': strToU8('a') })),
      await refusal(SEED.subarray(0, 500)),
    ];
    for (const err of errors) {
      expect(err.message).not.toContain('\n');
      expect(err.message.slice(0, 10)).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      expect(err.message).toMatch(/してください。$/);
      expect(err.describe('en')).toMatch(/^[A-Z][\x20-\x7e]+$/);
    }
  });
});

/**
 * A worksheet over 4 MB is decoded in pieces cut after row end tags (issue 8: memory): the grid
 * is the same as reading it whole, with prefixed tags, Japanese text across the cuts, and a
 * comment holding "</row>" (the reader then reads the part whole).
 */
import { readWorkbook } from '../../../src/hosts/xlsx/readWorkbook';
import { xmlChunks } from '../../../src/hosts/xlsx/read';
import { buildZip, minimalWorkbook, text } from './zipKit';

function bigSheet(prefix: string, rows: number, extra = ''): string {
  let body = '';
  for (let r = 1; r <= rows; r++) {
    body += `<${prefix}row r="${r}"><${prefix}c r="A${r}" t="inlineStr"><${prefix}is><${prefix}t>行${r}：窓口業務の見直しと効率化</${prefix}t></${prefix}is></${prefix}c><${prefix}c r="B${r}"><${prefix}v>${r}</${prefix}v></${prefix}c></${prefix}row>`;
    if (r === Math.floor(rows / 2)) body += extra;
  }
  return `<${prefix}sheetData>${body}</${prefix}sheetData>`;
}

function expectRows(values: unknown[][], rows: number): void {
  expect(values).toHaveLength(rows);
  for (const r of [0, 1, Math.floor(rows / 2), rows - 1]) expect(values[r]).toEqual([`行${r + 1}：窓口業務の見直しと効率化`, r + 1]);
}

describe('a large worksheet read in pieces', () => {
  const rows = 60_000;

  test('pieces end after row end tags and join to the whole text', () => {
    const xml = `<worksheet>${bigSheet('x:', rows)}</worksheet>`;
    const pieces = [...xmlChunks(text(xml))];
    expect(pieces.length).toBeGreaterThan(1);
    for (const piece of pieces.slice(0, -1)) expect(piece.endsWith('</x:row>')).toBe(true);
    expect(pieces.join('')).toBe(xml);
  });

  test.each(['', 'x:'])('rows with prefix "%s" read alike', async (prefix) => {
    const [sheet] = await readWorkbook(buildZip(minimalWorkbook([{ name: 'S', body: bigSheet(prefix, rows) }])));
    expectRows(sheet.grid.values, rows);
  });

  test('a comment holding "</row>" across a cut: the part is read whole instead', async () => {
    const comment = `<!-- ${'</row>'.repeat(1_000_000)} -->`;
    const [sheet] = await readWorkbook(buildZip(minimalWorkbook([{ name: 'S', body: bigSheet('', rows, comment) }])));
    expectRows(sheet.grid.values, rows);
  });
});

/**
 * The cell patcher (one-pass row tags, columns read straight from plain <c r="…"> tags, spans from
 * the scanned columns, formulas looked for only in cells with "<f") against the one it replaced
 * (sheetCellsReference.ts): the same edits and the same overwritten formulas on seeded random
 * sheets and plans, rows and cells with and without r, references in any case or with "$", spans
 * or none, self-closing rows and cells, formulas, prefixes.
 */
import fc from 'fast-check';
import { type CellEdit, cellEdits } from '../../../src/hosts/xlsx/patch/sheetCells';
import { nearIndexOf, splice } from '../../../src/hosts/xlsx/patch/xml';
import { cellEdits as referenceCellEdits } from './sheetCellsReference';

const letters = (column: number): string => (column <= 26 ? String.fromCharCode(64 + column) : `A${String.fromCharCode(38 + column)}`);

const cell = fc.record({
  column: fc.integer({ min: 1, max: 30 }),
  ref: fc.constantFrom('plain', 'lower', 'dollar', 'none', 'second', 'spaced', 'bogus'),
  body: fc.constantFrom('', '<v>1</v>', '<f>A1+1</f><v>2</v>', '<is><t>あ&amp;</t></is>', '<f t="shared" si="0"/><v>3</v>'),
  s: fc.constantFrom(undefined, '0', '3'),
});
const row = fc.record({
  r: fc.constantFrom('plain', 'none', 'late'),
  spans: fc.boolean(),
  extra: fc.constantFrom('', ' x14ac:dyDescent="0.25"', ' ht="20" customHeight="1"'),
  cells: fc.array(cell, { maxLength: 6 }),
});

function cellXml(p: string, rowNumber: number, c: { column: number; ref: string; body: string; s?: string }): string {
  const a1 = `${letters(c.column)}${rowNumber}`;
  const s = c.s === undefined ? '' : ` s="${c.s}"`;
  const r = {
    plain: ` r="${a1}"`,
    lower: ` r="${a1.toLowerCase()}"`,
    dollar: ` r="$${letters(c.column)}$${rowNumber}"`,
    none: '',
    second: '',
    spaced: ` r = '${a1}'`,
    bogus: ' r="1A"',
  }[c.ref];
  const open = c.ref === 'second' ? `<${p}c${s || ' t="n"'} r="${a1}"` : `<${p}c${r}${s}`;
  return c.body ? `${open}>${c.body.replace(/<(\/?)([a-z])/g, `<$1${p}$2`)}</${p}c>` : `${open}/>`;
}

function sheet(p: string, rows: { r: string; spans: boolean; extra: string; cells: { column: number; ref: string; body: string; s?: string }[] }[]): string {
  const body = rows
    .map((r, i) => {
      const n = i * 2 + 1;
      const cells = [...new Map(r.cells.map((c) => [c.column, c])).values()].sort((a, b) => a.column - b.column);
      const attrs = `${r.r === 'plain' ? ` r="${n}"` : ''}${r.spans && cells.length ? ` spans="${cells[0].column}:${cells[cells.length - 1].column}"` : ''}${r.extra}${r.r === 'late' ? ` r="${n}"` : ''}`;
      return cells.length ? `<${p}row${attrs}>${cells.map((c) => cellXml(p, n, c)).join('')}</${p}row>` : `<${p}row${attrs}/>`;
    })
    .join('');
  const ns = p ? ` xmlns:${p.slice(0, -1)}="http://schemas.openxmlformats.org/spreadsheetml/2006/main"` : '';
  return `<?xml version="1.0"?>\n<${p}worksheet${ns}><${p}sheetData>${body}</${p}sheetData></${p}worksheet>`;
}

const edit = fc.record({
  row: fc.integer({ min: 1, max: 12 }),
  column: fc.integer({ min: 1, max: 32 }),
  value: fc.constantFrom(undefined, { value: 5 }, { value: 'あ<b>' }, { value: null }, { value: 'x\u0001y' }),
  bump: fc.nat({ max: 3 }),
});

function outcome(f: typeof cellEdits, xml: string, p: string, edits: CellEdit[]): string {
  try {
    const result = f(xml, p, edits, (r, column) => (r ? 7 : column % 3));
    return JSON.stringify({ xml: splice(xml, result.edits), overwritten: result.overwrittenFormulas });
  } catch (error) {
    return `refused: ${(error as Error).message}`;
  }
}

test('cellEdits gives what the patcher it replaced gave, on random sheets and plans', () => {
  fc.assert(
    fc.property(fc.constantFrom('', 'x:'), fc.array(row, { maxLength: 6 }), fc.array(edit, { maxLength: 8 }), (p, rows, raw) => {
      const xml = sheet(p, rows);
      const seen = new Set<string>();
      const edits: CellEdit[] = raw
        .filter((e) => !seen.has(`${e.row}:${e.column}`) && seen.add(`${e.row}:${e.column}`))
        .map((e) => ({ row: e.row, column: e.column, value: e.value, style: (current: number) => current + e.bump }));
      expect(outcome(cellEdits, xml, p, edits)).toBe(outcome(referenceCellEdits, xml, p, edits));
    }),
    { seed: 20251201, numRuns: 3000 },
  );
});

test('nearIndexOf finds what indexOf finds, near and far (past its 64-character loop)', () => {
  const piece = fc.constantFrom('<', 'c', '<c', '</c>', '<c ', 'x'.repeat(30), '<row', '>', 'r');
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 40 }), fc.constantFrom('<c ', '</c>', '<row', '<'), fc.nat({ max: 400 }), (pieces, tag, from) => {
      const xml = pieces.join('');
      expect(nearIndexOf(xml, tag, from)).toBe(xml.indexOf(tag, from));
    }),
    { seed: 64, numRuns: 5000 },
  );
});

/** The decisions of applying a plan, on plain data: no double, no Office.js. */
import type { WritePlan } from '../../src/engine/types';
import { type CurrentCells, HEADER_FILL, NOTE_EXISTS, reconcile, wantedBy, whatToRead } from '../../src/hosts/office/reconcile';
import { type SheetState, decodeState, emptySheetState, encodeState, hashText } from '../../src/hosts/office/stateStore';

const TARGET = { sheetId: '{1}', sheetName: '進捗' };
const PINK = '#FFC7CE';

function current(partial: Partial<CurrentCells> = {}): CurrentCells {
  return { fills: new Map(), notes: new Map(), headerStyles: new Map(), originals: new Map(), widths: new Map(), ...partial };
}

const plan: WritePlan = {
  values: [
    { row: 3, column: 6, value: '達成率（自動計算）', role: 'header' },
    { row: 4, column: 6, value: 0.5, numberFormat: '0.0%', role: 'rate' },
  ],
  flags: [{ row: 4, column: 3, cell: 'C4', severity: 'error', note: '担当課が空欄です。' }],
  appendedColumns: [{ column: 6, letter: 'F', role: 'rate', header: '達成率（自動計算）' }],
  headerRows: [3],
};

describe('reconcile (plain data)', () => {
  test('a first check: asks for fills, notes, header styles, originals and widths; records them; writes the plan', () => {
    const previous = emptySheetState(TARGET);
    const wanted = wantedBy(plan);
    expect(whatToRead(previous, wanted, true)).toEqual({
      fillCells: [{ row: 4, column: 3 }],
      noteCells: [{ address: 'C4', needContent: false }],
      headerCells: [expect.objectContaining({ row: 3, column: 6 })],
      unrecordedCells: [expect.objectContaining({ row: 3, column: 6 }), expect.objectContaining({ row: 4, column: 6 })],
      widthColumns: [6],
    });
    const now = current({
      fills: new Map([['C4', { color: '#FFFF00' }]]),
      notes: new Map([['C4', null]]),
      headerStyles: new Map([['F3', { fill: null, bold: false }]]),
      originals: new Map([
        ['F3', { value: '', formula: '', numberFormat: 'General' }],
        ['F4', { value: '', formula: '', numberFormat: 'General' }],
      ]),
      widths: new Map([[6, 48]]),
    });
    const { writes, next, counts } = reconcile(previous, now, wanted, { notes: true });
    expect(writes.fillSets).toEqual([
      { row: 4, column: 3, fill: { color: PINK } },
      { row: 3, column: 6, fill: { color: HEADER_FILL } },
    ]);
    expect(writes.noteAdds).toEqual([{ address: 'C4', text: '担当課が空欄です。' }]);
    expect(writes.valueSets).toEqual([
      { row: 3, column: 6, value: '達成率（自動計算）', numberFormat: 'General' },
      { row: 4, column: 6, value: 0.5, numberFormat: '0.0%' },
    ]);
    expect(writes.widthSets).toEqual([{ column: 6, width: 90 }]);
    expect(next.flags).toEqual([{ address: 'C4', originalFill: { color: '#FFFF00' }, flagFill: PINK, noteHash: hashText('担当課が空欄です。') }]);
    expect(next.widths).toEqual([{ column: 6, originalWidth: 48 }]);
    expect(counts).toMatchObject({ flagged: 1, notes: 1, written: 2, unflagged: 0, restored: 0 });
  });

  test('an empty plan puts back exactly what was recorded, where the sheet is still as we left it', () => {
    const previous: SheetState = {
      ...emptySheetState(TARGET),
      flags: [
        { address: 'C4', originalFill: { color: '#FFFF00' }, flagFill: PINK, noteHash: hashText('ours') },
        { address: 'C5', originalFill: null, flagFill: PINK },
      ],
      writtenCells: [{ row: 4, column: 6, value: 12, formula: '=A1*2', numberFormat: '0' }],
      headerStyles: [{ address: 'F3', originalFill: null, originalBold: true }],
      widths: [{ column: 6, originalWidth: 30 }],
    };
    const wanted = wantedBy({ values: [], flags: [], appendedColumns: [], headerRows: [] });
    // C5 was re-coloured by a person since: it stays; the note on C4 is still ours: it goes.
    const now = current({
      fills: new Map([
        ['C4', { color: PINK }],
        ['C5', { color: '#00FF00' }],
      ]),
      notes: new Map([['C4', 'ours']]),
    });
    const { writes, next, counts } = reconcile(previous, now, wanted, { notes: true });
    expect(writes.fillRestores).toEqual([
      { row: 4, column: 3, fill: { color: '#FFFF00' } },
      { row: 3, column: 6, fill: null },
    ]);
    expect(writes.noteDeletes).toEqual(['C4']);
    expect(writes.valueRestores).toEqual([{ row: 4, column: 6, value: 12, formula: '=A1*2', numberFormat: '0' }]);
    expect(writes.boldRestores).toEqual([{ row: 3, column: 6, bold: true }]);
    expect(writes.widthSets).toEqual([{ column: 6, width: 30 }]);
    expect(next).toEqual(emptySheetState(TARGET));
    expect(counts.unflagged).toBe(2);
  });

  test('a person’s own note is never replaced; an existing note whose content was not read counts as theirs', () => {
    const wanted = wantedBy(plan);
    const now = current({ notes: new Map([['C4', NOTE_EXISTS]]) });
    const { writes, next } = reconcile(emptySheetState(TARGET), now, wanted, { notes: true });
    expect(writes.noteAdds).toEqual([]);
    expect(writes.noteUpdates).toEqual([]);
    expect(next.flags[0].noteHash).toBeUndefined();
  });
});

describe('the stored state', () => {
  const state = {
    version: 1 as const,
    sheets: [
      {
        ...emptySheetState(TARGET),
        flags: [{ address: 'C4', originalFill: { color: '#FFFF00', pattern: 'Gray50', patternColor: '#000000' }, flagFill: PINK, noteHash: 'abc' }],
        writtenCells: [
          { row: 4, column: 6, value: 12, formula: '=A1*2', numberFormat: '0' },
          { row: 5, column: 6, value: '', formula: '', numberFormat: 'General' },
        ],
        headerStyles: [{ address: 'F3', originalFill: null, originalBold: false }],
        widths: [{ column: 6, originalWidth: 30 }],
      },
    ],
  };

  test('round-trips through the compact stored form, whose keys are the ones earlier versions wrote', () => {
    const cells = encodeState(state);
    expect(decodeState(cells.slice(1))).toEqual(state);
    const json = JSON.parse(cells.slice(1).map((c) => c.slice(1)).join('')) as { sheets: Record<string, unknown>[] };
    expect(Object.keys(json.sheets[0]).sort()).toEqual(['cells', 'flags', 'sheetId', 'sheetName', 'styles', 'widths']);
    expect(json.sheets[0].flags).toEqual({ a: ['C4'], o: [[1, { c: '#FFFF00', p: 'Gray50', pc: '#000000' }]], s: [[1, PINK]], n: [[1, 'abc']] });
  });

  test('a record an earlier version wrote reads the same', () => {
    const old =
      'j{"version":1,"sheets":[{"sheetId":"{1}","sheetName":"進捗","cells":[{"c":6,"r":4,"v":[[1,12]],"x":[[1,"=A1*2"]],"f":[[1,"0"]]}],"styles":[],"widths":[],"flags":{"a":["C4"],"o":[[1,null]],"s":[[1,"#FFC7CE"]],"n":[[1,0]]}}]}';
    expect(decodeState([old]).sheets[0]).toEqual({
      ...emptySheetState(TARGET),
      flags: [{ address: 'C4', originalFill: null, flagFill: PINK }],
      writtenCells: [{ row: 4, column: 6, value: 12, formula: '=A1*2', numberFormat: '0' }],
    });
  });

  test('the schema drops a damaged sheet record and keeps the others', () => {
    const good = JSON.parse(encodeState(state).slice(1).map((c) => c.slice(1)).join('')) as { sheets: unknown[] };
    const damaged = { version: 1, sheets: [{ sheetId: 3, flags: {} }, ...good.sheets] };
    expect(decodeState([`j${JSON.stringify(damaged)}`]).sheets).toHaveLength(1);
    expect(decodeState(['jnot json']).sheets).toEqual([]);
  });
});

import { FLAG_FILLS, type WritePlan } from '../../src/engine/types';
import { HEADER_FILL } from '../../src/hosts/office/applyPlan';
import { clearFlags } from '../../src/hosts/office/clearFlags';
import { Session } from '../../src/hosts/office/session';
import { STATE_CHUNK_CHARS, STATE_SHEET_NAME } from '../../src/hosts/office/stateStore';
import {
  PAYLOAD_LIMIT_BYTES,
  type SheetSpec,
  cellAt,
  cloneWorkbook,
  diffSheets,
  diffWorkbooks,
  sheetByName,
} from '../office-double';
import { fixedChecker, flag, installDouble, runCheck, write } from './helpers';

/** A small sheet with what a person leaves in one: fills, a pattern, a note, bold, a text-formatted number. */
function personSheet(): SheetSpec {
  return {
    name: '進捗',
    values: [
      ['No.', '取組項目', '担当課', '達成率', '評価'],
      [1, '窓口改革', '', '', 'A'],
      [2, '電子申請', '財政課', '0012', '〇'],
      [3, '', '人事課', 0.5, 'B'],
    ],
    numberFormats: [[], [], [null, null, null, '@'], [null, null, null, '0.0%']],
    fills: {
      B2: '#FFFF00',
      C3: { color: '#FFFFFF', pattern: 'Gray50', patternColor: '#FF0000' },
      D1: '#CCCCCC',
    },
    bold: ['A1:E1'],
    notes: { E2: '担当者メモ：要確認' },
    columnWidths: { F: 60 },
  };
}

const RESULT_C2 = 'C2: 担当課が空欄です。';

function personPlan(): WritePlan {
  return {
    flags: [
      flag('C2', 'error', '担当課が空欄です。'),
      flag('B4', 'error', '取組項目が空欄です。'),
      flag('E2', 'error', '評価「A」はこの表の評価にありません。'),
      flag('C3', 'warning', '担当課の名称を確認してください。'),
      flag('E3', 'info', '「〇」を「○」として読みました。'),
    ],
    values: [
      write(1, 6, '達成率（自動計算）', 'header'),
      write(1, 7, 'チェック結果', 'header'),
      write(2, 6, 0.5, 'rate', '0.0%'),
      write(3, 6, null, 'rate', '0.0%'),
      write(4, 6, 1.2, 'rate', '0.0%'),
      write(2, 7, RESULT_C2, 'result'),
      write(3, 7, 'C3: 担当課の名称を確認してください。', 'result'),
      write(4, 7, 'B4: 取組項目が空欄です。', 'result'),
      // The template's own 達成率 column, where the engine writes too.
      write(2, 4, 0.75, 'rate', '0.0%'),
      write(3, 4, 0.25, 'rate', '0.0%'),
    ],
    appendedColumns: [
      { column: 6, letter: 'F', role: 'rate', header: '達成率（自動計算）' },
      { column: 7, letter: 'G', role: 'result', header: 'チェック結果' },
    ],
    headerRows: [1],
  };
}

describe.each(['1.18', '1.13', '1.9'])('applying a plan, ExcelApi %s', (apiVersion) => {
  const notes = apiVersion === '1.18';

  test('flags get their fills, notes where supported, a person’s note is kept; values and headers are written', async () => {
    const { excel, done } = installDouble([personSheet()], { apiVersion });
    try {
      const result = await runCheck(fixedChecker(personPlan()));
      const at = (a: string) => cellAt(excel.workbook, '進捗', a);
      expect(at('C2').fill).toEqual({ color: FLAG_FILLS.error, pattern: 'Solid' });
      expect(at('B4').fill?.color).toBe(FLAG_FILLS.error);
      expect(at('C3').fill).toMatchObject({ color: FLAG_FILLS.warning, pattern: 'Solid' });
      expect(at('E3').fill?.color).toBe(FLAG_FILLS.info);
      expect(at('B2').fill?.color).toBe('#FFFF00'); // not flagged: untouched
      expect(at('C2').note).toBe(notes ? '担当課が空欄です。' : null);
      expect(at('E2').note).toBe('担当者メモ：要確認'); // a person's note stays
      expect(at('F2')).toMatchObject({ value: 0.5, numberFormat: '0.0%' });
      expect(at('F3')).toMatchObject({ value: '', numberFormat: '0.0%' });
      expect(at('D3')).toMatchObject({ value: 0.25, numberFormat: '0.0%' });
      expect(at('G2').value).toBe(RESULT_C2);
      expect(at('F1')).toMatchObject({ value: '達成率（自動計算）', bold: true, fill: { color: HEADER_FILL, pattern: 'Solid' } });
      const widths = sheetByName(excel.workbook, '進捗').columnWidths; // 0-based: F is 5
      expect(widths.get(5)).toBe(90);
      expect(widths.get(6)).toBe(320);
      const state = sheetByName(excel.workbook, STATE_SHEET_NAME);
      expect(state.visibility).toBe('VeryHidden');
      expect(result.apply).toMatchObject({ flagged: 5, notes: notes ? 4 : 0, written: 11 - 1 });
    } finally {
      done();
    }
  });

  test('clearing gives back the sheet exactly: values, formats, fills (none, solid, pattern), bold, notes, widths', async () => {
    const { excel, done } = installDouble([personSheet(), { name: '表紙', values: [['表紙']] }], { apiVersion });
    try {
      const before = cloneWorkbook(excel.workbook);
      await runCheck(fixedChecker(personPlan()));
      expect(diffWorkbooks(before, excel.workbook).length).toBeGreaterThan(20);
      const cleared = await Excel.run((context) => clearFlags(new Session(context)));
      expect(cleared.unflagged).toBe(5);
      expect(diffWorkbooks(before, excel.workbook)).toEqual([]);
    } finally {
      done();
    }
  });

  test('applying twice gives the sheet applying once gives, and shows the engine the sheet as it was', async () => {
    const { excel, done } = installDouble([personSheet()], { apiVersion });
    try {
      const checker = fixedChecker(personPlan());
      await runCheck(checker);
      const once = cloneWorkbook(excel.workbook);
      await runCheck(checker);
      expect(diffWorkbooks(once, excel.workbook)).toEqual([]);
      expect(checker.grids[1]).toEqual(checker.grids[0]);
    } finally {
      done();
    }
  });

  test('a second check with other findings leaves what a first check of those findings would', async () => {
    const later: WritePlan = {
      flags: [flag('C2', 'warning', '担当課の表記を確認してください。'), flag('A4', 'error', 'No. が重複しています。')],
      values: [write(1, 6, '達成率（自動計算）', 'header'), write(2, 6, 0.9, 'rate', '0.0%')],
      appendedColumns: [{ column: 6, letter: 'F', role: 'rate', header: '達成率（自動計算）' }],
      headerRows: [1],
    };
    const fresh = installDouble([personSheet()], { apiVersion });
    let direct;
    try {
      await runCheck(fixedChecker(later));
      direct = cloneWorkbook(fresh.excel.workbook);
    } finally {
      fresh.done();
    }
    const { excel, done } = installDouble([personSheet()], { apiVersion });
    try {
      await runCheck(fixedChecker(personPlan()));
      await runCheck(fixedChecker(later));
      expect(diffSheets(sheetByName(direct, '進捗'), sheetByName(excel.workbook, '進捗'))).toEqual([]);
    } finally {
      done();
    }
  });

  test('what a person changed after the check stays when flags are cleared', async () => {
    const { excel, done } = installDouble([personSheet()], { apiVersion });
    try {
      const before = cloneWorkbook(excel.workbook);
      await runCheck(fixedChecker(personPlan()));
      const sheet = sheetByName(excel.workbook, '進捗');
      const c2 = cellAt(excel.workbook, '進捗', 'C2');
      // They colour C2 green, type the department, and (1.18) edit our note on B4 and delete C2's.
      sheet.cells.set(1 * 16384 + 2, { ...c2, value: '総務課', fill: { color: '#00FF00', pattern: 'Solid' }, note: null });
      if (notes) {
        const b4 = cellAt(excel.workbook, '進捗', 'B4');
        sheet.cells.set(3 * 16384 + 1, { ...b4, note: '確認済み（担当者）' });
      }
      await Excel.run((context) => clearFlags(new Session(context)));
      const diff = diffWorkbooks(before, excel.workbook);
      expect(diff).toEqual(
        [
          '進捗!C2 value: "" → "総務課"',
          '進捗!C2 fill: none → Solid:#00FF00',
          '進捗!B4 note: null → "確認済み（担当者）"',
        ].filter((line) => notes || !line.includes('note')),
      );
    } finally {
      done();
    }
  });

  test('calculation and screen updating are suspended while writing, where supported', async () => {
    const { excel, done } = installDouble([personSheet()], { apiVersion });
    try {
      await runCheck(fixedChecker(personPlan()));
      const writing = excel.stats.log.filter((l) => l.writes > 0);
      expect(writing.length).toBe(1);
      expect(writing[0].calculationSuspended).toBe(true);
      expect(writing[0].screenUpdatingSuspended).toBe(true);
    } finally {
      done();
    }
  });
});

describe('applying a plan on ExcelApi 1.7 (no getCellProperties, no notes, no screen-updating suspension)', () => {
  function oldSheet(): SheetSpec {
    const spec = personSheet();
    spec.fills = { B2: '#FFFF00', D1: '#CCCCCC' };
    return spec;
  }

  test('fills and the result column carry the findings; clearing restores the sheet', async () => {
    const { excel, done } = installDouble([oldSheet()], { apiVersion: '1.7' });
    try {
      const before = cloneWorkbook(excel.workbook);
      await runCheck(fixedChecker(personPlan()));
      expect(cellAt(excel.workbook, '進捗', 'C2')).toMatchObject({ fill: { color: FLAG_FILLS.error }, note: null });
      expect(cellAt(excel.workbook, '進捗', 'G2').value).toBe(RESULT_C2);
      const writing = excel.stats.log.filter((l) => l.writes > 0);
      expect(writing[0]).toMatchObject({ calculationSuspended: true, screenUpdatingSuspended: false });
      const once = cloneWorkbook(excel.workbook);
      await runCheck(fixedChecker(personPlan()));
      expect(diffWorkbooks(once, excel.workbook)).toEqual([]);
      await Excel.run((context) => clearFlags(new Session(context)));
      expect(diffWorkbooks(before, excel.workbook)).toEqual([]);
    } finally {
      done();
    }
  });

  test('known limit before 1.9: a white fill reads as no fill, so it comes back as no fill', async () => {
    const spec = oldSheet();
    spec.fills = { C2: '#FFFFFF' };
    const { excel, done } = installDouble([spec], { apiVersion: '1.7' });
    try {
      await runCheck(fixedChecker(personPlan()));
      await Excel.run((context) => clearFlags(new Session(context)));
      expect(cellAt(excel.workbook, '進捗', 'C2').fill).toBeNull();
    } finally {
      done();
    }
  });
});

describe('the state sheet', () => {
  test('several checked sheets: clearing one keeps the other; the state sheet goes with the last', async () => {
    const other = { ...personSheet(), name: '進捗2' };
    const { excel, done } = installDouble([personSheet(), other]);
    try {
      const before = cloneWorkbook(excel.workbook);
      await runCheck(fixedChecker(personPlan()), { sheetName: '進捗' });
      await runCheck(fixedChecker(personPlan()), { sheetName: '進捗2' });
      const both = cloneWorkbook(excel.workbook);
      await Excel.run((context) => clearFlags(new Session(context), { sheetName: '進捗' }));
      expect(diffSheets(sheetByName(before, '進捗'), sheetByName(excel.workbook, '進捗'))).toEqual([]);
      expect(diffSheets(sheetByName(both, '進捗2'), sheetByName(excel.workbook, '進捗2'))).toEqual([]);
      expect(excel.workbook.sheets.map((s) => s.name)).toContain(STATE_SHEET_NAME);
      await Excel.run((context) => clearFlags(new Session(context), { sheetName: '進捗2' }));
      expect(diffWorkbooks(before, excel.workbook)).toEqual([]);
    } finally {
      done();
    }
  });

  test('a large state is stored in chunks under 30,000 characters and read back whole', async () => {
    const rows = 4000;
    const values = [['No.', '取組項目', '担当課'], ...Array.from({ length: rows }, (_, i) => [i + 1, `取組${i + 1}`, ''])];
    const plan: WritePlan = {
      flags: Array.from({ length: rows }, (_, i) => flag(`C${i + 2}`, 'error', `担当課が空欄です（${i + 1}）。`)),
      values: [],
      appendedColumns: [],
      headerRows: [1],
    };
    const { excel, done } = installDouble([{ name: '進捗', values, fills: { 'C2:C1000': '#FFFF00' } }]);
    try {
      const before = cloneWorkbook(excel.workbook);
      await runCheck(fixedChecker(plan));
      const state = sheetByName(excel.workbook, STATE_SHEET_NAME);
      const cells = [...state.cells.values()].map((c) => c.value).filter((v) => v !== '');
      expect(cells.length).toBeGreaterThan(2);
      for (const cell of cells) expect(String(cell).length).toBeLessThanOrEqual(STATE_CHUNK_CHARS + 1);
      const once = cloneWorkbook(excel.workbook);
      await runCheck(fixedChecker(plan));
      expect(diffWorkbooks(once, excel.workbook)).toEqual([]);
      await Excel.run((context) => clearFlags(new Session(context)));
      expect(diffWorkbooks(before, excel.workbook)).toEqual([]);
    } finally {
      done();
    }
  });

  test('a damaged state sheet is ignored (nothing to restore), and replaced', async () => {
    const { excel, done } = installDouble([personSheet(), { name: STATE_SHEET_NAME, values: [['psc-state:{"v":1,"n":1}'], ['j{not json']], visibility: 'VeryHidden' }]);
    try {
      await runCheck(fixedChecker(personPlan()));
      expect(cellAt(excel.workbook, '進捗', 'C2').fill?.color).toBe(FLAG_FILLS.error);
      const once = cloneWorkbook(excel.workbook);
      await runCheck(fixedChecker(personPlan()));
      expect(diffWorkbooks(once, excel.workbook)).toEqual([]);
    } finally {
      done();
    }
  });
});

describe('syncs and request sizes', () => {
  function wideSheet(rows: number): SheetSpec {
    return {
      name: '進捗',
      values: [['No.', '取組項目', '担当課', '評価'], ...Array.from({ length: rows }, (_, i) => [i + 1, `取組${i + 1}`, '', 'A'])],
    };
  }
  function manyFlags(rows: number, noteLength: number): WritePlan {
    const note = (i: number) => `${i}: ${'担当課が空欄です。担当課の名称を入力してください。'.repeat(Math.ceil(noteLength / 24))}`.slice(0, noteLength);
    return {
      flags: Array.from({ length: rows }, (_, i) => [flag(`C${i + 2}`, 'error', note(i)), flag(`D${i + 2}`, 'warning', note(i))]).flat(),
      values: [write(1, 5, 'チェック結果', 'header'), ...Array.from({ length: rows }, (_, i) => write(i + 2, 5, note(i), 'result'))],
      appendedColumns: [{ column: 5, letter: 'E', role: 'result', header: 'チェック結果' }],
      headerRows: [1],
    };
  }

  test('3,000 flags with notes: three syncs to apply (read what is there, write, recalculate), whatever the count', async () => {
    const { excel, done } = installDouble([wideSheet(1500)]);
    try {
      const result = await runCheck(fixedChecker(manyFlags(1500, 40)));
      expect(result.apply!.flagged).toBe(3000);
      expect(result.apply!.syncs).toBe(3);
      expect(result.syncs).toBeLessThanOrEqual(5);
      expect(excel.stats.largestRequestBytes).toBeLessThan(PAYLOAD_LIMIT_BYTES);
    } finally {
      done();
    }
  });

  test('writes past the 5 MB request limit are split into several syncs, each under it', async () => {
    const { excel, done } = installDouble([wideSheet(8000)]);
    try {
      const before = cloneWorkbook(excel.workbook);
      const result = await runCheck(fixedChecker(manyFlags(8000, 200)));
      const writing = excel.stats.log.filter((l) => l.writes > 0);
      expect(writing.length).toBeGreaterThan(1);
      expect(excel.stats.log.every((l) => !l.error)).toBe(true);
      expect(excel.stats.largestRequestBytes).toBeLessThan(PAYLOAD_LIMIT_BYTES);
      expect(writing.every((l) => l.calculationSuspended)).toBe(true);
      expect(cellAt(excel.workbook, '進捗', 'D8001').note).toMatch(/^7999: /);
      expect(result.apply!.notes).toBe(16000);
      await Excel.run((context) => clearFlags(new Session(context)));
      expect(diffWorkbooks(before, excel.workbook)).toEqual([]);
    } finally {
      done();
    }
  });
});

describe('Excel limits', () => {
  test('a result text or note longer than a cell holds is cut to 32,767 characters', async () => {
    const long = 'あ'.repeat(40_000);
    const { excel, done } = installDouble([personSheet()]);
    try {
      await runCheck(
        fixedChecker({
          flags: [flag('C2', 'error', long)],
          values: [write(1, 7, 'チェック結果', 'header'), write(2, 7, long, 'result')],
          appendedColumns: [{ column: 7, letter: 'G', role: 'result', header: 'チェック結果' }],
          headerRows: [1],
        }),
      );
      expect(String(cellAt(excel.workbook, '進捗', 'G2').value)).toHaveLength(32_767);
      expect(cellAt(excel.workbook, '進捗', 'C2').note).toHaveLength(32_767);
    } finally {
      done();
    }
  });
});

import { checkSheet } from '../../src/engine';
import { FLAG_FILLS } from '../../src/engine/types';
import {
  buildSummaryCommand,
  checkActiveSheet,
  checkActiveSheetCommand,
  clearActiveSheetFlags,
  localIsoDate,
  selectCell,
} from '../../src/hosts/office/actions';
import type { Phase } from '../../src/hosts/office/session';
import { PAYLOAD_LIMIT_BYTES, cellAt, cloneWorkbook, diffWorkbooks, sheetByName } from '../office-double';
import { installDouble } from './helpers';
import { standardSheet } from './sheets';

const AS_OF = '2025-10-15';
const instant = { delay: async () => undefined };

describe.each(['1.18', '1.13', '1.7'])('checkActiveSheet on ExcelApi %s', (apiVersion) => {
  const notes = apiVersion === '1.18';

  test('what a person sees: flagged cells coloured, reasons in notes or the result column, rates as 0.0%', async () => {
    const { excel, done } = installDouble([standardSheet({ rows: 30, missingDepartmentEvery: 7 })], { apiVersion });
    try {
      const { check } = await checkActiveSheet({ asOf: AS_OF });
      expect(check.template).toBe('standard');
      expect(check.plan.flags.length).toBeGreaterThan(5);
      for (const f of check.plan.flags) {
        const cell = cellAt(excel.workbook, '進行管理票', f.cell);
        expect(cell.fill?.color).toBe(FLAG_FILLS[f.severity]);
        // severity in words, not only in the fill (issue 9)
        const words = f.note.split('\n').map((line) => `${{ error: '【エラー】', warning: '【警告】', info: '【情報】' }[check.issues.find((i) => i.cell === f.cell && i.message === line)!.severity]}${line}`);
        expect(cell.note).toBe(notes ? words.join('\n') : null);
      }
      const missing = check.issues.find((i) => i.code === 'required-missing' && i.field === 'department')!;
      expect(cellAt(excel.workbook, '進行管理票', missing.cell).fill?.color).toBe(FLAG_FILLS.error);
      const rates = check.plan.values.filter((w) => w.role === 'rate' && w.value !== null);
      expect(rates.length).toBeGreaterThan(0);
      for (const w of rates) {
        const cell = sheetByName(excel.workbook, '進行管理票').cells.get((w.row - 1) * 16384 + (w.column - 1))!;
        expect(cell).toMatchObject({ value: w.value, numberFormat: '0.0%' });
      }
      // Every reason can be read at its row without notes: the result column.
      const results = check.plan.values.filter((w) => w.role === 'result' && w.value !== null);
      for (const issue of check.issues) {
        expect(results.some((w) => String(w.value).includes(issue.message))).toBe(true);
      }
      for (const w of results) {
        const cell = sheetByName(excel.workbook, '進行管理票').cells.get((w.row - 1) * 16384 + (w.column - 1))!;
        for (const line of String(cell.value).split('\n')) expect(line).toMatch(/^【(エラー|警告|情報)】[A-Z]+\d+: /);
      }
    } finally {
      done();
    }
  });

  test('clearing flags gives back the sheet exactly; checking twice gives the sheet checking once gives', async () => {
    const { excel, done } = installDouble(
      [
        { name: '表紙', values: [['令和7年度 進行管理票']] },
        { ...standardSheet({ rows: 40, missingDepartmentEvery: 9 }), fills: { A3: '#DDDDDD', 'C4:C6': '#FFFF00' }, bold: ['A3:O3'] },
      ],
      { apiVersion },
    );
    try {
      excel.workbook.activeSheetId = excel.workbook.sheets[1].id;
      const before = cloneWorkbook(excel.workbook);
      const first = await checkActiveSheet({ asOf: AS_OF });
      const once = cloneWorkbook(excel.workbook);
      const second = await checkActiveSheet({ asOf: AS_OF });
      expect(diffWorkbooks(once, excel.workbook)).toEqual([]);
      expect(second.check.issues).toEqual(first.check.issues);
      expect(second.check.plan).toEqual(first.check.plan);
      await clearActiveSheetFlags();
      expect(diffWorkbooks(before, excel.workbook)).toEqual([]);
    } finally {
      done();
    }
  });
});

describe('the double catches host code that reads what it did not load', () => {
  test('a read without load fails as in Excel', async () => {
    const { done } = installDouble([standardSheet({ rows: 5 })]);
    try {
      // What a careless host would write: no load('values') before reading values.
      const careless = () =>
        Excel.run(async (context) => {
          const used = context.workbook.worksheets.getActiveWorksheet().getUsedRange(true);
          used.load('address');
          await context.sync();
          return used.values;
        });
      await expect(careless()).rejects.toMatchObject({ code: 'PropertyNotLoaded', message: expect.stringContaining("'values'") });
    } finally {
      done();
    }
  });
});

describe('syncs', () => {
  async function syncsFor(rows: number, extra = 5, textLength = 40) {
    const { excel, done } = installDouble([standardSheet({ rows, extraColumns: extra, textLength, missingDepartmentEvery: 7 })]);
    try {
      const first = await checkActiveSheet({ asOf: AS_OF });
      const second = await checkActiveSheet({ asOf: AS_OF });
      return { first: first.syncs, second: second.syncs, stats: excel.stats, issues: first.check.issues.length };
    } finally {
      done();
    }
  }

  // 4 to read, check and write, and 1 to recalculate after the suspended write (issue 9).
  test('1,000 rows (20 columns, long text): at most 5 syncs, first check and repeat check', async () => {
    const r = await syncsFor(1000);
    expect(r.first).toBeLessThanOrEqual(5);
    expect(r.second).toBeLessThanOrEqual(5);
    expect(r.stats.largestResponseBytes).toBeLessThan(PAYLOAD_LIMIT_BYTES);
  });

  test('5,000 rows: the same number of syncs as 1,000 rows', async () => {
    const small = await syncsFor(1000, 0, 20);
    const large = await syncsFor(5000, 0, 20);
    expect(large.issues).toBeGreaterThan(3000);
    expect(large.first).toBe(small.first);
    expect(large.second).toBe(small.second);
    expect(large.stats.largestRequestBytes).toBeLessThan(PAYLOAD_LIMIT_BYTES);
    expect(large.stats.largestResponseBytes).toBeLessThan(PAYLOAD_LIMIT_BYTES);
  });

  test('20,000 rows of long text: stays under the 5 MB limit by chunking', async () => {
    const { excel, done } = installDouble([standardSheet({ rows: 20_000, extraColumns: 5, textLength: 60, missingDepartmentEvery: 7 })]);
    try {
      const before = cloneWorkbook(excel.workbook);
      const result = await checkActiveSheet({ asOf: AS_OF });
      expect(result.check.issues.length).toBeGreaterThan(10_000);
      expect(excel.stats.log.every((l) => !l.error)).toBe(true);
      expect(excel.stats.largestRequestBytes).toBeLessThan(PAYLOAD_LIMIT_BYTES);
      expect(excel.stats.largestResponseBytes).toBeLessThan(PAYLOAD_LIMIT_BYTES);
      expect(result.syncs).toBeLessThan(30);
      await clearActiveSheetFlags();
      expect(diffWorkbooks(before, excel.workbook)).toEqual([]);
    } finally {
      done();
    }
  }, 120_000);
});

describe('a person typing in a cell', () => {
  test('the check waits and retries, then succeeds', async () => {
    const { excel, done } = installDouble([standardSheet({ rows: 10 })]);
    try {
      excel.simulateCellEditMode(2);
      const delays: number[] = [];
      const result = await checkActiveSheet({
        asOf: AS_OF,
        retry: { delay: async (ms) => void delays.push(ms) },
      });
      expect(result.check.template).toBe('standard');
      expect(delays).toEqual([500, 1000]);
      expect(excel.stats.runs).toBe(3);
    } finally {
      done();
    }
  });

  test('after five refusals the error reaches the caller', async () => {
    const { excel, done } = installDouble([standardSheet({ rows: 10 })]);
    try {
      excel.simulateCellEditMode(5);
      await expect(checkActiveSheet({ asOf: AS_OF, retry: instant })).rejects.toMatchObject({ code: 'InvalidOperationInCellEditMode' });
      expect(excel.stats.runs).toBe(5);
    } finally {
      done();
    }
  });
});

describe('the pane and the ribbon', () => {
  test('progress is reported by phase, read → check → write', async () => {
    const { done } = installDouble([standardSheet({ rows: 500 })]);
    try {
      const phases: Phase[] = [];
      await checkActiveSheet({ asOf: AS_OF, onProgress: (phase) => phases.push(phase) });
      const order = phases.filter((p, i) => p !== phases[i - 1]);
      expect(order).toEqual(['read', 'check', 'write']);
    } finally {
      done();
    }
  });

  test('the sheet checked is the one active at the start, even if the person clicks away meanwhile', async () => {
    const { excel, done } = installDouble([standardSheet({ rows: 300, missingDepartmentEvery: 7 }), { name: '表紙', values: [['x']] }]);
    try {
      excel.beforeSync.push((double, index) => {
        if (index === 2) double.workbook.activeSheetId = double.workbook.sheets[1].id;
      });
      const result = await checkActiveSheet({ asOf: AS_OF });
      expect(result.sheetName).toBe('進行管理票');
      const f = result.check.plan.flags[0];
      expect(cellAt(excel.workbook, '進行管理票', f.cell).fill?.color).toBe(FLAG_FILLS[f.severity]);
      expect([...sheetByName(excel.workbook, '表紙').cells.keys()]).toHaveLength(1);
    } finally {
      done();
    }
  });

  test('go to cell: activates the sheet and selects the cell', async () => {
    const { excel, done } = installDouble([{ name: '表紙', values: [['x']] }, standardSheet({ rows: 10 })]);
    try {
      await selectCell("'進行管理票'!E6");
      expect(excel.workbook.activeSheetId).toBe(excel.workbook.sheets[1].id);
      expect(excel.workbook.sheets[1].selection).toEqual({ top: 5, left: 4, bottom: 5, right: 4 });
      await selectCell('B2', { sheetName: '表紙' });
      expect(excel.workbook.activeSheetId).toBe(excel.workbook.sheets[0].id);
    } finally {
      done();
    }
  });

  test('the ribbon command checks as of today in Office’s display language', async () => {
    jest.useFakeTimers({ now: new Date(2025, 9, 15, 9, 0), doNotFake: ['nextTick', 'setImmediate', 'setTimeout', 'clearTimeout', 'queueMicrotask'] });
    try {
      expect(localIsoDate()).toBe('2025-10-15');
      const english = installDouble([standardSheet({ rows: 20, missingDepartmentEvery: 7 })], { displayLanguage: 'en-US' });
      let viaRibbon;
      try {
        await checkActiveSheetCommand();
        viaRibbon = cloneWorkbook(english.excel.workbook);
      } finally {
        english.done();
      }
      const direct = installDouble([standardSheet({ rows: 20, missingDepartmentEvery: 7 })], { displayLanguage: 'en-US' });
      try {
        const { check } = await checkActiveSheet({ asOf: '2025-10-15', locale: 'en' });
        expect(check.plan.appendedColumns.map((c) => c.header)).toContain('Check result');
        expect(diffWorkbooks(viaRibbon, direct.excel.workbook)).toEqual([]);
      } finally {
        direct.done();
      }
    } finally {
      jest.useRealTimers();
    }
  });

  test('the summary command checks every sheet and writes the summary sheet, made anew each time', async () => {
    const { excel, done } = installDouble([
      { name: '表紙', values: [['令和7年度 行財政改革 進行管理'], ['提出用']] },
      standardSheet({ rows: 20, missingDepartmentEvery: 7 }),
    ]);
    try {
      await buildSummaryCommand();
      await buildSummaryCommand();
      const visible = excel.workbook.sheets.filter((s) => s.visibility === 'Visible').map((s) => s.name);
      expect(visible).toEqual(['表紙', '進行管理票', '集計']);
      const expected = checkSheet(
        { values: standardSheet({ rows: 20, missingDepartmentEvery: 7 }).values!.map((r) => r.map((v) => v ?? '')) },
        { asOf: localIsoDate(), sheetName: '進行管理票' },
      );
      const text = (cell: string) => cellAt(excel.workbook, '集計', cell).value;
      expect(text('A1')).toBe(`進行管理票 集計（基準日 ${localIsoDate()}）`);
      // the checked sheet is listed with its item and error counts; the cover is not a progress sheet
      const sheet = sheetByName(excel.workbook, '集計');
      const rows = new Map<string, unknown[]>();
      for (const [key, cell] of sheet.cells) {
        const r = Math.floor(key / 16384);
        const c = key % 16384;
        const row = rows.get(String(r)) ?? [];
        row[c] = cell.value;
        rows.set(String(r), row);
      }
      const lines = [...rows.values()];
      const errors = expected.issues.filter((i) => i.severity === 'error').length;
      expect(lines).toContainEqual(['進行管理票', '標準テンプレート', 20, errors, 0, '要修正']);
      const cover = lines.find((l) => l[0] === '表紙')!;
      expect(cover[5]).toBe('対象外');
      expect(lines.filter((l) => typeof l[1] === 'string' && /^[A-Z]+\d+$/.test(l[1] as string))).toHaveLength(expected.issues.length);
    } finally {
      done();
    }
  });
});

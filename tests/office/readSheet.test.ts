import { type ReadOptions, type SheetRead, readSheet, toGridMerges } from '../../src/hosts/office/readSheet';
import { Session } from '../../src/hosts/office/session';
import { PAYLOAD_LIMIT_BYTES } from '../office-double';
import { installDouble } from './helpers';
import { standardSheet } from './sheets';

function read(options: ReadOptions = {}, budgetBytes?: number): Promise<SheetRead> {
  return Excel.run((context) => readSheet(new Session(context, budgetBytes), options));
}

describe('readSheet', () => {
  test('reads values, number formats and where the used range starts', async () => {
    const { excel, done } = installDouble([
      {
        name: '進捗',
        origin: { row: 4, column: 2 },
        values: [
          ['No.', '取組項目', '達成率'],
          [1, '窓口改革', 0.912],
          [2, '', '#DIV/0!'],
        ],
        numberFormats: [[], [null, null, '0.0%']],
      },
    ]);
    try {
      const result = await read();
      expect(result.sheetName).toBe('進捗');
      expect(result.sheetId).toBe(excel.workbook.sheets[0].id);
      expect(result.address).toBe("'進捗'!C5:E7");
      expect(result.grid.origin).toEqual({ row: 4, column: 2 });
      expect(result.grid.values).toEqual([
        ['No.', '取組項目', '達成率'],
        [1, '窓口改革', 0.912],
        [2, '', '#DIV/0!'],
      ]);
      expect(result.grid.numberFormats![1][2]).toBe('0.0%');
      expect(result.grid.numberFormats![0][0]).toBe('General');
      expect(result.syncs).toBe(1);
      expect(excel.stats.syncs).toBe(1);
    } finally {
      done();
    }
  });

  test('merged areas in grid coordinates where ExcelApi 1.13 is there; none (carry-down stands in) on 1.7', async () => {
    const spec = {
      name: 'S',
      origin: { row: 1, column: 0 },
      values: [
        ['体系', '取組', '担当課'],
        ['1 組織', 'A', '人事課'],
        ['', 'B', '財政課'],
      ],
      merges: ['A3:A4', 'E10:F11'],
    };
    const modern = installDouble([spec], { apiVersion: '1.13' });
    try {
      const result = await read();
      expect(result.mergesKnown).toBe(true);
      expect(result.grid.merges).toEqual([{ top: 1, left: 0, bottom: 2, right: 0 }]);
    } finally {
      modern.done();
    }
    const old = installDouble([spec], { apiVersion: '1.7' });
    try {
      const result = await read();
      expect(result.mergesKnown).toBe(false);
      expect(result.grid.merges).toBeUndefined();
    } finally {
      old.done();
    }
  });

  test('more than 512 merged areas: Excel refuses to list them, the sheet is read without', async () => {
    const merges = Array.from({ length: 600 }, (_, i) => `A${2 * i + 1}:B${2 * i + 1}`);
    const values = Array.from({ length: 1200 }, (_, i) => [`r${i + 1}`]);
    const { excel, done } = installDouble([{ name: 'S', values, merges }]);
    try {
      const result = await read({ sampleRows: 0 });
      expect(result.mergesKnown).toBe(false);
      expect(result.grid.values).toEqual(values);
      expect(excel.stats.log.map((l) => l.error ?? 'ok')).toEqual(['GeneralException', 'ok', 'ok']);
    } finally {
      done();
    }
  });

  test('toGridMerges clips areas to the used range and drops single cells', () => {
    expect(toGridMerges("'a,b'!A1:B2,'a,b'!D4:D4,'a,b'!C3:Z9", 1, 1, 3, 3)).toEqual([{ top: 1, left: 1, bottom: 2, right: 2 }]);
  });

  test('an empty sheet reads as one empty cell', async () => {
    const { done } = installDouble([{ name: 'S' }]);
    try {
      const result = await read();
      expect(result.grid.values).toEqual([['']]);
    } finally {
      done();
    }
  });

  test('reads a named sheet, not the active one; and follows it by name, not the active tab', async () => {
    const { excel, done } = installDouble(
      [standardSheet({ name: '進行管理票', rows: 300 }), { name: '表紙', values: [['令和7年度']] }],
      {},
    );
    try {
      excel.workbook.activeSheetId = excel.workbook.sheets[1].id;
      const named = await read({ sheetName: '進行管理票' });
      expect(named.grid.values).toHaveLength(303);

      // The active sheet is read; between its two syncs the user clicks another tab.
      excel.workbook.activeSheetId = excel.workbook.sheets[0].id;
      const base = excel.stats.syncs;
      excel.beforeSync.push((double, index) => {
        if (index === base + 2) double.workbook.activeSheetId = double.workbook.sheets[1].id;
      });
      const active = await read();
      expect(active.sheetName).toBe('進行管理票');
      expect(active.grid.values).toHaveLength(303);
      expect(active.grid.values[302][0]).toBe(300);
    } finally {
      done();
    }
  });

  test('1,000 rows × 20 columns of long Japanese text: two syncs', async () => {
    const { excel, done } = installDouble([standardSheet({ rows: 1000, extraColumns: 5, textLength: 60 })]);
    try {
      const result = await read();
      expect(result.grid.values).toHaveLength(1003);
      expect(result.grid.values[3]).toHaveLength(20);
      expect(result.syncs).toBe(2);
      expect(excel.stats.largestResponseBytes).toBeGreaterThan(1_000_000);
      expect(excel.stats.largestResponseBytes).toBeLessThan(PAYLOAD_LIMIT_BYTES);
    } finally {
      done();
    }
  });

  test('20,000 rows of long text: chunked so that every response stays under 5 MB', async () => {
    const spec = standardSheet({ rows: 20_000, extraColumns: 5, textLength: 60 });
    const { excel, done } = installDouble([spec]);
    try {
      const progress: number[] = [];
      const result = await read({ onProgress: (phase, doneRows) => progress.push(doneRows) });
      expect(result.grid.values).toHaveLength(20_003);
      expect(result.grid.values[20_002]).toEqual(spec.values![20_002]);
      expect(result.syncs).toBeGreaterThan(2);
      expect(excel.stats.log.every((l) => !l.error)).toBe(true);
      expect(excel.stats.largestResponseBytes).toBeLessThan(PAYLOAD_LIMIT_BYTES);
      expect(progress[progress.length - 1]).toBe(20_003);
    } finally {
      done();
    }
  });

  test('rows far longer than the sample: the refused chunk is read again in halves', async () => {
    const spec = standardSheet({ rows: 3000, textLength: 10 });
    // Below the sample, rows grow twentyfold.
    for (let r = 200; r < spec.values!.length; r++) spec.values![r][3] = '長'.repeat(800);
    const { excel, done } = installDouble([spec]);
    try {
      const result = await read();
      expect(result.grid.values[2999][3]).toBe('長'.repeat(800));
      const errors = excel.stats.log.filter((l) => l.error).map((l) => l.error);
      expect(errors).toContain('ResponsePayloadSizeLimitExceeded');
      expect(excel.stats.log.filter((l) => !l.error).every((l) => l.responseBytes <= PAYLOAD_LIMIT_BYTES)).toBe(true);
    } finally {
      done();
    }
  });

  test('a first rows sample too large to send: read again without it', async () => {
    const spec = standardSheet({ rows: 150, extraColumns: 5, textLength: 10 });
    for (let r = 3; r < 120; r++) for (let c = 15; c < 20; c++) spec.values![r][c] = 'あ'.repeat(4000);
    const { excel, done } = installDouble([spec]);
    try {
      const result = await read();
      expect(result.grid.values).toHaveLength(153);
      expect(excel.stats.log[0].error).toBe('ResponsePayloadSizeLimitExceeded');
    } finally {
      done();
    }
  });

  test('used range at the very bottom of the sheet: the sample cannot grow, the read still works', async () => {
    const { done } = installDouble([{ name: 'S', origin: { row: 1_048_570, column: 0 }, values: [['a'], ['b']] }]);
    try {
      const result = await read();
      expect(result.grid.values).toEqual([['a'], ['b']]);
      expect(result.grid.origin).toEqual({ row: 1_048_570, column: 0 });
    } finally {
      done();
    }
  });
});

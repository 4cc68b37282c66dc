/**
 * Issue 9, "wrong or lost": each place where the double used to be kinder than Excel, made strict
 * here (very hidden sheets, ids across reopening, protection, calculation, merged-area addresses),
 * and what the host does about it.
 */
import { FLAG_FILLS } from '../../src/engine/types';
import { buildSummary, checkActiveSheet, clearActiveSheetFlags } from '../../src/hosts/office/actions';
import { readSheet } from '../../src/hosts/office/readSheet';
import { runWithRetry } from '../../src/hosts/office/runWithRetry';
import { Session } from '../../src/hosts/office/session';
import { STATE_SHEET_NAME } from '../../src/hosts/office/stateStore';
import { officePaneHost } from '../../src/taskpane/paneHost';
import { type WorkbookData, cellAt, cloneWorkbook, diffWorkbooks, sheetByName } from '../office-double';
import { installDouble } from './helpers';
import { standardSheet } from './sheets';

const AS_OF = '2025-10-15';

function withCover() {
  return installDouble([{ name: '表紙', values: [['令和7年度 進行管理票']] }, standardSheet({ rows: 20, missingDepartmentEvery: 7 })], {
    apiVersion: '1.18',
  });
}

function withoutState(wb: WorkbookData): WorkbookData {
  return { ...wb, sheets: wb.sheets.filter((s) => s.name !== STATE_SHEET_NAME) };
}

function activate(excel: ReturnType<typeof installDouble>['excel'], name: string) {
  excel.workbook.activeSheetId = sheetByName(excel.workbook, name).id;
}

describe('the double refuses what Excel refuses', () => {
  test('a very hidden sheet cannot be deleted (office-js #365)', async () => {
    const { done } = installDouble([{ name: 'a', values: [['x']] }, { name: 'b', values: [['y']], visibility: 'VeryHidden' }]);
    try {
      await expect(
        runWithRetry(async (context) => {
          context.workbook.worksheets.getItem('b').delete();
          await context.sync();
        }),
      ).rejects.toMatchObject({ code: 'InvalidOperation' });
    } finally {
      done();
    }
  });

  test('reopening gives every sheet a new id', () => {
    const { excel, done } = withCover();
    try {
      const before = excel.workbook.sheets.map((s) => s.id);
      const active = excel.workbook.activeSheetId;
      excel.reopen();
      const after = excel.workbook.sheets.map((s) => s.id);
      after.forEach((id, i) => expect(id).not.toBe(before[i]));
      expect(excel.workbook.activeSheetId).toBe(after[before.indexOf(active)]);
    } finally {
      done();
    }
  });

  test('a protected sheet refuses writes with AccessDenied; a protected workbook refuses new sheets', async () => {
    const { excel, done } = installDouble([{ name: 'a', values: [['x']], protected: true }]);
    try {
      const write = () =>
        runWithRetry(async (context) => {
          context.workbook.worksheets.getItem('a').getRange('B2').values = [['y']];
          await context.sync();
        });
      await expect(write()).rejects.toMatchObject({ code: 'AccessDenied' });
      excel.workbook.protected = true;
      await expect(
        runWithRetry(async (context) => {
          context.workbook.worksheets.add('new');
          await context.sync();
        }),
      ).rejects.toMatchObject({ code: 'AccessDenied' });
    } finally {
      done();
    }
  });
});

describe('clearing', () => {
  test('the state sheet is made hidden before it is deleted, so clearing works in real Excel', async () => {
    const { excel, done } = withCover();
    try {
      activate(excel, '進行管理票');
      const before = cloneWorkbook(excel.workbook);
      await checkActiveSheet({ asOf: AS_OF });
      expect(excel.workbook.sheets.map((s) => `${s.name}(${s.visibility})`)).toContain(`${STATE_SHEET_NAME}(VeryHidden)`);
      await clearActiveSheetFlags();
      expect(diffWorkbooks(before, excel.workbook)).toEqual([]);
      expect(excel.workbook.sheets.map((s) => s.name)).not.toContain(STATE_SHEET_NAME);
    } finally {
      done();
    }
  });

  test('after the file is closed and opened again (new sheet ids), clearing still restores the sheet', async () => {
    const { excel, done } = withCover();
    try {
      activate(excel, '進行管理票');
      const before = cloneWorkbook(excel.workbook);
      await checkActiveSheet({ asOf: AS_OF });
      excel.reopen();
      await clearActiveSheetFlags();
      expect(diffWorkbooks(before, excel.workbook)).toEqual([]);
    } finally {
      done();
    }
  });

  test('after reopening, a second check does not take the pink fill for the original', async () => {
    const { excel, done } = withCover();
    try {
      activate(excel, '進行管理票');
      const before = cloneWorkbook(excel.workbook);
      await checkActiveSheet({ asOf: AS_OF });
      const once = cloneWorkbook(excel.workbook);
      excel.reopen();
      await checkActiveSheet({ asOf: AS_OF });
      // Only the record's id hint changes (the new id), nothing a person sees.
      expect(diffWorkbooks(withoutState(once), withoutState(excel.workbook))).toEqual([]);
      await clearActiveSheetFlags();
      expect(diffWorkbooks(before, excel.workbook)).toEqual([]);
    } finally {
      done();
    }
  });
});

describe('a marker of ours follows the sheet (a hidden workbook name on its A1)', () => {
  test('renamed and reopened (new id, new name): clearing still finds the sheet, and takes the marker away', async () => {
    const { excel, done } = withCover();
    try {
      activate(excel, '進行管理票');
      const before = cloneWorkbook(excel.workbook);
      await checkActiveSheet({ asOf: AS_OF });
      expect(excel.workbook.names).toEqual([expect.objectContaining({ name: expect.stringMatching(/^_psc_/), visible: false, row: 0, column: 0 })]);
      sheetByName(excel.workbook, '進行管理票').name = '総務課';
      excel.reopen();
      // a new sheet now bears the old name: it is not the one checked
      excel.workbook.sheets.push({ ...cloneWorkbook(excel.workbook).sheets[0], id: '{new}', name: '進行管理票' });
      activate(excel, '総務課');
      const cleared = await clearActiveSheetFlags();
      expect(cleared.restored).toBeGreaterThan(0);
      const renamedBack = { ...excel.workbook, sheets: excel.workbook.sheets.filter((s) => s.id !== '{new}') };
      sheetByName(renamedBack, '総務課').name = '進行管理票';
      expect(diffWorkbooks(before, renamedBack)).toEqual([]);
      expect(excel.workbook.names ?? []).toEqual([]);
    } finally {
      done();
    }
  });
});

describe('protection', () => {
  test('a protected sheet is checked without writing: results in the pane only, the reason given', async () => {
    const { excel, done } = installDouble([{ ...standardSheet({ rows: 20, missingDepartmentEvery: 7 }), protected: true }]);
    try {
      const before = cloneWorkbook(excel.workbook);
      const result = await checkActiveSheet({ asOf: AS_OF });
      expect(result.check.issues.length).toBeGreaterThan(0);
      expect(result.notWritten).toBe('sheet-protected');
      expect(diffWorkbooks(before, excel.workbook)).toEqual([]);
    } finally {
      done();
    }
  });

  test('a workbook whose structure is protected (no room for the state sheet) is checked without writing', async () => {
    const { excel, done } = installDouble([standardSheet({ rows: 20, missingDepartmentEvery: 7 })]);
    try {
      excel.workbook.protected = true;
      const before = cloneWorkbook(excel.workbook);
      const result = await checkActiveSheet({ asOf: AS_OF });
      expect(result.notWritten).toBe('workbook-protected');
      expect(diffWorkbooks(before, excel.workbook)).toEqual([]);
    } finally {
      done();
    }
  });

  test('clearing a sheet protected since the check says so, by its own error code', async () => {
    const { excel, done } = installDouble([standardSheet({ rows: 20, missingDepartmentEvery: 7 })]);
    try {
      await checkActiveSheet({ asOf: AS_OF });
      sheetByName(excel.workbook, '進行管理票').protected = true;
      await expect(clearActiveSheetFlags()).rejects.toMatchObject({ code: 'SheetProtected' });
    } finally {
      done();
    }
  });

  test('the summary in a workbook whose structure is protected fails with its own code', async () => {
    const { excel, done } = installDouble([standardSheet({ rows: 5 })]);
    try {
      excel.workbook.protected = true;
      await expect(buildSummary({ asOf: AS_OF, locale: 'ja' })).rejects.toMatchObject({ code: 'WorkbookProtected' });
    } finally {
      done();
    }
  });
});

test('what depends on written or restored cells is recalculated after a suspended sync', async () => {
  const { excel, done } = installDouble([standardSheet({ rows: 20, missingDepartmentEvery: 7 })], { apiVersion: '1.18' });
  try {
    await checkActiveSheet({ asOf: AS_OF });
    expect(excel.stats.log.some((s) => s.calculationSuspended)).toBe(true);
    expect(excel.workbook.staleCalculation).toBe(false);
    await clearActiveSheetFlags();
    expect(excel.workbook.staleCalculation).toBe(false);
  } finally {
    done();
  }
});

describe('merged areas', () => {
  const read = () => runWithRetry((context) => readSheet(new Session(context), { merges: true }));

  test('an address listing only top-left cells (office-js #1590) does not claim the merges are known', async () => {
    const spec = { name: 's', values: [['項目', '担当課'], ['1 窓口', '市民課'], ['', ''], ['2 広報', '']], merges: ['A2:A3'] };
    const { done } = installDouble([spec], { mergedAreasAddress: 'topLeft' });
    try {
      const sheet = await read();
      expect(sheet.mergesKnown).toBe(false);
      expect(sheet.grid.merges).toBeUndefined();
    } finally {
      done();
    }
  });

  test('a merge starting above the used range (office-js #3611) is still found', async () => {
    // B1:B3 is merged and empty; the values start in row 2.
    const spec = { name: 's', values: [[], ['1 窓口', '', '市民課'], ['', '', ''], ['2 広報', '', '課']], merges: ['B1:B3'] };
    const { done } = installDouble([spec]);
    try {
      const sheet = await read();
      expect(sheet.mergesKnown).toBe(true);
      expect(sheet.grid.origin).toEqual({ row: 1, column: 0 });
      expect(sheet.grid.merges).toEqual([{ top: 0, left: 1, bottom: 1, right: 1 }]);
    } finally {
      done();
    }
  });
});

describe('a person’s own sheets are never deleted', () => {
  test('a sheet of the person named 集計 stays; the product’s summary goes beside it and is replaced next time', async () => {
    const { excel, done } = installDouble([
      standardSheet({ rows: 10, missingDepartmentEvery: 7 }),
      { name: '集計', values: [['課長会議用の集計（手作業）'], [1, 2, 3]] },
    ]);
    try {
      const mine = cloneWorkbook(excel.workbook).sheets.find((s) => s.name === '集計')!;
      const first = await buildSummary({ asOf: AS_OF, locale: 'ja' });
      expect(first.sheetName).not.toBe('集計');
      expect(diffWorkbooks({ ...excel.workbook, sheets: [mine] }, { ...excel.workbook, sheets: [sheetByName(excel.workbook, '集計')] })).toEqual([]);
      const second = await buildSummary({ asOf: AS_OF, locale: 'ja' });
      expect(second.sheetName).toBe(first.sheetName);
      expect(excel.workbook.sheets.filter((s) => s.visibility === 'Visible').map((s) => s.name)).toEqual(['進行管理票', '集計', first.sheetName]);
    } finally {
      done();
    }
  });
});

describe('scenario: check → summary → clear → check again, through the pane’s host', () => {
  test('clear takes the colours and notes off the checked sheet, not the summary that is active', async () => {
    const { excel, done } = withCover();
    try {
      activate(excel, '進行管理票');
      const before = cloneWorkbook(excel.workbook);
      const checked = await officePaneHost.check({ asOf: AS_OF, locale: 'ja' });
      const once = cloneWorkbook(excel.workbook);
      const summary = await officePaneHost.buildSummary({ asOf: AS_OF, locale: 'ja' });
      expect(sheetByName(excel.workbook, summary.sheetName).id).toBe(excel.workbook.activeSheetId);

      const cleared = await officePaneHost.clearFlags(checked.sheetName);
      expect(cleared.sheetName).toBe('進行管理票');
      expect(cleared.restored).toBeGreaterThan(0);
      const sheet = sheetByName(excel.workbook, '進行管理票');
      const flagged = checked.check.plan.flags.map((f) => cellAt(excel.workbook, sheet.name, f.cell));
      expect(flagged.filter((c) => c.fill?.color === FLAG_FILLS.error || c.note)).toEqual([]);
      const withoutSummary = { ...excel.workbook, sheets: excel.workbook.sheets.filter((s) => s.name !== summary.sheetName) };
      expect(diffWorkbooks(before, withoutSummary)).toEqual([]);

      activate(excel, '進行管理票');
      const again = await officePaneHost.check({ asOf: AS_OF, locale: 'ja' });
      expect(again.check.issues).toEqual(checked.check.issues);
      const onceWithSummary = { ...excel.workbook, sheets: excel.workbook.sheets.filter((s) => s.name !== summary.sheetName) };
      expect(diffWorkbooks(once, onceWithSummary)).toEqual([]);
    } finally {
      done();
    }
  });
});

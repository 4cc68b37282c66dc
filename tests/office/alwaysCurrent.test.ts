/**
 * Issue 10, parts 1 and 3: the check follows the person's typing (Worksheet.onChanged through the
 * double), and warnings acknowledged with a reason (理由あり) are kept in the workbook's custom XML
 * part, survive reopening, and are what the command line reads.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { checkWorkbook } from '../../src/cli/checkWorkbook';
import { FLAG_FILLS } from '../../src/engine/types';
import { WORKBOOK_SETTINGS_NAMESPACE, decodeSettingsXml, encodeSettingsXml } from '../../src/engine/workbookSettings';
import { checkActiveSheet, clearActiveSheetFlags } from '../../src/hosts/office/actions';
import { SheetWatcher, cellsOf } from '../../src/hosts/office/watch';
import { type FollowResult, checkFollowingEdits, forgetLastChecks } from '../../src/hosts/office/incremental';
import { saveAcknowledgement, withdrawAcknowledgement } from '../../src/hosts/office/workbookSettings';
import { cellAt, sheetByName } from '../office-double';
import { installDouble } from './helpers';
import { standardSheet } from './sheets';

const AS_OF = '2025-10-15';
const SHEET = '進行管理票';

async function watched(rows: number, apiVersion = '1.18', ownWriteWindowMs?: number, debounceMs = 10) {
  const installed = installDouble([standardSheet({ rows, missingDepartmentEvery: 7 })], { apiVersion });
  const first = await checkActiveSheet({ asOf: AS_OF });
  let latest = first;
  const watcher = new SheetWatcher({
    sheetName: first.sheetName,
    ownValueCells: first.ownValueCells,
    debounceMs,
    ownWriteWindowMs,
    recheck: async () => {
      latest = await checkActiveSheet({ asOf: AS_OF, sheetName: first.sheetName });
      return latest;
    },
  });
  return { ...installed, first, watcher, latest: () => latest };
}

/** Lets the debounce run out and every re-check (and the events of its writes) finish. */
async function settle(excel: { settle(): Promise<void> }, watcher: SheetWatcher): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await excel.settle();
    await new Promise((resolve) => setTimeout(resolve, 30));
    await watcher.idle();
  }
  await excel.settle();
}

describe('always current (Worksheet.onChanged)', () => {
  test('typing a department into an empty cell takes its error and its flag away without ［チェック］', async () => {
    const { excel, done, first, watcher, latest } = await watched(20);
    try {
      const missing = first.check.issues.find((i) => i.code === 'required-missing' && i.field === 'department')!;
      expect(cellAt(excel.workbook, SHEET, missing.cell).fill?.color).toBe(FLAG_FILLS.error);
      expect(await watcher.start()).toBe(true);
      expect(excel.handlerCount(SHEET)).toBe(1);

      const before = excel.stats.syncs;
      await excel.userEdit(SHEET, missing.cell, '人事課');
      await settle(excel, watcher);
      const syncsPerEdit = excel.stats.syncs - before;

      expect(watcher.rechecks).toBe(1);
      expect(latest().check.issues.some((i) => i.cell === missing.cell && i.code === 'required-missing')).toBe(false);
      expect(cellAt(excel.workbook, SHEET, missing.cell).fill?.color).not.toBe(FLAG_FILLS.error);
      // The whole sheet is read again (not only the changed row): the same syncs as a check.
      expect(syncsPerEdit).toBe(latest().syncs);
    } finally {
      await watcher.stop();
      done();
    }
  });

  test('our own writes (a new achievement rate) raise events that do not start another check', async () => {
    const { excel, done, first, watcher, latest } = await watched(20);
    try {
      await watcher.start();
      const rate = first.check.plan.values.find((w) => w.role === 'rate' && w.value !== null)!;
      // 実績値 of that row (column N), changed so that the rate we write changes too.
      await excel.userEdit(SHEET, `N${rate.row}`, 99999);
      await settle(excel, watcher);
      await new Promise((resolve) => setTimeout(resolve, 60));
      await settle(excel, watcher);
      const ourEvents = excel.firedEvents.filter((e) => !e.address.startsWith('N'));
      expect(ourEvents.length).toBeGreaterThan(0);
      expect(watcher.ignored).toBe(ourEvents.length);
      expect(watcher.rechecks).toBe(1);
      const written = latest().check.plan.values.find((w) => w.row === rate.row && w.role === 'rate')!;
      expect(written.value).not.toBe(rate.value);
    } finally {
      await watcher.stop();
      done();
    }
  });

  test('a person typing over one of our computed cells, later, is not taken for our own write', async () => {
    const { excel, done, first, watcher } = await watched(20, '1.18', 50);
    try {
      await watcher.start();
      const rate = first.check.plan.values.find((w) => w.role === 'rate' && w.value !== null)!;
      const cell = `${String.fromCharCode(64 + rate.column)}${rate.row}`;
      expect(first.ownValueCells).toContain(cell);
      await new Promise((resolve) => setTimeout(resolve, 80));
      await excel.userEdit(SHEET, cell, 0.5);
      await settle(excel, watcher);
      expect(watcher.rechecks).toBe(1);
    } finally {
      await watcher.stop();
      done();
    }
  });

  test('several quick edits make one re-check (debounced); stop() unregisters the handler', async () => {
    // a debounce long enough that three edits in a row fall inside it on a busy machine
    const { excel, done, watcher } = await watched(20, '1.18', undefined, 300);
    try {
      await watcher.start();
      await excel.userEdit(SHEET, 'F4', '指標A');
      await excel.userEdit(SHEET, 'F5', '指標B');
      await excel.userEdit(SHEET, 'F6', '指標C');
      await new Promise((resolve) => setTimeout(resolve, 400));
      await settle(excel, watcher);
      expect(watcher.rechecks).toBe(1);
      await watcher.stop();
      await checkActiveSheet({ asOf: AS_OF }); // any sync makes the removal take effect
      expect(excel.handlerCount(SHEET)).toBe(0);
      await excel.userEdit(SHEET, 'F7', '指標D');
      await settle(excel, watcher);
      expect(watcher.rechecks).toBe(1);
    } finally {
      done();
    }
  });

  test('after the flags are cleared, edits no longer re-check', async () => {
    const { excel, done, watcher } = await watched(10);
    try {
      await watcher.start();
      await watcher.stop();
      await clearActiveSheetFlags();
      expect(excel.handlerCount(SHEET)).toBe(0);
    } finally {
      done();
    }
  });

  test('without events (ExcelApi below 1.7) the watch says it cannot start, so the pane shows the notice', async () => {
    const { done, watcher } = await watched(5, '1.6');
    try {
      expect(await watcher.start()).toBe(false);
    } finally {
      done();
    }
  });

  test('cellsOf lists the cells of an event address', () => {
    expect(cellsOf('E6')).toEqual(['E6']);
    expect(cellsOf("'進行管理票'!$A$1:$B$2")).toEqual(['A1', 'B1', 'A2', 'B2']);
    expect(cellsOf('A:A')).toBeNull();
  });
});

describe('the cost of one edit (only the changed rows are read)', () => {
  afterEach(() => forgetLastChecks());

  async function following(rows: number) {
    const installed = installDouble([standardSheet({ rows, missingDepartmentEvery: 7 })]);
    const first = await checkFollowingEdits({ asOf: AS_OF });
    let latest: FollowResult = first;
    const watcher = new SheetWatcher({
      sheetName: first.sheetName,
      ownValueCells: first.ownValueCells,
      debounceMs: 10,
      recheck: async () => {
        latest = await checkFollowingEdits({ asOf: AS_OF, sheetName: first.sheetName });
        return latest;
      },
    });
    await watcher.start();
    return { ...installed, first, watcher, latest: () => latest };
  }

  test('typing a department re-checks in 2 syncs: the error and its colour go, the sheet ends as a full check leaves it', async () => {
    const { excel, done, first, watcher, latest } = await following(60);
    try {
      expect(first.incremental).toBe(false);
      // item 7 (row 10) has no department
      expect(cellAt(excel.workbook, SHEET, 'E10').fill?.color).toBe(FLAG_FILLS.error);
      const before = excel.stats.syncs;
      await excel.userEdit(SHEET, 'E10', '人事課');
      await settle(excel, watcher);
      expect(watcher.rechecks).toBe(1);
      expect(latest().incremental).toBe(true);
      expect(latest().syncs).toBe(2);
      expect(excel.stats.syncs - before).toBe(2);
      expect(latest().check.issues.some((i) => i.cell === 'E10')).toBe(false);
      expect(cellAt(excel.workbook, SHEET, 'E10').fill?.color).not.toBe(FLAG_FILLS.error);
      expect(cellAt(excel.workbook, SHEET, 'E10').note).toBeNull();

      // A new error in another row: read, flagged and noted in the same 2 syncs.
      const again = excel.stats.syncs;
      await excel.userEdit(SHEET, 'E11', '');
      await settle(excel, watcher);
      expect(latest().incremental).toBe(true);
      expect(excel.stats.syncs - again).toBe(2);
      expect(latest().check.issues.find((i) => i.cell === 'E11')?.code).toBe('required-missing');
      expect(cellAt(excel.workbook, SHEET, 'E11').fill?.color).toBe(FLAG_FILLS.error);
      expect(cellAt(excel.workbook, SHEET, 'E11').note).toContain('【エラー】');

      // The same issues as a check of the whole sheet.
      const full = await checkActiveSheet({ asOf: AS_OF });
      const key = (r: { check: { issues: { cell: string; code: string }[] } }) => r.check.issues.map((i) => `${i.cell} ${i.code}`);
      expect(key(latest())).toEqual(key(full));
      // and the marks were right already: the full check takes nothing back
      expect(full.apply?.restored).toBe(0);
      expect(full.apply?.unflagged).toBe(0);
    } finally {
      await watcher.stop();
      done();
    }
  });

  test('a paste over more than 50 rows reads the whole sheet again', async () => {
    const { excel, done, watcher, latest } = await following(80);
    try {
      await excel.userEdit(SHEET, 'F4:F70', '指標');
      await settle(excel, watcher);
      expect(watcher.rechecks).toBe(1);
      expect(latest().incremental).toBe(false);
    } finally {
      await watcher.stop();
      done();
    }
  });

  test('an edit in the header (or above it) reads the whole sheet again', async () => {
    const { excel, done, watcher, latest } = await following(20);
    try {
      await excel.userEdit(SHEET, 'F3', '指標名');
      await settle(excel, watcher);
      expect(watcher.rechecks).toBe(1);
      expect(latest().incremental).toBe(false);
      expect(latest().syncs).toBeGreaterThan(2);
    } finally {
      await watcher.stop();
      done();
    }
  });
});

describe('acknowledged with a reason (理由あり), kept in the workbook', () => {
  test('saved, the workbook reopened, still acknowledged at the next check; withdrawn, a plain warning again', async () => {
    const { excel, done } = installDouble([gradedSheet()]);
    try {
      const first = await checkActiveSheet({ asOf: AS_OF });
      const warning = first.check.issues.find((i) => i.code === 'grade-mismatch')!;
      expect(warning).toBeDefined();
      expect(warning.acknowledged).toBeUndefined();
      await saveAcknowledgement({ sheet: SHEET, cell: warning.cell, code: 'grade-mismatch', reason: '年度途中で目標を見直したため', by: '人事課', at: '2025-10-15' });
      expect(excel.workbook.customXmlParts).toHaveLength(1);
      expect(excel.workbook.customXmlParts![0].namespaceUri).toBe(WORKBOOK_SETTINGS_NAMESPACE);

      excel.reopen();
      const again = await checkActiveSheet({ asOf: AS_OF });
      const marked = again.check.issues.find((i) => i.cell === warning.cell && i.code === 'grade-mismatch')!;
      expect(marked.acknowledged).toEqual({ reason: '年度途中で目標を見直したため', by: '人事課', at: '2025-10-15' });
      expect(again.settingsProblem).toBeNull();
      // Reading the part rides the check's own syncs: at most one more than a check without it.
      expect(again.syncs).toBeLessThanOrEqual(first.syncs + 1);

      await withdrawAcknowledgement({ sheet: SHEET, cell: warning.cell, code: 'grade-mismatch' });
      const third = await checkActiveSheet({ asOf: AS_OF });
      expect(third.check.issues.find((i) => i.cell === warning.cell && i.code === 'grade-mismatch')!.acknowledged).toBeUndefined();
      expect(excel.workbook.customXmlParts).toHaveLength(1);
    } finally {
      done();
    }
  });

  test('a damaged part is a problem to show, never a failed check', async () => {
    const { excel, done } = installDouble([standardSheet({ rows: 10 })]);
    try {
      excel.workbook.customXmlParts = [{ id: '{X}', namespaceUri: WORKBOOK_SETTINGS_NAMESPACE, xml: `<progressSheetChecker xmlns="${WORKBOOK_SETTINGS_NAMESPACE}">{oops</progressSheetChecker>` }];
      const result = await checkActiveSheet({ asOf: AS_OF });
      expect(result.settingsProblem).toMatch(/JSON/);
      expect(result.check.template).toBe('standard');
    } finally {
      done();
    }
  });

  test('the command line reads the part the pane wrote and reports the warning as acknowledged', async () => {
    const { excel, done } = installDouble([gradedSheet()]);
    try {
      const first = await checkActiveSheet({ asOf: AS_OF });
      const warning = first.check.issues.find((i) => i.code === 'grade-mismatch')!;
      await saveAcknowledgement({ sheet: SHEET, cell: warning.cell, code: 'grade-mismatch', reason: '指標の定義を変更' });
      const xml = excel.workbook.customXmlParts![0].xml;
      const decoded = decodeSettingsXml(xml);
      expect(decoded.ok && encodeSettingsXml(decoded.settings)).toBe(xml);

      // The sheet's values as a file, with the pane's part as customXml/item1.xml.
      const book = new ExcelJS.Workbook();
      const ws = book.addWorksheet(SHEET);
      const sheet = sheetByName(standardWorkbook(), SHEET);
      for (const [key, cell] of sheet.cells) {
        const row = Math.floor(key / 16384) + 1;
        const column = (key % 16384) + 1;
        if (cell.value !== '') ws.getCell(row, column).value = cell.value as ExcelJS.CellValue;
      }
      const zip = await JSZip.loadAsync(await book.xlsx.writeBuffer());
      zip.file('customXml/item1.xml', xml);
      const bytes = new Uint8Array(await zip.generateAsync({ type: 'uint8array' }));
      const result = await checkWorkbook('book.xlsx', bytes, { asOf: AS_OF, locale: 'ja', configData: null, configName: null }, false);
      const issue = result.report.sheets[0].issues.find((i) => i.cell === warning.cell && i.code === 'grade-mismatch')!;
      expect(issue.acknowledged).toEqual({ reason: '指標の定義を変更' });
    } finally {
      done();
    }
  });
});

/** A standard sheet evaluated on the S–D scale, all 「A」 where the rate gives C: grade-mismatch warnings. */
function gradedSheet() {
  const spec = standardSheet({ rows: 30 });
  return { ...spec, values: (spec.values ?? []).map((row, i) => (i >= 3 ? row.map((v, j) => (j === 14 ? 'A' : v)) : row)) };
}

function standardWorkbook() {
  const { excel, done } = installDouble([gradedSheet()]);
  done();
  return excel.workbook;
}

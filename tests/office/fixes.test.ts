/**
 * Issue 10, part 4, through the Excel double: the engine's fixes written in one batch (values and
 * number formats in one sync after one read-back), a cell changed since the check refused, the
 * sheet re-checked, and 元に戻す writing back what the fixes replaced.
 */
import { certainFixes, planFixes } from '../../src/engine';
import { FLAG_FILLS } from '../../src/engine/types';
import { applyFixes, undoFixes } from '../../src/hosts/office/applyFixes';
import { checkFollowingEdits, forgetLastChecks } from '../../src/hosts/office/incremental';
import { SheetWatcher } from '../../src/hosts/office/watch';
import { cellAt } from '../office-double';
import { installDouble } from './helpers';
import { standardSheet } from './sheets';

const AS_OF = '2025-10-15';
const SHEET = '進行管理票';

afterEach(() => forgetLastChecks());

describe('safe fixes in the workbook', () => {
  test('〇 → ○ and 「△ 1050」 → -1050 shown as △1050, in one write sync; a cell changed since the check is refused', async () => {
    const { excel, done } = installDouble([standardSheet({ rows: 20 })]);
    try {
      const first = await checkFollowingEdits({ asOf: AS_OF });
      const fixes = planFixes(first.grid, first.check);
      // item 1 (row 4) self-evaluates 〇; item 5 (row 8) has 実績値 「△ 1050」 typed as text
      expect(fixes.find((f) => f.cell === 'O4')).toMatchObject({ oldValue: '〇', newValue: '○' });
      expect(fixes.find((f) => f.cell === 'N8')).toMatchObject({ oldValue: '△ 1050', newValue: -1050, numberFormat: '0;"△"0' });
      expect(cellAt(excel.workbook, SHEET, 'O4').fill?.color).toBe(FLAG_FILLS.info);

      // The person types ◎ into O9 (item 6, 〇 at the check) before pressing まとめて修正.
      await excel.userEdit(SHEET, 'O9', '◎');
      // The pane's watch, with its own-write window long past: the fixes' writes must not start a re-check.
      const watcher = new SheetWatcher({ sheetName: SHEET, ownValueCells: first.ownValueCells, debounceMs: 10, ownWriteWindowMs: 1, recheck: async () => ({ ownValueCells: [] }) });
      expect(await watcher.start()).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 20));
      const before = excel.stats.syncs;
      const run = await applyFixes(certainFixes(fixes), { asOf: AS_OF, sheetName: SHEET });
      expect(excel.stats.syncs - before).toBe(run.syncs);
      await excel.settle();
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(watcher.rechecks).toBe(0);
      expect(watcher.ignored).toBeGreaterThan(0);
      await watcher.stop();

      expect(run.fixSyncs).toBe(2);
      expect(cellAt(excel.workbook, SHEET, 'O4').value).toBe('○');
      expect(cellAt(excel.workbook, SHEET, 'N8').value).toBe(-1050);
      expect(cellAt(excel.workbook, SHEET, 'N8').numberFormat).toBe('0;"△"0');
      expect(run.refused.map((r) => [r.fix.cell, r.now])).toEqual([['O9', '◎']]);
      expect(cellAt(excel.workbook, SHEET, 'O9').value).toBe('◎');
      expect(run.applied.map((a) => a.fix.cell)).toEqual(certainFixes(fixes).map((f) => f.cell).filter((c) => c !== 'O9'));

      // Re-checked: the spelling notes of the fixed cells are gone, and so is their info fill.
      const infoCells = run.check.check.issues.filter((i) => i.code === 'normalized-value').map((i) => i.cell);
      expect(infoCells).not.toContain('O4');
      expect(cellAt(excel.workbook, SHEET, 'O4').fill?.color).not.toBe(FLAG_FILLS.info);
      expect(run.check.incremental).toBe(true);
      expect(run.check.syncs).toBe(2);

      // 元に戻す: the old values and formats, written back.
      const undo = await undoFixes(run.applied, { asOf: AS_OF, sheetName: SHEET });
      expect(undo.refused).toEqual([]);
      expect(cellAt(excel.workbook, SHEET, 'O4').value).toBe('〇');
      expect(cellAt(excel.workbook, SHEET, 'N8').value).toBe('△ 1050');
      expect(cellAt(excel.workbook, SHEET, 'N8').numberFormat).toBe('General');
      expect(undo.check.check.issues.some((i) => i.cell === 'O4' && i.code === 'normalized-value')).toBe(true);
    } finally {
      done();
    }
  });

  test('「－」 goes only into the empty entry chosen; an entry filled meanwhile is refused', async () => {
    const { excel, done } = installDouble([standardSheet({ rows: 14 })]);
    try {
      const first = await checkFollowingEdits({ asOf: AS_OF });
      const fixes = planFixes(first.grid, first.check);
      const none = fixes.filter((f) => f.kind === 'none-marker');
      // item 11 (row 14) left its 第1四半期 (J14) empty; item 13 (row 16) its 第2四半期 (K16)
      expect(none.map((f) => f.cell)).toEqual(expect.arrayContaining(['J14', 'K16']));
      expect(certainFixes(fixes).some((f) => f.kind === 'none-marker')).toBe(false);

      await excel.userEdit(SHEET, 'K16', '実施済み');
      const run = await applyFixes(
        none.filter((f) => f.cell === 'J14' || f.cell === 'K16'),
        { asOf: AS_OF, sheetName: SHEET },
      );
      expect(cellAt(excel.workbook, SHEET, 'J14').value).toBe('－');
      expect(cellAt(excel.workbook, SHEET, 'K16').value).toBe('実施済み');
      expect(run.refused.map((r) => r.fix.cell)).toEqual(['K16']);
      expect(run.check.check.issues.some((i) => i.cell === 'J14' && i.code === 'missing-entry')).toBe(false);
    } finally {
      done();
    }
  });
});

/** @jest-environment jsdom */
/**
 * Issue 10 in the pane, through the Excel double and the real Office host: the list follows the
 * person's typing, 理由あり is saved in the workbook and can be withdrawn, and where the pane
 * cannot know of edits it says the results may be out of date.
 */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App } from '../../src/taskpane/App';
import { officePaneHost } from '../../src/taskpane/paneHost';
import { decodeSettingsXml } from '../../src/engine/workbookSettings';
import { FLAG_FILLS } from '../../src/engine/types';
// Not the double's index: it brings ExcelJS, which does not load under jsdom.
import { ExcelDouble, type ExcelDoubleOptions } from '../office-double/excel';
import { type SheetSpec, buildWorkbook, cellAt } from '../office-double/state';
import { standardSheet } from '../office/sheets';

function installDouble(specs: SheetSpec[], options: Omit<ExcelDoubleOptions, 'workbook'> = {}) {
  const excel = new ExcelDouble({ ...options, workbook: buildWorkbook(specs) });
  return { excel, done: excel.install() };
}

const SHEET = '進行管理票';
/**
 * Each test takes a second or two; the margin is for a machine busy with other suites (npm test runs
 * them side by side on two cores), where 10 s was once not enough.
 */
const TEST_TIMEOUT = 30_000;
const inExcel = () => Promise.resolve({ inOffice: true, displayLanguage: 'ja-JP', reason: 'ready' as const });
const STALE = '結果が古くなっている可能性があります。もう一度［チェック］してください。';

function gradedSheet(rows: number, missingDepartmentEvery?: number) {
  const spec = standardSheet({ rows, missingDepartmentEvery });
  return { ...spec, values: (spec.values ?? []).map((row, i) => (i >= 3 ? row.map((v, j) => (j === 14 ? 'A' : v)) : row)) };
}

async function checkInPane() {
  render(<App ready={inExcel} host={officePaneHost} today="2025-10-15" />);
  fireEvent.click(await screen.findByRole('button', { name: 'チェック' }));
  return screen.findByTestId('issue-counts');
}

describe('task pane: always current and 理由あり, with the Excel double', () => {
  test('an edit on the checked sheet updates the list and the flags without ［チェック］', async () => {
    const { excel, done } = installDouble([gradedSheet(14, 7)]);
    try {
      const counts = await checkInPane();
      const before = counts.textContent;
      expect(before).toContain('エラー');
      expect(screen.queryByText(STALE)).toBeNull();
      expect(excel.handlerCount(SHEET)).toBe(1);
      expect(cellAt(excel.workbook, SHEET, 'E10').fill?.color).toBe(FLAG_FILLS.error);
      const syncs = excel.stats.syncs;
      await act(async () => {
        await excel.userEdit(SHEET, 'E10', '人事課');
      });
      await waitFor(() => expect(screen.getByTestId('issue-counts').textContent).not.toBe(before), { timeout: 3000 });
      await act(() => excel.settle());
      expect(cellAt(excel.workbook, SHEET, 'E10').fill?.color).not.toBe(FLAG_FILLS.error);
      expect(excel.stats.syncs - syncs).toBeGreaterThan(0);
      // No loop: nothing more happens once the re-check wrote.
      const after = excel.stats.syncs;
      await act(() => new Promise((resolve) => setTimeout(resolve, 800)));
      expect(excel.stats.syncs).toBe(after);

      // Clearing the flags unregisters the handler.
      fireEvent.click(screen.getByRole('button', { name: '色とメモを消す' }));
      await waitFor(() => expect(excel.handlerCount(SHEET)).toBe(0));
    } finally {
      done();
    }
  }, TEST_TIMEOUT);

  test('理由あり: a reason saved in the workbook, shown on the warning, and withdrawn', async () => {
    const { excel, done } = installDouble([gradedSheet(10)]);
    try {
      await checkInPane();
      const buttons = await screen.findAllByRole('button', { name: /の警告を理由ありにする$/ });
      const cell = /^(\w+) /.exec(buttons[0].getAttribute('aria-label')!)![1];
      fireEvent.click(buttons[0]);
      // Empty or too long: said, not saved.
      fireEvent.click(screen.getByRole('button', { name: '保存' }));
      expect(await screen.findByText('理由を書いてください。')).toBeTruthy();
      fireEvent.change(screen.getByTestId(`reason-${cell}`), { target: { value: '年度途中で目標を見直したため' } });
      fireEvent.click(screen.getByRole('button', { name: '保存' }));
      expect((await screen.findByTestId(`acknowledged-${cell}`)).textContent).toContain('理由あり: 年度途中で目標を見直したため');
      const decoded = decodeSettingsXml(excel.workbook.customXmlParts![0].xml);
      expect(decoded.ok && decoded.settings.acknowledgements).toEqual([
        { sheet: SHEET, cell, code: 'grade-mismatch', reason: '年度途中で目標を見直したため', at: '2025-10-15' },
      ]);

      fireEvent.click(screen.getByRole('button', { name: `${cell} の理由ありを取り消す` }));
      await waitFor(() => expect(screen.queryByTestId(`acknowledged-${cell}`)).toBeNull());
      const after = decodeSettingsXml(excel.workbook.customXmlParts![0].xml);
      expect(after.ok && after.settings.acknowledgements).toEqual([]);
    } finally {
      done();
    }
  }, TEST_TIMEOUT);

  test('without change events (ExcelApi 1.6) the pane says the results may be out of date', async () => {
    const { done } = installDouble([gradedSheet(5)], { apiVersion: '1.6' });
    try {
      await checkInPane();
      expect(await screen.findByText(STALE)).toBeTruthy();
    } finally {
      done();
    }
  }, TEST_TIMEOUT);
});

/** @jest-environment jsdom */
/**
 * Issue 10, part 4, in the pane through the Excel double and the real Office host: a 修正 button on
 * a fixable issue, まとめて修正, the list of what was changed, and 元に戻す (Excel's own undo cannot
 * take an add-in's writes back, and the pane says so).
 */
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App } from '../../src/taskpane/App';
import { officePaneHost } from '../../src/taskpane/paneHost';
import { forgetLastChecks } from '../../src/hosts/office/incremental';
// Not the double's index: it brings ExcelJS, which does not load under jsdom.
import { ExcelDouble } from '../office-double/excel';
import { buildWorkbook, cellAt } from '../office-double/state';
import { standardSheet } from '../office/sheets';

const SHEET = '進行管理票';
const inExcel = () => Promise.resolve({ inOffice: true, displayLanguage: 'ja-JP', reason: 'ready' as const });

afterEach(() => forgetLastChecks());

test('修正 on one issue, まとめて修正, the changes listed cell by cell, and 元に戻す', async () => {
  const excel = new ExcelDouble({ workbook: buildWorkbook([standardSheet({ rows: 10 })]) });
  const done = excel.install();
  try {
    render(<App ready={inExcel} host={officePaneHost} today="2025-10-15" />);
    fireEvent.click(await screen.findByRole('button', { name: 'チェック' }));
    await screen.findByTestId('issue-counts', {}, { timeout: 5000 });
    expect(screen.getByText(/Excel の［元に戻す］（Ctrl\+Z）では取り消せません/)).toBeTruthy();

    // Item 1 (row 4) self-evaluates 〇: its info issue has a 修正 button.
    fireEvent.click(screen.getByRole('button', { name: '修正（O4: 「〇」を「○」に直します。）' }));
    await waitFor(() => expect(screen.getByTestId('fixes-applied').textContent).toContain('O4: 「〇」→「○」'), { timeout: 5000 });
    expect(cellAt(excel.workbook, SHEET, 'O4').value).toBe('○');
    expect(screen.queryByRole('button', { name: /^修正（O4:/ })).toBeNull();

    // The rest at once: 〇 of item 6 (O9), and 実績値 「△ 1050」 typed as text (N8) made a number.
    fireEvent.click(screen.getByRole('button', { name: /^まとめて修正（\d+ 件）$/ }));
    await waitFor(() => expect(screen.getByTestId('fixes-applied').textContent).toContain('N8: 「△ 1050」→「△1050」'), { timeout: 5000 });
    expect(screen.getByTestId('fixes-applied').textContent).toContain('O9: 「〇」→「○」');
    expect(cellAt(excel.workbook, SHEET, 'N8').value).toBe(-1050);
    expect(cellAt(excel.workbook, SHEET, 'N8').numberFormat).toBe('0;"△"0');
    expect(cellAt(excel.workbook, SHEET, 'O9').value).toBe('○');

    fireEvent.click(screen.getByRole('button', { name: '元に戻す' }));
    await waitFor(() => expect(screen.getByTestId('fixes-undone').textContent).toMatch(/件のセルを修正前の値に戻しました/), { timeout: 5000 });
    expect(cellAt(excel.workbook, SHEET, 'N8').value).toBe('△ 1050');
    expect(cellAt(excel.workbook, SHEET, 'O9').value).toBe('〇');
    // the single fix made first is taken back too
    expect(cellAt(excel.workbook, SHEET, 'O4').value).toBe('〇');
  } finally {
    done();
  }
}, 20000);

/** @jest-environment jsdom */
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { checkSheet, type Grid } from '../../src/engine';
import { App } from '../../src/taskpane/App';
import type { PaneCheckOptions, PaneHost } from '../../src/taskpane/paneHost';

/** A quarterly sheet with two reports missing and one self-evaluation written 〇. */
const GRID: Grid = {
  values: [
    ['令和7年度 行財政改革 進捗状況'],
    [],
    ['項目', '担当課', '第1四半期', '第2四半期'],
    ['1 窓口改革', '市民課', '実施', '実施'],
    ['2 DX推進', '行革デジタル推進課', '実施', ''],
    ['3 広報', '', '', '実施'],
  ],
};

function fakeHost(overrides: Partial<PaneHost> = {}) {
  const calls: { check: PaneCheckOptions[]; select: [string, string][] } = { check: [], select: [] };
  const host: PaneHost = {
    async check(options) {
      calls.check.push(options);
      options.onProgress?.('read', 1, 1);
      return { check: checkSheet(GRID, { asOf: options.asOf, locale: options.locale, template: options.template }), sheetName: '進捗状況', syncs: 3 };
    },
    clearFlags: jest.fn(async () => undefined),
    async selectCell(address, sheetName) {
      calls.select.push([address, sheetName]);
    },
    insertStandardTemplate: jest.fn(async () => '進行管理票'),
    buildSummary: jest.fn(async () => ({ sheetName: '集計', progressSheets: 2 })),
    ...overrides,
  };
  return { host, calls };
}

const inExcel = (displayLanguage = 'ja-JP') => () => Promise.resolve({ inOffice: true, displayLanguage, reason: 'ready' as const });

describe('task pane: check panel', () => {
  test('チェック shows the template, the counts and the issues grouped by severity and row; a cell is one click away', async () => {
    const { host, calls } = fakeHost();
    render(<App ready={inExcel()} host={host} today="2025-10-15" />);
    fireEvent.click(await screen.findByRole('button', { name: 'チェック' }));
    expect(await screen.findByTestId('detected-template')).toHaveProperty('textContent', '四半期進捗型（確からしさ 100%）');
    expect(screen.getByTestId('issue-counts').textContent).toBe('取組 3 件・エラー 3 件・警告 0 件・情報 0 件');
    expect(calls.check[0]).toMatchObject({ asOf: '2025-10-15', locale: 'ja', template: undefined });

    const errors = screen.getByRole('region', { name: 'エラー' });
    expect(within(errors).getByText('5 行目')).toBeTruthy();
    expect(within(errors).getByText('第2四半期の実績が未入力です。実績を入力してください（該当がなければ「－」）。')).toBeTruthy();
    expect(within(errors).getByText('担当課が空欄です。担当課の名称を入力してください（複数の場合は主担当に★）。')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'セル D5 へ移動' }));
    expect(calls.select).toEqual([['D5', '進捗状況']]);
  });

  test('the as-of date and a chosen template go to the check', async () => {
    const { host, calls } = fakeHost();
    render(<App ready={inExcel()} host={host} today="2025-10-15" />);
    const date = (await screen.findByLabelText(/基準日/)) as HTMLInputElement;
    fireEvent.change(date, { target: { value: '2025-08-01' } });
    fireEvent.change(screen.getByLabelText('テンプレート'), { target: { value: 'quarterly' } });
    fireEvent.click(screen.getByRole('button', { name: 'チェック' }));
    await screen.findByTestId('issue-counts');
    expect(calls.check[0]).toMatchObject({ asOf: '2025-08-01', template: 'quarterly' });
    // before Q2 ends only Q1 is due: row 6's Q1 and its department
    expect(screen.getByTestId('issue-counts').textContent).toBe('取組 3 件・エラー 2 件・警告 0 件・情報 0 件');
  });

  test('progress is shown while a large sheet is checked', async () => {
    let finish: () => void = () => undefined;
    const { host } = fakeHost({
      check: (options) =>
        new Promise((resolve) => {
          options.onProgress?.('write', 1, 4);
          finish = () => resolve({ check: checkSheet(GRID, { asOf: options.asOf }), sheetName: 's', syncs: 3 });
        }),
    });
    render(<App ready={inExcel()} host={host} today="2025-10-15" />);
    fireEvent.click(await screen.findByRole('button', { name: 'チェック' }));
    expect(await screen.findByRole('progressbar', { name: '結果を書き込んでいます' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'チェック中…' })).toHaveProperty('disabled', true);
    await act(async () => finish());
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  test('フラグを消す, 標準テンプレートを挿入 and 集計シートを作成 report what they did', async () => {
    const { host } = fakeHost();
    render(<App ready={inExcel()} host={host} today="2025-10-15" />);
    fireEvent.click(await screen.findByRole('button', { name: 'フラグを消す' }));
    expect(await screen.findByText('フラグと計算列を消し、シートを元の書式に戻しました。')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '標準テンプレートを挿入' }));
    expect(await screen.findByText(/新しいシート「進行管理票」に標準テンプレートを挿入しました。/)).toBeTruthy();
    expect(host.insertStandardTemplate).toHaveBeenCalledWith({ fiscalYear: 2025, locale: 'ja' });
    fireEvent.click(screen.getByRole('button', { name: '集計シートを作成' }));
    expect(await screen.findByText('進行管理票 2 シートを集計し、「集計」シートを作り直しました。')).toBeTruthy();
    expect(host.buildSummary).toHaveBeenCalledWith({ asOf: '2025-10-15', locale: 'ja' });
  });

  test('a failure says what to do, in Japanese', async () => {
    const { host } = fakeHost({ check: () => Promise.reject(new Error('InvalidOperationInCellEditMode')) });
    render(<App ready={inExcel()} host={host} today="2025-10-15" />);
    fireEvent.click(await screen.findByRole('button', { name: 'チェック' }));
    expect(await screen.findByText('チェックできませんでした（InvalidOperationInCellEditMode）。セルの編集を終えてから、もう一度お試しください。')).toBeTruthy();
  });

  test('a sheet that is no progress sheet gets a note, not an empty result', async () => {
    const cover: Grid = { values: [['表紙'], ['令和7年度 行財政改革']] };
    const { host } = fakeHost({ check: async (o) => ({ check: checkSheet(cover, { asOf: o.asOf }), sheetName: '表紙', syncs: 2 }) });
    render(<App ready={inExcel()} host={host} today="2025-10-15" />);
    fireEvent.click(await screen.findByRole('button', { name: 'チェック' }));
    expect(await screen.findByText(/このシートは進行管理票として認識できませんでした。/)).toBeTruthy();
  });

  test('English when Office is in English: labels, template name and messages', async () => {
    const { host, calls } = fakeHost();
    render(<App ready={inExcel('en-US')} host={host} today="2025-10-15" />);
    fireEvent.click(await screen.findByRole('button', { name: 'Check' }));
    expect((await screen.findByTestId('detected-template')).textContent).toBe('Quarterly progress (confidence 100%)');
    expect(calls.check[0].locale).toBe('en');
    // the column's own header names the cell: "担当課"
    expect(screen.getByText('担当課 is empty. Enter the department in charge (mark the lead with ★ if several).')).toBeTruthy();
  });
});

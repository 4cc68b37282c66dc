/** @jest-environment jsdom */
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { checkSheet, type Grid } from '../../src/engine';
import { App } from '../../src/taskpane/App';
import type { PaneCheckOptions, PaneHost } from '../../src/taskpane/paneHost';

/** A quarterly sheet with two reports missing and one department empty. */
const GRID: Grid = {
  values: [
    ['令和5年度 行財政改革 進捗状況'],
    [],
    ['項目', '担当課', '第1四半期', '第2四半期'],
    ['1 窓口改革', '市民課', '実施', '実施'],
    ['2 DX推進', '行革デジタル推進課', '実施', ''],
    ['3 広報', '', '', '実施'],
  ],
};

function fakeHost(overrides: Partial<PaneHost> = {}) {
  const calls: { check: PaneCheckOptions[]; select: [string, string][]; clear: (string | undefined)[] } = { check: [], select: [], clear: [] };
  const host: PaneHost = {
    async check(options) {
      calls.check.push(options);
      options.onProgress?.('read', 1, 1);
      return { check: checkSheet(GRID, { asOf: options.asOf, locale: options.locale, template: options.template }), sheetName: '進捗状況', syncs: 3 };
    },
    async clearFlags(sheetName) {
      calls.clear.push(sheetName);
      return { sheetName: sheetName ?? '集計', restored: sheetName ? 5 : 0 };
    },
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

async function checked(host: PaneHost, language = 'ja-JP', asOf = '2024-04-15') {
  render(<App ready={inExcel(language)} host={host} today={asOf} />);
  fireEvent.click(await screen.findByRole('button', { name: language.startsWith('en') ? 'Check' : 'チェック' }));
  await screen.findByTestId('issue-counts');
}

/** Visible text only: the status region repeats it for screen readers. */
const VISIBLE = { ignore: '[role=status], script, style' };

function headingLevels(): number[] {
  return [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => Number(h.tagName[1]));
}

describe('task pane: check panel', () => {
  test('チェック shows the counts first, then the issues grouped by kind, each naming its 取組; a cell is one click away', async () => {
    const { host, calls } = fakeHost();
    await checked(host);
    expect(screen.getByTestId('issue-counts').textContent).toBe('取組 3 件・エラー 3 件・警告 0 件・情報 0 件');
    expect(calls.check[0]).toMatchObject({ asOf: '2024-04-15', locale: 'ja', template: undefined });

    const missing = screen.getByRole('region', { name: /^未入力/ });
    expect(within(missing).getByText('第2四半期の実績が未入力です。実績を入力してください（該当がなければ「－」）。')).toBeTruthy();
    expect(within(missing).getByText('エラー（要修正）・取組 2 DX推進')).toBeTruthy();
    expect(screen.getByRole('region', { name: /^必須項目の空欄/ })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'D5 へ移動（取組 2 DX推進・未入力）' }));
    expect(calls.select).toEqual([['D5', '進捗状況']]);
  });

  test('words a person uses: 色とメモ, 様式, the year as 令和5年度（2023）, a legend for the grade scale; 確からしさ and 見出し in the details', async () => {
    const { host } = fakeHost();
    await checked(host);
    expect(screen.getByRole('button', { name: '色とメモを消す' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '標準様式を挿入' })).toBeTruthy();
    expect(screen.queryByText(/フラグ|テンプレート/)).toBeNull();
    expect(screen.getByTestId('fiscal-year').textContent).toBe('令和5年度（2023）');
    expect(screen.getByTestId('detected-template').textContent).toBe('四半期進捗型');
    expect(screen.getByTestId('grade-legend').textContent).toBe('算定評価の基準: S 120%以上・A 100%以上・B 80%以上・C 50%以上・D 50%未満');
    fireEvent.click(screen.getByRole('button', { name: '判別の詳細' }));
    expect((await screen.findByTestId('confidence')).textContent).toBe('100%');
  });

  test('accessibility: a polite announcement after the check, a distinct name for every link, headings h1 → h2 → h3', async () => {
    const { host } = fakeHost();
    await checked(host);
    const status = screen.getByRole('status');
    expect(status.getAttribute('aria-live')).toBe('polite');
    expect(status.textContent).toBe('「進捗状況」のチェックが終わりました。エラー 3 件、警告 0 件、情報 0 件。');
    const names = screen.getAllByRole('button', { name: /へ移動/ }).map((b) => b.getAttribute('aria-label'));
    expect(names).toHaveLength(3);
    expect(new Set(names).size).toBe(3);
    const levels = headingLevels();
    expect(levels[0]).toBe(1);
    levels.forEach((level, i) => i > 0 && expect(level - levels[i - 1]).toBeLessThanOrEqual(1));
  });

  test('次へ / 前へ walk the issues in the listed order, mark the current one and select its cell; the filter narrows them', async () => {
    const { host, calls } = fakeHost();
    await checked(host);
    expect(screen.getByTestId('issue-position').textContent).toBe('3 件');
    fireEvent.click(screen.getByRole('button', { name: '次へ' }));
    expect(screen.getByTestId('issue-position').textContent).toBe('3 件中 1 件目');
    const current = document.querySelector('li[aria-current="true"]')!;
    const first = calls.select[0][0];
    expect(within(current as HTMLElement).getByText(first)).toBeTruthy();
    expect(screen.getByRole('status').textContent).toContain(`3 件中 1 件目: ${first} エラー`);
    fireEvent.click(screen.getByRole('button', { name: '次へ' }));
    fireEvent.click(screen.getByRole('button', { name: '次へ' }));
    fireEvent.click(screen.getByRole('button', { name: '次へ' })); // wraps round
    expect(screen.getByTestId('issue-position').textContent).toBe('3 件中 1 件目');
    fireEvent.click(screen.getByRole('button', { name: '前へ' }));
    expect(screen.getByTestId('issue-position').textContent).toBe('3 件中 3 件目');
    expect(calls.select.map(([cell]) => cell)).toHaveLength(5);

    fireEvent.change(screen.getByLabelText('表示する問題'), { target: { value: 'kind:missing-entry' } });
    expect(screen.getByTestId('issue-position').textContent).toBe('2 件');
    expect(screen.queryByRole('region', { name: /^必須項目の空欄/ })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'ボタンへ戻る' }));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'チェック' }));
  });

  test('the as-of date and a chosen layout go to the check', async () => {
    const { host, calls } = fakeHost();
    render(<App ready={inExcel()} host={host} today="2025-10-15" />);
    const date = (await screen.findByLabelText(/基準日/)) as HTMLInputElement;
    fireEvent.change(date, { target: { value: '2023-08-01' } });
    fireEvent.click(screen.getByRole('button', { name: '様式を選んでチェックする（自動判別が違うとき）' }));
    fireEvent.change(await screen.findByLabelText('様式'), { target: { value: 'quarterly' } });
    fireEvent.click(screen.getByRole('button', { name: 'チェック' }));
    await screen.findByTestId('issue-counts');
    expect(calls.check[0]).toMatchObject({ asOf: '2023-08-01', template: 'quarterly' });
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

  test('色とメモを消す takes them off the sheet that was checked, even when another sheet is active now', async () => {
    const { host, calls } = fakeHost();
    await checked(host);
    fireEvent.click(screen.getByRole('button', { name: '集計シートを作成' }));
    expect(await screen.findByText('進行管理票 2 シートを集計し、「集計」シートに書きました。', VISIBLE)).toBeTruthy();
    expect(screen.getByTestId('issue-counts')).toBeTruthy(); // the list stays after the summary
    fireEvent.click(screen.getByRole('button', { name: '色とメモを消す' }));
    expect(await screen.findByText('「進捗状況」の色とメモ、自動計算の列を消し、元の書式に戻しました。', VISIBLE)).toBeTruthy();
    expect(calls.clear).toEqual(['進捗状況']);
  });

  test('clearing a sheet with nothing of ours says so instead of claiming success', async () => {
    const { host, calls } = fakeHost();
    render(<App ready={inExcel()} host={host} today="2025-10-15" />);
    fireEvent.click(await screen.findByRole('button', { name: '色とメモを消す' }));
    expect(await screen.findByText('「集計」には、このアドインが付けた色とメモはありません。', VISIBLE)).toBeTruthy();
    expect(calls.clear).toEqual([undefined]);
  });

  test('標準様式を挿入 reports what it did', async () => {
    const { host } = fakeHost();
    render(<App ready={inExcel()} host={host} today="2025-10-15" />);
    fireEvent.click(await screen.findByRole('button', { name: '標準様式を挿入' }));
    expect(await screen.findByText(/新しいシート「進行管理票」に標準様式を挿入しました。/, VISIBLE)).toBeTruthy();
    expect(host.insertStandardTemplate).toHaveBeenCalledWith({ fiscalYear: 2025, locale: 'ja' });
  });

  test.each([
    ['InvalidOperationInCellEditMode', 'check', 'チェックできませんでした。Excel でセルを編集中です。', 'Enter キーか Esc キーでセルの編集を終えてから、もう一度押してください。'],
    ['AccessDenied', 'clear', '色とメモを消せませんでした。シートが保護されています。', '［校閲］→［シート保護の解除］をしてから、もう一度押してください。'],
    ['WorkbookProtected', 'summary', '集計シートを作れませんでした。ブックの構成が保護されていて、シートを追加・削除できません。', '［校閲］→［ブックの保護］を解除してから、もう一度押してください。'],
    ['ItemNotFound', 'check', 'チェックできませんでした。チェックしたシートが見つかりません（名前が変わったか、削除されました）。', '対象のシートを開いて、もう一度チェックしてください。'],
    ['ApiNotFound', 'check', 'チェックできませんでした。お使いの Excel ではこの操作に必要な機能が使えません。', 'Excel を更新するか、行革担当課にご相談ください（コマンドライン版でチェックできます）。'],
  ])('a failure (%s) says what happened and what to do, the raw error only in the details', async (code, action, what, todo) => {
    const error = Object.assign(new Error('The raw English text'), { code });
    const { host } = fakeHost({ check: () => Promise.reject(error), clearFlags: () => Promise.reject(error), buildSummary: () => Promise.reject(error) });
    render(<App ready={inExcel()} host={host} today="2025-10-15" />);
    const button = { check: 'チェック', clear: '色とメモを消す', summary: '集計シートを作成' }[action]!;
    fireEvent.click(await screen.findByRole('button', { name: button }));
    expect(await screen.findByText(what, VISIBLE)).toBeTruthy();
    expect(screen.getByText(todo, VISIBLE)).toBeTruthy();
    expect(screen.getByText(`${code}: The raw English text`).closest('details')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe(what + todo);
  });

  test('a protected sheet: the results in the pane, and what to do to get the marks', async () => {
    const { host } = fakeHost({
      check: async (o) => ({ check: checkSheet(GRID, { asOf: o.asOf }), sheetName: '進捗状況', syncs: 2, notWritten: 'sheet-protected' }),
    });
    await checked(host);
    expect(screen.getByText(/このシートは保護されているため、セルに色とメモは付けず、結果をこの作業ウィンドウにだけ表示しました。/, VISIBLE)).toBeTruthy();
    expect(screen.getAllByRole('button', { name: /へ移動/ })).toHaveLength(3);
  });

  test('a sheet that is no progress sheet gets a note, not an empty result', async () => {
    const cover: Grid = { values: [['表紙'], ['令和7年度 行財政改革']] };
    const { host } = fakeHost({ check: async (o) => ({ check: checkSheet(cover, { asOf: o.asOf }), sheetName: '表紙', syncs: 2 }) });
    render(<App ready={inExcel()} host={host} today="2025-10-15" />);
    fireEvent.click(await screen.findByRole('button', { name: 'チェック' }));
    expect(await screen.findByText(/このシートは進行管理票として読み取れませんでした。/, VISIBLE)).toBeTruthy();
  });

  test('English when Office is in English: labels, layout name, year and messages', async () => {
    const { host, calls } = fakeHost();
    await checked(host, 'en-US');
    expect(screen.getByTestId('detected-template').textContent).toBe('Quarterly progress');
    expect(screen.getByTestId('fiscal-year').textContent).toBe('FY2023');
    expect(calls.check[0].locale).toBe('en');
    expect(screen.getByText('担当課 is empty. Enter the department in charge (mark the lead with ★ if several).')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('Checked "進捗状況": 3 errors, 0 warnings, 0 info.');
  });
});

describe('the ribbon’s notice dialog', () => {
  test('shows the title and what to do, and closes on 閉じる', async () => {
    const { NoticePage } = await import('../../src/taskpane/NoticePage');
    const onClose = jest.fn();
    render(<NoticePage notice={{ intent: 'error', title: 'チェックできませんでした。', body: 'もう一度押してください。' }} closeLabel="閉じる" onClose={onClose} />);
    expect(screen.getByRole('heading', { level: 1, name: 'チェックできませんでした。' })).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('もう一度押してください。');
    fireEvent.click(screen.getByRole('button', { name: '閉じる' }));
    expect(onClose).toHaveBeenCalled();
  });
});

/** @jest-environment jsdom */
// 提出ブックを取り込む in the pane: what the reform office sees while and after files are imported.
import { act, fireEvent, render, screen } from '@testing-library/react';
import { FluentProvider } from '@fluentui/react-components';
import type { ImportOptions, ImportResult, SubmissionSource } from '../../src/hosts/office/importSubmissions';
import { ImportPanel } from '../../src/taskpane/components/ImportPanel';
import { stringsFor } from '../../src/taskpane/strings';

const file = (name: string) => new File([new Uint8Array([0x50, 0x4b, 3, 4])], name);

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

function renderPanel(importer: (sources: SubmissionSource[], options: ImportOptions) => Promise<ImportResult>, locale: 'ja' | 'en' = 'ja') {
  render(
    <FluentProvider>
      <ImportPanel asOf="2025-10-15" locale={locale} strings={stringsFor(locale)} importer={importer} />
    </FluentProvider>,
  );
  return screen.getByLabelText(locale === 'ja' ? '取り込む提出ブック（.xlsx、複数選べます）' : 'Submitted workbooks to import (.xlsx, several allowed)');
}

const RESULT: ImportResult = {
  summarySheet: '集計 (2)',
  returnSheets: ['差し戻し_総務課'],
  syncs: 5,
  files: [
    {
      file: '総務課.xlsx',
      status: 'ok',
      error: null,
      settingsProblem: null,
      sheets: [
        {
          file: '総務課.xlsx',
          sheet: '進捗',
          template: 'quarterly',
          templateName: '四半期進捗型',
          fiscalYear: 2025,
          rows: [{ row: 5, lastRow: 5 }, { row: 6, lastRow: 6 }] as ImportResult['files'][number]['sheets'][number]['rows'],
          issues: [{ severity: 'error', code: 'missing-entry', cell: 'E6', row: 6, message: '…' }],
        },
      ],
    },
    { file: '財政課.xlsx', status: 'unreadable', error: 'パスワード付き（暗号化）のブックか、旧形式（.xls）のブックです。', settingsProblem: null, sheets: [] },
  ],
};

test('progress n / total with the file being read, then the summary sheet, the returns and one line per file', async () => {
  const gate = deferred<void>();
  let seen: { names: string[]; options: ImportOptions } | null = null;
  const input = renderPanel(async (sources, options) => {
    seen = { names: sources.map((s) => s.name), options };
    options.onProgress?.(1, 2, '財政課.xlsx');
    await gate.promise;
    return RESULT;
  });
  await act(async () => {
    fireEvent.change(input, { target: { files: [file('総務課.xlsx'), file('財政課.xlsx')] } });
  });
  expect(screen.getByText('2 / 2 件目を読んでいます: 財政課.xlsx')).toBeTruthy();
  expect(screen.getByRole('button', { name: '取り込み中…' }).hasAttribute('disabled')).toBe(true);
  await act(async () => gate.resolve());
  expect(seen).toEqual({ names: ['総務課.xlsx', '財政課.xlsx'], options: expect.objectContaining({ asOf: '2025-10-15', locale: 'ja', returns: true }) });
  const result = screen.getByTestId('import-result').textContent;
  expect(result).toBe(
    '提出ブック 2 件を取り込み、「集計 (2)」シートに集計しました。差し戻しシート 1 枚: 差し戻し_総務課1 件は読めませんでした（下の一覧に理由があります）。ほかのブックは集計しました。読めなかったブックは理由に沿って直し（.xls は .xlsx で保存し直す、パスワードを外すなど）、もう一度取り込んでください。',
  );
  const lines = screen.getAllByRole('listitem').map((li) => li.textContent);
  expect(lines).toEqual(['総務課.xlsx：取組 2 件・エラー 1 件・警告 0 件', '財政課.xlsx：読めません: パスワード付き（暗号化）のブックか、旧形式（.xls）のブックです。']);
  expect(screen.queryByText(/件目を読んでいます/)).toBeNull();
});

test('without returns the importer is told so; a protected workbook is said in words, with what to do', async () => {
  const input = renderPanel(async (_sources, options) => {
    expect(options.returns).toBe(false);
    throw Object.assign(new Error('The workbook structure is protected.'), { code: 'WorkbookProtected' });
  });
  fireEvent.click(screen.getByRole('checkbox', { name: '担当課ごとの差し戻しシートも作る' }));
  await act(async () => {
    fireEvent.change(input, { target: { files: [file('総務課.xlsx')] } });
  });
  expect(screen.getByText(/集計シートを作れませんでした。/)).toBeTruthy();
  expect(screen.getByText(/［ブックの保護］を解除してから/)).toBeTruthy();
});

test('English when Office is in English', async () => {
  const input = renderPanel(async () => RESULT, 'en');
  await act(async () => {
    fireEvent.change(input, { target: { files: [file('a.xlsx')] } });
  });
  expect(screen.getByTestId('import-result').textContent).toContain('Imported 2 submitted workbooks and summarised them in the sheet "集計 (2)".');
  expect(screen.getAllByRole('listitem')[0].textContent).toBe('総務課.xlsx: 2 items, 1 errors, 0 warnings');
});

/** @jest-environment jsdom */
/**
 * Issue 10, part 2 in the pane: the settings view, through the Excel double and the real Office
 * host. Errors are shown at the field in Japanese (English when Office is in English); saving
 * writes the workbook's settings part; export hands over the config JSON; import fills the form.
 */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from '../../src/taskpane/App';
import { officePaneHost } from '../../src/taskpane/paneHost';
import { SettingsView } from '../../src/taskpane/settings/SettingsView';
import { decodeSettingsXml } from '../../src/engine/workbookSettings';
// Not the double's index: it brings ExcelJS, which does not load under jsdom.
import { ExcelDouble } from '../office-double/excel';
import { type SheetSpec, buildWorkbook } from '../office-double/state';
import { standardSheet } from '../office/sheets';

function installDouble(specs: SheetSpec[]) {
  const excel = new ExcelDouble({ workbook: buildWorkbook(specs) });
  return { excel, done: excel.install() };
}

const inExcel = (displayLanguage: string) => () => Promise.resolve({ inOffice: true, displayLanguage, reason: 'ready' as const });

function savedSettings(excel: ExcelDouble) {
  const part = excel.workbook.customXmlParts?.[0];
  if (!part) return null;
  const decoded = decodeSettingsXml(part.xml);
  return decoded.ok ? decoded.settings : null;
}

describe('task pane: the settings view', () => {
  test('opens from the pane, shows an error at the field, saves the corrected scale in the workbook', async () => {
    const { excel, done } = installDouble([standardSheet({ rows: 6 })]);
    try {
      render(<App ready={inExcel('ja-JP')} host={officePaneHost} today="2025-10-15" />);
      fireEvent.click(await screen.findByRole('button', { name: '設定' }));
      const view = await screen.findByTestId('settings-view');
      const first = await within(view).findByRole('textbox', { name: '1 段目の下限（%）' });
      expect((first as HTMLInputElement).value).toBe('120');
      // the column mapping of the active sheet, pre-filled by what the engine read
      const mapping = within(view).getByTestId('settings-mapping');
      expect((within(mapping).getByRole('combobox', { name: 'E 列「担当課」' }) as HTMLSelectElement).value).toBe('department');

      fireEvent.change(first, { target: { value: '百' } });
      fireEvent.change(within(view).getByRole('textbox', { name: '報告の年度（西暦）' }), { target: { value: '令和7' } });
      fireEvent.click(within(view).getByRole('button', { name: '保存' }));
      expect(await within(view).findByText('0 以上の数（%）を入れてください。')).toBeTruthy();
      expect(within(view).getByText('西暦の年（例: 2025）を入れてください。')).toBeTruthy();
      expect(within(view).getByText('2 か所に誤りがあります。赤い欄を直してから保存してください。')).toBeTruthy();
      expect(savedSettings(excel)).toBeNull();

      fireEvent.change(first, { target: { value: '１３０' } }); // typed with a Japanese IME
      fireEvent.change(within(view).getByRole('textbox', { name: '報告の年度（西暦）' }), { target: { value: '2025' } });
      fireEvent.change(within(view).getByRole('textbox', { name: '課名の一覧' }), { target: { value: '人事課\n財政課\n' } });
      expect(within(view).queryByText('0 以上の数（%）を入れてください。')).toBeNull();
      fireEvent.click(within(view).getByRole('button', { name: '保存' }));
      expect(await within(view).findByText('このブックに設定を保存しました。次のチェックから使われます。')).toBeTruthy();
      expect(savedSettings(excel)?.config).toEqual({
        gradeScale: [
          { grade: 'S', min: 1.3 },
          { grade: 'A', min: 1 },
          { grade: 'B', min: 0.8 },
          { grade: 'C', min: 0.5 },
          { grade: 'D', min: null },
        ],
        fiscalYear: 2025,
        departments: ['人事課', '財政課'],
      });

      // back to the check: the check panel was kept as it was
      fireEvent.click(within(view).getByRole('button', { name: 'チェックへ戻る' }));
      expect(screen.queryByTestId('settings-view')).toBeNull();
      expect(screen.getByRole('button', { name: 'チェック' })).toBeTruthy();
    } finally {
      done();
    }
  });

  test('a column chosen twice is shown at the column; export gives the config JSON; import fills the form', async () => {
    const { done } = installDouble([standardSheet({ rows: 4 })]);
    const files: { name: string; text: string }[] = [];
    try {
      render(<SettingsView host={officePaneHost} locale="ja" today="2025-10-15" onClose={() => undefined} download={(name, text) => files.push({ name, text })} />);
      const view = await screen.findByTestId('settings-view');
      const mapping = await within(view).findByTestId('settings-mapping');
      fireEvent.change(within(mapping).getByRole('combobox', { name: 'D 列「具体的な取組」' }), { target: { value: 'department' } });
      fireEvent.click(within(view).getByRole('button', { name: '設定ファイル（JSON）を書き出す' }));
      expect(await within(view).findByText('D 列と同じ項目です。どちらか一方にしてください。')).toBeTruthy();
      expect(files).toHaveLength(0);

      fireEvent.change(within(mapping).getByRole('combobox', { name: 'D 列「具体的な取組」' }), { target: { value: 'action' } });
      fireEvent.change(within(view).getByRole('combobox', { name: '年度の始まりの月' }), { target: { value: '1' } });
      fireEvent.click(within(view).getByRole('button', { name: '設定ファイル（JSON）を書き出す' }));
      expect(files).toHaveLength(1);
      expect(files[0].name).toBe('progress-sheet-config.json');
      const exported = JSON.parse(files[0].text) as { fiscalYearStartMonth: number; profiles: { id: string; columns: { field: string }[] }[] };
      expect(exported.fiscalYearStartMonth).toBe(1);
      expect(exported.profiles[0].id).toMatch(/^sheet-/);
      expect(exported.profiles[0].columns.map((c) => c.field)).toEqual(expect.arrayContaining(['item', 'action', 'department']));
      // the same text stays in the pane, for webviews that save no file
      expect((within(view).getByRole('textbox', { name: '保存されないときは、この内容をコピーしてファイルに保存してください' }) as HTMLTextAreaElement).value).toBe(files[0].text);

      // import: a broken file is refused with the reason; a good one fills the form
      const input = within(view).getByTestId('settings-import');
      fireEvent.change(input, { target: { files: [new File(['{"gradeScale": "A"}'], 'bad.json', { type: 'application/json' })] } });
      expect(await within(view).findByText(/^「bad\.json」の設定が正しくありません（ファイルを直してから、もう一度読み込んでください）: /)).toBeTruthy();
      const good = { fiscalYearStartMonth: 7, departments: ['総務課'], evaluationScale: ['完了', '取組中', '未着手'] };
      fireEvent.change(input, { target: { files: [new File([JSON.stringify(good)], 'city.json', { type: 'application/json' })] } });
      expect(await within(view).findByText('「city.json」を読み込みました。内容を確かめて［保存］を押してください。')).toBeTruthy();
      expect((within(view).getByRole('combobox', { name: '年度の始まりの月' }) as HTMLSelectElement).value).toBe('7');
      expect((within(view).getByRole('textbox', { name: '課名の一覧' }) as HTMLTextAreaElement).value).toBe('総務課');
      expect((within(view).getByRole('textbox', { name: '値（良い順に「、」で区切る）' }) as HTMLInputElement).value).toBe('完了、取組中、未着手');
    } finally {
      done();
    }
  });

  test('in English when Office is in English', async () => {
    const { done } = installDouble([standardSheet({ rows: 3 })]);
    try {
      render(<App ready={inExcel('en-US')} host={officePaneHost} today="2025-10-15" />);
      fireEvent.click(await screen.findByRole('button', { name: 'Settings' }));
      const view = await screen.findByTestId('settings-view');
      const fy = await within(view).findByRole('textbox', { name: 'Reporting fiscal year' });
      fireEvent.change(fy, { target: { value: 'next year' } });
      fireEvent.click(within(view).getByRole('button', { name: 'Save' }));
      await waitFor(() => expect(within(view).getByText('Enter a year (e.g. 2025).')).toBeTruthy());
    } finally {
      done();
    }
  });
});

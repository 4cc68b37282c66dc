/** @jest-environment jsdom */
import { act, render, screen } from '@testing-library/react';
import { App } from '../../src/taskpane/App';
import { NOT_IN_OFFICE_EN, NOT_IN_OFFICE_JA } from '../../src/taskpane/NotInOffice';
import type { OfficeEnvironment } from '../../src/taskpane/officeReady';

const outside = (displayLanguage: string, reason: OfficeEnvironment['reason'] = 'no-office-js'): OfficeEnvironment => ({
  inOffice: false,
  displayLanguage,
  reason,
});

describe('task pane shell', () => {
  test('shows the product name and a loading line while Office.js is being asked', () => {
    render(<App ready={() => new Promise(() => undefined)} />);
    expect(screen.getByRole('heading', { name: '進行管理票チェッカー' })).toBeTruthy();
    expect(screen.getByText('読み込み中…')).toBeTruthy();
  });

  test('opened in a plain browser (Japanese): says to open it from Excel, no English line', async () => {
    render(<App ready={() => Promise.resolve(outside('ja-JP'))} />);
    expect(await screen.findByText(NOT_IN_OFFICE_JA)).toBeTruthy();
    expect(screen.queryByText(NOT_IN_OFFICE_EN)).toBeNull();
  });

  test('opened in a plain browser (English): both lines', async () => {
    render(<App ready={() => Promise.resolve(outside('en-US'))} />);
    expect(await screen.findByText(NOT_IN_OFFICE_EN)).toBeTruthy();
    expect(screen.getByText(NOT_IN_OFFICE_JA)).toBeTruthy();
  });

  test('inside Excel: no "open in Excel" message', async () => {
    render(<App ready={() => Promise.resolve({ inOffice: true, displayLanguage: 'ja-JP', reason: 'ready' })} />);
    expect(await screen.findByRole('button', { name: 'チェック' })).toBeTruthy();
    expect(screen.queryByText(NOT_IN_OFFICE_JA)).toBeNull();
  });

  test('Office.js answering after the 3 s timeout still switches the pane to Excel mode', async () => {
    let answerLate: (environment: OfficeEnvironment) => void = () => undefined;
    const ready = jest
      .fn()
      .mockResolvedValueOnce(outside('ja-JP', 'timeout'))
      .mockReturnValueOnce(new Promise<OfficeEnvironment>((resolve) => (answerLate = resolve)));
    render(<App ready={ready} />);
    expect(await screen.findByText(NOT_IN_OFFICE_JA)).toBeTruthy();
    await act(async () => answerLate({ inOffice: true, displayLanguage: 'ja-JP', reason: 'ready' }));
    expect(screen.queryByText(NOT_IN_OFFICE_JA)).toBeNull();
    expect(ready).toHaveBeenCalledTimes(2);
  });
});

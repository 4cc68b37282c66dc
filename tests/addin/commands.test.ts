import * as fs from 'fs';
import * as path from 'path';

jest.mock('../../src/hosts/office/actions', () => ({
  checkActiveSheetCommand: jest.fn(),
  buildSummaryCommand: jest.fn(),
}));

import * as actions from '../../src/hosts/office/actions';
import { commands, registerCommands } from '../../src/commands/commands';
import { type Notice, noticeFromUrl } from '../../src/commands/feedback';
import { checkSheet } from '../../src/engine';

const checkActiveSheetCommand = actions.checkActiveSheetCommand as jest.Mock;
const buildSummaryCommand = actions.buildSummaryCommand as jest.Mock;

afterAll(() => {
  const g = globalThis as Record<string, unknown>;
  delete g.checkActiveSheet;
  delete g.buildSummary;
});

describe('ribbon commands', () => {
  beforeEach(() => {
    jest.clearAllMocks();
  });

  test('the function names are exactly the manifest ExecuteFunction names', () => {
    const manifest = fs.readFileSync(path.resolve(__dirname, '../../manifest.xml'), 'utf8');
    const names = [...manifest.matchAll(/<FunctionName>([^<]*)<\/FunctionName>/g)].map((m) => m[1]);
    expect(Object.keys(commands).sort()).toEqual(names.sort());
  });

  test('registers with Office.actions.associate and as globals, and initialises Office.js', () => {
    const associate = jest.fn();
    const onReady = jest.fn(() => Promise.resolve({ host: 'Excel' }));
    const target: Record<string, unknown> = { Office: { actions: { associate }, onReady } };
    registerCommands(target);
    expect(associate.mock.calls.map((call) => call[0]).sort()).toEqual(['buildSummary', 'checkActiveSheet']);
    expect(typeof target.checkActiveSheet).toBe('function');
    expect(typeof target.buildSummary).toBe('function');
    expect(onReady).toHaveBeenCalled();
  });

  test('without Office.actions (older hosts) or without Office.js, falls back to globals', () => {
    const old: Record<string, unknown> = { Office: { onReady: () => Promise.resolve({}) } };
    registerCommands(old);
    expect(typeof old.checkActiveSheet).toBe('function');
    const none: Record<string, unknown> = {};
    expect(() => registerCommands(none)).not.toThrow();
    expect(typeof none.buildSummary).toBe('function');
  });

  test('a command runs its action and then calls event.completed()', async () => {
    checkActiveSheetCommand.mockResolvedValue(checkResult());
    const event = { completed: jest.fn() };
    await commands.checkActiveSheet(event);
    expect(checkActiveSheetCommand).toHaveBeenCalledTimes(1);
    expect(event.completed).toHaveBeenCalledTimes(1);
  });

  test('a failing action still calls event.completed(), so the ribbon button is released', async () => {
    const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    buildSummaryCommand.mockRejectedValue(new Error('not implemented'));
    const event = { completed: jest.fn() };
    await expect(commands.buildSummary(event)).resolves.toBeUndefined();
    expect(event.completed).toHaveBeenCalledTimes(1);
    expect(quiet).toHaveBeenCalled();
    quiet.mockRestore();
  });
});

/** A fake Office with the dialog API, recording what the ribbon shows. */
function withDialogs(language = 'ja-JP') {
  const shown: Notice[] = [];
  const closed: number[] = [];
  const g = globalThis as Record<string, unknown>;
  const before = g.Office;
  g.Office = {
    context: {
      displayLanguage: language,
      ui: {
        displayDialogAsync: (url: string, _options: unknown, callback: (r: unknown) => void) => {
          shown.push(noticeFromUrl(url)!);
          const handlers: (() => void)[] = [];
          callback({ status: 'succeeded', value: { addEventHandler: (_t: string, h: () => void) => handlers.push(h), close: () => closed.push(1) } });
          handlers.forEach((h) => h()); // the person presses 閉じる
        },
      },
    },
    EventType: { DialogMessageReceived: 'dialogMessageReceived' },
  };
  return { shown, closed, done: () => (g.Office = before) };
}

function checkResult(notWritten: 'sheet-protected' | null = null) {
  const grid = { values: [['項目', '担当課', '第1四半期'], ['1 窓口改革', '市民課', ''], ['2 広報', '', '実施']] };
  return { check: checkSheet(grid, { asOf: '2025-10-15' }), sheetName: '進捗状況', notWritten };
}

describe('ribbon feedback (issue 9: the buttons used to say nothing)', () => {
  beforeEach(() => jest.clearAllMocks());

  test('［チェック］ tells what it found and where the reasons are', async () => {
    const office = withDialogs();
    try {
      checkActiveSheetCommand.mockResolvedValue(checkResult());
      const event = { completed: jest.fn() };
      await commands.checkActiveSheet(event);
      expect(office.shown).toEqual([
        {
          intent: 'warning',
          title: '「進捗状況」のチェックが終わりました。エラー 2 件、警告 0 件、情報 0 件。',
          body: expect.stringContaining('色の付いたセルのメモと「チェック結果」列に理由があります。'),
        },
      ]);
      expect(office.closed).toHaveLength(1);
      expect(event.completed).toHaveBeenCalledTimes(1);
    } finally {
      office.done();
    }
  });

  test('a protected sheet: checked, not marked, and what to do', async () => {
    const office = withDialogs();
    try {
      checkActiveSheetCommand.mockResolvedValue(checkResult('sheet-protected'));
      await commands.checkActiveSheet({ completed: jest.fn() });
      expect(office.shown[0].body).toMatch(/^このシートは保護されているため/);
    } finally {
      office.done();
    }
  });

  test('a failure says what happened and what to do, per cause, in English when Office is', async () => {
    const office = withDialogs('en-US');
    const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      buildSummaryCommand.mockRejectedValue(Object.assign(new Error('raw'), { code: 'WorkbookProtected' }));
      await commands.buildSummary({ completed: jest.fn() });
      expect(office.shown[0]).toMatchObject({
        intent: 'error',
        title: 'The summary sheet could not be built. The workbook structure is protected: no sheet can be added or deleted.',
      });
      expect(office.shown[0].body).toContain('Unprotect the workbook (Review → Protect Workbook) and try again.');
    } finally {
      quiet.mockRestore();
      office.done();
    }
  });

  test('［集計シート］ names the sheet it wrote', async () => {
    const office = withDialogs();
    try {
      buildSummaryCommand.mockResolvedValue({ sheetName: '集計 (2)', checked: [{ name: 'a', check: checkResult().check }], syncs: 3 });
      await commands.buildSummary({ completed: jest.fn() });
      expect(office.shown[0].body).toBe('進行管理票 1 シートを集計し、「集計 (2)」シートに書きました。');
    } finally {
      office.done();
    }
  });
});

test('the notice travels in the dialog page address beside the commands page, and back', async () => {
  const { noticeUrl } = await import('../../src/commands/feedback');
  const notice: Notice = { intent: 'warning', title: '「進捗 & 状況」のチェック', body: '理由は?#メモに' };
  const url = noticeUrl('https://intra.example.lg.jp/psc/commands.html?_host_Info=Excel#x', notice);
  expect(url.startsWith('https://intra.example.lg.jp/psc/taskpane.html?notice=')).toBe(true);
  expect(noticeFromUrl(url)).toEqual(notice);
  expect(noticeFromUrl('https://intra.example.lg.jp/psc/taskpane.html')).toBeNull();
});

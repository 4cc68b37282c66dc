import * as fs from 'fs';
import * as path from 'path';

jest.mock('../../src/hosts/office/actions', () => ({
  checkActiveSheetCommand: jest.fn(),
  buildSummaryCommand: jest.fn(),
}));

import * as actions from '../../src/hosts/office/actions';
import { commands, registerCommands } from '../../src/commands/commands';

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
    checkActiveSheetCommand.mockResolvedValue(undefined);
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

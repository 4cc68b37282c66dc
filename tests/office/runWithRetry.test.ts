import { type ExcelRunner, isCellEditModeError, runWithRetry } from '../../src/hosts/office/runWithRetry';

function editing(): Error & { code: string } {
  return Object.assign(new Error('Excel is in cell-editing mode.'), { code: 'InvalidOperationInCellEditMode' });
}

/** A runner that fails with the given errors first, then returns "ok". */
function runner(failures: unknown[]): ExcelRunner & { calls: number } {
  const state = { calls: 0 };
  const run = (async () => {
    state.calls++;
    const failure = failures.shift();
    if (failure) throw failure;
    return 'ok';
  }) as unknown as ExcelRunner & { calls: number };
  Object.defineProperty(run, 'calls', { get: () => state.calls });
  return run;
}

describe('runWithRetry', () => {
  test('retries cell-edit-mode refusals with a growing pause, then returns', async () => {
    const run = runner([editing(), editing(), editing()]);
    const delays: number[] = [];
    const retries: number[] = [];
    const result = await runWithRetry(async () => 'unused', {
      run,
      delay: async (ms) => void delays.push(ms),
      onRetry: (attempt) => retries.push(attempt),
    });
    expect(result).toBe('ok');
    expect(delays).toEqual([500, 1000, 1500]);
    expect(retries).toEqual([1, 2, 3]);
    expect(run.calls).toBe(4);
  });

  test('gives up after the last try with the refusal itself', async () => {
    const run = runner([editing(), editing(), editing()]);
    await expect(runWithRetry(async () => 'x', { run, attempts: 3, delay: async () => undefined })).rejects.toMatchObject({
      code: 'InvalidOperationInCellEditMode',
    });
    expect(run.calls).toBe(3);
  });

  test('any other error is passed on at once', async () => {
    const other = Object.assign(new Error('gone'), { code: 'ItemNotFound' });
    const run = runner([other]);
    const delays: number[] = [];
    await expect(runWithRetry(async () => 'x', { run, delay: async (ms) => void delays.push(ms) })).rejects.toBe(other);
    expect(run.calls).toBe(1);
    expect(delays).toEqual([]);
  });

  test('recognises the error by its code only', () => {
    expect(isCellEditModeError(editing())).toBe(true);
    expect(isCellEditModeError(new Error('InvalidOperationInCellEditMode'))).toBe(false);
    expect(isCellEditModeError(null)).toBe(false);
  });
});

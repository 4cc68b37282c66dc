import { OFFICE_READY_TIMEOUT_MS, officeReady, prefersEnglish, type OfficeLike } from '../../src/taskpane/officeReady';

describe('officeReady', () => {
  afterEach(() => {
    jest.useRealTimers();
  });

  test('no Office.js at all (CDN unreachable): resolves at once, not in Office', async () => {
    await expect(officeReady({ office: undefined, browserLanguage: 'ja-JP' })).resolves.toEqual({
      inOffice: false,
      displayLanguage: 'ja-JP',
      reason: 'no-office-js',
    });
  });

  test('window.Office undefined is read from the global object', async () => {
    expect((globalThis as { Office?: unknown }).Office).toBeUndefined();
    await expect(officeReady({ browserLanguage: 'en-GB' })).resolves.toMatchObject({
      inOffice: false,
      displayLanguage: 'en-GB',
    });
  });

  test('inside Excel: in Office, with Office display language', async () => {
    const office: OfficeLike = {
      onReady: () => Promise.resolve({ host: 'Excel', platform: 'PC' }),
      context: { displayLanguage: 'en-US' },
    };
    await expect(officeReady({ office, browserLanguage: 'ja-JP' })).resolves.toEqual({
      inOffice: true,
      displayLanguage: 'en-US',
      reason: 'ready',
    });
  });

  test('Office.js in a plain browser reports no host: not in Office', async () => {
    const office: OfficeLike = { onReady: () => Promise.resolve({ host: null, platform: null }) };
    await expect(officeReady({ office, browserLanguage: 'ja-JP' })).resolves.toMatchObject({
      inOffice: false,
      reason: 'no-host',
    });
  });

  test('Office.onReady never calls back: gives up after 3 s', async () => {
    jest.useFakeTimers();
    const office: OfficeLike = { onReady: () => new Promise(() => undefined) };
    let result: unknown;
    void officeReady({ office, browserLanguage: 'ja-JP' }).then((value) => (result = value));
    await jest.advanceTimersByTimeAsync(OFFICE_READY_TIMEOUT_MS - 1);
    expect(result).toBeUndefined();
    await jest.advanceTimersByTimeAsync(1);
    expect(result).toEqual({ inOffice: false, displayLanguage: 'ja-JP', reason: 'timeout' });
  });

  test('Office.onReady throwing or rejecting never escapes', async () => {
    const throwing: OfficeLike = {
      onReady: () => {
        throw new Error('broken office.js');
      },
    };
    const rejecting: OfficeLike = { onReady: () => Promise.reject(new Error('handshake failed')) };
    await expect(officeReady({ office: throwing, browserLanguage: 'ja-JP' })).resolves.toMatchObject({
      inOffice: false,
      reason: 'error',
    });
    await expect(officeReady({ office: rejecting, browserLanguage: 'ja-JP' })).resolves.toMatchObject({
      inOffice: false,
      reason: 'error',
    });
  });

  test('English is recognised from any en-* language tag', () => {
    expect(['en', 'en-US', 'EN-gb'].map(prefersEnglish)).toEqual([true, true, true]);
    expect(['ja', 'ja-JP', ''].map(prefersEnglish)).toEqual([false, false, false]);
  });
});

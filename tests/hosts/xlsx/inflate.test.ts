/**
 * The two inflaters of the reader: Node's zlib (command line) and fflate (task pane bundle, chosen
 * by a webpack alias). Same bytes out, same refusal at the cap, so a zip bomb stays bounded in
 * the pane too; and the whole reader gives the same sheets with either.
 */
import * as fs from 'fs';
import * as path from 'path';
import { deflateRawSync } from 'zlib';
import * as browser from '../../../src/hosts/xlsx/read/inflate.browser';
import * as node from '../../../src/hosts/xlsx/read/inflate';
import { EXAMPLES } from '../../helpers/workbooks';

const MB = 1024 * 1024;

test('both give the same bytes for text that compresses like a worksheet', () => {
  const rows = Array.from({ length: 20_000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="s"><v>${i % 97}</v></c></row>`).join('');
  const text = new TextEncoder().encode(rows);
  const packed = deflateRawSync(text);
  const a = node.inflateRaw(packed, 64 * MB, text.length);
  const b = browser.inflateRaw(packed, 64 * MB, text.length);
  expect(b.length).toBe(text.length);
  expect(Buffer.compare(Buffer.from(a), Buffer.from(b))).toBe(0);
  expect(Buffer.compare(Buffer.from(b), Buffer.from(text))).toBe(0);
});

test('a bomb (64 MB of zeros in 64 KB) stops at a 4 MB cap in both, quickly', () => {
  const packed = deflateRawSync(new Uint8Array(64 * MB));
  expect(packed.length).toBeLessThan(100 * 1024);
  for (const impl of [node, browser]) {
    const started = Date.now();
    expect(() => impl.inflateRaw(packed, 4 * MB, 100)).toThrow(impl.InflateCapError);
    expect(Date.now() - started).toBeLessThan(2000);
  }
});

test('output of exactly the cap is accepted; one byte more is not', () => {
  const data = new Uint8Array(1000).fill(7);
  const packed = deflateRawSync(data);
  expect(browser.inflateRaw(packed, 1000, 1000).length).toBe(1000);
  expect(node.inflateRaw(packed, 1000, 1000).length).toBe(1000);
  expect(() => browser.inflateRaw(packed, 999, 1000)).toThrow(browser.InflateCapError);
  expect(() => node.inflateRaw(packed, 999, 1000)).toThrow(node.InflateCapError);
});

test('damaged or cut-short data throws a plain error in both (not a cap)', () => {
  const packed = deflateRawSync(new TextEncoder().encode('進行管理票'.repeat(1000)));
  const cut = packed.subarray(0, packed.length >> 1);
  for (const impl of [node, browser]) {
    let error: unknown;
    try {
      impl.inflateRaw(cut, MB, 15000);
    } catch (err) {
      error = err;
    }
    // (Node's errors come from another realm under jest: checked by shape, not by class)
    expect(typeof (error as Error).message).toBe('string');
    expect(error).not.toBeInstanceOf(impl.InflateCapError);
  }
});

describe('the whole reader with the pane’s inflater', () => {
  test('reads the examples to the same sheets as with Node’s zlib', async () => {
    const files = fs.readdirSync(EXAMPLES).filter((f) => f.endsWith('.xlsx'));
    const read = async (): Promise<unknown[]> => {
      const { readWorkbook } = await import('../../../src/hosts/xlsx/readWorkbook');
      return Promise.all(files.map(async (f) => readWorkbook(fs.readFileSync(path.join(EXAMPLES, f)))));
    };
    const withNode = await read();
    jest.resetModules();
    jest.doMock('../../../src/hosts/xlsx/read/inflate', () => jest.requireActual('../../../src/hosts/xlsx/read/inflate.browser'));
    const withFflate = await read();
    expect(withFflate).toEqual(withNode);
    expect(files.length).toBeGreaterThanOrEqual(3);
  });
});

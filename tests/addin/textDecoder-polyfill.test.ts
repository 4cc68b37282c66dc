// The TextDecoder stand-in for Excel 2019's Edge Legacy webview, which has none: it decodes what
// the workbook reader of 提出ブックを取り込む gives it exactly as a browser's TextDecoder does.
import fc from 'fast-check';
import { TextDecoderFallback } from '../../src/polyfills';

/** Seeded, so a run can be repeated; PROPERTY_SEED=<n> searches elsewhere. */
const SEED = Number(process.env.PROPERTY_SEED) || 20261204;

const native = (label: string, bytes: Uint8Array) => new TextDecoder(label).decode(bytes);

test('UTF-8: Japanese, emoji (surrogate pairs) and a byte order mark, as the native decoder', () => {
  const text = '\ufeff<si><t>2/4四半期（7月から9月）の実績 ◎○△▲× 🏯 ＡＢＣ１２３</t></si>';
  const bytes = new TextEncoder().encode(text);
  expect(new TextDecoderFallback('utf-8').decode(bytes)).toBe(native('utf-8', bytes));
  expect(new TextDecoderFallback('utf-8').decode(bytes).startsWith('<si>')).toBe(true);
});

test('UTF-16 LE and BE parts (by their byte order mark), as the native decoder', () => {
  const text = '取組項目 No.1 総務課';
  const le = new Uint8Array([0xff, 0xfe, ...Array.from(text).flatMap((ch) => [ch.charCodeAt(0) & 0xff, ch.charCodeAt(0) >> 8])]);
  const be = new Uint8Array([0xfe, 0xff, ...Array.from(text).flatMap((ch) => [ch.charCodeAt(0) >> 8, ch.charCodeAt(0) & 0xff])]);
  expect(new TextDecoderFallback('utf-16le').decode(le)).toBe(text);
  expect(new TextDecoderFallback('utf-16be').decode(be)).toBe(text);
});

test('any bytes at all decode as the native decoder decodes them (invalid ones as U+FFFD)', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
      expect(new TextDecoderFallback('utf-8').decode(bytes)).toBe(native('utf-8', bytes));
    }),
    { seed: SEED, numRuns: 2000 },
  );
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
      const bytes = new TextEncoder().encode(text);
      expect(new TextDecoderFallback('utf-8').decode(bytes)).toBe(native('utf-8', bytes));
    }),
    { seed: SEED },
  );
});

test('a long part (over the 8,192 units decoded per slice) is decoded whole', () => {
  const text = '進行管理票'.repeat(10_000);
  expect(new TextDecoderFallback().decode(new TextEncoder().encode(text))).toBe(text);
});

test('an encoding it cannot decode is refused, not decoded wrongly', () => {
  expect(() => new TextDecoderFallback('shift_jis')).toThrow(RangeError);
});

/**
 * The copy's parts written as bytes: the byte splice gives TextEncoder's bytes for the string
 * splice, and the byte well-formedness check the string check's answer (and message), on seeded
 * random texts and edits; the sheet's cells read the same columns by the plain-tag shortcut.
 */
import fc from 'fast-check';
import { spliceBytes, splice, type TextEdit } from '../../../src/hosts/xlsx/patch/xml';
import { wellFormedBytesError, wellFormedError } from '../../../src/hosts/xlsx/patch/wellFormed';
import { Package } from '../../../src/hosts/xlsx/patch/package';
import { buildZip } from './zipKit';

const encoder = new TextEncoder();

// ASCII markup, two- three- and four-byte characters, a BOM, lone surrogates
const PIECES = ['<c r="A1">', '</c>', '<v>1</v>', ' ', 'a', '&amp;', 'é', 'ß', '達成率', '○', '😀', '\ufeff', '\ud800', '\udc00', '\n', '"', "'", '<', '>', '/'];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((p) => p.join(''));
const inserted = fc.array(fc.constantFrom(...PIECES), { maxLength: 5 }).map((p) => p.join(''));

/** Non-overlapping edits of `xml`, in any order. */
function edits(xml: string, raw: { a: number; b: number; text: string }[]): TextEdit[] {
  const points = raw.flatMap(({ a, b }) => [a % (xml.length + 1), b % (xml.length + 1)]).sort((x, y) => x - y);
  const out: TextEdit[] = [];
  for (let i = 0; i + 1 < points.length; i += 2) out.push({ start: points[i], end: points[i + 1], text: raw[i >> 1].text });
  return out.reverse();
}

describe('spliceBytes', () => {
  test('gives the UTF-8 of splice on random texts and edits', () => {
    fc.assert(
      fc.property(text, fc.array(fc.record({ a: fc.nat(), b: fc.nat(), text: inserted }), { maxLength: 6 }), (xml, raw) => {
        const list = edits(xml, raw);
        const expected = encoder.encode(splice(xml, list));
        expect(Buffer.from(spliceBytes(xml, encoder.encode(xml), list)).equals(Buffer.from(expected))).toBe(true);
      }),
      { seed: 20251201, numRuns: 3000 },
    );
  });

  test('long ASCII stretches between non-ASCII runs, edits in and around them', () => {
    const xml = `<a>${'x'.repeat(5000)}達成率${'y'.repeat(3000)}😀é<b/>${'z'.repeat(100)}</a>`;
    const list: TextEdit[] = [
      { start: 3, end: 3, text: '<c>' },
      { start: 4000, end: 4010, text: '○' },
      { start: 5003, end: 5004, text: '' },
      { start: 8006, end: 8006, text: 'ß' },
      { start: 8010, end: 8014, text: '<d/>' },
      { start: xml.length - 4, end: xml.length, text: '</a>' },
    ];
    expect(Buffer.from(spliceBytes(xml, encoder.encode(xml), list)).equals(Buffer.from(encoder.encode(splice(xml, list))))).toBe(true);
  });
});

/**
 * The same answer as the string check; the same message too, but for text with lone surrogates
 * (no decoded part has any), whose bytes show U+FFFD where the string has the surrogate.
 */
function expectSameAnswer(xml: string): void {
  const bytes = encoder.encode(xml);
  const answer = wellFormedBytesError(bytes);
  expect(answer === null).toBe(wellFormedError(xml) === null);
  const decoded = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  expect(answer).toBe(wellFormedError(decoded));
  if (decoded === xml) expect(answer).toBe(wellFormedError(xml));
}

describe('wellFormedBytesError', () => {
  const MARKUP = ['<', '>', '/', '"', "'", '=', '&', ';', '#', 'x', '!', '?', '-', '[', ']', ' ', '\n', 'a', 'c', ':', '1', 'あ', 'é', '😀', '\ufeff', '\u3000', '\ud800', '&amp;', '&#10;', '&nbsp;', '</c>', '<c r="A1">', '<v/>', '<!--', '-->', '<![CDATA[', ']]>', '<?', '?>', '</', '/>', '<a>', '</a>', '<あ>', '</あ>'];

  test('answers as the string check does, message included, on random markup', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...MARKUP), { maxLength: 30 }), (pieces) => {
        const xml = pieces.join('');
        expectSameAnswer(xml);
      }),
      { seed: 7, numRuns: 6000 },
    );
  });

  test('answers as the string check does on mutations of a well-formed part', () => {
    const base = '\ufeff<?xml version="1.0"?>\n<worksheet a="1" b=\'達\'><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>○ &amp; 😀</t></is></c></row></sheetData><!-- é --></worksheet>\n';
    expect(wellFormedBytesError(encoder.encode(base))).toBeNull();
    fc.assert(
      fc.property(fc.array(fc.record({ at: fc.nat(), remove: fc.nat({ max: 4 }), insert: fc.constantFrom(...MARKUP) }), { minLength: 1, maxLength: 3 }), (list) => {
        let xml = base;
        for (const e of list) {
          const at = e.at % (xml.length + 1);
          xml = xml.slice(0, at) + e.insert + xml.slice(at + e.remove);
        }
        expectSameAnswer(xml);
      }),
      { seed: 1201, numRuns: 4000 },
    );
  });
});

describe('Package.source: the bytes a sheet is spliced from', () => {
  const decoder = new TextDecoder();

  const cases: [string, Uint8Array][] = [
    ['plain ASCII', encoder.encode('<a><b r="1"/></a>')],
    ['non-ASCII', encoder.encode('<a>達成率 😀</a>')],
    ['a BOM (dropped by the decoder, so not part of the text)', new Uint8Array([0xef, 0xbb, 0xbf, ...encoder.encode('<a>○</a>')])],
    ['two BOMs (the second is text)', new Uint8Array([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, ...encoder.encode('<a/>')])],
    ['invalid UTF-8 (decoded with U+FFFD)', new Uint8Array([...encoder.encode('<a>'), 0xff, 0xc3, ...encoder.encode('x</a>')])],
  ];
  test.each(cases)('%s: TextEncoder’s bytes for the text, and the splice of them as the string way gives', (_, data) => {
    for (const stored of [true, false]) {
      const pkg = new Package(buildZip([{ name: 'x.xml', data, stored }]));
      const text = pkg.text('x.xml') ?? '';
      expect(text).toBe(decoder.decode(data));
      const source = pkg.source('x.xml') ?? new Uint8Array();
      expect(Buffer.from(source).equals(Buffer.from(encoder.encode(text)))).toBe(true);
      const list: TextEdit[] = [{ start: text.length - 1, end: text.length - 1, text: '<c/>' }];
      const spliced = spliceBytes(text, source, list);
      expect(Buffer.from(spliced).equals(Buffer.from(encoder.encode(splice(text, list))))).toBe(true);
      // bytes equal to the part's own: no rewrite
      pkg.setBytes('x.xml', spliceBytes(text, source, []));
      expect(pkg.edits().parts).toEqual([]);
      pkg.setBytes('x.xml', spliced);
      expect(pkg.text('x.xml')).toBe(splice(text, list));
    }
  });
});

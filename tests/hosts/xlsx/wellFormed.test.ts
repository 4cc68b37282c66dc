/**
 * The patcher's well-formedness check (one pass, no indexOf per token) against the check it
 * replaced: on random mutations of real parts and on random markup, both give the same answer,
 * message included. Seeded, so a failure is the same on every run.
 */
import fc from 'fast-check';
import { wellFormedError } from '../../../src/hosts/xlsx/patch';
import { referenceWellFormedError } from './wellFormedReference';

const SHEET =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><dimension ref="A1:C3"/><sheetData>' +
  '<row r="1" spans="1:3"><c r="A1" t="s"><v>0</v></c><c r="B1" s="2" t="inlineStr"><is><t xml:space="preserve">達成率 &amp; &lt;計&gt; &#x3042;&#12354;</t></is></c><c r=\'C1\' s="1"/></row>' +
  '<row r="2"><c r="A2"><f>SUM(A1:B1)</f><v>3</v></c><c r="B2" t="str"><v>a&quot;b&apos;</v></c></row></sheetData>' +
  '<legacyDrawing r:id="rId1"/><!-- a note --><extLst><ext uri="{x}"><![CDATA[<raw & text>]]></ext></extLst></worksheet>';
const VML =
  '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout>' +
  '<v:shape id="_x0000_s1025" style="position:absolute;visibility:hidden" fillcolor="#ffffe1"><x:ClientData ObjectType="Note"><x:Row>3</x:Row></x:ClientData></v:shape></xml>';
const BASES = [SHEET, VML, '<a/>', '\ufeff<?xml version="1.0"?>\n<a b = "1" c=\'2\' >t</a >\n'];

// characters that matter to the check, and a few that do not
const PIECES = ['<', '>', '/', '"', "'", '=', '&', ';', '#', 'x', '!', '?', '-', '[', ']', ' ', '\n', '\t', 'a', 'c', 'r', 'v', ':', '1', 'あ', '\ufeff', '&amp;', '&lt;', '&#10;', '&#x;', '&nbsp;', '</c>', '<c r="A1">', '<v/>', '<!--', '-->', '<![CDATA[', ']]>', '<?', '?>', '<!DOCTYPE a>', ' r="1"', " s='2'", '</', '/>'];

const mutation = fc.record({
  at: fc.nat(),
  remove: fc.nat({ max: 6 }),
  insert: fc.array(fc.constantFrom(...PIECES), { maxLength: 3 }).map((p) => p.join('')),
});

function mutate(base: string, edits: { at: number; remove: number; insert: string }[]): string {
  let text = base;
  for (const e of edits) {
    const at = e.at % (text.length + 1);
    text = text.slice(0, at) + e.insert + text.slice(at + e.remove);
  }
  return text;
}

describe('the well-formedness check agrees with the one it replaced', () => {
  test('on random mutations of real parts (same answer, same message)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...BASES), fc.array(mutation, { minLength: 1, maxLength: 4 }), (base, edits) => {
        const xml = mutate(base, edits);
        expect(wellFormedError(xml)).toBe(referenceWellFormedError(xml));
      }),
      { seed: 20251015, numRuns: 4000 },
    );
  });

  test('on random markup built from the pieces alone', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }), (pieces) => {
        const xml = pieces.join('');
        expect(wellFormedError(xml)).toBe(referenceWellFormedError(xml));
      }),
      { seed: 8, numRuns: 4000 },
    );
  });

  test('the unmutated parts are well-formed, and the mutations refuse often enough to mean something', () => {
    for (const base of BASES) expect(wellFormedError(base)).toBeNull();
    const refused = fc
      .sample(fc.tuple(fc.constantFrom(...BASES), fc.array(mutation, { minLength: 1, maxLength: 4 })), { seed: 20251015, numRuns: 1000 })
      .filter(([base, edits]) => wellFormedError(mutate(base, edits)) !== null).length;
    expect(refused).toBeGreaterThan(300);
    expect(refused).toBeLessThan(1000);
  });

  test('each kind of fault, with its message', () => {
    const cases: [string, RegExp][] = [
      ['<a><b></a></b>', /closes/],
      ['<a x="1" x="2"/>', /duplicate/],
      ['<a>&nbsp;</a>', /entity/],
      ['<a x="&nbsp;"/>', /entity/],
      ['<a x="1<2"/>', /"<" inside a tag/],
      ['<a x="1', /unterminated tag/],
      ['<a x="<"', /"<" inside a tag/],
      ['<a x="<', /unterminated tag/],
      ['<a><b/>', /never closed/],
      ['<a/><b/>', /more than one root/],
      ['<a x=1/>', /attribute/],
      ['<a>x</a>y', /text outside the root/],
      ['<a><!-- x</a>', /unterminated comment/],
      ['<!DOCTYPE a><a/>', /DOCTYPE/],
    ];
    for (const [xml, problem] of cases) {
      expect([xml, wellFormedError(xml)]).toEqual([xml, expect.stringMatching(problem)]);
      expect(wellFormedError(xml)).toBe(referenceWellFormedError(xml));
    }
  });
});

import fc from 'fast-check';
import { NFKC_STABLE, nfkc, normalizeLabel } from '../../../src/engine/read/text';

/** Seeded, so a run can be repeated; PROPERTY_SEED=<n> searches elsewhere. */
const SEED = Number(process.env.PROPERTY_SEED) || 20261203;

/** The fast path must never change what NFKC gives: the stable set is checked one code point at a time. */
describe('NFKC fast path', () => {
  test('every code point the fast path lets through is unchanged by NFKC', () => {
    const changed: string[] = [];
    for (let cp = 0; cp <= 0xffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const ch = String.fromCharCode(cp);
      if (NFKC_STABLE.test(ch) && ch.normalize('NFKC') !== ch) changed.push(cp.toString(16));
    }
    expect(changed).toEqual([]);
  });

  test('nfkc and normalizeLabel equal the full normalisation on any text', () => {
    const japanese = fc.constantFrom(...'あがか゛゙ゝゞアガカ゚ヽヾー・、。「」【】〜〸〶①㎡㈱ＡＢ１２３　 \n漢字○◎△▲×〇◯☆★ﬁℌ½Ⅻ'.split(''));
    const text = fc.oneof(fc.string({ unit: 'grapheme' }), fc.string({ unit: japanese }), fc.string({ unit: 'binary' }));
    fc.assert(
      fc.property(text, (s) => {
        expect(nfkc(s)).toBe(s.normalize('NFKC'));
        expect(normalizeLabel(s)).toBe(s.normalize('NFKC').replace(/\s+/g, ''));
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });
});

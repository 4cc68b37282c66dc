/**
 * The patcher's one-pass attribute reader must give what the general (regular-expression) reader
 * gives for every tag, plain or not: seeded random tags of names, spaces, quotes and entities.
 */
import fc from 'fast-check';
import { attributesAt, findAll, findFirst, parseAttributes } from '../../../src/hosts/xlsx/patch/xml';

const NAMES = ['r', 's', 't', 'cm', 'x14ac:dyDescent', 'xml:space', 'a-b', 'a.b', '_x', 'r', '1', 'ä', 'a"b', ''];
const VALUES = ['A1', '', '3', 'a&amp;b', '&lt;x&gt;', '&#10;', 'x>y', "it's", 'say "hi"', '&bogus;', '/', '='];
const SPACES = [' ', '  ', '\t', '\n', '', '\u3000'];

const attribute = fc.record({
  name: fc.constantFrom(...NAMES),
  before: fc.constantFrom(...SPACES),
  eq: fc.constantFrom('=', ' = ', '=\n', ''),
  quote: fc.constantFrom('"', "'", ''),
  value: fc.constantFrom(...VALUES),
});

const tag = fc.record({
  name: fc.constantFrom('c', 'row', 'x:c', 'c"', ' c', ''),
  attrs: fc.array(attribute, { maxLength: 5 }),
  tail: fc.constantFrom('', ' ', '\n', '/', 'junk'),
}).map(({ name, attrs, tail }) => `<${name}${attrs.map((a) => `${a.before}${a.name}${a.eq}${a.quote}${a.value}${a.quote}`).join('')}${tail}`);

test('attributesAt reads every tag as parseAttributes does', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 3 }), tag, (prefix, text) => {
      const xml = `${prefix}${text}`;
      expect(attributesAt(xml, prefix.length, xml.length)).toEqual(parseAttributes(text));
    }),
    { seed: 42, numRuns: 5000 },
  );
});

test('found elements read their attributes the same way, and findFirst stops at the first', () => {
  const xml = '<r><c r="A1" s=\'2\' t="s"><v>1</v></c><c r = "B1"/><c r="C1" x="&amp;&#10;"></c></r>';
  const cells = findAll(xml, 'c');
  expect(cells.map((c) => c.attrs)).toEqual([
    [['r', 'A1'], ['s', '2'], ['t', 's']],
    [['r', 'B1']],
    [['r', 'C1'], ['x', '&\n']],
  ]);
  expect(findFirst(xml, 'c')?.start).toBe(cells[0].start);
  expect(findAll(xml, 'c', 0, xml.length, 2)).toHaveLength(2);
});

import { decodeEntities, decodeOoxmlEscapes } from '../../../src/hosts/xlsx/read/entities';
import { CLOSE, END, OPEN, TEXT, XmlReader } from '../../../src/hosts/xlsx/read/xml';

function tokens(xml: string): string[] {
  const reader = new XmlReader(xml);
  const out: string[] = [];
  for (let t = reader.next(); t !== END; t = reader.next()) {
    if (t === OPEN) out.push(`<${reader.name}${reader.selfClosing ? '/' : ''}>`);
    else if (t === CLOSE) out.push(`</${reader.name}>`);
    else if (t === TEXT) out.push(JSON.stringify(reader.text()));
  }
  return out;
}

describe('XML tokenizer', () => {
  test('tags, prefixes, self-closing, text; declarations, comments and a DOCTYPE skipped', () => {
    expect(tokens('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "boom">]><x:a b="1"><!-- c --><b/>t&amp;u<![CDATA[<&>]]></x:a >')).toEqual([
      '<a>',
      '<b/>',
      '"t&u"',
      '"<&>"',
      '</a>',
    ]);
  });

  test('attributes: by local name, either quote, ">" inside a value, entities decoded', () => {
    const reader = new XmlReader(`<sheet name='a>b &amp; c' r:id="rId1" sheetId = "2" />`);
    expect(reader.next()).toBe(OPEN);
    expect(reader.selfClosing).toBe(true);
    expect(reader.attr('name')).toBe('a>b & c');
    expect(reader.attr('id')).toBe('rId1');
    expect(reader.attr('sheetId')).toBe('2');
    expect(reader.attr('Id')).toBeUndefined();
  });

  test('unknown entities are not expanded (no DTD), malformed input throws', () => {
    expect(tokens('<a>&boom;</a>')).toEqual(['<a>', '"&boom;"', '</a>']);
    expect(() => tokens('<a b="1>')).toThrow('unterminated');
    expect(() => tokens('<a><!-- x')).toThrow('unterminated');
  });

  test('raw CR and CRLF in text become LF; &#13; stays a CR', () => {
    expect(tokens('<a>1\r\n2\r3&#13;</a>')).toEqual(['<a>', JSON.stringify('1\n2\n3\r'), '</a>']);
  });

  test('a long document with stray "&" and no ";" is decoded in linear time', () => {
    const xml = `<a>${'&x '.repeat(200_000)}</a>`;
    const start = Date.now();
    expect(tokens(xml)[1].length).toBeGreaterThan(600_000);
    expect(Date.now() - start).toBeLessThan(2000);
  });
});

test('many tags with quotes only far ahead: still linear', () => {
  const xml = `<r>${'<a x=1>'.repeat(100_000)}<b c="1" d='>'/></r>`;
  const start = Date.now();
  expect(tokens(xml)).toHaveLength(100_003);
  expect(Date.now() - start).toBeLessThan(2000);
});

describe('entity and escape decoding', () => {
  test('predefined entities and character references', () => {
    expect(decodeEntities('&lt;&gt;&amp;&quot;&apos;&#65;&#x3042;&#x1F600;&#xD800;&#99999999;')).toBe('<>&"\'Aあ😀\ufffd\ufffd');
  });

  test('_xHHHH_ escapes, and _x005F_ protecting a literal one', () => {
    expect(decodeOoxmlEscapes('a_x000D_b_x0009_c')).toBe('a\rb\tc');
    expect(decodeOoxmlEscapes('_x005F_x000D_')).toBe('_x000D_');
    expect(decodeOoxmlEscapes('_x00_ _xZZZZ_')).toBe('_x00_ _xZZZZ_');
  });
});

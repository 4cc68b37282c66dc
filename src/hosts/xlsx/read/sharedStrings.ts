import { decodeEntities, decodeOoxmlEscapes, indexIn } from './entities';
import { CLOSE, END, OPEN, TEXT, XmlReader } from './xml';

/**
 * `xl/sharedStrings.xml` → the strings, decoded once. A string is its `<t>` text, or its rich
 * text runs' `<t>` texts joined; phonetic guides (`<rPh>`, furigana in Japanese workbooks) are
 * not part of the value.
 */
export function readSharedStrings(xml: string): string[] {
  const strings: string[] = [];
  const reader = new XmlReader(xml);
  let inString = false;
  let inText = false;
  let current = '';
  for (let t = reader.next(); t !== END; t = reader.next()) {
    if (t === OPEN) {
      const name = reader.name;
      if (name === 'si') {
        current = '';
        inString = !reader.selfClosing;
        if (reader.selfClosing) {
          strings.push('');
          continue;
        }
        // the common form, <si><t>text</t></si>, read straight from the source
        const src = reader.source;
        const p = reader.position;
        if (src.startsWith('<t>', p)) {
          const lt = src.indexOf('<', p + 3);
          if (lt >= 0 && src.startsWith('</t></si>', lt) && indexIn(src, 13, p + 3, lt) < 0) {
            const text = decodeEntities(src, p + 3, lt);
            strings.push(text.indexOf('_x') >= 0 ? decodeOoxmlEscapes(text) : ownCopy(text));
            inString = false;
            reader.seek(lt + 9);
          }
        }
      } else if (name === 'rPh') {
        reader.skipElement();
      } else if (name === 't' && inString) {
        inText = !reader.selfClosing;
      }
    } else if (t === TEXT) {
      if (inText) current += reader.text();
    } else if (t === CLOSE) {
      if (reader.name === 't') inText = false;
      else if (reader.name === 'si' && inString) {
        strings.push(current.indexOf('_x') >= 0 ? decodeOoxmlEscapes(current) : current);
        inString = false;
      }
    }
  }
  return strings;
}

/**
 * The string as a copy of its own. A slice of the part's text would keep the whole part alive
 * (V8 slices longer strings as views of their parent): the strings of an 80,000-row sheet would
 * hold its 40 MB sharedStrings text for as long as any cell is read.
 */
function ownCopy(text: string): string {
  // joining forces a new flat string; the slice then views that copy, not the part
  return text.length < 13 ? text : `${text}\u0000`.slice(0, -1);
}

/** The text of an inline string (`<is>`), with the reader just past its OPEN: same rules as above. */
export function readInlineString(reader: XmlReader): string {
  let current = '';
  let inText = false;
  for (let t = reader.next(); t !== END; t = reader.next()) {
    if (t === OPEN) {
      if (reader.name === 'rPh') reader.skipElement();
      else if (reader.name === 't') inText = !reader.selfClosing;
    } else if (t === TEXT) {
      if (inText) current += reader.text();
    } else if (t === CLOSE) {
      if (reader.name === 't') inText = false;
      else if (reader.name === 'is') break;
    }
  }
  return current.indexOf('_x') >= 0 ? decodeOoxmlEscapes(current) : current;
}

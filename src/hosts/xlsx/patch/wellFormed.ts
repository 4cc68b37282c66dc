/**
 * A strict, small well-formedness check for the XML parts we write: balanced tags, quoted unique
 * attributes, known entities. We run it on every rewritten part before the copy is made, so a
 * patching mistake becomes a refusal instead of a workbook Excel has to repair.
 */

const NAME = /^[A-Za-z_][\w.:-]*$/;
const ENTITY = /^&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/;

function checkText(text: string, at: number): string | null {
  for (let i = text.indexOf('&'); i >= 0; i = text.indexOf('&', i + 1)) {
    if (!ENTITY.test(text.slice(i, i + 12))) return `bad entity at ${at + i}`;
  }
  return null;
}

function checkAttributes(body: string, at: number): string | null {
  const seen = new Set<string>();
  let rest = body;
  for (;;) {
    rest = rest.replace(/^\s+/, '');
    if (!rest) return null;
    const m = /^([^\s=]+)\s*=\s*("([^"<]*)"|'([^'<]*)')/.exec(rest);
    if (!m || !NAME.test(m[1])) return `bad attribute near ${at}`;
    if (seen.has(m[1])) return `duplicate attribute ${m[1]} near ${at}`;
    seen.add(m[1]);
    const text = checkText(m[3] ?? m[4] ?? '', at);
    if (text) return text;
    rest = rest.slice(m[0].length);
    if (rest && !/^\s/.test(rest)) return `attributes not separated near ${at}`;
  }
}

/** The ">" ending the tag at `from`; a ">" inside a quoted attribute value is legal. */
function tagClose(xml: string, from: number): number {
  let quote = '';
  for (let i = from; i < xml.length; i++) {
    const ch = xml[i];
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '>') return i;
  }
  return -1;
}

/** null when well-formed, else the first problem. */
export function wellFormedError(xml: string): string | null {
  const stack: string[] = [];
  let roots = 0;
  let p = 0;
  while (p < xml.length) {
    const lt = xml.indexOf('<', p);
    const text = xml.slice(p, lt < 0 ? xml.length : lt);
    if (stack.length === 0 && text.trim() && !(p === 0 && text === '\ufeff')) return `text outside the root at ${p}`;
    const textError = checkText(text, p);
    if (textError) return textError;
    if (lt < 0) break;
    if (xml.startsWith('<?', lt)) {
      const end = xml.indexOf('?>', lt);
      if (end < 0) return 'unterminated processing instruction';
      p = end + 2;
    } else if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt);
      if (end < 0) return 'unterminated comment';
      p = end + 3;
    } else if (xml.startsWith('<![CDATA[', lt)) {
      if (!stack.length) return 'CDATA outside the root';
      const end = xml.indexOf(']]>', lt);
      if (end < 0) return 'unterminated CDATA';
      p = end + 3;
    } else if (xml.startsWith('<!', lt)) {
      return 'DOCTYPE is not allowed';
    } else {
      const gt = tagClose(xml, lt);
      if (gt < 0) return `unterminated tag at ${lt}`;
      const tag = xml.slice(lt + 1, gt);
      if (tag.includes('<')) return `"<" inside a tag at ${lt}`;
      if (tag.startsWith('/')) {
        const name = tag.slice(1).trim();
        const open = stack.pop();
        if (open !== name) return `</${name}> closes <${open ?? ''}> at ${lt}`;
      } else {
        const selfClosing = tag.endsWith('/');
        const body = selfClosing ? tag.slice(0, -1) : tag;
        const name = /^[^\s/]+/.exec(body)?.[0] ?? '';
        if (!NAME.test(name)) return `bad element name at ${lt}`;
        const attrError = checkAttributes(body.slice(name.length), lt);
        if (attrError) return attrError;
        if (stack.length === 0) roots++;
        if (roots > 1) return 'more than one root element';
        if (!selfClosing) stack.push(name);
      }
      p = gt + 1;
    }
  }
  if (stack.length) return `<${stack[stack.length - 1]}> is never closed`;
  if (roots !== 1) return 'no root element';
  return null;
}

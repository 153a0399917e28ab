/**
 * A small, strict XML parser for the tests of JUnit output: elements, attributes, text, the five predefined
 * entities and character references. It throws on anything not well-formed that a renderer could get wrong: a
 * stray `<` or `&`, `]]>` in text, a raw `<` or unescaped quote in an attribute, a character XML 1.0 cannot hold,
 * mismatched tags. Written here, apart from the product, so that the tests are an independent check.
 */

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** The element's own text, entities decoded (not its children's). */
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
// XML 1.0's Char production.
const ILLEGAL = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u;

function decode(raw: string, at: number): string {
  return raw.replace(/&([^;]*);|&/g, (whole, name: string | undefined) => {
    if (name === undefined) throw new Error(`a bare & at ${at}`);
    if (name in ENTITIES) return ENTITIES[name] as string;
    const m = /^#(x[0-9a-fA-F]+|[0-9]+)$/.exec(name);
    if (!m) throw new Error(`unknown entity &${name}; at ${at}`);
    const code = m[1]?.startsWith('x') ? parseInt(m[1].slice(1), 16) : Number(m[1]);
    const ch = String.fromCodePoint(code);
    if (ILLEGAL.test(ch)) throw new Error(`a reference to a character XML cannot hold (${code}) at ${at}`);
    return ch;
  });
}

export function parseXml(source: string): XmlElement {
  if (ILLEGAL.test(source)) throw new Error(`a character XML cannot hold at ${source.search(ILLEGAL)}`);
  let i = 0;
  const skipSpace = () => {
    while (i < source.length && /\s/.test(source[i] as string)) i++;
  };
  const expect = (s: string) => {
    if (!source.startsWith(s, i))
      throw new Error(`expected ${JSON.stringify(s)} at ${i}: ${JSON.stringify(source.slice(i, i + 30))}`);
    i += s.length;
  };
  const name = () => {
    const m = /^[A-Za-z_][\w.-]*/.exec(source.slice(i, i + 200));
    if (!m) throw new Error(`expected a name at ${i}`);
    i += m[0].length;
    return m[0];
  };

  function element(): XmlElement {
    expect('<');
    const el: XmlElement = { name: name(), attributes: {}, children: [], text: '' };
    for (;;) {
      skipSpace();
      if (source.startsWith('/>', i)) {
        i += 2;
        return el;
      }
      if (source[i] === '>') {
        i++;
        break;
      }
      const attr = name();
      skipSpace();
      expect('=');
      skipSpace();
      const quote = source[i];
      if (quote !== '"' && quote !== "'") throw new Error(`expected a quoted value at ${i}`);
      const end = source.indexOf(quote, i + 1);
      if (end === -1) throw new Error(`an unclosed attribute at ${i}`);
      const raw = source.slice(i + 1, end);
      if (raw.includes('<')) throw new Error(`a raw < in an attribute at ${i}`);
      if (attr in el.attributes) throw new Error(`a repeated attribute ${attr} at ${i}`);
      // Attribute-value normalization: raw white space becomes a space; references keep what they stand for.
      el.attributes[attr] = decode(raw.replace(/[\t\n\r]/g, ' '), i);
      i = end + 1;
    }
    for (;;) {
      const next = source.indexOf('<', i);
      if (next === -1) throw new Error(`an unclosed <${el.name}>`);
      const raw = source.slice(i, next);
      if (raw.includes(']]>')) throw new Error(`]]> in text at ${i}`);
      el.text += decode(raw, i);
      i = next;
      if (source.startsWith('</', i)) {
        i += 2;
        const closing = name();
        if (closing !== el.name) throw new Error(`</${closing}> closes <${el.name}> at ${i}`);
        skipSpace();
        expect('>');
        return el;
      }
      el.children.push(element());
    }
  }

  if (source.startsWith('<?xml')) {
    const end = source.indexOf('?>');
    if (end === -1) throw new Error('an unclosed XML declaration');
    i = end + 2;
  }
  skipSpace();
  const root = element();
  skipSpace();
  if (i !== source.length) throw new Error(`content after the root element at ${i}`);
  return root;
}

/** Every element of a name, at any depth, in document order. */
export function findAll(el: XmlElement, name: string): XmlElement[] {
  return [...(el.name === name ? [el] : []), ...el.children.flatMap((c) => findAll(c, name))];
}

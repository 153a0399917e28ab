/**
 * XML for the tests of JUnit output, read by saxes, a maintained strict XML 1.0 parser (the one jsdom uses) apart
 * from the product: anything not well-formed that a renderer could get wrong (a stray `<` or `&`, `]]>` in text, a
 * raw `<` in an attribute, a character XML 1.0 cannot hold, an unknown entity, mismatched tags) is an error.
 */
import { SaxesParser } from 'saxes';

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** The element's own text, entities decoded (not its children's). */
  text: string;
}

export function parseXml(source: string): XmlElement {
  const parser = new SaxesParser();
  const open: XmlElement[] = [];
  let root: XmlElement | undefined;
  let error: Error | undefined;
  parser.on('error', (e) => {
    error ??= e;
  });
  parser.on('opentag', (tag) => {
    const attributes: Record<string, string> = Object.create(null) as Record<string, string>;
    for (const [name, value] of Object.entries(tag.attributes)) attributes[name] = String(value);
    const el: XmlElement = { name: tag.name, attributes, children: [], text: '' };
    const parent = open.at(-1);
    if (parent) parent.children.push(el);
    else root = el;
    open.push(el);
  });
  parser.on('text', (text) => {
    const el = open.at(-1);
    if (el) el.text += text;
  });
  parser.on('cdata', (text) => {
    const el = open.at(-1);
    if (el) el.text += text;
  });
  parser.on('closetag', () => {
    open.pop();
  });
  parser.write(source).close();
  if (error) throw error;
  if (!root) throw new Error('no root element');
  return root;
}

/** Every element of a name, at any depth, in document order. */
export function findAll(el: XmlElement, name: string): XmlElement[] {
  return [...(el.name === name ? [el] : []), ...el.children.flatMap((c) => findAll(c, name))];
}

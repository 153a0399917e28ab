import { describe, expect, it } from 'vitest';
import { parseXml } from './xml.js';

describe('parseXml: the tests read XML strictly', () => {
  it('reads elements, attributes and text, entities decoded', () => {
    const root = parseXml('<?xml version="1.0"?>\n<a x="1 &amp; 2"><b>t &lt; u</b><b/></a>');
    expect(root.name).toBe('a');
    expect(root.attributes.x).toBe('1 & 2');
    expect(root.children.map((c) => c.text)).toEqual(['t < u', '']);
  });
  it.each([
    ['a bare &', '<a>x & y</a>'],
    ['an unknown entity', '<a>&bogus;</a>'],
    ['a raw < in an attribute', '<a b="<"/>'],
    ['a control character', '<a>\u0001</a>'],
    [']]> in text', '<a>x]]>y</a>'],
    ['mismatched tags', '<a><b></a></b>'],
    ['a repeated attribute', '<a b="1" b="2"/>'],
    ['content after the root', '<a/><b/>'],
  ])('refuses %s', (_what, xml) => {
    expect(() => parseXml(xml)).toThrow();
  });
});

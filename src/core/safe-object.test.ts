import { afterEach, describe, expect, it } from 'vitest';
import {
  forbiddenKeys,
  forbiddenSegment,
  isForbiddenKey,
  nullObject,
  nullObjectFrom,
  nullProtoDeep,
  nullProtoInPlace,
  ownValue,
  textOf,
} from './safe-object.js';

afterEach(() => {
  // A test that failed half-way must not leave the next one a polluted prototype.
  delete (Object.prototype as Record<string, unknown>).polluted;
});

describe('isForbiddenKey and forbiddenSegment', () => {
  it.each([
    ['__proto__', true],
    ['constructor', true],
    ['prototype', true],
    ['Constructor', true],
    ['__PROTO__', true],
    ['PROTOTYPE', true],
    ['proto', false],
    ['constructors', false],
    ['toString', false],
    ['title', false],
    ['', false],
  ])('%s: %s', (key, forbidden) => {
    expect(isForbiddenKey(key)).toBe(forbidden);
  });

  it('finds the first forbidden segment of a dotted path, anywhere in it', () => {
    expect(forbiddenSegment('title')).toBeNull();
    expect(forbiddenSegment('team.women')).toBeNull();
    expect(forbiddenSegment('title.__proto__.shell')).toBe('__proto__');
    expect(forbiddenSegment('constructor.prototype.shell')).toBe('constructor');
    expect(forbiddenSegment('x.Prototype')).toBe('Prototype');
    expect(forbiddenSegment('x. __proto__ ')).toBe(' __proto__ ');
  });
});

describe('objects without a prototype', () => {
  it('nullObject keeps __proto__ as an own key and inherits nothing', () => {
    const o = nullObject();
    o.__proto__ = { polluted: 'yes' };
    o['constructor'] = 'c';
    expect(Object.getPrototypeOf(o)).toBeNull();
    expect(Object.keys(o)).toEqual(['__proto__', 'constructor']);
    expect(o.polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect('toString' in o).toBe(false);
  });

  it('nullObjectFrom takes pairs in order, later ones winning', () => {
    const o = nullObjectFrom([
      ['a', 1],
      ['__proto__', 2],
      ['a', 3],
    ]);
    expect(Object.getPrototypeOf(o)).toBeNull();
    expect(Object.entries(o)).toEqual([
      ['a', 3],
      ['__proto__', 2],
    ]);
  });

  it('nullProtoDeep rebuilds every mapping of parsed JSON, and a __proto__ key stays data', () => {
    const parsed = JSON.parse('{"a": {"__proto__": {"polluted": "yes"}}, "list": [{"b": 1}, 2, null], "s": "t"}') as {
      a: Record<string, unknown>;
      list: unknown[];
    };
    const copy = nullProtoDeep(parsed);
    expect(Object.getPrototypeOf(copy)).toBeNull();
    expect(Object.getPrototypeOf(copy.a)).toBeNull();
    expect(Object.getPrototypeOf(copy.a.__proto__)).toBeNull();
    expect(Object.getPrototypeOf(copy.list[0])).toBeNull();
    expect(Array.isArray(copy.list)).toBe(true);
    expect(Object.keys(copy.a)).toEqual(['__proto__']);
    expect((copy.a as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(JSON.stringify(copy)).toBe(JSON.stringify(parsed));
  });

  it('ownValue reads only what an object holds itself', () => {
    const props = JSON.parse('{"title": {"type": "string"}}') as Record<string, unknown>;
    expect(ownValue(props, 'title')).toEqual({ type: 'string' });
    expect(ownValue(props, 'constructor')).toBeUndefined();
    expect(ownValue(props, 'toString')).toBeUndefined();
    expect(ownValue(props, '__proto__')).toBeUndefined();
    expect(ownValue(null, 'x')).toBeUndefined();
    expect(ownValue('text', 'length')).toBeUndefined();
  });
});

describe('nullProtoInPlace', () => {
  it('takes the prototype off every mapping where it stands, as nullProtoDeep does in a copy', () => {
    const parsed = JSON.parse('{"a": {"b": [{"c": 1}, 2, null]}, "d": "x", "toString": 3}') as Record<string, unknown>;
    const copy = nullProtoDeep(parsed);
    const date = new Date(0);
    parsed.when = date;
    expect(nullProtoInPlace(parsed)).toBe(parsed);
    for (const o of [parsed, parsed.a, (parsed.a as { b: object[] }).b[0]]) expect(Object.getPrototypeOf(o)).toBeNull();
    expect(Array.isArray((parsed.a as { b: unknown }).b)).toBe(true);
    expect(parsed.when).toBe(date);
    delete parsed.when;
    expect(JSON.stringify(parsed)).toBe(JSON.stringify(copy));
    expect(parsed.toString).toBe(3);
  });
});

describe('forbiddenKeys', () => {
  it('lists every forbidden key at any depth, any case, with its JSON pointer', () => {
    const data = nullProtoDeep(
      JSON.parse(
        '{"a": 1, "__proto__": {"x": 1}, "list": [{"Constructor": 1}], "a/b": {"prototype": {"constructor": 2}}}',
      ) as unknown,
    );
    expect(forbiddenKeys(data)).toEqual([
      { key: '__proto__', pointer: '/__proto__' },
      { key: 'Constructor', pointer: '/list/0/Constructor' },
      { key: 'prototype', pointer: '/a~1b/prototype' },
      { key: 'constructor', pointer: '/a~1b/prototype/constructor' },
    ]);
    expect(forbiddenKeys(data, 1)).toHaveLength(1);
    expect(forbiddenKeys({ title: 'constructor', tags: ['__proto__'] })).toEqual([]);
  });
});

describe('textOf', () => {
  it('shows a mapping without a prototype, which String() cannot', () => {
    const o = nullProtoDeep({ a: 1 });
    expect(() => String(o)).toThrow(TypeError);
    expect(textOf(o)).toBe('{"a":1}');
    expect(textOf([1, o])).toBe('[1,{"a":1}]');
    expect(textOf('x')).toBe('x');
    expect(textOf(3)).toBe('3');
    expect(textOf(false)).toBe('false');
    expect(textOf(null)).toBe('');
    expect(textOf(undefined)).toBe('');
  });
});

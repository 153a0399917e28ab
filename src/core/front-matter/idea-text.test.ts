import { describe, expect, it } from 'vitest';
import { readFrontMatter } from './front-matter.js';
import { renderIdeaFile } from './idea-text.js';

function roundTrip(data: Record<string, unknown>, body = ''): { data: Record<string, unknown>; body: string } | string {
  const fm = readFrontMatter(Buffer.from(renderIdeaFile(data, body), 'utf8'));
  return fm.ok ? { data: fm.data, body: fm.body } : fm.rule;
}

describe('renderIdeaFile', () => {
  it('writes a text of only spaces and line breaks so that it reads back whole, in double quotes', () => {
    // The yaml package alone writes `"  \n"` as a block scalar `|+` of one line of spaces, read back as `"\n"`.
    const data = { id: 'ide-abcd12', title: 'T', note: '  \n', more: ['    \t\n', ' \n\n', '\n'], spaces: '   ' };
    expect(roundTrip(data)).toEqual({ data, body: '' });
    expect(renderIdeaFile(data, '')).toMatch(/^note: "[ \\]+n"$/m);
  });

  it('writes a list inline unless a value in it has a line break, which the package would leave unquoted in [ ]', () => {
    const data = { id: 'ide-abcd12', title: 'T', tags: ['a', 'b'], notes: ['- punkt\n\n- till', 'x'] };
    expect(roundTrip(data)).toEqual({ data, body: '' });
    const text = renderIdeaFile(data, '');
    expect(text).toContain('tags: [a, b]\n');
    expect(text).toContain('notes:\n  - |-\n');
  });

  it('writes the fields in the order given, short lists inline, records as blocks, and the body after a blank line', () => {
    const text = renderIdeaFile(
      {
        id: 'ide-abcd12',
        title: 'Cykelpool',
        created: '2026-11-23',
        tags: ['cykel', 'buss'],
        history: [{ date: '2026-11-23', action: 'created', to: 'idea' }],
      },
      'Text.\r\n\r\nMore.\n\n',
    );
    expect(text).toBe(
      [
        '---',
        'id: ide-abcd12',
        'title: Cykelpool',
        'created: 2026-11-23',
        'tags: [cykel, buss]',
        'history:',
        '  - date: 2026-11-23',
        '    action: created',
        '    to: idea',
        '---',
        '',
        'Text.',
        '',
        'More.',
        '',
      ].join('\n'),
    );
  });

  it('writes no body lines when the body is empty', () => {
    expect(renderIdeaFile({ title: 'X' }, '  \n')).toBe('---\ntitle: X\n---\n');
  });

  it.each([
    'yes',
    'no',
    'on',
    'null',
    '~',
    'true',
    '2026-01-01',
    '0x1F',
    '0o17',
    '0b101',
    '1e3',
    '+12',
    '0123',
    '1_000',
    '.inf',
    'a: b',
    '- x',
    '#x',
    'x # y',
    '"q"',
    "'s'",
    '@a',
    '`b',
    '*a',
    '&a',
    '!t',
    '%p',
    '? q',
    '| x',
    '> x',
    '[x]',
    '{x}',
    '---',
    '--- x',
    '...',
    'x\n---\ny',
    ' lead',
    'trail ',
    'Äldreomsorg på distans',
  ])('reads the text %j back as written', (value) => {
    expect(roundTrip({ title: value, tags: [value] })).toEqual({ data: { title: value, tags: [value] }, body: '' });
  });
});

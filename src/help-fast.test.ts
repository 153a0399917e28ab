import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fastHelp, helpRequest, type HelpCatalog } from './help-fast.js';
import { makeTempDir, removeTempDirs } from '../test/helpers/temp-repo.js';

afterAll(removeTempDirs);

describe('helpRequest', () => {
  it.each([
    [['--help'], ''],
    [['-h'], ''],
    [['help'], ''],
    [['list', '--help'], 'list'],
    [['list', '-h'], 'list'],
    [['help', 'list'], 'list'],
    [['hook', 'install', '--help'], 'hook install'],
  ])('%j asks for the help of %j', (argv, path) => {
    expect(helpRequest(argv)).toBe(path);
  });

  it.each([
    [[]],
    [['list']],
    [['--lang', 'sv', '--help']],
    [['list', '--json', '--help']],
    [['-C', 'x', 'list', '--help']],
    [['help', '--lang', 'sv']],
    [['help', 'hook', 'install']],
    [['--help', 'list']],
  ])('%j is left to the command line', (argv) => {
    expect(helpRequest(argv)).toBeNull();
  });
});

describe('fastHelp', () => {
  const dir = makeTempDir();
  const catalogFile = path.join(dir, 'help.json');
  const catalog: HelpCatalog = {
    width: 80,
    texts: { sv: { '': 'program sv\n', list: 'list sv\n' }, en: { '': 'program en\n', list: 'list en\n' } },
  };
  writeFileSync(catalogFile, JSON.stringify(catalog));
  const outside = path.join(dir, 'outside');
  mkdirSync(outside);
  const swedishRegistry = path.join(dir, 'sv-registry');
  mkdirSync(path.join(swedishRegistry, 'ideas', 'idea'), { recursive: true });
  writeFileSync(path.join(swedishRegistry, 'ideas.config.yaml'), 'name: Test\nlanguage: sv\n');

  function ask(argv: string[], opts: { env?: NodeJS.ProcessEnv; cwd?: string; tty?: number; file?: string } = {}) {
    let text = '';
    const stdout = { write: (s: string) => (text += s), isTTY: opts.tty !== undefined, columns: opts.tty };
    const answered = fastHelp(argv, opts.env ?? {}, opts.cwd ?? outside, stdout, opts.file ?? catalogFile);
    return { answered, text };
  }

  it('prints the text of the command asked for, in the language of the locale, the registry or IDEAS_REGISTRY', () => {
    expect(ask(['--help'])).toEqual({ answered: true, text: 'program en\n' });
    expect(ask(['list', '--help'], { env: { LANG: 'sv_SE.UTF-8' } })).toEqual({ answered: true, text: 'list sv\n' });
    expect(ask(['help', 'list'], { cwd: path.join(swedishRegistry, 'ideas', 'idea') })).toEqual({
      answered: true,
      text: 'list sv\n',
    });
    expect(ask(['-h'], { env: { IDEAS_REGISTRY: swedishRegistry } })).toEqual({ answered: true, text: 'program sv\n' });
  });

  it('leaves to the command line, having printed nothing: unknown commands, a narrower terminal, no catalog', () => {
    expect(ask(['frobnicate', '--help'])).toEqual({ answered: false, text: '' });
    expect(ask(['--help'], { tty: 60 })).toEqual({ answered: false, text: '' });
    expect(ask(['--help'], { file: path.join(dir, 'missing.json') })).toEqual({ answered: false, text: '' });
    expect(ask(['--help'], { tty: 200 })).toEqual({ answered: true, text: 'program en\n' });
  });
});

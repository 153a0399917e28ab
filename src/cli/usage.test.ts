import { describe, expect, it } from 'vitest';
import { earlyArgs } from './usage.js';

describe('earlyArgs: the command line before commander reads it, as commander reads it', () => {
  const none = { lang: undefined, registry: undefined, command: undefined, json: false };
  it.each([
    [[], none],
    [['list'], { ...none, command: 'list' }],
    [['--lang', 'en', 'list'], { ...none, lang: 'en', command: 'list' }],
    [['list', '--lang=en'], { ...none, lang: 'en', command: 'list' }],
    // The last of a repeated option, as commander takes it.
    [['--lang', 'sv', 'list', '--lang', 'en'], { ...none, lang: 'en', command: 'list' }],
    [['-C', 'reg', 'validate'], { ...none, registry: 'reg', command: 'validate' }],
    [['-Creg', 'validate'], { ...none, registry: 'reg', command: 'validate' }],
    [['validate', '--registry=reg'], { ...none, registry: 'reg', command: 'validate' }],
    [['--registry', 'reg', 'validate'], { ...none, registry: 'reg', command: 'validate' }],
    // A global option's value is no command.
    [['-C', 'list', 'show', 'x'], { ...none, registry: 'list', command: 'show' }],
    [['help', 'region'], { ...none, command: 'region' }],
    [['help'], none],
    [['validate', '--json'], { ...none, command: 'validate', json: true }],
    [['validate', '--format', 'json'], { ...none, command: 'validate', json: true }],
    [['validate', '-f', 'json'], { ...none, command: 'validate', json: true }],
    [['validate', '-fjson'], { ...none, command: 'validate', json: true }],
    [['validate', '--format=json'], { ...none, command: 'validate', json: true }],
    [['validate', '--format', 'junit'], { ...none, command: 'validate' }],
    // `--format`'s value is its own, never the command: `json` after `--format text` asks for nothing.
    [['--format', 'text', 'json'], { ...none, command: 'json' }],
    // Nothing after `--` is an option: a title may be `--json` or `--lang`.
    [['new', '--', '--json', '--lang', 'en', '-C', 'x'], { ...none, command: 'new' }],
  ])('%j', (argv, expected) => {
    expect(earlyArgs(argv)).toEqual(expected);
  });
});

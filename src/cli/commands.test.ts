import { failure } from '../../test/helpers/errors.js';
import { describe, expect, it } from 'vitest';
import type { Ctx } from '../context.js';
import { parseCommandLine } from '../program.js';
import { COMMANDS } from './commands.js';

const sink = { write: () => true, isTTY: false };
const ctx: Ctx = {
  cwd: '/nowhere',
  env: {},
  stdout: sink,
  stderr: sink,
  stdinIsTTY: false,
  prompter: () => Promise.reject(new Error('no prompts')),
  clock: () => new Date('2026-12-04T12:00:00Z'),
};

/** The options every command shares when no global flag is given. */
const G = { registry: undefined, lang: undefined, json: false, input: true, debug: false, cache: true };

// One line per case: the command line, the command it names, and the input the command gets.
const cases: [string[], string, Record<string, unknown>][] = [
  [['init'], 'init', { ...G, dir: undefined, template: undefined, ci: 'github', package: undefined, commit: false }],
  [
    ['init', 'x', '-t', 'minimal', '--no-ci', '--json'],
    'init',
    { ...G, json: true, dir: 'x', template: 'minimal', ci: false, package: undefined, commit: false },
  ],
  [
    ['init', '--ci', 'gitlab', '--package', 'file:../idesluss-1.0.0.tgz'],
    'init',
    {
      ...G,
      dir: undefined,
      template: undefined,
      ci: 'gitlab',
      package: 'file:../idesluss-1.0.0.tgz',
      commit: false,
    },
  ],
  [['hook', 'install'], 'hook install', { ...G, force: false }],
  [['hook', 'install', '--force', '--json'], 'hook install', { ...G, json: true, force: true }],
  [['hook', 'uninstall', '--json'], 'hook uninstall', { ...G, json: true }],
  [['region', 'init'], 'region init', { ...G, dir: undefined, name: undefined }],
  [
    ['region', 'init', 'r', '--name', 'Skaraborg', '--json'],
    'region init',
    { ...G, json: true, dir: 'r', name: 'Skaraborg' },
  ],
  [
    ['region', 'add', 'lidkoping', 'https://git.example.org/l.git', '--name', 'Lidköpings kommun'],
    'region add',
    {
      ...G,
      id: 'lidkoping',
      url: 'https://git.example.org/l.git',
      name: 'Lidköpings kommun',
      municipality: undefined,
      branch: undefined,
      path: undefined,
      site: undefined,
    },
  ],
  [
    [
      'region',
      'add',
      'l',
      './l',
      '--municipality',
      '1494',
      '--branch',
      'main',
      '--path',
      'reg',
      '--site',
      'https://x',
      '--json',
    ],
    'region add',
    {
      ...G,
      json: true,
      id: 'l',
      url: './l',
      name: undefined,
      municipality: '1494',
      branch: 'main',
      path: 'reg',
      site: 'https://x',
    },
  ],
  [['region', 'remove', 'lidkoping'], 'region remove', { ...G, id: 'lidkoping' }],
  [['region', 'remove', 'l', '--json'], 'region remove', { ...G, json: true, id: 'l' }],
  [['region', 'sync'], 'region sync', { ...G, format: 'pretty', members: [], jobs: undefined, timeout: undefined }],
  [
    ['region', 'sync', '--member', 'a', '--member', 'b', '-j', '8', '--format', 'github'],
    'region sync',
    { ...G, format: 'github', members: ['a', 'b'], jobs: '8', timeout: undefined },
  ],
  [['region', 'list'], 'region list', { ...G, members: [], stage: undefined }],
  [
    ['region', 'list', '--member', 'lidkoping', '--member', '1496', '-s', 'test', '--json'],
    'region list',
    { ...G, json: true, members: ['lidkoping', '1496'], stage: 'test' },
  ],
  [
    ['region', 'show', 'lidkoping:lidk-4k7q2x', '--json'],
    'region show',
    { ...G, json: true, ref: 'lidkoping:lidk-4k7q2x' },
  ],
  [['region', 'duplicates'], 'region duplicates', { ...G, members: [], minScore: undefined, limit: undefined }],
  [
    ['region', 'duplicates', '--member', 'skovde', '--min-score', '0.5', '--limit', '10', '--json'],
    'region duplicates',
    { ...G, json: true, members: ['skovde'], minScore: '0.5', limit: '10' },
  ],
  [
    ['region', 'sync', '--json'],
    'region sync',
    { ...G, json: true, format: 'json', members: [], jobs: undefined, timeout: undefined },
  ],
  [
    ['region', 'sync', '--timeout', '5'],
    'region sync',
    { ...G, format: 'pretty', members: [], jobs: undefined, timeout: '5' },
  ],
  [
    ['region', 'report'],
    'region report',
    { ...G, format: 'text', members: [], since: undefined, until: undefined, by: [] },
  ],
  [
    ['region', 'report', '--member', '1494', '--since', '2026-01-01', '--until', '2026-06-30', '-f', 'md'],
    'region report',
    { ...G, format: 'md', members: ['1494'], since: '2026-01-01', until: '2026-06-30', by: [] },
  ],
  [
    ['region', 'report', '--json', '--by', 'tags', '--by', 'challenge'],
    'region report',
    { ...G, json: true, format: 'json', members: [], since: undefined, until: undefined, by: ['tags', 'challenge'] },
  ],
  [
    ['region', 'report', '--by', 'tags', '--format', 'csv'],
    'region report',
    { ...G, format: 'csv', members: [], since: undefined, until: undefined, by: ['tags'] },
  ],
  [['region', 'export'], 'region export', { ...G, format: 'csv', members: [], stage: undefined, delimiter: undefined }],
  [
    ['region', 'export', '--member', 'skovde', '-s', 'test', '--delimiter', 'tab', '--json'],
    'region export',
    { ...G, json: true, format: 'json', members: ['skovde'], stage: 'test', delimiter: 'tab' },
  ],
  [['region', 'site'], 'region site', { ...G, members: [], out: undefined }],
  [
    ['region', 'site', '--member', 'skovde', '-o', 'public', '--json'],
    'region site',
    { ...G, json: true, members: ['skovde'], out: 'public' },
  ],
  [
    ['new'],
    'new',
    { ...G, title: undefined, set: [], body: undefined, bodyFile: undefined, by: undefined, commit: false },
  ],
  [
    [
      'new',
      '--title',
      'T',
      '--set',
      'a=1',
      '--set',
      'b=2',
      '--body-file',
      '-',
      '--by',
      'Anna',
      '--no-input',
      '--commit',
    ],
    'new',
    { ...G, input: false, title: 'T', set: ['a=1', 'b=2'], body: undefined, bodyFile: '-', by: 'Anna', commit: true },
  ],
  [
    ['adopt', 'lidkoping:lidk-4k7q2x'],
    'adopt',
    { ...G, ref: 'lidkoping:lidk-4k7q2x', stage: undefined, set: [], by: undefined, force: false, commit: false },
  ],
  [
    ['adopt', 'a:b-1234', '-s', 'test', '--set', 'unit=U', '--by', 'Bo', '--force', '--commit', '--json'],
    'adopt',
    { ...G, json: true, ref: 'a:b-1234', stage: 'test', set: ['unit=U'], by: 'Bo', force: true, commit: true },
  ],
  [['list'], 'list', { ...G, stage: undefined, tag: undefined, funds: false }],
  [
    ['-C', 'reg', '--lang', 'en', 'list', '-s', 'test', '--tag', 'x', '--funds', '--json'],
    'list',
    { ...G, registry: 'reg', lang: 'en', json: true, stage: 'test', tag: 'x', funds: true },
  ],
  [['show', 'sund-4k7q2x', '--no-cache', '--debug'], 'show', { ...G, cache: false, debug: true, id: 'sund-4k7q2x' }],
  [
    ['move', 'x', 'test', '--note', 'n', '--by', 'b', '--force', '--commit'],
    'move',
    { ...G, id: 'x', to: 'test', note: 'n', by: 'b', force: true, commit: true },
  ],
  [
    ['move', 'x'],
    'move',
    { ...G, id: 'x', to: undefined, note: undefined, by: undefined, force: false, commit: false },
  ],
  [
    ['decide', 'x', '-d', 'approve', '-r', 'ok', '--amount', '45000', '--to', 'test', '--json'],
    'decide',
    {
      ...G,
      json: true,
      id: 'x',
      decision: 'approve',
      reason: 'ok',
      amount: '45000',
      to: 'test',
      set: [],
      conflict: [],
      by: undefined,
      force: false,
      commit: false,
    },
  ],
  [
    ['edit', 'x'],
    'edit',
    { ...G, id: 'x', set: [], unset: [], body: undefined, bodyFile: undefined, by: undefined, commit: false },
  ],
  [
    [
      'edit',
      'x',
      '--set',
      'a=1',
      '--set',
      'b=45 000 kr',
      '--unset',
      'c',
      '--body-file',
      'f.md',
      '--by',
      'E',
      '--commit',
      '--json',
      '--no-input',
    ],
    'edit',
    {
      ...G,
      json: true,
      input: false,
      id: 'x',
      set: ['a=1', 'b=45 000 kr'],
      unset: ['c'],
      body: undefined,
      bodyFile: 'f.md',
      by: 'E',
      commit: true,
    },
  ],
  [
    ['edit', 'x', '--body', 'Ny text'],
    'edit',
    { ...G, id: 'x', set: [], unset: [], body: 'Ny text', bodyFile: undefined, by: undefined, commit: false },
  ],
  [
    ['assign', 'x', '--coach', 'C', '--carrier', 'K'],
    'assign',
    { ...G, id: 'x', coach: 'C', carrier: 'K', by: undefined, commit: false },
  ],
  [
    ['review', '--stage', 'test', '--by', 'Rådet', '--minutes', 'p.md', '--dry-run', '--json'],
    'review',
    {
      ...G,
      json: true,
      stage: 'test',
      by: 'Rådet',
      minutes: 'p.md',
      dryRun: true,
      includeParked: false,
      conflicts: [],
    },
  ],
  [
    ['review', '--include-parked', '--conflict', 'sund-1=Anna Ek', '--jav', 'sund-2=Bo', '--conflict', 'sund-3=Cia'],
    'review',
    {
      ...G,
      stage: undefined,
      by: undefined,
      minutes: undefined,
      dryRun: false,
      includeParked: true,
      conflicts: ['sund-1=Anna Ek', 'sund-3=Cia', 'sund-2=Bo'],
    },
  ],
  [
    [
      'decide',
      'x',
      '-d',
      'godkänn',
      '--set',
      'coach=Lisa',
      '--set',
      'unit=Vård',
      '--conflict',
      'Anna',
      '--by',
      'Anna, Bo',
    ],
    'decide',
    {
      ...G,
      id: 'x',
      decision: 'godkänn',
      reason: undefined,
      amount: undefined,
      to: undefined,
      set: ['coach=Lisa', 'unit=Vård'],
      conflict: ['Anna'],
      by: 'Anna, Bo',
      force: false,
      commit: false,
    },
  ],
  [
    ['validate'],
    'validate',
    {
      ...G,
      format: 'pretty',
      paths: [],
      strict: false,
      changed: false,
      base: undefined,
      staged: false,
      indexFile: undefined,
    },
  ],
  [
    ['validate', 'a.md', 'b', '--format', 'github', '--strict', '--base', 'origin/main'],
    'validate',
    {
      ...G,
      format: 'github',
      paths: ['a.md', 'b'],
      strict: true,
      changed: false,
      base: 'origin/main',
      staged: false,
      indexFile: undefined,
    },
  ],
  [
    ['validate', '--format', 'json'],
    'validate',
    {
      ...G,
      json: true,
      format: 'json',
      paths: [],
      strict: false,
      changed: false,
      base: undefined,
      staged: false,
      indexFile: undefined,
    },
  ],
  [['diff'], 'diff', { ...G, format: 'text', base: undefined, head: undefined }],
  [
    ['diff', 'main...feature', '--format', 'md'],
    'diff',
    { ...G, format: 'md', base: 'main...feature', head: undefined },
  ],
  [['diff', 'main', 'HEAD', '--json'], 'diff', { ...G, json: true, format: 'json', base: 'main', head: 'HEAD' }],
  [['schema', '--stage', 'test'], 'schema', { ...G, stage: 'test', region: false }],
  [['schema', '--region', '--json'], 'schema', { ...G, json: true, stage: undefined, region: true }],
  [
    ['report', '--since', '2026-01-01', '--until', '2026-06-30', '--by', 'unit', '--by', 'challenge', '-f', 'csv'],
    'report',
    {
      ...G,
      format: 'csv',
      since: '2026-01-01',
      until: '2026-06-30',
      by: ['unit', 'challenge'],
      includePersonal: false,
    },
  ],
  [
    ['report', '--include-personal', '--json'],
    'report',
    { ...G, json: true, format: 'json', since: undefined, until: undefined, by: [], includePersonal: true },
  ],
  [['export'], 'export', { ...G, format: 'csv', stage: undefined, includePersonal: false, delimiter: undefined }],
  [
    ['export', '--format', 'json', '--stage', 'idea', '--include-personal', '--delimiter', 'tab'],
    'export',
    { ...G, json: true, format: 'json', stage: 'idea', includePersonal: true, delimiter: 'tab' },
  ],
  [['site', '--out', 'docs', '--include-personal'], 'site', { ...G, out: 'docs', includePersonal: true }],
  [
    [
      'import',
      'ideer.csv',
      '--map',
      'Idé=title',
      '--map',
      'Anteckning=',
      '--stage',
      'test',
      '--dry-run',
      '--skip-invalid',
      '--by',
      'S',
    ],
    'import',
    {
      ...G,
      file: 'ideer.csv',
      map: ['Idé=title', 'Anteckning='],
      stage: 'test',
      dryRun: true,
      skipInvalid: true,
      by: 'S',
    },
  ],
];

describe('the command line, from argv to each command’s input', () => {
  it.each(cases)('%j', async (argv, path, input) => {
    expect(await parseCommandLine(argv, ctx)).toEqual({ path, input });
  });

  it('refuses --json with a --format of something else, and takes it with --format json or no --format', async () => {
    for (const argv of [
      ['report', '--format', 'md', '--json'],
      ['export', '-f', 'csv', '--json'],
      ['validate', '-f', 'junit', '--json'],
      ['validate', '--json', '--format', 'github'],
    ]) {
      const e = await failure(parseCommandLine(argv, ctx));
      expect(e.code, argv.join(' ')).toBe('USAGE');
      expect(e.message).toMatch(/^Give either --json or --format (md|csv|github|junit), not both/);
    }
    expect((await parseCommandLine(['report', '--format', 'json', '--json'], ctx)).input).toMatchObject({
      format: 'json',
    });
    expect((await parseCommandLine(['report', '--json'], ctx)).input).toMatchObject({ format: 'json' });
  });

  it('covers every command that takes input', () => {
    const covered = new Set(cases.map(([, path]) => path));
    const declared = COMMANDS.filter((c) => c.input).map((c) => c.path.join(' '));
    expect(declared.filter((p) => !covered.has(p))).toEqual([]);
  });
});

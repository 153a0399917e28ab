import { describe, expect, it } from 'vitest';
import { checkConfigRules, normalizeConfig, type RegistryConfig, type Stage } from './config.js';

const stage = (key: string, folder: string, next: string[] = []): Stage => ({
  key,
  folder,
  label: { sv: key, en: key },
  next,
  criteria: `criteria/${key}.schema.json`,
  council: false,
  funding: false,
  limitDays: null,
});

function config(over: Partial<RegistryConfig> = {}): RegistryConfig {
  return {
    schemaVersion: 1,
    name: 'Test',
    language: 'sv',
    idPrefix: 'ide',
    ideasDir: 'ideas',
    stages: [stage('idea', '01-ide', ['doing']), stage('doing', '02-pagar', ['idea'])],
    challenges: [],
    goals: [],
    ...over,
  };
}

const pointers = (c: RegistryConfig) => checkConfigRules(c).map((p) => p.pointer);

describe('checkConfigRules', () => {
  it('finds nothing in a sound config', () => {
    expect(checkConfigRules(config())).toEqual([]);
  });

  it('refuses __proto__, constructor and prototype (any case) as stage keys, challenge ids and goal ids', () => {
    const label = { sv: 'x', en: 'x' };
    const problems = checkConfigRules(
      config({
        stages: [stage('idea', '01-ide', ['constructor']), stage('constructor', '02-k')],
        challenges: [{ id: 'Prototype', label, url: null }],
        goals: [{ id: '__proto__', label, stage: 'idea', target: 1, by: null }],
      }),
    );
    expect(problems.map((p) => [p.pointer, p.message.en])).toEqual([
      [
        '/stages/1/key',
        'The name "constructor" cannot be used: __proto__, constructor and prototype are no keys or ids.',
      ],
      ['/challenges/0/id', expect.stringContaining('"Prototype" cannot be used')],
      ['/goals/0/id', expect.stringContaining('"__proto__" cannot be used')],
    ]);
    expect(problems[0]?.message.sv).toContain('Namnet "constructor" kan inte användas');
  });

  it.each<[string, Partial<RegistryConfig>, string[]]>([
    ['a duplicate stage key', { stages: [stage('idea', '01-ide'), stage('idea', '02-ide')] }, ['/stages/1/key']],
    ['a duplicate folder', { stages: [stage('idea', '01-ide'), stage('doing', '01-ide')] }, ['/stages/1/folder']],
    [
      'a folder that differs only in case',
      { stages: [stage('idea', '01-ide'), stage('doing', '01-IDE')] },
      ['/stages/1/folder'],
    ],
    [
      'an unknown next stage',
      { stages: [stage('idea', '01-ide', ['doing', 'nowhere'])] },
      ['/stages/0/next/0', '/stages/0/next/1'],
    ],
    [
      'a goal counting an unknown stage',
      { goals: [{ id: 'g', label: { sv: 'g', en: 'g' }, stage: 'tested', target: 4, by: null }] },
      ['/goals/0/stage'],
    ],
    [
      'a challenge listed twice',
      {
        challenges: [
          { id: 'klimat', label: { sv: 'a', en: 'a' }, url: null },
          { id: 'skola', label: { sv: 'b', en: 'b' }, url: null },
          { id: 'klimat', label: { sv: 'c', en: 'c' }, url: null },
        ],
      },
      ['/challenges/2/id'],
    ],
    ['ideasDir "."', { ideasDir: '.' }, ['/ideasDir']],
    ['ideasDir "../x"', { ideasDir: '../x' }, ['/ideasDir']],
    ['ideasDir "a/../../x"', { ideasDir: 'a/../../x' }, ['/ideasDir']],
    ['ideasDir "/abs"', { ideasDir: '/abs' }, ['/ideasDir']],
    ['ideasDir "docs/ideas"', { ideasDir: 'docs/ideas' }, []],
    ['ideasDir "./"', { ideasDir: './' }, ['/ideasDir']],
    ['ideasDir "//server/x"', { ideasDir: '//server/x' }, ['/ideasDir']],
  ])('%s', (_name, over, expected) => {
    expect(pointers(config(over))).toEqual(expected);
  });

  it('names the stage that already uses a key or folder, in both languages', () => {
    const problems = checkConfigRules(config({ stages: [stage('idea', '01-ide'), stage('doing', '01-Ide')] }));
    expect(problems).toEqual([
      {
        pointer: '/stages/1/folder',
        message: {
          sv: 'Mappen "01-Ide" används redan av steg 1.',
          en: 'The folder "01-Ide" is already used by stage 1.',
        },
      },
    ]);
  });
});

describe('normalizeConfig', () => {
  it.each([
    ['./ideas', 'ideas'],
    ['ideas/', 'ideas'],
    ['./docs//ideas/./', 'docs/ideas'],
    ['.\\ideas\\', 'ideas'],
    ['/abs/ideas', '/abs/ideas'],
  ])('names the ideas folder %j as git names its files: %j', (raw, folder) => {
    expect(normalizeConfig({ name: 'N', language: 'en', ideasDir: raw, stages: [] }).ideasDir).toBe(folder);
  });

  it('fills the defaults and turns backslashes into slashes', () => {
    const c = normalizeConfig({
      name: 'N',
      language: 'en',
      ideasDir: 'docs\\ideas\\',
      stages: [
        {
          key: 'idea',
          folder: '01',
          label: { sv: 'I', en: 'I' },
          next: [],
          criteria: 'criteria\\idea.json',
          limitDays: 30,
          council: true,
        },
      ],
    });
    expect(c).toEqual({
      schemaVersion: 1,
      name: 'N',
      language: 'en',
      idPrefix: 'idea',
      ideasDir: 'docs/ideas',
      stages: [
        {
          key: 'idea',
          folder: '01',
          label: { sv: 'I', en: 'I' },
          next: [],
          criteria: 'criteria/idea.json',
          council: true,
          funding: false,
          limitDays: 30,
        },
      ],
      challenges: [],
      goals: [],
    });
  });
});

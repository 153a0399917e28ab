import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { checkPackageSpec, MAX_SPEC_LENGTH, showPackageSpec, type PackageSpecCheck } from './package-spec.js';

/** npm's own parser of what `npm install` takes, the one npm 11 runs: the oracle for "npm understands it". */
interface NpaResult {
  type: string;
  fetchSpec: string | null;
  gitCommittish?: string | null;
}
const npa = createRequire(import.meta.url)('npm-package-arg') as (spec: string, where?: string) => NpaResult;

const COMMIT = '0123456789abcdef0123456789abcdef01234567';

const ACCEPTED: [string, PackageSpecCheck & { ok: true }, string][] = [
  ['idesluss@0.1.0', { ok: true, kind: 'registry' }, 'version'],
  ['idesluss@10.20.30', { ok: true, kind: 'registry' }, 'version'],
  ['idesluss@1.0.0-rc.1+build.5', { ok: true, kind: 'registry' }, 'version'],
  ['@kommun/idesluss@1.2.3', { ok: true, kind: 'registry' }, 'version'],
  ['https://example.org/releases/idesluss-0.1.0.tgz', { ok: true, kind: 'tarball' }, 'remote'],
  ['https://registry.npmjs.org/idesluss/-/idesluss-0.1.0.tgz', { ok: true, kind: 'tarball' }, 'remote'],
  ['https://intra.kommun.se:8443/npm/idesluss-0.1.0.tar.gz', { ok: true, kind: 'tarball' }, 'remote'],
  [`git+https://github.com/kommun/ideas.git#${COMMIT}`, { ok: true, kind: 'git' }, 'git'],
  [`git+https://gitlab.kommun.se/it/ideas.git#${COMMIT}`, { ok: true, kind: 'git' }, 'git'],
  [`git+https://example.org/ideas.git#${'a'.repeat(64)}`, { ok: true, kind: 'git' }, 'git'],
  ['file:vendor/idesluss-0.1.0.tgz', { ok: true, kind: 'file' }, 'file'],
  ['file:/opt/idesluss/idesluss-0.1.0.tgz', { ok: true, kind: 'file' }, 'file'],
  ['file:../ideas', { ok: true, kind: 'file' }, 'directory'],
];

const REFUSED: [string, string][] = [
  // Not pinned: a name, a tag, a range.
  ['idesluss', 'notPinned'],
  ['idesluss@latest', 'notPinned'],
  ['idesluss@next', 'notPinned'],
  ['idesluss@1', 'notPinned'],
  ['idesluss@1.2', 'notPinned'],
  ['idesluss@1.x', 'notPinned'],
  ['idesluss@^0.1.0', 'notPinned'],
  ['idesluss@~0.1.0', 'notPinned'],
  ['idesluss@>=0.1.0', 'notPinned'],
  ['idesluss@*', 'notPinned'],
  ['idesluss@01.2.3', 'notPinned'],
  ['@kommun/idesluss', 'notPinned'],
  [`git+https://github.com/kommun/ideas.git`, 'gitNotPinned'],
  [`git+https://github.com/kommun/ideas.git#main`, 'gitNotPinned'],
  [`git+https://github.com/kommun/ideas.git#v0.1.0`, 'gitNotPinned'],
  [`git+https://github.com/kommun/ideas.git#${COMMIT.slice(0, 12)}`, 'gitNotPinned'],
  [`git+https://github.com/kommun/ideas.git#${COMMIT.toUpperCase()}`, 'gitNotPinned'],
  [`git+https://github.com/kommun/ideas.git#semver:^1.0.0`, 'chars'],
  // Fetched in a way that can be changed on the way, or that needs a key.
  ['http://example.org/idesluss-0.1.0.tgz', 'insecure'],
  [`git://github.com/kommun/ideas.git#${COMMIT}`, 'insecure'],
  [`git+http://github.com/kommun/ideas.git#${COMMIT}`, 'insecure'],
  [`git+ssh://git@github.com/kommun/ideas.git#${COMMIT}`, 'insecure'],
  [`ssh://git@github.com/kommun/ideas.git#${COMMIT}`, 'insecure'],
  // A secret that would be committed.
  ['https://user:token@example.org/idesluss-0.1.0.tgz', 'credentials'],
  [`git+https://token@github.com/kommun/ideas.git#${COMMIT}`, 'credentials'],
  // Forms npm knows that are not one of the four, or not a tarball.
  [`github:kommun/ideas#${COMMIT}`, 'unknown'],
  [`kommun/ideas#${COMMIT}`, 'unknown'],
  ['https://example.org/idesluss', 'unknown'],
  ['https://example.org/idesluss-0.1.0.tgz#x', 'unknown'],
  ['./idesluss-0.1.0.tgz', 'unknown'],
  ['/opt/idesluss-0.1.0.tgz', 'unknown'],
  ['file:', 'unknown'],
  ['file:vendor/x.tgz#frag', 'unknown'],
  ['IDESLUSS@0.1.0', 'unknown'],
  ['_idesluss@0.1.0', 'unknown'],
  ['.idesluss@0.1.0', 'unknown'],
  ['npm:idesluss@0.1.0', 'unknown'],
  ['alias@npm:idesluss@0.1.0', 'unknown'],
  // An option for npm, not a package.
  ['--registry=https://evil.example/', 'unknown'],
  ['--foo@1.0.0', 'unknown'],
  ['-g@1.0.0', 'unknown'],
  // Characters a shell, YAML, GitHub or GitLab would read as something else.
  ['', 'chars'],
  [' idesluss@0.1.0', 'chars'],
  ['idesluss@0.1.0 ', 'chars'],
  ['idesluss@0.1.0\n', 'chars'],
  ['idesluss@0.1.0\nrm -rf ~', 'chars'],
  ['idesluss@0.1.0\r', 'chars'],
  ['idesluss@0.1.0\t', 'chars'],
  ['idesluss@0.1.0;id', 'chars'],
  ['idesluss@0.1.0&&id', 'chars'],
  ['idesluss@0.1.0|id', 'chars'],
  ['idesluss@$(id)', 'chars'],
  ['idesluss@`id`', 'chars'],
  ['$IDEAS_PACKAGE', 'chars'],
  ['${{ secrets.GITHUB_TOKEN }}', 'chars'],
  ['file:a b.tgz', 'chars'],
  ["file:it's.tgz", 'chars'],
  ['file:x".tgz', 'chars'],
  ['file:x\\y.tgz', 'chars'],
  ['file:x>y.tgz', 'chars'],
  ['file:*.tgz', 'chars'],
  ['file:{a,b}.tgz', 'chars'],
  ['https://example.org/a.tgz?sig=1&x=2', 'chars'],
  ['idesluss@0.1.0\u0000', 'chars'],
  ['idesluss@0.1.0\u001b[31m', 'chars'],
  ['idesluss@0.1.0\u0085', 'chars'],
  ['idesluss@0.1.0\u2028', 'chars'],
  ['idesluss@0.1.0\u202e', 'chars'],
  ['idésluss@0.1.0', 'chars'],
  ['idesluss@０.1.0', 'chars'],
  [`file:${'a'.repeat(MAX_SPEC_LENGTH)}`, 'chars'],
];

describe('checkPackageSpec', () => {
  it.each(ACCEPTED)('accepts %s', (spec, expected) => {
    expect(checkPackageSpec(spec)).toEqual(expected);
  });

  it.each(REFUSED)('refuses %j: %s', (spec, problem) => {
    expect(checkPackageSpec(spec)).toEqual({ ok: false, problem });
  });

  it.each(ACCEPTED)('%s is what npm reads it as, one exact build', (spec, _kind, type) => {
    const parsed = npa(spec, '/work');
    expect(parsed.type).toBe(type);
    if (type === 'git') expect(parsed.gitCommittish).toMatch(/^[0-9a-f]{40,64}$/);
    if (type === 'version') expect(parsed.fetchSpec).toBe(spec.slice(spec.lastIndexOf('@') + 1));
  });

  it('every spec it accepts is one word of plain text to YAML and a shell: the safe characters only', () => {
    for (const [spec] of ACCEPTED) {
      expect(spec).toMatch(/^[A-Za-z0-9@/._~:+#=%,-]+$/);
      expect(spec).not.toMatch(/^[-#~]/);
    }
  });
});

describe('showPackageSpec', () => {
  it.each([
    ['idesluss@0.1.0', 'idesluss@0.1.0'],
    ['a\nb', 'a\\u{a}b'],
    ['\u001b[31mred', '\\u{1b}[31mred'],
    ['\u0085\u202e\u2028', '\\u{85}\\u{202e}\\u{2028}'],
    ['idé', 'id\\u{e9}'],
    ['x'.repeat(201), `${'x'.repeat(200)}…`],
  ])('%j -> %j', (spec, shown) => {
    expect(showPackageSpec(spec)).toBe(shown);
  });
});

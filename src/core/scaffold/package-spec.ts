/**
 * What the CI file that `ideas init` writes installs: a package spec that npm understands and that names one exact
 * build of the tool, so that a pull request never installs whatever a name or a branch points to that day. The spec
 * is written into YAML (GitHub's `env:`, GitLab's `variables:`) and read by a shell as "$IDEAS_PACKAGE"; GitHub
 * evaluates `${{ }}` in YAML values and GitLab expands `$NAME` in its variables, so beyond the four forms below only
 * characters that mean nothing to YAML, a shell, GitHub or GitLab are let through.
 */

/** The forms npm installs from, each pinned to one build. */
export type PackageSpecKind = 'registry' | 'tarball' | 'git' | 'file';

export type PackageSpecProblem =
  /** A character outside the safe set (whitespace, quotes, `$`, `;`, `&`, `|`, control characters, non-ASCII ...). */
  | 'chars'
  /** A registry name with a range, a tag or no version: what it installs changes over time. */
  | 'notPinned'
  /** A git URL without a full commit id after `#`: a branch or tag can be moved. */
  | 'gitNotPinned'
  /** An `http:`, `git:` or `ssh:` address: the first two anyone on the way can change, the last needs a key CI has not. */
  | 'insecure'
  /** A user name or password in the address: it would be committed with the CI file. */
  | 'credentials'
  /** None of the forms. */
  | 'unknown';

export type PackageSpecCheck = { ok: true; kind: PackageSpecKind } | { ok: false; problem: PackageSpecProblem };

/** Longer than any real spec; a limit keeps a pasted file out of the CI file. */
export const MAX_SPEC_LENGTH = 1000;

// The characters of npm names, versions, URLs and paths that are plain text to YAML, sh, GitHub and GitLab alike.
const SAFE = /^[A-Za-z0-9@/._~:+#=%,-]+$/;
// npm's rules for a name (lower case, at most 214 characters, not starting with . or _), and not starting with -
// either, which npm would take for an option.
const NAME = /^(?:@[a-z0-9][a-z0-9-._]*\/)?[a-z0-9][a-z0-9-._]*$/;
// An exact semantic version, as npm writes one: no range, no tag, no leading zeros.
const NUMBER = '(?:0|[1-9]\\d*)';
const IDENT = '[0-9A-Za-z-]+';
const VERSION = new RegExp(
  `^${NUMBER}\\.${NUMBER}\\.${NUMBER}(?:-${IDENT}(?:\\.${IDENT})*)?(?:\\+${IDENT}(?:\\.${IDENT})*)?$`,
);
const TARBALL_PATH = /\.(?:tgz|tar\.gz)$/;
// A full commit id: SHA-1, or SHA-256 in repositories that use it.
const COMMIT = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

// What a version range or tag may hold, to tell `idesluss@^1.2.0` (not pinned) from a spec with stray characters.
const RANGE = /^[0-9A-Za-z.^~<>=*+-]*$/;

export function checkPackageSpec(spec: string): PackageSpecCheck {
  const fail = (problem: PackageSpecProblem): PackageSpecCheck => ({ ok: false, problem });
  const at = spec.lastIndexOf('@');
  const name = at > 0 ? spec.slice(0, at) : spec;
  const registryName = NAME.test(name) && name.length <= 214;
  if (spec.length === 0 || spec.length > MAX_SPEC_LENGTH || !SAFE.test(spec)) {
    return registryName && RANGE.test(spec.slice(at + 1)) ? fail('notPinned') : fail('chars');
  }
  if (spec.startsWith('file:'))
    return spec.length > 'file:'.length && !spec.includes('#') ? ok('file') : fail('unknown');
  if (/^(?:git\+)?(?:http|git|ssh):/i.test(spec)) return fail('insecure');
  if (spec.startsWith('git+https://')) {
    const hash = spec.indexOf('#');
    const url = parseHttps(spec.slice('git+'.length, hash === -1 ? undefined : hash));
    if (url === null) return fail('unknown');
    if (url.username !== '' || url.password !== '') return fail('credentials');
    return hash !== -1 && COMMIT.test(spec.slice(hash + 1)) ? ok('git') : fail('gitNotPinned');
  }
  if (spec.startsWith('https://')) {
    const url = parseHttps(spec);
    if (url === null || spec.includes('#')) return fail('unknown');
    if (url.username !== '' || url.password !== '') return fail('credentials');
    return TARBALL_PATH.test(url.pathname) ? ok('tarball') : fail('unknown');
  }
  if (!registryName) return fail('unknown');
  return at > 0 && VERSION.test(spec.slice(at + 1)) ? ok('registry') : fail('notPinned');
}

function ok(kind: PackageSpecKind): PackageSpecCheck {
  return { ok: true, kind };
}

function parseHttps(text: string): URL | null {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' && url.hostname !== '' ? url : null;
  } catch {
    return null;
  }
}

/**
 * The spec as it can be shown in a message on a terminal: characters outside printable ASCII as `\u{…}`, and a
 * long one cut, so that a refused spec cannot move the cursor, change colours or fill the screen.
 */
export function showPackageSpec(spec: string): string {
  const shown = [...spec.slice(0, 200)]
    .map((c) => (/^[\x20-\x7e]$/.test(c) ? c : `\\u{${(c.codePointAt(0) ?? 0).toString(16)}}`))
    .join('');
  return spec.length > 200 ? `${shown}…` : shown;
}

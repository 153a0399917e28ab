/**
 * A member's address as the region shows it. The address in ideas.region.yaml may carry a user name, a password or a
 * token (`https://anna:ghp_…@host/x.git`, `?access_token=…`): git fetches with it as written, and nothing the region
 * shows, keeps or quotes back (its views, documents, site, stored state, findings, git's own messages) holds it.
 */

/** `[user@]host:path`, as git reads an address without `://` whose host is longer than a drive letter. */
const SCP_LIKE = /^(?:[^@/\s]+@)?([^@/:\s]{2,}):([^\s]+)$/;

/** The host and path of an scp-like address (`git@host:org/x.git`), or null. */
export function scpLike(url: string): { host: string; path: string } | null {
  const m = url.includes('://') ? null : SCP_LIKE.exec(url);
  return m ? { host: m[1] as string, path: m[2] as string } : null;
}

/**
 * The address without its user name, password, token, query or fragment; a path on this machine as it is. An
 * scp-like `git@host:org/x.git` keeps its host and path.
 */
export function urlWithoutCredentials(url: string): string {
  const scp = scpLike(url);
  if (scp) return `${scp.host}:${scp.path}`;
  let parsed: URL | null = null;
  try {
    parsed = new URL(url);
  } catch {
    // A path, or an address the WHATWG parser refuses but git may still read: cut what could be credentials by hand.
  }
  if (parsed === null || parsed.hostname === '' || !url.includes('://'))
    return url
      .replace(/^([a-zA-Z][a-zA-Z0-9+.-]*:\/\/)[^/?#]*@/, '$1')
      .replace(/^([a-zA-Z][a-zA-Z0-9+.-]*:\/\/[^?#]*)[?#].*$/, '$1');
  parsed.username = '';
  parsed.password = '';
  parsed.search = '';
  parsed.hash = '';
  return parsed.href;
}

/**
 * Every address in a text without its credentials: git's message about a fetch quotes the address it was given, and
 * ssh the `user:password@host` it was handed.
 */
export function textWithoutCredentials(text: string): string {
  return text
    .replace(/[a-zA-Z][a-zA-Z0-9+.-]*:\/\/[^\s'"<>`]+/g, (url) => urlWithoutCredentials(url))
    .replace(/[^\s@:'"`/]+:[^\s'"`/]*@(?=[^\s@'"`/]+)/g, '');
}

/** The default port of each transport git fetches over, which an address may give or leave out. */
const DEFAULT_PORTS: Record<string, string> = { 'http:': '80', 'https:': '443', 'ssh:': '22', 'git:': '9418' };

/** A path made plain: no empty or `.` parts, `..` taken back, no trailing `/` or `.git` (git finds a repository either way). */
function plainPath(p: string): string {
  const parts: string[] = [];
  for (const part of p.split('/'))
    if (part === '..') parts.pop();
    else if (part !== '' && part !== '.') parts.push(part);
  return `/${parts.join('/')}`.replace(/\.git$/, '');
}

/**
 * What tells one member's repository from another's, whatever way its address is written: the scheme and host in
 * lower case, no credentials, no default port, the path without `./`, `//`, a trailing `/` or `.git`; a path on this
 * machine (or `file://`) made absolute from `base`, the region's folder (`../skovde` and `/srv/skovde` are the same
 * repository when the region is in /srv/r). Two members whose keys are equal fetch the same repository.
 */
export function repositoryKey(url: string, base: string): string {
  const scp = scpLike(url);
  if (scp) return `ssh://${scp.host.toLowerCase()}${plainPath(scp.path)}`;
  if (/^[a-zA-Z][a-zA-Z0-9+.-]*:\/\//.test(url)) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return url.toLowerCase();
    }
    if (parsed.protocol === 'file:') return `file://${plainPath(decodeURIComponent(parsed.pathname))}`;
    const port = parsed.port === '' || parsed.port === DEFAULT_PORTS[parsed.protocol] ? '' : `:${parsed.port}`;
    return `${parsed.protocol}//${parsed.hostname.toLowerCase()}${port}${plainPath(parsed.pathname)}`;
  }
  return `file://${plainPath(url.startsWith('/') ? url : `${base}/${url}`)}`;
}

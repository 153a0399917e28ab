/**
 * The git pre-commit hook of `ideas hook install`: POSIX sh that validates the staged idea files, and does nothing
 * (without starting Node) when none is staged. Pure text; the command writes it.
 */
import { shellQuote } from '../shell/quote.js';
import { t, type Lang } from '../i18n/i18n.js';

/** The line that marks a hook as ours: install replaces only such a hook, and uninstall removes only such a hook. */
const HOOK_MARKER = '# ideas-hook: pre-commit, installed by `ideas hook install`';

export function isOurHook(text: string): boolean {
  return text.split(/\r?\n/).includes(HOOK_MARKER);
}

export interface HookOptions {
  lang: Lang;
  /** The node that ran `ideas hook install`, and the CLI's bin/ideas.js: absolute paths. */
  node: string;
  cli: string;
  /** The registry and its ideas folder, relative to the work tree's top (where git runs hooks), forward slashes. */
  registry: string;
  ideasDir: string;
}

/** An absolute path as sh on every platform reads it: Git for Windows' sh takes C:/x but not C:\x. */
function shPath(p: string): string {
  return p.replace(/\\/g, '/');
}

/** A path as itself in a pathspec with glob magic: `*`, `?`, `[` and `\\` escaped. */
function globEscape(p: string): string {
  return p.replace(/[\\*?[\]]/g, '\\$&');
}

export function renderPreCommitHook(opts: HookOptions): string {
  const { lang } = opts;
  return `#!/bin/sh
${HOOK_MARKER}
# ${t(lang, 'hook.about')}

registry=${shellQuote(opts.registry === '' ? '.' : opts.registry)}
node=${shellQuote(shPath(opts.node))}
cli=${shellQuote(shPath(opts.cli))}

# ${t(lang, 'hook.staged')}
staged=${shellQuote(`:(top,glob)${globEscape(opts.ideasDir)}/**/*.md`)}
git diff --cached --quiet --diff-filter=ACMR -- "$staged"
case $? in
  0) exit 0 ;;
  1) ;;
  *) exit 1 ;;
esac

# ${t(lang, 'hook.found')}
if [ -x "$node" ] && [ -f "$cli" ]; then
  set -- "$node" "$cli"
elif command -v ideas >/dev/null 2>&1; then
  set -- ideas
elif command -v npx >/dev/null 2>&1; then
  set -- npx --no-install ideas
else
  echo ${shellQuote(t(lang, 'hook.noCli'))} >&2
  exit 1
fi

# ${t(lang, 'hook.passed')}
set -- "$@" validate --registry "$registry" --staged
# git commit -a and git commit <path> stage into an index of their own, which git names for the hook.
if [ -n "\${GIT_INDEX_FILE:-}" ]; then
  set -- "$@" --index-file "$GIT_INDEX_FILE"
fi
"$@"
status=$?
if [ "$status" -ne 0 ]; then
  echo >&2
  echo ${shellQuote(t(lang, 'hook.refused'))} >&2
fi
exit "$status"
`;
}

/**
 * The git pre-commit hook of `ideas hook install`: POSIX sh that validates the staged idea files, and does nothing
 * (without starting Node) when none is staged. Pure text; the command writes it.
 */
import { shellQuote } from '../shell/quote.js';
import type { Lang, Localized } from '../i18n/i18n.js';

/** The line that marks a hook as ours: install replaces only such a hook, and uninstall removes only such a hook. */
export const HOOK_MARKER = '# ideas-hook: pre-commit, installed by `ideas hook install`';

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

const TEXT = {
  about: {
    sv: 'Kontrollerar de köade idéfilerna med `ideas validate` före varje commit. Ta bort den med `ideas hook uninstall`;\n# hoppa över den en gång med `git commit --no-verify`. Installera om med `ideas hook install` om idéslussen flyttas.',
    en: 'Checks the staged idea files with `ideas validate` before every commit. Remove it with `ideas hook uninstall`;\n# skip it once with `git commit --no-verify`. Install it again with `ideas hook install` if the registry moves.',
  },
  staged: {
    sv: 'De köade idéfilerna (tillagda, kopierade, ändrade eller omdöpta); inga: inget att kontrollera, och Node startas inte.',
    en: 'The staged idea files (added, copied, modified or renamed); none: nothing to check, and Node is not started.',
  },
  passed: {
    sv: 'ideas läser själv listan över köade filer från git med -z, så att namn med tabbar, citattecken, radbrytningar\n# eller bytes som inte är UTF-8 kommer fram som de är: skalet tolkar inga filnamn.',
    en: 'ideas reads the list of staged files from git itself, with -z, so that names with tabs, quotes, line breaks or\n# bytes that are not UTF-8 arrive as they are: the shell parses no file names.',
  },
  found: {
    sv: 'Kommandot ideas: först det som installerade kroken, annars ideas på PATH, annars projektets eget (npx --no-install).',
    en: "The ideas command: first the one that installed the hook, then ideas on PATH, then the project's own (npx --no-install).",
  },
  noCli: {
    sv: 'ideas: hittar inte kommandot ideas, så idéfilerna kunde inte kontrolleras och inget checkades in. Installera ideas, eller ta bort kroken med: ideas hook uninstall',
    en: 'ideas: cannot find the ideas command, so the idea files could not be checked and nothing was committed. Install ideas, or remove the hook with: ideas hook uninstall',
  },
  refused: {
    sv: 'ideas: inget checkades in. Rätta idéfilerna ovan och köa dem igen (git add), eller checka in med --no-verify.',
    en: 'ideas: nothing was committed. Fix the idea files above and stage them again (git add), or commit with --no-verify.',
  },
} satisfies Record<string, Localized>;

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
# ${TEXT.about[lang]}

registry=${shellQuote(opts.registry === '' ? '.' : opts.registry)}
node=${shellQuote(shPath(opts.node))}
cli=${shellQuote(shPath(opts.cli))}

# ${TEXT.staged[lang]}
staged=${shellQuote(`:(top,glob)${globEscape(opts.ideasDir)}/**/*.md`)}
git diff --cached --quiet --diff-filter=ACMR -- "$staged"
case $? in
  0) exit 0 ;;
  1) ;;
  *) exit 1 ;;
esac

# ${TEXT.found[lang]}
if [ -x "$node" ] && [ -f "$cli" ]; then
  set -- "$node" "$cli"
elif command -v ideas >/dev/null 2>&1; then
  set -- ideas
elif command -v npx >/dev/null 2>&1; then
  set -- npx --no-install ideas
else
  echo ${shellQuote(TEXT.noCli[lang])} >&2
  exit 1
fi

# ${TEXT.passed[lang]}
set -- "$@" validate --registry "$registry" --staged
# git commit -a and git commit <path> stage into an index of their own, which git names for the hook.
if [ -n "\${GIT_INDEX_FILE:-}" ]; then
  set -- "$@" --index-file "$GIT_INDEX_FILE"
fi
"$@"
status=$?
if [ "$status" -ne 0 ]; then
  echo >&2
  echo ${shellQuote(TEXT.refused[lang])} >&2
fi
exit "$status"
`;
}

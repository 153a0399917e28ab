/** `ideas init` and `ideas hook install|uninstall`: what was written, and what to do next. */
import { type Lang } from '../../core/i18n/i18n.js';
import { t } from '../words.js';
import path from 'node:path';
import { shellCommand } from '../../core/shell/quote.js';
import { terminalLine } from '../../core/terminal-text.js';
import { hookDocument, registryCreatedDocument } from '../dto.js';
import { documentOut, jsonText, output, type Output, type View } from '../output.js';

export interface InitView {
  lang: Lang;
  root: string;
  name: string;
  template: string;
  files: string[];
  ci: {
    file: string | null;
    status: 'written' | 'exists' | 'off';
    provider: 'github' | 'gitlab' | null;
    package: string | null;
  };
  gitignore: 'created' | 'appended' | 'present';
  git: { repository: boolean; staged: boolean; commit: string | null; message: string };
}

export function presentInit(r: InitView, json: boolean, v: View): Output {
  const o = output();
  if (json) {
    o.out(jsonText(registryCreatedDocument(r)));
    return o.done();
  }
  const { ci } = r;
  const ciNote = t(r.lang, ci.provider === 'gitlab' ? 'out.ciWrittenGitlab' : 'out.ciWritten', {
    package: ci.package ?? '',
  });
  const note = (f: string) =>
    f === ci.file ? `  (${ciNote})` : f === '.gitignore' ? `  (${t(r.lang, 'out.initGitignore')})` : '';
  const files = r.files.map((f) => `  ${f}${note(f)}\n`).join('');
  if (ci.status === 'exists') {
    const key = ci.provider === 'gitlab' ? 'out.ciExistsGitlab' : 'out.ciExists';
    o.err(`${v.err.yellow(t(r.lang, key, { file: ci.file ?? '' }))}\n`);
  }
  // The next steps run as printed: from the registry's folder, which is not always where init ran.
  const dir = path.relative(v.cwd, r.root);
  // Shown, never obeyed: a folder's name may hold an escape sequence, which the command would then show as ␛.
  const cd = dir === '' ? '' : `  ${terminalLine(shellCommand(['cd', dir])).padEnd(19)}  ${t(r.lang, 'out.initCd')}\n`;
  const next = t(r.lang, 'out.initNext').replace(/\n/, `\n${cd}`);
  o.out(
    `${t(r.lang, 'out.initDone', { name: r.name, dir: r.root, template: r.template })}\n${files}${next}\n${t(r.lang, 'out.initHook')}\n${gitSteps(r)}`,
  );
  return o.done();
}

/** How the first version gets into git, ending with the exact commit command; or the commit made (--commit). */
function gitSteps(r: InitView): string {
  if (r.git.commit !== null) return `${t(r.lang, 'out.initCommitted', { commit: r.git.commit })}\n`;
  const commit = shellCommand(['git', 'commit', '-m', r.git.message]);
  const add = shellCommand(['git', 'add', '--', ...r.files]);
  const steps = r.git.staged
    ? [t(r.lang, 'out.initStaged'), commit]
    : r.git.repository
      ? [t(r.lang, 'out.initNotStaged'), add, commit]
      : [t(r.lang, 'out.initNoGit'), 'git init', add, commit];
  return `${steps[0]}\n${steps
    .slice(1)
    .map((s) => `  ${s}\n`)
    .join('')}`;
}

export interface HookInstallView {
  kind: string;
  lang: Lang;
  hook: string;
  status: 'installed' | 'updated';
  backup: string | null;
}

export function presentHookInstall(r: HookInstallView, json: boolean, v: View): Output {
  const o = output();
  if (json) {
    o.out(jsonText(hookDocument(r)));
    return o.done();
  }
  o.out(documentOut(`${r.hook}\n`, v));
  o.err(
    `${v.err.green(t(r.lang, r.status === 'updated' ? 'out.hookUpdated' : 'out.hookInstalled', { file: r.hook }))}\n`,
  );
  if (r.backup) o.err(`${t(r.lang, 'out.hookBackup', { file: r.backup })}\n`);
  return o.done();
}

export interface HookUninstallView {
  kind: string;
  lang: Lang;
  hook: string;
  status: 'removed' | 'absent' | 'foreign';
  restored: string | null;
}

export function presentHookUninstall(r: HookUninstallView, json: boolean): Output {
  const o = output();
  if (json) {
    o.out(jsonText(hookDocument(r)));
    return o.done();
  }
  const key =
    r.status === 'removed' ? 'out.hookRemoved' : r.status === 'absent' ? 'out.hookAbsent' : 'out.hookForeignKept';
  o.err(`${t(r.lang, key, { file: r.hook })}\n`);
  if (r.restored) o.err(`${t(r.lang, 'out.hookRestored', { file: r.restored })}\n`);
  return o.done();
}

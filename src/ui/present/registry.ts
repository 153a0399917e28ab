/** `ideas init` and `ideas hook install|uninstall`: what was written, and what to do next. */
import { t, type Lang } from '../../core/i18n/i18n.js';
import { jsonText, output, type Output, type View } from '../output.js';

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
}

export function presentInit(r: InitView, json: boolean, v: View): Output {
  const o = output();
  if (json) {
    o.out(
      jsonText({
        schemaVersion: 1,
        kind: 'registry-created',
        registry: { name: r.name, language: r.lang },
        template: r.template,
        files: r.files,
        ci: r.ci,
      }),
    );
    return o.done();
  }
  const { ci } = r;
  const ciNote = t(r.lang, ci.provider === 'gitlab' ? 'out.ciWrittenGitlab' : 'out.ciWritten', {
    package: ci.package ?? '',
  });
  const files = r.files.map((f) => `  ${f}${f === ci.file ? `  (${ciNote})` : ''}\n`).join('');
  if (ci.status === 'exists') {
    const key = ci.provider === 'gitlab' ? 'out.ciExistsGitlab' : 'out.ciExists';
    o.err(`${v.err.yellow(t(r.lang, key, { file: ci.file ?? '' }))}\n`);
  }
  o.out(
    `${t(r.lang, 'out.initDone', { name: r.name, dir: r.root, template: r.template })}\n${files}${t(r.lang, 'out.initNext')}\n${t(r.lang, 'out.initHook')}\n`,
  );
  return o.done();
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
    o.out(jsonText({ schemaVersion: 1, kind: r.kind, hook: r.hook, status: r.status, backup: r.backup }));
    return o.done();
  }
  o.out(`${r.hook}\n`);
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
    o.out(jsonText({ schemaVersion: 1, kind: r.kind, hook: r.hook, status: r.status, restored: r.restored }));
    return o.done();
  }
  const key =
    r.status === 'removed' ? 'out.hookRemoved' : r.status === 'absent' ? 'out.hookAbsent' : 'out.hookForeignKept';
  o.err(`${t(r.lang, key, { file: r.hook })}\n`);
  if (r.restored) o.err(`${t(r.lang, 'out.hookRestored', { file: r.restored })}\n`);
  return o.done();
}

/** `ideas region …`: what a region holds, how old it is, and what went wrong with which member. */
import { t, type Lang } from '../../core/i18n/i18n.js';
import { jsonText, output, type Output } from '../output.js';
import { terminalLine } from '../terminal-text.js';

export interface RegionInitView {
  lang: Lang;
  root: string;
  file: string;
  gitInit: boolean;
}

export function presentRegionInit(r: RegionInitView, json: boolean): Output {
  const o = output();
  if (json) {
    o.out(jsonText({ schemaVersion: 1, kind: 'region-created', file: r.file, gitInit: r.gitInit }));
    return o.done();
  }
  const lines = [t(r.lang, 'region.init.done', { file: terminalLine(r.file) })];
  if (r.gitInit) lines.push(t(r.lang, 'region.init.git'));
  lines.push(t(r.lang, 'region.init.next'));
  o.out(`${lines.join('\n')}\n`);
  return o.done();
}

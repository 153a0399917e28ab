/** `ideas adopt`: the new idea's path on stdout, what was adopted from where on stderr; or one JSON document. */
import type { Localized } from '../../core/i18n/i18n.js';
import { type Lang } from '../../core/i18n/i18n.js';
import { t } from '../words.js';
import type { SchemaProblem } from '../../core/criteria/schema-check.js';
import type { BasedOn } from '../../core/region/spread.js';
import type { RegistryRef } from '../../core/sluice/config.js';
import type { Idea } from '../../core/sluice/idea.js';
import { ideaAdoptedDocument } from '../dto.js';
import { jsonText, output, type Output, type View } from '../output.js';
import { terminalLine } from '../../core/terminal-text.js';

export interface AdoptView {
  registry: RegistryRef;
  lang: Lang;
  idea: Idea;
  stage: { key: string; label: Localized };
  basedOn: BasedOn;
  memberName: string;
  forced: readonly SchemaProblem[];
  staged: boolean;
  committed: boolean;
}

export function presentAdopt(r: AdoptView, json: boolean, v: View): Output {
  const o = output();
  if (json) {
    const adopted = { ...r, to: r.stage.key, forced: r.forced.length > 0 };
    o.out(jsonText(ideaAdoptedDocument(r.registry, r.idea, r.lang, v.today, adopted)));
    return o.done();
  }
  const c = v.err;
  o.out(`${terminalLine(r.idea.path)}\n`);
  const said = t(r.lang, r.forced.length > 0 ? 'out.adoptedForced' : 'out.adopted', {
    id: r.idea.id ?? '',
    source: `${r.basedOn.member}:${r.basedOn.id}`,
    member: r.memberName,
    stage: r.stage.label[r.lang],
  });
  const tail = r.committed ? ` ${t(r.lang, 'out.committed')}` : r.staged ? ` ${c.dim(t(r.lang, 'out.staged'))}` : '';
  o.err(`${c.green(terminalLine(said))}${tail}\n`);
  for (const m of r.forced) o.err(`  ${c.yellow(terminalLine(m.message[r.lang]))}\n`);
  return o.done();
}

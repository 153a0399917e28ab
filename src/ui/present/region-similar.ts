/** "Lidköping is trying something similar: …": the notice of `ideas new` and `ideas diff` in a member registry. */
import { type Lang, type Localized } from '../../core/i18n/i18n.js';
import { t } from '../words.js';
import path from 'node:path';
import { escapeData, escapeProperty } from '../render-validation.js';
import { terminalLine } from '../../core/terminal-text.js';
import { mdText } from '../markdown-text.js';

export interface NeighbourView {
  member: string;
  memberName: string;
  syncedAt: string;
  idea: { id: string | null; title: string | null; path: string };
  stageLabel: Localized | null;
  score: number;
}

/** One line per similar idea, the first saying who is trying something similar; each line ends with a newline. */
export function renderNeighbours(
  items: readonly NeighbourView[],
  lang: Lang,
  c: { yellow: (s: string) => string } = { yellow: (s) => s },
): string {
  return items
    .map((n) => {
      const ref = `${n.member}:${n.idea.id ?? n.idea.path}`;
      const stage = n.stageLabel?.[lang] ?? '?';
      const said = t(lang, 'region.similar.line', {
        member: n.memberName,
        title: n.idea.title ?? ref,
        ref,
        stage,
        date: n.syncedAt.slice(0, 10),
      });
      return `${c.yellow(terminalLine(said))}\n`;
    })
    .join('');
}

/** An added idea and the similar ideas elsewhere in the region, as `ideas diff` shows them. */
export interface AddedNearbyView {
  id: string;
  title: string | null;
  path: string;
  similar: readonly NeighbourView[];
}

/** For `ideas diff`: per added idea, a heading line and its similar ideas; empty when there are none. */
export function renderAddedNearby(
  items: readonly AddedNearbyView[],
  lang: Lang,
  c: { yellow: (s: string) => string; bold: (s: string) => string },
): string {
  return items
    .map(
      (a) =>
        `${c.bold(terminalLine(t(lang, 'region.similar.added', { id: a.id, title: a.title ?? a.id })))}\n${renderNeighbours(
          a.similar,
          lang,
          c,
        )
          .split('\n')
          .filter(Boolean)
          .map((l) => `  ${l}\n`)
          .join('')}`,
    )
    .join('');
}

/** GitHub Actions notices (`::notice file=…::`), one per added idea, at its file; paths relative to `cwd`. */
export function githubNearbyNotices(
  items: readonly AddedNearbyView[],
  lang: Lang,
  registryRoot: string,
  cwd: string,
): string {
  return items
    .map((a) => {
      const file = path.relative(cwd, path.join(registryRoot, a.path)).split(path.sep).join('/');
      const lines = renderNeighbours(a.similar, lang).trimEnd();
      const props = `file=${escapeProperty(terminalLine(file))},title=${escapeProperty('ideas: region/similar')}`;
      return `::notice ${props}::${escapeData(lines)}\n`;
    })
    .join('');
}

/**
 * For `ideas diff --format md`: a section of its own in the Markdown a pull request's comment is made of, per added
 * idea a list item and its similar ideas under it; '' when there are none. Every text is the ideas' own, made inert
 * for GitHub (`mdText`).
 */
export function markdownNearby(items: readonly AddedNearbyView[], lang: Lang): string {
  if (items.length === 0) return '';
  const out: string[] = [`### 🔎 ${mdText(t(lang, 'region.similar.heading'))} (${items.length})`, ''];
  for (const a of items) {
    out.push(`- ${mdText(t(lang, 'region.similar.added', { id: a.id, title: a.title ?? a.id }), 300)}`);
    for (const line of renderNeighbours(a.similar, lang).split('\n').filter(Boolean))
      out.push(`  - ${mdText(line, 300)}`);
  }
  return `${out.join('\n')}\n`;
}

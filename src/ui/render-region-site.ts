/**
 * The static website of `ideas region site`: an index of the municipalities with the region's funnel, a page per
 * municipality with its ideas by stage, and a page per idea, each labelled by its municipality and linked to the
 * member's own site where the region's file gives one. Pure: the command reads the region's cache and writes files.
 *
 * It follows `ideas site` (render-site.ts): the same style sheet, the same Content-Security-Policy (no script here,
 * no request to any host), every value escaped and every text rendered without raw HTML, WCAG 2.1 AA (a skip link,
 * landmarks, headings in order, tables that scroll in a box of their own at 320 px). Only what the sync kept is
 * there to render: each member's public fields, so no personal field can reach a page.
 */
import { distinguishedStages, regionStageKeyOf, regionStagesOf } from '../core/region/stages.js';
import type { RegionMember } from '../core/region/config.js';
import { memberFieldLabel, memberFieldTitles, type MemberSnapshot, type RegionIdea } from '../core/region/snapshot.js';
import { adoptions, basedOnOf, type Adoption } from '../core/region/spread.js';
import type { RegistryConfig } from '../core/sluice/config.js';
import { collatorFor } from '../core/i18n/text-order.js';
import { type Lang, type MessageKey, type Params } from '../core/i18n/i18n.js';
import { t } from './words.js';
import {
  contentSecurityPolicy,
  factsAround,
  formatValue,
  historyLine,
  pageName,
  SITE_CSS,
  type SiteView,
} from './render-site.js';
import { esc } from './html-escape.js';
import { renderMarkdown, scrollingTables } from './site-markdown.js';
import { isRecord } from '../core/safe-object.js';
import { shownText, shownTexts } from '../core/field-text.js';
import { challengeOf } from '../core/sluice/challenge.js';

export interface RegionSiteMember {
  member: RegionMember;
  /** The member's config as far as the snapshot keeps it (src/core/region/report.ts), null when never synced. */
  config: RegistryConfig | null;
  snapshot: MemberSnapshot | null;
  failure: { at: string } | null;
}

export interface RegionSiteView {
  name: string;
  lang: Lang;
  members: RegionSiteMember[];
  builtOn: string;
}

interface Page {
  path: string;
  title: string;
  main: string;
}

const webUrl = (url: string | null): string | null => (url !== null && /^https?:\/\//i.test(url) ? url : null);

function memberPage(member: RegionMember): string {
  return `members/${member.id}.html`;
}

/** Each idea's page, by member: `ideas/<member>/<id>.html`, unique within the member. */
function ideaPages(snapshot: MemberSnapshot): Map<RegionIdea, string> {
  const taken = new Set<string>();
  return new Map(
    snapshot.ideas.map((idea) => [
      idea,
      `ideas/${snapshot.member}/${pageName(idea.id, idea.path.replace(/^.*\//, '').replace(/\.md$/, ''), taken).slice('ideas/'.length)}`,
    ]),
  );
}

function layout(view: RegionSiteView, page: Page): string {
  const lang = view.lang;
  const up = '../'.repeat(page.path.split('/').length - 1);
  const tt = (key: MessageKey, params?: Params) => esc(t(lang, key, params));
  const current = page.path === 'index.html' ? ' aria-current="page"' : '';
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${esc(contentSecurityPolicy(false))}">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="ideas region site">
<title>${esc(page.title)} – ${esc(view.name)}</title>
<style>${SITE_CSS}</style>
</head>
<body>
<a class="skip" href="#main">${tt('site.skip')}</a>
<header>
<p class="site-name"><a href="${up}index.html">${esc(view.name)}</a></p>
<nav aria-label="${tt('site.nav')}"><ul><li><a href="${up}index.html"${current}>${tt('region.site.members')}</a></li></ul></nav>
</header>
<main id="main" tabindex="-1">
${scrollingTables(page.main, t(lang, 'site.tableRegion'))}
</main>
<footer>
<p>${tt('site.built', { date: view.builtOn })} ${tt('site.public')}</p>
</footer>
</body>
</html>
`;
}

function renderIndex(view: RegionSiteView): Page {
  const lang = view.lang;
  const tt = (key: MessageKey, params?: Params) => esc(t(lang, key, params));
  const held = view.members.filter((m) => m.snapshot !== null);
  const ideas = held.reduce((n, m) => n + (m.snapshot?.ideas.length ?? 0), 0);
  const rows = view.members.map((m) => {
    const own = webUrl(m.member.site);
    return `<tr><th scope="row"><a href="${memberPage(m.member)}">${esc(m.member.name)}</a></th><td>${esc(m.member.municipality ?? '')}</td><td class="n">${m.snapshot ? m.snapshot.ideas.length : '–'}</td><td>${m.snapshot ? esc(m.snapshot.syncedAt.slice(0, 10)) : '–'}</td><td>${own ? `<a href="${esc(own)}" rel="noopener noreferrer">${esc(own)}</a>` : ''}</td></tr>`;
  });
  // The funnel over the members' stages, merged where key and labels agree, in the order first met; a row by its
  // label, and by its key too where two rows share a label.
  const region = regionStagesOf(held.map((m) => ({ member: m.member.id, stages: m.snapshot?.registry.stages ?? [] })));
  const counts = new Map<string, number>();
  for (const m of held)
    for (const i of m.snapshot?.ideas ?? []) {
      const key = regionStageKeyOf(region, m.member.id, i.stage);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  const funnel = distinguishedStages(region).map(
    (s) => `<tr><th scope="row">${esc(s.label[lang])}</th><td class="n">${counts.get(s.key) ?? 0}</td></tr>`,
  );
  const main = `<h1>${esc(view.name)}</h1>
<p>${tt('region.site.intro', { ideas, members: held.length })}</p>
<h2>${tt('region.site.members')}</h2>
<table>
<caption>${tt('region.site.members')}</caption>
<thead><tr><th scope="col">${tt('region.site.municipality')}</th><th scope="col">${tt('region.site.code')}</th><th scope="col" class="n">${tt('report.ideasCol')}</th><th scope="col">${tt('region.site.dataCol')}</th><th scope="col">${tt('region.site.ownSite')}</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
<h2>${tt('report.funnel')}</h2>
<table>
<caption>${tt('report.funnel')}</caption>
<thead><tr><th scope="col">${tt('report.stage')}</th><th scope="col" class="n">${tt('report.now')}</th></tr></thead>
<tbody>
${funnel.join('\n')}
</tbody>
<tfoot><tr><th scope="row">${tt('report.total')}</th><td class="n">${ideas}</td></tr></tfoot>
</table>`;
  return { path: 'index.html', title: t(lang, 'region.site.members'), main };
}

function renderMember(view: RegionSiteView, m: RegionSiteMember, pages: Map<RegionIdea, string> | null): Page {
  const lang = view.lang;
  const tt = (key: MessageKey, params?: Params) => esc(t(lang, key, params));
  const own = webUrl(m.member.site);
  const parts: string[] = [
    `<p><a href="../index.html">${tt('region.site.members')}</a></p>`,
    `<h1>${esc(m.member.name)}</h1>`,
  ];
  if (m.member.municipality) parts.push(`<p>${tt('region.site.code')}: ${esc(m.member.municipality)}</p>`);
  if (own) parts.push(`<p><a href="${esc(own)}" rel="noopener noreferrer">${tt('region.site.ownSite')}</a></p>`);
  const s = m.snapshot;
  // That the data is from an earlier fetch, only where there is data: a member never fetched has none to be earlier.
  if (m.failure && s && pages)
    parts.push(`<p class="notice">${tt('region.site.failed', { date: m.failure.at.slice(0, 10) })}</p>`);
  if (!s || !pages) {
    parts.push(`<p>${tt('region.site.noData')}</p>`);
    return { path: memberPage(m.member), title: m.member.name, main: parts.join('\n') };
  }
  parts.push(
    `<p>${tt('region.site.memberIntro', { ideas: s.ideas.length, date: s.syncedAt.slice(0, 10), commit: s.commit.slice(0, 7) })}</p>`,
  );
  s.registry.stages.forEach((stage, n) => {
    const ideas = s.ideas
      .filter((i) => i.stage === stage.key)
      .sort((a, b) => collatorFor(lang).compare(a.title ?? '', b.title ?? ''));
    parts.push(`<section aria-labelledby="stage-${n}">
<h2 id="stage-${n}">${esc(stage.label[lang])}</h2>
<p class="count">${tt('report.ideasCol')}: ${ideas.length}</p>
${
  ideas.length === 0
    ? `<p>${tt('site.emptyStage')}</p>`
    : `<ul>\n${ideas.map((i) => `<li><a href="../${pages.get(i) ?? ''}">${esc(i.title ?? i.id ?? i.path)}</a>${i.id ? ` <span class="count">${esc(i.id)}</span>` : ''}</li>`).join('\n')}\n</ul>`
}
</section>`);
  });
  return { path: memberPage(m.member), title: m.member.name, main: parts.join('\n') };
}

const SHOWN_ABOVE = new Set(['id', 'title', 'history', 'created', 'unit', 'tags', 'basedOn']);

/** Who took up what across the region (from `basedOn`), and where each idea's page is: to link both ways. */
interface Spreading {
  /** Each member's ideas by id: the page and the title. */
  pages: Map<string, Map<string, { page: string; title: string | null }>>;
  /** The adoptions of each idea, by `member:id` of the idea adopted. */
  adoptedFrom: Map<string, Adoption[]>;
  memberName: (id: string) => string;
}

function spreading(view: RegionSiteView): Spreading {
  const pages = new Map<string, Map<string, { page: string; title: string | null }>>();
  const snapshots: MemberSnapshot[] = [];
  for (const m of view.members) {
    if (!m.snapshot) continue;
    snapshots.push(m.snapshot);
    const byId = new Map<string, { page: string; title: string | null }>();
    for (const [idea, page] of ideaPages(m.snapshot))
      if (idea.id !== null) byId.set(idea.id, { page, title: idea.title });
    pages.set(m.member.id, byId);
  }
  const adoptedFrom = new Map<string, Adoption[]>();
  for (const a of adoptions(snapshots)) {
    const key = `${a.source.member}:${a.source.id}`;
    adoptedFrom.set(key, [...(adoptedFrom.get(key) ?? []), a]);
  }
  const names = new Map(view.members.map((m) => [m.member.id, m.member.name]));
  return { pages, adoptedFrom, memberName: (id) => names.get(id) ?? id };
}

/** An idea of a member as a link to its page (from an idea page, two folders down), or as text when it has none. */
function ideaLink(sp: Spreading, member: string, id: string, title: string | null): string {
  const label = `${esc(title ?? id)} (${esc(sp.memberName(member))})`;
  const page = sp.pages.get(member)?.get(id)?.page;
  return page ? `<a href="../../${esc(page)}">${label}</a>` : label;
}

/** What an idea's history is worded with: a member's stages, and its fields and challenges by their labels. */
type HistoryWords = Pick<SiteView, 'config' | 'titles'>;

/**
 * A member's history words in the region's language: an `assigned` entry names its field and its value as the facts
 * above it do (memberFieldLabel, the member's challenges), not by their keys.
 */
function historyWords(view: RegionSiteView, m: RegionSiteMember, s: MemberSnapshot): HistoryWords {
  const config = m.config as RegistryConfig;
  const challenges = (s.registry.challenges ?? []).map((c) => ({ id: c.id, label: c.label, url: null }));
  return { config: { ...config, language: view.lang, challenges }, titles: memberFieldTitles(s.registry) };
}

function renderIdea(
  view: RegionSiteView,
  m: RegionSiteMember,
  idea: RegionIdea,
  page: string,
  sp: Spreading,
  words: HistoryWords,
): Page {
  const lang = view.lang;
  const tt = (key: MessageKey, params?: Params) => esc(t(lang, key, params));
  const s = m.snapshot as MemberSnapshot;
  const d = idea.data;
  const title = idea.title ?? idea.id ?? idea.path;
  const facts: [string, string][] = [];
  const add = (label: string, html: string | null) => {
    if (html !== null && html !== '') facts.push([esc(label), html]);
  };
  // The member's sluice by its name: a `municipality` field of the idea's own, if it has one, is another fact.
  add(t(lang, 'region.site.memberFact'), `<a href="../../${memberPage(m.member)}">${esc(m.member.name)}</a>`);
  add(t(lang, 'site.id'), idea.id === null ? null : esc(idea.id));
  add(t(lang, 'report.stage'), esc(s.registry.stages.find((x) => x.key === idea.stage)?.label[lang] ?? idea.stage));
  add(t(lang, 'site.created'), shownText(d.created) === null ? null : esc(d.created));
  add(t(lang, 'site.unit'), shownText(d.unit) === null ? null : esc(d.unit));
  add(t(lang, 'site.tags'), shownTexts(d.tags).map(esc).join(', ') || null);
  // Spreading, both ways: the idea this one was taken up from, and the ideas other members took up from this one.
  const b = basedOnOf(d);
  if (b)
    add(t(lang, 'region.site.basedOn'), ideaLink(sp, b.member, b.id, sp.pages.get(b.member)?.get(b.id)?.title ?? null));
  const adopted = idea.id === null ? [] : (sp.adoptedFrom.get(`${m.member.id}:${idea.id}`) ?? []);
  if (adopted.length > 0)
    add(
      t(lang, 'region.site.adoptedBy'),
      `<ul>${adopted.map((a) => `<li>${ideaLink(sp, a.adopter.member, a.adopter.id, a.adopter.title)}</li>`).join('')}</ul>`,
    );
  // Each field by its member's label, as `ideas show` and `ideas region show` say it.
  for (const [key, value] of Object.entries(d)) {
    if (SHOWN_ABOVE.has(key) || value === null || value === undefined || value === '') continue;
    // A challenge by its label in the member's config, as its own site and `ideas region show` say it.
    const challenge =
      key === 'challenge' && typeof value === 'string'
        ? (challengeOf(s.registry.challenges, value)?.label[lang] ?? value)
        : null;
    add(memberFieldLabel(s.registry, key, lang), challenge !== null ? esc(challenge) : formatValue(value, lang));
  }
  const own = webUrl(m.member.site);
  if (own && idea.id !== null) {
    const href = `${own.endsWith('/') ? own : `${own}/`}ideas/${encodeURIComponent(idea.id)}.html`;
    add(t(lang, 'region.site.ideaOnOwnSite'), `<a href="${esc(href)}" rel="noopener noreferrer">${esc(href)}</a>`);
  }
  // What the history names but the sync did not keep (an `assigned` entry's personal field) is withheld by name.
  const hidden = (field: string) => !Object.hasOwn(d, field);
  const history = Array.isArray(d.history) ? d.history.filter(isRecord) : [];
  const text = idea.body.trim() === '' ? `<p>${tt('show.noText')}</p>` : renderMarkdown(idea.body);
  const main = `<p><a href="../../${memberPage(m.member)}">${esc(m.member.name)}</a></p>
<p>${tt('region.site.ideaOf', { member: m.member.name })}</p>
<h1>${esc(title)}</h1>
${factsAround(facts, lang).join(text)}
<section aria-labelledby="history-heading">
<h2 id="history-heading">${tt('show.history')}</h2>
${history.length === 0 ? `<p>${tt('site.noHistory')}</p>` : `<ol class="history">\n${history.map((e) => historyLine({ ...words, hidden }, e)).join('\n')}\n</ol>`}
</section>
<p>${tt('region.site.dataAge', { date: s.syncedAt.slice(0, 10) })}</p>`;
  return { path: page, title, main };
}

/** Every file of the region's site, each made when it is asked for: 75,000 idea pages are never held at once. */
export function* regionSiteFiles(view: RegionSiteView): Generator<[string, string]> {
  const index = renderIndex(view);
  yield [index.path, layout(view, index)];
  const sp = spreading(view);
  for (const m of view.members) {
    const pages = m.snapshot ? ideaPages(m.snapshot) : null;
    const page = renderMember(view, m, pages);
    yield [page.path, layout(view, page)];
    if (!m.snapshot || !pages) continue;
    const words = historyWords(view, m, m.snapshot);
    for (const [idea, path] of pages) {
      const p = renderIdea(view, m, idea, path, sp, words);
      yield [p.path, layout(view, p)];
    }
  }
}

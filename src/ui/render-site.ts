/**
 * The static website of `ideas site`, as a map from file paths (relative to the site) to their text: a board
 * with a column per stage, a page per idea, and a page with the funnel and the goals. Pure: the command reads the
 * registry and writes the files.
 *
 * Everything an idea file holds is untrusted: every value goes through `esc` (or the Markdown renderer, which has
 * raw HTML off), and a Content-Security-Policy lets only this page's own style and script run, by their hashes,
 * with no request to any host. The pages are meant to meet WCAG 2.1 AA, what Swedish public-sector sites must:
 * a skip link, landmarks, headings in order, text alternatives for the charts, visible focus, filters that work
 * from the keyboard and are only an enhancement: without the script every idea is shown.
 */
import { decisionWord } from '../core/sluice/decision.js';
import { createHash } from 'node:crypto';
import type { RegistryConfig, Stage } from '../core/sluice/config.js';
import type { FieldTitles } from '../core/criteria/field-titles.js';
import type { ChecklistItem, CriterionStatus } from '../core/sluice/gate.js';
import { calendarDate, grantOf, isStartAction } from '../core/sluice/idea.js';
import { collatorFor } from '../core/i18n/text-order.js';
import { type Lang, type MessageKey, type Params } from '../core/i18n/i18n.js';
import { t } from './words.js';
import { formatAmount } from '../core/history/minutes.js';
import type { Report } from '../core/report/report.js';
import { ideaTextMaker, scrollingTables } from './site-markdown.js';
import { isRecord, textOf } from '../core/safe-object.js';
import { madeText, sharedText, type FileText, type SharedText, type TextPiece } from '../core/file-text.js';
import { assignedWords, scalarWords } from '../core/sluice/value-words.js';
import { goalWords } from './render-report.js';
import { shownText, shownTexts } from '../core/field-text.js';
import { esc } from './html-escape.js';
import { challengeName, challengeOf } from '../core/sluice/challenge.js';

export interface SiteCriteria {
  stage: Stage;
  items: ChecklistItem[];
}

export interface SiteIdea {
  /** The page, relative to the site: `ideas/<id>.html`. */
  page: string;
  stage: Stage;
  /** What the board shows of the front matter, as a public document may show it: id, title, unit, challenge, tags. */
  card: Record<string, unknown>;
  /**
   * The front matter as a public document may show it (see personal-data.ts), the only fields the idea's page reads,
   * and the day the idea came into its stage: made when the page is, and let go with it. Made for all 10,000 ideas
   * before the first page and held to the end, the copies were 7 to 10 MB of a site's peak (docs/performance.md).
   */
  shown: () => { data: Record<string, unknown>; enteredStage: string | null };
  body: string;
  /**
   * The criteria of the idea's own stage, and of the stage an approval leads to (null for a last stage): asked for
   * when its page is made, so that 10,000 checklists are never held at once.
   */
  criteria: () => { own: SiteCriteria; next: SiteCriteria | null };
}

export interface SiteView {
  config: RegistryConfig;
  ideas: SiteIdea[];
  report: Report;
  /** Labels of the fields shown, by name. */
  titles: FieldTitles;
  /** Whether a field's values are withheld: for the `assigned` entries of the history, whose values name people. */
  hidden: (field: string) => boolean;
  includePersonal: boolean;
  builtOn: string;
}

/** The characters of a page's name at most, before its `-2`, `-3`: an id may be any length, a file name may not. */
const MAX_PAGE_NAME = 80;

/**
 * A page file name from an id: letters, digits and dashes only, so that it never needs escaping in a URL, and at
 * most MAX_PAGE_NAME of them (an id of 300 characters made a name longer than a file system takes, and failed the
 * whole site).
 */
export function pageName(id: string | null, fallback: string, taken: Set<string>): string {
  const base =
    (id ?? fallback)
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, '-')
      .slice(0, MAX_PAGE_NAME)
      .replace(/^-+|-+$/g, '') || 'idea';
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}-${n}`;
  taken.add(name);
  return `ideas/${name}.html`;
}

export const SITE_CSS = `
:root{color-scheme:light;--ink:#1b1b1b;--muted:#474747;--link:#0b4f8a;--line:#767676;--card:#f5f7fa;--chip:#e4ecf5;--ok:#0d6630;--no:#9e1b1b}
*{box-sizing:border-box}
body{margin:0;font:1rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:#fff;overflow-wrap:anywhere}
a{color:var(--link);text-decoration-thickness:.08em;text-underline-offset:.15em}
a:hover{text-decoration-thickness:.15em}
:focus-visible{outline:3px solid var(--ink);outline-offset:2px;box-shadow:0 0 0 5px #fff}
.skip{position:absolute;left:.5rem;top:-4rem;background:#fff;padding:.5rem 1rem;border:2px solid var(--ink);z-index:10}
.skip:focus{top:.5rem}
header,main,footer{padding:0 1rem;max-width:90rem;margin:0 auto}
header{display:flex;flex-wrap:wrap;gap:.5rem 2rem;align-items:baseline;border-bottom:1px solid var(--line);padding-top:.75rem;padding-bottom:.75rem}
.site-name{font-weight:700;margin:0}
header nav ul{display:flex;flex-wrap:wrap;gap:1rem;list-style:none;margin:0;padding:0}
[aria-current=page]{font-weight:700;text-decoration:none}
main{padding-bottom:2rem}
footer{border-top:1px solid var(--line);color:var(--muted);font-size:.9rem;padding-top:.5rem;padding-bottom:1rem}
.notice{background:#fff4ce;border:2px solid #8a6d00;padding:.5rem 1rem;margin:1rem 0}
form.filters{display:flex;flex-wrap:wrap;gap:.75rem 1.5rem;align-items:flex-end;margin:1rem 0;padding:.75rem 1rem;border:1px solid var(--line);border-radius:.25rem}
form.filters[hidden]{display:none}
form.filters fieldset{display:contents}
form.filters legend{font-weight:700;width:100%;padding:0}
form.filters label{display:flex;flex-direction:column;font-weight:600}
form.filters label{max-width:100%;min-width:0}
select{max-width:min(18rem,100%)}
select,button{font:inherit;color:var(--ink);background:#fff;border:1px solid var(--ink);border-radius:.25rem;padding:.35rem .5rem;min-height:2.5rem}
button{cursor:pointer;background:var(--chip)}
.status{margin:0;width:100%}
.board{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(15rem,100%),1fr));gap:1rem;align-items:start}
.column{border:1px solid var(--line);border-radius:.25rem;padding:0 .75rem .75rem}
.column h2{font-size:1.15rem;margin:.75rem 0 0}
.count{color:var(--muted);margin:0 0 .5rem;font-size:.9rem}
.cards{list-style:none;margin:0;padding:0;display:grid;gap:.5rem}
.card{background:var(--card);border:1px solid #c4c9cf;border-radius:.25rem;padding:.5rem .75rem}
.card h3{font-size:1rem;margin:0 0 .25rem}
.card p{margin:0;font-size:.9rem;color:var(--muted)}
.card[hidden]{display:none}
.tags{list-style:none;display:flex;flex-wrap:wrap;gap:.25rem;margin:.35rem 0 0;padding:0}
.tags li{background:var(--chip);border-radius:1rem;padding:0 .5rem;font-size:.85rem}
dl.facts{display:grid;grid-template-columns:fit-content(40%) minmax(0,1fr);gap:.25rem 1rem;margin:1rem 0}
@media (max-width:30rem){dl.facts{grid-template-columns:minmax(0,1fr);gap:0}dl.facts dd{margin-bottom:.5rem}}
dl.facts dt{font-weight:600}
dl.facts dd{margin:0}
.text{max-width:45rem}
.criteria{list-style:none;padding:0}
.criteria li{margin:.25rem 0}
.met{color:var(--ok);font-weight:600}
.not-met{color:var(--no);font-weight:600}
.not-given{color:var(--muted);font-weight:600}
.table-scroll{max-width:100%;overflow-x:auto;margin:.5rem 0 1rem}
table{border-collapse:collapse}
th,td{overflow-wrap:break-word}
pre{white-space:pre-wrap}
img{max-width:100%;height:auto}
caption{text-align:left;font-weight:600;padding:.25rem 0}
th,td{border:1px solid var(--line);padding:.25rem .6rem;text-align:left}
td.n,th.n{text-align:right}
svg.chart{max-width:100%;height:auto;display:block;margin:.5rem 0}
div.bars{margin:.5rem 0 1rem;max-width:40rem}
.bars .bar-row{display:grid;grid-template-columns:minmax(5rem,35%) 1fr 2.5rem;gap:.5rem;align-items:center;margin:.2rem 0}
.bars .bar-label{overflow-wrap:anywhere}
.bars svg.bar{width:100%;height:1.1rem;display:block}
.bars rect{fill:#1f5f8b}
.bars .n{text-align:right}
.history{padding-left:1.25rem}
.history li{margin:.25rem 0}
`;

/** Shows the filters, and hides the cards that do not match; the texts come from the form's data attributes. */
export const SITE_JS = `
(function () {
  var form = document.getElementById('filters');
  if (!form) return;
  var cards = Array.prototype.slice.call(document.querySelectorAll('[data-card]'));
  var columns = Array.prototype.slice.call(document.querySelectorAll('[data-column]'));
  var status = document.getElementById('filter-status');
  function fill(text, shown, total) { return text.replace('{shown}', shown).replace('{total}', total); }
  function apply() {
    var tag = form.elements.tag.value, unit = form.elements.unit.value, challenge = form.elements.challenge.value;
    var shown = 0;
    cards.forEach(function (card) {
      var tags = JSON.parse(card.getAttribute('data-tags') || '[]');
      var ok = (!tag || tags.indexOf(tag) !== -1) && (!unit || card.getAttribute('data-unit') === unit) && (!challenge || card.getAttribute('data-challenge') === challenge);
      card.hidden = !ok;
      if (ok) shown++;
    });
    columns.forEach(function (column) {
      var all = column.querySelectorAll('[data-card]');
      var visible = column.querySelectorAll('[data-card]:not([hidden])');
      var count = column.querySelector('[data-count]');
      if (count) count.textContent = fill(form.getAttribute('data-column-shown'), visible.length, all.length);
    });
    status.textContent = fill(form.getAttribute('data-shown'), shown, cards.length);
  }
  form.hidden = false;
  form.addEventListener('change', apply);
  form.addEventListener('submit', function (e) { e.preventDefault(); apply(); });
  form.addEventListener('reset', function () { setTimeout(apply, 0); });
})();
`;

const hash = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
/** The policies with and without the script: the same on every page, hashed once rather than twice a page. */
const policies = new Map<boolean, string>();

/** Only this site's own style and script, by their hashes; no other source, no request to any host. */
export function contentSecurityPolicy(script: boolean): string {
  let policy = policies.get(script);
  if (policy === undefined) {
    policy = `default-src 'none'; style-src ${hash(SITE_CSS)}; script-src ${script ? hash(SITE_JS) : "'none'"}; img-src 'self'; base-uri 'none'; form-action 'none'`;
    policies.set(script, policy);
  }
  return policy;
}

interface Page {
  /** Relative to the site. */
  path: string;
  title: string;
  /** HTML, or an idea's in pieces around its text, which the page's writer makes (src/core/file-text.ts). */
  main: string | readonly TextPiece[];
  current: 'board' | 'stats' | null;
  script: boolean;
  /** Whether the tables of `main` are in their scrolling boxes already: an idea's, whose text alone may hold one. */
  wrapped?: boolean;
}

/** The frames made for a view: every page but the title and the main content, for each kind of page. */
const frames = new WeakMap<SiteView, Map<string, readonly [SharedText, SharedText, SharedText]>>();

/**
 * A page's frame, around its title and its main content: the same for each of 10,000 ideas' pages, so made once
 * (its dozen texts looked up, escaped and joined for each page was a tenth of the pages' making), as pieces of text
 * the pages share, which their writer encodes once (src/core/file-text.ts).
 */
function frame(
  view: SiteView,
  up: string,
  current: Page['current'],
  script: boolean,
): readonly [SharedText, SharedText, SharedText] {
  const key = `${up}|${current}|${script}`;
  let made = frames.get(view);
  if (!made) frames.set(view, (made = new Map()));
  const known = made.get(key);
  if (known) return known;
  const lang = view.config.language;
  const tt = (key: MessageKey, params?: Params) => esc(t(lang, key, params));
  const link = (href: string, key: MessageKey, here: boolean) =>
    `<li><a href="${up}${href}"${here ? ' aria-current="page"' : ''}>${tt(key)}</a></li>`;
  const parts = [
    `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${esc(contentSecurityPolicy(script))}">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="ideas site">
<title>`,
    ` – ${esc(view.config.name)}</title>
<style>${SITE_CSS}</style>
</head>
<body>
<a class="skip" href="#main">${tt('site.skip')}</a>
<header>
<p class="site-name"><a href="${up}index.html">${esc(view.config.name)}</a></p>
<nav aria-label="${tt('site.nav')}"><ul>${link('index.html', 'site.board', current === 'board')}${link('stats.html', 'site.stats', current === 'stats')}</ul></nav>
</header>
<main id="main" tabindex="-1">
${view.includePersonal ? `<p class="notice">${tt('site.internal')}</p>\n` : ''}`,
    `
</main>
<footer>
<p>${tt('site.built', { date: view.builtOn })} ${tt(view.includePersonal ? 'site.internal' : 'site.public')}</p>
</footer>
${script ? `<script>${SITE_JS}</script>\n` : ''}</body>
</html>
`,
  ].map(sharedText) as [SharedText, SharedText, SharedText];
  made.set(key, parts);
  return parts;
}

/** A page's text: its frame, shared with the pages of its kind, around its own title and main content. */
function layout(view: SiteView, page: Page): FileText {
  const [head, middle, tail] = frame(view, page.path.includes('/') ? '../' : '', page.current, page.script);
  const { main } = page;
  if (typeof main !== 'string') return [head, esc(page.title), middle, ...main, tail];
  return [
    head,
    esc(page.title),
    middle,
    page.wrapped ? main : scrollingTables(main, t(view.config.language, 'site.tableRegion')),
    tail,
  ];
}

function challengeLabel(config: RegistryConfig, id: string | null, lang: Lang): string | null {
  return id === null ? null : challengeName(config.challenges, id, lang);
}

function select(name: string, label: string, all: string, options: [string, string][]): string {
  const opts = options.map(([value, text]) => `<option value="${esc(value)}">${esc(text)}</option>`).join('');
  return `<label for="filter-${name}">${esc(label)}<select id="filter-${name}" name="${name}"><option value="">${esc(all)}</option>${opts}</select></label>`;
}

function renderBoard(view: SiteView): Page {
  const { config } = view;
  const lang = config.language;
  const tt = (key: MessageKey, params?: Params) => esc(t(lang, key, params));
  // In the registry's language: Å, Ä and Ö after Z in Swedish, beside A and O in English.
  const sortText = collatorFor(lang).compare;
  const tags = [...new Set(view.ideas.flatMap((i) => shownTexts(i.card.tags)))].sort(sortText);
  const units = [...new Set(view.ideas.map((i) => shownText(i.card.unit)).filter((u): u is string => u !== null))].sort(
    sortText,
  );
  const challenges = [
    ...new Set(view.ideas.map((i) => shownText(i.card.challenge)).filter((c): c is string => c !== null)),
  ];
  const challengeOptions = challenges
    .map((c): [string, string] => [c, challengeLabel(config, c, lang) ?? c])
    .sort((a, b) => sortText(a[1], b[1]));
  const form = `<form id="filters" class="filters" hidden data-shown="${tt('site.shown')}" data-column-shown="${tt('site.columnShown')}">
<fieldset><legend>${tt('site.filters')}</legend>
${select(
  'tag',
  t(lang, 'site.tag'),
  t(lang, 'site.all'),
  tags.map((x) => [x, x]),
)}
${select(
  'unit',
  t(lang, 'site.unit'),
  t(lang, 'site.all'),
  units.map((x) => [x, x]),
)}
${select('challenge', t(lang, 'site.challenge'), t(lang, 'site.all'), challengeOptions)}
<button type="reset">${tt('site.reset')}</button>
<p id="filter-status" class="status" role="status" aria-live="polite"></p>
</fieldset>
</form>`;
  // Each stage's ideas by title: the ideas gone over once, and each title taken once, not at each comparison.
  const byStage = new Map<string, { title: string; idea: SiteIdea }[]>();
  for (const idea of view.ideas) {
    const list = byStage.get(idea.stage.key) ?? [];
    list.push({ title: shownText(idea.card.title) ?? '', idea });
    byStage.set(idea.stage.key, list);
  }
  const columns = config.stages.map((stage, n) => {
    const ideas = (byStage.get(stage.key) ?? []).sort((a, b) => sortText(a.title, b.title)).map((x) => x.idea);
    const cards = ideas.map((i) => card(view, i)).join('\n');
    return `<section class="column" data-column aria-labelledby="stage-${n}">
<h2 id="stage-${n}">${esc(stage.label[lang])}</h2>
<p class="count" data-count>${esc(t(lang, 'report.ideasCol'))}: ${ideas.length}</p>
${ideas.length === 0 ? `<p>${tt('site.emptyStage')}</p>` : `<ul class="cards">\n${cards}\n</ul>`}
</section>`;
  });
  const main = `<h1>${tt('site.board')}</h1>
<p>${tt('site.boardIntro', { count: view.ideas.length, stages: config.stages.length })}</p>
${form}
<div class="board">
${columns.join('\n')}
</div>`;
  return { path: 'index.html', title: t(lang, 'site.board'), main, current: 'board', script: true };
}

function card(view: SiteView, idea: SiteIdea): string {
  const words = pageWords(view);
  const d = idea.card;
  const title = shownText(d.title) ?? shownText(d.id) ?? idea.page;
  const id = shownText(d.id);
  const unit = shownText(d.unit);
  const challenge = shownText(d.challenge);
  const tags = shownTexts(d.tags);
  const meta = id === null ? (unit === null ? '' : esc(unit)) : unit === null ? esc(id) : `${esc(id)} · ${esc(unit)}`;
  const label = challengeLabel(view.config, challenge, view.config.language);
  let tagList = '';
  for (const x of tags) tagList += `<li>${esc(x)}</li>`;
  return `<li class="card" data-card data-tags="${esc(JSON.stringify(tags))}" data-unit="${esc(unit ?? '')}" data-challenge="${esc(challenge ?? '')}">
<h3><a href="${idea.page}">${esc(title)}</a></h3>
${meta ? `<p>${meta}</p>` : ''}${label ? `<p>${words.challenge}: ${esc(label)}</p>` : ''}${tags.length > 0 ? `<ul class="tags" aria-label="${words.tags}">${tagList}</ul>` : ''}
</li>`;
}

/**
 * An idea page's facts (label and value, both HTML already) and its text: the same on a registry's and a region's
 * site. What stands before the text, and what after it.
 */
export function factsAround(facts: readonly [string, string][], lang: Lang): [string, string] {
  let heading = textHeadings.get(lang);
  if (heading === undefined) {
    heading = `</dl>
<section aria-labelledby="text-heading">
<h2 id="text-heading">${esc(t(lang, 'site.text'))}</h2>
<div class="text">
`;
    textHeadings.set(lang, heading);
  }
  let list = '';
  for (const [k, v] of facts) list += `${list === '' ? '' : '\n'}<dt>${k}</dt><dd>${v}</dd>`;
  return [`<dl class="facts">\n${list}\n${heading}`, TEXT_END];
}

/** What stands after an idea's facts and before its text, by language: the same on every page. */
const textHeadings = new Map<Lang, string>();
const TEXT_END = `</div>
</section>`;

/** A field's value as HTML, in the words every screen uses (core/sluice/value-words.ts); a list of records as a list. */
export function formatValue(value: unknown, lang: Lang): string {
  if (Array.isArray(value) && value.length > 0) {
    if (value.some(isRecord)) return `<ul>${value.map((v) => `<li>${formatValue(v, lang)}</li>`).join('')}</ul>`;
    return value.map((v) => formatValue(v, lang)).join(', ');
  }
  if (isRecord(value))
    return Object.entries(value)
      .map(([k, v]) => `${esc(k)}: ${formatValue(v, lang)}`)
      .join(', ');
  return esc(scalarWords(value, lang));
}

/** One history entry in words: what happened, the decision, the amount, the note; who only in an internal site. */
export function historyLine(view: Pick<SiteView, 'config' | 'titles' | 'hidden'>, e: Record<string, unknown>): string {
  const parts = [historyWhat(view, e)];
  const lang = view.config.language;
  if (e.decision && e.action !== 'decided') parts.push(`(${esc(decisionWord(e.decision, lang))})`);
  // Granted as the figures count it (grantOf): an amount on a date that is no date, or below 0, is not said to be.
  const granted = grantOf(e);
  if (granted > 0) parts.push(esc(t(lang, 'site.granted', { amount: formatAmount(granted, lang) })));
  if (typeof e.by === 'string' && e.by !== '') parts.push(`– ${esc(e.by)}`);
  const note = typeof e.note === 'string' && e.note.trim() !== '' ? `: ${esc(e.note)}` : '';
  const date = shownText(e.date);
  // A <time> only for a calendar date: its datetime must be one.
  const when =
    date === null ? '' : calendarDate(date) ? `<time datetime="${esc(date)}">${esc(date)}</time> ` : `${esc(date)} `;
  return `<li>${when}${parts.join(' ')}${note}</li>`;
}

/**
 * What history entries said, by view, then by action and the one or two values its words are made of (see
 * historyWhat): 10,000 ideas' histories hold a few dozen. Maps by each value rather than one text made of them all,
 * which cost as much as the words; at most MAX_HISTORY_WORDS of them, for a history of values that are no stages.
 */
interface SaidWords {
  byAction: Map<string, Map<string | undefined, Map<string | undefined, string>>>;
  count: number;
}
const historyWords = new WeakMap<object, SaidWords>();
const MAX_HISTORY_WORDS = 1_024;

/**
 * What a history entry says happened, escaped. The same words for every entry of the same action between the same
 * stages, into the same stage, or with the same decision, made once for a view; an assignment's words name its
 * value, and are made for each.
 */
function historyWhat(view: Pick<SiteView, 'config' | 'titles' | 'hidden'>, e: Record<string, unknown>): string {
  const action = e.action;
  if (typeof action !== 'string' || action === 'assigned') return esc(entryWords(view, e));
  // The values its words are made of (entryWords): a move's stages, a start's stage, a decision.
  const first =
    action === 'moved' ? e.from : action === 'decided' ? e.decision : isStartAction(action) ? e.to : undefined;
  const second = action === 'moved' ? e.to : undefined;
  if (!isKeyValue(first) || !isKeyValue(second)) return esc(entryWords(view, e));
  let said = historyWords.get(view);
  if (!said) historyWords.set(view, (said = { byAction: new Map(), count: 0 }));
  const known = said.byAction.get(action)?.get(first)?.get(second);
  if (known !== undefined) return known;
  const what = esc(entryWords(view, e));
  if (said.count < MAX_HISTORY_WORDS) {
    said.count++;
    let byFirst = said.byAction.get(action);
    if (!byFirst) said.byAction.set(action, (byFirst = new Map()));
    let bySecond = byFirst.get(first);
    if (!bySecond) byFirst.set(first, (bySecond = new Map()));
    bySecond.set(second, what);
  }
  return what;
}

/** A value a history entry's words may be looked up by: text, or none. */
function isKeyValue(value: unknown): value is string | undefined {
  return value === undefined || typeof value === 'string';
}

function entryWords(view: Pick<SiteView, 'config' | 'titles' | 'hidden'>, e: Record<string, unknown>): string {
  const lang = view.config.language;
  const label = (key: unknown) => view.config.stages.find((s) => s.key === key)?.label[lang] ?? textOf(key ?? '?');
  return e.action === 'moved'
    ? t(lang, 'history.moved', { from: label(e.from), to: label(e.to) })
    : e.action === 'imported' && e.to === undefined
      ? t(lang, 'history.importedUpdate')
      : isStartAction(e.action)
        ? t(lang, `history.${e.action}`, { to: label(e.to) })
        : e.action === 'decided'
          ? t(lang, 'history.decided', { decision: decisionWord(e.decision, lang) })
          : e.action === 'assigned'
            ? assignedWords(e, lang, {
                fieldLabel: (field) => view.titles[field]?.[lang] ?? field,
                challenges: view.config.challenges,
                hidden: view.hidden,
              })
            : e.action === 'edited'
              ? t(lang, 'history.edited')
              : textOf(e.action);
}

/** A criterion's mark and words: a check mark only for one met by a value the idea gives. */
const MARK: Record<CriterionStatus, string> = { met: '✓', 'not-met': '✗', 'not-given': '–' };
const STATUS_TEXT: Record<CriterionStatus, MessageKey> = {
  met: 'site.met',
  'not-met': 'site.notMet',
  'not-given': 'criterion.notGiven',
};

/** The start of a checklist's line, by its status and label, made once for each: 10,000 pages hold the same few. */
const itemStarts = new WeakMap<SiteView, Map<CriterionStatus, Map<string, string>>>();

function itemStart(view: SiteView, item: ChecklistItem): string {
  let byStatus = itemStarts.get(view);
  if (!byStatus) itemStarts.set(view, (byStatus = new Map()));
  let byLabel = byStatus.get(item.status);
  if (!byLabel) byStatus.set(item.status, (byLabel = new Map()));
  let start = byLabel.get(item.label);
  if (start === undefined) {
    const status = esc(t(view.config.language, STATUS_TEXT[item.status]));
    start = `<li><span class="${item.status}">${MARK[item.status]} ${status}</span>: ${esc(item.label.replace(/ \[[^\]]*\]$/, ''))}`;
    byLabel.set(item.label, start);
  }
  return start;
}

function criteriaList(view: SiteView, heading: string, c: SiteCriteria): string {
  const lang = view.config.language;
  // Criteria on data the site does not show are counted, never listed: whether one is met would tell of its value.
  const shown = c.items.filter((x) => !x.withheld);
  const withheld = c.items.length - shown.length;
  const unmet = shown.filter((x) => x.status === 'not-met').length;
  const notGiven = shown.filter((x) => x.status === 'not-given').length;
  // "Every criterion is met" only when each is met by a value: an empty optional field is not given, not met; and
  // only of those shown when some are not.
  const summary =
    c.items.length === 0
      ? t(lang, 'site.noCriteria')
      : unmet > 0
        ? t(lang, 'site.gateClosed', { count: unmet, total: shown.length })
        : notGiven > 0
          ? t(lang, 'site.gateOpenNotGiven', { count: notGiven, total: shown.length })
          : shown.length > 0
            ? t(lang, withheld > 0 ? 'site.gateOpenShown' : 'site.gateOpen')
            : '';
  const said = [summary, withheld > 0 ? t(lang, 'site.withheld', { count: withheld }) : '']
    .filter((x) => x !== '')
    .join(' ');
  const items = shown
    .map((x) => `${itemStart(view, x)}${x.status === 'not-met' && x.problem ? ` – ${esc(x.problem)}` : ''}</li>`)
    .join('\n');
  return `<h3>${esc(heading)}</h3>\n<p>${esc(said)}</p>\n${items ? `<ul class="criteria">\n${items}\n</ul>` : ''}`;
}

const SHOWN_ABOVE = new Set(['id', 'title', 'history', 'created', 'unit', 'challenge', 'tags']);

/** The criteria sections of a view's pages, each text made a shared piece: see sharedSection. */
const sections = new WeakMap<SiteView, Map<string, SharedText>>();
/**
 * Distinct sections shared at most, and the checklist items and characters of one that is: a shared piece is held to
 * the end of the site (and by the page thread, encoded). A history of 500 entries without a date made a section of
 * 230,000 characters, different for each idea, and 512 of them took a site 70 MB over what it held before.
 */
const MAX_SHARED_SECTIONS = 512;
const MAX_SHARED_ITEMS = 40;
const MAX_SHARED_CHARS = 8_000;

/**
 * An idea page's criteria section as a piece its pages share: it depends on the idea's stage and which criteria it
 * meets, so 10,000 ideas have a few dozen of them, which the page writer then sends to its thread and encodes once
 * rather than 10,000 times (src/core/file-text.ts). A section past the limits above is the text as it is.
 */
function sharedSection(view: SiteView, own: SiteCriteria, next: SiteCriteria | null): SharedText | string {
  if (own.items.length + (next?.items.length ?? 0) > MAX_SHARED_ITEMS) return criteriaSection(view, own, next);
  let known = sections.get(view);
  if (!known) sections.set(view, (known = new Map()));
  // What the section is made of, each text by its length and itself: no two different checklists make one key.
  let key = `${sized(own.stage.key)}${next ? sized(next.stage.key) : '-'}`;
  for (const c of next ? [own, next] : [own]) {
    key += `${c.items.length}|`;
    for (const x of c.items) key += x.withheld ? 'w' : `${STATUS_CODE[x.status]}${sized(x.label)}${sized(x.problem)}`;
  }
  const piece = known.get(key);
  if (piece) return piece;
  const text = criteriaSection(view, own, next);
  if (known.size >= MAX_SHARED_SECTIONS || text.length > MAX_SHARED_CHARS) return text;
  const made = sharedText(text);
  known.set(key, made);
  return made;
}

const STATUS_CODE: Record<CriterionStatus, string> = { met: 'a', 'not-met': 'b', 'not-given': 'c' };

/** A text with its length before it, or `-` for none: keys made of several texts read one way only. */
function sized(text: string | null): string {
  return text === null ? '-' : `${text.length}:${text}`;
}

/** An idea page's section of criteria: its stage's, and the next stage's. */
function criteriaSection(view: SiteView, own: SiteCriteria, next: SiteCriteria | null): string {
  const lang = view.config.language;
  const words = pageWords(view);
  return `<section aria-labelledby="criteria-heading">
<h2 id="criteria-heading">${words.criteria}</h2>
${criteriaList(view, t(lang, 'site.criteriaStage', { stage: own.stage.label[lang] }), own)}
${next ? criteriaList(view, t(lang, 'site.criteriaNext', { stage: next.stage.label[lang] }), next) : `<p>${words.lastStage}</p>`}
</section>`;
}

/** The words of an idea's page that are the same on every page, escaped: looked up once for a view. */
interface PageWords {
  id: string;
  stage: string;
  created: string;
  unit: string;
  challenge: string;
  tags: string;
  back: string;
  criteria: string;
  history: string;
  noHistory: string;
  lastStage: string;
  noText: string;
}

const pageWordsOf = new WeakMap<SiteView, PageWords>();

function pageWords(view: SiteView): PageWords {
  let words = pageWordsOf.get(view);
  if (!words) {
    const tt = (key: MessageKey) => esc(t(view.config.language, key));
    words = {
      id: tt('site.id'),
      stage: tt('report.stage'),
      created: tt('site.created'),
      unit: tt('site.unit'),
      challenge: tt('site.challenge'),
      tags: tt('site.tags'),
      back: tt('site.back'),
      criteria: tt('site.criteria'),
      history: tt('show.history'),
      noHistory: tt('site.noHistory'),
      lastStage: tt('site.lastStage'),
      noText: tt('show.noText'),
    };
    pageWordsOf.set(view, words);
  }
  return words;
}

function renderIdeaPage(view: SiteView, idea: SiteIdea): Page {
  const { config } = view;
  const lang = config.language;
  const tt = (key: MessageKey, params?: Params) => esc(t(lang, key, params));
  const words = pageWords(view);
  const { data: d, enteredStage } = idea.shown();
  const title = shownText(d.title) ?? shownText(d.id) ?? idea.page;
  const facts: [string, string][] = [];
  /** A fact, its label escaped already. */
  const add = (label: string, html: string | null) => {
    if (html !== null && html !== '') facts.push([label, html]);
  };
  add(words.id, shownText(d.id) === null ? null : esc(d.id));
  add(
    words.stage,
    `${esc(idea.stage.label[lang])}${enteredStage ? ` (${tt('site.inStageSince', { date: enteredStage })})` : ''}`,
  );
  add(words.created, shownText(d.created) === null ? null : esc(d.created));
  add(words.unit, shownText(d.unit) === null ? null : esc(d.unit));
  const challenge = challengeOf(config.challenges, d.challenge);
  const challengeUrl = challenge?.url && /^https?:\/\//i.test(challenge.url) ? challenge.url : null;
  add(
    words.challenge,
    shownText(d.challenge) === null
      ? null
      : challengeUrl
        ? `<a href="${esc(challengeUrl)}" rel="noopener noreferrer">${esc(challenge?.label[lang])}</a>`
        : esc(challengeLabel(config, shownText(d.challenge), lang)),
  );
  add(words.tags, shownTexts(d.tags).map(esc).join(', ') || null);
  for (const [key, value] of Object.entries(d)) {
    if (SHOWN_ABOVE.has(key) || value === null || value === undefined || value === '') continue;
    add(esc(view.titles[key]?.[lang] ?? key), formatValue(value, lang));
  }
  const history = Array.isArray(d.history) ? d.history.filter(isRecord) : [];
  // The text is made HTML by the page's writer (ideaTextMaker, with its tables in their boxes: nothing else on the
  // page is a table, and the page is four times the text), on the thread that writes the pages when there is one.
  const [beforeText, afterText] = factsAround(facts, lang);
  const { own, next } = idea.criteria();
  const before = `<p><a href="../index.html">${words.back}</a></p>
<h1>${esc(title)}</h1>
${beforeText}`;
  const criteria = sharedSection(view, own, next);
  const after = `
<section aria-labelledby="history-heading">
<h2 id="history-heading">${words.history}</h2>
${history.length === 0 ? `<p>${words.noHistory}</p>` : `<ol class="history">\n${history.map((e) => historyLine(view, e)).join('\n')}\n</ol>`}
</section>`;
  const text = idea.body.trim() === '' ? `<p>${words.noText}</p>` : madeText(idea.body);
  const main = [before, text, `${afterText}\n`, criteria, after];
  return { path: idea.page, title, main, current: null, script: false, wrapped: true };
}

/**
 * A horizontal bar chart, its figures in words for assistive technology; the table beside it shows them too. The
 * labels and figures are text of the page, so they keep their size on a phone and wrap as any text does; only each
 * bar is drawn (an SVG stretched to its share of the row: no inline style, which the page's policy forbids).
 */
function barChart(id: string, rows: { label: string; value: number }[], description: string): string {
  const max = Math.max(1, ...rows.map((r) => r.value));
  const bars = rows
    .map((r) => {
      const share = Math.round((r.value / max) * 1000) / 10;
      return (
        `<div class="bar-row"><span class="bar-label">${esc(r.label)}</span>` +
        `<svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" focusable="false"><rect width="${share}" height="10"/></svg>` +
        `<span class="n">${r.value}</span></div>`
      );
    })
    .join('');
  return `<div class="chart bars" role="img" aria-label="${esc(description)}" id="${id}-chart">${bars}</div>`;
}

function progressBar(id: string, reached: number, target: number, description: string): string {
  const width = 400;
  const filled = Math.round(Math.min(1, target > 0 ? reached / target : 0) * (width - 2));
  return `<svg class="chart" role="img" aria-labelledby="${id}" width="${width}" height="26" viewBox="0 0 ${width} 26" xmlns="http://www.w3.org/2000/svg"><title id="${id}">${esc(description)}</title><rect x="1" y="1" width="${width - 2}" height="24" fill="#fff" stroke="#474747"/><rect x="1" y="1" width="${filled}" height="24" fill="#1f5f8b"/></svg>`;
}

function renderStats(view: SiteView): Page {
  const { config, report: r } = view;
  const lang = config.language;
  const tt = (key: MessageKey, params?: Params) => esc(t(lang, key, params));
  const rows = r.funnel.map((f) => ({ label: f.stage.label[lang], value: f.now }));
  const described = rows.map((x) => `${x.label} ${x.value}`).join(', ');
  const funnelTable = `<table>
<caption>${tt('report.funnel')}</caption>
<thead><tr><th scope="col">${tt('report.stage')}</th><th scope="col" class="n">${tt('report.now')}</th><th scope="col" class="n">${tt('report.entered')}</th><th scope="col" class="n">${tt('report.left')}</th></tr></thead>
<tbody>
${r.funnel.map((f) => `<tr><th scope="row">${esc(f.stage.label[lang])}</th><td class="n">${f.now}</td><td class="n">${f.entered}</td><td class="n">${f.left}</td></tr>`).join('\n')}
</tbody>
<tfoot><tr><th scope="row">${tt('report.total')}</th><td class="n">${r.ideas}</td><td></td><td></td></tr></tfoot>
</table>`;
  const goals =
    r.goals.length === 0
      ? `<p>${tt('report.noGoals')}</p>`
      : r.goals
          .map((g, i) => {
            const stage = config.stages.find((s) => s.key === g.goal.stage)?.label[lang] ?? g.goal.stage;
            const { line, met, when } = goalWords(g, stage, lang);
            const text = `${line}${met ? ` ${t(lang, 'report.goalMet')}` : ''}${when ? `. ${when.charAt(0).toUpperCase()}${when.slice(1)}` : ''}.`;
            return `<h3>${esc(g.goal.label[lang])}</h3>\n<p>${esc(text)}</p>\n${progressBar(`goal-${i}`, g.reached, g.goal.target, t(lang, 'site.goalDesc', { reached: g.reached, target: g.goal.target }))}`;
          })
          .join('\n');
  const funds =
    r.funds.rows.length === 0
      ? ''
      : `<h2>${tt('report.funds')}</h2>
<p>${tt('report.fundsNote')}</p>
<table>
<caption>${tt('report.funds')}</caption>
<thead><tr><th scope="col">${tt('report.stage')}</th><th scope="col" class="n">${tt('report.amount')}</th><th scope="col" class="n">${tt('report.ideasCol')}</th></tr></thead>
<tbody>
${r.funds.rows.map((f) => `<tr><th scope="row">${esc(f.stage.label[lang])}</th><td class="n">${esc(formatAmount(f.amount, lang))}</td><td class="n">${f.ideas}</td></tr>`).join('\n')}
</tbody>
<tfoot><tr><th scope="row">${tt('report.total')}</th><td class="n">${esc(formatAmount(r.funds.total, lang))}</td><td class="n">${r.funds.ideas}</td></tr></tfoot>
</table>`;
  const main = `<h1>${tt('site.stats')}</h1>
<p>${tt('report.summary', { period: t(lang, 'report.periodUntil', { until: r.period.until }), ideas: r.ideas, added: r.added })}</p>
<h2>${tt('report.funnel')}</h2>
<p>${tt('report.funnelNote')}</p>
${barChart('funnel', rows, t(lang, 'site.funnelDesc', { rows: described }))}
${funnelTable}
<h2>${tt('report.goals')}</h2>
${goals}
${funds}`;
  return { path: 'stats.html', title: t(lang, 'site.stats'), main, current: 'stats', script: false };
}

/**
 * Every file of the site, by its path relative to the site's folder, each made when it is asked for: the command
 * writes each page and lets it go, rather than holding 10,000 of them at once.
 */
export function* siteFiles(view: SiteView): Generator<[string, FileText]> {
  for (const page of [renderBoard(view), renderStats(view)]) yield [page.path, layout(view, page)];
  for (const idea of view.ideas) {
    const page = renderIdeaPage(view, idea);
    yield [page.path, layout(view, page)];
  }
}

/** What the writer of the site's pages makes of their made pieces (ideaTextMaker), for a site in `lang`. */
export function siteTextMaker(lang: Lang): { make: (source: string) => string; init: string } {
  const init = t(lang, 'site.tableRegion');
  return { make: ideaTextMaker(init), init };
}

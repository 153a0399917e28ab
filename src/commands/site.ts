import path from 'node:path';
import type { CommonOptions, Ctx } from '../context.js';
import { DEFAULT_MIN_GROUP_SIZE } from '../core/sluice/config.js';
import { fieldTitles } from '../core/criteria/field-titles.js';
import { checkGate, fieldLabeler, forwardStage, gateChecklist } from '../core/sluice/gate.js';
import type { Lang } from '../core/i18n/i18n.js';
import { enteredStageOn, historyOf, isoDate } from '../core/sluice/idea.js';
import { classifySources, isPublicField, publicData, publicField } from '../core/criteria/personal-data.js';
import { scalarText } from '../core/field-text.js';
import { nullObject } from '../core/safe-object.js';
import { shownText } from '../core/field-text.js';
import { buildReport } from '../core/report/report.js';
import { readPackageSchema } from '../io/schemas.js';
import { readIdeas } from '../io/read-ideas.js';
import { loadCriteria, readRegistrySchemas, type Registry } from '../io/registry.js';
import { writeSite } from '../io/site-dir.js';
import type { PieceMaker } from '../io/page-writer.js';
import { checkSiteOut } from '../io/site-out.js';
import { fsError } from '../io/fs-error.js';
import { pageName, siteFiles, siteTextMaker, type SiteIdea } from '../ui/render-site.js';
import { IDEA_TEXT_MAKER } from '../ui/site-markdown.js';
import { openRegistry } from './open-registry.js';
import { sortByTexts } from '../core/i18n/text-order.js';
import { withGrowingYoungGeneration, withSteadyHeapGrowth } from '../io/v8-flags.js';
import { stageValidators } from './stage-gate.js';
import { rememberingLast } from '../core/criteria/schema-check.js';

export interface SiteOptions extends CommonOptions {
  /** The site's folder; default `site` under the registry root. */
  out?: string;
  includePersonal: boolean;
}

export interface SiteResult {
  kind: 'site';
  registry: Registry;
  lang: Lang;
  out: string;
  pages: number;
  files: string[];
  includePersonal: boolean;
  unreadable: number;
}

export const DEFAULT_SITE_DIR = 'site';

/** What the board shows of each idea. */
const CARD_FIELDS = ['id', 'title', 'unit', 'challenge', 'tags'] as const;

export async function runSite(opts: SiteOptions, ctx: Ctx): Promise<SiteResult> {
  // Its whole work with the old generation grown by a fixed factor: see withSteadyHeapGrowth.
  return withSteadyHeapGrowth(() => buildSite(opts, ctx));
}

function buildSite(opts: SiteOptions, ctx: Ctx): SiteResult {
  const { registry, lang } = openRegistry(opts, ctx);
  const { config } = registry;
  // The site speaks the registry's language, whatever --lang says for the command's own messages.
  const siteLang = config.language;
  const out = opts.out !== undefined ? path.resolve(ctx.cwd, opts.out) : path.join(registry.root, DEFAULT_SITE_DIR);
  checkSiteOut(out, registry.root, registry.config.ideasDir);
  const sources = readRegistrySchemas(registry);
  const schemas = sources.map((s) => s.schema as Record<string, unknown>);
  const base = readPackageSchema('idea');
  const classes = classifySources(sources);
  const disclosure = { includePersonal: opts.includePersonal };
  const criteria = loadCriteria(registry);
  const { ideas, unreadable } = readIdeas(registry, undefined, { keepsAll: true });
  const today = isoDate(ctx.clock());

  const label = fieldLabeler(base, siteLang);
  const validators = stageValidators(criteria);
  // An idea's two checklists check it against the base schema once.
  const baseCheck = rememberingLast(validators.base);
  // A checklist names only what the site shows (see gateChecklist): nothing of a field it does not, nor of one it
  // shows in part, no key of the idea's own that no schema names.
  const shown = (field: string) => isPublicField(field, classes, disclosure);
  const checklist = (idea: (typeof ideas)[number], stage: (typeof config.stages)[number]) => ({
    stage,
    items: gateChecklist(
      checkGate(idea, stage, config, baseCheck, validators.criteria(stage)),
      idea.data,
      criteria.get(stage.key)?.schema,
      siteLang,
      label,
      {
        shown,
        // The public copy is the value itself when it leaves nothing out (src/core/criteria/personal-data.ts).
        whole: (field) => opts.includePersonal || publicField(idea.data, field, classes) === idea.data[field],
      },
    ),
  });
  const taken = new Set<string>();
  /** The fields the board shows, each as publicData would give it. */
  const cardOf = (data: Record<string, unknown>) => {
    const card = nullObject();
    for (const key of CARD_FIELDS) {
      const value = opts.includePersonal
        ? Object.hasOwn(data, key)
          ? data[key]
          : undefined
        : publicField(data, key, classes);
      if (value !== undefined) card[key] = value;
    }
    return card;
  };
  // By path, in localeCompare's order: compared as code units where that is the same (sortByTexts), ~12 ms less.
  const siteIdeas = sortByTexts(
    ideas,
    () => 0,
    (idea) => [idea.path],
    config.language,
  ).map((idea, n): SiteIdea => {
    const next = forwardStage(idea.stage, config);
    const card = cardOf(idea.data);
    return {
      // A page is named by the idea's id where the site shows it; else by the idea's place among the ideas, never by
      // its file's name, which starts with the id, or was written by hand and may say anything.
      page:
        idea.id !== null && shownText(card.id) !== null
          ? pageName(idea.id, '', taken)
          : pageName(null, `idea-${n + 1}`, taken),
      stage: idea.stage,
      card,
      // Everything the idea's page shows of the front matter comes from this copy.
      shown: () => {
        const data = publicData(idea.data, classes, disclosure);
        // From the public copy alone: with the history withheld, the date falls back on `created`, which may be too.
        return { data, enteredStage: enteredStageOn({ ...idea, data, created: scalarText(data.created) }) };
      },
      body: idea.body,
      criteria: () => ({ own: checklist(idea, idea.stage), next: next ? checklist(idea, next) : null }),
    };
  });
  const report = buildReport(config, ideas, classes, {
    since: null,
    until: today,
    today,
    by: [],
    includePersonal: false,
    minGroupSize: config.minGroupSize ?? DEFAULT_MIN_GROUP_SIZE,
    // The page of figures shows the funnel, the goals and the funds.
    brief: true,
  });
  // The fields shown, and those the history names (`assigned` entries name personal fields too, without values).
  // Gathered into one set, in the order first met: no list of every idea's names first.
  const named = new Set<string>();
  for (const idea of ideas) {
    for (const key of Object.keys(idea.data)) if (key !== '') named.add(key);
    for (const e of historyOf(idea)) if (typeof e.field === 'string' && e.field !== '') named.add(e.field);
  }
  const titles = fieldTitles(schemas, [...named]);
  const pages = siteFiles({
    config,
    ideas: siteIdeas,
    report,
    titles,
    hidden: (field: string) => !shown(field),
    includePersonal: opts.includePersonal,
    builtOn: today,
  });
  let written: string[];
  try {
    // Each page is written as it is made. GitHub Pages would otherwise run the files through Jekyll.
    // Pages are made and let go one at a time: garbage that dies young, and a great deal of it.
    written = writeSite(
      out,
      (function* () {
        yield* pages;
        yield ['.nojekyll', ''] as const;
      })(),
      { making: withGrowingYoungGeneration, pages: siteIdeas.length, maker: pieceMaker(siteLang) },
    );
  } catch (e) {
    throw fsError(e, out);
  }
  return {
    kind: 'site',
    registry,
    lang,
    out,
    pages: written.filter((f) => f.endsWith('.html')).length,
    files: written.sort(),
    includePersonal: opts.includePersonal,
    unreadable: unreadable.length,
  };
}

/** How the writer of the pages makes the text of each idea's page (src/ui/site-markdown.ts), here and on its thread. */
function pieceMaker(lang: Lang): PieceMaker {
  const { make, init } = siteTextMaker(lang);
  return { make, remote: { ...IDEA_TEXT_MAKER, init } };
}

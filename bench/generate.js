// @ts-check
/**
 * Realistic registries for the benchmark, the same every time for the same seed: the Sundsvall example's config and
 * criteria, and ideas in every stage, each meeting its stage's criteria with the full history of how it got there,
 * in Swedish and English. About 2% of the files carry a planted error of the kinds `ideas validate` finds.
 *
 * Written as people and the tool write them, not in one plain style: about 13% of the files have multi-line texts as
 * block scalars (`|-`, `|` and `|+` as `ideas new` writes them, some `>-` as people fold long text), about 10% have
 * comments (at the top, after a value, inside the history), about 15% are hand-edited (quoted strings, a history
 * entry as a flow mapping, tags as a block list, four-space or compact indentation), about 10% are written as YAML
 * writers such as PyYAML write them, long texts wrapped at 80 columns, about 5% with every history entry a flow
 * mapping wrapped at 80 columns (PyYAML's flow style, `default_flow_style=None`), and about 3% with every key in
 * double quotes (the `yaml` package's QUOTE_DOUBLE); of those written as PyYAML writes, about 60% name the date
 * of creation with an anchor and give it to the first history entry as an alias, as PyYAML writes a date object used
 * twice (`created: &id001 2025-03-14`, `date: *id001`). Those choices come from a generator of their own, so the ideas
 * themselves (ids, stages, fields, planted errors) are the same as without them.
 *
 * Their texts are paragraphs, and now and then what people put in one (from a third generator, so the front matter is
 * the same without them): about 15% have a heading, 15% a bullet list, 13% a table of costs, 8% a quote, 6% a bold
 * word and 7% a link, in the shares a registry written independently of this generator had (docs/performance.md);
 * about 2% of the files have Windows line endings.
 *
 *   node bench/generate.js 2000 10000            writes bench/data/registry-2000/ and bench/data/registry-10000/
 *   node bench/generate.js --seed 7 --out /tmp 500
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';

export const GENERATOR_VERSION = 7;
const HERE = path.dirname(fileURLToPath(import.meta.url));
export const DATA_DIR = path.join(HERE, 'data');
const EXAMPLE = path.join(HERE, '..', 'examples', 'sundsvall');

/** mulberry32: a small, fast, seeded generator; Math.random cannot be seeded. */
function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  /** @type {<T>(list: readonly T[]) => T} */
  const pick = (list) => list[Math.floor(next() * list.length)];
  /** @param {number} lo @param {number} hi */
  const int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));
  return { next, pick, int };
}

const ID_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/** Stages as in examples/sundsvall, with how common each is in a registry some years old, and the path there. */
const STAGES = [
  { key: 'idea', folder: '01-ide', weight: 30, path: [] },
  { key: 'refinement', folder: '02-foradling', weight: 20, path: ['refinement'] },
  { key: 'test', folder: '03-test', weight: 12, path: ['refinement', 'test'] },
  { key: 'evaluation', folder: '04-utvardering', weight: 8, path: ['refinement', 'test', 'evaluation'] },
  { key: 'spread', folder: '05-spridning', weight: 5, path: ['refinement', 'test', 'evaluation', 'spread'] },
  { key: 'parked', folder: '90-parkerad', weight: 12, path: ['refinement', 'parked'] },
  { key: 'rejected', folder: '99-avslagen', weight: 13, path: ['rejected'] },
];
const ORDER = ['idea', 'refinement', 'test', 'evaluation', 'spread'];

const SV = {
  subjects: [
    'Digital tillsyn',
    'Lånecyklar',
    'Minskat matsvinn',
    'Läxhjälp på distans',
    'Trygghetsvandringar',
    'Solceller på taken',
    'Mobil bokbuss',
    'Språkstöd för nyanställda',
    'Delade bilar',
    'Ensamhetsfika',
    'Digitala nycklar',
    'Sommarjobb med mentor',
    'Återbruk av möbler',
    'Sms-påminnelser',
    'Gröna skolgårdar',
    'Lättläst information',
    'Kvällsöppen simhall',
    'Fixartjänst',
    'Cirkulära hjälpmedel',
    'Tolk via video',
  ],
  targets: [
    'i hemtjänsten',
    'på biblioteket',
    'i skolköken',
    'för äldre',
    'på landsbygden',
    'i Matfors',
    'för unga vuxna',
    'i förskolan',
    'på äldreboenden',
    'i Timrå',
    'för nyanlända',
    'vid vårdcentralen',
    'i Härnösand',
    'för personalen',
    'under sommaren',
  ],
  sentences: [
    'I dag tar det lång tid och kostar mer än det behöver.',
    'Brukarna har själva efterfrågat en enklare lösning.',
    'Idén har prövats i liten skala på en enhet med gott resultat.',
    'Personalen lägger mycket tid på resor som går att undvika.',
    'Vi vill testa under en begränsad period och följa upp noga.',
    'Förslaget kräver inga nya tjänster, bara ett annat arbetssätt.',
    'Flera kommuner i regionen har liknande behov.',
    'Vi räknar med att minska kostnaderna redan första året.',
    'Målgruppen har varit med och formulerat problemet.',
    'Uppföljningen görs uppdelat på kön och ålder.',
  ],
  plan: 'Test i sex månader med två enheter, uppföljning varje månad och en slutrapport till idérådet.',
  result: 'Testet visade kortare väntetider och nöjdare brukare; kostnaden blev lägre än beräknat.',
  evaluation: 'Arbetssättet fungerar och rekommenderas för liknande enheter, med en utbildningsinsats först.',
  notes: [
    'Spännande, koppla ihop med liknande försök.',
    'Beviljas för test under hösten.',
    'Testperioden är slut.',
    'Breddas till fler enheter.',
    'Väntar på budget.',
    'Ligger utanför uppdraget.',
  ],
  headings: ['## Bakgrund', '## Så här vill vi göra', '## Kostnader', '### Nästa steg'],
  table: ['| Månad | Aktivitet | Kostnad (kr) |', ['Planering', 'Uppstart', 'Test', 'Uppföljning', 'Rapport']],
  more: ['Läs mer', 'Se rapporten'],
  tags: [
    'hemtjänst',
    'digitalisering',
    'skola',
    'klimat',
    'trygghet',
    'äldre',
    'unga',
    'landsbygd',
    'kultur',
    'arbetsmiljö',
  ],
};
const EN = {
  subjects: [
    'Bike loans',
    'Digital night checks',
    'Less food waste',
    'Homework help online',
    'Safety walks',
    'Solar panels on roofs',
    'A mobile library',
    'Language support for new staff',
    'Shared cars',
    'Coffee against loneliness',
    'Digital keys',
    'Summer jobs with a mentor',
    'Reused furniture',
    'Text reminders',
    'Green schoolyards',
  ],
  targets: [
    'in home care',
    'at the library',
    'in school kitchens',
    'for older people',
    'in rural areas',
    'for young adults',
    'in preschool',
    'in care homes',
    'for newcomers',
    'at the health centre',
  ],
  sentences: [
    'Today this takes long and costs more than it needs to.',
    'The people it serves have asked for something simpler.',
    'The idea has been tried on a small scale with good results.',
    'Staff spend much time on journeys that could be avoided.',
    'We want a time-limited test with careful follow-up.',
    'It needs no new posts, only a different way of working.',
    'Several municipalities in the region have the same need.',
    'We expect lower costs within the first year.',
  ],
  plan: 'A six-month test in two units, with monthly follow-up and a final report to the council.',
  result: 'The test gave shorter waiting times and happier users; it cost less than planned.',
  evaluation: 'The way of working holds up and is recommended for similar units, after some training.',
  notes: [
    'Promising; connect it with similar trials.',
    'Granted for a test this autumn.',
    'The test period is over.',
    'Spread to more units.',
    'Waiting for a budget.',
    'Outside our remit.',
  ],
  headings: ['## Background', '## How we would do it', '## Costs', '### Next steps'],
  table: ['| Month | Activity | Cost (SEK) |', ['Planning', 'Start', 'Test', 'Follow-up', 'Report']],
  more: ['Read more', 'See the report'],
  tags: ['home-care', 'digital', 'school', 'climate', 'safety', 'elderly', 'youth', 'rural', 'culture'],
};
/**
 * An idea's text: its paragraphs, and now and then a heading, a list, a table of costs, a quote, a bold word or a link
 * (see the top of this file), each drawn from `t`.
 * @param {ReturnType<typeof rng>} t
 * @param {typeof SV} lang
 * @param {string[]} paragraphs
 */
function ideaText(t, lang, paragraphs) {
  const blocks = [...paragraphs];
  const at = () => t.int(1, blocks.length);
  if (t.next() < 0.06) {
    const i = t.int(0, blocks.length - 1);
    const words = (blocks[i] ?? '').split(' ');
    const k = t.int(0, words.length - 1);
    words[k] = `**${words[k]}**`;
    blocks[i] = words.join(' ');
  }
  if (t.next() < 0.07) {
    const address =
      t.next() < 0.7
        ? `<https://www.sundsvall.se/ideer/${t.int(100, 9999)}>`
        : `[${lang.more[1]}](https://example.org/report-${t.int(1, 99)}.pdf)`;
    blocks[blocks.length - 1] += ` ${lang.more[0]}: ${address}`;
  }
  if (t.next() < 0.15)
    blocks.splice(at(), 0, Array.from({ length: t.int(2, 4) }, () => `- ${t.pick(lang.sentences)}`).join('\n'));
  if (t.next() < 0.13) {
    const [head, activities] = lang.table;
    const rows = Array.from(
      { length: t.int(3, 5) },
      (_, n) => `| ${n + 1} | ${t.pick(activities)} | ${t.int(10, 90)} ${t.pick(['000', '500'])} |`,
    );
    blocks.splice(at(), 0, [head, '| --- | --- | ---: |', ...rows].join('\n'));
  }
  if (t.next() < 0.08) blocks.splice(at(), 0, `> ${t.pick(lang.sentences)}`);
  if (t.next() < 0.15) blocks.splice(t.int(0, blocks.length - 1), 0, t.pick(lang.headings));
  return blocks;
}

const PEOPLE = [
  'Anna Berg',
  'Johan Ek',
  'Sara Nyberg',
  'Eva Holm',
  'Mikael Lund',
  'Fatima Ali',
  'Lina Åberg',
  'Oskar Nilsson',
  'Karin Sjöberg',
  'Ahmed Hassan',
  'Maria Öst',
  'Per Strand',
  'Elin Björk',
  'Nils Vik',
];
const UNITS = [
  'Vård- och omsorgsförvaltningen',
  'Barn- och utbildningsförvaltningen',
  'Kultur- och fritidsförvaltningen',
  'Stadsbyggnadskontoret',
  'Individ- och arbetsmarknadsförvaltningen',
  'Servicecenter',
];
const CHALLENGES = ['valfard', 'klimat', 'trygghet', 'kompetensforsorjning', 'landsbygd'];
const PLANTS = [
  'missing-criterion',
  'bad-date',
  'unknown-challenge',
  'duplicate-key',
  'unclosed',
  'file-name',
  'duplicate-id',
];

/** @param {string} text */
function slug(text) {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

/** @param {unknown} v YAML for a value: plain when safe, otherwise double-quoted as JSON (a subset of YAML). */
function yaml(v) {
  if (typeof v === 'boolean' || typeof v === 'number') return String(v);
  if (Array.isArray(v)) return `[${v.map(yaml).join(', ')}]`;
  const s = String(v);
  return /^[\p{L}][\p{L}\p{N} .,'()-]*$/u.test(s) || /^\d{4}-\d{2}-\d{2}$/.test(s) ? s : JSON.stringify(s);
}

/** @param {Date} d */
const day = (d) => d.toISOString().slice(0, 10);

/** @param {string} s A string in single quotes, as people write them. */
const singleQuoted = (s) => `'${s.replaceAll("'", "''")}'`;

/**
 * YAML for a scalar inside a flow collection: plain when it is plain-safe there (no commas, brackets or colons),
 * otherwise double-quoted.
 * @param {unknown} v
 */
function flowScalar(v) {
  const out = yaml(v);
  return typeof v === 'string' && /[,[\]{}:#]/.test(out) && !out.startsWith('"') ? JSON.stringify(v) : out;
}

/**
 * The lines of a multi-line text as a block scalar under a key written `key:` at `indent`: literal with the chomping
 * the yaml library (and so `ideas new`) chooses, or folded (`>-`) as people fold long lines, wrapped at 60 columns.
 * @param {string} text @param {number} indent @param {boolean} folded @returns {[string, string[]]} header, lines
 */
function blockScalar(text, indent, folded) {
  const pad = ' '.repeat(indent + 2);
  if (folded && !text.endsWith('\n')) {
    /** @type {string[]} */
    const lines = [];
    text.split('\n').forEach((paragraph, n) => {
      if (n > 0) lines.push('');
      let line = '';
      for (const word of paragraph.split(' ')) {
        if (line && line.length + word.length + 1 > 60) {
          lines.push(pad + line);
          line = word;
        } else line = line ? `${line} ${word}` : word;
      }
      lines.push(pad + line);
    });
    return ['>-', lines];
  }
  const trailing = /\n*$/.exec(text)?.[0].length ?? 0;
  const header = trailing === 0 ? '|-' : trailing === 1 ? '|' : '|+';
  const content = text.slice(0, text.length - trailing).split('\n');
  return [header, [...content.map((l) => (l ? pad + l : '')), ...Array(Math.max(0, trailing - 1)).fill('')]];
}

/**
 * A line of YAML wrapped at 80 columns at its spaces, the lines after the first indented by `indent`, as PyYAML and
 * other writers wrap a long plain or quoted text: YAML folds each break back into one space. A line with two spaces
 * together is left whole, since folding would make them one.
 * @param {string} line @param {number} indent @returns {string[]}
 */
function wrap(line, indent) {
  const lead = line.length - line.trimStart().length;
  const [first = '', ...words] = line.slice(lead).split(' ');
  if (line.length <= 80 || words.includes('')) return [line];
  const out = [];
  let current = line.slice(0, lead) + first;
  for (const word of words) {
    if (!current.endsWith(':') && current.length + word.length + 1 > 80) {
      out.push(current);
      current = ' '.repeat(indent) + word;
    } else current = `${current} ${word}`;
  }
  out.push(current);
  return out;
}

/**
 * A multi-line text as PyYAML writes it: in single quotes, each line feed an empty line, long lines wrapped at 80
 * columns, the lines after the first indented by `indent`.
 * @param {string} start the line's start (`key: `) @param {string} text @param {number} indent @returns {string[]}
 */
function pyQuoted(start, text, indent) {
  const pad = ' '.repeat(indent);
  const [first = '', ...rest] = text.replaceAll("'", "''").split('\n');
  const lines = wrap(`${start}'${first}`, indent);
  for (const paragraph of rest) {
    lines.push('');
    if (paragraph) lines.push(...wrap(pad + paragraph, indent));
  }
  if (text.endsWith('\n')) lines.push(`${pad}'`);
  else lines.push(`${lines.pop()}'`);
  return lines;
}

/**
 * Writes a registry of `size` ideas into `dir` (replacing it) and returns what it planted.
 * @param {{ size: number, seed?: number, dir: string, errorRate?: number }} opts
 */
export function generateRegistry({ size, seed = 1, dir, errorRate = 0.02 }) {
  const r = rng(seed * 1_000_003 + size);
  // How each file is written, drawn apart from what it holds (so the ideas are those of a registry in one style).
  const w = rng(seed * 7_000_003 + size + 17);
  // And what its text holds besides paragraphs, from a third.
  const t = rng(seed * 11_000_003 + size + 29);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(path.join(EXAMPLE, 'ideas.config.yaml'), path.join(dir, 'ideas.config.yaml'));
  cpSync(path.join(EXAMPLE, 'criteria'), path.join(dir, 'criteria'), { recursive: true });
  for (const s of STAGES) mkdirSync(path.join(dir, 'ideas', s.folder), { recursive: true });

  // Which files get an error: a fixed share, spread by the seed.
  const plantCount = Math.round(size * errorRate);
  const order = Array.from({ length: size }, (_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(r.next() * (i + 1));
    [order[i], order[j]] = [/** @type {number} */ (order[j]), /** @type {number} */ (order[i])];
  }
  /** @type {Map<number, string>} */
  const plantAt = new Map(
    order.slice(0, plantCount).map((index, n) => [index, PLANTS[n % PLANTS.length] ?? 'bad-date']),
  );

  const totalWeight = STAGES.reduce((n, s) => n + s.weight, 0);
  const taken = new Set();
  /** @type {string[]} */
  const ids = [];
  /** @type {{ path: string, stage: string, planted: string | null }[]} */
  const files = [];
  const start = Date.UTC(2023, 0, 1);
  for (let i = 0; i < size; i++) {
    let roll = r.next() * totalWeight;
    const stage = STAGES.find((s) => (roll -= s.weight) < 0) ?? STAGES[0];
    if (!stage) throw new Error('no stages');
    const lang = r.next() < 0.75 ? SV : EN;
    let id;
    do id = `sund-${Array.from({ length: 6 }, () => ID_ALPHABET[r.int(0, 31)]).join('')}`;
    while (taken.has(id));
    taken.add(id);
    let planted = plantAt.get(i) ?? null;
    const hasCriteria = ['refinement', 'test', 'evaluation', 'spread'].includes(stage.key);
    if ((planted === 'duplicate-id' && ids.length === 0) || (planted === 'missing-criterion' && !hasCriteria))
      planted = 'bad-date';
    if (planted === 'duplicate-id') id = r.pick(ids);
    else ids.push(id);

    const title = `${r.pick(lang.subjects)} ${r.pick(lang.targets)}`;
    let date = new Date(start + r.int(0, 1000) * 86_400_000);
    const created = day(date);
    /** @type {Record<string, unknown>} */
    const fields = { id, title, created };
    const reached = stage.path.length === 0 ? 0 : ORDER.indexOf(stage.path[stage.path.length - 1] ?? '');
    const level = stage.key === 'parked' ? 1 : stage.key === 'rejected' ? 0 : Math.max(reached, 0);
    fields.carrier = r.pick(PEOPLE);
    if (level >= 1 || r.next() < 0.4) fields.coach = r.pick(PEOPLE);
    if (level >= 1 || r.next() < 0.6) fields.unit = r.pick(UNITS);
    if (level >= 1 || r.next() < 0.7) fields.challenge = r.pick(CHALLENGES);
    fields.tags = [...new Set([r.pick(lang.tags), r.pick(lang.tags)])];
    // How this file is written: multi-line texts as block scalars, comments, a hand-edited style, wrapped as PyYAML does.
    const style = {
      block: w.next() < 0.13,
      comments: w.next() < 0.1,
      hand: w.next() < 0.15,
      folded: w.next() < 0.2,
      wrapped: w.next() < 0.1,
      pyflow: w.next() < 0.05,
      quotedKeys: w.next() < 0.03,
      // As PyYAML writes a date object used twice (created, and the first history entry's date): an anchor and an alias.
      anchors: w.next() < 0.6,
    };
    /** @param {string} key */
    const k = (key) => (style.quotedKeys ? JSON.stringify(key) : key);
    /** @param {number} n */
    const texts = (n) =>
      Array.from({ length: n }, () => Array.from({ length: w.int(1, 3) }, () => w.pick(lang.sentences)).join(' '));
    if (style.block) {
      const text = texts(w.int(2, 3)).join(w.next() < 0.5 ? '\n\n' : '\n');
      fields.public_summary = text + ['', '', '\n', '\n\n'][w.int(0, 3)];
    }
    if (level >= 2) {
      fields.test_plan = lang.plan;
      if (style.block && w.next() < 0.5) fields.test_plan = `${lang.plan}\n${texts(1)[0]}`;
      fields.manager_support = true;
      if (r.next() < 0.6) fields.equality_impact = lang.sentences[r.int(0, lang.sentences.length - 1)];
    }
    if (level >= 3) fields.test_result = lang.result;
    if (level >= 4) {
      fields.evaluation = lang.evaluation;
      fields.spread_to = ['Timrå kommun', 'Härnösands kommun'].slice(0, r.int(1, 2));
    }

    /** @type {Record<string, unknown>[]} */
    const history = [{ date: created, action: 'created', to: 'idea' }];
    let from = 'idea';
    for (const to of stage.path) {
      date = new Date(date.getTime() + r.int(7, 120) * 86_400_000);
      /** @type {Record<string, unknown>} */
      const entry = { date: day(date), action: 'moved', from, to, by: r.next() < 0.7 ? 'Idérådet' : r.pick(PEOPLE) };
      entry.decision = to === 'rejected' ? 'reject' : to === 'parked' ? 'park' : 'approve';
      if (to === 'test') entry.amount = r.int(2, 30) * 10_000;
      entry.note = r.pick(lang.notes);
      if (style.block && w.next() < 0.3) entry.note = `${entry.note}\n${texts(1)[0]}`;
      history.push(entry);
      from = to;
    }
    if (fields.coach && r.next() < 0.3)
      history.push({
        date: day(new Date(date.getTime() + 86_400_000)),
        action: 'assigned',
        field: 'coach',
        new: fields.coach,
        by: 'Samordnaren',
      });
    fields.history = history;

    let name = `${id}-${slug(title) || 'ide'}.md`;
    /** @type {string[]} */
    const extraLines = [];
    let close = true;
    switch (planted) {
      case 'missing-criterion':
        delete fields.coach;
        break;
      case 'bad-date':
        fields.created = `${r.int(1, 28)} mars ${r.int(2023, 2026)}`;
        break;
      case 'unknown-challenge':
        fields.challenge = 'rymden';
        break;
      case 'duplicate-key':
        extraLines.push(`title: ${yaml(title)}`);
        break;
      case 'unclosed':
        close = false;
        break;
      case 'file-name':
        // Numbered: two such files of the same title would otherwise be one.
        name = `sund-zzzzzz-${slug(title)}-${i}.md`;
        break;
      default:
        break;
    }
    const lines = ['---'];
    if (style.comments)
      lines.push(w.pick(['# Inskickad via formuläret', '# Submitted through the form', '# TODO: kolla enheten']));
    // A hand-edited file: quoted strings here and there, the history's indentation, one entry as a flow mapping.
    const itemIndent = style.hand ? w.pick([0, 2, 4]) : 2;
    const flowEntry = style.hand && w.next() < 0.5 ? w.int(0, 3) : -1;
    const commentAfter = style.comments ? w.pick(['unit', 'challenge', 'carrier', 'tags', 'created']) : '';
    /** @param {string} key @param {unknown} value @param {number} indent @returns {string[]} */
    const entryLines = (key, value, indent) => {
      const pad = ' '.repeat(indent);
      if (typeof value === 'string' && value.includes('\n')) {
        if (style.wrapped) return pyQuoted(`${pad}${k(key)}: `, value, indent + 2);
        const [header, content] = blockScalar(value, indent, style.folded && !value.endsWith('\n'));
        return [`${pad}${k(key)}: ${header}`, ...content];
      }
      let out = yaml(value);
      if (style.hand && typeof value === 'string' && !out.startsWith('"') && w.next() < 0.3)
        out = w.next() < 0.5 ? JSON.stringify(value) : singleQuoted(value);
      if (style.hand && Array.isArray(value) && w.next() < 0.3)
        return [`${pad}${k(key)}:`, ...value.map((v) => `${pad}  - ${yaml(v)}`)];
      const written = [`${pad}${k(key)}: ${out}`];
      if (style.wrapped && typeof value === 'string') written.splice(0, 1, ...wrap(written[0] ?? '', indent + 2));
      if (key === commentAfter) written.push(`${written.pop()}  # ändrad efter mötet`);
      return written;
    };
    const anchored = style.wrapped && style.anchors && fields.created === history[0]?.date;
    for (const [key, value] of Object.entries(fields)) {
      if (key === 'created' && anchored) {
        lines.push(`${k(key)}: &id001 ${yaml(value)}`);
        continue;
      }
      if (key !== 'history') {
        lines.push(...entryLines(key, value, 0));
        continue;
      }
      lines.push(`${k('history')}:`);
      /** @type {Record<string, unknown>[]} */ (value).forEach((entry, e) => {
        if (style.comments && e === 1) lines.push(`${' '.repeat(itemIndent + 2)}# beslut i idérådet`);
        const dash = `${' '.repeat(itemIndent)}- `;
        const oneLine = Object.values(entry).every((v) => typeof v !== 'string' || !v.includes('\n'));
        if ((e === flowEntry || style.pyflow) && oneLine) {
          const pairs = Object.entries(entry).map(
            ([key, v]) => `${k(key)}: ${anchored && e === 0 && key === 'date' ? '*id001' : flowScalar(v)}`,
          );
          // PyYAML's flow style: no spaces inside the braces, wrapped at 80 columns below the dash.
          if (style.pyflow) lines.push(...wrap(`${dash}{${pairs.join(', ')}}`, itemIndent + 2));
          else lines.push(`${dash}{ ${pairs.join(', ')} }`);
          return;
        }
        Object.entries(entry).forEach(([key, v], n) => {
          const [first = '', ...rest] =
            anchored && e === 0 && key === 'date'
              ? [`${' '.repeat(itemIndent + 2)}${k(key)}: *id001`]
              : entryLines(key, v, itemIndent + 2);
          lines.push(n === 0 ? dash + first.trimStart() : first, ...rest);
        });
      });
    }
    lines.push(...extraLines);
    if (close) lines.push('---');
    const paragraphs = Array.from({ length: r.int(2, 5) }, () =>
      Array.from({ length: r.int(2, 4) }, () => r.pick(lang.sentences)).join(' '),
    );
    const rel = `ideas/${stage.folder}/${name}`;
    const file = `${lines.join('\n')}\n\n${ideaText(t, lang, paragraphs).join('\n\n')}\n`;
    writeFileSync(path.join(dir, rel), t.next() < 0.02 ? file.replaceAll('\n', '\r\n') : file);
    files.push({ path: rel, stage: stage.key, planted });
  }
  const manifest = {
    generator: GENERATOR_VERSION,
    size,
    seed,
    errorRate,
    planted: files.filter((f) => f.planted).length,
    files,
  };
  writeFileSync(path.join(dir, 'bench-manifest.json'), `${JSON.stringify(manifest, null, 1)}\n`);
  return manifest;
}

/**
 * The registry of this size and seed in bench/data, generated unless it is there already from the same generator.
 * @param {{ size: number, seed?: number }} opts
 */
export function registryFor({ size, seed = 1 }) {
  const dir = path.join(DATA_DIR, `registry-${size}-seed${seed}`);
  const manifestFile = path.join(dir, 'bench-manifest.json');
  if (existsSync(manifestFile)) {
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
    if (manifest.generator === GENERATOR_VERSION && manifest.size === size && manifest.seed === seed)
      return { dir, manifest: { ...manifest, idPrefix: 'sund' } };
  }
  return { dir, manifest: { ...generateRegistry({ size, seed, dir }), idPrefix: 'sund' } };
}

/**
 * A registry made elsewhere (by another generator, or a municipality's own), as registryFor gives one: its folder and
 * its idea files, each with its stage, found from its config; none is known to hold a planted error.
 * @param {string} dir
 */
export function ownRegistry(dir) {
  const config = /** @type {{ ideasDir?: string, idPrefix?: string, stages?: { key: string, folder: string }[] }} */ (
    parseYaml(readFileSync(path.join(dir, 'ideas.config.yaml'), 'utf8'))
  );
  const ideasDir = config.ideasDir ?? 'ideas';
  /** @type {{ path: string, stage: string, planted: null }[]} */
  const files = [];
  for (const stage of config.stages ?? []) {
    const folder = path.join(dir, ideasDir, stage.folder);
    if (!existsSync(folder)) continue;
    for (const name of readdirSync(folder).sort()) {
      if (name.endsWith('.md') && !name.startsWith('.'))
        files.push({ path: [ideasDir, stage.folder, name].join('/'), stage: stage.key, planted: null });
    }
  }
  return { dir, manifest: { size: files.length, files, idPrefix: config.idPrefix ?? 'idea' } };
}

/** Backlog.md's statuses for the stages: the sluice's open stages are work in progress, the closed ones done. */
const BACKLOG_STATUS = {
  idea: 'To Do',
  refinement: 'In Progress',
  test: 'In Progress',
  evaluation: 'In Progress',
  spread: 'Done',
  parked: 'Done',
  rejected: 'Done',
};

/**
 * The same ideas as Backlog.md tasks, in the format `backlog init` and `backlog task create` write (1.52): the config
 * in backlog/config.yml and one file per task, `backlog/tasks/task-<n> - <Title-with-dashes>.md`, with YAML front
 * matter and the description between section markers. One task for every idea file, the planted errors' files too
 * (as well-formed tasks: the comparison is of listing, not of checking).
 * @param {{ dir: string, files: { path: string, stage: string, planted: string | null }[], source: string }} opts
 */
export function generateBacklogProject({ dir, files, source }) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, 'backlog', 'tasks'), { recursive: true });
  mkdirSync(path.join(dir, 'backlog', 'drafts'), { recursive: true });
  writeFileSync(
    path.join(dir, 'backlog', 'config.yml'),
    [
      'project_name: "bench"',
      'default_status: "To Do"',
      'statuses: ["To Do", "In Progress", "Done"]',
      'labels: []',
      'date_format: yyyy-mm-dd',
      'max_column_width: 20',
      'auto_open_browser: false',
      'default_port: 6420',
      'remote_operations: false',
      'auto_commit: false',
      'filesystem_only: false',
      'bypass_git_hooks: false',
      'check_active_branches: false',
      'active_branch_days: 30',
      'task_prefix: "task"',
      '',
    ].join('\n'),
  );
  let n = 0;
  for (const f of files) {
    const text = readFileSync(path.join(source, f.path), 'utf8');
    const end = text.indexOf('\n---\n', 4);
    const head = end < 0 ? text : text.slice(4, end);
    const body = end < 0 ? '' : text.slice(end + 5).trim();
    // Read as YAML, whichever writer wrote it; a file with a planted error gives what a line of it says.
    /** @type {Record<string, unknown>} */
    let data = {};
    try {
      const parsed = parseYaml(head);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) data = parsed;
    } catch {
      data = {};
    }
    /** @param {string} key */
    const field = (key) => {
      const value = data[key];
      if (typeof value === 'string' || typeof value === 'number') return String(value);
      return new RegExp(`^"?${key}"?: (.*)$`, 'm').exec(head)?.[1]?.replace(/^["']|["']$/g, '') ?? '';
    };
    const title = field('title');
    const labels = Array.isArray(data.tags)
      ? data.tags.filter((t) => typeof t === 'string' && t !== '')
      : field('tags')
          .replace(/^\[|\]$/g, '')
          .split(', ')
          .filter(Boolean);
    n++;
    const lines = [
      '---',
      `id: TASK-${n}`,
      `title: ${JSON.stringify(title)}`,
      `status: ${BACKLOG_STATUS[/** @type {keyof typeof BACKLOG_STATUS} */ (f.stage)] ?? 'To Do'}`,
      'assignee:',
      `  - '@${slug(field('carrier'))}'`,
      `created_date: '${field('created')} 09:00'`,
      'labels:',
      ...labels.map((l) => `  - ${l}`),
      'dependencies: []',
      `ordinal: ${n * 1000}`,
      '---',
      '',
      '## Description',
      '',
      '<!-- SECTION:DESCRIPTION:BEGIN -->',
      body,
      '<!-- SECTION:DESCRIPTION:END -->',
      '',
    ];
    const name = `task-${n} - ${title.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '')}.md`;
    writeFileSync(path.join(dir, 'backlog', 'tasks', name), lines.join('\n'));
  }
  return { tasks: n };
}

function main() {
  const args = process.argv.slice(2);
  let seed = 1;
  let out = DATA_DIR;
  /** @type {number[]} */
  const sizes = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--seed') seed = Number(args[++i]);
    else if (a === '--out') out = path.resolve(args[++i] ?? '.');
    else if (/^\d+$/.test(a ?? '')) sizes.push(Number(a));
    else {
      console.error(`usage: node bench/generate.js [--seed n] [--out dir] <size>...  (unknown argument ${a})`);
      process.exitCode = 2;
      return;
    }
  }
  if (sizes.length === 0 || !Number.isInteger(seed)) {
    console.error('usage: node bench/generate.js [--seed n] [--out dir] <size>...');
    process.exitCode = 2;
    return;
  }
  for (const size of sizes) {
    const dir = path.join(out, `registry-${size}-seed${seed}`);
    const m = generateRegistry({ size, seed, dir });
    console.log(`${dir}: ${m.size} ideas, ${m.planted} with a planted error`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();

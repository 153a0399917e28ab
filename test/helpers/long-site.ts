/**
 * examples/sundsvall with what makes a page wider than a phone: long titles, words and addresses without a break,
 * tables in idea texts, long field values, and a stage with many criteria with long names. For the reflow tests of
 * the site (WCAG 2.1 SC 1.4.10): every page must fit 320 CSS pixels without scrolling sideways.
 */
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './cli.js';
import { writeFile } from './registry.js';
import { makeTempDir } from './temp-repo.js';

const WORD = 'Tillgänglighetsanpassningsutredningsarbetsgruppsmötesprotokollsförteckningsgranskningsrapportsunderlag';
const URL_ = `https://www.example.org/kommun/forvaltningar/samhallsbyggnad/projekt/${'a'.repeat(60)}/dokument/slutrapport-2026.pdf`;
const ROW = (n: number) =>
  `| ${n} | ${WORD} | Vård- och omsorgsförvaltningen | 1 250 000 kr | ${URL_} | pågår | Sundsvall, Timrå, Ånge | ${'x'.repeat(40)} |`;
const TABLE = [
  '| Nr | Arbetsgrupp | Förvaltning | Budget | Underlag | Läge | Kommuner | Kod |',
  '|---|---|---|---|---|---|---|---|',
  ROW(1),
  ROW(2),
].join('\n');

/** The ids of the ideas added, each a page of its own. */
export const LONG_IDS = ['sund-long01', 'sund-long02', 'sund-long03'];

function idea(id: string, folder: string, stage: string, fields: string[], body: string): [string, string] {
  return [
    `ideas/${folder}/${id}-lang.md`,
    [
      '---',
      `id: ${id}`,
      ...fields,
      'created: 2026-10-01',
      'history:',
      '  - date: 2026-10-01',
      '    action: created',
      `    to: ${stage}`,
      '---',
      '',
      body,
      '',
    ].join('\n'),
  ];
}

/** Many criteria, with long names, for the gate to refinement: each shown as met, not met or not given. */
function manyCriteria(schema: Record<string, unknown>): Record<string, unknown> {
  const props = { ...(schema.properties as Record<string, unknown>) };
  for (let i = 1; i <= 14; i++) {
    props[`detail_${i}`] = {
      type: 'string',
      'x-public': true,
      minLength: 3,
      'x-title': {
        sv: `Beskrivning av förväntade effekter för målgrupp nummer ${i} och ${WORD}`,
        en: `Expected effects for target group ${i} and ${WORD}`,
      },
    };
  }
  return { ...schema, properties: props };
}

export function longSiteRegistry(): string {
  const dir = makeTempDir('ideas-site-long-');
  fs.cpSync(path.join(REPO_ROOT, 'examples', 'sundsvall'), dir, { recursive: true });
  for (const stage of ['idea', 'refinement']) {
    const file = path.join(dir, 'criteria', `${stage}.schema.json`);
    const schema = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
    fs.writeFileSync(file, JSON.stringify(manyCriteria(schema), null, 2));
  }
  const ideas = [
    idea(
      LONG_IDS[0] ?? '',
      '01-ide',
      'idea',
      [
        `title: ${WORD} ${WORD} och en mycket lång titel som fortsätter över flera rader på en smal skärm`,
        `unit: ${WORD}`,
        'challenge: klimat',
        `tags: [${WORD}, kort, ${'b'.repeat(70)}]`,
        `detail_1: ${WORD}${WORD}`,
        'detail_2: ""',
        `detail_3: ${URL_}`,
      ],
      [
        `# ${WORD}`,
        '',
        `Ett ord utan brytpunkt: ${WORD}${WORD}. En adress: ${URL_} och en länk [${URL_}](${URL_}).`,
        '',
        TABLE,
        '',
        '```',
        `const ${WORD} = "${URL_}"; // ${'y'.repeat(120)}`,
        '```',
        '',
        `> ${WORD}${WORD}`,
        '',
        `- ${WORD}${WORD}`,
        `- \`${'z'.repeat(150)}\``,
      ].join('\n'),
    ),
    idea(
      LONG_IDS[1] ?? '',
      '02-foradling',
      'refinement',
      [
        `title: ${'Ö'.repeat(180)}`,
        `unit: ${URL_}`,
        'challenge: klimat',
        `detail_4: ${WORD}`,
        `detail_5: ${'w'.repeat(200)}`,
      ],
      TABLE,
    ),
    idea(LONG_IDS[2] ?? '', '01-ide', 'idea', ['title: Kort'], ''),
  ];
  for (const [rel, text] of ideas) writeFile(dir, rel, text);
  return dir;
}

// @ts-check
/**
 * The naive baseline of the benchmark: the script a user could write in an afternoon instead of `ideas validate`.
 * It reads the config with js-yaml, compiles the base idea schema and each stage's criteria with ajv, then reads
 * every idea file, parses it with gray-matter (which splits the front matter and hands it to js-yaml) and checks its
 * fields against the base schema and its stage's criteria. It prints how many files it read and how many failed. No
 * cache, no positions, no safety: `ideas validate` must be faster than this, or the way it reads an idea is not
 * worth having.
 *
 * gray-matter's default engine is js-yaml's default schema, which makes a Date of every date, so that every idea
 * fails its schema (and ajv spends its time describing that). The first thing the user would change is to give
 * gray-matter js-yaml's JSON schema, under which dates stay text: that script is the baseline, and the faster one.
 *
 *   cd bench/data/registry-10000-seed1 && node ../../naive-validate.js
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import matter from 'gray-matter';
import yaml from 'js-yaml';

const root = path.resolve('.');
const schemas = fileURLToPath(new URL('../schemas/', import.meta.url));
const config = /** @type {{ ideasDir?: string, stages: { folder: string, criteria: string }[] }} */ (
  yaml.load(readFileSync(path.join(root, 'ideas.config.yaml'), 'utf8'))
);
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats.default(ajv);
const base = ajv.compile(JSON.parse(readFileSync(path.join(schemas, 'idea.schema.json'), 'utf8')));
const criteria = new Map(
  config.stages.map((s) => [s.folder, ajv.compile(JSON.parse(readFileSync(path.join(root, s.criteria), 'utf8')))]),
);

/** @param {string} text */
const readYaml = (text) => /** @type {object} */ (yaml.load(text, { schema: yaml.JSON_SCHEMA }));

let files = 0;
let failed = 0;
for (const [folder, check] of criteria) {
  const dir = path.join(root, config.ideasDir ?? 'ideas', folder);
  for (const name of readdirSync(dir)) {
    if (!name.endsWith('.md')) continue;
    files++;
    try {
      const { data } = matter(readFileSync(path.join(dir, name), 'utf8'), { engines: { yaml: readYaml } });
      if (!base(data) || !check(data)) failed++;
    } catch {
      failed++;
    }
  }
}
process.stdout.write(`${JSON.stringify({ files, failed })}\n`);

/** The commands that check a registry or a change to it: validate, diff, schema. */
import type { Finding } from '../../core/finding.js';
import type { Localized } from '../../core/i18n/i18n.js';
import { type Lang } from '../../core/i18n/i18n.js';
import type { RegistryRef, Stage } from '../../core/sluice/config.js';
import { ideaDiffDocument, jsonSchemaFile, regionSchemaDocument, schemaDocument, validationDocument } from '../dto.js';
import { renderDiffMarkdown, renderDiffText, type DiffView } from '../render-diff.js';
import { prettyLines, renderValidationGithub, renderValidationJunit } from '../render-validation.js';
import { EXIT, jsonText, output, type Output, type View } from '../output.js';
import { githubNearbyNotices, markdownNearby, renderAddedNearby, type AddedNearbyView } from './region-similar.js';

export type ValidateFormat = 'pretty' | 'json' | 'github' | 'junit';

export interface ValidateView {
  registry: RegistryRef;
  lang: Lang;
  files: number;
  findings: Finding[];
  errors: number;
  warnings: number;
  strict: boolean;
  ok: boolean;
  total: number;
  checked: { path: string; stage: string | null }[];
  changed: { base: string; ref: string | null; config: boolean; criteria: { key: string; label: Localized }[] } | null;
}

export function presentValidate(r: ValidateView, format: ValidateFormat, v: View): Output {
  const o = output();
  if (format === 'json') o.out(jsonText(validationDocument(r.registry, r.files, r.findings, r.ok, r)));
  else if (format === 'junit')
    o.out(renderValidationJunit(r, `ideas validate: ${r.registry.config.name}`, r.registry.root, v.cwd));
  else if (format === 'github') o.out(renderValidationGithub(r, r.registry.root, v.cwd));
  // A line at a time, made as it is written (see prettyLines).
  else o.out(prettyLines(r, r.lang, v.out));
  return o.done(r.ok ? EXIT.ok : EXIT.problems);
}

export type DiffFormat = 'text' | 'md' | 'json' | 'github' | 'junit';

export function presentDiff(
  r: DiffView & { regionSimilar?: readonly AddedNearbyView[] },
  format: DiffFormat,
  v: View,
): Output {
  const o = output();
  const d = r.diff;
  const errors = d.findings.filter((f) => f.severity === 'error').length;
  const nearby = r.regionSimilar ?? [];
  if (format === 'json') o.out(jsonText(ideaDiffDocument({ ...r, regionSimilar: nearby })));
  else if (format === 'junit') {
    // A test case per idea the change touched, a failure per broken rule.
    const touched = new Map<string, string | null>();
    for (const x of [
      ...d.added,
      ...d.moved.map((m) => ({ path: m.path, stage: m.to })),
      ...d.changed,
      ...d.decisions,
    ]) {
      touched.set(x.path, 'stage' in x ? x.stage.key : (touched.get(x.path) ?? null));
    }
    const view = {
      files: touched.size,
      findings: d.findings,
      errors,
      warnings: d.findings.length - errors,
      strict: false,
      checked: [...touched].map(([p, stage]) => ({ path: p, stage })),
    };
    o.out(renderValidationJunit(view, `ideas diff: ${r.registry.config.name}`, r.registry.root, v.cwd));
  } else if (format === 'github') {
    const view = { files: 0, findings: d.findings, errors, warnings: d.findings.length - errors };
    o.out(renderValidationGithub(view, r.registry.root, v.cwd));
    o.out(githubNearbyNotices(nearby, r.lang, r.registry.root, v.cwd));
  } else if (format === 'md') {
    // A pull request's comment is made of the Markdown: the notice is a section of it, not a line on stderr.
    const section = markdownNearby(nearby, r.lang);
    o.out(section === '' ? renderDiffMarkdown(r) : `${renderDiffMarkdown(r).trimEnd()}\n\n${section}`);
  } else o.out(renderDiffText(r, v.out, v.outWidth));
  // A notice, never an error: said on stderr beside the text view.
  if (format === 'text' && nearby.length > 0) o.err(`\n${renderAddedNearby(nearby, r.lang, v.err)}`);
  return o.done(r.ok ? EXIT.ok : EXIT.problems);
}

/** `ideas schema --region`: the region file's schema, or with --json the document that carries it. */
export function presentRegionSchema(r: { schema: Record<string, unknown> }, json: boolean): Output {
  const o = output();
  o.out(jsonText(json ? regionSchemaDocument(r.schema) : jsonSchemaFile(r.schema)));
  return o.done();
}

/** The JSON Schema as editors read it; with --json, inside a `schema` document like every other --json. */
export function presentSchema(
  r: { registry: RegistryRef; stage: Stage | null; lang: Lang; schema: Record<string, unknown> },
  json: boolean,
): Output {
  const o = output();
  o.out(jsonText(json ? schemaDocument(r.registry, r.stage, r.lang, r.schema) : jsonSchemaFile(r.schema)));
  return o.done();
}

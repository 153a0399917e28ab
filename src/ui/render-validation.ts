import path from 'node:path';
import type { ChalkInstance } from 'chalk';
import type { Finding } from '../core/finding.js';
import { type Lang, type Localized } from '../core/i18n/i18n.js';
import { t } from './words.js';
import { renderJunit, type JunitCase, type JunitFinding } from './render-junit.js';
import { terminalLine, terminalText } from '../core/terminal-text.js';

export interface ValidationView {
  files: number;
  findings: Finding[];
  errors: number;
  warnings: number;
  /** With --changed: the idea files in the registry, and what the run compared with. */
  total?: number;
  changed?: { base: string; ref: string | null; config: boolean; criteria: { label: Localized }[] } | null;
  /** --strict: warnings fail the run, and every format says so (GitHub's annotations as errors). */
  strict?: boolean;
}

/**
 * eslint's stylish layout: the file, then one line per finding with line:column, severity, message and rule. A line
 * at a time (each with its line break), made as it is written: tens of thousands of findings are never one text in
 * memory, which at 50,000 ideas (26,000 findings, 11 MB of text) was ~65 MB of the command's peak.
 */
export function* prettyLines(v: ValidationView, lang: Lang, c: ChalkInstance): Generator<string> {
  const { findings } = v;
  const indent = `  ${' '.repeat(7)} ${' '.repeat(7)}  `;
  const error = c.red(t(lang, 'severity.error').padEnd(7));
  const warning = c.yellow(t(lang, 'severity.warning').padEnd(7));
  const hints = hintsSaid(findings);
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i] as Finding;
    if (f.file !== findings[i - 1]?.file) {
      if (i > 0) yield '\n';
      yield `${c.underline(terminalLine(f.file))}\n`;
    }
    const where = `${f.line ?? 0}:${f.column ?? 0}`.padEnd(7);
    yield `  ${c.dim(where)} ${f.severity === 'error' ? error : warning}  ${terminalLine(f.message)}  ${c.dim(terminalLine(f.rule))}\n`;
    // A hint said once per file, after the last finding it goes with, with the commands of all of them together.
    const fixes = hints[i];
    if (!f.hint || !fixes) continue;
    yield `${indent}${c.dim(`→ ${terminalLine(f.hint)}`)}\n`;
    for (const fix of fixes) yield `${indent}    ${terminalLine(fix)}\n`;
  }
  if (findings.length > 0) yield '\n';
  const bad = new Set(v.findings.map((f) => f.file)).size;
  const ch = v.changed ?? null;
  const base = ch ? terminalLine(ch.ref ?? ch.base.slice(0, 7)) : '';
  if (ch?.config) yield `${c.dim(t(lang, 'out.changedConfig', { base }))}\n`;
  else if (ch && ch.criteria.length > 0)
    yield `${c.dim(
      t(lang, 'out.changedCriteria', {
        base,
        stages: ch.criteria.map((s) => terminalLine(s.label[lang])).join(', '),
      }),
    )}\n`;
  const counts = { files: v.files, total: v.total ?? v.files, base, errors: v.errors, warnings: v.warnings, bad };
  const summary =
    v.errors > 0 || v.warnings > 0
      ? v.errors > 0
        ? c.red(t(lang, ch ? 'out.invalidChanged' : 'out.invalid', counts))
        : c.yellow(t(lang, ch ? 'out.validWithWarningsChanged' : 'out.validWithWarnings', counts))
      : c.green(t(lang, ch ? 'out.validChanged' : 'out.valid', counts));
  yield `${summary}\n`;
  // Exit 1 with no error: the line that says why.
  if (v.strict && v.errors === 0 && v.warnings > 0) yield `${c.red(t(lang, 'out.strictWarnings'))}\n`;
}

/**
 * Where each file's hints are said: at the index of the last finding with the hint in that file, the commands of all
 * of them. Found in one pass, keyed by file and then by hint (asked of every finding, it made 3,000 findings cost 9
 * million comparisons; a key joining the two texts cost a third of the output's making at 10,000 files).
 */
function hintsSaid(findings: readonly Finding[]): (Set<string> | undefined)[] {
  const byFile = new Map<string, Map<string, { last: number; fixes: Set<string> }>>();
  let file: string | undefined;
  let ofFile: Map<string, { last: number; fixes: Set<string> }> | undefined;
  findings.forEach((f, i) => {
    if (!f.hint) return;
    if (!ofFile || f.file !== file) {
      file = f.file;
      ofFile = byFile.get(file);
      if (!ofFile) byFile.set(file, (ofFile = new Map()));
    }
    let entry = ofFile.get(f.hint);
    if (!entry) ofFile.set(f.hint, (entry = { last: i, fixes: new Set() }));
    entry.last = i;
    if (f.fix) entry.fixes.add(f.fix);
  });
  const said = new Array<Set<string> | undefined>(findings.length);
  for (const ofFile of byFile.values()) for (const { last, fixes } of ofFile.values()) said[last] = fixes;
  return said;
}

export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * GitHub Actions workflow commands (`::error file=…,line=…,col=…::message`), which show as annotations on the
 * changed lines. Paths are relative to the working directory, which is the repository root in a workflow.
 * GitHub's escaping keeps every value on its own command's line, so that text from an idea file cannot start
 * another command (`::add-mask::`, `::stop-commands::`); the log shows terminal escapes, so they are made visible.
 */
export function renderValidationGithub(v: ValidationView, registryRoot: string, cwd: string): string {
  return v.findings
    .map((f) => {
      const file = path.relative(cwd, path.join(registryRoot, f.file)).split(path.sep).join('/');
      // The path as it is, so that the annotation finds the file: its line breaks escaped as GitHub reads them back
      // (%0D, %0A), not flattened to a space; any other control character is made visible.
      const props = [`file=${terminalLine(escapeProperty(file))}`];
      if (f.line !== null) props.push(`line=${f.line}`);
      if (f.column !== null) props.push(`col=${f.column}`);
      props.push(`title=${escapeProperty(`ideas: ${terminalLine(f.rule)}`)}`);
      const message = terminalText(f.hint ? `${f.message} ${f.hint}` : f.message);
      // Under --strict a warning fails the step: an annotation that says error, as the step's red does.
      const kind = f.severity === 'error' || v.strict ? 'error' : 'warning';
      return `::${kind} ${props.join(',')}::${escapeData(message)}\n`;
    })
    .join('');
}

/**
 * JUnit XML: a test case per file checked, named by its path relative to the working directory (the repository
 * root in CI, as for --format github) and grouped by its folder: the same kind of thing for every case, an idea in
 * its stage's folder, a criteria file, the config, a file a finding names that was not read, alike.
 */
export function renderValidationJunit(
  v: ValidationView & { checked: { path: string; stage: string | null }[]; strict: boolean },
  suite: string,
  registryRoot: string,
  cwd: string,
): string {
  const shown = (file: string) => path.relative(cwd, path.join(registryRoot, file)).split(path.sep).join('/');
  const cases = new Map<string, JunitCase & { findings: JunitFinding[] }>();
  const add = (file: string) => {
    const name = shown(file);
    const existing = cases.get(file);
    if (existing) return existing;
    const made = { classname: path.posix.dirname(name), name, findings: [] };
    cases.set(file, made);
    return made;
  };
  for (const c of v.checked) add(c.path);
  // A duplicate id may be reported on a file that was not read (its id came from its name): it gets a case too.
  for (const f of v.findings) add(f.file).findings.push({ ...f, file: shown(f.file) });
  return renderJunit(suite, [...cases.values()], { warningsFail: v.strict });
}

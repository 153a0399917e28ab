/**
 * JUnit XML, the test report format that CI systems read (GitLab's test reports, Jenkins' JUnit plugin, Azure
 * Pipelines' PublishTestResults): one test suite, a test case per file checked, a `<failure>` per error finding.
 * Valid by Jenkins' junit-10.xsd (the tests check it), with one addition GitLab reads: `file` on each test case.
 * Warnings do not fail a case; they go to its `<system-out>`. Generic over findings, so that every command that
 * checks files (`ideas validate`, `ideas diff`) reports the same way.
 *
 * Everything in a finding may come from an untrusted idea file, so all text is escaped, and characters that XML 1.0
 * cannot hold at all (most control characters, lone surrogates) are written as visible `\uXXXX` escapes.
 */
import type { Finding } from '../core/finding.js';

/** A finding as every command reports it (`ideas validate`, `ideas diff`). */
export type JunitFinding = Finding;

export interface JunitCase {
  /** What CI systems group the cases by: here the stage, or the folder. */
  classname: string;
  /** The file's path. */
  name: string;
  findings: readonly JunitFinding[];
}

export interface JunitOptions {
  /** Warnings fail their case too, as under `--strict`. */
  warningsFail?: boolean;
}

// Not in XML 1.0's Char production, or discouraged there (DEL and the C1 controls), and the characters that make
// text read otherwise than it is where a CI server shows it (bidirectional marks, embeddings, overrides and isolates,
// line and paragraph separators, a byte order mark inside text): shown as escapes, never written raw.
const NOT_XML =
  /[^\t\n\r\u0020-\u007e\u00a0-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]|[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufeff]/gu;

function visible(s: string): string {
  return s.replace(NOT_XML, (ch) => `\\u${(ch.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`);
}

/** Text between tags. `>` is escaped too, so `]]>` can never appear. */
export function escapeXmlText(s: string): string {
  return visible(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

/** An attribute value in double quotes; line breaks and tabs as references, so that parsers keep them. */
export function escapeXmlAttribute(s: string): string {
  return escapeXmlText(s)
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\n/g, '&#10;')
    .replace(/\t/g, '&#9;');
}

/** `file:line:column`, with as much of the position as is known. */
function findingLocation(f: JunitFinding): string {
  return f.line === null ? f.file : f.column === null ? `${f.file}:${f.line}` : `${f.file}:${f.line}:${f.column}`;
}

function findingText(f: JunitFinding): string {
  return `${findingLocation(f)} ${f.rule}\n${f.message}${f.hint ? `\n${f.hint}` : ''}`;
}

export function renderJunit(suite: string, cases: readonly JunitCase[], opts: JunitOptions = {}): string {
  const fails = (f: JunitFinding) => f.severity === 'error' || opts.warningsFail === true;
  const failed = cases.filter((c) => c.findings.some(fails)).length;
  // `skipped` is the suite's alone: Jenkins' junit-10.xsd has no such attribute on <testsuites>.
  const counts = `tests="${cases.length}" failures="${failed}" errors="0"`;
  const name = escapeXmlAttribute(suite);
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${name}" ${counts}>`,
    `  <testsuite name="${name}" ${counts} skipped="0">`,
  ];
  for (const c of cases) {
    const open = `    <testcase classname="${escapeXmlAttribute(c.classname)}" name="${escapeXmlAttribute(c.name)}" file="${escapeXmlAttribute(c.name)}"`;
    if (c.findings.length === 0) {
      out.push(`${open}/>`);
      continue;
    }
    out.push(`${open}>`);
    for (const f of c.findings.filter(fails)) {
      out.push(
        `      <failure message="${escapeXmlAttribute(f.message)}" type="${escapeXmlAttribute(f.rule)}">${escapeXmlText(findingText(f))}</failure>`,
      );
    }
    const notes = c.findings.filter((f) => !fails(f));
    if (notes.length > 0) {
      const text = notes
        .map((f) => `${findingLocation(f)} ${f.severity} ${f.rule}: ${f.message}${f.hint ? ` (${f.hint})` : ''}`)
        .join('\n');
      out.push(`      <system-out>${escapeXmlText(text)}</system-out>`);
    }
    out.push('    </testcase>');
  }
  out.push('  </testsuite>', '</testsuites>');
  return `${out.join('\n')}\n`;
}

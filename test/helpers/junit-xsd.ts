/**
 * JUnit XML checked against the schema CI systems read it by: the Jenkins xunit plugin's junit-10.xsd (vendored in
 * test/fixtures/junit with its licence and source), validated by libxml2's own validator (xmllint-wasm). The
 * `file` attribute on a test case is not in that schema, but GitLab's test reports read it; it is taken off first.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { validateXML } from 'xmllint-wasm';
import { REPO_ROOT } from './cli.js';

const XSD = readFileSync(path.join(REPO_ROOT, 'test', 'fixtures', 'junit', 'junit-10.xsd'), 'utf8');

/** The schema's complaints about a JUnit document (none: it is valid). */
export async function junitSchemaErrors(xml: string): Promise<string[]> {
  const withoutFile = xml.replace(/(<testcase\b[^>]*?) file="[^"]*"/g, '$1');
  const result = await validateXML({
    xml: [{ fileName: 'report.xml', contents: withoutFile }],
    schema: [{ fileName: 'junit-10.xsd', contents: XSD }],
  });
  return result.errors.map((e) => e.rawMessage);
}

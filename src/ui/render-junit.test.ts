import { describe, expect, it } from 'vitest';
import { junitSchemaErrors } from '../../test/helpers/junit-xsd.js';
import { findAll, parseXml, type XmlElement } from '../../test/helpers/xml.js';
import { escapeXmlAttribute, escapeXmlText, renderJunit, type JunitCase, type JunitFinding } from './render-junit.js';

const finding = (over: Partial<JunitFinding>): JunitFinding => ({
  file: 'ideas/03-test/a.md',
  line: 7,
  column: 3,
  rule: 'criteria/test',
  severity: 'error',
  message: 'The test plan is missing',
  hint: 'Complete the idea.',
  ...over,
});

const CASES: JunitCase[] = [
  {
    classname: 'test',
    name: 'ideas/03-test/a.md',
    findings: [finding({}), finding({ line: 9, column: 1, rule: 'schema', message: 'Created: must be a date' })],
  },
  { classname: 'idea', name: 'ideas/01-ide/b.md', findings: [] },
  {
    classname: 'idea',
    name: 'ideas/01-ide/c.md',
    findings: [
      finding({
        file: 'ideas/01-ide/c.md',
        line: 12,
        column: 9,
        rule: 'history/stage',
        severity: 'warning',
        message: 'The history says test',
      }),
    ],
  },
];

describe('renderJunit', () => {
  it('one suite, a case per file, a failure per error, warnings in system-out', () => {
    const doc = parseXml(renderJunit('ideas validate', CASES));
    expect(doc.name).toBe('testsuites');
    const suites = findAll(doc, 'testsuite');
    expect(suites).toHaveLength(1);
    expect(suites[0]?.attributes).toMatchObject({
      name: 'ideas validate',
      tests: '3',
      failures: '1',
      errors: '0',
      skipped: '0',
    });
    const cases = findAll(doc, 'testcase');
    expect(cases.map((c) => [c.attributes.classname, c.attributes.name])).toEqual([
      ['test', 'ideas/03-test/a.md'],
      ['idea', 'ideas/01-ide/b.md'],
      ['idea', 'ideas/01-ide/c.md'],
    ]);
    const [a, b, c] = cases as [XmlElement, XmlElement, XmlElement];
    const failures = findAll(a, 'failure');
    expect(failures.map((f) => [f.attributes.type, f.attributes.message])).toEqual([
      ['criteria/test', 'The test plan is missing'],
      ['schema', 'Created: must be a date'],
    ]);
    expect(failures[0]?.text).toBe(
      'ideas/03-test/a.md:7:3 criteria/test\nThe test plan is missing\nComplete the idea.',
    );
    expect(findAll(b, 'failure')).toEqual([]);
    expect(findAll(c, 'failure')).toEqual([]);
    expect(findAll(c, 'system-out')[0]?.text).toBe(
      'ideas/01-ide/c.md:12:9 warning history/stage: The history says test (Complete the idea.)',
    );
  });

  it('under --strict, warnings fail too', () => {
    const doc = parseXml(renderJunit('s', CASES, { warningsFail: true }));
    expect(findAll(doc, 'testsuite')[0]?.attributes.failures).toBe('2');
    const third = findAll(doc, 'testcase')[2] as XmlElement;
    expect(findAll(third, 'failure').map((f) => f.attributes.type)).toEqual(['history/stage']);
    expect(findAll(third, 'system-out')).toEqual([]);
  });

  it('gives as much of the position as is known', () => {
    const doc = parseXml(
      renderJunit('s', [
        {
          classname: 'x',
          name: 'f.md',
          findings: [
            finding({ file: 'f.md', line: null, column: null }),
            finding({ file: 'f.md', line: 4, column: null }),
          ],
        },
      ]),
    );
    expect(findAll(doc, 'failure').map((f) => f.text.split('\n')[0])).toEqual([
      'f.md criteria/test',
      'f.md:4 criteria/test',
    ]);
  });

  it('an empty run is a suite with no cases', () => {
    const doc = parseXml(renderJunit('s', []));
    expect(findAll(doc, 'testsuite')[0]?.attributes).toMatchObject({ tests: '0', failures: '0' });
    expect(findAll(doc, 'testcase')).toEqual([]);
  });

  it('escapes what an untrusted file can put in a message, a rule or a path, and parses back to it', () => {
    const hostile =
      'a]]>b <c> & "d" \'e\' \u0001\u0008\u000b\u000c\u001f\u007f\u0085\ufffe\ud800 tab\there\r\nnew line';
    const shown =
      'a]]>b <c> & "d" \'e\' \\u0001\\u0008\\u000b\\u000c\\u001f\\u007f\\u0085\\ufffe\\ud800 tab\there\r\nnew line';
    const text = renderJunit(`suite ${hostile}`, [
      {
        classname: `c ${hostile}`,
        name: `ideas/01-ide/${hostile}.md`,
        findings: [
          finding({ message: hostile, rule: `r ${hostile}`, hint: null }),
          finding({ severity: 'warning', message: hostile, hint: null }),
        ],
      },
    ]);
    expect(text).not.toContain(']]>');
    const doc = parseXml(text);
    const c = findAll(doc, 'testcase')[0] as XmlElement;
    expect(doc.attributes.name).toBe(`suite ${shown}`);
    expect(c.attributes.classname).toBe(`c ${shown}`);
    expect(c.attributes.name).toBe(`ideas/01-ide/${shown}.md`);
    const failure = findAll(c, 'failure')[0];
    expect(failure?.attributes.message).toBe(shown);
    expect(failure?.attributes.type).toBe(`r ${shown}`);
    expect(failure?.text).toBe(`ideas/03-test/a.md:7:3 r ${shown}\n${shown}`);
    expect(findAll(c, 'system-out')[0]?.text).toContain(shown);
  });

  it("validates against Jenkins' junit-10.xsd: plain, strict, empty and hostile reports alike", async () => {
    const hostile = 'a]]>b <c> & "d" \'e\' \u0001\u007f\ufffe\ud800 tab\there\r\nnew line';
    const reports = [
      renderJunit('ideas validate', CASES),
      renderJunit('ideas validate', CASES, { warningsFail: true }),
      renderJunit('s', []),
      renderJunit(`suite ${hostile}`, [
        {
          classname: `c ${hostile}`,
          name: `ideas/01-ide/${hostile}.md`,
          findings: [finding({ message: hostile, rule: `r ${hostile}` }), finding({ severity: 'warning' })],
        },
      ]),
    ];
    for (const xml of reports) expect(await junitSchemaErrors(xml), xml).toEqual([]);
    // The check can fail: an attribute the schema does not know on a suite, a failure outside a case.
    expect(await junitSchemaErrors(reports[0]!.replace('<testsuite ', '<testsuite bogus="1" '))).not.toEqual([]);
    expect(
      await junitSchemaErrors(reports[0]!.replace('  </testsuite>', '  <failure message="x"/>\n  </testsuite>')),
    ).not.toEqual([]);
  });

  it('keeps letters beyond ASCII, and characters outside the Basic Multilingual Plane', () => {
    expect(escapeXmlText('Åsa Öberg 😀')).toBe('Åsa Öberg 😀');
    expect(escapeXmlAttribute('x\ny')).toBe('x&#10;y');
  });

  it('shows the characters that make text read otherwise (Trojan Source) as escapes, in text and attributes', () => {
    const tricky = 'ok\u202eevil\u2066x\u2069\u200f\u061c\u2028\ufeffend';
    const want = 'ok\\u202eevil\\u2066x\\u2069\\u200f\\u061c\\u2028\\ufeffend';
    expect(escapeXmlText(tricky)).toBe(want);
    expect(escapeXmlAttribute(tricky)).toBe(want);
    const xml = renderJunit('s', [{ name: 'a.md', classname: 'c', findings: [finding({ message: tricky })] }]);
    expect(xml).not.toMatch(/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufeff]/);
  });
});

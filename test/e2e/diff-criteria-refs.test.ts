/**
 * `ideas diff` over criteria that name each other: a file with an `$id` is that `$id` at both revisions, and a
 * stage's criteria may point into a later stage's file. Each revision's criteria are compiled among their own, all of
 * them known first, as every other command knows them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { describeRun, ideas, parseJson, REPO_ROOT } from '../helpers/cli.js';
import { commitAll, git, makeTempRepo, removeTempDirs } from '../helpers/temp-repo.js';

afterAll(removeTempDirs);

interface DiffDoc {
  ok: boolean;
  findings: { file: string; rule: string; severity: string }[];
}

/** The minimal example, its doing criteria naming a definition of done's by `$id` and one of idea's by file name. */
function registry(): string {
  const root = makeTempRepo();
  fs.cpSync(path.join(REPO_ROOT, 'examples', 'minimal'), root, { recursive: true });
  criteria(root, 'done', {
    $id: 'https://example.org/done.json',
    $defs: { member: { type: 'object', properties: { alias: { type: 'string' } } } },
  });
  criteria(root, 'idea', { $defs: { size: { type: 'integer', minimum: 1 } } });
  criteria(root, 'doing', {
    properties: {
      crew: { type: 'array', items: { $ref: 'https://example.org/done.json#/$defs/member' } },
      size: { $ref: 'idea.schema.json#/$defs/size' },
    },
  });
  commitAll(root, 'Kriterier som pekar på varandra');
  git(['checkout', '-q', '-b', 'change'], root);
  return root;
}

function criteria(root: string, stage: string, extra: object): void {
  const schema = { $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object', ...extra };
  fs.writeFileSync(path.join(root, 'criteria', `${stage}.schema.json`), `${JSON.stringify(schema, null, 2)}\n`);
}

function diff(root: string) {
  const r = ideas(['diff', 'main', 'HEAD', '--json', '--lang', 'en'], { cwd: root });
  return { r, doc: parseJson<DiffDoc>(r) };
}

describe('ideas diff, criteria that name each other', () => {
  it('reads a tightened file with an $id as a tightening, not as criteria it cannot read', () => {
    const root = registry();
    criteria(root, 'done', {
      $id: 'https://example.org/done.json',
      $defs: { member: { type: 'object', properties: { alias: { type: 'string', minLength: 1 } } } },
    });
    commitAll(root, 'Skärpt');
    const { r, doc } = diff(root);
    expect(r.code, describeRun(r)).toBe(0);
    expect(doc.findings.map((f) => [f.rule, f.file, f.severity])).toEqual([
      ['criteria/changed', 'criteria/done.schema.json', 'warning'],
    ]);
  });

  it("finds a loosening made through another stage's file", () => {
    const root = registry();
    criteria(root, 'idea', { $defs: { size: { type: 'integer', minimum: 0 } } });
    commitAll(root, 'Lösare');
    const { r, doc } = diff(root);
    expect(r.code, describeRun(r)).toBe(1);
    expect(doc.findings.map((f) => f.rule)).not.toContain('criteria/unreadable');
    expect(doc.findings.map((f) => [f.rule, f.file])).toContainEqual([
      'criteria/loosened',
      'criteria/idea.schema.json',
    ]);
  });
});

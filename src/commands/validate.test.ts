import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Ctx } from '../context.js';
import { runValidate } from './validate.js';
import { testCtx } from '../../test/helpers/ctx.js';
import { failure } from '../../test/helpers/errors.js';

const examples = fileURLToPath(new URL('../../examples/', import.meta.url));

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ideas-'));
  fs.cpSync(path.join(examples, 'sundsvall'), dir, { recursive: true });
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function ctx(cwd = dir): Ctx {
  return testCtx(cwd);
}

const NATTKAMERA = 'ideas/01-ide/sund-njf5rp-nattkamera-for-tillsyn-i-anges-hemtjanst.md';
const BOKBUSSEN = 'ideas/02-foradling/sund-eev2bz-bokbussen-som-servicepunkt-pa-landsbygden.md';

function edit(rel: string, change: (text: string) => string): void {
  const abs = path.join(dir, rel);
  fs.writeFileSync(abs, change(fs.readFileSync(abs, 'utf8')));
}

describe('runValidate', () => {
  it('finds nothing in the Sundsvall example', async () => {
    const r = await runValidate({ paths: [] }, ctx());
    expect({
      files: r.files,
      findings: r.findings,
      errors: r.errors,
      warnings: r.warnings,
      ok: r.ok,
      lang: r.lang,
    }).toEqual({
      files: 10,
      findings: [],
      errors: 0,
      warnings: 0,
      ok: true,
      lang: 'sv',
    });
  });

  it('counts planted errors and warnings, sorted by file, and fails', async () => {
    edit(BOKBUSSEN, (t) => t.replace('coach: Sara Nyberg\n', ''));
    // The same idea again, in the parked folder: a duplicate id, and a history that says "idea".
    fs.copyFileSync(
      path.join(dir, NATTKAMERA),
      path.join(dir, 'ideas/90-parkerad/sund-njf5rp-nattkamera-for-tillsyn-i-anges-hemtjanst.md'),
    );
    const r = await runValidate({ paths: [], lang: 'en' }, ctx());
    expect(r.findings.map((f) => [f.file, f.rule, f.severity])).toEqual([
      [BOKBUSSEN, 'criteria/refinement', 'error'],
      ['ideas/90-parkerad/sund-njf5rp-nattkamera-for-tillsyn-i-anges-hemtjanst.md', 'id/duplicate', 'error'],
      ['ideas/90-parkerad/sund-njf5rp-nattkamera-for-tillsyn-i-anges-hemtjanst.md', 'history/stage', 'warning'],
    ]);
    expect(r.findings[1]?.message).toBe(`The id sund-njf5rp is also used by ${NATTKAMERA}.`);
    expect(r.findings[1]?.line).toBe(2);
    expect({ files: r.files, errors: r.errors, warnings: r.warnings, ok: r.ok }).toEqual({
      files: 11,
      errors: 2,
      warnings: 1,
      ok: false,
    });
  });

  it('passes with a warning, unless --strict', async () => {
    edit(NATTKAMERA, (t) => t.replace('    to: idea\n', '    to: refinement\n'));
    const loose = await runValidate({ paths: [] }, ctx());
    expect({ errors: loose.errors, warnings: loose.warnings, ok: loose.ok, strict: loose.strict }).toEqual({
      errors: 0,
      warnings: 1,
      ok: true,
      strict: false,
    });
    const strict = await runValidate({ paths: [], strict: true }, ctx());
    expect({ errors: strict.errors, warnings: strict.warnings, ok: strict.ok, strict: strict.strict }).toEqual({
      errors: 0,
      warnings: 1,
      ok: false,
      strict: true,
    });
  });

  it('reports unreadable and misplaced files', async () => {
    fs.writeFileSync(path.join(dir, 'ideas/01-ide/sund-aaaa11-trasig.md'), '---js\n{}\n---\n');
    fs.writeFileSync(path.join(dir, 'ideas/lost.md'), '---\ntitle: Lost\n---\n');
    fs.mkdirSync(path.join(dir, 'ideas/06-gammal'));
    fs.copyFileSync(path.join(dir, NATTKAMERA), path.join(dir, 'ideas/06-gammal/sund-bbbb22-x.md'));
    fs.writeFileSync(path.join(dir, 'ideas/01-ide/.sund-cccc33-x.md.1234.tmp'), 'half a file');
    fs.writeFileSync(path.join(dir, 'ideas/01-ide/README.md'), '# Not an idea\n');
    const r = await runValidate({ paths: [] }, ctx());
    expect(r.findings.map((f) => [f.file, f.rule])).toEqual([
      ['ideas/01-ide/sund-aaaa11-trasig.md', 'front-matter/opening'],
      ['ideas/06-gammal/sund-bbbb22-x.md', 'layout/unknown-folder'],
      ['ideas/lost.md', 'layout/outside-stage'],
    ]);
    expect(r.files).toBe(13);
  });

  it('reports a symbolic link in a stage folder', async () => {
    fs.symlinkSync(path.join(dir, NATTKAMERA), path.join(dir, 'ideas/01-ide/sund-dddd44-link.md'));
    const r = await runValidate({ paths: [] }, ctx());
    expect(r.findings.map((f) => [f.file, f.rule])).toEqual([['ideas/01-ide/sund-dddd44-link.md', 'file/symlink']]);
  });

  it('checks only the paths given, relative to the working directory', async () => {
    edit(BOKBUSSEN, (t) => t.replace('coach: Sara Nyberg\n', ''));
    edit(NATTKAMERA, (t) => t.replace('title: Nattkamera', 'title: Nattkamera\ntitle: Igen'));
    const r = await runValidate({ paths: ['02-foradling'] }, ctx(path.join(dir, 'ideas')));
    expect({ files: r.files, rules: r.findings.map((f) => f.rule) }).toEqual({
      files: 2,
      rules: ['criteria/refinement'],
    });
  });

  it('reports a duplicate on the file asked about, even when the other one comes first', async () => {
    fs.copyFileSync(path.join(dir, BOKBUSSEN), path.join(dir, 'ideas/01-ide/sund-eev2bz-kopia.md'));
    const r = await runValidate({ paths: [BOKBUSSEN] }, ctx());
    expect(r.findings.map((f) => [f.file, f.rule])).toEqual([[BOKBUSSEN, 'id/duplicate']]);
  });

  it('refuses a path outside the registry', async () => {
    expect(await failure(runValidate({ paths: ['..'] }, ctx()))).toMatchObject({ code: 'USAGE' });
    expect(await failure(runValidate({ paths: ['ideas/nothing-here.md'] }, ctx()))).toMatchObject({ code: 'USAGE' });
  });
});

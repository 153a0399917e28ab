/**
 * `ideas diff` for people: a terminal view, and Markdown to post as a pull-request comment or a job summary.
 * Both put the broken rules first: they are what a reviewer must act on.
 */
import type { ChalkInstance } from 'chalk';
import type { DecisionAdded, IdeaDiff, IdeaMove, RevisionSide } from '../core/history/idea-diff.js';
import { valueWords, type ValueWords } from '../core/sluice/value-words.js';
import { stageByKey, type RegistryConfig, type RegistryRef } from '../core/sluice/config.js';
import { type Lang } from '../core/i18n/i18n.js';
import { t } from './words.js';
import type { FieldTitles } from '../core/criteria/field-titles.js';
import { formatAmount } from '../core/history/minutes.js';
import { decisionWord } from '../core/sluice/decision.js';
import { displayWidth, truncate } from './text-width.js';
import { terminalLines } from '../core/terminal-text.js';
import { mdCode, mdText } from './markdown-text.js';

export { mdCode, mdText };

export interface DiffView {
  registry: RegistryRef;
  lang: Lang;
  base: RevisionSide;
  head: RevisionSide;
  diff: IdeaDiff;
  /** The changed fields' labels; a field without one is shown by its key. */
  titles?: FieldTitles;
  /** The changed fields' schemas: a record's keys by their titles (`Kvinnor: 3`, not `women: 3`). */
  fieldSchemas?: Record<string, Record<string, unknown>>;
  ok: boolean;
}

/** What a changed field's values are said with: its challenges' labels, and its record keys' titles. */
function wordsOf(v: DiffView, field: string): ValueWords {
  const schema = v.fieldSchemas && Object.hasOwn(v.fieldSchemas, field) ? v.fieldSchemas[field] : undefined;
  return { field, challenges: v.registry.config.challenges, ...(schema ? { schema } : {}) };
}

/** A side of the diff in words; `code` shows a commit, `name` a revision as the user named it. */
function sideName(
  side: RevisionSide,
  lang: Lang,
  code: (s: string) => string,
  name: (s: string) => string = (s) => s,
): string {
  if (side.worktree) return t(lang, 'diff.worktree');
  const commit = code((side.commit ?? '').slice(0, 7));
  if (side.mergeBase && side.ref) return t(lang, 'diff.mergeBase', { ref: name(side.ref), commit });
  return side.ref && side.ref !== side.commit ? `${name(side.ref)} (${commit})` : commit;
}

function decisionOf(d: DecisionAdded, lang: Lang): string {
  return d.decision ? decisionWord(d.decision, lang) : '–';
}

/** The stages a move went through on the way, by their labels: several gates in one change. */
function via(m: IdeaMove, config: RegistryConfig, lang: Lang): string {
  const stages = m.steps.slice(0, -1).map((s) => stageByKey(config, s.to)?.label[lang] ?? s.to);
  return stages.length > 0 ? ` (${t(lang, 'diff.via', { stages: stages.join(', ') })})` : '';
}

function gateWord(m: IdeaMove, lang: Lang): string {
  if (!m.gate) return '–';
  const missing = m.gate.missing.length;
  return missing === 0 ? t(lang, 'gate.open') : t(lang, 'gate.closed', { count: missing });
}

function summary(v: DiffView): string {
  const d = v.diff;
  return t(v.lang, 'diff.summary', {
    added: d.added.length,
    moved: d.moved.length,
    removed: d.removed.length,
    changed: d.changed.length,
    decisions: d.decisions.length,
  });
}

function verdict(v: DiffView): string {
  const errors = v.diff.findings.filter((f) => f.severity === 'error').length;
  const warnings = v.diff.findings.length - errors;
  const said = errors === 0 ? t(v.lang, 'diff.ok') : t(v.lang, 'diff.broken', { errors });
  return warnings === 0 ? said : `${said} ${t(v.lang, 'diff.toReview', { warnings })}`;
}

/** The broken rules, then what a reviewer must look at (overrides, rule changes that tighten, new ideas' moves). */
function findingGroups(v: DiffView) {
  return [
    { key: 'diff.findings' as const, list: v.diff.findings.filter((f) => f.severity === 'error') },
    { key: 'diff.review' as const, list: v.diff.findings.filter((f) => f.severity !== 'error') },
  ];
}

function isEmpty(v: DiffView): boolean {
  const d = v.diff;
  return (
    d.added.length + d.removed.length + d.moved.length + d.decisions.length + d.changed.length + d.findings.length === 0
  );
}

/**
 * Words on lines of at most `width` columns, the first after `indent` and the others after `hang`; a word longer than a line is left whole. A
 * command in backticks is one word: a hint's command broken over two lines would run as two commands when pasted.
 */
export function wrap(text: string, width: number, indent: string, hang = indent): string[] {
  const out: string[] = [];
  let line = '';
  // The indent of the line being filled: `indent` for the first, `hang` for those after it.
  const at = () => (out.length === 0 ? indent : hang);
  for (const match of text.matchAll(/(?:[^\s`]*`[^`]*`)+[^\s`]*|\S+/g)) {
    const word = match[0].replace(/\s+/g, ' ');
    if (line && displayWidth(at()) + displayWidth(line) + 1 + displayWidth(word) > width) {
      out.push(`${at()}${line}`);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(`${at()}${line}`);
  return out;
}

/** For a terminal: sections of short lines, each item's id and title first, cut to the terminal's width. */
export function renderDiffText(view: DiffView, c: ChalkInstance, width = 80): string {
  // Every text from idea files and the config, made safe for a terminal (src/core/terminal-text.ts).
  const v = terminalLines(view);
  const { lang, diff } = v;
  const w = Math.max(40, width);
  const out: string[] = [];
  // An indented line cut to the width: truncate() flattens white space, so the indent is added after.
  const line = (indent: number, text: string) => `${' '.repeat(indent)}${truncate(text, w - indent)}`;
  const head = (key: Parameters<typeof t>[1], n: number) => out.push('', c.bold(`${t(lang, key)} (${n})`));
  const item = (id: string, title: string | null) =>
    out.push(`  ${c.cyan(id)}  ${truncate(title ?? '', Math.max(10, w - id.length - 4))}`);

  out.push(c.bold(t(lang, 'diff.title', { name: v.registry.config.name })));
  out.push(
    c.dim(t(lang, 'diff.range', { base: sideName(v.base, lang, (s) => s), head: sideName(v.head, lang, (s) => s) })),
  );
  for (const group of findingGroups(v)) {
    if (group.list.length === 0) continue;
    head(group.key, group.list.length);
    const tone = group.key === 'diff.findings' ? c.red : c.yellow;
    for (const f of group.list) {
      // The path whole on its own line, to be copied; the rule and the message wrapped below it.
      out.push(`  ${c.underline(`${f.file}${f.line !== null ? `:${f.line}` : ''}`)}`);
      out.push(
        ...wrap(`${f.rule}: ${f.message}`, w, '    ').map((l, i) =>
          i === 0
            ? l.replace(f.rule, c.dim(f.rule)).replace(/: (.*)$/, (_m, rest: string) => `: ${tone(rest)}`)
            : tone(l),
        ),
      );
      if (f.hint) out.push(...wrap(`→ ${f.hint}`, w, '    ', '      ').map((l) => c.dim(l)));
    }
  }
  if (diff.moved.length > 0) {
    head('diff.moved', diff.moved.length);
    for (const m of diff.moved) {
      item(m.id, m.title);
      const open = !!m.gate && m.gate.missing.length === 0;
      const gate = `${open ? '✔' : '✘'} ${gateWord(m, lang)}`;
      const forced = m.forced ? ` (${t(lang, 'minutes.forced')})` : '';
      const move = `${m.from.label[lang]} → ${m.to.label[lang]}${via(m, v.registry.config, lang)}`;
      const shown = (open ? c.green : c.yellow)(gate);
      // The gate on the same line when it fits, else below the move.
      if (displayWidth(`    ${move}${forced} · ${gate}`) <= w) out.push(`    ${move}${c.bold(forced)} · ${shown}`);
      else out.push(`${line(4, move)}${c.bold(forced)}`, `      ${shown}`);
      for (const p of m.gate?.missing ?? []) out.push(c.dim(line(6, p.message[lang])));
    }
  }
  if (diff.decisions.length > 0) {
    head('diff.decisions', diff.decisions.length);
    for (const d of diff.decisions) {
      item(d.id, d.title);
      const parts = [
        d.date ?? '–',
        decisionOf(d, lang),
        d.amount !== null ? formatAmount(d.amount, lang) : null,
        d.by,
        // Who took no part: part of the record a reviewer reads, as the minutes and `ideas show` say it.
        d.conflicts ? `(${t(lang, 'history.conflicts', { names: d.conflicts })})` : null,
      ].filter((x): x is string => !!x);
      out.push(`    ${parts.join(' · ')}`);
      if (d.note) out.push(c.dim(line(4, d.note)));
    }
  }
  if (diff.added.length > 0) {
    head('diff.added', diff.added.length);
    for (const a of diff.added)
      out.push(
        `  ${c.cyan(a.id)}  ${truncate(`${a.title ?? ''} (${a.stage.label[lang]})`, Math.max(10, w - a.id.length - 4))}`,
      );
  }
  if (diff.removed.length > 0) {
    head('diff.removed', diff.removed.length);
    for (const r of diff.removed)
      out.push(
        `  ${c.cyan(r.id)}  ${truncate(`${r.title ?? ''} (${r.stage.label[lang]})`, Math.max(10, w - r.id.length - 4))}`,
      );
  }
  if (diff.changed.length > 0) {
    head('diff.changed', diff.changed.length);
    for (const ch of diff.changed) {
      item(ch.id, ch.title);
      for (const f of ch.fields) {
        const words = wordsOf(v, f.field);
        const [old, now] = [valueWords(f.old, lang, words), valueWords(f.new, lang, words)];
        const name = v.titles?.[f.field]?.[lang] ?? f.field;
        const one = `${name}: ${old} → ${now}`;
        // A change too long for one line shows the old value and the new one below it.
        if (displayWidth(one) <= w - 4) out.push(`    ${one}`);
        else out.push(line(4, `${name}: ${old}`), line(6, `→ ${now}`));
      }
      if (ch.bodyChanged) out.push(`    ${c.dim(t(lang, 'diff.bodyChanged'))}`);
      for (const h of ch.history) out.push(line(4, t(lang, 'diff.historyAdded', { entry: h.words })));
    }
  }
  if (isEmpty(v)) out.push('', t(lang, 'diff.none'));
  const [counts, said] = [summary(v), verdict(v)];
  const coloured = (v.ok ? c.green : c.red)(said);
  out.push('', ...(displayWidth(`${counts} ${said}`) <= w ? [`${counts} ${coloured}`] : [counts, coloured]));
  return `${out.join('\n')}\n`;
}

function table(header: string[], rows: string[][]): string[] {
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ];
}

/** Markdown for a pull-request comment or a GitHub job summary: the broken rules first, then what changed. */
export function renderDiffMarkdown(v: DiffView): string {
  const { lang, diff } = v;
  const L = (key: Parameters<typeof t>[1]) => t(lang, key);
  const idea = (id: string, title: string | null) => `**${mdText(id, 40)}** ${mdText(title ?? '')}`;
  const out: string[] = [`## ${t(lang, 'diff.title', { name: mdText(v.registry.config.name, 200) })}`, ''];
  const side = (x: RevisionSide) =>
    sideName(
      x,
      lang,
      (s) => mdCode(s),
      (s) => mdText(s, 100),
    );
  out.push(t(lang, 'diff.range', { base: side(v.base), head: side(v.head) }), '');
  out.push(v.ok ? `✅ ${verdict(v)} ${summary(v)}` : `❌ **${verdict(v)}** ${summary(v)}`, '');

  for (const group of findingGroups(v)) {
    if (group.list.length === 0) continue;
    const mark = group.key === 'diff.findings' ? '' : '⚠️ ';
    out.push(`### ${mark}${L(group.key)} (${group.list.length})`, '');
    out.push(
      ...table(
        [L('diff.colFile'), L('diff.colRule'), L('diff.colProblem')],
        group.list.map((f) => [
          mdCode(`${f.file}${f.line !== null ? `:${f.line}` : ''}`),
          mdCode(f.rule, 60),
          `${mdText(f.message, 300)}${f.hint ? `<br>_${mdText(f.hint, 300)}_` : ''}`,
        ]),
      ),
      '',
    );
  }
  if (diff.moved.length > 0) {
    out.push(`### ${L('diff.moved')} (${diff.moved.length})`, '');
    out.push(
      ...table(
        [L('diff.colIdea'), L('diff.colFrom'), L('diff.colTo'), L('diff.colGate')],
        diff.moved.map((m) => {
          const gate = !m.gate
            ? '–'
            : m.gate.missing.length === 0
              ? `✅ ${mdText(gateWord(m, lang))}`
              : `⚠️ ${mdText(gateWord(m, lang))}: ${mdText(m.gate.missing.map((p) => p.message[lang]).join('; '), 300)}`;
          const forced = m.forced ? ` **(${mdText(L('minutes.forced'))})**` : '';
          return [
            idea(m.id, m.title),
            mdText(m.from.label[lang]),
            `${mdText(`${m.to.label[lang]}${via(m, v.registry.config, lang)}`)}${forced}`,
            gate,
          ];
        }),
      ),
      '',
    );
  }
  if (diff.decisions.length > 0) {
    out.push(`### ${L('diff.decisions')} (${diff.decisions.length})`, '');
    out.push(
      ...table(
        [
          L('diff.colIdea'),
          L('diff.colDate'),
          L('diff.colDecision'),
          L('diff.colAmount'),
          L('diff.colBy'),
          L('diff.colNote'),
        ],
        diff.decisions.map((d) => [
          idea(d.id, d.title),
          mdText(d.date ?? '–'),
          `${mdText(decisionOf(d, lang))}${d.forced ? ` **(${mdText(L('minutes.forced'))})**` : ''}`,
          d.amount !== null ? mdText(formatAmount(d.amount, lang)) : '–',
          mdText(`${d.by ?? '–'}${d.conflicts ? ` (${t(lang, 'history.conflicts', { names: d.conflicts })})` : ''}`),
          mdText(d.note ?? '', 200),
        ]),
      ),
      '',
    );
  }
  const refs = (key: 'diff.added' | 'diff.removed', list: typeof diff.added) => {
    if (list.length === 0) return;
    out.push(`### ${L(key)} (${list.length})`, '');
    out.push(
      ...table(
        [L('diff.colIdea'), L('diff.colStage'), L('diff.colFile')],
        list.map((r) => [idea(r.id, r.title), mdText(r.stage.label[lang]), mdCode(r.path)]),
      ),
      '',
    );
  };
  refs('diff.added', diff.added);
  refs('diff.removed', diff.removed);
  if (diff.changed.length > 0) {
    out.push(`### ${L('diff.changed')} (${diff.changed.length})`, '');
    const rows: string[][] = [];
    for (const ch of diff.changed) {
      ch.fields.forEach((f, i) =>
        rows.push([
          i === 0 ? idea(ch.id, ch.title) : '',
          v.titles?.[f.field]
            ? `${mdText(v.titles[f.field]?.[lang] ?? '', 80)} ${mdCode(f.field, 60)}`
            : mdCode(f.field, 60),
          mdText(valueWords(f.old, lang, wordsOf(v, f.field)), 200),
          mdText(valueWords(f.new, lang, wordsOf(v, f.field)), 200),
        ]),
      );
      if (ch.bodyChanged)
        rows.push([ch.fields.length === 0 ? idea(ch.id, ch.title) : '', `_${L('diff.bodyChanged')}_`, '', '']);
      ch.history.forEach((h, i) =>
        rows.push([
          ch.fields.length === 0 && !ch.bodyChanged && i === 0 ? idea(ch.id, ch.title) : '',
          `_${mdText(t(lang, 'diff.historyAdded', { entry: h.words }), 300)}_`,
          '',
          '',
        ]),
      );
    }
    out.push(...table([L('diff.colIdea'), L('diff.colField'), L('diff.colOld'), L('diff.colNew')], rows), '');
  }
  if (isEmpty(v)) out.push(L('diff.none'), '');
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}

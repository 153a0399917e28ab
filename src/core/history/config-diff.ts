/**
 * What a change does to the rules of a sluice: its config (stages, their folders and `next`, `allowDelete`,
 * `funding`) and its criteria schemas. A pull request is judged by the base's rules, never by the rules it brings
 * (or it could open a shortcut and take it), and the new rules are reported here: each change that lets more
 * through is an error for a reviewer to decide on; one that only tightens, or changes words, is a warning.
 */
import { CONFIG_FILE, DEFAULT_MIN_GROUP_SIZE, stageByKey, type RegistryConfig, type Stage } from '../sluice/config.js';
import type { Finding, Severity } from '../finding.js';
import { localize, t, type Lang, type Localized, type MessageKey, type Params } from '../i18n/i18n.js';
import { YamlPositions } from '../front-matter/positions.js';
import { canonical } from './canonical.js';
import { compareSchemas, type SchemaChange, type UnprovenReason } from './criteria-diff.js';

/** A change to the rules, before it is placed on a line. */
export interface RuleChange {
  /** The file changed, relative to the registry root: the config, or a criteria schema. */
  file: string;
  /** Where in that file (a JSON pointer into head's version); null for the file as a whole. */
  pointer: string | null;
  rule: string;
  severity: Severity;
  message: MessageKey;
  params: Params;
  /** What to do about it, when not the rule's own hint. */
  hint?: MessageKey;
}

/**
 * A criteria file at one revision: its text and what it holds, or why it cannot be read: not there, not a criteria
 * file any command could use (`reason`), or a symbolic link, which no command follows.
 */
export type CriteriaFile =
  | { state: 'ok'; text: string; schema: unknown }
  | { state: 'missing' }
  | { state: 'invalid'; reason: Localized }
  | { state: 'link'; link: string; target: string };

/** The names of the two sides, as a finding shows them. */
export interface SideNames {
  base: string;
  head: string;
}

const LOOSE = 'error' as const;
const NOTE = 'warning' as const;

function change(
  rule: string,
  severity: Severity,
  pointer: string | null,
  message: MessageKey,
  params: Params,
): RuleChange {
  return { file: CONFIG_FILE, pointer, rule, severity, message, params };
}

/** The changes to the config between base and head, the looser ones as errors. */
export function compareConfigs(base: RegistryConfig, head: RegistryConfig): RuleChange[] {
  const out: RuleChange[] = [];
  const headIndex = (key: string) => head.stages.findIndex((s) => s.key === key);
  const label = (s: Stage): Localized => s.label;
  if (base.ideasDir !== head.ideasDir)
    out.push(
      change('config/stage-folder', LOOSE, '/ideasDir', 'f.cfgIdeasDir', { from: base.ideasDir, to: head.ideasDir }),
    );

  // A stage key that is gone while a new key took its folder is the same stage renamed.
  const renamed = new Map<string, string>();
  for (const b of base.stages) {
    if (stageByKey(head, b.key)) continue;
    const successor = head.stages.find((h) => h.folder === b.folder && !stageByKey(base, h.key));
    if (successor) renamed.set(b.key, successor.key);
  }
  const asHead = (key: string) => renamed.get(key) ?? key;

  for (const b of base.stages) {
    const key = asHead(b.key);
    const i = headIndex(key);
    const h = head.stages[i];
    if (!h) {
      out.push(change('config/stage-removed', LOOSE, '/stages', 'f.cfgStageRemoved', { stage: label(b), key: b.key }));
      continue;
    }
    const at = `/stages/${i}`;
    if (key !== b.key)
      out.push(
        change('config/stage-removed', LOOSE, `${at}/key`, 'f.cfgStageRenamed', {
          stage: label(b),
          from: b.key,
          to: key,
        }),
      );
    if (h.folder !== b.folder)
      out.push(
        change('config/stage-folder', LOOSE, `${at}/folder`, 'f.cfgStageFolder', {
          stage: label(b),
          from: b.folder,
          to: h.folder,
        }),
      );
    const wasNext = b.next.map(asHead);
    h.next.forEach((n, j) => {
      if (!wasNext.includes(n))
        out.push(
          change('config/next', LOOSE, `${at}/next/${j}`, 'f.cfgNextWidened', {
            stage: label(b),
            to: stageByKey(head, n)?.label ?? n,
          }),
        );
    });
    for (const n of wasNext.filter((x) => !h.next.includes(x)))
      out.push(
        change('config/changed', NOTE, `${at}/next`, 'f.cfgNextNarrowed', {
          stage: label(b),
          to: stageByKey(head, n)?.label ?? n,
        }),
      );
    if (h.funding !== b.funding)
      out.push(
        h.funding
          ? change('config/funding', LOOSE, `${at}/funding`, 'f.cfgFundingOn', { stage: label(b) })
          : change('config/changed', NOTE, at, 'f.cfgFundingOff', { stage: label(b) }),
      );
    if (h.council !== b.council)
      out.push(
        h.council
          ? change('config/changed', NOTE, `${at}/council`, 'f.cfgCouncilOn', { stage: label(b) })
          : change('config/council', LOOSE, at, 'f.cfgCouncilOff', { stage: label(b) }),
      );
    if (h.criteria !== b.criteria)
      out.push(
        change('config/changed', NOTE, `${at}/criteria`, 'f.cfgCriteriaPath', {
          stage: label(b),
          from: b.criteria,
          to: h.criteria,
        }),
      );
    if (h.limitDays !== b.limitDays)
      out.push(other(`${at}/limitDays`, `stages.${b.key}.limitDays`, b.limitDays, h.limitDays));
    if (canonical(h.label) !== canonical(b.label))
      out.push(other(`${at}/label`, `stages.${b.key}.label`, b.label, h.label));
  }
  const renamedTo = new Set(renamed.values());
  head.stages.forEach((h, i) => {
    if (stageByKey(base, h.key) || renamedTo.has(h.key)) return;
    out.push(
      h.funding
        ? change('config/funding', LOOSE, `/stages/${i}/funding`, 'f.cfgFundingAdded', { stage: h.label, key: h.key })
        : change('config/changed', NOTE, `/stages/${i}`, 'f.cfgStageAdded', { stage: h.label, key: h.key }),
    );
  });
  const [firstBase, firstHead] = [base.stages[0], head.stages[0]];
  if (firstBase && firstHead && asHead(firstBase.key) !== firstHead.key)
    out.push(
      change('config/first-stage', LOOSE, '/stages/0', 'f.cfgFirstStage', {
        from: firstBase.label,
        to: firstHead.label,
      }),
    );
  else {
    // The stages both have, in each one's order: a new order is for the reviewer to see, and one that puts a stage the
    // council decides on before a stage it came after lets more through. The council's return leads back, into a
    // stage before the idea's own in the config's order, with no approval (councilLeadsInto): a return from the
    // stage now after it would lead into the council's stage.
    const common = head.stages.map((s) => s.key).filter((k) => base.stages.some((b) => asHead(b.key) === k));
    const before = base.stages.map((b) => asHead(b.key)).filter((k) => common.includes(k));
    if (canonical(before) !== canonical(common)) {
      const raised = councilStagesRaised(before, common, head);
      if (raised.length > 0) out.push(...raised);
      else out.push(other('/stages', 'stages', before.join(', '), common.join(', ')));
    }
  }
  if ((base.allowDelete === true) !== (head.allowDelete === true))
    out.push(
      head.allowDelete === true
        ? change('config/allow-delete', LOOSE, '/allowDelete', 'f.cfgAllowDelete', {})
        : change('config/changed', NOTE, '/allowDelete', 'f.cfgAllowDeleteOff', {}),
    );
  const [groupBase, groupHead] = [
    base.minGroupSize ?? DEFAULT_MIN_GROUP_SIZE,
    head.minGroupSize ?? DEFAULT_MIN_GROUP_SIZE,
  ];
  if (groupHead < groupBase)
    out.push(change('config/privacy', LOOSE, '/minGroupSize', 'f.cfgMinGroup', { from: groupBase, to: groupHead }));
  else if (groupHead > groupBase) out.push(other('/minGroupSize', 'minGroupSize', groupBase, groupHead));
  out.push(...compareChallenges(base, head));
  // The region a registry names is read by `ideas new` and `ideas diff` (similar ideas elsewhere): a change there is
  // for the reviewer to see.
  for (const field of ['name', 'language', 'idPrefix', 'goals', 'region'] as const)
    if (canonical(base[field]) !== canonical(head[field]))
      out.push(other(`/${field}`, field, base[field], head[field]));
  return out;
}

/**
 * For each stage the council decides on (in head) that the new order puts before a stage it came after: a change
 * that lets a return lead into it from there. `before` and `after` are the keys both configs have, in each one's order.
 */
function councilStagesRaised(before: readonly string[], after: readonly string[], head: RegistryConfig): RuleChange[] {
  const out: RuleChange[] = [];
  after.forEach((key, i) => {
    const stage = stageByKey(head, key);
    if (stage?.council !== true) return;
    const was = before.indexOf(key);
    // The stages after it now that stood before it then.
    const passed = after.slice(i + 1).filter((k) => before.indexOf(k) < was);
    if (passed.length === 0) return;
    const labels = (lang: Lang) => passed.map((k) => stageByKey(head, k)?.label[lang] ?? k).join(', ');
    out.push(
      change('config/council', LOOSE, `/stages/${head.stages.indexOf(stage)}`, 'f.cfgCouncilOrder', {
        stage: stage.label,
        stages: { sv: labels('sv'), en: labels('en') },
      }),
    );
  });
  return out;
}

/**
 * The challenges an idea may name: a list that is not empty is a rule (`ideas validate` refuses any other), so a
 * challenge added to it, or the list emptied or removed (then any challenge goes), lets more through. A challenge
 * taken out of a list that stays, a new list where there was none, or a label changed only tightens or changes words.
 */
function compareChallenges(base: RegistryConfig, head: RegistryConfig): RuleChange[] {
  if (canonical(base.challenges) === canonical(head.challenges)) return [];
  const known = new Set(base.challenges.map((c) => c.id));
  if (base.challenges.length > 0 && head.challenges.length === 0)
    return [change('config/challenges', LOOSE, '/challenges', 'f.cfgChallengesGone', {})];
  const added = head.challenges.filter((c) => !known.has(c.id)).map((c) => c.id);
  if (base.challenges.length > 0 && added.length > 0)
    return [change('config/challenges', LOOSE, '/challenges', 'f.cfgChallengesAdded', { values: added.join(', ') })];
  return [other('/challenges', 'challenges', base.challenges, head.challenges)];
}

/** Any other change to the config: for the reviewer to see, as it neither opens nor closes a gate. */
function other(pointer: string, field: string, from: unknown, to: unknown): RuleChange {
  const shown = (v: unknown) => {
    const s = v === undefined || v === null ? '–' : typeof v === 'string' ? v : canonical(v);
    return s.length > 60 ? `${s.slice(0, 59)}…` : s;
  };
  return change('config/changed', NOTE, pointer, 'f.cfgOther', { field, from: shown(from), to: shown(to) });
}

/**
 * The base's config cannot be read (`reason`: not there, a link, not a config this version can use), so the change
 * cannot be judged by the base's rules: an error, whatever else the diff finds with the rules of head; a warning
 * (`severity`) only for a registry new in the change whose ideas are all new and have made no move or decision.
 */
export function baseConfigUnreadable(reason: Localized, names: SideNames, severity: Severity = LOOSE): RuleChange {
  return {
    file: CONFIG_FILE,
    pointer: null,
    rule: 'config/unreadable',
    severity,
    message: 'f.cfgBaseUnreadable',
    params: { file: CONFIG_FILE, base: names.base, head: names.head, reason },
    hint: 'h.baseUnreadable',
  };
}

/** Why a rule file (the config, a criteria file) that is not 'ok' cannot be read, in words. */
function unreadableReason(read: Exclude<CriteriaFile, { state: 'ok' }>): Localized {
  if (read.state === 'missing') return localize('f.whyMissing');
  if (read.state === 'link') return localize('f.whyLink', { link: read.link, target: read.target });
  return read.reason;
}

/**
 * The changes to each stage's criteria between base and head, for the stages both have (a new stage is the
 * config's change). `read` gives a criteria file at a side; a file shared by several stages is compared once. A
 * base's file that cannot be read, where head has one, is an error: a change cannot be shown to only tighten
 * criteria that cannot be read (`baseKnown: false` when the base's config could not be read either, which is then
 * the one finding that says so).
 */
export function compareCriteria(
  base: RegistryConfig,
  head: RegistryConfig,
  read: { base: (file: string) => CriteriaFile; head: (file: string) => CriteriaFile },
  names: SideNames & { baseKnown?: boolean },
): RuleChange[] {
  const headName = names.head;
  const out: RuleChange[] = [];
  const pairs = new Map<string, { from: string; to: string; stages: Localized[] }>();
  for (const b of base.stages) {
    const h = stageByKey(head, b.key) ?? head.stages.find((s) => s.folder === b.folder && !stageByKey(base, s.key));
    if (!h) continue;
    const id = `${b.criteria}\0${h.criteria}`;
    const pair = pairs.get(id);
    if (pair) pair.stages.push(b.label);
    else pairs.set(id, { from: b.criteria, to: h.criteria, stages: [b.label] });
  }
  // Every criteria file at each side: a `$ref` in one may lead into another, so what a change to one does may depend
  // on where the others use it.
  const schemas = (config: RegistryConfig, at: (file: string) => CriteriaFile) =>
    [...new Set(config.stages.map((s) => s.criteria))].flatMap((file) => {
      const read = at(file);
      return read.state === 'ok' ? [read.schema] : [];
    });
  const registry = { base: schemas(base, read.base), head: schemas(head, read.head) };
  for (const { from, to, stages } of pairs.values()) {
    const stage: Localized = {
      sv: stages.map((s) => s.sv).join(', '),
      en: stages.map((s) => s.en).join(', '),
    };
    const [was, now] = [read.base(from), read.head(to)];
    if (now.state === 'missing') {
      out.push({
        file: to,
        pointer: null,
        rule: 'criteria/unreadable',
        severity: LOOSE,
        message: 'f.critMissing',
        params: { stage, file: to, rev: headName },
      });
      continue;
    }
    if (now.state === 'invalid' || now.state === 'link') {
      out.push({
        file: to,
        pointer: null,
        rule: 'criteria/unreadable',
        severity: LOOSE,
        message: 'f.critInvalid',
        params: { stage, file: to, reason: unreadableReason(now), rev: headName },
      });
      continue;
    }
    // The base's own criteria cannot be read: nothing to compare with, so nothing the change does to them can be
    // shown to only tighten them.
    if (was.state !== 'ok') {
      if (names.baseKnown !== false)
        out.push({
          file: to,
          pointer: null,
          rule: 'criteria/unreadable',
          severity: LOOSE,
          message: 'f.critBaseUnreadable',
          params: { stage, file: from, base: names.base, reason: unreadableReason(was) },
          hint: 'h.baseUnreadable',
        });
      continue;
    }
    if (from === to && was.text === now.text) continue;
    for (const c of compareSchemas(was.schema, now.schema, registry)) out.push(schemaChange(c, to, stage));
  }
  return out;
}

/** Why a change that may only ask more is still counted as a loosening, in words. */
const UNPROVEN: Record<UnprovenReason, MessageKey> = {
  exempts: 'f.critWhyExempts',
  condition: 'f.critWhyCondition',
  inverted: 'f.critWhyInverted',
  reference: 'f.critWhyReference',
  unevaluated: 'f.critWhyUnevaluated',
  unknown: 'f.critWhyUnknown',
};

function schemaChange(c: SchemaChange, file: string, stage: Localized): RuleChange {
  const where: Localized = c.field === '' ? localize('diff.wholeIdea') : { sv: `[${c.field}]`, en: `[${c.field}]` };
  const none = localize('diff.nothing');
  const params: Params = { stage, file, keyword: c.keyword || 'schema', where, from: c.from ?? none, to: c.to ?? none };
  if (c.kind === 'loosened') {
    const dropped = c.keyword === 'required' && c.to === null;
    return {
      file,
      pointer: c.pointer,
      rule: 'criteria/loosened',
      severity: LOOSE,
      message: c.reason ? 'f.critUnproven' : dropped ? 'f.critRequiredDropped' : 'f.critLoosened',
      params: c.reason ? { ...params, reason: localize(UNPROVEN[c.reason]) } : params,
    };
  }
  return {
    file,
    pointer: c.pointer,
    rule: 'criteria/changed',
    severity: NOTE,
    message: c.kind === 'tightened' ? 'f.critTightened' : 'f.critText',
    params,
  };
}

/** The changes as findings, each on its line in head's file (`texts` by file) where it can be found. */
export function ruleFindings(
  changes: readonly RuleChange[],
  texts: ReadonlyMap<string, string>,
  lang: Lang,
  baseName: string,
): Finding[] {
  const positions = new Map<string, YamlPositions>();
  return changes.map((c) => {
    let line: number | null = null;
    let column: number | null = null;
    const text = texts.get(c.file);
    if (c.pointer !== null && text !== undefined) {
      let at = positions.get(c.file);
      if (!at) positions.set(c.file, (at = new YamlPositions(text, 1)));
      try {
        ({ line, column } = at.find(c.pointer));
      } catch {
        // Text the YAML reader cannot place: the finding is on the file.
      }
    }
    const loose = c.severity === 'error';
    const hint: MessageKey =
      c.hint ??
      (c.rule.startsWith('criteria/unreadable') ? 'h.critUnreadable' : loose ? 'h.rulesLoosened' : 'h.rulesChanged');
    return {
      file: c.file,
      line,
      column,
      rule: c.rule,
      severity: c.severity,
      message: t(lang, c.message, c.params),
      hint: t(lang, hint, { base: baseName }),
    };
  });
}

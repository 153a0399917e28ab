/**
 * Every command of `ideas`, declared as data (see spec.ts). Each `run` loads its command and its presenter when it
 * runs, so that `--help`, `--version` and a usage error load neither.
 */
import { isCI, type Ctx } from '../context.js';
import { t } from '../core/i18n/i18n.js';
import { command, common, flag, list, str, type CommandSpec } from './spec.js';

const json = { flags: '--json', help: 'optJson' } as const;
/** Who made a change (move, assign, edit): the history's `by`. A decision's (decide) names who decided. */
const by = { flags: '--by <name>', help: 'actorBy' } as const;
const decidedBy = { flags: '--by <name>', help: 'decideBy' } as const;
const commit = { flags: '--commit', help: 'moveCommit' } as const;
const force = { flags: '--force', help: 'moveForce' } as const;
const includePersonal = { flags: '--include-personal', help: 'optIncludePersonal' } as const;
const id = { name: '<id>', help: 'showId' } as const;

/** The format asked for: `--json` wins over `--format`. */
function formatOf<F extends string>(o: Readonly<Record<string, unknown>>): F {
  return (o.json === true ? 'json' : o.format) as F;
}

/**
 * Whether long work shows its progress: on a terminal only, never in a pipe or in CI, and only in the output meant
 * for people (`human`: the pretty format, not JSON).
 */
function showsProgress(ctx: Ctx, human: boolean): boolean {
  return human && ctx.stderr.isTTY === true && !isCI(ctx.env);
}

export const COMMANDS: readonly CommandSpec[] = [
  command({
    path: ['init'],
    help: 'init',
    args: [{ name: '[dir]', help: 'initDir' }],
    options: [
      { flags: '-t, --template <name>', help: 'initTemplate' },
      { flags: '--ci <provider>', help: 'initCi', choices: ['github', 'gitlab', 'none'], default: 'github' },
      { flags: '--no-ci', help: 'initNoCi' },
      { flags: '--package <spec>', help: 'initPackage' },
      { flags: '--commit', help: 'initCommit' },
      json,
    ],
    notes: 'initLang',
    input: ([dir], o) => ({
      ...common(o),
      dir: str(dir),
      template: str(o.template),
      ci: o.ci === false ? false : str(o.ci),
      package: str(o.package),
      commit: flag(o.commit),
    }),
    run: async (input, { ctx, view }) => {
      const { runInit } = await import('../commands/init.js');
      const { presentInit } = await import('../ui/present/registry.js');
      return presentInit(await runInit(input, ctx), input.json === true, await view());
    },
  }),
  command({ path: ['hook'], help: 'hook' }),
  command({
    path: ['hook', 'install'],
    help: 'hookInstall',
    options: [{ flags: '--force', help: 'hookForce' }, json],
    examples: 'hook',
    input: (_args, o) => ({ ...common(o), force: flag(o.force) }),
    run: async (input, { ctx, view }) => {
      const { runHookInstall } = await import('../commands/hook.js');
      const { presentHookInstall } = await import('../ui/present/registry.js');
      return presentHookInstall(await runHookInstall(input, ctx), input.json === true, await view());
    },
  }),
  command({
    path: ['hook', 'uninstall'],
    help: 'hookUninstall',
    options: [json],
    examples: 'hook',
    input: (_args, o) => common(o),
    run: async (input, { ctx }) => {
      const { runHookUninstall } = await import('../commands/hook.js');
      const { presentHookUninstall } = await import('../ui/present/registry.js');
      return presentHookUninstall(await runHookUninstall(input, ctx), input.json === true);
    },
  }),
  command({ path: ['region'], help: 'region' }),
  command({
    path: ['region', 'init'],
    help: 'regionInit',
    args: [{ name: '[dir]', help: 'regionInitDir' }],
    options: [{ flags: '--name <text>', help: 'regionInitName' }, json],
    examples: 'region',
    input: ([dir], o) => ({ ...common(o), dir: str(dir), name: str(o.name) }),
    run: async (input, { ctx }) => {
      const { runRegionInit } = await import('../commands/region/init.js');
      const { presentRegionInit } = await import('../ui/present/region.js');
      return presentRegionInit(await runRegionInit(input, ctx), input.json === true);
    },
  }),
  command({
    path: ['region', 'add'],
    help: 'regionAdd',
    args: [
      { name: '<id>', help: 'regionAddId' },
      { name: '<url>', help: 'regionAddUrl' },
    ],
    options: [
      { flags: '--name <text>', help: 'regionAddName' },
      { flags: '--municipality <code>', help: 'regionAddMunicipality' },
      { flags: '--branch <name>', help: 'regionAddBranch' },
      { flags: '--path <dir>', help: 'regionAddPath' },
      { flags: '--site <url>', help: 'regionAddSite' },
      json,
    ],
    examples: 'region',
    input: ([id, url], o) => ({
      ...common(o),
      id: str(id) ?? '',
      url: str(url) ?? '',
      name: str(o.name),
      municipality: str(o.municipality),
      branch: str(o.branch),
      path: str(o.path),
      site: str(o.site),
    }),
    run: async (input, { ctx }) => {
      const { runRegionAdd } = await import('../commands/region/add.js');
      const { presentRegionAdd } = await import('../ui/present/region.js');
      return presentRegionAdd(await runRegionAdd(input, ctx), input.json === true);
    },
  }),
  command({
    path: ['region', 'remove'],
    help: 'regionRemove',
    args: [{ name: '<id>', help: 'regionRemoveId' }],
    options: [json],
    examples: 'region',
    input: ([id], o) => ({ ...common(o), id: str(id) ?? '' }),
    run: async (input, { ctx }) => {
      const { runRegionRemove } = await import('../commands/region/remove.js');
      const { presentRegionRemove } = await import('../ui/present/region.js');
      return presentRegionRemove(await runRegionRemove(input, ctx), input.json === true);
    },
  }),
  command({
    path: ['region', 'sync'],
    help: 'regionSync',
    options: [
      { flags: '--member <id>', help: 'regionMember', repeatable: true },
      { flags: '-j, --jobs <n>', help: 'regionJobs' },
      { flags: '--timeout <seconds>', help: 'regionTimeout' },
      {
        flags: '-f, --format <format>',
        help: 'regionSyncFormat',
        choices: ['pretty', 'json', 'github'],
        default: 'pretty',
      },
      json,
    ],
    examples: 'region',
    input: (_args, o) => ({
      ...common(o),
      format: formatOf<'pretty' | 'json' | 'github'>(o),
      members: list(o.member),
      jobs: str(o.jobs),
      timeout: str(o.timeout),
    }),
    run: async (input, { ctx, view, lang }) => {
      const { runRegionSync } = await import('../commands/region/sync.js');
      const { presentRegionSync } = await import('../ui/present/region.js');
      const { progressLine } = await import('../ui/present/progress.js');
      const showProgress = showsProgress(ctx, input.format === 'pretty');
      const onProgress = showProgress
        ? (done: number, total: number) =>
            ctx.stderr.write(progressLine(t(lang, 'region.sync.progress', { done, total }), done === total))
        : undefined;
      const result = await runRegionSync({ ...input, onProgress }, ctx);
      return presentRegionSync(result, input.format, await view());
    },
  }),
  command({
    path: ['region', 'list'],
    help: 'regionList',
    options: [
      { flags: '--member <id>', help: 'regionMember', repeatable: true },
      { flags: '-s, --stage <stage>', help: 'regionStage' },
      json,
    ],
    examples: 'region',
    input: (_args, o) => ({ ...common(o), members: list(o.member), stage: str(o.stage) }),
    run: async (input, { ctx, view }) => {
      const { runRegionList } = await import('../commands/region/list.js');
      const { presentRegionList } = await import('../ui/present/region.js');
      return presentRegionList(await runRegionList(input, ctx), input.json === true, await view());
    },
  }),
  command({
    path: ['region', 'show'],
    help: 'regionShow',
    args: [{ name: '<member:id>', help: 'regionShowId' }],
    options: [json],
    examples: 'region',
    input: ([ref], o) => ({ ...common(o), ref: ref as string }),
    run: async (input, { ctx, view }) => {
      const { runRegionShow } = await import('../commands/region/show.js');
      const { presentRegionShow } = await import('../ui/present/region.js');
      return presentRegionShow(await runRegionShow(input, ctx), input.json === true, await view());
    },
  }),
  command({
    path: ['region', 'duplicates'],
    help: 'regionDuplicates',
    options: [
      { flags: '--member <id>', help: 'regionMember', repeatable: true },
      { flags: '--min-score <number>', help: 'regionMinScore' },
      { flags: '--limit <n>', help: 'regionLimit' },
      json,
    ],
    examples: 'region',
    input: (_args, o) => ({ ...common(o), members: list(o.member), minScore: str(o.minScore), limit: str(o.limit) }),
    run: async (input, { ctx, view }) => {
      const { runRegionDuplicates } = await import('../commands/region/duplicates.js');
      const { presentRegionDuplicates } = await import('../ui/present/region.js');
      return presentRegionDuplicates(await runRegionDuplicates(input, ctx), input.json === true, await view());
    },
  }),
  command({
    path: ['region', 'report'],
    help: 'regionReport',
    options: [
      { flags: '--member <id>', help: 'regionMember', repeatable: true },
      { flags: '--since <date>', help: 'reportSince' },
      { flags: '--until <date>', help: 'reportUntil' },
      { flags: '--by <field>', help: 'regionReportBy', repeatable: true },
      {
        flags: '-f, --format <format>',
        help: 'regionReportFormat',
        choices: ['text', 'md', 'json', 'csv'],
        default: 'text',
      },
      json,
    ],
    examples: 'region',
    input: (_args, o) => ({
      ...common(o),
      format: formatOf<'text' | 'md' | 'json' | 'csv'>(o),
      members: list(o.member),
      since: str(o.since),
      until: str(o.until),
      by: list(o.by),
    }),
    run: async (input, { ctx, view }) => {
      const { runRegionReport } = await import('../commands/region/report.js');
      const { presentRegionReport } = await import('../ui/present/region.js');
      return presentRegionReport(await runRegionReport(input, ctx), input.format, await view());
    },
  }),
  command({
    path: ['region', 'export'],
    help: 'regionExport',
    options: [
      { flags: '--member <id>', help: 'regionMember', repeatable: true },
      { flags: '-f, --format <format>', help: 'exportFormat', choices: ['csv', 'json'], default: 'csv' },
      { flags: '-s, --stage <stage>', help: 'regionStage' },
      { flags: '--delimiter <char>', help: 'exportDelimiter' },
      json,
    ],
    examples: 'region',
    input: (_args, o) => ({
      ...common(o),
      format: formatOf<'csv' | 'json'>(o),
      members: list(o.member),
      stage: str(o.stage),
      delimiter: str(o.delimiter),
    }),
    run: async (input, { ctx, view }) => {
      const { runRegionExport } = await import('../commands/region/export.js');
      const { presentRegionExport } = await import('../ui/present/region.js');
      return presentRegionExport(await runRegionExport(input, ctx), input.format, await view());
    },
  }),
  command({
    path: ['region', 'site'],
    help: 'regionSite',
    options: [
      { flags: '--member <id>', help: 'regionMember', repeatable: true },
      { flags: '-o, --out <dir>', help: 'regionSiteOut' },
      json,
    ],
    examples: 'region',
    input: (_args, o) => ({ ...common(o), members: list(o.member), out: str(o.out) }),
    run: async (input, { ctx, view }) => {
      const { runRegionSite } = await import('../commands/region/site.js');
      const { presentRegionSite } = await import('../ui/present/region.js');
      return presentRegionSite(await runRegionSite(input, ctx), input.json === true, await view());
    },
  }),
  command({
    path: ['new'],
    help: 'new',
    options: [
      { flags: '--title <text>', help: 'newTitle' },
      { flags: '--set <key=value>', help: 'newSet', repeatable: true },
      { flags: '--body <markdown>', help: 'newBody' },
      { flags: '--body-file <file>', help: 'newBodyFile' },
      { flags: '--by <name>', help: 'newBy' },
      commit,
      json,
    ],
    input: (_args, o) => ({
      ...common(o),
      title: str(o.title),
      set: list(o.set),
      body: str(o.body),
      bodyFile: str(o.bodyFile),
      by: str(o.by),
      commit: flag(o.commit),
    }),
    run: async (input, { ctx, view }) => {
      const { runNew } = await import('../commands/new.js');
      const { presentNew } = await import('../ui/present/ideas.js');
      return presentNew(await runNew(input, ctx), input.json === true, await view());
    },
  }),
  command({
    path: ['adopt'],
    help: 'adopt',
    args: [{ name: '<member:id>', help: 'adoptRef' }],
    options: [
      { flags: '-s, --stage <stage>', help: 'adoptStage' },
      { flags: '--set <key=value>', help: 'adoptSet', repeatable: true },
      { flags: '--by <name>', help: 'adoptBy' },
      { flags: '--force', help: 'adoptForce' },
      commit,
      json,
    ],
    input: ([ref], o) => ({
      ...common(o),
      ref: ref as string,
      stage: str(o.stage),
      set: list(o.set),
      by: str(o.by),
      force: flag(o.force),
      commit: flag(o.commit),
    }),
    run: async (input, { ctx, view }) => {
      const { runAdopt } = await import('../commands/adopt.js');
      const { presentAdopt } = await import('../ui/present/adopt.js');
      return presentAdopt(await runAdopt(input, ctx), input.json === true, await view());
    },
  }),
  command({
    path: ['list'],
    help: 'list',
    options: [
      { flags: '-s, --stage <stage>', help: 'listStage' },
      { flags: '--tag <tag>', help: 'listTag' },
      { flags: '--funds', help: 'listFunds' },
      json,
    ],
    input: (_args, o) => ({ ...common(o), stage: str(o.stage), tag: str(o.tag), funds: flag(o.funds) }),
    run: async (input, { ctx, view }) => {
      const { runList } = await import('../commands/list.js');
      const { presentList } = await import('../ui/present/ideas.js');
      const result = await runList(input, ctx);
      return presentList(result, { json: input.json === true, funds: input.funds }, await view());
    },
  }),
  command({
    path: ['show'],
    help: 'show',
    args: [id],
    options: [json],
    input: ([id], o) => ({ ...common(o), id: id as string }),
    run: async (input, { ctx, view }) => {
      const { runShow } = await import('../commands/show.js');
      const { presentShow } = await import('../ui/present/ideas.js');
      return presentShow(await runShow(input, ctx), input.json === true, await view());
    },
  }),
  command({
    path: ['move'],
    help: 'move',
    args: [id, { name: '[stage]', help: 'moveStage' }],
    options: [{ flags: '--note <text>', help: 'moveNote' }, by, force, commit, json],
    input: ([id, stage], o) => ({
      ...common(o),
      id: id as string,
      to: str(stage),
      note: str(o.note),
      by: str(o.by),
      force: flag(o.force),
      commit: flag(o.commit),
    }),
    run: async (input, { ctx, view }) => {
      const { runMove } = await import('../commands/move.js');
      const { presentMove } = await import('../ui/present/ideas.js');
      return presentMove(await runMove(input, ctx), input.json === true, await view());
    },
  }),
  command({
    path: ['decide'],
    help: 'decide',
    args: [id],
    options: [
      { flags: '-d, --decision <decision>', help: 'decideDecision', required: true },
      { flags: '-r, --reason <text>', help: 'decideReason' },
      { flags: '--amount <number>', help: 'decideAmount' },
      { flags: '--to <stage>', help: 'decideTo' },
      { flags: '--set <field=value>', help: 'decideSet', repeatable: true },
      { flags: '--conflict <name>', help: 'decideConflict', repeatable: true },
      decidedBy,
      force,
      commit,
      json,
    ],
    input: ([id], o) => ({
      ...common(o),
      id: id as string,
      decision: o.decision as string,
      reason: str(o.reason),
      amount: str(o.amount),
      to: str(o.to),
      set: list(o.set),
      conflict: list(o.conflict),
      by: str(o.by),
      force: flag(o.force),
      commit: flag(o.commit),
    }),
    run: async (input, { ctx, view }) => {
      const { runDecide } = await import('../commands/decide.js');
      const { presentDecide } = await import('../ui/present/ideas.js');
      return presentDecide(await runDecide(input, ctx), input.json === true, await view());
    },
  }),
  command({
    path: ['assign'],
    help: 'assign',
    args: [id],
    options: [
      { flags: '--coach <name>', help: 'assignCoach' },
      { flags: '--carrier <name>', help: 'assignCarrier' },
      by,
      commit,
      json,
    ],
    input: ([id], o) => ({
      ...common(o),
      id: id as string,
      coach: str(o.coach),
      carrier: str(o.carrier),
      by: str(o.by),
      commit: flag(o.commit),
    }),
    run: async (input, { ctx, view }) => {
      const { runAssign } = await import('../commands/assign.js');
      const { presentAssign } = await import('../ui/present/ideas.js');
      return presentAssign(await runAssign(input, ctx), input.json === true, await view());
    },
  }),
  command({
    path: ['edit'],
    help: 'edit',
    args: [id],
    options: [
      { flags: '--set <key=value>', help: 'editSet', repeatable: true },
      { flags: '--unset <key>', help: 'editUnset', repeatable: true },
      { flags: '--body <markdown>', help: 'editBody' },
      { flags: '--body-file <file>', help: 'editBodyFile' },
      by,
      commit,
      json,
    ],
    notes: 'editNotes',
    input: ([id], o) => ({
      ...common(o),
      id: id as string,
      set: list(o.set),
      unset: list(o.unset),
      body: str(o.body),
      bodyFile: str(o.bodyFile),
      by: str(o.by),
      commit: flag(o.commit),
    }),
    run: async (input, { ctx, view }) => {
      const { runEdit } = await import('../commands/edit.js');
      const { presentEdit } = await import('../ui/present/ideas.js');
      return presentEdit(await runEdit(input, ctx), input.json === true, await view());
    },
  }),
  command({
    path: ['review'],
    help: 'review',
    options: [
      { flags: '-s, --stage <stage>', help: 'reviewStage' },
      { flags: '--by <name>', help: 'reviewBy' },
      { flags: '--minutes <file>', help: 'reviewMinutes' },
      { flags: '--dry-run', help: 'reviewDryRun' },
      { flags: '--include-parked', help: 'reviewIncludeParked' },
      { flags: '--conflict <idea=name>', help: 'reviewConflict', repeatable: true },
      // The Swedish word, for those who look for it: the same as --conflict.
      { flags: '--jav <idea=name>', help: 'reviewConflict', repeatable: true, hidden: true },
      json,
    ],
    input: (_args, o) => ({
      ...common(o),
      stage: str(o.stage),
      by: str(o.by),
      minutes: str(o.minutes),
      dryRun: flag(o.dryRun),
      includeParked: flag(o.includeParked),
      conflicts: [...list(o.conflict), ...list(o.jav)],
    }),
    run: async (input, { ctx, view }) => {
      const { runReview } = await import('../commands/review.js');
      const { renderReviewCard } = await import('../ui/render-review.js');
      const { presentReview } = await import('../ui/present/review.js');
      const v = await view();
      // Each idea is shown to the council before its question, as the meeting goes.
      const present = (card: Parameters<typeof renderReviewCard>[0]) =>
        ctx.stderr.write(renderReviewCard(card, v.errWidth, v.err));
      const result = await runReview({ ...input, present }, ctx);
      return presentReview(
        result,
        {
          json: input.json === true,
          dryRun: input.dryRun,
          minutesAsked: input.minutes !== undefined,
        },
        v,
      );
    },
  }),
  command({
    path: ['validate'],
    help: 'validate',
    args: [{ name: '[paths...]', help: 'validatePaths' }],
    options: [
      {
        flags: '-f, --format <format>',
        help: 'validateFormat',
        choices: ['pretty', 'json', 'github', 'junit'],
        default: 'pretty',
      },
      json,
      { flags: '--strict', help: 'validateStrict' },
      { flags: '--changed', help: 'validateChanged' },
      { flags: '--base <ref>', help: 'validateBase' },
      // The pre-commit hook's run (src/core/scaffold/git-hook.ts): the staged idea files, listed by git with -z.
      { flags: '--staged', help: 'validateStaged', hidden: true },
      { flags: '--index-file <file>', help: 'validateIndexFile', hidden: true },
    ],
    input: ([paths], o) => ({
      ...common(o),
      format: formatOf<'pretty' | 'json' | 'github' | 'junit'>(o),
      paths: list(paths),
      strict: flag(o.strict),
      changed: flag(o.changed),
      base: str(o.base),
      staged: flag(o.staged),
      indexFile: str(o.indexFile),
    }),
    run: async (input, { ctx, view, lang }) => {
      const { runValidate } = await import('../commands/validate.js');
      const { presentValidate } = await import('../ui/present/checks.js');
      const { progressLine } = await import('../ui/present/progress.js');
      const showProgress = showsProgress(ctx, input.format === 'pretty');
      const onProgress = showProgress
        ? (done: number, total: number) => {
            if (total >= 500) ctx.stderr.write(progressLine(t(lang, 'out.progress', { done, total }), done === total));
          }
        : undefined;
      // Only the pretty output shows the `ideas edit` lines that fix a finding.
      const result = await runValidate({ ...input, onProgress, fixes: input.format === 'pretty' }, ctx);
      return presentValidate(result, input.format, await view());
    },
  }),
  command({
    path: ['diff'],
    help: 'diff',
    args: [
      { name: '[base]', help: 'diffBase' },
      { name: '[head]', help: 'diffHead' },
    ],
    options: [
      {
        flags: '-f, --format <format>',
        help: 'diffFormat',
        choices: ['text', 'md', 'json', 'github', 'junit'],
        default: 'text',
      },
      json,
    ],
    notes: 'diffRules',
    input: ([base, head], o) => ({
      ...common(o),
      format: formatOf<'text' | 'md' | 'json' | 'github' | 'junit'>(o),
      base: str(base),
      head: str(head),
    }),
    run: async (input, { ctx, view }) => {
      const { runDiff } = await import('../commands/diff.js');
      const { presentDiff } = await import('../ui/present/checks.js');
      return presentDiff(await runDiff(input, ctx), input.format, await view());
    },
  }),
  command({
    path: ['schema'],
    help: 'schema',
    options: [
      { flags: '-s, --stage <stage>', help: 'schemaStage' },
      { flags: '--region', help: 'schemaRegion' },
    ],
    input: (_args, o) => ({ ...common(o), stage: str(o.stage), region: flag(o.region) }),
    run: async (input, { ctx }) => {
      const { runSchema, runRegionSchema } = await import('../commands/schema.js');
      const { presentSchema, presentRegionSchema } = await import('../ui/present/checks.js');
      if (input.region) return presentRegionSchema(runRegionSchema(input, ctx), input.json === true);
      return presentSchema(await runSchema(input, ctx), input.json === true);
    },
  }),
  command({
    path: ['report'],
    help: 'report',
    options: [
      { flags: '--since <date>', help: 'reportSince' },
      { flags: '--until <date>', help: 'reportUntil' },
      { flags: '--by <field>', help: 'reportBy', repeatable: true },
      { flags: '-f, --format <format>', help: 'reportFormat', choices: ['text', 'md', 'json', 'csv'], default: 'text' },
      includePersonal,
      json,
    ],
    input: (_args, o) => ({
      ...common(o),
      format: formatOf<'text' | 'md' | 'json' | 'csv'>(o),
      since: str(o.since),
      until: str(o.until),
      by: list(o.by),
      includePersonal: flag(o.includePersonal),
    }),
    run: async (input, { ctx, view }) => {
      const { runReport } = await import('../commands/report.js');
      const { presentReport } = await import('../ui/present/data.js');
      return presentReport(await runReport(input, ctx), input.format, await view());
    },
  }),
  command({
    path: ['export'],
    help: 'export',
    options: [
      { flags: '-f, --format <format>', help: 'exportFormat', choices: ['csv', 'json'], default: 'csv' },
      { flags: '-s, --stage <stage>', help: 'exportStage' },
      includePersonal,
      { flags: '--delimiter <char>', help: 'exportDelimiter' },
      json,
    ],
    input: (_args, o) => ({
      ...common(o),
      format: formatOf<'csv' | 'json'>(o),
      stage: str(o.stage),
      includePersonal: flag(o.includePersonal),
      delimiter: str(o.delimiter),
    }),
    run: async (input, { ctx, view }) => {
      const { runExport } = await import('../commands/export.js');
      const { presentExport } = await import('../ui/present/data.js');
      return presentExport(await runExport(input, ctx), input, await view());
    },
  }),
  command({
    path: ['site'],
    help: 'site',
    options: [{ flags: '-o, --out <dir>', help: 'siteOut' }, includePersonal, json],
    notes: 'siteNotes',
    input: (_args, o) => ({ ...common(o), out: str(o.out), includePersonal: flag(o.includePersonal) }),
    run: async (input, { ctx, view }) => {
      const { runSite } = await import('../commands/site.js');
      const { presentSite } = await import('../ui/present/data.js');
      return presentSite(await runSite(input, ctx), input.json === true, await view());
    },
  }),
  command({
    path: ['import'],
    help: 'import',
    args: [{ name: '<file>', help: 'importFile' }],
    options: [
      { flags: '--map <column=field>', help: 'importMap', repeatable: true },
      { flags: '-s, --stage <stage>', help: 'importStage' },
      { flags: '--dry-run', help: 'importDryRun' },
      { flags: '--skip-invalid', help: 'importSkipInvalid' },
      { flags: '--by <name>', help: 'importBy' },
      json,
    ],
    input: ([file], o) => ({
      ...common(o),
      file: file as string,
      map: list(o.map),
      stage: str(o.stage),
      dryRun: flag(o.dryRun),
      skipInvalid: flag(o.skipInvalid),
      by: str(o.by),
    }),
    run: async (input, { ctx, view, lang }) => {
      const { runImport } = await import('../commands/import.js');
      const { presentImport } = await import('../ui/present/data.js');
      const { percentProgress } = await import('../ui/present/progress.js');
      // Progress only for large imports (percentProgress's threshold).
      const progress = showsProgress(ctx, input.json !== true)
        ? percentProgress(
            400,
            (percent) => t(lang, 'out.importProgress', { percent }),
            (s) => ctx.stderr.write(s),
          )
        : undefined;
      const result = await runImport({ ...input, onProgress: progress?.report }, ctx);
      progress?.clear();
      return presentImport(result, input.json === true, await view());
    },
  }),
];

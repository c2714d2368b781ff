// Snapshot + Intent -> Report: resolves what is gated, runs the rules in order, applies the stopping
// rules of the conformance conventions, and concludes. Pure: no I/O.
import {
  fileOwnerIndex,
  importOwnerIndex,
  loadModules,
  releasesOfModule,
  resolveTag,
  ROOT_DIR,
  splitTag,
  tagPrefixOf,
  unknownModuleDirs,
  type Module
} from './go/module/layout.js';
import { hasImplicitRootModule } from './go/module/local.js';
import { modulePath } from './go/module/modfile.js';
import { pathMajorDigits, splitPathVersion } from './go/module/modpath.js';
import { majorDigits, releaseVersionProblem } from './go/module/version.js';
import type { GoFile, RuleContext, Target } from './rules/context.js';
import { rules } from './rules/index.js';
import { latestOwnRelease } from './rules/module-path-major.js';
import { compareMajors } from './go/module/majors.js';
import { applyLocalModules } from './rules/local-modules.js';
import { assumedPackageName, compareApis, summarizeChanges } from './go/api/diff.js';
import type { ApiChange } from './go/api/model.js';
import { isVersionStamp } from './rules/version-stamp.js';
import { retractedBy, skipRetracted, suggestNextVersion } from './go/module/next-version.js';
import type {
  Conclusion,
  FailOn,
  Finding,
  Intent,
  RuleId,
  Snapshot,
  TargetMode,
  TargetSource
} from './types.js';
import { TOOL_NAME, TOOL_VERSION } from './version.js';
import { UsageError } from './errors.js';
import { applyConfig } from './config/apply.js';
import type { Config } from './config/parse.js';
import { onlyNewFindings, type PreExistingSummary } from './config/only-new.js';

export interface AnalyzeOptions {
  intent: Intent;
  failOn?: FailOn;
  disable?: readonly string[];
  /** When gathering started (ms since the epoch), so that stats.ms covers the whole check. */
  startedAt?: number;
  /** The configuration file's excludes, rule levels and accepted findings. */
  config?: Config;
}

export interface TargetSummary {
  module: string | null;
  dir: string | null;
  version: string | null;
  tag: string | null;
  mode: TargetMode;
  source: TargetSource;
  /** The next version gorelease would suggest from the API changes (when there is a comparison point). */
  suggested?: string;
}

export interface ModuleSummary {
  dir: string;
  path: string | null;
  major: number;
  goFiles: number;
}

export interface Report {
  tool: { name: string; version: string };
  targets: TargetSummary[];
  modules: ModuleSummary[];
  findings: Finding[];
  conclusion: Conclusion;
  stats: { files: number; bytes: number; ms: number };
  /** What the configuration file did: its path, and how many findings it accepted and excluded. */
  config?: { file: string; accepted: number; excluded: number };
  /** With only-new on a pull request: the findings the merge base has too, left out, by rule. */
  preExisting?: PreExistingSummary;
  /** The pull request's label that allowed its breaking changes (they are notices), and how many. */
  allowedBreaking?: { label: string; count: number };
}

/**
 * A pull request that carries the allow-breaking label: its breaking-change errors become notices
 * that say so, and the report counts them, so a reviewer still sees every break.
 */
export function allowBreakingChanges(report: Report, label: string, failOn: FailOn): Report {
  let count = 0;
  const findings = report.findings.map(f => {
    if (f.rule !== 'breaking-change' || f.severity !== 'error') return f;
    count++;
    return { ...f, severity: 'notice' as const, message: `${f.message} (allowed by the label "${label}")` };
  });
  return { ...report, findings, allowedBreaking: { label, count }, conclusion: conclude(findings, failOn) };
}

/** The report of a pull request without the findings its merge base has too (`--only-new`). */
export function withoutPreExisting(report: Report, baseFindings: readonly Finding[], failOn: FailOn): Report {
  const { findings, preExisting } = onlyNewFindings(report.findings, baseFindings);
  return { ...report, findings, preExisting, conclusion: conclude(findings, failOn) };
}

export function analyze(snapshot: Snapshot, options: AnalyzeOptions): Report {
  const startedAt = options.startedAt ?? Date.now();
  const modules = loadModules(snapshot.goMods);
  const targets = resolveTargets(options.intent, modules, snapshot);
  const ctx: RuleContext = {
    snapshot,
    modules,
    targets,
    goFilesByModule: groupGoFiles(snapshot, modules),
    importOwner: importOwnerIndex(modules),
    apiChanges: compareModuleApis(snapshot)
  };
  const disabled = new Set(options.disable ?? []);
  const found = applyStoppingRules(
    applyLocalModules(
      rules.flatMap(rule => rule.check(ctx)),
      ctx
    )
  ).filter(f => !disabled.has(f.rule));
  const configured = options.config
    ? applyConfig(found, options.config, gatedModuleDirs(targets))
    : undefined;
  const findings = sortFindings(configured?.findings ?? found);
  return {
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    targets: targets.map(t => summarizeTarget(t, ctx)),
    modules: modules
      .slice()
      .sort((a, b) => (a.dir < b.dir ? -1 : a.dir > b.dir ? 1 : 0))
      .map(m => summarizeModule(m, ctx)),
    findings,
    conclusion: conclude(findings, options.failOn ?? 'error'),
    stats: { files: snapshot.stats.files, bytes: snapshot.stats.bytes, ms: Date.now() - startedAt },
    ...(options.config && configured
      ? {
          config: { file: options.config.file, accepted: configured.accepted, excluded: configured.excluded }
        }
      : {})
  };
}

/** The directories of the modules whose version is gated (a release or a major bump). */
function gatedModuleDirs(targets: readonly Target[]): Set<string> {
  return new Set(targets.filter(t => t.mode !== 'consistency' && t.module).map(t => t.module!.dir));
}

/** What is gated, per DESIGN.md §2. Throws UsageError when the request names nothing that exists. */
export function resolveTargets(
  intent: Intent,
  modules: Module[],
  snapshot: Pick<Snapshot, 'baseGoMods'> &
    Partial<Pick<Snapshot, 'unreadable' | 'tags'>> & { files?: readonly string[] }
): Target[] {
  // Directories whose go.mod exists but could not be read: a tag there maps to no known module.
  const unknown = unknownModuleDirs(snapshot.unreadable?.keys() ?? []);
  // Without the file list (API gathering), a root without go.mod counts as implicit only with no go.mod at all.
  const implicitRoot =
    !unknown.has(ROOT_DIR) &&
    ((modules.length === 0 && unknown.size === 0) ||
      (snapshot.files !== undefined && hasImplicitRootModule(modules, snapshot.files)));
  switch (intent.kind) {
    case 'tag':
      return [tagTarget(intent.tag, intent.source, modules, { unknown, implicitRoot })];
    case 'version':
      return [
        versionTarget(intent.version, intent.moduleDir ?? ROOT_DIR, intent.source, modules, {
          unknown,
          implicitRoot
        })
      ];
    case 'consistency':
      return modules.map(module => ({ mode: 'consistency', source: intent.source, module }));
    case 'pull-request':
      return modules.map(module => pullRequestTarget(module, modules, intent.source, snapshot));
  }
}

/** What the tree says beyond its modules: go.mod files it cannot read, and an implicit root module. */
interface TreeFacts {
  unknown: ReadonlySet<string>;
  implicitRoot: boolean;
}

function tagTarget(tag: string, source: TargetSource, modules: Module[], facts: TreeFacts): Target {
  const { prefix, version } = splitTag(tag);
  const problem = releaseVersionProblem(version);
  const major = problem ? spelledMajor(version) : undefined;
  const resolution = resolveTag(
    prefix,
    problem ? (major ? `v${major}.0.0` : '') : version,
    modules,
    facts.unknown
  );
  const base: Target = { mode: 'release', source, tag, version };
  if (problem)
    return {
      ...base,
      tagProblem: problem,
      ...(major !== undefined ? { spelledMajor: major } : {}),
      ...(resolution.kind === 'module' ? { module: resolution.module } : {})
    };
  // A root tag of a repository whose root is an implicit module (no go.mod, .go files outside the
  // nested modules) releases that root, as the go command serves it.
  if (resolution.kind === 'none' && prefix === '' && facts.implicitRoot) return { ...base, legacyRoot: true };
  if (resolution.kind === 'none') return { ...base, tagProblem: resolution.reason };
  if (resolution.kind === 'legacy-root') return { ...base, legacyRoot: true };
  return { ...base, module: resolution.module };
}

function versionTarget(
  version: string,
  moduleDir: string,
  source: TargetSource,
  modules: Module[],
  facts: TreeFacts
): Target {
  const dir = normalizeDir(moduleDir);
  const module = modules.find(m => m.dir === dir);
  if (!module) {
    if (facts.unknown.has(dir)) {
      const tagProblem = `${dir === ROOT_DIR ? 'go.mod' : `${dir}/go.mod`}, which would release it, cannot be read (gomod-unreadable)`;
      return { mode: 'release', source, version, tag: tagPrefixOf(dir) + version, tagProblem };
    }
    if (facts.implicitRoot && dir === ROOT_DIR)
      return { mode: 'release', source, version, tag: version, legacyRoot: true };
    throw new UsageError(
      `there is no module in ${dir === ROOT_DIR ? 'the repository root' : `${dir}/`}: no go.mod there (modules: ${modules.map(m => m.dir).join(', ') || 'none'})`
    );
  }
  const tag = tagPrefixOf(dir) + version;
  const problem = releaseVersionProblem(version);
  const major = problem ? spelledMajor(version) : undefined;
  return {
    mode: 'release',
    source,
    module,
    version,
    tag,
    ...(problem ? { tagProblem: problem } : {}),
    ...(major !== undefined ? { spelledMajor: major } : {})
  };
}

/**
 * The major an invalid version still spells without doubt: `v2.19.05`, `v2`, `v2.0`,
 * `v2.0.0+incompatible` spell 2; `2.0.0`, `V2.0.0` or `v02.0.0` spell none.
 */
export function spelledMajor(version: string): string | undefined {
  return /^v(0|[1-9][0-9]*)(?=[.+-]|$)/.exec(version)?.[1];
}

/**
 * A pull request bumps a module's major when its go.mod's suffix differs from the base's, to a major
 * higher than the module's latest release. A move to a lower major (`/v3` back to no suffix with v3.x
 * released) is no bump: it stays a consistency check, where module-path-major reports it.
 */
function pullRequestTarget(
  module: Module,
  modules: readonly Module[],
  source: TargetSource,
  snapshot: Pick<Snapshot, 'baseGoMods'> & Partial<Pick<Snapshot, 'tags'>>
): Target {
  const base = snapshot.baseGoMods?.get(module.goModFile);
  const basePath = base ? modulePath(base) : '';
  if (basePath && module.path !== undefined) {
    const before = splitPathVersion(basePath);
    const beforeMajor = before.ok ? pathMajorDigits(before.pathMajor) : '';
    if (
      before.ok &&
      beforeMajor !== module.pathMajorDigits &&
      !belowLatestRelease(module, modules, snapshot)
    ) {
      const major = module.pathMajorDigits === '' ? '1' : module.pathMajorDigits;
      // The bump proposes the major's first version that its go.mod does not retract.
      const version = skipRetracted(
        `v${major}.0.0`,
        { breaking: 0, compatible: 0 },
        retractedBy(module.modFile.retract)
      );
      return { mode: 'major-bump', source, module, version, tag: tagPrefixOf(module.dir) + version };
    }
  }
  return { mode: 'consistency', source, module };
}

/** Whether the module's path says a lower major than its latest release. */
function belowLatestRelease(
  module: Module,
  modules: readonly Module[],
  snapshot: Partial<Pick<Snapshot, 'tags'>>
): boolean {
  const latest = snapshot.tags ? latestOwnRelease(module, snapshot.tags, modules) : undefined;
  return latest !== undefined && compareMajors(majorDigits(latest.version), module.pathMajorDigits) > 0;
}

export function normalizeDir(dir: string): string {
  const trimmed = dir
    .replace(/\\/g, '/')
    .replace(/^\.\/+/, '')
    .replace(/\/+$/, '');
  return trimmed === '' || trimmed === '.' ? ROOT_DIR : trimmed;
}

function groupGoFiles(snapshot: Snapshot, modules: Module[]): Map<Module, GoFile[]> {
  const owner = fileOwnerIndex(modules);
  const groups = new Map<Module, GoFile[]>();
  const files = [...snapshot.goFiles.keys()].sort();
  for (const file of files) {
    const module = owner(file);
    if (!module) continue;
    let list = groups.get(module);
    if (!list) groups.set(module, (list = []));
    list.push({ file, scan: snapshot.goFiles.get(file)! });
  }
  return groups;
}

const STOPPED_BY_INVALID_PATH: ReadonlySet<RuleId> = new Set(['module-path-major', 'module-location']);

/**
 * Conformance conventions §5: a go.mod that fails gomod-syntax gets no other finding for its module;
 * module-path-invalid stops module-path-major and module-location; tag-exists stops version-order.
 * (tag-invalid stops the version rules by construction: such a target gates no version; only
 * module-path-major judges the major an invalid tag spells.)
 */
export function applyStoppingRules(findings: Finding[]): Finding[] {
  const dirsWith = (rule: RuleId) => new Set(findings.filter(f => f.rule === rule).map(f => f.moduleDir));
  const syntax = dirsWith('gomod-syntax');
  const invalidPath = dirsWith('module-path-invalid');
  const tagExists = dirsWith('tag-exists');
  return findings.filter(f => {
    if (f.rule !== 'gomod-syntax' && syntax.has(f.moduleDir) && f.moduleDir !== undefined) return false;
    if (STOPPED_BY_INVALID_PATH.has(f.rule) && invalidPath.has(f.moduleDir)) return false;
    if (f.rule === 'version-order' && tagExists.has(f.moduleDir)) return false;
    return true;
  });
}

/** The report with each finding marked `new` when it is on a line the pull request added. */
export function markNewFindings(
  report: Report,
  addedLines: ReadonlyMap<string, ReadonlySet<number>>
): Report {
  return { ...report, findings: report.findings.map(f => markNew(f, addedLines)) };
}

function markNew(finding: Finding, addedLines: ReadonlyMap<string, ReadonlySet<number>>): Finding {
  const added =
    finding.file !== null && finding.line !== null && addedLines.get(finding.file)?.has(finding.line);
  return { ...finding, new: Boolean(added) };
}

export function sortFindings(findings: Finding[]): Finding[] {
  const key = (f: Finding) => [f.file ?? '', f.line ?? 0, f.column ?? 0] as const;
  return findings.slice().sort((a, b) => {
    const [fa, la, ca] = key(a);
    const [fb, lb, cb] = key(b);
    if (fa !== fb) return fa < fb ? -1 : 1;
    return la - lb || ca - cb || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);
  });
}

/** failure when a finding reaches the fail-on severity, neutral for any other finding, else success. */
export function conclude(findings: readonly Finding[], failOn: FailOn): Conclusion {
  const failing = failOn === 'error' ? ['error'] : failOn === 'warning' ? ['error', 'warning'] : [];
  if (findings.some(f => failing.includes(f.severity))) return 'failure';
  if (findings.some(f => f.severity === 'error' || f.severity === 'warning')) return 'neutral';
  return 'success';
}

function summarizeTarget(t: Target, ctx: RuleContext): TargetSummary {
  const suggested = suggestedVersion(t, ctx);
  return {
    module: t.module?.path ?? null,
    dir: t.module?.dir ?? (t.legacyRoot ? ROOT_DIR : null),
    version: t.version ?? null,
    tag: t.tag ?? null,
    mode: t.mode,
    source: t.source,
    ...(suggested ? { suggested } : {})
  };
}

/** The exported-API changes of each module compared (see gather/api.ts), by module directory. */
function compareModuleApis(snapshot: Snapshot): Map<string, ApiChange[]> {
  const importPathOf = importPathResolver(snapshot);
  return new Map(
    (snapshot.apiComparisons ?? []).map(c => [
      c.moduleDir,
      compareApis(c.oldApi, c.newApi, { changedDependencies: new Set(c.changedDependencies), importPathOf })
    ])
  );
}

/**
 * The import path a package qualifier names in a file of the gated tree, from its import headers:
 * the import with that local name, or else the one whose path suggests that package name, whatever
 * name the file gives it (the
 * standard library's `net` is not golang.org/x/net, whose packages are `http2`, `context`...); null
 * when the file has no such import, undefined when its headers were not scanned.
 */
function importPathResolver(
  snapshot: Snapshot
): (qualifier: string, file: string) => string | null | undefined {
  return (qualifier, file) => {
    const imports = snapshot.goFiles.get(file)?.imports;
    if (imports === undefined) return undefined;
    const named = imports.find(i => i.name === qualifier);
    if (named) return named.path;
    const guessed = imports.find(i => i.name === undefined && assumedPackageName(i.path) === qualifier);
    if (guessed) return guessed.path;
    // Type texts name a package by its own name, however the file imports it (oteltrace "…/trace"
    // reads as trace, a dot import too): an import under another name is found by its path.
    const renamed = imports.find(i => i.name !== '_' && assumedPackageName(i.path) === qualifier);
    return renamed ? renamed.path : null;
  };
}

/** The version gorelease would suggest after the module's latest release, given its API changes
 * (a version stamp is none: changing it is what a release does). */
function suggestedVersion(t: Target, ctx: RuleContext): string | undefined {
  if (!t.module) return undefined;
  const changes = ctx.apiChanges.get(t.module.dir)?.filter(c => !isVersionStamp(c));
  if (!changes) return undefined;
  const latest = releasesOfModule(ctx.snapshot.tags, t.module)
    .filter(r => r.tag !== t.tag)
    .pop();
  return suggestNextVersion(
    latest?.version,
    t.module.pathMajorDigits,
    summarizeChanges(changes),
    retractedBy(t.module.modFile.retract)
  );
}

function summarizeModule(module: Module, ctx: RuleContext): ModuleSummary {
  let major = module.pathMajorDigits === '' ? 1 : Number(module.pathMajorDigits);
  if (module.pathMajorDigits === '') {
    const releases = releasesOfModule(ctx.snapshot.tags, module);
    const latest = releases[releases.length - 1];
    if (latest && majorDigits(latest.version) === '0') major = 0;
  }
  return {
    dir: module.dir,
    path: module.path ?? null,
    major,
    goFiles: ctx.goFilesByModule.get(module)?.length ?? 0
  };
}

// What every rule receives: the snapshot, the repository's modules, and the resolved targets.
import type { ImportScan, ImportSpec } from '../go/module/imports.js';
import type { Module } from '../go/module/layout.js';
import type { ApiChange } from '../go/api/model.js';
import { majorDigits } from '../go/module/version.js';
import type { Finding, RuleId, Severity, Snapshot, TargetMode, TargetSource } from '../types.js';

export interface Target {
  mode: TargetMode;
  source: TargetSource;
  /** The module gated or checked; undefined when a tag maps to no module or to the legacy root. */
  module?: Module;
  /** The version gated (release and major-bump modes). */
  version?: string;
  /** The full tag name the version will be released under. */
  tag?: string;
  /** Why the tag or version is not a valid release tag for a module (tag-invalid). */
  tagProblem?: string;
  /** The major an invalid tag still spells (`v2.19.05`: '2'), when it can be read; with tagProblem only. */
  spelledMajor?: string;
  /** The tag releases a repository with no go.mod at all. */
  legacyRoot?: boolean;
}

export interface RuleContext {
  snapshot: Snapshot;
  /** Every module of the repository, deepest directory first. */
  modules: Module[];
  targets: Target[];
  /** Each module's own .go files, in path order. */
  goFilesByModule: Map<Module, GoFile[]>;
  /** The repository module that owns an import path (longest module path prefix), if any. */
  importOwner: (importPath: string) => Module | undefined;
  /** Exported-API changes per module directory, for the modules that have a comparison point. */
  apiChanges: Map<string, ApiChange[]>;
}

export interface GoFile {
  file: string;
  scan: ImportScan;
}

export interface Rule {
  id: RuleId;
  /** The default severity (DESIGN.md §3); local-replace: its severity on a release. */
  severity: Severity;
  /** One sentence: what the rule catches. */
  doc: string;
  check(ctx: RuleContext): Finding[];
}

export interface Place {
  file: string | null;
  line: number | null;
  column?: number;
  endLine?: number;
  endColumn?: number;
}

export const NO_PLACE: Place = { file: null, line: null };

export function makeFinding(
  rule: RuleId,
  severity: Severity,
  place: Place,
  message: string,
  module?: Module,
  extra: Partial<Finding> = {}
): Finding {
  return {
    rule,
    severity,
    ...place,
    ...(module?.path !== undefined ? { module: module.path } : {}),
    message,
    ...extra,
    ...(module ? { moduleDir: module.dir } : {})
  };
}

/** The place of a go.mod's module line. */
export function moduleLinePlace(module: Module): Place {
  const directive = module.modFile.module;
  if (!directive) return { file: module.goModFile, line: 1 };
  const { start, end } = directive.pathSpan;
  return {
    file: module.goModFile,
    line: directive.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column
  };
}

/** Targets that gate a version (a release or a major bump) and have a module. */
export function versionTargets(ctx: RuleContext): (Target & { module: Module; version: string })[] {
  return ctx.targets.filter(
    (t): t is Target & { module: Module; version: string } =>
      t.mode !== 'consistency' && t.module !== undefined && t.version !== undefined && !t.tagProblem
  );
}

/**
 * Targets that gate a version, or an invalid tag that still spells a major: the rules about the major
 * (module-path-major) judge them with `version`, vN.0.0 for the spelled major of an invalid tag.
 */
export function majorTargets(
  ctx: RuleContext
): (Target & { module: Module; version: string; label: string })[] {
  const valid = versionTargets(ctx).map(t => ({ ...t, label: t.version }));
  const spelled = ctx.targets
    .filter(
      (t): t is Target & { module: Module; spelledMajor: string } =>
        t.mode !== 'consistency' &&
        t.module !== undefined &&
        t.tagProblem !== undefined &&
        t.spelledMajor !== undefined
    )
    .map(t => ({ ...t, version: `v${t.spelledMajor}.0.0`, label: t.tag ?? t.version ?? '' }));
  return [...valid, ...spelled];
}

/** Targets with a module to check, in any mode. */
export function moduleTargets(ctx: RuleContext): (Target & { module: Module })[] {
  return ctx.targets.filter((t): t is Target & { module: Module } => t.module !== undefined);
}

/** The .go files a module owns (nested modules cut out), with their scans, in path order. */
export function goFilesOf(ctx: RuleContext, module: Module): GoFile[] {
  return ctx.goFilesByModule.get(module) ?? [];
}

/** One import declaration of a file. */
export interface ImportUse extends GoFile {
  spec: ImportSpec;
}

const importsByFiles = new WeakMap<readonly GoFile[], Map<string, ImportUse[]>>();

/**
 * A module's imports by path, each path once with every declaration of it (files in path order).
 * The rules judge each path once: a large module imports a few hundred paths in tens of thousands
 * of declarations. Built once per module and shared by the rules.
 */
export function importsOf(ctx: RuleContext, module: Module): ReadonlyMap<string, readonly ImportUse[]> {
  const files = goFilesOf(ctx, module);
  let byPath = importsByFiles.get(files);
  if (!byPath) {
    byPath = new Map();
    for (const { file, scan } of files) {
      for (const spec of scan.imports) {
        const uses = byPath.get(spec.path);
        if (uses) uses.push({ file, scan, spec });
        else byPath.set(spec.path, [{ file, scan, spec }]);
      }
    }
    importsByFiles.set(files, byPath);
  }
  return byPath;
}

/** The major digits of a version, '' when the version is v0 or v1 (the unsuffixed path's majors). */
export function suffixMajorOf(version: string): string {
  const digits = majorDigits(version);
  return digits === '0' || digits === '1' ? '' : digits;
}

/** The major suffix a release of `version` needs: gopkg.in's `.vN` carries every major, `/vN` only v2 and up. */
export function suffixForRelease(module: Module, version: string): string {
  return module.pathMajor.startsWith('.') ? majorDigits(version) : suffixMajorOf(version);
}

export function quote(s: string): string {
  return JSON.stringify(s);
}

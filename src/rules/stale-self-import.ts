import type { Module } from '../go/module/layout.js';
import { familyMember } from '../go/module/majors.js';
import { modulePath } from '../go/module/modfile.js';
import { hasPathPrefix, splitPathVersion } from '../go/module/modpath.js';
import type { ImportSpec } from '../go/module/imports.js';
import type { Finding } from '../types.js';
import { importsOf, makeFinding, moduleTargets, quote, type Rule, type RuleContext } from './context.js';

/**
 * Every import of a module's own packages must use the module's declared path (go-rules.md §6.5):
 * an import of another major of the same module makes the new major depend on the old one. Imports
 * owned by another module of the repository are not self-imports.
 */
export const staleSelfImport: Rule = {
  id: 'stale-self-import',
  severity: 'error',
  doc: "A .go file imports the module's own packages through another major's path.",
  check(ctx) {
    return moduleTargets(ctx).flatMap(({ module }) => checkModule(ctx, module));
  }
};

function checkModule(ctx: RuleContext, module: Module): Finding[] {
  const path = module.path;
  if (path === undefined) return [];
  const findings: Finding[] = [];
  const nested = nestedFamilies(ctx.modules);
  const renamedFrom = renamedFromPath(ctx, module);
  for (const [importPath, uses] of importsOf(ctx, module)) {
    const stale =
      staleImport(importPath, module, ctx.importOwner, nested) ??
      (renamedFrom ? renamedImport(importPath, module, renamedFrom, ctx.importOwner) : undefined);
    if (!stale) continue;
    for (const { file, scan, spec } of uses) {
      const severity = scan.buildIgnore || stale.caseOnly ? 'warning' : 'error';
      findings.push(
        makeFinding(
          'stale-self-import',
          severity,
          { file, line: spec.line, column: spec.column, endLine: spec.endLine, endColumn: spec.endColumn },
          message(spec, stale, path, scan.buildIgnore),
          module,
          { fix: { replacement: quote(stale.corrected) } }
        )
      );
    }
  }
  return findings;
}

interface StaleImport {
  corrected: string;
  /** The module's path before the pull request renamed it, when the import uses that one. */
  renamedFrom?: string;
  /** The import differs from the module's path only in letter case. */
  caseOnly: boolean;
  /** The other major the import names ('' for v0/v1). */
  major: string;
}

const familiesOf = new WeakMap<readonly Module[], ReadonlySet<string>>();

/**
 * The family prefixes of a repository's modules (`go.etcd.io/etcd/api` for `api/go.mod` at
 * `go.etcd.io/etcd/api/v3`): an import under one of them belongs to that module's family, whatever
 * major it names, even when a longer family holds it inside a shorter one (api/ under the root).
 */
export function nestedFamilies(modules: readonly Module[]): ReadonlySet<string> {
  let set = familiesOf.get(modules);
  if (!set) familiesOf.set(modules, (set = new Set(modules.map(m => m.prefix))));
  return set;
}

/** Whether a family longer than `prefix` holds `importPath` (checked by its `/`-prefixes). */
function inLongerFamily(importPath: string, prefix: string, families: ReadonlySet<string>): boolean {
  for (let i = importPath.indexOf('/', prefix.length + 1); ; i = importPath.indexOf('/', i + 1)) {
    const candidate = i < 0 ? importPath : importPath.slice(0, i);
    if (candidate.length > prefix.length && families.has(candidate)) return true;
    if (i < 0) return false;
  }
}

/**
 * Whether `importPath` names this module's packages through a path other than the declared one.
 * `families` (nestedFamilies) keeps a nested module's other majors from being taken for the parent's
 * packages: after `api/` moved to /v4, `go.etcd.io/etcd/api/v3/x` is the old api, not the root's.
 */
export function staleImport(
  importPath: string,
  module: Module,
  importOwner: (importPath: string) => Module | undefined,
  families: ReadonlySet<string> = new Set()
): StaleImport | undefined {
  const path = module.path as string;
  if (hasPathPrefix(importPath, path)) return undefined;
  if (hasPathPrefix(importPath.toLowerCase(), path.toLowerCase())) {
    return { corrected: path + importPath.slice(path.length), caseOnly: true, major: module.pathMajorDigits };
  }
  const member = familyMember(importPath, module.prefix);
  if (!member || member.major === module.pathMajorDigits) return undefined;
  const owner = importOwner(importPath);
  if (owner && owner !== module) return undefined;
  if (inLongerFamily(importPath, module.prefix, families)) return undefined;
  return {
    corrected: path + importPath.slice(member.modulePath.length),
    caseOnly: false,
    major: member.major
  };
}

/**
 * The path the pull request's base declared in this go.mod, when the change renames the module (more
 * than its major suffix changes, as a fork's rename does); undefined otherwise.
 */
function renamedFromPath(ctx: RuleContext, module: Module): string | undefined {
  const data = ctx.snapshot.baseGoMods?.get(module.goModFile);
  const before = data ? modulePath(data) : '';
  if (!before || before === module.path) return undefined;
  const split = splitPathVersion(before);
  return split.ok && split.prefix !== module.prefix ? before : undefined;
}

/** Whether `importPath` names this module's packages through its path before the rename (any major). */
function renamedImport(
  importPath: string,
  module: Module,
  before: string,
  importOwner: (importPath: string) => Module | undefined
): StaleImport | undefined {
  const member = familyMember(importPath, splitPathVersion(before).prefix);
  if (!member) return undefined;
  const owner = importOwner(importPath);
  if (owner && owner !== module) return undefined;
  const path = module.path as string;
  return {
    corrected: path + importPath.slice(member.modulePath.length),
    caseOnly: false,
    major: member.major,
    renamedFrom: before
  };
}

function message(spec: ImportSpec, stale: StaleImport, path: string, buildIgnore: boolean): string {
  if (stale.renamedFrom !== undefined) {
    return `import "${spec.path}" uses the module's path before this change ("${stale.renamedFrom}"), not "${path}": the build fetches the old module instead of these packages; write "${stale.corrected}"`;
  }
  if (stale.caseOnly) {
    return `import "${spec.path}" differs from the module path "${path}" only in letter case: the go command treats it as another module; write "${stale.corrected}"`;
  }
  const which = stale.major === '' ? 'the v0/v1 path' : `major v${stale.major}`;
  const ignored = buildIgnore
    ? ' (this file is excluded by //go:build ignore, but "go run" of it still imports the old major)'
    : '';
  return `import "${spec.path}" refers to ${which} of this module, not to "${path}"${ignored}: write "${stale.corrected}"`;
}

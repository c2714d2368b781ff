// `upgrade`: move a consumer repository to a new major of a dependency. Pure: file contents in, new
// contents out.
//
// For every module of the repository (except the dependency's own modules: same path prefix, any
// major; a nested module such as `example.com/lib/sub` with its own go.mod is a consumer like any):
// - each import of an older major of the dependency's family (`example.com/lib/pkg`,
//   `example.com/lib/v2/pkg` when upgrading to v3) becomes the same package under the new path,
//   unless the consumer requires a longer module path that owns it (a nested module such as
//   `example.com/lib/sub` is another module, not a package of the family, and so is a module of this
//   repository in a longer family); imports of the repository's own old major move too (upgrade run
//   inside the dependency's own repository);
// - the go.mod require of the older major becomes `NEW_PATH VERSION` in place (its comment, such as
//   `// indirect`, stays); further requires of older majors that nothing imports any more go; an
//   existing require of the new path gets the version asked for;
// - a `replace OLD => DIR` whose DIR holds the new major's module becomes `replace NEW => DIR`, so
//   the go.mod never requires an unpublished version without its replace.
// With the new version's package list (`sourcePackages`), each rewritten import whose package is not
// there is reported.
import { UsageError } from '../errors.js';
import {
  fileOwnerIndex,
  importOwnerIndex,
  isPlannedGoFile,
  loadModules,
  type Module
} from '../go/module/layout.js';
import { compareMajors, familyMember } from '../go/module/majors.js';
import { check, hasPathPrefix, pathMajorDigits, splitPathVersion } from '../go/module/modpath.js';
import { canonical } from '../go/module/version.js';
import { applyByteEdits, type ByteEdit } from './edits.js';
import { rewriteGoFile } from './gofile.js';
import { dropEmptiedBlocks, removeDirective, replaceToken } from './gomod.js';
import type { FileChange, Unsafe } from './plan.js';
import { resolveDir } from './repository.js';

export interface UpgradeTarget {
  path: string;
  version: string;
  prefix: string;
  /** '' for v0/v1, '2', ... */
  major: string;
}

export interface MissingPackage {
  file: string;
  line: number;
  column: number;
  importPath: string;
}

export interface UpgradePlan {
  target: UpgradeTarget;
  changes: FileChange[];
  unsafe: Unsafe[];
  missing: MissingPackage[];
  notes: string[];
}

export interface UpgradeInput {
  /** `MODULE@VERSION`, e.g. `example.com/lib/v2@v2.1.0`. */
  target: string;
  goMods: ReadonlyMap<string, Uint8Array>;
  goFiles: ReadonlyMap<string, Uint8Array>;
  /** The packages of the new version, as directories relative to its module root ('' for the root). */
  sourcePackages?: ReadonlySet<string>;
  /** The module path the new version's go.mod declares, when known. */
  sourceModulePath?: string;
}

/** Parses `MODULE@VERSION`: a valid module path and a canonical semantic version that fits its major. */
export function parseUpgradeTarget(arg: string): UpgradeTarget {
  const at = arg.lastIndexOf('@');
  if (at <= 0)
    throw new UsageError(`expected MODULE@VERSION, such as example.com/lib/v2@v2.1.0, got "${arg}"`);
  const path = arg.slice(0, at);
  const version = arg.slice(at + 1);
  const problem = check(path, version);
  if (problem) throw new UsageError(problem);
  if (canonical(version) !== version) {
    throw new UsageError(`${arg}: the version must be canonical, such as ${canonical(version) || 'v2.1.0'}`);
  }
  const split = splitPathVersion(path);
  return { path, version, prefix: split.prefix, major: pathMajorDigits(split.pathMajor) };
}

export function planUpgrade(input: UpgradeInput): UpgradePlan {
  const target = parseUpgradeTarget(input.target);
  const plan: UpgradePlan = { target, changes: [], unsafe: [], missing: [], notes: [] };
  if (input.sourceModulePath !== undefined && input.sourceModulePath !== target.path) {
    plan.notes.push(
      `--source declares module "${input.sourceModulePath}", not "${target.path}": the package check may not mean much`
    );
  }
  const modules = loadModules(input.goMods);
  if (modules.length === 0)
    throw new UsageError('no go.mod found: upgrade works on the modules of a repository');
  const fileOwner = fileOwnerIndex(modules);
  const repoOwner = importOwnerIndex(modules);
  const families = new Set(
    modules.flatMap(m => (m.path === undefined ? [] : [splitPathVersion(m.path).prefix]))
  );
  const isOlder = (major: string) => compareMajors(major, target.major) < 0;
  // A module of this repository owns the import, unless it is the dependency itself at an older
  // major (upgrade run inside the dependency's own repository).
  const ownedHere = (p: string): boolean => {
    const m = repoOwner(p);
    if (m?.path !== undefined && splitPathVersion(m.path).prefix === target.prefix) return false;
    return m !== undefined || inLongerFamily(p, target.prefix, families);
  };

  for (const module of modules) {
    const goModFile = module.goModFile;
    const syntax = module.errors.find(e => e.kind === 'syntax');
    if (module.path !== undefined && splitPathVersion(module.path).prefix === target.prefix) {
      if (module.path !== target.path)
        plan.notes.push(
          `${goModFile}: skipped: "${module.path}" is itself a major of ${target.prefix} (use fix)`
        );
      continue;
    }
    if (syntax) {
      plan.unsafe.push({
        file: goModFile,
        reason: `go.mod does not parse: ${syntax.message}`,
        line: syntax.line,
        column: syntax.column
      });
      continue;
    }
    const requires = module.modFile.require;
    const owner = requireOwner(requires.map(r => r.path));
    const rewrite = (p: string): string | undefined => {
      if (ownedHere(p)) return undefined; // another module of this repository
      const owned = owner(p);
      const modulePath = owned ?? familyMember(p, target.prefix)?.modulePath;
      if (modulePath === undefined) return undefined;
      const member = familyMember(modulePath, target.prefix);
      if (!member || member.modulePath !== modulePath || !isOlder(member.major)) return undefined;
      return target.path + p.slice(modulePath.length);
    };
    const files = [...input.goFiles.keys()].filter(f => isPlannedGoFile(f) && fileOwner(f) === module).sort();
    const importsAfter: string[] = [];
    let unreadable = false;
    let rewrote = false;
    for (const file of files) {
      const data = input.goFiles.get(file) as Uint8Array;
      const result = rewriteGoFile(data, rewrite);
      if (result.kind === 'unsafe') {
        if (new TextDecoder().decode(data).includes(target.prefix)) {
          unreadable = true;
          plan.unsafe.push({
            file,
            reason: result.reason,
            ...(result.line !== undefined ? { line: result.line, column: result.column } : {})
          });
        }
        continue;
      }
      importsAfter.push(...result.imports);
      if (result.kind === 'unchanged') continue;
      rewrote = true;
      plan.changes.push({
        file,
        before: data,
        after: result.data,
        summary: result.changes.map(c => `${file}:${c.line}:${c.column}: "${c.from}" -> "${c.to}"`)
      });
      if (input.sourcePackages) {
        for (const c of result.changes) {
          const rel = c.to === target.path ? '' : c.to.slice(target.path.length + 1);
          if (!input.sourcePackages.has(rel))
            plan.missing.push({ file, line: c.line, column: c.column, importPath: c.to });
        }
      }
    }
    const goModChange = upgradeGoMod(
      module,
      input.goMods.get(goModFile) as Uint8Array,
      target,
      importsAfter,
      unreadable,
      isOlder,
      plan.notes,
      modules
    );
    if (goModChange) plan.changes.unshift(goModChange);
    else if (rewrote && !requires.some(r => r.path === target.path)) {
      plan.notes.push(
        `${goModFile}: no require of ${target.prefix} to update: run "go get ${target.path}@${target.version}"`
      );
    }
  }
  if (plan.changes.some(c => c.file.endsWith('go.mod'))) {
    plan.notes.push(
      `go.sum is not updated (offline): run "go mod tidy" to record ${target.path}@${target.version}`
    );
  }
  return plan;
}

/** Whether a family of this repository longer than `prefix` holds `importPath`. */
function inLongerFamily(importPath: string, prefix: string, families: ReadonlySet<string>): boolean {
  if (!hasPathPrefix(importPath, prefix)) return false;
  for (let i = importPath.indexOf('/', prefix.length + 1); ; i = importPath.indexOf('/', i + 1)) {
    const candidate = i < 0 ? importPath : importPath.slice(0, i);
    if (families.has(candidate)) return true;
    if (i < 0) return false;
  }
}

/** The longest required module path that is a prefix of an import path. */
function requireOwner(paths: readonly string[]): (importPath: string) => string | undefined {
  const set = new Set(paths);
  return importPath => {
    for (let end = importPath.length; end > 0; end = importPath.lastIndexOf('/', end - 1)) {
      const prefix = importPath.slice(0, end);
      if (set.has(prefix)) return prefix;
    }
    return undefined;
  };
}

function upgradeGoMod(
  module: Module,
  data: Uint8Array,
  target: UpgradeTarget,
  importsAfter: readonly string[],
  unreadable: boolean,
  isOlder: (major: string) => boolean,
  notes: string[],
  modules: readonly Module[]
): FileChange | undefined {
  const goModFile = module.goModFile;
  const edits: ByteEdit[] = [];
  const summary: string[] = [];
  const existing = module.modFile.require.find(r => r.path === target.path);
  if (existing && existing.version !== target.version) {
    edits.push(replaceToken(data, existing.versionSpan, target.version));
    summary.push(`${goModFile}: require ${target.path} ${existing.version} -> ${target.version}`);
  }
  let placed = existing !== undefined;
  for (const r of module.modFile.require) {
    const member = familyMember(r.path, target.prefix);
    if (!member || member.modulePath !== r.path || !isOlder(member.major)) continue;
    const stillImported = importsAfter.some(
      p => hasPathPrefix(p, r.path) && familyMember(p, target.prefix)?.modulePath === r.path
    );
    if (!placed) {
      edits.push(
        replaceToken(data, r.pathSpan, target.path),
        replaceToken(data, r.versionSpan, target.version)
      );
      summary.push(`${goModFile}: require ${r.path} ${r.version} -> ${target.path} ${target.version}`);
      placed = true;
      if (stillImported || unreadable)
        notes.push(`${goModFile}: ${r.path} is still imported after the rewrite; run "go mod tidy"`);
      continue;
    }
    if (stillImported || unreadable) {
      notes.push(`${goModFile}: kept require ${r.path} ${r.version}: still imported`);
      continue;
    }
    const edit = removeDirective(data, r.span, 'require');
    if (edit) {
      edits.push(edit);
      summary.push(`${goModFile}: removed require ${r.path} ${r.version} (nothing imports it any more)`);
    } else notes.push(`${goModFile}: kept require ${r.path} ${r.version}: remove it by hand`);
  }
  const newHere = modules.find(m => m.path === target.path)?.dir;
  const replacedNew = module.modFile.replace.some(r => r.oldPath === target.path);
  for (const r of module.modFile.replace) {
    const member = familyMember(r.oldPath, target.prefix);
    if (!member || member.modulePath !== r.oldPath || !isOlder(member.major)) continue;
    if (
      !replacedNew &&
      newHere !== undefined &&
      r.oldVersion === '' &&
      r.newVersion === '' &&
      resolveDir(module.dir, r.newPath) === newHere
    ) {
      // DIR now holds the new major: the replace follows it.
      edits.push(replaceToken(data, r.oldPathSpan, target.path));
      summary.push(
        `${goModFile}:${r.line}: replace ${r.oldPath} => ${r.newPath} -> ${target.path} => ${r.newPath}`
      );
      continue;
    }
    notes.push(
      `${goModFile}:${r.line}: kept replace ${r.oldPath}: it applies to the old major; write one for ${target.path} if you still need it`
    );
  }
  if (edits.length === 0) return undefined;
  return {
    file: goModFile,
    before: data,
    after: dropEmptiedBlocks(data, applyByteEdits(data, edits)),
    summary
  };
}

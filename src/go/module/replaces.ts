// What a replace directive that points at a directory means for the consumers of a release (issue 15).
// Consumers ignore replace directives: they fetch the required version. So a directory replace is only
// harmless when that version resolves and some release holds what the directory holds. Pure.
import { ROOT_DIR, tagPrefixOf, type Module } from './layout.js';
import { isDirectoryPath, type Replace, type Require } from './modfile.js';
import { hasPathPrefix } from './modpath.js';
import { isPseudoVersion } from './version.js';

export type DirectoryReplaceVerdict =
  /** Nothing requires or imports the replaced module: the replace changes no build. */
  | { kind: 'no-effect' }
  /** The required version is the placeholder `go mod edit` writes: no consumer can resolve it. */
  | { kind: 'placeholder'; require: Require }
  /** The module imports packages of the replaced module that no require line provides. */
  | { kind: 'unrequired-import'; importPath: string }
  /** The directory is outside the repository: nobody but the author can see what it holds. */
  | { kind: 'outside'; require: Require }
  /** The directory holds no module of the replaced path in this repository. */
  | { kind: 'not-a-module-here'; require: Require; dir: string; declared?: string }
  /**
   * The normal multi-module pattern: the required version of another module of this repository,
   * replaced by its directory. `tag` releases that version; `tagged` says whether it exists (a
   * pseudo-version names a commit, which needs no tag).
   */
  | { kind: 'sibling'; require: Require; module: Module; tag: string; tagged: boolean };

/** The placeholder pseudo-version of `go mod edit -replace` without a require (module.ZeroPseudoVersion). */
export function isPlaceholderVersion(version: string): boolean {
  return isPseudoVersion(version) && /-00010101000000-000000000000$/.test(version);
}

/** Whether a replace points at a directory (no version on its right side). */
export function isDirectoryReplace(r: Replace): boolean {
  return r.newVersion === '' && isDirectoryPath(r.newPath);
}

/**
 * The repository-relative directory `target` names from module directory `dir`, or undefined when
 * it leaves the repository (absolute, a drive letter, or more `..` than the depth).
 */
export function resolveReplaceDir(dir: string, target: string): string | undefined {
  if (/^([/\\]|[A-Za-z]:)/.test(target)) return undefined;
  const parts = dir === ROOT_DIR ? [] : dir.split('/');
  for (const element of target.split(/[/\\]/)) {
    if (element === '' || element === '.') continue;
    if (element === '..') {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else parts.push(element);
  }
  return parts.length === 0 ? ROOT_DIR : parts.join('/');
}

/**
 * The verdict on directory replace `r` of `module`, given the repository's modules, its tag names
 * and the import paths of the module's own .go files.
 */
export function judgeDirectoryReplace(
  module: Module,
  r: Replace,
  modules: readonly Module[],
  tagNames: ReadonlySet<string>,
  importPaths: Iterable<string>
): DirectoryReplaceVerdict {
  const requires = module.modFile.require.filter(
    q => q.path === r.oldPath && (r.oldVersion === '' || q.version === r.oldVersion)
  );
  const required = requires[requires.length - 1];
  if (!required) {
    if (r.oldVersion !== '') return { kind: 'no-effect' };
    const importPath = unrequiredImport(module, r.oldPath, importPaths);
    return importPath ? { kind: 'unrequired-import', importPath } : { kind: 'no-effect' };
  }
  if (isPlaceholderVersion(required.version)) return { kind: 'placeholder', require: required };
  const dir = resolveReplaceDir(module.dir, r.newPath);
  if (dir === undefined) return { kind: 'outside', require: required };
  const target = modules.find(m => m.dir === dir);
  if (!target || target.path !== r.oldPath)
    return { kind: 'not-a-module-here', require: required, dir, declared: target?.path };
  const tag = tagPrefixOf(target.dir) + required.version;
  const tagged = isPseudoVersion(required.version) || tagNames.has(tag);
  return { kind: 'sibling', require: required, module: target, tag, tagged };
}

/**
 * An imported path that only the replaced module `replaced` can provide, with no require line for
 * it: not the module's own packages, nor those of a required module with a longer path.
 */
function unrequiredImport(
  module: Module,
  replaced: string,
  importPaths: Iterable<string>
): string | undefined {
  const longer = module.modFile.require
    .map(q => q.path)
    .filter(p => hasPathPrefix(p, replaced) && p !== replaced);
  if (module.path !== undefined && hasPathPrefix(module.path, replaced)) longer.push(module.path);
  for (const path of importPaths) {
    if (!hasPathPrefix(path, replaced)) continue;
    if (longer.some(p => hasPathPrefix(path, p))) continue;
    return path;
  }
  return undefined;
}

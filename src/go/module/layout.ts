// The modules of a repository and how tags map to them (research/go-rules.md §4.2, §4.4, §6.3).
// Pure: works on file lists and go.mod contents that src/gather has read.
import { parseModFile, type ModError, type ModFile } from './modfile.js';
import { isGopkgIn, pathMajorDigits, splitPathVersion } from './modpath.js';
import { compare, isReleaseVersion, majorDigits } from './version.js';

/** The repository root directory, as written in reports. */
export const ROOT_DIR = '.';

export interface Module {
  /** Directory of the go.mod, repository-relative ('.' for the root). */
  dir: string;
  goModFile: string;
  modFile: ModFile;
  errors: ModError[];
  /** The declared module path, or undefined when go.mod has no module line. */
  path?: string;
  /** splitPathVersion of the declared path. */
  prefix: string;
  pathMajor: string;
  /** The major the path suffix demands: '' (v0 or v1), '2', ... ; gopkg.in '.v0'/'.v1' give '0'/'1'. */
  pathMajorDigits: string;
}

export interface Release {
  tag: string;
  version: string;
  commit: string;
}

export function dirOf(file: string): string {
  const slash = file.lastIndexOf('/');
  return slash < 0 ? ROOT_DIR : file.slice(0, slash);
}

export function joinPath(dir: string, name: string): string {
  return dir === ROOT_DIR || dir === '' ? name : `${dir}/${name}`;
}

/** Whether `file` lies inside directory `dir` (or is in it directly). */
export function isInDir(file: string, dir: string): boolean {
  return dir === ROOT_DIR || file.startsWith(`${dir}/`);
}

/**
 * The go command ignores directories named testdata or vendor and every file or directory whose
 * name starts with '.' or '_' (helpdoc.go; zip.go isVendoredPackage). Such files are not part of
 * any package, and a go.mod under them is not a module.
 */
export function isCountedPath(file: string): boolean {
  // Element by element without splitting: it runs on every path of the tree, several times.
  for (let start = 0; start <= file.length;) {
    const slash = file.indexOf('/', start);
    const end = slash < 0 ? file.length : slash;
    const first = file.charCodeAt(start);
    if (first === 0x2e || first === 0x5f) return false; // '.' or '_'
    if (slash >= 0) {
      const length = end - start;
      if (
        (length === 8 && file.startsWith('testdata', start)) ||
        (length === 6 && file.startsWith('vendor', start))
      )
        return false;
    }
    if (slash < 0) break;
    start = slash + 1;
  }
  return true;
}

export function isGoSourceFile(file: string): boolean {
  return file.endsWith('.go') && isCountedPath(file);
}

/**
 * Whether `file` is a .go file that isCountedPath drops only for a `testdata` directory element:
 * the go command builds such a package when an import path names it (`go build` reads it then),
 * though `./...` never matches it.
 */
export function isTestdataGoFile(file: string): boolean {
  if (!file.endsWith('.go') || isCountedPath(file)) return false;
  const elements = file.split('/');
  const name = elements.pop() as string;
  return (
    elements.includes('testdata') &&
    isCountedPath(name) &&
    elements.every(e => e === 'testdata' || isCountedPath(`${e}/x`))
  );
}

/**
 * Whether a .go file handed to a planner is one of a module's: counted, or under `testdata/` (the
 * caller passes only the testdata packages that the module imports, importedTestdataGoFiles).
 */
export function isPlannedGoFile(file: string): boolean {
  return isGoSourceFile(file) || isTestdataGoFile(file);
}

/**
 * The .go files under `testdata/` whose package directory one of `imports` names, by the import
 * path of its module (the innermost of `modules` holding it): those packages are part of the build.
 */
export function importedTestdataGoFiles(
  files: readonly string[],
  modules: readonly Module[],
  imports: Iterable<string>
): string[] {
  const candidates = files.filter(isTestdataGoFile);
  if (candidates.length === 0) return [];
  const wanted = new Set(imports);
  const owner = fileOwnerIndex(modules);
  return candidates.filter(f => {
    const module = owner(f);
    if (module?.path === undefined) return false;
    const dir = dirOf(f);
    const rel = module.dir === ROOT_DIR ? dir : dir.slice(module.dir.length + 1);
    return wanted.has(`${module.path}/${rel}`);
  });
}

/** Whether a file is named exactly `go.mod`. */
export function isGoModName(file: string): boolean {
  return file === 'go.mod' || file.endsWith('/go.mod');
}

/** The go.mod files that root a module: spelled exactly `go.mod`, on a counted path. */
export function goModFiles(files: readonly string[]): string[] {
  return files.filter(f => isGoModName(f) && isCountedPath(f));
}

/**
 * The directories of the go.mod files among `unreadable` (files that exist but could not be read):
 * each roots a module whose path and contents are unknown.
 */
export function unknownModuleDirs(unreadable: Iterable<string>): Set<string> {
  const dirs = new Set<string>();
  for (const file of unreadable) if (isGoModName(file)) dirs.add(dirOf(file));
  return dirs;
}

/**
 * The go.mod paths that are directories, seen in a listing of files by the paths under them
 * (`sub/go.mod/x`). Such a go.mod exists but cannot be read; only counted ones could root a module.
 */
export function goModsThatAreDirectories(files: readonly string[]): string[] {
  const found = new Set<string>();
  for (const file of files) {
    for (let at = file.indexOf('go.mod/'); at >= 0; at = file.indexOf('go.mod/', at + 1)) {
      if (at > 0 && file[at - 1] !== '/') continue;
      const goMod = file.slice(0, at + 6);
      if (isCountedPath(goMod)) found.add(goMod);
      break;
    }
  }
  return [...found];
}

/** A major-version subdirectory name: `v2`, `v10`, never `v0`, `v1` or `v02`. */
export function isMajorDirName(name: string): boolean {
  return /^v[1-9][0-9]*$/.test(name) && name !== 'v1';
}

/** Parses each go.mod (strict, as the main module) into a Module, deepest directories first. */
export function loadModules(goMods: ReadonlyMap<string, Uint8Array>): Module[] {
  const modules: Module[] = [];
  for (const [goModFile, data] of goMods) {
    const { modFile, errors } = parseModFile(data, { mode: 'strict', file: goModFile });
    const path = modFile.module?.path;
    const split = path === undefined ? { prefix: '', pathMajor: '', ok: false } : splitPathVersion(path);
    modules.push({
      dir: dirOf(goModFile),
      goModFile,
      modFile,
      errors,
      path,
      prefix: split.ok ? split.prefix : (path ?? ''),
      pathMajor: split.ok ? split.pathMajor : '',
      pathMajorDigits: split.ok ? pathMajorDigits(split.pathMajor) : ''
    });
  }
  return modules.sort((a, b) => b.dir.length - a.dir.length || a.dir.localeCompare(b.dir));
}

/**
 * A lookup of the innermost of `dirs` that holds a file (nested modules own their subtree), or
 * undefined. Walks up the file's directories once per directory (files share them), so it costs the
 * path's depth, not the number of `dirs`.
 */
export function innermostDirIndex(dirs: Iterable<string>): (file: string) => string | undefined {
  const owners = new Map<string, string | undefined>();
  for (const dir of dirs) owners.set(dir, dir);
  const ownerOf = (dir: string): string | undefined => {
    if (owners.has(dir)) return owners.get(dir);
    const owner = dir === ROOT_DIR ? undefined : ownerOf(dirOf(dir));
    owners.set(dir, owner);
    return owner;
  };
  return file => ownerOf(dirOf(file));
}

/** A lookup of the module whose directory holds a file: the innermost one (see innermostDirIndex). */
export function fileOwnerIndex(modules: readonly Module[]): (file: string) => Module | undefined {
  const byDir = new Map(modules.map(m => [m.dir, m]));
  const ownerDir = innermostDirIndex(byDir.keys());
  return file => {
    const dir = ownerDir(file);
    return dir === undefined ? undefined : byDir.get(dir);
  };
}

/**
 * A lookup of the repository module whose declared path is the longest prefix of an import path.
 * Walks the import path's own prefixes against a map of module paths, so it costs the path's depth,
 * and remembers each distinct import path (a repository imports the same paths many times).
 */
export function importOwnerIndex(modules: readonly Module[]): (importPath: string) => Module | undefined {
  const byPath = new Map<string, Module>();
  for (const m of modules) if (m.path !== undefined && !byPath.has(m.path)) byPath.set(m.path, m);
  const memo = new Map<string, Module | undefined>();
  return importPath => {
    if (memo.has(importPath)) return memo.get(importPath);
    let owner: Module | undefined;
    for (let end = importPath.length; end > 0; end = importPath.lastIndexOf('/', end - 1)) {
      owner = byPath.get(importPath.slice(0, end));
      if (owner) break;
    }
    memo.set(importPath, owner);
    return owner;
  };
}

/** The tag prefix of a module directory: `sub/` for `sub` and for the major subdirectory `sub/v2`. */
export function tagPrefixOf(dir: string): string {
  if (dir === ROOT_DIR) return '';
  const parts = dir.split('/');
  if (isMajorDirName(parts[parts.length - 1])) parts.pop();
  return parts.length === 0 ? '' : `${parts.join('/')}/`;
}

/** Splits a tag at its last '/' into the directory prefix (with its slash) and the version. */
export function splitTag(tag: string): { prefix: string; version: string } {
  const slash = tag.lastIndexOf('/');
  return { prefix: tag.slice(0, slash + 1), version: tag.slice(slash + 1) };
}

/** The releases whose tags carry `tagPrefix`, as the go command lists them, in ascending order. */
export function releasesWithPrefix(
  tags: readonly { name: string; commit: string }[],
  tagPrefix: string
): Release[] {
  const releases: Release[] = [];
  for (const tag of tags) {
    const { prefix, version } = splitTag(tag.name);
    if (prefix === tagPrefix && isReleaseVersion(version))
      releases.push({ tag: tag.name, version, commit: tag.commit });
  }
  return releases.sort((a, b) => compare(a.version, b.version));
}

/**
 * The releases of one module: tags with its prefix whose major fits its path suffix. Without a
 * suffix, majors 0 and 1 are the module's own; v2+ tags there belong to /vN modules.
 */
export function releasesOfModule(
  tags: readonly { name: string; commit: string }[],
  module: Module
): Release[] {
  return releasesWithPrefix(tags, tagPrefixOf(module.dir)).filter(r =>
    majorFits(majorDigits(r.version), module.pathMajorDigits)
  );
}

/** Whether a version's major digits fit a path's demanded major ('' accepts 0 and 1). */
export function majorFits(versionMajor: string, pathMajor: string): boolean {
  if (pathMajor === '') return versionMajor === '0' || versionMajor === '1';
  return versionMajor === pathMajor;
}

export type TagResolution =
  { kind: 'module'; module: Module } | { kind: 'legacy-root' } | { kind: 'none'; reason: string };

/**
 * Finds the module a tag `prefix + version` releases (go-rules.md §4.2): `P/vN/go.mod` when it exists
 * (the major subdirectory, which the go command looks at first), else `P/go.mod`. With no go.mod in
 * the whole repository the tag releases the legacy root module; otherwise no module means the tag is
 * wrong.
 */
export function resolveTag(
  tagPrefix: string,
  version: string,
  modules: readonly Module[],
  /** Directories whose go.mod exists but could not be read (unknownModuleDirs): nothing is inferred there. */
  unknownDirs: ReadonlySet<string> = new Set()
): TagResolution {
  const dir = tagPrefix === '' ? ROOT_DIR : tagPrefix.slice(0, -1);
  const lastElement = dir.split('/').pop() ?? '';
  if (dir !== ROOT_DIR && isMajorDirName(lastElement)) {
    return {
      kind: 'none',
      reason: `its prefix "${tagPrefix}" includes the major version directory; the go command looks for ${tagPrefixOf(dir)}${version}, so tag it that way`
    };
  }
  const byDir = new Map(modules.map(m => [m.dir, m]));
  const versionMajor = majorDigits(version);
  const majorDir = isMajorDirName(`v${versionMajor}`) ? joinPath(dir, `v${versionMajor}`) : undefined;
  for (const candidate of majorDir ? [majorDir, dir] : [dir]) {
    const module = byDir.get(candidate);
    if (module) return { kind: 'module', module };
    if (unknownDirs.has(candidate)) {
      const goMod = joinPath(candidate, 'go.mod');
      return { kind: 'none', reason: `${goMod}, which would release it, cannot be read (gomod-unreadable)` };
    }
  }
  if (modules.length === 0 && unknownDirs.size === 0 && dir === ROOT_DIR) return { kind: 'legacy-root' };
  const where = dir === ROOT_DIR ? 'at the repository root' : `in ${dir}/`;
  const orMajorDir = majorDir ? ` or in ${majorDir}/` : '';
  return { kind: 'none', reason: `no module releases it: there is no go.mod ${where}${orMajorDir}` };
}

/** Whether a module path is a gopkg.in path (suffix `.vN`, root only). */
export function isGopkgInModule(module: Module): boolean {
  return module.path !== undefined && isGopkgIn(module.path);
}

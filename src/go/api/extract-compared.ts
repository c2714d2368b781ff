// Comparing two versions while parsing only what changed (extractComparedApis): which packages are
// left out, given short or compared, and the extraction that reads more files as it asks for names.
import { groupBy } from '../../collections.js';
import { scanImports, type ImportScan } from '../module/imports.js';
import { dirOf } from '../module/layout.js';
import { additionsOnly, type ShortPackage } from './extract-additions.js';
import {
  affectedFiles,
  moreForComparison,
  scanCached,
  type LazySide,
  type Mode,
  type ScanCache
} from './extract-affected.js';
import {
  Extractor,
  isInternalDir,
  type ApiSource,
  type ConstEntry,
  type Decl,
  type ParseGo,
  type PkgInfo
} from './extract-context.js';
import { packageApiOf } from './extract-objects.js';
import {
  byFile,
  collectDecls,
  fileContext,
  packageDirOf,
  packageHeader,
  resolveQualifiers,
  sameBytes,
  type ParseCache
} from './extract-read.js';
import { platformGroups, withVariants } from './extract-platforms.js';
import { named } from './extract-syntax.js';
import type { ModuleApi, PackageApi } from './model.js';
import { parseGoDeclarations } from './parse.js';

/** One side of a comparison: the module's path and its files (in the packages to compare). */
export interface ComparedSide {
  modulePath: string;
  files: readonly ApiSource[];
}

export interface ComparedApisOptions {
  /**
   * Directories (repository-relative) that import a dependency whose required version changed: what
   * they declare may have changed underneath though their bytes did not, so they are parsed whole.
   */
  dependents?: ReadonlySet<string>;
  /**
   * A required version changed: packages that only add declarations are parsed whole too, since
   * the comparison may warn about any declaration that uses the dependency.
   */
  dependencyChanged?: boolean;
  parse?: ParseGo;
}

/**
 * The two APIs whose comparison gives the changes from `old` to `now`, parsing only what changed.
 * A package is given by what the comparison reports of it when it can be:
 * - one that a major bump only rewrote: left out (unchangedPackages);
 * - one that only one side has: its name and position (reported added or removed);
 * - one whose new version only adds declarations (additionsOnly): no objects before, the
 *   additions after, read from its changed files alone.
 * Any other is compared by the declarations of its affected files only (affectedFiles): the
 * changed ones, and the unchanged ones whose declarations could read differently because of them.
 * The declarations those consult in files left out (a type a struct embeds, the methods of that
 * type, a constant an expression names, in this package or another of the comparison) are read as
 * the extractor asks for them (extractAsked). The changes found are those of comparing both sides
 * whole.
 */
export function extractComparedApis(
  moduleDir: string,
  old: ComparedSide,
  now: ComparedSide,
  options: ComparedApisOptions = {}
): [ModuleApi, ModuleApi] {
  // Per group of platforms with the same files (extract-platforms.ts); each file parsed once.
  const groups = platformGroups([old.files, now.files]);
  const cache: ParseCache = new Map();
  const pairs = groups.map(({ files: [before, after] }) =>
    extractComparedOn(moduleDir, { ...old, files: before }, { ...now, files: after }, options, cache)
  );
  return [
    withVariants(
      pairs.map(p => p[0]),
      groups
    ),
    withVariants(
      pairs.map(p => p[1]),
      groups
    )
  ];
}

/** extractComparedApis on one group of platforms' files. */
function extractComparedOn(
  moduleDir: string,
  old: ComparedSide,
  now: ComparedSide,
  options: ComparedApisOptions,
  cache: ParseCache
): [ModuleApi, ModuleApi] {
  const parse = options.parse ?? parseGoDeclarations;
  const dependents = options.dependents ?? new Set<string>();
  const skipped = unchangedPackages(old, now);
  for (const dir of dependents) skipped.delete(dir);
  const sideOf = ({ modulePath, files }: ComparedSide): LazySide => {
    const dirs = filesByPackage(files, moduleDir, skipped);
    const headers = new Map<string, PackageApi>();
    for (const [dir, list] of dirs) {
      const header = packageHeader(dir, list, parse, cache);
      if (header) headers.set(dir, header);
    }
    return { modulePath, dirs, headers };
  };
  const sides: [LazySide, LazySide] = [sideOf(old), sideOf(now)];
  const [oldDirs, newDirs] = [sides[0].dirs, sides[1].dirs];
  const short = new Map<string, ShortPackage>();
  const modes = new Map<string, Mode>();
  for (const dir of new Set([...oldDirs.keys(), ...newDirs.keys()])) {
    const before = oldDirs.get(dir);
    const after = newDirs.get(dir);
    const files = [...(before ?? []), ...(after ?? [])];
    if (files.some(f => dependents.has(dirOf(f.file)))) {
      modes.set(dir, 'whole');
      continue;
    }
    const given =
      before && after
        ? options.dependencyChanged
          ? undefined
          : additionsOnly(dir, before, after, old.modulePath, now.modulePath, parse, cache)
        : {
            old: sides[0].headers.get(dir),
            now: sides[1].headers.get(dir)
          };
    if (given) short.set(dir, given);
    // With a required version changed, the comparison warns about any declaration naming the
    // dependency's package, changed or not: all are read.
    if (before && after)
      modes.set(dir, given ? 'additions' : options.dependencyChanged ? 'whole' : 'partial');
  }
  const scans: ScanCache = new Map();
  const affected = affectedFiles(sides, modes, scans);
  const compared = new Map<string, 'whole' | 'partial'>();
  for (const [dir, mode] of modes) {
    if (mode === 'additions') continue;
    compared.set(dir, mode);
    short.delete(dir);
  }
  const apis = extractAsked(sides, compared, affected, parse, cache, scans);
  for (const [api, side] of [
    [apis[0], 'old'],
    [apis[1], 'now']
  ] as const) {
    for (const given of short.values()) {
      const pkg = given[side];
      if (pkg && pkg.name !== 'main' && !isInternalDir(pkg.dir)) api.packages.set(pkg.dir, pkg);
    }
    api.packages = new Map([...api.packages].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }
  return apis;
}

/**
 * Both sides' APIs of the compared packages, from their affected files, reading more files as the
 * extractor asks for names they may declare (a lookup that found nothing is an answer too: another
 * file might declare the name). Every package of the comparison answers such lookups, the ones
 * given short included; the extraction starts over until no lookup asks for an unread file. Then
 * what the comparison itself consults (moreForComparison) is added to the affected files, and the
 * whole starts over until nothing is.
 */
function extractAsked(
  sides: [LazySide, LazySide],
  compared: ReadonlyMap<string, 'whole' | 'partial'>,
  affected: Map<string, Set<string>>,
  parse: ParseGo,
  cache: ParseCache,
  scans: ScanCache
): [ModuleApi, ModuleApi] {
  const loaded = sides.map(side => new Map([...side.dirs.keys()].map(dir => [dir, new Set<string>()])));
  for (;;) {
    for (const read of loaded) {
      for (const [dir, files] of affected)
        if (compared.has(dir)) for (const f of files) read.get(dir)?.add(f);
    }
    const results = sides.map((side, s) => extractLoaded(side, loaded[s], compared, affected, parse, cache));
    let grew = false;
    sides.forEach((side, s) => {
      for (const [dir, { names, aliases }] of results[s].asked) {
        const read = loaded[s].get(dir) as Set<string>;
        for (const src of side.dirs.get(dir) ?? []) {
          if (read.has(src.file)) continue;
          const scan = scanCached(src, scans);
          const declares = (n: string) => !scan || scan.declared.has(n) || scan.receivers.has(n);
          if ([...names].some(declares) || [...aliases].some(n => !scan || scan.aliases.has(n))) {
            read.add(src.file);
            grew = true;
          }
        }
      }
    });
    if (grew) continue;
    const apis: [ModuleApi, ModuleApi] = [results[0].api, results[1].api];
    if (!moreForComparison(apis, sides, compared, affected, scans)) return apis;
  }
}

/** A map that remembers every key it was asked for, found or not. */
class AskedMap<V> extends Map<string, V> {
  readonly asked = new Set<string>();

  override get(key: string): V | undefined {
    this.asked.add(key);
    return super.get(key);
  }

  override has(key: string): boolean {
    this.asked.add(key);
    return super.has(key);
  }
}

/**
 * One side's API of the compared packages from the files loaded so far (the affected ones emit
 * their objects; the others are only consulted), and the names each package was asked for.
 */
function extractLoaded(
  side: LazySide,
  loaded: ReadonlyMap<string, ReadonlySet<string>>,
  compared: ReadonlyMap<string, 'whole' | 'partial'>,
  affected: ReadonlyMap<string, ReadonlySet<string>>,
  parse: ParseGo,
  cache: ParseCache
): { api: ModuleApi; asked: Map<string, { names: Set<string>; aliases: Set<string> }> } {
  const pkgs = new Map<string, PkgInfo>();
  const lookups: [string, AskedMap<Decl>, AskedMap<ConstEntry>, Set<string>][] = [];
  for (const [dir, files] of side.dirs) {
    const header = side.headers.get(dir);
    if (!header) continue;
    const { name, pos } = header;
    const pkg: PkgInfo = { dir, name, pos, files: [], types: new Map(), consts: new Map(), decls: [] };
    const read = loaded.get(dir);
    for (const src of files) {
      if (!read?.has(src.file)) continue;
      const file = fileContext(src, parse, cache);
      if (!file) continue;
      pkg.files.push(file.ctx);
      const consulted = !compared.has(dir) || !affected.get(dir)?.has(src.file);
      collectDecls(pkg, named(file.root), file.ctx, consulted);
    }
    const types = new AskedMap(pkg.types);
    const consts = new AskedMap(pkg.consts);
    const aliasLookups = new Set<string>();
    pkgs.set(dir, { ...pkg, types, consts, aliasLookups });
    lookups.push([dir, types, consts, aliasLookups]);
  }
  resolveQualifiers(pkgs, side.modulePath);
  const packages = new Map<string, PackageApi>();
  const extractor = new Extractor(pkgs);
  for (const dir of [...compared.keys()].sort()) {
    const pkg = pkgs.get(dir);
    if (!pkg || pkg.name === 'main' || isInternalDir(pkg.dir)) continue;
    packages.set(dir, packageApiOf(extractor, pkg));
  }
  const asked = new Map<string, { names: Set<string>; aliases: Set<string> }>();
  for (const [dir, types, consts, aliases] of lookups) {
    const names = new Set([...types.asked, ...consts.asked]);
    if (names.size > 0 || aliases.size > 0) asked.set(dir, { names, aliases });
  }
  return { api: { modulePath: side.modulePath, packages }, asked };
}

/** The counted files of each package (module-relative directory), sorted, outside `skipped` directories. */
function filesByPackage(
  files: readonly ApiSource[],
  moduleDir: string,
  skipped: ReadonlySet<string>
): Map<string, ApiSource[]> {
  return groupBy([...files].sort(byFile), src =>
    skipped.has(dirOf(src.file)) ? undefined : packageDirOf(src.file, moduleDir)
  );
}

/**
 * The directories (packages) whose files declare the same on both sides: the same file names, each
 * file identical or changed only in header comments and the module's own import paths (`old/x` ->
 * `new/x`), as a major bump rewrites every package. The extractor names a package of the module by
 * its directory, not its import path, so such a package's API is the same, and it need not be parsed.
 */
export function unchangedPackages(
  old: { modulePath: string; files: readonly ApiSource[] },
  now: { modulePath: string; files: readonly ApiSource[] }
): Set<string> {
  const byDir = (files: readonly ApiSource[]) => {
    const dirs = new Map<string, Map<string, Uint8Array>>();
    for (const { file, data } of files) {
      const dir = dirOf(file);
      let list = dirs.get(dir);
      if (!list) dirs.set(dir, (list = new Map()));
      list.set(file, data);
    }
    return dirs;
  };
  const before = byDir(old.files);
  const same = new Set<string>();
  for (const [dir, files] of byDir(now.files)) {
    const earlier = before.get(dir);
    if (!earlier || earlier.size !== files.size) continue;
    const declareTheSame = [...files].every(([file, data]) => {
      const was = earlier.get(file);
      return (
        was !== undefined &&
        (sameBytes(was, data) || sameDeclarations(was, data, old.modulePath, now.modulePath))
      );
    });
    if (declareTheSame) same.add(dir);
  }
  return same;
}

/** Two versions of a file that differ at most in their header's comments and own-module import paths. */
function sameDeclarations(old: Uint8Array, now: Uint8Array, oldModule: string, newModule: string): boolean {
  let a: ImportScan;
  let b: ImportScan;
  try {
    a = scanImports(old);
    b = scanImports(now);
  } catch {
    return false;
  }
  if (a.error || b.error || a.constraintError || b.constraintError) return false;
  if (a.packageName !== b.packageName || a.buildIgnore !== b.buildIgnore || a.constraint !== b.constraint) {
    return false;
  }
  if (a.imports.length !== b.imports.length) return false;
  const own = (path: string, module: string) =>
    path === module ? '\0.' : path.startsWith(`${module}/`) ? `\0${path.slice(module.length + 1)}` : path;
  for (let i = 0; i < a.imports.length; i++) {
    const x = a.imports[i];
    const y = b.imports[i];
    if (x.name !== y.name || own(x.path, oldModule) !== own(y.path, newModule)) return false;
  }
  // Everything after the header: the declarations, byte for byte.
  return sameBytes(old.subarray(a.end), now.subarray(b.end));
}

// The comparison's file selection: per package, the files whose declarations may read differently
// on the two sides (affectedFiles), and what the comparison itself consults besides them
// (moreForComparison).
import { scanImports } from '../module/imports.js';
import { consultedTypeNames } from './diff-comparable.js';
import { methodSetsDiffer } from './diff-methods.js';
import { ownPackageDir, type ApiSource } from './extract-context.js';
import { cachedFor, sameBytes } from './extract-read.js';
import type { ApiObject, ModuleApi, PackageApi } from './model.js';
import { identifierHash, scanTopLevel, type TopLevel } from './toplevel.js';

/**
 * How a package present on both sides is compared: every declaration, those of its affected files,
 * or (it only adds declarations) by its additions alone.
 */
export type Mode = 'whole' | 'partial' | 'additions';

/**
 * One side of a comparison: its packages' counted files by module-relative directory, and each
 * package's name and position (from its first file that counts; none when no file counts).
 */
export interface LazySide {
  modulePath: string;
  dirs: Map<string, ApiSource[]>;
  headers: Map<string, PackageApi>;
}

/** Top-level scans, by path and content (scanTopLevel). */
export type ScanCache = Map<string, { data: Uint8Array; scan: TopLevel | undefined }[]>;

export function scanCached(src: ApiSource, cache: ScanCache): TopLevel | undefined {
  return cachedFor(cache, src, data => ({ scan: scanTopLevel(data) })).scan;
}

/**
 * For each package of the comparison, the files whose declarations may read differently on the two
 * sides: every file of one compared whole; of one compared partially, the changed files (added,
 * removed, or with other bytes) and, until none is added, every unchanged file that spells a type
 * or constant an affected file declares or receives methods on, in its own package or one it
 * imports, or that declares a name an affected file of its package declares (twice declared, the
 * first wins). A file the top-level scan cannot read counts as affected. Of a package given short,
 * the changed files: what its importers may spell.
 *
 * Why that is enough: a declaration reads the same on both sides unless something it consults
 * differs, and all it consults it reaches by names: ones its file spells, then ones the files
 * declaring those spell, and so on. The first file in that chain that changed declares the name
 * the file before it spells, which is then affected, and so on back to the declaration's own file.
 */
export function affectedFiles(
  sides: [LazySide, LazySide],
  modes: Map<string, Mode>,
  scans: ScanCache
): Map<string, Set<string>> {
  const [before, after] = sides.map(s => s.dirs);
  const affected = new Map<string, Set<string>>();
  // Each file's versions on the two sides; an unchanged file has one.
  const filesOf = new Map<string, Map<string, ApiSource[]>>();
  for (const dir of new Set([...before.keys(), ...after.keys()])) {
    const files = new Map<string, ApiSource[]>();
    for (const src of [...(before.get(dir) ?? []), ...(after.get(dir) ?? [])]) {
      const seen = files.get(src.file);
      if (!seen) files.set(src.file, [src]);
      else if (!sameBytes(seen[0].data, src.data)) seen.push(src);
    }
    filesOf.set(dir, files);
    const mode = modes.get(dir);
    const onBothSides = new Set(before.get(dir)?.map(src => src.file));
    const later = new Set(after.get(dir)?.map(src => src.file));
    for (const file of onBothSides) if (!later.has(file)) onBothSides.delete(file);
    const set = new Set<string>();
    for (const [file, srcs] of files) {
      if (mode === 'whole' || srcs.length > 1 || !onBothSides.has(file)) set.add(file);
    }
    affected.set(dir, set);
  }
  const unreadable = (dir: string) => {
    const set = affected.get(dir) as Set<string>;
    for (const [file, [src]] of filesOf.get(dir) ?? []) if (!scanCached(src, scans)) set.add(file);
  };
  for (const [dir, mode] of modes) if (mode === 'partial') unreadable(dir);
  // What the affected files of each package declare: hashes of the names others refer to, and every name.
  const refers = (dir: string) => {
    const hashes = new Set<number>();
    const names = new Set<string>();
    for (const file of affected.get(dir) ?? []) {
      for (const src of filesOf.get(dir)?.get(file) ?? []) {
        const scan = scanCached(src, scans);
        for (const n of scan?.referable ?? []) hashes.add(identifierHash(n));
        for (const n of scan?.receivers ?? []) hashes.add(identifierHash(n));
        for (const n of scan?.declared ?? []) if (n !== '_') names.add(n);
      }
    }
    return { hashes, names };
  };
  const spellsAny = (scan: TopLevel, hashes: ReadonlySet<number>) => {
    for (const h of hashes) if (scan.spelled.has(h)) return true;
    return false;
  };
  const modulePaths = sides.map(s => s.modulePath);
  const importsOf = new Map<ApiSource, string[] | undefined>();
  for (let grew = true; grew;) {
    grew = false;
    const declared = new Map([...affected.keys()].map(dir => [dir, refers(dir)]));
    // The affected declarations of the other packages a file imports, undefined when its header is unreadable.
    const importedFrom = (src: ApiSource, dir: string) => {
      if (!importsOf.has(src)) importsOf.set(src, importPaths(src));
      return importsOf.get(src)?.flatMap(path => {
        const target = modulePaths.map(m => ownPackageDir(path, m)).find(d => d !== undefined);
        const theirs = target === undefined || target === dir ? undefined : declared.get(target);
        return theirs && theirs.hashes.size > 0 ? [theirs.hashes] : [];
      });
    };
    for (const [dir, mode] of modes) {
      if (mode === 'whole') continue;
      const set = affected.get(dir) as Set<string>;
      const own = declared.get(dir) as { hashes: Set<number>; names: Set<string> };
      for (const [file, [src]] of filesOf.get(dir) ?? []) {
        // In a package that only adds, a changed file's kept declarations may read another
        // package's changed ones too (a struct embedding one): its old version is checked as well.
        if (set.has(file) && mode !== 'additions') continue;
        const others = importedFrom(src, dir);
        // Within a package that only adds, additionsOnly saw to it that no old file spells an added
        // name: only other packages' changes can reach its files.
        if (mode === 'additions' && others?.length === 0) continue;
        const scan = scanCached(src, scans);
        const hit =
          !scan ||
          !others ||
          (mode === 'partial' &&
            (spellsAny(scan, own.hashes) || [...scan.declared].some(n => own.names.has(n)))) ||
          others.some(hashes => spellsAny(scan, hashes));
        if (!hit) continue;
        set.add(file);
        grew = true;
        if (mode === 'additions') {
          // An unchanged declaration reads another package's changed one: compare it as well.
          modes.set(dir, 'partial');
          unreadable(dir);
          break;
        }
      }
    }
  }
  return affected;
}

/** A file's import paths, undefined when its header cannot be read. */
function importPaths(src: ApiSource): string[] | undefined {
  try {
    return scanImports(src.data).imports.map(i => i.path);
  } catch {
    return undefined;
  }
}

/**
 * Adds to the affected files of each partially compared package what comparing its objects looks
 * up in the package besides them (diff.ts): the types a type's comparability reads, and, when a
 * type's method set changed, every interface it may have implemented. True when any was added.
 */
export function moreForComparison(
  [oldApi, newApi]: [ModuleApi, ModuleApi],
  sides: [LazySide, LazySide],
  compared: ReadonlyMap<string, 'whole' | 'partial'>,
  affected: Map<string, Set<string>>,
  scans: ScanCache
): boolean {
  let grew = false;
  for (const [dir, mode] of compared) {
    if (mode !== 'partial') continue;
    const before = oldApi.packages.get(dir)?.objects ?? new Map<string, ApiObject>();
    const after = newApi.packages.get(dir)?.objects ?? new Map<string, ApiObject>();
    const names = new Set([...before.values(), ...after.values()].flatMap(consultedTypeNames));
    const interfaces = [...before].some(([name, o]) => {
      const n = after.get(name);
      return n !== undefined && methodSetsDiffer(o, n);
    });
    if (names.size === 0 && !interfaces) continue;
    const set = affected.get(dir) as Set<string>;
    for (const side of sides) {
      for (const src of side.dirs.get(dir) ?? []) {
        if (set.has(src.file)) continue;
        const scan = scanCached(src, scans);
        const wanted =
          !scan || (interfaces && scan.referable.size > 0) || [...scan.declared].some(n => names.has(n));
        if (wanted) {
          set.add(src.file);
          grew = true;
        }
      }
    }
  }
  return grew;
}

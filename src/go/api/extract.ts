// The exported API of a Go module, read from source without a Go toolchain: goparse.ts parses each
// file's declarations (tree-sitter-go's node types; a differential test runs tree-sitter-go itself
// through this same extractor). Produces the data model of api-model.ts.
//
// Which files count: the caller passes the files the module owns; here `_test.go` files, files
// excluded by `//go:build ignore`, and paths under testdata, vendor, `_x` or `.x` are dropped. A
// package is a directory; `main` packages and `internal` trees are left out of the result (but
// internal packages are still read, so that an exported interface may embed an internal one).
//
// Type text is canonical (see `typeText`): single spaces, no parameter names, qualifiers as written,
// struct fields one per entry in source order without tags, interface methods sorted by name then
// embedded elements in source order. Constant values are evaluated where the expression only uses
// literals, iota, conversions and constants of the same package (`1 << iota` at index 2 is `4`);
// otherwise the normalized expression text is kept, with `@index` when it depends on iota.
import type {
  ApiObject,
  ApiPosition,
  Field,
  Method,
  Promoted,
  ModuleApi,
  PackageApi,
  TypeParam,
  Underlying
} from './model.js';
import { groupBy } from '../../collections.js';
import { consultedTypeNames, methodSetsDiffer } from './diff.js';
import { parseGoDeclarations, type GoSyntaxNode } from './parse.js';
import { scanImports, type ImportScan } from '../module/imports.js';
import { dirOf, isCountedPath } from '../module/layout.js';
import { identifierHash, scanTopLevel, type TopLevel } from './toplevel.js';

export interface ApiSource {
  /** Repository-relative file path. */
  file: string;
  data: Uint8Array;
}

type Node = GoSyntaxNode;

/** Parses one file's text into a tree with tree-sitter-go's node types (goparse.ts by default). */
export type ParseGo = (text: string) => GoSyntaxNode;

// ---------------------------------------------------------------------------------------------
// Reading files into packages

interface FileCtx {
  file: string;
  text: string;
  lineStarts: number[];
  /** Import qualifier → module-relative dir, for imports of this module. */
  qualifiers: Map<string, string>;
  /** Import paths by explicit name or last element, filled before the qualifiers are resolved. */
  imports: { name?: string; path: string }[];
}

interface Decl {
  node: Node;
  ctx: FileCtx;
  /** Read for what other declarations consult (its type, constant or methods); its objects are not the API's. */
  consulted?: boolean;
}

interface PkgInfo {
  dir: string;
  name: string;
  pos: ApiPosition;
  files: FileCtx[];
  /** Every type spec (exported or not) by name: for embedded-interface and underlying resolution. */
  types: Map<string, Decl>;
  /** Every const spec name → its spec, iota and position in the spec, for constant evaluation. */
  consts: Map<string, ConstEntry>;
  decls: Decl[];
}

interface ConstEntry {
  name: string;
  index: number;
  iota: number;
  typeNode: Node | null;
  valueNodes: Node[] | null;
  nameNode: Node;
  ctx: FileCtx;
}

const GO_UPPER = /^\p{Lu}/u;
const isExported = (name: string): boolean => GO_UPPER.test(name);

function relDir(file: string, moduleDir: string): string | undefined {
  const rel =
    moduleDir === '.' || moduleDir === ''
      ? file
      : file.startsWith(`${moduleDir}/`)
        ? file.slice(moduleDir.length + 1)
        : undefined;
  if (rel === undefined) return undefined;
  const i = rel.lastIndexOf('/');
  return i < 0 ? '.' : rel.slice(0, i);
}

function isInternalDir(dir: string): boolean {
  return dir !== '.' && dir.split('/').includes('internal');
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function posOf(ctx: FileCtx, node: Node): ApiPosition {
  const index = node.startIndex;
  let lo = 0;
  let hi = ctx.lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (ctx.lineStarts[mid] <= index) lo = mid;
    else hi = mid - 1;
  }
  const lineStart = ctx.lineStarts[lo];
  // Columns in code points from the line start (as imports.ts reports them), 1-based.
  const column = [...ctx.text.slice(lineStart, Math.max(lineStart, index))].length + 1;
  return { file: ctx.file, line: lo + 1, column };
}

/** Whether a top-level declaration is broken where it matters (a function's body does not). */
function isBroken(decl: Node): boolean {
  if (!decl.hasError) return false;
  if (decl.type !== 'function_declaration' && decl.type !== 'method_declaration') return true;
  return ['name', 'type_parameters', 'parameters', 'result', 'receiver'].some(
    f => decl.childForFieldName(f)?.hasError
  );
}

const decoder = new TextDecoder('utf-8');

/**
 * The exported API of the module whose root is `moduleDir` (repo-relative, '.' for root), from its
 * .go files (the caller passes exactly the files the module owns: nested modules cut out).
 */
export function extractModuleApi(
  modulePath: string,
  moduleDir: string,
  files: readonly ApiSource[],
  parse: ParseGo = parseGoDeclarations
): ModuleApi {
  return extractWith(modulePath, moduleDir, files, parse, new Map());
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

// ---------------------------------------------------------------------------------------------
// Comparing two versions, parsing only what changed

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

/** A package given to the comparison by what it reports of it, on the sides that have it. */
interface ShortPackage {
  old?: PackageApi;
  now?: PackageApi;
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
  const parse = options.parse ?? parseGoDeclarations;
  const dependents = options.dependents ?? new Set<string>();
  const skipped = unchangedPackages(old, now);
  for (const dir of dependents) skipped.delete(dir);
  const cache: ParseCache = new Map();
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
 * How a package present on both sides is compared: every declaration, those of its affected files,
 * or (it only adds declarations) by its additions alone.
 */
type Mode = 'whole' | 'partial' | 'additions';

/**
 * One side of a comparison: its packages' counted files by module-relative directory, and each
 * package's name and position (from its first file that counts; none when no file counts).
 */
interface LazySide {
  modulePath: string;
  dirs: Map<string, ApiSource[]>;
  headers: Map<string, PackageApi>;
}

/** Top-level scans, by path and content (scanTopLevel). */
type ScanCache = Map<string, { data: Uint8Array; scan: TopLevel | undefined }[]>;

function scanCached(src: ApiSource, cache: ScanCache): TopLevel | undefined {
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
function affectedFiles(
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
        if (set.has(file)) continue;
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
      for (const [dir, names] of results[s].asked) {
        const read = loaded[s].get(dir) as Set<string>;
        for (const src of side.dirs.get(dir) ?? []) {
          if (read.has(src.file)) continue;
          const scan = scanCached(src, scans);
          const declares = (n: string) => !scan || scan.declared.has(n) || scan.receivers.has(n);
          if ([...names].some(declares)) {
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

/**
 * Adds to the affected files of each partially compared package what comparing its objects looks
 * up in the package besides them (apidiff.ts): the types a type's comparability reads, and, when a
 * type's method set changed, every interface it may have implemented. True when any was added.
 */
function moreForComparison(
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
): { api: ModuleApi; asked: Map<string, Set<string>> } {
  const pkgs = new Map<string, PkgInfo>();
  const lookups: [string, AskedMap<Decl>, AskedMap<ConstEntry>][] = [];
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
    pkgs.set(dir, { ...pkg, types, consts });
    lookups.push([dir, types, consts]);
  }
  resolveQualifiers(pkgs, side.modulePath);
  const packages = new Map<string, PackageApi>();
  const extractor = new Extractor(pkgs);
  for (const dir of [...compared.keys()].sort()) {
    const pkg = pkgs.get(dir);
    if (!pkg || pkg.name === 'main' || isInternalDir(pkg.dir)) continue;
    packages.set(dir, { dir, name: pkg.name, objects: extractor.objects(pkg), pos: pkg.pos });
  }
  const asked = new Map<string, Set<string>>();
  for (const [dir, types, consts] of lookups) {
    const names = new Set([...types.asked, ...consts.asked]);
    if (names.size > 0) asked.set(dir, names);
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

/** The module-relative directory of an import of the module's own packages, else undefined. */
function ownPackageDir(importPath: string, modulePath: string): string | undefined {
  if (importPath === modulePath) return '.';
  return importPath.startsWith(`${modulePath}/`) ? importPath.slice(modulePath.length + 1) : undefined;
}

/**
 * A package's name and position without its objects: from its first file that counts, as extractWith
 * takes them, read from the file's header where it can (no parse).
 */
function packageHeader(
  dir: string,
  files: readonly ApiSource[],
  parse: ParseGo,
  cache: ParseCache
): PackageApi | undefined {
  for (const src of files) {
    let scanned: ImportScan;
    try {
      scanned = scanImports(src.data);
    } catch {
      continue;
    }
    if (scanned.buildIgnore) continue;
    const header = (name: string, pos: ApiPosition): PackageApi => ({ dir, name, objects: new Map(), pos });
    if (scanned.packageName !== undefined && scanned.packageAt !== undefined) {
      return header(scanned.packageName, positionAt(src.file, src.data, scanned.packageAt));
    }
    const read = fileContext(src, parse, cache);
    if (read) return header(read.pkgName, posOf(read.ctx, read.clause ?? read.root));
  }
  return undefined;
}

/** posOf for a byte offset: the line, and the column in code points (not counting a byte order mark, which the decoder drops). */
function positionAt(file: string, data: Uint8Array, offset: number): ApiPosition {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (data[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  const bom = lineStart === 0 && data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf;
  let column = 1;
  for (let i = bom ? 3 : lineStart; i < offset; i++) if ((data[i] & 0xc0) !== 0x80) column++;
  return { file, line, column };
}

/**
 * A package whose new version only adds declarations, given as no objects before and the added
 * objects after; undefined when it does more. It only adds when no file was removed, and in each
 * changed file: the build constraint is the same, every import is kept (the module's own moved with
 * the module), no dot import is added, and every declaration is still there, the same up to a
 * function's body. What is added must leave the rest as it was: a method only on an added type, and
 * no added name (nor an added import's name) that the package's old files spell anywhere, since it
 * could shadow what they meant by it (`type error ...`).
 */
function additionsOnly(
  dir: string,
  before: readonly ApiSource[],
  after: readonly ApiSource[],
  oldModule: string,
  newModule: string,
  parse: ParseGo,
  cache: ParseCache
): ShortPackage | undefined {
  const was = new Map(before.map(src => [src.file, src.data]));
  const files = new Set(after.map(src => src.file));
  if (before.some(src => !files.has(src.file))) return undefined;
  const added: { node: Node; ctx: FileCtx }[] = [];
  const names: { name: string; in?: Uint8Array }[] = [];
  for (const src of after) {
    const oldData = was.get(src.file);
    if (oldData && sameBytes(oldData, src.data)) continue;
    const then = oldData ? fileContext({ file: src.file, data: oldData }, parse, cache) : undefined;
    const now = fileContext(src, parse, cache);
    // A file that counts on one side only (a build constraint or package clause changed).
    if (oldData && Boolean(then) !== Boolean(now)) return undefined;
    if (!now) continue;
    if (then) {
      // What the header adds is named in the file's scope: nothing the file's declarations used.
      const newImports = keptHeader(then.scanned, now.scanned, oldModule, newModule);
      if (!newImports || newImports.some(i => i.name === '.')) return undefined;
      for (const i of newImports)
        names.push({ name: i.name ?? i.path.slice(i.path.lastIndexOf('/') + 1), in: oldData });
    }
    const left = countTexts(then ? topLevelDecls(then.root).map(d => declarationKey(d, then.ctx.text)) : []);
    for (const decl of topLevelDecls(now.root)) {
      const key = declarationKey(decl, now.ctx.text);
      const count = left.get(key) ?? 0;
      if (count > 0) left.set(key, count - 1);
      else if (decl.hasError) return undefined;
      else added.push({ node: decl, ctx: now.ctx });
    }
    if ([...left.values()].some(n => n > 0)) return undefined;
  }
  const declared = declaredNames(added.map(a => a.node));
  if (!declared) return undefined;
  names.push(...declared.map(name => ({ name })));
  for (const { name, in: file } of names) {
    if (name === '_' || name === '.') continue;
    if ((file ? [file] : [...was.values()]).some(data => spellsWord(data, name))) return undefined;
  }
  const oldPkg = packageHeader(dir, before, parse, cache);
  const newPkg = packageHeader(dir, after, parse, cache);
  if (!oldPkg || !newPkg || oldPkg.name !== newPkg.name) return undefined;
  const pkg: PkgInfo = {
    dir,
    name: newPkg.name,
    pos: newPkg.pos,
    files: [],
    types: new Map(),
    consts: new Map(),
    decls: []
  };
  for (const { node, ctx } of added) collectDecls(pkg, [node], ctx);
  return { old: oldPkg, now: { ...newPkg, objects: new Extractor(new Map([[dir, pkg]])).objects(pkg) } };
}

/**
 * The imports a changed file adds, when its header otherwise stays: the same build constraint and
 * every old import kept (by name and path, the module's own paths taken relative to the module).
 * Undefined when it does not.
 */
function keptHeader(
  then: ImportScan,
  now: ImportScan,
  oldModule: string,
  newModule: string
): ImportScan['imports'] | undefined {
  if (then.error || now.error || then.constraint !== now.constraint) return undefined;
  const key = (i: { name?: string; path: string }, module: string) =>
    `${i.name ?? ''}\0${ownPackageDir(i.path, module) ?? `\0${i.path}`}`;
  const left = countTexts(then.imports.map(i => key(i, oldModule)));
  const added: ImportScan['imports'] = [];
  for (const i of now.imports) {
    const k = key(i, newModule);
    const count = left.get(k) ?? 0;
    if (count > 0) left.set(k, count - 1);
    else added.push(i);
  }
  return [...left.values()].some(n => n > 0) ? undefined : added;
}

/** The top-level declarations of a file: everything but the package clause, imports and comments. */
function topLevelDecls(root: Node): Node[] {
  return named(root).filter(n => n.type !== 'package_clause' && n.type !== 'import_declaration');
}

/**
 * What a declaration contributes to the API, as source text: from its start to the end of the last
 * node read in it (a function's body and a variable's initializer are not), so a node's own end,
 * which may stop before its last child's, is not relied on.
 */
function declarationKey(decl: Node, text: string): string {
  const body =
    decl.type === 'function_declaration' || decl.type === 'method_declaration'
      ? decl.childForFieldName('body')
      : null;
  return `${decl.type} ${text.slice(decl.startIndex, extentEnd(decl, body))}`;
}

function extentEnd(node: Node, skip: Node | null = null): number {
  let end = node.endIndex;
  for (const c of node.children) if (c && c !== skip) end = Math.max(end, extentEnd(c));
  return end;
}

function countTexts(texts: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of texts) counts.set(t, (counts.get(t) ?? 0) + 1);
  return counts;
}

/**
 * The package-level names added declarations declare, undefined when they can touch what was there:
 * a method on a type they do not declare, or one name declared twice. `init` functions declare none.
 */
function declaredNames(decls: readonly Node[]): string[] | undefined {
  const names: string[] = [];
  const receivers: string[] = [];
  for (const decl of decls) {
    switch (decl.type) {
      case 'function_declaration': {
        const name = decl.childForFieldName('name')?.text;
        if (name === undefined) return undefined;
        if (name !== 'init') names.push(name);
        break;
      }
      case 'method_declaration': {
        const recv = receiverOf(decl.childForFieldName('receiver'));
        if (!recv) return undefined;
        receivers.push(recv.base);
        break;
      }
      case 'type_declaration':
        for (const spec of named(decl)) {
          const name = spec.childForFieldName('name')?.text;
          if (name === undefined) return undefined;
          names.push(name);
        }
        break;
      case 'const_declaration':
        for (const { nameNode } of constSpecs(decl)) names.push(nameNode.text);
        break;
      case 'var_declaration':
        for (const spec of varSpecs(decl)) names.push(...fieldChildren(spec, 'name').map(n => n.text));
        break;
      default:
        return undefined;
    }
  }
  const declared = names.filter(n => n !== '_');
  if (new Set(declared).size !== declared.length) return undefined;
  return receivers.every(r => declared.includes(r)) ? declared : undefined;
}

/**
 * Whether a file spells `word` as a whole identifier anywhere (comments and strings too). A byte
 * outside ASCII next to it counts as a boundary: a false match only means parsing more.
 */
function spellsWord(data: Uint8Array, word: string): boolean {
  const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const isIdent = (c: number | undefined) =>
    c !== undefined &&
    ((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f);
  const needle = Buffer.from(word, 'utf8');
  for (let i = bytes.indexOf(needle); i >= 0; i = bytes.indexOf(needle, i + 1)) {
    if (!isIdent(i > 0 ? bytes[i - 1] : undefined) && !isIdent(bytes[i + needle.length])) return true;
  }
  return false;
}

/** A file read for its declarations; undefined when it does not count (`//go:build ignore`, no header). */
type ReadFile = { text: string; root: Node; lineStarts: number[]; scanned: ImportScan } | undefined;

/** Files read, by path and content. */
type ParseCache = Map<string, { data: Uint8Array; read: ReadFile }[]>;

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a === b) return true;
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(b);
}

function readFile(data: Uint8Array, parse: ParseGo): ReadFile {
  let scanned: ImportScan;
  try {
    scanned = scanImports(data);
  } catch {
    return undefined;
  }
  if (scanned.buildIgnore) return undefined;
  let text = decoder.decode(data);
  if (text.charCodeAt(0) === 0xfeff) text = ` ${text.slice(1)}`;
  return { text, root: parse(text), lineStarts: lineStartsOf(text), scanned };
}

/** The module-relative package directory of a file whose declarations count, else undefined. */
function packageDirOf(file: string, moduleDir: string): string | undefined {
  if (!file.endsWith('.go') || file.endsWith('_test.go')) return undefined;
  const dir = relDir(file, moduleDir);
  if (dir === undefined) return undefined;
  const name = file.slice(file.lastIndexOf('/') + 1);
  return isCountedPath(dir === '.' ? name : `${dir}/${name}`) ? dir : undefined;
}

/** A file read, through the cache: a file with the same path and bytes is parsed once. */
function readCached(src: ApiSource, parse: ParseGo, cache: ParseCache): ReadFile {
  return cachedFor(cache, src, data => ({ read: readFile(data, parse) })).read;
}

/** What `compute` makes of a file, once per path and content. */
function cachedFor<T extends object>(
  cache: Map<string, ({ data: Uint8Array } & T)[]>,
  src: ApiSource,
  compute: (data: Uint8Array) => T
): T {
  let seen = cache.get(src.file)?.find(entry => sameBytes(entry.data, src.data));
  if (!seen) {
    seen = { data: src.data, ...compute(src.data) };
    const versions = cache.get(src.file);
    if (versions) versions.push(seen);
    else cache.set(src.file, [seen]);
  }
  return seen;
}

/** A file's context for the extractor, its root, package clause and package name; undefined when it does not count. */
function fileContext(
  src: ApiSource,
  parse: ParseGo,
  cache: ParseCache
): { ctx: FileCtx; root: Node; clause: Node | undefined; pkgName: string; scanned: ImportScan } | undefined {
  const read = readCached(src, parse, cache);
  if (!read) return undefined;
  const { text, root, lineStarts, scanned } = read;
  const clause = root.namedChildren.find(n => n?.type === 'package_clause') ?? undefined;
  const nameNode = clause?.namedChildren.find(n => n?.type === 'package_identifier');
  const pkgName = nameNode?.text ?? scanned.packageName;
  if (!pkgName) return undefined;
  const ctx: FileCtx = {
    file: src.file,
    text,
    lineStarts,
    qualifiers: new Map(),
    imports: scanned.imports.filter(i => i.path !== 'C').map(i => ({ name: i.name, path: i.path }))
  };
  return { ctx, root, clause, pkgName, scanned };
}

function byFile(a: ApiSource, b: ApiSource): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : 0;
}

function extractWith(
  modulePath: string,
  moduleDir: string,
  files: readonly ApiSource[],
  parse: ParseGo,
  cache: ParseCache
): ModuleApi {
  const pkgs = new Map<string, PkgInfo>();
  for (const src of [...files].sort(byFile)) {
    const dir = packageDirOf(src.file, moduleDir);
    const read = dir === undefined ? undefined : fileContext(src, parse, cache);
    if (dir === undefined || !read) continue;
    const { ctx, root, clause, pkgName } = read;
    let pkg = pkgs.get(dir);
    if (!pkg) {
      pkg = {
        dir,
        name: pkgName,
        pos: posOf(ctx, clause ?? root),
        files: [],
        types: new Map(),
        consts: new Map(),
        decls: []
      };
      pkgs.set(dir, pkg);
    }
    pkg.files.push(ctx);
    collectDecls(pkg, named(root), ctx);
  }

  resolveQualifiers(pkgs, modulePath);

  const out = new Map<string, PackageApi>();
  const extractor = new Extractor(pkgs);
  for (const pkg of [...pkgs.values()].sort((a, b) => (a.dir < b.dir ? -1 : a.dir > b.dir ? 1 : 0))) {
    if (pkg.name === 'main' || isInternalDir(pkg.dir)) continue;
    out.set(pkg.dir, { dir: pkg.dir, name: pkg.name, objects: extractor.objects(pkg), pos: pkg.pos });
  }
  return { modulePath, packages: out };
}

/** Each file's import qualifiers that name packages of this module. */
function resolveQualifiers(pkgs: ReadonlyMap<string, PkgInfo>, modulePath: string): void {
  for (const pkg of pkgs.values()) {
    for (const ctx of pkg.files) {
      for (const imp of ctx.imports) {
        const target = ownPackageDir(imp.path, modulePath);
        if (target === undefined) continue;
        const name = imp.name ?? pkgs.get(target)?.name ?? imp.path.slice(imp.path.lastIndexOf('/') + 1);
        if (name === '_' || name === '.') continue;
        ctx.qualifiers.set(name, target);
      }
    }
  }
}

function fieldChildren(node: Node, field: string): Node[] {
  // childrenForFieldName also returns the anonymous `,` tokens between the names.
  return node.childrenForFieldName(field).filter((n): n is Node => n !== null && n.isNamed);
}

function named(node: Node): Node[] {
  return node.namedChildren.filter((n): n is Node => n !== null && n.type !== 'comment');
}

function collectDecls(pkg: PkgInfo, decls: readonly Node[], ctx: FileCtx, consulted = false): void {
  const push = (node: Node) => pkg.decls.push(consulted ? { node, ctx, consulted } : { node, ctx });
  for (const decl of decls) {
    switch (decl.type) {
      case 'type_declaration':
        for (const spec of named(decl)) {
          if (spec.hasError) continue;
          if (spec.type !== 'type_spec' && spec.type !== 'type_alias') continue;
          const name = spec.childForFieldName('name')?.text;
          if (name && !pkg.types.has(name)) pkg.types.set(name, { node: spec, ctx });
        }
        push(decl);
        break;
      case 'const_declaration': {
        for (const { nameNode, index, iota, typeNode, valueNodes } of constSpecs(decl)) {
          if (!pkg.consts.has(nameNode.text)) {
            pkg.consts.set(nameNode.text, {
              name: nameNode.text,
              index,
              iota,
              typeNode,
              valueNodes,
              nameNode,
              ctx
            });
          }
        }
        push(decl);
        break;
      }
      case 'var_declaration':
      case 'function_declaration':
      case 'method_declaration':
        push(decl);
        break;
      default:
        break; // package clause, imports, ERROR nodes at the top level
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Canonical text

type Subst = ReadonlyMap<string, string> | undefined;

/** Type arguments in force while the text of an instantiated generic declaration is produced. */
let subst: Subst;

function withSubst<T>(s: Subst, fn: () => T): T {
  const saved = subst;
  subst = s;
  try {
    return fn();
  } finally {
    subst = saved;
  }
}

const NAMED_OR_LITERAL = new Set([
  'struct_type',
  'interface_type',
  'type_identifier',
  'qualified_type',
  'generic_type'
]);

interface Resolved {
  pkg: PkgInfo;
  decl: Decl;
  subst: Subst;
}

/** Normalized Go type text (see the file comment). */
function typeText(node: Node | null): string {
  if (!node) return '';
  switch (node.type) {
    case 'type_identifier':
      return subst?.get(node.text) ?? node.text;
    case 'identifier':
    case 'package_identifier':
    case 'field_identifier':
      return node.text;
    case 'qualified_type': {
      const pkg = node.childForFieldName('package')?.text ?? '';
      return `${pkg}.${node.childForFieldName('name')?.text ?? ''}`;
    }
    case 'generic_type': {
      const args = node.childForFieldName('type_arguments');
      return `${typeText(node.childForFieldName('type'))}[${(args ? named(args) : []).map(typeText).join(', ')}]`;
    }
    case 'pointer_type':
      return `*${typeText(named(node)[0] ?? null)}`;
    case 'slice_type':
      return `[]${typeText(node.childForFieldName('element'))}`;
    case 'array_type':
      return `[${exprText(node.childForFieldName('length'))}]${typeText(node.childForFieldName('element'))}`;
    case 'implicit_length_array_type':
      return `[...]${typeText(node.childForFieldName('element'))}`;
    case 'map_type':
      return `map[${typeText(node.childForFieldName('key'))}]${typeText(node.childForFieldName('value'))}`;
    case 'channel_type': {
      const first = node.child(0)?.type;
      const second = node.child(1)?.type;
      const dir = first === '<-' ? 'recv' : second === '<-' ? 'send' : 'both';
      return chanText(dir, node.childForFieldName('value'));
    }
    case 'function_type':
      return `func${signatureText(node.childForFieldName('parameters'), node.childForFieldName('result'))}`;
    case 'struct_type':
      return `struct{${structEntries(node).join('; ')}}`;
    case 'interface_type':
      return interfaceText(node);
    case 'parenthesized_type':
      return typeText(named(node)[0] ?? null);
    case 'negated_type':
      return `~${typeText(named(node)[0] ?? null)}`;
    case 'type_elem':
    case 'type_constraint':
      return named(node).map(typeText).join(' | ');
    default:
      return collapse(node.text);
  }
}

/**
 * `chan <-chan T` is `chan<- (chan T)` in Go (`<-` binds to the leftmost `chan`). goparse.ts reads
 * it so; tree-sitter-go (the differential tests' parser) reads `chan (<-chan T)`: re-associate that
 * shape unless the inner type was parenthesized.
 */
function chanText(dir: 'send' | 'recv' | 'both', value: Node | null): string {
  if (dir === 'both' && value?.type === 'channel_type' && value.child(0)?.type === '<-') {
    return `chan<- ${chanText('both', value.childForFieldName('value'))}`;
  }
  const elem = typeText(value);
  if (dir === 'recv') return `<-chan ${elem}`;
  if (dir === 'send') return `chan<- ${elem}`;
  return elem.startsWith('<-chan') ? `chan (${elem})` : `chan ${elem}`;
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function structEntries(node: Node): string[] {
  const list = named(node).find(n => n.type === 'field_declaration_list');
  const out: string[] = [];
  for (const f of list ? named(list) : []) {
    if (f.type !== 'field_declaration') continue;
    const type = embeddedTypeText(f);
    const names = fieldChildren(f, 'name');
    if (names.length === 0) out.push(type);
    else for (const n of names) out.push(`${n.text} ${type}`);
  }
  return out;
}

/** A field's type text; for an embedded field the `*` is a separate token of the declaration. */
function embeddedTypeText(field: Node): string {
  const type = typeText(field.childForFieldName('type'));
  if (fieldChildren(field, 'name').length > 0) return type;
  return embedsPointer(field) ? `*${type}` : type;
}

/** Whether an embedded field is written `*T`: the tree keeps the `*` as a token of the field itself. */
function embedsPointer(field: Node): boolean {
  for (let i = 0; i < field.childCount; i++) {
    const c = field.child(i);
    if (c?.type === '*') return true;
    if (c?.isNamed) break;
  }
  return false;
}

function interfaceText(node: Node): string {
  const methods: string[] = [];
  const elems: string[] = [];
  for (const c of named(node)) {
    if (c.type === 'method_elem') {
      const name = c.childForFieldName('name')?.text ?? '';
      methods.push(
        `${name}${signatureText(c.childForFieldName('parameters'), c.childForFieldName('result'))}`
      );
    } else if (c.type === 'type_elem') {
      elems.push(typeText(c));
    }
  }
  methods.sort();
  return `interface{${[...methods, ...elems].join('; ')}}`;
}

/** `(int, ...string) (T, error)`: parameter types only; one result without parentheses. */
function signatureText(params: Node | null, result: Node | null): string {
  const ps = paramTypes(params);
  let out = `(${ps.join(', ')})`;
  if (result) {
    if (result.type === 'parameter_list') {
      const rs = paramTypes(result);
      if (rs.length === 1) out += ` ${rs[0]}`;
      else if (rs.length > 1) out += ` (${rs.join(', ')})`;
    } else {
      out += ` ${typeText(result)}`;
    }
  }
  return out;
}

function paramTypes(list: Node | null): string[] {
  const out: string[] = [];
  for (const p of list ? named(list) : []) {
    if (p.type !== 'parameter_declaration' && p.type !== 'variadic_parameter_declaration') continue;
    const t =
      (p.type === 'variadic_parameter_declaration' ? '...' : '') + typeText(p.childForFieldName('type'));
    const n = Math.max(1, fieldChildren(p, 'name').length);
    for (let i = 0; i < n; i++) out.push(t);
  }
  return out;
}

/** Normalized expression text (single spaces around binary operators). */
function exprText(node: Node | null): string {
  if (!node) return '';
  switch (node.type) {
    case 'binary_expression':
      return `${exprText(node.childForFieldName('left'))} ${node.childForFieldName('operator')?.text ?? ''} ${exprText(node.childForFieldName('right'))}`;
    case 'unary_expression':
      return `${node.childForFieldName('operator')?.text ?? ''}${exprText(node.childForFieldName('operand'))}`;
    case 'parenthesized_expression':
      return `(${named(node).map(exprText).join('')})`;
    case 'call_expression': {
      const args = node.childForFieldName('arguments');
      return `${exprText(node.childForFieldName('function'))}(${(args ? named(args) : []).map(exprText).join(', ')})`;
    }
    case 'selector_expression':
      return `${exprText(node.childForFieldName('operand'))}.${node.childForFieldName('field')?.text ?? ''}`;
    default:
      return collapse(node.text);
  }
}

function typeParams(list: Node | null): TypeParam[] {
  const out: TypeParam[] = [];
  for (const d of list ? named(list) : []) {
    if (d.type !== 'type_parameter_declaration') continue;
    const constraint = typeText(d.childForFieldName('type'));
    for (const n of fieldChildren(d, 'name')) out.push({ name: n.text, constraint });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Constant evaluation

type ConstVal = { k: 'int'; v: bigint } | { k: 'str'; v: string } | { k: 'bool'; v: boolean };

function parseIntLit(text: string): bigint | undefined {
  const t = text.replace(/_/g, '');
  try {
    if (/^0[0-7]+$/.test(t)) return BigInt(`0o${t.slice(1)}`);
    if (/^0[oO][0-7]+$/.test(t)) return BigInt(`0o${t.slice(2)}`);
    if (/^(0[xX][0-9a-fA-F]+|0[bB][01]+|[0-9]+)$/.test(t)) return BigInt(t);
  } catch {
    return undefined;
  }
  return undefined;
}

function decodeGoString(lit: string): string | undefined {
  if (lit.startsWith('`')) return lit.slice(1, -1).replace(/\r/g, '');
  if (!lit.startsWith('"') && !lit.startsWith("'")) return undefined;
  const body = lit.slice(1, -1);
  const bytes: number[] = [];
  const enc = new TextEncoder();
  const simple: Record<string, number> = {
    a: 7,
    b: 8,
    f: 12,
    n: 10,
    r: 13,
    t: 9,
    v: 11,
    '\\': 92,
    '"': 34,
    "'": 39
  };
  for (let i = 0; i < body.length;) {
    const ch = body[i];
    if (ch !== '\\') {
      const cp = body.codePointAt(i) ?? 0;
      const s = String.fromCodePoint(cp);
      bytes.push(...enc.encode(s));
      i += s.length;
      continue;
    }
    const e = body[i + 1];
    if (e in simple) {
      bytes.push(simple[e]);
      i += 2;
    } else if (e === 'x') {
      bytes.push(parseInt(body.slice(i + 2, i + 4), 16));
      i += 4;
    } else if (e >= '0' && e <= '7') {
      bytes.push(parseInt(body.slice(i + 1, i + 4), 8));
      i += 4;
    } else if (e === 'u' || e === 'U') {
      const n = e === 'u' ? 4 : 8;
      bytes.push(...enc.encode(String.fromCodePoint(parseInt(body.slice(i + 2, i + 2 + n), 16))));
      i += 2 + n;
    } else {
      return undefined;
    }
  }
  return new TextDecoder('utf-8').decode(new Uint8Array(bytes));
}

/** strconv.Quote for the printable ASCII/Unicode common case. */
function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (cp === 7) out += '\\a';
    else if (cp === 8) out += '\\b';
    else if (cp === 12) out += '\\f';
    else if (cp === 10) out += '\\n';
    else if (cp === 13) out += '\\r';
    else if (cp === 9) out += '\\t';
    else if (cp === 11) out += '\\v';
    else if (cp < 0x20 || cp === 0x7f) out += `\\x${cp.toString(16).padStart(2, '0')}`;
    else if (cp === 0xfffd) out += '\\ufffd';
    else if (cp >= 0x80 && cp < 0xa0) out += `\\u${cp.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

function showConst(v: ConstVal): string {
  if (v.k === 'int') return v.v.toString();
  if (v.k === 'str') return goQuote(v.v);
  return String(v.v);
}

const MAX_SHIFT = 10000n;

class ConstEvaluator {
  private readonly busy = new Set<ConstEntry>();
  private readonly cache = new Map<ConstEntry, ConstVal | null>();
  constructor(private readonly pkg: PkgInfo) {}

  entry(e: ConstEntry): ConstVal | undefined {
    if (this.cache.has(e)) return this.cache.get(e) ?? undefined;
    if (this.busy.has(e)) return undefined;
    this.busy.add(e);
    const node = e.valueNodes?.[e.index] ?? null;
    const v = node ? this.eval(node, e.iota) : undefined;
    this.busy.delete(e);
    this.cache.set(e, v ?? null);
    return v;
  }

  eval(node: Node, iota: number): ConstVal | undefined {
    switch (node.type) {
      case 'int_literal': {
        const v = parseIntLit(node.text);
        return v === undefined ? undefined : { k: 'int', v };
      }
      case 'rune_literal': {
        const s = decodeGoString(node.text);
        const cp = s === undefined ? undefined : s.codePointAt(0);
        return cp === undefined ? undefined : { k: 'int', v: BigInt(cp) };
      }
      case 'interpreted_string_literal':
      case 'raw_string_literal': {
        const s = decodeGoString(node.text);
        return s === undefined ? undefined : { k: 'str', v: s };
      }
      case 'true':
        return { k: 'bool', v: true };
      case 'false':
        return { k: 'bool', v: false };
      case 'iota':
        return { k: 'int', v: BigInt(iota) };
      case 'identifier': {
        const e = this.pkg.consts.get(node.text);
        return e ? this.entry(e) : undefined;
      }
      case 'parenthesized_expression': {
        const inner = named(node)[0];
        return inner ? this.eval(inner, iota) : undefined;
      }
      case 'call_expression': {
        // A conversion T(x) to a named or predeclared integer/string type keeps the value.
        const fn = node.childForFieldName('function');
        const args = node.childForFieldName('arguments');
        const list = args ? named(args) : [];
        if (!fn || list.length !== 1) return undefined;
        if (fn.type !== 'identifier' && fn.type !== 'type_identifier' && fn.type !== 'selector_expression')
          return undefined;
        if (fn.type === 'identifier' && (this.pkg.consts.has(fn.text) || BUILTIN_FUNCS.has(fn.text)))
          return undefined;
        const v = this.eval(list[0], iota);
        return v && v.k !== 'str' ? v : undefined;
      }
      case 'unary_expression': {
        const op = node.childForFieldName('operator')?.text;
        const operand = node.childForFieldName('operand');
        const x = operand ? this.eval(operand, iota) : undefined;
        if (!x) return undefined;
        if (x.k === 'int') {
          if (op === '-') return { k: 'int', v: -x.v };
          if (op === '+') return x;
          if (op === '^') return { k: 'int', v: -x.v - 1n };
        }
        if (x.k === 'bool' && op === '!') return { k: 'bool', v: !x.v };
        return undefined;
      }
      case 'binary_expression': {
        const op = node.childForFieldName('operator')?.text ?? '';
        const l = node.childForFieldName('left');
        const r = node.childForFieldName('right');
        const a = l ? this.eval(l, iota) : undefined;
        const b = r ? this.eval(r, iota) : undefined;
        if (!a || !b) return undefined;
        return binary(op, a, b);
      }
      default:
        return undefined;
    }
  }
}

const BUILTIN_FUNCS = new Set(['len', 'cap', 'real', 'imag', 'complex', 'unsafe']);

function binary(op: string, a: ConstVal, b: ConstVal): ConstVal | undefined {
  if (a.k === 'int' && b.k === 'int') {
    const x = a.v;
    const y = b.v;
    switch (op) {
      case '+':
        return { k: 'int', v: x + y };
      case '-':
        return { k: 'int', v: x - y };
      case '*':
        return { k: 'int', v: x * y };
      case '/':
        return y === 0n ? undefined : { k: 'int', v: x / y };
      case '%':
        return y === 0n ? undefined : { k: 'int', v: x % y };
      case '<<':
        return y < 0n || y > MAX_SHIFT ? undefined : { k: 'int', v: x << y };
      case '>>':
        return y < 0n || y > MAX_SHIFT ? undefined : { k: 'int', v: x >> y };
      case '&':
        return { k: 'int', v: x & y };
      case '|':
        return { k: 'int', v: x | y };
      case '^':
        return { k: 'int', v: x ^ y };
      case '&^':
        return { k: 'int', v: x & ~y };
    }
  }
  if (a.k === 'str' && b.k === 'str' && op === '+') return { k: 'str', v: a.v + b.v };
  if (a.k === 'bool' && b.k === 'bool') {
    if (op === '&&') return { k: 'bool', v: a.v && b.v };
    if (op === '||') return { k: 'bool', v: a.v || b.v };
  }
  if (a.k === b.k) {
    const x = a.v;
    const y = b.v;
    switch (op) {
      case '==':
        return { k: 'bool', v: x === y };
      case '!=':
        return { k: 'bool', v: x !== y };
    }
    if (a.k !== 'bool') {
      switch (op) {
        case '<':
          return { k: 'bool', v: x < y };
        case '<=':
          return { k: 'bool', v: x <= y };
        case '>':
          return { k: 'bool', v: x > y };
        case '>=':
          return { k: 'bool', v: x >= y };
      }
    }
  }
  return undefined;
}

function mentionsIota(node: Node): boolean {
  if (node.type === 'iota') return true;
  return named(node).some(mentionsIota);
}

// ---------------------------------------------------------------------------------------------
// Objects

const PREDECLARED_NON_INTERFACE = new Set([
  'bool',
  'byte',
  'complex64',
  'complex128',
  'float32',
  'float64',
  'int',
  'int8',
  'int16',
  'int32',
  'int64',
  'rune',
  'string',
  'uint',
  'uint8',
  'uint16',
  'uint32',
  'uint64',
  'uintptr'
]);

interface Flattened {
  methods: Map<string, Method>;
  embeds: string[];
  hasUnexportedMethods: boolean;
  typeSet: boolean;
}

class Extractor {
  constructor(private readonly pkgs: ReadonlyMap<string, PkgInfo>) {}

  objects(pkg: PkgInfo): Map<string, ApiObject> {
    const objects = new Map<string, ApiObject>();
    const methods = new Map<string, Method[]>();
    const evaluator = new ConstEvaluator(pkg);
    const add = (o: ApiObject): void => {
      if (!objects.has(o.name)) objects.set(o.name, o);
    };
    for (const { node: decl, ctx, consulted } of pkg.decls) {
      // A consulted declaration's methods are what embedding types get; nothing else of it is wanted.
      if (consulted && decl.type !== 'method_declaration') continue;
      switch (decl.type) {
        case 'const_declaration':
          this.consts(pkg, decl, ctx, evaluator, add);
          break;
        case 'var_declaration':
          for (const spec of varSpecs(decl)) {
            if (spec.hasError) continue;
            const type = spec.childForFieldName('type');
            for (const n of fieldChildren(spec, 'name')) {
              if (!isExported(n.text)) continue;
              add({
                kind: 'var',
                name: n.text,
                ...(type ? { type: typeText(type) } : {}),
                pos: posOf(ctx, n)
              });
            }
          }
          break;
        case 'function_declaration': {
          if (isBroken(decl)) break;
          const name = decl.childForFieldName('name');
          if (!name || !isExported(name.text)) break;
          add({
            kind: 'func',
            name: name.text,
            typeParams: typeParams(decl.childForFieldName('type_parameters')),
            signature: `func${signatureText(decl.childForFieldName('parameters'), decl.childForFieldName('result'))}`,
            pos: posOf(ctx, name)
          });
          break;
        }
        case 'method_declaration': {
          if (isBroken(decl)) break;
          const name = decl.childForFieldName('name');
          const recv = receiverOf(decl.childForFieldName('receiver'));
          // Methods of unexported types count too: an exported struct that embeds the type gets them.
          if (!name || !recv || !isExported(name.text)) break;
          const list = methods.get(recv.base) ?? [];
          list.push({
            name: name.text,
            signature: `func${signatureText(decl.childForFieldName('parameters'), decl.childForFieldName('result'))}`,
            pos: posOf(ctx, name),
            ...(recv.pointer ? { pointer: true } : {})
          });
          methods.set(recv.base, list);
          break;
        }
        case 'type_declaration':
          for (const spec of named(decl)) {
            if (spec.hasError || (spec.type !== 'type_spec' && spec.type !== 'type_alias')) continue;
            const name = spec.childForFieldName('name');
            if (!name || !isExported(name.text)) continue;
            const type = spec.childForFieldName('type');
            const text =
              type?.type === 'struct_type'
                ? 'struct{...}'
                : type?.type === 'interface_type'
                  ? 'interface{...}'
                  : typeText(type);
            add({
              kind: 'type',
              name: name.text,
              alias: spec.type === 'type_alias',
              typeParams: typeParams(spec.childForFieldName('type_parameters')),
              text,
              underlying: this.underlying(pkg, type, ctx),
              methods: [],
              pos: posOf(ctx, name)
            });
          }
          break;
      }
    }
    for (const list of methods.values()) {
      const seen = new Set<string>();
      const unique = list.filter(m => !seen.has(m.name) && seen.add(m.name));
      list.splice(0, list.length, ...unique.sort(byMemberName));
    }
    for (const t of objects.values()) {
      if (t.kind !== 'type' || t.alias) continue;
      const own = methods.get(t.name);
      if (own) t.methods.push(...own);
      const promoted = t.typeParams.length === 0 ? this.promoted(pkg, t.name, methods) : undefined;
      if (promoted && (promoted.methods.length > 0 || promoted.fields.length > 0)) t.promoted = promoted;
    }
    return objects;
  }

  /**
   * The struct or interface type a same-package, non-generic type name stands for, through
   * definitions like `type D S` (D has S's fields, so what they promote, but not S's methods).
   */
  private localType(pkg: PkgInfo, name: string): { node: Node; ctx: FileCtx } | undefined {
    for (let depth = 0; depth < MAX_EMBEDDING_DEPTH; depth++) {
      const decl = pkg.types.get(name);
      if (!decl || decl.node.type !== 'type_spec' || decl.node.childForFieldName('type_parameters'))
        return undefined;
      const node = decl.node.childForFieldName('type');
      if (node?.type === 'struct_type' || node?.type === 'interface_type') return { node, ctx: decl.ctx };
      if (node?.type !== 'type_identifier') return undefined;
      name = node.text;
    }
    return undefined;
  }

  /**
   * The methods and exported fields struct type `name` gets from the same-package types it embeds,
   * level by level (the spec's selector rule): a name at a shallower depth hides deeper ones, and a
   * name found twice at the same depth is ambiguous, so it is selectable through neither.
   */
  private promoted(pkg: PkgInfo, name: string, methods: ReadonlyMap<string, Method[]>): Promoted | undefined {
    const own = this.localType(pkg, name);
    if (own?.node.type !== 'struct_type') return undefined;
    const taken = new Set([...(methods.get(name) ?? []).map(m => m.name), ...structFieldNames(own.node)]);
    const out: Promoted = { methods: [], fields: [] };
    const visited = new Set([name]);
    let level = [{ type: own, via: '', pointer: false }];
    for (let depth = 1; level.length > 0 && depth <= MAX_EMBEDDING_DEPTH; depth++) {
      const found = new Map<string, { member: { method: Method } | { field: Field }; count: number }>();
      const offer = (memberName: string, member: { method: Method } | { field: Field }) => {
        const seen = found.get(memberName);
        if (seen) seen.count++;
        else found.set(memberName, { member, count: 1 });
      };
      const next: typeof level = [];
      const reached = new Set<string>();
      for (const at of level) {
        for (const e of localEmbeddings(at.type.node)) {
          if (visited.has(e.name)) continue;
          const type = this.localType(pkg, e.name);
          const via = at.via ? `${at.via}.${e.name}` : e.name;
          // Through an embedded pointer, even pointer-receiver methods are in the value's method set.
          const pointer = at.pointer || e.pointer;
          for (const m of methods.get(e.name) ?? []) {
            offer(m.name, { method: { ...m, pointer: Boolean(m.pointer) && !pointer, via } });
          }
          if (type?.node.type === 'interface_type') {
            for (const m of this.flatten(pkg, type.node, type.ctx, new Set()).methods.values()) {
              offer(m.name, { method: { ...m, via } });
            }
          } else if (type) {
            const u = structUnderlying(type.node, type.ctx);
            if (u.kind === 'struct') for (const f of u.fields) offer(f.name, { field: { ...f, via } });
            next.push({ type, via, pointer });
          }
          reached.add(e.name);
        }
      }
      for (const [memberName, { member, count }] of found) {
        if (taken.has(memberName)) continue;
        taken.add(memberName);
        if (count > 1) continue;
        if ('method' in member) out.methods.push(member.method);
        else out.fields.push(member.field);
      }
      for (const r of reached) visited.add(r);
      level = next;
    }
    out.methods.sort(byMemberName);
    out.fields.sort(byMemberName);
    return out;
  }

  private consts(
    pkg: PkgInfo,
    decl: Node,
    ctx: FileCtx,
    evaluator: ConstEvaluator,
    add: (o: ApiObject) => void
  ): void {
    for (const { nameNode: n, index, iota, typeNode, valueNodes } of constSpecs(decl)) {
      if (!isExported(n.text)) continue;
      const expr = valueNodes?.[index] ?? null;
      const entry = pkg.consts.get(n.text);
      let value: string | undefined;
      const v =
        entry && entry.ctx === ctx && entry.nameNode.startIndex === n.startIndex
          ? evaluator.entry(entry)
          : expr
            ? evaluator.eval(expr, iota)
            : undefined;
      if (v) value = showConst(v);
      else if (expr) value = mentionsIota(expr) ? `${exprText(expr)}@${iota}` : exprText(expr);
      add({
        kind: 'const',
        name: n.text,
        ...(typeNode ? { type: typeText(typeNode) } : {}),
        ...(value !== undefined ? { value } : {}),
        pos: posOf(ctx, n)
      });
    }
  }

  private underlying(pkg: PkgInfo, type: Node | null, ctx: FileCtx, depth = 0): Underlying {
    if (type?.type === 'struct_type') return structUnderlying(type, ctx);
    if (type?.type === 'interface_type') {
      const f = this.flatten(pkg, type, ctx, new Set());
      return {
        kind: 'interface',
        methods: [...f.methods.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
        embeds: f.embeds,
        hasUnexportedMethods: f.hasUnexportedMethods,
        typeSet: f.typeSet
      };
    }
    // The predeclared interfaces (unless a declaration of the package shadows them).
    if (type?.type === 'type_identifier' && !subst?.has(type.text) && !pkg.types.has(type.text)) {
      const base = { kind: 'interface' as const, embeds: [], hasUnexportedMethods: false, typeSet: false };
      if (type.text === 'any') return { ...base, methods: [] };
      if (type.text === 'error')
        return { ...base, methods: [{ name: 'Error', signature: 'func() string', pos: posOf(ctx, type) }] };
    }
    // `type A B` or `type A = B[int]` with B a struct or interface type of this module: A has
    // B's structure (type arguments substituted).
    if (type && depth < 16) {
      const target = this.resolve(pkg, type, ctx);
      const t = target?.decl.node.childForFieldName('type');
      if (target && t && NAMED_OR_LITERAL.has(t.type)) {
        const u = withSubst(target.subst, () => this.underlying(target.pkg, t, target.decl.ctx, depth + 1));
        if (u.kind !== 'other') return u;
      }
    }
    return { kind: 'other', text: typeText(type) };
  }

  /** The declaration a type name (`T`, `pkg.T`, `T[int]`) refers to in this module, with its type arguments. */
  private resolve(pkg: PkgInfo, type: Node, ctx: FileCtx): Resolved | undefined {
    let base: Node | null = type;
    let args: string[] | undefined;
    if (type.type === 'generic_type') {
      base = type.childForFieldName('type');
      const list = type.childForFieldName('type_arguments');
      args = (list ? named(list) : []).map(typeText);
    }
    if (!base) return undefined;
    let found: { pkg: PkgInfo; decl: Decl } | undefined;
    if (base.type === 'type_identifier') {
      if (subst?.has(base.text)) return undefined; // a type parameter
      const decl = pkg.types.get(base.text);
      if (decl) found = { pkg, decl };
    } else if (base.type === 'qualified_type') {
      const dir = ctx.qualifiers.get(base.childForFieldName('package')?.text ?? '');
      const other = dir === undefined ? undefined : this.pkgs.get(dir);
      const decl = other?.types.get(base.childForFieldName('name')?.text ?? '');
      if (other && decl) found = { pkg: other, decl };
    }
    if (!found) return undefined;
    const params = typeParams(found.decl.node.childForFieldName('type_parameters'));
    if (params.length === 0) return args ? undefined : { ...found, subst: undefined };
    if (!args || args.length !== params.length) return undefined;
    return { ...found, subst: new Map(params.map((p, i) => [p.name, args[i]])) };
  }

  private flatten(pkg: PkgInfo, iface: Node, ctx: FileCtx, visiting: Set<string>): Flattened {
    const out: Flattened = { methods: new Map(), embeds: [], hasUnexportedMethods: false, typeSet: false };
    const key = `${ctx.file}:${iface.startIndex}`;
    if (visiting.has(key)) return out;
    visiting.add(key);
    for (const c of named(iface)) {
      if (c.hasError) continue;
      if (c.type === 'method_elem') {
        const name = c.childForFieldName('name');
        if (!name) continue;
        if (!isExported(name.text)) {
          out.hasUnexportedMethods = true;
          continue;
        }
        if (!out.methods.has(name.text)) {
          out.methods.set(name.text, {
            name: name.text,
            signature: `func${signatureText(c.childForFieldName('parameters'), c.childForFieldName('result'))}`,
            pos: posOf(ctx, name)
          });
        }
        continue;
      }
      if (c.type !== 'type_elem') continue;
      const terms = named(c);
      const text = typeText(c);
      const only = terms.length === 1 ? terms[0] : undefined;
      if (!only || !['type_identifier', 'qualified_type', 'generic_type'].includes(only.type)) {
        out.typeSet = true;
        out.embeds.push(text);
        continue;
      }
      if (
        only.type === 'type_identifier' &&
        PREDECLARED_NON_INTERFACE.has(only.text) &&
        !pkg.types.has(only.text)
      ) {
        out.typeSet = true;
        out.embeds.push(text);
        continue;
      }
      const inner = this.resolveInterface(pkg, only, ctx, 0);
      if (inner === 'not-interface') {
        out.typeSet = true;
        out.embeds.push(text);
      } else if (inner) {
        const f = withSubst(inner.subst, () => this.flatten(inner.pkg, inner.node, inner.ctx, visiting));
        for (const [k, m] of f.methods) if (!out.methods.has(k)) out.methods.set(k, m);
        out.embeds.push(...f.embeds);
        out.hasUnexportedMethods ||= f.hasUnexportedMethods;
        out.typeSet ||= f.typeSet;
      } else {
        out.embeds.push(text);
      }
    }
    visiting.delete(key);
    return out;
  }

  /** The interface literal a same-module type name stands for, 'not-interface', or undefined (unknown). */
  private resolveInterface(
    pkg: PkgInfo,
    type: Node,
    ctx: FileCtx,
    depth: number
  ): { pkg: PkgInfo; node: Node; ctx: FileCtx; subst: Subst } | 'not-interface' | undefined {
    if (depth > 16) return undefined;
    const target = this.resolve(pkg, type, ctx);
    if (!target) return undefined;
    const t = target.decl.node.childForFieldName('type');
    if (!t) return undefined;
    if (t.type === 'interface_type')
      return { pkg: target.pkg, node: t, ctx: target.decl.ctx, subst: target.subst };
    if (t.type === 'type_identifier' || t.type === 'qualified_type' || t.type === 'generic_type') {
      if (
        t.type === 'type_identifier' &&
        PREDECLARED_NON_INTERFACE.has(t.text) &&
        !target.pkg.types.has(t.text)
      )
        return 'not-interface';
      return withSubst(target.subst, () => this.resolveInterface(target.pkg, t, target.decl.ctx, depth + 1));
    }
    if (t.type === 'parenthesized_type') return undefined;
    return 'not-interface';
  }
}

function varSpecs(decl: Node): Node[] {
  const out: Node[] = [];
  for (const c of named(decl)) {
    if (c.type === 'var_spec') out.push(c);
    else if (c.type === 'var_spec_list') out.push(...named(c).filter(s => s.type === 'var_spec'));
  }
  return out;
}

/** The base type name of a method's receiver, and whether the receiver is a pointer. */
function receiverOf(recv: Node | null): { base: string; pointer: boolean } | undefined {
  const p = recv ? named(recv).find(n => n.type === 'parameter_declaration') : undefined;
  let t = p?.childForFieldName('type') ?? null;
  let pointer = false;
  while (t) {
    if (t.type === 'type_identifier') return { base: t.text, pointer };
    if (t.type === 'pointer_type') pointer = true;
    if (t.type === 'pointer_type' || t.type === 'parenthesized_type') t = named(t)[0] ?? null;
    else if (t.type === 'generic_type') t = t.childForFieldName('type');
    else return undefined;
  }
  return undefined;
}

/** How deep promotion is followed; real code embeds a few levels at most. */
const MAX_EMBEDDING_DEPTH = 8;

const byMemberName = (a: { name: string }, b: { name: string }): number =>
  a.name < b.name ? -1 : a.name > b.name ? 1 : 0;

/** Every field name of a struct type (exported or not, embedded ones by their type name): depth 0 of selection. */
function structFieldNames(node: Node): string[] {
  const list = named(node).find(n => n.type === 'field_declaration_list');
  return (list ? named(list) : []).flatMap(f => {
    if (f.type !== 'field_declaration') return [];
    const names = fieldChildren(f, 'name');
    return names.length > 0 ? names.map(n => n.text) : [embeddedName(f.childForFieldName('type'))];
  });
}

/** The embedded fields of a struct type that name a type of the same package (`T` or `*T`, not generic). */
function localEmbeddings(node: Node): { name: string; pointer: boolean }[] {
  const list = named(node).find(n => n.type === 'field_declaration_list');
  const out: { name: string; pointer: boolean }[] = [];
  for (const f of list ? named(list) : []) {
    if (f.type !== 'field_declaration' || f.hasError || fieldChildren(f, 'name').length > 0) continue;
    let t = f.childForFieldName('type');
    let pointer = embedsPointer(f);
    while (t?.type === 'pointer_type' || t?.type === 'parenthesized_type') {
      if (t.type === 'pointer_type') pointer = true;
      t = named(t)[0] ?? null;
    }
    if (t?.type === 'type_identifier') out.push({ name: t.text, pointer });
  }
  return out;
}

function structUnderlying(node: Node, ctx: FileCtx): Underlying {
  const list = named(node).find(n => n.type === 'field_declaration_list');
  const fields: Field[] = [];
  let hasUnexportedFields = false;
  for (const f of list ? named(list) : []) {
    if (f.type !== 'field_declaration') continue;
    if (f.hasError) {
      hasUnexportedFields = true;
      continue;
    }
    const type = embeddedTypeText(f);
    const names = fieldChildren(f, 'name');
    if (names.length === 0) {
      const typeNode = f.childForFieldName('type');
      const name = embeddedName(typeNode);
      if (isExported(name)) fields.push({ name, type, embedded: true, pos: posOf(ctx, typeNode ?? f) });
      else hasUnexportedFields = true;
      continue;
    }
    for (const n of names) {
      if (isExported(n.text)) fields.push({ name: n.text, type, embedded: false, pos: posOf(ctx, n) });
      else hasUnexportedFields = true;
    }
  }
  return { kind: 'struct', fields, hasUnexportedFields };
}

function embeddedName(t: Node | null): string {
  while (t) {
    if (t.type === 'type_identifier') return t.text;
    if (t.type === 'qualified_type') return t.childForFieldName('name')?.text ?? '';
    if (t.type === 'generic_type') t = t.childForFieldName('type');
    else if (t.type === 'pointer_type' || t.type === 'parenthesized_type') t = named(t)[0] ?? null;
    else return '';
  }
  return '';
}

/**
 * The names of a const declaration with what Go gives each: a spec without values repeats the
 * previous spec's type and values, and iota counts the specs.
 */
function* constSpecs(decl: Node): Generator<{
  nameNode: Node;
  index: number;
  iota: number;
  typeNode: Node | null;
  valueNodes: Node[] | null;
}> {
  let typeNode: Node | null = null;
  let valueNodes: Node[] | null = null;
  let iota = 0;
  for (const spec of named(decl)) {
    if (spec.type !== 'const_spec') continue;
    const values = spec.childForFieldName('value');
    if (values) {
      typeNode = spec.childForFieldName('type');
      valueNodes = named(values);
    }
    if (!spec.hasError) {
      const names = fieldChildren(spec, 'name');
      for (const [index, nameNode] of names.entries()) yield { nameNode, index, iota, typeNode, valueNodes };
    }
    iota++;
  }
}

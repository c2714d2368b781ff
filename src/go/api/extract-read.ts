// Reading files into packages: each file parsed once per content (cached), its package by
// directory, its declarations collected by name, its import qualifiers resolved to the module's
// packages; then every package's objects (extractWith), or a package's name and position alone.
import { scanImports, type ImportScan } from '../module/imports.js';
import { isCountedPath } from '../module/layout.js';
import {
  decoder,
  Extractor,
  isInternalDir,
  lineStartsOf,
  ownPackageDir,
  posOf,
  relDir,
  type ApiSource,
  type FileCtx,
  type Node,
  type ParseGo,
  type PkgInfo
} from './extract-context.js';
import { packageApiOf } from './extract-objects.js';
import { constSpecs, named } from './extract-syntax.js';
import type { ApiPosition, ModuleApi, PackageApi } from './model.js';

/** A file read for its declarations; undefined when it does not count (`//go:build ignore`, no header). */
type ReadFile = { text: string; root: Node; lineStarts: number[]; scanned: ImportScan } | undefined;

/** Files read, by path and content. */
export type ParseCache = Map<string, { data: Uint8Array; read: ReadFile }[]>;

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
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
export function packageDirOf(file: string, moduleDir: string): string | undefined {
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
export function cachedFor<T extends object>(
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
export function fileContext(
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

export function byFile(a: ApiSource, b: ApiSource): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : 0;
}

export function extractWith(
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
    out.set(pkg.dir, packageApiOf(extractor, pkg));
  }
  return { modulePath, packages: out };
}

/** Each file's import qualifiers that name packages of this module. */
export function resolveQualifiers(pkgs: ReadonlyMap<string, PkgInfo>, modulePath: string): void {
  for (const pkg of pkgs.values()) {
    for (const ctx of pkg.files) {
      for (const imp of ctx.imports) {
        const target = ownPackageDir(imp.path, modulePath);
        if (target === undefined) continue;
        (ctx.ownDirs ??= new Map()).set(imp.path, target);
        const name = imp.name ?? pkgs.get(target)?.name ?? imp.path.slice(imp.path.lastIndexOf('/') + 1);
        if (name === '_' || name === '.') continue;
        ctx.qualifiers.set(name, target);
      }
    }
  }
}

export function collectDecls(pkg: PkgInfo, decls: readonly Node[], ctx: FileCtx, consulted = false): void {
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

/**
 * A package's name and position without its objects: from its first file that counts, as extractWith
 * takes them, read from the file's header where it can (no parse).
 */
export function packageHeader(
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

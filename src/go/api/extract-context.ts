// What the extractor knows of a file and a package as read: positions, the declarations by name,
// the constants with their iota; module-relative paths; and the extractor's state (every package
// read), which the per-kind functions of extract-objects.ts and the files it uses take.
import type { ApiPosition } from './model.js';
import type { GoSyntaxNode } from './parse.js';

export interface ApiSource {
  /** Repository-relative file path. */
  file: string;
  data: Uint8Array;
}

export type Node = GoSyntaxNode;

/** Parses one file's text into a tree with tree-sitter-go's node types (parse.ts by default). */
export type ParseGo = (text: string) => GoSyntaxNode;

export interface FileCtx {
  file: string;
  text: string;
  lineStarts: number[];
  /** Import qualifier → module-relative dir, for imports of this module. */
  qualifiers: Map<string, string>;
  /** Import paths by explicit name or last element, filled before the qualifiers are resolved. */
  imports: { name?: string; path: string }[];
  /** Import path → module-relative dir, for imports of this module (set with the qualifiers). */
  ownDirs?: Map<string, string>;
}

export interface Decl {
  node: Node;
  ctx: FileCtx;
  /** Read for what other declarations consult (its type, constant or methods); its objects are not the API's. */
  consulted?: boolean;
}

export interface PkgInfo {
  dir: string;
  name: string;
  pos: ApiPosition;
  files: FileCtx[];
  /** Every type spec (exported or not) by name: for embedded-interface and underlying resolution. */
  types: Map<string, Decl>;
  /** Every const spec name → its spec, iota and position in the spec, for constant evaluation. */
  consts: Map<string, ConstEntry>;
  decls: Decl[];
  /** Names looked up as possible aliases (peekType): a partial extraction reads the files declaring them. */
  aliasLookups?: Set<string>;
}

/** A type declaration by name, for reading aliases through: a lookup that does not ask for files other than aliases' (aliasLookups). */
export function peekType(pkg: PkgInfo, name: string): Decl | undefined {
  pkg.aliasLookups?.add(name);
  return Map.prototype.get.call(pkg.types, name) as Decl | undefined;
}

export interface ConstEntry {
  name: string;
  index: number;
  iota: number;
  typeNode: Node | null;
  valueNodes: Node[] | null;
  nameNode: Node;
  ctx: FileCtx;
}

const GO_UPPER = /^\p{Lu}/u;

export const isExported = (name: string): boolean => GO_UPPER.test(name);

export function relDir(file: string, moduleDir: string): string | undefined {
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

export function isInternalDir(dir: string): boolean {
  return dir !== '.' && dir.split('/').includes('internal');
}

/** The module-relative directory of an import of the module's own packages, else undefined. */
export function ownPackageDir(importPath: string, modulePath: string): string | undefined {
  if (importPath === modulePath) return '.';
  return importPath.startsWith(`${modulePath}/`) ? importPath.slice(modulePath.length + 1) : undefined;
}

export function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

export function posOf(ctx: FileCtx, node: Node): ApiPosition {
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
export function isBroken(decl: Node): boolean {
  if (!decl.hasError) return false;
  if (decl.type !== 'function_declaration' && decl.type !== 'method_declaration') return true;
  return ['name', 'type_parameters', 'parameters', 'result', 'receiver'].some(
    f => decl.childForFieldName(f)?.hasError
  );
}

export const decoder = new TextDecoder('utf-8');

export class Extractor {
  constructor(readonly pkgs: ReadonlyMap<string, PkgInfo>) {}
}

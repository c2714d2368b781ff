// A package whose new version only adds declarations (additionsOnly): how that is decided from its
// changed files alone, and the short package (no objects before, the additions after) it gives.
import type { ImportScan } from '../module/imports.js';
import {
  Extractor,
  ownPackageDir,
  type ApiSource,
  type FileCtx,
  type Node,
  type ParseGo,
  type PkgInfo
} from './extract-context.js';
import { objectsOf } from './extract-objects.js';
import { collectDecls, fileContext, packageHeader, sameBytes, type ParseCache } from './extract-read.js';
import { constSpecs, fieldChildren, named, receiverOf, varSpecs } from './extract-syntax.js';
import type { PackageApi } from './model.js';

/** A package given to the comparison by what it reports of it, on the sides that have it. */
export interface ShortPackage {
  old?: PackageApi;
  now?: PackageApi;
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
export function additionsOnly(
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
  return { old: oldPkg, now: { ...newPkg, objects: objectsOf(new Extractor(new Map([[dir, pkg]])), pkg) } };
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

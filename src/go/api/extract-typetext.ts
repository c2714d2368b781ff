// Canonical type text: the text of a type, signature, interface, struct entry or expression with
// single spaces, no parameter names and one spelling per type, so that equal texts mean equal
// types; with the type-argument substitution in force (withSubst) and the file it is read in
// (withScope): a type alias of the module reads as its target, a qualifier as its package's name
// (`oteltrace.Span` and `trace.Span` are one type), a dot-imported name with that qualifier.
import { assumedPackageName } from './diff-packages.js';
import { peekType, type FileCtx, type Node, type PkgInfo } from './extract-context.js';
import { fieldChildren, named, PREDECLARED_TYPES } from './extract-syntax.js';
import type { TypeParam } from './model.js';

export type Subst = ReadonlyMap<string, string> | undefined;

/** Type arguments in force while the text of an instantiated generic declaration is produced. */
export let subst: Subst;

export function withSubst<T>(s: Subst, fn: () => T): T {
  const saved = subst;
  subst = s;
  try {
    return fn();
  } finally {
    subst = saved;
  }
}

/** The file a text is read in: its imports, its package, and every package of the module read. */
export interface TypeScope {
  ctx: FileCtx;
  pkg: PkgInfo;
  pkgs: ReadonlyMap<string, PkgInfo>;
  /** The type parameters of the declaration being read: names that are neither aliases nor dot-imported. */
  params?: ReadonlySet<string>;
  /** Reading an alias of another package: the qualifier its package-local names get. */
  qualifier?: string;
}

let scope: TypeScope | undefined;
/** How many aliases are being read through (a cycle is a compile error; stop anyway). */
let aliasDepth = 0;

export function withScope<T>(s: TypeScope, fn: () => T): T {
  const saved = scope;
  scope = s;
  try {
    return fn();
  } finally {
    scope = saved;
  }
}

/** withScope for a file of the module, keeping the type parameters in force while in the same file. */
export function inFile<T>(pkgs: ReadonlyMap<string, PkgInfo>, pkg: PkgInfo, ctx: FileCtx, fn: () => T): T {
  const same = scope?.ctx === ctx;
  return withScope(
    {
      ctx,
      pkg,
      pkgs,
      params: same ? scope?.params : undefined,
      qualifier: same ? scope?.qualifier : undefined
    },
    fn
  );
}

/** Normalized Go type text (see the file comment). */
export function typeText(node: Node | null): string {
  if (!node) return '';
  switch (node.type) {
    case 'type_identifier':
      return subst?.get(node.text) ?? localName(node.text);
    case 'identifier':
    case 'package_identifier':
    case 'field_identifier':
      return node.text;
    case 'qualified_type':
      return qualifiedName(
        node.childForFieldName('package')?.text ?? '',
        node.childForFieldName('name')?.text ?? ''
      );
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

/** A package-local type name: an alias's target, or a dot-imported package's name qualified. */
function localName(name: string): string {
  if (!scope || scope.params?.has(name)) return name;
  const decl = peekType(scope.pkg, name);
  const target = decl ? aliasTarget(decl, scope.pkg) : undefined;
  if (target !== undefined) return target;
  if (PREDECLARED_TYPES.has(name)) return name;
  // Read through an alias of another package: the names of that package, as the reader spells them.
  if (scope.qualifier !== undefined) return `${scope.qualifier}.${name}`;
  if (decl) return name;
  const dots = scope.ctx.imports.filter(i => i.name === '.');
  // With two dot imports, which one declares the name is not known from this source.
  if (dots.length !== 1 || scope.pkg.types.has(name)) return name;
  return qualifiedName(importedName(dots[0].path), name);
}

/** `q.Name` with `q` as the imported package's name (`oteltrace` -> `trace`), an alias read through. */
function qualifiedName(qualifier: string, name: string): string {
  if (!scope) return `${qualifier}.${name}`;
  const imp = scope.ctx.imports.find(i => i.name === qualifier);
  let canonical = imp ? importedName(imp.path) : qualifier;
  // Two imports that would read as one qualifier (`trace` and `oteltrace` of two packages) stay as written.
  const clash = scope.ctx.imports.some(
    i => i !== imp && i.name !== '.' && i.name !== '_' && (i.name ?? importedName(i.path)) === canonical
  );
  if (clash) canonical = qualifier;
  const dir = scope.ctx.qualifiers.get(qualifier);
  const own = dir === undefined ? undefined : scope.pkgs.get(dir);
  const decl = own ? peekType(own, name) : undefined;
  const target = own && decl ? aliasTarget(decl, own, canonical) : undefined;
  return target ?? `${canonical}.${name}`;
}

/** The name a package imported from `path` declares: known for the module's own, else guessed from the path. */
function importedName(path: string): string {
  const dir = scope?.ctx.ownDirs?.get(path);
  const own = dir === undefined ? undefined : scope?.pkgs.get(dir)?.name;
  return own ?? assumedPackageName(path);
}

/** The target text of a non-generic type alias, read in the alias's own file; undefined for other types. */
function aliasTarget(
  decl: { node: Node; ctx: FileCtx },
  pkg: PkgInfo,
  qualifier?: string
): string | undefined {
  if (decl.node.type !== 'type_alias' || decl.node.childForFieldName('type_parameters')) return undefined;
  if (aliasDepth > 16 || !scope) return undefined;
  // In the alias's own package, its names stay local; read from another, they get its qualifier.
  const inherited = pkg === scope.pkg ? scope.qualifier : qualifier;
  const s: TypeScope = { ctx: decl.ctx, pkg, pkgs: scope.pkgs, qualifier: inherited };
  aliasDepth++;
  try {
    return withSubst(undefined, () => withScope(s, () => typeText(decl.node.childForFieldName('type'))));
  } finally {
    aliasDepth--;
  }
}

/**
 * `chan <-chan T` is `chan<- (chan T)` in Go (`<-` binds to the leftmost `chan`). parse.ts reads
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
export function embeddedTypeText(field: Node): string {
  const type = typeText(field.childForFieldName('type'));
  if (fieldChildren(field, 'name').length > 0) return type;
  return embedsPointer(field) ? `*${type}` : type;
}

/** Whether an embedded field is written `*T`: the tree keeps the `*` as a token of the field itself. */
export function embedsPointer(field: Node): boolean {
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
export function signatureText(params: Node | null, result: Node | null): string {
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
export function exprText(node: Node | null): string {
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

export function typeParams(list: Node | null): TypeParam[] {
  const out: TypeParam[] = [];
  for (const d of list ? named(list) : []) {
    if (d.type !== 'type_parameter_declaration') continue;
    const constraint = typeText(d.childForFieldName('type'));
    for (const n of fieldChildren(d, 'name')) out.push({ name: n.text, constraint });
  }
  return out;
}

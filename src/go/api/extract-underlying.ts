// A type's underlying type: a struct's fields, an interface's method set with its embedded interfaces
// flattened (through this package and the module's others, with type arguments substituted), or
// the text of any other type; and the declaration a type name refers to.
import {
  Extractor,
  isExported,
  posOf,
  type Decl,
  type FileCtx,
  type Node,
  type PkgInfo
} from './extract-context.js';
import { embeddedName, fieldChildren, named, PREDECLARED_TYPES } from './extract-syntax.js';
import {
  embeddedTypeText,
  signatureText,
  subst,
  typeParams,
  typeText,
  inFile,
  withSubst,
  type Subst
} from './extract-typetext.js';
import type { Field, Method, Underlying } from './model.js';

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

const PREDECLARED_NON_INTERFACE = new Set(
  [...PREDECLARED_TYPES].filter(t => t !== 'any' && t !== 'comparable' && t !== 'error')
);

interface Flattened {
  methods: Map<string, Method>;
  embeds: string[];
  hasUnexportedMethods: boolean;
  typeSet: boolean;
}

export function underlying(
  x: Extractor,
  pkg: PkgInfo,
  type: Node | null,
  ctx: FileCtx,
  depth = 0
): Underlying {
  return inFile(x.pkgs, pkg, ctx, () => underlyingIn(x, pkg, type, ctx, depth));
}

function underlyingIn(
  x: Extractor,
  pkg: PkgInfo,
  type: Node | null,
  ctx: FileCtx,
  depth: number
): Underlying {
  if (type?.type === 'struct_type') return structUnderlying(x, pkg, type, ctx);
  if (type?.type === 'interface_type') {
    const f = flatten(x, pkg, type, ctx, new Set());
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
    const target = resolve(x, pkg, type, ctx);
    const t = target?.decl.node.childForFieldName('type');
    if (target && t && NAMED_OR_LITERAL.has(t.type)) {
      const u = withSubst(target.subst, () => underlying(x, target.pkg, t, target.decl.ctx, depth + 1));
      if (u.kind !== 'other') return u;
    }
  }
  return { kind: 'other', text: typeText(type) };
}

/** The declaration a type name (`T`, `pkg.T`, `T[int]`) refers to in this module, with its type arguments. */
function resolve(x: Extractor, pkg: PkgInfo, type: Node, ctx: FileCtx): Resolved | undefined {
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
    const other = dir === undefined ? undefined : x.pkgs.get(dir);
    const decl = other?.types.get(base.childForFieldName('name')?.text ?? '');
    if (other && decl) found = { pkg: other, decl };
  }
  if (!found) return undefined;
  const params = typeParams(found.decl.node.childForFieldName('type_parameters'));
  if (params.length === 0) return args ? undefined : { ...found, subst: undefined };
  if (!args || args.length !== params.length) return undefined;
  return { ...found, subst: new Map(params.map((p, i) => [p.name, args[i]])) };
}

export function flatten(
  x: Extractor,
  pkg: PkgInfo,
  iface: Node,
  ctx: FileCtx,
  visiting: Set<string>
): Flattened {
  return inFile(x.pkgs, pkg, ctx, () => flattenIn(x, pkg, iface, ctx, visiting));
}

function flattenIn(x: Extractor, pkg: PkgInfo, iface: Node, ctx: FileCtx, visiting: Set<string>): Flattened {
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
    const inner = resolveInterface(x, pkg, only, ctx, 0);
    if (inner === 'not-interface') {
      out.typeSet = true;
      out.embeds.push(text);
    } else if (inner) {
      const f = withSubst(inner.subst, () => flatten(x, inner.pkg, inner.node, inner.ctx, visiting));
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
function resolveInterface(
  x: Extractor,
  pkg: PkgInfo,
  type: Node,
  ctx: FileCtx,
  depth: number
): { pkg: PkgInfo; node: Node; ctx: FileCtx; subst: Subst } | 'not-interface' | undefined {
  if (depth > 16) return undefined;
  const target = resolve(x, pkg, type, ctx);
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
    return withSubst(target.subst, () => resolveInterface(x, target.pkg, t, target.decl.ctx, depth + 1));
  }
  if (t.type === 'parenthesized_type') return undefined;
  return 'not-interface';
}

export function structUnderlying(x: Extractor, pkg: PkgInfo, node: Node, ctx: FileCtx): Underlying {
  return inFile(x.pkgs, pkg, ctx, () => structFields(node, ctx));
}

function structFields(node: Node, ctx: FileCtx): Underlying {
  const list = named(node).find(n => n.type === 'field_declaration_list');
  const fields: Field[] = [];
  let hasUnexportedFields = false;
  // The types of the unexported fields, for comparability; undefined once a field does not read.
  let unexported: string[] | undefined = [];
  for (const f of list ? named(list) : []) {
    if (f.type !== 'field_declaration') continue;
    if (f.hasError) {
      hasUnexportedFields = true;
      unexported = undefined;
      continue;
    }
    const type = embeddedTypeText(f);
    const names = fieldChildren(f, 'name');
    if (names.length === 0) {
      const typeNode = f.childForFieldName('type');
      const name = embeddedName(typeNode);
      if (isExported(name)) fields.push({ name, type, embedded: true, pos: posOf(ctx, typeNode ?? f) });
      else {
        hasUnexportedFields = true;
        unexported?.push(type);
      }
      continue;
    }
    for (const n of names) {
      if (isExported(n.text)) fields.push({ name: n.text, type, embedded: false, pos: posOf(ctx, n) });
      else {
        hasUnexportedFields = true;
        unexported?.push(type);
      }
    }
  }
  return {
    kind: 'struct',
    fields,
    hasUnexportedFields,
    ...(hasUnexportedFields && unexported ? { unexportedFieldTypes: unexported } : {})
  };
}

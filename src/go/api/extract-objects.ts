// A package's exported objects, per declaration kind: constants (with their values), variables,
// functions, and types with their methods, underlying type (extract-underlying.ts) and the members
// promoted from embedded types (extract-promoted.ts).
import { ConstEvaluator, mentionsIota, showConst } from './extract-consts.js';
import {
  Extractor,
  isBroken,
  isExported,
  posOf,
  type FileCtx,
  type Node,
  type PkgInfo
} from './extract-context.js';
import { byMemberName, promotedMembers } from './extract-promoted.js';
import { constSpecs, declTypeParams, fieldChildren, named, receiverOf, varSpecs } from './extract-syntax.js';
import { exprText, signatureText, typeParams, typeText, withScope } from './extract-typetext.js';
import { unexportedNamed } from './extract-reachable.js';
import { underlying } from './extract-underlying.js';
import type { ApiObject, Method, PackageApi } from './model.js';

/** A package's API: its exported objects, and the unexported types they name. */
export function packageApiOf(x: Extractor, pkg: PkgInfo): PackageApi {
  const unexported = new Map<string, ApiObject>();
  const objects = objectsOf(x, pkg, unexported);
  return {
    dir: pkg.dir,
    name: pkg.name,
    objects,
    ...(unexported.size > 0 ? { unexported } : {}),
    pos: pkg.pos
  };
}

export function objectsOf(
  x: Extractor,
  pkg: PkgInfo,
  unexported?: Map<string, ApiObject>
): Map<string, ApiObject> {
  const objects = new Map<string, ApiObject>();
  const methods = new Map<string, Method[]>();
  const evaluator = new ConstEvaluator(pkg);
  const add = (o: ApiObject): void => {
    if (!objects.has(o.name)) objects.set(o.name, o);
  };
  for (const { node: decl, ctx, consulted } of pkg.decls) {
    // A consulted declaration's methods are what embedding types get; nothing else of it is wanted.
    if (consulted && decl.type !== 'method_declaration') continue;
    // Type texts are read in the declaration's file: its imports and package (extract-typetext.ts).
    withScope({ ctx, pkg, pkgs: x.pkgs, params: declTypeParams(decl) }, () => {
      switch (decl.type) {
        case 'const_declaration':
          consts(pkg, decl, ctx, evaluator, add);
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
            if (name && isExported(name.text)) add(typeObject(x, pkg, spec, ctx));
          }
          break;
      }
    });
  }
  for (const list of methods.values()) {
    const seen = new Set<string>();
    const unique = list.filter(m => !seen.has(m.name) && seen.add(m.name));
    list.splice(0, list.length, ...unique.sort(byMemberName));
  }
  for (const t of objects.values()) addMembers(x, pkg, t, methods);
  if (unexported) {
    // apidiff compares the unexported types the exported API names too (by name here): what
    // changes in them changes what users can do with the exported declarations that use them.
    for (let named: ApiObject[] = [...objects.values()]; named.length > 0;) {
      const found = unexportedNamed(pkg, named, unexported);
      named = [];
      for (const [name, decl] of found) {
        const t = withScope({ ctx: decl.ctx, pkg, pkgs: x.pkgs, params: declTypeParams(decl.node) }, () =>
          typeObject(x, pkg, decl.node, decl.ctx)
        );
        addMembers(x, pkg, t, methods);
        unexported.set(name, t);
        named.push(t);
      }
    }
  }
  return objects;
}

/** A type's methods and promoted members, from the package's methods by receiver. */
function addMembers(x: Extractor, pkg: PkgInfo, t: ApiObject, methods: ReadonlyMap<string, Method[]>): void {
  if (t.kind !== 'type' || t.alias) return;
  const own = methods.get(t.name);
  if (own) t.methods.push(...own);
  const promoted = t.typeParams.length === 0 ? promotedMembers(x, pkg, t.name, methods) : undefined;
  if (promoted && (promoted.methods.length > 0 || promoted.fields.length > 0)) t.promoted = promoted;
}

/** The object of a type spec (its methods are added after). */
function typeObject(x: Extractor, pkg: PkgInfo, spec: Node, ctx: FileCtx): ApiObject {
  const type = spec.childForFieldName('type');
  const text =
    type?.type === 'struct_type'
      ? 'struct{...}'
      : type?.type === 'interface_type'
        ? 'interface{...}'
        : typeText(type);
  return {
    kind: 'type',
    name: spec.childForFieldName('name')?.text ?? '',
    alias: spec.type === 'type_alias',
    typeParams: typeParams(spec.childForFieldName('type_parameters')),
    text,
    underlying: underlying(x, pkg, type, ctx),
    methods: [],
    pos: posOf(ctx, spec.childForFieldName('name') ?? spec)
  };
}

function consts(
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

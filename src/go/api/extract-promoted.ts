// Embedding: the methods and exported fields a struct type gets from the types of the module it
// embeds (its package's, and other packages' given to the extractor), level by level, with Go's selector rule: the shallowest depth wins, and a name twice at
// one depth is ambiguous (selectable through neither).
import {
  Extractor,
  isBroken,
  isExported,
  posOf,
  type FileCtx,
  type Node,
  type PkgInfo
} from './extract-context.js';
import { declTypeParams, embeddedName, fieldChildren, named, receiverOf } from './extract-syntax.js';
import { embedsPointer, signatureText, withScope } from './extract-typetext.js';
import { flatten, structUnderlying } from './extract-underlying.js';
import type { Field, Method, Promoted } from './model.js';

/** How deep promotion is followed; real code embeds a few levels at most. */
const MAX_EMBEDDING_DEPTH = 8;

export const byMemberName = (a: { name: string }, b: { name: string }): number =>
  a.name < b.name ? -1 : a.name > b.name ? 1 : 0;

/**
 * The struct or interface type a same-package, non-generic type name stands for, through
 * definitions like `type D S` (D has S's fields, so what they promote, but not S's methods).
 */
function localType(pkg: PkgInfo, name: string): { node: Node; ctx: FileCtx } | undefined {
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

/** Where an embedded type is declared: this package, or another of the module (with the qualifier its names take). */
interface Home {
  pkg: PkgInfo;
  qualifier?: string;
}

/**
 * The methods and exported fields struct type `name` gets from the types it embeds, of its own
 * package or another of the module, level by level (the spec's selector rule): a name at a
 * shallower depth hides deeper ones, and a name found twice at the same depth is ambiguous, so it
 * is selectable through neither.
 */
export function promotedMembers(
  x: Extractor,
  pkg: PkgInfo,
  name: string,
  methods: ReadonlyMap<string, Method[]>
): Promoted | undefined {
  const own = localType(pkg, name);
  if (own?.node.type !== 'struct_type') return undefined;
  const taken = new Set([...(methods.get(name) ?? []).map(m => m.name), ...structFieldNames(own.node)]);
  const out: Promoted = { methods: [], fields: [] };
  const visited = new Set([`${pkg.dir}\0${name}`]);
  const home: Home = { pkg };
  const methodsOf = (at: Home, typeName: string): Method[] =>
    at.pkg === pkg ? (methods.get(typeName) ?? []) : declaredMethods(x, at, typeName);
  let level = [{ type: own, home, via: '', pointer: false }];
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
      for (const e of embeddings(x, at.home, at.type.node, at.type.ctx)) {
        const id = `${e.home.pkg.dir}\0${e.name}`;
        if (visited.has(id)) continue;
        const type = localType(e.home.pkg, e.name);
        const via = at.via ? `${at.via}.${e.name}` : e.name;
        // Through an embedded pointer, even pointer-receiver methods are in the value's method set.
        const pointer = at.pointer || e.pointer;
        for (const m of methodsOf(e.home, e.name)) {
          offer(m.name, { method: { ...m, pointer: Boolean(m.pointer) && !pointer, via } });
        }
        const scope = { ctx: type?.ctx, pkg: e.home.pkg, pkgs: x.pkgs, qualifier: e.home.qualifier };
        if (type?.node.type === 'interface_type') {
          const f = withScope({ ...scope, ctx: type.ctx }, () =>
            flatten(x, e.home.pkg, type.node, type.ctx, new Set())
          );
          for (const m of f.methods.values()) offer(m.name, { method: { ...m, via } });
        } else if (type) {
          const u = withScope({ ...scope, ctx: type.ctx }, () =>
            structUnderlying(x, e.home.pkg, type.node, type.ctx)
          );
          if (u.kind === 'struct') for (const f of u.fields) offer(f.name, { field: { ...f, via } });
          next.push({ type, home: e.home, via, pointer });
        }
        reached.add(id);
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

/** The exported methods declared on type `name` of another package, their texts as the embedding package reads them. */
function declaredMethods(x: Extractor, at: Home, name: string): Method[] {
  const out: Method[] = [];
  for (const { node, ctx } of at.pkg.decls) {
    if (node.type !== 'method_declaration' || isBroken(node)) continue;
    const recv = receiverOf(node.childForFieldName('receiver'));
    const id = node.childForFieldName('name');
    if (recv?.base !== name || !id || !isExported(id.text) || out.some(m => m.name === id.text)) continue;
    const scope = { ctx, pkg: at.pkg, pkgs: x.pkgs, params: declTypeParams(node), qualifier: at.qualifier };
    const signature = withScope(
      scope,
      () => `func${signatureText(node.childForFieldName('parameters'), node.childForFieldName('result'))}`
    );
    out.push({ name: id.text, signature, pos: posOf(ctx, id), ...(recv.pointer ? { pointer: true } : {}) });
  }
  return out.sort(byMemberName);
}

/** Every field name of a struct type (exported or not, embedded ones by their type name): depth 0 of selection. */
function structFieldNames(node: Node): string[] {
  const list = named(node).find(n => n.type === 'field_declaration_list');
  return (list ? named(list) : []).flatMap(f => {
    if (f.type !== 'field_declaration') return [];
    const names = fieldChildren(f, 'name');
    return names.length > 0 ? names.map(n => n.text) : [embeddedName(f.childForFieldName('type'))];
  });
}

/**
 * The embedded fields of a struct type that name a non-generic type of the module: `T` or `*T` of
 * the struct's package, `p.T` of another package of the module (a package given to the extractor).
 */
function embeddings(
  x: Extractor,
  home: Home,
  node: Node,
  ctx: FileCtx
): { name: string; pointer: boolean; home: Home }[] {
  const list = named(node).find(n => n.type === 'field_declaration_list');
  const out: { name: string; pointer: boolean; home: Home }[] = [];
  for (const f of list ? named(list) : []) {
    if (f.type !== 'field_declaration' || f.hasError || fieldChildren(f, 'name').length > 0) continue;
    let t = f.childForFieldName('type');
    let pointer = embedsPointer(f);
    while (t?.type === 'pointer_type' || t?.type === 'parenthesized_type') {
      if (t.type === 'pointer_type') pointer = true;
      t = named(t)[0] ?? null;
    }
    if (t?.type === 'type_identifier') out.push({ name: t.text, pointer, home });
    if (t?.type !== 'qualified_type') continue;
    const dir = ctx.qualifiers.get(t.childForFieldName('package')?.text ?? '');
    const other = dir === undefined ? undefined : x.pkgs.get(dir);
    const typeName = t.childForFieldName('name')?.text ?? '';
    if (other && other !== home.pkg)
      out.push({ name: typeName, pointer, home: { pkg: other, qualifier: other.name } });
  }
  return out;
}

// Embedding: the methods and exported fields a struct type gets from the same-package types it
// embeds, level by level, with Go's selector rule: the shallowest depth wins, and a name twice at
// one depth is ambiguous (selectable through neither).
import { Extractor, type FileCtx, type Node, type PkgInfo } from './extract-context.js';
import { embeddedName, fieldChildren, named } from './extract-syntax.js';
import { embedsPointer } from './extract-typetext.js';
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

/**
 * The methods and exported fields struct type `name` gets from the same-package types it embeds,
 * level by level (the spec's selector rule): a name at a shallower depth hides deeper ones, and a
 * name found twice at the same depth is ambiguous, so it is selectable through neither.
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
        const type = localType(pkg, e.name);
        const via = at.via ? `${at.via}.${e.name}` : e.name;
        // Through an embedded pointer, even pointer-receiver methods are in the value's method set.
        const pointer = at.pointer || e.pointer;
        for (const m of methods.get(e.name) ?? []) {
          offer(m.name, { method: { ...m, pointer: Boolean(m.pointer) && !pointer, via } });
        }
        if (type?.node.type === 'interface_type') {
          for (const m of flatten(x, pkg, type.node, type.ctx, new Set()).methods.values()) {
            offer(m.name, { method: { ...m, via } });
          }
        } else if (type) {
          const u = structUnderlying(x, pkg, type.node, type.ctx);
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

// The unexported types of a package that its exported API names, directly or through one another
// (`type Options struct{ Handler handlerFunc }`): apidiff compares them too.
import type { Decl, PkgInfo } from './extract-context.js';
import { PREDECLARED_TYPES } from './extract-syntax.js';
import type { ApiObject } from './model.js';

// A lower-case identifier that is not a selector's right-hand side (a variadic `...t` is one).
const UNEXPORTED_IDENT = /(?:(?<![\p{L}\p{N}_.])|(?<=\.\.\.))[\p{Ll}_][\p{L}\p{N}_]*/gu;

const NOT_TYPES = new Set(['func', 'map', 'chan', 'struct', 'interface', ...PREDECLARED_TYPES]);

/** Every type text of an object, its members' included. */
export function objectTexts(o: ApiObject): string[] {
  switch (o.kind) {
    case 'const':
    case 'var':
      return [o.type ?? ''];
    case 'func':
      return [o.signature, ...o.typeParams.map(p => p.constraint)];
    case 'type': {
      const u = o.underlying;
      const inner =
        u.kind === 'struct'
          ? u.fields.map(f => f.type)
          : u.kind === 'interface'
            ? [...u.methods.map(m => m.signature), ...u.embeds]
            : [u.text];
      return [
        o.text,
        ...inner,
        ...o.methods.map(m => m.signature),
        ...(o.promoted?.methods.map(m => m.signature) ?? []),
        ...(o.promoted?.fields.map(f => f.type) ?? []),
        ...o.typeParams.map(p => p.constraint)
      ];
    }
  }
}

/** The unexported type declarations the objects name that `known` does not hold yet. */
export function unexportedNamed(
  pkg: PkgInfo,
  objects: Iterable<ApiObject>,
  known: ReadonlyMap<string, unknown>
): Map<string, Decl> {
  const found = new Map<string, Decl>();
  for (const text of [...objects].flatMap(objectTexts)) {
    for (const [name] of text.matchAll(UNEXPORTED_IDENT)) {
      if (NOT_TYPES.has(name) || found.has(name) || known.has(name)) continue;
      const decl = pkg.types.get(name);
      if (decl) found.set(name, decl);
    }
  }
  return found;
}

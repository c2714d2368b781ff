// The declaration parser's types: every Go type syntax (names, pointers, slices, arrays, maps,
// channels, functions, structs, interfaces), type parameter lists, and parameter and result lists.

import { Parser } from './parse-cursor.js';
import { expression } from './parse-exprs.js';
import { startsType, Tok } from './parse-lexer.js';
import { SyntaxNode } from './parse-tree.js';

/** One entry of a parameter list: names with a type, or a lone identifier (`bare`) that may be either. */
type Entry = { names: SyntaxNode[]; type?: SyntaxNode; variadic?: boolean; bare?: SyntaxNode };

export function goType(p: Parser): SyntaxNode {
  const t = p.tok;
  if (t.kind === Tok.Ident) {
    switch (t.value) {
      case 'func': {
        const fn = p.node('function_type');
        p.keyword('func');
        signature(p, fn);
        return fn;
      }
      case 'map': {
        const map = p.node('map_type');
        p.keyword('map');
        p.expect('[');
        map.add(goType(p), 'key');
        p.expect(']');
        map.add(goType(p), 'value');
        return map;
      }
      case 'chan': {
        const chan = p.node('channel_type');
        p.keyword('chan', chan);
        if (p.is('<-')) p.expect('<-', chan);
        chan.add(goType(p), 'value');
        return chan;
      }
      case 'struct':
        return structType(p);
      case 'interface':
        return interfaceType(p);
      default:
        return typeName(p);
    }
  }
  if (t.kind !== Tok.Op) return p.fail('a type');
  switch (t.value) {
    case '*': {
      const pointer = p.node('pointer_type');
      p.expect('*');
      pointer.add(goType(p));
      return pointer;
    }
    case '<-': {
      const chan = p.node('channel_type');
      p.expect('<-', chan);
      p.keyword('chan', chan);
      chan.add(goType(p), 'value');
      return chan;
    }
    case '(': {
      const paren = p.node('parenthesized_type');
      p.expect('(');
      paren.add(goType(p));
      p.expect(')');
      return paren;
    }
    case '[': {
      const start = t.start;
      const open = p.leaf('[', false);
      if (p.is(']')) {
        const slice = p.nodeAt('slice_type', start);
        slice.add(open);
        p.expect(']');
        slice.add(goType(p), 'element');
        return slice;
      }
      if (p.is('...')) {
        const array = p.nodeAt('implicit_length_array_type', start);
        array.add(open);
        p.expect('...');
        p.expect(']');
        array.add(goType(p), 'element');
        return array;
      }
      const array = p.nodeAt('array_type', start);
      array.add(open);
      array.add(expression(p), 'length');
      p.expect(']');
      array.add(goType(p), 'element');
      return array;
    }
    default:
      return p.fail('a type');
  }
}

/** `T`, `pkg.T`, either with type arguments `[A, B]`. */
export function typeName(p: Parser): SyntaxNode {
  const first = p.name('type_identifier');
  let base = first;
  if (p.is('.')) {
    base = p.nodeAt('qualified_type', first.startIndex);
    base.add(new SyntaxNode('package_identifier', first.startIndex, first.endIndex, p.src), 'package');
    p.expect('.');
    base.add(p.name('type_identifier'), 'name');
  }
  if (!p.is('[')) return base;
  const generic = p.nodeAt('generic_type', base.startIndex);
  generic.add(base, 'type');
  const args = generic.add(p.node('type_arguments'), 'type_arguments');
  p.expect('[');
  while (!p.is(']')) {
    args.add(typeElem(p, 'type_elem'));
    if (p.is(',')) p.expect(',');
    else if (!p.is(']')) p.fail(']');
  }
  p.expect(']');
  return generic;
}

function structType(p: Parser): SyntaxNode {
  const struct = p.node('struct_type');
  p.keyword('struct');
  const list = struct.add(p.node('field_declaration_list'));
  bracedElements(p, list, () => fieldDeclaration(p));
  return struct;
}

/** `{ e; e; ... }` into `into`: a struct's fields or an interface's elements, `;` or newline between. */
function bracedElements(p: Parser, into: SyntaxNode, element: () => SyntaxNode): void {
  p.expect('{');
  for (;;) {
    while (p.atSemi()) p.lex.next();
    if (p.is('}')) break;
    into.add(element());
    if (!p.is('}')) {
      if (!p.atSemi()) p.fail('; or }');
      p.lex.next();
    }
  }
  p.expect('}');
}

function fieldDeclaration(p: Parser): SyntaxNode {
  const field = p.node('field_declaration');
  if (p.is('*')) {
    p.expect('*', field);
    field.add(typeName(p), 'type');
  } else if (p.isName() && fieldHasNames(p)) {
    identifierList(p, field, 'field_identifier');
    field.add(goType(p), 'type');
  } else {
    field.add(typeName(p), 'type');
  }
  if (p.tok.kind === Tok.String) field.add(p.leaf('interpreted_string_literal'), 'tag');
  else if (p.tok.kind === Tok.RawString) field.add(p.leaf('raw_string_literal'), 'tag');
  return field;
}

/** At a field's first identifier: whether it is a name (`A, B T`, `A T`) rather than an embedded type. */
function fieldHasNames(p: Parser): boolean {
  const saved = p.lex.save();
  try {
    p.lex.next();
    if (p.is(',')) return true;
    if (p.is('.')) return false;
    if (p.is('[')) return arrayFollows(p);
    return startsType(p.tok);
  } finally {
    p.lex.restore(saved);
  }
}

function interfaceType(p: Parser): SyntaxNode {
  const iface = p.node('interface_type');
  p.keyword('interface');
  bracedElements(p, iface, () => interfaceElem(p));
  return iface;
}

function interfaceElem(p: Parser): SyntaxNode {
  if (p.isName()) {
    const saved = p.lex.save();
    const name = p.leaf('field_identifier');
    if (p.is('(')) {
      const method = p.nodeAt('method_elem', name.startIndex);
      method.add(name, 'name');
      signature(p, method);
      return method;
    }
    p.lex.restore(saved);
  }
  return typeElem(p, 'type_elem');
}

export function typeParameterList(p: Parser): SyntaxNode {
  const list = p.node('type_parameter_list');
  p.expect('[');
  let pending: SyntaxNode[] = [];
  while (!p.is(']')) {
    const name = p.name('identifier');
    if (p.is(',')) {
      pending.push(name);
      p.lex.next();
      continue;
    }
    const decl = p.node('type_parameter_declaration', (pending[0] ?? name).startIndex);
    for (const n of [...pending, name]) decl.add(n, 'name');
    pending = [];
    decl.add(typeElem(p, 'type_constraint'), 'type');
    list.add(decl);
    if (p.is(',')) p.expect(',');
    else if (!p.is(']')) p.fail(']');
  }
  if (pending.length > 0) p.fail('a constraint');
  p.expect(']');
  return list;
}

/** `T`, `~T` or a union of them: a constraint or an interface's type element. */
function typeElem(p: Parser, type: string): SyntaxNode {
  const elem = p.node(type);
  for (;;) {
    if (p.is('~')) {
      const negated = p.node('negated_type');
      p.expect('~');
      negated.add(goType(p));
      elem.add(negated);
    } else elem.add(goType(p));
    if (!p.is('|')) return elem;
    p.expect('|');
  }
}

/** Parameters and the optional result, into `node`'s `parameters` and `result` fields. */
export function signature(p: Parser, node: SyntaxNode): void {
  node.add(parameterList(p), 'parameters');
  if (p.is('(')) node.add(parameterList(p), 'result');
  else if (startsType(p.tok)) node.add(goType(p), 'result');
}

/**
 * `(a, b int, c ...string)` or `(int, string)`: as in Go, when any entry has a name, every lone
 * identifier is a name that shares the type that follows it.
 */
export function parameterList(p: Parser): SyntaxNode {
  const list = p.node('parameter_list');
  p.expect('(');
  const entries: Entry[] = [];
  while (!p.is(')')) {
    entries.push(parameterEntry(p));
    if (p.is(',')) p.lex.next();
    else if (!p.is(')')) p.fail(')');
  }
  const named = entries.some(e => e.names.length > 0);
  let pending: SyntaxNode[] = [];
  for (const e of entries) {
    if (named && e.bare) {
      pending.push(e.bare);
      continue;
    }
    const names = [...pending, ...e.names];
    pending = [];
    const type = e.type ?? (e.bare as SyntaxNode);
    const decl = p.nodeAt(
      e.variadic ? 'variadic_parameter_declaration' : 'parameter_declaration',
      (names[0] ?? type).startIndex
    );
    for (const n of names) decl.add(n, 'name');
    decl.add(type, 'type');
    list.add(decl);
  }
  if (pending.length > 0) p.fail('a parameter type');
  p.expect(')');
  return list;
}

function parameterEntry(p: Parser): Entry {
  if (p.is('...')) {
    p.lex.next();
    return { names: [], type: goType(p), variadic: true };
  }
  if (!p.isName()) return { names: [], type: goType(p) };
  const saved = p.lex.save();
  const ident = p.leaf('identifier');
  if (p.is('...')) {
    p.lex.next();
    return { names: [ident], type: goType(p), variadic: true };
  }
  if (p.is(',') || p.is(')')) {
    const bare = new SyntaxNode('type_identifier', ident.startIndex, ident.endIndex, p.src);
    return { names: [], bare, type: bare };
  }
  if (p.is('.') || (p.is('[') && !arrayFollows(p))) {
    p.lex.restore(saved);
    return { names: [], type: goType(p) };
  }
  return { names: [ident], type: goType(p) };
}

/**
 * At `[` after a name: whether `name [N]T` or `name []T` follows (a name and an array or slice
 * type) rather than the instantiation `Name[T]` (Go's parser decides the same way: by whether a
 * type follows the brackets).
 */
function arrayFollows(p: Parser): boolean {
  const saved = p.lex.save();
  try {
    p.lex.next();
    if (p.is(']')) return true;
    p.lex.restore(saved);
    p.lex.skipGroup();
    return startsType(p.tok) && !p.is('(');
  } catch {
    return false;
  } finally {
    p.lex.restore(saved);
  }
}

export function identifierList(p: Parser, spec: SyntaxNode, type: string): void {
  spec.add(p.name(type), 'name');
  while (p.is(',')) {
    p.expect(',');
    spec.add(p.name(type), 'name');
  }
}

// Small readings of the syntax tree the extractor shares: a node's named children and fields, the
// specs of a var or const declaration, a method's receiver, an embedded field's type name.
import type { Node } from './extract-context.js';

export function fieldChildren(node: Node, field: string): Node[] {
  // childrenForFieldName also returns the anonymous `,` tokens between the names.
  return node.childrenForFieldName(field).filter((n): n is Node => n !== null && n.isNamed);
}

export function named(node: Node): Node[] {
  return node.namedChildren.filter((n): n is Node => n !== null && n.type !== 'comment');
}

export function varSpecs(decl: Node): Node[] {
  const out: Node[] = [];
  for (const c of named(decl)) {
    if (c.type === 'var_spec') out.push(c);
    else if (c.type === 'var_spec_list') out.push(...named(c).filter(s => s.type === 'var_spec'));
  }
  return out;
}

/** The base type name of a method's receiver, and whether the receiver is a pointer. */
export function receiverOf(recv: Node | null): { base: string; pointer: boolean } | undefined {
  const p = recv ? named(recv).find(n => n.type === 'parameter_declaration') : undefined;
  let t = p?.childForFieldName('type') ?? null;
  let pointer = false;
  while (t) {
    if (t.type === 'type_identifier') return { base: t.text, pointer };
    if (t.type === 'pointer_type') pointer = true;
    if (t.type === 'pointer_type' || t.type === 'parenthesized_type') t = named(t)[0] ?? null;
    else if (t.type === 'generic_type') t = t.childForFieldName('type');
    else return undefined;
  }
  return undefined;
}

/**
 * The names of a const declaration with what Go gives each: a spec without values repeats the
 * previous spec's type and values, and iota counts the specs.
 */
export function* constSpecs(decl: Node): Generator<{
  nameNode: Node;
  index: number;
  iota: number;
  typeNode: Node | null;
  valueNodes: Node[] | null;
}> {
  let typeNode: Node | null = null;
  let valueNodes: Node[] | null = null;
  let iota = 0;
  for (const spec of named(decl)) {
    if (spec.type !== 'const_spec') continue;
    const values = spec.childForFieldName('value');
    if (values) {
      typeNode = spec.childForFieldName('type');
      valueNodes = named(values);
    }
    if (!spec.hasError) {
      const names = fieldChildren(spec, 'name');
      for (const [index, nameNode] of names.entries()) yield { nameNode, index, iota, typeNode, valueNodes };
    }
    iota++;
  }
}

export function embeddedName(t: Node | null): string {
  while (t) {
    if (t.type === 'type_identifier') return t.text;
    if (t.type === 'qualified_type') return t.childForFieldName('name')?.text ?? '';
    if (t.type === 'generic_type') t = t.childForFieldName('type');
    else if (t.type === 'pointer_type' || t.type === 'parenthesized_type') t = named(t)[0] ?? null;
    else return '';
  }
  return '';
}

/** The type parameter names a top-level declaration brings into scope (of its specs, or its receiver's). */
export function declTypeParams(decl: Node): Set<string> {
  const out = new Set<string>();
  const addList = (list: Node | null) => {
    for (const d of list ? named(list) : [])
      if (d.type === 'type_parameter_declaration') for (const n of fieldChildren(d, 'name')) out.add(n.text);
  };
  if (decl.type === 'function_declaration') addList(decl.childForFieldName('type_parameters'));
  else if (decl.type === 'type_spec' || decl.type === 'type_alias')
    addList(decl.childForFieldName('type_parameters'));
  else if (decl.type === 'type_declaration')
    for (const spec of named(decl)) addList(spec.childForFieldName('type_parameters'));
  else if (decl.type === 'method_declaration') {
    const recv = decl.childForFieldName('receiver');
    const p = recv ? named(recv).find(n => n.type === 'parameter_declaration') : undefined;
    let t = p?.childForFieldName('type') ?? null;
    while (t?.type === 'pointer_type' || t?.type === 'parenthesized_type') t = named(t)[0] ?? null;
    const args = t?.type === 'generic_type' ? t.childForFieldName('type_arguments') : null;
    for (const a of args ? named(args) : []) out.add(a.text);
  }
  return out;
}

/** Go's predeclared type names (the universe scope's types). */
export const PREDECLARED_TYPES: ReadonlySet<string> = new Set([
  'any',
  'bool',
  'byte',
  'comparable',
  'complex64',
  'complex128',
  'error',
  'float32',
  'float64',
  'int',
  'int8',
  'int16',
  'int32',
  'int64',
  'rune',
  'string',
  'uint',
  'uint8',
  'uint16',
  'uint32',
  'uint64',
  'uintptr'
]);

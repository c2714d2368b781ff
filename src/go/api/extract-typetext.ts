// Canonical type text: the text of a type, signature, interface, struct entry or expression with
// single spaces, no parameter names and qualifiers as written, so that equal texts mean equal
// types; with the type-argument substitution in force (withSubst).
import type { Node } from './extract-context.js';
import { fieldChildren, named } from './extract-syntax.js';
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

/** Normalized Go type text (see the file comment). */
export function typeText(node: Node | null): string {
  if (!node) return '';
  switch (node.type) {
    case 'type_identifier':
      return subst?.get(node.text) ?? node.text;
    case 'identifier':
    case 'package_identifier':
    case 'field_identifier':
      return node.text;
    case 'qualified_type': {
      const pkg = node.childForFieldName('package')?.text ?? '';
      return `${pkg}.${node.childForFieldName('name')?.text ?? ''}`;
    }
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

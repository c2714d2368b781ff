// The declaration parser's top level: the package clause, imports, const, var, type and func
// declarations (grouped or not), and the recovery after a declaration that does not parse.

import { Parser } from './parse-cursor.js';
import { expression } from './parse-exprs.js';
import { ParseError, startsType, Tok } from './parse-lexer.js';
import { SyntaxNode } from './parse-tree.js';
import { goType, identifierList, parameterList, signature, typeParameterList } from './parse-types.js';

const DECL_LINE = /^(?:func|type|var|const|import)\b/;

export function parseFile(p: Parser): SyntaxNode {
  const root = new SyntaxNode('source_file', 0, 0, p.src);
  for (;;) {
    let start = p.tok.start;
    try {
      while (p.atSemi()) p.lex.next();
      if (p.tok.kind === Tok.EOF) break;
      start = p.tok.start;
      root.add(topLevel(p));
    } catch (e) {
      if (!(e instanceof ParseError)) throw e;
      const broken = new SyntaxNode('ERROR', start, start, p.src);
      broken.hasError = true;
      root.add(broken);
      if (!resync(p, start)) break;
    }
  }
  root.endIndex = p.src.length;
  return root;
}

/** Moves to the next line after `from` that starts a top-level declaration; false if none. */
function resync(p: Parser, from: number): boolean {
  for (let i = p.src.indexOf('\n', from); i >= 0; i = p.src.indexOf('\n', i + 1)) {
    if (!DECL_LINE.test(p.src.slice(i + 1, i + 8))) continue;
    p.lex.pos = i + 1;
    try {
      p.lex.next();
      return true;
    } catch {
      // cannot happen at a keyword; keep looking
    }
  }
  return false;
}

function topLevel(p: Parser): SyntaxNode {
  if (p.tok.kind !== Tok.Ident) p.fail('a declaration');
  switch (p.tok.value) {
    case 'package': {
      const clause = p.node('package_clause');
      p.keyword('package');
      clause.add(p.name('package_identifier'));
      p.endOfSpec();
      return clause;
    }
    case 'import':
      return importDecl(p);
    case 'const':
      return group(p, 'const_declaration', 'const', undefined, () => constSpec(p), 'const_spec');
    case 'var':
      return group(p, 'var_declaration', 'var', 'var_spec_list', () => varSpec(p), 'var_spec');
    case 'type':
      return group(p, 'type_declaration', 'type', undefined, () => typeSpec(p), 'type_spec');
    case 'func':
      return funcDecl(p);
    default:
      return p.fail('a declaration');
  }
}

function importDecl(p: Parser): SyntaxNode {
  const decl = p.node('import_declaration');
  p.keyword('import');
  if (p.is('(')) p.lex.skipGroup();
  else p.skipToEndOfSpec();
  decl.endIndex = p.tok.start;
  p.endOfSpec();
  return decl;
}

/**
 * `const`, `var` or `type` with one spec or a parenthesized group of them. A spec that does not
 * parse becomes a `brokenType` node with `hasError`; the group goes on with the next spec.
 */
function group(
  p: Parser,
  type: string,
  keyword: string,
  listType: string | undefined,
  spec: () => SyntaxNode,
  brokenType: string
): SyntaxNode {
  const decl = p.node(type);
  p.keyword(keyword);
  if (!p.is('(')) {
    decl.add(spec());
    p.endOfSpec();
    return decl;
  }
  const list = listType ? decl.add(p.node(listType)) : decl;
  p.expect('(');
  for (;;) {
    while (p.atSemi()) p.lex.next();
    if (p.is(')')) break;
    if (p.tok.kind === Tok.EOF) p.fail(')');
    const start = p.tok.start;
    try {
      const node = spec();
      p.endOfSpec();
      list.add(node);
    } catch (e) {
      if (!(e instanceof ParseError)) throw e;
      const broken = list.add(new SyntaxNode(brokenType, start, p.tok.start, p.src));
      broken.hasError = true;
      list.hasError = true;
      decl.hasError = true;
      p.skipToEndOfSpec();
      if (p.atSemi()) p.lex.next();
      else if (p.is('}')) p.fail(')');
    }
  }
  p.expect(')');
  p.endOfSpec();
  return decl;
}

function constSpec(p: Parser): SyntaxNode {
  const spec = p.node('const_spec');
  identifierList(p, spec, 'identifier');
  if (startsType(p.tok)) spec.add(goType(p), 'type');
  if (p.is('=')) {
    p.expect('=');
    const values = spec.add(p.node('expression_list'), 'value');
    values.add(expression(p));
    while (p.is(',')) {
      p.expect(',');
      values.add(expression(p));
    }
  }
  return spec;
}

function varSpec(p: Parser): SyntaxNode {
  const spec = p.node('var_spec');
  identifierList(p, spec, 'identifier');
  if (!p.is('=')) spec.add(goType(p), 'type');
  if (p.is('=')) {
    p.expect('=');
    // Initializers do not change the API (a variable without a declared type shows none).
    p.skipToEndOfSpec();
    spec.endIndex = p.tok.start;
  }
  return spec;
}

function typeSpec(p: Parser): SyntaxNode {
  const start = p.tok.start;
  const name = p.name('type_identifier');
  const params = p.is('[') && startsTypeParams(p) ? typeParameterList(p) : undefined;
  const alias = p.is('=');
  const spec = p.node(alias ? 'type_alias' : 'type_spec', start);
  spec.add(name, 'name');
  if (params) spec.add(params, 'type_parameters');
  if (alias) p.expect('=');
  spec.add(goType(p), 'type');
  return spec;
}

/**
 * At the `[` after a type name: whether a type parameter list follows rather than an array
 * length. As in the Go spec, `[P *C]` and `[P (C)]` are array lengths; a trailing comma or an
 * identifier, `~`, `[` or type keyword after the first name makes it a parameter list.
 */
function startsTypeParams(p: Parser): boolean {
  const saved = p.lex.save();
  try {
    p.lex.next();
    if (!p.isName()) return false;
    p.lex.next();
    const t = p.tok;
    if (t.kind === Tok.Ident) return true;
    if (t.kind !== Tok.Op) return false;
    if (t.value === ',' || t.value === '~' || t.value === '[') return true;
    if (t.value !== '*') return false;
    // `[P *C, Q any]` or `[P *C,]`: a comma at the top level of the brackets.
    p.lex.restore(saved);
    const open = p.tok.start;
    p.lex.skipGroup();
    return /,/.test(topLevelText(p, open, p.tok.start));
  } catch {
    return false;
  } finally {
    p.lex.restore(saved);
  }
}

/** The text between `from` and `to` with nested brackets removed (for a top-level search). */
function topLevelText(p: Parser, from: number, to: number): string {
  let depth = 0;
  let out = '';
  for (let i = from + 1; i < to - 1; i++) {
    const ch = p.src[i];
    if (ch === '(' || ch === '[' || ch === '{') depth++;
    else if (ch === ')' || ch === ']' || ch === '}') depth--;
    else if (depth === 0) out += ch;
  }
  return out;
}

function funcDecl(p: Parser): SyntaxNode {
  const start = p.tok.start;
  const func = p.leaf('func', false);
  const method = p.is('(');
  const decl = p.node(method ? 'method_declaration' : 'function_declaration', start);
  decl.add(func);
  if (method) decl.add(parameterList(p), 'receiver');
  decl.add(p.name(method ? 'field_identifier' : 'identifier'), 'name');
  if (!method && p.is('[')) decl.add(typeParameterList(p), 'type_parameters');
  signature(p, decl);
  if (p.is('{')) {
    const body = decl.add(p.node('block'), 'body');
    p.lex.skipGroup();
    body.endIndex = p.lex.start;
  }
  p.endOfSpec();
  return decl;
}

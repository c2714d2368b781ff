// The declaration parser's expressions: constant values and array lengths, read with Go's operator
// precedence; anything else (composite and function literals, conversions) is kept as one opaque node.

import { Parser } from './parse-cursor.js';
import { KEYWORDS, startsType, Tok } from './parse-lexer.js';
import { SyntaxNode } from './parse-tree.js';

/** Binary operator precedence, as in the Go spec. */
const PRECEDENCE: Record<string, number> = {
  '||': 1,
  '&&': 2,
  '==': 3,
  '!=': 3,
  '<': 3,
  '<=': 3,
  '>': 3,
  '>=': 3,
  '+': 4,
  '-': 4,
  '|': 4,
  '^': 4,
  '*': 5,
  '/': 5,
  '%': 5,
  '<<': 5,
  '>>': 5,
  '&': 5,
  '&^': 5
};

const UNARY = new Set(['+', '-', '!', '^', '*', '&', '<-']);
const LITERAL_NODE: Partial<Record<Tok, string>> = {
  [Tok.Int]: 'int_literal',
  [Tok.Float]: 'float_literal',
  [Tok.Imag]: 'imaginary_literal',
  [Tok.Rune]: 'rune_literal',
  [Tok.String]: 'interpreted_string_literal',
  [Tok.RawString]: 'raw_string_literal'
};
const NAMED_IDENTIFIERS = new Set(['true', 'false', 'nil', 'iota']);
const DECLARATION_KEYWORDS = new Set(['package', 'import', 'const', 'var', 'type']);

export function expression(p: Parser, minPrecedence = 1): SyntaxNode {
  let left = unaryExpression(p);
  for (;;) {
    const t = p.tok;
    const precedence = t.kind === Tok.Op ? PRECEDENCE[t.value] : undefined;
    if (precedence === undefined || precedence < minPrecedence) return left;
    const binary = p.nodeAt('binary_expression', left.startIndex);
    binary.add(left, 'left');
    binary.add(p.leaf(t.value, false), 'operator');
    binary.add(expression(p, precedence + 1), 'right');
    left = binary;
  }
}

function unaryExpression(p: Parser): SyntaxNode {
  if (p.tok.kind === Tok.Op && UNARY.has(p.tok.value)) {
    const unary = p.node('unary_expression');
    unary.add(p.leaf(p.tok.value, false), 'operator');
    unary.add(unaryExpression(p), 'operand');
    return unary;
  }
  return primary(p);
}

function primary(p: Parser): SyntaxNode {
  const t = p.tok;
  let x: SyntaxNode;
  const literal = LITERAL_NODE[t.kind];
  if (literal) x = p.leaf(literal);
  else if (t.kind === Tok.Ident && !KEYWORDS.has(t.value))
    x = p.leaf(NAMED_IDENTIFIERS.has(t.value) ? t.value : 'identifier');
  else if (p.is('(')) {
    x = p.node('parenthesized_expression');
    p.expect('(');
    x.add(expression(p));
    p.expect(')');
  } else if (startsType(t)) return opaque(p);
  else return p.fail('an expression');
  for (;;) {
    if (p.is('.')) {
      const saved = p.lex.save();
      p.lex.next();
      if (!p.isName()) {
        p.lex.restore(saved);
        return opaque(p, x);
      }
      const selector = p.nodeAt('selector_expression', x.startIndex);
      selector.add(x, 'operand');
      selector.add(p.leaf('field_identifier'), 'field');
      x = selector;
    } else if (p.is('(')) {
      const call = p.nodeAt('call_expression', x.startIndex);
      call.add(x, 'function');
      const args = call.add(p.node('argument_list'), 'arguments');
      p.expect('(');
      while (!p.is(')')) {
        args.add(expression(p));
        if (p.is('...')) p.expect('...');
        if (p.is(',')) p.expect(',');
        else if (!p.is(')')) p.fail(')');
      }
      p.expect(')');
      x = call;
    } else if (p.is('[')) {
      return opaque(p, x);
    } else return x;
  }
}

/**
 * An expression this parser does not model (a composite or function literal, a conversion to a
 * type literal, an index): one node over its text, which is all the API shows of it.
 */
export function opaque(p: Parser, from?: SyntaxNode): SyntaxNode {
  const start = p.tok.start;
  const node = p.nodeAt('expression', from?.startIndex ?? start);
  node.endIndex = from?.endIndex ?? start;
  while (
    !p.atSemi() &&
    p.tok.kind !== Tok.EOF &&
    !(p.tok.kind === Tok.Op && [',', ')', ']', '}', '=', ':'].includes(p.tok.value)) &&
    !(p.tok.kind === Tok.Ident && DECLARATION_KEYWORDS.has(p.tok.value))
  ) {
    if (p.is('(') || p.is('[') || p.is('{')) p.lex.skipGroup();
    else p.lex.next();
    node.endIndex = p.lex.prevEnd;
  }
  if (node.endIndex <= start && !from) p.fail('an expression');
  return node;
}

// Constant evaluation: a constant's value where its expression uses only literals, iota,
// conversions and constants of the same package (Go's integer, string and boolean arithmetic);
// otherwise undefined, and the caller keeps the expression's text.
import type { ConstEntry, Node, PkgInfo } from './extract-context.js';
import { named } from './extract-syntax.js';

type ConstVal = { k: 'int'; v: bigint } | { k: 'str'; v: string } | { k: 'bool'; v: boolean };

function parseIntLit(text: string): bigint | undefined {
  const t = text.replace(/_/g, '');
  try {
    if (/^0[0-7]+$/.test(t)) return BigInt(`0o${t.slice(1)}`);
    if (/^0[oO][0-7]+$/.test(t)) return BigInt(`0o${t.slice(2)}`);
    if (/^(0[xX][0-9a-fA-F]+|0[bB][01]+|[0-9]+)$/.test(t)) return BigInt(t);
  } catch {
    return undefined;
  }
  return undefined;
}

function decodeGoString(lit: string): string | undefined {
  if (lit.startsWith('`')) return lit.slice(1, -1).replace(/\r/g, '');
  if (!lit.startsWith('"') && !lit.startsWith("'")) return undefined;
  const body = lit.slice(1, -1);
  const bytes: number[] = [];
  const enc = new TextEncoder();
  const simple: Record<string, number> = {
    a: 7,
    b: 8,
    f: 12,
    n: 10,
    r: 13,
    t: 9,
    v: 11,
    '\\': 92,
    '"': 34,
    "'": 39
  };
  for (let i = 0; i < body.length;) {
    const ch = body[i];
    if (ch !== '\\') {
      const cp = body.codePointAt(i) ?? 0;
      const s = String.fromCodePoint(cp);
      bytes.push(...enc.encode(s));
      i += s.length;
      continue;
    }
    const e = body[i + 1];
    if (e in simple) {
      bytes.push(simple[e]);
      i += 2;
    } else if (e === 'x') {
      bytes.push(parseInt(body.slice(i + 2, i + 4), 16));
      i += 4;
    } else if (e >= '0' && e <= '7') {
      bytes.push(parseInt(body.slice(i + 1, i + 4), 8));
      i += 4;
    } else if (e === 'u' || e === 'U') {
      const n = e === 'u' ? 4 : 8;
      bytes.push(...enc.encode(String.fromCodePoint(parseInt(body.slice(i + 2, i + 2 + n), 16))));
      i += 2 + n;
    } else {
      return undefined;
    }
  }
  return new TextDecoder('utf-8').decode(new Uint8Array(bytes));
}

/** strconv.Quote for the printable ASCII/Unicode common case. */
function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (cp === 7) out += '\\a';
    else if (cp === 8) out += '\\b';
    else if (cp === 12) out += '\\f';
    else if (cp === 10) out += '\\n';
    else if (cp === 13) out += '\\r';
    else if (cp === 9) out += '\\t';
    else if (cp === 11) out += '\\v';
    else if (cp < 0x20 || cp === 0x7f) out += `\\x${cp.toString(16).padStart(2, '0')}`;
    else if (cp === 0xfffd) out += '\\ufffd';
    else if (cp >= 0x80 && cp < 0xa0) out += `\\u${cp.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

export function showConst(v: ConstVal): string {
  if (v.k === 'int') return v.v.toString();
  if (v.k === 'str') return goQuote(v.v);
  return String(v.v);
}

const MAX_SHIFT = 10000n;

export class ConstEvaluator {
  private readonly busy = new Set<ConstEntry>();
  private readonly cache = new Map<ConstEntry, ConstVal | null>();
  constructor(private readonly pkg: PkgInfo) {}

  entry(e: ConstEntry): ConstVal | undefined {
    if (this.cache.has(e)) return this.cache.get(e) ?? undefined;
    if (this.busy.has(e)) return undefined;
    this.busy.add(e);
    const node = e.valueNodes?.[e.index] ?? null;
    const v = node ? this.eval(node, e.iota) : undefined;
    this.busy.delete(e);
    this.cache.set(e, v ?? null);
    return v;
  }

  eval(node: Node, iota: number): ConstVal | undefined {
    switch (node.type) {
      case 'int_literal': {
        const v = parseIntLit(node.text);
        return v === undefined ? undefined : { k: 'int', v };
      }
      case 'rune_literal': {
        const s = decodeGoString(node.text);
        const cp = s === undefined ? undefined : s.codePointAt(0);
        return cp === undefined ? undefined : { k: 'int', v: BigInt(cp) };
      }
      case 'interpreted_string_literal':
      case 'raw_string_literal': {
        const s = decodeGoString(node.text);
        return s === undefined ? undefined : { k: 'str', v: s };
      }
      case 'true':
        return { k: 'bool', v: true };
      case 'false':
        return { k: 'bool', v: false };
      case 'iota':
        return { k: 'int', v: BigInt(iota) };
      case 'identifier': {
        const e = this.pkg.consts.get(node.text);
        return e ? this.entry(e) : undefined;
      }
      case 'parenthesized_expression': {
        const inner = named(node)[0];
        return inner ? this.eval(inner, iota) : undefined;
      }
      case 'call_expression': {
        // A conversion T(x) to a named or predeclared integer/string type keeps the value.
        const fn = node.childForFieldName('function');
        const args = node.childForFieldName('arguments');
        const list = args ? named(args) : [];
        if (!fn || list.length !== 1) return undefined;
        if (fn.type !== 'identifier' && fn.type !== 'type_identifier' && fn.type !== 'selector_expression')
          return undefined;
        if (fn.type === 'identifier' && (this.pkg.consts.has(fn.text) || BUILTIN_FUNCS.has(fn.text)))
          return undefined;
        const v = this.eval(list[0], iota);
        return v && v.k !== 'str' ? v : undefined;
      }
      case 'unary_expression': {
        const op = node.childForFieldName('operator')?.text;
        const operand = node.childForFieldName('operand');
        const x = operand ? this.eval(operand, iota) : undefined;
        if (!x) return undefined;
        if (x.k === 'int') {
          if (op === '-') return { k: 'int', v: -x.v };
          if (op === '+') return x;
          if (op === '^') return { k: 'int', v: -x.v - 1n };
        }
        if (x.k === 'bool' && op === '!') return { k: 'bool', v: !x.v };
        return undefined;
      }
      case 'binary_expression': {
        const op = node.childForFieldName('operator')?.text ?? '';
        const l = node.childForFieldName('left');
        const r = node.childForFieldName('right');
        const a = l ? this.eval(l, iota) : undefined;
        const b = r ? this.eval(r, iota) : undefined;
        if (!a || !b) return undefined;
        return binary(op, a, b);
      }
      default:
        return undefined;
    }
  }
}

const BUILTIN_FUNCS = new Set(['len', 'cap', 'real', 'imag', 'complex', 'unsafe']);

function binary(op: string, a: ConstVal, b: ConstVal): ConstVal | undefined {
  if (a.k === 'int' && b.k === 'int') {
    const x = a.v;
    const y = b.v;
    switch (op) {
      case '+':
        return { k: 'int', v: x + y };
      case '-':
        return { k: 'int', v: x - y };
      case '*':
        return { k: 'int', v: x * y };
      case '/':
        return y === 0n ? undefined : { k: 'int', v: x / y };
      case '%':
        return y === 0n ? undefined : { k: 'int', v: x % y };
      case '<<':
        return y < 0n || y > MAX_SHIFT ? undefined : { k: 'int', v: x << y };
      case '>>':
        return y < 0n || y > MAX_SHIFT ? undefined : { k: 'int', v: x >> y };
      case '&':
        return { k: 'int', v: x & y };
      case '|':
        return { k: 'int', v: x | y };
      case '^':
        return { k: 'int', v: x ^ y };
      case '&^':
        return { k: 'int', v: x & ~y };
    }
  }
  if (a.k === 'str' && b.k === 'str' && op === '+') return { k: 'str', v: a.v + b.v };
  if (a.k === 'bool' && b.k === 'bool') {
    if (op === '&&') return { k: 'bool', v: a.v && b.v };
    if (op === '||') return { k: 'bool', v: a.v || b.v };
  }
  if (a.k === b.k) {
    const x = a.v;
    const y = b.v;
    switch (op) {
      case '==':
        return { k: 'bool', v: x === y };
      case '!=':
        return { k: 'bool', v: x !== y };
    }
    if (a.k !== 'bool') {
      switch (op) {
        case '<':
          return { k: 'bool', v: x < y };
        case '<=':
          return { k: 'bool', v: x <= y };
        case '>':
          return { k: 'bool', v: x > y };
        case '>=':
          return { k: 'bool', v: x >= y };
      }
    }
  }
  return undefined;
}

export function mentionsIota(node: Node): boolean {
  if (node.type === 'iota') return true;
  return named(node).some(mentionsIota);
}

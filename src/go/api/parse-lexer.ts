// The declaration parser's lexer: Go tokens with automatic semicolons, the skipping of bracketed
// groups (function bodies, initializers), the Go keywords, and the error a declaration that does
// not parse throws.

export const enum Tok {
  EOF,
  Ident,
  Int,
  Float,
  Imag,
  Rune,
  String,
  RawString,
  Op,
  /** An explicit `;` or one inserted at a line end (Go's rule). */
  Semi
}

/** What the parser reads of the current token (the lexer itself). */
export interface Token {
  readonly kind: Tok;
  readonly start: number;
  readonly end: number;
  readonly value: string;
}

/** Thrown inside a declaration that does not parse; caught per declaration. */
export class ParseError extends Error {}

/** The operator or punctuation at i (longest match), or undefined. */
function operatorAt(src: string, i: number): string | undefined {
  const c = src[i];
  const d = src[i + 1];
  switch (c) {
    case '(':
    case ')':
    case '[':
    case ']':
    case '{':
    case '}':
    case ',':
    case '~':
      return c;
    case '.':
      return d === '.' && src[i + 2] === '.' ? '...' : '.';
    case ':':
      return d === '=' ? ':=' : ':';
    case '+':
    case '-':
      return d === c || d === '=' ? c + d : c;
    case '*':
    case '/':
    case '%':
    case '=':
    case '!':
    case '^':
      return d === '=' ? c + d : c;
    case '&':
      if (d === '^') return src[i + 2] === '=' ? '&^=' : '&^';
      return d === '&' || d === '=' ? c + d : c;
    case '|':
      return d === '|' || d === '=' ? c + d : c;
    case '<':
      if (d === '-') return '<-';
      if (d === '<') return src[i + 2] === '=' ? '<<=' : '<<';
      return d === '=' ? '<=' : '<';
    case '>':
      if (d === '>') return src[i + 2] === '=' ? '>>=' : '>>';
      return d === '=' ? '>=' : '>';
    default:
      return undefined;
  }
}

const isAsciiLetter = (c: number): boolean =>
  (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f;
const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
const UNICODE_LETTER = /[\p{L}]/u;
const UNICODE_DIGIT = /[\p{Nd}]/u;

type LexerState = [number, boolean, Tok, number, number, string, number];

/** The kind and end of the number literal at i (an int, float or imaginary). */
function numberAt(src: string, i: number): [Tok, number] {
  let float = false;
  const hex = src.charCodeAt(i) === 0x30 && (src[i + 1] === 'x' || src[i + 1] === 'X');
  if (hex) i += 2;
  for (;;) {
    const ch = src[i];
    if (ch === undefined) break;
    if (/[0-9a-zA-Z_]/.test(ch)) {
      const exponent = hex ? ch === 'p' || ch === 'P' : ch === 'e' || ch === 'E';
      if (exponent) {
        float = true;
        if (src[i + 1] === '+' || src[i + 1] === '-') i++;
      } else if (ch === 'i' && !/[0-9a-zA-Z_]/.test(src[i + 1] ?? '')) {
        return [Tok.Imag, i + 1];
      }
      i++;
    } else if (ch === '.') {
      float = true;
      i++;
    } else break;
  }
  return [float ? Tok.Float : Tok.Int, i];
}

/** The index just past the partner of the bracket at `start` (see Lexer.skipGroup). */
function groupEnd(src: string, start: number): number {
  const n = src.length;
  let depth = 0;
  let k = start;
  while (k < n) {
    const c = src.charCodeAt(k);
    if (c === 0x7b || c === 0x28 || c === 0x5b) depth++;
    else if (c === 0x7d || c === 0x29 || c === 0x5d) {
      if (--depth === 0) {
        k++;
        break;
      }
    } else if (c === 0x2f && src.charCodeAt(k + 1) === 0x2f) {
      const e = src.indexOf('\n', k);
      k = e < 0 ? n : e;
      continue;
    } else if (c === 0x2f && src.charCodeAt(k + 1) === 0x2a) {
      const e = src.indexOf('*/', k + 2);
      k = e < 0 ? n : e + 2;
      continue;
    } else if (c === 0x60) {
      const e = src.indexOf('`', k + 1);
      k = e < 0 ? n : e + 1;
      continue;
    } else if (c === 0x22 || c === 0x27) {
      let j = k + 1;
      for (; j < n; j++) {
        const d = src.charCodeAt(j);
        if (d === c || d === 0x0a) break;
        if (d === 0x5c) j++;
      }
      k = j + 1;
      continue;
    }
    k++;
  }
  if (depth > 0 && k >= n) throw new ParseError('unbalanced brackets');
  return k;
}

export class Lexer {
  pos = 0;
  /** Where the token before the current one ends (a skipped group counts as one token). */
  prevEnd = 0;
  /** Whether a line end here ends a statement (the previous token allows it). */
  private semiAllowed = false;
  // The current token (fields, not an object: a file has tens of thousands of tokens).
  kind: Tok = Tok.EOF;
  start = 0;
  end = 0;
  /** The identifier, keyword or operator text; '' for literals and implicit semicolons. */
  value = '';

  constructor(readonly src: string) {
    this.next();
  }

  save(): LexerState {
    return [this.pos, this.semiAllowed, this.kind, this.start, this.end, this.value, this.prevEnd];
  }

  restore([pos, semi, kind, start, end, value, prevEnd]: LexerState): void {
    this.pos = pos;
    this.semiAllowed = semi;
    this.kind = kind;
    this.start = start;
    this.end = end;
    this.value = value;
    this.prevEnd = prevEnd;
  }

  next(): void {
    this.prevEnd = this.end;
    const src = this.src;
    const n = src.length;
    let i = this.pos;
    for (;;) {
      if (i >= n) {
        if (this.semiAllowed) return this.emitSemi(i, i);
        return this.set(Tok.EOF, n, n, '');
      }
      const c = src.charCodeAt(i);
      if (c === 0x0a) {
        if (this.semiAllowed) return this.emitSemi(i, i + 1);
        i++;
      } else if (c === 0x20 || c === 0x09 || c === 0x0d) {
        i++;
      } else if (c === 0x2f && src.charCodeAt(i + 1) === 0x2f) {
        const e = src.indexOf('\n', i);
        i = e < 0 ? n : e;
      } else if (c === 0x2f && src.charCodeAt(i + 1) === 0x2a) {
        const e = src.indexOf('*/', i + 2);
        const end = e < 0 ? n : e + 2;
        // A general comment with a line break acts like a newline.
        if (this.semiAllowed && src.slice(i, end).includes('\n')) return this.emitSemi(i, end);
        i = end;
      } else break;
    }
    const start = i;
    const c = src.charCodeAt(i);
    if (isAsciiLetter(c) || (c >= 0x80 && this.isUnicodeIdentStart(i))) {
      i++;
      while (i < n) {
        const d = src.charCodeAt(i);
        if (isAsciiLetter(d) || isDigit(d)) i++;
        else if (d >= 0x80 && this.isUnicodeIdentPart(i)) i += d >= 0xd800 && d <= 0xdbff ? 2 : 1;
        else break;
      }
      const word = src.slice(start, i);
      this.set(Tok.Ident, start, i, word);
      this.semiAllowed =
        !KEYWORDS.has(word) ||
        word === 'break' ||
        word === 'continue' ||
        word === 'fallthrough' ||
        word === 'return';
      return;
    }
    if (isDigit(c) || (c === 0x2e && isDigit(src.charCodeAt(i + 1)))) return this.number(i);
    if (c === 0x22 || c === 0x27) {
      let k = i + 1;
      for (; k < n; k++) {
        const d = src.charCodeAt(k);
        if (d === c) break;
        if (d === 0x0a) throw new ParseError('newline in string');
        if (d === 0x5c) k++;
      }
      if (k >= n) throw new ParseError('string not terminated');
      this.set(c === 0x22 ? Tok.String : Tok.Rune, start, k + 1, '');
      this.semiAllowed = true;
      return;
    }
    if (c === 0x60) {
      const e = src.indexOf('`', i + 1);
      if (e < 0) throw new ParseError('raw string not terminated');
      this.set(Tok.RawString, start, e + 1, '');
      this.semiAllowed = true;
      return;
    }
    if (c === 0x3b) {
      this.set(Tok.Semi, start, i + 1, ';');
      this.semiAllowed = false;
      return;
    }
    const op = operatorAt(src, i);
    if (op === undefined) throw new ParseError(`unexpected character ${JSON.stringify(src[i])}`);
    this.set(Tok.Op, start, i + op.length, op);
    this.semiAllowed = op === ')' || op === ']' || op === '}' || op === '++' || op === '--';
  }

  private emitSemi(start: number, end: number): void {
    this.set(Tok.Semi, start, start, '');
    this.pos = end;
    this.semiAllowed = false;
  }

  private set(kind: Tok, start: number, end: number, value: string): void {
    this.kind = kind;
    this.start = start;
    this.end = end;
    this.value = value;
    this.pos = end;
  }

  private number(i: number): void {
    const [kind, end] = numberAt(this.src, i);
    this.set(kind, i, end, '');
    this.semiAllowed = true;
  }

  private isUnicodeIdentStart(i: number): boolean {
    return UNICODE_LETTER.test(String.fromCodePoint(this.src.codePointAt(i) ?? 0));
  }

  private isUnicodeIdentPart(i: number): boolean {
    const ch = String.fromCodePoint(this.src.codePointAt(i) ?? 0);
    return UNICODE_LETTER.test(ch) || UNICODE_DIGIT.test(ch);
  }

  /**
   * With the current token an opening `{`, `(` or `[`: moves past its closing partner without
   * tokenizing what is inside (comments, strings and runes are still respected), then reads the
   * next token. Used for function bodies and initializers, whose content the API does not need.
   */
  skipGroup(): void {
    const k = groupEnd(this.src, this.start);
    this.pos = k;
    this.semiAllowed = true;
    this.next();
    this.prevEnd = k;
  }
}

export const KEYWORDS = new Set([
  'break',
  'case',
  'chan',
  'const',
  'continue',
  'default',
  'defer',
  'else',
  'fallthrough',
  'for',
  'func',
  'go',
  'goto',
  'if',
  'import',
  'interface',
  'map',
  'package',
  'range',
  'return',
  'select',
  'struct',
  'switch',
  'type',
  'var'
]);

/** Whether the token can begin a type (after a parameter or field name, or as a result). */
export function startsType(t: Token): boolean {
  if (t.kind === Tok.Ident)
    return !KEYWORDS.has(t.value) || ['func', 'map', 'chan', 'struct', 'interface'].includes(t.value);
  return t.kind === Tok.Op && (t.value === '*' || t.value === '[' || t.value === '(' || t.value === '<-');
}

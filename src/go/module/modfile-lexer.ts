// The go.mod lexer of x/mod's read.go: Go's character classes, strconv.Unquote for quoted tokens,
// and the Lexer that yields tokens and comments with their positions. Text is Go bytes as in
// ./version.ts (a byte of invalid UTF-8 is the lone surrogate U+DC00+byte).
import type { Position } from './modfile-types.js';
import { isGoPrint, isGoSpace } from './unicode.js';
import { decodeGoBytes, encodeGoBytes, goQuoteRune } from './version.js';

// ---------------------------------------------------------------------------------------------
// Characters

/** A lone surrogate U+DC80..U+DCFF stands for one byte of invalid UTF-8 (see version.ts). */
function isRawByte(cp: number): boolean {
  return cp >= 0xdc80 && cp <= 0xdcff;
}

const isSpace = isGoSpace;

/** The ASCII identifier runes: printable, not space, not one of ()[]{},. */
const ASCII_IDENT = new Uint8Array(0x80);
for (let c = 0x21; c < 0x7f; c++) ASCII_IDENT[c] = '()[]{},'.includes(String.fromCharCode(c)) ? 0 : 1;

/** read.go isIdent: printable, non-space, and not one of the punctuation tokens, by Go's Unicode
 * tables (./unicode.ts). A raw byte decodes to U+FFFD in Go, which is printable, so it is an
 * identifier rune too. */
function isIdent(cp: number): boolean {
  if (cp < 0x80) return ASCII_IDENT[cp] === 1;
  return isRawByte(cp) || (!isSpace(cp) && isGoPrint(cp));
}

function utf8Length(cp: number): number {
  if (isRawByte(cp)) return 1;
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

/** The input as a Go string: bytes decoded with raw-byte surrogates; a JS string re-read through its
 * bytes only when it has lone surrogates (which Go would see as invalid UTF-8). */
export function toGoString(data: string | Uint8Array): string {
  if (typeof data !== 'string') return decodeGoBytes(data);
  return /\p{Cs}/u.test(data) ? decodeGoBytes(encodeGoBytes(data)) : data;
}

/** bytes.TrimSpace */
export function trimSpace(s: string): string {
  return s.replace(/^\p{White_Space}+|\p{White_Space}+$/gu, '');
}

// ---------------------------------------------------------------------------------------------
// strconv.Unquote

const SIMPLE_ESCAPES: Record<string, number> = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, '\\': 92 };

/** strconv.Unquote for a double-quoted or backquoted string; undefined where Go says ErrSyntax. */
export function unquote(s: string): string | undefined {
  if (s.length < 2) return undefined;
  if (s[0] === '`') {
    const end = s.indexOf('`', 1);
    // Carriage returns inside raw strings are discarded, as in Go source.
    return end === s.length - 1 ? s.slice(1, end).replaceAll('\r', '') : undefined;
  }
  if (s[0] !== '"') return undefined;
  const bytes: number[] = [];
  let i = 1;
  while (i < s.length && s[i] !== '"') {
    const cp = s.codePointAt(i)!;
    if (cp === 0x0a) return undefined;
    if (cp !== 0x5c) {
      // Go decodes each invalid byte to U+FFFD here, and writes that rune out again.
      bytes.push(...encodeGoBytes(String.fromCodePoint(isRawByte(cp) ? 0xfffd : cp)));
      i += cp > 0xffff ? 2 : 1;
      continue;
    }
    const escaped = unquoteEscape(s, i + 1);
    if (!escaped) return undefined;
    bytes.push(...escaped.bytes);
    i = escaped.next;
  }
  return i === s.length - 1 ? decodeGoBytes(bytes) : undefined;
}

/** One escape sequence after a backslash at s[i-1] (strconv.UnquoteChar, quote '"'). \x and octal
 * escapes give a single raw byte; \u and \U a UTF-8 encoded rune. */
function unquoteEscape(s: string, i: number): { bytes: number[]; next: number } | undefined {
  const c = s[i];
  if (c === undefined) return undefined;
  if (c in SIMPLE_ESCAPES) return { bytes: [SIMPLE_ESCAPES[c]], next: i + 1 };
  if (c === '"') return { bytes: [0x22], next: i + 1 };
  const hexDigits = c === 'x' ? 2 : c === 'u' ? 4 : c === 'U' ? 8 : 0;
  if (hexDigits > 0) {
    const digits = s.slice(i + 1, i + 1 + hexDigits);
    if (!new RegExp(`^[0-9A-Fa-f]{${hexDigits}}$`).test(digits)) return undefined;
    const value = parseInt(digits, 16);
    const next = i + 1 + hexDigits;
    if (c === 'x') return { bytes: [value], next };
    if (value > 0x10ffff || (value >= 0xd800 && value <= 0xdfff)) return undefined;
    return { bytes: encodeGoBytes(String.fromCodePoint(value)), next };
  }
  const octal = s.slice(i, i + 3);
  if (/^[0-7]{3}$/.test(octal) && parseInt(octal, 8) <= 255)
    return { bytes: [parseInt(octal, 8)], next: i + 3 };
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Lexer (read.go readToken)

export type TokenKind =
  'eof' | 'eolcomment' | 'comment' | 'ident' | 'string' | '\n' | '(' | ')' | '[' | ']' | '{' | '}' | ',';

export interface Token {
  kind: TokenKind;
  text: string;
  start: Position;
  end: Position;
}

export interface Comment {
  start: Position;
  /** The comment text including `//`, without the trailing newline; '' marks a blank line in a block. */
  token: string;
}

/** A read.go error: lexing and block structure errors stop the whole parse. */
export class ReadError extends Error {
  constructor(
    message: string,
    readonly pos: Position
  ) {
    super(message);
  }
}

const PUNCTUATION = '\n()[]{},';
export const NO_POSITION: Position = { line: 0, column: 0, byte: 0 };
const NEWLINE: Token = { kind: '\n', text: '\n', start: NO_POSITION, end: NO_POSITION };

/** Produces one token of lookahead at a time, like read.go's input: `token` is the next token and
 * `pos` is where the lexer stands after it (which is where parser errors are reported). */
export class Lexer {
  token: Token = { kind: 'eof', text: '', start: NO_POSITION, end: NO_POSITION };
  /** End-of-line comments, attached to the syntax tree after parsing. */
  readonly suffixComments: Comment[] = [];
  private i = 0;
  private tokenIndex = 0;
  // Where the current token starts, as numbers: a Position object is made only for a token that is
  // kept (a go.mod may hold millions of tokens, and every object costs memory and collector time).
  private startLine = 1;
  private startColumn = 1;
  private startByte = 0;
  private line = 1;
  private column = 1;
  private byte = 0;

  constructor(private readonly src: string) {}

  get pos(): Position {
    return { line: this.line, column: this.column, byte: this.byte };
  }

  private eof(): boolean {
    return this.i >= this.src.length;
  }

  /** The next rune, or 0 at end of input (as in Go). */
  private peekRune(): number {
    return this.eof() ? 0 : this.src.codePointAt(this.i)!;
  }

  private peekPrefix(prefix: string): boolean {
    return this.src.startsWith(prefix, this.i);
  }

  private readRune(): number {
    const c = this.src.charCodeAt(this.i);
    if (c < 0x80 && c !== 0x0a) {
      this.i++;
      this.byte++;
      this.column++;
      return c;
    }
    const cp = this.src.codePointAt(this.i)!;
    this.i += cp > 0xffff ? 2 : 1;
    this.byte += utf8Length(cp);
    if (cp === 0x0a) {
      this.line++;
      this.column = 1;
    } else {
      this.column++;
    }
    return cp;
  }

  private fail(message: string): never {
    throw new ReadError(message, this.pos);
  }

  private startToken(): void {
    this.tokenIndex = this.i;
    this.startLine = this.line;
    this.startColumn = this.column;
    this.startByte = this.byte;
  }

  private get startPos(): Position {
    return { line: this.startLine, column: this.startColumn, byte: this.startByte };
  }

  /** Comment tokens keep their newline in the input but lose it (LF or CRLF) in their text. A
   * newline token is the same object each time: nothing reads its position. */
  private endToken(kind: TokenKind): void {
    if (kind === '\n') {
      this.token = NEWLINE;
      return;
    }
    let text = this.src.slice(this.tokenIndex, this.i);
    if (kind === 'comment' || kind === 'eolcomment') {
      const cut = text.endsWith('\r\n') ? 2 : text.endsWith('\n') ? 1 : 0;
      if (cut > 0) text = text.slice(0, -cut);
    }
    this.token = { kind, text, start: this.startPos, end: this.pos };
  }

  /** Whether anything but white space precedes the current position on its line. */
  private afterTokenOnLine(): boolean {
    for (let j = this.i - 1; j >= 0 && this.src[j] !== '\n'; j--) {
      if (!isSpace(this.src.charCodeAt(j))) return true;
    }
    return false;
  }

  readToken(): void {
    while (!this.eof()) {
      const c = this.peekRune();
      if (c === 0x20 || c === 0x09 || c === 0x0d) {
        this.readRune();
        continue;
      }
      // `//` starts a comment anywhere outside a string; it runs through the newline.
      if (this.peekPrefix('//')) {
        this.startToken();
        const suffix = this.afterTokenOnLine();
        while (!this.eof() && this.readRune() !== 0x0a);
        if (!suffix) {
          this.endToken('comment');
          return;
        }
        this.endToken('eolcomment');
        this.suffixComments.push({ start: this.token.start, token: this.token.text });
        return;
      }
      if (this.peekPrefix('/*')) this.fail('mod files must use // comments (not /* */ comments)');
      break;
    }

    this.startToken();
    if (this.eof()) {
      this.endToken('eof');
      return;
    }
    const c = this.peekRune();
    if (PUNCTUATION.includes(String.fromCodePoint(c))) {
      this.readRune();
      this.endToken(String.fromCodePoint(c) as TokenKind);
      return;
    }
    if (c === 0x22 || c === 0x60) {
      this.readQuoted(c);
      return;
    }
    if (!isIdent(c)) this.fail(`unexpected input character ${goQuoteRune(c)}`);
    for (let cp = c; isIdent(cp); cp = this.peekRune()) {
      if (cp === 0x2f) {
        const next = this.src.charCodeAt(this.i + 1);
        if (next === 0x2f) break;
        if (next === 0x2a) this.fail('mod files must use // comments (not /* */ comments)');
      }
      this.readRune();
    }
    this.endToken('ident');
  }

  /** A "…" string (backslash escapes one rune) or a `…` string; neither may span lines. */
  private readQuoted(quote: number): void {
    this.readRune();
    for (;;) {
      if (this.eof()) this.failAtTokenStart('unexpected EOF in string');
      if (this.peekRune() === 0x0a) this.fail('unexpected newline in string');
      const c = this.readRune();
      if (c === quote) break;
      if (c === 0x5c && quote !== 0x60) {
        if (this.eof()) this.failAtTokenStart('unexpected EOF in string');
        this.readRune();
      }
    }
    this.endToken('string');
  }

  private failAtTokenStart(message: string): never {
    throw new ReadError(message, this.startPos);
  }
}

export function isEOL(kind: TokenKind): boolean {
  return kind === 'eof' || kind === 'eolcomment' || kind === '\n';
}

// A go.mod reader exactly as strict as golang.org/x/mod/modfile: the lexer and parser of read.go
// (tokens, blocks, comments, positions), then the directive rules of rule.go (Parse = 'strict' for the
// main module, ParseLax = 'lax' for dependencies, both without a version fixer).
//
// Two departures, both additive: the parse never throws, and it is best-effort. x/mod returns no file
// at all on error; here every directive that parses is kept, and a require/exclude/replace entry
// whose only problem is a path/version major mismatch stays in the result (the rules layer reports
// it as its own finding). The error list itself is exactly x/mod's.
//
// Strings follow the Go string model of ./version.ts: text is Go bytes, and a byte that is not valid
// UTF-8 is the lone surrogate U+DC00+byte, so positions and quoting match Go byte for byte.
import { checkPathMajor, splitPathVersion } from './modpath.js';
import { canonicalModuleVersion, decodeGoBytes, encodeGoBytes, goQuote, goQuoteRune } from './version.js';

// ---------------------------------------------------------------------------------------------
// Public types

export type ParseMode = 'strict' | 'lax';
/** 1-based line, 1-based column in runes, 0-based byte offset in the UTF-8 input. */
export interface Position {
  line: number;
  column: number;
  byte: number;
}
export interface Span {
  start: Position;
  end: Position;
}
/** 'major': a path/version major mismatch (CheckPathMajor, or a path whose major suffix is malformed,
 * such as /v1) in a require, exclude or replace line. Every other error is 'syntax'. */
export type ModErrorKind = 'syntax' | 'major';
export interface ModError {
  line: number;
  column: number;
  kind: ModErrorKind;
  /** The error without its position prefix. */
  message: string;
  /** Exactly what x/mod prints: `file:line: message`, or `file:line:col: message` when col > 1. */
  text: string;
}
export interface ModuleDirective {
  path: string;
  /** The line of the `module` keyword (for the block form, the `module (` line). */
  line: number;
  pathSpan: Span;
  block: boolean;
  deprecated?: string;
  deprecatedLine?: number;
}
export interface GoDirective {
  version: string;
  line: number;
}
export interface ToolchainDirective {
  name: string;
  line: number;
}
export interface GodebugDirective {
  key: string;
  value: string;
  line: number;
}
export interface Require {
  path: string;
  version: string;
  indirect: boolean;
  line: number;
  span: Span;
  pathSpan: Span;
  versionSpan: Span;
}
export interface Exclude {
  path: string;
  version: string;
  line: number;
  span: Span;
  pathSpan: Span;
  versionSpan: Span;
}
export interface Replace {
  oldPath: string;
  oldVersion: string;
  newPath: string;
  newVersion: string;
  line: number;
  span: Span;
  oldPathSpan: Span;
  newPathSpan: Span;
}
export interface Retract {
  low: string;
  high: string;
  rationale: string;
  line: number;
  span: Span;
}
/** A `tool` or `ignore` line. */
export interface PathDirective {
  path: string;
  line: number;
  span: Span;
}
export interface ModFile {
  module?: ModuleDirective;
  go?: GoDirective;
  toolchain?: ToolchainDirective;
  godebug: GodebugDirective[];
  require: Require[];
  exclude: Exclude[];
  replace: Replace[];
  retract: Retract[];
  tool: PathDirective[];
  ignore: PathDirective[];
}
/** ok === (errors.length === 0) */
export interface ParseResult {
  modFile: ModFile;
  errors: ModError[];
}

// ---------------------------------------------------------------------------------------------
// Characters

// unicode.IsPrint without the ASCII space (callers exclude spaces anyway) and unicode.IsSpace.
const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;
const WHITE_SPACE = /^\p{White_Space}$/u;

/** A lone surrogate U+DC80..U+DCFF stands for one byte of invalid UTF-8 (see version.ts). */
function isRawByte(cp: number): boolean {
  return cp >= 0xdc80 && cp <= 0xdcff;
}

function isSpace(cp: number): boolean {
  return cp < 0x80 ? cp === 0x20 || (cp >= 0x09 && cp <= 0x0d) : WHITE_SPACE.test(String.fromCodePoint(cp));
}

/** read.go isIdent: printable, non-space, and not one of the punctuation tokens. A raw byte decodes
 * to U+FFFD in Go, which is printable, so it is an identifier rune too. */
function isIdent(cp: number): boolean {
  if (cp < 0x80) return cp > 0x20 && cp < 0x7f && !'()[]{},'.includes(String.fromCharCode(cp));
  return isRawByte(cp) || (!isSpace(cp) && PRINTABLE.test(String.fromCodePoint(cp)));
}

function utf8Length(cp: number): number {
  if (isRawByte(cp)) return 1;
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

/** The input as a Go string: bytes decoded with raw-byte surrogates; a JS string re-read through its
 * bytes only when it has lone surrogates (which Go would see as invalid UTF-8). */
function toGoString(data: string | Uint8Array): string {
  if (typeof data !== 'string') return decodeGoBytes(data);
  return /\p{Cs}/u.test(data) ? decodeGoBytes(encodeGoBytes(data)) : data;
}

/** bytes.TrimSpace */
function trimSpace(s: string): string {
  return s.replace(/^\p{White_Space}+|\p{White_Space}+$/gu, '');
}

// ---------------------------------------------------------------------------------------------
// strconv.Unquote

const SIMPLE_ESCAPES: Record<string, number> = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, '\\': 92 };

/** strconv.Unquote for a double-quoted or backquoted string; undefined where Go says ErrSyntax. */
function unquote(s: string): string | undefined {
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

type TokenKind =
  'eof' | 'eolcomment' | 'comment' | 'ident' | 'string' | '\n' | '(' | ')' | '[' | ']' | '{' | '}' | ',';

interface Token {
  kind: TokenKind;
  text: string;
  start: Position;
  end: Position;
}

interface Comment {
  start: Position;
  /** The comment text including `//`, without the trailing newline; '' marks a blank line in a block. */
  token: string;
}

/** A read.go error: lexing and block structure errors stop the whole parse. */
class ReadError extends Error {
  constructor(
    message: string,
    readonly pos: Position
  ) {
    super(message);
  }
}

const PUNCTUATION = '\n()[]{},';
const NO_POSITION: Position = { line: 0, column: 0, byte: 0 };

/** Produces one token of lookahead at a time, like read.go's input: `token` is the next token and
 * `pos` is where the lexer stands after it (which is where parser errors are reported). */
class Lexer {
  token: Token = { kind: 'eof', text: '', start: NO_POSITION, end: NO_POSITION };
  /** End-of-line comments, attached to the syntax tree after parsing. */
  readonly suffixComments: Comment[] = [];
  private i = 0;
  private tokenIndex = 0;
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
    const start = this.pos;
    this.token = { kind: 'eof', text: '', start, end: start };
  }

  /** Comment tokens keep their newline in the input but lose it (LF or CRLF) in their text. */
  private endToken(kind: TokenKind): void {
    let text = this.src.slice(this.tokenIndex, this.i);
    if (kind === 'comment' || kind === 'eolcomment') text = text.replace(/\r?\n$/, '');
    this.token = { kind, text, start: this.token.start, end: this.pos };
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
    while (isIdent(this.peekRune())) {
      if (this.peekPrefix('//')) break;
      if (this.peekPrefix('/*')) this.fail('mod files must use // comments (not /* */ comments)');
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
    throw new ReadError(message, this.token.start);
  }
}

function isEOL(kind: TokenKind): boolean {
  return kind === 'eof' || kind === 'eolcomment' || kind === '\n';
}

// ---------------------------------------------------------------------------------------------
// Syntax tree and parser (read.go parseFile, parseStmt, parseLineBlock, parseLine)

interface Commented {
  before: Comment[];
  suffix: Comment[];
}
interface Line extends Commented {
  kind: 'line';
  start: Position;
  end: Position;
  tokens: Token[];
}
interface Paren extends Commented {
  kind: 'paren';
  pos: Position;
}
interface LineBlock extends Commented {
  kind: 'block';
  start: Position;
  tokens: Token[];
  lparen: Paren;
  lines: Line[];
  rparen: Paren;
}
interface CommentBlock extends Commented {
  kind: 'comments';
  start: Position;
}
type Stmt = Line | LineBlock | CommentBlock;

function newLine(start: Position, end: Position, tokens: Token[]): Line {
  return { kind: 'line', start, end, tokens, before: [], suffix: [] };
}

function newParen(pos: Position): Paren {
  return { kind: 'paren', pos, before: [], suffix: [] };
}

function newBlock(start: Position, tokens: Token[], lparen: Position, rparen: Position): LineBlock {
  return {
    kind: 'block',
    start,
    tokens,
    lparen: newParen(lparen),
    lines: [],
    rparen: newParen(rparen),
    before: [],
    suffix: []
  };
}

/** A statement is the tokens up to the end of its line; `(` as the last token opens a block. */
class Parser {
  readonly stmts: Stmt[] = [];

  constructor(
    private readonly lexer: Lexer,
    private readonly file: string
  ) {}

  private peek(): TokenKind {
    return this.lexer.token.kind;
  }

  private lex(): Token {
    const tok = this.lexer.token;
    this.lexer.readToken();
    return tok;
  }

  private fail(message: string): never {
    throw new ReadError(message, this.lexer.pos);
  }

  /** Whole-line comments directly above a statement become its Before comments; a blank line turns
   * them into a free-standing comment block instead. */
  parseFile(): void {
    let pending: CommentBlock | undefined;
    const flush = (): void => {
      if (pending) this.stmts.push(pending);
      pending = undefined;
    };
    for (;;) {
      switch (this.peek()) {
        case '\n':
          this.lex();
          flush();
          break;
        case 'comment': {
          const tok = this.lex();
          pending ??= { kind: 'comments', start: tok.start, before: [], suffix: [] };
          pending.before.push({ start: tok.start, token: tok.text });
          break;
        }
        case 'eof':
          flush();
          return;
        default:
          this.parseStmt();
          if (pending) this.stmts[this.stmts.length - 1].before = pending.before;
          pending = undefined;
      }
    }
  }

  private parseStmt(): void {
    const first = this.lex();
    const start = first.start;
    let end = first.end;
    const tokens = [first];
    for (;;) {
      const tok = this.lex();
      if (isEOL(tok.kind)) {
        this.stmts.push(newLine(start, end, tokens));
        return;
      }
      if (tok.kind === '(') {
        if (isEOL(this.peek())) {
          this.stmts.push(this.parseLineBlock(start, tokens, tok));
          return;
        }
        if (this.peek() === ')') {
          const rparen = this.lex();
          if (isEOL(this.peek())) {
            this.lex();
            this.stmts.push(newBlock(start, tokens, tok.start, rparen.start));
            return;
          }
          // `( )` inside a line is two ordinary tokens (which do not extend the line's end).
          tokens.push(tok, rparen);
        } else {
          tokens.push(tok);
        }
        continue;
      }
      tokens.push(tok);
      end = tok.end;
    }
  }

  /** Lines up to a `)` line; whole-line comments and blank lines (kept as '' markers) go to the
   * following line, or to the `)`. */
  private parseLineBlock(start: Position, tokens: Token[], lparen: Token): LineBlock {
    const block = newBlock(start, tokens, lparen.start, lparen.start);
    let comments: Comment[] = [];
    for (;;) {
      switch (this.peek()) {
        case 'eolcomment':
          this.lex();
          break;
        case '\n': {
          this.lex();
          const last = comments[comments.length - 1];
          if ((comments.length === 0 && block.lines.length > 0) || (last && last.token !== '')) {
            comments.push({ start: NO_POSITION, token: '' });
          }
          break;
        }
        case 'comment': {
          const tok = this.lex();
          comments.push({ start: tok.start, token: tok.text });
          break;
        }
        case 'eof':
          return this.fail(
            `syntax error (unterminated block started at ${this.file}:${start.line}:${start.column})`
          );
        case ')': {
          const rparen = this.lex();
          // A lone blank-line marker before `)` is not worth keeping.
          if (comments.length === 1 && comments[0].token === '') {
            comments = [];
          }
          block.rparen.pos = rparen.start;
          block.rparen.before = comments;
          if (!isEOL(this.peek())) this.fail('syntax error (expected newline after closing paren)');
          this.lex();
          return block;
        }
        default: {
          const line = this.parseLine();
          line.before = comments;
          block.lines.push(line);
          comments = [];
        }
      }
    }
  }

  private parseLine(): Line {
    const first = this.lex();
    let end = first.end;
    const tokens = [first];
    for (;;) {
      const tok = this.lex();
      if (isEOL(tok.kind)) return newLine(first.start, end, tokens);
      tokens.push(tok);
      end = tok.end;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Comment assignment (read.go assignComments)

type Node = Stmt | Paren;

function span(node: Node): Span {
  switch (node.kind) {
    case 'line':
      return { start: node.start, end: node.end };
    case 'comments':
      return { start: node.start, end: node.start };
    case 'paren':
      return { start: node.pos, end: afterParen(node.pos) };
    case 'block':
      return { start: node.start, end: afterParen(node.rparen.pos) };
  }
}

function afterParen(pos: Position): Position {
  return { line: pos.line, column: pos.column + 1, byte: pos.byte + 1 };
}

function postOrder(stmts: Stmt[]): Node[] {
  return stmts.flatMap((stmt): Node[] =>
    stmt.kind === 'block' ? [stmt.lparen, ...stmt.lines, stmt.rparen, stmt] : [stmt]
  );
}

/** Each end-of-line comment goes to the last single-line node that ends before it. (Whole-line
 * comments were attached by the parser already.) */
function assignSuffixComments(stmts: Stmt[], comments: Comment[]): void {
  const pending = [...comments];
  const nodes = postOrder(stmts);
  for (let n = nodes.length - 1; n >= 0; n--) {
    const { start, end } = span(nodes[n]);
    if (start.line !== end.line) continue;
    const taken: Comment[] = [];
    while (pending.length > 0 && end.byte <= pending[pending.length - 1].start.byte) {
      taken.unshift(pending.pop()!);
    }
    nodes[n].suffix.push(...taken);
  }
}

interface SyntaxTree {
  stmts: Stmt[];
  error?: ReadError;
}

/** read.go parse, keeping the statements read before an error. */
function readSyntax(src: string, file: string): SyntaxTree {
  const lexer = new Lexer(src);
  const parser = new Parser(lexer, file);
  let error: ReadError | undefined;
  try {
    lexer.readToken();
    parser.parseFile();
  } catch (e) {
    // Anything but a ReadError is a bug here; x/mod reports its own panics the same way.
    error = e instanceof ReadError ? e : new ReadError(`internal error: ${String(e)}`, lexer.pos);
  }
  assignSuffixComments(parser.stmts, lexer.suffixComments);
  return { stmts: parser.stmts, error };
}

// ---------------------------------------------------------------------------------------------
// Directive rules (rule.go parseToFile, add, parseReplace, parseVersionInterval)

const GO_VERSION_RE = /^([1-9][0-9]*)\.(0|[1-9][0-9]*)(\.(0|[1-9][0-9]*))?([a-z]+[0-9]+)?$/;
const LAX_GO_VERSION_RE = /^v?(([1-9][0-9]*)\.(0|[1-9][0-9]*))([^0-9][\s\S]*)$/;
const TOOLCHAIN_RE = /^default$|^go1($|\.)/;
const DEPRECATED_RE = /(?:^|\n\n)Deprecated: *([\s\S]*?)(?:$|\n\n)/;
const BLOCK_VERBS = new Set([
  'module',
  'godebug',
  'require',
  'exclude',
  'replace',
  'retract',
  'tool',
  'ignore'
]);
const LAX_VERBS = new Set(['go', 'module', 'retract', 'require', 'ignore']);
const REPLACE_USAGE = (verb: string): string =>
  `usage: ${verb} module/path [v1.2.3] => other/module v1.4\n\t or ${verb} module/path [v1.2.3] => ../local/directory`;

interface Finding {
  kind: ModErrorKind;
  message: string;
}

/** A directive's outcome: x/mod reports only the first finding; the entry is kept when there is a
 * value and every finding is a major mismatch. */
interface Outcome<T> {
  findings: Finding[];
  value?: T;
}

type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

function syntax(message: string): Finding {
  return { kind: 'syntax', message };
}

/** rule.go Error's `verb modpath: ` (or `verb: `) prefix. */
function directivePrefix(verb: string, modPath: string): string {
  return modPath !== '' ? `${verb} ${modPath}: ` : `${verb}: `;
}

/** rule.go parseString: "…" is unquoted; any other quote character is reserved. */
function parseString(text: string): Parsed<string> {
  if (text.startsWith('"')) {
    const s = unquote(text);
    return s === undefined ? { ok: false, message: 'invalid syntax' } : { ok: true, value: s };
  }
  if (/["'`]/.test(text)) return { ok: false, message: 'unquoted string cannot contain quote' };
  return { ok: true, value: text };
}

/** rule.go parseVersion without a fixer: the version must have a canonical form, which replaces it.
 * Retract versions (`asWritten`) are only unquoted: x/mod checks them only with a fixer. */
function parseVersion(verb: string, path: string, tok: Token, asWritten = false): Parsed<string> {
  const prefix = directivePrefix(verb, path);
  const s = parseString(tok.text);
  if (!s.ok) return { ok: false, message: `${prefix}version ${goQuote(tok.text)} invalid: ${s.message}` };
  if (asWritten) return s;
  const cv = canonicalModuleVersion(s.value);
  if (cv === '')
    return { ok: false, message: `${prefix}version ${goQuote(s.value)} invalid: must be of the form v1.2.3` };
  return { ok: true, value: cv };
}

/** rule.go modulePathMajor + CheckPathMajor as one finding, or none. */
function majorFinding(verb: string, path: string, version: string | undefined): Finding | undefined {
  const split = splitPathVersion(path);
  if (!split.ok) return { kind: 'major', message: 'invalid module path' };
  if (version === undefined) return undefined;
  const err = checkPathMajor(version, split.pathMajor);
  return err === undefined ? undefined : { kind: 'major', message: directivePrefix(verb, path) + err };
}

/** rule.go IsDirectoryPath: relative (./, ../, .\, ..\) or rooted (/, \, X:) paths, in either OS's syntax. */
export function isDirectoryPath(ns: string): boolean {
  return /^(\.\.?([/\\]|$)|[/\\]|[A-Za-z]:)/.test(ns);
}

/** parseDirectiveComment: the line's own comments, or its block's when the line has none; `//`
 * stripped, trimmed, one line each (blank-line markers skipped). Each line keeps its source line. */
function directiveComment(block: LineBlock | undefined, line: Line): { text: string; lines: number[] } {
  const own = line.before.length > 0 || line.suffix.length > 0;
  const c = block && !own ? block : line;
  const comments = [...c.before, ...c.suffix].filter(com => com.token.startsWith('//'));
  return {
    text: comments.map(com => trimSpace(com.token.slice(2))).join('\n'),
    lines: comments.map(com => com.start.line)
  };
}

/** parseDeprecation: the first paragraph of the comment that starts with "Deprecated:". */
function deprecation(block: LineBlock | undefined, line: Line): { text: string; line?: number } {
  const comment = directiveComment(block, line);
  const m = DEPRECATED_RE.exec(comment.text);
  if (!m) return { text: '' };
  const at = m[0].startsWith('\n\n') ? m.index + 2 : m.index;
  const lineIndex = comment.text.slice(0, at).split('\n').length - 1;
  return { text: m[1], line: comment.lines[lineIndex] };
}

/** rule.go isIndirect: the first suffix comment is `// indirect` or starts `// indirect;`. */
function isIndirect(line: Line): boolean {
  if (line.suffix.length === 0) return false;
  const f = trimSpace(line.suffix[0].token.replace(/^\/\//, ''))
    .split(/\p{White_Space}+/u)
    .filter(Boolean);
  return (f.length === 1 && f[0] === 'indirect') || (f.length > 1 && f[0] === 'indirect;');
}

function tokenSpan(tok: Token): Span {
  return { start: tok.start, end: tok.end };
}

function lineSpan(line: Line): Span {
  return { start: line.start, end: line.end };
}

interface Directive {
  block?: LineBlock;
  line: Line;
  verb: string;
  args: Token[];
}

/** Mutable state of one parse: the file so far and whether a module line was seen (a failed module
 * line still makes a later one "repeated"). */
interface FileBuilder {
  mode: ParseMode;
  modFile: ModFile;
  sawModule: boolean;
  findings: { pos: Position; finding: Finding }[];
}

/** `module path`: exactly one argument, at most once per file. */
function addModule(b: FileBuilder, d: Directive): Outcome<ModuleDirective> {
  if (b.sawModule) return { findings: [syntax('repeated module statement')] };
  b.sawModule = true;
  if (d.args.length !== 1) return { findings: [syntax('usage: module module/path')] };
  const path = parseString(d.args[0].text);
  if (!path.ok) return { findings: [syntax(`invalid quoted string: ${path.message}`)] };
  const dep = deprecation(d.block, d.line);
  const module: ModuleDirective = {
    path: path.value,
    line: (d.block ?? d.line).start.line,
    pathSpan: tokenSpan(d.args[0]),
    block: d.block !== undefined
  };
  if (dep.text !== '') Object.assign(module, { deprecated: dep.text, deprecatedLine: dep.line });
  return { findings: [], value: module };
}

/** `go 1.N[.P][rcN]`, at most once; lax mode accepts `v1.N…` and keeps 1.N. */
function addGo(b: FileBuilder, d: Directive): Outcome<GoDirective> {
  if (b.modFile.go) return { findings: [syntax('repeated go statement')] };
  if (d.args.length !== 1) return { findings: [syntax('go directive expects exactly one argument')] };
  let version = d.args[0].text;
  if (!GO_VERSION_RE.test(version)) {
    const lax = b.mode === 'lax' ? LAX_GO_VERSION_RE.exec(version) : null;
    if (!lax) return { findings: [syntax(`invalid go version '${version}': must match format 1.23.0`)] };
    version = lax[1];
  }
  return { findings: [], value: { version, line: d.line.start.line } };
}

/** `toolchain go1…` or `toolchain default`, at most once. */
function addToolchain(b: FileBuilder, d: Directive): Outcome<ToolchainDirective> {
  if (b.modFile.toolchain) return { findings: [syntax('repeated toolchain statement')] };
  if (d.args.length !== 1) return { findings: [syntax('toolchain directive expects exactly one argument')] };
  const name = d.args[0].text;
  if (!TOOLCHAIN_RE.test(name)) {
    return {
      findings: [syntax(`invalid toolchain version '${name}': must match format go1.23.0 or default`)]
    };
  }
  return { findings: [], value: { name, line: d.line.start.line } };
}

/** `godebug key=value`: one unquoted argument containing `=`. */
function addGodebug(d: Directive): Outcome<GodebugDirective> {
  const arg = d.args.length === 1 ? d.args[0].text : undefined;
  const eq = arg === undefined || /["'`,]/.test(arg) ? -1 : arg.indexOf('=');
  if (arg === undefined || eq < 0) return { findings: [syntax('usage: godebug key=value')] };
  return {
    findings: [],
    value: { key: arg.slice(0, eq), value: arg.slice(eq + 1), line: d.line.start.line }
  };
}

/** `require|exclude path version`: the version must be canonicalisable and fit the path's major. */
function addRequirement(d: Directive): Outcome<Require> {
  if (d.args.length !== 2) return { findings: [syntax(`usage: ${d.verb} module/path v1.2.3`)] };
  const [pathTok, versionTok] = d.args;
  const path = parseString(pathTok.text);
  if (!path.ok) return { findings: [syntax(`invalid quoted string: ${path.message}`)] };
  const version = parseVersion(d.verb, path.value, versionTok);
  if (!version.ok) return { findings: [syntax(version.message)] };
  const mismatch = majorFinding(d.verb, path.value, version.value);
  return {
    findings: mismatch ? [mismatch] : [],
    value: {
      path: path.value,
      version: version.value,
      indirect: isIndirect(d.line),
      line: d.line.start.line,
      span: lineSpan(d.line),
      pathSpan: tokenSpan(pathTok),
      versionSpan: tokenSpan(versionTok)
    }
  };
}

/** `replace old [v] => new [v]`: a new path without a version must be a directory, one with a
 * version must not be. */
function addReplace(d: Directive): Outcome<Replace> {
  const { args, verb } = d;
  const arrow = args.length >= 2 && args[1].text === '=>' ? 1 : 2;
  if (args.length < arrow + 2 || args.length > arrow + 3 || args[arrow].text !== '=>') {
    return { findings: [syntax(REPLACE_USAGE(verb))] };
  }
  const oldPath = parseString(args[0].text);
  if (!oldPath.ok) return { findings: [syntax(`invalid quoted string: ${oldPath.message}`)] };
  const findings: Finding[] = [];
  // The path's major suffix is checked before its version is even read.
  const badPath = majorFinding(verb, oldPath.value, undefined);
  if (badPath) findings.push({ ...badPath, message: directivePrefix(verb, oldPath.value) + badPath.message });
  let oldVersion = '';
  if (arrow === 2) {
    const v = parseVersion(verb, oldPath.value, args[1]);
    if (!v.ok) return { findings: [...findings, syntax(v.message)] };
    oldVersion = v.value;
    const mismatch = badPath ? undefined : majorFinding(verb, oldPath.value, oldVersion);
    if (mismatch) findings.push(mismatch);
  }
  const newTok = args[arrow + 1];
  const newPath = parseString(newTok.text);
  if (!newPath.ok) return { findings: [...findings, syntax(`invalid quoted string: ${newPath.message}`)] };
  const ns = newPath.value;
  let newVersion = '';
  if (args.length === arrow + 2) {
    if (!isDirectoryPath(ns)) {
      const message = ns.includes('@')
        ? "replacement module must match format 'path version', not 'path@version'"
        : 'replacement module without version must be directory path (rooted or starting with . or ..)';
      return { findings: [...findings, syntax(message)] };
    }
    if (ns.includes('\\')) {
      return {
        findings: [
          ...findings,
          syntax('replacement directory appears to be Windows path (on a non-windows system)')
        ]
      };
    }
  } else {
    const v = parseVersion(verb, ns, args[arrow + 2]);
    if (!v.ok) return { findings: [...findings, syntax(v.message)] };
    if (isDirectoryPath(ns)) {
      return {
        findings: [
          ...findings,
          syntax(`replacement module directory path ${goQuote(ns)} cannot have version`)
        ]
      };
    }
    newVersion = v.value;
  }
  return {
    findings,
    value: {
      oldPath: oldPath.value,
      oldVersion,
      newPath: ns,
      newVersion,
      line: d.line.start.line,
      span: lineSpan(d.line),
      oldPathSpan: tokenSpan(args[0]),
      newPathSpan: tokenSpan(newTok)
    }
  };
}

/** parseVersionInterval: `v` or `[ low , high ]`, returning the tokens left over. */
function parseVersionInterval(args: Token[]): Parsed<{ low: string; high: string; rest: Token[] }> {
  const text = (i: number): string | undefined => args[i]?.text;
  const fail = (message: string): Parsed<never> => ({ ok: false, message });
  if (args.length === 0 || text(0) === '(') return fail("expected '[' or version");
  if (text(0) !== '[') {
    const v = parseVersion('retract', '', args[0], true);
    return v.ok ? { ok: true, value: { low: v.value, high: v.value, rest: args.slice(1) } } : v;
  }
  if (args.length < 2) return fail("expected version after '['");
  const low = parseVersion('retract', '', args[1], true);
  if (!low.ok) return low;
  if (text(2) !== ',') return fail("expected ',' after version");
  if (args.length < 4) return fail("expected version after ','");
  const high = parseVersion('retract', '', args[3], true);
  if (!high.ok) return high;
  if (text(4) !== ']') return fail("expected ']' after version");
  return { ok: true, value: { low: low.value, high: high.value, rest: args.slice(5) } };
}

/** `retract v` or `retract [low, high]`, with its comments as rationale. Lax mode ignores malformed
 * intervals and trailing tokens (future syntax). */
function addRetract(b: FileBuilder, d: Directive): Outcome<Retract> {
  const vi = parseVersionInterval(d.args);
  if (!vi.ok) return { findings: b.mode === 'strict' ? [syntax(vi.message)] : [] };
  if (vi.value.rest.length > 0 && b.mode === 'strict') {
    return { findings: [syntax(`unexpected token after version: ${goQuote(vi.value.rest[0].text)}`)] };
  }
  const { low, high } = vi.value;
  const rationale = directiveComment(d.block, d.line).text;
  return { findings: [], value: { low, high, rationale, line: d.line.start.line, span: lineSpan(d.line) } };
}

/** `tool path` and `ignore path`: exactly one (possibly quoted) argument. */
function addPath(d: Directive): Outcome<PathDirective> {
  if (d.args.length !== 1) return { findings: [syntax(`${d.verb} directive expects exactly one argument`)] };
  const path = parseString(d.args[0].text);
  if (!path.ok) return { findings: [syntax(`invalid quoted string: ${path.message}`)] };
  return { findings: [], value: { path: path.value, line: d.line.start.line, span: lineSpan(d.line) } };
}

/** Records a directive's first finding and keeps its value unless a syntax problem spoilt it. */
function keep<T>(b: FileBuilder, d: Directive, outcome: Outcome<T>, store: (value: T) => void): void {
  if (outcome.findings.length > 0) b.findings.push({ pos: d.line.start, finding: outcome.findings[0] });
  if (outcome.value !== undefined && outcome.findings.every(f => f.kind === 'major')) store(outcome.value);
}

/** rule.go add: one directive line. Lax mode reads only what a dependency's go.mod can affect. */
function addDirective(b: FileBuilder, d: Directive): void {
  const f = b.modFile;
  if (b.mode === 'lax' && !LAX_VERBS.has(d.verb)) return;
  switch (d.verb) {
    case 'module':
      return keep(b, d, addModule(b, d), v => (f.module = v));
    case 'go':
      return keep(b, d, addGo(b, d), v => (f.go = v));
    case 'toolchain':
      return keep(b, d, addToolchain(b, d), v => (f.toolchain = v));
    case 'godebug':
      return keep(b, d, addGodebug(d), v => f.godebug.push(v));
    case 'require':
      return keep(b, d, addRequirement(d), v => f.require.push(v));
    case 'exclude':
      return keep(b, d, addRequirement(d), ({ path, version, line, span, pathSpan, versionSpan }) =>
        f.exclude.push({ path, version, line, span, pathSpan, versionSpan })
      );
    case 'replace':
      return keep(b, d, addReplace(d), v => f.replace.push(v));
    case 'retract':
      return keep(b, d, addRetract(b, d), v => f.retract.push(v));
    case 'tool':
      return keep(b, d, addPath(d), v => f.tool.push(v));
    case 'ignore':
      return keep(b, d, addPath(d), v => f.ignore.push(v));
    default:
      b.findings.push({ pos: d.line.start, finding: syntax(`unknown directive: ${d.verb}`) });
  }
}

/** rule.go parseToFile: lines go to add; blocks only for the block verbs, with one verb token. */
function addStatements(b: FileBuilder, stmts: Stmt[]): void {
  for (const stmt of stmts) {
    if (stmt.kind === 'line') {
      addDirective(b, { line: stmt, verb: stmt.tokens[0].text, args: stmt.tokens.slice(1) });
    } else if (stmt.kind === 'block') {
      const verb = stmt.tokens[0].text;
      if (stmt.tokens.length > 1 || !BLOCK_VERBS.has(verb)) {
        if (b.mode === 'strict') {
          const words = stmt.tokens.map(t => t.text).join(' ');
          b.findings.push({ pos: stmt.start, finding: syntax(`unknown block type: ${words}`) });
        }
        continue;
      }
      for (const line of stmt.lines) addDirective(b, { block: stmt, line, verb, args: line.tokens });
    }
  }
}

function toModError(file: string, pos: Position, finding: Finding): ModError {
  const where = pos.column > 1 ? `${file}:${pos.line}:${pos.column}: ` : `${file}:${pos.line}: `;
  return {
    line: pos.line,
    column: pos.column,
    kind: finding.kind,
    message: finding.message,
    text: where + finding.message
  };
}

function emptyModFile(): ModFile {
  return { godebug: [], require: [], exclude: [], replace: [], retract: [], tool: [], ignore: [] };
}

// ---------------------------------------------------------------------------------------------
// Entry points

/** Parses a go.mod like modfile.Parse ('strict') or modfile.ParseLax ('lax') with no version fixer.
 * Never throws. The errors are x/mod's, in its order; after a syntax error in the file structure
 * (x/mod's only error then) the directives read before it are still returned. */
export function parseModFile(
  data: string | Uint8Array,
  options: { mode: ParseMode; file?: string }
): ParseResult {
  const file = options.file ?? 'go.mod';
  const b: FileBuilder = { mode: options.mode, modFile: emptyModFile(), sawModule: false, findings: [] };
  try {
    const tree = readSyntax(toGoString(data), file);
    addStatements(b, tree.stmts);
    if (tree.error) {
      return { modFile: b.modFile, errors: [toModError(file, tree.error.pos, syntax(tree.error.message))] };
    }
    return {
      modFile: b.modFile,
      errors: b.findings.map(({ pos, finding }) => toModError(file, pos, finding))
    };
  } catch (e) {
    // Defensive: a bug must not take down the caller, so it becomes an error like x/mod's panics.
    const finding = syntax(`internal error: ${String(e)}`);
    return { modFile: b.modFile, errors: [toModError(file, { line: 1, column: 1, byte: 0 }, finding)] };
  }
}

/** The statement tokens of a go.mod, a block written `verb ( … )`, and x/mod's read error if any
 * (read.go only, no directive rules). */
export function tokenize(
  data: string | Uint8Array,
  file = 'go.mod'
): { tokens: string[]; errors: ModError[] } {
  const tree = readSyntax(toGoString(data), file);
  const tokens = tree.stmts.flatMap(stmt => {
    if (stmt.kind === 'line') return stmt.tokens.map(t => t.text);
    if (stmt.kind === 'comments') return [];
    return [...stmt.tokens.map(t => t.text), '(', ...stmt.lines.flatMap(l => l.tokens.map(t => t.text)), ')'];
  });
  const errors = tree.error ? [toModError(file, tree.error.pos, syntax(tree.error.message))] : [];
  return { tokens, errors };
}

/** modfile.ModulePath: the go command's fast scan of fetched go.mod files. Takes the first line
 * that, cut at `//` and trimmed, is `module` plus white space plus something; a quoted rest is
 * unquoted (and a bad quote gives ''). Hence `module (` gives '('. '' when there is none. */
export function modulePath(data: string | Uint8Array): string {
  for (const raw of toGoString(data).split('\n')) {
    const cut = raw.indexOf('//');
    const line = trimSpace(cut >= 0 ? raw.slice(0, cut) : raw);
    if (!line.startsWith('module')) continue;
    const rest = line.slice('module'.length);
    const path = trimSpace(rest);
    if (path.length === rest.length || path.length === 0) continue;
    if (path[0] === '"' || path[0] === '`') return unquote(path) ?? '';
    return path;
  }
  return '';
}

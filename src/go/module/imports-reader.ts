// The cursor over a Go file's header (go/build's importReader, plus the go/parser checks on that
// header: semicolons, identifiers, UTF-8) and the checks of each import path (syntax, unescaping).
import {
  BACKQUOTE,
  BACKSLASH,
  CR,
  DOT,
  DQUOTE,
  FF,
  LF,
  NUL,
  PositionCounter,
  SEMICOLON,
  SLASH,
  SPACE,
  STAR,
  TAB,
  appendUtf8,
  decodeUtf8,
  isIdentByte,
  isSpaceRune,
  isValidUtf8,
  utf8SequenceLength
} from './imports-bytes.js';
import type { ImportSpec } from './imports-types.js';
import { isGoGraphic, isGoLetter, isGoDigit } from './unicode.js';

// ---------------------------------------------------------------------------------------------
// The import reader

/** How the reader stopped early: the input is a prefix that ends too soon, a syntax error, or a NUL byte. */
type HaltKind = 'more' | 'syntax' | 'nul';

interface Problem {
  at: number;
  message: string;
}

export const NUL_MESSAGE = 'unexpected NUL byte';

export class Halt {
  constructor(
    readonly kind: HaltKind,
    readonly at: number,
    readonly message: string
  ) {}
}

export interface RawImport {
  name?: string;
  open: number; // offset of the opening quote
  close: number; // offset of the closing quote
  escaped: boolean; // a "…" literal that holds a backslash
}

// prettier-ignore
const KEYWORDS = new Set([
  'break', 'case', 'chan', 'const', 'continue', 'default', 'defer', 'else', 'fallthrough', 'for', 'func', 'go',
  'goto', 'if', 'import', 'interface', 'map', 'package', 'range', 'return', 'select', 'struct', 'switch', 'type', 'var'
]);
/** go/scanner's identifier: a letter or `_`, then letters, digits and `_`, by Go's Unicode tables. */
function isIdentifier(name: string): boolean {
  let first = true;
  for (const ch of name) {
    const cp = ch.codePointAt(0)!;
    if (!(ch === '_' || isGoLetter(cp) || (!first && isGoDigit(cp)))) return false;
    first = false;
  }
  return !first;
}

/**
 * A cursor over the header, after go/build's importReader, which decides where the header ends.
 * Every byte it looks at is "read": a NUL there is an error, as in Go. Running out of input is an
 * error only when the input is the whole file; otherwise it asks for more.
 *
 * go/build then parses that header with go/parser, and go list takes no imports from a file that
 * fails. So the reader also makes the parser's checks that the loose reader skips:
 * - go/scanner: the bytes are valid UTF-8 with no BOM, in comments too; names are identifiers;
 * - semicolons: the reader skips them like spaces, but the grammar needs exactly one after the
 *   package clause and after each import declaration, one between the specs of a group (optional
 *   before `)`), and none inside a spec or declaration. A newline after an identifier, a string or
 *   `)` counts as one (Go's automatic semicolons), also when it is inside a comment.
 */
class HeaderCursor {
  pos: number;
  /** Semicolons since the last token: offsets of explicit ones and of newlines that count as one. */
  protected separators: number[] = [];
  /** The last token lets a newline end the statement: an identifier, a string or `)`. */
  protected semicolonAtNewline = false;
  /**
   * go/parser is done with the header: it failed (`problem`), or it stopped reading imports at a
   * `;;`. The reader still reads on to where go/build stops, because a NUL byte there is a read
   * error, which counts before any syntax error.
   */
  parserDone = false;
  problem?: Problem;

  constructor(
    readonly data: Uint8Array,
    readonly eof: boolean,
    start: number,
    /** Where go/parser's source begins (after the BOM go/build drops): the start of its first line. */
    readonly origin = start
  ) {
    this.pos = start;
  }

  /** How many semicolons stand since the last token. */
  get separatorCount(): number {
    return this.separators.length;
  }

  /** A syntax error of the reader itself: reading stops. */
  fail(at: number, message: string): never {
    throw new Halt('syntax', at, message);
  }

  /** An error only go/parser sees: the first one is kept, and the reader goes on. */
  parserError(at: number, message: string): void {
    if (!this.parserDone) this.problem = { at, message };
    this.parserDone = true;
  }

  /** The input ended at a point where more bytes could change the answer. */
  outOfInput(at: number, message: string): never {
    throw new Halt(this.eof ? 'syntax' : 'more', at, message);
  }

  /** Reads byte `i`, which must exist; NUL is never valid input. */
  byteAt(i: number): number {
    const c = this.data[i];
    if (c === NUL) throw new Halt('nul', i, NUL_MESSAGE);
    return c;
  }

  /** Checks the multi-byte character at `i` as go/scanner does and returns its length (1 if invalid). */
  rune(i: number): number {
    const d = this.data;
    const size = utf8SequenceLength(d, i, d.length);
    if (size === 0) {
      if (i + 4 > d.length && !this.eof) this.outOfInput(i, '');
      this.parserError(i, 'invalid UTF-8 encoding');
      return 1;
    }
    if (d[i] === 0xef && d[i + 1] === 0xbb && d[i + 2] === 0xbf)
      this.parserError(i, 'unexpected byte order mark');
    return size;
  }

  /** Moves past a token. */
  advance(to: number, semicolonAtNewline: boolean): void {
    this.pos = to;
    this.separators = [];
    this.semicolonAtNewline = semicolonAtNewline;
  }

  private semicolon(at: number): void {
    this.separators.push(at);
    this.semicolonAtNewline = false;
  }

  private newline(at: number): void {
    if (this.semicolonAtNewline) this.semicolon(at);
  }

  /**
   * Skips spaces, \f \t \r \n, semicolons (the reader never needs them) and comments, noting the
   * semicolons. Returns the next byte, or -1 at the end of the file.
   */
  skipSpace(): number {
    const d = this.data;
    for (;;) {
      if (this.pos >= d.length) {
        if (!this.eof) this.outOfInput(this.pos, '');
        return -1;
      }
      const c = this.byteAt(this.pos);
      if (c === SPACE || c === TAB || c === CR) {
        this.pos++;
      } else if (c === FF) {
        // go/build's reader skips a form feed, but it is no white space to go/scanner.
        this.parserError(this.pos, 'illegal character U+000C');
        this.pos++;
      } else if (c === LF || c === SEMICOLON) {
        if (c === LF) this.newline(this.pos);
        else this.semicolon(this.pos);
        this.pos++;
      } else if (c === SLASH) {
        this.skipComment();
      } else {
        return c;
      }
    }
  }

  private skipComment(): void {
    const d = this.data;
    const start = this.pos;
    if (start + 1 >= d.length) this.outOfInput(start, 'unexpected "/"');
    const kind = this.byteAt(start + 1);
    if (kind === SLASH) {
      let i = start + 2;
      for (let c: number; i < d.length && (c = this.byteAt(i)) !== LF; i++)
        if (c >= 0x80) i += this.rune(i) - 1;
      if (i >= d.length && !this.eof) this.outOfInput(start, '');
      // go/scanner reads a //line directive only at the start of a line; a final \r is not part of it.
      if (start === this.origin || d[start - 1] === LF)
        this.lineDirective(start, d[i - 1] === CR ? i - 1 : i);
      if (i < d.length) this.newline(i);
      this.pos = Math.min(i + 1, d.length);
    } else if (kind === STAR) {
      // The search starts after "/*", so "/*/" does not close itself.
      let newline = -1;
      for (let i = start + 2; i < d.length; i++) {
        const c = this.byteAt(i);
        if (c === STAR && i + 1 < d.length && d[i + 1] === SLASH) {
          this.lineDirective(start, i);
          if (newline >= 0) this.newline(newline);
          this.pos = i + 2;
          return;
        }
        if (c === LF && newline < 0) newline = i;
        else if (c >= 0x80) i += this.rune(i) - 1;
      }
      this.outOfInput(start, 'unterminated /* comment');
    } else {
      this.fail(start, 'unexpected "/"');
    }
  }

  /**
   * go/scanner's updateLineInfo on the comment text [start, end) (without `*\/` or the newline): a
   * `line ` comment whose text after its last `:` is not a number, or whose line or column is 0 or
   * beyond 2^30-1, is an error. (Go converts the parsed uint64 to int, so a number of 2^63 or more
   * wraps negative and passes.)
   */
  private lineDirective(start: number, end: number): void {
    const d = this.data;
    if (end - start < 7 || !LINE_PREFIX.every((b, k) => d[start + 2 + k] === b)) return;
    const text = decodeUtf8(d, start + 7, end);
    const at = (i: number) => start + 7 + new TextEncoder().encode(text.slice(0, i)).length;
    const colon = text.lastIndexOf(':');
    if (colon < 0) return;
    const last = trailingNumber(text.slice(colon + 1));
    if (last === undefined) {
      this.parserError(at(colon + 1), `invalid line number: ${text.slice(colon + 1)}`);
      return;
    }
    const colon2 = text.lastIndexOf(':', colon - 1);
    const before = colon2 < 0 ? undefined : trailingNumber(text.slice(colon2 + 1, colon));
    const [line, lineAt, col] = before === undefined ? [last, colon + 1, 1n] : [before, colon2 + 1, last];
    if (col === 0n || col > MAX_LINE_COL) {
      this.parserError(at(colon + 1), `invalid column number: ${text.slice(colon + 1)}`);
    } else if (line === 0n || line > MAX_LINE_COL) {
      this.parserError(
        at(lineAt),
        `invalid line number: ${text.slice(lineAt, before === undefined ? undefined : colon)}`
      );
    }
  }
}

const LINE_PREFIX = [...'line '].map(c => c.charCodeAt(0));
const MAX_LINE_COL = (1n << 30n) - 1n;

/** strconv.ParseUint(s, 10, 0) converted to int as Go does (wrapping at 2^63), or undefined. */
function trailingNumber(s: string): bigint | undefined {
  if (!/^[0-9]+$/.test(s)) return undefined;
  const n = BigInt(s);
  if (n >= 1n << 64n) return undefined;
  return n >= 1n << 63n ? n - (1n << 64n) : n;
}

/** The header's grammar on top of the cursor: where semicolons must and must not stand, and the
 * keywords, names and string literals of the package clause and import declarations. */
export class ImportReader extends HeaderCursor {
  /** No semicolon may stand here. */
  noSemicolon(): void {
    if (this.parserDone || this.separators.length === 0) return;
    const at = this.separators[0];
    this.parserError(at, this.data[at] === SEMICOLON ? 'unexpected ";"' : 'unexpected newline');
  }

  /** Exactly one semicolon must stand here, or at most one when `optional` (before `)`). */
  oneSemicolon(optional: boolean): void {
    if (this.parserDone) return;
    if (this.separators.length === 0 && !optional) this.parserError(this.pos, 'expected ";" or newline');
    else if (this.separators.length > 1) this.parserError(this.separators[1], 'unexpected ";"');
  }

  /**
   * Before another `import`: one semicolon must end the previous declaration. After two, go/parser
   * has stopped reading imports (it sees an empty statement, not `import`), so the rest is ignored.
   */
  endOfDeclaration(): void {
    if (this.parserDone || this.separators.length === 1) return;
    if (this.separators.length === 0) this.parserError(this.pos, 'expected ";" or newline before import');
    this.parserDone = true;
  }

  /** Reads `kw`, which must not run on into an identifier (`packagex` is not `package`). */
  readKeyword(kw: Uint8Array, message: string): void {
    const d = this.data;
    const start = this.pos;
    for (let i = 0; i < kw.length; i++) {
      if (start + i >= d.length) this.outOfInput(start, message);
      if (this.byteAt(start + i) !== kw[i]) this.fail(start, message);
    }
    const after = start + kw.length;
    if (after >= d.length) {
      if (!this.eof) this.outOfInput(start, message);
    } else if (isIdentByte(this.byteAt(after))) {
      this.fail(start, message);
    }
    this.advance(after, false);
  }

  /**
   * Reads a name. The reader takes any run of identifier bytes; go/scanner then wants a real
   * identifier: a letter or '_' first, Unicode letters and digits, not a keyword.
   */
  readIdent(message: string): string {
    const d = this.data;
    const c = this.skipSpace();
    const start = this.pos;
    if (c < 0) this.outOfInput(start, message);
    if (!isIdentByte(c)) this.fail(start, message);
    let i = start + 1;
    while (i < d.length && isIdentByte(d[i])) i++;
    if (i >= d.length && !this.eof) this.outOfInput(start, message);
    const name = decodeUtf8(d, start, i);
    for (let k = start; k < i; k++) if (d[k] >= 0x80) k += this.rune(k) - 1;
    if (KEYWORDS.has(name) || !isIdentifier(name)) this.parserError(start, `invalid name "${name}"`);
    this.advance(i, true);
    return name;
  }

  /** Reads one string literal: `…` up to the next backquote, "…" up to an unescaped quote on the same line. */
  readString(name?: string): RawImport {
    const d = this.data;
    const quote = this.skipSpace();
    const open = this.pos;
    if (quote < 0) this.outOfInput(open, 'expected import path string');
    let escaped = false;
    let i = open + 1;
    if (quote === BACKQUOTE) {
      for (let c: number; i < d.length && (c = this.byteAt(i)) !== BACKQUOTE; i++)
        if (c >= 0x80) i += this.rune(i) - 1;
      if (i >= d.length) this.outOfInput(open, 'unterminated raw string literal');
    } else if (quote === DQUOTE) {
      for (; ; i++) {
        if (i >= d.length) this.outOfInput(open, 'unterminated string literal');
        const c = this.byteAt(i);
        if (c === DQUOTE) break;
        if (c === LF) this.fail(open, 'newline in string literal');
        if (c >= 0x80) i += this.rune(i) - 1;
        if (c === BACKSLASH) {
          escaped = true;
          i++; // the escaped byte, whatever it is; the unquoting judges it
          if (i >= d.length) this.outOfInput(open, 'unterminated string literal');
          this.byteAt(i);
        }
      }
    } else {
      this.fail(open, 'expected import path string');
    }
    this.advance(i + 1, true);
    return { name, open, close: i, escaped };
  }

  /** ImportSpec = [ "." | identifier ] string, all on one line when the name is an identifier. */
  readImport(): RawImport {
    const c = this.skipSpace();
    let name: string | undefined;
    if (c === DOT) {
      this.advance(this.pos + 1, false);
      name = '.';
    } else if (c >= 0 && isIdentByte(c)) {
      name = this.readIdent('expected import name');
    } else {
      return this.readString();
    }
    this.skipSpace();
    this.noSemicolon();
    return this.readString(name);
  }
}

// ---------------------------------------------------------------------------------------------
// Import paths

/** Unquotes the literal of `raw` as strconv.Unquote does, or says where it is not a valid import path. */
export function importSpec(
  data: Uint8Array,
  raw: RawImport,
  positions: PositionCounter
): ImportSpec | Problem {
  // The reader has checked the bytes of the literal (UTF-8, no BOM) already.
  const literal = decodeUtf8(data, raw.open, raw.close + 1);
  let path: string;
  if (data[raw.open] === BACKQUOTE) path = literal.slice(1, -1).replaceAll('\r', '');
  else if (!raw.escaped) path = literal.slice(1, -1);
  else {
    const unescaped = unescapePath(data, raw);
    if (typeof unescaped !== 'string') return unescaped;
    path = unescaped;
  }
  if (!isValidImportPath(path)) return { at: raw.open, message: `invalid import path ${literal}` };
  const start = positions.at(raw.open);
  const end = positions.at(raw.close + 1);
  const spec: ImportSpec = {
    path,
    literal,
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
    offset: raw.open
  };
  if (raw.name !== undefined) spec.name = raw.name;
  return spec;
}

/** ASCII bytes that may not appear in an import path: controls, space, DEL and !"#$%&'()*,:;<=>?[\]^`{|}. */
const ILLEGAL_IN_PATH = new Uint8Array(0x80);
for (let c = 0; c <= 0x20; c++) ILLEGAL_IN_PATH[c] = 1;
ILLEGAL_IN_PATH[0x7f] = 1;
for (const c of '!"#$%&\'()*,:;<=>?[\\]^`{|}') ILLEGAL_IN_PATH[c.charCodeAt(0)] = 1;

/**
 * go/parser's restriction on import paths (the spec's implementation restriction): not empty;
 * graphic characters only, no white space, none of !"#$%&'()*,:;<=>?[\]^`{|} and no U+FFFD.
 */
function isValidImportPath(path: string): boolean {
  if (path === '') return false;
  for (let i = 0; i < path.length; i++) {
    const c = path.charCodeAt(i);
    if (c < 0x80) {
      if (ILLEGAL_IN_PATH[c] === 1) return false;
      continue;
    }
    const cp = path.codePointAt(i) as number;
    if (cp > 0xffff) i++;
    if (cp === 0xfffd || isSpaceRune(cp) || !isGoGraphic(cp)) return false;
  }
  return true;
}

const SIMPLE_ESCAPES: Record<number, number> = {
  0x61: 0x07, // \a
  0x62: 0x08, // \b
  0x66: 0x0c, // \f
  0x6e: 0x0a, // \n
  0x72: 0x0d, // \r
  0x74: 0x09, // \t
  0x76: 0x0b, // \v
  0x5c: 0x5c, // \\
  0x22: 0x22 // \"  (\' is not valid inside "…")
};

/** Digits, base and maximum of the numeric escapes \NNN, \xNN, \uNNNN, \UNNNNNNNN, by their letter. */
const NUMERIC_ESCAPES: Record<number, { digits: number; base: number; max: number }> = {
  0x78: { digits: 2, base: 16, max: 0xff },
  0x75: { digits: 4, base: 16, max: 0x10ffff },
  0x55: { digits: 8, base: 16, max: 0x10ffff }
};
const OCTAL_ESCAPE = { digits: 3, base: 8, max: 0xff };

function digitValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x61 + 10;
  if (c >= 0x41 && c <= 0x46) return c - 0x41 + 10;
  return 99;
}

/**
 * The path of a "…" literal with escapes. \x and \NNN give single bytes, \u and \U give the UTF-8 of
 * a code point (never a surrogate); the bytes of the result must then be valid UTF-8.
 */
function unescapePath(data: Uint8Array, raw: RawImport): string | Problem {
  const out: number[] = [];
  for (let i = raw.open + 1; i < raw.close; i++) {
    const c = data[i];
    if (c !== BACKSLASH) {
      out.push(c);
      continue;
    }
    const at = i;
    const e = data[++i];
    if (e in SIMPLE_ESCAPES) {
      out.push(SIMPLE_ESCAPES[e]);
      continue;
    }
    const numeric = e >= 0x30 && e <= 0x37 ? OCTAL_ESCAPE : NUMERIC_ESCAPES[e];
    if (numeric === undefined) return { at, message: 'unknown escape sequence' };
    if (numeric !== OCTAL_ESCAPE) i++; // the letter; octal digits start right after the backslash
    let value = 0;
    for (let k = 0; k < numeric.digits; k++, i++) {
      const v = i < raw.close ? digitValue(data[i]) : 99;
      if (v >= numeric.base) return { at, message: 'invalid escape sequence' };
      value = value * numeric.base + v;
    }
    i--; // the loop's i++ moves past the last digit
    if (value > numeric.max || (value >= 0xd800 && value < 0xe000 && numeric.max > 0xff)) {
      return { at, message: 'escape sequence is not a valid code point' };
    }
    if (numeric.max === 0xff) out.push(value);
    else appendUtf8(out, value);
  }
  return isValidUtf8(out)
    ? decodeUtf8(out, 0, out.length)
    : { at: raw.open, message: 'invalid UTF-8 in import path' };
}

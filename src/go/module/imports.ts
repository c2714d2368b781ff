// The import header of a Go source file, read the way the go command reads it (go1.19):
//
// - the byte-level reader of go/build (read.go `readGoInfo`): BOM, `package` clause, then
//   `import` declarations, stopping at the first other token, so later text is never looked at;
// - the checks go/parser then makes on that header (go list takes no imports from a file that
//   fails them): semicolons, identifiers, UTF-8, import path syntax;
// - the build-constraint header of cmd/go/internal/imports (build.go `parseFileHeader` and
//   `ShouldBuild`), evaluated with the `AnyTags` set of `go mod tidy`: every tag except `ignore`
//   counts as both true and false;
// - the expression syntax of go/build/constraint (`//go:build` expressions, `// +build` lines).
//
// Pure: bytes in, plain data out. No I/O and no Node APIs.

/** One import spec of the header. */
export interface ImportSpec {
  /** The unquoted path: strconv.Unquote semantics for "…"; raw `…` verbatim minus \r. */
  path: string;
  /** '.', '_' or an identifier, when written. */
  name?: string;
  /** The string literal exactly as written, quotes included. */
  literal: string;
  /** Start of the path literal: 1-based line, column in characters (code points) from the line start. */
  line: number;
  column: number;
  /** Just past the closing quote (an exclusive end, like go/token's End). */
  endLine: number;
  endColumn: number;
  /** Byte offset of the opening quote in the file. */
  offset: number;
}

export interface ScanError {
  line: number;
  column: number;
  message: string;
}

export interface ImportScan {
  packageName?: string;
  /** Byte offset of the package clause (its `package` keyword), when the name was read. */
  packageAt?: number;
  /** In file order; includes "C". */
  imports: ImportSpec[];
  /** The header's constraint excludes the file under AnyTags semantics (it needs `ignore`, or it is malformed). */
  buildIgnore: boolean;
  /** The //go:build expression, or the counted // +build lines converted to //go:build syntax. */
  constraint?: string;
  /** The constraint lines are unusable: two //go:build lines, or one that does not parse. The file is then excluded. */
  constraintError?: ScanError;
  /**
   * The header could not be read, or go/parser would reject it; the position is where the problem
   * starts. Imports read before it are kept.
   */
  error?: ScanError;
  /** Byte offset where reading stopped: the first token after the header, the end of the input, or the error. */
  end: number;
  /** Only with `eof: false`: the bytes ran out before the header ended; call again with a longer prefix. */
  needMore: boolean;
}

export interface ScanOptions {
  /** Whether `data` is the whole file (default true) or only a prefix of it. */
  eof?: boolean;
}

const NUL = 0x00;
const TAB = 0x09;
const LF = 0x0a;
const FF = 0x0c;
const CR = 0x0d;
const SPACE = 0x20;
const DQUOTE = 0x22;
const LPAREN = 0x28;
const RPAREN = 0x29;
const STAR = 0x2a;
const DOT = 0x2e;
const SLASH = 0x2f;
const SEMICOLON = 0x3b;
const BACKSLASH = 0x5c;
const BACKQUOTE = 0x60;
const LOWER_I = 0x69;

const PACKAGE = bytesOf('package');
const IMPORT = bytesOf('import');
const SLASH_SLASH = bytesOf('//');
const GO_BUILD = bytesOf('//go:build');
const PLUS_BUILD = bytesOf('+build');

function bytesOf(ascii: string): Uint8Array {
  return Uint8Array.from(ascii, c => c.charCodeAt(0));
}

/** go/build's identifier bytes: ASCII letters, digits, '_', and every byte of a multi-byte character. */
function isIdentByte(c: number): boolean {
  return (
    (c >= 0x61 && c <= 0x7a) ||
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x30 && c <= 0x39) ||
    c === 0x5f ||
    c >= 0x80
  );
}

function startsWith(data: Uint8Array, at: number, end: number, prefix: Uint8Array): boolean {
  if (end - at < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (data[at + i] !== prefix[i]) return false;
  return true;
}

// ---------------------------------------------------------------------------------------------
// UTF-8

/** Short ASCII strings already made, by hash: the same import paths recur in file after file. */
const interned = new Map<number, string>();
const MAX_INTERNED = 65536;
const MAX_INTERNED_LENGTH = 128;

/** Decodes bytes [from, to); a byte that is not valid UTF-8 becomes U+FFFD, as when Go ranges over a string. */
function decodeUtf8(bytes: ArrayLike<number>, from: number, to: number): string {
  let i = from;
  let hash = 0x811c9dc5;
  while (i < to && bytes[i] < 0x80) hash = Math.imul(hash ^ bytes[i++], 0x01000193);
  if (i === to && to - from <= MAX_INTERNED_LENGTH) {
    const known = interned.get(hash);
    if (known !== undefined && known.length === to - from && sameAscii(known, bytes, from)) return known;
    const made = asciiString(bytes, from, to);
    if (known === undefined && interned.size < MAX_INTERNED) interned.set(hash, made);
    return made;
  }
  // Import paths and names are almost always ASCII: one flat string, not a rope of single characters.
  let out = asciiString(bytes, from, i);
  while (i < to) {
    const b = bytes[i];
    if (b < 0x80) {
      out += String.fromCharCode(b);
      i++;
      continue;
    }
    const size = utf8SequenceLength(bytes, i, to);
    if (size === 0) {
      out += '\ufffd';
      i++;
      continue;
    }
    let cp = b & (size === 2 ? 0x1f : size === 3 ? 0x0f : 0x07);
    for (let k = 1; k < size; k++) cp = (cp << 6) | (bytes[i + k] & 0x3f);
    out += String.fromCodePoint(cp);
    i += size;
  }
  return out;
}

function sameAscii(text: string, bytes: ArrayLike<number>, from: number): boolean {
  for (let k = 0; k < text.length; k++) if (text.charCodeAt(k) !== bytes[from + k]) return false;
  return true;
}

const ASCII_CHUNK = 4096;

function asciiString(bytes: ArrayLike<number>, from: number, to: number): string {
  // Node's Buffer decodes a range natively, several times faster than building the string here.
  if (typeof Buffer !== 'undefined' && Buffer.isBuffer(bytes)) return bytes.toString('latin1', from, to);
  if (bytes instanceof Uint8Array && to - from <= ASCII_CHUNK) {
    return String.fromCharCode.apply(null, bytes.subarray(from, to) as unknown as number[]);
  }
  let out = '';
  for (let i = from; i < to; i++) out += String.fromCharCode(bytes[i]);
  return out;
}

function isValidUtf8(bytes: ArrayLike<number>): boolean {
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] < 0x80) continue;
    const size = utf8SequenceLength(bytes, i, bytes.length);
    if (size === 0) return false;
    i += size - 1;
  }
  return true;
}

/**
 * The length of the valid multi-byte UTF-8 sequence at `i`, or 0 when the bytes there are not one
 * (Go's rules: no overlong forms, no surrogates, nothing above U+10FFFF).
 */
function utf8SequenceLength(bytes: ArrayLike<number>, i: number, to: number): number {
  const b = bytes[i];
  const cont = (k: number, lo = 0x80, hi = 0xbf): boolean =>
    i + k < to && bytes[i + k] >= lo && bytes[i + k] <= hi;
  if (b >= 0xc2 && b <= 0xdf) return cont(1) ? 2 : 0;
  if (b >= 0xe0 && b <= 0xef) {
    // E0 must not be overlong; ED must not encode a surrogate.
    const second = b === 0xe0 ? cont(1, 0xa0) : b === 0xed ? cont(1, 0x80, 0x9f) : cont(1);
    return second && cont(2) ? 3 : 0;
  }
  if (b >= 0xf0 && b <= 0xf4) {
    const second = b === 0xf0 ? cont(1, 0x90) : b === 0xf4 ? cont(1, 0x80, 0x8f) : cont(1);
    return second && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

function appendUtf8(out: number[], cp: number): void {
  if (cp < 0x80) out.push(cp);
  else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
  else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
  else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
}

/**
 * The byte length of the white space (Go's unicode.IsSpace) starting at `i`, or 0. This is the set
 * bytes.TrimSpace removes, which the constraint header rules use (unlike the import reader).
 */
function spaceAt(d: Uint8Array, i: number, end: number): number {
  const b = d[i];
  if (b === SPACE || (b >= TAB && b <= CR)) return 1;
  if (b === 0xc2 && i + 1 < end) return d[i + 1] === 0x85 || d[i + 1] === 0xa0 ? 2 : 0;
  if (i + 2 >= end) return 0;
  return isThreeByteSpace(b, d[i + 1], d[i + 2]) ? 3 : 0;
}

/** The offset of the first byte in [a, b) that does not start white space, or b. */
function skipWhite(d: Uint8Array, a: number, b: number): number {
  for (let n; a < b && (n = spaceAt(d, a, b)) > 0;) a += n;
  return a;
}

/** The byte length of the white space that ends just before `j`, or 0. */
function spaceBefore(d: Uint8Array, j: number, start: number): number {
  const b = d[j - 1];
  if (b === SPACE || (b >= TAB && b <= CR)) return 1;
  if (j - 2 >= start && d[j - 2] === 0xc2 && (b === 0x85 || b === 0xa0)) return 2;
  return j - 3 >= start && isThreeByteSpace(d[j - 3], d[j - 2], b) ? 3 : 0;
}

/** U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000. */
function isThreeByteSpace(b0: number, b1: number, b2: number): boolean {
  if (b0 === 0xe1) return b1 === 0x9a && b2 === 0x80;
  if (b0 === 0xe3) return b1 === 0x80 && b2 === 0x80;
  if (b0 !== 0xe2) return false;
  if (b1 === 0x80) return (b2 >= 0x80 && b2 <= 0x8a) || b2 === 0xa8 || b2 === 0xa9 || b2 === 0xaf;
  return b1 === 0x81 && b2 === 0x9f;
}

function isSpaceRune(cp: number): boolean {
  return (
    cp === 0x20 ||
    (cp >= 0x09 && cp <= 0x0d) ||
    cp === 0x85 ||
    cp === 0xa0 ||
    cp === 0x1680 ||
    (cp >= 0x2000 && cp <= 0x200a) ||
    cp === 0x2028 ||
    cp === 0x2029 ||
    cp === 0x202f ||
    cp === 0x205f ||
    cp === 0x3000
  );
}

// ---------------------------------------------------------------------------------------------
// Positions

/** Turns byte offsets into 1-based line and code-point column, walking forward from the last answer. */
class PositionCounter {
  private offset: number;
  private line = 1;
  private lineStart: number;

  constructor(
    private readonly data: Uint8Array,
    private readonly start: number
  ) {
    this.offset = start;
    this.lineStart = start;
  }

  at(target: number): { line: number; column: number } {
    if (target < this.offset) {
      this.offset = this.lineStart = this.start;
      this.line = 1;
    }
    const d = this.data;
    for (let i = this.offset; i < target; i++) {
      if (d[i] === LF) {
        this.line++;
        this.lineStart = i + 1;
      }
    }
    this.offset = target;
    let column = 1;
    for (let i = this.lineStart; i < target; i++) if ((d[i] & 0xc0) !== 0x80) column++;
    return { line: this.line, column };
  }
}

// ---------------------------------------------------------------------------------------------
// The import reader

/** How the reader stopped early: the input is a prefix that ends too soon, a syntax error, or a NUL byte. */
type HaltKind = 'more' | 'syntax' | 'nul';

interface Problem {
  at: number;
  message: string;
}

const NUL_MESSAGE = 'unexpected NUL byte';

class Halt {
  constructor(
    readonly kind: HaltKind,
    readonly at: number,
    readonly message: string
  ) {}
}

interface RawImport {
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
const IDENTIFIER = /^[\p{L}_][\p{L}\p{Nd}_]*$/u;

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
class ImportReader {
  pos: number;
  /** Semicolons since the last token: offsets of explicit ones and of newlines that count as one. */
  private separators: number[] = [];
  /** The last token lets a newline end the statement: an identifier, a string or `)`. */
  private semicolonAtNewline = false;
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
    start: number
  ) {
    this.pos = start;
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
      if (c === SPACE || c === TAB || c === CR || c === FF) {
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
      if (i < d.length) this.newline(i);
      this.pos = Math.min(i + 1, d.length);
    } else if (kind === STAR) {
      // The search starts after "/*", so "/*/" does not close itself.
      let newline = -1;
      for (let i = start + 2; i < d.length; i++) {
        const c = this.byteAt(i);
        if (c === STAR && i + 1 < d.length && d[i + 1] === SLASH) {
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
    if (KEYWORDS.has(name) || !IDENTIFIER.test(name)) this.parserError(start, `invalid name "${name}"`);
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
function importSpec(data: Uint8Array, raw: RawImport, positions: PositionCounter): ImportSpec | Problem {
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
/** Unicode's graphic classes, as Go's unicode.IsGraphic: letters, marks, numbers, punctuation, symbols, Zs. */
const GRAPHIC = /^[\p{L}\p{M}\p{N}\p{P}\p{S}\p{Zs}]$/u;

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
    if (cp === 0xfffd || isSpaceRune(cp) || !GRAPHIC.test(String.fromCodePoint(cp))) return false;
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

// ---------------------------------------------------------------------------------------------
// The header

const BOM = [0xef, 0xbb, 0xbf];

/** 3 when the input starts with a UTF-8 BOM (dropped, as go/build does), else 0; -1 when a prefix is too short to tell. */
function bomLength(data: Uint8Array, eof: boolean): number {
  const n = Math.min(data.length, 3);
  for (let i = 0; i < n; i++) if (data[i] !== BOM[i]) return 0;
  if (n === 3) return 3;
  return eof ? 0 : -1;
}

/**
 * Reads the header of a Go source file like go/build's readGoInfo: the `package` clause, then every
 * `import` declaration (a spec, or a parenthesised group of specs) while the next token starts with
 * `i`; the first other token ends the header and nothing after it is read. It also applies the
 * build-constraint rules of `go mod tidy` to the comments before `package`. Never throws.
 */
export function scanImports(data: Uint8Array, options?: ScanOptions): ImportScan {
  const eof = options?.eof ?? true;
  const scan: ImportScan = { imports: [], buildIgnore: false, end: data.length, needMore: false };
  const start = bomLength(data, eof);
  if (start < 0) return { ...scan, needMore: true };
  const positions = new PositionCounter(data, start);
  const r = new ImportReader(data, eof, start);
  const collect = (raw: RawImport): void => {
    if (r.parserDone) return;
    const spec = importSpec(data, raw, positions);
    if ('message' in spec) r.parserError(spec.at, spec.message);
    else scan.imports.push(spec);
  };
  // Where the comments that may hold build constraints end: at the first token, or at the end of a
  // file that go/build takes whole.
  let commentsEnd = -1;
  try {
    r.skipSpace();
    commentsEnd = r.pos;
    scan.packageName = readPackageClause(r);
    scan.packageAt = commentsEnd;
    while (r.skipSpace() === LOWER_I) readImportDecl(r, collect);
    scan.end = r.pos;
  } catch (halt) {
    if (!(halt instanceof Halt)) throw halt;
    if (halt.kind === 'more') return { ...scan, needMore: true };
    scan.end = halt.at;
    if (commentsEnd < 0) commentsEnd = halt.at;
    if (halt.kind === 'nul') {
      r.problem = halt; // a read error counts before any syntax error
    } else {
      // go/build then reads the rest of the file as the header, and a NUL byte fails that read.
      const nul = data.indexOf(NUL, start);
      if (nul < 0 && !eof) return { ...scan, needMore: true };
      if (nul >= 0) {
        r.problem = { at: nul, message: NUL_MESSAGE };
      } else {
        commentsEnd = data.length;
        if (!r.parserDone) r.problem = halt; // once go/parser is done, it never sees this
      }
    }
  }
  if (r.problem) scan.error = { ...positions.at(r.problem.at), message: r.problem.message };
  applyConstraints(scan, readConstraintHeader(data, start, commentsEnd), positions);
  return scan;
}

/** PackageClause = "package" identifier, at the reader's first token. */
function readPackageClause(r: ImportReader): string {
  r.noSemicolon();
  r.readKeyword(PACKAGE, 'missing package clause');
  r.skipSpace();
  r.noSemicolon();
  return r.readIdent('expected package name');
}

/** ImportDecl = "import" ( ImportSpec | "(" { ImportSpec ";" } ")" ), at a token that starts with `i`. */
function readImportDecl(r: ImportReader, collect: (raw: RawImport) => void): void {
  r.endOfDeclaration();
  r.readKeyword(IMPORT, 'expected "import"');
  const c = r.skipSpace();
  r.noSemicolon();
  if (c !== LPAREN) {
    collect(r.readImport());
    return;
  }
  const group = r.pos;
  r.advance(group + 1, false);
  for (let first = true; ; first = false) {
    const next = r.skipSpace();
    if (next < 0) r.outOfInput(group, 'unterminated import ( group');
    if (first) r.noSemicolon();
    else r.oneSemicolon(next === RPAREN);
    if (next === RPAREN) break;
    collect(r.readImport());
  }
  r.advance(r.pos + 1, true);
}

function applyConstraints(scan: ImportScan, header: ConstraintHeader, positions: PositionCounter): void {
  if (header.error) {
    scan.buildIgnore = true;
    scan.constraintError = { ...positions.at(header.error.at), message: header.error.message };
    if (header.error.expr !== undefined) scan.constraint = header.error.expr;
    return;
  }
  if (header.goBuild !== undefined) {
    scan.constraint = header.goBuild.text;
    scan.buildIgnore = !evalAnyTags(header.goBuild.expr, true);
  } else if (header.plusBuild.length > 0) {
    // Every counted line must hold, so the lines combine with &&.
    const expr = header.plusBuild.reduce((x, y): Expr => ({ op: '&&', x, y }));
    scan.constraint = formatExpr(expr);
    scan.buildIgnore = !evalAnyTags(expr, true);
  }
}

interface ConstraintHeader {
  goBuild?: { text: string; expr: Expr };
  plusBuild: Expr[];
  error?: { at: number; message: string; expr?: string };
}

/**
 * Finds the build constraints of the header, as cmd/go's parseFileHeader does, line by line (lines
 * end at \n and are trimmed of Unicode white space) over the comments before the first token at
 * `limit`:
 * - a `//go:build` line counts anywhere in the leading comments, outside a /* comment; a second
 *   one is an error;
 * - `// +build` lines count only inside the leading run of blank and `//` lines, and only up to the
 *   last blank line of that run (a +build line right above `package` is doc text, not a constraint).
 * The line that holds the first token at `limit` stops the search: the reader skipped only spaces
 * and comments before it, and the token is not white space, so the line is neither blank nor a
 * comment line. When the reader failed, go/build takes the whole file as the header, and then
 * `limit` is the end of the file (the line rules may see past the failure, since bytes.TrimSpace
 * also trims \v and Unicode spaces, which the reader does not skip).
 */
function readConstraintHeader(data: Uint8Array, start: number, limit: number): ConstraintHeader {
  const header: ConstraintHeader = { plusBuild: [] };
  const plusLines: Array<[number, number]> = [];
  let plusEnd = start; // just past the last blank line of the leading run
  let ended = false; // a line other than blank or // has been seen
  let inBlockComment = false;
  let goBuildAt = -1;
  let goBuildEnd = -1;
  lines: for (let p = start; p < limit;) {
    const newline = data.indexOf(LF, p);
    const lineEnd = newline < 0 || newline >= limit ? limit : newline;
    if (lineEnd === limit && limit < data.length) break; // the line of the first token
    const next = lineEnd + 1;
    let a = p;
    let b = lineEnd;
    p = next;
    a = skipWhite(data, a, b);
    for (let n; b > a && (n = spaceBefore(data, b, a)) > 0;) b -= n;
    if (a === b && !ended) {
      plusEnd = Math.min(next, limit);
      continue;
    }
    const lineComment = startsWith(data, a, b, SLASH_SLASH);
    if (!lineComment) ended = true;
    else if (!ended) plusLines.push([a, b]);
    if (!inBlockComment && isGoBuildLine(data, a, b)) {
      if (goBuildAt >= 0) {
        header.error = { at: a, message: 'multiple //go:build comments' };
        return header;
      }
      goBuildAt = a;
      goBuildEnd = b;
    }
    while (a < b) {
      if (inBlockComment) {
        const close = indexOfStarSlash(data, a, b);
        if (close < 0) continue lines;
        inBlockComment = false;
        a = skipWhite(data, close + 2, b);
      } else if (startsWith(data, a, b, SLASH_SLASH)) {
        continue lines;
      } else if (a + 1 < b && data[a] === SLASH && data[a + 1] === STAR) {
        inBlockComment = true;
        a = skipWhite(data, a + 2, b);
      } else {
        break lines;
      }
    }
  }
  if (goBuildAt >= 0) {
    const text = trimGoSpace(decodeUtf8(data, goBuildAt + GO_BUILD.length, goBuildEnd));
    const parsed = parseConstraint(text);
    if ('message' in parsed)
      header.error = { at: goBuildAt, message: `parsing //go:build line: ${parsed.message}`, expr: text };
    else header.goBuild = { text, expr: parsed };
    return header;
  }
  for (const [a, b] of plusLines) {
    if (b > plusEnd) break;
    const text = plusBuildText(data, a, b);
    if (text !== undefined) header.plusBuild.push(parsePlusBuildExpr(text));
  }
  return header;
}

function indexOfStarSlash(data: Uint8Array, a: number, b: number): number {
  for (let i = a; i + 1 < b; i++) if (data[i] === STAR && data[i + 1] === SLASH) return i;
  return -1;
}

/** A trimmed line is a //go:build line when `//go:build` is followed by white space or nothing. */
function isGoBuildLine(data: Uint8Array, a: number, b: number): boolean {
  if (!startsWith(data, a, b, GO_BUILD)) return false;
  const rest = a + GO_BUILD.length;
  return rest === b || spaceAt(data, rest, b) > 0;
}

/** The expression of a trimmed `// +build` line (the space after // is optional), else undefined. */
function plusBuildText(data: Uint8Array, a: number, b: number): string | undefined {
  let i = skipWhite(data, a + SLASH_SLASH.length, b);
  if (!startsWith(data, i, b, PLUS_BUILD)) return undefined;
  i += PLUS_BUILD.length;
  if (i < b && spaceAt(data, i, b) === 0) return undefined; // +buildfoo
  return trimGoSpace(decodeUtf8(data, i, b));
}

function trimGoSpace(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && isSpaceRune(s.charCodeAt(a))) a++;
  while (b > a && isSpaceRune(s.charCodeAt(b - 1))) b--;
  return s.slice(a, b);
}

// ---------------------------------------------------------------------------------------------
// Build constraint expressions (go/build/constraint)

interface TagExpr {
  tag: string;
}
interface NotExpr {
  op: '!';
  x: Expr;
}
interface BinaryExpr {
  op: '&&' | '||';
  x: Expr;
  y: Expr;
}
type Expr = TagExpr | NotExpr | BinaryExpr;

/** A tag is letters, digits, '_' and '.' (Unicode letters and decimal digits count). */
const TAG_CHAR = /[\p{L}\p{Nd}_.]/u;

function isValidTag(word: string): boolean {
  if (word === '') return false;
  for (const ch of word) if (!TAG_CHAR.test(ch)) return false;
  return true;
}

/**
 * Parses a //go:build expression: `||` binds looser than `&&`, `!` applies to one operand and may
 * not be doubled, parentheses group; tokens may be separated by spaces and tabs.
 */
function parseConstraint(text: string): Expr | { message: string } {
  try {
    return new ExprParser(text).parse();
  } catch (e) {
    if (e instanceof ConstraintSyntaxError) return { message: e.message };
    throw e;
  }
}

/** Recursive descent over the expression; each rule returns with the next token already lexed. */
class ExprParser {
  private i = 0;
  private tok = ''; // the current token; '' at the end
  private isTag = false;

  constructor(private readonly text: string) {}

  parse(): Expr {
    const x = this.or();
    if (!this.at('')) throw new ConstraintSyntaxError(`unexpected token ${this.tok}`);
    return x;
  }

  private at(tok: string): boolean {
    return this.tok === tok;
  }

  private or(): Expr {
    let x = this.and();
    while (this.at('||')) x = { op: '||', x, y: this.and() };
    return x;
  }

  private and(): Expr {
    let x = this.not();
    while (this.at('&&')) x = { op: '&&', x, y: this.not() };
    return x;
  }

  private not(): Expr {
    this.lex();
    if (!this.at('!')) return this.atom();
    this.lex();
    if (this.at('!')) throw new ConstraintSyntaxError('double negation not allowed');
    return { op: '!', x: this.atom() };
  }

  private atom(): Expr {
    if (this.at('(')) {
      let x: Expr;
      try {
        x = this.or();
      } catch (e) {
        // Running out inside parentheses is reported as the missing ')'.
        if (e instanceof ConstraintSyntaxError && e.message === 'unexpected end of expression') {
          throw new ConstraintSyntaxError('missing close paren');
        }
        throw e;
      }
      if (!this.at(')')) throw new ConstraintSyntaxError('missing close paren');
      this.lex();
      return x;
    }
    if (!this.isTag) {
      throw new ConstraintSyntaxError(
        this.at('') ? 'unexpected end of expression' : `unexpected token ${this.tok}`
      );
    }
    const tag = this.tok;
    this.lex();
    return { tag };
  }

  private lex(): void {
    const text = this.text;
    this.isTag = false;
    while (this.i < text.length && (text[this.i] === ' ' || text[this.i] === '\t')) this.i++;
    const c = text[this.i];
    if (c === undefined) {
      this.tok = '';
    } else if (c === '(' || c === ')' || c === '!') {
      this.tok = c;
      this.i++;
    } else if (c === '&' || c === '|') {
      if (text[this.i + 1] !== c) throw new ConstraintSyntaxError(`invalid syntax at ${c}`);
      this.tok = c + c;
      this.i += 2;
    } else {
      let j = this.i;
      for (const ch of text.slice(this.i)) {
        if (!TAG_CHAR.test(ch)) break;
        j += ch.length;
      }
      if (j === this.i)
        throw new ConstraintSyntaxError(
          `invalid syntax at ${String.fromCodePoint(text.codePointAt(j) ?? 0)}`
        );
      this.tok = text.slice(this.i, j);
      this.i = j;
      this.isTag = true;
    }
  }
}

class ConstraintSyntaxError extends Error {}

/**
 * A `// +build` expression: space-separated options (OR) of comma-separated terms (AND), each a tag
 * or `!tag`. A malformed term (`!!x`, a lone `!`, bad characters) becomes the tag `ignore`, as in Go.
 */
function parsePlusBuildExpr(text: string): Expr {
  let x: Expr | undefined;
  for (const clause of fields(text)) {
    let y: Expr | undefined;
    for (const lit of clause.split(',')) {
      let z: Expr;
      if (lit.startsWith('!!') || lit === '!') z = { tag: 'ignore' };
      else if (lit.startsWith('!'))
        z = { op: '!', x: { tag: isValidTag(lit.slice(1)) ? lit.slice(1) : 'ignore' } };
      else z = { tag: isValidTag(lit) ? lit : 'ignore' };
      y = y === undefined ? z : { op: '&&', x: y, y: z };
    }
    if (y !== undefined) x = x === undefined ? y : { op: '||', x, y };
  }
  return x ?? { tag: 'ignore' };
}

/** Splits at runs of white space (Go's strings.Fields). */
function fields(text: string): string[] {
  const out: string[] = [];
  let from = -1;
  for (let i = 0; i <= text.length; i++) {
    const space = i === text.length || isSpaceRune(text.charCodeAt(i));
    if (space && from >= 0) {
      out.push(text.slice(from, i));
      from = -1;
    } else if (!space && from < 0) {
      from = i;
    }
  }
  return out;
}

/** Prints an expression in //go:build syntax, with only the parentheses it needs. */
function formatExpr(x: Expr): string {
  if ('tag' in x) return x.tag;
  if (x.op === '!') return '!' + ('tag' in x.x || x.x.op === '!' ? formatExpr(x.x) : `(${formatExpr(x.x)})`);
  const other = x.op === '&&' ? '||' : '&&';
  const arg = (e: Expr): string => ('op' in e && e.op === other ? `(${formatExpr(e)})` : formatExpr(e));
  return `${arg(x.x)} ${x.op} ${arg(x.y)}`;
}

/**
 * cmd/go's evaluation under AnyTags: `ignore` is false, and every other tag takes whatever value
 * helps, so a tag satisfies both `tag` and `!tag` (a negation flips the preferred value).
 */
function evalAnyTags(x: Expr, prefer: boolean): boolean {
  if ('tag' in x) return x.tag === 'ignore' ? false : prefer;
  if (x.op === '!') return !evalAnyTags(x.x, !prefer);
  if (x.op === '&&') return evalAnyTags(x.x, prefer) && evalAnyTags(x.y, prefer);
  return evalAnyTags(x.x, prefer) || evalAnyTags(x.y, prefer);
}

function evalWith(x: Expr, hasTag: (tag: string) => boolean): boolean {
  if ('tag' in x) return hasTag(x.tag);
  if (x.op === '!') return !evalWith(x.x, hasTag);
  const left = evalWith(x.x, hasTag);
  const right = evalWith(x.y, hasTag);
  return x.op === '&&' ? left && right : left || right;
}

/**
 * Whether `go mod tidy` leaves out a file with the //go:build expression `expr` (the text after
 * `//go:build`): under AnyTags only `ignore` is false and every other tag satisfies both itself and
 * its negation, so this is true exactly when the expression needs `ignore`, such as `ignore` or
 * `ignore && linux` (not `!ignore`, `ignore || linux`). A malformed expression also leaves the file
 * out, so it gives true.
 */
export function constraintNeedsIgnore(expr: string): boolean {
  const parsed = parseConstraint(expr);
  return 'message' in parsed || !evalAnyTags(parsed, true);
}

/** Evaluates a //go:build expression with the given tag set; undefined when it does not parse. */
export function evalConstraint(expr: string, hasTag: (tag: string) => boolean): boolean | undefined {
  const parsed = parseConstraint(expr);
  return 'message' in parsed ? undefined : evalWith(parsed, hasTag);
}

// The byte-level helpers of the import reader: byte constants, UTF-8 decoding with interning of
// short strings, Go's white space, and the offset-to-line/column counter.

export const NUL = 0x00;
export const TAB = 0x09;
export const LF = 0x0a;
export const FF = 0x0c;
export const CR = 0x0d;
export const SPACE = 0x20;
export const DQUOTE = 0x22;
export const LPAREN = 0x28;
export const RPAREN = 0x29;
export const STAR = 0x2a;
export const DOT = 0x2e;
export const SLASH = 0x2f;
export const SEMICOLON = 0x3b;
export const BACKSLASH = 0x5c;
export const BACKQUOTE = 0x60;
export const LOWER_I = 0x69;

export const PACKAGE = bytesOf('package');
export const IMPORT = bytesOf('import');
export const SLASH_SLASH = bytesOf('//');
export const GO_BUILD = bytesOf('//go:build');
export const PLUS_BUILD = bytesOf('+build');

function bytesOf(ascii: string): Uint8Array {
  return Uint8Array.from(ascii, c => c.charCodeAt(0));
}

/** go/build's identifier bytes: ASCII letters, digits, '_', and every byte of a multi-byte character. */
export function isIdentByte(c: number): boolean {
  return (
    (c >= 0x61 && c <= 0x7a) ||
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x30 && c <= 0x39) ||
    c === 0x5f ||
    c >= 0x80
  );
}

export function startsWith(data: Uint8Array, at: number, end: number, prefix: Uint8Array): boolean {
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
export function decodeUtf8(bytes: ArrayLike<number>, from: number, to: number): string {
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

export function isValidUtf8(bytes: ArrayLike<number>): boolean {
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
export function utf8SequenceLength(bytes: ArrayLike<number>, i: number, to: number): number {
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

export function appendUtf8(out: number[], cp: number): void {
  if (cp < 0x80) out.push(cp);
  else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
  else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
  else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
}

/**
 * The byte length of the white space (Go's unicode.IsSpace) starting at `i`, or 0. This is the set
 * bytes.TrimSpace removes, which the constraint header rules use (unlike the import reader).
 */
export function spaceAt(d: Uint8Array, i: number, end: number): number {
  const b = d[i];
  if (b === SPACE || (b >= TAB && b <= CR)) return 1;
  if (b === 0xc2 && i + 1 < end) return d[i + 1] === 0x85 || d[i + 1] === 0xa0 ? 2 : 0;
  if (i + 2 >= end) return 0;
  return isThreeByteSpace(b, d[i + 1], d[i + 2]) ? 3 : 0;
}

/** The offset of the first byte in [a, b) that does not start white space, or b. */
export function skipWhite(d: Uint8Array, a: number, b: number): number {
  for (let n; a < b && (n = spaceAt(d, a, b)) > 0;) a += n;
  return a;
}

/** The byte length of the white space that ends just before `j`, or 0. */
export function spaceBefore(d: Uint8Array, j: number, start: number): number {
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

export function isSpaceRune(cp: number): boolean {
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
export class PositionCounter {
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

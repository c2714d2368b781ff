// What go/scanner says about the one token go/parser looks at past the imports, when go/build hands
// it more than the header (the whole file, after a syntax error of go/build's reader or a second
// byte order mark). go/parser in ImportsOnly mode scans that token to see that it is not `import`,
// and stops; the token itself, or the rune right after it (which the scanner decodes as it moves
// on), can still be an error.
import { utf8SequenceLength } from './imports-bytes.js';
import { isGoDigit, isGoLetter, isGoPrint } from './unicode.js';

export interface TokenProblem {
  at: number;
  message: string;
}

/** The rune at `i` as go/scanner's next() decodes it: -1 for invalid UTF-8, with its byte length. */
function runeAt(d: Uint8Array, i: number): { cp: number; size: number } {
  const b = d[i];
  if (b < 0x80) return { cp: b, size: 1 };
  const size = utf8SequenceLength(d, i, d.length);
  if (size === 0) return { cp: -1, size: 1 };
  let cp = b & (size === 2 ? 0x1f : size === 3 ? 0x0f : 0x07);
  for (let k = 1; k < size; k++) cp = (cp << 6) | (d[i + k] & 0x3f);
  return { cp, size };
}

/** go/scanner's complaint about the rune at `i` as it decodes it (not about the token it starts). */
function decodeProblem(d: Uint8Array, i: number): TokenProblem | undefined {
  if (i >= d.length) return undefined;
  const { cp } = runeAt(d, i);
  if (cp === -1) return { at: i, message: 'invalid UTF-8 encoding' };
  if (cp === 0xfeff) return { at: i, message: 'unexpected byte order mark' };
  return undefined;
}

/** fmt's %#U: U+0023 '#', or U+00A0 alone for a rune that is not printable. */
function illegal(at: number, cp: number): TokenProblem {
  const hex = 'U+' + cp.toString(16).toUpperCase().padStart(4, '0');
  return { at, message: `illegal character ${isGoPrint(cp) ? `${hex} '${String.fromCodePoint(cp)}'` : hex}` };
}

const ILLEGAL_ASCII = new Set([0x23, 0x24, 0x3f, 0x40, 0x5c]); // # $ ? @ \

/** The end of a quoted literal starting at `i` (closing quote included), or -1 when it never ends on
 * its line (raw strings may span lines). */
function literalEnd(d: Uint8Array, i: number): number {
  const quote = d[i];
  for (let j = i + 1; j < d.length; j++) {
    if (d[j] === quote) return j + 1;
    if (quote !== 0x60 && d[j] === 0x0a) return -1;
    if (quote !== 0x60 && d[j] === 0x5c) j++;
  }
  return -1;
}

/**
 * The problem go/scanner finds in the token at `at` and the rune after it, if any. Identifiers,
 * operators and literals are scanned far enough to find their end (numbers loosely: digits,
 * letters and dots); `import` itself is a problem, as the reader only stops there when the rune
 * after it is neither a letter nor a digit nor white space.
 */
export function tokenProblem(d: Uint8Array, at: number): TokenProblem | undefined {
  if (at >= d.length) return undefined;
  const first = decodeProblem(d, at);
  if (first) return first;
  const { cp, size } = runeAt(d, at);
  let end = at + size;
  if (cp === 0x5f || isGoLetter(cp)) {
    while (end < d.length) {
      const r = runeAt(d, end);
      if (r.cp !== 0x5f && !isGoLetter(r.cp) && !isGoDigit(r.cp)) break;
      end += r.size;
    }
    const word = String.fromCharCode(...d.subarray(at, Math.min(end, at + 7)));
    if (end - at === 6 && word === 'import') {
      const next = decodeProblem(d, end);
      return next ?? (end < d.length ? illegal(end, runeAt(d, end).cp) : undefined);
    }
  } else if (cp >= 0x30 && cp <= 0x39) {
    while (end < d.length && (/[0-9A-Za-z_.]/.test(String.fromCharCode(d[end])) || d[end] >= 0x80)) {
      if (d[end] >= 0x80 && !isGoLetter(runeAt(d, end).cp)) break;
      end += runeAt(d, end).size;
    }
  } else if (cp === 0x22 || cp === 0x27 || cp === 0x60) {
    end = literalEnd(d, at);
    if (end < 0) {
      const what = cp === 0x60 ? 'raw string literal' : cp === 0x27 ? 'rune literal' : 'string literal';
      return { at, message: `${what} not terminated` };
    }
  } else if (cp === 0x2f && d[end] === 0x2a) {
    // The reader skips every comment that ends; it stops at one only when it does not.
    return { at, message: 'unterminated /* comment' };
  } else if (cp >= 0x80 || cp < 0x20 || cp === 0x7f || ILLEGAL_ASCII.has(cp)) {
    return illegal(at, cp);
  }
  return decodeProblem(d, end);
}

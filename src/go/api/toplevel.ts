// What a Go file declares at the top level and which identifiers it spells, from one pass over its
// bytes: no tokens, no tree. The comparison of two versions of a package (extract-affected.ts)
// uses it to decide which unchanged files it may leave unparsed, so every answer errs on the side
// of "yes": a name that might be declared is reported declared, and an identifier is reported
// spelled when its hash is in the set (a collision only means parsing one more file). A file the
// pass cannot follow (an unterminated string, unbalanced brackets) gets no answer, and is parsed.

export interface TopLevel {
  /** Names declared by top-level `type` and `const` specs: what other declarations refer to by name. */
  referable: Set<string>;
  /** Every name a top-level declaration may declare (types, constants, variables, functions). */
  declared: Set<string>;
  /** Names declared by `type X = ...` (non-generic aliases): what type texts read through. */
  aliases: Set<string>;
  /** The names of methods' receiver types (and, as a function literal's are read alike, some more). */
  receivers: Set<string>;
  /** The hash (identifierHash) of every identifier in the code, comments and literals left out. */
  spelled: Set<number>;
}

const enum Ch {
  Tab = 0x09,
  Newline = 0x0a,
  Return = 0x0d,
  Space = 0x20,
  Quote = 0x22,
  Apostrophe = 0x27,
  OpenParen = 0x28,
  CloseParen = 0x29,
  Comma = 0x2c,
  Slash = 0x2f,
  Star = 0x2a,
  Semicolon = 0x3b,
  OpenBracket = 0x5b,
  Backslash = 0x5c,
  CloseBracket = 0x5d,
  Backquote = 0x60,
  OpenBrace = 0x7b,
  CloseBrace = 0x7d
}

const isWordByte = (c: number): boolean =>
  (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f || c >= 0x80;
const isAsciiWordByte = (c: number): boolean => c < 0x80 && isWordByte(c);

/** FNV-1a over an identifier's UTF-8 bytes. */
function hashBytes(data: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ data[i], 0x01000193);
  return h >>> 0;
}

const encoder = new TextEncoder();

/** The hash spelled sets hold for `name`. */
export function identifierHash(name: string): number {
  const bytes = encoder.encode(name);
  return hashBytes(bytes, 0, bytes.length);
}

/** What a top-level keyword makes of the next identifiers. */
type Kind = 'type' | 'const' | 'var' | 'func';

/** The keywords that start what a file has at the top level (`package` and `import` declare nothing). */
const KEYWORDS: ReadonlyMap<string, Kind | 'none'> = new Map([
  ['type', 'type'],
  ['const', 'const'],
  ['var', 'var'],
  ['func', 'func'],
  ['package', 'none'],
  ['import', 'none']
]);

/**
 * One pass over `data`. At bracket depth 0 a keyword `type`, `const`, `var` or `func` names what
 * follows: its next identifier is declared (a `func (` starts a receiver instead, whose identifiers
 * are kept), and so is each identifier after a `,` at depth 0. Inside a `type (`, `const (` or
 * `var (` group, each identifier that starts a line, follows `(`, `;` or `,` is declared: every spec
 * starts so, and a continued line only adds a name.
 */
export function scanTopLevel(data: Uint8Array): TopLevel | undefined {
  const out: TopLevel = {
    referable: new Set(),
    declared: new Set(),
    aliases: new Set(),
    receivers: new Set(),
    spelled: new Set()
  };
  const n = data.length;
  let depth = 0;
  // The keyword whose declaration is being read at depth 0, and whether its name is still to come.
  let kind: Kind | undefined;
  let expectName = false;
  // A `(` group of specs opened at depth 1, and whether the next identifier would start a spec.
  let group: Kind | undefined;
  let specStart = false;
  let inReceiver = false;
  const declare = (name: string, as: Kind, end: number) => {
    out.declared.add(name);
    if (as === 'type' || as === 'const') out.referable.add(name);
    if (as === 'type' && isAliasAt(data, end)) out.aliases.add(name);
  };
  let i = 0;
  while (i < n) {
    const c = data[i];
    if (c === Ch.Space || c === Ch.Tab || c === Ch.Return) {
      i++;
      continue;
    }
    if (c === Ch.Newline || c === Ch.Semicolon) {
      if (group && depth === 1) specStart = true;
      i++;
      continue;
    }
    if (c === Ch.Slash && data[i + 1] === Ch.Slash) {
      while (i < n && data[i] !== Ch.Newline) i++;
      continue;
    }
    if (c === Ch.Slash && data[i + 1] === Ch.Star) {
      let j = i + 2;
      while (j < n && !(data[j] === Ch.Star && data[j + 1] === Ch.Slash)) j++;
      if (j >= n) return undefined;
      // A comment spanning lines counts as a newline.
      if (group && depth === 1 && data.subarray(i, j).includes(Ch.Newline)) specStart = true;
      i = j + 2;
      continue;
    }
    if (isWordByte(c)) {
      let j = i + 1;
      while (j < n && isWordByte(data[j])) j++;
      if (c >= 0x30 && c <= 0x39) {
        // A number (its letters are digits or exponents, and never a name).
        i = j;
        specStart = false;
        continue;
      }
      spell(out.spelled, data, i, j);
      const keyword = depth === 0 && j - i >= 3 && j - i <= 7 ? KEYWORDS.get(latin1(data, i, j)) : undefined;
      if (keyword) {
        kind = keyword === 'none' ? undefined : keyword;
        expectName = kind !== undefined;
      } else if (depth === 0 && kind && expectName) {
        declare(utf8(data, i, j), kind, j);
        expectName = false;
      } else if (inReceiver && endsType(data, j)) {
        out.receivers.add(utf8(data, i, j));
      } else if (group && depth === 1 && specStart) {
        declare(utf8(data, i, j), group, j);
      }
      if (depth !== 0 || !keyword) expectName = false;
      specStart = false;
      i = j;
      continue;
    }
    if (c === Ch.Quote || c === Ch.Apostrophe) {
      let j = i + 1;
      while (j < n && data[j] !== c) {
        if (data[j] === Ch.Newline) return undefined;
        j += data[j] === Ch.Backslash ? 2 : 1;
      }
      if (j >= n) return undefined;
      i = j + 1;
      specStart = false;
      expectName = false;
      continue;
    }
    if (c === Ch.Backquote) {
      const j = data.indexOf(Ch.Backquote, i + 1);
      if (j < 0) return undefined;
      i = j + 1;
      specStart = false;
      expectName = false;
      continue;
    }
    if (c === Ch.OpenParen || c === Ch.OpenBracket || c === Ch.OpenBrace) {
      if (depth === 0 && c === Ch.OpenParen && kind && expectName) {
        if (kind === 'func') inReceiver = true;
        else group = kind;
      }
      depth++;
      specStart = group !== undefined && depth === 1;
      expectName = false;
      i++;
      continue;
    }
    if (c === Ch.CloseParen || c === Ch.CloseBracket || c === Ch.CloseBrace) {
      if (--depth < 0) return undefined;
      if (depth === 0) {
        if (inReceiver) {
          // The method's name follows; it declares nothing at the package level.
          inReceiver = false;
          kind = undefined;
        }
        group = undefined;
      }
      specStart = false;
      expectName = false;
      i++;
      continue;
    }
    if (c === Ch.Comma) {
      if (depth === 0 && (kind === 'const' || kind === 'var')) expectName = true;
      if (group && depth === 1) specStart = true;
      i++;
      continue;
    }
    // An operator or other punctuation.
    specStart = false;
    expectName = false;
    i++;
  }
  return depth === 0 ? out : undefined;
}

/** Whether a type name ending at `end` is followed by `=` (a comment in between reads as yes). */
function isAliasAt(data: Uint8Array, end: number): boolean {
  let k = end;
  while (k < data.length && (data[k] === Ch.Space || data[k] === Ch.Tab)) k++;
  return data[k] === 0x3d || data[k] === Ch.Slash;
}

/**
 * Whether the identifier ending at `end` in a receiver can be its type's name: `T` in `(x *T)`,
 * `(T)` and `(x T[K])` is followed by `)` or `[`; the variable `x` is not (a comment might be).
 */
function endsType(data: Uint8Array, end: number): boolean {
  let k = end;
  while (
    k < data.length &&
    (data[k] === Ch.Space || data[k] === Ch.Tab || data[k] === Ch.Newline || data[k] === Ch.Return)
  )
    k++;
  return data[k] === Ch.CloseParen || data[k] === Ch.OpenBracket || data[k] === Ch.Slash;
}

/** Adds an identifier's hash; one with bytes outside ASCII adds its ASCII runs too (see below). */
function spell(spelled: Set<number>, data: Uint8Array, start: number, end: number): void {
  spelled.add(hashBytes(data, start, end));
  let ascii = true;
  for (let k = start; k < end; k++) if (data[k] >= 0x80) ascii = false;
  if (ascii) return;
  // Which bytes outside ASCII Go takes for letters is Unicode's business; a run of ASCII word bytes
  // next to one may be an identifier of its own, so it counts as spelled as well.
  for (let k = start; k < end;) {
    if (!isAsciiWordByte(data[k])) {
      k++;
      continue;
    }
    let e = k + 1;
    while (e < end && isAsciiWordByte(data[e])) e++;
    spelled.add(hashBytes(data, k, e));
    k = e;
  }
}

function latin1(data: Uint8Array, start: number, end: number): string {
  let s = '';
  for (let k = start; k < end; k++) s += String.fromCharCode(data[k]);
  return s;
}

const decoder = new TextDecoder('utf-8');

function utf8(data: Uint8Array, start: number, end: number): string {
  return decoder.decode(data.subarray(start, end));
}

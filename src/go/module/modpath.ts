// Module, import and file paths exactly as golang.org/x/mod/module checks them. Every error is the
// text of x/mod's err.Error(), with Go's %q quoting. Strings stand for Go byte strings as described
// in version.ts (invalid UTF-8 bytes are lone surrogates U+DC80..U+DCFF, see `decodeGoBytes`).
import {
  build,
  compareDecimal,
  decodeRune,
  encodeGoBytes,
  goQuote,
  goQuoteRune,
  isValid,
  isValidUtf8,
  major,
  type GoResult
} from './version.js';
import { isGoLetter } from './unicode.js';

type PathKind = 'module' | 'import' | 'file';

// ---------------------------------------------------------------------------------------------
// Path syntax

const BAD_WINDOWS_NAMES = new Set([
  'CON',
  'PRN',
  'AUX',
  'NUL',
  ...[1, 2, 3, 4, 5, 6, 7, 8, 9].flatMap(n => [`COM${n}`, `LPT${n}`])
]);

// A module path element: ASCII letters and digits and `-._~`. Import paths add `+` (used by binaries
// like `g++`). File paths allow every Unicode letter, ASCII digits, the space and `!#$%&()+,-.=@[]^_{}~`
// but none of the characters shells or file systems treat specially.
function charOK(ch: string, kind: PathKind): boolean {
  if (/^[A-Za-z0-9._~-]$/.test(ch)) return true;
  if (kind === 'import') return ch === '+';
  if (kind === 'file') return ' !#$%&()+,=@[]^{}'.includes(ch) || isGoLetter(ch.codePointAt(0)!);
  return false;
}

function elemProblem(elem: string, kind: PathKind): string | undefined {
  if (elem === '') return 'empty path element';
  if (/^\.+$/.test(elem)) return `invalid path element ${goQuote(elem)}`;
  if (elem.startsWith('.') && kind === 'module') return 'leading dot in path element';
  if (elem.endsWith('.')) return 'trailing dot in path element';
  for (const ch of elem) {
    if (!charOK(ch, kind)) return `invalid char ${goQuoteRune(ch.codePointAt(0)!)}`;
  }
  // Windows reserves these names whatever follows the first dot and whatever the case.
  const dot = elem.indexOf('.');
  const short = dot < 0 ? elem : elem.slice(0, dot);
  if (BAD_WINDOWS_NAMES.has(short.toUpperCase())) {
    return `${goQuote(short)} disallowed as path element component on Windows`;
  }
  // `~` plus digits looks like a Windows 8.3 short name; only file paths may have it.
  if (kind !== 'file' && /~[0-9]+$/.test(short)) return 'trailing tilde and digits in path element';
  return undefined;
}

// checkPath of module.go: the checks shared by the three kinds, the first failure wins.
function pathProblem(path: string, kind: PathKind): string | undefined {
  if (!isValidUtf8(path)) return 'invalid UTF-8';
  if (path === '') return 'empty string';
  if (path.startsWith('-') && kind !== 'file') return 'leading dash';
  if (path.includes('//')) return 'double slash';
  if (path.endsWith('/')) return 'trailing slash';
  for (const elem of path.split('/')) {
    const problem = elemProblem(elem, kind);
    if (problem !== undefined) return problem;
  }
  return undefined;
}

// CheckPath's own rules on top of checkPath. (x/mod also tests for a leading slash here, which the
// empty-element check has already reported.)
function modulePathProblem(path: string): string | undefined {
  const common = pathProblem(path, 'module');
  if (common !== undefined) return common;
  const slash = path.indexOf('/');
  const first = slash < 0 ? path : path.slice(0, slash);
  if (!first.includes('.')) return 'missing dot in first path element';
  if (path.startsWith('-')) return 'leading dash in first path element';
  const bad = /[^a-z0-9.-]/.exec(first);
  if (bad !== null) return `invalid char ${goQuoteRune(bad[0].codePointAt(0)!)} in first path element`;
  if (!splitPathVersion(path).ok) return 'invalid version';
  return undefined;
}

function malformed(kind: PathKind, path: string, problem: string | undefined): string | undefined {
  return problem === undefined ? undefined : `malformed ${kind} path ${goQuote(path)}: ${problem}`;
}

/** module.CheckPath: whether path is a valid module path. It must be a valid import path without `+`
 * and with no element starting with a dot; its first element must consist of `[a-z0-9.-]`, contain a
 * dot and not start with a dash; and `splitPathVersion` must accept its major suffix (`/vN` with
 * N >= 2 and no leading zero, or gopkg.in's `.vN`). Returns `malformed module path "…": reason`. */
export function checkPath(path: string): string | undefined {
  return malformed('module', path, modulePathProblem(path));
}

/** module.CheckImportPath: valid UTF-8, not empty, no leading dash, no `//`, no trailing `/`; every
 * element non-empty, not only dots, not ending in a dot, made of ASCII letters, digits and `-._~+`,
 * its part before the first dot not a reserved Windows name (CON, PRN, AUX, NUL, COM1-9, LPT1-9, any
 * case), and not ending in `~` plus digits. Returns `malformed import path "…": reason`. */
export function checkImportPath(path: string): string | undefined {
  return malformed('import', path, pathProblem(path, 'import'));
}

/** module.CheckFilePath: like `checkImportPath`, but a leading dash and `~` plus digits are allowed
 * and the characters are Unicode letters, ASCII digits, space and `!#$%&()+,-.=@[]^_{}~`.
 * Returns `malformed file path "…": reason`. */
export function checkFilePath(path: string): string | undefined {
  return malformed('file', path, pathProblem(path, 'file'));
}

// ---------------------------------------------------------------------------------------------
// Major version suffixes

/** Reports whether path is served by gopkg.in (starts with `gopkg.in/`), whose paths carry the
 * major as `.vN` and need it even for v0 and v1. */
export function isGopkgIn(path: string): boolean {
  return path.startsWith('gopkg.in/');
}

/** module.SplitPathVersion: splits path into prefix + pathMajor. For gopkg.in paths pathMajor is
 * `.vN` or `.vN-unstable` (required; no leading zero except `.v0`). Otherwise it is `/vN` when the
 * last element is `v` followed by digits and dots; that suffix is ok only without dots, with N >= 2
 * and no leading zero, and is '' (ok) when the last element has no such shape. Not ok returns the
 * whole path as prefix. */
export function splitPathVersion(path: string): { prefix: string; pathMajor: string; ok: boolean } {
  if (isGopkgIn(path)) return splitGopkgIn(path);
  const m = /\/v([0-9.]+)$/.exec(path);
  if (m === null) return { prefix: path, pathMajor: '', ok: true };
  const digits = m[1];
  if (digits.includes('.') || digits.startsWith('0') || digits === '1') {
    return { prefix: path, pathMajor: '', ok: false };
  }
  return { prefix: path.slice(0, m.index), pathMajor: path.slice(m.index), ok: true };
}

function splitGopkgIn(path: string): { prefix: string; pathMajor: string; ok: boolean } {
  const m = /\.v([0-9]+)(?:-unstable)?$/.exec(path);
  if (m === null) return { prefix: path, pathMajor: '', ok: false };
  const pathMajor = path.slice(m.index);
  // Only exactly `.v0` may start with a zero (so `.v0-unstable` may not).
  if (m[1].startsWith('0') && pathMajor !== '.v0') return { prefix: path, pathMajor: '', ok: false };
  return { prefix: path.slice(0, m.index), pathMajor, ok: true };
}

// The "should be …, not …" reason of CheckPathMajor, or undefined when v fits pathMajor.
function pathMajorMismatch(v: string, pathMajor: string): string | undefined {
  let pm = pathMajor;
  if (pm.startsWith('.v') && pm.endsWith('-unstable')) pm = pm.slice(0, -'-unstable'.length);
  // An old bug made v0.0.0 pseudo-versions for gopkg.in .v1 paths; x/mod still accepts them.
  if (v.startsWith('v0.0.0-') && pm === '.v1') return undefined;
  const m = major(v);
  let want = pm;
  if (pm === '') {
    if (m === 'v0' || m === 'v1' || build(v) === '+incompatible') return undefined;
    want = 'v0 or v1';
  } else if (pm.startsWith('/') || pm.startsWith('.')) {
    if (m === pm.slice(1)) return undefined;
    want = pm.slice(1);
  }
  return `should be ${want}, not ${m}`;
}

/** module.CheckPathMajor: whether version v fits the path suffix pathMajor (from
 * `splitPathVersion`). No suffix accepts v0, v1 and any `+incompatible` version; `/vN` and `.vN`
 * accept major vN (`-unstable` ignored); `.v1` also accepts `v0.0.0-…` pseudo-versions. Returns
 * `version "…" invalid: should be vN, not vM` (`v0 or v1` for no suffix; M is '' when v is not a
 * semantic version). Like x/mod it accepts `+incompatible` where the go command would not. */
export function checkPathMajor(v: string, pathMajor: string): string | undefined {
  const reason = pathMajorMismatch(v, pathMajor);
  return reason === undefined ? undefined : `version ${goQuote(v)} invalid: ${reason}`;
}

/** module.MatchPathMajor: `checkPathMajor(v, pathMajor) === undefined`. */
export function matchPathMajor(v: string, pathMajor: string): boolean {
  return pathMajorMismatch(v, pathMajor) === undefined;
}

/** module.PathMajorPrefix: the tag major a path suffix implies: '' -> '', '/v2' -> 'v2', '.v1' ->
 * 'v1', '.v2-unstable' -> 'v2'. Where x/mod panics (no `/` or `.` separator, or not a valid major)
 * this returns ''. */
export function pathMajorPrefix(pathMajor: string): string {
  let pm = pathMajor;
  if (pm.startsWith('.v') && pm.endsWith('-unstable')) pm = pm.slice(0, -'-unstable'.length);
  const m = pm.slice(1);
  const separated = pm.startsWith('/') || pm.startsWith('.');
  return separated && m === major(m) ? m : '';
}

/** The decimal major a path suffix demands: '' for no suffix, '2' for '/v2' or '.v2', '0'/'1' for gopkg.in '.v0'/'.v1'. */
export function pathMajorDigits(pathMajor: string): string {
  return pathMajorPrefix(pathMajor).slice(1);
}

/** The module path of another major of the same module: ('example.com/m', '3') -> 'example.com/m/v3', ('example.com/m', '1') -> 'example.com/m', gopkg.in prefix 'gopkg.in/yaml' with '3' -> 'gopkg.in/yaml.v3'. `prefix` is splitPathVersion's prefix.
 * Outside gopkg.in, majors '', '0' and '1' take no suffix; a gopkg.in path always gets `.vN`
 * (even v0 and v1), and '' leaves a gopkg.in prefix unchanged since no major is known. */
export function pathForMajor(prefix: string, majorDigits: string): string {
  if (isGopkgIn(prefix)) return majorDigits === '' ? prefix : `${prefix}.v${majorDigits}`;
  return compareDecimal(majorDigits, '1') <= 0 ? prefix : `${prefix}/v${majorDigits}`;
}

/** module.Check: `checkPath(path)`, then version must be a valid semantic version
 * (`PATH@VERSION: invalid version: not a semantic version`) that fits the path's major suffix
 * (`PATH@VERSION: invalid version: should be …, not …`). */
export function check(path: string, version: string): string | undefined {
  const pathError = checkPath(path);
  if (pathError !== undefined) return pathError;
  const reason = isValid(version)
    ? pathMajorMismatch(version, splitPathVersion(path).pathMajor)
    : 'not a semantic version';
  return reason === undefined ? undefined : `${path}@${version}: invalid version: ${reason}`;
}

// ---------------------------------------------------------------------------------------------
// Escaped paths (module cache and proxy URLs)

/** module.EscapePath: the case-safe form of a valid module path, each upper-case letter written as
 * `!` plus its lower-case form ('github.com/!azure'); the `checkPath` error when path is invalid. */
export function escapePath(path: string): GoResult<string> {
  const error = checkPath(path);
  // A valid module path is ASCII without `!`, so the mapping is reversible.
  if (error !== undefined) return { ok: false, error };
  return { ok: true, value: path.replace(/[A-Z]/g, c => '!' + c.toLowerCase()) };
}

/** module.UnescapePath: the module path an escaped path stands for. The escaped form must be ASCII,
 * have no upper-case letter, and follow each `!` with a lower-case letter
 * (`invalid escaped module path "…"`); the result must pass `checkPath`
 * (`invalid escaped module path "…": malformed module path …`). */
export function unescapePath(escaped: string): GoResult<string> {
  const path = unescapeString(escaped);
  if (path === undefined) return { ok: false, error: `invalid escaped module path ${goQuote(escaped)}` };
  const error = checkPath(path);
  if (error !== undefined)
    return { ok: false, error: `invalid escaped module path ${goQuote(escaped)}: ${error}` };
  return { ok: true, value: path };
}

// Inverse of the escaping: ASCII only, no upper case, and `!` only before a lower-case letter.
function unescapeString(escaped: string): string | undefined {
  let out = '';
  for (let i = 0; i < escaped.length; i++) {
    const c = escaped[i];
    if (c.charCodeAt(0) >= 0x80 || (c >= 'A' && c <= 'Z')) return undefined;
    if (c !== '!') {
      out += c;
      continue;
    }
    const next = escaped[++i] ?? '';
    if (!/^[a-z]$/.test(next)) return undefined;
    out += next.toUpperCase();
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Prefix matching

/** Reports whether path equals prefix or lies under it (`path === prefix` or path starts with
 * `prefix + '/'`): 'example.com/m/v2' is under 'example.com/m', 'example.com/mod' is not. */
export function hasPathPrefix(path: string, prefix: string): boolean {
  // Hot path (every import against every candidate): compare in place, build no string.
  if (path.length === prefix.length) return path === prefix;
  return path.length > prefix.length && path.charCodeAt(prefix.length) === 0x2f && path.startsWith(prefix);
}

/** module.MatchPrefixPatterns (GOPRIVATE, GONOPROXY, ...): whether some path prefix of target
 * matches one of the comma-separated glob patterns (Go's path.Match syntax). A pattern with N
 * slashes is matched against the first N+1 elements of target; a trailing slash is ignored; empty
 * and malformed patterns are skipped. */
export function matchPrefixPatterns(globs: string, target: string): boolean {
  const name = encodeGoBytes(target);
  for (const raw of globs.split(',')) {
    const glob = raw.endsWith('/') ? raw.slice(0, -1) : raw;
    if (glob === '') continue;
    const elems = countSlashes(glob) + 1;
    const prefix = leadingElements(name, elems);
    if (prefix !== undefined && globMatch(encodeGoBytes(glob), prefix)) return true;
  }
  return false;
}

function countSlashes(s: string): number {
  return s.split('/').length - 1;
}

const SLASH = 0x2f;

// The first n slash-separated elements of name, or undefined when it has fewer.
function leadingElements(name: number[], n: number): number[] | undefined {
  let seen = 0;
  for (let i = 0; i < name.length; i++) {
    if (name[i] === SLASH && ++seen === n) return name.slice(0, i);
  }
  return seen === n - 1 ? name : undefined;
}

// path.Match over the bytes of pattern and name, false for a malformed pattern. `*` matches any run
// of non-slash bytes, `?` one non-slash rune, `[...]`/`[^...]` one rune in (not in) the ranges, `\c`
// the byte c. The pattern is cut into chunks, each a star followed by single-character operators.
function globMatch(pattern: number[], name: number[]): boolean {
  let pat = pattern;
  let rest = name;
  outer: while (pat.length > 0) {
    const { star, chunk, after } = scanChunk(pat);
    pat = after;
    if (star && chunk.length === 0) return !rest.includes(SLASH);
    const here = matchChunk(chunk, rest);
    // The last chunk must consume the whole name; otherwise a later star may still help.
    if (here.ok && (here.rest.length === 0 || pat.length > 0)) {
      rest = here.rest;
      continue;
    }
    if (here.bad) return false;
    if (star) {
      for (let i = 0; i < rest.length && rest[i] !== SLASH; i++) {
        const later = matchChunk(chunk, rest.slice(i + 1));
        if (later.ok) {
          if (pat.length === 0 && later.rest.length > 0) continue;
          rest = later.rest;
          continue outer;
        }
        if (later.bad) return false;
      }
    }
    return false;
  }
  return rest.length === 0;
}

function scanChunk(pattern: number[]): { star: boolean; chunk: number[]; after: number[] } {
  let start = 0;
  while (start < pattern.length && pattern[start] === 0x2a) start++;
  let inRange = false;
  let i = start;
  for (; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === 0x5c && i + 1 < pattern.length) i++;
    else if (c === 0x5b) inRange = true;
    else if (c === 0x5d) inRange = false;
    else if (c === 0x2a && !inRange) break;
  }
  return { star: start > 0, chunk: pattern.slice(start, i), after: pattern.slice(i) };
}

type ChunkResult = { ok: true; rest: number[]; bad: false } | { ok: false; bad: boolean };

// Matches chunk against the start of s. After a mismatch it keeps reading the chunk only to find
// syntax errors, as Go does, so `bad` is reported regardless of s.
function matchChunk(chunk: number[], s: number[]): ChunkResult {
  let failed = false;
  let c = 0;
  let at = 0;
  while (c < chunk.length) {
    if (!failed && at >= s.length) failed = true;
    const op = chunk[c];
    if (op === 0x5b) {
      let rune = -1;
      if (!failed) {
        const [r, width] = decodeRune(s, at);
        rune = r < 0 ? 0xfffd : r;
        at += width;
      }
      c++;
      const negated = chunk[c] === 0x5e;
      if (negated) c++;
      let match = false;
      for (let ranges = 0; !(chunk[c] === 0x5d && ranges > 0); ranges++) {
        const lo = getEsc(chunk, c);
        if (lo === undefined) return { ok: false, bad: true };
        c = lo.next;
        let hi = lo;
        if (chunk[c] === 0x2d) {
          const h = getEsc(chunk, c + 1);
          if (h === undefined) return { ok: false, bad: true };
          hi = h;
          c = h.next;
        }
        if (lo.rune <= rune && rune <= hi.rune) match = true;
      }
      c++;
      if (match === negated) failed = true;
      continue;
    }
    if (op === 0x3f) {
      if (!failed) {
        if (s[at] === SLASH) failed = true;
        at += decodeRune(s, at)[1];
      }
      c++;
      continue;
    }
    if (op === 0x5c) {
      c++;
      if (c >= chunk.length) return { ok: false, bad: true };
    }
    if (!failed) {
      if (chunk[c] !== s[at]) failed = true;
      at++;
    }
    c++;
  }
  return failed ? { ok: false, bad: false } : { ok: true, rest: s.slice(at), bad: false };
}

// One possibly escaped character of a class at chunk[i]; undefined for a syntax error (nothing
// left, an unescaped `-` or `]`, invalid UTF-8, or a class that is not closed).
function getEsc(chunk: number[], i: number): { rune: number; next: number } | undefined {
  let at = i;
  if (at >= chunk.length || chunk[at] === 0x2d || chunk[at] === 0x5d) return undefined;
  if (chunk[at] === 0x5c && ++at >= chunk.length) return undefined;
  const [rune, width] = decodeRune(chunk, at);
  const next = at + width;
  if (rune < 0 || next >= chunk.length) return undefined;
  return { rune, next };
}

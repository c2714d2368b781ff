// Go version strings exactly as golang.org/x/mod/semver and golang.org/x/mod/module (pseudo.go) treat
// them. npm `semver` is a different dialect (optional `v`, trimming, 2^53 and 256-character limits,
// no shorthands), so every input is first parsed with Go's grammar here; npm `semver` then only
// compares versions that lie inside its exact domain (see `compare`).
//
// Strings model Go's byte strings: a JS string stands for its UTF-8 encoding, except that a lone
// surrogate U+DC80..U+DCFF stands for the single raw byte 0x80..0xFF ("surrogateescape", the
// convention of Python's PEP 383). `decodeGoBytes` produces such strings from bytes, so invalid
// UTF-8 survives the trip into JS and out again through `goQuote`. Any lone surrogate makes a
// string invalid UTF-8.
import semver from 'semver';
import { isGoPrint } from './unicode.js';

export type GoResult<T> = { ok: true; value: T } | { ok: false; error: string };

// ---------------------------------------------------------------------------------------------
// Go string model

// The platform's decoder agrees with Go on what is valid UTF-8 (no overlong forms, no surrogates,
// nothing above U+10FFFF); ignoreBOM keeps a leading BOM, which Go sees as a rune like any other.
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The string that stands for `bytes`: valid UTF-8 sequences decode normally, each other byte
 * becomes the lone surrogate U+DC00+byte (only bytes >= 0x80 can be invalid). Linear, and each
 * valid run is decoded natively in one piece: a go.mod may be megabytes long. */
export function decodeGoBytes(bytes: ArrayLike<number>): string {
  const data = bytes instanceof Uint8Array ? bytes : Uint8Array.from(bytes);
  const parts: string[] = [];
  let from = 0;
  for (let i = 0; i < data.length;) {
    if (data[i] < 0x80) {
      i++;
      continue;
    }
    const [rune, width] = decodeRune(data, i);
    if (rune >= 0) {
      i += width;
      continue;
    }
    if (i > from) parts.push(UTF8.decode(data.subarray(from, i)));
    parts.push(String.fromCharCode(0xdc00 + data[i]));
    from = ++i;
  }
  if (from < data.length) parts.push(UTF8.decode(data.subarray(from)));
  return parts.join('');
}

/** The bytes a string stands for: UTF-8, with U+DC80..U+DCFF as raw bytes and any other lone
 * surrogate in its 3-byte generalized UTF-8 form (which Go also reads as invalid). */
export function encodeGoBytes(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp >= 0xdc80 && cp <= 0xdcff) out.push(cp - 0xdc00);
    else if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
    else
      out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
  }
  return out;
}

/** Decodes one rune at `i` as utf8.DecodeRune does, but returns rune -1 (width 1) where Go returns
 * RuneError for an invalid byte, so that a genuine U+FFFD stays distinguishable. */
export function decodeRune(bytes: ArrayLike<number>, i: number): [rune: number, width: number] {
  const b0 = bytes[i];
  if (b0 < 0x80) return [b0, 1];
  // How many continuation bytes the lead byte announces; 0 for a byte that cannot start a rune.
  const need = b0 >= 0xf0 && b0 <= 0xf4 ? 3 : b0 >= 0xe0 && b0 <= 0xef ? 2 : b0 >= 0xc2 && b0 <= 0xdf ? 1 : 0;
  if (need === 0 || i + need >= bytes.length) return [-1, 1];
  let rune = b0 & (0x3f >> need);
  for (let k = 1; k <= need; k++) {
    const b = bytes[i + k];
    if ((b & 0xc0) !== 0x80) return [-1, 1];
    rune = (rune << 6) | (b & 0x3f);
  }
  const tooShort = (need === 2 && rune < 0x800) || (need === 3 && rune < 0x10000);
  if (tooShort || rune > 0x10ffff || (rune >= 0xd800 && rune <= 0xdfff)) return [-1, 1];
  return [rune, need + 1];
}

/** Reports whether s stands for valid UTF-8 (utf8.ValidString): true exactly when it has no lone
 * surrogate. */
export function isValidUtf8(s: string): boolean {
  return !/\p{Cs}/u.test(s);
}

// strconv.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space.

const CONTROL_ESCAPES: Record<number, string> = {
  0x07: '\\a',
  0x08: '\\b',
  0x0c: '\\f',
  0x0a: '\\n',
  0x0d: '\\r',
  0x09: '\\t',
  0x0b: '\\v'
};

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, '0');
}

/** The escape of a valid rune that is not the quote character or a backslash (strconv's
 * appendEscapedRune). */
function escapeRune(r: number): string {
  if (isGoPrint(r)) return String.fromCodePoint(r);
  if (CONTROL_ESCAPES[r] !== undefined) return CONTROL_ESCAPES[r];
  if (r < 0x20 || r === 0x7f) return '\\x' + hex(r, 2);
  return r < 0x10000 ? '\\u' + hex(r, 4) : '\\U' + hex(r, 8);
}

/** Go's `%q` of a string (strconv.Quote): double quotes, `\"` and `\\` escaped, non-printable runes
 * escaped, each byte of invalid UTF-8 written `\xNN`. */
export function goQuote(s: string): string {
  const bytes = encodeGoBytes(s);
  let out = '"';
  for (let i = 0; i < bytes.length;) {
    const [rune, width] = decodeRune(bytes, i);
    if (rune < 0) out += '\\x' + hex(bytes[i], 2);
    else if (rune === 0x22 || rune === 0x5c) out += '\\' + String.fromCharCode(rune);
    else out += escapeRune(rune);
    i += width;
  }
  return out + '"';
}

/** Go's `%q` of a rune (strconv.QuoteRune): single quotes, `\'` and `\\` escaped. */
export function goQuoteRune(r: number): string {
  if (r === 0x27 || r === 0x5c) return "'\\" + String.fromCharCode(r) + "'";
  const valid = r >= 0 && r <= 0x10ffff && !(r >= 0xd800 && r <= 0xdfff);
  return "'" + escapeRune(valid ? r : 0xfffd) + "'";
}

/** strings.Compare: byte order of the UTF-8 forms, i.e. code point order (UTF-16 code unit order
 * differs for astral characters against U+E000..U+FFFF). */
export function compareGoStrings(a: string, b: string): -1 | 0 | 1 {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codeUnitRank(x) < codeUnitRank(y) ? -1 : 1;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

// Moves surrogates above U+E000..U+FFFF so that code unit order becomes code point order.
function codeUnitRank(u: number): number {
  if (u >= 0xe000) return u - 0x800;
  if (u >= 0xd800) return u + 0x2000;
  return u;
}

// ---------------------------------------------------------------------------------------------
// golang.org/x/mod/semver

interface Parsed {
  major: string;
  minor: string;
  patch: string;
  /** '.0.0' for `vN`, '.0' for `vN.M`, '' otherwise: what Canonical appends. */
  short: string;
  prerelease: string;
  build: string;
}

// Go's grammar, anchored: numbers without leading zeros and of any length; prerelease identifiers
// non-empty, numeric ones without leading zeros; build identifiers non-empty, leading zeros allowed;
// the shorthands vN and vN.M only without prerelease and build. `$` without the m flag is the true end.
const NUM = '0|[1-9][0-9]*';
const PRE_IDENT = `(?:${NUM}|[0-9]*[A-Za-z-][0-9A-Za-z-]*)`;
const BUILD_IDENT = '[0-9A-Za-z-]+';
const SEMVER_RE = new RegExp(
  `^v(${NUM})(?:\\.(${NUM})(?:\\.(${NUM})(-${PRE_IDENT}(?:\\.${PRE_IDENT})*)?(\\+${BUILD_IDENT}(?:\\.${BUILD_IDENT})*)?)?)?$`
);

function parse(v: string): Parsed | undefined {
  const m = SEMVER_RE.exec(v);
  if (m === null) return undefined;
  const [, major, minor, patch, prerelease = '', build = ''] = m;
  if (minor === undefined) return { major, minor: '0', patch: '0', short: '.0.0', prerelease, build };
  if (patch === undefined) return { major, minor, patch: '0', short: '.0', prerelease, build };
  return { major, minor, patch, short: '', prerelease, build };
}

/** Reports whether v is a valid Go semantic version: `v` MAJOR [. MINOR [. PATCH [-PRERELEASE]
 * [+BUILD]]] with a lower-case `v`, decimal numbers of any size without leading zeros, non-empty
 * dot-separated `[0-9A-Za-z-]` identifiers (numeric prerelease identifiers without leading zeros),
 * no white space anywhere. The shorthands `vN` and `vN.M` are valid; build metadata is allowed. */
export function isValid(v: string): boolean {
  return parse(v) !== undefined;
}

/** semver.Canonical: `vMAJOR.MINOR.PATCH[-PRERELEASE]`, shorthands filled in with `.0`, build
 * metadata dropped; '' when v is invalid. */
export function canonical(v: string): string {
  const p = parse(v);
  if (p === undefined) return '';
  return v.slice(0, v.length - p.build.length) + p.short;
}

/** semver.Major: `vMAJOR` ('v2' for 'v2.1.0'); '' when v is invalid. */
export function major(v: string): string {
  const p = parse(v);
  return p === undefined ? '' : 'v' + p.major;
}

/** semver.MajorMinor: `vMAJOR.MINOR` ('v2.1' for 'v2.1.0', 'v2.0' for 'v2'); '' when invalid. */
export function majorMinor(v: string): string {
  const p = parse(v);
  return p === undefined ? '' : `v${p.major}.${p.minor}`;
}

/** semver.Prerelease: the prerelease suffix with its `-` ('-rc.1'); '' when none or invalid. */
export function prerelease(v: string): string {
  return parse(v)?.prerelease ?? '';
}

/** semver.Build: the build suffix with its `+` ('+meta'); '' when none or invalid. */
export function build(v: string): string {
  return parse(v)?.build ?? '';
}

/** The decimal major without `v` ('2' for 'v2.1.0'); '' when v is invalid. Compare two of these
 * with `compareDecimal`, never as JS numbers or plain strings. */
export function majorDigits(v: string): string {
  return parse(v)?.major ?? '';
}

/** Compares two unsigned decimal digit strings of any length by value: a longer string (no
 * leading zeros assumed) is larger, equal lengths compare lexically, as semver's compareInt does. */
export function compareDecimal(a: string, b: string): -1 | 0 | 1 {
  if (a === b) return 0;
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  return a < b ? -1 : 1;
}

// Go's comparePrerelease: no prerelease ranks above any prerelease; identifiers compare one by one,
// numeric ones by value and below alphanumeric ones, alphanumeric ones in ASCII order; a longer list
// wins when one is a prefix of the other.
function comparePrerelease(x: string, y: string): -1 | 0 | 1 {
  if (x === y) return 0;
  if (x === '') return 1;
  if (y === '') return -1;
  const xs = x.slice(1).split('.');
  const ys = y.slice(1).split('.');
  for (let i = 0; i < Math.min(xs.length, ys.length); i++) {
    const c = compareIdentifier(xs[i], ys[i]);
    if (c !== 0) return c;
  }
  return xs.length === ys.length ? 0 : xs.length < ys.length ? -1 : 1;
}

function compareIdentifier(a: string, b: string): -1 | 0 | 1 {
  const aNum = /^[0-9]+$/.test(a);
  const bNum = /^[0-9]+$/.test(b);
  if (aNum && bNum) return compareDecimal(a, b);
  if (aNum !== bNum) return aNum ? -1 : 1;
  return a === b ? 0 : a < b ? -1 : 1;
}

function compareExact(p: Parsed, q: Parsed): -1 | 0 | 1 {
  return (
    compareDecimal(p.major, q.major) ||
    compareDecimal(p.minor, q.minor) ||
    compareDecimal(p.patch, q.patch) ||
    comparePrerelease(p.prerelease, q.prerelease)
  );
}

// npm semver is exact only below 2^53 (it rejects larger main numbers and compares larger numeric
// prerelease identifiers as floats) and for strings of at most 256 characters. 15 digits stay below
// 2^53, so a version whose every digit run is that short lies inside npm's domain.
const NPM_MAX_LENGTH = 256;
const LONG_DIGIT_RUN = /[0-9]{16}/;

function npmForm(p: Parsed): string | undefined {
  const s = `${p.major}.${p.minor}.${p.patch}${p.prerelease}`;
  return s.length <= NPM_MAX_LENGTH && !LONG_DIGIT_RUN.test(s) ? s : undefined;
}

/** semver.Compare: -1, 0 or +1 as a sorts before, with or after b. Build metadata is ignored,
 * shorthands equal their canonical form ('v2' == 'v2.0.0'), numbers compare by value at any size,
 * every invalid version is below every valid one and all invalid versions are equal. */
export function compare(a: string, b: string): -1 | 0 | 1 {
  const p = parse(a);
  const q = parse(b);
  if (p === undefined || q === undefined) return p === q ? 0 : p === undefined ? -1 : 1;
  const x = npmForm(p);
  const y = npmForm(q);
  if (x !== undefined && y !== undefined) return semver.compare(x, y);
  return compareExact(p, q);
}

/** semver.Sort as a copy: ascending by `compare`, versions that compare equal ordered by plain
 * string (byte) order, so the result does not depend on the input order. */
export function sortVersions(list: readonly string[]): string[] {
  return [...list].sort((a, b) => compare(a, b) || compareGoStrings(a, b));
}

// ---------------------------------------------------------------------------------------------
// golang.org/x/mod/module: versions

/** module.CanonicalVersion: `canonical(v)`, but a `+incompatible` build suffix is kept. */
export function canonicalModuleVersion(v: string): string {
  const c = canonical(v);
  return build(v) === '+incompatible' ? c + '+incompatible' : c;
}

const PSEUDO_RE =
  /^v[0-9]+\.(0\.0-|\d+\.\d+-([^+]*\.)?0\.)\d{14}-[A-Za-z0-9]+(\+[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$/;

/** Reports whether v is a pseudo-version (module.IsPseudoVersion): a valid version with at least
 * two `-` of the form `vX.0.0-TIME-REV`, `vX.Y.Z-0.TIME-REV` or `vX.Y.Z-PRE.0.TIME-REV`, where TIME
 * is 14 digits and REV is `[A-Za-z0-9]+`, optionally followed by build metadata. */
export function isPseudoVersion(v: string): boolean {
  return countChar(v, '-') >= 2 && isValid(v) && PSEUDO_RE.test(v);
}

function countChar(s: string, ch: string): number {
  return s.split(ch).length - 1;
}

/** Reports whether the go command accepts v as a release tag: exactly canonical (`v ===
 * canonical(v)`, so no shorthand, no build metadata, not even `+incompatible`) and not a
 * pseudo-version (coderepo.go ignores tags that look like one). Prereleases are release tags. */
export function isReleaseVersion(v: string): boolean {
  return v !== '' && v === canonical(v) && !isPseudoVersion(v);
}

/** Why v is not a release tag, in plain English with the fix when one can be derived
 * ('it is a shorthand: write v2.0.0'); undefined when `isReleaseVersion(v)`. The first defect in
 * this order is named: white space, pseudo-version, `+incompatible`, other build metadata,
 * shorthand, upper-case `V`, missing `v`, leading zero, anything else. */
export function releaseVersionProblem(v: string): string | undefined {
  if (isReleaseVersion(v)) return undefined;
  const reason = firstReleaseDefect(v);
  const fix = suggestRelease(v);
  return fix === undefined ? reason : `${reason}: write ${fix}`;
}

function firstReleaseDefect(v: string): string {
  if (/\s/.test(v)) return 'it contains white space';
  if (isPseudoVersion(v)) return 'it is a pseudo-version';
  const p = parse(v);
  if (p !== undefined) {
    if (p.build === '+incompatible') return '+incompatible is never part of a tag';
    if (p.build !== '') return `build metadata (${p.build}) is not allowed in a release tag`;
    return 'it is a shorthand';
  }
  if (v.startsWith('V')) return 'it has an upper-case "V"';
  if (/^[0-9]/.test(v)) return 'it has no leading "v"';
  if (stripLeadingZeros(v) !== v) return 'a leading zero is not allowed';
  return 'it is not a semantic version';
}

// The release tag the author most likely meant: trimmed, `v` in front and in lower case, leading
// zeros removed, shorthand filled in, build metadata dropped. Pseudo-versions get no suggestion.
function suggestRelease(v: string): string | undefined {
  if (isPseudoVersion(v)) return undefined;
  let s = v.trim();
  if (/^V?[0-9]/.test(s)) s = 'v' + s.replace(/^V/, '');
  const fixed = canonical(stripLeadingZeros(s));
  return fixed !== '' && isReleaseVersion(fixed) ? fixed : undefined;
}

// Drops leading zeros from the numbers of the main version and from numeric prerelease identifiers.
function stripLeadingZeros(v: string): string {
  const plus = v.indexOf('+');
  const head = plus < 0 ? v : v.slice(0, plus);
  const tail = plus < 0 ? '' : v.slice(plus);
  const dash = head.indexOf('-');
  const main = dash < 0 ? head : head.slice(0, dash);
  const pre = dash < 0 ? '' : head.slice(dash);
  const trim = (id: string) => (/^[0-9]+$/.test(id) ? id.replace(/^0+(?=.)/, '') : id);
  const fixedMain = main.replace(/[0-9]+/g, trim);
  const fixedPre = pre === '' ? '' : '-' + pre.slice(1).split('.').map(trim).join('.');
  return fixedMain + fixedPre + tail;
}

// ---------------------------------------------------------------------------------------------
// golang.org/x/mod/module: pseudo-versions

/** module.PseudoVersion: the pseudo-version for a commit at time t with revision rev (usually a
 * 12-character hash prefix). With no valid `older` tag: `MAJOR.0.0-TIME-REV` (major '' means v0).
 * With `older` vX.Y.Z: `vX.Y.(Z+1)-0.TIME-REV`; with `older` vX.Y.Z-PRE: `vX.Y.Z-PRE.0.TIME-REV`;
 * older's build metadata (such as `+incompatible`) is appended in both. TIME is t in UTC as
 * yyyymmddhhmmss. Go cannot represent an invalid time, so an invalid Date throws a RangeError. */
export function pseudoVersion(major: string, older: string, t: Date, rev: string): string {
  const segment = `${formatTimestamp(t)}-${rev}`;
  const olderBuild = build(older);
  const base = canonical(older);
  if (base === '') return `${major === '' ? 'v0' : major}.0.0-${segment}`;
  if (prerelease(base) !== '') return `${base}.0.${segment}${olderBuild}`;
  const dot = base.lastIndexOf('.') + 1;
  return `${base.slice(0, dot)}${incDecimal(base.slice(dot))}-0.${segment}${olderBuild}`;
}

// Go's "20060102150405" layout in UTC; years outside 0..9999 print as Go prints them.
function formatTimestamp(t: Date): string {
  if (Number.isNaN(t.getTime())) throw new RangeError('pseudoVersion: invalid Date');
  const year = t.getUTCFullYear();
  const two = (n: number) => String(n).padStart(2, '0');
  return (
    (year < 0 ? '-' : '') +
    String(Math.abs(year)).padStart(4, '0') +
    two(t.getUTCMonth() + 1) +
    two(t.getUTCDate()) +
    two(t.getUTCHours()) +
    two(t.getUTCMinutes()) +
    two(t.getUTCSeconds())
  );
}

/** incDecimal of pseudo.go: the decimal digit string plus one, at any length ('99' -> '100').
 * Like Go it does no validation; '' (where Go would panic) is treated as zero. */
export function incDecimal(s: string): string {
  let i = s.length - 1;
  while (i >= 0 && s[i] === '9') i--;
  const zeros = '0'.repeat(s.length - 1 - i);
  if (i < 0) return '1' + zeros;
  return s.slice(0, i) + String.fromCharCode(s.charCodeAt(i) + 1) + zeros;
}

/** decDecimal of pseudo.go: the decimal digit string minus one, without the leading zero a
 * borrow would leave ('100' -> '99'); '' when s is all zeros or empty. No validation, as in Go. */
export function decDecimal(s: string): string {
  let i = s.length - 1;
  while (i >= 0 && s[i] === '0') i--;
  if (i < 0) return '';
  const nines = '9'.repeat(s.length - 1 - i);
  if (i === 0 && s[0] === '1' && s.length > 1) return nines;
  return s.slice(0, i) + String.fromCharCode(s.charCodeAt(i) - 1) + nines;
}

interface PseudoParts {
  /** 'vX.0.0', 'vX.Y.(Z+1)-0' or 'vX.Y.Z-PRE.0' */
  base: string;
  timestamp: string;
  rev: string;
  build: string;
}

function invalidPseudo(v: string, reason: string): { ok: false; error: string } {
  return { ok: false, error: `pseudo-version ${goQuote(v)} invalid: ${reason}` };
}

// parsePseudoVersion of pseudo.go: the revision follows the last '-'; the timestamp follows the
// last '.' when that comes after the remaining last '-', otherwise that '-'.
function parsePseudo(v: string): GoResult<PseudoParts> {
  if (!isPseudoVersion(v)) return invalidPseudo(v, 'syntax error');
  const buildSuffix = build(v);
  const rest = v.slice(0, v.length - buildSuffix.length);
  const j = rest.lastIndexOf('-');
  const head = rest.slice(0, j);
  const i = head.lastIndexOf('-');
  const dot = head.lastIndexOf('.');
  const cut = dot > i ? dot : i;
  return {
    ok: true,
    value: {
      base: head.slice(0, cut),
      timestamp: head.slice(cut + 1),
      rev: rest.slice(j + 1),
      build: buildSuffix
    }
  };
}

/** module.PseudoVersionBase: the canonical tag the pseudo-version v builds on, with v's build
 * metadata: '' for `vX.0.0-TIME-REV`, vX.Y.Z for `vX.Y.(Z+1)-0.TIME-REV`, vX.Y.Z-PRE for
 * `vX.Y.Z-PRE.0.TIME-REV`. Errors (x/mod's texts): not a pseudo-version (`syntax error`), a
 * `vX.0.0-TIME-REV` form with build metadata, and a `-0.` form whose patch is 0. */
export function pseudoVersionBase(v: string): GoResult<string> {
  const parsed = parsePseudo(v);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  const { base, build: meta } = parsed.value;
  const pre = prerelease(base);
  if (pre === '') {
    // "vX.0.0-" says there was no tag before, "+incompatible" that there was one: contradictory.
    if (meta !== '') return invalidPseudo(v, `lacks base version, but has build metadata ${goQuote(meta)}`);
    return { ok: true, value: '' };
  }
  if (pre === '-0') {
    const release = base.slice(0, base.length - pre.length);
    const dot = release.lastIndexOf('.');
    const patch = decDecimal(release.slice(dot + 1));
    if (patch === '') return invalidPseudo(v, `version before ${release} would have negative patch number`);
    return { ok: true, value: release.slice(0, dot + 1) + patch + meta };
  }
  return { ok: true, value: base.slice(0, -'.0'.length) + meta };
}

/** module.PseudoVersionTime: the commit time encoded in the pseudo-version v (UTC). Errors:
 * `syntax error` when v is not a pseudo-version, `malformed time "…"` when the 14 digits are not a
 * valid yyyymmddhhmmss time (month 01-12, a day that exists in that month, hour < 24, minute and
 * second < 60). */
export function pseudoVersionTime(v: string): GoResult<Date> {
  const parsed = parsePseudo(v);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  const ts = parsed.value.timestamp;
  const time = parseTimestamp(ts);
  return time === undefined ? invalidPseudo(v, `malformed time ${goQuote(ts)}`) : { ok: true, value: time };
}

function parseTimestamp(ts: string): Date | undefined {
  const field = (from: number, to: number) => Number(ts.slice(from, to));
  const [month, day, hour, minute, second] = [
    field(4, 6),
    field(6, 8),
    field(8, 10),
    field(10, 12),
    field(12, 14)
  ];
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return undefined;
  const t = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not map years 0..99 to 19xx.
  t.setUTCFullYear(field(0, 4), month - 1, day);
  t.setUTCHours(hour, minute, second, 0);
  // A day that the month lacks (or day 00) rolls over into another month.
  return t.getUTCMonth() === month - 1 && t.getUTCDate() === day ? t : undefined;
}

/** module.PseudoVersionRev: the revision identifier of the pseudo-version v (the part after the
 * last `-`, build metadata removed); `syntax error` when v is not a pseudo-version. */
export function pseudoVersionRev(v: string): GoResult<string> {
  const parsed = parsePseudo(v);
  return parsed.ok ? { ok: true, value: parsed.value.rev } : { ok: false, error: parsed.error };
}

// Type texts as comparison keys: two texts denote the same type when their keys are equal (spacing,
// type parameter names and `interface{}` do not count); constant values, channels, and the basic
// types a defined type may widen to (apidiff's compatibleBasics).
import type { TypeParam } from './model.js';

// ---------------------------------------------------------------------------------------------
// Type text: comparison keys

export const IDENT = String.raw`[\p{L}_][\p{L}\p{N}_]*`;
// An identifier that is not a selector's right-hand side (`Node` in `yaml.Node`).
const LOCAL_IDENT = new RegExp(String.raw`(?<![\p{L}\p{N}_.])${IDENT}`, 'gu');
// A qualified identifier: `yaml.Node` (the qualifier not itself preceded by a dot or letter).
export const QUALIFIED = new RegExp(String.raw`(?<![\p{L}\p{N}_.])(${IDENT})\.(${IDENT})`, 'gu');

const PREDECLARED_ALIASES: Record<string, string> = { 'interface{}': 'any', byte: 'uint8', rune: 'int32' };
const PREDECLARED_ALIAS = /(?:(?<![\p{L}\p{N}_.])|(?<=\.\.\.))(?:interface\{\}|byte|rune)(?![\p{L}\p{N}_])/gu;

/** Type parameter names renamed to their positions, so that renaming a type parameter is no change. */
export type Renaming = ReadonlyMap<string, string>;

export function renamingOf(params: readonly TypeParam[]): Renaming {
  return new Map(params.map((p, i) => [p.name, `#${i}`]));
}

/** The text with insignificant spacing removed, type parameters renamed and the predeclared
 * aliases read as what they stand for (`interface{}` as `any`, `byte` as `uint8`): two type texts denote the same type when their keys are equal. */
export function key(text: string, renaming: Renaming = new Map()): string {
  let s = text.replace(/\s+/g, ' ').trim();
  // A space only matters between two word characters (`chan int`, `func() error`).
  s = s.replace(/ (?=[^\p{L}\p{N}_])|(?<=[^\p{L}\p{N}_]) /gu, '');
  // Aliases are identical types: `interface{}` is `any`, `byte` is `uint8`, `rune` is `int32`, in a
  // variadic parameter (`...any`) too. A selector's right-hand side (`pkg.byte`) is not one.
  s = s.replace(PREDECLARED_ALIAS, id => PREDECLARED_ALIASES[id]);
  if (renaming.size > 0) s = s.replace(LOCAL_IDENT, id => renaming.get(id) ?? id);
  return s;
}

export function typeParamsText(params: readonly TypeParam[]): string {
  return params.length === 0 ? 'none' : `[${params.map(p => `${p.name} ${p.constraint}`).join(', ')}]`;
}

export function sameTypeParams(a: readonly TypeParam[], b: readonly TypeParam[]): boolean {
  if (a.length !== b.length) return false;
  const ra = renamingOf(a);
  const rb = renamingOf(b);
  return a.every((p, i) => key(p.constraint, ra) === key(b[i].constraint, rb));
}

// A Go integer literal, optionally negated: compared by value (0x10 == 16 == 0o20 == 1_6).
const INT_LITERAL = /^-?(?:0[xX][0-9a-fA-F_]+|0[oO]?[0-7_]+|0[bB][01_]+|[1-9][0-9_]*|0)$/;

export function constantKey(value: string): string {
  const k = key(value);
  if (!INT_LITERAL.test(k)) return k;
  const negative = k.startsWith('-');
  let digits = (negative ? k.slice(1) : k).replace(/_/g, '');
  if (/^0[0-7]+$/.test(digits)) digits = '0o' + digits.slice(1);
  else if (/^0[oO]/.test(digits)) digits = '0o' + digits.slice(2);
  try {
    const n = BigInt(digits);
    return String(negative ? -n : n);
  } catch {
    return k;
  }
}

// An untyped constant's literal: its default type is fixed by the literal, so `const X = 1` really is
// untyped. Anything else (`5 * time.Second`) may carry a type the source text does not show.
export function isPlainLiteral(value: string | undefined): boolean {
  if (value === undefined) return false;
  const v = value.trim();
  return (
    INT_LITERAL.test(key(v)) ||
    /^-?[0-9][0-9_]*\.?[0-9_]*(?:[eE][+-]?[0-9_]+)?i?$/.test(v) ||
    /^"(?:[^"\\]|\\.)*"$/.test(v) ||
    /^`[^`]*`$/.test(v) ||
    /^'(?:[^'\\]|\\.+)'$/.test(v) ||
    v === 'true' ||
    v === 'false'
  );
}

// ---------------------------------------------------------------------------------------------
// Channels and basic types

interface ChanType {
  dir: 'both' | 'send' | 'recv';
  elem: string;
}

export function parseChan(text: string): ChanType | undefined {
  const t = text.trim();
  let m = /^<-\s*chan\b\s*(.+)$/s.exec(t);
  if (m) return { dir: 'recv', elem: m[1] };
  // `chan <-chan T` is `chan<- (chan T)`: the arrow binds to the leftmost chan.
  m = /^chan\s*<-\s*(.+)$/s.exec(t);
  if (m) return { dir: 'send', elem: m[1] };
  m = /^chan\b\s*(.+)$/s.exec(t);
  if (m) return { dir: 'both', elem: m[1] };
  return undefined;
}

// Widening a defined type's basic underlying type is compatible (apidiff's compatibleBasics): every
// old value still fits. Each list is ordered from narrow to wide.
const WIDENINGS: readonly (readonly string[])[] = [
  ['uint8', 'uint16', 'uint32', 'uint', 'uint64'],
  ['int8', 'int16', 'int32', 'int', 'int64'],
  ['float32', 'float64'],
  ['complex64', 'complex128']
];
const BASIC_ALIASES: Record<string, string> = { byte: 'uint8', rune: 'int32' };

export function isBasicWidening(from: string, to: string): boolean {
  const a = BASIC_ALIASES[from] ?? from;
  const b = BASIC_ALIASES[to] ?? to;
  return WIDENINGS.some(list => list.includes(a) && list.includes(b) && list.indexOf(a) < list.indexOf(b));
}

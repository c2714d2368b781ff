// Comparability of a type as the source shows it (yes, no, or unknown): removing it from a struct
// is breaking, since `==` and map keys stop compiling. Also the names a comparison must be given
// for it to decide.

import { IDENT, key, renamingOf, type Renaming } from './diff-keys.js';
import type { ApiObject, PackageApi, Underlying } from './model.js';

// ---------------------------------------------------------------------------------------------
// Comparability (removing it from a struct is breaking: `==` and map keys stop compiling)

type Tri = 'yes' | 'no' | 'unknown';

const COMPARABLE_BASICS = new Set([
  'bool',
  'string',
  'int',
  'int8',
  'int16',
  'int32',
  'int64',
  'uint',
  'uint8',
  'uint16',
  'uint32',
  'uint64',
  'uintptr',
  'float32',
  'float64',
  'complex64',
  'complex128',
  'byte',
  'rune',
  'error',
  'any',
  'time.Time',
  'time.Duration',
  'time.Month',
  'time.Weekday',
  'unsafe.Pointer'
]);

function comparability(text: string, pkg: PackageApi, typeParams: Renaming, seen: Set<string>): Tri {
  const t = key(text);
  if (t.startsWith('[]') || t.startsWith('map[') || /^func\b/.test(t)) return 'no';
  if (t.startsWith('*') || /^(?:<-)?chan\b/.test(t) || t.startsWith('interface{')) return 'yes';
  if (COMPARABLE_BASICS.has(t)) return 'yes';
  const array = /^\[[^\]]+\](.+)$/s.exec(t);
  if (array) return comparability(array[1], pkg, typeParams, seen);
  if (!new RegExp(`^${IDENT}$`, 'u').test(t) || typeParams.has(t) || seen.has(t)) return 'unknown';
  const obj = pkg.objects.get(t);
  if (obj?.kind !== 'type') return 'unknown';
  const inner = new Set(seen).add(t);
  if (obj.alias) return comparability(obj.text, pkg, renamingOf(obj.typeParams), inner);
  return underlyingComparability(obj.underlying, pkg, renamingOf(obj.typeParams), inner);
}

/**
 * The names of the package's types that comparing type `obj` may look up in the package (through
 * comparability): a comparison given only some of a package's objects must be given these too.
 */
export function consultedTypeNames(obj: ApiObject): string[] {
  if (obj.kind !== 'type') return [];
  const u = obj.underlying;
  const texts = obj.alias
    ? [obj.text]
    : u.kind === 'struct'
      ? [...u.fields.map(f => f.type), ...(u.unexportedFieldTypes ?? [])]
      : u.kind === 'other'
        ? [u.text]
        : [];
  const names: string[] = [];
  for (const text of texts) {
    let t = key(text);
    for (let array = /^\[[^\]]+\](.+)$/s.exec(t); array; array = /^\[[^\]]+\](.+)$/s.exec(t)) t = array[1];
    if (new RegExp(`^${IDENT}$`, 'u').test(t)) names.push(t);
  }
  return names;
}

export function underlyingComparability(
  u: Underlying,
  pkg: PackageApi,
  typeParams: Renaming,
  seen: Set<string>
): Tri {
  if (u.kind === 'interface') return 'yes';
  if (u.kind === 'other') return comparability(u.text, pkg, typeParams, seen);
  // Unexported fields count as well: a map or func among them makes the struct not comparable.
  const hidden = u.unexportedFieldTypes;
  let result: Tri = u.hasUnexportedFields && !hidden ? 'unknown' : 'yes';
  for (const type of [...u.fields.map(f => f.type), ...(hidden ?? [])]) {
    const c = comparability(type, pkg, typeParams, seen);
    if (c === 'no') return 'no';
    if (c === 'unknown') result = 'unknown';
  }
  return result;
}

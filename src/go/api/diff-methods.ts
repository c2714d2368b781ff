// Method sets: which types own one, the methods a type has with the promoted ones, and the two
// changes that read them: methods added, removed or changed, and apidiff's `no longer implements`.

import { key, type Renaming } from './diff-keys.js';
import { byName, Differ, sortedNames, subjectOf, withPromoted } from './diff-state.js';
import type { ApiObject, Method, PackageApi, Underlying } from './model.js';

type TypeObject = Extract<ApiObject, { kind: 'type' }>;
type InterfaceObject = TypeObject & { underlying: Extract<Underlying, { kind: 'interface' }> };

/** A non-generic defined type that is not an interface: one whose method set can implement interfaces. */
function isMethodSetOwner(o: ApiObject | undefined): o is TypeObject {
  return o?.kind === 'type' && !o.alias && o.typeParams.length === 0 && o.underlying.kind !== 'interface';
}

/** An interface whose every method the source shows, with at least one method. */
function isCheckableInterface(o: ApiObject | undefined): o is InterfaceObject {
  return (
    o?.kind === 'type' &&
    !o.alias &&
    o.typeParams.length === 0 &&
    o.underlying.kind === 'interface' &&
    !o.underlying.typeSet &&
    !o.underlying.hasUnexportedMethods &&
    o.underlying.embeds.length === 0 &&
    o.underlying.methods.length > 0
  );
}

function methodSetKey(methods: readonly Method[]): string {
  return methods
    .map(m => `${m.name} ${key(m.signature)}`)
    .sort()
    .join('\n');
}

/** Every method of a type, its own and promoted, by name. */
function methodSetOf(t: TypeObject): Map<string, Method> {
  return byName(withPromoted(t.methods, t.promoted?.methods));
}

/** Whether a method set (of the pointer type, with `pointer`) holds every method given. */
function implementsWith(
  set: ReadonlyMap<string, Method>,
  wanted: readonly Method[],
  pointer: boolean
): boolean {
  return wanted.every(w => {
    const m = set.get(w.name);
    return m !== undefined && (pointer || !m.pointer) && key(m.signature) === key(w.signature);
  });
}

/**
 * Whether two versions of a type could differ in which of the package's interfaces they implement
 * (compareImplementations): both have method sets, and these differ in a method, its signature or
 * its receiver. When no type's does, the package's interfaces need not be given to the comparison.
 */
export function methodSetsDiffer(old: ApiObject, now: ApiObject): boolean {
  if (!isMethodSetOwner(old) || !isMethodSetOwner(now)) return false;
  const keyOf = (t: TypeObject) =>
    [...methodSetOf(t).values()]
      .map(m => `${m.name} ${key(m.signature)}${m.pointer ? ' *' : ''}`)
      .sort()
      .join('\n');
  return keyOf(old) !== keyOf(now);
}

/**
 * apidiff's `no longer implements`: a type of the package whose method set (or its pointer's) held
 * every method of an interface of the package no longer does, while the interface is unchanged (a
 * changed interface is reported itself). Interfaces whose whole method set the source does not show
 * (embedded interfaces of other modules, unexported methods) are left out.
 */
export function compareImplementations(d: Differ, dir: string, oldPkg: PackageApi, newPkg: PackageApi): void {
  const interfaces = [...oldPkg.objects.values()].filter(isCheckableInterface);
  if (interfaces.length === 0) return;
  for (const old of oldPkg.objects.values()) {
    const now = newPkg.objects.get(old.name);
    if (!isMethodSetOwner(old) || !isMethodSetOwner(now)) continue;
    // Each type's method set is built once, not once per interface.
    const o = methodSetOf(old);
    const n = methodSetOf(now);
    for (const oi of interfaces) {
      const ni = newPkg.objects.get(oi.name);
      if (
        !isCheckableInterface(ni) ||
        methodSetKey(oi.underlying.methods) !== methodSetKey(ni.underlying.methods)
      )
        continue;
      const wanted = oi.underlying.methods;
      const holder = implementsWith(o, wanted, false)
        ? old.name
        : implementsWith(o, wanted, true)
          ? `*${old.name}`
          : undefined;
      if (holder === undefined || implementsWith(n, wanted, holder.startsWith('*'))) continue;
      d.add(
        'breaking',
        subjectOf(dir, old.name),
        `${holder} no longer implements ${oi.name}`,
        now.pos,
        'new'
      );
    }
  }
}

export function compareMethods(
  d: Differ,
  dir: string,
  typeName: string,
  oldMethods: readonly Method[],
  newMethods: readonly Method[],
  ro: Renaming,
  rn: Renaming
): void {
  const om = byName(oldMethods, true);
  const nm = byName(newMethods, true);
  for (const name of sortedNames(om, nm)) {
    const a = om.get(name);
    const b = nm.get(name);
    const subject = subjectOf(dir, typeName, name);
    const what = (m: Method) => `method ${typeName}.${name}${m.via ? ` (promoted through ${m.via})` : ''}`;
    if (b === undefined) {
      if (a) d.add('breaking', subject, `${what(a)} removed`, a.pos, 'old');
    } else if (a === undefined) {
      d.add('compatible', subject, `${what(b)} added`, b.pos, 'new');
    } else if (!d.sameType(a.signature, b.signature, ro, rn)) {
      d.add('breaking', subject, `${what(b)} changed from ${a.signature} to ${b.signature}`, b.pos, 'new');
    } else if (!a.pointer && b.pointer) {
      // Values of the type lose the method: calls on values and interface satisfaction break.
      const msg = `${what(b)} moved to a pointer receiver: a ${typeName} value no longer has it, only *${typeName} does`;
      d.add('breaking', subject, msg, b.pos, 'new');
    } else if (a.pointer && !b.pointer) {
      d.add(
        'compatible',
        subject,
        `${what(b)} is now in the method set of ${typeName} values too`,
        b.pos,
        'new'
      );
    }
  }
}

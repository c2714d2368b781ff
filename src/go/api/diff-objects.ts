// Changes to one declaration, per kind: constants (type and value), variables (type), functions
// (signature, type parameters) and types (kind, underlying type, type parameters), then the
// comparison of struct, interface or other underlying types and of method sets.

import { compareInterfaces } from './diff-interfaces.js';
import {
  constantKey,
  isBasicWidening,
  isPlainLiteral,
  key,
  parseChan,
  renamingOf,
  sameTypeParams,
  typeParamsText,
  type Renaming
} from './diff-keys.js';
import { compareMethods } from './diff-methods.js';
import { compareStructs } from './diff-structs.js';
import { Differ, subjectOf, withPromoted } from './diff-state.js';
import type { ApiObject, ApiPosition, PackageApi } from './model.js';

export function compareObjects(
  d: Differ,
  dir: string,
  o: ApiObject,
  n: ApiObject,
  oldPkg: PackageApi,
  newPkg: PackageApi
): void {
  const subject = subjectOf(dir, o.name);
  const name = o.name;
  if (o.kind === 'const' && n.kind === 'const') return compareConsts(d, subject, o, n);
  if (o.kind === 'var' && n.kind === 'var')
    return compareVarTypes(d, subject, `var ${name}`, o.type, n.type, n.pos);
  if (o.kind === 'func' && n.kind === 'func') {
    if (!sameTypeParams(o.typeParams, n.typeParams)) {
      const msg = `func ${name} changed type parameters from ${typeParamsText(o.typeParams)} to ${typeParamsText(n.typeParams)}`;
      d.add('breaking', subject, msg, n.pos, 'new');
    }
    if (!d.sameType(o.signature, n.signature, renamingOf(o.typeParams), renamingOf(n.typeParams))) {
      d.add('breaking', subject, `func ${name} changed from ${o.signature} to ${n.signature}`, n.pos, 'new');
    }
    return;
  }
  if (o.kind === 'type' && n.kind === 'type') return compareTypes(d, dir, o, n, oldPkg, newPkg);
  if (o.kind === 'func' && n.kind === 'var') {
    // Calls still compile: apidiff counts turning a func into a var of the same type as compatible.
    d.add('compatible', subject, `${name} changed from func to var`, n.pos, 'new');
    if (o.typeParams.length > 0) {
      const msg = `${name} changed from a generic func ${typeParamsText(o.typeParams)} to a var, which cannot be instantiated`;
      d.add('breaking', subject, msg, n.pos, 'new');
      return;
    }
    return compareVarTypes(d, subject, `var ${name}`, o.signature, n.type, n.pos);
  }
  d.add('breaking', subject, `${name} changed from ${o.kind} to ${n.kind}`, n.pos, 'new');
}

function compareConsts(
  d: Differ,
  subject: string,
  o: Extract<ApiObject, { kind: 'const' }>,
  n: Extract<ApiObject, { kind: 'const' }>
): void {
  const what = `const ${o.name}`;
  if (o.type !== undefined && n.type !== undefined) {
    if (!d.sameType(o.type, n.type)) {
      d.add('breaking', subject, `${what} changed from ${o.type} to ${n.type}`, n.pos, 'new');
      return;
    }
  } else if (o.type !== undefined || n.type !== undefined) {
    // One side has no written type: a plain literal makes it an untyped constant (a real type
    // change); an expression may well have the same type as the other side.
    const untyped = o.type === undefined ? o : n;
    const from = o.type ?? `untyped ${o.value ?? 'constant'}`;
    const to = n.type ?? `untyped ${n.value ?? 'constant'}`;
    if (isPlainLiteral(untyped.value)) {
      d.add('breaking', subject, `${what} changed from ${from} to ${to}`, n.pos, 'new');
    } else {
      const msg = `${what} changed from ${o.type ?? `a type inferred from ${o.value ?? 'its value'}`} to ${n.type ?? `a type inferred from ${n.value ?? 'its value'}`}`;
      d.add('possibly-breaking', subject, msg, n.pos, 'new');
    }
    return;
  }
  if (o.value !== undefined && n.value !== undefined && constantKey(o.value) !== constantKey(n.value)) {
    d.add('breaking', subject, `${what} value changed from ${o.value} to ${n.value}`, n.pos, 'new', {
      values: { old: o.value, new: n.value }
    });
  }
}

function compareVarTypes(
  d: Differ,
  subject: string,
  what: string,
  oldType: string | undefined,
  newType: string | undefined,
  pos: ApiPosition
): void {
  if (oldType !== undefined && newType !== undefined) {
    if (!d.sameType(oldType, newType))
      d.add('breaking', subject, `${what} changed from ${oldType} to ${newType}`, pos, 'new');
  } else if (oldType !== undefined || newType !== undefined) {
    const msg = `${what} changed from ${oldType ?? 'a type inferred from its value'} to ${newType ?? 'a type inferred from its value'}`;
    d.add('possibly-breaking', subject, msg, pos, 'new');
  }
  // Both inferred: nothing in the source says the type changed.
}

function compareTypes(
  d: Differ,
  dir: string,
  o: Extract<ApiObject, { kind: 'type' }>,
  n: Extract<ApiObject, { kind: 'type' }>,
  oldPkg: PackageApi,
  newPkg: PackageApi
): void {
  const subject = subjectOf(dir, o.name);
  const what = `type ${o.name}`;
  if (o.alias !== n.alias) {
    const describe = (t: typeof o) => (t.alias ? `an alias of ${t.text}` : `a defined type (${t.text})`);
    d.add('breaking', subject, `${what} changed from ${describe(o)} to ${describe(n)}`, n.pos, 'new');
    return;
  }
  if (!sameTypeParams(o.typeParams, n.typeParams)) {
    const msg = `${what} changed type parameters from ${typeParamsText(o.typeParams)} to ${typeParamsText(n.typeParams)}`;
    d.add('breaking', subject, msg, n.pos, 'new');
  }
  const ro = renamingOf(o.typeParams);
  const rn = renamingOf(n.typeParams);
  if (o.alias) {
    if (!d.sameType(o.text, n.text, ro, rn)) {
      d.add('breaking', subject, `${what} changed from = ${o.text} to = ${n.text}`, n.pos, 'new');
    }
    return;
  }
  const ou = o.underlying;
  const nu = n.underlying;
  if (ou.kind !== nu.kind) {
    const describe = (t: typeof o) => (t.underlying.kind === 'other' ? t.underlying.text : t.underlying.kind);
    d.add('breaking', subject, `${what} changed from ${describe(o)} to ${describe(n)}`, n.pos, 'new');
    return; // apidiff does not compare the method sets of types of different kinds
  }
  if (ou.kind === 'struct' && nu.kind === 'struct') {
    compareStructs(d, dir, o, n, ou, nu, oldPkg, newPkg);
  } else if (ou.kind === 'interface' && nu.kind === 'interface') {
    compareInterfaces(d, dir, o, n, ou, nu);
    return; // methods cannot be declared on an interface type
  } else if (ou.kind === 'other' && nu.kind === 'other') {
    compareOthers(d, subject, what, ou.text, nu.text, ro, rn, n.pos);
  }
  compareMethods(
    d,
    dir,
    o.name,
    withPromoted(o.methods, o.promoted?.methods),
    withPromoted(n.methods, n.promoted?.methods),
    ro,
    rn
  );
}

function compareOthers(
  d: Differ,
  subject: string,
  what: string,
  oldText: string,
  newText: string,
  ro: Renaming,
  rn: Renaming,
  pos: ApiPosition
): void {
  if (d.sameType(oldText, newText, ro, rn)) return;
  const oc = parseChan(key(oldText, ro));
  const nc = parseChan(key(newText, rn));
  if (oc && nc && oc.elem === nc.elem) {
    if (nc.dir === 'both') {
      d.add('compatible', subject, `${what} removed direction (from ${oldText} to ${newText})`, pos, 'new');
    } else {
      d.add('breaking', subject, `${what} changed direction from ${oldText} to ${newText}`, pos, 'new');
    }
    return;
  }
  if (isBasicWidening(key(oldText), key(newText))) {
    d.add('compatible', subject, `${what} changed from ${oldText} to ${newText}`, pos, 'new');
    return;
  }
  d.add('breaking', subject, `${what} changed from ${oldText} to ${newText}`, pos, 'new');
}

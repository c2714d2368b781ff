// Changes to struct types: selectable fields (own and promoted) removed, retyped or no longer
// embedded (breaking) or added (compatible), and a struct that stops being comparable.

import { underlyingComparability } from './diff-comparable.js';
import { IDENT, renamingOf } from './diff-keys.js';
import { byName, Differ, sortedNames, subjectOf, withPromoted } from './diff-state.js';
import type { ApiObject, Field, PackageApi, Underlying } from './model.js';

/** `T` or `*T`: a type of this package, whose promoted members the extractor lists. */
function isLocalTypeName(text: string): boolean {
  return new RegExp(`^\\*?${IDENT}$`, 'u').test(text);
}

export function compareStructs(
  d: Differ,
  dir: string,
  o: Extract<ApiObject, { kind: 'type' }>,
  n: Extract<ApiObject, { kind: 'type' }>,
  ou: Extract<Underlying, { kind: 'struct' }>,
  nu: Extract<Underlying, { kind: 'struct' }>,
  oldPkg: PackageApi,
  newPkg: PackageApi
): void {
  const ro = renamingOf(o.typeParams);
  const rn = renamingOf(n.typeParams);
  // Selectable fields: the struct's own, and those promoted from embedded types of the package.
  const oldFields = byName(withPromoted(ou.fields, o.promoted?.fields), true);
  const newFields = byName(withPromoted(nu.fields, n.promoted?.fields), true);
  const fieldWord = (f: Field) =>
    `${f.embedded ? 'embedded field' : 'field'}${f.via ? ` (promoted through ${f.via})` : ''}`;
  for (const name of sortedNames(oldFields, newFields)) {
    const of = oldFields.get(name);
    const nf = newFields.get(name);
    const subject = subjectOf(dir, o.name, name);
    if (nf === undefined) {
      if (of) d.add('breaking', subject, `${fieldWord(of)} ${o.name}.${name} removed`, of.pos, 'old');
    } else if (of !== undefined && !of.via && nf.via) {
      // Still selectable, no longer a key of the struct's literals (apidiff's exportedFields).
      const msg = `${fieldWord(of)} ${o.name}.${name} moved into embedded ${nf.via}: keyed literals ${o.name}{${name}: ...} no longer compile`;
      d.add('breaking', subject, msg, nf.pos, 'new');
    } else if (of === undefined) {
      d.add('compatible', subject, `${fieldWord(nf)} ${o.name}.${name} added`, nf.pos, 'new');
    } else if (!d.sameType(of.type, nf.type, ro, rn)) {
      d.add(
        'breaking',
        subject,
        `${fieldWord(of)} ${o.name}.${name} changed from ${of.type} to ${nf.type}`,
        nf.pos,
        'new'
      );
    } else if (of.embedded && !nf.embedded && !isLocalTypeName(of.type)) {
      // The fields and methods it promoted are gone. Those of a type of this package are known and
      // compared one by one (a struct that now has them itself lost nothing); another package's are not.
      const msg = `field ${o.name}.${name} is no longer embedded: the fields and methods ${of.type} promoted are gone from ${o.name}`;
      d.add('breaking', subject, msg, nf.pos, 'new');
    }
  }
  const before = underlyingComparability(ou, oldPkg, ro, new Set([o.name]));
  const after = underlyingComparability(nu, newPkg, rn, new Set([n.name]));
  const subject = subjectOf(dir, o.name);
  if (after === 'no' && before === 'yes') {
    d.add(
      'breaking',
      subject,
      `type ${o.name} is no longer comparable (old is comparable, new is not)`,
      n.pos,
      'new'
    );
  } else if (after === 'no' && before === 'unknown') {
    const msg = `type ${o.name} may no longer be comparable: a field of a non-comparable type was added or changed, and whether the old struct was comparable depends on fields the source does not show`;
    d.add('possibly-breaking', subject, msg, n.pos, 'new');
  }
}

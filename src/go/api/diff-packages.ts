// One package's changes: declarations removed, added or compared (diff-objects.ts), types that no
// longer implement an interface, and the warning for declarations that mention a dependency whose
// required version changed.

import { QUALIFIED } from './diff-keys.js';
import { compareImplementations } from './diff-methods.js';
import { compareObjects } from './diff-objects.js';
import { compareGoStrings } from '../module/version.js';
import { Differ, isExported, sortedNames, subjectOf } from './diff-state.js';
import type { ApiObject, ApiPosition, PackageApi } from './model.js';

export function comparePackages(d: Differ, oldPkg: PackageApi, newPkg: PackageApi): void {
  const dir = newPkg.dir;
  for (const name of sortedNames(oldPkg.objects, newPkg.objects)) {
    const o = oldPkg.objects.get(name);
    const n = newPkg.objects.get(name);
    if (o !== undefined && !isExported(o.name)) continue;
    if (n === undefined) {
      if (o) d.add('breaking', subjectOf(dir, name), `${o.kind} ${name} removed`, o.pos, 'old');
    } else if (o === undefined) {
      if (isExported(n.name))
        d.add('compatible', subjectOf(dir, name), `${n.kind} ${name} added`, n.pos, 'new');
    } else {
      const before = d.breakingCount();
      compareObjects(d, dir, o, n, oldPkg, newPkg);
      // A declaration already reported as breaking needs no further warning about its dependencies.
      if (d.breakingCount() === before) checkDependencies(d, dir, n);
    }
  }
  compareImplementations(d, dir, oldPkg, newPkg);
}

function checkDependencies(d: Differ, dir: string, obj: ApiObject): void {
  const deps = d.options.changedDependencies;
  if (deps === undefined || deps.size === 0) return;
  const found = new Map<string, Set<string>>(); // dependency path -> qualified names used
  for (const { text, pos } of mentionedTexts(obj)) {
    for (const m of text.matchAll(QUALIFIED)) {
      const dep = dependencyOf(d, m[1], pos, deps);
      if (dep === undefined) continue;
      const names = found.get(dep) ?? new Set<string>();
      names.add(`${m[1]}.${m[2]}`);
      found.set(dep, names);
    }
  }
  if (found.size === 0) return;
  const dependencies = [...found.keys()].sort(compareGoStrings);
  const parts = dependencies.map(
    dep => `${[...(found.get(dep) as Set<string>)].sort(compareGoStrings).join(', ')} from ${dep}`
  );
  const what = parts.join('; ');
  const plural = found.size > 1 ? 'whose required versions changed' : 'whose required version changed';
  const msg = `${obj.kind} ${obj.name} uses ${what}, ${plural}: what changed there can break users of ${obj.name}`;
  d.add('possibly-breaking', subjectOf(dir, obj.name), msg, obj.pos, 'new', { dependencies });
}

/** The changed dependency (as listed) that a qualifier refers to, if any. */
function dependencyOf(
  d: Differ,
  qualifier: string,
  pos: ApiPosition,
  deps: ReadonlySet<string>
): string | undefined {
  const imported = d.options.importPathOf?.(qualifier, pos.file);
  if (imported === null) return undefined;
  const resolved = imported ?? d.options.resolveQualifier?.(qualifier, pos, 'new');
  const sorted = [...deps].sort(compareGoStrings);
  if (resolved !== undefined) {
    if (resolved === d.modulePath || resolved.startsWith(d.modulePath + '/')) return undefined;
    return sorted.find(dep => resolved === dep || resolved.startsWith(dep + '/'));
  }
  return sorted.find(dep => assumedPackageName(dep) === qualifier);
}

/** Every type text of a declaration (and of its fields and methods) that may name another package,
 * with where it is written (a method may be declared in another file, with other imports). */
function mentionedTexts(obj: ApiObject): { text: string; pos: ApiPosition }[] {
  const at = (text: string) => ({ text, pos: obj.pos });
  switch (obj.kind) {
    case 'const':
      return [at(obj.type ?? ''), at(obj.value ?? '')];
    case 'var':
      return [at(obj.type ?? '')];
    case 'func':
      return [at(obj.signature), ...obj.typeParams.map(p => at(p.constraint))];
    case 'type': {
      const u = obj.underlying;
      const inner =
        u.kind === 'struct'
          ? u.fields.filter(f => isExported(f.name) || f.embedded).map(f => f.type)
          : u.kind === 'interface'
            ? [...u.methods.map(m => m.signature), ...u.embeds]
            : [u.text];
      return [
        at(obj.text),
        ...inner.map(at),
        ...obj.methods.filter(m => isExported(m.name)).map(m => ({ text: m.signature, pos: m.pos })),
        ...obj.typeParams.map(p => at(p.constraint))
      ];
    }
  }
}

/** goimports' guess of the package name an import path declares: the last element (the one before
 * a `/vN` suffix), without a `go-` prefix, cut at the first character that cannot be in a name
 * (`yaml` for gopkg.in/yaml.v3, `cmp` for github.com/google/go-cmp). */
export function assumedPackageName(path: string): string {
  const elems = path.split('/');
  let base = elems[elems.length - 1];
  if (/^v[0-9]+$/.test(base) && elems.length > 1) base = elems[elems.length - 2];
  base = base.replace(/^go-/, '');
  const cut = /[^\p{L}\p{N}_]/u.exec(base);
  return cut ? base.slice(0, cut.index) : base;
}

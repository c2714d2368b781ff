// The unexported types the exported API names (model.ts `unexported`), compared as apidiff does:
// a type named on both sides is compared like an exported one (`type handlerFunc` whose function
// type changed breaks `Options.Handler`), and so is one renamed that apidiff's correspondence
// matches (Differ.corresponding: `*options` in the old `func New` against `*config` in the new).
// One named on one side only is no change of its own: what names it changed, and is reported there.
import { compareObjects } from './diff-objects.js';
import type { Differ } from './diff-state.js';
import type { ApiObject, PackageApi } from './model.js';

export function compareUnexported(d: Differ, oldPkg: PackageApi, newPkg: PackageApi): void {
  const before = oldPkg.unexported;
  const after = newPkg.unexported ?? new Map<string, ApiObject>();
  if (!before) return;
  const done = new Set<string>();
  const compare = (name: string, newName: string) => {
    const o = before.get(name);
    const n = after.get(newName);
    done.add(name);
    if (o && n) compareObjects(d, newPkg.dir, o, n, oldPkg, newPkg);
  };
  for (const name of [...before.keys()].sort()) {
    if (after.has(name) && !d.corresponding.has(name)) compare(name, name);
  }
  // Renamed ones, as the comparisons matched them (each comparison may match more).
  for (let grew = true; grew;) {
    grew = false;
    for (const [name, newName] of [...d.corresponding].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      if (done.has(name)) continue;
      compare(name, newName);
      grew = true;
    }
  }
}

// The unexported types the exported API names (model.ts `unexported`), compared as apidiff does:
// a type named on both sides is compared like an exported one (`type handlerFunc` whose function
// type changed breaks `Options.Handler`). One named on one side only is no change of its own: what
// names it changed, and is reported there.
import { compareObjects } from './diff-objects.js';
import type { Differ } from './diff-state.js';
import type { PackageApi } from './model.js';

export function compareUnexported(d: Differ, oldPkg: PackageApi, newPkg: PackageApi): void {
  const before = oldPkg.unexported;
  const after = newPkg.unexported;
  if (!before || !after) return;
  for (const [name, o] of [...before].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const n = after.get(name);
    if (n) compareObjects(d, newPkg.dir, o, n, oldPkg, newPkg);
  }
}

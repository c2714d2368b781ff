// Compares two exported APIs of one module (old = the comparison point, new = the tree being gated)
// and classifies every difference the way golang.org/x/exp/apidiff does: a change is breaking when it
// can stop a client's build, compatible when it only adds. Where the source text of this module alone
// cannot decide (a dependency whose required version changed, an embedded interface from another
// package, a type inferred from an expression), the change is 'possibly-breaking': a warning, never a
// silent pass. Pure: no I/O, deterministic output.
//
// This file is the entry (compareApis); the parts: diff-packages.ts (per package), diff-objects.ts
// (per declaration kind), diff-structs.ts, diff-interfaces.ts, diff-methods.ts (method sets), with
// diff-keys.ts and diff-comparable.ts (type texts) and diff-state.ts (the changes found).

import type { ApiChange, ChangeSeverity, ModuleApi, PackageApi } from './model.js';
import { comparePackages } from './diff-packages.js';
import { mergePlatformChanges, platformPairs } from './diff-platforms.js';
import { Differ, type CompareOptions } from './diff-state.js';
import { compareUnexported } from './diff-unexported.js';
import { compareGoStrings } from '../module/version.js';

export { type CompareOptions } from './diff-state.js';
export { consultedTypeNames } from './diff-comparable.js';
export { methodSetsDiffer } from './diff-methods.js';
export { assumedPackageName } from './diff-packages.js';

/** Every change between two APIs of the same module (old = base or latest release, new = head),
 * sorted by subject. */
export function compareApis(oldApi: ModuleApi, newApi: ModuleApi, options: CompareOptions = {}): ApiChange[] {
  // Platform by platform when the APIs were computed per platform (diff-platforms.ts).
  const found = platformPairs(oldApi, newApi).map(({ platforms, old, now }) => ({
    platforms,
    changes: compareOn(old, now, options)
  }));
  return mergePlatformChanges(found).sort(
    (a, b) =>
      compareGoStrings(a.subject, b.subject) ||
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      compareGoStrings(a.message, b.message)
  );
}

/** compareApis on one platform's APIs. */
function compareOn(oldApi: ModuleApi, newApi: ModuleApi, options: CompareOptions): ApiChange[] {
  const differ = new Differ(newApi.modulePath, options);
  const oldPkgs = publicPackages(oldApi);
  const newPkgs = publicPackages(newApi);
  for (const [dir, oldPkg] of oldPkgs) {
    const newPkg = newPkgs.get(dir);
    if (newPkg === undefined) {
      differ.add('breaking', dir, `package ${importPath(oldApi.modulePath, dir)} removed`, oldPkg.pos, 'old');
    } else {
      differ.pkgs = { old: oldPkg, now: newPkg };
      differ.corresponding.clear();
      comparePackages(differ, oldPkg, newPkg);
      compareUnexported(differ, oldPkg, newPkg);
    }
  }
  for (const [dir, newPkg] of newPkgs) {
    if (!oldPkgs.has(dir)) {
      differ.add('compatible', dir, `package ${importPath(newApi.modulePath, dir)} added`, newPkg.pos, 'new');
    }
  }
  return differ.changes;
}

/** How many changes are breaking, possibly breaking, and compatible (additions). */
export function summarizeChanges(changes: readonly ApiChange[]): {
  breaking: number;
  possiblyBreaking: number;
  compatible: number;
} {
  const count = (s: ChangeSeverity) => changes.filter(c => c.severity === s).length;
  return {
    breaking: count('breaking'),
    possiblyBreaking: count('possibly-breaking'),
    compatible: count('compatible')
  };
}

const SEVERITY_ORDER: Record<ChangeSeverity, number> = { breaking: 0, 'possibly-breaking': 1, compatible: 2 };

// gorelease leaves out packages nobody outside the module can import: internal ones and commands.
function publicPackages(api: ModuleApi): Map<string, PackageApi> {
  const out = new Map<string, PackageApi>();
  for (const [dir, pkg] of api.packages) {
    if (pkg.name === 'main' || dir.split('/').includes('internal')) continue;
    out.set(dir, pkg);
  }
  return out;
}

function importPath(modulePath: string, dir: string): string {
  return dir === '.' || dir === '' ? modulePath : `${modulePath}/${dir}`;
}

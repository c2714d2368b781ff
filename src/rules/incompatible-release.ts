import { splitTag } from '../go/module/layout.js';
import { majorDigits } from '../go/module/version.js';
import { makeFinding, NO_PLACE, type Rule } from './context.js';

/**
 * A v2+ tag without a prefix, on a repository whose root has no go.mod, is served by the go command
 * as vN.x.y+incompatible of the unsuffixed path (coderepo.go), even when vN/go.mod exists.
 */
export const incompatibleRelease: Rule = {
  id: 'incompatible-release',
  severity: 'warning',
  doc: 'A v2+ tag on a root module with no go.mod: it will be served as +incompatible.',
  check(ctx) {
    // A root go.mod that cannot be read may well exist for the go command: nothing is inferred.
    if (ctx.snapshot.goMods.has('go.mod') || ctx.snapshot.unreadable.has('go.mod')) return [];
    return ctx.targets.flatMap(t => {
      if (t.mode !== 'release' || !t.tag || !t.version || t.tagProblem) return [];
      const major = majorDigits(t.version);
      if (splitTag(t.tag).prefix !== '' || major === '0' || major === '1') return [];
      const where = t.module
        ? ` (the go command does not look at ${t.module.goModFile} when it lists the repository's versions)`
        : '';
      return [
        makeFinding(
          'incompatible-release',
          'warning',
          NO_PLACE,
          `the repository root has no go.mod, so the go command will serve tag ${t.tag} as ${t.version}+incompatible of the unsuffixed path${where}; "go get" of the unsuffixed path's latest version will land on this v${major} code. Add a go.mod at the root (module path ending in /v${major}) to release it as a proper v${major} module`,
          t.module
        )
      ];
    });
  }
};

// Rules that compare a module's path with what it was: module-path-repository and module-renamed.
import { modulePath } from '../go/module/modfile.js';
import { hasPathPrefix, splitPathVersion } from '../go/module/modpath.js';
import type { Module } from '../go/module/layout.js';
import { makeFinding, moduleLinePlace, moduleTargets, type Rule, type RuleContext } from './context.js';
import type { Finding } from '../types.js';

const GITHUB = 'github.com/';

/** `owner/repo` of a github.com module path, or undefined for any other host. */
export function githubRepositoryOf(path: string): string | undefined {
  if (!path.startsWith(GITHUB)) return undefined;
  const [owner, repo] = path.slice(GITHUB.length).split('/');
  return owner && repo ? `${owner}/${repo}` : undefined;
}

/** The module paths the same go.mod declared before: at the pull request's base and at the latest release. */
function earlierPaths(ctx: RuleContext, module: Module): string[] {
  const paths: string[] = [];
  for (const source of [ctx.snapshot.baseGoMods, ctx.snapshot.releasedGoMods]) {
    const data = source?.get(module.goModFile);
    if (data) {
      const p = modulePath(data);
      if (p) paths.push(p);
    }
  }
  return paths;
}

export const modulePathRepository: Rule = {
  id: 'module-path-repository',
  severity: 'error',
  doc: 'A github.com module path names another repository than the one being released.',
  check(ctx) {
    const repository = ctx.snapshot.repository;
    if (!repository) return [];
    return moduleTargets(ctx).flatMap(({ module }): Finding[] => {
      const named = module.path === undefined ? undefined : githubRepositoryOf(module.path);
      if (!named || named === repository) return [];
      const caseOnly = named.toLowerCase() === repository.toLowerCase();
      const established = earlierPaths(ctx, module).some(p => githubRepositoryOf(p) === named);
      const suffix = (module.path as string).slice(GITHUB.length + named.length);
      const want = `${GITHUB}${repository}${suffix}`;
      const why = caseOnly
        ? 'the names differ only in letter case, and the go command compares module paths exactly'
        : established
          ? 'the path was already released this way (as after a repository rename that GitHub redirects); consumers keep working through the redirect, but the path should move to the new name at the next major'
          : "consumers who fetch this path will get the other repository's code, not this release";
      return [
        makeFinding(
          'module-path-repository',
          caseOnly || established ? 'warning' : 'error',
          moduleLinePlace(module),
          `module path "${module.path}" names repository ${named}, but this is ${repository}: ${why}; write "module ${want}"`,
          module
        )
      ];
    });
  }
};

/**
 * Whether a nested module's path changed only because it extends another module's path that the same
 * change moved (`R/v89/example` -> `R/v90/example` with the root module `R/v89` -> `R/v90`): the
 * module follows that major bump, no rename.
 */
function followsAnotherModule(ctx: RuleContext, module: Module, before: string): boolean {
  const path = module.path as string;
  return ctx.modules.some(other => {
    if (other === module || other.path === undefined) return false;
    const data = ctx.snapshot.baseGoMods?.get(other.goModFile);
    const otherBefore = data ? modulePath(data) : '';
    if (!otherBefore || otherBefore === other.path) return false;
    return (
      hasPathPrefix(before, otherBefore) &&
      hasPathPrefix(path, other.path) &&
      before.slice(otherBefore.length) === path.slice(other.path.length)
    );
  });
}

export const moduleRenamed: Rule = {
  id: 'module-renamed',
  severity: 'warning',
  doc: 'A pull request changes the module path by more than its major suffix.',
  check(ctx) {
    const base = ctx.snapshot.baseGoMods;
    if (!base) return [];
    return moduleTargets(ctx).flatMap(({ module }): Finding[] => {
      const data = base.get(module.goModFile);
      const before = data ? modulePath(data) : '';
      if (!before || module.path === undefined || before === module.path) return [];
      if (splitPathVersion(before).prefix === module.prefix) return [];
      if (followsAnotherModule(ctx, module, before)) return [];
      return [
        makeFinding(
          'module-renamed',
          'warning',
          moduleLinePlace(module),
          `this change renames the module from "${before}" to "${module.path}": every consumer's imports break and must be rewritten; if only the major should change, write "module ${splitPathVersion(before).prefix}${module.pathMajor}"`,
          module
        )
      ];
    });
  }
};

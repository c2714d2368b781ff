// Rules that compare a module's path with what it was: module-path-repository and module-renamed.
import { modulePath } from '../go/module/modfile.js';
import { hasPathPrefix, splitPathVersion } from '../go/module/modpath.js';
import type { Module } from '../go/module/layout.js';
import { makeFinding, moduleLinePlace, moduleTargets, type Rule, type RuleContext } from './context.js';
import { compare } from '../go/module/version.js';
import type { Finding } from '../types.js';

const GITHUB = 'github.com/';

/** `owner/repo` of a github.com module path, or undefined for any other host. */
export function githubRepositoryOf(path: string): string | undefined {
  if (!path.startsWith(GITHUB)) return undefined;
  const [owner, repo] = path.slice(GITHUB.length).split('/');
  return owner && repo ? `${owner}/${repo}` : undefined;
}

/**
 * The module paths the same go.mod declared at the releases before the one gated (every release of
 * its tag prefix, when no version is gated). Without the paths of every release (API gathering),
 * the latest release's go.mod stands for them.
 */
function earlierReleasedPaths(ctx: RuleContext, module: Module, gated: string | undefined): string[] {
  const released = ctx.snapshot.releasedPaths?.get(module.goModFile);
  if (released)
    return released.filter(r => gated === undefined || compare(r.version, gated) < 0).map(r => r.path);
  const data = ctx.snapshot.releasedGoMods?.get(module.goModFile);
  const path = data ? modulePath(data) : '';
  return path ? [path] : [];
}

export const modulePathRepository: Rule = {
  id: 'module-path-repository',
  severity: 'error',
  doc: 'A github.com module path names another repository than the one being released.',
  check(ctx) {
    const repository = ctx.snapshot.repository;
    if (!repository) return [];
    return moduleTargets(ctx).flatMap((target): Finding[] => {
      const { module } = target;
      const named = module.path === undefined ? undefined : githubRepositoryOf(module.path);
      if (!named || named === repository) return [];
      const gated = target.mode === 'consistency' || target.tagProblem ? undefined : target.version;
      const established = earlierReleasedPaths(ctx, module, gated).some(p => githubRepositoryOf(p) === named);
      const { severity, why } = judgeRepository(ctx, named, repository, established);
      const suffix = (module.path as string).slice(GITHUB.length + named.length);
      const want = `${GITHUB}${repository}${suffix}`;
      return [
        makeFinding(
          'module-path-repository',
          severity,
          moduleLinePlace(module),
          `module path "${module.path}" names repository ${named}, but this is ${repository}: ${why}; write "module ${want}"`,
          module
        )
      ];
    });
  }
};

/**
 * How bad a path naming repository `named` is. An earlier release under it makes it established (as
 * after a rename GitHub redirects): a warning. What GitHub answered for `named` (the action asks)
 * decides beyond that: a redirect here keeps it a warning even for a new path (the go command
 * fetches this repository's code); another repository there makes it an error even when established
 * (the go command fetches that one's code).
 */
function judgeRepository(
  ctx: RuleContext,
  named: string,
  repository: string,
  established: boolean
): { severity: 'error' | 'warning'; why: string } {
  if (named.toLowerCase() === repository.toLowerCase())
    return {
      severity: 'warning',
      why: 'the names differ only in letter case, and the go command compares module paths exactly'
    };
  const answered = ctx.snapshot.repositoryRedirects?.get(named);
  if (answered !== undefined && answered?.toLowerCase() === repository.toLowerCase())
    return {
      severity: 'warning',
      why: `${GITHUB}${named} redirects to ${repository}: GitHub renamed the repository, and the go command follows the redirect only as long as nobody creates ${named} again${established ? '' : '; nothing was released under this path yet, so move it now'}; write module ${GITHUB}${repository} for new majors`
    };
  if (answered)
    return {
      severity: 'error',
      why: `${GITHUB}${named} is the repository ${answered}, no redirect to ${repository}: consumers who fetch this path get that repository's code, not this release`
    };
  const gone =
    answered === null ? `GitHub knows no repository ${named} and no redirect from it to ${repository}; ` : '';
  if (established)
    return {
      severity: 'warning',
      why: `${gone}the path was already released this way (as after a repository rename that GitHub redirects); consumers keep working through the redirect, but the path should move to the new name at the next major`
    };
  return {
    severity: 'error',
    why: `${gone}consumers who fetch this path will get the other repository's code, not this release`
  };
}

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

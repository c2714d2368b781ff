import { isGopkgInModule, isMajorDirName, ROOT_DIR } from '../go/module/layout.js';
import { checkPath } from '../go/module/modpath.js';
import { fitsDirectory } from '../go/module/local.js';
import type { Module } from '../go/module/layout.js';
import { makeFinding, moduleLinePlace, moduleTargets, type Rule } from './context.js';
import type { Finding } from '../types.js';

/**
 * A module's path must fit its directory, as the go command finds it (findDir) and gorelease checks
 * it: `sub/go.mod` ends in `/sub` or `/sub/vN`; a major subdirectory `v2/go.mod` ends in `/v2`;
 * gopkg.in only at the root; one path in one place.
 */
export const moduleLocation: Rule = {
  id: 'module-location',
  severity: 'error',
  doc: 'The module path does not fit the directory of its go.mod, or the same path is declared twice.',
  check(ctx) {
    const findings: Finding[] = [];
    const reported = new Set<Module>();
    for (const { module } of moduleTargets(ctx)) {
      if (module.path === undefined || checkPath(module.path)) continue;
      const problem = locationProblem(module);
      if (problem)
        findings.push(makeFinding('module-location', 'error', moduleLinePlace(module), problem, module));
      const twins = ctx.modules.filter(m => m.path === module.path);
      if (twins.length > 1) {
        for (const twin of twins) {
          if (reported.has(twin)) continue;
          reported.add(twin);
          const others = twins.filter(t => t !== twin).map(t => t.goModFile);
          findings.push(
            makeFinding(
              'module-location',
              'error',
              moduleLinePlace(twin),
              `"${module.path}" is also declared by ${others.join(', ')}: the go command refuses a module defined in two places; keep one of the go.mod files (the major branch layout at the root, or the ${module.pathMajor.slice(1) || 'major'} subdirectory, not both)`,
              twin
            )
          );
        }
      }
    }
    return findings;
  }
};

/** What is wrong with where a module sits, or undefined when its path fits its directory. */
export function locationProblem(module: Module): string | undefined {
  if (fitsDirectory(module)) return undefined;
  const path = module.path as string;
  const dir = module.dir;
  if (isGopkgInModule(module)) {
    return dir === ROOT_DIR
      ? undefined
      : `a gopkg.in module must be declared in the repository's root go.mod, not in ${module.goModFile}: gopkg.in serves only the root of a repository`;
  }
  if (dir === ROOT_DIR) return undefined;
  const endsWithDir = path.endsWith(`/${dir}`);
  if (module.pathMajor === '') {
    if (endsWithDir) return undefined;
    return `${module.goModFile} declares "${path}", but a module in ${dir}/ must have a path ending in "/${dir}"${isMajorDirHint(dir)}; write "module ${suggestPath(module)}"`;
  }
  if (endsWithDir || path.endsWith(`/${dir}${module.pathMajor}`)) return undefined;
  return `${module.goModFile} declares "${path}", but a module in ${dir}/ must have a path ending in "/${dir}" or "/${dir}${module.pathMajor}"; write "module ${suggestPath(module)}"`;
}

function isMajorDirHint(dir: string): string {
  const last = dir.split('/').pop() ?? '';
  return isMajorDirName(last) ? ` (a major version subdirectory's module path ends in "/${last}")` : '';
}

/** The path the directory implies: the repository part of the declared path plus the directory. */
function suggestPath(module: Module): string {
  const dir = module.dir;
  const isMajorDir = isMajorDirName(dir.split('/').pop() ?? '');
  // Guess the repository root: github.com/owner/repo, else the first element.
  const elements = module.prefix.split('/');
  const rootLength =
    elements[0] === 'github.com' || elements[0] === 'gitlab.com' || elements[0] === 'bitbucket.org' ? 3 : 1;
  const root = elements.slice(0, rootLength).join('/');
  if (isMajorDir) return `${root}/${dir}`;
  return `${root}/${dir}${module.pathMajor}`;
}

import { isGopkgInModule, isMajorDirName, ROOT_DIR } from '../go/module/layout.js';
import { checkPath, pathForMajor } from '../go/module/modpath.js';
import { fitsDirectory } from '../go/module/local.js';
import type { Module } from '../go/module/layout.js';
import {
  makeFinding,
  moduleLinePlace,
  moduleTargets,
  suffixForRelease,
  type Rule,
  type RuleContext
} from './context.js';
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
    const root = repositoryRootPath(ctx);
    for (const target of moduleTargets(ctx)) {
      const { module } = target;
      if (module.path === undefined || checkPath(module.path)) continue;
      const major =
        target.mode !== 'consistency' && target.version && !target.tagProblem
          ? suffixForRelease(module, target.version)
          : undefined;
      const problem = locationProblem(module, impliedPath(module, root, major));
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

/**
 * What is wrong with where a module sits, or undefined when its path fits its directory. `suggested`
 * is the path to write (impliedPath).
 */
export function locationProblem(module: Module, suggested: string): string | undefined {
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
    return `${module.goModFile} declares "${path}", but a module in ${dir}/ must have a path ending in "/${dir}"${isMajorDirHint(dir)}; write "module ${suggested}"`;
  }
  if (endsWithDir || path.endsWith(`/${dir}${module.pathMajor}`)) return undefined;
  return `${module.goModFile} declares "${path}", but a module in ${dir}/ must have a path ending in "/${dir}" or "/${dir}${module.pathMajor}"; write "module ${suggested}"`;
}

function isMajorDirHint(dir: string): string {
  const last = dir.split('/').pop() ?? '';
  return isMajorDirName(last) ? ` (a major version subdirectory's module path ends in "/${last}")` : '';
}

/**
 * The path of the repository root, for building a nested module's path from its directory: the root
 * module's path without its major suffix, else github.com/ plus the repository released (--repository),
 * else undefined.
 */
export function repositoryRootPath(ctx: RuleContext): string | undefined {
  const root = ctx.modules.find(m => m.dir === ROOT_DIR);
  if (root?.path !== undefined && !checkPath(root.path) && !isGopkgInModule(root)) return root.prefix;
  return ctx.snapshot.repository ? `github.com/${ctx.snapshot.repository}` : undefined;
}

/**
 * The module path a module's directory implies, at major `majorDigits` (default: the path's own; a
 * major subdirectory's name decides): the repository root path plus the directory. Without a known
 * root, the declared path without the part that repeats the directory's first elements
 * (`go.etcd.io/etcd/tools/v3` in `tools/mod` has root `go.etcd.io/etcd`), else a guess from the host.
 */
export function impliedPath(module: Module, rootPath: string | undefined, majorDigits?: string): string {
  const elements = module.dir === ROOT_DIR ? [] : module.dir.split('/');
  const last = elements[elements.length - 1] ?? '';
  const majorDir = isMajorDirName(last);
  const baseElements = majorDir ? elements.slice(0, -1) : elements;
  const root = rootPath ?? guessRoot(module.prefix, baseElements);
  const prefix = [root, ...baseElements].join('/');
  return pathForMajor(prefix, majorDir ? last.slice(1) : (majorDigits ?? module.pathMajorDigits));
}

/** The repository root a declared path prefix suggests for a module in directory `dirElements`. */
function guessRoot(prefix: string, dirElements: readonly string[]): string {
  const elements = prefix.split('/');
  for (let k = Math.min(dirElements.length, elements.length - 1); k >= 1; k--) {
    const tail = elements.slice(elements.length - k);
    if (tail.every((e, i) => e === dirElements[i])) return elements.slice(0, elements.length - k).join('/');
  }
  const rootLength =
    elements[0] === 'github.com' || elements[0] === 'gitlab.com' || elements[0] === 'bitbucket.org' ? 3 : 1;
  return elements.slice(0, rootLength).join('/');
}

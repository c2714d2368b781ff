// Modules that are not published from here (issue 15): a go.mod whose path the go command cannot fetch
// from its directory, with no tag, holds tools, tests, examples or fixtures. Pure.
import { fileOwnerIndex, isGoSourceFile, isGopkgInModule, ROOT_DIR, type Module } from './layout.js';

const GITHUB = 'github.com/';

/** Whether a module's declared path fits its directory, as the go command finds it (findDir). */
export function fitsDirectory(module: Module): boolean {
  const path = module.path;
  if (path === undefined) return true;
  const dir = module.dir;
  if (isGopkgInModule(module)) return dir === ROOT_DIR;
  if (dir === ROOT_DIR) return true;
  if (path.endsWith(`/${dir}`)) return true;
  return module.pathMajor !== '' && path.endsWith(`/${dir}${module.pathMajor}`);
}

/**
 * Why the go command cannot fetch `module` from its directory of `repository` (`owner/name` on
 * github.com, when known), or undefined when it can: no dot in the first path element, a github.com
 * path naming another repository (not only in letter case), or a path that does not fit the directory.
 */
export function unfetchableReason(module: Module, repository?: string): string | undefined {
  const path = module.path;
  if (path === undefined) return undefined;
  const first = path.split('/')[0];
  if (!first.includes('.'))
    return `its path has no dot in the first element, so the go command cannot fetch it`;
  if (repository && path.startsWith(GITHUB)) {
    const [owner, name] = path.slice(GITHUB.length).split('/');
    const named = owner && name ? `${owner}/${name}` : undefined;
    if (named && named.toLowerCase() !== repository.toLowerCase())
      return `its path names repository ${named}, not ${repository}`;
  }
  if (!fitsDirectory(module)) return `its path does not fit its directory ${module.dir}/`;
  return undefined;
}

/**
 * Why `module` is a local module (not published from here), or undefined when it is published or
 * may be: its path cannot be fetched from its directory and no release tag exists for it.
 */
export function localModuleReason(module: Module, tagged: boolean, repository?: string): string | undefined {
  if (tagged) return undefined;
  return unfetchableReason(module, repository);
}

/**
 * Whether the repository root is an implicit module: it has no go.mod, and .go files outside every
 * nested module. The go command serves a root tag of such a repository from the root (a v2+ tag as
 * +incompatible of the unsuffixed path), whatever go.mod files exist in subdirectories.
 */
export function hasImplicitRootModule(modules: readonly Module[], files: readonly string[]): boolean {
  if (modules.some(m => m.dir === ROOT_DIR)) return false;
  const owner = fileOwnerIndex(modules);
  return files.some(f => isGoSourceFile(f) && owner(f) === undefined);
}

// `fix` and the major-subdirectory layout (https://go.dev/blog/v2-go-modules): each major from v2 on
// lives in its own directory `vN/` (beside the v1 module, or `client/v3/` beside `client/`). Pure.
//
// A directory named `vN` can only hold major N (module-location), and its go.mod's retractions are
// those of major N: rewriting `v2/` in place into a /v3 module breaks both, so fix refuses and says
// how to start the new major (copy the tree to `v3/`, then fix the copy). The copy still declares the
// old path (the root's, or `/v2`), which another module of the repository also declares: its own
// imports name that path, and they are the copy's own (copyOwnImport).
import { UsageError } from '../errors.js';
import { isMajorDirName, type Module } from '../go/module/layout.js';
import { familyMember } from '../go/module/majors.js';

/** The major a module directory's last element names (`v3` → 3), or undefined when it names none. */
export function directoryMajor(moduleDir: string): number | undefined {
  const last = moduleDir.split('/').pop() as string;
  return moduleDir !== '.' && isMajorDirName(last) ? Number(last.slice(1)) : undefined;
}

/** The directory that holds major `major` beside the major subdirectory `moduleDir` (`v2` → `v3`). */
function siblingMajorDir(moduleDir: string, major: number): string {
  const parts = moduleDir.split('/');
  parts[parts.length - 1] = `v${major}`;
  return parts.join('/');
}

/**
 * Refuses (UsageError, exit 2) to move a module in a major subdirectory `vK/` to another major than K:
 * the result would not fit its directory, and the old major's retractions would be lost. The message
 * says how to start the new major instead.
 */
export function refuseInPlaceMajorDirectory(
  moduleDir: string,
  from: string,
  to: string,
  major: number
): void {
  const dirMajor = directoryMajor(moduleDir);
  if (dirMajor === undefined || dirMajor === major) return;
  const where = `${moduleDir}/ is a major subdirectory (it can only hold major v${dirMajor}, now ${from})`;
  if (major === 1) {
    throw new UsageError(
      `${where}: fix does not rewrite it in place into ${to}; the v0/v1 module lives in the directory above it`
    );
  }
  const target = siblingMajorDir(moduleDir, major);
  throw new UsageError(
    `${where}: fix does not rewrite it in place into ${to} (check would report module-location, and its go.mod's retractions of v${dirMajor} would be lost). Start the new major beside it, as https://go.dev/blog/v2-go-modules describes: copy ${moduleDir}/ to ${target}/ (cp -R ${moduleDir} ${target}), then run fix --module ${target} --major ${major}`
  );
}

/**
 * Whether `moduleDir` is a copy being made into a new major subdirectory: it is named for the
 * target major, and its go.mod still declares another path (`v5/go.mod` with the root's path).
 */
export function isMajorDirectoryCopy(moduleDir: string, from: string, to: string, major: number): boolean {
  return from !== to && directoryMajor(moduleDir) === major;
}

/**
 * The new path of an import in a copy (isMajorDirectoryCopy) that names the copy's old path `from`:
 * its packages are the copy's own, though another module (the original) declares the same path. An
 * import owned by a third module (a nested module, `R/tools`) is left alone.
 */
export function copyOwnImport(
  importPath: string,
  module: Module,
  from: string,
  to: string,
  importOwner: (path: string) => Module | undefined
): string | undefined {
  const member = familyMember(importPath, module.prefix);
  if (!member || member.modulePath !== from) return undefined;
  const owner = importOwner(importPath);
  if (owner && owner !== module && owner.path !== from) return undefined;
  return to + importPath.slice(from.length);
}

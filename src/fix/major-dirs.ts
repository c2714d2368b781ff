// The major-subdirectory layout's rules for fix (https://go.dev/blog/v2-go-modules), used while a
// module is planned (plan.ts) and while a copy is made (subdir.ts): which major a directory holds,
// when fix refuses, and how a copy's own imports read. Pure.
import { UsageError } from '../errors.js';
import { isMajorDirName, loadModules, type Module } from '../go/module/layout.js';
import { familyMember } from '../go/module/majors.js';

/** The major a module directory's last element names (`v3` → 3), or undefined when it names none. */
export function directoryMajor(moduleDir: string): number | undefined {
  const last = moduleDir.split('/').pop() as string;
  return moduleDir !== '.' && isMajorDirName(last) ? Number(last.slice(1)) : undefined;
}

/** The directory that holds major `major` beside the major subdirectory `moduleDir` (`v2` → `v3`). */
export function siblingMajorDir(moduleDir: string, major: number): string {
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
 * import owned by a module nested under that path (`R/v2/tools`) is left alone.
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
  // A module under the old path (`R/v2/tools`) is another module; one above it (the v1 root, which
  // seems to hold `v2/` once the original's go.mod is set aside) is not.
  if (owner?.path !== undefined && owner !== module && owner.path.startsWith(`${from}/`)) return undefined;
  return to + importPath.slice(from.length);
}

/**
 * The go.mod files a copy's fix reads: without the original's (the other go.mod that declares the
 * copy's old path `from`). The old path is then nobody else's, so the copy's own imports and
 * references of it read as the copy's stale ones, as stale-self-import and stale-reference see them
 * once the copy has its new path.
 */
export function withoutOriginal(
  goMods: ReadonlyMap<string, Uint8Array>,
  moduleDir: string,
  from: string
): Map<string, Uint8Array> {
  const out = new Map(goMods);
  for (const m of loadModules(goMods)) if (m.path === from && m.dir !== moduleDir) out.delete(m.goModFile);
  return out;
}

// The API per platform (API_PLATFORMS): a file counts on the platforms its name and //go:build line
// allow, so each platform has its own file set. Platforms whose file sets are equal (on every side
// of a comparison) are one group, extracted once; the first group's API is the ModuleApi's own, the
// others its `variants` (model.ts), compared platform by platform (diff-platforms.ts).
import { scanImports } from '../module/imports.js';
import { API_PLATFORMS, fileBuiltOn } from './platforms.js';
import type { ApiSource } from './extract-context.js';
import type { ModuleApi } from './model.js';

/** Platforms with the same files on every side, and those files (per side, in the order given). */
export interface PlatformGroup {
  platforms: string[];
  files: ApiSource[][];
}

/** The build constraint of a .go file (undefined: none, or the header does not read: the extractor decides). */
function constraintOf(src: ApiSource): string | undefined {
  try {
    return scanImports(src.data).constraint;
  } catch {
    return undefined;
  }
}

/** The groups of platforms with equal file sets on every side; one group when no file is constrained. */
export function platformGroups(sides: readonly (readonly ApiSource[])[]): PlatformGroup[] {
  const constraints = sides.map(files =>
    files.map(src => (src.file.endsWith('.go') ? constraintOf(src) : undefined))
  );
  const groups = new Map<string, PlatformGroup>();
  for (const platform of API_PLATFORMS) {
    const files = sides.map((list, s) =>
      list.filter((src, i) => !src.file.endsWith('.go') || fileBuiltOn(src.file, constraints[s][i], platform))
    );
    const key = files.map(list => list.map(src => src.file).join('\n')).join('\0');
    const group = groups.get(key);
    if (group) group.platforms.push(platform);
    else groups.set(key, { platforms: [platform], files });
  }
  return [...groups.values()];
}

/** One API per group, the first holding the others as variants (none when there is one group). */
export function withVariants(apis: ModuleApi[], groups: readonly PlatformGroup[]): ModuleApi {
  if (apis.length === 1) return apis[0];
  const variants = apis.slice(1).map((api, i) => ({ ...api, platforms: groups[i + 1].platforms }));
  return { ...apis[0], platforms: groups[0].platforms, variants };
}

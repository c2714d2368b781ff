// Comparing APIs computed per platform (model.ts `variants`, extract-platforms.ts): each platform's
// old API against its new one, each distinct pair once, and the changes merged: a change found on
// every platform is reported as it is, one found on some only names them.
import { API_PLATFORMS } from './platforms.js';
import type { ApiChange, ModuleApi } from './model.js';

/** The API a ModuleApi gives for each platform. */
function perPlatform(api: ModuleApi): Map<string, ModuleApi> {
  const out = new Map<string, ModuleApi>();
  for (const variant of api.variants ?? []) for (const p of variant.platforms ?? []) out.set(p, variant);
  const primary = api.variants ? (api.platforms ?? []) : API_PLATFORMS;
  for (const p of primary) out.set(p, api);
  return out;
}

/** The distinct (old, new) pairs of APIs to compare, with the platforms each stands for. */
export function platformPairs(
  oldApi: ModuleApi,
  newApi: ModuleApi
): { platforms: string[]; old: ModuleApi; now: ModuleApi }[] {
  if (!oldApi.variants && !newApi.variants)
    return [{ platforms: [...API_PLATFORMS], old: oldApi, now: newApi }];
  const before = perPlatform(oldApi);
  const after = perPlatform(newApi);
  const pairs: { platforms: string[]; old: ModuleApi; now: ModuleApi }[] = [];
  for (const p of API_PLATFORMS) {
    const old = before.get(p) ?? oldApi;
    const now = after.get(p) ?? newApi;
    const pair = pairs.find(x => x.old === old && x.now === now);
    if (pair) pair.platforms.push(p);
    else pairs.push({ platforms: [p], old, now });
  }
  return pairs;
}

/**
 * The changes of each pair merged: equal changes (severity, subject, message) found on several
 * platforms are one, at the first one's position; one not found on every platform says where it is.
 */
export function mergePlatformChanges(found: { platforms: string[]; changes: ApiChange[] }[]): ApiChange[] {
  if (found.length === 1) return found[0].changes;
  const merged = new Map<string, { change: ApiChange; platforms: Set<string> }>();
  for (const { platforms, changes } of found) {
    for (const change of changes) {
      const k = `${change.severity}\0${change.subject}\0${change.message}`;
      const seen = merged.get(k);
      if (seen) for (const p of platforms) seen.platforms.add(p);
      else merged.set(k, { change, platforms: new Set(platforms) });
    }
  }
  const all = found.reduce((n, f) => n + f.platforms.length, 0);
  return [...merged.values()].map(({ change, platforms }) => {
    if (platforms.size === all) return change;
    const sorted = API_PLATFORMS.filter(p => platforms.has(p));
    return { ...change, message: `${change.message} (on ${sorted.join(', ')} only)`, platforms: sorted };
  });
}

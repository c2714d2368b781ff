import {
  isGopkgInModule,
  releasesWithPrefix,
  resolveTag,
  tagPrefixOf,
  type Module
} from '../go/module/layout.js';
import { fitsDirectory } from '../go/module/local.js';
import { impliedPath, repositoryRootPath } from './module-location.js';
import { checkPath, pathForMajor } from '../go/module/modpath.js';
import { compareMajors } from '../go/module/majors.js';
import {
  makeFinding,
  moduleLinePlace,
  majorTargets,
  moduleTargets,
  suffixForRelease,
  type Rule,
  type RuleContext
} from './context.js';
import type { Finding } from '../types.js';

/**
 * The path's major suffix must match the version gated: v2+ needs /vN (gopkg.in: .vN), v0 and v1
 * have none. In consistency mode the path must not be behind the module's latest release.
 */
export const modulePathMajor: Rule = {
  id: 'module-path-major',
  severity: 'error',
  doc: "The module path's major suffix does not match the version gated, or is behind the latest release.",
  check(ctx) {
    return [...checkGatedVersions(ctx), ...checkLatestReleases(ctx)];
  }
};

function checkGatedVersions(ctx: RuleContext): Finding[] {
  return majorTargets(ctx).flatMap(({ module, version, label }) => {
    if (module.path === undefined || checkPath(module.path)) return [];
    const wantSuffix = suffixForRelease(module, version);
    if (module.pathMajorDigits === wantSuffix) return [];
    if (module.pathMajor.startsWith('.') && version.startsWith('v0.0.0-') && module.pathMajorDigits === '1')
      return [];
    const want = suggestedPath(ctx, module, wantSuffix);
    return [
      makeFinding(
        'module-path-major',
        'error',
        moduleLinePlace(module),
        `${module.goModFile} declares "${module.path}", which cannot be released as ${label}: ${
          wantSuffix === ''
            ? 'v0 and v1 paths have no major suffix'
            : `a v${wantSuffix} module path must end in ${module.pathMajor.startsWith('.') || module.path.startsWith('gopkg.in/') ? `.v${wantSuffix}` : `/v${wantSuffix}`}`
        }; write "module ${want}" (and update every import of the module's own packages)`,
        module,
        { fix: { replacement: want } }
      )
    ];
  });
}

/**
 * The path to write for major `suffix`: the declared prefix with that major, or, when the path does not
 * fit its directory either, the path module-location suggests, so both findings suggest one path.
 */
function suggestedPath(ctx: RuleContext, module: Module, suffix: string): string {
  const root = repositoryRootPath(ctx);
  if (isGopkgInModule(module) || (root === undefined && fitsDirectory(module)))
    return pathForMajor(module.prefix, suffix);
  // From the repository root: otel/go.mod's `…/go-github/v85/otel` becomes `…/go-github/otel/v86`,
  // not `…/v85/otel/v86`, which the go command would look for in v85/otel.
  return impliedPath(module, root, suffix);
}

function checkLatestReleases(ctx: RuleContext): Finding[] {
  return moduleTargets(ctx)
    .filter(t => t.mode === 'consistency')
    .flatMap(({ module }) => {
      if (module.path === undefined || checkPath(module.path)) return [];
      // A tag of a major that has its own major-subdirectory module belongs to that module.
      const prefix = tagPrefixOf(module.dir);
      const releases = releasesWithPrefix(ctx.snapshot.tags, prefix).filter(r => {
        const owner = resolveTag(prefix, r.version, ctx.modules);
        return owner.kind === 'module' && owner.module === module;
      });
      const latest = releases[releases.length - 1];
      if (!latest) return [];
      const latestSuffix = suffixForRelease(module, latest.version);
      if (compareMajors(latestSuffix, module.pathMajorDigits) <= 0) return [];
      const want = suggestedPath(ctx, module, latestSuffix);
      return [
        makeFinding(
          'module-path-major',
          'error',
          moduleLinePlace(module),
          `the latest release is ${latest.tag}, but ${module.goModFile} declares "${module.path}": a v${latestSuffix} module's path must be "${want}"; write "module ${want}"`,
          module,
          { fix: { replacement: want } }
        )
      ];
    });
}

import {
  isGopkgInModule,
  releasesWithPrefix,
  resolveTag,
  tagPrefixOf,
  ROOT_DIR,
  type Module,
  type Release
} from '../go/module/layout.js';
import { fitsDirectory } from '../go/module/local.js';
import { impliedPath, repositoryRootPath } from './module-location.js';
import { checkPath, pathForMajor } from '../go/module/modpath.js';
import { compareMajors } from '../go/module/majors.js';
import { modulePath } from '../go/module/modfile.js';
import { majorDigits } from '../go/module/version.js';
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

/**
 * The module's latest release: the last tag of its prefix that resolves to it (a tag of a major that
 * has its own major-subdirectory module belongs to that module).
 */
export function latestOwnRelease(
  module: Module,
  tags: readonly { name: string; commit: string }[],
  modules: readonly Module[]
): Release | undefined {
  const prefix = tagPrefixOf(module.dir);
  const releases = releasesWithPrefix(tags, prefix).filter(r => {
    const owner = resolveTag(prefix, r.version, modules);
    return owner.kind === 'module' && owner.module === module;
  });
  return releases[releases.length - 1];
}

function checkLatestReleases(ctx: RuleContext): Finding[] {
  return moduleTargets(ctx)
    .filter(t => t.mode === 'consistency')
    .flatMap(({ module }) => {
      if (module.path === undefined || checkPath(module.path)) return [];
      const latest = latestOwnRelease(module, ctx.snapshot.tags, ctx.modules);
      if (!latest) return [];
      const latestSuffix = suffixForRelease(module, latest.version);
      if (compareMajors(latestSuffix, module.pathMajorDigits) <= 0) return [];
      const want = suggestedPath(ctx, module, latestSuffix);
      const message =
        loweringMessage(ctx, module, latest, want) ??
        `the latest release is ${latest.tag}, but ${module.goModFile} declares "${module.path}": a v${latestSuffix} module's path must be "${want}"; write "module ${want}"`;
      return [
        makeFinding('module-path-major', 'error', moduleLinePlace(module), message, module, {
          fix: { replacement: want }
        })
      ];
    });
}

/**
 * A pull request that moved the path to a lower major than the latest release: why that is no new
 * major, and how to say that a new line of the lower major's path is meant.
 */
function loweringMessage(
  ctx: RuleContext,
  module: Module,
  latest: Release,
  want: string
): string | undefined {
  const base = ctx.snapshot.baseGoMods?.get(module.goModFile);
  const before = base ? modulePath(base) : '';
  if (!before || before === module.path) return undefined;
  const major = module.pathMajorDigits === '' ? '1' : module.pathMajorDigits;
  const nested = module.dir === ROOT_DIR ? '' : ` --module ${module.dir}`;
  return `the latest release is ${latest.tag}, but this change moves ${module.goModFile} from "${before}" down to "${module.path}": a new major must be higher than the latest one, since going down starts a new module that nobody depends on, and the v${majorDigits(latest.version)} line's next release cannot be published under this path; write "module ${want}", or, if a new v${major} line of "${module.path}" is really meant, gate it explicitly with --version v${major}.x.y${nested} (the action's version input)`;
}

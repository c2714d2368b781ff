import { releasesOfModule, type Module } from '../go/module/layout.js';
import { pathForMajor } from '../go/module/modpath.js';
import { majorDigits, prerelease } from '../go/module/version.js';
import type { ApiChange } from '../go/api/model.js';
import type { ApiComparison, Finding } from '../types.js';
import { makeFinding, moduleLinePlace, type Rule, type RuleContext, type Target } from './context.js';

/**
 * A release or pull request that removes or changes exported API without a new major breaks its
 * users' builds (apidiff's classification, read from source). A new major with no breaking change
 * is said as a notice: it could have been a minor release. v0 modules may break at will.
 */
export const breakingChange: Rule = {
  id: 'breaking-change',
  severity: 'error',
  doc: 'Exported API removed or changed incompatibly without a major bump.',
  check(ctx) {
    return (ctx.snapshot.apiComparisons ?? []).flatMap(comparison => {
      const target = ctx.targets.find(t => t.module?.dir === comparison.moduleDir);
      if (!target?.module) return [];
      return judge(
        ctx,
        target as Target & { module: Module },
        comparison,
        ctx.apiChanges.get(comparison.moduleDir) ?? []
      );
    });
  }
};

function judge(
  ctx: RuleContext,
  target: Target & { module: Module },
  comparison: ApiComparison,
  changes: readonly ApiChange[]
): Finding[] {
  const { module } = target;
  const breaking = changes.filter(c => c.severity === 'breaking');
  const possibly = changes.filter(c => c.severity === 'possibly-breaking');
  if (isNewMajor(target)) {
    if (breaking.length > 0 || possibly.length > 0 || !target.version) return [];
    return [
      makeFinding(
        'breaking-change',
        'notice',
        moduleLinePlace(module),
        `this pull request moves to v${module.pathMajorDigits || '1'}, but the exported API has no breaking change since ${comparison.against.label}: this could be released as a minor version of the current major, sparing every user the import rewrite`,
        module
      )
    ];
  }
  // Only a release, or a pull request, promises compatibility; v0 promises none.
  if (target.mode === 'consistency' && target.source !== 'pull_request') return [];
  if (isV0(ctx, target, comparison)) return [];
  const nextMajor = String(BigInt(module.pathMajorDigits === '' ? '1' : module.pathMajorDigits) + 1n);
  const advice = `restore it, or release a new major (module ${pathForMajor(module.prefix, nextMajor)}, tag v${nextMajor}.0.0)`;
  const where = (c: ApiChange) => (c.side === 'old' ? ` (as it was in ${comparison.against.label})` : '');
  // Semver item 9: a prerelease promises nothing, so its breaks are said, not failed; the final
  // release of the same version will be judged on them.
  const pre = target.version !== undefined && prerelease(target.version) !== '' ? target.version : undefined;
  const preNote = pre
    ? `; ${pre} is a prerelease, which promises no compatibility, but ${pre.split('-')[0]} would fail on it`
    : '';
  return [
    ...breaking.map(c =>
      makeFinding(
        'breaking-change',
        pre ? 'notice' : 'error',
        { file: c.pos.file, line: c.pos.line, column: c.pos.column },
        `${c.subject}: ${c.message}${where(c)}, which breaks users of ${module.path} compared with ${comparison.against.label}${preNote}: ${advice}`,
        module
      )
    ),
    ...possibly.map(c =>
      makeFinding(
        'breaking-change',
        pre ? 'notice' : 'warning',
        { file: c.pos.file, line: c.pos.line, column: c.pos.column },
        `${c.subject}: possibly breaking: ${c.message}; source alone cannot tell whether users are affected, so check it (go-apidiff, gorelease) before releasing without a new major`,
        module
      )
    )
  ];
}

/** A pull request's major bump (a release of a new major is never compared: see src/gather/api.ts). */
function isNewMajor(target: Target): boolean {
  return target.mode === 'major-bump';
}

/** A module whose releases so far are v0 (or that has none and no /vN suffix) promises no compatibility. */
function isV0(ctx: RuleContext, target: Target & { module: Module }, comparison: ApiComparison): boolean {
  if (target.version && majorDigits(target.version) === '0') return true;
  const version =
    comparison.against.version ?? releasesOfModule(ctx.snapshot.tags, target.module).pop()?.version;
  if (version) return majorDigits(version) === '0';
  return target.module.pathMajorDigits === '';
}

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
  const promise = promiseOf(ctx, target);
  if (promise === 'nothing') return [];
  const nextMajor = String(BigInt(module.pathMajorDigits === '' ? '1' : module.pathMajorDigits) + 1n);
  const advice = `restore it, or release a new major (module ${pathForMajor(module.prefix, nextMajor)}, tag v${nextMajor}.0.0)`;
  const where = (c: ApiChange) => (c.side === 'old' ? ` (as it was in ${comparison.against.label})` : '');
  const notice = promise !== 'compatibility';
  const tail = notice ? `; ${promise.notice}${promise.advise ? `: ${advice}` : ''}` : `: ${advice}`;
  return [
    ...breaking.map(c =>
      makeFinding(
        'breaking-change',
        notice ? 'notice' : 'error',
        { file: c.pos.file, line: c.pos.line, column: c.pos.column },
        `${c.subject}: ${c.message}${where(c)}, which breaks users of ${module.path} compared with ${comparison.against.label}${tail}`,
        module
      )
    ),
    ...possibly.map(c =>
      makeFinding(
        'breaking-change',
        notice ? 'notice' : 'warning',
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

/**
 * What the gated version promises its users. v0 promises nothing: its breaks are not said. A
 * prerelease promises nothing either (semver item 9), nor a pull request on a major with no final
 * release yet (whose first release is not compared): their breaks are said as notices, since the
 * final release will have to answer for them. Anything else promises compatibility.
 */
function promiseOf(
  ctx: RuleContext,
  target: Target & { module: Module }
): 'nothing' | 'compatibility' | { notice: string; advise: boolean } {
  const { version, module } = target;
  if (version !== undefined) {
    if (majorDigits(version) === '0') return 'nothing';
    if (prerelease(version) === '') return 'compatibility';
    const final = version.split('-')[0];
    return {
      notice: `${version} is a prerelease, which promises no compatibility, but ${final} would fail on it`,
      advise: true
    };
  }
  const finals = releasesOfModule(ctx.snapshot.tags, module).filter(r => prerelease(r.version) === '');
  const latest = finals[finals.length - 1];
  if (latest) return majorDigits(latest.version) === '0' ? 'nothing' : 'compatibility';
  if (module.pathMajorDigits === '') {
    // Without a suffix and with no final release, only a v1 prerelease says it is heading for v1.
    const heading = releasesOfModule(ctx.snapshot.tags, module).some(r => majorDigits(r.version) === '1');
    if (!heading) return 'nothing';
  }
  const major = `v${module.pathMajorDigits || '1'}`;
  return {
    notice: `${major} has no final release yet, which would promise compatibility, and its first (${major}.0.0) is not compared`,
    advise: false
  };
}

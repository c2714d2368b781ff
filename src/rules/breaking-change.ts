import { releasesOfModule, type Module } from '../go/module/layout.js';
import { pathForMajor } from '../go/module/modpath.js';
import { compareGoStrings, majorDigits, prerelease } from '../go/module/version.js';
import type { ApiChange } from '../go/api/model.js';
import type { ApiComparison, Finding } from '../types.js';
import { isVersionStamp } from './version-stamp.js';
import {
  makeFinding,
  moduleLinePlace,
  type Place,
  type Rule,
  type RuleContext,
  type Target
} from './context.js';

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
  // A constant whose value changes only in a version number is a version stamp: changing it is
  // what a release is for. Said as a notice; every other value change stays a break, as in apidiff.
  const stamps = changes.filter(isVersionStamp);
  const breaking = changes.filter(c => c.severity === 'breaking' && !isVersionStamp(c));
  const possibly = changes.filter(c => c.severity === 'possibly-breaking' && !c.dependencies?.length);
  const throughDependencies = changes.filter(
    c => c.severity === 'possibly-breaking' && c.dependencies?.length
  );
  if (isNewMajor(target)) {
    if (breaking.length > 0 || possibly.length > 0 || throughDependencies.length > 0 || !target.version)
      return [];
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
    ...stamps.map(c =>
      makeFinding(
        'breaking-change',
        'notice',
        { file: c.pos.file, line: c.pos.line, column: c.pos.column },
        `${c.subject}: ${c.message}, only in a version number compared with ${comparison.against.label}: a version stamp, not a break (code that compares with it sees the new version, which is what a release is for)`,
        module,
        { symbol: c.subject }
      )
    ),
    ...breaking.map(c =>
      makeFinding(
        'breaking-change',
        notice ? 'notice' : 'error',
        { file: c.pos.file, line: c.pos.line, column: c.pos.column },
        `${c.subject}: ${c.message}${where(c)}, which breaks users of ${module.path} compared with ${comparison.against.label}${tail}`,
        module,
        { symbol: c.subject }
      )
    ),
    ...possibly.map(c =>
      makeFinding(
        'breaking-change',
        notice ? 'notice' : 'warning',
        { file: c.pos.file, line: c.pos.line, column: c.pos.column },
        `${c.subject}: possibly breaking: ${c.message}; source alone cannot tell whether users are affected, so check it (go-apidiff, gorelease) before releasing without a new major`,
        module,
        { symbol: c.subject }
      )
    ),
    ...dependencyFindings(module, comparison, throughDependencies).map(f =>
      notice ? { ...f, severity: 'notice' as const } : f
    )
  ];
}

/**
 * One possibly-breaking finding per moved dependency, at its require line: how many exported
 * declarations use it, and the first few (one finding per declaration said the same thing hundreds
 * of times on a real release).
 */
function dependencyFindings(
  module: Module,
  comparison: ApiComparison,
  changes: readonly ApiChange[]
): Finding[] {
  const users = new Map<string, string[]>();
  for (const c of changes) {
    for (const dep of c.dependencies ?? []) {
      const list = users.get(dep) ?? [];
      if (!list.includes(c.subject)) list.push(c.subject);
      users.set(dep, list);
    }
  }
  return [...users.keys()].sort(compareGoStrings).map(dep => {
    const subjects = (users.get(dep) as string[]).sort(compareGoStrings);
    const move = comparison.dependencyMoves?.find(m => m.path === dep);
    const require = module.modFile.require.find(r => r.path === dep);
    const place: Place = require
      ? { file: module.goModFile, line: require.line, column: require.versionSpan.start.column }
      : moduleLinePlace(module);
    const moved = move
      ? ` moved from ${move.from} to ${move.to} (${moveRisk(move.from, move.to)})`
      : ' moved';
    const shown =
      subjects.slice(0, 3).join(', ') + (subjects.length > 3 ? `, and ${subjects.length - 3} more` : '');
    const count =
      subjects.length === 1 ? '1 exported declaration uses' : `${subjects.length} exported declarations use`;
    return makeFinding(
      'breaking-change',
      'warning',
      place,
      `possibly breaking: ${dep}${moved}, and ${count} it (${shown}): what changed there can break their users; source alone cannot tell, so check it (go-apidiff, gorelease) before releasing without a new major`,
      module
    );
  });
}

/** Why a dependency's move can break (gather/api.ts keeps only the moves that can). */
function moveRisk(from: string, to: string): string {
  if (majorDigits(from) !== majorDigits(to)) return 'a new major';
  if (prerelease(from) !== '' || prerelease(to) !== '') return 'a prerelease promises no compatibility';
  return 'v0 promises no compatibility';
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

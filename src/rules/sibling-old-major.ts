import { releasesWithPrefix, tagPrefixOf, type Module } from '../go/module/layout.js';
import { compareMajors, familyMember } from '../go/module/majors.js';
import { majorDigits } from '../go/module/version.js';
import type { Finding } from '../types.js';
import {
  importsOf,
  makeFinding,
  suffixMajorOf,
  versionTargets,
  type Rule,
  type RuleContext,
  type Target
} from './context.js';

/**
 * When a version starts a new major, the repository's other modules that still require or import an
 * older major of it keep consumers on two majors at once. Said once per require line and import.
 */
export const siblingOldMajor: Rule = {
  id: 'sibling-old-major',
  severity: 'warning',
  doc: 'Another module of the same repository still requires or imports an older major of a bumped module.',
  check(ctx) {
    return versionTargets(ctx)
      .filter(t => startsNewMajor(ctx, t))
      .flatMap(t => ctx.modules.filter(m => m !== t.module).flatMap(other => checkSibling(ctx, t, other)));
  }
};

function startsNewMajor(ctx: RuleContext, target: Target & { module: Module; version: string }): boolean {
  if (target.mode === 'major-bump') return true;
  const gated = majorDigits(target.version);
  return !releasesWithPrefix(ctx.snapshot.tags, tagPrefixOf(target.module.dir)).some(
    r => majorDigits(r.version) === gated && r.tag !== target.tag
  );
}

function checkSibling(
  ctx: RuleContext,
  target: Target & { module: Module; version: string },
  other: Module
): Finding[] {
  const gated = target.module;
  const newMajor = suffixMajorOf(target.version);
  const isOlder = (p: string) => {
    const member = familyMember(p, gated.prefix);
    return member !== undefined && compareMajors(member.major, newMajor) < 0 ? member : undefined;
  };
  const advice = (old: string) =>
    `${other.goModFile.replace(/go\.mod$/, '') || 'the root '}module still uses ${old}, an older major of ${gated.path}, which ${target.version} replaces: move it to ${gated.path} (or keep it on purpose)`;
  const findings: Finding[] = [];
  for (const r of other.modFile.require) {
    const member = isOlder(r.path);
    if (!member || member.modulePath !== r.path) continue;
    findings.push(
      makeFinding(
        'sibling-old-major',
        'warning',
        { file: other.goModFile, line: r.line, column: r.span.start.column },
        `require ${r.path} ${r.version}: ${advice(r.path)}`,
        other
      )
    );
  }
  for (const [importPath, uses] of importsOf(ctx, other)) {
    const member = isOlder(importPath);
    // Packages of a module that lives in this repository (the v1 root beside a v2/ directory) are not stale.
    if (!member || ctx.importOwner(importPath)) continue;
    for (const { file, spec } of uses) {
      findings.push(
        makeFinding(
          'sibling-old-major',
          'warning',
          { file, line: spec.line, column: spec.column, endLine: spec.endLine, endColumn: spec.endColumn },
          `import "${spec.path}": ${advice(member.modulePath)}`,
          other
        )
      );
    }
  }
  return findings;
}

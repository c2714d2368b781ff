import { releasesWithPrefix, ROOT_DIR, tagPrefixOf, type Module } from '../go/module/layout.js';
import { compareMajors, familyMember } from '../go/module/majors.js';
import { pathForMajor } from '../go/module/modpath.js';
import { majorDigits } from '../go/module/version.js';
import type { Finding } from '../types.js';
import {
  importsOf,
  makeFinding,
  suffixMajorOf,
  versionTargets,
  type ImportUse,
  type Rule,
  type RuleContext,
  type Target
} from './context.js';

/** How many import locations a finding lists before it says "and N more". */
const LISTED_IMPORTS = 3;

/**
 * When a version starts a new major, the repository's other modules that still require or import an
 * older major of it keep consumers on two majors at once. Said once per require line, and once per
 * sibling module for all its imports (one `fix` moves them all), at the first import.
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

/** "the root module" or "the module in contrib/x": how a message names a sibling. */
function moduleName(module: Module): string {
  return module.dir === ROOT_DIR ? 'the root module' : `the module in ${module.dir}`;
}

/** The path the gated version is released under: the module's own path when it already fits. */
function releasedPath(gated: Module, version: string): string {
  return pathForMajor(gated.prefix, suffixMajorOf(version));
}

function checkSibling(
  ctx: RuleContext,
  target: Target & { module: Module; version: string },
  other: Module
): Finding[] {
  const gated = target.module;
  const newMajor = suffixMajorOf(target.version);
  const newPath = releasedPath(gated, target.version);
  const isOlder = (p: string) => {
    const member = familyMember(p, gated.prefix);
    return member !== undefined && compareMajors(member.major, newMajor) < 0 ? member : undefined;
  };
  const advice = (old: string[]) =>
    `${moduleName(other)} still uses ${old.join(' and ')}, ${old.length > 1 ? 'older majors' : 'an older major'} of ${newPath}, which ${target.version} releases: move its require and imports to ${newPath}, or keep it on the older major on purpose`;
  const findings: Finding[] = [];
  for (const r of other.modFile.require) {
    const member = isOlder(r.path);
    if (!member || member.modulePath !== r.path) continue;
    findings.push(
      makeFinding(
        'sibling-old-major',
        'warning',
        { file: other.goModFile, line: r.line, column: r.span.start.column },
        `require ${r.path} ${r.version}: ${advice([r.path])}`,
        other
      )
    );
  }
  const stale: ImportUse[] = [];
  const oldPaths = new Set<string>();
  for (const [importPath, uses] of importsOf(ctx, other)) {
    const member = isOlder(importPath);
    // Packages of a module that lives in this repository (the v1 root beside a v2/ directory) are not stale.
    if (!member || ctx.importOwner(importPath)) continue;
    stale.push(...uses);
    oldPaths.add(member.modulePath);
  }
  if (stale.length > 0) findings.push(importsFinding(other, stale, [...oldPaths].sort(), advice));
  return findings;
}

/** One finding for every stale import of a sibling, at the first, listing a few of them. */
function importsFinding(
  other: Module,
  uses: ImportUse[],
  oldPaths: string[],
  advice: (old: string[]) => string
): Finding {
  uses.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.spec.line - b.spec.line));
  const [first] = uses;
  const listed = uses.slice(0, LISTED_IMPORTS).map(u => `${u.file}:${u.spec.line}`);
  const more = uses.length > LISTED_IMPORTS ? ` and ${uses.length - LISTED_IMPORTS} more` : '';
  const count =
    uses.length === 1
      ? `import "${first.spec.path}"`
      : `${uses.length} imports (${listed.join(', ')}${more})`;
  const { spec } = first;
  return makeFinding(
    'sibling-old-major',
    'warning',
    {
      file: first.file,
      line: spec.line,
      column: spec.column,
      endLine: spec.endLine,
      endColumn: spec.endColumn
    },
    `${count}: ${advice(oldPaths)}`,
    other
  );
}

import { groupBy } from '../collections.js';
import {
  announcedFamily,
  compareMajors,
  familyCandidates,
  familyMember,
  type FamilyMember
} from '../go/module/majors.js';
import type { Module } from '../go/module/layout.js';
import type { Finding } from '../types.js';
import {
  importsOf,
  makeFinding,
  moduleTargets,
  type ImportUse,
  type Rule,
  type RuleContext
} from './context.js';

/**
 * Importing two majors of one dependency builds both into the program: usually half of a migration.
 * Reported at each import of the lower major(s).
 */
export const mixedMajorImport: Rule = {
  id: 'mixed-major-import',
  severity: 'warning',
  doc: 'The module imports two majors of the same dependency.',
  check(ctx) {
    return moduleTargets(ctx).flatMap(({ module }) => checkModule(ctx, module));
  }
};

/** An imported path of a family (its prefix), with its declarations. */
interface FamilyImport extends FamilyMember {
  prefix: string;
  path: string;
  uses: readonly ImportUse[];
}

function checkModule(ctx: RuleContext, module: Module): Finding[] {
  const imports = importsOf(ctx, module);
  // Families are known from the repository's modules and announced by a major element in an import
  // or a require path (`.../dep/v2`). Each import belongs to the most specific family that holds it.
  const families = new Set(ctx.modules.map(m => m.prefix).filter(Boolean));
  const announce = (p: string) => {
    const family = announcedFamily(p);
    if (family) families.add(family.prefix);
  };
  for (const path of imports.keys()) if (!isStandardImportPath(path)) announce(path);
  for (const r of module.modFile.require) announce(r.path);
  const familyOf = (path: string) => {
    for (const prefix of familyCandidates(path)) {
      if (!families.has(prefix)) continue;
      const member = familyMember(path, prefix);
      if (member) return { prefix, member };
    }
    return undefined;
  };

  const familyImports = [...imports].flatMap(([path, uses]): FamilyImport[] => {
    if (isStandardImportPath(path) && !ctx.importOwner(path)) return [];
    const found = familyOf(path);
    // The module's own family is stale-self-import's business.
    return found && found.prefix !== module.prefix
      ? [{ prefix: found.prefix, path, uses, ...found.member }]
      : [];
  });
  const importsByFamily = groupBy(familyImports, i => i.prefix);

  const findings: Finding[] = [];
  for (const members of importsByFamily.values()) {
    const majors = [...new Set(members.map(m => m.major))].sort(compareMajors);
    if (majors.length < 2) continue;
    const highest = majors[majors.length - 1];
    const highestPath = members.find(m => m.major === highest)?.modulePath as string;
    for (const member of members.filter(m => m.major !== highest)) {
      const message = `"${module.path}" imports both ${member.modulePath} and ${highestPath}, two majors of one module built side by side; finish the migration: import "${highestPath}${member.path.slice(member.modulePath.length)}" instead of "${member.path}"`;
      for (const { file, spec } of member.uses) {
        findings.push(
          makeFinding(
            'mixed-major-import',
            'warning',
            { file, line: spec.line, column: spec.column, endLine: spec.endLine, endColumn: spec.endColumn },
            message,
            module
          )
        );
      }
    }
  }
  return findings;
}

/**
 * Whether the go command takes an import path for the standard library's: its first element has no
 * dot (search.IsStandardImportPath). `math/rand` and `math/rand/v2` are two packages, not two majors.
 */
export function isStandardImportPath(path: string): boolean {
  const slash = path.indexOf('/');
  return !(slash < 0 ? path : path.slice(0, slash)).includes('.');
}

import {
  announcedFamily,
  compareMajors,
  familyCandidates,
  familyMember,
  type FamilyMember
} from '../go/majors.js';
import type { ImportSpec } from '../go/imports.js';
import type { Module } from '../go/layout.js';
import type { Finding } from '../types.js';
import { goFilesOf, makeFinding, moduleTargets, type Rule, type RuleContext } from './context.js';

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

interface Use extends FamilyMember {
  file: string;
  spec: ImportSpec;
}

function checkModule(ctx: RuleContext, module: Module): Finding[] {
  const files = goFilesOf(ctx, module);
  // Families are known from the repository's modules and announced by a major element in an import
  // or a require path (`.../dep/v2`). Each import belongs to the most specific family that holds it.
  const families = new Set(ctx.modules.map(m => m.prefix).filter(Boolean));
  const announce = (p: string) => {
    const family = announcedFamily(p);
    if (family) families.add(family.prefix);
  };
  const seen = new Set<string>();
  for (const { scan } of files) {
    for (const spec of scan.imports) {
      if (seen.has(spec.path)) continue;
      seen.add(spec.path);
      announce(spec.path);
    }
  }
  for (const r of module.modFile.require) announce(r.path);
  const familyOf = memoize((path: string) => {
    for (const prefix of familyCandidates(path)) {
      if (!families.has(prefix)) continue;
      const member = familyMember(path, prefix);
      if (member) return { prefix, member };
    }
    return undefined;
  });

  const usesByFamily = new Map<string, Use[]>();
  for (const { file, scan } of files) {
    for (const spec of scan.imports) {
      const found = familyOf(spec.path);
      // The module's own family is stale-self-import's business.
      if (!found || found.prefix === module.prefix) continue;
      const uses = usesByFamily.get(found.prefix) ?? [];
      uses.push({ file, spec, ...found.member });
      usesByFamily.set(found.prefix, uses);
    }
  }

  const findings: Finding[] = [];
  for (const uses of usesByFamily.values()) {
    const majors = [...new Set(uses.map(u => u.major))].sort(compareMajors);
    if (majors.length < 2) continue;
    const highest = majors[majors.length - 1];
    const highestPath = uses.find(u => u.major === highest)?.modulePath as string;
    for (const use of uses.filter(u => u.major !== highest)) {
      const { spec } = use;
      findings.push(
        makeFinding(
          'mixed-major-import',
          'warning',
          {
            file: use.file,
            line: spec.line,
            column: spec.column,
            endLine: spec.endLine,
            endColumn: spec.endColumn
          },
          `"${module.path}" imports both ${use.modulePath} and ${highestPath}, two majors of one module built side by side; finish the migration: import "${highestPath}${spec.path.slice(use.modulePath.length)}" instead of "${spec.path}"`,
          module
        )
      );
    }
  }
  return findings;
}

function memoize<T>(fn: (key: string) => T): (key: string) => T {
  const memo = new Map<string, T>();
  return key => {
    if (!memo.has(key)) memo.set(key, fn(key));
    return memo.get(key) as T;
  };
}

import { announcedFamily, compareMajors, familyMember } from '../go/majors.js';
import { moduleOwningImport, type Module } from '../go/layout.js';
import type { Finding } from '../types.js';
import { goFilesOf, makeFinding, moduleTargets, type Rule, type RuleContext } from './context.js';

/**
 * Importing two majors of one dependency builds both into the program: usually half of a migration.
 * Reported at each import of the lower major(s).
 */
export const mixedMajorImport: Rule = {
  id: 'mixed-major-import',
  doc: 'The module imports two majors of the same dependency.',
  check(ctx) {
    return moduleTargets(ctx).flatMap(({ module }) => checkModule(ctx, module));
  }
};

function checkModule(ctx: RuleContext, module: Module): Finding[] {
  const files = goFilesOf(ctx, module);
  // Families are announced by a major element in an import or a require path; the module's own
  // family is stale-self-import's business.
  const families = new Set<string>();
  const announce = (p: string) => {
    const family = announcedFamily(p);
    if (family && family.prefix !== module.prefix) families.add(family.prefix);
  };
  for (const { scan } of files) for (const spec of scan.imports) announce(spec.path);
  for (const r of module.modFile.require) announce(r.path);
  if (families.size === 0) return [];

  const findings: Finding[] = [];
  for (const prefix of families) {
    const uses: { file: string; spec: (typeof files)[number]['scan']['imports'][number]; major: string; modulePath: string }[] = [];
    for (const { file, scan } of files) {
      for (const spec of scan.imports) {
        const member = familyMember(spec.path, prefix);
        // A package of another module of this repository is not a member of the family.
        const owner = moduleOwningImport(spec.path, ctx.modules);
        if (member && (!owner || owner.prefix === prefix)) uses.push({ file, spec, ...member });
      }
    }
    const majors = [...new Set(uses.map(u => u.major))].sort(compareMajors);
    if (majors.length < 2) continue;
    const highest = majors[majors.length - 1];
    const highestPath = uses.find(u => u.major === highest)?.modulePath as string;
    for (const use of uses.filter(u => u.major !== highest)) {
      findings.push(
        makeFinding(
          'mixed-major-import',
          'warning',
          { file: use.file, line: use.spec.line, column: use.spec.column, endLine: use.spec.endLine, endColumn: use.spec.endColumn },
          `"${module.path}" imports both ${use.modulePath} and ${highestPath}, two majors of one module built side by side; finish the migration: import "${highestPath}${use.spec.path.slice(use.modulePath.length)}" instead of "${use.spec.path}"`,
          module
        )
      );
    }
  }
  return findings;
}

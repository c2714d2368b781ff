import { familyMember } from '../go/module/majors.js';
import { makeFinding, moduleTargets, type Rule } from './context.js';
import type { Finding } from '../types.js';

/** A module that requires or replaces another major of itself usually carries a leftover of the bump. */
export const selfRequirement: Rule = {
  id: 'self-requirement',
  severity: 'warning',
  doc: 'go.mod requires or replaces another major of the module itself.',
  check(ctx) {
    return moduleTargets(ctx).flatMap(({ module }) => {
      if (module.path === undefined) return [];
      const findings: Finding[] = [];
      const otherMajor = (p: string) => {
        const member = familyMember(p, module.prefix);
        return member !== undefined && member.modulePath === p && p !== module.path;
      };
      for (const r of module.modFile.require) {
        if (!otherMajor(r.path)) continue;
        findings.push(
          makeFinding(
            'self-requirement',
            'warning',
            { file: module.goModFile, line: r.line, column: r.span.start.column },
            `"${module.path}" requires ${r.path} ${r.version}, another major of itself: usually a leftover of the major bump (a stale import pulled it in). Fix the imports, then remove this line (go mod tidy), unless the new major deliberately wraps the old one`,
            module
          )
        );
      }
      for (const r of module.modFile.replace) {
        if (!otherMajor(r.oldPath)) continue;
        findings.push(
          makeFinding(
            'self-requirement',
            'warning',
            { file: module.goModFile, line: r.line, column: r.span.start.column },
            `"${module.path}" replaces ${r.oldPath}, another major of itself: remove this replace directive; consumers ignore it, and the module should not depend on its own old major`,
            module
          )
        );
      }
      return findings;
    });
  }
};

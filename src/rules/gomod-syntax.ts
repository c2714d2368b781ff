import { makeFinding, moduleTargets, type Rule } from './context.js';

/**
 * go.mod must parse under the go command's strict rules for a main module. Major mismatches in
 * require/exclude/replace are left to require-major-mismatch, which says more.
 */
export const gomodSyntax: Rule = {
  id: 'gomod-syntax',
  severity: 'error',
  doc: "go.mod does not parse under the go command's strict rules (BOM, /* */ comments, quoted paths, unknown directives, ...).",
  check(ctx) {
    return moduleTargets(ctx).flatMap(({ module }) => {
      const findings = module.errors
        .filter(e => e.kind === 'syntax')
        .map(e =>
          makeFinding(
            'gomod-syntax',
            'error',
            { file: module.goModFile, line: e.line, column: e.column },
            `${e.text}: the go command rejects this go.mod; fix this line`,
            module
          )
        );
      if (findings.length === 0 && !module.modFile.module) {
        findings.push(
          makeFinding(
            'gomod-syntax',
            'error',
            { file: module.goModFile, line: 1 },
            `${module.goModFile} has no module directive: add "module <path>" as its first line`,
            module
          )
        );
      }
      return findings;
    });
  }
};

import { checkPath } from '../go/module/modpath.js';
import { makeFinding, moduleLinePlace, moduleTargets, quote, type Rule } from './context.js';

/** The module path must pass CheckPath, the rule the go command applies to every module it fetches. */
export const modulePathInvalid: Rule = {
  id: 'module-path-invalid',
  severity: 'error',
  doc: "The module path fails the go command's CheckPath, or is declared in a form (`module (` block) that cannot be fetched.",
  check(ctx) {
    return moduleTargets(ctx).flatMap(({ module }) => {
      const path = module.path;
      if (path === undefined) return [];
      const place = moduleLinePlace(module);
      if (module.modFile.module?.block) {
        return [
          makeFinding(
            'module-path-invalid',
            'error',
            { ...place, line: module.modFile.module.line },
            `the module path is declared as a "module (" block: it builds locally, but the go command reads a fetched go.mod with a line scan that finds the path "(", so nobody can download it; write "module ${path}" on one line`,
            module
          )
        ];
      }
      const problem = checkPath(path);
      if (!problem) return [];
      return [
        makeFinding('module-path-invalid', 'error', place, `${problem}: ${advice(path, problem)}`, module)
      ];
    });
  }
};

function advice(path: string, problem: string): string {
  if (problem.endsWith('invalid version')) {
    return `a major version suffix is /vN with N >= 2 and no leading zero or dot (v0 and v1 modules have none); write ${quote(path.replace(/\/v[0-9.]*$/, ''))} for v0/v1, or ${quote(path.replace(/\/v[0-9.]*$/, '/v2'))} for v2`;
  }
  if (problem.includes('missing dot in first path element')) {
    return 'consumers can only fetch a module whose path starts with a domain name, such as "github.com/owner/repo"';
  }
  if (problem.includes('in first path element')) {
    return 'the domain name (the first path element) must be lower case letters, digits, "." and "-"';
  }
  return 'fix the module path in go.mod so that the go command accepts it';
}

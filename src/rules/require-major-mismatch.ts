import { checkPathMajor, splitPathVersion } from '../go/module/modpath.js';
import { isValid } from '../go/module/version.js';
import type { Span } from '../go/module/modfile.js';
import { makeFinding, moduleTargets, type Rule } from './context.js';
import type { Finding } from '../types.js';

/**
 * Each require, exclude and replace version must fit its path's major suffix (CheckPathMajor):
 * v2+ needs /vN or +incompatible, /vN needs vN, +incompatible never goes with /vN.
 */
export const requireMajorMismatch: Rule = {
  id: 'require-major-mismatch',
  severity: 'error',
  doc: 'A require/exclude/replace version whose major does not fit its module path.',
  check(ctx) {
    return moduleTargets(ctx).flatMap(({ module }) => {
      const findings: Finding[] = [];
      const check = (verb: string, path: string, version: string, span: Span, line: number) => {
        const problem = mismatch(path, version);
        if (!problem) return;
        findings.push(
          makeFinding(
            'require-major-mismatch',
            'error',
            {
              file: module.goModFile,
              line,
              column: span.start.column,
              endLine: span.end.line,
              endColumn: span.end.column
            },
            `${verb} ${path} ${version}: ${problem}`,
            module
          )
        );
      };
      const { require, exclude, replace } = module.modFile;
      for (const r of require) check('require', r.path, r.version, r.versionSpan, r.line);
      for (const e of exclude) check('exclude', e.path, e.version, e.versionSpan, e.line);
      for (const r of replace) {
        if (r.oldVersion) check('replace', r.oldPath, r.oldVersion, r.oldPathSpan, r.line);
        if (r.newVersion) check('replace', r.newPath, r.newVersion, r.newPathSpan, r.line);
      }
      return findings;
    });
  }
};

/** The go command's complaint about a path/version pair plus what to write, or undefined. */
export function mismatch(path: string, version: string): string | undefined {
  if (!isValid(version)) return undefined;
  const { prefix, pathMajor, ok } = splitPathVersion(path);
  if (!ok) return undefined;
  const problem = checkPathMajor(version, pathMajor);
  if (problem) {
    const m = /^v(\d+)/.exec(version);
    const major = m ? m[1] : '';
    const suggestion =
      pathMajor === '' && Number(major) >= 2
        ? `use the module's /v${major} path ("${prefix}/v${major}"), or ${version}+incompatible if that module has no go.mod`
        : pathMajor !== '' && major !== pathMajor.slice(2)
          ? `use a ${pathMajor.slice(1)}.x.y version, or the path of major v${major}`
          : 'fix the version';
    return `${problem}; ${suggestion}`;
  }
  if (pathMajor !== '' && version.endsWith('+incompatible')) {
    return `+incompatible is only for modules without a major suffix; write ${version.slice(0, -'+incompatible'.length)}`;
  }
  return undefined;
}

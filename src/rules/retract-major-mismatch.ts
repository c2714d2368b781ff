import { checkPathMajor } from '../go/module/modpath.js';
import { isValid } from '../go/module/version.js';
import { makeFinding, moduleTargets, type Rule } from './context.js';

/**
 * retract may only name versions of the module's own major: the go command (with its version fixer,
 * as when it loads the main module) rejects `retract v1.2.0` in a /v2 go.mod.
 */
export const retractMajorMismatch: Rule = {
  id: 'retract-major-mismatch',
  severity: 'error',
  doc: 'A retract of a version of another major (typically v1 retractions left in a v2 go.mod).',
  check(ctx) {
    return moduleTargets(ctx).flatMap(({ module }) => {
      if (module.path === undefined) return [];
      return module.modFile.retract.flatMap(r => {
        const bad = [r.low, r.high].filter(v => isValid(v) && checkPathMajor(v, module.pathMajor));
        if (bad.length === 0) return [];
        const range = r.low === r.high ? r.low : `[${r.low}, ${r.high}]`;
        return [
          makeFinding(
            'retract-major-mismatch',
            'error',
            { file: module.goModFile, line: r.line, column: r.span.start.column },
            `retract ${range} names a version of another major than "${module.path}" (${checkPathMajor(bad[0], module.pathMajor)}): retractions of the old major belong in the old major's go.mod; remove this line`,
            module
          )
        ];
      });
    });
  }
};

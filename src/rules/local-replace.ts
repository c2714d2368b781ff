import { isDirectoryPath } from '../go/module/modfile.js';
import { makeFinding, moduleTargets, type Rule } from './context.js';

/** A directory replacement only works in the author's checkout: consumers ignore replace directives. */
export const localReplace: Rule = {
  id: 'local-replace',
  severity: 'error',
  doc: 'A replace directive that points at a directory (error on a release, warning on a pull request).',
  check(ctx) {
    return moduleTargets(ctx).flatMap(target => {
      const { module } = target;
      const severity = target.mode === 'release' ? 'error' : 'warning';
      return module.modFile.replace
        .filter(r => r.newVersion === '' && isDirectoryPath(r.newPath))
        .map(r =>
          makeFinding(
            'local-replace',
            severity,
            { file: module.goModFile, line: r.line, column: r.span.start.column },
            `replace ${r.oldPath}${r.oldVersion ? ` ${r.oldVersion}` : ''} => ${r.newPath} points at a local directory: consumers of the release ignore it, so it builds here and breaks there; require a published version instead and remove the replace (or use a go.work file for local development)`,
            module
          )
        );
    });
  }
};

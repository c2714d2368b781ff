import { makeFinding, versionTargets, type Rule } from './context.js';

/** A `// Deprecated:` paragraph on the module line deprecates the very version being released. */
export const deprecatedModule: Rule = {
  id: 'deprecated-module',
  severity: 'warning',
  doc: 'The go.mod being released carries a "// Deprecated:" paragraph on its module line.',
  check(ctx) {
    return versionTargets(ctx).flatMap(({ module, version }) => {
      const directive = module.modFile.module;
      if (!directive?.deprecated) return [];
      return [
        makeFinding(
          'deprecated-module',
          'warning',
          { file: module.goModFile, line: directive.deprecatedLine ?? directive.line },
          `${module.goModFile} marks "${module.path}" as deprecated ("${directive.deprecated}"), so releasing ${version} tells every user of this module path to move away; remove the Deprecated comment unless that is the intent`,
          module
        )
      ];
    });
  }
};

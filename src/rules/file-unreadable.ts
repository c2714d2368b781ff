import { fileOwnerIndex, isGoModName } from '../go/module/layout.js';
import { goFilesOf, makeFinding, moduleTargets, type Rule } from './context.js';
import type { Finding } from '../types.js';

/** A file that cannot be read or scanned is said, with its position: never a crash, never silence. */
export const fileUnreadable: Rule = {
  id: 'file-unreadable',
  severity: 'warning',
  doc: 'A file could not be read or scanned (binary, unterminated comment in the header).',
  check(ctx) {
    const findings: Finding[] = [];
    const owner = fileOwnerIndex(ctx.modules);
    for (const { module } of moduleTargets(ctx)) {
      for (const { file, scan } of goFilesOf(ctx, module)) {
        if (!scan.error) continue;
        findings.push(
          makeFinding(
            'file-unreadable',
            'warning',
            { file, line: scan.error.line, column: scan.error.column },
            `could not read the imports of ${file}: ${scan.error.message}; the go command will fail on this file too, fix it so its imports can be checked`,
            module
          )
        );
      }
      for (const [file, reason] of ctx.snapshot.unreadable) {
        // An unreadable go.mod is gomod-unreadable's (an error, whatever is gated).
        if (isGoModName(file) || owner(file) !== module) continue;
        findings.push(
          makeFinding(
            'file-unreadable',
            'warning',
            { file, line: 1 },
            `could not read ${file}: ${reason}`,
            module
          )
        );
      }
    }
    return findings;
  }
};

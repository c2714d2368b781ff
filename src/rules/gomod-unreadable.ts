import { dirOf, isGoModName, ROOT_DIR } from '../go/module/layout.js';
import { makeFinding, type Rule } from './context.js';

/**
 * A go.mod that exists but cannot be read fails closed: which module its directory is, and so what
 * its files import and release, is unknown (gather/snapshot.ts reads nothing under it). Said in every
 * mode, whatever is gated: the modules around it depend on where it cuts them.
 */
export const gomodUnreadable: Rule = {
  id: 'gomod-unreadable',
  severity: 'error',
  doc: 'A go.mod exists but cannot be read (no permission, a directory, a symbolic link, over 16 MiB, its git object missing): its module is unknown.',
  check(ctx) {
    return [...ctx.snapshot.unreadable]
      .filter(([file]) => isGoModName(file))
      .map(([file, reason]) => {
        const dir = dirOf(file);
        const where = dir === ROOT_DIR ? 'the module at the repository root' : `the module in ${dir}/`;
        return makeFinding(
          'gomod-unreadable',
          'error',
          { file, line: 1 },
          `could not read ${file}: ${reason}. Without it ${where} is unknown, so nothing in it was checked: make ${file} a regular file (no symbolic link, at most 16 MiB) that can be read, with its object present in the clone`,
          undefined,
          { moduleDir: dir }
        );
      });
  }
};

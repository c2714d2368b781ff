import { makeFinding, NO_PLACE, type Rule } from './context.js';

/**
 * A comparison or a rule that could not run because the clone lacks history (a shallow clone, no
 * tags, a comparison point's commit) is said, with the fix: never a silent pass.
 */
export const historyMissing: Rule = {
  id: 'history-missing',
  severity: 'warning',
  doc: 'The clone lacks history the check needs (a release commit, the tags, a shallow edge): what could not run, and the fix.',
  check(ctx) {
    return (ctx.snapshot.missingHistory ?? []).map(m =>
      makeFinding('history-missing', m.severity, NO_PLACE, `${m.what} (${m.why}), so ${m.affects}: ${m.fix}`)
    );
  }
};

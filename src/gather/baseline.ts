// Only new findings on a pull request: the merge base of the base and the head is checked too, and
// what it finds is pre-existing (src/config/only-new.ts matches the findings). Shared by the CLI's
// --only-new and the action's only-new input.
import { analyze, withoutPreExisting, type Report } from '../analyze.js';
import type { Config } from '../config/parse.js';
import type { FailOn, Intent } from '../types.js';
import { gatherSnapshot, type Gathered } from './snapshot.js';

export interface BaselineOptions {
  failOn: FailOn;
  disable: readonly string[];
  config?: Config;
  repository?: string;
}

/**
 * The pull request's report without the findings its merge base has too. The merge base is checked
 * as a consistency check with the same configuration (its breaking changes against the base are none
 * by definition, so that comparison is not made). A merge base the clone lacks leaves the report as it is.
 */
export async function onlyNewReport(
  report: Report,
  gathered: Gathered,
  options: BaselineOptions
): Promise<Report> {
  const { snapshot, git, root } = gathered;
  if (!snapshot.baseCommit) return report;
  const mergeBase = snapshot.commit ? await git.mergeBase(snapshot.baseCommit, snapshot.commit) : undefined;
  const at = mergeBase ?? snapshot.baseCommit;
  const intent: Intent = { kind: 'consistency', source: 'pull_request' };
  const disable = [...options.disable, 'breaking-change'];
  const base = await gatherSnapshot({
    dir: root,
    head: at,
    intent,
    disable,
    tags: snapshot.tags,
    ...(options.repository !== undefined ? { repository: options.repository } : {})
  });
  const baseReport = analyze(base.snapshot, {
    intent,
    failOn: options.failOn,
    disable,
    ...(options.config ? { config: options.config } : {})
  });
  return withoutPreExisting(report, baseReport.findings, options.failOn);
}

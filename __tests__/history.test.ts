// No silent pass (issue 15): where the clone lacks history a comparison or a rule needs, the CLI says
// so as a history-missing finding and on stderr, with the command that fixes it. The mechanism is
// src/gather/history.ts, shared with the action (whose cases are in action-faults.test.ts).
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { analyze } from '../src/analyze.js';
import { gatherSnapshot } from '../src/gather/snapshot.js';
import { checkJson } from './helpers/cli.js';
import { commitTree, git, makeRepo, tempDir, type TreeState } from './helpers/repo.js';
import { v1 } from './helpers/fixtures.js';

const v1Plus: TreeState = {
  files: { ...v1.files, 'extra.go': 'package r\n\nfunc Extra() string { return "x" }\n' }
};

function shallowClone(origin: string, ...args: string[]): string {
  const dir = join(tempDir(), 'clone');
  git(origin, 'clone', '-q', '--depth', '1', ...args, `file://${origin}`, dir);
  return dir;
}

const missingOf = <F extends { rule: string }>(findings: F[]): F[] =>
  findings.filter(f => f.rule === 'history-missing');

describe('the CLI says what the clone lacks', () => {
  test('a --tag check in a depth-1 clone without tags: a notice and a stderr line with the fetch', async () => {
    const origin = makeRepo([v1, v1Plus]);
    git(origin, 'tag', 'v1.1.0');
    const clone = shallowClone(origin, '--no-tags');
    const { report, stderr } = await checkJson(clone, '--tag', 'v1.1.0');
    const [notice, ...rest] = missingOf(report.findings);
    expect(rest).toEqual([]);
    expect(notice).toMatchObject({ severity: 'notice', file: null, line: null });
    expect(notice.message).toContain('this clone has no tags (it is shallow');
    expect(notice.message).toContain(
      'tag-exists, version-order and breaking-change could not see earlier releases'
    );
    expect(notice.message).toContain('run "git fetch --tags --unshallow"');
    expect(stderr).toContain('go-major-gate: notice: this clone has no tags');
    // After the fetch the check sees v1.0.0 and compares with it: nothing missing any more.
    git(clone, 'fetch', '-q', '--tags', '--unshallow', 'origin');
    const after = await checkJson(clone, '--tag', 'v1.1.0');
    expect(missingOf(after.report.findings)).toEqual([]);
    expect(after.report.targets[0].suggested).toBe('v1.1.0');
  });

  test('a full clone without tags is a first release: nothing to say', async () => {
    const dir = makeRepo([{ files: v1.files }]);
    const { report, stderr } = await checkJson(dir, '--version', 'v1.0.0');
    expect(missingOf(report.findings)).toEqual([]);
    expect(stderr).toBe('');
  });

  test('a shallow pull request check without a merge base says so, with "git fetch --unshallow"', async () => {
    const origin = makeRepo([v1, { files: { ...v1.files, 'a.go': 'package r\n' } }]);
    git(origin, 'checkout', '-q', '-b', 'feature', 'HEAD~1');
    commitTree(origin, { files: { ...v1.files, 'b.go': 'package r\n' } }, 'feature');
    git(origin, 'checkout', '-q', 'main');
    const clone = shallowClone(origin, '--branch', 'feature');
    git(clone, 'fetch', '-q', '--depth=1', 'origin', 'main:refs/remotes/origin/main');
    const { report, stderr } = await checkJson(clone, '--base', 'origin/main');
    const messages = missingOf(report.findings).map(f => f.message);
    expect(messages).toEqual([
      expect.stringContaining(
        "the merge base of the pull request's base and head is not in this clone (the clone is shallow)"
      )
    ]);
    expect(messages[0]).toContain('run "git fetch --unshallow"');
    expect(stderr).toContain('git fetch --unshallow');
    // With the history, nothing to say.
    git(clone, 'fetch', '-q', '--unshallow', 'origin');
    expect(missingOf((await checkJson(clone, '--base', 'origin/main')).report.findings)).toEqual([]);
  });

  test('a shallow clone that has what the check needs gets no finding', async () => {
    const origin = makeRepo([v1, v1Plus]);
    const clone = shallowClone(origin, '--no-tags');
    git(clone, 'fetch', '-q', '--depth=1', '--tags', 'origin');
    const { report } = await checkJson(clone, '--version', 'v1.1.0');
    expect(missingOf(report.findings)).toEqual([]);
    expect(report.targets[0].suggested).toBe('v1.1.0');
  });

  test('history-missing can be disabled: no finding, no stderr line', async () => {
    const clone = shallowClone(makeRepo([v1, v1Plus]), '--no-tags');
    const { report, stderr } = await checkJson(clone, '--version', 'v1.1.0', '--disable', 'history-missing');
    expect(missingOf(report.findings)).toEqual([]);
    expect(stderr).not.toContain('no tags');
  });
});

describe('a comparison point whose commit the clone lacks', () => {
  test('tags from elsewhere (the REST API) naming an absent commit: no crash, no comparison, the rest runs', async () => {
    const dir = makeRepo([v1, v1Plus]);
    const gone = '3'.repeat(40);
    // Before: "git diff failed (exit 128): fatal: bad object 3333…".
    const { snapshot } = await gatherSnapshot({
      dir,
      head: 'HEAD',
      tags: [{ name: 'v1.0.0', commit: gone }],
      intent: { kind: 'version', version: 'v1.1.0', source: 'input' }
    });
    expect(snapshot.apiComparisons).toEqual([]);
    const report = analyze(snapshot, {
      intent: { kind: 'version', version: 'v1.1.0', source: 'input' },
      failOn: 'error',
      disable: [],
      startedAt: Date.now()
    });
    expect(report.findings.filter(f => f.rule !== 'history-missing')).toEqual([]);
  });
});

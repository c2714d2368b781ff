// pull_request_target: the workflow runs on the base branch with a writable token, even for a fork.
// The action must gate the fork's head commit (fetched as git objects, never checked out) and, with
// that token, write the check run.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@jest/globals';
import { makeRemote, runDistAction, useFakeGitHub } from './helpers/action.js';
import { repoRoot } from './helpers/conformance.js';
import { git } from './helpers/repo.js';

const R = 'github.com/o/r';
const fakeGitHub = useFakeGitHub();

test('a fork pull request on pull_request_target: the head is fetched by refs/pull/N/head and the check run is written', async () => {
  const v1 = {
    'go.mod': `module ${R}\n\ngo 1.19\n`,
    'r.go': `package r\n\nimport "${R}/pkg"\n\nfunc Name() string { return pkg.Name }\n`,
    'pkg/pkg.go': 'package pkg\n\nconst Name = "pkg"\n'
  };
  const bump = { ...v1, 'go.mod': `module ${R}/v2\n\ngo 1.19\n` };
  const api = fakeGitHub();
  const remote = makeRemote([{ files: v1, tags: ['v1.0.0'] }], { 'fork-bump': { files: bump } });
  const head = remote.sha('fork-bump');
  // The fork's branch is not in the base repository; only GitHub's pull ref is.
  git(remote.bare, 'update-ref', 'refs/pull/21/head', head);
  git(remote.bare, 'branch', '-D', 'fork-bump');
  const payload = JSON.parse(
    readFileSync(join(repoRoot, '__tests__', 'fixtures', 'events', 'pull_request.opened.json'), 'utf8')
  );
  payload.number = 21;
  Object.assign(payload.pull_request, { number: 21 });
  Object.assign(payload.pull_request.head, { sha: head, ref: 'fork-bump' });
  Object.assign(payload.pull_request.head.repo, { full_name: 'forker/r', fork: true });
  Object.assign(payload.pull_request.base, { sha: remote.sha('main'), ref: 'main' });
  payload.pull_request.base.repo.full_name = 'o/r';

  const run = await runDistAction({
    workspace: remote.checkout('main'),
    eventName: 'pull_request_target',
    payload,
    apiUrl: fakeGitHub().url,
    sha: remote.sha('main'),
    ref: 'refs/heads/main'
  });
  expect(run.code).toBe(1);
  expect(api.checkRuns).toHaveLength(1);
  expect(api.checkRuns[0]).toMatchObject({ head_sha: head, conclusion: 'failure' });
  expect(api.checkRuns[0].annotations).toEqual(
    expect.arrayContaining([expect.objectContaining({ path: 'r.go', start_line: 3 })])
  );
  expect(run.commands.filter(c => c.command === 'warning')).toEqual([]);
  expect(api.schemaViolations()).toEqual([]);
});

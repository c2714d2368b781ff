// End to end (dist/index.js, the local API stand-in): for a module path that names another
// repository, the action asks GitHub (GET /repos/OLD/NAME) whether it redirects to this one, as a
// rename leaves it. A redirect here makes module-path-repository a warning that says so, even for a
// path no release used yet; another repository or none there keeps that an error.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from '@jest/globals';
import { makeRemote, runDistAction, type ActionRun } from './helpers/action.js';
import { repoRoot } from './helpers/conformance.js';
import { FakeGitHub } from './helpers/github-api.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const OLD = 'github.com/old/r';
const files = { 'go.mod': `module ${OLD}\n\ngo 1.19\n`, 'r.go': 'package r\n' };

let api: FakeGitHub;
beforeAll(async () => {
  api = await FakeGitHub.start({ owner: 'o', repo: 'r' });
});
afterAll(async () => {
  await api.close();
});
beforeEach(() => {
  api.renames.clear();
  api.repositories = [];
  api.requests.length = 0;
});

/** workflow_dispatch of v1.0.0, the first release, of a module whose path names old/r. */
async function dispatch(): Promise<{ run: ActionRun; finding: Json }> {
  const remote = makeRemote([{ files }]);
  const payload = JSON.parse(
    readFileSync(join(repoRoot, '__tests__', 'fixtures', 'events', 'workflow_dispatch.json'), 'utf8')
  ) as Json;
  payload.inputs = { version: 'v1.0.0' };
  payload.ref = 'refs/heads/main';
  const run = await runDistAction({
    workspace: remote.checkout(),
    eventName: 'workflow_dispatch',
    payload,
    apiUrl: api.url,
    sha: remote.sha('main'),
    ref: 'refs/heads/main',
    inputs: { version: 'v1.0.0' }
  });
  const report = JSON.parse(readFileSync(run.outputs.report, 'utf8')) as Json;
  const found = report.findings.filter((f: Json) => f.rule === 'module-path-repository');
  expect(found).toHaveLength(1);
  return { run, finding: found[0] as Json };
}

describe('a module path naming another repository, asked of GitHub', () => {
  test('old/r redirects to o/r (a rename): a warning that says so, and the release passes', async () => {
    api.renames.set('old/r', 'o/r');
    const { run, finding } = await dispatch();
    expect(finding.severity).toBe('warning');
    expect(finding.message).toContain(`${OLD} redirects to o/r: GitHub renamed the repository`);
    expect(finding.message).toContain('write module github.com/o/r for new majors');
    expect(run.code).toBe(0);
    // The 301 was followed to the current repository, and both requests were valid.
    const asked = api.requestsFor('repos/get');
    expect(asked.map(r => [r.path, r.status])).toEqual([
      ['/repos/old/r', 301],
      ['/repos/o/r', 200]
    ]);
    expect(asked.flatMap(r => r.schemaErrors)).toEqual([]);
  });

  test('old/r is another repository: an error that names it', async () => {
    api.repositories = ['old/r'];
    const { run, finding } = await dispatch();
    expect(finding.severity).toBe('error');
    expect(finding.message).toContain(`${OLD} is the repository old/r, no redirect to o/r`);
    expect(run.code).toBe(1);
  });

  test('GitHub knows no old/r: an error for a path no release used', async () => {
    const { run, finding } = await dispatch();
    expect(finding.severity).toBe('error');
    expect(finding.message).toContain('GitHub knows no repository old/r');
    expect(api.requestsFor('repos/get').map(r => r.status)).toEqual([404]);
    expect(run.code).toBe(1);
  });

  test('a failed request (451, a repository blocked for legal reasons): judged without GitHub, as the CLI does', async () => {
    api.inject('repos/get', { kind: 'status', status: 451 });
    const { run, finding } = await dispatch();
    expect(finding.severity).toBe('error');
    expect(finding.message).toContain("consumers who fetch this path will get the other repository's code");
    expect(finding.message).not.toContain('GitHub knows');
    expect(run.stdout).toContain('could not ask GitHub whether old/r redirects to o/r');
    expect(run.code).toBe(1);
  });
});

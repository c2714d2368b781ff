// End to end: the bundled action (dist/index.js) run as the runner runs it, on a shallow, tagless
// checkout of a bare origin, reporting to a local stand-in of the GitHub API that validates every
// request against GitHub's OpenAPI description.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { makeRemote, runDistAction, type ActionRun, type Remote } from './helpers/action.js';
import { repoRoot } from './helpers/conformance.js';
import { FakeGitHub } from './helpers/github-api.js';
import { git } from './helpers/repo.js';
import { R, v1 as v1Release } from './helpers/fixtures.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function event(name: string): Json {
  return JSON.parse(
    readFileSync(join(repoRoot, '__tests__', 'fixtures', 'events', `${name}.json`), 'utf8')
  ) as Json;
}

const v1 = v1Release.files;

/** The v2 bump, with `stale` files still importing the v1 path. */
function v2(stale = 1): Record<string, string> {
  const files: Record<string, string> = {
    'go.mod': `module ${R}/v2\n\ngo 1.19\n`,
    'r.go': `package r\n\nimport "${R}/v2/pkg"\n\nfunc Name() string { return pkg.Name }\n`,
    'pkg/pkg.go': 'package pkg\n\nconst Name = "pkg"\n'
  };
  for (let i = 0; i < stale; i++)
    files[`s/s${i}.go`] = `package s\n\nimport "${R}/pkg"\n\nvar N${i} = pkg.Name\n`;
  return files;
}

function pullRequest(
  remote: Remote,
  options: { action?: 'opened' | 'synchronize'; head: string; fork?: boolean; number?: number }
): Json {
  const payload = event(
    options.action === 'synchronize' ? 'pull_request.synchronize' : 'pull_request.opened'
  );
  const number = options.number ?? 7;
  payload.number = number;
  payload.pull_request.number = number;
  payload.pull_request.head.sha = remote.sha(options.head);
  payload.pull_request.head.ref = options.head;
  payload.pull_request.base.sha = remote.sha('main');
  payload.pull_request.base.ref = 'main';
  payload.pull_request.base.repo.full_name = 'o/r';
  payload.repository.full_name = 'o/r';
  payload.pull_request.head.repo.full_name = options.fork ? 'forker/r' : 'o/r';
  payload.pull_request.head.repo.fork = Boolean(options.fork);
  // GitHub keeps every pull request's head at refs/pull/N/head of the base repository.
  git(remote.bare, 'update-ref', `refs/pull/${number}/head`, payload.pull_request.head.sha);
  return payload;
}

function tagPush(remote: Remote, tag: string, deleted = false): Json {
  const payload = event(deleted ? 'push.tag-deleted' : 'push.tag-created');
  payload.ref = `refs/tags/${tag}`;
  payload.after = deleted ? '0'.repeat(40) : remote.sha(tag);
  payload.before = deleted ? remote.sha('main') : '0'.repeat(40);
  payload.repository.full_name = 'o/r';
  return payload;
}

/** Error annotations of findings (the gate's own failure message has no title). */
const errorsOf = (run: ActionRun) =>
  run.commands.filter(c => c.command === 'error' && c.properties.title !== undefined);

let api: FakeGitHub;
beforeAll(async () => {
  api = await FakeGitHub.start({ owner: 'o', repo: 'r' });
});
afterAll(async () => {
  await api.close();
});

describe('pull requests', () => {
  test('a major bump with a stale import fails: check run on the head commit, annotations, outputs, summary', async () => {
    const remote = makeRemote([{ files: v1, tags: ['v1.0.0'] }], { bump: { files: v2(1) } });
    const before = api.checkRuns.length;
    const run = await runDistAction({
      workspace: remote.checkout(),
      eventName: 'pull_request',
      payload: pullRequest(remote, { head: 'bump' }),
      apiUrl: api.url,
      sha: 'f'.repeat(40) // the merge commit: never the one reported on
    });
    expect(run.code).toBe(1);
    expect(run.outputs).toMatchObject({
      conclusion: 'failure',
      errors: '1',
      warnings: '0',
      version: 'v2.0.0',
      major: '2',
      'module-path': `${R}/v2`
    });
    const report = JSON.parse(readFileSync(run.outputs.report, 'utf8')) as Json;
    expect(report.targets[0]).toMatchObject({ mode: 'major-bump', source: 'pull_request' });
    // The first finding is breaking-change's notice (the API did not change: could be a minor).
    expect(report.findings[0]).toMatchObject({ rule: 'breaking-change', severity: 'notice', file: 'go.mod' });
    expect(report.findings[1]).toMatchObject({
      rule: 'stale-self-import',
      file: 's/s0.go',
      line: 3,
      new: true
    });
    expect(JSON.parse(readFileSync(run.outputs.sarif, 'utf8')).version).toBe('2.1.0');

    const check = api.checkRuns[before];
    expect(check).toMatchObject({
      name: 'go-major-gate',
      head_sha: remote.sha('bump'),
      status: 'completed',
      conclusion: 'failure'
    });
    // Errors first, then the rest, each by file.
    expect(check.annotations).toEqual([
      expect.objectContaining({ path: 's/s0.go', start_line: 3, annotation_level: 'failure' }),
      expect.objectContaining({
        path: 'go.mod',
        start_line: 1,
        annotation_level: 'notice',
        title: 'breaking-change'
      })
    ]);
    expect(errorsOf(run)).toEqual([
      expect.objectContaining({
        properties: expect.objectContaining({ file: 's/s0.go', line: '3', title: 'stale-self-import' })
      })
    ]);
    expect(run.summary).toContain(`${R}/v2`);
    expect(run.stdout).toContain('::error::go-major-gate: the gate failed: 1 error(s), 0 warning(s)');
    expect(api.schemaViolations()).toEqual([]);
  });

  test('a synchronize without a major change is a consistency check that passes', async () => {
    const remote = makeRemote([{ files: v1, tags: ['v1.0.0'] }], {
      feature: { files: { ...v1, 'x.go': 'package r\n' } }
    });
    const before = api.checkRuns.length;
    const run = await runDistAction({
      workspace: remote.checkout(),
      eventName: 'pull_request',
      payload: pullRequest(remote, { action: 'synchronize', head: 'feature' }),
      apiUrl: api.url
    });
    expect(run.code).toBe(0);
    expect(run.outputs.conclusion).toBe('success');
    expect(api.checkRuns[before]).toMatchObject({ head_sha: remote.sha('feature'), conclusion: 'success' });
    expect(run.commands).toEqual([]);
  });

  test('from a fork the token cannot write checks: one plain warning, annotations instead, the step still gates', async () => {
    const remote = makeRemote([{ files: v1, tags: ['v1.0.0'] }], { bump: { files: v2(1) } });
    api.inject('checks/create', {
      kind: 'status',
      status: 403,
      body: { message: 'Resource not accessible by integration' }
    });
    const run = await runDistAction({
      workspace: remote.checkout(),
      eventName: 'pull_request',
      payload: pullRequest(remote, { head: 'bump', fork: true, number: 8 }),
      apiUrl: api.url,
      inputs: { annotations: 'false' }
    });
    expect(run.code).toBe(1);
    const warnings = run.commands.filter(c => c.command === 'warning');
    expect(warnings).toHaveLength(1);
    expect(warnings[0].message).toContain('pull_request_target');
    expect(warnings[0].message).toContain('never runs its code');
    expect(errorsOf(run).filter(c => c.properties.file === 's/s0.go')).toHaveLength(1);
    expect(run.summary).toContain('stale-self-import');
  });

  test('a token without checks: write gets the permissions fix', async () => {
    const remote = makeRemote([{ files: v1, tags: ['v1.0.0'] }], { bump: { files: v2(1) } });
    api.inject('checks/create', { kind: 'status', status: 404, body: { message: 'Not Found' } });
    const run = await runDistAction({
      workspace: remote.checkout(),
      eventName: 'pull_request',
      payload: pullRequest(remote, { head: 'bump', number: 9 }),
      apiUrl: api.url
    });
    expect(run.code).toBe(1);
    expect(run.commands.filter(c => c.command === 'warning')[0].message).toContain('checks: write');
  });

  test('180 stale imports: all reach the check run in batches of 50; 10 workflow annotations at most', async () => {
    const remote = makeRemote([{ files: v1, tags: ['v1.0.0'] }], { bump: { files: v2(180) } });
    const before = api.requests.length;
    const checks = api.checkRuns.length;
    const run = await runDistAction({
      workspace: remote.checkout(),
      eventName: 'pull_request',
      payload: pullRequest(remote, { head: 'bump', number: 10 }),
      apiUrl: api.url,
      // Only the stale imports, so that the batches are round numbers.
      inputs: { disable: 'breaking-change' }
    });
    expect(run.code).toBe(1);
    const check = api.checkRuns[checks];
    expect(check.annotations).toHaveLength(180);
    const updates = api.requests.slice(before).filter(r => r.operationId === 'checks/update');
    const sizes = updates.map(r => ((r.body as Json).output?.annotations ?? []).length);
    expect(sizes).toEqual([50, 50, 50, 30, 0]);
    expect((check.output?.summary ?? '').length).toBeLessThanOrEqual(65535);
    // 9 finding annotations (the last says how many more) plus the gate's own error: GitHub's 10.
    const errors = errorsOf(run);
    expect(errors).toHaveLength(9);
    expect(errors[8].message).toMatch(/^172 more errors not shown here/);
    expect(run.commands.filter(c => c.command === 'error')).toHaveLength(10);
    expect(api.schemaViolations()).toEqual([]);
  });

  test('a 5xx is retried, a rejected batch is reported, not swallowed', async () => {
    const remote = makeRemote([{ files: v1, tags: ['v1.0.0'] }], { bump: { files: v2(60) } });
    api.inject(
      'checks/update',
      { kind: 'status', status: 500 },
      { kind: 'status', status: 422, body: { message: 'Validation Failed' } }
    );
    const checks = api.checkRuns.length;
    const run = await runDistAction({
      workspace: remote.checkout(),
      eventName: 'pull_request',
      payload: pullRequest(remote, { head: 'bump', number: 11 }),
      apiUrl: api.url,
      // Only the stale imports, so that the batches are round numbers.
      inputs: { disable: 'breaking-change' }
    });
    expect(run.code).toBe(1);
    // The 500 was retried; the retry met the 422, so that batch of 50 is lost and said.
    expect(api.checkRuns[checks].annotations).toHaveLength(10);
    const warning = run.commands.find(
      c => c.command === 'warning' && c.message.includes('rejected annotations 1-50')
    );
    expect(warning?.message).toContain('HTTP 422');
    expect(api.checkRuns[checks].conclusion).toBe('failure');
  });
});

describe('a busy API', () => {
  test('a secondary rate limit and slow answers are waited out', async () => {
    const remote = makeRemote([{ files: v1, tags: ['v1.0.0'] }], { bump: { files: v2(1) } });
    api.inject('checks/create', { kind: 'secondary-rate-limit' });
    api.inject('checks/update', { kind: 'delay', ms: 1500 });
    const checks = api.checkRuns.length;
    const run = await runDistAction({
      workspace: remote.checkout(),
      eventName: 'pull_request',
      payload: pullRequest(remote, { head: 'bump', number: 12 }),
      apiUrl: api.url
    });
    expect(run.code).toBe(1);
    expect(api.checkRuns.length).toBe(checks + 1);
    expect(api.checkRuns[checks]).toMatchObject({
      conclusion: 'failure',
      annotations: expect.arrayContaining([expect.objectContaining({ path: 's/s0.go' })])
    });
    expect(run.commands.filter(c => c.command === 'warning')).toEqual([]);
  });
});

describe('release guard', () => {
  test('a tag push of a broken release fails the job, with the check run on the tag commit', async () => {
    const remote = makeRemote([
      { files: v1, tags: ['v1.0.0'] },
      { files: v2(1), tags: ['v2.0.0'] }
    ]);
    const checks = api.checkRuns.length;
    const run = await runDistAction({
      workspace: remote.checkout('v2.0.0'),
      eventName: 'push',
      payload: tagPush(remote, 'v2.0.0'),
      apiUrl: api.url,
      sha: remote.sha('v2.0.0'),
      ref: 'refs/tags/v2.0.0'
    });
    expect(run.code).toBe(1);
    expect(run.outputs).toMatchObject({ conclusion: 'failure', version: 'v2.0.0' });
    expect(api.checkRuns[checks]).toMatchObject({ head_sha: remote.sha('v2.0.0'), conclusion: 'failure' });
    // The pushed tag itself is the release being guarded, not a tag that already exists.
    const report = JSON.parse(readFileSync(run.outputs.report, 'utf8')) as Json;
    expect(report.findings.map((f: Json) => f.rule)).toEqual(['stale-self-import']);
  });

  test('a tag deletion is skipped with a notice and no API call', async () => {
    const remote = makeRemote([{ files: v1, tags: ['v1.0.0'] }]);
    const before = api.requests.length;
    const run = await runDistAction({
      workspace: remote.checkout(),
      eventName: 'push',
      payload: tagPush(remote, 'v1.0.0', true),
      apiUrl: api.url
    });
    expect(run.code).toBe(0);
    expect(run.outputs.conclusion).toBe('skipped');
    expect(run.commands).toEqual([
      expect.objectContaining({ command: 'notice', message: expect.stringContaining('was deleted') })
    ]);
    expect(api.requests.length).toBe(before);
  });

  test('a published release of a good tag passes', async () => {
    const good = v2(0);
    const remote = makeRemote([
      { files: v1, tags: ['v1.0.0'] },
      { files: good, tags: ['v2.0.0'] }
    ]);
    const payload = event('release.published');
    payload.release.tag_name = 'v2.0.0';
    payload.repository.full_name = 'o/r';
    const run = await runDistAction({
      workspace: remote.checkout(),
      eventName: 'release',
      payload,
      apiUrl: api.url,
      sha: remote.sha('v2.0.0'),
      ref: 'refs/tags/v2.0.0'
    });
    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({ conclusion: 'success', version: 'v2.0.0', major: '2' });
  });

  test('workflow_dispatch gates its version input before the tag exists', async () => {
    const remote = makeRemote([{ files: v1, tags: ['v1.0.0'] }, { files: v2(0) }]);
    const payload = event('workflow_dispatch');
    payload.inputs = { version: 'v2.0.0' };
    payload.ref = 'refs/heads/main';
    const run = await runDistAction({
      workspace: remote.checkout(),
      eventName: 'workflow_dispatch',
      payload,
      apiUrl: api.url,
      sha: remote.sha('main'),
      ref: 'refs/heads/main'
    });
    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({ conclusion: 'success', version: 'v2.0.0' });
    // Dispatching v1.0.0 again: it exists on another commit.
    payload.inputs = { version: 'v1.0.0' };
    const again = await runDistAction({
      workspace: remote.checkout(),
      eventName: 'workflow_dispatch',
      payload,
      apiUrl: api.url,
      sha: remote.sha('main')
    });
    expect(again.code).toBe(1);
    expect(errorsOf(again).map(c => c.properties.title)).toContain('tag-exists');
  });

  test('without fetch-tags the tags come from the REST API', async () => {
    const remote = makeRemote([
      { files: v1, tags: ['v1.0.0'] },
      { files: v2(0), tags: ['v2.0.0'] }
    ]);
    api.tags = [
      { name: 'v1.0.0', commit: remote.sha('v1.0.0') },
      { name: 'v2.0.0', commit: remote.sha('v2.0.0') }
    ];
    const payload = event('workflow_dispatch');
    payload.inputs = { version: 'v2.0.0' };
    const run = await runDistAction({
      workspace: remote.checkout(),
      eventName: 'workflow_dispatch',
      payload,
      apiUrl: api.url,
      sha: remote.sha('main'),
      inputs: { 'fetch-tags': 'false', 'check-run': 'false' }
    });
    api.tags = [];
    expect(run.stdout).toContain('read 2 from the API');
    expect(run.code).toBe(0); // v2.0.0 is on the very commit gated: the release being guarded
  });
});

describe('inputs', () => {
  test('a bad input is one clear error', async () => {
    const remote = makeRemote([{ files: v1 }]);
    const run = await runDistAction({
      workspace: remote.checkout(),
      eventName: 'workflow_dispatch',
      payload: {},
      apiUrl: api.url,
      inputs: { 'fail-on': 'sometimes' }
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      '::error::go-major-gate: input fail-on must be error, warning or never, got "sometimes"'
    );
  });
});

/** The pull request's files as GitHub's pulls/list-files gives them: status and patch (hunks only) per file. */
function pullFilesOf(remote: Remote, base: string, head: string): FakeGitHub['pullFiles'] {
  const diff = git(remote.bare, 'diff', '--no-color', '--no-ext-diff', `${base}...${head}`);
  return diff
    .split(/^(?=diff --git )/m)
    .filter(Boolean)
    .map(part => {
      const lines = part.replace(/\n$/, '').split('\n');
      const header = lines.slice(
        0,
        lines.findIndex(l => l.startsWith('@@'))
      );
      const to = header.find(l => l.startsWith('+++ '))?.slice(4) ?? '';
      const from = header.find(l => l.startsWith('--- '))?.slice(4) ?? '';
      const status = header.some(l => l.startsWith('new file mode'))
        ? 'added'
        : header.some(l => l.startsWith('deleted file mode'))
          ? 'removed'
          : 'modified';
      const filename = (to === '/dev/null' ? from : to).replace(/^[ab]\//, '');
      return { filename, status, patch: lines.slice(header.length).join('\n') };
    });
}

describe('suggestions', () => {
  test('35 stale imports on added lines: one review on the head commit, 30 suggestions, 5 in the body', async () => {
    const remote = makeRemote([{ files: v1, tags: ['v1.0.0'] }], { bump: { files: v2(35) } });
    api.pullFiles = pullFilesOf(remote, 'main', 'bump');
    expect(api.pullFiles.filter(f => f.status === 'added')).toHaveLength(35);
    const reviews = api.reviews.length;
    const before = api.requests.length;
    try {
      const run = await runDistAction({
        workspace: remote.checkout(),
        eventName: 'pull_request',
        payload: pullRequest(remote, { head: 'bump', number: 20 }),
        apiUrl: api.url,
        inputs: { suggestions: 'true' }
      });
      expect(run.code).toBe(1);
      expect(api.requests.slice(before).filter(r => r.operationId === 'pulls/create-review')).toHaveLength(1);
      expect(api.reviews.length).toBe(reviews + 1);
      const review = api.reviews[reviews];
      expect(review).toMatchObject({ pull_number: 20, commit_id: remote.sha('bump'), event: 'COMMENT' });
      const comments = review.comments as { path: string; line: number; side: string; body: string }[];
      expect(comments).toHaveLength(30);
      for (const c of comments) {
        expect(c).toMatchObject({ path: expect.stringMatching(/^s\/s\d+\.go$/), line: 3, side: 'RIGHT' });
        expect(c.body).toContain('**stale-self-import** (error)');
        expect(c.body).toMatch(new RegExp(`\`\`\`suggestion\\nimport "${R}/v2/pkg"\\n\`\`\`$`));
      }
      const commented = new Set(comments.map(c => c.path));
      expect(commented.size).toBe(30);
      const left = Array.from({ length: 35 }, (_, i) => `s/s${i}.go`).filter(p => !commented.has(p));
      expect(left).toHaveLength(5);
      expect(review.body).toContain('suggests 30 changes');
      expect(review.body).toContain('5 more findings with a fix did not fit');
      for (const path of left) expect(review.body).toContain(`\`${path}:3\``);
      expect(run.stdout).toContain('review with 30 suggested change(s) posted');
      expect(run.commands.filter(c => c.command === 'warning')).toEqual([]);
      expect(api.schemaViolations()).toEqual([]);
    } finally {
      api.pullFiles = [];
    }
  });

  test('a 403 on the review: one warning with the fix, and the step still fails on the errors', async () => {
    const remote = makeRemote([{ files: v1, tags: ['v1.0.0'] }], { bump: { files: v2(2) } });
    api.inject('pulls/create-review', {
      kind: 'status',
      status: 403,
      body: { message: 'Resource not accessible by integration' }
    });
    const reviews = api.reviews.length;
    const run = await runDistAction({
      workspace: remote.checkout(),
      eventName: 'pull_request',
      payload: pullRequest(remote, { head: 'bump', number: 21 }),
      apiUrl: api.url,
      inputs: { suggestions: 'true' }
    });
    expect(run.code).toBe(1);
    expect(api.reviews.length).toBe(reviews);
    const warnings = run.commands.filter(c => c.command === 'warning');
    expect(warnings).toHaveLength(1);
    expect(warnings[0].message).toContain('no suggested changes');
    expect(warnings[0].message).toContain('HTTP 403: Resource not accessible by integration');
    expect(warnings[0].message).toContain('pull-requests: write');
    expect(errorsOf(run).map(c => c.properties.file)).toEqual(['s/s0.go', 's/s1.go']);
    expect(run.stdout).toContain('::error::go-major-gate: the gate failed: 2 error(s), 0 warning(s)');
  });

  test('from a fork, the 403 points at pull_request_target', async () => {
    const remote = makeRemote([{ files: v1, tags: ['v1.0.0'] }], { bump: { files: v2(1) } });
    api.inject('pulls/create-review', { kind: 'status', status: 403 });
    const run = await runDistAction({
      workspace: remote.checkout(),
      eventName: 'pull_request',
      payload: pullRequest(remote, { head: 'bump', fork: true, number: 22 }),
      apiUrl: api.url,
      inputs: { suggestions: 'true', 'check-run': 'false' }
    });
    expect(run.code).toBe(1);
    const warnings = run.commands.filter(c => c.command === 'warning');
    expect(warnings).toHaveLength(1);
    expect(warnings[0].message).toContain('pull_request_target');
  });

  test('suggestions off (the default) or nothing to suggest: no review request', async () => {
    const remote = makeRemote([{ files: v1, tags: ['v1.0.0'] }], {
      bump: { files: v2(3) },
      feature: { files: { ...v1, 'x.go': 'package r\n' } }
    });
    const before = api.requests.length;
    for (const inputs of [{}, { suggestions: 'false' }] as Record<string, string>[]) {
      const run = await runDistAction({
        workspace: remote.checkout(),
        eventName: 'pull_request',
        payload: pullRequest(remote, { head: 'bump', number: 23 }),
        apiUrl: api.url,
        inputs
      });
      expect(run.code).toBe(1);
    }
    const clean = await runDistAction({
      workspace: remote.checkout(),
      eventName: 'pull_request',
      payload: pullRequest(remote, { head: 'feature', number: 24 }),
      apiUrl: api.url,
      inputs: { suggestions: 'true' }
    });
    expect(clean.code).toBe(0);
    expect(api.requests.slice(before).filter(r => r.operationId?.startsWith('pulls/'))).toEqual([]);
  });
});

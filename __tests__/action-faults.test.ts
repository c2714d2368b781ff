// End to end, through dist/index.js on depth-1 checkouts (git clone --depth=1 file://...): the action
// under every API fault of README's faults table and on thin clones. The API is the loopback
// stand-in (real HTTP on 127.0.0.1, requests validated against GitHub's OpenAPI description).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { makeRemote, runDistAction, type ActionRun, type Remote } from './helpers/action.js';
import { repoRoot } from './helpers/conformance.js';
import { FakeGitHub, type Fault } from './helpers/github-api.js';
import { git } from './helpers/repo.js';
import { R, v1 as v1Release } from './helpers/fixtures.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function event(name: string): Json {
  return JSON.parse(
    readFileSync(join(repoRoot, '__tests__', 'fixtures', 'events', `${name}.json`), 'utf8')
  ) as Json;
}

const v1 = v1Release.files;
/** v1 with one more exported function: a minor release. */
const v1Plus = { ...v1, 'extra.go': 'package r\n\nfunc Extra() string { return "x" }\n' };

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

function pullRequest(remote: Remote, head: string, number: number): Json {
  const payload = event('pull_request.opened');
  payload.number = number;
  payload.pull_request.number = number;
  payload.pull_request.head.sha = remote.sha(head);
  payload.pull_request.head.ref = head;
  payload.pull_request.base.sha = remote.sha('main');
  payload.pull_request.base.ref = 'main';
  payload.pull_request.base.repo.full_name = 'o/r';
  payload.repository.full_name = 'o/r';
  payload.pull_request.head.repo.full_name = 'o/r';
  payload.pull_request.head.repo.fork = false;
  git(remote.bare, 'update-ref', `refs/pull/${number}/head`, payload.pull_request.head.sha);
  return payload;
}

function dispatch(version: string): Json {
  const payload = event('workflow_dispatch');
  payload.inputs = { version };
  payload.ref = 'refs/heads/main';
  return payload;
}

const errorsOf = (run: ActionRun) =>
  run.commands.filter(c => c.command === 'error' && c.properties.title !== undefined);
const warningsOf = (run: ActionRun) => run.commands.filter(c => c.command === 'warning');
const reportOf = (run: ActionRun) => JSON.parse(readFileSync(run.outputs.report, 'utf8')) as Json;

let api: FakeGitHub;
beforeAll(async () => {
  api = await FakeGitHub.start({ owner: 'o', repo: 'r' });
});
afterAll(async () => {
  await api.close();
});

/** A pull request bumping to v2 with `stale` stale imports (errors), checked with `faults` queued. */
async function bumpWith(
  number: number,
  faults: Record<string, Fault[]>,
  options: { stale?: number; inputs?: Record<string, string>; env?: Record<string, string> } = {}
) {
  const remote = makeRemote([{ files: v1, tags: ['v1.0.0'] }], { bump: { files: v2(options.stale ?? 1) } });
  for (const [operation, queued] of Object.entries(faults)) api.inject(operation, ...queued);
  const requests = api.requests.length;
  const checks = api.checkRuns.length;
  const started = Date.now();
  const run = await runDistAction({
    workspace: remote.checkout(),
    eventName: 'pull_request',
    payload: pullRequest(remote, 'bump', number),
    apiUrl: api.url,
    inputs: { disable: 'breaking-change', ...options.inputs },
    env: { GITHUB_RUN_ATTEMPT: '3', GITHUB_JOB: 'gate', ...options.env }
  });
  const head = remote.sha('bump');
  return {
    run,
    ms: Date.now() - started,
    requests: api.requests.slice(requests),
    runs: api.checkRuns.slice(checks).filter(r => r.head_sha === head)
  };
}

describe('thin clones', () => {
  test('a release commit the API lists and the depth-1 clone lacks is fetched by its id and compared with', async () => {
    const remote = makeRemote([{ files: v1, tags: ['v1.0.0'] }, { files: v1Plus }]);
    api.tags = [{ name: 'v1.0.0', commit: remote.sha('v1.0.0') }];
    try {
      const workspace = remote.checkout();
      expect(git(workspace, 'rev-parse', '--is-shallow-repository').trim()).toBe('true');
      const run = await runDistAction({
        workspace,
        eventName: 'workflow_dispatch',
        payload: dispatch('v1.1.0'),
        apiUrl: api.url,
        sha: remote.sha('main'),
        inputs: { 'fetch-tags': 'false' }
      });
      // Before: "git diff failed (exit 128): fatal: bad object", no outputs, no check run.
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('fetching 1 release commit(s) the clone lacks: v1.0.0');
      expect(run.outputs).toMatchObject({
        conclusion: 'success',
        version: 'v1.1.0',
        'next-version': 'v1.1.0',
        bump: 'minor'
      });
      expect(reportOf(run).findings.map((f: Json) => f.rule)).toEqual([]);
      expect(git(workspace, 'rev-parse', '--is-shallow-repository').trim()).toBe('true');
    } finally {
      api.tags = [];
    }
  });

  test('a release commit that cannot be fetched: the other rules run, one finding says what, why and the fix', async () => {
    const remote = makeRemote([{ files: v1, tags: ['v1.0.0'] }, { files: v1Plus }]);
    // Tags of a history that was since rewritten: origin has neither commit.
    const gone = ['1'.repeat(40), '2'.repeat(40)];
    api.tags = [
      { name: 'v1.0.0', commit: gone[0] },
      { name: 'v1.2.0', commit: gone[1] }
    ];
    const checks = api.checkRuns.length;
    try {
      const run = await runDistAction({
        workspace: remote.checkout(),
        eventName: 'workflow_dispatch',
        payload: dispatch('v1.1.0'),
        apiUrl: api.url,
        sha: remote.sha('main'),
        inputs: { 'fetch-tags': 'false' }
      });
      expect(run.stderr).not.toContain('bad object');
      const report = reportOf(run);
      const missing = report.findings.filter((f: Json) => f.rule === 'history-missing');
      // v1.0.0: the comparison point of v1.1.0; v1.2.0: the latest release, whose go.mod is read.
      expect(missing).toHaveLength(2);
      for (const f of missing) {
        expect(f).toMatchObject({ severity: 'warning', file: null });
        expect(f.message).toContain('fetching it from origin failed');
        expect(f.message).toContain('fetch-depth: 0');
      }
      const of = (tag: string) => missing.find((f: Json) => f.message.includes(` of ${tag} is not`));
      expect(of('v1.0.0')?.message).toContain(`the commit ${gone[0].slice(0, 12)} of v1.0.0`);
      expect(of('v1.0.0')?.message).toContain('breaking-change could not compare');
      expect(of('v1.2.0')?.message).toContain(`the commit ${gone[1].slice(0, 12)} of v1.2.0`);
      expect(of('v1.2.0')?.message).toContain('module-renamed could not read');
      // The tag rules still ran on the tags the API listed.
      expect(report.findings.map((f: Json) => f.rule)).toContain('version-order');
      expect(run.outputs).toMatchObject({ version: 'v1.1.0', 'next-version': '', bump: 'none' });
      expect(['failure', 'neutral']).toContain(run.outputs.conclusion);
      expect(api.checkRuns[checks]).toMatchObject({
        head_sha: remote.sha('main'),
        status: 'completed',
        conclusion: run.outputs.conclusion
      });
    } finally {
      api.tags = [];
    }
  });

  test('tags neither fetched nor listed by the API: a notice says that no tag was seen', async () => {
    const remote = makeRemote([{ files: v1 }]);
    const run = await runDistAction({
      workspace: remote.checkout(),
      eventName: 'workflow_dispatch',
      payload: dispatch('v1.0.0'),
      apiUrl: api.url,
      sha: remote.sha('main'),
      // No token: no API to list them.
      inputs: { 'fetch-tags': 'false', 'check-run': 'false', token: '' }
    });
    expect(run.code).toBe(0);
    const notice = reportOf(run).findings.find((f: Json) => f.rule === 'history-missing');
    expect(notice).toMatchObject({ severity: 'notice' });
    expect(notice.message).toContain('this clone has no tags');
    expect(notice.message).toContain('fetch-tags: true');
  });
});

describe('check run creation', () => {
  test('created, then 502: the run GitHub made is found by its external_id, never created twice', async () => {
    const { run, requests, runs } = await bumpWith(40, {
      'checks/create': [{ kind: 'applied-then', status: 502 }]
    });
    expect(run.code).toBe(1);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({
      status: 'completed',
      conclusion: 'failure',
      external_id: 'go-major-gate/4242/3/gate'
    });
    expect(requests.map(r => `${r.operationId} ${r.status}`)).toEqual([
      'checks/create 502',
      'checks/list-for-ref 200',
      'checks/update 200',
      'checks/update 200'
    ]);
    expect(warningsOf(run)).toEqual([]);
    expect(api.schemaViolations()).toEqual([]);
  }, 30_000);

  test('a 502 that created nothing: looked up, then sent again once', async () => {
    const { run, requests, runs } = await bumpWith(41, {
      'checks/create': [{ kind: 'status', status: 502 }]
    });
    expect(run.code).toBe(1);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(requests.map(r => `${r.operationId} ${r.status}`).slice(0, 3)).toEqual([
      'checks/create 502',
      'checks/list-for-ref 200',
      'checks/create 201'
    ]);
  }, 30_000);

  test('a creation that times out but lands: found by its external_id after a pause, not sent again', async () => {
    const { run, requests, runs } = await bumpWith(
      43,
      { 'checks/create': [{ kind: 'delay', ms: 1500 }] },
      { env: { GO_MAJOR_GATE_REQUEST_TIMEOUT_SECONDS: '1' } }
    );
    expect(run.code).toBe(1);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(requests.filter(r => r.operationId === 'checks/create')).toHaveLength(1);
    expect(requests.filter(r => r.operationId === 'checks/list-for-ref')).toHaveLength(1);
  }, 30_000);

  for (const status of [401, 409, 422]) {
    test(`a ${status} on creation: no check run, one warning, the findings as workflow annotations`, async () => {
      const { run, runs, requests } = await bumpWith(42 + status, {
        'checks/create': [{ kind: 'status', status }]
      });
      expect(run.code).toBe(1);
      expect(runs).toEqual([]);
      expect(requests.filter(r => r.operationId === 'checks/create')).toHaveLength(1);
      const warnings = warningsOf(run);
      expect(warnings).toHaveLength(1);
      expect(warnings[0].message).toContain(`the check run could not be published (HTTP ${status}`);
      expect(errorsOf(run).map(c => c.properties.file)).toEqual(['s/s0.go']);
    }, 30_000);
  }
});

describe('after the check run is created, it is completed on every path', () => {
  test('a batch GitHub stored and answered 502 to is not sent again', async () => {
    const { run, requests, runs } = await bumpWith(
      50,
      { 'checks/update': [{ kind: 'applied-then', status: 502 }] },
      { stale: 60 }
    );
    expect(run.code).toBe(1);
    expect(runs).toHaveLength(1);
    expect(runs[0].annotations).toHaveLength(60);
    expect(new Set(runs[0].annotations.map(a => (a as Json).path)).size).toBe(60);
    expect(runs[0]).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(requests.map(r => `${r.operationId} ${r.status}`)).toEqual([
      'checks/create 201',
      'checks/update 502',
      'checks/get 200',
      'checks/update 200',
      'checks/update 200'
    ]);
    expect(warningsOf(run)).toEqual([]);
  }, 30_000);

  test('a 422 on a batch: that batch is said lost, the rest are sent, the run is completed', async () => {
    const { run, runs } = await bumpWith(
      51,
      { 'checks/update': [{ kind: 'status', status: 422 }] },
      { stale: 60 }
    );
    expect(runs[0].annotations).toHaveLength(10);
    expect(runs[0]).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(warningsOf(run).map(w => w.message)).toEqual([
      expect.stringContaining('GitHub rejected annotations 1-50 of the check run (HTTP 422')
    ]);
  }, 30_000);

  test('5xx on the completion is retried (it is idempotent)', async () => {
    const { run, requests, runs } = await bumpWith(52, {
      // The batch passes (a no-op fault), then the completion meets two 500s.
      'checks/update': [
        { kind: 'delay', ms: 0 },
        { kind: 'status', status: 500 },
        { kind: 'status', status: 503 }
      ]
    });
    expect(run.code).toBe(1);
    expect(runs[0]).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(requests.map(r => r.status)).toEqual([201, 200, 500, 503, 200]);
  }, 30_000);

  test('a 422 on the completion: completed with the verdict and a short summary', async () => {
    const { run, runs } = await bumpWith(53, {
      'checks/update': [
        { kind: 'delay', ms: 0 },
        { kind: 'status', status: 422, body: { message: 'Validation Failed' } }
      ]
    });
    expect(runs[0]).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(runs[0].output?.summary).toContain(
      'GitHub refused the full summary (HTTP 422: Validation Failed)'
    );
    expect(warningsOf(run).map(w => w.message)).toEqual([
      expect.stringContaining('the check run is complete, but the summary was refused')
    ]);
  }, 30_000);

  test('out of run-timeout-minutes while GitHub hangs: the run is completed as cancelled, with the reason', async () => {
    const { run, ms, runs } = await bumpWith(
      54,
      { 'checks/update': [{ kind: 'delay', ms: 8000 }] },
      { inputs: { 'run-timeout-minutes': '0.1' } }
    );
    expect(run.code).toBe(1);
    expect(ms).toBeLessThan(8000);
    expect(run.outputs.conclusion).toBe('cancelled');
    expect(run.stdout).toContain(
      '::error::go-major-gate stopped after 0.1 minute(s), its run-timeout-minutes'
    );
    expect(runs[0]).toMatchObject({ status: 'completed', conclusion: 'cancelled' });
    expect(runs[0].output?.title).toBe('Stopped: out of time');
  }, 30_000);
});

describe('rate limits and timeouts', () => {
  test('429 with retry-after: 2 waits 2 s, not 1', async () => {
    const { run, requests, runs } = await bumpWith(60, {
      'checks/create': [{ kind: 'secondary-rate-limit', status: 429, retryAfter: 2 }]
    });
    expect(run.code).toBe(1);
    expect(runs).toHaveLength(1);
    expect(requests[0].status).toBe(429);
    expect(requests[1].at - requests[0].at).toBeGreaterThanOrEqual(1950);
    expect(run.stdout).toContain('HTTP 429 with retry-after: 2: waiting 2 s');
  }, 30_000);

  test('a primary limit on 403 waits for x-ratelimit-reset', async () => {
    const { run, requests, runs } = await bumpWith(61, {
      'checks/create': [{ kind: 'rate-limit', status: 403, resetIn: 2 }]
    });
    expect(run.code).toBe(1);
    expect(runs).toHaveLength(1);
    expect(requests[1].at - requests[0].at).toBeGreaterThanOrEqual(1500);
    expect(run.stdout).toMatch(/HTTP 403: the rate limit resets at \d+: waiting \d s/);
  }, 30_000);

  test('a wait past the 120 s cap: no wait, workflow annotations instead, said once', async () => {
    const { run, ms, runs, requests } = await bumpWith(
      62,
      {
        'checks/create': [{ kind: 'rate-limit', status: 403, resetIn: 3600 }],
        'pulls/create-review': [{ kind: 'rate-limit', status: 403, resetIn: 3600 }]
      },
      { inputs: { suggestions: 'true' } }
    );
    expect(run.code).toBe(1);
    expect(ms).toBeLessThan(20_000);
    expect(runs).toEqual([]);
    // The review is not even tried once the limit is known to be out of reach.
    expect(requests.filter(r => r.operationId === 'pulls/create-review')).toEqual([]);
    const warnings = warningsOf(run);
    expect(warnings).toHaveLength(1);
    expect(warnings[0].message).toContain('past the 120 s go-major-gate waits in all');
    expect(warnings[0].message).toContain('reported as workflow annotations');
    expect(errorsOf(run).map(c => c.properties.file)).toEqual(['s/s0.go']);
    api.clearFaults(); // the review's fault was never taken
  }, 30_000);

  test('a request that gets no answer in time is abandoned and tried again', async () => {
    const remote = makeRemote([{ files: v1, tags: ['v1.0.0'] }, { files: v1Plus }]);
    api.tags = [{ name: 'v1.0.0', commit: remote.sha('v1.0.0') }];
    api.inject('repos/list-tags', { kind: 'delay', ms: 4000 });
    const before = api.requests.length;
    try {
      const started = Date.now();
      const run = await runDistAction({
        workspace: remote.checkout(),
        eventName: 'workflow_dispatch',
        payload: dispatch('v1.1.0'),
        apiUrl: api.url,
        sha: remote.sha('main'),
        inputs: { 'fetch-tags': 'false', 'check-run': 'false' },
        env: { GO_MAJOR_GATE_REQUEST_TIMEOUT_SECONDS: '1' }
      });
      expect(Date.now() - started).toBeLessThan(4000 + 3000);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('read 1 from the API');
      expect(api.requests.slice(before).filter(r => r.operationId === 'repos/list-tags')).toHaveLength(2);
      expect(run.outputs.bump).toBe('minor');
    } finally {
      api.tags = [];
    }
  }, 30_000);
});

describe('inputs', () => {
  test('github-token is an alias of token', async () => {
    const { runs, requests } = await bumpWith(70, {}, { inputs: { token: '', 'github-token': 'ghs_alias' } });
    expect(runs).toHaveLength(1);
    expect(requests[0].headers.authorization).toBe('token ghs_alias');
  }, 30_000);
});

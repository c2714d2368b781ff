// The GitHub REST stand-in, exercised through the real @actions/github Octokit with the retry and throttling plugins.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { createAjv, diffLines, FakeGitHub, loadSlices } from './helpers/github-api.js';
import {
  createOctokit,
  RateLimitExhausted,
  RequestTimeout,
  rateLimitWait
} from '../src/report/github-client.js';

const OWNER = 'acme';
const REPO = 'widget';
const SHA = 'c5b97d5ae6c19d5c5df71a34c7fbeeda2479ccbc';

// plugin-throttling spaces writes 1 s apart (3 s for notification-triggering ones such as reviews) through
// process-wide Bottleneck groups; in tests those groups are replaced by pass-throughs.
const passThrough = {
  key: () => ({
    schedule: (_opts: unknown, fn: (...a: unknown[]) => unknown, ...args: unknown[]) => fn(...args)
  })
} as never;

function client(baseUrl: string) {
  return getOctokit(
    'test-token',
    {
      baseUrl,
      // Retry waits retryAfterBaseValue * (retryCount + 1)^2 ms: 1, 4, 9 ms here (1 s, 4 s, 9 s by default).
      retry: { retries: 3, retryAfterBaseValue: 1 },
      throttle: {
        // Waits are retryAfter seconds * retryAfterBaseValue ms (retry-after: 1 => 10 ms here).
        retryAfterBaseValue: 10,
        onRateLimit: (_after: number, _opts: unknown, _octokit: unknown, retryCount: number) =>
          retryCount < 2,
        onSecondaryRateLimit: (_after: number, _opts: unknown, _octokit: unknown, retryCount: number) =>
          retryCount < 2,
        write: passThrough,
        notifications: passThrough
      }
    },
    retry,
    throttling
  );
}

function annotations(n: number, from = 1) {
  return Array.from({ length: n }, (_, i) => ({
    path: 'go.mod',
    start_line: from + i,
    end_line: from + i,
    annotation_level: 'failure' as const,
    message: `finding ${from + i}`
  }));
}

const slices = loadSlices();
const ajv = createAjv();
function responseErrors(operationId: string, data: unknown): string[] {
  const validate = ajv.compile(slices.operations[operationId]!.response.shape!);
  return validate(data) ? [] : (validate.errors ?? []).map(e => `${e.instancePath} ${e.message}`);
}

let gh: FakeGitHub;
let octokit: ReturnType<typeof client>;

beforeAll(async () => {
  gh = await FakeGitHub.start({ owner: OWNER, repo: REPO });
});
afterAll(() => gh.close());
beforeEach(() => {
  gh.requests.length = 0;
  gh.checkRuns.length = 0;
  gh.reviews.length = 0;
  octokit = client(gh.url);
});

describe('slices', () => {
  it('come from @octokit/openapi and cover the eight operations', () => {
    expect(slices.source).toMatchObject({ package: '@octokit/openapi', version: '23.0.2' });
    expect(Object.keys(slices.operations).sort()).toEqual(
      [
        'checks/create',
        'checks/get',
        'checks/list-for-ref',
        'checks/update',
        'pulls/create-review',
        'pulls/list-files',
        'repos/get',
        'repos/list-tags'
      ].sort()
    );
  });
});

describe('repositories', () => {
  it('a renamed repository answers 301 to the current one, which Octokit follows; the answer fits the schema', async () => {
    gh.renames.set('former/widget', `${OWNER}/${REPO}`);
    try {
      const { data } = await octokit.rest.repos.get({ owner: 'former', repo: 'widget' });
      expect(data.full_name).toBe(`${OWNER}/${REPO}`);
      expect(responseErrors('repos/get', data)).toEqual([]);
      expect(gh.requests.map(r => [r.path, r.status])).toEqual([
        ['/repos/former/widget', 301],
        [`/repos/${OWNER}/${REPO}`, 200]
      ]);
      await expect(octokit.rest.repos.get({ owner: 'nobody', repo: 'widget' })).rejects.toMatchObject({
        status: 404
      });
    } finally {
      gh.renames.clear();
    }
  });
});

describe('check runs', () => {
  it('create + 3 updates accumulate annotations', async () => {
    const created = await octokit.rest.checks.create({
      owner: OWNER,
      repo: REPO,
      name: 'go-major-gate',
      head_sha: SHA,
      status: 'in_progress',
      output: { title: 'Checking', summary: 'running' }
    });
    expect(created.status).toBe(201);
    expect(created.headers['x-github-request-id']).toMatch(/^[0-9A-F:]+$/);
    expect(created.headers['content-type']).toMatch(/^application\/json/);
    expect(responseErrors('checks/create', created.data)).toEqual([]);
    const id = created.data.id;
    for (const [i, n] of [50, 50, 7].entries()) {
      const res = await octokit.rest.checks.update({
        owner: OWNER,
        repo: REPO,
        check_run_id: id,
        ...(i === 2 ? { conclusion: 'failure' as const } : {}),
        output: { title: 'Checked', summary: `batch ${i}`, annotations: annotations(n, 1 + i * 50) }
      });
      expect(res.status).toBe(200);
      expect(responseErrors('checks/update', res.data)).toEqual([]);
    }
    expect(gh.schemaViolations()).toEqual([]);
    expect(gh.checkRuns).toHaveLength(1);
    const run = gh.checkRuns[0]!;
    expect(run).toMatchObject({ id, status: 'completed', conclusion: 'failure', updates: 3 });
    expect(run.output).toEqual({ title: 'Checked', summary: 'batch 2' });
    expect(run.annotations).toHaveLength(107);
    expect(gh.requests.map(r => `${r.operationId} ${r.status}`)).toEqual([
      'checks/create 201',
      'checks/update 200',
      'checks/update 200',
      'checks/update 200'
    ]);
    expect(gh.requests[0]!.headers.authorization).toBe('token test-token');
  });

  it('rejects 51 annotations with 422 and records a schema violation', async () => {
    const run = await octokit.rest.checks.create({ owner: OWNER, repo: REPO, name: 'g', head_sha: SHA });
    await expect(
      octokit.rest.checks.update({
        owner: OWNER,
        repo: REPO,
        check_run_id: run.data.id,
        output: { title: 't', summary: 's', annotations: annotations(51) }
      })
    ).rejects.toMatchObject({ name: 'HttpError', status: 422 });
    const [violation, ...rest] = gh.schemaViolations();
    expect(rest).toEqual([]);
    expect(violation).toMatchObject({ operationId: 'checks/update', status: 422 });
    expect(violation!.schemaErrors.join('\n')).toMatch(/annotations must NOT have more than 50 items/);
    expect(gh.checkRuns[0]!.annotations).toEqual([]);
  });

  it("rejects annotation_level 'error'", async () => {
    const err = await octokit.rest.checks
      .create({
        owner: OWNER,
        repo: REPO,
        name: 'g',
        head_sha: SHA,
        output: {
          title: 't',
          summary: 's',
          annotations: [
            { path: 'a.go', start_line: 1, end_line: 1, annotation_level: 'error' as never, message: 'm' }
          ]
        }
      })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ status: 422 });
    expect((err as { response: { data: { message: string } } }).response.data.message).toBe(
      'Invalid request.'
    );
    expect(gh.schemaViolations()[0]!.schemaErrors.join('\n')).toMatch(
      /annotation_level must be equal to one of/
    );
    expect(gh.checkRuns).toEqual([]);
  });

  it('enforces the rules GitHub states only in prose', async () => {
    const run = await octokit.rest.checks.create({ owner: OWNER, repo: REPO, name: 'g', head_sha: SHA });
    const base = { owner: OWNER, repo: REPO, check_run_id: run.data.id };
    const bad = [
      { output: { summary: 'no title' } },
      { output: { title: 't', summary: 'x'.repeat(65536) } },
      { status: 'completed' as const },
      {
        output: {
          title: 't',
          summary: 's',
          annotations: [
            { ...annotations(1)[0]!, end_line: 3, start_column: 1, end_column: 4 },
            { ...annotations(1)[0]!, path: './go.mod' }
          ]
        }
      }
    ];
    for (const body of bad) {
      await expect(octokit.rest.checks.update({ ...base, ...body } as never)).rejects.toMatchObject({
        status: 422
      });
    }
    await expect(
      octokit.rest.checks.create({ owner: OWNER, repo: REPO, name: 'g', head_sha: 'main' })
    ).rejects.toMatchObject({ status: 422 });
    const errors = gh.schemaViolations().map(r => r.schemaErrors.join('; '));
    expect(errors).toEqual([
      expect.stringMatching(/include title and summary/),
      expect.stringMatching(/Only 65535 characters are allowed; 65536 were supplied/),
      expect.stringMatching(/required property conclusion/),
      expect.stringMatching(/start_column\/end_column .*; .*path must be repository-relative/),
      expect.stringMatching(/No commit found for SHA: main/)
    ]);
    // A same-line column range is fine.
    await octokit.rest.checks.update({
      ...base,
      output: {
        title: 't',
        summary: 's',
        annotations: [{ ...annotations(1)[0]!, start_column: 2, end_column: 5 }]
      }
    });
    expect(gh.checkRuns[0]!.annotations).toHaveLength(1);
  });

  it('answers 404 for an unknown check run or another repository', async () => {
    await expect(
      octokit.rest.checks.update({ owner: OWNER, repo: REPO, check_run_id: 99, status: 'in_progress' })
    ).rejects.toMatchObject({ status: 404 });
    await expect(
      octokit.rest.checks.create({ owner: 'other', repo: REPO, name: 'g', head_sha: SHA })
    ).rejects.toMatchObject({ status: 404 });
  });
});

describe('faults', () => {
  it('a 500 then success is retried by plugin-retry', async () => {
    gh.inject('checks/create', { kind: 'status', status: 500 }, { kind: 'status', status: 502 });
    const res = await octokit.rest.checks.create({ owner: OWNER, repo: REPO, name: 'g', head_sha: SHA });
    expect(res.status).toBe(201);
    expect(gh.requests.map(r => r.status)).toEqual([500, 502, 201]);
    expect(gh.checkRuns).toHaveLength(1);
  });

  it('a secondary rate limit is retried by plugin-throttling', async () => {
    gh.inject('checks/create', { kind: 'secondary-rate-limit' });
    const res = await octokit.rest.checks.create({ owner: OWNER, repo: REPO, name: 'g', head_sha: SHA });
    expect(res.status).toBe(201);
    expect(gh.requests.map(r => r.status)).toEqual([403, 201]);
  });

  it('a primary rate limit (403 and 429) is retried by plugin-throttling', async () => {
    gh.inject('repos/list-tags', { kind: 'rate-limit' }, { kind: 'rate-limit', status: 429 });
    const res = await octokit.rest.repos.listTags({ owner: OWNER, repo: REPO });
    expect(res.status).toBe(200);
    expect(gh.requests.map(r => r.status)).toEqual([403, 429, 200]);
  });

  it('403 surfaces as an HttpError and is not retried', async () => {
    gh.inject('checks/create', { kind: 'status', status: 403 });
    const err = await octokit.rest.checks
      .create({ owner: OWNER, repo: REPO, name: 'g', head_sha: SHA })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({
      name: 'HttpError',
      status: 403,
      message: /Resource not accessible by integration/
    });
    expect(gh.requests).toHaveLength(1);
    // The queue is drained: the next call succeeds.
    await octokit.rest.checks.create({ owner: OWNER, repo: REPO, name: 'g', head_sha: SHA });
    expect(gh.checkRuns).toHaveLength(1);
  });

  it('a delay fault answers late but successfully', async () => {
    gh.inject('repos/list-tags', { kind: 'delay', ms: 300 });
    const started = Date.now();
    const res = await octokit.rest.repos.listTags({ owner: OWNER, repo: REPO });
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });
});

describe("the action's client (src/report/github-client.ts)", () => {
  const client = (limits: Partial<Parameters<typeof createOctokit>[1]> = {}) =>
    createOctokit('test-token', {
      baseUrl: gh.url,
      requestTimeoutMs: 2000,
      rateLimitWaitMs: 10_000,
      backoffMs: 10,
      ...limits
    });
  const gaps = () => gh.requests.slice(1).map((r, i) => r.at - gh.requests[i]!.at);

  it('a 429 asking for 2 s waits 2 s (plugin-retry used to answer it after 1 s)', async () => {
    gh.inject('checks/create', { kind: 'secondary-rate-limit', status: 429, retryAfter: 2 });
    const res = await client().rest.checks.create({ owner: OWNER, repo: REPO, name: 'g', head_sha: SHA });
    expect(res.status).toBe(201);
    expect(gh.requests.map(r => r.status)).toEqual([429, 201]);
    expect(gaps()[0]).toBeGreaterThanOrEqual(1950);
  });

  it('a primary limit waits for x-ratelimit-reset, on 403 and 429 alike', async () => {
    gh.inject('repos/list-tags', { kind: 'rate-limit', status: 429, resetIn: 1 });
    const res = await client().rest.repos.listTags({ owner: OWNER, repo: REPO });
    expect(res.status).toBe(200);
    expect(gaps()[0]).toBeGreaterThanOrEqual(900);
  });

  it('a wait past the cap is not made: RateLimitExhausted at once', async () => {
    gh.inject('repos/list-tags', { kind: 'secondary-rate-limit', retryAfter: 60 });
    const started = Date.now();
    const error = await client({ rateLimitWaitMs: 30_000 })
      .rest.repos.listTags({ owner: OWNER, repo: REPO })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitExhausted);
    expect((error as Error).message).toBe(
      "GitHub's rate limit asks for 60 s more (HTTP 403 with retry-after: 60), past the 30 s go-major-gate waits in all"
    );
    expect(Date.now() - started).toBeLessThan(1000);
    expect(gh.requests).toHaveLength(1);
  });

  it('a 403 of permissions is no rate limit: thrown at once', async () => {
    gh.inject('checks/create', { kind: 'status', status: 403 });
    await expect(
      client().rest.checks.create({ owner: OWNER, repo: REPO, name: 'g', head_sha: SHA })
    ).rejects.toMatchObject({ status: 403 });
    expect(gh.requests).toHaveLength(1);
    expect(rateLimitWait({ status: 403, response: { headers: {}, data: { message: 'Forbidden' } } })).toBe(
      undefined
    );
  });

  it('a 5xx is retried on reads, never on a POST (the caller looks first)', async () => {
    gh.inject('repos/list-tags', { kind: 'status', status: 502 }, { kind: 'status', status: 500 });
    expect((await client().rest.repos.listTags({ owner: OWNER, repo: REPO })).status).toBe(200);
    gh.inject('checks/create', { kind: 'applied-then', status: 502 });
    await expect(
      client().rest.checks.create({ owner: OWNER, repo: REPO, name: 'g', head_sha: SHA })
    ).rejects.toMatchObject({ status: 502 });
    expect(gh.requests.map(r => `${r.operationId} ${r.status}`)).toEqual([
      'repos/list-tags 502',
      'repos/list-tags 500',
      'repos/list-tags 200',
      'checks/create 502'
    ]);
    expect(gh.checkRuns).toHaveLength(1);
  });

  it('an attempt without an answer in time is abandoned: retried on a read, RequestTimeout on a write', async () => {
    gh.inject('repos/list-tags', { kind: 'delay', ms: 1500 });
    const started = Date.now();
    expect(
      (await client({ requestTimeoutMs: 300 }).rest.repos.listTags({ owner: OWNER, repo: REPO })).status
    ).toBe(200);
    expect(Date.now() - started).toBeLessThan(1200);
    gh.inject('checks/create', { kind: 'delay', ms: 1500 });
    await expect(
      client({ requestTimeoutMs: 300 }).rest.checks.create({
        owner: OWNER,
        repo: REPO,
        name: 'g',
        head_sha: SHA
      })
    ).rejects.toBeInstanceOf(RequestTimeout);
  });

  it("the run's signal stops a wait and a request", async () => {
    const controller = new AbortController();
    gh.inject('repos/list-tags', { kind: 'secondary-rate-limit', retryAfter: 5 });
    setTimeout(() => controller.abort(new Error('out of time')), 200);
    const started = Date.now();
    await expect(
      client({ signal: controller.signal }).rest.repos.listTags({ owner: OWNER, repo: REPO })
    ).rejects.toThrow('out of time');
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe('pagination', () => {
  it('list-tags returns all 250 tags through octokit.paginate', async () => {
    gh.tags = Array.from({ length: 250 }, (_, i) => ({ name: `v2.0.${i}`, commit: SHA }));
    const tags = await octokit.paginate(octokit.rest.repos.listTags, {
      owner: OWNER,
      repo: REPO,
      per_page: 100
    });
    expect(tags.map(t => t.name)).toEqual(gh.tags.map(t => t.name));
    expect(gh.requests.map(r => r.query.page ?? '1')).toEqual(['1', '2', '3']);
    expect(responseErrors('repos/list-tags', tags)).toEqual([]);

    const first = await octokit.rest.repos.listTags({ owner: OWNER, repo: REPO });
    expect(first.data).toHaveLength(30);
    expect(first.headers.link).toMatch(/page=2>; rel="next".*page=9>; rel="last"/);
    expect(
      (await octokit.rest.repos.listTags({ owner: OWNER, repo: REPO, per_page: 500 })).data
    ).toHaveLength(100);
    await expect(
      octokit.rest.repos.listTags({ owner: OWNER, repo: REPO, per_page: 'many' as never })
    ).rejects.toMatchObject({ status: 422 });
  });

  it('list-files pages likewise', async () => {
    gh.pullFiles = Array.from({ length: 45 }, (_, i) => ({
      filename: `f${i}.go`,
      status: 'modified',
      patch: '@@ -1 +1 @@\n-a\n+b'
    }));
    const files = await octokit.paginate(octokit.rest.pulls.listFiles, {
      owner: OWNER,
      repo: REPO,
      pull_number: 7,
      per_page: 20
    });
    expect(files).toHaveLength(45);
    expect(files[0]).toMatchObject({ filename: 'f0.go', additions: 1, deletions: 1, changes: 2 });
    expect(responseErrors('pulls/list-files', files)).toEqual([]);
    expect(gh.requests).toHaveLength(3);
  });
});

describe('reviews', () => {
  const patch = '@@ -1,3 +1,4 @@\n module example.com/m\n \n-go 1.21\n+go 1.22\n+toolchain go1.22.1';

  beforeEach(() => {
    gh.pullFiles = [{ filename: 'go.mod', status: 'modified', patch }];
  });

  it('computes the commentable lines of a patch', () => {
    const lines = diffLines(patch);
    expect([...lines.RIGHT]).toEqual([1, 2, 3, 4]);
    expect([...lines.LEFT]).toEqual([1, 2, 3]);
  });

  it('records a review with a suggestion', async () => {
    const res = await octokit.rest.pulls.createReview({
      owner: OWNER,
      repo: REPO,
      pull_number: 7,
      commit_id: SHA,
      event: 'COMMENT',
      body: 'go-major-gate found 1 problem',
      comments: [
        { path: 'go.mod', line: 1, side: 'RIGHT', body: '```suggestion\nmodule example.com/m/v2\n```' }
      ]
    });
    expect(res.status).toBe(200);
    expect(res.data).toMatchObject({
      state: 'COMMENTED',
      body: 'go-major-gate found 1 problem',
      commit_id: SHA
    });
    expect(responseErrors('pulls/create-review', res.data)).toEqual([]);
    expect(gh.reviews).toEqual([
      expect.objectContaining({
        pull_number: 7,
        event: 'COMMENT',
        comments: [expect.objectContaining({ line: 1 })]
      })
    ]);
    expect(gh.schemaViolations()).toEqual([]);
  });

  it('rejects comments outside the diff, over 30 comments and COMMENT without body', async () => {
    const review = (
      comments: { path: string; line: number; body: string; start_line?: number }[],
      body = 'b'
    ) =>
      octokit.rest.pulls.createReview({
        owner: OWNER,
        repo: REPO,
        pull_number: 7,
        event: 'COMMENT',
        body,
        comments
      });
    await expect(review([{ path: 'go.mod', line: 9, body: 'x' }])).rejects.toMatchObject({ status: 422 });
    await expect(review([{ path: 'go.sum', line: 1, body: 'x' }])).rejects.toMatchObject({ status: 422 });
    await expect(review([{ path: 'go.mod', line: 2, start_line: 2, body: 'x' }])).rejects.toMatchObject({
      status: 422
    });
    await expect(
      review(Array.from({ length: 31 }, () => ({ path: 'go.mod', line: 4, body: 'x' })))
    ).rejects.toMatchObject({ status: 422 });
    await expect(review([], '')).rejects.toMatchObject({ status: 422 });
    expect(gh.schemaViolations().map(r => r.schemaErrors[0])).toEqual([
      expect.stringMatching(/Line could not be resolved/),
      expect.stringMatching(/Path could not be resolved/),
      expect.stringMatching(/start_line must precede the end line/),
      expect.stringMatching(/at most 30 comments per review/),
      expect.stringMatching(/body is required when event is COMMENT/)
    ]);
    expect(gh.reviews).toEqual([]);
  });
});

describe('protocol', () => {
  it('answers 401 without an authorization header and 404 for unknown routes', async () => {
    const anonymous = await fetch(`${gh.url}/repos/${OWNER}/${REPO}/tags`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('x-github-request-id')).toBeTruthy();
    const basic = await fetch(`${gh.url}/repos/${OWNER}/${REPO}/tags`, {
      headers: { authorization: 'Basic abc' }
    });
    expect(basic.status).toBe(401);
    const bearer = await fetch(`${gh.url}/repos/${OWNER}/${REPO}/tags`, {
      headers: { authorization: 'Bearer abc' }
    });
    expect(bearer.status).toBe(200);

    await expect(
      octokit.rest.repos.getBranch({ owner: OWNER, repo: REPO, branch: 'main' })
    ).rejects.toMatchObject({
      status: 404
    });
    expect(gh.requests.at(-1)).toMatchObject({
      operationId: undefined,
      method: 'GET',
      path: `/repos/${OWNER}/${REPO}/branches/main`,
      status: 404
    });
    expect(gh.requests.map(r => r.status)).toEqual([401, 401, 200, 404]);
  });
});

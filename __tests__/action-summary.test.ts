// The action's job summary through dist/index.js: findings link to their line at the commit checked,
// the patch output is mentioned, and no runner-local path (RUNNER_TEMP) appears in it.
import { expect, test } from '@jest/globals';
import { makeRemote, runDistAction, useFakeGitHub } from './helpers/action.js';

const R = 'github.com/o/r';
const fakeGitHub = useFakeGitHub();

test('a failing release: linked findings, the patch mentioned, no path on the runner', async () => {
  const v1 = {
    'go.mod': `module ${R}\n\ngo 1.19\n`,
    'r.go': `package r\n\nimport _ "${R}/pkg"\n`,
    'pkg/p.go': 'package pkg\n'
  };
  const remote = makeRemote([{ files: v1, tags: ['v1.0.0'] }], {
    release: { files: { ...v1, 'go.mod': `module ${R}/v2\n\ngo 1.19\n` } }
  });
  const sha = remote.sha('release');
  const run = await runDistAction({
    workspace: remote.checkout('release'),
    eventName: 'workflow_dispatch',
    payload: { inputs: { version: 'v2.0.0' }, ref: 'refs/heads/release' },
    apiUrl: fakeGitHub().url,
    sha,
    inputs: { 'check-run': 'false' }
  });
  expect(run.code).toBe(1);
  expect(run.summary).toContain(
    `<a href="https://github.com/o/r/blob/${sha}/r.go#L3"><code>r.go:3:10</code></a> error <code>stale-self-import</code>`
  );
  expect(run.summary).toContain("is in the step's <code>patch</code> output");
  const runnerTemp = run.outputs.report.replace(/\/go-major-gate\/report\.json$/, '');
  expect(runnerTemp.length).toBeGreaterThan(1);
  expect(run.summary).not.toContain(runnerTemp);
});

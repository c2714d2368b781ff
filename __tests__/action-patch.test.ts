// The action's `patch` output: a unified diff that `git apply` accepts on the commit checked, after
// which the same check finds no errors.
import { expect, test } from '@jest/globals';
import { makeRemote, runDistAction, useFakeGitHub } from './helpers/action.js';
import { checkJson } from './helpers/cli.js';
import { git } from './helpers/repo.js';

const R = 'github.com/o/r';
const fakeGitHub = useFakeGitHub();

test('a release with stale imports and references gets a patch that fixes them all', async () => {
  const v1 = {
    'go.mod': `module ${R}\n\ngo 1.19\n`,
    'r.go': `package r\n\nimport "${R}/pkg"\n\nfunc Name() string { return pkg.Name }\n`,
    'pkg/pkg.go': 'package pkg\n\nconst Name = "pkg"\n'
  };
  const v2 = {
    ...v1,
    'go.mod': `module ${R}/v2\n\ngo 1.19\n`,
    'x/x.go': `package x\n\nimport (\n\t"fmt"\n\n\t"${R}/pkg"\n\tr2 "${R}"\n)\n\nfunc X() { fmt.Println(pkg.Name, r2.Name()) }\n`,
    'README.md': `# r\n\n\`\`\`sh\ngo get ${R}@latest\n\`\`\`\n`
  };
  const remote = makeRemote([{ files: v1, tags: ['v1.0.0'] }], { release: { files: v2 } });
  const workspace = remote.checkout('release');
  const run = await runDistAction({
    workspace,
    eventName: 'workflow_dispatch',
    payload: { inputs: { version: 'v2.0.0' }, ref: 'refs/heads/release' },
    apiUrl: fakeGitHub().url,
    sha: remote.sha('release'),
    inputs: { 'check-run': 'false' }
  });
  expect(run.code).toBe(1);
  expect(run.outputs.patch).toMatch(/fix\.patch$/);
  git(workspace, 'apply', '--check', run.outputs.patch);
  git(workspace, 'apply', run.outputs.patch);
  const after = await checkJson(workspace, '--version', 'v2.0.0');
  expect(after.report.findings.filter(f => f.severity === 'error')).toEqual([]);
  expect(after.report.findings).toEqual([]);
  expect(git(workspace, 'diff', '--stat')).toMatch(/3 files changed/);
});

test('nothing fixable: the patch output is empty', async () => {
  const files = { 'go.mod': `module ${R}\n\ngo 1.19\n`, 'r.go': 'package r\n' };
  const remote = makeRemote([{ files, tags: ['v1.0.0'] }]);
  const run = await runDistAction({
    workspace: remote.checkout(),
    eventName: 'workflow_dispatch',
    payload: { inputs: {} },
    apiUrl: fakeGitHub().url,
    sha: remote.sha('main'),
    inputs: { 'check-run': 'false' }
  });
  expect(run.code).toBe(0);
  expect(run.outputs.patch).toBe('');
});

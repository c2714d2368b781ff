// The action on pull requests with what users switch: only-new (findings the merge base has too are
// left out), allow-breaking-label, and the config input. Through dist/index.js on a depth-1 checkout,
// against the local API stand-in.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { makeRemote, runDistAction, useFakeGitHub, type Remote } from './helpers/action.js';
import { repoRoot } from './helpers/conformance.js';

const R = 'github.com/o/r';
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const api = useFakeGitHub();

function pullRequest(remote: Remote, head: string, labels: string[] = []): Json {
  const payload = JSON.parse(
    readFileSync(join(repoRoot, '__tests__', 'fixtures', 'events', 'pull_request.opened.json'), 'utf8')
  ) as Json;
  payload.pull_request.head.sha = remote.sha(head);
  payload.pull_request.base.sha = remote.sha('main');
  payload.pull_request.base.repo.full_name = 'o/r';
  payload.pull_request.head.repo.full_name = 'o/r';
  payload.repository.full_name = 'o/r';
  payload.pull_request.labels = labels.map(name => ({ id: 1, name, color: 'ff0000', default: false }));
  return payload;
}

/** A v2 module whose main already has a stale import (an error) and a local replace (a warning). */
const main = {
  'go.mod': `module ${R}/v2\n\ngo 1.19\n\nrequire example.com/dep v1.0.0\n\nreplace example.com/dep => ../dep\n`,
  'r.go': 'package r\n\n// F is exported.\nfunc F() {}\n',
  'pkg/pkg.go': 'package pkg\n',
  'old/old.go': `package old\n\nimport _ "${R}/pkg"\n`,
  'dep.go': 'package r\n\nimport _ "example.com/dep"\n'
};
const errorAnnotations = (run: { commands: { command: string; properties: Record<string, string> }[] }) =>
  run.commands.filter(c => c.command === 'error' && c.properties.title !== undefined);

describe('only-new (default on pull requests)', () => {
  test('a pull request that changes nothing related to modules passes: its base findings are left out and counted', async () => {
    const remote = makeRemote([{ files: main, tags: ['v2.0.0'] }], {
      docs: { files: { ...main, 'r.go': 'package r\n\n// F is exported and documented.\nfunc F() {}\n' } }
    });
    const run = await runDistAction({
      workspace: remote.checkout('docs'),
      eventName: 'pull_request',
      payload: pullRequest(remote, 'docs'),
      apiUrl: api().url
    });
    expect(run.outputs.conclusion).toBe('success');
    expect(run.code).toBe(0);
    expect(errorAnnotations(run)).toEqual([]);
    const report = JSON.parse(readFileSync(run.outputs.report, 'utf8')) as Json;
    expect(report.findings).toEqual([]);
    expect(report.preExisting).toEqual({ count: 2, byRule: { 'local-replace': 1, 'stale-self-import': 1 } });
    expect(run.summary).toContain(
      '<details><summary>2 pre-existing findings left out (the merge base has them too)</summary>'
    );
    const checkRun = api().checkRuns.at(-1)!;
    expect(checkRun.conclusion).toBe('success');
  });

  test('only-new: false reports the base findings too, and a new error still fails with it on', async () => {
    const remote = makeRemote([{ files: main, tags: ['v2.0.0'] }], {
      stale: { files: { ...main, 'more/more.go': `package more\n\nimport _ "${R}/pkg"\n` } }
    });
    const all = await runDistAction({
      workspace: remote.checkout('stale'),
      eventName: 'pull_request',
      payload: pullRequest(remote, 'stale'),
      apiUrl: api().url,
      inputs: { 'only-new': 'false' }
    });
    expect(all.outputs.errors).toBe('2');
    const onlyNew = await runDistAction({
      workspace: remote.checkout('stale'),
      eventName: 'pull_request',
      payload: pullRequest(remote, 'stale'),
      apiUrl: api().url
    });
    expect(onlyNew.code).toBe(1);
    expect(onlyNew.outputs.errors).toBe('1');
    expect(errorAnnotations(onlyNew).map(c => c.properties.file)).toEqual(['more/more.go']);
  });
});

describe('allow-breaking-label', () => {
  const broken = { files: { ...main, 'r.go': 'package r\n' } };

  test('with the label, breaking changes are notices that say so; the summary says the label allowed them', async () => {
    const remote = makeRemote([{ files: main, tags: ['v2.0.0'] }], { drop: broken });
    const run = await runDistAction({
      workspace: remote.checkout('drop'),
      eventName: 'pull_request',
      payload: pullRequest(remote, 'drop', ['breaking']),
      apiUrl: api().url,
      inputs: { 'allow-breaking-label': 'breaking' }
    });
    expect(run.code).toBe(0);
    const report = JSON.parse(readFileSync(run.outputs.report, 'utf8')) as Json;
    const breaking = report.findings.filter((f: Json) => f.rule === 'breaking-change');
    expect(breaking.map((f: Json) => f.severity)).toEqual(['notice']);
    expect(breaking[0].message).toContain('(allowed by the label "breaking")');
    expect(run.summary).toContain('The label &quot;breaking&quot; allowed 1 breaking change');
  });

  test('without the label on the pull request, the same change fails', async () => {
    const remote = makeRemote([{ files: main, tags: ['v2.0.0'] }], { drop: broken });
    const run = await runDistAction({
      workspace: remote.checkout('drop'),
      eventName: 'pull_request',
      payload: pullRequest(remote, 'drop', ['docs']),
      apiUrl: api().url,
      inputs: { 'allow-breaking-label': 'breaking' }
    });
    expect(run.code).toBe(1);
    expect(run.outputs.conclusion).toBe('failure');
  });
});

describe('the config input', () => {
  test('the configuration of the tree checked applies, and the summary says what it accepted and excluded', async () => {
    const config =
      'exclude:\n  - notes/**\naccept:\n  - rule: local-replace\n    path: go.mod\n    reason: dep is vendored here\n';
    const { 'old/old.go': _stale, ...clean } = main;
    const files = {
      ...clean,
      'notes/install.md': `Install: \`go get ${R}\`\n`,
      '.go-major-gate.yml': config
    };
    const remote = makeRemote([{ files, tags: ['v2.0.0'] }]);
    const run = await runDistAction({
      workspace: remote.checkout(),
      eventName: 'push',
      payload: { ref: 'refs/tags/v2.0.0', after: remote.sha('v2.0.0'), repository: { full_name: 'o/r' } },
      apiUrl: api().url,
      sha: remote.sha('v2.0.0'),
      ref: 'refs/tags/v2.0.0'
    });
    const report = JSON.parse(readFileSync(run.outputs.report, 'utf8')) as Json;
    expect(report.config).toEqual({ file: '.go-major-gate.yml', accepted: 1, excluded: 1 });
    expect(report.findings.map((f: Json) => [f.rule, f.severity])).toEqual([['local-replace', 'notice']]);
    expect(run.summary).toContain('The configuration .go-major-gate.yml accepted 1 finding');
    expect(run.code).toBe(0);
  });

  test('names a file of the tree checked; an error in it fails the step with FILE:LINE', async () => {
    const remote = makeRemote([{ files: main, tags: ['v2.0.0'] }], {
      cfg: { files: { ...main, 'ci/gate.yml': 'rules:\n  stale-self-import: often\n' } }
    });
    const run = await runDistAction({
      workspace: remote.checkout('cfg'),
      eventName: 'pull_request',
      payload: pullRequest(remote, 'cfg'),
      apiUrl: api().url,
      inputs: { config: 'ci/gate.yml' }
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('ci/gate.yml:2: rules.stale-self-import: must be one of');
  });
});

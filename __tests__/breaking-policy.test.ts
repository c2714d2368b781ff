// The breaking-change policy end to end (issue 15): what is compared with what, and which verdicts a
// prerelease, a new major on the old path, a branch behind its base and a moved dependency get.
import { describe, expect, test } from '@jest/globals';
import { checkJson } from './helpers/cli.js';
import { commitTree, git, makeRepo } from './helpers/repo.js';
import { dependencyMoveCanBreak } from '../src/gather/api.js';

const R = 'github.com/o/r';
const mod = (path: string, extra = '') => `module ${path}\n\ngo 1.19\n${extra}`;
const withGone = 'package r\n\nfunc Keep() {}\n\nfunc Gone() {}\n';
const withoutGone = 'package r\n\nfunc Keep() {}\n';
const rows = (findings: { rule: string; severity: string; file: string | null; line: number | null }[]) =>
  findings.map(f => [f.rule, f.severity, f.file, f.line]);

describe('breaking-change policy', () => {
  test('a prerelease promises nothing: its breaks are notices', async () => {
    const dir = makeRepo([{ files: { 'go.mod': mod(R), 'r.go': withGone }, tags: ['v1.1.0'] }], {
      files: { 'go.mod': mod(R), 'r.go': withoutGone }
    });
    const { code, report } = await checkJson(dir, '--tag', 'v1.2.0-rc.1');
    expect(rows(report.findings)).toEqual([['breaking-change', 'notice', 'r.go', 5]]);
    expect(report.findings[0].message).toContain('v1.2.0-rc.1 is a prerelease');
    expect(report.findings[0].message).toContain('compared with v1.1.0');
    expect(code).toBe(0);
    // The final release is judged on the same change.
    expect(rows((await checkJson(dir, '--tag', 'v1.2.0')).report.findings)).toEqual([
      ['breaking-change', 'error', 'r.go', 5]
    ]);
  });

  test('a release is compared with the latest earlier final release of its major, not a prerelease', async () => {
    // v1.2.0-rc.1 tried out New; v1.2.0 drops it again: nothing v1.1.0 had is gone.
    const dir = makeRepo(
      [
        { files: { 'go.mod': mod(R), 'r.go': withoutGone }, tags: ['v1.1.0'] },
        { files: { 'go.mod': mod(R), 'r.go': `${withoutGone}\nfunc New() {}\n` }, tags: ['v1.2.0-rc.1'] }
      ],
      { files: { 'go.mod': mod(R), 'r.go': withoutGone } }
    );
    const { code, report } = await checkJson(dir, '--tag', 'v1.2.0');
    expect(report.findings).toEqual([]);
    expect(code).toBe(0);
  });

  test('the first final release of a major after its prereleases is not compared', async () => {
    const dir = makeRepo(
      [
        { files: { 'go.mod': mod(R), 'r.go': withGone }, tags: ['v2.5.0'] },
        { files: { 'go.mod': mod(`${R}/v3`), 'r.go': withGone }, tags: ['v3.0.0-rc.1'] }
      ],
      { files: { 'go.mod': mod(`${R}/v3`), 'r.go': withoutGone } }
    );
    const { code, report } = await checkJson(dir, '--tag', 'v3.0.0');
    expect(report.findings).toEqual([]);
    expect(code).toBe(0);
  });

  test('a tag that starts a new major on the old module path gets module-path-major only', async () => {
    const dir = makeRepo([{ files: { 'go.mod': mod(R), 'r.go': withGone }, tags: ['v1.4.0'] }], {
      files: { 'go.mod': mod(R), 'r.go': withoutGone }
    });
    const { code, report } = await checkJson(dir, '--tag', 'v2.0.0');
    expect(rows(report.findings)).toEqual([['module-path-major', 'error', 'go.mod', 1]]);
    expect(code).toBe(1);
  });

  test('a pull request is compared with its merge base: what the base gained since is not its doing', async () => {
    const dir = makeRepo([{ files: { 'go.mod': mod(R), 'r.go': withoutGone }, tags: ['v1.0.0'] }]);
    git(dir, 'checkout', '-q', '-b', 'feature');
    commitTree(dir, {
      files: { 'go.mod': mod(R), 'r.go': withoutGone, 'b.go': 'package r\n\nfunc B() {}\n' }
    });
    git(dir, 'checkout', '-q', 'main');
    commitTree(dir, {
      files: { 'go.mod': mod(R), 'r.go': withoutGone, 'c.go': 'package r\n\nfunc C() {}\n' }
    });
    const behind = await checkJson(dir, '--base', 'main', '--head', 'feature');
    expect(behind.report.findings).toEqual([]);
    expect(behind.code).toBe(0);
    // What the branch itself removes still counts, against the merge base.
    git(dir, 'checkout', '-q', 'feature');
    commitTree(dir, { files: { 'go.mod': mod(R), 'r.go': 'package r\n' } });
    const removes = await checkJson(dir, '--base', 'main');
    expect(rows(removes.report.findings)).toEqual([['breaking-change', 'error', 'r.go', 3]]);
    expect(removes.report.findings[0].message).toContain('the merge base');
  });

  test('a pull request on a major with no final release yet gets notices: nothing is promised yet', async () => {
    const dir = makeRepo([
      { files: { 'go.mod': mod(R), 'r.go': withGone }, tags: ['v1.3.0'] },
      { files: { 'go.mod': mod(`${R}/v2`), 'r.go': withGone }, tags: ['v2.0.0-beta.1'] }
    ]);
    git(dir, 'checkout', '-q', '-b', 'change');
    commitTree(dir, { files: { 'go.mod': mod(`${R}/v2`), 'r.go': withoutGone } });
    const { code, report } = await checkJson(dir, '--base', 'main');
    expect(rows(report.findings)).toEqual([['breaking-change', 'notice', 'r.go', 5]]);
    expect(report.findings[0].message).toContain('v2 has no final release yet');
    expect(code).toBe(0);
  });

  test('a dependency counts only when its move can break: v0, a prerelease or a new major', async () => {
    const tree = (version: string) => ({
      'go.mod': mod(R, `\nrequire example.com/dep ${version}\n`),
      'r.go': 'package r\n\nimport "example.com/dep"\n\nvar V dep.Thing\n'
    });
    const release = async (from: string, to: string) => {
      const dir = makeRepo([{ files: tree(from), tags: ['v1.0.0'] }], { files: tree(to) });
      return rows((await checkJson(dir, '--tag', 'v1.0.1')).report.findings);
    };
    expect(await release('v1.0.0', 'v1.4.0')).toEqual([]);
    expect(await release('v0.3.0', 'v0.4.0')).toEqual([['breaking-change', 'warning', 'go.mod', 5]]);
    expect(await release('v1.3.0', 'v1.4.0-rc.1')).toEqual([['breaking-change', 'warning', 'go.mod', 5]]);
  });

  test('a moved dependency is one finding at its require line; a standard-library package is not it', async () => {
    const tree = (version: string) => ({
      'go.mod': mod(R, `\nrequire golang.org/x/net ${version}\n`),
      'r.go': [
        'package r',
        '',
        'import (',
        '\t"net"',
        '',
        '\t"golang.org/x/net/http2"',
        ')',
        '',
        "// Addr is the standard library's net.IP, not golang.org/x/net.",
        'var Addr net.IP',
        '',
        'var A http2.Setting',
        '',
        'var B http2.Frame',
        '',
        'func C() http2.ErrCode { return 0 }',
        '',
        'type D struct{ F http2.Flags }',
        ''
      ].join('\n')
    });
    const dir = makeRepo([{ files: tree('v0.10.0'), tags: ['v1.0.0'] }], { files: tree('v0.11.0') });
    const { code, report } = await checkJson(dir, '--tag', 'v1.0.1');
    expect(rows(report.findings)).toEqual([['breaking-change', 'warning', 'go.mod', 5]]);
    const message = report.findings[0].message;
    expect(message).toContain('golang.org/x/net moved from v0.10.0 to v0.11.0');
    expect(message).toContain('4 exported declarations use it (A, B, C, and 1 more)');
    expect(message).not.toContain('Addr');
    expect(code).toBe(0);
  });

  test('a moved dependency imported under another name, or with a dot, is still found', async () => {
    const tree = (version: string) => ({
      'go.mod': mod(R, `\nrequire golang.org/x/net ${version}\n`),
      'r.go': 'package r\n\nimport h2 "golang.org/x/net/http2"\n\nvar A h2.Setting\n',
      'd/d.go': 'package d\n\nimport . "golang.org/x/net/http2"\n\nvar B Setting\n'
    });
    const dir = makeRepo([{ files: tree('v0.10.0'), tags: ['v1.0.0'] }], { files: tree('v0.11.0') });
    const { report } = await checkJson(dir, '--tag', 'v1.0.1');
    expect(rows(report.findings)).toEqual([['breaking-change', 'warning', 'go.mod', 5]]);
    expect(report.findings[0].message).toContain('2 exported declarations use it');
  });

  test('a constant whose value changes only in a version number is a notice; any other value change an error', async () => {
    const tree = (version: string, other: string) => ({
      'go.mod': mod(R),
      'v.go': `package r\n\n// Version is this release.\nconst Version = "${version}"\n\nconst UserAgent = "sdk-go/${version.slice(1)} (api:2)"\n\nconst Other = "${other}"\n`
    });
    const dir = makeRepo([{ files: tree('v1.2.0', 'a'), tags: ['v1.2.0'] }], { files: tree('v1.2.1', 'a') });
    const stamp = await checkJson(dir, '--tag', 'v1.2.1');
    expect(rows(stamp.report.findings)).toEqual([
      ['breaking-change', 'notice', 'v.go', 4],
      ['breaking-change', 'notice', 'v.go', 6]
    ]);
    expect(stamp.report.findings[0].message).toContain('only in a version number');
    expect(stamp.code).toBe(0);
    expect(stamp.report.targets[0].suggested).toBe('v1.2.1');
    commitTree(dir, { files: tree('v1.2.1', 'b') });
    const other = await checkJson(dir, '--tag', 'v1.2.1');
    expect(rows(other.report.findings)).toContainEqual(['breaking-change', 'error', 'v.go', 8]);
    expect(other.code).toBe(1);
  });

  test('dependencyMoveCanBreak', () => {
    expect(dependencyMoveCanBreak('v1.0.0', 'v1.9.3')).toBe(false);
    expect(dependencyMoveCanBreak('v2.1.0+incompatible', 'v2.3.0+incompatible')).toBe(false);
    expect(dependencyMoveCanBreak('v2.1.0+incompatible', 'v3.0.0+incompatible')).toBe(true);
    expect(dependencyMoveCanBreak('v0.3.0', 'v1.0.0')).toBe(true);
    expect(dependencyMoveCanBreak('v0.3.0', 'v0.3.1')).toBe(true);
    expect(dependencyMoveCanBreak('v1.2.0', 'v1.3.0-rc.1')).toBe(true);
    expect(dependencyMoveCanBreak('v1.2.3', 'v1.2.4-0.20240101000000-abcdefabcdef')).toBe(true);
    expect(dependencyMoveCanBreak('v1.2.0-beta', 'v1.2.0')).toBe(true);
  });
});

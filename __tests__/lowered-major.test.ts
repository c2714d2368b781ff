// Issue 21, "Lowering the major": a pull request that moves a module's path to a lower major than its
// latest release is no major bump (the go command would serve the next release of the released line
// under neither path); module-path-major says so, unless the version to gate is stated explicitly.
import { describe, expect, test } from '@jest/globals';
import { checkJson } from './helpers/cli.js';
import { commitTree, git, makeRepo } from './helpers/repo.js';

const R = 'github.com/o/r';
const tree = (path: string) => ({ 'go.mod': `module ${path}\n\ngo 1.19\n`, 'r.go': 'package r\n' });

/** A repository whose releases are v3.x at `${R}/v3`, with a pull request moving the path to `to`. */
function loweredRepo(to: string): string {
  const dir = makeRepo([{ files: tree(`${R}/v3`), tags: ['v3.0.0', 'v3.1.0'] }]);
  git(dir, 'checkout', '-q', '-b', 'lower');
  commitTree(dir, { files: tree(to) });
  return dir;
}

describe('a pull request lowering the major', () => {
  test('/v3 back to the unsuffixed path with v3 releases is module-path-major, not a bump to v1.0.0', async () => {
    const { code, report } = await checkJson(loweredRepo(R), '--base', 'main');
    expect(code).toBe(1);
    expect(report.targets.map(t => [t.mode, t.version])).toEqual([['consistency', null]]);
    const found = report.findings.filter(f => f.severity === 'error');
    expect(found.map(f => [f.rule, f.file, f.line, f.fix?.replacement])).toEqual([
      ['module-path-major', 'go.mod', 1, `${R}/v3`]
    ]);
    expect(found[0].message).toContain('the latest release is v3.1.0');
    expect(found[0].message).toContain('a new major must be higher than the latest one');
    expect(found[0].message).toContain('--version v1.x.y');
  });

  test('/v3 down to /v2 with v3 releases too', async () => {
    const { code, report } = await checkJson(loweredRepo(`${R}/v2`), '--base', 'main');
    expect(code).toBe(1);
    const found = report.findings.filter(f => f.severity === 'error');
    expect(found.map(f => [f.rule, f.fix?.replacement])).toEqual([['module-path-major', `${R}/v3`]]);
    expect(found[0].message).toContain(`down to "${R}/v2"`);
    expect(found[0].message).toContain('--version v2.x.y');
  });

  test('an explicit --version v1.x.y gates a release of the unsuffixed path, and passes', async () => {
    const { code, report } = await checkJson(loweredRepo(R), '--base', 'main', '--version', 'v1.0.0');
    expect(report.targets.map(t => [t.mode, t.version])).toEqual([['release', 'v1.0.0']]);
    expect(report.findings.filter(f => f.severity === 'error')).toEqual([]);
    expect(code).toBe(0);
  });

  test('a move above the latest release is still a major bump', async () => {
    const { report } = await checkJson(loweredRepo(`${R}/v4`), '--base', 'main');
    expect(report.targets.map(t => [t.mode, t.version])).toEqual([['major-bump', 'v4.0.0']]);
    expect(report.findings.filter(f => f.rule === 'module-path-major')).toEqual([]);
  });
});

// Issue 21, "A renamed repository": a module path naming the repository's former name (which GitHub
// redirects) is established once any release before the one gated used it: module-path-repository
// is then a warning. A path no earlier release used is an error.
import { describe, expect, test } from '@jest/globals';
import { checkJson } from './helpers/cli.js';
import { makeRepo } from './helpers/repo.js';

const OLD = 'github.com/old/r';
const tree = (path: string) => ({ 'go.mod': `module ${path}\n\ngo 1.19\n`, 'r.go': 'package r\n' });

async function repositoryFindings(dir: string, ...args: string[]) {
  const { report } = await checkJson(dir, '--repository', 'o/r', ...args);
  return report.findings.filter(f => f.rule === 'module-path-repository');
}

describe('a module path naming the former repository name', () => {
  test('a v1 backport after v2 moved to the new name: the earlier v1 releases established the path', async () => {
    // The latest release (v2.0.0) declares github.com/o/r/v2; v1.0.0 and v1.1.0 declared the old name.
    const dir = makeRepo(
      [
        { files: tree(OLD), tags: ['v1.0.0'] },
        { files: tree(OLD), tags: ['v1.1.0'] },
        { files: tree('github.com/o/r/v2'), tags: ['v2.0.0'] }
      ],
      { files: tree(OLD) }
    );
    const found = await repositoryFindings(dir, '--version', 'v1.2.0');
    expect(found.map(f => [f.severity, f.file, f.line])).toEqual([['warning', 'go.mod', 1]]);
    expect(found[0].message).toContain('already released this way');
  });

  test('the first release under the path is an error, even when its own tag already exists', async () => {
    const dir = makeRepo([{ files: tree(OLD), tags: ['v1.0.0'] }]);
    const found = await repositoryFindings(dir, '--tag', 'v1.0.0');
    expect(found.map(f => f.severity)).toEqual(['error']);
    expect(found[0].message).toContain('write "module github.com/o/r"');
  });

  test('a release after one under the path is a warning', async () => {
    const dir = makeRepo([
      { files: tree(OLD), tags: ['v1.0.0'] },
      { files: tree(OLD), tags: ['v1.1.0'] }
    ]);
    expect((await repositoryFindings(dir, '--tag', 'v1.1.0')).map(f => f.severity)).toEqual(['warning']);
    expect((await repositoryFindings(dir)).map(f => f.severity)).toEqual(['warning']);
  });

  test('a path no release used is an error', async () => {
    const dir = makeRepo([{ files: tree('github.com/o/r'), tags: ['v1.0.0'] }], { files: tree(OLD) });
    expect((await repositoryFindings(dir)).map(f => f.severity)).toEqual(['error']);
    expect((await repositoryFindings(dir, '--version', 'v1.1.0')).map(f => f.severity)).toEqual(['error']);
  });
});

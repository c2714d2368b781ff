// `fix` and special files: a symbolic link stays a link (its target inside the repository is
// rewritten once, under its own path), a link out of the repository is never read, a FIFO is never
// opened, and the --dry-run patch applies with `git apply --check`.
import { execFileSync } from 'node:child_process';
import { lstatSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@jest/globals';
import { cli } from './helpers/cli.js';
import { git, makeRepo, tempDir } from './helpers/repo.js';

const M = 'example.com/m';
const stale = (pkg: string) => `package ${pkg}\n\nimport "${M}/pkg"\n\nvar _ = pkg.P\n`;

function repository(): { dir: string; outside: string } {
  const outside = join(tempDir(), 'x.go');
  writeFileSync(outside, stale('out'));
  const dir = makeRepo([
    {
      files: {
        'go.mod': `module ${M}\n\ngo 1.19\n`,
        'pkg/pkg.go': 'package pkg\n\nconst P = 1\n',
        'real/impl.go': stale('real'),
        'fifo.go': 'package m\n'
      }
    }
  ]);
  symlinkSync('real/impl.go', join(dir, 'alias.go'));
  symlinkSync('impl.go', join(dir, 'real/also.go'));
  symlinkSync(outside, join(dir, 'out.go'));
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'links');
  // A tracked file replaced by a FIFO in the work tree: opening it would block.
  rmSync(join(dir, 'fifo.go'));
  execFileSync('mkfifo', [join(dir, 'fifo.go')]);
  return { dir, outside };
}

test('links stay links, the target inside is rewritten once, nothing outside is read, a FIFO is not opened', async () => {
  const { dir, outside } = repository();
  const dry = await cli('fix', dir, '--major', '2', '--dry-run');
  expect(dry.code).toBe(0);
  const patch = join(tempDir(), 'fix.patch');
  writeFileSync(patch, dry.stdout);
  expect(() => git(dir, 'apply', '--check', patch)).not.toThrow();
  expect(dry.stdout.match(/^\+\+\+ /gm)).toHaveLength(2); // go.mod and real/impl.go, nothing else
  expect(dry.stdout).toContain('+++ b/real/impl.go');

  const run = await cli('fix', dir, '--major', '2');
  expect(run.code).toBe(0);
  expect(run.stdout).toMatch(
    /note: alias\.go is a symbolic link to real\/impl\.go: real\/impl\.go is rewritten, the link is left as it is/
  );
  expect(run.stdout).toMatch(/note: out\.go: a symbolic link that leaves the repository/);
  expect(run.stdout).toMatch(/note: fifo\.go: not a regular file/);
  expect(readFileSync(join(dir, 'real/impl.go'), 'utf8')).toContain(`"${M}/v2/pkg"`);
  for (const link of ['alias.go', 'real/also.go', 'out.go'])
    expect(lstatSync(join(dir, link)).isSymbolicLink()).toBe(true);
  expect(readlinkSync(join(dir, 'alias.go'))).toBe('real/impl.go');
  expect(readFileSync(outside, 'utf8')).toBe(stale('out'));
  expect(lstatSync(join(dir, 'fifo.go')).isFIFO()).toBe(true);
  // git sees only the two rewritten files as changed (links unchanged, type included).
  expect(git(dir, 'diff', '--name-only', '--', '.', ':!fifo.go').trim().split('\n').sort()).toEqual([
    'go.mod',
    'real/impl.go'
  ]);
});

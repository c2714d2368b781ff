// `fix` and the major-subdirectory layout (src/fix/subdir.ts), through the CLI on real git repositories:
// a module in `vN/` is never rewritten in place into another major; a copy made into `vM/` is fixed
// as the module that will be /vM, its own imports included, and the original is left as it was.
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { checkJson, cli } from './helpers/cli.js';
import { git, makeRepo } from './helpers/repo.js';

const R = 'github.com/o/r';
const read = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8');

/** A v1 module at the root and its v2 in the major subdirectory v2/, with a retraction of v2. */
function subdirLayout(): Record<string, string> {
  return {
    'go.mod': `module ${R}\n\ngo 1.19\n`,
    'r.go': 'package r\n\n// Name is the name.\nconst Name = "r"\n',
    'v2/go.mod': `module ${R}/v2\n\ngo 1.19\n\n// Published by mistake.\nretract v2.0.1\n`,
    'v2/r.go': `package r\n\nimport "${R}/v2/pkg"\n\n// Name is the name.\nconst Name = pkg.Name\n`,
    'v2/pkg/pkg.go': 'package pkg\n\n// Name is the name.\nconst Name = "r"\n'
  };
}

describe('fix in a major-subdirectory layout', () => {
  test('a module in v2/ is not rewritten in place into /v3: exit 2, a message that says what to do, nothing changed', async () => {
    const dir = makeRepo([], { files: subdirLayout() });
    const run = await cli('fix', dir, '--module', 'v2', '--major', '3');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      `v2/ is a major subdirectory (it can only hold major v2, now ${R}/v2): fix does not rewrite it in place into ${R}/v3`
    );
    expect(run.stderr).toContain('copy v2/ to v3/ (cp -R v2 v3), then run fix --module v3 --major 3');
    expect(git(dir, 'status', '--porcelain')).toBe('');
    const back = await cli('fix', dir, '--module', 'v2', '--major', '1');
    expect(back.code).toBe(2);
    expect(back.stderr).toContain('the v0/v1 module lives in the directory above it');
  });

  test('client/v3/ the same: the suggested copy is client/v4/', async () => {
    const dir = makeRepo([], {
      files: {
        'go.mod': `module ${R}\n\ngo 1.19\n`,
        'client/v3/go.mod': `module ${R}/client/v3\n\ngo 1.19\n`,
        'client/v3/c.go': 'package client\n'
      }
    });
    const run = await cli('fix', dir, '--module', 'client/v3', '--major', '4');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('copy client/v3/ to client/v4/ (cp -R client/v3 client/v4)');
  });

  test('following the message: the copy in v3/ becomes /v3 with its own imports; v2/ keeps its go.mod and retractions; check is clean', async () => {
    const dir = makeRepo([], { files: subdirLayout() });
    git(dir, 'tag', 'v2.0.0');
    cpSync(join(dir, 'v2'), join(dir, 'v3'), { recursive: true });
    const run = await cli('fix', dir, '--module', 'v3', '--major', '3');
    expect([run.code, run.stderr]).toEqual([0, '']);
    // The copy's retraction of v2.0.1 names another major (the go command rejects it there); the
    // original keeps it.
    expect(read(dir, 'v3/go.mod')).toMatch(new RegExp(`^module ${R}/v3\n\ngo 1.19\n`));
    expect(read(dir, 'v3/go.mod')).not.toContain('retract');
    expect(read(dir, 'v3/r.go')).toContain(`import "${R}/v3/pkg"`);
    expect(read(dir, 'v2/go.mod')).toBe(subdirLayout()['v2/go.mod']);
    expect(read(dir, 'v2/r.go')).toBe(subdirLayout()['v2/r.go']);
    git(dir, 'add', '-A');
    git(dir, 'commit', '-qm', 'v3');
    const { report } = await checkJson(dir, '--tag', 'v3.0.0');
    expect(report.findings.filter(f => f.severity === 'error')).toEqual([]);
    expect(report.findings.filter(f => f.rule === 'module-location')).toEqual([]);
  });

  test('copy-to-v5: the copy still declares the root path; its imports of that path are its own, the root and its dependents stay', async () => {
    const root = {
      'go.mod': `module ${R}/v4\n\ngo 1.19\n`,
      'r.go': `package r\n\nimport "${R}/v4/pkg"\n\n// Name is the name.\nconst Name = pkg.Name\n`,
      'pkg/pkg.go': 'package pkg\n\n// Name is the name.\nconst Name = "r"\n',
      'cmd/tool/go.mod': `module ${R}/cmd/tool\n\ngo 1.19\n\nrequire ${R}/v4 v4.2.0\n\nreplace ${R}/v4 => ../..\n`,
      'cmd/tool/main.go': `package main\n\nimport "${R}/v4/pkg"\n\nfunc main() { println(pkg.Name) }\n`
    };
    const dir = makeRepo([], { files: root });
    git(dir, 'tag', 'v4.2.0');
    // The user copies the module's packages by hand, as the Go blog describes.
    for (const file of ['go.mod', 'r.go', 'pkg'])
      cpSync(join(dir, file), join(dir, 'v5', file), { recursive: true });
    const run = await cli('fix', dir, '--module', 'v5', '--major', '5');
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(read(dir, 'v5/go.mod')).toBe(`module ${R}/v5\n\ngo 1.19\n`);
    expect(read(dir, 'v5/r.go')).toContain(`import "${R}/v5/pkg"`);
    for (const [file, text] of Object.entries(root)) expect(read(dir, file)).toBe(text);
    git(dir, 'add', '-A');
    git(dir, 'commit', '-qm', 'v5');
    const { report } = await checkJson(dir, '--tag', 'v5.0.0');
    expect(report.findings.filter(f => f.severity === 'error')).toEqual([]);
    expect((await cli('fix', dir, '--module', 'v5', '--major', '5')).stdout).toContain('nothing to do');
  });
});

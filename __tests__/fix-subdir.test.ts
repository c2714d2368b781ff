// `fix` and the major-subdirectory layout (src/fix/subdir.ts), through the CLI on real git repositories:
// a module in `vN/` is never rewritten in place into another major; a copy made into `vM/` is fixed
// as the module that will be /vM, its own imports included, and the original is left as it was.
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { checkJson, cli } from './helpers/cli.js';
import { describeWithGo, runGo } from './helpers/gotool.js';
import { git, makeRepo, tempDir } from './helpers/repo.js';

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
  test('a module in v2/ moves to /v3 as a copy in v3/: v2/ keeps its go.mod and retractions; --dry-run prints the same as a patch git apply accepts; check is clean', async () => {
    const dry = makeRepo([], { files: subdirLayout() });
    const run = await cli('fix', dry, '--module', 'v2', '--major', '3', '--dry-run');
    expect([run.code, run.stderr.includes('would create 3 files in v3/')]).toEqual([0, true]);
    expect(run.stdout).toContain(
      `diff --git a/v3/go.mod b/v3/go.mod\nnew file mode 100644\n--- /dev/null\n+++ b/v3/go.mod\n`
    );
    expect(git(dry, 'status', '--porcelain')).toBe('');
    const patch = join(tempDir(), 'p.diff');
    writeFileSync(patch, run.stdout);
    git(dry, 'apply', patch);

    const dir = makeRepo([], { files: subdirLayout() });
    git(dir, 'tag', 'v2.0.0');
    const real = await cli('fix', dir, '--module', 'v2', '--major', '3');
    expect([real.code, real.stderr]).toEqual([0, '']);
    expect(real.stdout).toContain(`module ${R}/v2 (v2) -> ${R}/v3 (v3, a copy)\n`);
    expect(real.stdout).toContain('created 3 files in v3/\n');
    expect(real.stdout).toContain('what remains:\n');
    expect(real.stdout).toContain('  - tag the moved modules together: v3.0.0\n');
    // The copy's retraction of v2.0.1 names another major (the go command rejects it there); the
    // original keeps it, and everything else of v2/.
    expect(read(dir, 'v3/go.mod')).toMatch(new RegExp(`^module ${R}/v3\n\ngo 1.19\n`));
    expect(read(dir, 'v3/go.mod')).not.toContain('retract');
    expect(read(dir, 'v3/r.go')).toContain(`import "${R}/v3/pkg"`);
    expect(read(dir, 'v3/pkg/pkg.go')).toBe(subdirLayout()['v2/pkg/pkg.go']);
    for (const [file, text] of Object.entries(subdirLayout())) expect(read(dir, file)).toBe(text);
    for (const file of ['v3/go.mod', 'v3/r.go', 'v3/pkg/pkg.go'])
      expect(read(dry, file)).toBe(read(dir, file));
    git(dir, 'add', '-A');
    git(dir, 'commit', '-qm', 'v3');
    const { report } = await checkJson(dir, '--tag', 'v3.0.0');
    expect(report.findings.filter(f => f.severity === 'error')).toEqual([]);
    expect(report.findings.filter(f => f.rule === 'module-location')).toEqual([]);
    expect((await cli('fix', dir, '--module', 'v3', '--major', '3')).stdout).toContain('nothing to do');
  });

  test('the copy keeps file modes, empty and binary files; --dry-run names the binary one and the rest of its patch applies', async () => {
    const withExtras = (): string => {
      const dir = makeRepo([], { files: subdirLayout() });
      writeFileSync(join(dir, 'v2/gen.sh'), '#!/bin/sh\necho gen\n', { mode: 0o755 });
      writeFileSync(join(dir, 'v2/empty.txt'), '');
      writeFileSync(join(dir, 'v2/logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 0xff]));
      git(dir, 'add', '-A');
      git(dir, 'commit', '-qm', 'extras');
      return dir;
    };
    const dry = withExtras();
    const run = await cli('fix', dry, '--module', 'v2', '--major', '3', '--dry-run');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('diff --git a/v3/gen.sh b/v3/gen.sh\nnew file mode 100755\n');
    expect(run.stdout).toContain('diff --git a/v3/empty.txt b/v3/empty.txt\nnew file mode 100644\n');
    expect(run.stdout).not.toContain('logo.png');
    expect(run.stderr).toContain('note: v3/logo.png is not text: the patch leaves it out, copy it by hand\n');
    const patch = join(tempDir(), 'p.diff');
    writeFileSync(patch, run.stdout);
    git(dry, 'apply', patch);
    expect(statSync(join(dry, 'v3/gen.sh')).mode & 0o111).not.toBe(0);
    expect(read(dry, 'v3/empty.txt')).toBe('');

    const dir = withExtras();
    expect((await cli('fix', dir, '--module', 'v2', '--major', '3')).code).toBe(0);
    expect(statSync(join(dir, 'v3/gen.sh')).mode & 0o111).not.toBe(0);
    expect(readFileSync(join(dir, 'v3/logo.png'))).toEqual(readFileSync(join(dir, 'v2/logo.png')));
    expect(read(dir, 'v3/empty.txt')).toBe('');
    for (const file of ['v3/go.mod', 'v3/r.go', 'v3/gen.sh']) expect(read(dry, file)).toBe(read(dir, file));
  });

  test('refusals, exit 2: v2/ back to major 1; a v3/ that already exists; --layout with another value or major 1', async () => {
    const dir = makeRepo([], { files: { ...subdirLayout(), 'v3/README.md': 'started\n' } });
    const back = await cli('fix', dir, '--module', 'v2', '--major', '1');
    expect(back.code).toBe(2);
    expect(back.stderr).toContain(
      `v2/ is a major subdirectory (it can only hold major v2, now ${R}/v2): fix does not rewrite it in place into ${R}; the v0/v1 module lives in the directory above it`
    );
    const taken = await cli('fix', dir, '--module', 'v2', '--major', '3');
    expect(taken.code).toBe(2);
    expect(taken.stderr).toContain(
      'v3/ already exists (v3/README.md): to make it the v3 module, run fix --module v3 --major 3'
    );
    const siblings = await cli('fix', dir, '--module', 'v2', '--major', '4', '--siblings-major', '4');
    expect([siblings.code, siblings.stderr]).toEqual([
      2,
      expect.stringContaining('--siblings-major does not apply to a copy into v4/')
    ]);
    const bad = await cli('fix', dir, '--layout', 'branch', '--major', '2');
    expect([bad.code, bad.stderr]).toEqual([2, expect.stringContaining('--layout takes "subdirectory"')]);
    const one = await cli('fix', dir, '--layout', 'subdirectory', '--major', '1');
    expect([one.code, one.stderr]).toEqual([
      2,
      expect.stringContaining('--layout subdirectory needs --major 2 or more')
    ]);
    expect(git(dir, 'status', '--porcelain')).toBe('');
  });

  test('client/v3/ moves to a copy in client/v4/', async () => {
    const dir = makeRepo([], {
      files: {
        'go.mod': `module ${R}\n\ngo 1.19\n`,
        'client/v3/go.mod': `module ${R}/client/v3\n\ngo 1.19\n`,
        'client/v3/c.go': `package client\n\nimport _ "${R}/client/v3/internal"\n`,
        'client/v3/internal/i.go': 'package internal\n'
      }
    });
    const run = await cli('fix', dir, '--module', 'client/v3', '--major', '4');
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(read(dir, 'client/v4/go.mod')).toBe(`module ${R}/client/v4\n\ngo 1.19\n`);
    expect(read(dir, 'client/v4/c.go')).toBe(`package client\n\nimport _ "${R}/client/v4/internal"\n`);
    expect(read(dir, 'client/v3/go.mod')).toBe(`module ${R}/client/v3\n\ngo 1.19\n`);
    git(dir, 'add', '-A');
    git(dir, 'commit', '-qm', 'v4');
    const { report } = await checkJson(dir, '--tag', 'client/v4.0.0');
    expect(report.findings.filter(f => f.severity === 'error')).toEqual([]);
  });

  test('--layout subdirectory on the root module starts v2/: its own files (not nested modules, not dot entries) copied and fixed', async () => {
    const files = {
      'go.mod': `module ${R}\n\ngo 1.19\n`,
      'r.go': `package r\n\nimport "${R}/pkg"\n\n// Name is the name.\nconst Name = pkg.Name\n`,
      'pkg/pkg.go': 'package pkg\n\n// Name is the name.\nconst Name = "r"\n',
      'README.md': `Install: \`go get ${R}\`\n`,
      '.github/workflows/ci.yml': 'on: push\n',
      'tools/go.mod': `module ${R}/tools\n\ngo 1.19\n`,
      'tools/t.go': 'package tools\n'
    };
    const dir = makeRepo([], { files });
    git(dir, 'tag', 'v1.4.0');
    const run = await cli('fix', dir, '--layout', 'subdirectory', '--major', '2');
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(read(dir, 'v2/go.mod')).toBe(`module ${R}/v2\n\ngo 1.19\n`);
    expect(read(dir, 'v2/r.go')).toContain(`import "${R}/v2/pkg"`);
    expect(read(dir, 'v2/pkg/pkg.go')).toBe(files['pkg/pkg.go']);
    expect(read(dir, 'v2/README.md')).toBe(`Install: \`go get ${R}/v2\`\n`);
    for (const [file, text] of Object.entries(files)) expect(read(dir, file)).toBe(text);
    expect(git(dir, 'status', '--porcelain')).toBe('?? v2/\n');
    expect(git(dir, 'ls-files', '--others', 'v2').split('\n').filter(Boolean).sort()).toEqual([
      'v2/README.md',
      'v2/go.mod',
      'v2/pkg/pkg.go',
      'v2/r.go'
    ]);
    git(dir, 'add', '-A');
    git(dir, 'commit', '-qm', 'v2');
    const { report } = await checkJson(dir, '--tag', 'v2.0.0');
    expect(report.findings.filter(f => f.severity === 'error')).toEqual([]);
  });

  test('a copy made by hand: the copy in v3/ becomes /v3 with its own imports; v2/ keeps its go.mod and retractions; check is clean', async () => {
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
      'README.md': `See https://pkg.go.dev/${R}/v4/pkg.\n`,
      'cmd/tool/go.mod': `module ${R}/cmd/tool\n\ngo 1.19\n\nrequire ${R}/v4 v4.2.0\n\nreplace ${R}/v4 => ../..\n`,
      'cmd/tool/main.go': `package main\n\nimport "${R}/v4/pkg"\n\nfunc main() { println(pkg.Name) }\n`
    };
    const dir = makeRepo([], { files: root });
    git(dir, 'tag', 'v4.2.0');
    // The user copies the module's packages by hand, as the Go blog describes.
    for (const file of ['go.mod', 'r.go', 'pkg', 'README.md'])
      cpSync(join(dir, file), join(dir, 'v5', file), { recursive: true });
    const run = await cli('fix', dir, '--module', 'v5', '--major', '5');
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(read(dir, 'v5/go.mod')).toBe(`module ${R}/v5\n\ngo 1.19\n`);
    expect(read(dir, 'v5/r.go')).toContain(`import "${R}/v5/pkg"`);
    expect(read(dir, 'v5/README.md')).toBe(`See https://pkg.go.dev/${R}/v5/pkg.\n`);
    for (const [file, text] of Object.entries(root)) expect(read(dir, file)).toBe(text);
    git(dir, 'add', '-A');
    git(dir, 'commit', '-qm', 'v5');
    const { report } = await checkJson(dir, '--tag', 'v5.0.0');
    expect(report.findings.filter(f => f.severity === 'error')).toEqual([]);
    expect((await cli('fix', dir, '--module', 'v5', '--major', '5')).stdout).toContain('nothing to do');
  });
});

describeWithGo('the copy against the go command', () => {
  test('v2/ copied to v3/: go vet passes in both, offline, and gofmt -l is clean', async () => {
    const dir = makeRepo([], { files: subdirLayout() });
    expect((await cli('fix', dir, '--module', 'v2', '--major', '3')).code).toBe(0);
    for (const module of ['v2', 'v3']) {
      const build = runGo(['vet', './...'], join(dir, module));
      expect([module, build.status, build.stderr]).toEqual([module, 0, '']);
    }
    expect(spawnSync('gofmt', ['-l', '.'], { cwd: dir, encoding: 'utf8' }).stdout).toBe('');
  });
});

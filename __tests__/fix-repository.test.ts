// `fix --major N` moves the repository: the module, and the repository's other modules that require
// or import it (their requires, replaces and imports), through the CLI on real git repositories.
import { spawnSync } from 'node:child_process';
import { lstatSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { checkJson, cli } from './helpers/cli.js';
import { describeWithGo, runGo } from './helpers/gotool.js';
import { git, makeRepo } from './helpers/repo.js';

const K = 'github.com/o/k';

/** A repository shaped like kratos: a /v2 root, siblings that require it with replace => ../.. */
function kratosLike(): Record<string, string> {
  const files: Record<string, string> = {
    'go.mod': `module ${K}/v2\n\ngo 1.19\n`,
    'app.go': `package k\n\nimport "${K}/v2/log"\n\n// Hello logs.\nfunc Hello() { log.Info("hi") }\n`,
    'log/log.go': 'package log\n\n// Info logs.\nfunc Info(string) {}\n',
    'version.go': 'package k\n\n// Release is the version.\nconst Release = "v2.9.0"\n',
    '.golangci.yml': `linters-settings:\n  goimports:\n    local-prefixes: ${K}/v2\n`,
    'cmd/tool/go.mod': `module ${K}/cmd/tool\n\ngo 1.19\n\nrequire ${K}/v2 v2.9.0\n\nreplace ${K}/v2 => ../..\n`,
    'cmd/tool/main.go': `package main\n\nimport "${K}/v2/log"\n\nfunc main() { log.Info("tool") }\n`,
    'cmd/tool/README.md': `Install: go install ${K}/cmd/tool@latest (needs ${K}/v2)\n`
  };
  for (const name of ['a', 'b', 'c']) {
    const dir = `contrib/${name}`;
    files[`${dir}/go.mod`] =
      `module ${K}/contrib/${name}/v2\n\ngo 1.19\n\nrequire ${K}/v2 v2.9.0\n\nreplace ${K}/v2 => ../../\n`;
    files[`${dir}/${name}.go`] =
      `package ${name}\n\nimport (\n\t"fmt"\n\n\t"${K}/v2/log"\n)\n\n// Run logs.\nfunc Run() { log.Info(fmt.Sprint("${name}")) }\n`;
  }
  return files;
}

const read = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8');

describe('fix --major moves the repository', () => {
  test('siblings follow: requires, replaces and imports; their own majors stay; what remains is listed', async () => {
    const dir = makeRepo([], { files: kratosLike() });
    git(dir, 'tag', 'v2.9.0');
    const run = await cli('fix', dir, '--major', '3');
    expect(run.code).toBe(0);
    expect(read(dir, 'go.mod')).toBe(`module ${K}/v3\n\ngo 1.19\n`);
    expect(read(dir, 'contrib/a/go.mod')).toBe(
      `module ${K}/contrib/a/v2\n\ngo 1.19\n\nrequire ${K}/v3 v3.0.0\n\nreplace ${K}/v3 => ../../\n`
    );
    expect(read(dir, 'contrib/b/b.go')).toContain(`"${K}/v3/log"`);
    expect(read(dir, 'cmd/tool/go.mod')).toContain(`require ${K}/v3 v3.0.0\n\nreplace ${K}/v3 => ../..\n`);
    expect(read(dir, 'cmd/tool/main.go')).toContain(`"${K}/v3/log"`);
    // Another module's document is not the moved module's to change.
    expect(read(dir, 'cmd/tool/README.md')).toContain(`(needs ${K}/v2)`);
    expect(run.stdout).toContain(
      'note: 3 other modules carry the old major in their paths like github.com/o/k/v2 did (contrib/a, contrib/b, contrib/c): they keep their own major; to move them to /v3 as well, run again with --siblings-major 3'
    );
    expect(run.stdout).toContain('what remains:\n');
    expect(run.stdout).toContain('  - update the version constants, which fix leaves alone: version.go:4\n');
    expect(run.stdout).toContain(
      '  - check the files that still name the old path (linter configs, templates, scripts): .golangci.yml:3\n'
    );
    expect(run.stdout).toContain(
      '  - run go mod tidy in the root, cmd/tool, contrib/a, contrib/b, contrib/c\n'
    );
    expect(run.stdout).toContain('  - tag the moved modules together: v3.0.0\n');
    git(dir, 'commit', '-qam', 'v3');
    const { report } = await checkJson(dir, '--tag', 'v3.0.0');
    expect(report.findings.filter(f => f.severity === 'error')).toEqual([]);
    expect(report.findings.filter(f => f.rule === 'sibling-old-major')).toEqual([]);
    // Again: nothing left to do.
    expect((await cli('fix', dir, '--major', '3')).stdout).toContain('nothing to do');
  });

  test('--siblings-major moves the siblings of the same major too, and the tags to create name them', async () => {
    const dir = makeRepo([], { files: kratosLike() });
    const run = await cli('fix', dir, '--major', '3', '--siblings-major', '3');
    expect(run.code).toBe(0);
    expect(read(dir, 'contrib/a/go.mod')).toBe(
      `module ${K}/contrib/a/v3\n\ngo 1.19\n\nrequire ${K}/v3 v3.0.0\n\nreplace ${K}/v3 => ../../\n`
    );
    expect(read(dir, 'contrib/c/c.go')).toContain(`"${K}/v3/log"`);
    expect(run.stdout).toContain(
      'tag the moved modules together: v3.0.0, contrib/a/v3.0.0, contrib/b/v3.0.0, contrib/c/v3.0.0'
    );
  });

  test('--only-module keeps the siblings as they are; --dry-run gives a patch git applies', async () => {
    const dir = makeRepo([], { files: kratosLike() });
    const only = await cli('fix', dir, '--major', '3', '--only-module', '--dry-run');
    expect(only.stdout).not.toContain('contrib/a/go.mod');
    const dry = await cli('fix', dir, '--major', '3', '--dry-run');
    expect(dry.code).toBe(0);
    const apply = spawnSync('git', ['apply', '--check', '-'], {
      cwd: dir,
      input: dry.stdout,
      encoding: 'utf8'
    });
    expect(apply.stderr).toBe('');
    expect(apply.status).toBe(0);
    expect(dry.stdout).toContain('+replace github.com/o/k/v3 => ../../');
  });
});

describe('a nested module moved is not the parent module', () => {
  const E = 'go.etcd.io/etcd';
  const etcdLike = (): Record<string, string> => ({
    'go.mod': `module ${E}/v3\n\ngo 1.19\n\nrequire ${E}/api/v3 v3.5.0\n\nreplace ${E}/api/v3 => ./api\n`,
    'server/server.go': `package server\n\nimport "${E}/api/v3/pb"\n\n// V is a version.\nvar V = pb.V\n`,
    'api/go.mod': `module ${E}/api/v3\n\ngo 1.19\n`,
    'api/pb/pb.go': 'package pb\n\n// V is a version.\nconst V = 1\n'
  });

  test('after --only-module, check does not take the root imports of the old api for its own', async () => {
    const dir = makeRepo([], { files: etcdLike() });
    expect((await cli('fix', dir, '--module', 'api', '--major', '4', '--only-module')).code).toBe(0);
    git(dir, 'commit', '-qam', 'api v4');
    const { report } = await checkJson(dir);
    expect(report.findings.filter(f => f.rule === 'stale-self-import')).toEqual([]);
    // fix on the root writes no path through the root's own (go.etcd.io/etcd/v3/api/v3/...).
    const root = await cli('fix', dir, '--major', '3', '--only-module', '--dry-run');
    expect(root.stdout).not.toContain(`${E}/v3/api`);
  });

  test('by default the root require, replace and imports follow the moved api', async () => {
    const dir = makeRepo([], { files: etcdLike() });
    expect((await cli('fix', dir, '--module', 'api', '--major', '4')).code).toBe(0);
    expect(read(dir, 'go.mod')).toBe(
      `module ${E}/v3\n\ngo 1.19\n\nrequire ${E}/api/v4 v4.0.0\n\nreplace ${E}/api/v4 => ./api\n`
    );
    expect(read(dir, 'server/server.go')).toContain(`"${E}/api/v4/pb"`);
  });
});

/** kratos' shape at full size: twenty siblings (some carrying /v2), a testdata package, a symlink. */
function kratosFull(): Record<string, string> {
  const files = kratosLike();
  for (let i = 0; i < 17; i++) {
    const dir = `contrib/m${i}`;
    const path = i % 2 === 0 ? `${K}/${dir}/v2` : `${K}/${dir}`;
    files[`${dir}/go.mod`] =
      `module ${path}\n\ngo 1.19\n\nrequire ${K}/v2 v2.9.0\n\nreplace ${K}/v2 => ../../\n`;
    files[`${dir}/m.go`] =
      `package m${i}\n\nimport "${K}/v2/log"\n\n// Run logs.\nfunc Run() { log.Info("m") }\n`;
  }
  files['internal/testdata/pb/pb.pb.go'] =
    `// Code generated by protoc-gen-go. DO NOT EDIT.\n\npackage pb\n\nimport "${K}/v2/log"\n\n// Log logs.\nfunc Log() { log.Info("pb") }\n`;
  files['internal/use/use.go'] =
    `package use\n\nimport "${K}/v2/internal/testdata/pb"\n\n// Use uses pb.\nfunc Use() { pb.Log() }\n`;
  return files;
}

describe('a kratos-shaped repository moves to /v3 with one command', () => {
  test('twenty siblings, a testdata package and a symlink: check --tag v3.0.0 then reports no error', async () => {
    const dir = makeRepo([], { files: kratosFull() });
    symlinkSync('app.go', join(dir, 'app_link.go'));
    git(dir, 'add', '-A');
    git(dir, 'commit', '-qm', 'link');
    git(dir, 'tag', 'v2.9.0');
    const run = await cli('fix', dir, '--major', '3');
    expect(run.code).toBe(0);
    expect(lstatSync(join(dir, 'app_link.go')).isSymbolicLink()).toBe(true);
    expect(read(dir, 'internal/testdata/pb/pb.pb.go')).toContain(`"${K}/v3/log"`);
    expect(read(dir, 'internal/use/use.go')).toContain(`"${K}/v3/internal/testdata/pb"`);
    expect(read(dir, 'contrib/m3/go.mod')).toContain(`require ${K}/v3 v3.0.0\n\nreplace ${K}/v3 => ../../\n`);
    expect(run.stdout).toContain('regenerate the generated files whose imports fix moved');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-qm', 'v3');
    const { report } = await checkJson(dir, '--tag', 'v3.0.0');
    expect(report.findings.filter(f => f.severity === 'error')).toEqual([]);
  });
});

describeWithGo('the moved repository builds', () => {
  test('gofmt -l and go list -e are clean in every module, offline (the kratos-shaped repository too)', async () => {
    const dir = makeRepo([], { files: kratosFull() });
    expect((await cli('fix', dir, '--major', '3')).code).toBe(0);
    expect(spawnSync('gofmt', ['-l', '.'], { cwd: dir, encoding: 'utf8' }).stdout).toBe('');
    const modules = ['.', 'cmd/tool', 'contrib/a', 'contrib/b', 'contrib/c'];
    for (let i = 0; i < 17; i++) modules.push(`contrib/m${i}`);
    for (const module of modules) {
      const list = runGo(
        ['list', '-e', '-f', '{{if .Error}}{{.ImportPath}}: {{.Error}}{{end}}', './...'],
        join(dir, module)
      );
      expect(`${module}: ${list.stdout.trim()}${list.stderr.trim()}`).toBe(`${module}: `);
    }
  });
});

// `upgrade`: a consumer repository moved to a new major of a dependency, offline.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { parseUpgradeTarget, planUpgrade } from '../src/fix/upgrade.js';
import { cli } from './helpers/cli.js';
import { describeWithGo, runGo } from './helpers/gotool.js';
import { git, makeRepo, tempDir, writeTree } from './helpers/repo.js';

const enc = (s: string) => new TextEncoder().encode(s);
const dec = (b: Uint8Array) => new TextDecoder().decode(b);
const LIB = 'example.com/lib';

/** The dependency at v1 and at v2 (v2 has no `old` package any more). */
const lib1 = {
  'go.mod': `module ${LIB}\n\ngo 1.19\n`,
  'lib.go': 'package lib\n\nconst Root = 1\n',
  'pkg/pkg.go': 'package pkg\n\nconst P = 1\n',
  'pkg/sub/sub.go': 'package sub\n\nconst S = 1\n',
  'old/old.go': 'package old\n\nconst O = 1\n'
};
const lib2 = {
  'go.mod': `module ${LIB}/v2\n\ngo 1.19\n`,
  'lib.go': 'package lib\n\nconst Root = 2\n',
  'pkg/pkg.go': 'package pkg\n\nconst P = 2\n',
  'pkg/sub/sub.go': 'package sub\n\nconst S = 2\n',
  'pkg/sub/sub_test.go': 'package sub\n',
  'old/old_test.go': 'package old\n'
};

/** A consumer of v1, gofmt-clean, with replaces to local copies so that go build works offline. */
function consumer(libDir: string, lib2Dir: string): Record<string, string> {
  return {
    'go.mod': `module example.com/app\n\ngo 1.19\n\nrequire (\n\t${LIB} v1.4.0\n\texample.com/other v1.0.0 // indirect\n)\n\nreplace ${LIB} => ${libDir}\n\nreplace ${LIB}/v2 => ${lib2Dir}\n\nreplace example.com/other => ./other\n`,
    'main.go': `package main\n\nimport (\n\t"fmt"\n\n\t"${LIB}"\n\t_ "${LIB}/old"\n\tp "${LIB}/pkg" // the package\n\t"${LIB}/pkg/sub"\n)\n\nfunc main() { fmt.Println(lib.Root, p.P, sub.S) }\n`,
    'x/x.go': `package x\n\nimport . \`${LIB}/pkg\`\n\nvar _ = P\n`,
    'x/x_test.go': `package x\n\nimport (\n\t"testing"\n\n\t"${LIB}/pkg"\n)\n\nfunc TestX(t *testing.T) { _ = pkg.P }\n`,
    'other/go.mod': 'module example.com/other\n\ngo 1.19\n',
    'other/o.go': 'package other\n'
  };
}

describe('parseUpgradeTarget', () => {
  test('MODULE@VERSION', () => {
    expect(parseUpgradeTarget(`${LIB}/v2@v2.1.0`)).toEqual({
      path: `${LIB}/v2`,
      version: 'v2.1.0',
      prefix: LIB,
      major: '2'
    });
    expect(parseUpgradeTarget('gopkg.in/yaml.v3@v3.0.1')).toMatchObject({
      prefix: 'gopkg.in/yaml',
      major: '3'
    });
  });
  test.each([
    [`${LIB}/v2`, /expected MODULE@VERSION/],
    [`${LIB}/v2@v3.0.0`, /invalid version: should be v2, not v3/],
    [`${LIB}/v2@v2.1`, /must be canonical, such as v2\.1\.0/],
    [`${LIB}/v2@latest`, /not a semantic version/]
  ])('%s is a usage error', (arg, message) => {
    expect(() => parseUpgradeTarget(arg)).toThrow(message);
  });
});

describe('planUpgrade', () => {
  test('a nested module of the family that the consumer requires is another module: left alone', () => {
    const plan = planUpgrade({
      target: `${LIB}/v2@v2.1.0`,
      goMods: new Map([
        ['go.mod', enc(`module example.com/app\n\nrequire (\n\t${LIB} v1.4.0\n\t${LIB}/tools v1.0.0\n)\n`)]
      ]),
      goFiles: new Map([['a.go', enc(`package a\n\nimport (\n\t"${LIB}/pkg"\n\t"${LIB}/tools/t"\n)\n`)]])
    });
    expect(dec(plan.changes.find(c => c.file === 'a.go')!.after)).toBe(
      `package a\n\nimport (\n\t"${LIB}/tools/t"\n\t"${LIB}/v2/pkg"\n)\n`
    );
    expect(dec(plan.changes.find(c => c.file === 'go.mod')!.after)).toBe(
      `module example.com/app\n\nrequire (\n\t${LIB}/v2 v2.1.0\n\t${LIB}/tools v1.0.0\n)\n`
    );
  });

  test('v1 and v2 both required, upgrading to v3: one require becomes v3, the other goes; newer majors are kept', () => {
    const plan = planUpgrade({
      target: `${LIB}/v3@v3.0.0`,
      goMods: new Map([
        ['go.mod', enc(`module example.com/app\n\nrequire ${LIB} v1.4.0\n\nrequire ${LIB}/v2 v2.3.0\n`)]
      ]),
      goFiles: new Map([['a.go', enc(`package a\n\nimport (\n\t"${LIB}/pkg"\n\tv2pkg "${LIB}/v2/pkg"\n)\n`)]])
    });
    expect(dec(plan.changes.find(c => c.file === 'go.mod')!.after)).toBe(
      `module example.com/app\n\nrequire ${LIB}/v3 v3.0.0\n`
    );
    expect(dec(plan.changes.find(c => c.file === 'a.go')!.after)).toBe(
      `package a\n\nimport (\n\t"${LIB}/v3/pkg"\n\tv2pkg "${LIB}/v3/pkg"\n)\n`
    );
  });

  test('an existing require of the new major gets the version asked for', () => {
    const plan = planUpgrade({
      target: `${LIB}/v2@v2.1.0`,
      goMods: new Map([
        ['go.mod', enc(`module example.com/app\n\nrequire (\n\t${LIB} v1.4.0\n\t${LIB}/v2 v2.0.0\n)\n`)]
      ]),
      goFiles: new Map([['a.go', enc(`package a\n\nimport "${LIB}/pkg"\n`)]])
    });
    expect(dec(plan.changes.find(c => c.file === 'go.mod')!.after)).toBe(
      `module example.com/app\n\nrequire (\n\t${LIB}/v2 v2.1.0\n)\n`
    );
  });
});

describe('planUpgrade: a block whose every require goes', () => {
  test('goes too', () => {
    const plan = planUpgrade({
      target: `${LIB}/v3@v3.1.0`,
      goMods: new Map([
        [
          'go.mod',
          enc(
            `module example.com/app\n\nrequire (\n\t${LIB} v1.4.0\n\t${LIB}/v2 v2.3.0\n)\n\nrequire ${LIB}/v3 v3.0.0\n`
          )
        ]
      ]),
      goFiles: new Map([['a.go', enc(`package a\n\nimport "${LIB}/pkg"\n`)]])
    });
    expect(dec(plan.changes.find(c => c.file === 'go.mod')!.after)).toBe(
      `module example.com/app\n\nrequire ${LIB}/v3 v3.1.0\n`
    );
  });
});

describe('go-major-gate upgrade (CLI)', () => {
  function setup() {
    const libDir = tempDir();
    writeTree(libDir, lib1);
    const lib2Dir = tempDir();
    writeTree(lib2Dir, lib2);
    const files = consumer(libDir, lib2Dir);
    const dir = makeRepo([{ files }]);
    return { dir, libDir, lib2Dir, files };
  }

  test('usage errors exit 2', async () => {
    for (const [argv, message] of [
      [['upgrade'], /upgrade needs MODULE@VERSION/],
      [['upgrade', `${LIB}/v2@v3.0.0`], /should be v2, not v3/],
      [
        ['upgrade', `${LIB}/v2@v2.1.0`, '--source', '/nonexistent/dir'],
        /--source \/nonexistent\/dir is not a directory/
      ]
    ] as const) {
      const run = await cli(...argv);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(message);
    }
  });

  test('imports (every form) and the require are rewritten; --dry-run first changes nothing', async () => {
    const { dir } = setup();
    const dry = await cli('upgrade', `${LIB}/v2@v2.1.0`, dir, '--dry-run');
    expect(dry.code).toBe(0);
    expect(git(dir, 'status', '--porcelain')).toBe('');
    const patch = join(tempDir(), 'up.patch');
    writeFileSync(patch, dry.stdout);
    expect(() => git(dir, 'apply', '--check', patch)).not.toThrow();

    const run = await cli('upgrade', `${LIB}/v2@v2.1.0`, dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/rewrote 4 files/);
    expect(run.stdout).toMatch(/run "go mod tidy"/);
    const goMod = readFileSync(join(dir, 'go.mod'), 'utf8');
    expect(goMod).toContain(`require (\n\t${LIB}/v2 v2.1.0\n\texample.com/other v1.0.0 // indirect\n)`);
    expect(goMod).toMatch(/replace example\.com\/lib => /); // kept, and said so
    expect(run.stdout).toMatch(/kept replace example\.com\/lib: it applies to the old major/);
    expect(readFileSync(join(dir, 'main.go'), 'utf8')).toBe(
      `package main\n\nimport (\n\t"fmt"\n\n\t"${LIB}/v2"\n\t_ "${LIB}/v2/old"\n\tp "${LIB}/v2/pkg" // the package\n\t"${LIB}/v2/pkg/sub"\n)\n\nfunc main() { fmt.Println(lib.Root, p.P, sub.S) }\n`
    );
    expect(readFileSync(join(dir, 'x/x.go'), 'utf8')).toBe(
      `package x\n\nimport . "${LIB}/v2/pkg"\n\nvar _ = P\n`
    );
    // Idempotent.
    const again = await cli('upgrade', `${LIB}/v2@v2.1.0`, dir);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/nothing to do/);
  });

  test('--source: an import of a package the new version does not have is reported (exit 1)', async () => {
    const { dir, lib2Dir } = setup();
    const run = await cli('upgrade', `${LIB}/v2@v2.1.0`, dir, '--source', lib2Dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      new RegExp(
        `imports of packages that example\\.com/lib/v2@v2\\.1\\.0 does not have \\(in .*\\):\\n {2}main\\.go:7:4: "example\\.com/lib/v2/old"\\n$`
      )
    );
    // The rewrite itself is done.
    expect(readFileSync(join(dir, 'go.mod'), 'utf8')).toContain(`${LIB}/v2 v2.1.0`);
  });

  describeWithGo('with the Go toolchain', () => {
    test('gofmt -l is clean and go build passes offline after the upgrade', async () => {
      const { dir } = setup();
      expect(spawnSync('gofmt', ['-l', '.'], { cwd: dir, encoding: 'utf8' }).stdout).toBe('x/x.go\n'); // the raw string
      const before = runGo(['build', './...'], dir);
      expect(before.stderr).toBe('');
      const run = await cli('upgrade', `${LIB}/v2@v2.1.0`, dir);
      expect(run.code).toBe(0);
      expect(spawnSync('gofmt', ['-l', '.'], { cwd: dir, encoding: 'utf8' }).stdout).toBe('');
      // v2 has no `old` package: go build says so, as --source does.
      const after = runGo(['vet', './...'], dir);
      expect(after.stderr).toMatch(/example\.com\/lib\/v2\/old/);
      const main = readFileSync(join(dir, 'main.go'), 'utf8').replace(`\t_ "${LIB}/v2/old"\n`, '');
      writeFileSync(join(dir, 'main.go'), main);
      const build = runGo(['vet', './...'], dir);
      expect(build.stderr).toBe('');
      expect(build.status).toBe(0);
    });
  });
});

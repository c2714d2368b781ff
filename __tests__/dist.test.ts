// The committed bundle run as a user runs it: `node dist/cli.js check ...` in a child process, on
// real repositories. Also proves that a git ref is read with one cat-file process, not one per file.
import { spawnSync } from 'node:child_process';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { repoRoot } from './helpers/conformance.js';
import { makeRepo, tempDir, type TreeState } from './helpers/repo.js';
import { TOOL_VERSION } from '../src/version.js';

const cliPath = join(repoRoot, 'dist', 'cli.js');

function runDist(args: string[], env: NodeJS.ProcessEnv = process.env) {
  const r = spawnSync(process.execPath, [cliPath, ...args], { encoding: 'utf8', env });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A v2 module with `packages` packages of 10 files each, every file importing a sibling package. */
function bigModule(packages: number, stalePackage?: number): TreeState['files'] {
  const R = 'github.com/o/big/v2';
  const files: TreeState['files'] = { 'go.mod': `module ${R}\n\ngo 1.19\n` };
  for (let p = 0; p < packages; p++) {
    for (let f = 0; f < 10; f++) {
      const dep =
        p === stalePackage && f === 0
          ? `github.com/o/big/p${(p + 1) % packages}`
          : `${R}/p${(p + 1) % packages}`;
      files[`p${p}/f${f}.go`] =
        `package p${p}\n\nimport (\n\t"fmt"\n\n\t"${dep}"\n)\n\nfunc F${f}() { fmt.Println(p${(p + 1) % packages}.F0) }\n`;
    }
  }
  return files;
}

describe('dist/cli.js', () => {
  test('is executable ESM with a shebang, and reports the package version', () => {
    const text = readFileSync(cliPath, 'utf8');
    expect(text.startsWith('#!/usr/bin/env node\n')).toBe(true);
    const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string };
    expect(TOOL_VERSION).toBe(pkg.version);
    expect(runDist(['version']).stdout).toBe(`go-major-gate ${pkg.version}\n`);
  });

  test('gates a real repository: exit 1 with the finding, exit 0 once fixed', () => {
    const dir = makeRepo(
      [{ files: { 'go.mod': 'module github.com/o/big\n\ngo 1.19\n' }, tags: ['v1.0.0'] }],
      { files: bigModule(5, 3) }
    );
    const failed = runDist(['check', dir, '--tag', 'v2.0.0', '--format', 'json']);
    expect(failed.code).toBe(1);
    const report = JSON.parse(failed.stdout) as { findings: { rule: string; file: string; line: number }[] };
    expect(report.findings.map(f => `${f.rule} ${f.file}:${f.line}`)).toEqual([
      'stale-self-import p3/f0.go:6'
    ]);

    const fixed = makeRepo(
      [{ files: { 'go.mod': 'module github.com/o/big\n\ngo 1.19\n' }, tags: ['v1.0.0'] }],
      { files: bigModule(5) }
    );
    const passed = runDist(['check', fixed, '--tag', 'v2.0.0']);
    expect(passed.stderr).toBe('');
    expect(passed.code).toBe(0);
    expect(passed.stdout).toMatch(/PASS: no findings \(1 module, 51 files, \d+ ms\)\n$/);
  });

  test('a usage error exits 2 with one line and the hint, no stack trace', () => {
    const r = runDist(['check', '--tag']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`go-major-gate: --tag needs a value\nRun "go-major-gate --help" for usage.\n`);
  });

  test('a path that is not a directory, or an option given an option as its value: one line, exit 2', () => {
    const file = join(tempDir(), 'file');
    writeFileSync(file, 'x');
    const cases: [string[], string][] = [
      [['check', '/etc/passwd'], '/etc/passwd is not a directory'],
      [['check', '/dev/null'], '/dev/null is not a directory'],
      [['check', join(file, 'x')], `${join(file, 'x')} is not a directory`],
      [['check', '--tag', '--help'], '--tag needs a value, and "--help" looks like an option'],
      [['check', '--head', '-x'], '--head needs a value, and "-x" looks like an option']
    ];
    for (const [args, message] of cases) {
      const r = runDist(args);
      expect([args, r.code]).toEqual([args, 2]);
      expect(r.stderr.split('\n')[0]).toContain(`go-major-gate: ${message}`);
      expect(r.stderr.split('\n')).toHaveLength(3); // the line, the --help hint, the final newline
    }
    expect(runDist(['--version']).stdout).toBe(`go-major-gate ${TOOL_VERSION}\n`);
    expect(runDist(['-v']).stdout).toBe(`go-major-gate ${TOOL_VERSION}\n`);
  });

  test('says so, with exit 2, when git is not on PATH', () => {
    const dir = makeRepo([{ files: { 'go.mod': 'module github.com/o/m\n\ngo 1.19\n' }, tags: ['v1.0.0'] }]);
    const empty = tempDir();
    const r = runDist(['check', dir], { ...process.env, PATH: `${empty}:relative/bin` });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/could not run git: .*git/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  test('reads a ref with one ls-tree and one cat-file --batch, whatever the number of files', () => {
    const dir = makeRepo(
      [{ files: { 'go.mod': 'module github.com/o/big\n\ngo 1.19\n' }, tags: ['v1.0.0'] }],
      { files: bigModule(30) }
    );
    const shim = tempDir();
    const log = join(shim, 'git.log');
    const realGit = spawnSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).stdout.trim();
    writeFileSync(join(shim, 'git'), `#!/bin/sh\necho "$1" >> '${log}'\nexec '${realGit}' "$@"\n`);
    chmodSync(join(shim, 'git'), 0o755);
    const r = runDist(['check', dir, '--head', 'HEAD', '--tag', 'v2.0.0'], {
      ...process.env,
      PATH: `${shim}:${process.env.PATH}`
    });
    expect(r.code).toBe(0);
    const verbs = readFileSync(log, 'utf8').trim().split('\n');
    // 301 files are read; one cat-file for the tree and one for the go.mod at the latest release.
    expect(verbs.filter(v => v === 'cat-file')).toHaveLength(2);
    expect(verbs.filter(v => v === 'ls-tree')).toHaveLength(1);
    expect(verbs.length).toBeLessThan(12);
  });
});

// The command line's conventions, as other linters have them: --version, per-command help, compiler-style
// finding lines (errorformat %f:%l:%c: %m), the suggested version, the fix command that works, --output,
// --quiet, --color and NO_COLOR, a bare semantic version for --version, one-line errors.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { reportError, runCli, type CliIo } from '../src/cli.js';
import { cli, type JsonReport } from './helpers/cli.js';
import { commitTree, makeRepo, tempDir } from './helpers/repo.js';
import { R, v1, v2Stale } from './helpers/fixtures.js';

async function run(argv: string[], io: Partial<CliIo> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: s => void (stdout += s),
    stderr: s => void (stderr += s),
    ...io
  });
  return { code, stdout, stderr };
}

/** errorformat's `%f:%l:%c: %m` (reviewdog -efm), as a regular expression: file, line, column, message. */
const ERRORFORMAT = /^([^:]+):(\d+):(\d+): (.*)$/;
const FINDING_LINE = /^([^:]+):(\d+):(\d+): (error|warning|notice): (.*) \[([a-z-]+)\]$/;

describe('version and help', () => {
  test.each([['--version'], ['-v'], ['version']])('%s prints the version and exits 0', async flag => {
    const r = await run([flag]);
    expect(r).toEqual({
      code: 0,
      stdout: expect.stringMatching(/^go-major-gate \d+\.\d+\.\d+\n$/),
      stderr: ''
    });
  });

  test.each([
    ['check', 'Usage: go-major-gate check', ['fix [DIR]', 'upgrade MODULE']],
    ['fix', 'Usage: go-major-gate fix', ['check [DIR]', 'upgrade MODULE']],
    ['upgrade', 'Usage: go-major-gate upgrade', ['check [DIR]', 'fix [DIR]']]
  ])('%s --help prints only its own usage', async (command, own, others) => {
    for (const argv of [
      [command, '--help'],
      [command, '-h'],
      ['help', command]
    ]) {
      const r = await run(argv);
      expect(r.code).toBe(0);
      expect(r.stdout.startsWith(own)).toBe(true);
      for (const other of others) expect(r.stdout).not.toContain(`go-major-gate ${other}`);
    }
    expect((await run(['--help'])).stdout).toContain('go-major-gate --version | -v');
  });
});

describe('text output', () => {
  test('finding lines read as errorformat %f:%l:%c: %m, paths relative to the current directory', async () => {
    const dir = makeRepo([v1], v2Stale);
    const r = await run(['check', '.', '--tag', 'v2.0.0'], { cwd: join(dir, 'cmd') });
    expect(r.code).toBe(1);
    const findings = r.stdout.split('\n').filter(l => FINDING_LINE.test(l));
    expect(findings.map(l => FINDING_LINE.exec(l)!.slice(1, 4).join(':'))).toEqual([
      'gen.go:5:8',
      '../r.go:3:8'
    ]);
    for (const line of findings) {
      const [, file, lineNo, col, message] = ERRORFORMAT.exec(line)!;
      const text = readFileSync(join(dir, 'cmd', file), 'utf8').split('\n')[Number(lineNo) - 1];
      expect(text.slice(Number(col) - 1)).toMatch(/^"github\.com\/o\/r\/pkg"/);
      expect(message).toMatch(/^(error|warning): import /);
    }
  });

  test('a finding about the tag sits at the gated go.mod, without a line', async () => {
    const dir = makeRepo([v1, { files: v1.files, tags: ['v1.1.0'] }]);
    const r = await run(['check', dir, '--tag', 'v1.1.0'], { cwd: dir });
    const tagLine = r.stdout.split('\n').find(l => l.endsWith('[tag-exists]'));
    expect(tagLine).toBeUndefined(); // the tag on the gated commit is the release being guarded
    const again = await run(['check', dir, '--tag', 'v1.0.0'], { cwd: dir });
    expect(again.stdout).toMatch(/^go\.mod: error: tag v1\.0\.0 already exists .* \[tag-exists\]$/m);
  });

  test('the fix command it suggests fixes what it counts', async () => {
    const dir = makeRepo([v1], v2Stale);
    const before = await run(['check', '--tag', 'v2.0.0'], { cwd: dir });
    const hint = /^(\d+) findings can be fixed: go-major-gate (fix .*)$/m.exec(before.stdout);
    expect(hint?.slice(1)).toEqual(['2', 'fix --major 2']);
    // fix rewrites the working tree, so a check of another tree (--head) suggests no fix command.
    const fromRef = await run(['check', '--tag', 'v2.0.0', '--head', 'HEAD'], { cwd: dir });
    expect(fromRef.stdout).toMatch(/^r\.go:3:8: error: /m);
    expect(fromRef.stdout).not.toContain('can be fixed');
    const fixed = await cli(...hint![2].split(' '), dir);
    expect(fixed.code).toBe(0);
    const after = await run(['check', '--tag', 'v2.0.0'], { cwd: dir });
    expect(after.code).toBe(0);
    expect(after.stdout).not.toContain('can be fixed');
    expect(after.stdout).toMatch(/^PASS: no findings/m);
  });

  test('a module in a subdirectory gets --module in its fix command, and its tag with the suggested version', async () => {
    const dir = makeRepo([
      {
        files: { 'tool/go.mod': `module ${R}/tool\n`, 'tool/t.go': 'package tool\n' },
        tags: ['tool/v1.0.0']
      }
    ]);
    commitTree(dir, {
      files: {
        'tool/go.mod': `module ${R}/tool/v2\n`,
        'tool/t.go': `package tool\n\nimport _ "${R}/tool/sub"\n\nfunc New() {}\n`,
        'tool/sub/s.go': 'package sub\n'
      }
    });
    const r = await run(['check', '--tag', 'tool/v2.0.0'], { cwd: dir });
    expect(r.stdout).toContain('tool/t.go:3:10: error: import');
    expect(r.stdout).toContain('1 finding can be fixed: go-major-gate fix --major 2 --module tool');

    const minor = makeRepo([
      {
        files: { 'tool/go.mod': `module ${R}/tool\n`, 'tool/t.go': 'package tool\n' },
        tags: ['tool/v1.0.0']
      }
    ]);
    commitTree(minor, {
      files: {
        'tool/go.mod': `module ${R}/tool\n`,
        'tool/t.go': 'package tool\n\nfunc New() {}\n'
      }
    });
    const added = await run(['check', '--tag', 'tool/v1.1.0'], { cwd: minor });
    expect(added.code).toBe(0);
    expect(added.stdout).toContain('\nSuggested version: v1.1.0 (tag tool/v1.1.0)\n');
    const json = JSON.parse(
      (await run(['check', minor, '--tag', 'tool/v1.1.0', '--format', 'json'])).stdout
    ) as JsonReport;
    expect(json.targets[0].suggested).toBe('v1.1.0');
  });
});

describe('--output, --quiet, --color', () => {
  test('--output FILE gets the chosen format, the terminal still gets the text', async () => {
    const dir = makeRepo([v1], v2Stale);
    const out = join(tempDir(), 'report.json');
    const r = await run(['check', dir, '--tag', 'v2.0.0', '--format', 'json', '--output', out]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^FAIL: 1 error, 1 warning/m);
    const report = JSON.parse(readFileSync(out, 'utf8')) as JsonReport;
    expect(report.findings.map(f => `${f.rule} ${f.file}:${f.line}`)).toEqual([
      'stale-self-import cmd/gen.go:5',
      'stale-self-import r.go:3'
    ]);
    const sarif = join(tempDir(), 'out.sarif');
    await run(['check', dir, '--tag', 'v2.0.0', '--format', 'sarif', '--output', sarif]);
    expect((JSON.parse(readFileSync(sarif, 'utf8')) as { version: string }).version).toBe('2.1.0');
    // A relative FILE is relative to the current directory.
    await run(['check', dir, '--tag', 'v2.0.0', '--format', 'json', '--output', 'rel.json'], { cwd: dir });
    expect((JSON.parse(readFileSync(join(dir, 'rel.json'), 'utf8')) as JsonReport).conclusion).toBe(
      'failure'
    );
    const bad = await run(['check', dir, '--output', join(dir, 'no-such-dir', 'x.json')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^go-major-gate: --output .*x\.json: ENOENT/);
  });

  test('--quiet prints only the error findings', async () => {
    const dir = makeRepo([v1], v2Stale);
    const r = await run(['check', '--tag', 'v2.0.0', '--quiet'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^r\.go:3:8: error: .* \[stale-self-import\]\n$/);
    const clean = makeRepo([v1]);
    expect(await run(['check', '-q'], { cwd: clean })).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  test('colour only to a terminal, never with NO_COLOR, and as --color says', async () => {
    const dir = makeRepo([v1], v2Stale);
    const ESC = '\u001b[';
    const colored = async (io: Partial<CliIo>, ...flags: string[]) =>
      (await run(['check', dir, '--tag', 'v2.0.0', ...flags], io)).stdout.includes(ESC);
    expect(await colored({ isTty: true })).toBe(true);
    expect(await colored({ isTty: false })).toBe(false);
    expect(await colored({ isTty: true, env: { NO_COLOR: '1' } })).toBe(false);
    expect(await colored({ isTty: true, env: { NO_COLOR: '' } })).toBe(true); // no-color.org: set and non-empty
    expect(await colored({ isTty: false }, '--color', 'always')).toBe(true);
    expect(await colored({ isTty: true }, '--color', 'never')).toBe(false);
    const out = join(tempDir(), 'r.txt');
    expect(await colored({ isTty: true }, '--output', out)).toBe(true);
    expect(readFileSync(out, 'utf8')).not.toContain(ESC); // a file never gets colour
    expect((await run(['check', dir, '--color', 'sometimes'])).stderr).toMatch(
      /--color must be one of auto, always, never/
    );
  });
});

describe('--version and --tag spellings', () => {
  test('--version 3.0.1 is read as v3.0.1, with a note; --tag 3.0.1 is still tag-invalid', async () => {
    const dir = makeRepo([v1]);
    commitTree(dir, {
      files: { ...v1.files, 'go.mod': `module ${R}/v3\n\ngo 1.19\n`, 'r.go': 'package r\n' }
    });
    const r = await run(['check', dir, '--version', '3.0.1', '--format', 'json']);
    expect(r.stderr).toBe(
      'go-major-gate: note: --version 3.0.1 is read as v3.0.1 (Go versions start with "v")\n'
    );
    const report = JSON.parse(r.stdout) as JsonReport;
    expect(report.targets[0].version).toBe('v3.0.1');
    expect(report.findings.map(f => f.rule)).not.toContain('tag-invalid');
    const tag = JSON.parse(
      (await run(['check', dir, '--tag', '3.0.1', '--format', 'json'])).stdout
    ) as JsonReport;
    expect(tag.findings.map(f => f.rule)).toContain('tag-invalid');
    const odd = await run(['check', dir, '--version', 'latest', '--format', 'json']);
    expect(odd.stderr).toBe('');
  });
});

describe('one line for every error, never a stack', () => {
  test.each([
    [
      ['check', '--tag', '--help'],
      '--tag needs a value, and "--help" looks like an option (write --tag=--help if it is the value)'
    ],
    [
      ['check', '--head', '-x'],
      '--head needs a value, and "-x" looks like an option (write --head=-x if it is the value)'
    ],
    [
      ['fix', '--major', '-1'],
      '--major needs a value, and "-1" looks like an option (write --major=-1 if it is the value)'
    ],
    [['check', '--tag'], '--tag needs a value']
  ])('%j', async (argv, message) => {
    const r = await run(argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`go-major-gate: ${message}\nRun "go-major-gate --help" for usage.\n`);
  });

  test('a path that is not a directory', async () => {
    const file = join(tempDir(), 'file');
    writeFileSync(file, 'x');
    for (const [path, why] of [
      [file, 'is not a directory'],
      [join(file, 'x'), 'is not a directory'],
      ['/dev/null', 'is not a directory'],
      [join(tempDir(), 'missing'), 'does not exist']
    ]) {
      const r = await run(['check', path]);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`go-major-gate: ${path} ${why}\nRun "go-major-gate --help" for usage.\n`);
    }
  });

  test('an unexpected error is one line; its stack only with GO_MAJOR_GATE_DEBUG=1', () => {
    let err = '';
    const io = { stderr: (s: string) => void (err += s) };
    const fault = new TypeError('x is not a function');
    reportError(fault, io);
    expect(err).toBe('go-major-gate: x is not a function\n');
    err = '';
    reportError(fault, { ...io, env: { GO_MAJOR_GATE_DEBUG: '1' } });
    expect(err).toMatch(/^go-major-gate: x is not a function\nTypeError: x is not a function\n\s+at /);
  });
});

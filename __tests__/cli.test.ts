// The command line as a user meets it: exit codes, messages for bad input, text and JSON output,
// --head on a clone without a checkout, --base marking new findings, --disable and --fail-on.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { checkJson, cli, type JsonReport } from './helpers/cli.js';
import { commitTree, git, makeRepo, tempDir } from './helpers/repo.js';
import { R, v1, v2Stale } from './helpers/fixtures.js';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

describe('usage errors exit 2 with a message, never a stack trace', () => {
  test.each([
    [['check', '--frobnicate'], /Unknown option '--frobnicate'/],
    [['check', '--format', 'xml'], /--format must be one of text, json, sarif, got "xml"/],
    [['check', '--fail-on', 'sometimes'], /--fail-on must be one of error, warning, never/],
    [['check', '--disable', 'stale-import'], /unknown rule id in --disable: stale-import/],
    [['check', '--tag', 'v2.0.0', '--version', 'v2.0.0'], /use --tag or --version, not both/],
    [['check', '--module', 'sub'], /--module goes with --version/],
    [['check', 'a', 'b'], /expected at most one directory/],
    [['check', '--repository', 'not a repo'], /--repository must be OWNER\/NAME/],
    [['deploy'], /unknown command "deploy"/]
  ])('%j', async (argv, message) => {
    const run = await cli(...argv);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  test('a directory that is not a git repository', async () => {
    const dir = tempDir();
    const run = await cli('check', dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('is not a git repository');
  });

  test('--module naming a directory without go.mod', async () => {
    const dir = makeRepo([v1]);
    const run = await cli('check', dir, '--version', 'v1.1.0', '--module', 'nope');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('there is no module in nope/');
  });

  test('--head naming no commit', async () => {
    const dir = makeRepo([v1]);
    const run = await cli('check', dir, '--head', 'no-such-branch');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--head no-such-branch names no commit');
  });

  test('help and version', async () => {
    expect((await cli('--help')).stdout).toContain('Usage: go-major-gate check');
    expect((await cli('version')).stdout).toMatch(/^go-major-gate \d+\.\d+\.\d+\n$/);
    expect((await cli()).code).toBe(2);
  });
});

describe('output', () => {
  test('text: one path:line:col line per finding, a tally by rule, the fix command, a verdict', async () => {
    const dir = makeRepo([v1], v2Stale);
    const run = await cli('check', dir, '--tag', 'v2.0.0');
    expect(run.code).toBe(1);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(`Gating ${R}/v2 (.) at v2.0.0 [release]`);
    // The in-process helper passes no cwd, so paths are relative to the process's directory.
    const at = (file: string) => relative(process.cwd(), join(dir, file));
    expect(lines[1]).toMatch(
      new RegExp(`^${escape(at('cmd/gen.go'))}:5:8: warning: import "${R}/pkg" .* \\[stale-self-import\\]$`)
    );
    expect(lines[2]).toMatch(
      new RegExp(
        `^${escape(at('r.go'))}:3:8: error: import "${R}/pkg" refers to the v0/v1 path .* \\[stale-self-import\\]$`
      )
    );
    expect(lines).toContain('  stale-self-import: 1 error, 1 warning');
    expect(lines).toContain(`2 findings can be fixed: go-major-gate fix ${dir} --major 2`);
    expect(lines[lines.length - 1]).toMatch(/^FAIL: 1 error, 1 warning \(1 module, 4 files, \d+ ms\)$/);
  });

  test('JSON carries the DESIGN.md shape: tool, targets, modules, findings with positions and fixes, stats', async () => {
    const dir = makeRepo([v1], v2Stale);
    const { report } = await checkJson(dir, '--tag', 'v2.0.0');
    const raw = report as unknown as Record<string, unknown>;
    expect(Object.keys(raw)).toEqual(['tool', 'targets', 'modules', 'findings', 'conclusion', 'stats']);
    expect(raw.tool).toEqual({ name: 'go-major-gate', version: expect.stringMatching(/^\d+\.\d+\.\d+$/) });
    expect(report.modules).toEqual([{ dir: '.', path: `${R}/v2`, major: 2, goFiles: 3 }]);
    expect(report.findings[1]).toEqual({
      rule: 'stale-self-import',
      severity: 'error',
      file: 'r.go',
      line: 3,
      column: 8,
      endLine: 3,
      endColumn: 28,
      module: `${R}/v2`,
      message: `import "${R}/pkg" refers to the v0/v1 path of this module, not to "${R}/v2": write "${R}/v2/pkg"`,
      fix: { replacement: `"${R}/v2/pkg"` }
    });
    expect(report.stats.files).toBe(4);
    expect(report.stats.bytes).toBeGreaterThan(0);
  });

  test('--disable removes a rule and --fail-on decides the conclusion', async () => {
    const dir = makeRepo([v1], v2Stale);
    const disabled = await checkJson(dir, '--tag', 'v2.0.0', '--disable', 'stale-self-import');
    expect(disabled.report.findings).toEqual([]);
    expect(disabled.code).toBe(0);

    const warningsOnly = {
      ...v2Stale.files,
      'r.go': `package r\n\nimport "${R}/v2/pkg"\n\nfunc Name() string { return pkg.Name }\n`
    };
    const dir2 = makeRepo([v1], { files: warningsOnly });
    expect((await checkJson(dir2, '--tag', 'v2.0.0')).report.conclusion).toBe('neutral');
    const strict = await checkJson(dir2, '--tag', 'v2.0.0', '--fail-on', 'warning');
    expect(strict.report.conclusion).toBe('failure');
    expect(strict.code).toBe(1);
    const never = await checkJson(dir, '--tag', 'v2.0.0', '--fail-on', 'never');
    expect(never.report.conclusion).toBe('neutral');
    expect(never.code).toBe(0);
  });
});

describe('import rules over many declarations of the same paths', () => {
  test('every declaration of a stale or mixed path is reported, in every file, with its own severity', async () => {
    const D = 'github.com/o/dep';
    const imports = (...paths: string[]) => `import (\n${paths.map(p => `\t_ "${p}"\n`).join('')})\n`;
    const dir = makeRepo([v1], {
      files: {
        'go.mod': `module ${R}/v3\n\ngo 1.19\n\nrequire ${D}/v3 v3.0.0\n`,
        'a/a.go': `package a\n\n${imports(`${R}/pkg`, `${R}/v2/pkg`, `${R}/v3/pkg`, D, `${D}/v2/sub`, `${D}/v3`)}`,
        'b/b.go': `package b\n\n${imports(`${R}/pkg`, `${D}/v2/sub`, 'gopkg.in/yaml.v2', 'gopkg.in/yaml.v3')}`,
        'c/c.go': `//go:build ignore\n\npackage main\n\n${imports(`${R}/v2/pkg`, D)}`,
        'pkg/pkg.go': 'package pkg\n',
        'tools/go.mod': `module ${R}/tools\n\ngo 1.19\n`,
        'tools/t1.go': `package tools\n\n${imports(`${R}/pkg`)}`,
        'tools/t2.go': `package tools\n\n${imports(`${R}/v2/pkg`, `${R}/tools/x`)}`
      }
    });
    const { report } = await checkJson(dir, '--tag', 'v3.0.0');
    const found = report.findings
      .filter(f => ['stale-self-import', 'mixed-major-import', 'sibling-old-major'].includes(f.rule))
      .map(f => [f.rule, f.file, f.line, f.severity]);
    expect(found).toEqual([
      ['stale-self-import', 'a/a.go', 4, 'error'],
      ['stale-self-import', 'a/a.go', 5, 'error'],
      ['mixed-major-import', 'a/a.go', 7, 'warning'],
      ['mixed-major-import', 'a/a.go', 8, 'warning'],
      ['stale-self-import', 'b/b.go', 4, 'error'],
      ['mixed-major-import', 'b/b.go', 5, 'warning'],
      ['mixed-major-import', 'b/b.go', 6, 'warning'],
      ['stale-self-import', 'c/c.go', 6, 'warning'],
      ['mixed-major-import', 'c/c.go', 7, 'warning'],
      // One finding for all of a sibling's old-major imports, at the first, naming them.
      ['sibling-old-major', 'tools/t1.go', 4, 'warning']
    ]);
    const message = (file: string, line: number) =>
      report.findings.find(f => f.file === file && f.line === line)?.message;
    expect(message('b/b.go', 5)).toContain(`import "${D}/v3/sub" instead of "${D}/v2/sub"`);
    expect(message('b/b.go', 6)).toContain('import "gopkg.in/yaml.v3" instead of "gopkg.in/yaml.v2"');
    expect(message('c/c.go', 6)).toContain(`write "${R}/v3/pkg"`);
    expect(message('tools/t1.go', 4)).toBe(
      `2 imports (tools/t1.go:4, tools/t2.go:4): the module in tools still uses ${R} and ${R}/v2, older majors of ${R}/v3, which v3.0.0 releases: move its require and imports to ${R}/v3, or keep it on the older major on purpose`
    );
  });
});

describe('sibling-old-major', () => {
  const siblingRepo = (rootPath: string) =>
    makeRepo([v1], {
      files: {
        'go.mod': `module ${rootPath}\n\ngo 1.19\n`,
        'pkg/pkg.go': 'package pkg\n',
        'tools/go.mod': `module ${R}/tools\n\ngo 1.19\n\nrequire ${R}/v2 v2.0.0\n`,
        ...Object.fromEntries(
          ['a', 'b', 'c', 'd', 'e'].map(n => [`tools/${n}.go`, `package tools\n\nimport _ "${R}/v2/pkg"\n`])
        )
      }
    });
  const advice = `the module in tools still uses ${R}/v2, an older major of ${R}/v3, which v3.0.0 releases: move its require and imports to ${R}/v3, or keep it on the older major on purpose`;
  const siblingFindings = (report: JsonReport) =>
    report.findings.filter(f => f.rule === 'sibling-old-major').map(f => `${f.file}:${f.line} ${f.message}`);

  test('many imports of a sibling give one finding that counts and lists them', async () => {
    const { report } = await checkJson(siblingRepo(`${R}/v3`), '--tag', 'v3.0.0');
    expect(siblingFindings(report)).toEqual([
      `tools/a.go:3 5 imports (tools/a.go:3, tools/b.go:3, tools/c.go:3 and 2 more): ${advice}`,
      `tools/go.mod:5 require ${R}/v2 v2.0.0: ${advice}`
    ]);
  });

  test('a v3 tag over a /v2 go.mod suggests the /v3 path, not the one the module has', async () => {
    const { report } = await checkJson(siblingRepo(`${R}/v2`), '--tag', 'v3.0.0');
    // The root still declares /v2, so its /v2 packages are its own: only the require is old.
    expect(siblingFindings(report)).toEqual([`tools/go.mod:5 require ${R}/v2 v2.0.0: ${advice}`]);
    expect(report.findings.filter(f => f.rule === 'module-path-major').map(f => f.file)).toEqual(['go.mod']);
  });
});

describe('reading git objects', () => {
  test('--head works on a bare clone with no checkout, with the tags as they are', async () => {
    const origin = makeRepo([v1], v2Stale);
    const bare = join(tempDir(), 'bare.git');
    git(origin, 'clone', '-q', '--bare', origin, bare);
    const { report } = await checkJson(bare, '--head', 'main', '--tag', 'v2.0.0');
    expect(report.findings.map(f => `${f.rule} ${f.file}:${f.line}`)).toEqual([
      'stale-self-import cmd/gen.go:5',
      'stale-self-import r.go:3'
    ]);
    // v1.0.0 exists on another commit, and a /v2 path cannot be released as v1.
    const again = await checkJson(bare, '--head', 'main', '--tag', 'v1.0.0');
    expect(again.report.findings.map(f => f.rule).filter(r => r !== 'stale-self-import')).toEqual([
      'tag-exists',
      'module-path-major'
    ]);
  });

  test('the working tree and the same commit read from git give the same report', async () => {
    const dir = makeRepo([v1], v2Stale);
    const fromTree = await checkJson(dir, '--tag', 'v2.0.0');
    const fromRef = await checkJson(dir, '--tag', 'v2.0.0', '--head', 'HEAD');
    expect(fromRef.report.findings).toEqual(fromTree.report.findings);
    expect(fromRef.report.stats.files).toBe(fromTree.report.stats.files);
  });

  test('a tag already on the gated commit is the release being guarded, not tag-exists', async () => {
    const dir = makeRepo([
      v1,
      { files: { ...v2Stale.files, 'r.go': `package r\n\nimport "${R}/v2/pkg"\n` }, tags: ['v2.0.0'] }
    ]);
    const { report } = await checkJson(dir, '--tag', 'v2.0.0');
    expect(report.findings.map(f => f.rule)).toEqual(['stale-self-import']);
  });
});

describe('pull requests (--base)', () => {
  test('a major bump is detected from go.mod and findings on added lines are new', async () => {
    const dir = makeRepo([v1]);
    git(dir, 'checkout', '-q', '-b', 'bump');
    const files = { ...v2Stale.files };
    delete files['cmd/gen.go'];
    files['extra.go'] = `package r\n\nimport "${R}/pkg"\n`;
    commitTree(dir, { files });
    const { report } = await checkJson(dir, '--base', 'main');
    expect(report.targets).toEqual([
      {
        module: `${R}/v2`,
        dir: '.',
        version: 'v2.0.0',
        tag: 'v2.0.0',
        mode: 'major-bump',
        source: 'pull_request',
        suggested: 'v2.0.0'
      }
    ]);
    const byFile = Object.fromEntries(report.findings.map(f => [f.file, [f.rule, f.new]]));
    // r.go keeps its old import line (not added by the PR); extra.go is new. The API did not change,
    // so the bump gets breaking-change's "could be a minor release" notice on the changed module line.
    expect(byFile).toEqual({
      'extra.go': ['stale-self-import', true],
      'go.mod': ['breaking-change', true],
      'r.go': ['stale-self-import', false]
    });
  });

  test('a renamed file is diffed with its old path: only the lines the rename added are new', async () => {
    const body = Array.from({ length: 12 }, (_, i) => `func F${i}() string { return pkg.Name }\n`).join('');
    const old = (imports: string) => `package r\n\nimport (\n${imports})\n\n${body}`;
    const dir = makeRepo([{ ...v1, files: { ...v1.files, 'r.go': old(`\t"${R}/pkg"\n`) } }]);
    git(dir, 'checkout', '-q', '-b', 'bump');
    commitTree(dir, {
      files: {
        'go.mod': `module ${R}/v2\n\ngo 1.19\n`,
        'pkg/pkg.go': v1.files['pkg/pkg.go'],
        'renamed.go': old(`\t"fmt"\n\t"${R}/pkg"\n`).replace('F0() string {', 'F0() string { fmt.Print();')
      }
    });
    const { report } = await checkJson(dir, '--base', 'main');
    const stale = report.findings.filter(f => f.rule === 'stale-self-import');
    // The stale import was there before the rename (line 5 now, 4 before): not new.
    expect(stale.map(f => [f.file, f.line, f.new])).toEqual([['renamed.go', 5, false]]);
  });

  test('without a major change it is a consistency check, and local replaces only warn', async () => {
    const dir = makeRepo([v1]);
    git(dir, 'checkout', '-q', '-b', 'feature');
    // A required module replaced by a directory outside the repository (a replace of a module that
    // nothing requires has no effect, and no finding).
    const files = {
      ...v1.files,
      'go.mod': `module ${R}\n\ngo 1.19\n\nrequire example.com/x v1.0.0\n\nreplace example.com/x => ../x\n`
    };
    commitTree(dir, { files });
    const { report } = await checkJson(dir, '--base', 'main');
    expect(report.targets[0].mode).toBe('consistency');
    expect(report.findings.map(f => [f.rule, f.severity, f.line, f.new])).toEqual([
      ['local-replace', 'warning', 7, true]
    ]);
  });
});

describe('odd input', () => {
  test('a binary file named .go and an unreadable go.mod are findings, not crashes', async () => {
    const dir = makeRepo([v1]);
    writeFileSync(join(dir, 'blob.go'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 3, 0xff, 0xfe]));
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'sub', 'go.mod'), Buffer.from([0xef, 0xbb, 0xbf, 0x6d, 0x6f, 0x64]));
    const { report } = await checkJson(dir);
    expect(report.findings.map(f => `${f.rule} ${f.file}:${f.line}`)).toEqual([
      'file-unreadable blob.go:1',
      'gomod-syntax sub/go.mod:1'
    ]);
  });

  test('a shallow clone is said on stderr, since its tags may be missing', async () => {
    const origin = makeRepo([v1, { files: v1.files, tags: ['v1.1.0'] }]);
    const shallow = join(tempDir(), 'shallow');
    git(origin, 'clone', '-q', '--depth', '1', '--no-tags', `file://${origin}`, shallow);
    const run = await cli('check', shallow, '--tag', 'v1.1.0', '--format', 'json');
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('this clone has no tags (it is shallow');
    expect(run.stderr).toContain('git fetch --tags --unshallow');
  });

  test('a repository with no tags at all (as a shallow clone can be) gets consistency findings only', async () => {
    const dir = makeRepo([{ files: v2Stale.files }]);
    const { report } = await checkJson(dir);
    expect(report.findings.map(f => f.rule)).toEqual(['stale-self-import', 'stale-self-import']);
  });
});

// The configuration file through the CLI on real git repositories: read from the tree checked (the
// working tree, or --head's commit), --config, errors as file:line (exit 2), excludes, accepted
// findings, what no config may lower, and the counts in the text and JSON reports.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { checkJson, cli } from './helpers/cli.js';
import { commitTree, git, makeRepo, tempDir } from './helpers/repo.js';

const R = 'github.com/o/r';
const v1 = { files: { 'go.mod': `module ${R}\n\ngo 1.19\n`, 'r.go': 'package r\n' }, tags: ['v1.0.0'] };

/** A v2 module with a stale import in cmd/, a tools module with a local replace, and a history doc. */
function tree(config?: string): Record<string, string> {
  return {
    'go.mod': `module ${R}/v2\n\ngo 1.19\n`,
    'r.go': 'package r\n',
    'pkg/pkg.go': 'package pkg\n',
    'cmd/gen.go': `package cmd\n\nimport _ "${R}/pkg"\n`,
    'tools/go.mod': `module ${R}/tools\n\ngo 1.19\n\nrequire ${R}/v2 v2.0.0\n\nreplace ${R}/v2 => ../\n`,
    'tools/t.go': `package tools\n\nimport _ "${R}/v2/pkg"\n`,
    'docs/history.md': `Install: \`go get ${R}@v1.0.0\`\n`,
    'README.md': `Install: \`go get ${R}/v2\`\n`,
    ...(config !== undefined ? { '.go-major-gate.yml': config } : {})
  };
}

const brief = (f: { rule: string; severity: string; file: string | null; line: number | null }) =>
  `${f.rule} ${f.severity} ${f.file}:${f.line}`;

describe('the configuration file', () => {
  const config = [
    'rules:',
    '  stale-reference: notice',
    'exclude:',
    '  - tools/**',
    'accept:',
    '  - rule: stale-self-import',
    '    path: cmd/**',
    '    reason: generator, rewritten by hand later',
    '  - rule: breaking-change',
    '    symbol: log.Debug',
    '    reason: removed on purpose',
    ''
  ].join('\n');

  test('applies in the working tree and under --head alike, and the reports count what it did', async () => {
    const dir = makeRepo([v1], { files: tree(config) });
    const before = await checkJson(makeRepo([v1], { files: tree() }), '--tag', 'v2.0.0');
    expect(before.report.findings.map(brief)).toContain('stale-self-import error cmd/gen.go:3');
    for (const args of [[], ['--head', 'HEAD']]) {
      const { code, report } = await checkJson(dir, '--tag', 'v2.0.0', ...args);
      // The stale import of cmd/ is what the go command rejects for v2.0.0: it cannot be accepted.
      expect(report.findings.map(brief).sort()).toEqual([
        'accept-unmatched warning .go-major-gate.yml:9',
        'config-refused warning .go-major-gate.yml:6',
        'stale-self-import error cmd/gen.go:3'
      ]);
      expect(code).toBe(1);
      expect((report as unknown as { config: unknown }).config).toEqual({
        file: '.go-major-gate.yml',
        accepted: 0,
        excluded: 0
      });
    }
  });

  test('in consistency mode an accepted finding is a notice that quotes the reason and passes', async () => {
    const dir = makeRepo([v1], { files: tree(config) });
    const { code, report } = await checkJson(dir);
    const accepted = report.findings.find(f => f.rule === 'stale-self-import');
    expect(accepted).toMatchObject({ severity: 'notice', file: 'cmd/gen.go' });
    expect(accepted?.message).toContain('(accepted: generator, rewritten by hand later)');
    expect(report.findings.filter(f => f.file?.startsWith('tools/'))).toEqual([]);
    expect(code).toBe(0);
    const text = await cli('check', dir);
    expect(text.stdout).toContain('Configuration .go-major-gate.yml: 1 finding accepted, ');
  });

  test('--head reads the config of that commit, not of the working tree', async () => {
    const dir = makeRepo([v1], { files: tree('rules:\n  stale-self-import: off\n') });
    writeFileSync(join(dir, '.go-major-gate.yml'), 'rules: [broken\n');
    expect(
      (await checkJson(dir, '--head', 'HEAD')).report.findings.filter(f => f.rule === 'stale-self-import')
    ).toEqual([]);
    const work = await cli('check', dir);
    expect(work.code).toBe(2);
    expect(work.stderr).toMatch(/^\.go-major-gate\.yml:2: invalid YAML/);
  });

  test('errors are file:line: message, exit 2; --config names a file of the file system', async () => {
    const dir = makeRepo([v1], { files: tree('rules:\n  local-replace: sometimes\n') });
    const run = await cli('check', dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      '.go-major-gate.yml:2: rules.local-replace: must be one of "error", "warning", "notice", "off"\n'
    );
    const other = join(tempDir(), 'gate.yml');
    writeFileSync(other, 'exclude:\n  - tools/**\n');
    const { report } = await checkJson(dir, '--config', other);
    expect(report.findings.filter(f => f.file?.startsWith('tools/'))).toEqual([]);
    const missing = await cli('check', dir, '--config', 'nope.yml');
    expect([missing.code, missing.stderr]).toEqual([2, 'nope.yml:1: no such file\n']);
  });

  test('an accepted breaking change, named by its symbol, is a notice in a release and the gate passes', async () => {
    const mod = `module ${R}\n\ngo 1.19\n`;
    const log = (body: string) => `package log\n\n${body}\n// Info logs.\nfunc Info() {}\n`;
    const dir = makeRepo(
      [
        { files: { 'go.mod': mod, 'log/log.go': log('// Debug logs.\nfunc Debug() {}\n') }, tags: ['v1.0.0'] }
      ],
      {
        files: {
          'go.mod': mod,
          'log/log.go': log(''),
          '.go-major-gate.yml':
            'accept:\n  - rule: breaking-change\n    symbol: log.Debug\n    reason: removed on purpose, announced in 1.0\n'
        }
      }
    );
    const { code, report } = await checkJson(dir, '--tag', 'v1.1.0');
    const breaking = report.findings.filter(f => f.rule === 'breaking-change');
    expect(breaking.map(f => [f.severity, (f as { symbol?: string }).symbol])).toEqual([
      ['notice', 'log.Debug']
    ]);
    expect(breaking[0].message).toContain('(accepted: removed on purpose, announced in 1.0)');
    expect(code).toBe(0);
  });

  test('a message said many times is folded in the text output', async () => {
    const files = tree();
    for (const n of [1, 2, 3, 4, 5]) files[`cmd/g${n}.go`] = `package cmd\n\nimport _ "${R}/pkg"\n`;
    const dir = makeRepo([v1], { files });
    commitTree(dir, { files }, 'more');
    git(dir, 'status');
    const run = await cli('check', dir, '--tag', 'v2.0.0');
    const stale = run.stdout.split('\n').filter(l => l.includes('[stale-self-import]'));
    expect(stale).toEqual([
      expect.stringMatching(/cmd\/g1\.go:3:10: error: /),
      expect.stringMatching(/cmd\/g2\.go:3:10: error: /),
      '  ... and 4 more like this [stale-self-import]'
    ]);
  });
});

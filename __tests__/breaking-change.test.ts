// breaking-change end to end: real repositories, the CLI, the comparison point (latest release or a
// pull request's base), the verdicts and the suggested next version.
import { describe, expect, test } from '@jest/globals';
import { checkJson } from './helpers/cli.js';
import { commitTree, git, makeRepo } from './helpers/repo.js';

const R = 'github.com/o/r';
const mod = (path: string, extra = '') => `module ${path}\n\ngo 1.19\n${extra}`;

describe('breaking-change', () => {
  test('a release that removes a function without a new major fails at the old declaration', async () => {
    const dir = makeRepo(
      [
        {
          files: { 'go.mod': mod(R), 'a/a.go': 'package a\n\nfunc Keep() {}\n\nfunc Gone() {}\n' },
          tags: ['v1.2.0']
        }
      ],
      { files: { 'go.mod': mod(R), 'a/a.go': 'package a\n\nfunc Keep() {}\n' } }
    );
    const { code, report } = await checkJson(dir, '--tag', 'v1.3.0');
    expect(code).toBe(1);
    expect(report.findings).toEqual([
      expect.objectContaining({ rule: 'breaking-change', severity: 'error', file: 'a/a.go', line: 5 })
    ]);
    expect(report.findings[0].message).toContain('a.Gone');
    expect(report.findings[0].message).toContain(`module ${R}/v2`);
    expect(report.targets[0].suggested).toBe('v2.0.0');
  });

  test('a method moved to a pointer receiver breaks the values that implemented an interface', async () => {
    const before = [
      'package store',
      '',
      'type Closer interface{ Close() error }',
      '',
      'type base struct{}',
      '',
      'func (base) Close() error { return nil }',
      '',
      '// File gets Close from base.',
      'type File struct{ base }',
      ''
    ];
    const after = before.map(line => line.replace('func (base) Close', 'func (*base) Close'));
    const dir = makeRepo(
      [{ files: { 'go.mod': mod(R), 'store/s.go': before.join('\n') }, tags: ['v1.4.0'] }],
      { files: { 'go.mod': mod(R), 'store/s.go': after.join('\n') } }
    );
    const { code, report } = await checkJson(dir, '--tag', 'v1.5.0');
    expect(code).toBe(1);
    expect(report.findings.map(f => [f.severity, f.file, f.line, f.message.split(', which')[0]])).toEqual([
      [
        'error',
        'store/s.go',
        7,
        'store.File.Close: method File.Close (promoted through base) moved to a pointer receiver: a File value no longer has it, only *File does'
      ],
      ['error', 'store/s.go', 10, 'store.File: File no longer implements Closer']
    ]);
    expect(report.targets[0].suggested).toBe('v2.0.0');
  });

  test('additions are compatible: the suggested version is a minor one', async () => {
    const dir = makeRepo(
      [{ files: { 'go.mod': mod(R), 'a/a.go': 'package a\n\nfunc Keep() {}\n' }, tags: ['v1.2.0'] }],
      {
        files: {
          'go.mod': mod(R),
          'a/a.go': 'package a\n\nfunc Keep() {}\n\n// New is new.\nfunc New() int { return 1 }\n'
        }
      }
    );
    const { code, report } = await checkJson(dir, '--tag', 'v1.3.0');
    expect(code).toBe(0);
    expect(report.findings).toEqual([]);
    expect(report.targets[0].suggested).toBe('v1.3.0');
  });

  test('on a pull request without a major bump a changed signature is an error on the new line', async () => {
    const dir = makeRepo([
      {
        files: { 'go.mod': mod(R), 'p.go': 'package r\n\nfunc Parse(s string) error { return nil }\n' },
        tags: ['v1.0.0']
      }
    ]);
    git(dir, 'checkout', '-q', '-b', 'change');
    commitTree(dir, {
      files: {
        'go.mod': mod(R),
        'p.go': 'package r\n\n// Parse parses.\nfunc Parse(s string, strict bool) error { return nil }\n'
      }
    });
    const { report } = await checkJson(dir, '--base', 'main');
    expect(report.findings.map(f => [f.rule, f.severity, f.file, f.line, f.new])).toEqual([
      ['breaking-change', 'error', 'p.go', 4, true]
    ]);
    expect(report.findings[0].message).toContain('func(string) error');
    expect(report.findings[0].message).toContain('func(string, bool) error');
  });

  test('a pull request that bumps the major: rewritten imports alone leave the API as it was', async () => {
    const tree = (path: string, extra = '') => ({
      'go.mod': mod(path),
      'a/a.go': `package a\n\nimport "${path}/b"\n\nfunc A() b.T { return b.T{} }\n`,
      'b/b.go': `package b\n\ntype T struct{ N int }\n${extra}`,
      'c/c.go': `package c\n\nimport (\n\t"fmt"\n\n\t"${path}/a"\n)\n\nfunc C() { fmt.Println(a.A()) }\n`
    });
    const dir = makeRepo([{ files: tree(R, '\nfunc Old() {}\n'), tags: ['v1.0.0'] }]);
    git(dir, 'checkout', '-q', '-b', 'v2');
    commitTree(dir, { files: tree(`${R}/v2`, '\nfunc Old() {}\n') });
    const pure = await checkJson(dir, '--base', 'main');
    expect(pure.report.findings.map(f => [f.rule, f.severity, f.file, f.line])).toEqual([
      ['breaking-change', 'notice', 'go.mod', 1]
    ]);
    // The same bump that also removes b.Old: a breaking change, which a new major allows (no notice).
    commitTree(dir, { files: tree(`${R}/v2`) });
    const breaking = await checkJson(dir, '--base', 'main');
    expect(breaking.report.findings).toEqual([]);
    expect(breaking.report.targets[0]).toMatchObject({ mode: 'major-bump', version: 'v2.0.0' });
  });

  test('a dependency whose required version changed makes its mentions possibly breaking', async () => {
    const before = {
      'go.mod': mod(R, '\nrequire example.com/dep v0.3.0\n'),
      'r.go': 'package r\n\nimport "example.com/dep"\n\nvar V dep.Thing\n'
    };
    const dir = makeRepo([{ files: before, tags: ['v1.0.0'] }], {
      files: { ...before, 'go.mod': mod(R, '\nrequire example.com/dep v0.4.0\n') }
    });
    const { report } = await checkJson(dir, '--tag', 'v1.0.1');
    expect(report.findings.map(f => [f.rule, f.severity, f.file, f.line])).toEqual([
      ['breaking-change', 'warning', 'go.mod', 5]
    ]);
    expect(report.findings[0].message).toContain('possibly breaking');
    expect(report.findings[0].message).toContain('1 exported declaration uses it (V)');
    expect(report.conclusion).toBe('neutral');
  });

  test('v0 modules may break; a new major tag is not compared; --disable skips the work', async () => {
    const v0 = makeRepo(
      [{ files: { 'go.mod': mod(R), 'r.go': 'package r\n\nfunc Gone() {}\n' }, tags: ['v0.3.0'] }],
      {
        files: { 'go.mod': mod(R), 'r.go': 'package r\n' }
      }
    );
    const early = await checkJson(v0, '--tag', 'v0.4.0');
    expect(early.report.findings).toEqual([]);
    expect(early.report.targets[0].suggested).toBe('v0.4.0');

    const major = makeRepo(
      [{ files: { 'go.mod': mod(R), 'r.go': 'package r\n\nfunc Gone() {}\n' }, tags: ['v1.0.0'] }],
      {
        files: { 'go.mod': mod(`${R}/v2`), 'r.go': 'package r\n' }
      }
    );
    expect((await checkJson(major, '--tag', 'v2.0.0')).report.findings).toEqual([]);

    const disabled = await checkJson(v0, '--tag', 'v0.4.0', '--disable', 'breaking-change');
    expect(disabled.report.targets[0].suggested).toBeUndefined();
  });
});

// go.mod strictness through the CLI: what x/mod's modfile.Parse rejects fails the gate as
// gomod-syntax, and no byte of a file reaches a git argument unchecked.
import { afterAll, describe, expect, test } from '@jest/globals';
import { rmSync } from 'node:fs';
import { checkJson } from '../helpers/cli.js';
import { makeRepo } from '../helpers/repo.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach(d => rmSync(d, { recursive: true, force: true })));

function repo(goMod: string, extra: Record<string, string> = {}): string {
  const dir = makeRepo([{ files: { 'go.mod': goMod, 'a.go': 'package a\n', ...extra }, tags: ['v1.0.0'] }], {
    files: { 'go.mod': goMod, 'a.go': 'package a\n', ...extra }
  });
  dirs.push(dir);
  return dir;
}

describe('go.mod strictness', () => {
  test.each([
    ['require ecom/x/v02 v2.0.0', 'go.mod:3: invalid module path'],
    ['exclude e.com/x/v1 v1.0.0', 'go.mod:3: invalid module path'],
    ['replace e/v1 v1.0.0 => ../a', 'go.mod:3: replace e/v1: invalid module path'],
    ['replace e/v1 => ../a', 'go.mod:3: replace e/v1: invalid module path']
  ])('%s is gomod-syntax', async (line, text) => {
    const dir = repo(`module github.com/o/r\n\n${line}\n`);
    const { code, report } = await checkJson(dir, '--version', 'v1.1.0');
    expect(code).toBe(1);
    const found = report.findings.filter(f => f.rule === 'gomod-syntax');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ file: 'go.mod', line: 3 });
    expect(found[0].message).toContain(text);
  });
});

// A module path is read from go.mod and becomes a `git grep -e` pattern; an argument cannot hold a
// NUL byte (spawn refuses it), and a newline would split the pattern. Such a path is a finding.
describe('bytes of go.mod never reach a git argument unchecked', () => {
  test.each([
    ['work tree', []],
    ['--head', ['--head', 'HEAD']]
  ])('a NUL byte as the module path is gomod-syntax (%s)', async (_mode, args) => {
    const dir = repo('module \x00\n');
    const { code, report } = await checkJson(dir, '--version', 'v1.1.0', ...args);
    expect(code).toBe(1);
    expect(report.findings).toContainEqual(
      expect.objectContaining({ rule: 'gomod-syntax', file: 'go.mod', line: 1, column: 8 })
    );
    const syntax = report.findings.find(f => f.rule === 'gomod-syntax');
    expect(syntax?.message).toContain("go.mod:1:8: unexpected input character '\\x00'");
  });

  test.each([
    ['work tree', []],
    ['--head', ['--head', 'HEAD']]
  ])('a quoted path holding NUL or a newline fails the gate (%s)', async (_mode, args) => {
    for (const path of ['"github.com/o/r\\x00"', '"github.com/o/r\\nx"']) {
      const dir = repo(`module ${path}\n`, { 'README.md': 'see github.com/o/r\n' });
      const { code, report } = await checkJson(dir, '--version', 'v1.1.0', ...args);
      expect(code).toBe(1);
      expect(report.findings.some(f => f.severity === 'error' && f.file === 'go.mod')).toBe(true);
    }
  });
});

// `git cat-file --batch` reads one object name a line; a go.mod in a directory whose name holds a
// newline must not turn into two requests (the answers would then be matched to the wrong files).
describe('file names never reach git input unchecked', () => {
  test('a go.mod under a directory named with a newline, in a pull request', async () => {
    const R = 'github.com/o/r';
    const files = (rootModule: string): Record<string, string> => ({
      'go.mod': `module ${rootModule}\n\ngo 1.19\n`,
      'a.go': 'package r\n\nfunc A() {}\n',
      'x\ny/go.mod': `module ${R}/xy\n\ngo 1.19\n`,
      'x\ny/b.go': 'package xy\n'
    });
    const dir = makeRepo([{ files: files(R), tags: ['v1.0.0'] }], { files: files(`${R}/v2`) });
    dirs.push(dir);
    for (const args of [[], ['--head', 'HEAD']]) {
      const { report, stderr } = await checkJson(dir, '--base', 'HEAD~1', ...args);
      expect(stderr).toBe('');
      expect(report.modules.map(m => m.path).sort()).toEqual([`${R}/v2`, `${R}/xy`]);
    }
  });
});

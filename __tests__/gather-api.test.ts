// What the API comparison reads of a pull request (gather/api.ts), on real repositories.
// A major bump rewrites the module's own import paths in every file. The comparison learns which
// files changed only so by rebuilding, from a file's bytes now, the blob it had before
// (movedBackBlobId), and comparing its id with the base's. Ids here are checked against git's own
// (`git hash-object`); whenever the rebuilt blob is the old one, the full comparison of both files'
// bytes (unchangedPackages) must agree that the file declares the same.
// Of a package the pull request adds, only the files that give its name are read, unless a package
// read whole imports it.
import { describe, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { unchangedPackages } from '../src/go/api/extract.js';
import { scanImports } from '../src/go/module/imports.js';
import { moduleMove, movedBackBlobId, type ObjectFormat } from '../src/go/module/rewrite.js';
import { gatherSnapshot } from '../src/gather/snapshot.js';
import { commitTree, git, makeRepo, tempDir } from './helpers/repo.js';

const OLD = 'example.com/m';
const NEW = 'example.com/m/v2';
const MOVE = moduleMove(OLD, NEW);
const enc = new TextEncoder();

/** git's own id of a blob, in a repository of the given object format. */
const repos = new Map<ObjectFormat, string>();
function gitBlobId(data: string, format: ObjectFormat = 'sha1'): string {
  let dir = repos.get(format);
  if (!dir) {
    dir = tempDir();
    git(dir, 'init', '-q', `--object-format=${format}`);
    repos.set(format, dir);
  }
  return execFileSync('git', ['hash-object', '--stdin'], { cwd: dir, input: data, encoding: 'utf8' }).trim();
}

/** Whether the file now, moved back, is the file before; and whether both declare the same. */
function verdicts(before: string, after: string, format: ObjectFormat = 'sha1') {
  const now = enc.encode(after);
  const moved = movedBackBlobId(now, scanImports(now).imports, MOVE, format) === gitBlobId(before, format);
  const same = unchangedPackages(
    { modulePath: OLD, files: [{ file: 'a/a.go', data: enc.encode(before) }] },
    { modulePath: NEW, files: [{ file: 'a/a.go', data: now }] }
  ).has('a');
  return { moved, same };
}

/** The file at the old major, and at the new one with every own import moved. */
const bumped = (template: string): [string, string] => [
  template.replaceAll('$M', OLD),
  template.replaceAll('$M', NEW)
];

describe('a file a major bump only rewrote', () => {
  test.each([
    ['one import', 'package a\n\nimport "$M/b"\n\nfunc A() b.T { return b.T{} }\n'],
    [
      'a group with other imports, a name and the root package',
      'package a\n\nimport (\n\t"fmt"\n\n\tx "$M/b/c"\n\t"$M"\n\t_ "$M/d"\n)\n\nvar V = fmt.Sprint(x.C, m.R)\n'
    ],
    ['two imports on one line', 'package a\n\nimport ("fmt"; "$M/b")\n\nfunc F() { fmt.Println(b.X) }\n'],
    ['a raw string literal', 'package a\n\nimport `$M/b`\n\nvar V = b.X\n'],
    ['non-ASCII text before the literal', 'package a\n\n/* é😀 */ import "$M/b"\n\nvar V = b.X\n'],
    ['CRLF line ends', 'package a\r\n\r\nimport (\r\n\t"$M/b"\r\n)\r\n\r\nvar V = b.X\r\n'],
    ['a byte-order mark', '\uFEFFpackage a\n\nimport "$M/b"\n\nvar V = b.X\n'],
    ['no newline at the end', 'package a\n\nimport "$M/b"\n\nvar V = b.X']
  ])('%s: the old blob, rebuilt', (_, template) => {
    const [before, after] = bumped(template);
    expect(verdicts(before, after)).toEqual({ moved: true, same: true });
  });

  test('in a SHA-256 repository too', () => {
    const [before, after] = bumped('package a\n\nimport "$M/b"\n\nvar V = b.X\n');
    expect(verdicts(before, after, 'sha256')).toEqual({ moved: true, same: true });
  });

  type Edit = (movedText: string) => string;
  const cases: [string, string, Edit, boolean][] = [
    [
      'a declaration changed too',
      'package a\n\nimport "$M/b"\n\nfunc A() b.T { return b.T{} }\n',
      t => t.replace('func A()', 'func A(n int)'),
      false
    ],
    ['a string constant names the module', 'package a\n\nimport "$M/b"\n\nconst P = "$M/b"\n', t => t, false],
    ['a declaration on the import line', 'package a\n\nimport "$M/b"; const P = "$M"\n', t => t, false],
    [
      'an import renamed as it moved',
      'package a\n\nimport b "$M/b"\n\nvar V = b.X\n',
      t => t.replace('import b', 'import c').replace('b.X', 'c.X'),
      false
    ],
    // The declarations are as they were, but the blob is not: read and compared whole.
    [
      'a comment in the header changed',
      'package a\n\n// doc\nimport "$M/b"\n\nvar V = b.X\n',
      t => t.replace('// doc', '// Doc'),
      true
    ],
    [
      'an escaped literal',
      'package a\n\nimport "$M/b"\n\nvar V = b.X\n',
      t => t.replace(`${NEW}/b`, `${NEW}\\x2fb`),
      true
    ]
  ];
  test.each(cases)('%s: not the old blob', (_, template, edit, declaresTheSame) => {
    const [before, moved] = bumped(template);
    expect(verdicts(before, edit(moved))).toEqual({ moved: false, same: declaresTheSame });
  });

  test('a file without an import of the new path has nothing to move back', () => {
    const other = enc.encode('package a\n\nimport "example.com/mx/v2/b"\n\nvar V = b.X\n');
    expect(movedBackBlobId(other, scanImports(other).imports, MOVE, 'sha1')).toBeUndefined();
  });
});

describe('the comparison of a major-bump pull request', () => {
  const tree = (path: string, extra: string) => ({
    'go.mod': `module ${path}\n\ngo 1.21\n`,
    'a/a.go': `package a\n\nimport "${path}/b"\n\nfunc A() b.T { return b.T{} }\n`,
    'a/a2.go': `package a\n\nimport (\n\t"fmt"\n\t"${path}/c"\n)\n\nfunc A2() { fmt.Println(c.C) }\n`,
    'b/b.go': `package b\n\ntype T struct{ N int }\n${extra}`,
    'c/c.go': `package c\n\nconst C = 1\n`,
    'c/c2.go': `package c\n\nimport "${path}/b"\n\nvar D b.T\n`,
    // Larger than the first read of a work-tree file: read on to its end, and hashed like the others.
    'd/d.go': `package d\n\nimport "${path}/b"\n\nvar D b.T\n\n${'// padding\n'.repeat(2000)}`
  });

  test.each([
    ['the work tree', false],
    ['a commit (--head)', true]
  ])('from %s: reads only the packages whose declarations changed', async (_, fromCommit) => {
    const dir = makeRepo([{ files: tree(OLD, 'func Old() {}\n'), tags: ['v1.0.0'] }]);
    const base = git(dir, 'rev-parse', 'HEAD').trim();
    git(dir, 'checkout', '-q', '-b', 'bump');
    const head = commitTree(dir, { files: tree(NEW, '') });
    const { snapshot } = await gatherSnapshot({
      dir,
      base,
      ...(fromCommit ? { head } : {}),
      intent: { kind: 'pull-request', source: 'pull_request' }
    });
    const [comparison] = snapshot.apiComparisons ?? [];
    // b/b.go on both sides; a, c and d (five files a side) only moved their imports and are not read.
    expect(comparison.filesRead).toBe(2);
    expect([...comparison.oldApi.packages.keys()]).toEqual(['b']);
    expect(comparison.oldApi.packages.get('b')?.objects.has('Old')).toBe(true);
    expect(comparison.newApi.packages.get('b')?.objects.has('Old')).toBe(false);
  });
});

describe('packages a pull request adds', () => {
  test('are read up to their first file that counts, unless a package read whole imports them', async () => {
    const before = {
      'go.mod': `module ${OLD}\n\ngo 1.21\n`,
      'a/a.go': 'package a\n\ntype S struct{ N int }\n'
    };
    const dir = makeRepo([{ files: before, tags: ['v1.0.0'] }]);
    const base = git(dir, 'rev-parse', 'HEAD').trim();
    git(dir, 'checkout', '-q', '-b', 'feature');
    commitTree(dir, {
      files: {
        ...before,
        // a changes S (so it is parsed whole) and embeds an interface of the new package n, declared
        // in n's second file.
        'a/a.go': `package a\n\nimport "${OLD}/n"\n\ntype S struct{ N string }\n\ntype I interface{ n.J }\n`,
        'n/n1.go': 'package n\n\ntype T int\n',
        'n/n2.go': 'package n\n\ntype J interface{ M() }\n',
        // q is new and imported by no package read whole: its ignored first file and its first
        // counted one are read, not the third.
        'q/a.go': '//go:build ignore\n\npackage main\n',
        'q/b.go': 'package q\n\nconst C = 1\n',
        'q/c.go': 'package q\n\nconst D = 2\n'
      }
    });
    const { snapshot } = await gatherSnapshot({
      dir,
      base,
      intent: { kind: 'pull-request', source: 'pull_request' }
    });
    const [comparison] = snapshot.apiComparisons ?? [];
    // a on both sides, n whole (2 files), q's first two.
    expect(comparison.filesRead).toBe(6);
    const now = comparison.newApi.packages;
    expect(now.get('q')).toMatchObject({ name: 'q', pos: { file: 'q/b.go', line: 1, column: 1 } });
    // I's method M comes from n/n2.go: without that file, I would have no methods.
    expect(JSON.stringify(now.get('a')?.objects.get('I'))).toContain('"M"');
  });
});

import { describe, expect, test } from '@jest/globals';
import { join } from 'node:path';
import { Git, isZeroOid, parseAddedLines } from '../src/gather/git.js';
import { githubRepositoryFromRemote } from '../src/gather/snapshot.js';
import { commitTree, git, makeRepo } from './helpers/repo.js';

describe('git', () => {
  test('added lines come from a real diff, renames and non-ASCII names included', async () => {
    const dir = makeRepo([{ files: { 'a.go': 'one\ntwo\nthree\n', 'old.go': 'x\ny\n' } }]);
    const base = git(dir, 'rev-parse', 'HEAD').trim();
    commitTree(dir, { files: { 'a.go': 'one\nTWO\nthree\nfour\n', 'new.go': 'x\ny\nz\n', 'é.go': 'e\n' } });
    const g = new Git(dir);
    const renamed = await g.renamedFiles(base, 'HEAD');
    expect(renamed).toEqual(new Map([['new.go', 'old.go']]));
    const added = await g.addedLines(base, 'HEAD', ['a.go', 'new.go', 'é.go'], renamed);
    expect(added).toEqual(
      new Map([
        ['a.go', new Set([2, 4])],
        ['new.go', new Set([3])],
        ['é.go', new Set([1])]
      ])
    );
    // Only the files asked for are diffed; without its old path a renamed file is all new.
    expect(await g.addedLines(base, 'HEAD', ['new.go'], new Map())).toEqual(
      new Map([['new.go', new Set([1, 2, 3])]])
    );
  });

  test('tags are peeled to commits, annotated or not', async () => {
    const dir = makeRepo([{ files: { f: '1' }, tags: ['v1.0.0'] }]);
    git(dir, 'tag', '-a', '-m', 'annotated', 'v1.0.1');
    const head = git(dir, 'rev-parse', 'HEAD').trim();
    const tags = await new Git(dir).tags();
    expect(tags.sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      { name: 'v1.0.0', commit: head },
      { name: 'v1.0.1', commit: head }
    ]);
  });

  test('a ref that looks like an option is never taken as one', async () => {
    const dir = makeRepo([{ files: { f: '1' } }]);
    expect(await new Git(dir).commitOf('--output=/tmp/x')).toBeUndefined();
  });

  test('cat-file --batch streams many objects, large and missing ones included', async () => {
    const big = 'x'.repeat(300_000);
    const dir = makeRepo([{ files: { 'big.txt': big, 'small.txt': 'hi' } }]);
    const g = new Git(dir);
    const entries = await g.listTree('HEAD');
    const got: [string, number | undefined][] = [];
    const ids = [...entries.map(e => e.oid), 'HEAD:nope'];
    await g.readObjects(ids, (oid, data) => got.push([oid, data?.length]));
    expect(got.map(g => g[1]).sort()).toEqual([2, 300_000, undefined].sort());
  });

  test('a streamed git that fails says why; one that cannot start is a GitError too', async () => {
    const dir = makeRepo([{ files: { f: '1' } }]);
    const g = new Git(dir);
    // cat-file gets its input and an unknown option: it exits 129 with its usage on stderr.
    await expect(
      g.run(['cat-file', '--no-such-option'], { input: Buffer.from('x\n'), onStdout: () => undefined })
    ).rejects.toThrow(/^git cat-file failed \(exit 129\): .*--textconv/);
    const allowed = await g.run(['cat-file', '--batch-check'], {
      input: Buffer.from('HEAD:f\nHEAD:nope\n'),
      onStdout: () => undefined,
      allowFailure: true
    });
    expect(allowed.exitCode).toBe(0);
    await expect(
      new Git(join(dir, 'no-such-dir')).run(['cat-file', '--batch'], { onStdout: () => undefined })
    ).rejects.toThrow(/^could not run git: spawn .*ENOENT/);
    await expect(new Git(join(dir, 'no-such-dir')).run(['ls-files'], { bulk: true })).rejects.toThrow(
      `(in ${join(dir, 'no-such-dir')})`
    );
  });

  test('zero object ids and diff parsing edge cases', () => {
    expect(isZeroOid('0000000000000000000000000000000000000000')).toBe(true);
    expect(isZeroOid('abc')).toBe(false);
    expect(parseAddedLines('--- a/x.go\n+++ /dev/null\n@@ -1,2 +0,0 @@\n-a\n-b\n')).toEqual(new Map());
    expect(parseAddedLines('+++ b/x.go\n@@ -3,0 +4 @@\n+x\n')).toEqual(new Map([['x.go', new Set([4])]]));
  });

  test("added lines: hunk bodies that look like headers, odd names, a binary file, the user's diff config", async () => {
    const before = 'package a\n\n-- not a header\n++ nor this\nkeep\nend';
    const after = 'package a\n\n--- a/x.go\n++ b/y.go\nkeep\nend\n';
    const dir = makeRepo([
      { files: { 'd d/a.go': before, 'bin.go': 'a\0b', 'é.go': 'x\n', 'b/c.go': 'x\n' } }
    ]);
    const base = git(dir, 'rev-parse', 'HEAD').trim();
    git(dir, 'config', 'diff.noprefix', 'true');
    commitTree(dir, { files: { 'd d/a.go': after, 'bin.go': 'a\0c', 'é.go': 'y\n', 'b/c.go': 'x\ny\n' } });
    const files = ['d d/a.go', 'bin.go', 'é.go', 'b/c.go'];
    const added = await new Git(dir).addedLines(base, 'HEAD', files, new Map());
    expect(added).toEqual(
      new Map([
        ['b/c.go', new Set([2])],
        ['d d/a.go', new Set([3, 4, 6])],
        ['é.go', new Set([1])]
      ])
    );
  });

  test('added lines of more files than a command line holds: the whole diff, kept to those files', async () => {
    const name = (i: number) => `${'long-directory-name/'.repeat(5)}file${i}.go`;
    const files = (v: string) => Object.fromEntries(Array.from({ length: 300 }, (_, i) => [name(i), v]));
    const dir = makeRepo([{ files: { ...files('a\n'), 'other.go': 'a\n' } }]);
    const base = git(dir, 'rev-parse', 'HEAD').trim();
    commitTree(dir, { files: { ...files('a\nb\n'), 'other.go': 'a\nb\n' } });
    const wanted = Array.from({ length: 250 }, (_, i) => name(i));
    const added = await new Git(dir).addedLines(base, 'HEAD', wanted, new Map());
    expect([...added.keys()].sort()).toEqual([...wanted].sort());
    expect(added.get(name(7))).toEqual(new Set([2]));
  });
});

describe('repository from the origin remote', () => {
  test.each([
    ['https://github.com/o/r.git', 'o/r'],
    ['https://x-access-token:abc@github.com/o/r', 'o/r'],
    ['git@github.com:o/r.git', 'o/r'],
    ['ssh://git@github.com/o/r.git', 'o/r'],
    ['https://gitlab.com/o/r.git', undefined],
    [undefined, undefined]
  ])('%s -> %s', (url, repo) => expect(githubRepositoryFromRemote(url)).toBe(repo));
});

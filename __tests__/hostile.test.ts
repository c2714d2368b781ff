// Hostile trees (issues 21 and 22): a go.mod that exists but cannot be read fails closed, and the
// work tree and --head read the same tree: regular files only, no symbolic link followed, each file
// read to a cap. Every case runs through the CLI, in both modes where both apply.
import { afterAll, describe, expect, test } from '@jest/globals';
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import {
  chmodSync,
  mkdirSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  unlinkSync,
  writeFileSync
} from 'node:fs';
import { dirname, join } from 'node:path';
import { GitTree, WorkingTree } from '../src/gather/tree.js';
import { Git } from '../src/gather/git.js';
import { checkJson, type JsonReport } from './helpers/cli.js';
import { git, makeRepo, tempDir } from './helpers/repo.js';

const M = 'example.com/m';
const goMod = (path: string) => `module ${path}\n\ngo 1.19\n`;
/** A root /v2 module whose files import its own v1 path would be stale-self-import errors. */
const staleImport = (pkg: string) => `package ${pkg}\n\nimport _ "${M}/pkg"\n`;

/** A short timeout for the cases that hung or grew without bound before. */
const HANG_TIMEOUT = 20_000;

function findings(report: JsonReport): string[] {
  return report.findings.map(f => `${f.rule} ${f.severity} ${f.file}:${f.line}`);
}

/** The work tree and `--head HEAD` must agree: the same findings, the same messages. */
async function checkBoth(dir: string, ...args: string[]): Promise<{ report: JsonReport; code: number }> {
  const work = await checkJson(dir, ...args);
  const head = await checkJson(dir, '--head', 'HEAD', ...args);
  expect(head.report.findings).toEqual(work.report.findings);
  expect(head.code).toBe(work.code);
  return work;
}

/** Commits what the work tree holds now (symbolic links are stored as links, mode 120000). */
function commitAll(dir: string): void {
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'more');
}

function link(dir: string, path: string, target: string): void {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  symlinkSync(target, join(dir, path));
}

const writers: ChildProcess[] = [];
afterAll(() => {
  for (const w of writers) w.kill('SIGKILL');
});

/**
 * A FIFO at `path`. Were the gate to open it for reading, it would block there, and so would the
 * test; a writer opens it after a few seconds to set such a reader free, so that a regression
 * fails (the run takes too long, the finding is missing) instead of hanging. Killed at the end.
 */
function fifo(path: string): string {
  execFileSync('mkfifo', [path]);
  const writer = spawn('sh', ['-c', 'sleep 8 && printf x > "$1"', 'sh', path], { stdio: 'ignore' });
  writers.push(writer);
  return path;
}

async function timed<T>(work: Promise<T>): Promise<T> {
  const started = Date.now();
  const result = await work;
  expect(Date.now() - started).toBeLessThan(6000);
  return result;
}

describe('an unreadable go.mod fails closed', () => {
  const process_ = process as NodeJS.Process & { seteuid?: (id: number) => void };

  /**
   * Runs `work` as the user nobody, in this process: the machine runs the tests as root, for whom
   * mode 000 is no obstacle. seteuid switches the effective user (which file access checks use) and
   * back; git, started meanwhile, runs as nobody too, so the repository is made nobody's.
   */
  async function asUnprivileged<T>(dir: string, work: () => Promise<T>): Promise<T> {
    if (process.getuid?.() !== 0) return work();
    if (!process_.seteuid) throw new Error('running as root without seteuid: no unprivileged user to be');
    const NOBODY = 65534;
    execFileSync('chown', ['-R', `${NOBODY}`, dir]);
    // nobody must reach the repository through the test run's private temporary folders.
    const opened: [string, number][] = [];
    for (let d = dirname(dir); d !== dirname(d); d = dirname(d)) {
      const mode = statSync(d).mode & 0o7777;
      if ((mode & 0o001) === 0) {
        chmodSync(d, mode | 0o001);
        opened.push([d, mode]);
      }
    }
    const groups = process.getgroups?.() ?? [];
    const env = {
      GIT_CONFIG_GLOBAL: process.env.GIT_CONFIG_GLOBAL,
      GIT_CONFIG_NOSYSTEM: process.env.GIT_CONFIG_NOSYSTEM
    };
    process.env.GIT_CONFIG_GLOBAL = '/dev/null'; // root's own config is not nobody's to read
    process.env.GIT_CONFIG_NOSYSTEM = '1';
    // The group too: root's group owns the temporary folders, and its bits would apply first.
    process.setgroups?.([]);
    process.setegid?.(NOBODY);
    process_.seteuid(NOBODY);
    try {
      return await work();
    } finally {
      process_.seteuid(0);
      process.setegid?.(0);
      process.setgroups?.(groups);
      for (const [key, value] of Object.entries(env)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
      for (const [d, mode] of opened) chmodSync(d, mode);
      execFileSync('chown', ['-R', '0', dir]);
    }
  }

  test('a root go.mod at mode 000: an error, nothing inferred, with or without a tag', async () => {
    const dir = makeRepo([{ files: { 'go.mod': goMod(`${M}/v2`), 'a.go': staleImport('m') } }]);
    chmodSync(join(dir, 'go.mod'), 0o000);
    const { code, report } = await asUnprivileged(dir, () => checkJson(dir));
    expect(code).toBe(1);
    expect(report.conclusion).toBe('failure');
    expect(findings(report)).toEqual(['gomod-unreadable error go.mod:1']);
    expect(report.findings[0].message).toContain('could not read go.mod: permission denied');
    // Before: a pass with an "+incompatible" warning, as if the root had no go.mod at all.
    const tagged = await asUnprivileged(dir, () => checkJson(dir, '--tag', 'v2.0.0'));
    expect(findings(tagged.report)).toEqual([
      'tag-invalid error null:null',
      'gomod-unreadable error go.mod:1'
    ]);
    expect(tagged.report.findings[0].message).toContain('go.mod, which would release it, cannot be read');
    expect(tagged.report.targets[0].dir).toBeNull();
  });

  test('a nested go.mod at mode 000 is still a module boundary: no false stale-self-import', async () => {
    const dir = makeRepo([
      {
        files: {
          'go.mod': goMod(`${M}/v2`),
          'a.go': 'package m\n',
          'sub/go.mod': goMod(`${M}/sub`),
          'sub/a.go': staleImport('sub')
        }
      }
    ]);
    chmodSync(join(dir, 'sub', 'go.mod'), 0o000);
    const { report } = await asUnprivileged(dir, () => checkJson(dir, '--tag', 'v2.0.0'));
    expect(findings(report)).toEqual(['gomod-unreadable error sub/go.mod:1']);
    expect(report.findings[0].message).toContain('the module in sub/ is unknown');
    expect(report.modules.map(m => [m.dir, m.goFiles])).toEqual([['.', 1]]);
    // A release of it maps to no known module: before, "there is no module in sub/" (exit 2).
    const release = await asUnprivileged(dir, () => checkJson(dir, '--version', 'v1.0.0', '--module', 'sub'));
    expect(findings(release.report)).toEqual([
      'tag-invalid error null:null',
      'gomod-unreadable error sub/go.mod:1'
    ]);
    expect(release.report.findings[0].message).toBe(
      'tag "sub/v1.0.0" is not a valid release tag: sub/go.mod, which would release it, cannot be read (gomod-unreadable)'
    );
  });

  test('a go.mod whose blob is missing from the object store (--head), root and nested', async () => {
    const dir = makeRepo([
      {
        files: {
          'go.mod': goMod(`${M}/v2`),
          'a.go': 'package m\n',
          'sub/go.mod': `${goMod(`${M}/sub`)}// nested\n`,
          'sub/a.go': staleImport('sub')
        }
      }
    ]);
    const removeBlob = (path: string) => {
      const oid = git(dir, 'rev-parse', `HEAD:${path}`).trim();
      unlinkSync(join(dir, '.git', 'objects', oid.slice(0, 2), oid.slice(2)));
    };
    removeBlob('sub/go.mod');
    const nested = await checkJson(dir, '--head', 'HEAD', '--tag', 'v2.0.0');
    expect(findings(nested.report)).toEqual(['gomod-unreadable error sub/go.mod:1']);
    expect(nested.report.findings[0].message).toContain('its object is missing from the repository');
    removeBlob('go.mod');
    const root = await checkJson(dir, '--head', 'HEAD');
    expect(root.code).toBe(1);
    expect(findings(root.report)).toEqual([
      'gomod-unreadable error go.mod:1',
      'gomod-unreadable error sub/go.mod:1'
    ]);
  });

  test('a go.mod that is a directory, in the work tree and committed, root and nested', async () => {
    const dir = makeRepo([
      { files: { 'go.mod': goMod(`${M}/v2`), 'a.go': staleImport('m'), 'sub/a.go': staleImport('sub') } }
    ]);
    // The tracked go.mod replaced by an empty directory: git still lists go.mod.
    rmSync(join(dir, 'go.mod'));
    mkdirSync(join(dir, 'go.mod'));
    const work = await checkJson(dir);
    expect(findings(work.report)).toEqual(['gomod-unreadable error go.mod:1']);
    expect(work.report.findings[0].message).toContain('could not read go.mod: it is a directory');
    // A directory with a file in it is what a commit can hold: both modes see it from the listing.
    writeFileSync(join(dir, 'go.mod', 'keep'), '');
    writeFileSync(join(dir, 'go.mod.real'), '');
    mkdirSync(join(dir, 'sub', 'go.mod'));
    writeFileSync(join(dir, 'sub', 'go.mod', 'keep'), '');
    commitAll(dir);
    const both = await checkBoth(dir);
    expect(findings(both.report)).toEqual([
      'gomod-unreadable error go.mod:1',
      'gomod-unreadable error sub/go.mod:1'
    ]);
  });
});

describe('the work tree and --head read the same tree', () => {
  const outside = tempDir('gmg-outside-');
  writeFileSync(join(outside, 'go.mod'), goMod('example.com/outside'));
  writeFileSync(join(outside, 'x.go'), staleImport('x'));

  test(
    'a go.mod that links to /dev/zero, to a FIFO inside or outside, or to a go.mod outside',
    async () => {
      const dir = makeRepo([
        {
          files: {
            'go.mod': goMod(`${M}/v2`),
            'a.go': 'package m\n',
            'sub/a.go': staleImport('sub'),
            'lnk/a.go': staleImport('lnk'),
            'in/a.go': staleImport('in'),
            'out/a.go': staleImport('out')
          }
        }
      ]);
      link(dir, 'sub/go.mod', '/dev/zero');
      link(dir, 'lnk/go.mod', join(outside, 'go.mod'));
      link(dir, 'out/go.mod', fifo(join(outside, 'pipe')));
      // git lists no FIFO of the work tree; a link to one it lists as the link.
      fifo(join(dir, 'pipe'));
      link(dir, 'in/go.mod', '../pipe');
      // Inside the repository and to a regular file: not followed either (git stores the link).
      writeFileSync(join(dir, 'real.mod'), goMod(`${M}/reg`));
      link(dir, 'reg/go.mod', '../real.mod');
      writeFileSync(join(dir, 'reg', 'a.go'), staleImport('reg'));
      commitAll(dir);
      const { report, code } = await timed(checkBoth(dir, '--tag', 'v2.0.0'));
      expect(code).toBe(1);
      expect(findings(report)).toEqual([
        'gomod-unreadable error in/go.mod:1',
        'gomod-unreadable error lnk/go.mod:1',
        'gomod-unreadable error out/go.mod:1',
        'gomod-unreadable error reg/go.mod:1',
        'gomod-unreadable error sub/go.mod:1'
      ]);
      const message = (file: string) => report.findings.find(f => f.file === file)?.message;
      expect(message('sub/go.mod')).toContain(
        'it is a symbolic link to "/dev/zero", outside the repository; symbolic links are not read'
      );
      expect(message('in/go.mod')).toContain('it is a symbolic link to "../pipe"; symbolic links');
      expect(message('lnk/go.mod')).toContain(
        `to ${JSON.stringify(join(outside, 'go.mod'))}, outside the repository`
      );
      // Each linked directory stays cut out of the root module: no stale-self-import there.
      expect(report.modules.map(m => [m.dir, m.goFiles])).toEqual([['.', 1]]);
    },
    HANG_TIMEOUT
  );

  test(
    '.go files that link to a FIFO, to /dev/zero, outside or inside the repository',
    async () => {
      const dir = makeRepo([
        { files: { 'go.mod': goMod(`${M}/v2`), 'a.go': 'package m\n', 'real.go.txt': staleImport('m') } }
      ]);
      link(dir, 'x.go', fifo(join(outside, 'fifo')));
      link(dir, 'zero.go', '/dev/zero');
      link(dir, 'ext.go', join(outside, 'x.go'));
      link(dir, 'in.go', 'real.go.txt');
      commitAll(dir);
      const { report, code } = await timed(checkBoth(dir));
      // Warnings: the file is left out of the module zip, which the go command builds without it.
      expect(code).toBe(0);
      expect(findings(report)).toEqual([
        'file-unreadable warning ext.go:1',
        'file-unreadable warning in.go:1',
        'file-unreadable warning x.go:1',
        'file-unreadable warning zero.go:1'
      ]);
      expect(report.findings[1].message).toBe(
        'could not read in.go: it is a symbolic link to "real.go.txt"; symbolic links are not read (the go command leaves them out of module zips)'
      );
      expect(report.findings[3].message).toContain('to "/dev/zero", outside the repository');
    },
    HANG_TIMEOUT
  );

  test(
    'in the work tree, a tracked file swapped for a FIFO, or under a directory swapped for a link',
    async () => {
      const dir = makeRepo([
        {
          files: {
            'go.mod': goMod(`${M}/v2`),
            'a.go': 'package m\n',
            'b.go': 'package m\n',
            'd/x.go': 'package d\n'
          }
        }
      ]);
      rmSync(join(dir, 'b.go'));
      fifo(join(dir, 'b.go'));
      rmSync(join(dir, 'd'), { recursive: true });
      symlinkSync(outside, join(dir, 'd'));
      const { report } = await timed(checkJson(dir));
      expect(findings(report)).toEqual([
        'file-unreadable warning b.go:1',
        'file-unreadable warning d/x.go:1'
      ]);
      expect(report.findings[0].message).toBe(
        'could not read b.go: it is a named pipe (FIFO), not a regular file'
      );
      expect(report.findings[1].message).toContain(
        `its directory d is a symbolic link to ${JSON.stringify(outside)}`
      );
    },
    HANG_TIMEOUT
  );

  test('a go.mod over 16 MiB, the go command limit, fails closed in both modes', async () => {
    const big = `${goMod(`${M}/v2`)}//${'x'.repeat(16 << 20)}\n`;
    const dir = makeRepo([{ files: { 'go.mod': big, 'a.go': staleImport('m') } }]);
    const { report } = await checkBoth(dir);
    expect(findings(report)).toEqual(['gomod-unreadable error go.mod:1']);
    expect(report.findings[0].message).toContain(
      "could not read go.mod: it is larger than 16 MiB, the go command's limit for a go.mod"
    );
  });
});

describe('size caps (small ones: the real cap of a .go file is 500 MiB)', () => {
  const caps = { goMod: 64, file: 1000 };

  /** What each tree gives for `request`, as lines to compare. */
  async function readBoth(dir: string, whole: string[], headers: string[]): Promise<string[][]> {
    const results: string[][] = [];
    for (const tree of [new WorkingTree(dir, caps), new GitTree(new Git(dir), 'HEAD', caps)]) {
      const got: string[] = [];
      await tree.read(
        { whole, headers },
        {
          onFile: (path, data, error) => void got.push(`file ${path} ${data?.length ?? error}`),
          onScan: (path, scan, bytes, error) =>
            void got.push(`scan ${path} ${scan ? scan.imports.map(i => i.path).join(',') : error} ${bytes}`),
          onSource: (path, data, error) => void got.push(`source ${path} ${data?.length ?? error}`)
        }
      );
      results.push(got);
    }
    return results;
  }

  test('a .go file over the cap: its header is scanned, its rest not read; a go.mod over it is not read', async () => {
    const header = 'package m\n\nimport "fmt"\n';
    const dir = makeRepo([
      {
        files: {
          'go.mod': goMod(M),
          'big/go.mod': `${goMod(M)}${'/'.repeat(64)}`,
          'small.go': header,
          'big.go': `${header}var x = 1 // ${'y'.repeat(2000)}\n`,
          'longheader.go': `package m\n/*${' '.repeat(2000)}*/\n`
        }
      }
    ]);
    const [work, head] = await readBoth(
      dir,
      ['go.mod', 'big/go.mod'],
      ['small.go', 'big.go', 'longheader.go']
    );
    expect(head).toEqual(work);
    expect(work).toEqual([
      `file go.mod ${goMod(M).length}`,
      "file big/go.mod it is larger than 64 bytes, the go command's limit for a go.mod",
      `scan small.go fmt ${header.length}`,
      `source small.go ${header.length}`,
      'scan big.go fmt 1000',
      'source big.go it is larger than 1000 bytes, the most the go command lets a whole module hold',
      'scan longheader.go it is larger than 1000 bytes, the most the go command lets a whole module hold, and its import header runs past that 1000',
      'source longheader.go it is larger than 1000 bytes, the most the go command lets a whole module hold'
    ]);
    for (const entry of readdirSync(dir)) if (entry !== '.git') rmSync(join(dir, entry), { recursive: true });
  });
});

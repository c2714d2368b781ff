// Issue 15, "Other rules": the classes of false failures found on real history, each on a small real
// git repository checked through the CLI. Each test fails on the code before its fix.
import { describe, expect, test } from '@jest/globals';
import { checkJson, type JsonFinding } from './helpers/cli.js';
import { commitTree, git, makeRepo, type TreeState } from './helpers/repo.js';

const R = 'github.com/o/r';

const v1: TreeState = {
  files: {
    'go.mod': `module ${R}\n\ngo 1.19\n`,
    'r.go': 'package r\n\n// Name is the name.\nconst Name = "r"\n'
  },
  tags: ['v1.0.0']
};

const brief = (findings: JsonFinding[]) => findings.map(f => [f.rule, f.severity, f.file, f.line]);

describe('mixed-major-import: standard-library packages are not module majors', () => {
  test('math/rand with math/rand/v2 is fine; two majors of a real module are still reported', async () => {
    const D = 'github.com/o/dep';
    const dir = makeRepo([v1], {
      files: {
        'go.mod': `module ${R}/v2\n\ngo 1.22\n\nrequire (\n\t${D} v1.0.0\n\t${D}/v2 v2.0.0\n)\n`,
        'r.go': `package r\n\nimport (\n\t"math/rand"\n\trandv2 "math/rand/v2"\n\t"${D}/x"\n\tx2 "${D}/v2/x"\n)\n\nvar _, _, _, _ = rand.Int, randv2.Int, x.X, x2.X\n`
      }
    });
    const { report } = await checkJson(dir, '--tag', 'v2.0.0');
    expect(brief(report.findings)).toEqual([['mixed-major-import', 'warning', 'r.go', 6]]);
  });
});

describe('retraction-only releases', () => {
  const v2 = (goModTail: string, tags: string[] = []): TreeState => ({
    files: {
      'go.mod': `module ${R}/v2\n\ngo 1.19\n${goModTail}`,
      'r.go': 'package r\n\n// Name is the name.\nconst Name = "r"\n'
    },
    tags
  });

  test('a version that retracts itself with earlier versions is valid, with a notice', async () => {
    const dir = makeRepo(
      [v1, v2('', ['v2.7.0'])],
      v2('\nretract [v2.7.0, v2.7.1] // contains retractions only\n')
    );
    const { code, report } = await checkJson(dir, '--tag', 'v2.7.1');
    expect(brief(report.findings)).toEqual([['retracted-version', 'notice', 'go.mod', 5]]);
    expect(report.findings[0].message).toContain('publish retractions');
    expect([code, report.conclusion]).toEqual([0, 'success']);
    // The same go.mod gating a version it retracts for its own sake stays an error.
    const mistake = await checkJson(dir, '--tag', 'v2.7.0');
    expect(brief(mistake.report.findings)).toContainEqual(['retracted-version', 'error', 'go.mod', 5]);
  });

  test('the Go documentation form: one retract line for the mistake, one for the retraction release', async () => {
    const dir = makeRepo(
      [v1, v2('', ['v2.0.0'])],
      v2('\nretract (\n\tv2.0.0 // Published accidentally.\n\tv2.0.1 // Contains retractions only.\n)\n')
    );
    const { report } = await checkJson(dir, '--tag', 'v2.0.1');
    expect(brief(report.findings)).toEqual([['retracted-version', 'notice', 'go.mod', 7]]);
  });

  test('the version a pull request proposes skips the versions its go.mod retracts', async () => {
    const code = (extra: string) => `package r\n\n// Name is the name.\nconst Name = "r"\n${extra}`;
    const tree = (path: string, goModTail: string, extra = '') => ({
      files: { 'go.mod': `module ${path}\n\ngo 1.19\n${goModTail}`, 'r.go': code(extra) }
    });
    // A major bump whose first version was retracted (tagged once on the wrong code): v3.0.1.
    const dir = makeRepo([{ ...tree(`${R}/v2`, ''), tags: ['v2.0.0'] }]);
    git(dir, 'checkout', '-q', '-b', 'v3');
    commitTree(dir, tree(`${R}/v3`, '\nretract v3.0.0 // tagged on the v2 code\n'));
    const bump = await checkJson(dir, '--base', 'main');
    expect(bump.report.targets[0]).toMatchObject({
      mode: 'major-bump',
      version: 'v3.0.1',
      suggested: 'v3.0.1'
    });
    expect(bump.report.findings.filter(f => f.rule === 'retracted-version')).toEqual([]);
    // With an addition to the API, the next minor: v3.1.0.
    commitTree(
      dir,
      tree(`${R}/v3`, '\nretract v3.0.0 // tagged on the v2 code\n', '\n// Added is new.\nfunc Added() {}\n')
    );
    const minor = await checkJson(dir, '--base', 'main');
    expect(minor.report.targets[0]).toMatchObject({ mode: 'major-bump', suggested: 'v3.1.0' });
    // Within a major: after v3.1.0, a patch whose next version v3.1.1 is retracted proposes v3.1.2.
    const within = makeRepo([{ ...tree(`${R}/v3`, ''), tags: ['v3.1.0'] }]);
    git(within, 'checkout', '-q', '-b', 'fix');
    commitTree(within, tree(`${R}/v3`, '\nretract [v3.1.1, v3.1.1] // broken build\n'));
    const patch = await checkJson(within, '--base', 'main');
    expect(patch.report.targets[0]).toMatchObject({ mode: 'consistency', suggested: 'v3.1.2' });
  });
});

describe('local-replace on a release', () => {
  const A = `${R}/api`;
  const C = `${R}/client`;
  const tree = (goModTail: string, imports: string[] = [`${A}/types`]): TreeState => ({
    files: {
      'go.mod': `module ${R}\n\ngo 1.19\n${goModTail}`,
      'r.go': `package r\n\nimport (\n${imports.map(p => `\t_ "${p}"\n`).join('')})\n`,
      'api/go.mod': `module ${A}\n\ngo 1.19\n`,
      'api/types/t.go': 'package types\n',
      'client/go.mod': `module ${C}\n\ngo 1.19\n`,
      'client/c.go': 'package client\n'
    }
  });
  const siblings = (api: string, client: string) =>
    `\nrequire (\n\t${A} ${api}\n\t${C} ${client}\n)\n\nreplace (\n\t${A} => ./api\n\t${C} => ./client\n)\n`;

  test('modules of this repository replaced by their directories and tagged together: one notice', async () => {
    const dir = makeRepo([
      { ...tree(siblings('v1.2.0', 'v1.0.0')), tags: ['v1.2.0', 'api/v1.2.0', 'client/v1.0.0'] }
    ]);
    const { code, report } = await checkJson(dir, '--head', 'HEAD', '--tag', 'v1.2.0');
    expect(brief(report.findings)).toEqual([['local-replace', 'notice', 'go.mod', 11]]);
    expect([code, report.conclusion]).toEqual([0, 'success']);
  });

  test('a required version of such a module that is not tagged: a warning that says which tag to make', async () => {
    const dir = makeRepo([{ ...tree(siblings('v1.2.0', 'v1.0.0')), tags: ['api/v1.1.0', 'client/v1.0.0'] }]);
    const { report } = await checkJson(dir, '--tag', 'v1.2.0');
    expect(brief(report.findings)).toEqual([['local-replace', 'warning', 'go.mod', 11]]);
    expect(report.findings[0].message).toContain('tag api/v1.2.0 together with this release');
    // In a consistency check the same go.mod is a notice: the tags come with the release.
    const consistency = await checkJson(dir);
    expect(brief(consistency.report.findings)).toEqual([['local-replace', 'notice', 'go.mod', 11]]);
  });

  test('a placeholder version, or an import no require provides, is an error', async () => {
    const placeholder = makeRepo([
      { ...tree(siblings('v0.0.0-00010101000000-000000000000', 'v1.0.0')), tags: ['client/v1.0.0'] }
    ]);
    const one = await checkJson(placeholder, '--tag', 'v1.2.0');
    // The client replace next to it is the normal pattern: its notice stays.
    expect(brief(one.report.findings)).toEqual([
      ['local-replace', 'error', 'go.mod', 11],
      ['local-replace', 'notice', 'go.mod', 12]
    ]);
    expect(one.report.findings[0].message).toContain('placeholder');

    const unrequired = makeRepo([{ ...tree(`\nreplace ${A} => ./api\n`), tags: ['api/v1.2.0'] }]);
    const two = await checkJson(unrequired, '--tag', 'v1.2.0');
    expect(brief(two.report.findings)).toEqual([['local-replace', 'error', 'go.mod', 5]]);
    expect(two.report.findings[0].message).toContain(`"${A}/types"`);
  });

  test('a replace of a module that nothing requires or imports has no effect: no finding', async () => {
    const dir = makeRepo([{ ...tree(`\nreplace ${C} => ./client\n`, []), tags: [] }]);
    const { report } = await checkJson(dir, '--tag', 'v1.2.0');
    expect(report.findings).toEqual([]);
  });

  test('a directory inside the repository that holds another module is still an error', async () => {
    const dir = makeRepo([
      { ...tree(`\nrequire ${A} v1.2.0\n\nreplace ${A} => ./client\n`), tags: ['api/v1.2.0'] }
    ]);
    const { report } = await checkJson(dir, '--tag', 'v1.2.0');
    expect(brief(report.findings)).toEqual([['local-replace', 'error', 'go.mod', 7]]);
    expect(report.findings[0].message).toContain(`declares "${C}"`);
  });
});

describe('an invalid tag is reported with what else is wrong for the major it spells', () => {
  test('v2.19.05 on a module without /v2: tag-invalid and module-path-major', async () => {
    const dir = makeRepo([v1], { files: v1.files });
    const { report } = await checkJson(dir, '--tag', 'v2.19.05');
    expect(brief(report.findings)).toEqual([
      ['tag-invalid', 'error', null, null],
      ['module-path-major', 'error', 'go.mod', 1]
    ]);
    expect(report.findings[1].message).toContain('cannot be released as v2.19.05');
    expect(report.findings[1].fix).toEqual({ replacement: `${R}/v2` });
    // The same tag on a /v2 module is only invalid; a tag whose major cannot be read stops there too.
    const v2 = makeRepo([v1], { files: { ...v1.files, 'go.mod': `module ${R}/v2\n\ngo 1.19\n` } });
    expect(brief((await checkJson(v2, '--tag', 'v2.19.05')).report.findings)).toEqual([
      ['tag-invalid', 'error', null, null]
    ]);
    expect(brief((await checkJson(dir, '--tag', 'V2.0.0')).report.findings)).toEqual([
      ['tag-invalid', 'error', null, null]
    ]);
  });
});

describe('a pull request that renames the module', () => {
  test("imports of the base's path inside the module are stale, with the new path, next to module-renamed", async () => {
    const F = 'github.com/fork/r';
    const tree = (path: string) => ({
      files: {
        'go.mod': `module ${path}\n\ngo 1.19\n`,
        'r.go': `package r\n\nimport "${R}/pkg"\n\n// Name is the name.\nvar Name = pkg.Name\n`,
        'pkg/pkg.go': 'package pkg\n\n// Name is the name.\nconst Name = "pkg"\n'
      }
    });
    const dir = makeRepo([{ ...tree(R), tags: ['v1.0.0'] }]);
    git(dir, 'checkout', '-q', '-b', 'rename');
    commitTree(dir, tree(F));
    const { report } = await checkJson(dir, '--base', 'main');
    expect(brief(report.findings)).toEqual([
      ['module-renamed', 'warning', 'go.mod', 1],
      ['stale-self-import', 'error', 'r.go', 3]
    ]);
    expect(report.findings[1].fix).toEqual({ replacement: `"${F}/pkg"` });
    expect(report.findings[1].message).toContain(`"${R}"`);
  });
});

describe('modules that are not published from here (local modules)', () => {
  const tree = (extra: Record<string, string>): TreeState['files'] => ({
    'go.mod': `module ${R}\n\ngo 1.19\n`,
    'r.go': 'package r\n\n// Name is the name.\nconst Name = "r"\n',
    ...extra
  });
  const tools = {
    // The usual tools module: a path with no dot, the main module by its placeholder version.
    'tools/go.mod': `module tools/fmtpercentv\n\ngo 1.19\n\nrequire ${R} v0.0.0-00010101000000-000000000000\n\nreplace ${R} => ../\n`,
    'tools/main.go': `package main\n\nimport _ "${R}"\n\nfunc main() {}\n`,
    'examples/go.mod': `module ${R}/example\n\ngo 1.19\n`,
    'examples/e.go': 'package example\n',
    'fixtures/go.mod': 'module github.com/someone/else/fixture\n\ngo 1.19\n',
    'fixtures/f.go': 'package fixture\n'
  };

  test('in a consistency check and a pull request each gets one notice, never an error', async () => {
    const dir = makeRepo([{ files: tree(tools), tags: ['v1.0.0'] }]);
    const { code, report } = await checkJson(dir, '--repository', 'o/r');
    expect(brief(report.findings)).toEqual([
      ['module-location', 'notice', 'examples/go.mod', 1],
      ['module-path-repository', 'notice', 'fixtures/go.mod', 1],
      ['module-path-invalid', 'notice', 'tools/go.mod', 1]
    ]);
    expect(report.findings[2].message).toContain('local module');
    expect([code, report.conclusion]).toEqual([0, 'success']);

    git(dir, 'checkout', '-q', '-b', 'feature');
    commitTree(dir, {
      files: tree({ ...tools, 'extra.go': 'package r\n\n// Extra is new.\nfunc Extra() {}\n' })
    });
    const pr = await checkJson(dir, '--base', 'main', '--repository', 'o/r');
    expect(brief(pr.report.findings.filter(f => f.rule !== 'breaking-change'))).toEqual(
      brief(report.findings)
    );
    expect(pr.report.findings.filter(f => f.severity !== 'notice')).toEqual([]);
  });

  test('gating a version of it, or a tag that exists for it, makes it an error again', async () => {
    const dir = makeRepo([{ files: tree(tools), tags: ['v1.0.0'] }]);
    const gated = await checkJson(dir, '--tag', 'tools/v0.1.0');
    expect(brief(gated.report.findings)).toContainEqual(['module-path-invalid', 'error', 'tools/go.mod', 1]);
    const byVersion = await checkJson(dir, '--version', 'v0.1.0', '--module', 'examples');
    expect(brief(byVersion.report.findings)).toContainEqual([
      'module-location',
      'error',
      'examples/go.mod',
      1
    ]);

    const tagged = makeRepo([{ files: tree(tools), tags: ['v1.0.0', 'examples/v0.1.0'] }]);
    const { report } = await checkJson(tagged);
    expect(brief(report.findings)).toContainEqual(['module-location', 'error', 'examples/go.mod', 1]);
  });
});

describe('issue 21: a root tag with no root go.mod is a valid implicit release', () => {
  test('nested go.mod files elsewhere do not make it tag-invalid: +incompatible warning for v2+, nothing for v1', async () => {
    const files = {
      'r.go': 'package r\n\n// Name is the name.\nconst Name = "r"\n',
      'lib/influx/go.mod': `module ${R}/lib/influx\n\ngo 1.19\n`,
      'lib/influx/i.go': 'package influx\n',
      'v5/go.mod': `module ${R}/v5\n\ngo 1.19\n`,
      'v5/r.go': 'package r\n'
    };
    const dir = makeRepo([{ files, tags: ['v4.8.0'] }], { files });
    const v4 = await checkJson(dir, '--tag', 'v4.9.0');
    expect(brief(v4.report.findings)).toEqual([['incompatible-release', 'warning', null, null]]);
    expect(v4.report.targets[0]).toMatchObject({ dir: '.', version: 'v4.9.0', module: null });
    const v1 = await checkJson(dir, '--tag', 'v1.2.0');
    expect(v1.report.findings).toEqual([]);
    expect((await checkJson(dir, '--version', 'v1.2.0')).report.findings).toEqual([]);
    // The v5 major subdirectory still takes the v5 tags (and the go command also serves them as +incompatible).
    const v5 = await checkJson(dir, '--tag', 'v5.0.0');
    expect(v5.report.targets[0]).toMatchObject({ dir: 'v5', module: `${R}/v5` });
  });
});

describe('issue 21: path suggestions for a module in a subdirectory start at the repository root', () => {
  const suggestions = (findings: JsonFinding[]) =>
    findings.map(f => [f.rule, /write "module ([^"]+)"/.exec(f.message)?.[1]]);

  test('from the root module: go.etcd.io/etcd/tools/mod/v3, github.com/o/r/examples/localmod', async () => {
    const etcd = makeRepo([
      {
        files: {
          'go.mod': 'module go.etcd.io/etcd/v3\n\ngo 1.19\n',
          'e.go': 'package etcd\n',
          'tools/mod/go.mod': 'module go.etcd.io/etcd/tools/v3\n\ngo 1.19\n',
          'tools/mod/m.go': 'package mod\n'
        }
      }
    ]);
    const one = await checkJson(etcd, '--tag', 'tools/mod/v3.5.0');
    expect(suggestions(one.report.findings)).toEqual([['module-location', 'go.etcd.io/etcd/tools/mod/v3']]);
    // Without a root module, the declared path gives the root: the part before what repeats the directory.
    const alone = makeRepo([
      {
        files: {
          'tools/mod/go.mod': 'module go.etcd.io/etcd/tools/v3\n\ngo 1.19\n',
          'tools/mod/m.go': 'package mod\n'
        }
      }
    ]);
    const guessed = await checkJson(alone, '--tag', 'tools/mod/v3.5.0');
    expect(suggestions(guessed.report.findings)).toEqual([
      ['module-location', 'go.etcd.io/etcd/tools/mod/v3']
    ]);

    const examples = makeRepo([
      {
        files: {
          ...v1.files,
          'examples/localmod/go.mod': 'module github.com/o/localmod\n\ngo 1.19\n',
          'examples/localmod/m.go': 'package localmod\n'
        }
      }
    ]);
    const two = await checkJson(examples, '--tag', 'examples/localmod/v0.1.0');
    expect(suggestions(two.report.findings)).toEqual([['module-location', `${R}/examples/localmod`]]);
  });

  test('a nested path that repeats the root major is written from the root: …/r/otel/v85, not …/r/v85/otel/v85', async () => {
    const repo = makeRepo([
      {
        files: {
          'go.mod': `module ${R}/v85\n\ngo 1.19\n`,
          'r.go': 'package r\n',
          'otel/go.mod': `module ${R}/v85/otel\n\ngo 1.19\n`,
          'otel/o.go': 'package otel\n'
        },
        tags: ['v85.0.0']
      }
    ]);
    const { report } = await checkJson(repo, '--tag', 'otel/v85.0.0');
    expect(report.findings.map(f => [f.rule, f.file, /write "module ([^"]+)"/.exec(f.message)?.[1]])).toEqual(
      [['module-path-major', 'otel/go.mod', `${R}/otel/v85`]]
    );
  });

  test('two findings on one go.mod suggest one path', async () => {
    const dir = makeRepo([
      { files: { ...v1.files, 'x/go.mod': `module ${R}/y\n\ngo 1.19\n`, 'x/x.go': 'package x\n' } }
    ]);
    const { report } = await checkJson(dir, '--tag', 'x/v2.0.0');
    expect(suggestions(report.findings)).toEqual([
      ['module-location', `${R}/x/v2`],
      ['module-path-major', `${R}/x/v2`]
    ]);
    expect(report.findings[1].fix).toEqual({ replacement: `${R}/x/v2` });
  });
});

describe('module-renamed: a nested module that follows the major bump of the module it extends', () => {
  test('R/v2/example -> R/v3/example with the root R/v2 -> R/v3 is no rename; its stale own import is', async () => {
    const tree = (major: string, exampleImport: string) => ({
      files: {
        'go.mod': `module ${R}/${major}\n\ngo 1.19\n`,
        'r.go': 'package r\n\n// Name is the name.\nconst Name = "r"\n',
        'example/go.mod': `module ${R}/${major}/example\n\ngo 1.19\n`,
        'example/main.go': `package main\n\nimport _ "${exampleImport}"\n\nfunc main() {}\n`,
        'example/sub/sub.go': 'package sub\n'
      }
    });
    const dir = makeRepo([{ ...tree('v2', `${R}/v2/example/sub`), tags: ['v2.0.0'] }]);
    git(dir, 'checkout', '-q', '-b', 'v3');
    commitTree(dir, tree('v3', `${R}/v2/example/sub`));
    const { report } = await checkJson(dir, '--base', 'main');
    const found = report.findings.filter(f => ['module-renamed', 'stale-self-import'].includes(f.rule));
    expect(brief(found)).toEqual([['stale-self-import', 'error', 'example/main.go', 3]]);
    expect(found[0].fix).toEqual({ replacement: `"${R}/v3/example/sub"` });
  });
});

describe('version-order names the module whose major is skipped', () => {
  test('a nested module bumped with the root: the message says which module and tag', async () => {
    const files = (major: string) => ({
      'go.mod': `module ${R}/v${major}\n\ngo 1.19\n`,
      'r.go': 'package r\n',
      'otel/go.mod': `module ${R}/otel/v${major}\n\ngo 1.19\n`,
      'otel/o.go': 'package otel\n'
    });
    const dir = makeRepo([{ files: files('5'), tags: ['v5.0.0', 'otel/v5.0.0', 'v6.0.0'] }]);
    git(dir, 'checkout', '-q', '-b', 'v7');
    commitTree(dir, { files: files('7') });
    const { report } = await checkJson(dir, '--base', 'main');
    const order = report.findings.filter(f => f.rule === 'version-order');
    expect(order.map(f => f.message)).toEqual([
      `otel/v7.0.0 skips a major of "${R}/otel/v7" (otel/go.mod): its highest release so far is otel/v5.x; release otel/v6.0.0 unless skipping is deliberate`
    ]);
  });
});

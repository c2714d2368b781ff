// `fix`: the import rewriter against gofmt, the go.mod edits, --dry-run patches that git applies,
// files that cannot be rewritten, references, exit codes and idempotence.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { unifiedDiff } from '../src/fix/diff.js';
import { applyLineEdits } from '../src/fix/edits.js';
import { rewriteGoFile, type GoFileResult } from '../src/fix/gofile.js';
import { planFix } from '../src/fix/plan.js';
import { checkJson, cli } from './helpers/cli.js';
import { describeWithGo } from './helpers/gotool.js';
import { git, makeRepo, tempDir, writeTree } from './helpers/repo.js';
import { seededInts } from './helpers/rng.js';

const enc = (s: string) => new TextEncoder().encode(s);
const dec = (b: Uint8Array) => new TextDecoder().decode(b);
const M = 'example.com/m';

/** example.com/m/... -> example.com/m/v2/... */
const toV2 = (p: string) =>
  (p === M || p.startsWith(`${M}/`)) && p !== `${M}/v2` && !p.startsWith(`${M}/v2/`)
    ? `${M}/v2${p.slice(M.length)}`
    : undefined;

function rewrite(src: string, f = toV2): string {
  const r = rewriteGoFile(enc(src), f);
  if (r.kind === 'unsafe') throw new Error(r.reason);
  return r.kind === 'changed' ? dec(r.data) : src;
}

/** The naive rewrite: every literal replaced in place, nothing else; gofmt then gives the expected file. */
function naive(src: string): string {
  return src.replace(/(["`])example\.com\/m(\/[^"`]*)?\1/g, (m, _q, rest: string | undefined) => {
    const to = toV2(M + (rest ?? ''));
    return to === undefined ? m : `"${to}"`;
  });
}

const gofmtPresent = spawnSync('gofmt', [], { input: '', encoding: 'utf8' }).status === 0;
const describeWithGofmt = gofmtPresent ? describe : describe.skip;

/** gofmt over many sources at once: one process formats a directory. */
function gofmtAll(sources: string[]): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'gmg-gofmt-'));
  sources.forEach((s, i) => writeFileSync(join(dir, `f${i}.go`), s));
  const r = spawnSync('gofmt', ['-w', dir], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`gofmt: ${r.stderr}`);
  return sources.map((_, i) => readFileSync(join(dir, `f${i}.go`), 'utf8'));
}

function gofmtUnclean(sources: string[]): number[] {
  const dir = mkdtempSync(join(tmpdir(), 'gmg-gofmt-'));
  sources.forEach((s, i) => writeFileSync(join(dir, `f${i}.go`), s));
  const r = spawnSync('gofmt', ['-l', dir], { encoding: 'utf8' });
  return r.stdout
    .split('\n')
    .filter(Boolean)
    .map(f => Number(/f(\d+)\.go$/.exec(f)?.[1]));
}

describe('rewriteGoFile', () => {
  test('every form: plain, named, dot, blank, raw, single and grouped declarations', () => {
    const src = [
      'package a',
      '',
      `import "${M}/zz" // c1`,
      'import "a"  // c2',
      '',
      'import (',
      '\t"os"     // x',
      `\tb "${M}/fmt" // yyy`,
      '\t// own',
      '\t"bytes"',
      `\t. "${M}/dot"`,
      `\t_ \`${M}/raw\` // raw`,
      '\t"errors" // z',
      ')',
      '',
      'func main() {}',
      ''
    ].join('\n');
    expect(rewrite(src)).toBe(
      [
        'package a',
        '',
        `import "${M}/v2/zz" // c1`,
        'import "a"                   // c2',
        '',
        'import (',
        `\tb "${M}/v2/fmt" // yyy`,
        '\t"os"                     // x',
        '\t// own',
        '\t"bytes"',
        '\t"errors" // z',
        `\t. "${M}/v2/dot"`,
        `\t_ "${M}/v2/raw" // raw`,
        ')',
        '',
        'func main() {}',
        ''
      ].join('\n')
    );
  });

  test('the body after the header is kept byte for byte, even when it is not UTF-8', () => {
    const head = enc(`package a\n\nimport "${M}/x"\n\nvar s = "`);
    const tail = Uint8Array.from([0xff, 0xfe, 0x22, 0x0a]);
    const data = new Uint8Array([...head, ...tail]);
    const r = rewriteGoFile(data, toV2);
    expect(r.kind).toBe('changed');
    const out = (r as Extract<GoFileResult, { kind: 'changed' }>).data;
    expect([...out.subarray(out.length - 4)]).toEqual([...tail]);
    expect(dec(out)).toContain(`import "${M}/v2/x"`);
  });

  test('nothing to rewrite: unchanged, and a second rewrite is a no-op', () => {
    const src = `package a\n\nimport (\n\t"fmt"\n\t"${M}/v2/x"\n)\n`;
    expect(rewriteGoFile(enc(src), toV2).kind).toBe('unchanged');
  });

  test('a header the scanner cannot read is unsafe, with its position', () => {
    const r = rewriteGoFile(enc(`package a\n\nimport (\n\t"${M}/x"\n/* unterminated\n`), toV2);
    expect(r.kind).toBe('unsafe');
    expect(r).toMatchObject({ line: expect.any(Number), reason: expect.stringMatching(/import header/) });
  });

  test('a group that needs sorting but holds two imports on one line is unsafe', () => {
    const r = rewriteGoFile(enc(`package a\n\nimport (\n\t"${M}/x"; "example.com/l"\n)\n`), toV2);
    expect(r).toMatchObject({ kind: 'unsafe', reason: expect.stringMatching(/one import per line/) });
  });

  test('the same package imported twice after the rewrite: gofmt drops the plain duplicate in a run', () => {
    const src = `package a\n\nimport (\n\t"${M}/v2/x"\n\t"${M}/x"\n)\n`;
    expect(rewrite(src)).toBe(`package a\n\nimport (\n\t"${M}/v2/x"\n)\n`);
  });

  test('a commented import followed directly by code is left to a person (gofmt aligns the two)', () => {
    const src = `package a\n\nimport "${M}/x" // c\nfunc F() {}\n`;
    expect(rewriteGoFile(enc(src), toV2)).toMatchObject({
      kind: 'unsafe',
      reason: expect.stringMatching(/followed directly by code/)
    });
  });

  test('a duplicate in another declaration is left to a person', () => {
    const src = `package a\n\nimport "${M}/v2/x"\n\nimport "${M}/x"\n`;
    expect(rewriteGoFile(enc(src), toV2)).toMatchObject({
      kind: 'unsafe',
      reason: expect.stringMatching(/twice/)
    });
  });
});

describeWithGofmt('rewriteGoFile against gofmt (gofmt of the naive rewrite is the expected output)', () => {
  // A hand-made generator with a fixed seed: import headers with groups, comments, every form.
  const rng = seededInts;
  const STD = [
    'fmt',
    'os',
    'bytes',
    'errors',
    'sort',
    'strings',
    'io',
    'net/http',
    'example.com/mz',
    'example.com/l'
  ];
  const SELF = ['', '/a', '/b', '/zz', '/a/b', '/internal/x', '/v2/old', '/w'];
  function header(r: (n: number) => number): string {
    const out = ['package p', ''];
    const decls = 1 + r(3);
    for (let d = 0; d < decls; d++) {
      const spec = () => {
        const self = r(2) === 0;
        const path = self ? M + SELF[r(SELF.length)] : STD[r(STD.length)];
        const quote = self && r(4) === 0 ? '`' : '"';
        const name = ['', '', '', '_ ', '. ', 'nm ', 'x2 '][r(7)];
        const comment = ['', '', '', ' // c', ' // a longer comment', ' /* b */'][r(6)];
        return `${name}${quote}${path}${quote}${comment}`;
      };
      if (r(4) === 0) {
        out.push(`import ${spec()}`);
        continue;
      }
      out.push('import (');
      const n = 1 + r(8);
      for (let i = 0; i < n; i++) {
        const k = r(10);
        if (k === 0) out.push('');
        else if (k === 1) out.push('\t// own line comment');
        out.push(`\t${spec()}`);
      }
      out.push(')');
      out.push('');
    }
    // Code right after a commented single import would share its alignment: a case refused (tested above).
    out.push('', 'func F() {}', '');
    return out.join('\n');
  }

  test('300 generated headers: same bytes as gofmt, and gofmt -l is clean', () => {
    const r = rng(20240601);
    // The originals are gofmt-clean except for raw self-import literals, which gofmt would turn into
    // interpreted strings (the rewrite does that too for the literals it changes).
    // gofmt twice: after it drops a duplicate import, one pass can leave comments unaligned.
    const originals = gofmtAll(gofmtAll(Array.from({ length: 300 }, () => header(r)))).map(s =>
      s.replace(/^(\t(?:[\w.]+ )?)"(example\.com\/m(?:\/[^"]*)?)"/gm, (m, pre: string, p: string) =>
        r(4) === 0 && toV2(p) !== undefined ? `${pre}\`${p}\`` : m
      )
    );
    const results = originals.map(s => rewriteGoFile(enc(s), toV2));
    const expected = gofmtAll(originals.map(naive));
    const actual = results.map((res, i) => {
      if (res.kind === 'unsafe') throw new Error(`unsafe: ${res.reason}\n${originals[i]}`);
      return res.kind === 'changed' ? dec(res.data) : originals[i];
    });
    // A duplicate across declarations is refused (unsafe) above; gofmt would keep it and the file would not compile.
    for (let i = 0; i < actual.length; i++) expect({ i, src: actual[i] }).toEqual({ i, src: expected[i] });
    expect(gofmtUnclean(actual)).toEqual([]);
    // Idempotent.
    expect(actual.filter(s => rewriteGoFile(enc(s), toV2).kind !== 'unchanged')).toEqual([]);
  });
});

describe('diff and line edits', () => {
  test('unifiedDiff: hunks with context, and nothing for equal texts', () => {
    const a = Array.from({ length: 20 }, (_, i) => `line ${i}`).join('\n') + '\n';
    const b = a.replace('line 2\n', 'line two\n').replace('line 17\n', '');
    const d = unifiedDiff('x/y.txt', a, b);
    expect(d).toContain('diff --git a/x/y.txt b/x/y.txt\n--- a/x/y.txt\n+++ b/x/y.txt\n@@ -1,6 +1,6 @@\n');
    expect(d).toContain('-line 2\n+line two\n');
    expect(d).toContain('@@ -15,6 +15,5 @@\n');
    expect(unifiedDiff('f', a, a)).toBe('');
  });

  test('unifiedDiff marks a last line without newline', () => {
    expect(unifiedDiff('f', 'a\nb', 'a\nc')).toBe(
      'diff --git a/f b/f\n--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n'
    );
  });

  test('applyLineEdits: code-point columns; out of range gives undefined', () => {
    expect(applyLineEdits('é x/old y\n', [{ line: 1, column: 3, endColumn: 8, corrected: 'x/new' }])).toBe(
      'é x/new y\n'
    );
    expect(applyLineEdits('a\n', [{ line: 5, column: 1, endColumn: 2, corrected: 'b' }])).toBeUndefined();
  });
});

describe('planFix: go.mod', () => {
  const files = (goMod: string, go: Record<string, string> = {}) => ({
    goMods: new Map([['go.mod', enc(goMod)]]),
    goFiles: new Map(Object.entries(go).map(([k, v]) => [k, enc(v)]))
  });

  test('module line, and self-requirement leftovers removed with their block and replace', () => {
    const plan = planFix({
      ...files(
        `module ${M}\n\ngo 1.19\n\nrequire (\n\t${M}/v2 v2.0.0 // indirect\n)\n\nrequire example.com/other v1.0.0\n\nreplace ${M}/v2 => ./\n`,
        { 'a.go': `package a\n\nimport "${M}/b"\n` }
      ),
      moduleDir: '.',
      major: 2
    });
    expect(plan.from).toBe(M);
    expect(plan.to).toBe(`${M}/v2`);
    const goMod = plan.changes.find(c => c.file === 'go.mod');
    expect(dec(goMod!.after)).toBe(`module ${M}/v2\n\ngo 1.19\n\nrequire example.com/other v1.0.0\n`);
    expect(plan.notes.join('\n')).toMatch(
      /removed require example\.com\/m\/v2 v2\.0\.0: a module cannot require itself/
    );
    expect(plan.notes.join('\n')).toMatch(
      /removed replace example\.com\/m\/v2 => \.\/: the main module cannot be replaced/
    );
  });

  test('a block whose every line goes goes too; an empty block the file had stays', () => {
    const plan = planFix({
      ...files(
        `module ${M}\n\ngo 1.19\n\nexclude (\n)\n\nretract (\n\tv1.0.1\n\tv1.0.2 // oops\n)\n\nrequire (\n\t${M}/v2 v2.0.0\n\t${M}/v3 v3.0.0\n)\n\nrequire (\n\t${M}/v4 v4.0.0\n\texample.com/other v1.0.0\n)\n`,
        { 'a.go': 'package a\n' }
      ),
      moduleDir: '.',
      major: 2
    });
    const goMod = plan.changes.find(c => c.file === 'go.mod');
    expect(dec(goMod!.after)).toBe(
      `module ${M}/v2\n\ngo 1.19\n\nexclude (\n)\n\nrequire (\n\texample.com/other v1.0.0\n)\n`
    );
  });

  test('an emptied block goes in a go.mod with CRLF line ends too', () => {
    const plan = planFix({
      ...files(`module ${M}\r\n\r\ngo 1.19\r\n\r\nretract (\r\n\tv1.0.1\r\n\tv1.0.2\r\n)\r\n`, {
        'a.go': 'package a\n'
      }),
      moduleDir: '.',
      major: 2
    });
    const after = dec(plan.changes.find(c => c.file === 'go.mod')!.after);
    expect(after).not.toContain('retract');
    expect(after.startsWith(`module ${M}/v2\r\n\r\ngo 1.19\r\n`)).toBe(true);
  });

  test('a require of the old major that nothing imports any more goes; quoted module paths stay quoted', () => {
    const plan = planFix({
      ...files(`module "${M}/v2"\n\ngo 1.19\n\nrequire ${M} v1.5.0\n`, {
        'a.go': `package a\n\nimport "${M}/b"\n`
      }),
      moduleDir: '.',
      major: 3
    });
    expect(dec(plan.changes.find(c => c.file === 'go.mod')!.after)).toBe(`module "${M}/v3"\n\ngo 1.19\n`);
    expect(dec(plan.changes.find(c => c.file === 'a.go')!.after)).toBe(`package a\n\nimport "${M}/v3/b"\n`);
  });

  test('major subdirectory layout: imports owned by the v1 module of the repository are kept, and so is its require', () => {
    const plan = planFix({
      goMods: new Map([
        ['go.mod', enc(`module ${M}\n\ngo 1.19\n`)],
        ['v2/go.mod', enc(`module ${M}/v2\n\ngo 1.19\n\nrequire ${M} v1.5.0\n`)]
      ]),
      goFiles: new Map([['v2/a.go', enc(`package a\n\nimport "${M}/b"\n`)]]),
      moduleDir: 'v2',
      major: 2
    });
    expect(plan.changes).toEqual([]);
    expect(plan.notes.join('\n')).toMatch(
      /kept require example\.com\/m v1\.5\.0: still imported by v2\/a\.go/
    );
  });

  test('--major 1 goes back to the unsuffixed path; gopkg.in keeps its .vN form', () => {
    const back = planFix({
      ...files(`module ${M}/v2\n`, { 'a.go': `package a\nimport "${M}/v2/b"\n` }),
      moduleDir: '.',
      major: 1
    });
    expect(back.to).toBe(M);
    expect(dec(back.changes.find(c => c.file === 'a.go')!.after)).toBe(`package a\nimport "${M}/b"\n`);
    const yaml = planFix({
      ...files('module gopkg.in/yaml.v2\n', { 'a.go': 'package a\nimport "gopkg.in/yaml.v2/x"\n' }),
      moduleDir: '.',
      major: 3
    });
    expect(yaml.to).toBe('gopkg.in/yaml.v3');
    expect(dec(yaml.changes.find(c => c.file === 'a.go')!.after)).toBe(
      'package a\nimport "gopkg.in/yaml.v3/x"\n'
    );
  });

  test('a go.mod that does not parse is listed and nothing is changed', () => {
    const plan = planFix({
      ...files(`module ${M}\nrequire (\n`, { 'a.go': `package a\nimport "${M}/b"\n` }),
      moduleDir: '.',
      major: 2
    });
    expect(plan.changes).toEqual([]);
    expect(plan.unsafe).toEqual([
      expect.objectContaining({ file: 'go.mod', reason: expect.stringMatching(/does not parse/) })
    ]);
  });

  test('references in docs, .proto and //go:generate lines are rewritten with the imports', () => {
    const plan = planFix({
      ...files(`module ${M}\n`, {
        'a.go': `//go:generate go run ${M}/cmd/gen\n\npackage a\n\nimport "${M}/b"\n`
      }),
      referenceFiles: new Map([
        ['README.md', enc(`# m\n\n    go get ${M}/cmd/tool@latest\n\nSee github for ${M}.\n`)],
        ['api/a.proto', enc(`syntax = "proto3";\noption go_package = "${M}/api;api";\n`)],
        ['a.go', enc(`//go:generate go run ${M}/cmd/gen\n\npackage a\n\nimport "${M}/b"\n`)]
      ]),
      moduleDir: '.',
      major: 2
    });
    const after = (f: string) => dec(plan.changes.find(c => c.file === f)!.after);
    expect(after('README.md')).toBe(`# m\n\n    go get ${M}/v2/cmd/tool@latest\n\nSee github for ${M}.\n`);
    expect(after('api/a.proto')).toBe(`syntax = "proto3";\noption go_package = "${M}/v2/api;api";\n`);
    expect(after('a.go')).toBe(`//go:generate go run ${M}/v2/cmd/gen\n\npackage a\n\nimport "${M}/v2/b"\n`);
    expect(plan.changes.find(c => c.file === 'a.go')!.before).toEqual(
      enc(`//go:generate go run ${M}/cmd/gen\n\npackage a\n\nimport "${M}/b"\n`)
    );
  });
});

describe('go-major-gate fix (CLI)', () => {
  const tree = {
    'go.mod': `module ${M}\n\ngo 1.19\n`,
    'a.go': `package a\n\nimport (\n\t"fmt"\n\n\t"${M}/b"\n\tz "${M}/c" // the c package\n\t"${M}/zz" // zz\n)\n\nvar _ = fmt.Sprint(b.B, z.C, zz.Z)\n`,
    'b/b.go': 'package b\n\nconst B = 1\n',
    'c/c.go': 'package c\n\nconst C = 1\n',
    'zz/zz.go': 'package zz\n\nconst Z = 1\n',
    'README.md': `Install: \`go install ${M}/cmd@latest\`\n`
  };

  test.each([
    [['fix'], /fix needs --major N/],
    [['fix', '--major', '0'], /--major must be a whole number >= 1/],
    [['fix', '--major', 'two'], /--major must be a whole number >= 1/],
    [['fix', '--major', '2', 'a', 'b'], /expected at most one directory/],
    [['fix', '--major', '2', '--frob'], /Unknown option '--frob'/]
  ])('usage error %j', async (argv, message) => {
    const run = await cli(...argv);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });

  test('--module naming no module is a usage error that lists the modules', async () => {
    const dir = makeRepo([{ files: tree }]);
    const run = await cli('fix', dir, '--major', '2', '--module', 'nope');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/there is no module in nope\/; use --module with one of: \./);
  });

  test('--dry-run prints a patch that git apply accepts and writes nothing; then fix does the same', async () => {
    const dir = makeRepo([{ files: tree, tags: ['v1.0.0'] }]);
    const twin = makeRepo([{ files: tree, tags: ['v1.0.0'] }]);
    const dry = await cli('fix', dir, '--major', '2', '--dry-run');
    expect(dry.code).toBe(0);
    expect(git(dir, 'status', '--porcelain')).toBe('');
    expect(dry.stdout).toMatch(/^diff --git a\/README.md b\/README.md\n/);
    expect(dry.stderr).toMatch(/would rewrite 3 files \(dry run: nothing written\)/);
    const patch = join(tempDir(), 'fix.patch');
    writeFileSync(patch, dry.stdout);
    expect(() => git(twin, 'apply', '--check', patch)).not.toThrow();
    git(twin, 'apply', patch);

    const run = await cli('fix', dir, '--major', '2');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/module example\.com\/m -> example\.com\/m\/v2 \(\.\)/);
    expect(run.stdout).toMatch(/rewrote 3 files/);
    // The patch printed by --dry-run is exactly what fix did.
    for (const f of Object.keys(tree))
      expect(readFileSync(join(twin, f), 'utf8')).toBe(readFileSync(join(dir, f), 'utf8'));
    expect(readFileSync(join(dir, 'a.go'), 'utf8')).toBe(
      `package a\n\nimport (\n\t"fmt"\n\n\t"${M}/v2/b"\n\tz "${M}/v2/c" // the c package\n\t"${M}/v2/zz"  // zz\n)\n\nvar _ = fmt.Sprint(b.B, z.C, zz.Z)\n`
    );
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toBe(`Install: \`go install ${M}/v2/cmd@latest\`\n`);
    const { report } = await checkJson(dir, '--version', 'v2.0.0');
    expect(report.findings.filter(f => f.severity === 'error')).toEqual([]);
    expect(
      report.findings.filter(f => f.rule === 'stale-reference' || f.rule === 'stale-self-import')
    ).toEqual([]);

    const again = await cli('fix', dir, '--major', '2');
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/already at major 2/);
    expect(again.stdout).toMatch(/nothing to do/);
    const againDry = await cli('fix', dir, '--major', '2', '--dry-run');
    expect(againDry.stdout).toBe('');
  });

  test('a file the scanner cannot read is listed, left untouched, and the exit code is 1', async () => {
    const broken = `package a\n\nimport (\n\t"${M}/b"\n/* never closed\n`;
    const dir = makeRepo([{ files: { ...tree, 'broken.go': broken } }]);
    const run = await cli('fix', dir, '--major', '2');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /not rewritten \(1 file; left as they are\):\n {2}broken\.go:\d+:\d+: the import header could not be read/
    );
    expect(readFileSync(join(dir, 'broken.go'), 'utf8')).toBe(broken);
    // The other files are done.
    expect(readFileSync(join(dir, 'go.mod'), 'utf8')).toBe(`module ${M}/v2\n\ngo 1.19\n`);
  });

  test('works outside git too (a plain directory)', async () => {
    const dir = tempDir();
    writeTree(dir, tree);
    mkdirSync(join(dir, 'testdata'));
    writeFileSync(join(dir, 'testdata', 'x.go'), `package x\n\nimport "${M}/b"\n`);
    const run = await cli('fix', dir, '--major', '2');
    expect(run.code).toBe(0);
    expect(readFileSync(join(dir, 'go.mod'), 'utf8')).toBe(`module ${M}/v2\n\ngo 1.19\n`);
    // testdata is not part of the module.
    expect(readFileSync(join(dir, 'testdata', 'x.go'), 'utf8')).toBe(`package x\n\nimport "${M}/b"\n`);
  });
});

describeWithGo('fix then gofmt (small module)', () => {
  test('a nested module of the repository sorts between the old and the new path: the group is re-sorted, gofmt -l stays clean', async () => {
    const dir = tempDir();
    git(dir, 'init', '-q', '-b', 'main');
    writeTree(dir, {
      'go.mod': `module ${M}\n\ngo 1.19\n`,
      'a.go': `package a\n\nimport (\n\t"${M}/b"\n\t"${M}/tools/t" // tools\n\t"os" // os\n)\n\nvar _, _, _ = b.B, t.T, os.Args\n`,
      'b/b.go': 'package b\n\nconst B = 1\n',
      'tools/go.mod': `module ${M}/tools\n\ngo 1.19\n`,
      'tools/t/t.go': 'package t\n\nconst T = 1\n'
    });
    expect(spawnSync('gofmt', ['-w', '.'], { cwd: dir }).status).toBe(0);
    expect((await cli('fix', dir, '--major', '2')).code).toBe(0);
    expect(spawnSync('gofmt', ['-l', '.'], { cwd: dir, encoding: 'utf8' }).stdout).toBe('');
    expect(readFileSync(join(dir, 'a.go'), 'utf8')).toBe(
      `package a\n\nimport (\n\t"${M}/tools/t" // tools\n\t"${M}/v2/b"\n\t"os" // os\n)\n\nvar _, _, _ = b.B, t.T, os.Args\n`
    );
  });
});

describe('fix: retractions of the old major', () => {
  test('are removed, so that check finds no retract-major-mismatch afterwards', async () => {
    const { makeRepo: make } = await import('./helpers/repo.js');
    const { cli: run, checkJson: check } = await import('./helpers/cli.js');
    const dir = make([], {
      files: {
        'go.mod':
          'module example.com/m\n\ngo 1.19\n\nretract v1.0.1 // published by mistake\n\nretract (\n\t[v1.1.0, v1.1.3]\n)\n',
        'm.go': 'package m\n'
      }
    });
    const fixed = await run('fix', dir, '--major', '2');
    expect(fixed.code).toBe(0);
    expect(fixed.stdout).toContain('removed retract v1.0.1');
    expect(fixed.stdout).toContain('removed retract [v1.1.0, v1.1.3]');
    const after = await check(dir, '--version', 'v2.0.0');
    expect(after.report.findings.filter(f => f.severity === 'error')).toEqual([]);
  });
});

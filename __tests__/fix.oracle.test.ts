// `fix` round trips on generated modules, with the Go toolchain as the oracle: after `fix --major 2`
// (and then `--major 3`) gofmt -l prints nothing, go vet and go build pass offline, `check` finds no
// error, and a second fix changes nothing. The modules import only std and themselves.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@jest/globals';
import { checkJson, cli } from './helpers/cli.js';
import { describeWithGo, runGo } from './helpers/gotool.js';
import { commitTree, git, tempDir, writeTree } from './helpers/repo.js';
import { seededInts } from './helpers/rng.js';

const MODULE = 'example.com/gen';
const SEEDS = [7, 1919, 424242];

const rng = seededInts;

const STD: Array<[string, string, string]> = [
  // path, package name, a use
  ['fmt', 'fmt', 'fmt.Sprint'],
  ['strings', 'strings', 'strings.ToUpper'],
  ['os', 'os', 'os.Getenv'],
  ['errors', 'errors', 'errors.New'],
  ['sort', 'sort', 'sort.Strings'],
  ['bytes', 'bytes', 'bytes.NewBuffer'],
  ['path/filepath', 'filepath', 'filepath.Join'],
  ['unicode/utf8', 'utf8', 'utf8.RuneLen']
];

interface Pkg {
  dir: string;
  name: string;
  index: number;
}

/**
 * A v1 module: packages at various depths (package i imports only packages below i), a root package,
 * a command, internal and external _test.go files; imports in every form (plain, named, dot, blank,
 * raw strings), grouped and single, with std imports around them, blank-line groups, comment lines
 * and trailing comments.
 */
function generate(seed: number, path: string): Record<string, string> {
  const r = rng(seed);
  const dirs = ['a', 'b/c', 'internal/d', 'e', 'x/y/z', 'util', 'v', 'w2'];
  const count = 4 + r(4);
  const pkgs: Pkg[] = Array.from({ length: count }, (_, i) => {
    const dir = dirs[i];
    return { dir, name: dir.split('/').pop() as string, index: i };
  });
  const files: Record<string, string> = { 'go.mod': `module ${path}\n\ngo 1.19\n` };

  const importSection = (
    self: Pkg[],
    extraStd: string[] = [],
    everyForm = false
  ): { header: string; uses: string[] } => {
    const specs: { line: string; use?: string }[] = [];
    for (const p of self) {
      const full = `${path}/${p.dir}`;
      const form = everyForm ? p.index % 5 : r(6);
      const name = `N${p.index}`;
      if (form === 0) specs.push({ line: `al${p.index} "${full}"`, use: `al${p.index}.${name}` });
      else if (form === 1) specs.push({ line: `. "${full}"`, use: name });
      else if (form === 2) specs.push({ line: `_ "${full}"` });
      else if (form === 3) specs.push({ line: `\`${full}\``, use: `${p.name}.${name}` });
      else specs.push({ line: `"${full}"`, use: `${p.name}.${name}` });
    }
    const std = STD.filter(() => r(2) === 0);
    for (const [p, , use] of std) specs.push({ line: `"${p}"`, use });
    for (const p of extraStd) specs.push({ line: `"${p}"` });
    for (const s of specs) if (r(4) === 0) s.line += r(2) === 0 ? ' // why' : ' // a longer reason';
    // Shuffle, then lay out as single declarations or groups with blank lines and comment lines.
    for (let i = specs.length - 1; i > 0; i--) {
      const j = r(i + 1);
      [specs[i], specs[j]] = [specs[j], specs[i]];
    }
    const out: string[] = [];
    let i = 0;
    while (i < specs.length) {
      if (r(5) === 0) {
        out.push(`import ${specs[i++].line}`);
        continue;
      }
      out.push('import (');
      const n = 1 + r(6);
      for (let k = 0; k < n && i < specs.length; k++) {
        const c = r(8);
        if (c === 0 && k > 0) out.push('');
        if (c === 1) out.push('\t// a comment line');
        out.push(`\t${specs[i++].line}`);
      }
      out.push(')');
    }
    return { header: out.join('\n'), uses: specs.flatMap(s => (s.use ? [s.use] : [])) };
  };
  const body = (uses: string[]) => uses.map(u => `var _ = ${u}`).join('\n');
  const pick = (below: number) => pkgs.filter(p => p.index < below && r(2) === 0);

  for (const p of pkgs) {
    files[`${p.dir}/${p.name}.go`] =
      `// Package ${p.name} is generated.\npackage ${p.name}\n\n// N${p.index} is a name.\nconst N${p.index} = "${p.name}"\n`;
    const extra = importSection(pick(p.index));
    files[`${p.dir}/extra.go`] = `package ${p.name}\n\n${extra.header}\n\n${body(extra.uses)}\n`;
    const internal = importSection(pick(p.index), ['testing']);
    files[`${p.dir}/${p.name}_test.go`] =
      `package ${p.name}\n\n${internal.header}\n\n${body(internal.uses)}\n\nfunc TestN(t *testing.T) { _ = t }\n`;
    const external = importSection([p, ...pick(p.index)], ['testing']);
    files[`${p.dir}/ext_test.go`] =
      `package ${p.name}_test\n\n${external.header}\n\n${body(external.uses)}\n\nfunc TestExt(t *testing.T) { _ = t }\n`;
  }
  const root = importSection(pkgs, [], true);
  files['gen.go'] = `// Package gen is generated.\npackage gen\n\n${root.header}\n\n${body(root.uses)}\n`;
  const main = importSection(pick(count), ['flag']);
  files['cmd/tool/main.go'] =
    `package main\n\n${main.header}\n\n${body(main.uses)}\n\nfunc main() { flag.Parse() }\n`;
  return files;
}

/** gofmt -w, then put back raw string literals for some self-imports (gofmt would make them interpreted). */
function gofmtKeepRaw(dir: string, files: Record<string, string>): void {
  expect(spawnSync('gofmt', ['-w', '.'], { cwd: dir }).status).toBe(0);
  const r = rng(99);
  for (const f of Object.keys(files)) {
    if (!f.endsWith('.go')) continue;
    const text = readFileSync(join(dir, f), 'utf8');
    files[f] = text.replace(/^(\t(?:[\w.]+ )?)"(example\.com\/gen\/[^"]*)"/gm, (m, pre: string, p: string) =>
      r(3) === 0 ? `${pre}\`${p}\`` : m
    );
  }
}

function expectGoClean(dir: string): void {
  expect(spawnSync('gofmt', ['-l', '.'], { cwd: dir, encoding: 'utf8' }).stdout).toBe('');
  const vet = runGo(['vet', './...'], dir);
  expect(vet.stderr).toBe('');
  expect(vet.status).toBe(0);
  const build = runGo(['build', './...'], dir);
  expect(build.stderr).toBe('');
  expect(build.status).toBe(0);
}

async function expectFixedTo(dir: string, major: number, path: string): Promise<void> {
  expect(readFileSync(join(dir, 'go.mod'), 'utf8')).toMatch(
    new RegExp(`^module ${path.replace(/\./g, '\\.')}\n`)
  );
  expectGoClean(dir);
  const { report } = await checkJson(dir, '--version', `v${major}.0.0`);
  expect(report.findings.filter(f => f.severity === 'error')).toEqual([]);
  expect(
    report.findings.filter(f => f.rule === 'stale-self-import' || f.rule === 'self-requirement')
  ).toEqual([]);
  // Idempotent: a second run changes nothing.
  const before = git(dir, 'diff');
  const again = await cli('fix', dir, '--major', String(major));
  expect(again.code).toBe(0);
  expect(again.stdout).toMatch(/nothing to do/);
  expect(git(dir, 'diff')).toBe(before);
}

describeWithGo('fix round trips on generated modules (go toolchain oracle)', () => {
  test.each(SEEDS)('seed %d: v1 -> v2 -> v3', async seed => {
    const dir = tempDir();
    git(dir, 'init', '-q', '-b', 'main');
    const files = generate(seed, MODULE);
    writeTree(dir, files);
    gofmtKeepRaw(dir, files);
    expect(runGo(['build', './...'], dir).status).toBe(0);
    // Every form is there: raw, named, dot, blank; trailing comments and comment lines in groups.
    const all = Object.values(files).join('\n');
    for (const form of [
      /(?:\t|import )(?:[\w.]+ )?`example\.com\/gen\//,
      /(?:\t|import )al\d+ ["`]example\.com\/gen\//,
      /(?:\t|import )\. ["`]example\.com\/gen\//,
      /(?:\t|import )_ ["`]example\.com\/gen\//,
      /["`] +\/\/ why/,
      /\t\/\/ a comment line/
    ])
      expect(all).toMatch(form);
    commitTree(dir, { files, tags: ['v1.0.0'] }, 'v1');

    const run = await cli('fix', dir, '--major', '2');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const tracked = git(dir, 'diff', '--name-only').split('\n').filter(Boolean);
    // Every file with a self-import and go.mod changed; nothing else.
    const expected = Object.entries(files)
      .filter(
        ([f, text]) =>
          f === 'go.mod' ||
          (f.endsWith('.go') && /^\s*(?:import\s+)?(?:[\w.]+\s+)?["`]example\.com\/gen\//m.test(text))
      )
      .map(([f]) => f)
      .sort();
    expect(tracked.sort()).toEqual(expected);
    await expectFixedTo(dir, 2, `${MODULE}/v2`);

    // v2 -> v3, with a self-requirement leftover of v1 in go.mod.
    const v2 = Object.fromEntries(Object.keys(files).map(f => [f, readFileSync(join(dir, f), 'utf8')]));
    v2['go.mod'] += `\nrequire ${MODULE} v1.0.0\n`;
    commitTree(dir, { files: v2, tags: ['v2.0.0'] }, 'v2');
    const run3 = await cli('fix', dir, '--major', '3');
    expect(run3.code).toBe(0);
    expect(run3.stdout).toMatch(
      /removed require example\.com\/gen v1\.0\.0: another major of the module itself/
    );
    expect(readFileSync(join(dir, 'go.mod'), 'utf8')).toBe(`module ${MODULE}/v3\n\ngo 1.19\n`);
    await expectFixedTo(dir, 3, `${MODULE}/v3`);
  });
});

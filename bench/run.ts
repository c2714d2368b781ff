// Performance benchmark of the go-major-gate CLI (dist/cli.js) on two large generated repositories.
//
// What it measures, as whole processes (spawn to exit, wall clock, in ms):
//   check     node dist/cli.js check DIR --tag vN.1.0      (reads the working tree)
//   head      the same with --head HEAD                     (reads the tree from git objects)
//   no-api    the same with --disable breaking-change       (the difference is the API comparison)
//   cat       find DIR -name '*.go' | xargs cat >/dev/null  (the floor: every .go byte read once)
//   go list   go list -e -json ./... in every module, one after the other (offline, private cache)
// each the best of 3 runs after 1 warm-up (fewer timed runs once they pass 30 s: the monorepo's
// go list is 300 processes), on two git repositories generated from a fixed seed, so every run sees
// the same bytes (and the same commit ids), their objects packed as in a clone:
//   one   one module github.com/bench/one/v2: 500 packages x 20 files = 10,000 .go files, ~40 MB,
//         tags v1.0.0 and v2.0.0 (the whole tree), gated as v2.1.0: a function added to 20 packages,
//         so breaking-change compares those packages (about 2,750 declarations a side) with v2.0.0
//         (reading only the new files: nothing else changed); then the same release with a field
//         also added to a struct of each of those packages (so each is parsed whole); then, as a
//         pull request: a branch off v2.0.0 that moves the module to /v3 and rewrites
//         all 10,000 files' own imports, checked with --base v2.0.0 (with and without the API
//         comparison, which must find that no declaration changed);
//   mono  root module github.com/bench/mono/v3 plus 299 nested modules modNNN/ declaring
//         github.com/bench/mono/modNNN/v3 (which import a few root packages through a require and a
//         directory replace): 50,000 .go files, ~200 MB, tags v1.0.0 and v2.0.0, gated as v3.1.0.
//
// Why: the gate runs on every release and in CI, so it should cost about as much as reading the
// tree once (goal: check <= 2x cat), far less than asking the go command (goal: go list >= 10x
// check), and reading a ref instead of a checkout should not be much slower (goal: head <= 1.5x
// check). Goals are reported, not enforced: a missed goal still exits 0. Exit 1 means the check
// itself failed (a non-zero exit, or a conclusion other than "success" on these clean trees);
// exit 2 is a usage error.
//
// Usage: npm run bench [-- --quick] [-- --keep]
//   --quick  10x smaller trees (1,000 and 5,000 files, 30 modules): a smoke run of about a minute
//   --keep   keep the generated repositories (the path is printed) instead of deleting them
// The full run takes about 9 minutes on 2 CPUs. The last line is `BENCH_JSON {...}` with every
// timing and ratio, for copying into the README. Set TMPDIR to generate somewhere else.
//
// Node 20 has no --experimental-strip-types, so `npm run bench` compiles this file with the
// project's own tsc into .bench/ (git-ignored) and runs that. Needs git; without `go` on PATH the
// go list column reads n/a.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync
} from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

// ---------------------------------------------------------------------------------------------
// Configuration

export interface Sizes {
  /** .go files of the single-module tree. */
  oneFiles: number;
  /** Modules of the monorepo, the root one included. */
  monoModules: number;
  /** .go files of the monorepo. */
  monoFiles: number;
}

export const FULL: Sizes = { oneFiles: 10_000, monoModules: 300, monoFiles: 50_000 };
export const QUICK: Sizes = { oneFiles: 1_000, monoModules: 30, monoFiles: 5_000 };
const FILES_PER_PACKAGE = 20;
/** Packages the single module's minor release changes (each is compared in full by breaking-change). */
const CHANGED_PACKAGES = 20;
const WARMUPS = 1;
const RUNS = 3;
/** Stop repeating a measurement once its timed runs have taken this long (see bestOf). */
const RUN_BUDGET_MS = 30_000;
const SEED = 0x5eed_2024;

const GOALS = { checkOverCat: 2, goListOverCheck: 10, headOverWorktree: 1.5 };

/** The project root: bench/run.ts lives in bench/, its compiled form in .bench/. */
const PROJECT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(PROJECT, 'dist', 'cli.js');

// Fixed identity and dates so that commits (and their ids) are the same on every run, and no user
// or system git configuration (hooks, signing, templates) takes part.
const GIT_ENV: NodeJS.ProcessEnv = {
  ...process.env,
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_AUTHOR_NAME: 'Bench',
  GIT_AUTHOR_EMAIL: 'bench@example.com',
  GIT_COMMITTER_NAME: 'Bench',
  GIT_COMMITTER_EMAIL: 'bench@example.com',
  GIT_TERMINAL_PROMPT: '0'
};

// ---------------------------------------------------------------------------------------------
// Deterministic random numbers (mulberry32)

class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  chance(p: number): boolean {
    return this.next() < p;
  }
}

// ---------------------------------------------------------------------------------------------
// Go source generation

function words(list: string): string[] {
  return list.trim().split(/\s+/);
}

const NOUNS = words(`
  buffer client config cache index record stream token parser handler option entry value report batch
  queue state event result filter schema route session window ledger metric shard vector socket bucket
`);
const VERBS = words(`
  load store parse flush merge split apply build check close open reset scan sync track write read match render resolve
`);
const FIELD_TYPES = words(
  `string int int64 bool []string map[string]int float64 []byte uint32 time.Duration`
);
const FIELD_NOTES = [
  'set once, before the first call',
  'guarded by the owner',
  'zero means no limit',
  'in the order they arrived',
  'nil until the first write',
  'only read after a flush'
];

const cap = (s: string) => s[0].toUpperCase() + s.slice(1);
/** The third person singular of a verb: loads, flushes, applies. */
const says = (verb: string) =>
  /(s|sh|ch|x|z)$/.test(verb) ? `${verb}es` : verb.replace(/([^aeiou])y$/, '$1ie') + 's';

/** `text` as // comment lines of at most 78 columns. */
function comment(text: string): string[] {
  const lines: string[] = [];
  let line = '//';
  for (const word of text.split(' ')) {
    if (line.length + 1 + word.length > 78 && line !== '//') {
      lines.push(line);
      line = '//';
    }
    line += ` ${word}`;
  }
  return [...lines, line];
}

/** A doc comment: the summary sentence, then 1-3 sentences of detail. */
function doc(rng: Rng, summary: string): string[] {
  const noun = rng.pick(NOUNS);
  const details = [
    `Empty ${noun}s are skipped, and a ${noun} longer than limit counts only up to limit.`,
    `It is safe to call with a nil slice; the ${rng.pick(NOUNS)} is not retained after the call returns.`,
    `The result depends only on the input, so callers may cache it per ${noun}.`,
    `Callers that ${rng.pick(VERBS)} many ${noun}s at once should batch them first: each call walks the input once.`
  ];
  const text = [summary];
  for (let i = rng.int(1, 3); i > 0; i--) text.push(...details.splice(rng.int(0, details.length - 1), 1));
  return comment(text.join(' '));
}

/** Standard-library imports with an expression that uses each; fmt, strings and os come up most. */
const STD: readonly { path: string; use: string; weight: number }[] = [
  { path: 'fmt', use: 'fmt.Sprintf', weight: 6 },
  { path: 'strings', use: 'strings.TrimSpace', weight: 5 },
  { path: 'os', use: 'os.Getenv', weight: 4 },
  { path: 'errors', use: 'errors.New', weight: 3 },
  { path: 'sort', use: 'sort.Strings', weight: 2 },
  { path: 'strconv', use: 'strconv.Itoa', weight: 2 },
  { path: 'io', use: 'io.EOF', weight: 2 },
  { path: 'bytes', use: 'bytes.NewReader', weight: 1 },
  { path: 'time', use: 'time.Now', weight: 2 },
  { path: 'sync', use: 'sync.NewCond', weight: 1 },
  { path: 'context', use: 'context.Background', weight: 2 },
  { path: 'path/filepath', use: 'filepath.Join', weight: 1 },
  { path: 'encoding/json', use: 'json.Marshal', weight: 1 },
  { path: 'net/http', use: 'http.StatusOK', weight: 1 }
];
const STD_WEIGHT = STD.reduce((sum, s) => sum + s.weight, 0);

const LICENSE = [
  '// Copyright 2024 The Bench Authors. All rights reserved.',
  '// Use of this source code is governed by a BSD-style',
  '// license that can be found in the LICENSE file.',
  ''
];

interface GoImport {
  path: string;
  /** An explicit package name (used for the root module's packages in the monorepo). */
  alias?: string;
  /** An expression that keeps the import in use. */
  use: string;
  std: boolean;
}

interface FileSpec {
  modulePath: string;
  pkg: number;
  file: number;
  test: boolean;
  imports: GoImport[];
}

function pickStd(rng: Rng, count: number, taken: Set<string>): GoImport[] {
  const out: GoImport[] = [];
  while (out.length < count) {
    let r = rng.next() * STD_WEIGHT;
    const s = STD.find(x => (r -= x.weight) < 0) ?? STD[0];
    if (taken.has(s.path)) continue;
    taken.add(s.path);
    out.push({ path: s.path, use: s.use, std: true });
  }
  return out;
}

/** One Go file: license, doc comment, package clause, grouped imports, then declarations. */
function goFile(rng: Rng, spec: FileSpec): string {
  const pkgName = `p${spec.pkg}`;
  const lines: string[] = [...LICENSE];
  if (!spec.test && rng.chance(0.03)) lines.push('//go:build linux || darwin', '');
  const subject = `${rng.pick(NOUNS)} and ${rng.pick(NOUNS)}`;
  if (spec.file === 0) {
    lines.push(
      ...doc(rng, `Package ${pkgName} implements the ${subject} handling of ${spec.modulePath}.`),
      `package ${pkgName}`,
      ''
    );
  } else {
    lines.push(...comment(`This file holds the ${rng.pick(VERBS)} step of the ${subject} code.`), '');
    lines.push(`package ${pkgName}`, '');
  }

  const byPath = (a: GoImport, b: GoImport) => (a.path < b.path ? -1 : 1);
  const all = spec.test
    ? [{ path: 'testing', use: 'testing.Short', std: true }, ...spec.imports]
    : spec.imports;
  const std = all.filter(i => i.std).sort(byPath);
  const own = all.filter(i => !i.std).sort(byPath);
  const importSpec = (i: GoImport) => `\t${i.alias ? `${i.alias} ` : ''}"${i.path}"`;
  lines.push(
    'import (',
    ...std.map(importSpec),
    ...(own.length ? ['', ...own.map(importSpec)] : []),
    ')',
    ''
  );

  if (spec.file === 0 && !spec.test)
    lines.push(`// Name is the name of package ${pkgName}.`, `const Name = "${pkgName}"`, '');
  lines.push('// Every import is used.', 'var (', ...[...std, ...own].map(i => `\t_ = ${i.use}`), ')', '');

  // 30-150 lines of code (doc comments and blank lines come on top).
  const want = rng.int(30, 150);
  for (let n = spec.file * 100 + 1, code = 0; code < want; n++) {
    const kind = rng.int(0, 9);
    const decl =
      spec.test && kind < 5
        ? testFunc(rng, n)
        : kind < 2
          ? constBlock(rng, n)
          : kind < 4
            ? typeWithMethod(rng, n)
            : func(rng, n);
    code += decl.filter(line => line !== '' && !line.startsWith('//')).length;
    lines.push(...decl, '');
  }
  return lines.join('\n');
}

/** A const block with gofmt-aligned values. */
function constBlock(rng: Rng, n: number): string[] {
  const noun = rng.pick(NOUNS);
  const names = [...new Set(Array.from({ length: rng.int(3, 6) }, () => rng.pick(NOUNS)))].map(
    other => `max${cap(noun)}${cap(other)}${n}`
  );
  const width = Math.max(...names.map(name => name.length));
  return [
    ...comment(
      `Limits of the ${noun} ${rng.pick(VERBS)} path, per ${rng.pick(NOUNS)}; a limit of zero disables the check.`
    ),
    'const (',
    ...names.map(name => `\t${name.padEnd(width)} = ${rng.int(1, 4096)}`),
    ')'
  ];
}

/** A struct with gofmt-aligned, commented fields, and one method. */
function typeWithMethod(rng: Rng, n: number): string[] {
  const name = `${cap(rng.pick(NOUNS))}${cap(rng.pick(NOUNS))}${n}`;
  const fields = [...new Set(Array.from({ length: rng.int(3, 7) }, () => rng.pick(NOUNS)))].map(field => ({
    field,
    type: rng.pick(FIELD_TYPES),
    note: rng.pick(FIELD_NOTES)
  }));
  const nameWidth = Math.max(...fields.map(f => f.field.length));
  const typeWidth = Math.max(...fields.map(f => f.type.length));
  const verb = rng.pick(VERBS);
  return [
    ...doc(rng, `${name} holds the state of one ${rng.pick(NOUNS)} between two calls to ${cap(verb)}.`),
    `type ${name} struct {`,
    ...fields.map(f => `\t${f.field.padEnd(nameWidth)} ${f.type.padEnd(typeWidth)} // ${f.note}`),
    '}',
    '',
    ...doc(
      rng,
      `${cap(verb)} ${says(verb)} the ${rng.pick(NOUNS)}s of in into x and reports how many bytes it kept.`
    ),
    `func (x *${name}) ${cap(verb)}(in []string, limit int) (int, error) {`,
    ...body(rng),
    '}'
  ];
}

function func(rng: Rng, n: number): string[] {
  const name = `${rng.pick(VERBS)}${cap(rng.pick(NOUNS))}${n}`;
  return [
    ...doc(
      rng,
      `${name} ${says(rng.pick(VERBS))} every ${rng.pick(NOUNS)} of in and returns how many bytes it kept.`
    ),
    `func ${name}(in []string, limit int) (int, error) {`,
    ...body(rng),
    '}'
  ];
}

function testFunc(rng: Rng, n: number): string[] {
  const noun = rng.pick(NOUNS);
  const want = rng.int(2, 4);
  return [
    `func Test${cap(rng.pick(VERBS))}${cap(noun)}${n}(t *testing.T) {`,
    `\tin := []string{"${noun}", "", "${rng.pick(NOUNS)}"}`,
    `\tif len(in) != ${want} {`,
    `\t\tt.Fatalf("got %d ${noun}s, want %d", len(in), ${want})`,
    '\t}',
    '}'
  ];
}

/** A function body: a guard, a loop of 2-6 statements over the input, and the result. */
function body(rng: Rng): string[] {
  const noun = rng.pick(NOUNS);
  const out = ['\tif len(in) == 0 {', '\t\treturn 0, nil', '\t}', '\ttotal := 0', '\tfor i, s := range in {'];
  out.push(
    '\t\tif s == "" {',
    '\t\t\tcontinue',
    '\t\t}',
    `\t\ttotal += i * ${rng.int(2, 97)} // later ${noun}s weigh more`
  );
  for (let i = rng.int(1, 5); i > 0; i--) {
    const k = rng.int(2, 97);
    const statement = rng.pick([
      ['\t\tif limit > 0 && len(s) > limit {', '\t\t\ttotal -= len(s) - limit', '\t\t}'],
      [
        `\t\t${noun}${i} := s[:len(s)/2] // only the first half of a ${noun} is significant`,
        `\t\ttotal += len(${noun}${i})`
      ],
      [
        '\t\tswitch {',
        `\t\tcase len(s) > ${k}:`,
        `\t\t\ttotal += ${k}`,
        '\t\tdefault:',
        '\t\t\ttotal += len(s)',
        '\t\t}'
      ]
    ]);
    out.push(...statement);
  }
  out.push('\t}', '\treturn total, nil');
  return out;
}

// ---------------------------------------------------------------------------------------------
// Trees

interface Module {
  /** Directory relative to the repository root ('' for the root). */
  dir: string;
  path: string;
  files: number;
}

interface TreeInfo {
  name: string;
  dir: string;
  tag: string;
  modules: Module[];
  goFiles: number;
  goBytes: number;
  genMs: number;
}

/** Writes one module's packages. Packages import lower-numbered packages of the same module only. */
function writeModule(
  rng: Rng,
  root: string,
  module: Module,
  goMod: string,
  extraImports: (rng: Rng) => GoImport[]
): number {
  const moduleDir = join(root, module.dir);
  mkdirSync(moduleDir, { recursive: true });
  writeFileSync(join(moduleDir, 'go.mod'), goMod);
  let bytes = 0;
  const packages = Math.ceil(module.files / FILES_PER_PACKAGE);
  for (let pkg = 0; pkg < packages; pkg++) {
    const pkgDir = join(moduleDir, `p${pkg}`);
    mkdirSync(pkgDir);
    const count = Math.min(FILES_PER_PACKAGE, module.files - pkg * FILES_PER_PACKAGE);
    for (let file = 0; file < count; file++) {
      // The last two files of a package are its tests (they import "testing" besides).
      const test = file >= count - 2 && count > 2;
      const imports = chooseImports(rng, module.path, pkg, rng.int(3, 8) - (test ? 1 : 0), extraImports(rng));
      const name = `${rng.pick(NOUNS)}_${rng.pick(VERBS)}_${file}${test ? '_test' : ''}.go`;
      const text = goFile(rng, { modulePath: module.path, pkg, file, test, imports });
      writeFileSync(join(pkgDir, name), text);
      bytes += Buffer.byteLength(text);
    }
  }
  return bytes;
}

/**
 * `total` imports: the extra ones (root-module packages in the monorepo), then packages of the same
 * module with a lower number (mostly nearby ones, never the package itself, so no cycles), then at
 * least one standard-library package.
 */
function chooseImports(
  rng: Rng,
  modulePath: string,
  pkg: number,
  total: number,
  extra: GoImport[]
): GoImport[] {
  const imports: GoImport[] = [];
  const taken = new Set<string>();
  const add = (i: GoImport) => {
    if (taken.has(i.path)) return;
    taken.add(i.path);
    imports.push(i);
  };
  extra.forEach(add);
  const own = pkg === 0 ? 0 : Math.min(pkg, rng.int(1, Math.max(1, total - 2)));
  while (imports.length < own) {
    const other = pkg - 1 - Math.floor(rng.next() ** 2 * pkg);
    add({ path: `${modulePath}/p${other}`, use: `p${other}.Name`, std: false });
  }
  return [...imports, ...pickStd(rng, Math.max(1, total - imports.length), taken)];
}

function git(cwd: string, args: string[], env: NodeJS.ProcessEnv = {}): void {
  const r = spawnSync('git', args, { cwd, env: { ...GIT_ENV, ...env }, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')} failed in ${cwd}: ${r.stderr || r.error}`);
}

function commit(dir: string, message: string, date: string): void {
  git(dir, ['add', '-A']);
  git(dir, ['-c', 'gc.auto=0', 'commit', '-q', '--no-verify', '-m', message], {
    GIT_AUTHOR_DATE: date,
    GIT_COMMITTER_DATE: date
  });
}

/**
 * A repository whose history has the earlier majors' releases (v1.0.0 and v2.0.0 on small commits
 * whose go.mod declares the path of that major), then one commit with the whole generated tree,
 * packed as in a clone.
 */
function makeRepository(
  name: string,
  base: string,
  tag: string,
  earlier: readonly { tag: string; modulePath: string }[],
  generate: (dir: string) => { modules: Module[]; goFiles: number; goBytes: number },
  /** A release of the whole tree, then a small compatible change on top: a minor release to gate. */
  minor?: { wholeTreeTag: string; change: (dir: string) => void }
): TreeInfo {
  const started = performance.now();
  const dir = join(base, name);
  mkdirSync(dir);
  git(dir, ['init', '-q', '-b', 'main']);
  writeFileSync(
    join(dir, 'README.md'),
    `# ${name}\n\nA generated repository for the go-major-gate benchmark.\n`
  );
  earlier.forEach((release, i) => {
    writeFileSync(join(dir, 'go.mod'), `module ${release.modulePath}\n\ngo 1.19\n`);
    commit(dir, `Release ${release.tag}`, `2024-0${i + 1}-01T12:00:00Z`);
    git(dir, ['tag', release.tag]);
  });
  const generated = generate(dir);
  commit(dir, 'The whole tree', '2024-06-01T12:00:00Z');
  if (minor) {
    git(dir, ['tag', minor.wholeTreeTag]);
    minor.change(dir);
    commit(dir, 'A compatible change', '2024-07-01T12:00:00Z');
  }
  // A clone (what CI checks out) has its objects in a pack, not as 50,000 loose files, which git
  // reads about 4x slower. No deltas and zlib level 1 keep this to seconds; decompression speed
  // hardly depends on the level.
  git(dir, ['-c', 'pack.compression=1', 'repack', '-a', '-d', '-q', '--window=0', '--depth=0']);
  // Files written in the same second as the index are "racily clean": git cannot trust their stat
  // data, and each diff against the work tree reads them again until a command that may write the
  // index (git status) refreshes it. A checkout a moment old has been refreshed; time that.
  git(dir, ['update-index', '-q', '--refresh']);
  return { name, dir, tag, ...generated, genMs: performance.now() - started };
}

export function generateOne(base: string, sizes: Sizes): TreeInfo {
  const path = 'github.com/bench/one/v2';
  return makeRepository(
    'one',
    base,
    'v2.1.0',
    [{ tag: 'v1.0.0', modulePath: 'github.com/bench/one' }],
    dir => {
      const rng = new Rng(SEED);
      const module: Module = { dir: '', path, files: sizes.oneFiles };
      const goBytes = writeModule(rng, dir, module, `module ${path}\n\ngo 1.19\n`, () => []);
      return { modules: [module], goFiles: module.files, goBytes };
    },
    // v2.0.0 is the whole tree; v2.1.0 adds a function to a file of each of the first packages, so
    // breaking-change compares those packages (thousands of declarations) with v2.0.0.
    {
      wholeTreeTag: 'v2.0.0',
      change: dir => {
        for (let p = 0; p < CHANGED_PACKAGES; p++) {
          writeFileSync(
            join(dir, `p${p}`, 'added.go'),
            `package p${p}\n\n// Added${p} is new in v2.1.0.\nfunc Added${p}() int { return ${p} }\n`
          );
        }
      }
    }
  );
}

/**
 * The v2.1.0 release of tree `one` with one more change in each of its 20 changed packages: an
 * exported field added to the first exported struct, so that each package's declarations changed
 * and the comparison parses it whole, where added functions alone are read from their new files.
 * Still compatible. Checked out in the tree's work tree, on a branch off the release commit.
 */
function checkOutChangedDeclarations(tree: TreeInfo): string[] {
  git(tree.dir, ['checkout', '-q', '-f', '-b', 'fields', 'main']);
  for (let p = 0; p < CHANGED_PACKAGES; p++) {
    const dir = join(tree.dir, `p${p}`);
    const files = readdirSync(dir)
      .filter(f => f.endsWith('.go') && !f.endsWith('_test.go'))
      .sort();
    const struct = /^type [A-Z]\w* struct \{\n/m;
    const file = files.find(f => struct.test(readFileSync(join(dir, f), 'utf8')));
    if (!file) throw new Error(`bench: no exported struct in p${p}`);
    const text = readFileSync(join(dir, file), 'utf8');
    writeFileSync(
      join(dir, file),
      text.replace(struct, match => `${match}\tAddedField int\n`)
    );
  }
  commit(tree.dir, 'Add a field', '2024-07-15T12:00:00Z');
  return ['--tag', tree.tag];
}

/**
 * A pull request that bumps the major of tree `one`: a branch off v2.0.0 whose go.mod and every own
 * import move from /v2 to /v3, and nothing else. Checked out in the tree's work tree.
 */
function checkOutMajorBump(tree: TreeInfo): string[] {
  const from = 'github.com/bench/one/v2';
  const to = 'github.com/bench/one/v3';
  git(tree.dir, ['checkout', '-q', '-f', '-b', 'bump', 'v2.0.0']);
  const files = readdirSync(tree.dir, { recursive: true, encoding: 'utf8' }).filter(
    f => !f.startsWith('.git') && (f.endsWith('.go') || f.endsWith('go.mod'))
  );
  for (const file of files) {
    const path = join(tree.dir, file);
    const text = readFileSync(path, 'utf8');
    const moved = text.replaceAll(`"${from}`, `"${to}`).replace(`module ${from}\n`, `module ${to}\n`);
    if (moved !== text) writeFileSync(path, moved);
  }
  commit(tree.dir, 'Move to v3', '2024-08-01T12:00:00Z');
  return ['--base', 'v2.0.0'];
}

export function generateMono(base: string, sizes: Sizes): TreeInfo {
  const rootPath = 'github.com/bench/mono/v3';
  return makeRepository(
    'mono',
    base,
    'v3.1.0',
    [
      { tag: 'v1.0.0', modulePath: 'github.com/bench/mono' },
      { tag: 'v2.0.0', modulePath: 'github.com/bench/mono/v2' }
    ],
    dir => {
      const rng = new Rng(SEED + 1);
      const modules: Module[] = [];
      for (let i = 0; i < sizes.monoModules; i++) {
        const files =
          Math.floor(sizes.monoFiles / sizes.monoModules) + (i < sizes.monoFiles % sizes.monoModules ? 1 : 0);
        const name = `mod${String(i).padStart(3, '0')}`;
        modules.push(
          i === 0
            ? { dir: '', path: rootPath, files }
            : { dir: name, path: `github.com/bench/mono/${name}/v3`, files }
        );
      }
      const rootPackages = Math.ceil(modules[0].files / FILES_PER_PACKAGE);
      // A few imports of the root module's packages; a nested module reaches them through a
      // require plus a directory replace, as monorepos do (local-replace does not apply: the gated
      // tag releases the root module only).
      const rootImport = (r: Rng): GoImport[] => {
        if (!r.chance(0.2)) return [];
        const p = r.int(0, rootPackages - 1);
        return [{ path: `${rootPath}/p${p}`, alias: `root${p}`, use: `root${p}.Name`, std: false }];
      };
      let goBytes = 0;
      for (const module of modules) {
        const goMod =
          module.dir === ''
            ? `module ${rootPath}\n\ngo 1.19\n`
            : `module ${module.path}\n\ngo 1.19\n\nrequire ${rootPath} v3.0.0\n\nreplace ${rootPath} => ../\n`;
        goBytes += writeModule(rng, dir, module, goMod, module.dir === '' ? () => [] : rootImport);
      }
      return { modules, goFiles: sizes.monoFiles, goBytes };
    }
  );
}

// ---------------------------------------------------------------------------------------------
// Timing

/** Runs a process to its end; the time is wall clock from spawn to exit. */
function timed(
  cmd: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; keepStdout?: boolean } = {}
): { ms: number; result: SpawnSyncReturns<string> } {
  const started = performance.now();
  const result = spawnSync(cmd, args, {
    cwd: options.cwd ?? PROJECT,
    env: options.env ?? process.env,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    stdio: ['ignore', options.keepStdout ? 'pipe' : 'ignore', 'pipe']
  });
  const ms = performance.now() - started;
  if (result.error) throw result.error;
  if (result.signal) throw new Error(`${cmd} was killed by ${result.signal}`);
  return { ms, result };
}

/** A measurement: the best wall-clock time, and of how many timed runs (warm-ups not counted). */
interface Timing {
  ms: number;
  runs: number;
}

/**
 * The best of RUNS timed runs after WARMUPS warm-ups, or of fewer when the timed runs have already
 * taken RUN_BUDGET_MS (the monorepo's go list: 300 processes, about a minute per run). `once` runs and
 * verifies one run and returns its time.
 */
function bestOf(label: string, once: (warmUp: boolean) => number): Timing {
  for (let i = 0; i < WARMUPS; i++) once(true);
  let best = Infinity;
  let runs = 0;
  for (let spent = 0; runs < RUNS && spent < RUN_BUDGET_MS; runs++) {
    const ms = once(false);
    best = Math.min(best, ms);
    spent += ms;
  }
  progress(`  ${label}: ${best.toFixed(0)} ms (best of ${runs})`);
  return { ms: best, runs };
}

class CheckFailed extends Error {}

/** Times the gate; every run must exit 0 with the conclusion "success" (the trees are clean). */
function timeCheck(tree: TreeInfo, extra: string[], gate = ['--tag', tree.tag]): Timing {
  const args = [CLI, 'check', tree.dir, ...gate, '--format', 'json', ...extra];
  const what = `node dist/cli.js check ${tree.name} ${[...gate, ...extra].join(' ')}`;
  return bestOf(what, () => {
    const { ms, result } = timed(process.execPath, args, { keepStdout: true });
    if (result.status !== 0) {
      throw new CheckFailed(
        `${what}: exit ${result.status}\n${result.stderr}${result.stdout.slice(0, 4000)}`
      );
    }
    const report = JSON.parse(result.stdout) as { conclusion: string };
    if (report.conclusion !== 'success') {
      const start = result.stdout.slice(0, 4000);
      throw new CheckFailed(`${what}: conclusion "${report.conclusion}", expected "success"\n${start}`);
    }
    return ms;
  });
}

/** The floor: every .go byte of the tree read once, by the simplest tools. */
function timeCat(tree: TreeInfo): Timing {
  const script = `find "$1" -name '*.go' -not -path '*/.git/*' -print0 | xargs -0 cat > /dev/null`;
  return bestOf('cat floor', () => {
    const { ms, result } = timed('bash', ['-c', script, 'bench', tree.dir]);
    if (result.status !== 0) throw new Error(`the cat floor failed: ${result.stderr}`);
    return ms;
  });
}

function goEnv(base: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    GOFLAGS: '-mod=mod',
    GOPROXY: 'off',
    GOSUMDB: 'off',
    GOTOOLCHAIN: 'local',
    GOWORK: 'off',
    GOENV: 'off',
    GOCACHE: join(base, 'go-cache'),
    GOPATH: join(base, 'go-path'),
    GOMODCACHE: join(base, 'go-path', 'pkg', 'mod')
  };
}

/**
 * go list -e -json ./... in every module, one after the other; the time is the whole sequence. The
 * warm-up keeps the output to count the packages the go command found wrong (expect none).
 */
function timeGoList(tree: TreeInfo, env: NodeJS.ProcessEnv): Timing & { packageErrors: number } {
  let packageErrors = 0;
  const plural = tree.modules.length > 1 ? 's' : '';
  const timing = bestOf(`go list -e -json ./... (${tree.modules.length} module${plural})`, warmUp => {
    let total = 0;
    for (const module of tree.modules) {
      const cwd = join(tree.dir, module.dir);
      const { ms, result } = timed('go', ['list', '-e', '-json', './...'], { cwd, env, keepStdout: warmUp });
      if (result.status !== 0)
        throw new Error(`go list failed in ${cwd}: exit ${result.status}: ${result.stderr}`);
      if (warmUp) packageErrors += (result.stdout.match(/^\t"(Error|DepsErrors)": /gm) ?? []).length;
      total += ms;
    }
    return total;
  });
  return { ...timing, packageErrors };
}

function goVersion(): string | undefined {
  const r = spawnSync('go', ['version'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim().split(' ')[2] : undefined;
}

// ---------------------------------------------------------------------------------------------
// Report

interface WithAndWithoutApi {
  check: Timing;
  withoutApi: Timing;
}

interface Measured {
  tree: TreeInfo;
  check: Timing;
  head: Timing;
  /** The check with breaking-change disabled: the difference is the API comparison. */
  withoutApi: Timing;
  cat: Timing;
  goList?: Timing & { packageErrors: number };
  /** Tree one only, with and without the API comparison: the release with declarations changed too. */
  changed?: WithAndWithoutApi;
  /** Tree one only: a pull request that bumps the major, with and without the API comparison. */
  bump?: WithAndWithoutApi;
}

function ratios(m: Measured) {
  const checkOverCat = m.check.ms / m.cat.ms;
  const goListOverCheck = m.goList && m.goList.ms / m.check.ms;
  const headOverWorktree = m.head.ms / m.check.ms;
  return {
    checkOverCat,
    goListOverCheck,
    headOverWorktree,
    goals: {
      checkWithin2xCat: checkOverCat <= GOALS.checkOverCat,
      check10xFasterThanGoList:
        goListOverCheck === undefined ? undefined : goListOverCheck >= GOALS.goListOverCheck,
      headWithin1_5xWorktree: headOverWorktree <= GOALS.headOverWorktree
    }
  };
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map(r => r[c].length)));
  const line = (r: string[]) =>
    r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
  return [line(rows[0]), widths.map(w => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

const ms = (t: Timing | undefined) => (t === undefined ? 'n/a' : t.ms.toFixed(0));
const times = (v: number | undefined) => (v === undefined ? 'n/a' : `${v.toFixed(2)}x`);
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
const round = (v: number | undefined, digits = 0) => (v === undefined ? null : Number(v.toFixed(digits)));
const verdict = (ok: boolean | undefined) => (ok === undefined ? 'n/a (no go)' : ok ? 'MET' : 'MISSED');

function report(measured: Measured[], quick: boolean, go: string | undefined): void {
  const header = words(
    `tree modules files bytes check_ms head_ms no-api_ms cat_ms go_list_ms check/cat go-list/check head/worktree`
  );
  const rows = measured.map(m => {
    const r = ratios(m);
    const { name, modules, goFiles, goBytes } = m.tree;
    return [
      name,
      String(modules.length),
      String(goFiles),
      mb(goBytes),
      ms(m.check),
      ms(m.head),
      ms(m.withoutApi),
      ms(m.cat),
      ms(m.goList)
    ].concat([r.checkOverCat, r.goListOverCheck, r.headOverWorktree].map(times));
  });
  const scale = quick ? ' (--quick)' : '';
  console.log(
    `\ngo-major-gate benchmark${scale}: wall clock in ms, best of ${RUNS} after ${WARMUPS} warm-up`
  );
  console.log(`node ${process.version}, ${go ?? 'no go on PATH'}, ${cpus().length} CPUs\n`);
  console.log(table([header.map(h => h.replace(/_/g, ' ')), ...rows]));
  for (const m of measured) {
    for (const [what, t] of Object.entries({
      check: m.check,
      head: m.head,
      cat: m.cat,
      'go list': m.goList
    })) {
      if (t && t.runs < RUNS)
        console.log(
          `(${m.tree.name} ${what}: best of ${t.runs}, the runs took over ${RUN_BUDGET_MS / 1000} s)`
        );
    }
    if (m.goList?.packageErrors)
      console.log(`(go list reported ${m.goList.packageErrors} package errors in ${m.tree.name})`);
  }
  for (const m of measured) {
    const scenarios: [string, WithAndWithoutApi | undefined][] = [
      ['with a field added to a struct of each changed package (parsed whole)', m.changed],
      ['as a major-bump pull request (every own import rewritten)', m.bump]
    ];
    for (const [what, pair] of scenarios) {
      if (!pair) continue;
      const added = pair.check.ms - pair.withoutApi.ms;
      console.log(
        `${m.tree.name} ${what}: check ${ms(pair.check)} ms, ` +
          `without the API comparison ${ms(pair.withoutApi)} ms (the comparison adds ${added.toFixed(0)} ms)`
      );
    }
  }
  console.log('');
  for (const m of measured) {
    const r = ratios(m);
    const goals: [string, number | undefined, boolean | undefined][] = [
      [`check <= ${GOALS.checkOverCat}x cat`, r.checkOverCat, r.goals.checkWithin2xCat],
      [`go list >= ${GOALS.goListOverCheck}x check`, r.goListOverCheck, r.goals.check10xFasterThanGoList],
      [`head <= ${GOALS.headOverWorktree}x worktree`, r.headOverWorktree, r.goals.headWithin1_5xWorktree]
    ];
    for (const [goal, value, ok] of goals) {
      console.log(
        `goal ${m.tree.name.padEnd(5)} ${goal.padEnd(24)} ${times(value).padStart(8)}  ${verdict(ok)}`
      );
    }
  }
  const trees = measured.map(m => {
    const r = ratios(m);
    const summary = {
      modules: m.tree.modules.length,
      files: m.tree.goFiles,
      bytes: m.tree.goBytes,
      checkMs: round(m.check.ms),
      headMs: round(m.head.ms),
      noApiMs: round(m.withoutApi.ms),
      catMs: round(m.cat.ms),
      goListMs: round(m.goList?.ms),
      ...(m.changed
        ? { changedMs: round(m.changed.check.ms), changedNoApiMs: round(m.changed.withoutApi.ms) }
        : {}),
      ...(m.bump ? { bumpMs: round(m.bump.check.ms), bumpNoApiMs: round(m.bump.withoutApi.ms) } : {}),
      runs: { check: m.check.runs, head: m.head.runs, cat: m.cat.runs, goList: m.goList?.runs ?? null },
      checkOverCat: round(r.checkOverCat, 2),
      goListOverCheck: round(r.goListOverCheck, 2),
      headOverWorktree: round(r.headOverWorktree, 2),
      goals: { ...r.goals, check10xFasterThanGoList: r.goals.check10xFasterThanGoList ?? null }
    };
    return [m.tree.name, summary];
  });
  const json = {
    quick,
    node: process.version,
    go: go ?? null,
    cpus: cpus().length,
    trees: Object.fromEntries(trees)
  };
  console.log(`BENCH_JSON ${JSON.stringify(json)}`);
}

function progress(message: string): void {
  process.stderr.write(`${message}\n`);
}

// ---------------------------------------------------------------------------------------------
// Main

function main(): number {
  let values: { quick?: boolean; keep?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({
      options: {
        quick: { type: 'boolean' },
        keep: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' }
      }
    }));
  } catch (error) {
    progress(`bench: ${(error as Error).message}\nusage: npm run bench [-- --quick] [-- --keep]`);
    return 2;
  }
  if (values.help) {
    console.log('usage: npm run bench [-- --quick] [-- --keep]');
    return 0;
  }
  if (!existsSync(CLI)) {
    progress(`bench: ${CLI} is missing; run npm run bundle first`);
    return 2;
  }
  const quick = Boolean(values.quick);
  const sizes = quick ? QUICK : FULL;
  const go = goVersion();
  const base = mkdtempSync(join(tmpdir(), 'go-major-gate-bench-'));
  progress(`bench: generating into ${base}`);
  try {
    const measured: Measured[] = [];
    for (const generate of [generateOne, generateMono]) {
      const tree = generate(base, sizes);
      progress(
        `${tree.name}: ${tree.goFiles} .go files, ${mb(tree.goBytes)}, ${tree.modules.length} modules, generated in ${(tree.genMs / 1000).toFixed(1)} s`
      );
      const check = timeCheck(tree, []);
      const head = timeCheck(tree, ['--head', 'HEAD']);
      const withoutApi = timeCheck(tree, ['--disable', 'breaking-change']);
      const cat = timeCat(tree);
      // go list last: with -mod=mod it may rewrite a go.mod, which must not change what check reads.
      const goList = go ? timeGoList(tree, goEnv(base)) : undefined;
      const withAndWithoutApi = (gate: string[]): WithAndWithoutApi => ({
        check: timeCheck(tree, [], gate),
        withoutApi: timeCheck(tree, ['--disable', 'breaking-change'], gate)
      });
      const changed = tree.name === 'one' ? withAndWithoutApi(checkOutChangedDeclarations(tree)) : undefined;
      const bump = tree.name === 'one' ? withAndWithoutApi(checkOutMajorBump(tree)) : undefined;
      measured.push({
        tree,
        check,
        head,
        withoutApi,
        cat,
        ...(goList ? { goList } : {}),
        ...(changed ? { changed } : {}),
        ...(bump ? { bump } : {})
      });
    }
    report(measured, quick, go);
    return 0;
  } catch (error) {
    if (error instanceof CheckFailed) {
      progress(`bench: the check failed on a clean tree:\n${error.message}`);
      return 1;
    }
    throw error;
  } finally {
    if (values.keep) progress(`bench: kept ${base}`);
    else rmSync(base, { recursive: true, force: true });
  }
}

// Run only as a program, so that the generators can be imported (e.g. to inspect a tree).
if (process.argv[1] === fileURLToPath(import.meta.url)) process.exitCode = main();

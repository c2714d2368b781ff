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
// timing and ratio, for copying into docs/speed.md. Set TMPDIR to generate somewhere else.
//
// Node 20 has no --experimental-strip-types, so `npm run bench` compiles this file (tsc follows its
// imports: config, gosource, trees, measure, report) with the project's own tsc into .bench/
// (git-ignored) and runs that. Needs git; without `go` on PATH the go list column reads n/a.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { CLI, FULL, QUICK } from './config.js';
import { CheckFailed, goEnv, goVersion, progress, timeCat, timeCheck, timeGoList } from './measure.js';
import { mb, report, updateSpeedDoc } from './report.js';
import type { Measured, WithAndWithoutApi } from './report.js';
import { checkOutChangedDeclarations, checkOutMajorBump, generateMono, generateOne } from './trees.js';

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
    // A full run keeps docs/speed.md's tables current.
    if (!quick) {
      const doc = join(dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'speed.md');
      console.log(
        updateSpeedDoc(doc, measured) ? `updated ${doc}` : `${doc} has no bench markers: not updated`
      );
    }
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

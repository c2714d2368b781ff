// Timing whole processes: best of the runs after a warm-up, for check (with its variants), the cat
// floor, and go list in every module with a private, offline module cache.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { join } from 'node:path';
import { CLI, PROJECT, RUNS, RUN_BUDGET_MS, WARMUPS } from './config.js';
import type { TreeInfo } from './trees.js';

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
export interface Timing {
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

export class CheckFailed extends Error {}

/** Times the gate; every run must exit 0 with the conclusion "success" (the trees are clean). */
export function timeCheck(tree: TreeInfo, extra: string[], gate = ['--tag', tree.tag]): Timing {
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
export function timeCat(tree: TreeInfo): Timing {
  const script = `find "$1" -name '*.go' -not -path '*/.git/*' -print0 | xargs -0 cat > /dev/null`;
  return bestOf('cat floor', () => {
    const { ms, result } = timed('bash', ['-c', script, 'bench', tree.dir]);
    if (result.status !== 0) throw new Error(`the cat floor failed: ${result.stderr}`);
    return ms;
  });
}

export function goEnv(base: string): NodeJS.ProcessEnv {
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
export function timeGoList(tree: TreeInfo, env: NodeJS.ProcessEnv): Timing & { packageErrors: number } {
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

export function goVersion(): string | undefined {
  const r = spawnSync('go', ['version'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim().split(' ')[2] : undefined;
}

export function progress(message: string): void {
  process.stderr.write(`${message}\n`);
}

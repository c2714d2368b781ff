// Replays the real history of Go repositories through the go-major-gate CLI, to measure how many
// of its verdicts a maintainer would have had to override (issue 15).
//
// For each snapshot (a git directory, bare or not) it makes a no-checkout clone without tags in a
// temporary folder and replays, with `check CLONE ... --format json`:
//   tags     every release tag in creation order (`for-each-ref --sort=creatordate`: an annotated
//            tag by its tagger date, a lightweight one by its commit's date) as
//            `--head COMMIT --tag TAG`, the clone holding only the tags created strictly earlier (so
//            tags created in the same second, as a multi-module release pushes them, do not see
//            each other: the gate runs before the tag is public);
//   commits  the newest N first-parent commits of HEAD as pull requests, `--base PARENT --head
//            COMMIT`, the clone holding the tags created at or before the commit's committer date,
//            except those on the commit itself (made after its pull request was merged).
// Tags are added to and removed from the clone with `git update-ref`, pointing at the snapshot's
// own objects (a local clone has them all). `--repository OWNER/NAME` is passed when the snapshot
// path has a folder named `owner+name` (the fetch tool's layout), so module-path-repository judges
// it as on GitHub. A check that runs longer than --timeout seconds is killed and counted as a
// timeout.
//
// It prints per repository and per kind: runs, failures (conclusion "failure"), errors and
// warnings by rule (findings, and runs with at least one), and CLI errors (exit 2, other exits,
// unreadable JSON, timeouts) with their message. --out writes every run's raw result as JSON.
//
// Usage: npm run history -- SNAPSHOT... [--cli dist/cli.js] [--commits 150] [--jobs 1]
//                                       [--only tags|commits] [--timeout 60] [--out FILE.json]
// Not part of CI (CI has no snapshots). Compiled by `npm run history` into .bench/ like bench/run.ts.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';

interface Options {
  cli: string;
  commits: number;
  jobs: number;
  only: 'tags' | 'commits' | null;
  timeoutMs: number;
  out: string | null;
  snapshots: string[];
}

interface TagRef {
  name: string;
  /** What refs/tags/NAME points at (the tag object for an annotated tag). */
  object: string;
  commit: string;
  time: number;
}

interface Job {
  kind: 'tag' | 'commit';
  /** The tag name, or the commit id. */
  target: string;
  head: string;
  base: string | null;
  /** Tags the clone holds during the run. */
  tags: TagRef[];
}

interface Finding {
  rule: string;
  severity: string;
  file: string | null;
  line: number | null;
  message: string;
}

interface RunResult {
  repository: string;
  kind: Job['kind'];
  target: string;
  head: string;
  base: string | null;
  tagsVisible: number;
  exit: number | null;
  ms: number;
  conclusion: string | null;
  /** Set when the CLI did not give a report: exit 2, a crash, unreadable JSON or a timeout. */
  error: string | null;
  findings: Finding[];
}

// ---------------------------------------------------------------------------------------------
// Arguments and git

function parseOptions(argv: string[]): Options {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      cli: { type: 'string', default: 'dist/cli.js' },
      commits: { type: 'string', default: '150' },
      jobs: { type: 'string', default: '1' },
      only: { type: 'string' },
      timeout: { type: 'string', default: '60' },
      out: { type: 'string' }
    }
  });
  const only = values.only ?? null;
  if (only !== null && only !== 'tags' && only !== 'commits')
    usage(`--only must be tags or commits, not ${only}`);
  if (positionals.length === 0) usage('give at least one snapshot path');
  return {
    cli: resolve(values.cli),
    commits: wholeNumber('--commits', values.commits),
    jobs: Math.max(1, wholeNumber('--jobs', values.jobs)),
    only,
    timeoutMs: wholeNumber('--timeout', values.timeout) * 1000,
    out: values.out ?? null,
    snapshots: positionals.map(p => resolve(p))
  };
}

function wholeNumber(flag: string, text: string): number {
  if (!/^\d+$/.test(text)) usage(`${flag} needs a whole number, not ${text}`);
  return Number(text);
}

function usage(message: string): never {
  process.stderr.write(
    `history: ${message}\nUsage: npm run history -- SNAPSHOT... [--cli PATH] [--commits N] [--jobs N] ` +
      `[--only tags|commits] [--timeout S] [--out FILE.json]\n`
  );
  process.exit(2);
}

function git(dir: string, args: string[], input?: string): string {
  const r = spawnSync('git', ['-C', dir, ...args], { encoding: 'utf8', input, maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')} in ${dir}: ${r.stderr.trim()}`);
  return r.stdout;
}

/** OWNER/NAME from a folder named owner+name on the snapshot's path, or null. */
function repositoryOf(snapshot: string): string | null {
  const folder = snapshot
    .split(sep)
    .reverse()
    .find(part => /^[\w.-]+\+[\w.-]+$/.test(part));
  return folder === undefined ? null : folder.replace('+', '/');
}

/** Tags pointing (through any annotated tags) at commits, in creation order. */
function listTags(snapshot: string): TagRef[] {
  const format = '%(refname:strip=2)%09%(objectname)%09%(creatordate:unix)';
  const lines = git(snapshot, ['for-each-ref', '--sort=creatordate', `--format=${format}`, 'refs/tags']);
  const tags: TagRef[] = [];
  for (const line of lines.split('\n').filter(Boolean)) {
    const [name, object, time] = line.split('\t');
    const peeled = spawnSync('git', ['-C', snapshot, 'rev-parse', '--verify', '-q', `${object}^{commit}`], {
      encoding: 'utf8'
    });
    if (peeled.status === 0) tags.push({ name, object, commit: peeled.stdout.trim(), time: Number(time) });
  }
  return tags;
}

/** The newest `count` first-parent commits of HEAD that have a parent, newest first. */
function listCommits(snapshot: string, count: number): { commit: string; parent: string; time: number }[] {
  if (count === 0) return [];
  const lines = git(snapshot, ['log', '--first-parent', '-n', String(count), '--format=%H %P %ct', 'HEAD']);
  return lines
    .split('\n')
    .filter(Boolean)
    .map(line => line.split(' '))
    .filter(parts => parts.length >= 3)
    .map(parts => ({ commit: parts[0], parent: parts[1], time: Number(parts[parts.length - 1]) }));
}

function makeJobs(snapshot: string, options: Options): Job[] {
  const tags = listTags(snapshot);
  const jobs: Job[] = [];
  if (options.only !== 'commits') {
    for (const tag of tags) {
      const earlier = tags.filter(t => t.time < tag.time);
      jobs.push({ kind: 'tag', target: tag.name, head: tag.commit, base: null, tags: earlier });
    }
  }
  if (options.only !== 'tags') {
    for (const c of listCommits(snapshot, options.commits)) {
      // A tag on the commit itself was made after its pull request was merged.
      const existing = tags.filter(t => t.time <= c.time && t.commit !== c.commit);
      jobs.push({ kind: 'commit', target: c.commit, head: c.commit, base: c.parent, tags: existing });
    }
  }
  return jobs;
}

// ---------------------------------------------------------------------------------------------
// Running the CLI

/** A worker's clone and the tags it holds now (name -> object). */
interface Clone {
  dir: string;
  tags: Map<string, string>;
}

function makeClone(snapshot: string, parent: string, index: number): Clone {
  const dir = join(parent, `clone${index}`);
  const r = spawnSync('git', ['clone', '-q', '--no-checkout', '--no-tags', snapshot, dir], {
    encoding: 'utf8'
  });
  if (r.status !== 0) throw new Error(`git clone ${snapshot}: ${r.stderr.trim()}`);
  return { dir, tags: new Map() };
}

/** Makes the clone hold exactly `wanted`, in one `git update-ref --stdin`. */
function syncTags(clone: Clone, wanted: TagRef[]): void {
  const target = new Map(wanted.map(t => [t.name, t.object]));
  const commands: string[] = [];
  for (const name of clone.tags.keys()) if (!target.has(name)) commands.push(`delete refs/tags/${name}`);
  for (const [name, object] of target) {
    if (clone.tags.get(name) !== object) commands.push(`update refs/tags/${name} ${object}`);
  }
  if (commands.length > 0) git(clone.dir, ['update-ref', '--stdin'], commands.join('\n') + '\n');
  clone.tags = target;
}

function checkArgs(job: Job, clone: Clone, repository: string | null): string[] {
  const args = ['check', clone.dir, '--head', job.head, '--format', 'json'];
  if (job.kind === 'tag') args.push('--tag', job.target);
  else args.push('--base', job.base ?? '');
  if (repository !== null) args.push('--repository', repository);
  return args;
}

interface Spawned {
  exit: number | null;
  stdout: string;
  stderr: string;
  ms: number;
  timedOut: boolean;
}

function runCli(cli: string, args: string[], timeoutMs: number): Promise<Spawned> {
  return new Promise(done => {
    const started = Date.now();
    const child = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('close', code => {
      clearTimeout(timer);
      const stdout = Buffer.concat(out).toString('utf8');
      const stderr = Buffer.concat(err).toString('utf8');
      done({ exit: code, stdout, stderr, ms: Date.now() - started, timedOut });
    });
  });
}

function toResult(repository: string, job: Job, run: Spawned, timeoutMs: number): RunResult {
  const result: RunResult = {
    repository,
    kind: job.kind,
    target: job.target,
    head: job.head,
    base: job.base,
    tagsVisible: job.tags.length,
    exit: run.exit,
    ms: run.ms,
    conclusion: null,
    error: null,
    findings: []
  };
  const firstLine = (run.stderr.trim().split('\n')[0] ?? '').slice(0, 300);
  if (run.timedOut) result.error = `timeout after ${timeoutMs / 1000} s`;
  else if (run.exit !== 0 && run.exit !== 1) result.error = `exit ${run.exit}: ${firstLine}`;
  else {
    try {
      const report = JSON.parse(run.stdout) as { conclusion: string; findings: Finding[] };
      result.conclusion = report.conclusion;
      result.findings = report.findings.map(f => ({
        rule: f.rule,
        severity: f.severity,
        file: f.file,
        line: f.line,
        message: f.message
      }));
    } catch {
      result.error = `exit ${run.exit}, unreadable JSON: ${firstLine || run.stdout.slice(0, 200)}`;
    }
  }
  return result;
}

async function replay(snapshot: string, options: Options): Promise<RunResult[]> {
  const repository = repositoryOf(snapshot);
  const name = repository ?? basename(snapshot);
  const jobs = makeJobs(snapshot, options);
  const temp = mkdtempSync(join(tmpdir(), 'history-'));
  const results: RunResult[] = new Array(jobs.length);
  try {
    const clones = Array.from({ length: Math.min(options.jobs, jobs.length) }, (_, i) =>
      makeClone(snapshot, temp, i)
    );
    let next = 0;
    const worker = async (clone: Clone): Promise<void> => {
      while (next < jobs.length) {
        const index = next++;
        const job = jobs[index];
        syncTags(clone, job.tags);
        const run = await runCli(options.cli, checkArgs(job, clone, repository), options.timeoutMs);
        results[index] = toResult(name, job, run, options.timeoutMs);
        if ((index + 1) % 25 === 0) process.stderr.write(`${name}: ${index + 1}/${jobs.length}\n`);
      }
    };
    await Promise.all(clones.map(worker));
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
  return results;
}

// ---------------------------------------------------------------------------------------------
// Summary

/** rule -> [findings, runs with at least one], for one severity. */
function byRule(runs: RunResult[], severity: string): Map<string, [number, number]> {
  const counts = new Map<string, [number, number]>();
  for (const run of runs) {
    const seen = new Set<string>();
    for (const f of run.findings.filter(x => x.severity === severity)) {
      const c = counts.get(f.rule) ?? [0, 0];
      c[0]++;
      if (!seen.has(f.rule)) c[1]++;
      seen.add(f.rule);
      counts.set(f.rule, c);
    }
  }
  return new Map([...counts].sort((a, b) => b[1][1] - a[1][1] || a[0].localeCompare(b[0])));
}

function summarize(name: string, results: RunResult[]): string {
  const lines: string[] = [];
  for (const kind of ['tag', 'commit'] as const) {
    const runs = results.filter(r => r.kind === kind);
    if (runs.length === 0) continue;
    const failing = runs.filter(r => r.conclusion === 'failure').length;
    const ms = runs.reduce((sum, r) => sum + r.ms, 0);
    lines.push(`${name} ${kind} runs: ${runs.length}, failing: ${failing} (${(ms / 1000).toFixed(1)} s)`);
    for (const severity of ['error', 'warning']) {
      for (const [rule, [findings, withIt]] of byRule(runs, severity)) {
        lines.push(
          `  ${severity.padEnd(7)} ${rule.padEnd(28)} ${String(findings).padStart(5)} in ${withIt} runs`
        );
      }
    }
    for (const r of runs.filter(x => x.error !== null)) {
      lines.push(`  CLI error ${r.kind === 'tag' ? r.target : r.target.slice(0, 12)}: ${r.error}`);
    }
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const all: RunResult[] = [];
  for (const snapshot of options.snapshots) {
    const results = await replay(snapshot, options);
    all.push(...results);
    const name = results[0]?.repository ?? snapshot;
    process.stdout.write(summarize(name, results) + '\n\n');
  }
  if (options.out !== null) {
    writeFileSync(options.out, JSON.stringify({ cli: options.cli, runs: all }, null, 1) + '\n');
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`history: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(2);
});

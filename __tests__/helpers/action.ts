// Runs the committed dist/index.js the way the runner does: a child process with INPUT_* variables,
// the event payload in a file, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, and GITHUB_API_URL pointing
// at the local API stand-in. Asynchronous, so the stand-in (in this process) can answer meanwhile.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './conformance.js';
import { afterAll, beforeAll } from '@jest/globals';
import { FakeGitHub } from './github-api.js';
import { commitTree, git, makeRepo, tempDir, type TreeState } from './repo.js';

export interface ActionRun {
  code: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  /** Workflow commands printed on stdout: ::error file=...::message */
  commands: { command: string; properties: Record<string, string>; message: string }[];
}

export interface ActionRunOptions {
  workspace: string;
  eventName: string;
  payload: object;
  apiUrl: string;
  inputs?: Record<string, string>;
  sha?: string;
  ref?: string;
  repository?: string;
  /** More environment variables for the step (GITHUB_RUN_ATTEMPT, GO_MAJOR_GATE_REQUEST_TIMEOUT_SECONDS). */
  env?: Record<string, string>;
}

export async function runDistAction(options: ActionRunOptions): Promise<ActionRun> {
  const temp = tempDir('gmg-runner-');
  const eventPath = join(temp, 'event.json');
  const outputPath = join(temp, 'output');
  const summaryPath = join(temp, 'summary');
  writeFileSync(eventPath, JSON.stringify(options.payload));
  writeFileSync(outputPath, '');
  writeFileSync(summaryPath, '');
  const inputs: Record<string, string> = { token: 'ghs_test', ...options.inputs };
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_EVENT_NAME: options.eventName,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_OUTPUT: outputPath,
    GITHUB_STEP_SUMMARY: summaryPath,
    GITHUB_WORKSPACE: options.workspace,
    GITHUB_REPOSITORY: options.repository ?? 'o/r',
    GITHUB_API_URL: options.apiUrl,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '4242',
    RUNNER_TEMP: temp,
    ...(options.sha ? { GITHUB_SHA: options.sha } : {}),
    ...(options.ref ? { GITHUB_REF: options.ref } : {}),
    ...options.env
  };
  // The runner upper-cases the name and replaces spaces; hyphens stay (INPUT_CHECK-RUN).
  for (const [name, value] of Object.entries(inputs))
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;

  const child = spawn(process.execPath, [join(repoRoot, 'dist', 'index.js')], {
    cwd: options.workspace,
    env
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', chunk => (stdout += chunk));
  child.stderr.on('data', chunk => (stderr += chunk));
  const code = await new Promise<number>(resolve => child.on('close', c => resolve(c ?? -1)));
  return {
    code,
    stdout,
    stderr,
    outputs: parseOutputs(readFileSync(outputPath, 'utf8')),
    summary: readFileSync(summaryPath, 'utf8'),
    commands: parseCommands(stdout)
  };
}

/** GITHUB_OUTPUT holds `name<<DELIMITER\nvalue\nDELIMITER` records. */
export function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<]+)<<(.+)$/.exec(lines[i]);
    if (!m) continue;
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i]);
    outputs[m[1]] = value.join('\n');
  }
  return outputs;
}

const unescapeData = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
const unescapeProperty = (s: string) => unescapeData(s).replace(/%3A/g, ':').replace(/%2C/g, ',');

export function parseCommands(stdout: string): ActionRun['commands'] {
  const commands: ActionRun['commands'] = [];
  for (const line of stdout.split('\n')) {
    const m = /^::([a-z-]+)(?: ([^:]*))?::(.*)$/.exec(line);
    if (!m || !['error', 'warning', 'notice'].includes(m[1])) continue;
    const properties: Record<string, string> = {};
    for (const pair of (m[2] ?? '').split(',').filter(Boolean)) {
      const eq = pair.indexOf('=');
      properties[pair.slice(0, eq)] = unescapeProperty(pair.slice(eq + 1));
    }
    commands.push({ command: m[1], properties, message: unescapeData(m[3]) });
  }
  return commands;
}

export interface Remote {
  /** A bare repository standing in for github.com/o/r. */
  bare: string;
  sha(ref: string): string;
  /** A fresh clone as actions/checkout makes it by default: one commit deep, no tags. */
  checkout(ref?: string): string;
}

/** Builds `history` as the main branch, then each of `branches` on top of main's tip, served as a bare repository. */
export function makeRemote(history: TreeState[], branches: Record<string, TreeState> = {}): Remote {
  const work = makeRepo(history);
  for (const [branch, state] of Object.entries(branches)) {
    git(work, 'checkout', '-q', '-b', branch, 'main');
    commitTree(work, state, branch);
  }
  git(work, 'checkout', '-q', 'main');
  const bare = join(tempDir('gmg-origin-'), 'r.git');
  git(work, 'clone', '-q', '--bare', work, bare);
  // GitHub serves any reachable commit by its id.
  git(bare, 'config', 'uploadpack.allowAnySHA1InWant', 'true');
  return {
    bare,
    sha: ref => git(bare, 'rev-parse', ref).trim(),
    checkout(ref = 'main') {
      const dir = join(tempDir('gmg-workspace-'), 'r');
      git(bare, 'clone', '-q', '--depth', '1', '--no-tags', '--branch', ref, `file://${bare}`, dir);
      return dir;
    }
  };
}

/** A GitHub API stand-in for the o/r repository, started before a test file's tests and closed after. */
export function useFakeGitHub(): () => FakeGitHub {
  let api: FakeGitHub | undefined;
  beforeAll(async () => {
    api = await FakeGitHub.start({ owner: 'o', repo: 'r' });
  });
  afterAll(async () => {
    await api?.close();
  });
  return () => {
    if (!api) throw new Error('the API stand-in is not running');
    return api;
  };
}

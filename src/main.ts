// GitHub Action entry (dist/index.js): reads the inputs and the runner's environment, then runs the
// action. The only file that reads inputs; every failure ends as one clear message, never a stack.
import * as core from '@actions/core';
import { runAction, type ActionEnv, type ActionInputs } from './action.js';
import { completeCheckRun, describeHttpError, type OpenCheckRun } from './report/checkrun.js';
import { createOctokit } from './report/github-client.js';
import { parseDisable } from './cli.js';
import { UsageError } from './errors.js';
import type { FailOn } from './types.js';

function booleanInput(name: string, fallback: boolean): boolean {
  const raw = core.getInput(name).trim().toLowerCase();
  if (raw === '') return fallback;
  if (['true', 'yes', 'on', '1'].includes(raw)) return true;
  if (['false', 'no', 'off', '0'].includes(raw)) return false;
  throw new UsageError(`input ${name} must be true or false, got "${core.getInput(name)}"`);
}

function failOnInput(): FailOn {
  const raw = core.getInput('fail-on').trim() || 'error';
  if (raw === 'error' || raw === 'warning' || raw === 'never') return raw;
  throw new UsageError(`input fail-on must be error, warning or never, got "${raw}"`);
}

/** The run's own time limit: a hung API or git never keeps a runner busy for long. */
export const DEFAULT_RUN_TIMEOUT_MINUTES = 10;

function minutesInput(name: string, fallback: number): number {
  const raw = core.getInput(name).trim();
  if (raw === '') return fallback;
  const minutes = Number(raw);
  if (!Number.isFinite(minutes) || minutes <= 0)
    throw new UsageError(`input ${name} must be a positive number of minutes, got "${raw}"`);
  return minutes;
}

export function readInputs(): ActionInputs {
  return {
    version: core.getInput('version').trim(),
    module: core.getInput('module').trim(),
    workingDirectory: core.getInput('working-directory').trim() || '.',
    // github-token is the name most actions use; when given it wins over token's default.
    token: core.getInput('github-token').trim() || core.getInput('token').trim(),
    checkRun: booleanInput('check-run', true),
    checkName: core.getInput('check-name').trim() || 'go-major-gate',
    annotations: booleanInput('annotations', true),
    failOn: failOnInput(),
    disable: parseDisable(core.getMultilineInput('disable')),
    baseRef: core.getInput('base-ref').trim(),
    fetchTags: booleanInput('fetch-tags', true),
    suggestions: booleanInput('suggestions', false),
    runTimeoutMinutes: minutesInput('run-timeout-minutes', DEFAULT_RUN_TIMEOUT_MINUTES),
    config: core.getInput('config').trim(),
    onlyNew: booleanInput('only-new', true),
    allowBreakingLabel: core.getInput('allow-breaking-label').trim()
  };
}

function readEnv(): ActionEnv {
  const e = process.env;
  const requestTimeout = Number(e.GO_MAJOR_GATE_REQUEST_TIMEOUT_SECONDS);
  return {
    eventName: e.GITHUB_EVENT_NAME ?? '',
    ...(e.GITHUB_EVENT_PATH ? { eventPath: e.GITHUB_EVENT_PATH } : {}),
    ...(e.GITHUB_REPOSITORY ? { repository: e.GITHUB_REPOSITORY } : {}),
    workspace: e.GITHUB_WORKSPACE || process.cwd(),
    ...(e.GITHUB_SHA ? { sha: e.GITHUB_SHA } : {}),
    ...(e.GITHUB_REF ? { ref: e.GITHUB_REF } : {}),
    ...(e.GITHUB_SERVER_URL ? { serverUrl: e.GITHUB_SERVER_URL } : {}),
    ...(e.GITHUB_RUN_ID ? { runId: e.GITHUB_RUN_ID } : {}),
    ...(e.GITHUB_RUN_ATTEMPT ? { runAttempt: e.GITHUB_RUN_ATTEMPT } : {}),
    ...(e.GITHUB_JOB ? { job: e.GITHUB_JOB } : {}),
    ...(e.RUNNER_TEMP ? { runnerTemp: e.RUNNER_TEMP } : {}),
    ...(requestTimeout > 0 ? { requestTimeoutMs: requestTimeout * 1000 } : {})
  };
}

/**
 * Out of time: the requests in flight are aborted, the check run (if one is open) is completed as
 * cancelled with the reason, and the step fails saying so.
 */
async function stopForTime(minutes: number, token: string, open: OpenCheckRun | undefined): Promise<void> {
  const reason = `go-major-gate stopped after ${minutes} minute(s), its run-timeout-minutes: GitHub or git did not answer in time`;
  core.setOutput('conclusion', 'cancelled');
  if (open && token) {
    const octokit = createOctokit(token, { requestTimeoutMs: 10_000, rateLimitWaitMs: 0 });
    const done = await completeCheckRun(octokit, open, {
      conclusion: 'cancelled',
      title: 'Stopped: out of time',
      summary: `${reason}. Run the workflow again; see the job log for the last step reached.`
    }).catch((error: unknown) => ({ kind: 'failed' as const, message: describeHttpError(error).message }));
    if (done.kind === 'failed') core.warning(`go-major-gate: ${done.message}`);
  }
  core.setFailed(reason);
}

async function main(): Promise<void> {
  let inputs: ActionInputs;
  try {
    inputs = readInputs();
  } catch (error) {
    core.setFailed(`go-major-gate: ${(error as Error).message}`);
    return;
  }
  const minutes = inputs.runTimeoutMinutes ?? DEFAULT_RUN_TIMEOUT_MINUTES;
  const controller = new AbortController();
  let open: OpenCheckRun | undefined;
  let timer: NodeJS.Timeout | undefined;
  const outOfTime = new Promise<'timeout'>(resolve => {
    timer = setTimeout(() => resolve('timeout'), minutes * 60_000);
  });
  const run = runAction(inputs, readEnv(), {
    signal: controller.signal,
    onCheckRun: created => (open = created)
  }).then(
    () => 'done' as const,
    (error: unknown) => {
      core.setFailed(`go-major-gate: ${error instanceof Error ? error.message : String(error)}`);
      return 'done' as const;
    }
  );
  const ended = await Promise.race([run, outOfTime]);
  clearTimeout(timer);
  if (ended === 'timeout') {
    controller.abort(new Error(`the run's time limit (${minutes} min) is up`));
    await stopForTime(minutes, inputs.token, open);
    // A git process may still hang: leave now, with the step failed.
    process.exit(1);
  }
}

await main();

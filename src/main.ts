// GitHub Action entry (dist/index.js): reads the inputs and the runner's environment, then runs the
// action. The only file that reads inputs; every failure ends as one clear message, never a stack.
import * as core from '@actions/core';
import { runAction, type ActionInputs } from './action.js';
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

export function readInputs(): ActionInputs {
  return {
    version: core.getInput('version').trim(),
    module: core.getInput('module').trim(),
    workingDirectory: core.getInput('working-directory').trim() || '.',
    token: core.getInput('token').trim(),
    checkRun: booleanInput('check-run', true),
    checkName: core.getInput('check-name').trim() || 'go-major-gate',
    annotations: booleanInput('annotations', true),
    failOn: failOnInput(),
    disable: parseDisable(core.getMultilineInput('disable')),
    baseRef: core.getInput('base-ref').trim(),
    fetchTags: booleanInput('fetch-tags', true),
    suggestions: booleanInput('suggestions', false)
  };
}

async function main(): Promise<void> {
  try {
    await runAction(readInputs(), {
      eventName: process.env.GITHUB_EVENT_NAME ?? '',
      ...(process.env.GITHUB_EVENT_PATH ? { eventPath: process.env.GITHUB_EVENT_PATH } : {}),
      ...(process.env.GITHUB_REPOSITORY ? { repository: process.env.GITHUB_REPOSITORY } : {}),
      workspace: process.env.GITHUB_WORKSPACE || process.cwd(),
      ...(process.env.GITHUB_SHA ? { sha: process.env.GITHUB_SHA } : {}),
      ...(process.env.GITHUB_REF ? { ref: process.env.GITHUB_REF } : {}),
      ...(process.env.GITHUB_SERVER_URL ? { serverUrl: process.env.GITHUB_SERVER_URL } : {}),
      ...(process.env.GITHUB_RUN_ID ? { runId: process.env.GITHUB_RUN_ID } : {}),
      ...(process.env.RUNNER_TEMP ? { runnerTemp: process.env.RUNNER_TEMP } : {})
    });
  } catch (error) {
    core.setFailed(`go-major-gate: ${error instanceof Error ? error.message : String(error)}`);
  }
}

await main();

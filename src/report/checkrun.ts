// The Checks API: one check run on the commit being gated, created in progress, annotations sent 50
// per request (GitHub appends them on each update), then completed with the verdict. A token that may
// not write checks (forks, Dependabot, no `checks: write`) is reported as such, so the caller can fall
// back to workflow annotations; a rejected batch is reported, never swallowed.
//
// Faults (README "Faults"): the creation carries an external_id unique to this run, and after a 5xx
// or a timeout the check runs of the commit are listed to find out whether GitHub created it anyway
// before it is sent again; after a failed batch the run's annotation count says whether GitHub took
// it; once created, the run is completed on every path (with the verdict, else `cancelled` with the
// reason), so it never stays in progress.
import type { Conclusion } from '../types.js';
import { chunk, type CheckRunAnnotation } from './annotations.js';
import { isTransient, RateLimitExhausted, type HookOptions, type Octokit } from './github-client.js';

export type { Octokit } from './github-client.js';

export const ANNOTATIONS_PER_REQUEST = 50;
const CREATE_ATTEMPTS = 3;
/** A completion may wait this much past the rate-limit cap: a run left in progress is worse. */
const COMPLETION_RESERVE_MS = 60_000;

export interface CheckRunRequest {
  owner: string;
  repo: string;
  name: string;
  headSha: string;
  conclusion: Conclusion;
  title: string;
  summary: string;
  annotations: readonly CheckRunAnnotation[];
  detailsUrl?: string;
  /** Unique to this workflow run and attempt: how a creation GitHub took despite an error is found. */
  externalId?: string;
  /**
   * Told the check run as soon as it exists (so that a run-wide timeout can still complete it), and
   * undefined once it is completed (so that nothing overwrites the verdict).
   */
  onOpen?: (run: OpenCheckRun | undefined) => void;
}

export interface OpenCheckRun {
  owner: string;
  repo: string;
  id: number;
}

export type CheckRunResult =
  | {
      kind: 'published';
      id: number;
      url?: string;
      rejected: RejectedBatch[];
      /** Why annotations stopped before the last batch (the rest are in the job summary). */
      stopped?: { message: string; rateLimited: boolean };
      note?: string;
    }
  | { kind: 'forbidden'; status: number; message: string }
  | { kind: 'failed'; message: string; rateLimited: boolean };

export interface RejectedBatch {
  first: number;
  count: number;
  message: string;
}

/** Whether an API error means "this token may not write checks here" rather than a fault. */
export function isPermissionError(status: number | undefined): boolean {
  return status === 403 || status === 404;
}

export async function publishCheckRun(octokit: Octokit, request: CheckRunRequest): Promise<CheckRunResult> {
  let created: { id: number; url?: string; attempts: number };
  try {
    created = await createOnce(octokit, request);
  } catch (error) {
    const { status, message } = describeHttpError(error);
    if (isPermissionError(status) && !(error instanceof RateLimitExhausted))
      return { kind: 'forbidden', status: status as number, message };
    return { kind: 'failed', message, rateLimited: error instanceof RateLimitExhausted };
  }
  const run: OpenCheckRun = { owner: request.owner, repo: request.repo, id: created.id };
  request.onOpen?.(run);

  let rejected: RejectedBatch[] = [];
  let stopped: unknown;
  try {
    rejected = await sendAnnotations(octokit, run, request);
  } catch (error) {
    stopped = error; // a rate limit past the cap, or a fault nobody foresaw: complete anyway
  }
  const completion = await completeCheckRun(octokit, run, {
    conclusion: request.conclusion,
    title: request.title,
    summary:
      stopped === undefined
        ? request.summary
        : `${request.summary}\n\n> Some annotations could not be sent (${describeHttpError(stopped).message}); all findings are in the job summary.`
  });
  if (completion.kind === 'failed')
    return { ...completion, rateLimited: stopped instanceof RateLimitExhausted };
  request.onOpen?.(undefined);
  if (created.attempts > 1) await completeDuplicates(octokit, request, created);
  return {
    kind: 'published',
    id: created.id,
    ...(created.url ? { url: created.url } : {}),
    rejected,
    ...(stopped !== undefined
      ? {
          stopped: {
            message: describeHttpError(stopped).message,
            rateLimited: stopped instanceof RateLimitExhausted
          }
        }
      : {}),
    ...(completion.note ? { note: completion.note } : {})
  };
}

/** POST once; after an error that leaves it unknown whether GitHub created the run, look before resending. */
async function createOnce(
  octokit: Octokit,
  request: CheckRunRequest
): Promise<{ id: number; url?: string; attempts: number }> {
  for (let attempt = 1; ; attempt++) {
    try {
      const created = await octokit.rest.checks.create({
        owner: request.owner,
        repo: request.repo,
        name: request.name,
        head_sha: request.headSha,
        status: 'in_progress',
        ...(request.externalId ? { external_id: request.externalId } : {}),
        ...(request.detailsUrl ? { details_url: request.detailsUrl } : {}),
        output: { title: 'Checking…', summary: 'go-major-gate is checking this commit.' }
      });
      return {
        id: created.data.id,
        ...(created.data.html_url ? { url: created.data.html_url } : {}),
        attempts: attempt
      };
    } catch (error) {
      // Without an external_id nothing tells our run from another: never risk a second one.
      if (!isTransient(error) || !request.externalId || attempt >= CREATE_ATTEMPTS) throw error;
      // A moment for GitHub to finish what it may have started, then look.
      await new Promise(resolve => setTimeout(resolve, 1000 * attempt));
      const existing = (await findCheckRuns(octokit, request, request.externalId))[0];
      if (existing) return { ...existing, attempts: attempt };
    }
  }
}

/** This run's check runs on the commit (GitHub filters by name; the external_id tells ours). */
async function findCheckRuns(
  octokit: Octokit,
  request: CheckRunRequest,
  externalId: string
): Promise<{ id: number; url?: string; completed: boolean }[]> {
  const runs = await octokit.paginate(octokit.rest.checks.listForRef, {
    owner: request.owner,
    repo: request.repo,
    ref: request.headSha,
    check_name: request.name,
    filter: 'all',
    per_page: 100
  });
  return runs
    .filter(r => r.external_id === externalId)
    .map(r => ({
      id: r.id,
      ...(r.html_url ? { url: r.html_url } : {}),
      completed: r.status === 'completed'
    }));
}

/**
 * A creation that timed out may land after the lookup found nothing, and the POST sent again made a
 * second run: every other run of ours still in progress is completed with the same verdict.
 */
async function completeDuplicates(
  octokit: Octokit,
  request: CheckRunRequest,
  kept: { id: number; url?: string }
): Promise<void> {
  if (!request.externalId) return;
  try {
    for (const other of await findCheckRuns(octokit, request, request.externalId)) {
      if (other.id === kept.id || other.completed) continue;
      await completeCheckRun(
        octokit,
        { owner: request.owner, repo: request.repo, id: other.id },
        {
          conclusion: request.conclusion,
          title: request.title,
          summary: `A copy GitHub created when it answered the first request with an error; the report is in ${kept.url ?? `check run ${kept.id}`}.`
        }
      );
    }
  } catch {
    // best effort: the run that holds the report is complete
  }
}

/**
 * Each batch once. A batch that failed with a 5xx or a timeout may still have been stored: the run's
 * annotation count says, and only a batch GitHub does not have is sent again.
 */
async function sendAnnotations(
  octokit: Octokit,
  run: OpenCheckRun,
  request: CheckRunRequest
): Promise<RejectedBatch[]> {
  const rejected: RejectedBatch[] = [];
  let stored = 0;
  for (const [index, batch] of chunk(request.annotations, ANNOTATIONS_PER_REQUEST).entries()) {
    const first = index * ANNOTATIONS_PER_REQUEST;
    for (let attempt = 1; ; attempt++) {
      try {
        await octokit.rest.checks.update({
          owner: run.owner,
          repo: run.repo,
          check_run_id: run.id,
          output: { title: request.title, summary: request.summary, annotations: [...batch] }
        });
        stored += batch.length;
        break;
      } catch (error) {
        if (error instanceof RateLimitExhausted) throw error;
        if (isTransient(error) && attempt < CREATE_ATTEMPTS) {
          const count = await annotationCount(octokit, run);
          if (count !== undefined && count >= stored + batch.length) {
            stored = count;
            break; // GitHub took it
          }
          continue;
        }
        rejected.push({ first, count: batch.length, message: describeHttpError(error).message });
        break;
      }
    }
  }
  return rejected;
}

async function annotationCount(octokit: Octokit, run: OpenCheckRun): Promise<number | undefined> {
  try {
    const { data } = await octokit.rest.checks.get({
      owner: run.owner,
      repo: run.repo,
      check_run_id: run.id
    });
    return data.output.annotations_count;
  } catch {
    return undefined;
  }
}

/**
 * Completes the run: with the verdict and its output; if GitHub refuses that output, with the verdict
 * and a short one. The request is idempotent (retried after a 5xx) and may wait past the rate-limit cap.
 */
export async function completeCheckRun(
  octokit: Octokit,
  run: OpenCheckRun,
  outcome: { conclusion: Conclusion | 'cancelled'; title: string; summary: string }
): Promise<{ kind: 'completed'; note?: string } | { kind: 'failed'; message: string }> {
  const send = (title: string, summary: string) =>
    octokit.rest.checks.update({
      owner: run.owner,
      repo: run.repo,
      check_run_id: run.id,
      status: 'completed',
      conclusion: outcome.conclusion,
      completed_at: new Date().toISOString(),
      output: { title, summary },
      request: { idempotent: true, reserveMs: COMPLETION_RESERVE_MS } satisfies HookOptions
    });
  try {
    await send(outcome.title, outcome.summary);
    return { kind: 'completed' };
  } catch (error) {
    const first = describeHttpError(error);
    if (first.status === 422) {
      try {
        await send(
          outcome.title.slice(0, 255),
          `GitHub refused the full summary (${first.message.slice(0, 500)}); the findings are in the job summary and the report.`
        );
        return { kind: 'completed', note: `the summary was refused (${first.message})` };
      } catch {
        // said below
      }
    }
    return {
      kind: 'failed',
      message: `check run ${run.id} was created but could not be completed (${first.message}); it stays in progress on the commit`
    };
  }
}

export function describeHttpError(error: unknown): { status?: number; message: string } {
  const e = error as { status?: number; message?: string; response?: { data?: { message?: string } } };
  const status = typeof e?.status === 'number' ? e.status : undefined;
  const detail = e?.response?.data?.message ?? e?.message ?? String(error);
  return {
    ...(status !== undefined ? { status } : {}),
    message: status !== undefined ? `HTTP ${status}: ${detail}` : detail
  };
}

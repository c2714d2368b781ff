// The Checks API: one check run on the commit being gated, created in progress, annotations sent 50
// per request (GitHub appends them on each update), then completed with the verdict. A token that may
// not write checks (forks, Dependabot, no `checks: write`) is reported as such, so the caller can fall
// back to workflow annotations; a rejected batch is reported, never swallowed.
import type { getOctokit } from '@actions/github';
import type { Conclusion } from '../types.js';
import { chunk, type CheckRunAnnotation } from './annotations.js';

export type Octokit = ReturnType<typeof getOctokit>;

export const ANNOTATIONS_PER_REQUEST = 50;

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
}

export type CheckRunResult =
  | { kind: 'published'; id: number; url?: string; rejected: RejectedBatch[] }
  | { kind: 'forbidden'; status: number; message: string }
  | { kind: 'failed'; message: string };

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
  const { owner, repo } = request;
  let id: number;
  let url: string | undefined;
  try {
    const created = await octokit.rest.checks.create({
      owner,
      repo,
      name: request.name,
      head_sha: request.headSha,
      status: 'in_progress',
      ...(request.detailsUrl ? { details_url: request.detailsUrl } : {}),
      output: { title: 'Checking…', summary: 'go-major-gate is checking this commit.' }
    });
    id = created.data.id;
    url = created.data.html_url ?? undefined;
  } catch (error) {
    const { status, message } = describeHttpError(error);
    if (isPermissionError(status)) return { kind: 'forbidden', status: status as number, message };
    return { kind: 'failed', message };
  }

  const rejected: RejectedBatch[] = [];
  const batches = chunk(request.annotations, ANNOTATIONS_PER_REQUEST);
  for (const [index, batch] of batches.entries()) {
    try {
      await octokit.rest.checks.update({
        owner,
        repo,
        check_run_id: id,
        output: { title: request.title, summary: request.summary, annotations: [...batch] }
      });
    } catch (error) {
      rejected.push({
        first: index * ANNOTATIONS_PER_REQUEST,
        count: batch.length,
        message: describeHttpError(error).message
      });
    }
  }

  try {
    await octokit.rest.checks.update({
      owner,
      repo,
      check_run_id: id,
      status: 'completed',
      conclusion: request.conclusion,
      completed_at: new Date().toISOString(),
      output: { title: request.title, summary: request.summary }
    });
  } catch (error) {
    return {
      kind: 'failed',
      message: `the check run was created but could not be completed: ${describeHttpError(error).message}`
    };
  }
  return { kind: 'published', id, ...(url ? { url } : {}), rejected };
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

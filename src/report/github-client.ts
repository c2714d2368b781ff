// The Octokit the action talks to GitHub with, and the one place that decides how long to wait.
// A request hook replaces @octokit/plugin-retry and plugin-throttling: plugin-retry handled a 429
// before plugin-throttling could read its retry-after, so a 429 asking for 2 s was retried after 1 s.
// Here every request, primary and secondary limits alike, on 403 and 429, waits what GitHub says
// (retry-after, else x-ratelimit-reset when x-ratelimit-remaining is 0, else the minute GitHub's
// docs ask for), within one total cap per run; each attempt has a time limit; a 5xx, a network error
// or a timeout is retried only where repeating the request cannot do it twice (reads, and requests
// the caller marks idempotent). See README "Faults".
import { getOctokit } from '@actions/github';
import type { EndpointDefaults, OctokitResponse } from '@octokit/types';

export type Octokit = ReturnType<typeof getOctokit>;

export interface ClientLimits {
  /** The most one attempt of a request may take. */
  requestTimeoutMs: number;
  /** The most the whole run waits for rate limits, all requests together. */
  rateLimitWaitMs: number;
  /** Aborted when the run's own time is up: every request and every wait stops. */
  signal?: AbortSignal;
  /** Base of the exponential back-off between attempts after a 5xx or a timeout (ms). */
  backoffMs?: number;
  /** The API's address; default GITHUB_API_URL, else https://api.github.com. */
  baseUrl?: string;
  /** Told once per wait, to say in the log what the run is waiting for. */
  log?: (message: string) => void;
}

export const REQUEST_TIMEOUT_MS = 30_000;
export const RATE_LIMIT_WAIT_MS = 120_000;
/** The secondary limit without retry-after: "wait for at least one minute" (GitHub's REST docs). */
const SECONDARY_WAIT_MS = 60_000;
const TRANSIENT_RETRIES = 3;

/** The total wait for rate limits would pass the cap: the caller falls back, and says so once. */
export class RateLimitExhausted extends Error {
  constructor(
    readonly waitMs: number,
    readonly capMs: number,
    detail: string
  ) {
    super(
      `GitHub's rate limit asks for ${Math.ceil(waitMs / 1000)} s more (${detail}), past the ${capMs / 1000} s go-major-gate waits in all`
    );
    this.name = 'RateLimitExhausted';
  }
}

/** One attempt got no answer in time (no status: the request may or may not have taken effect). */
export class RequestTimeout extends Error {
  constructor(what: string, ms: number) {
    super(`GitHub did not answer ${what} within ${ms / 1000} s`);
    this.name = 'RequestTimeout';
  }
}

/** Per-request options the hook reads from `request` (Octokit passes unknown keys through). */
export interface HookOptions {
  /** Whether a 5xx, network error or timeout may be retried: default for GET, HEAD and PUT. */
  idempotent?: boolean;
  /** Allowed to wait past the cap by this much (the last request that completes a check run). */
  reserveMs?: number;
}

interface Budget {
  waitedMs: number;
}

export function createOctokit(token: string, limits: ClientLimits): Octokit {
  const octokit = getOctokit(token, limits.baseUrl ? { baseUrl: limits.baseUrl } : {});
  const budget: Budget = { waitedMs: 0 };
  octokit.hook.wrap('request', async (request: RequestFn, options: RequestOptions) => {
    const hook = (options.request ?? {}) as HookOptions;
    const method = String(options.method ?? 'GET').toUpperCase();
    const idempotent = hook.idempotent ?? ['GET', 'HEAD', 'PUT'].includes(method);
    const what = `${method} ${String(options.url)}`;
    for (let attempt = 0; ; attempt++) {
      limits.signal?.throwIfAborted();
      try {
        return await attemptOnce(request, options, what, limits);
      } catch (error) {
        if (limits.signal?.aborted) throw error;
        const wait = rateLimitWait(error);
        if (wait) {
          const cap = limits.rateLimitWaitMs + (hook.reserveMs ?? 0);
          if (budget.waitedMs + wait.ms > cap) throw new RateLimitExhausted(wait.ms, cap, wait.detail);
          budget.waitedMs += wait.ms;
          limits.log?.(`go-major-gate: ${wait.detail}: waiting ${Math.ceil(wait.ms / 1000)} s (${what})`);
          await sleep(wait.ms, limits.signal);
          continue;
        }
        if (!idempotent || attempt >= TRANSIENT_RETRIES || !isTransient(error)) throw error;
        await sleep((limits.backoffMs ?? 1000) * 2 ** attempt, limits.signal);
      }
    }
  });
  return octokit;
}

type RequestOptions = Required<EndpointDefaults>;
type RequestFn = (options: RequestOptions) => OctokitResponse<unknown> | Promise<OctokitResponse<unknown>>;

async function attemptOnce(
  request: RequestFn,
  options: RequestOptions,
  what: string,
  limits: ClientLimits
): Promise<OctokitResponse<unknown>> {
  // The signal is passed on, but the attempt is also raced against the limit: it ends on time even
  // where a fetch implementation does not stop on the signal.
  const controller = new AbortController();
  const signal = limits.signal ? AbortSignal.any([controller.signal, limits.signal]) : controller.signal;
  let timer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  const stop = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new RequestTimeout(what, limits.requestTimeoutMs));
    }, limits.requestTimeoutMs);
    onAbort = () => reject(limits.signal?.reason as Error);
    limits.signal?.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([request({ ...options, request: { ...options.request, signal } }), stop]);
  } finally {
    clearTimeout(timer);
    if (onAbort) limits.signal?.removeEventListener('abort', onAbort);
  }
}

interface HttpErrorLike {
  status?: number;
  response?: { headers?: Record<string, string | undefined>; data?: { message?: string } };
}

/** How long a 403 or 429 asks to wait, or undefined when it is not a rate limit (a 403 of permissions). */
export function rateLimitWait(error: unknown, now = Date.now()): { ms: number; detail: string } | undefined {
  const e = error as HttpErrorLike;
  if (e?.status !== 403 && e?.status !== 429) return undefined;
  const headers = e.response?.headers ?? {};
  const retryAfter = headers['retry-after'];
  if (retryAfter !== undefined && /^\d+$/.test(retryAfter.trim())) {
    return { ms: Number(retryAfter) * 1000, detail: `HTTP ${e.status} with retry-after: ${retryAfter}` };
  }
  if (headers['x-ratelimit-remaining'] === '0' && /^\d+$/.test(headers['x-ratelimit-reset'] ?? '')) {
    const ms = Math.max(Number(headers['x-ratelimit-reset']) * 1000 - now, 0) + 1000;
    return { ms, detail: `HTTP ${e.status}: the rate limit resets at ${headers['x-ratelimit-reset']}` };
  }
  const message = e.response?.data?.message ?? '';
  if (e.status === 429 || /secondary rate limit|abuse/i.test(message)) {
    return { ms: SECONDARY_WAIT_MS, detail: `HTTP ${e.status}: a secondary rate limit without retry-after` };
  }
  return undefined;
}

/** A server error, no answer, or a network failure: worth another try where that is safe. */
export function isTransient(error: unknown): boolean {
  if (error instanceof RequestTimeout) return true;
  // Octokit reports a network failure as status 500 without a response.
  const status = (error as HttpErrorLike)?.status;
  return status !== undefined && status >= 500;
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason as Error);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason as Error);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

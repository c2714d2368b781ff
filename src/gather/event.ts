// GitHub event payload -> what to gate and which commits to read (DESIGN.md §2). Pure: the payload,
// the event name and the inputs in, a plan out. Commits are resolved and fetched by src/action.ts.
import { normalizeDir } from '../analyze.js';
import type { Intent } from '../types.js';
import { isZeroOid } from './git.js';

export interface EventInputs {
  /** The `version` input: a version, or a tag with its module prefix. */
  version: string;
  /** The `module` input: the module directory for a plain version. */
  module: string;
  /** The `base-ref` input: overrides a pull request's base. */
  baseRef: string;
}

export interface EventEnv {
  /** GITHUB_SHA */
  sha?: string;
  /** GITHUB_REF */
  ref?: string;
}

export type EventPlan =
  | { kind: 'skip'; reason: string }
  | {
      kind: 'gate';
      intent: Intent;
      /** The commit whose tree is gated; undefined: the checked-out HEAD. */
      head?: string;
      /** A tag whose commit is the head (a release event may arrive before the tag is fetched). */
      headTag?: string;
      /** A pull request's base commit or ref. */
      base?: string;
      /** The pull request number, for fetching its head from a fork. */
      pullNumber?: number;
      /** The pull request's label names (allow-breaking-label). */
      labels?: string[];
      /** A pull_request from another repository (fork): its token is read-only. */
      fromFork: boolean;
      /** What the plan was made from, for the log. */
      description: string;
    };

type Payload = Record<string, unknown>;

const TAG_REF = 'refs/tags/';

export function planFromEvent(
  eventName: string,
  payload: Payload,
  inputs: EventInputs,
  env: EventEnv
): EventPlan {
  const explicit = inputs.version.trim() !== '' ? inputs.version : undefined;
  switch (eventName) {
    case 'pull_request':
    case 'pull_request_target':
      return pullRequestPlan(payload, inputs, explicit, eventName === 'pull_request_target');
    case 'push':
      return pushPlan(payload, inputs, explicit, env);
    case 'release':
      return releasePlan(payload, inputs, explicit, env);
    case 'workflow_dispatch': {
      const dispatched = stringAt(payload, 'inputs', 'version');
      const version = explicit ?? (dispatched?.trim() ? dispatched : undefined);
      return gate(versionIntent(version, inputs.module, 'input'), {
        head: env.sha,
        description: 'workflow_dispatch'
      });
    }
    default:
      return gate(versionIntent(explicit, inputs.module, 'input'), {
        head: env.sha,
        description: eventName || 'unknown event'
      });
  }
}

function pullRequestPlan(
  payload: Payload,
  inputs: EventInputs,
  explicit: string | undefined,
  target: boolean
): EventPlan {
  const head = stringAt(payload, 'pull_request', 'head', 'sha');
  const base = inputs.baseRef.trim() || stringAt(payload, 'pull_request', 'base', 'sha');
  const number = numberAt(payload, 'pull_request', 'number') ?? numberAt(payload, 'number');
  if (!head || !base) return { kind: 'skip', reason: 'the pull request payload has no head or base commit' };
  const headRepo = stringAt(payload, 'pull_request', 'head', 'repo', 'full_name');
  const baseRepo = stringAt(payload, 'pull_request', 'base', 'repo', 'full_name');
  const intent: Intent = explicit
    ? versionIntent(explicit, inputs.module, 'input')
    : { kind: 'pull-request', source: 'pull_request' };
  return gate(intent, {
    head,
    base,
    ...(number !== undefined ? { pullNumber: number } : {}),
    ...(labelsOf(payload).length > 0 ? { labels: labelsOf(payload) } : {}),
    // pull_request_target runs with the base repository's writable token, fork or not.
    fromFork: !target && headRepo !== undefined && baseRepo !== undefined && headRepo !== baseRepo,
    description: `pull request${number !== undefined ? ` #${number}` : ''}`
  });
}

/** The names of the pull request's labels, as the payload lists them. */
function labelsOf(payload: Payload): string[] {
  const pr = payload.pull_request as { labels?: unknown } | undefined;
  if (!Array.isArray(pr?.labels)) return [];
  return pr.labels.flatMap(l =>
    l && typeof l === 'object' && typeof (l as { name?: unknown }).name === 'string'
      ? [(l as { name: string }).name]
      : []
  );
}

function pushPlan(
  payload: Payload,
  inputs: EventInputs,
  explicit: string | undefined,
  env: EventEnv
): EventPlan {
  const ref = stringAt(payload, 'ref') ?? env.ref ?? '';
  const after = stringAt(payload, 'after') ?? env.sha;
  if (ref.startsWith(TAG_REF)) {
    const tag = ref.slice(TAG_REF.length);
    if (payload.deleted === true || isZeroOid(after))
      return { kind: 'skip', reason: `tag ${tag} was deleted: nothing to gate` };
    const intent = explicit
      ? versionIntent(explicit, inputs.module, 'input')
      : ({ kind: 'tag', tag, source: 'tag' } as const);
    return gate(intent, { head: after, description: `push of tag ${tag}` });
  }
  if (isZeroOid(after)) return { kind: 'skip', reason: `${ref || 'the ref'} was deleted: nothing to gate` };
  return gate(versionIntent(explicit, inputs.module, 'input'), {
    head: after,
    description: `push to ${ref || 'a branch'}`
  });
}

function releasePlan(
  payload: Payload,
  inputs: EventInputs,
  explicit: string | undefined,
  env: EventEnv
): EventPlan {
  const tag = stringAt(payload, 'release', 'tag_name');
  if (!tag) return { kind: 'skip', reason: 'the release payload has no tag_name' };
  const intent = explicit
    ? versionIntent(explicit, inputs.module, 'input')
    : ({ kind: 'tag', tag, source: 'release' } as const);
  // GITHUB_SHA is the release's commit once the tag exists; a draft's tag may not exist yet.
  return gate(intent, { headTag: tag, ...(env.sha ? { head: env.sha } : {}), description: `release ${tag}` });
}

/** An explicit version: a tag (possibly prefixed), or a plain version of the module in `module`. */
export function versionIntent(version: string | undefined, module: string, source: 'input'): Intent {
  if (version === undefined) return { kind: 'consistency', source };
  if (module.trim() !== '') return { kind: 'version', version, moduleDir: normalizeDir(module), source };
  return { kind: 'tag', tag: version, source };
}

function gate(
  intent: Intent,
  fields: {
    head?: string;
    headTag?: string;
    base?: string;
    pullNumber?: number;
    labels?: string[];
    fromFork?: boolean;
    description: string;
  }
): EventPlan {
  const head = fields.head && !isZeroOid(fields.head) ? fields.head : undefined;
  return {
    kind: 'gate',
    intent,
    ...(head ? { head } : {}),
    ...(fields.headTag ? { headTag: fields.headTag } : {}),
    ...(fields.base ? { base: fields.base } : {}),
    ...(fields.pullNumber !== undefined ? { pullNumber: fields.pullNumber } : {}),
    ...(fields.labels ? { labels: fields.labels } : {}),
    fromFork: fields.fromFork ?? false,
    description: fields.description
  };
}

function valueAt(payload: unknown, ...keys: string[]): unknown {
  let value = payload;
  for (const key of keys) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

function stringAt(payload: unknown, ...keys: string[]): string | undefined {
  const value = valueAt(payload, ...keys);
  return typeof value === 'string' ? value : undefined;
}

function numberAt(payload: unknown, ...keys: string[]): number | undefined {
  const value = valueAt(payload, ...keys);
  return typeof value === 'number' ? value : undefined;
}

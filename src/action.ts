// The GitHub Action: turn the event into a plan, make sure the commits and tags it needs are present
// (fetching what a shallow checkout lacks), run the engine on git objects, and report through a check
// run, workflow annotations, the job summary, output files and the step's exit status.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as core from '@actions/core';
import { allowBreakingChanges, analyze, normalizeDir, type Report } from './analyze.js';
import type { Config } from './config/parse.js';
import { onlyNewReport } from './gather/baseline.js';
import { DEFAULT_CONFIG, readConfig } from './gather/config.js';
import { UsageError } from './errors.js';
import { planFromEvent, type EventPlan } from './gather/event.js';
import { Git } from './gather/git.js';
import {
  describeMissingHistory,
  fetchCommits,
  missingCommits,
  neededCommits,
  type NeededCommit
} from './gather/history.js';
import { gatherSnapshot, markAddedLines, type Gathered } from './gather/snapshot.js';
import { lookUpRepositories, otherRepositoriesNamed } from './gather/redirects.js';
import { GitTree } from './gather/tree.js';
import {
  checkRunAnnotations,
  planWorkflowAnnotations,
  WORKFLOW_ANNOTATIONS_PER_LEVEL
} from './report/annotations.js';
import {
  describeHttpError,
  isPermissionError,
  publishCheckRun,
  type CheckRunResult,
  type OpenCheckRun
} from './report/checkrun.js';
import {
  createOctokit,
  RATE_LIMIT_WAIT_MS,
  RateLimitExhausted,
  REQUEST_TIMEOUT_MS,
  type Octokit
} from './report/github-client.js';
import { formatJson } from './report/json.js';
import { buildReview, filesForSuggestions } from './report/review.js';
import { formatSarif } from './report/sarif.js';
import { buildCheckRunOutput, buildJobSummary, type SummaryContext } from './report/summary.js';
import { loadModules, releasesOfModule } from './go/module/layout.js';
import { compare, majorDigits } from './go/module/version.js';
import type { FailOn, MissingHistory, Snapshot, Tag } from './types.js';
import type { Tree } from './gather/tree.js';
import { patchForReport } from './fixer.js';

export interface ActionInputs {
  version: string;
  module: string;
  workingDirectory: string;
  token: string;
  checkRun: boolean;
  checkName: string;
  annotations: boolean;
  failOn: FailOn;
  disable: string[];
  baseRef: string;
  fetchTags: boolean;
  /** On a pull request, post a review with suggested changes for the fixes on added lines. */
  suggestions?: boolean;
  /** The run's time limit (input run-timeout-minutes, read by main.ts). */
  runTimeoutMinutes?: number;
  /** The configuration file, repository-relative (input config); default .go-major-gate.yml. */
  config?: string;
  /** On a pull request, leave out the findings its merge base has too (input only-new, default true). */
  onlyNew?: boolean;
  /** A pull request label that turns breaking-change errors into notices (input allow-breaking-label). */
  allowBreakingLabel?: string;
}

export interface ActionEnv {
  eventName: string;
  eventPath?: string;
  /** owner/name */
  repository?: string;
  workspace: string;
  sha?: string;
  ref?: string;
  serverUrl?: string;
  runId?: string;
  /** GITHUB_RUN_ATTEMPT: with the run id and the job, what makes the check run's external_id unique. */
  runAttempt?: string;
  job?: string;
  runnerTemp?: string;
  /** Each API request's time limit (ms); default REQUEST_TIMEOUT_MS. */
  requestTimeoutMs?: number;
}

/** How main.ts stops a run that is out of time, and learns which check run to complete then. */
export interface ActionControl {
  signal?: AbortSignal;
  /** The check run while it is open (created, not yet completed); undefined once completed. */
  onCheckRun?: (run: OpenCheckRun | undefined) => void;
}

const REMOTE = 'origin';

/**
 * What a pull request's report leaves out or allows: the findings its merge base has too (only-new,
 * default on; releases are never filtered), and breaking changes under the allow-breaking label.
 */
async function pullRequestFilters(
  report: Report,
  gathered: Gathered,
  plan: Extract<EventPlan, { kind: 'gate' }>,
  inputs: ActionInputs,
  config: Config | undefined
): Promise<Report> {
  if (plan.intent.kind !== 'pull-request') return report;
  let out = report;
  if (inputs.onlyNew !== false) {
    try {
      out = await onlyNewReport(out, gathered, {
        failOn: inputs.failOn,
        disable: inputs.disable,
        ...(config ? { config } : {})
      });
    } catch (error) {
      core.warning(
        `go-major-gate: only-new: the merge base could not be checked (${(error as Error).message}), so every finding is reported`
      );
    }
  }
  const label = inputs.allowBreakingLabel?.trim();
  if (label && plan.labels?.includes(label)) out = allowBreakingChanges(out, label, inputs.failOn);
  return out;
}

export async function runAction(
  inputs: ActionInputs,
  env: ActionEnv,
  control: ActionControl = {}
): Promise<void> {
  const startedAt = Date.now();
  const payload = readPayload(env.eventPath);
  const plan = planFromEvent(env.eventName, payload, inputs, {
    ...(env.sha ? { sha: env.sha } : {}),
    ...(env.ref ? { ref: env.ref } : {})
  });
  if (plan.kind === 'skip') {
    core.notice(`go-major-gate: skipped: ${plan.reason}`);
    core.setOutput('conclusion', 'skipped');
    return;
  }
  core.info(`go-major-gate: ${plan.description}`);

  const dir = resolve(env.workspace, inputs.workingDirectory || '.');
  const git = new Git(dir);
  if (!(await git.isRepository())) {
    throw new UsageError(`${dir} is not a git repository: run actions/checkout before go-major-gate`);
  }
  const api = new ApiState();
  const octokit = inputs.token
    ? createOctokit(inputs.token, {
        requestTimeoutMs: env.requestTimeoutMs ?? REQUEST_TIMEOUT_MS,
        rateLimitWaitMs: RATE_LIMIT_WAIT_MS,
        ...(control.signal ? { signal: control.signal } : {}),
        log: message => core.info(message)
      })
    : undefined;
  const [owner, repo] = (env.repository ?? '/').split('/');

  const commits = await prepareCommits(git, plan, inputs.fetchTags);
  const tags = await tagsOrApiFallback(git, octokit, owner, repo, api);
  const missingHistory = await fetchMissingHistory(git, tags ?? (await git.tags()), plan, {
    tagsFromApi: tags !== undefined,
    tagsMayExist: !commits.tagsFetched && tags === undefined,
    mergeBaseMissing: commits.mergeBaseMissing === true
  });
  const gathered = await gatherSnapshot({
    dir,
    ...(commits.head ? { head: commits.head } : {}),
    ...(commits.base ? { base: commits.base } : {}),
    ...(env.repository ? { repository: env.repository } : {}),
    ...(tags ? { tags } : {}),
    intent: plan.intent,
    disable: inputs.disable
  });
  const { snapshot, tree } = gathered;
  if (missingHistory.length > 0) snapshot.missingHistory = missingHistory;
  if (octokit && env.repository && api.usable())
    snapshot.repositoryRedirects = await askRedirects(octokit, snapshot, env.repository, api);
  const config = await readConfig(
    inputs.config ? { kind: 'tree', path: normalizeDir(inputs.config), required: true } : DEFAULT_CONFIG,
    tree,
    snapshot.files
  );
  const analyzed = analyze(snapshot, {
    intent: plan.intent,
    failOn: inputs.failOn,
    disable: inputs.disable,
    startedAt,
    ...(config ? { config } : {})
  });
  const report = await pullRequestFilters(
    await markAddedLines(gathered, analyzed, startedAt),
    gathered,
    plan,
    inputs,
    config
  );

  const files = writeReportFiles(report, env.runnerTemp);
  setOutputs(report, files, snapshot);
  const patchFiles = await writePatch(report, tree, snapshot, env.runnerTemp);

  const runUrl =
    env.serverUrl && env.repository && env.runId
      ? `${env.serverUrl}/${env.repository}/actions/runs/${env.runId}`
      : undefined;
  const summaryContext: SummaryContext = {
    ...(runUrl ? { checkRunUrl: runUrl } : {}),
    ...(env.serverUrl && env.repository && snapshot.commit
      ? { blob: { serverUrl: env.serverUrl, repository: env.repository, commit: snapshot.commit } }
      : {}),
    patchFiles
  };
  let fallback = false;
  if (inputs.checkRun && octokit && owner && repo && snapshot.commit && api.usable()) {
    const output = buildCheckRunOutput(report, summaryContext);
    const result = await publishCheckRun(octokit, {
      owner,
      repo,
      name: inputs.checkName || 'go-major-gate',
      headSha: snapshot.commit,
      conclusion: report.conclusion,
      title: output.title,
      summary: output.summary,
      annotations: checkRunAnnotations(report.findings),
      ...(runUrl ? { detailsUrl: runUrl } : {}),
      ...(env.runId ? { externalId: externalId(env) } : {}),
      ...(control.onCheckRun ? { onOpen: control.onCheckRun } : {})
    });
    fallback = explainCheckRunResult(result, plan, api);
  } else if (inputs.checkRun && octokit && !api.usable()) {
    fallback = true;
  } else if (inputs.checkRun && !octokit) {
    core.notice(
      'go-major-gate: no token, so no check run; findings are reported as annotations and in the job summary'
    );
    fallback = true;
  }

  if (
    inputs.suggestions &&
    plan.pullNumber !== undefined &&
    octokit &&
    owner &&
    repo &&
    snapshot.commit &&
    api.usable()
  ) {
    await postSuggestions(octokit, git, report, api, {
      owner,
      repo,
      pullNumber: plan.pullNumber,
      commit: snapshot.commit,
      ...(snapshot.addedLines ? { addedLines: snapshot.addedLines } : {}),
      fromFork: plan.fromFork,
      seeAlso:
        inputs.checkRun && !fallback ? `the "${inputs.checkName}" check run and the job summary` : undefined
    });
  }

  if (inputs.annotations || fallback)
    emitWorkflowAnnotations(report, inputs.checkRun && !fallback ? inputs.checkName : undefined);
  await writeJobSummary(report, summaryContext);

  const counts = countSeverities(report);
  const tally = `${counts.errors} error(s), ${counts.warnings} warning(s)`;
  if (report.conclusion === 'failure') core.setFailed(`go-major-gate: the gate failed: ${tally}`);
  else core.info(`go-major-gate: ${report.conclusion}: ${tally}`);
}

function readPayload(path: string | undefined): Record<string, unknown> {
  if (!path) return {};
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  } catch (error) {
    throw new UsageError(`could not read the event payload at ${path}: ${(error as Error).message}`);
  }
}

/** Unique to this run, attempt and job: how a check run GitHub created despite an error is found again. */
export function externalId(env: ActionEnv): string {
  return ['go-major-gate', env.runId, env.runAttempt ?? '1', env.job ?? ''].join('/');
}

/**
 * Once the rate limit would need a wait past the cap, no more API requests are made (but the check
 * run's completion) and it is said once: the findings go to workflow annotations.
 */
class ApiState {
  private exhausted = false;

  usable(): boolean {
    return !this.exhausted;
  }

  /** Whether the error was the exhausted rate limit (then it has been said). */
  rateLimited(error: unknown): boolean {
    if (!(error instanceof RateLimitExhausted)) return false;
    this.sayExhausted(error.message);
    return true;
  }

  sayExhausted(message: string): void {
    if (this.exhausted) return;
    this.exhausted = true;
    core.warning(
      `go-major-gate: ${message}; no more GitHub API requests in this run: the findings are reported as workflow annotations and in the job summary, and this step's status is the gate`
    );
  }
}

/**
 * The release commits the check reads (comparison points, latest releases) that the clone lacks are
 * fetched one by one id (`git fetch --depth=1 origin <sha>`); what still lacks becomes a
 * history-missing finding with the workflow change that fixes it, and the rest of the check runs.
 */
async function fetchMissingHistory(
  git: Git,
  tags: readonly Tag[],
  plan: Extract<EventPlan, { kind: 'gate' }>,
  known: { tagsFromApi: boolean; tagsMayExist: boolean; mergeBaseMissing: boolean }
): Promise<MissingHistory[]> {
  const needed = neededCommits(tags, plan.intent);
  let missing: NeededCommit[] = await missingCommits(git, needed);
  let fetchError: string | undefined;
  if (missing.length > 0 && (await git.remoteUrl(REMOTE)) !== undefined) {
    core.info(
      `go-major-gate: fetching ${missing.length} release commit(s) the clone lacks: ${missing.map(m => m.tag).join(', ')}`
    );
    fetchError = await fetchCommits(
      git,
      REMOTE,
      missing.map(m => m.commit)
    );
    missing = await missingCommits(git, missing);
  }
  const described = describeMissingHistory(
    {
      tags,
      shallow: await git.isShallow(),
      intent: plan.intent,
      missing,
      ...(fetchError ? { fetchError } : {}),
      ...known
    },
    'action'
  );
  for (const m of described.filter(d => d.severity === 'warning'))
    core.info(`go-major-gate: ${m.what}: ${m.affects}`);
  return described;
}

interface PreparedCommits {
  head?: string;
  base?: string;
  /** A pull request whose base and head have no merge base in the clone, even deepened. */
  mergeBaseMissing?: boolean;
  /** The tags were fetched from origin (so the clone has them all). */
  tagsFetched: boolean;
}

/**
 * Makes sure the head and base commits and the tags are present: a default checkout has one commit
 * and no tags. Each fetch is an attempt; what still lacks afterwards is said plainly.
 */
async function prepareCommits(
  git: Git,
  plan: Extract<EventPlan, { kind: 'gate' }>,
  fetchTags: boolean
): Promise<PreparedCommits> {
  const hasRemote = (await git.remoteUrl(REMOTE)) !== undefined;
  const shallow = await git.isShallow();
  let tagsFetched = false;
  if (fetchTags && hasRemote) {
    const error = await git.fetch(REMOTE, ['--tags', '--force']);
    if (error)
      core.warning(
        `go-major-gate: could not fetch tags from ${REMOTE} (${error}); using the tags the checkout has`
      );
    tagsFetched = error === undefined;
  }

  let head = plan.head;
  if (head && !(await git.hasCommit(head)) && hasRemote) {
    const refspecs = [
      head,
      ...(plan.pullNumber !== undefined
        ? [`+refs/pull/${plan.pullNumber}/head:refs/remotes/${REMOTE}/pr-head`]
        : [])
    ];
    await git.fetchRefs(REMOTE, refspecs, shallow);
  }
  if (head && !(await git.hasCommit(head))) {
    if (plan.headTag) head = await git.commitOf(`refs/tags/${plan.headTag}`);
    if (!head)
      throw new UsageError(
        `commit ${plan.head} is not in the checkout and could not be fetched from ${REMOTE}`
      );
  }
  if (!head && plan.headTag) head = await git.commitOf(`refs/tags/${plan.headTag}`);

  let base = plan.base;
  if (base) {
    base = (await git.commitOf(base)) ?? (await git.commitOf(`${REMOTE}/${base}`));
    if (!base && hasRemote) {
      await git.fetchRefs(REMOTE, [plan.base as string], shallow);
      base = (await git.commitOf(plan.base as string)) ?? (await git.commitOf('FETCH_HEAD'));
    }
    if (!base)
      throw new UsageError(
        `the pull request's base ${plan.base} is not in the checkout and could not be fetched`
      );
    const found = head ? await deepenToMergeBase(git, base, head, shallow && hasRemote) : true;
    if (!found) return { ...(head ? { head } : {}), base, mergeBaseMissing: true, tagsFetched };
  }
  return { ...(head ? { head } : {}), ...(base ? { base } : {}), tagsFetched };
}

/**
 * A shallow clone may lack the merge base of a pull request: deepen a few times, then go without
 * (a history-missing notice says so). Returns whether it is there.
 */
async function deepenToMergeBase(git: Git, base: string, head: string, canDeepen: boolean): Promise<boolean> {
  for (const depth of [50, 500, 5000]) {
    if (await git.mergeBase(base, head)) return true;
    if (!canDeepen) break;
    await git.fetch(REMOTE, ['--no-tags', `--deepen=${depth}`]);
  }
  return (await git.mergeBase(base, head)) !== undefined;
}

/** The clone's tags, or, when it has none and a token is at hand, the repository's tags from the REST API. */
async function tagsOrApiFallback(
  git: Git,
  octokit: Octokit | undefined,
  owner: string,
  repo: string,
  api: ApiState
): Promise<Tag[] | undefined> {
  const local = await git.tags();
  if (local.length > 0 || !octokit || !owner || !repo) return undefined;
  try {
    const listed = await octokit.paginate(octokit.rest.repos.listTags, { owner, repo, per_page: 100 });
    core.info(`go-major-gate: the checkout has no tags; read ${listed.length} from the API`);
    return listed.map(t => ({ name: t.name, commit: t.commit.sha }));
  } catch (error) {
    if (api.rateLimited(error)) return undefined;
    core.warning(
      `go-major-gate: the checkout has no tags and the API did not list them (${describeHttpError(error).message}); tag-exists and version-order cannot see earlier releases`
    );
    return undefined;
  }
}

/** Whether the other repositories the module paths name redirect here (module-path-repository). */
async function askRedirects(
  octokit: Octokit,
  snapshot: Snapshot,
  repository: string,
  api: ApiState
): Promise<Map<string, string | null>> {
  return lookUpRepositories(octokit, otherRepositoriesNamed(snapshot.goMods, repository), (named, error) => {
    if (api.rateLimited(error)) return true;
    core.info(
      `go-major-gate: could not ask GitHub whether ${named} redirects to ${repository} (${describeHttpError(error).message}); module-path-repository judges without it`
    );
    return false;
  });
}

interface ReportFiles {
  report: string;
  sarif: string;
}

function writeReportFiles(report: Report, runnerTemp: string | undefined): ReportFiles {
  const dir = join(runnerTemp || tmpdir(), 'go-major-gate');
  mkdirSync(dir, { recursive: true });
  const files = { report: join(dir, 'report.json'), sarif: join(dir, 'report.sarif') };
  writeFileSync(files.report, formatJson(report));
  writeFileSync(files.sarif, formatSarif(report));
  return files;
}

/** The `patch` output: a unified diff fixing everything fixable, or empty when nothing is; returns its file count. */
async function writePatch(
  report: Report,
  tree: Tree,
  snapshot: Snapshot,
  runnerTemp: string | undefined
): Promise<number> {
  try {
    const { patch, files, unsafe } = await patchForReport(report, tree, snapshot.files, snapshot.goMods);
    if (!patch) {
      core.setOutput('patch', '');
      return 0;
    }
    const path = join(runnerTemp || tmpdir(), 'go-major-gate', 'fix.patch');
    writeFileSync(path, patch);
    core.setOutput('patch', path);
    core.info(
      `go-major-gate: ${path} fixes ${files} file(s) (git apply ${path})${unsafe.length ? `; ${unsafe.length} file(s) need a hand: ${unsafe.map(u => `${u.file}: ${u.reason}`).join('; ')}` : ''}`
    );
    return files;
  } catch (error) {
    core.setOutput('patch', '');
    core.warning(`go-major-gate: could not build the fix patch: ${(error as Error).message}`);
    return 0;
  }
}

function countSeverities(report: Report): { errors: number; warnings: number } {
  return {
    errors: report.findings.filter(f => f.severity === 'error').length,
    warnings: report.findings.filter(f => f.severity === 'warning').length
  };
}

function setOutputs(report: Report, files: ReportFiles, snapshot: Snapshot): void {
  const counts = countSeverities(report);
  const gated = report.targets.find(t => t.version !== null) ?? report.targets[0];
  const module =
    report.modules.find(m => m.path === gated?.module) ?? report.modules.find(m => m.dir === '.');
  core.setOutput('conclusion', report.conclusion);
  core.setOutput('errors', counts.errors);
  core.setOutput('warnings', counts.warnings);
  core.setOutput('version', gated?.version ?? '');
  core.setOutput(
    'major',
    gated?.version ? (/^v(\d+)/.exec(gated.version)?.[1] ?? '') : module ? String(module.major) : ''
  );
  core.setOutput('module-path', gated?.module ?? module?.path ?? '');
  core.setOutput('next-version', gated?.suggested ?? '');
  core.setOutput('bump', bumpOf(gated, snapshot));
  core.setOutput('report', files.report);
  core.setOutput('sarif', files.sarif);
}

/**
 * The `bump` output: how the suggested next version moves from the module's latest release (major,
 * minor, patch), or none without a suggestion (no comparison point). A first release counts from v0.0.0.
 */
function bumpOf(gated: Report['targets'][number] | undefined, snapshot: Snapshot): string {
  if (!gated?.suggested) return 'none';
  const module = loadModules(snapshot.goMods).find(m => m.dir === gated.dir);
  const latest = module
    ? releasesOfModule(snapshot.tags, module)
        .filter(r => r.tag !== gated.tag)
        .pop()?.version
    : undefined;
  return bumpBetween(latest ?? 'v0.0.0', gated.suggested);
}

export function bumpBetween(from: string, to: string): 'major' | 'minor' | 'patch' | 'none' {
  if (compare(to, from) <= 0) return 'none';
  const [fromMajor, fromMinor] = from.slice(1).split(/[.+-]/);
  const [toMajor, toMinor] = to.slice(1).split(/[.+-]/);
  if (majorDigits(from) !== majorDigits(to) || fromMajor !== toMajor) return 'major';
  return fromMinor !== toMinor ? 'minor' : 'patch';
}

/** Says once, plainly, why there is no check run and what changes that; returns whether to fall back. */
function explainCheckRunResult(
  result: CheckRunResult,
  plan: Extract<EventPlan, { kind: 'gate' }>,
  api: ApiState
): boolean {
  if (result.kind === 'published') {
    if (result.note) core.warning(`go-major-gate: the check run is complete, but ${result.note}`);
    if (result.stopped?.rateLimited) api.sayExhausted(result.stopped.message);
    else if (result.stopped)
      core.warning(
        `go-major-gate: annotations of the check run stopped (${result.stopped.message}); the findings are reported as annotations and in the job summary`
      );
    for (const batch of result.rejected) {
      core.warning(
        `go-major-gate: GitHub rejected annotations ${batch.first + 1}-${batch.first + batch.count} of the check run (${batch.message}); they are in the job summary and the report`
      );
    }
    core.info(`go-major-gate: check run ${result.url ?? result.id} completed`);
    return result.rejected.length > 0 || result.stopped !== undefined;
  }
  if (result.kind === 'forbidden') {
    const why = plan.fromFork
      ? `the token of a pull request from a fork is read-only (${result.message}). To get the check run, run the workflow on pull_request_target: go-major-gate only reads the pull request's commits as git objects and never runs its code`
      : `the token may not write check runs (${result.message}). Add "permissions: { contents: read, checks: write }" to the job (Dependabot pull requests get a read-only token as forks do)`;
    core.warning(
      `go-major-gate: no check run: ${why}. The findings are reported as annotations and in the job summary, and this step's status is the gate.`
    );
    return true;
  }
  if (result.rateLimited) {
    api.sayExhausted(result.message);
    return true;
  }
  core.warning(
    `go-major-gate: the check run could not be published (${result.message}); the findings are reported as annotations and in the job summary`
  );
  return true;
}

interface SuggestionTarget {
  owner: string;
  repo: string;
  pullNumber: number;
  /** The pull request's head commit: the review's commit_id and where the lines are read. */
  commit: string;
  addedLines?: Map<string, Set<number>>;
  fromFork: boolean;
  seeAlso: string | undefined;
}

/**
 * One review with suggested changes on the pull request. The lines come from git objects at the head
 * commit (one cat-file process); a token that may not write reviews gets one warning saying what fixes it.
 */
async function postSuggestions(
  octokit: Octokit,
  git: Git,
  report: Report,
  api: ApiState,
  target: SuggestionTarget
): Promise<void> {
  const paths = filesForSuggestions(report.findings);
  if (paths.length === 0) return;
  const files = new Map<string, string>();
  // A line that is not valid UTF-8 cannot be given back exactly: such a file gets no suggestion.
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    await new GitTree(git, target.commit).read(
      { whole: paths, headers: [] },
      {
        onFile: (path, data) => {
          try {
            if (data) files.set(path, decoder.decode(data));
          } catch {
            // left out: buildReview lists its findings as not readable
          }
        },
        onScan: () => undefined
      }
    );
  } catch (error) {
    core.warning(
      `go-major-gate: no suggested changes: could not read the files at ${target.commit} (${(error as Error).message})`
    );
    return;
  }
  const review = buildReview(report.findings, files, {
    ...(target.addedLines
      ? { isAddedLine: (path: string, line: number) => target.addedLines?.get(path)?.has(line) === true }
      : {}),
    ...(target.seeAlso ? { seeAlso: target.seeAlso } : {})
  });
  if (!review) return;
  try {
    const created = await octokit.rest.pulls.createReview({
      owner: target.owner,
      repo: target.repo,
      pull_number: target.pullNumber,
      commit_id: target.commit,
      event: 'COMMENT',
      body: review.body,
      comments: review.comments
    });
    core.info(
      `go-major-gate: review with ${review.comments.length} suggested change(s) posted: ${created.data.html_url}`
    );
  } catch (error) {
    if (api.rateLimited(error)) return;
    const { status, message } = describeHttpError(error);
    if (isPermissionError(status)) {
      const why = target.fromFork
        ? `the token of a pull request from a fork is read-only (${message}). To get them, run the workflow on pull_request_target: go-major-gate only reads the pull request's commits as git objects and never runs its code`
        : `the token may not write pull request reviews (${message}). Add "pull-requests: write" to the job's permissions (Dependabot pull requests get a read-only token as forks do)`;
      core.warning(
        `go-major-gate: no suggested changes: ${why}. The fixes are in the annotations and the job summary, and this step's status is the gate.`
      );
      return;
    }
    core.warning(
      `go-major-gate: the review with suggested changes could not be posted (${message}); the fixes are in the annotations and the job summary`
    );
  }
}

function emitWorkflowAnnotations(report: Report, checkName: string | undefined): void {
  const seeAlso = checkName ? `the "${checkName}" check run and the job summary` : 'the job summary';
  // GitHub keeps 10 annotations of a level per step; a failing gate's own error (setFailed) takes one.
  const perLevel =
    report.conclusion === 'failure' ? WORKFLOW_ANNOTATIONS_PER_LEVEL - 1 : WORKFLOW_ANNOTATIONS_PER_LEVEL;
  for (const a of planWorkflowAnnotations(report.findings, { seeAlso, perLevel })) {
    const emit = a.level === 'error' ? core.error : a.level === 'warning' ? core.warning : core.notice;
    emit(a.message, a.properties);
  }
}

async function writeJobSummary(report: Report, context: SummaryContext): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  try {
    await core.summary.addRaw(buildJobSummary(report, context)).write();
  } catch (error) {
    core.warning(`go-major-gate: could not write the job summary: ${(error as Error).message}`);
  }
}

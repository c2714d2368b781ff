// What the check needs from git history, and what a thin clone lacks of it: the commits of the
// releases it compares with or reads go.mod files from, the tags, the history beyond a shallow
// clone's edge. Shared by the CLI (which says what to fetch) and the action (which fetches exactly
// the missing commits first, then says what still lacks and which workflow change brings it).
import { releasesWithPrefix, splitTag, tagPrefixOf } from '../go/module/layout.js';
import { compare, isValid, majorDigits } from '../go/module/version.js';
import type { Intent, MissingHistory, Tag } from '../types.js';
import type { Git } from './git.js';

/** A commit the check reads, and what for. */
export interface NeededCommit {
  commit: string;
  tag: string;
  /** What goes without it. */
  affects: string;
}

const COMPARISON =
  'breaking-change could not compare the exported API with it (and no next version is suggested)';
const LATEST = "module-renamed could not read the module's go.mod at its latest release";

/**
 * The release commits the check may read: for each tag prefix, the latest release (its go.mod is
 * read for module-renamed), and the comparison points of breaking-change: for a version gated, the
 * latest earlier release of its major; in a consistency check the latest release of each major (a
 * pull request is compared with its base).
 */
export function neededCommits(tags: readonly Tag[], intent?: Intent): NeededCommit[] {
  const target = gatedRelease(intent);
  const needed = new Map<string, { tag: string; uses: Set<string> }>();
  const need = (r: { commit: string; tag: string }, use: string) => {
    const entry = needed.get(r.commit) ?? { tag: r.tag, uses: new Set<string>() };
    entry.uses.add(use);
    needed.set(r.commit, entry);
  };
  for (const prefix of new Set(tags.map(t => splitTag(t.name).prefix))) {
    const releases = releasesWithPrefix(tags, prefix).filter(r => r.tag !== target?.tag);
    const latest = releases[releases.length - 1];
    if (latest) need(latest, LATEST);
    const group = (version: string) => (majorDigits(version) === '0' ? '1' : majorDigits(version));
    if (target && target.prefix === prefix) {
      const earlier = releases.filter(
        r => group(r.version) === group(target.version) && compare(r.version, target.version) < 0
      );
      const point = earlier[earlier.length - 1];
      if (point) need(point, COMPARISON);
    } else if (!target && intent?.kind !== 'pull-request') {
      const latestOfMajor = new Map<string, (typeof releases)[number]>();
      for (const r of releases) latestOfMajor.set(group(r.version), r);
      for (const r of latestOfMajor.values()) need(r, COMPARISON);
    }
  }
  return [...needed].map(([commit, { tag, uses }]) => ({
    commit,
    tag,
    affects: [...uses].sort().join(', and ')
  }));
}

/** The tag prefix and version a tag or version check gates, when it is a valid one. */
function gatedRelease(
  intent: Intent | undefined
): { prefix: string; version: string; tag?: string } | undefined {
  if (intent?.kind === 'tag') {
    const { prefix, version } = splitTag(intent.tag);
    return isValid(version) ? { prefix, version, tag: intent.tag } : undefined;
  }
  if (intent?.kind === 'version' && isValid(intent.version)) {
    const prefix = intent.moduleDir ? tagPrefixOf(intent.moduleDir) : '';
    return { prefix, version: intent.version, tag: `${prefix}${intent.version}` };
  }
  return undefined;
}

/** The needed commits this clone does not have (one cat-file process). */
export async function missingCommits(git: Git, needed: readonly NeededCommit[]): Promise<NeededCommit[]> {
  if (needed.length === 0) return [];
  const present = new Set<string>();
  await git.readObjects(
    needed.map(n => `${n.commit}^{commit}`),
    (oid, data) => void (data && present.add(oid))
  );
  // cat-file answers with the object's id, which for a commit is the commit asked for.
  return needed.filter(n => !present.has(n.commit));
}

/** How the fix is phrased: commands for the CLI, workflow changes for the action. */
export type Remedy = 'cli' | 'action';

export interface HistoryFacts {
  tags: readonly Tag[];
  shallow: boolean;
  intent: Intent;
  /** Needed commits still missing (after the action's fetch). */
  missing: readonly NeededCommit[];
  /** Why a missing commit is missing, when known (the fetch's error). */
  fetchError?: string;
  /** A pull request's base and head have no merge base in the clone. */
  mergeBaseMissing?: boolean;
  /** The action listed the tags through the API (the clone had none). */
  tagsFromApi?: boolean;
  /**
   * Whether tags may exist that the clone does not have: a shallow clone (CLI), or tags neither
   * fetched nor listed through the API (action). A full clone without tags is a first release.
   */
  tagsMayExist: boolean;
}

/** The findings' facts: what lacks, why, what it keeps from running, and the fix. */
export function describeMissingHistory(facts: HistoryFacts, remedy: Remedy): MissingHistory[] {
  const out: MissingHistory[] = [];
  const releaseCheck = facts.intent.kind === 'tag' || facts.intent.kind === 'version';
  if (facts.tags.length === 0 && releaseCheck && facts.tagsMayExist) {
    out.push({
      severity: 'notice',
      what: 'this clone has no tags',
      why:
        remedy === 'action'
          ? 'they were not fetched (fetch-tags is false, or the fetch failed) and the API did not list them'
          : 'it is shallow, and a shallow clone has tags only when they are fetched',
      affects:
        'tag-exists, version-order and breaking-change could not see earlier releases (right only for a first release)',
      fix:
        remedy === 'cli'
          ? 'run "git fetch --tags --unshallow" and check again'
          : 'keep the input fetch-tags: true (the default) and give the job contents: read, or set fetch-tags: true on actions/checkout'
    });
  }
  if (facts.mergeBaseMissing) {
    out.push({
      severity: 'notice',
      what: "the merge base of the pull request's base and head is not in this clone",
      why: facts.shallow ? 'the clone is shallow' : 'the two histories do not meet here',
      affects:
        'its added lines are taken against the base commit itself: a finding may be marked new on a line the base changed since',
      fix:
        remedy === 'cli'
          ? 'run "git fetch --unshallow" and check again'
          : 'set fetch-depth: 0 on actions/checkout'
    });
  }
  for (const m of facts.missing) {
    const why = facts.fetchError
      ? `fetching it from origin failed: ${facts.fetchError}`
      : facts.shallow
        ? 'the clone is shallow'
        : 'the tag points outside the fetched history';
    out.push({
      severity: 'warning',
      what: `the commit ${m.commit.slice(0, 12)} of ${m.tag} is not in this clone`,
      why: facts.tagsFromApi ? `${why}; the tag was listed by the GitHub API` : why,
      affects: m.affects,
      fix:
        remedy === 'cli'
          ? facts.shallow
            ? 'run "git fetch --unshallow --tags" and check again'
            : `run "git fetch origin ${m.commit}" (or "git fetch --tags") and check again`
          : 'set fetch-depth: 0 on actions/checkout (or fetch-tags: true, so that the tags come with their commits)'
    });
  }
  return out;
}

/**
 * Fetches exactly the missing commits (GitHub serves any reachable commit by its id), one level deep
 * so that a shallow clone stays shallow. Returns the error text, or undefined.
 */
export async function fetchCommits(
  git: Git,
  remote: string,
  commits: readonly string[]
): Promise<string | undefined> {
  if (commits.length === 0) return undefined;
  return git.fetchRefs(remote, [...commits], true);
}

// What the check needs from git history, and what a thin clone lacks of it: the commits of the
// releases it compares with or reads go.mod files from, the tags, the history beyond a shallow
// clone's edge. Shared by the CLI (which says what to fetch) and the action (which fetches exactly
// the missing commits first, then says what still lacks and which workflow change brings it).
import { releasesWithPrefix, splitTag } from '../go/module/layout.js';
import { majorDigits } from '../go/module/version.js';
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
 * read for module-renamed) and the latest of each major (the comparison point of breaking-change).
 */
export function neededCommits(tags: readonly Tag[]): NeededCommit[] {
  const prefixes = new Set(tags.map(t => splitTag(t.name).prefix));
  const needed = new Map<string, NeededCommit>();
  for (const prefix of prefixes) {
    const releases = releasesWithPrefix(tags, prefix);
    const latestOfMajor = new Map<string, (typeof releases)[number]>();
    for (const r of releases) {
      const major = majorDigits(r.version);
      latestOfMajor.set(major === '0' ? '1' : major, r);
    }
    const latest = releases[releases.length - 1];
    for (const r of latestOfMajor.values()) {
      const affects = r === latest ? `${COMPARISON}, and ${LATEST}` : COMPARISON;
      if (!needed.has(r.commit)) needed.set(r.commit, { commit: r.commit, tag: r.tag, affects });
    }
  }
  return [...needed.values()];
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
  /** The action listed the tags through the API (the clone had none). */
  tagsFromApi?: boolean;
}

/** The findings' facts: what lacks, why, what it keeps from running, and the fix. */
export function describeMissingHistory(facts: HistoryFacts, remedy: Remedy): MissingHistory[] {
  const out: MissingHistory[] = [];
  const releaseCheck = facts.intent.kind === 'tag' || facts.intent.kind === 'version';
  if (facts.tags.length === 0 && releaseCheck) {
    out.push({
      severity: 'notice',
      what: 'no tag',
      why: facts.shallow
        ? 'a shallow clone has no tags unless they are fetched'
        : 'none is fetched or none exists yet',
      affects:
        'tag-exists, version-order and breaking-change could not see earlier releases (right only for a first release)',
      fix:
        remedy === 'cli'
          ? 'run "git fetch --tags" and check again'
          : 'keep the input fetch-tags: true (the default) and give the job contents: read, or set fetch-tags: true on actions/checkout'
    });
  } else if (facts.shallow && remedy === 'cli' && facts.missing.length === 0) {
    out.push({
      severity: 'notice',
      what: 'the history before the shallow edge',
      why: `a shallow clone with ${facts.tags.length} tag(s)`,
      affects:
        'tags not fetched are unknown to tag-exists and version-order, and a pull request may lack its merge base',
      fix: 'run "git fetch --tags --unshallow" and check again'
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
      what: `the commit ${m.commit.slice(0, 12)} of ${m.tag}`,
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

// What GitHub says about the other repositories the module paths name (module-path-repository): GET
// /repos/OLD/NAME of a renamed repository answers 301, which Octokit follows to the current one, so
// the answer's full_name tells whether the path redirects to the repository being released.
import { modulePath } from '../go/module/modfile.js';
import { githubRepositoryOf } from '../rules/module-identity.js';
import type { Octokit } from '../report/github-client.js';

/** At most this many repositories are asked about in a run (each is one request). */
const MAX_LOOKUPS = 10;

/**
 * The other repositories (`owner/name`) the go.mod files' github.com paths name, not differing from
 * `repository` only in letter case (GitHub matches names without case, so its answer says nothing).
 */
export function otherRepositoriesNamed(
  goMods: ReadonlyMap<string, Uint8Array>,
  repository: string
): string[] {
  const named = new Set<string>();
  for (const data of goMods.values()) {
    const path = modulePath(data);
    const other = path ? githubRepositoryOf(path) : undefined;
    if (other && other.toLowerCase() !== repository.toLowerCase()) named.add(other);
  }
  return [...named].sort().slice(0, MAX_LOOKUPS);
}

/**
 * For each repository named: its current `owner/name` (after a rename's redirect), or null when
 * GitHub answers 404. A repository any other error left unanswered is left out: the rule then judges
 * without GitHub's word, as the command line does.
 */
export async function lookUpRepositories(
  octokit: Octokit,
  named: readonly string[],
  /** Told each request that failed otherwise than 404; returning true stops asking (a rate limit). */
  failed: (repository: string, error: unknown) => boolean
): Promise<Map<string, string | null>> {
  const answers = new Map<string, string | null>();
  for (const repository of named) {
    const [owner, repo] = repository.split('/') as [string, string];
    try {
      const { data } = await octokit.rest.repos.get({ owner, repo });
      answers.set(repository, data.full_name);
    } catch (error) {
      if ((error as { status?: number }).status === 404) answers.set(repository, null);
      else if (failed(repository, error)) break;
    }
  }
  return answers;
}

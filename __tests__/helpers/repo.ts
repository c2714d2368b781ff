// Real git repositories in temporary folders, built from full-tree snapshots (the scenario format of
// ../shared/conformance/README.md: each history entry is a whole tree, oldest first).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export interface TreeState {
  files: Record<string, string | Uint8Array>;
  tags?: string[];
}

const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.com',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null'
};

export function git(dir: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd: dir,
    env: GIT_ENV,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe']
  });
}

export function tempDir(prefix = 'gmg-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Replaces the work tree (all but .git) with `files`. */
export function writeTree(dir: string, files: TreeState['files']): void {
  for (const entry of readdirSync(dir))
    if (entry !== '.git') rmSync(join(dir, entry), { recursive: true, force: true });
  for (const [path, content] of Object.entries(files)) {
    const target = join(dir, ...path.split('/'));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
}

/** Commits a full tree and tags the commit (lightweight tags). Returns the commit id. */
export function commitTree(dir: string, state: TreeState, message = 'snapshot'): string {
  writeTree(dir, state.files);
  git(dir, 'add', '-A');
  git(dir, 'commit', '--allow-empty', '-q', '-m', message);
  for (const tag of state.tags ?? []) git(dir, 'tag', '--', tag);
  return git(dir, 'rev-parse', 'HEAD').trim();
}

/** A repository with `history` committed oldest first, then `head` committed on top (untagged). */
export function makeRepo(history: TreeState[], head?: TreeState): string {
  const dir = tempDir();
  git(dir, 'init', '-q', '-b', 'main');
  history.forEach((state, i) => commitTree(dir, state, `history ${i + 1}`));
  if (head) commitTree(dir, head, 'head');
  return dir;
}

// The benchmark's fixed settings: tree sizes (full and --quick), runs and budgets, the seed, the
// goals, where the CLI is, and the git environment that makes every generated commit id the same.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// ---------------------------------------------------------------------------------------------
// Configuration

export interface Sizes {
  /** .go files of the single-module tree. */
  oneFiles: number;
  /** Modules of the monorepo, the root one included. */
  monoModules: number;
  /** .go files of the monorepo. */
  monoFiles: number;
}

export const FULL: Sizes = { oneFiles: 10_000, monoModules: 300, monoFiles: 50_000 };
export const QUICK: Sizes = { oneFiles: 1_000, monoModules: 30, monoFiles: 5_000 };
export const FILES_PER_PACKAGE = 20;
/** Packages the single module's minor release changes (each is compared in full by breaking-change). */
export const CHANGED_PACKAGES = 20;
export const WARMUPS = 1;
export const RUNS = 3;
/** Stop repeating a measurement once its timed runs have taken this long (see bestOf). */
export const RUN_BUDGET_MS = 30_000;
export const SEED = 0x5eed_2024;

export const GOALS = { checkOverCat: 2, goListOverCheck: 10, headOverWorktree: 1.5 };

/** The project root: bench/run.ts lives in bench/, its compiled form in .bench/. */
export const PROJECT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const CLI = join(PROJECT, 'dist', 'cli.js');

// Fixed identity and dates so that commits (and their ids) are the same on every run, and no user
// or system git configuration (hooks, signing, templates) takes part.
export const GIT_ENV: NodeJS.ProcessEnv = {
  ...process.env,
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_AUTHOR_NAME: 'Bench',
  GIT_AUTHOR_EMAIL: 'bench@example.com',
  GIT_COMMITTER_NAME: 'Bench',
  GIT_COMMITTER_EMAIL: 'bench@example.com',
  GIT_TERMINAL_PROMPT: '0'
};

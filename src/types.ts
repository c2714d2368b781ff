// The data that flows through the engine: gather -> Snapshot -> rules -> Finding[] -> report.
import type { ImportScan } from './go/module/imports.js';
import type { ModuleApi } from './go/api/model.js';
import type { ReferenceLine } from './go/module/references.js';

export type Severity = 'error' | 'warning' | 'notice';

export type RuleId =
  | 'gomod-syntax'
  | 'gomod-unreadable'
  | 'module-path-invalid'
  | 'module-path-major'
  | 'module-path-repository'
  | 'module-renamed'
  | 'module-location'
  | 'incompatible-release'
  | 'stale-self-import'
  | 'self-requirement'
  | 'require-major-mismatch'
  | 'retract-major-mismatch'
  | 'mixed-major-import'
  | 'sibling-old-major'
  | 'local-replace'
  | 'deprecated-module'
  | 'tag-invalid'
  | 'tag-exists'
  | 'version-order'
  | 'retracted-version'
  | 'stale-reference'
  | 'breaking-change'
  | 'file-unreadable'
  | 'history-missing'
  | 'config-refused'
  | 'accept-unmatched';

export interface Fix {
  /** Text that replaces the span [line:column, endLine:endColumn). */
  replacement: string;
}

export interface Finding {
  rule: RuleId;
  severity: Severity;
  /** Repository-relative path with forward slashes; null for findings about the tag or version. */
  file: string | null;
  line: number | null;
  column?: number;
  endLine?: number;
  endColumn?: number;
  /** The module path the finding concerns, when there is one. */
  module?: string;
  message: string;
  fix?: Fix;
  /** breaking-change: the symbol the finding is about, package-relative (`log.Debug`). */
  symbol?: string;
  /** The reason of the configuration's accept entry that accepted the finding (it is then a notice). */
  accepted?: string;
  /** Whether the finding sits on a line the pull request added (set only for pull requests). */
  new?: boolean;
  /** Directory of the module the finding belongs to; internal, used by the stopping rules. */
  moduleDir?: string;
}

export interface Tag {
  name: string;
  /** The commit the tag points to (peeled for annotated tags). */
  commit: string;
}

/** What a Go source file told the scanner, or why it could not be read. */
export type GoFileInfo = ImportScan;

/** Everything the rules may look at, gathered once by src/gather. Pure data. */
export interface Snapshot {
  /**
   * Every file of the tree (symbolic links included, never read), repository-relative, sorted; less
   * those under a go.mod that cannot be read (see `unreadable`).
   */
  files: string[];
  /** Content of every go.mod file that can be a module root, keyed by its path. */
  goMods: Map<string, Uint8Array>;
  /** Import scan of every counted .go file that a module owns. */
  goFiles: Map<string, GoFileInfo>;
  /**
   * Lines that name a module family's path in the files src/go/module/references.ts reads (docs, .proto,
   * build files; in .go files only //go:generate lines), found by one `git grep`, per file.
   */
  referenceLines?: Map<string, ReferenceLine[]>;
  /** The whole text of the Markdown files among them (code fences need the lines between hits). */
  referenceDocuments?: Map<string, string>;
  /**
   * Files that could not be read at all (I/O error, not a regular file, a symbolic link, over the
   * size cap), with the reason. A go.mod among them roots a module that is unknown: nothing under
   * its directory but the go.mod itself is in `files`, `goFiles` or `referenceLines`.
   */
  unreadable: Map<string, string>;
  tags: Tag[];
  /** The commit being gated, when known (a git ref, or HEAD of a clean working tree). */
  commit?: string;
  /** The pull request's base commit, when comparing with one. */
  baseCommit?: string;
  /** The exported APIs to compare, per module (breaking-change). */
  apiComparisons?: ApiComparison[];
  /** go.mod files of the comparison point (a pull request's base), keyed by path. */
  baseGoMods?: Map<string, Uint8Array>;
  /** go.mod files at each module's latest release (its tag prefix, any major), keyed by path. */
  releasedGoMods?: Map<string, Uint8Array>;
  /** The module path each go.mod declared at every release of its tag prefix (any major), keyed by path. */
  releasedPaths?: Map<string, ReleasedPath[]>;
  /**
   * What GitHub answered for each other repository a github.com module path names (`GET /repos/OLD/NAME`,
   * asked by the action): the repository's current `owner/name` (after a rename's redirect), or null
   * when GitHub knows none. Absent when nobody asked (the CLI).
   */
  repositoryRedirects?: Map<string, string | null>;
  /** Lines added by the pull request, per file. */
  addedLines?: Map<string, Set<number>>;
  /** The clone is shallow: tags and history may be missing, so release-order rules may not see them. */
  shallow?: boolean;
  /**
   * What the check needed from git history and this clone does not have (a comparison point's commit,
   * the tags, the history beyond a shallow clone's edge), with what it keeps from running and the fix.
   */
  missingHistory?: MissingHistory[];
  /** GitHub repository being released, `owner/name`. */
  repository?: string;
  stats: { files: number; bytes: number };
}

/** The module path a go.mod declared at one release. */
export interface ReleasedPath {
  tag: string;
  version: string;
  path: string;
}

/** Something the check needed from git history that the clone lacks (gather/history.ts). */
export interface MissingHistory {
  severity: Severity;
  /** What lacks, as a clause: "the commit 1a2b3c4d of v1.2.0 is not in this clone". */
  what: string;
  /** Why it is missing. */
  why: string;
  /** What could not run, or ran without it. */
  affects: string;
  /** The command or workflow change that brings it. */
  fix: string;
}

/** What the user or the event asks to gate. */
export type Intent =
  | { kind: 'tag'; tag: string; source: TargetSource }
  | { kind: 'version'; version: string; moduleDir?: string; source: TargetSource }
  | { kind: 'pull-request'; source: TargetSource }
  | { kind: 'consistency'; source: TargetSource };

export type TargetSource = 'input' | 'tag' | 'release' | 'pull_request';
export type TargetMode = 'release' | 'major-bump' | 'consistency';
export type Conclusion = 'success' | 'failure' | 'neutral';
export type FailOn = 'error' | 'warning' | 'never';

/** A module's exported API now and at its comparison point. */
export interface ApiComparison {
  moduleDir: string;
  against: { commit: string; label: string; version?: string };
  oldApi: ModuleApi;
  newApi: ModuleApi;
  /** Required modules whose version changed: their packages may have changed underneath. */
  changedDependencies: string[];
  /** The versions each of changedDependencies moved between (comparison point, gated tree). */
  dependencyMoves?: { path: string; from: string; to: string }[];
  /** How many .go files were read for the comparison, both sides together. */
  filesRead: number;
}

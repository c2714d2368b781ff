// Builds the Snapshot the rules work on: the files of the tree (working tree or a git ref), every
// go.mod, the import headers of every counted .go file inside a module, the tags, and the comparison
// points (a pull request's base, each module's latest release).
import { resolve } from 'node:path';
import {
  dirOf,
  goModFiles,
  goModsThatAreDirectories,
  innermostDirIndex,
  isGoSourceFile,
  releasesWithPrefix,
  tagPrefixOf,
  importedTestdataGoFiles,
  isTestdataGoFile,
  loadModules,
  type Release
} from '../go/module/layout.js';
import { modulePath } from '../go/module/modfile.js';
import { moduleMove, movedBackBlobId, type ModuleMove } from '../go/module/rewrite.js';
import {
  needsWholeText,
  goGenerateLines,
  REFERENCE_PATHSPECS,
  referenceLinesToKeep,
  referencePatterns,
  type ReferenceLine
} from '../go/module/references.js';
import type { ApiComparison, GoFileInfo, Intent, ReleasedPath, Snapshot, Tag } from '../types.js';
import { markNewFindings, type Report } from '../analyze.js';
import { gatherApiComparisons } from './api.js';
import { UsageError } from '../errors.js';
import { Git } from './git.js';
import { GitTree, MAX_GO_MOD_BYTES, WorkingTree, type ReadCallbacks, type Tree } from './tree.js';

export interface GatherOptions {
  /** A directory inside the repository (its top level is used). */
  dir: string;
  /** Read the gated tree from this ref instead of the working tree. */
  head?: string;
  /** The comparison point of a pull request. */
  base?: string;
  /** `owner/name` of the GitHub repository; default: the origin remote when it is on GitHub. */
  repository?: string;
  /** Tags from elsewhere (the REST API) when the clone has none; default: the repository's git tags. */
  tags?: Tag[];
  /** What is gated: when given (and breaking-change is not disabled), the exported APIs to compare are read too. */
  intent?: Intent;
  disable?: readonly string[];
}

export interface Gathered {
  snapshot: Snapshot;
  root: string;
  git: Git;
  /** Where the files came from, to read more of them (a fix) from the same place. */
  tree: Tree;
  /** With a pull request's base: the lines it added to each of `files` (see markAddedLines). */
  addedLinesIn?: (files: readonly string[]) => Promise<Map<string, Set<number>>>;
}

export async function gatherSnapshot(options: GatherOptions): Promise<Gathered> {
  const dir = resolve(options.dir);
  const probe = new Git(dir);
  const location = await probe.location();
  if (!location) {
    throw new UsageError(`${dir} is not a git repository (go-major-gate reads tags and history from git)`);
  }
  const root = options.head ? dir : (location.topLevel ?? dir);
  const git = new Git(root);
  const workingTree = options.head ? undefined : new WorkingTree(root);

  // The questions to git are independent: ask them at once.
  const [commit, tags, shallow, remote, workingFiles, baseCommit] = await Promise.all([
    git.commitOf(options.head ?? 'HEAD'),
    options.tags ?? git.tags(),
    git.isShallow(),
    options.repository ? undefined : git.remoteUrl(),
    workingTree?.listFiles(),
    options.base ? git.commitOf(options.base) : undefined
  ]);
  if (options.head && !commit) throw new UsageError(`--head ${options.head} names no commit in ${root}`);
  if (options.base && !baseCommit) {
    throw new UsageError(`--base ${options.base} names no commit in ${root}`);
  }
  const tree: Tree = workingTree ?? new GitTree(git, commit as string);
  const listed = (workingFiles ?? (await tree.listFiles())).sort();
  const stats = { files: listed.length, bytes: 0 };
  const unreadable = new Map<string, string>();
  // A path under a directory named go.mod: that go.mod exists and is no file (both modes list it so).
  for (const goMod of goModsThatAreDirectories(listed)) unreadable.set(goMod, 'it is a directory');

  // What a pull request's base adds (its go.mod files, the lines added since) is read meanwhile.
  const baseTree = baseCommit ? new GitTree(git, baseCommit) : undefined;
  const baseGoMods = baseTree ? inBackground(readGoMods(baseTree)) : undefined;
  // The pull request's own changes start at the merge base. Which files it renamed is asked now (no
  // patches, so cheap); the lines it added only later, and only in the files with findings.
  const diffFrom = baseCommit
    ? inBackground((async () => (commit && (await git.mergeBase(baseCommit, commit))) || baseCommit)())
    : undefined;
  const headRef = options.head ? (commit as string) : undefined;
  const renames = diffFrom && inBackground(diffFrom.then(from => git.renamedFiles(from, headRef)));

  const goMods = new Map<string, Uint8Array>();
  const goFiles = new Map<string, GoFileInfo>();
  const goModPaths = goModFiles(listed);
  const apiIntent = options.disable?.includes('breaking-change') ? undefined : options.intent;
  // A major-bump pull request rewrites the own imports of every file. Each .go file read whole is
  // hashed as it was before that move (rewrite.ts), so that the API comparison can tell the files
  // that changed only so from the base's blob ids, and read none of them again. Which modules moved,
  // their module lines at the base say.
  const baseModulePaths =
    baseCommit && apiIntent ? inBackground(readModulePathsAt(git, baseCommit, goModPaths)) : undefined;
  const movedBack = new Map<string, string>();
  let moveBack: ((path: string, data: Uint8Array) => void) | undefined;
  // A separate git process reads the go.mod files of the latest releases while this one reads the tree.
  const releasedGoMods = inBackground(readReleasedGoMods(git, goModPaths, tags));
  // Every go.mod that exists roots a module, one that cannot be read too: its directory is cut out of
  // its parent, and nothing under it is read or checked (its module is unknown).
  const moduleDirOf = innermostDirIndex([...goModPaths, ...unreadable.keys()].map(dirOf));
  const unknownModules = new Set<string>();
  const isKnown = (file: string) => !unknownModules.has(moduleDirOf(file) as string);
  // The files the checks see: all but those of unknown modules (set once the go.mod files are read).
  let files = listed;
  // One pass over the tree (for a ref: one cat-file process): go.mod files first, then the .go
  // headers. As soon as the go.mod files are in, the work that needs only them starts and runs while
  // the headers are scanned: one git grep for the modules' family prefixes (it finds every line that
  // may name an old major), and the git side of the API comparison.
  let references: ReturnType<typeof readReferences> | undefined;
  let apiComparisons: Promise<ApiComparison[]> | undefined;
  // The //go:generate lines are found in the bytes of the .go files whose headers are scanned (those
  // of a module: go generate runs on packages), as they are read (each file whole).
  const generateLines = new Map<string, ReferenceLine[]>();
  let headersRead = (): void => undefined;
  const headersDone = new Promise<void>(done => (headersRead = done));
  const goGenerate = headersDone.then(() => generateLines);
  // The .go files of the modules: their headers are scanned, and only their //go:generate lines count.
  const goSources = listed.filter(f => isGoSourceFile(f) && moduleDirOf(f) !== undefined);
  const startReferences = () =>
    readReferences(
      git,
      tree,
      files,
      [...goMods.values()].map(data => modulePath(data)),
      options.head ? commit : undefined,
      goGenerate
    );
  const startApiComparisons = () =>
    apiIntent
      ? gatherApiComparisons(
          git,
          tree,
          {
            files,
            goMods,
            tags,
            ...(commit ? { commit } : {}),
            ...(baseTree && baseGoMods
              ? { base: { tree: baseTree, goMods: baseGoMods, movedBack: headersDone.then(() => movedBack) } }
              : {}),
            goFiles: headersDone.then(() => goFiles)
          },
          apiIntent
        )
      : undefined;
  // Asked before the tree is read, so that every file read whole is hashed (one small cat-file).
  const baseModulesBefore = await baseModulePaths?.catch(() => undefined);
  const callbacks: ReadCallbacks = {
    onFile(path, data, error) {
      if (data) {
        goMods.set(path, data);
        stats.bytes += data.length;
      } else unreadable.set(path, error ?? 'unknown error');
    },
    onWholeDone() {
      for (const path of unreadable.keys()) unknownModules.add(dirOf(path));
      if (unknownModules.size > 0) files = listed.filter(f => isKnown(f) || unreadable.has(f));
      references = inBackground(startReferences());
      const comparisons = startApiComparisons();
      if (comparisons) apiComparisons = inBackground(comparisons);
      if (baseModulesBefore) {
        moveBack = movedBackHasher(baseModulesBefore, goMods, goFiles, movedBack, baseCommit as string);
      }
    },
    onScan(path, scan, bytes, error) {
      if (!isKnown(path)) return;
      stats.bytes += bytes;
      if (scan) goFiles.set(path, scan);
      else unreadable.set(path, error ?? 'unknown error');
    },
    onSource(path, data, error) {
      if (!isKnown(path)) return;
      if (!data) {
        unreadable.set(path, error ?? 'unknown error');
        return;
      }
      moveBack?.(path, data);
      const found = goGenerateLines(data);
      if (found.length > 0) generateLines.set(path, found);
    }
  };
  await tree.read({ whole: goModPaths, headers: goSources }, callbacks);
  // Second pass: the testdata/ packages that a counted file imports are built too (their headers).
  const testdata = listed.some(isTestdataGoFile)
    ? importedTestdataGoFiles(listed, loadModules(goMods), importPathsOf(goFiles))
    : [];
  if (testdata.length > 0)
    await tree.read(
      { whole: [], headers: testdata.filter(isKnown) },
      { ...callbacks, onWholeDone: undefined }
    );
  headersRead();

  const snapshot: Snapshot = {
    files,
    goMods,
    goFiles,
    unreadable,
    tags,
    stats,
    ...(commit ? { commit } : {})
  };
  if (baseCommit) {
    snapshot.baseCommit = baseCommit;
    snapshot.baseGoMods = await baseGoMods;
  }
  const { lines: referenceLines, documents: referenceDocuments } = await (references ?? startReferences());
  snapshot.referenceLines = referenceLines;
  snapshot.referenceDocuments = referenceDocuments;
  const released = await releasedGoMods;
  snapshot.releasedGoMods = released.latest;
  snapshot.releasedPaths = released.paths;
  if (shallow) snapshot.shallow = true;
  const comparisons = apiComparisons ?? startApiComparisons();
  if (comparisons) snapshot.apiComparisons = await comparisons;
  const repository = options.repository ?? githubRepositoryFromRemote(remote);
  if (repository) snapshot.repository = repository;
  const gathered: Gathered = { snapshot, root, git, tree };
  if (diffFrom && renames) {
    const [from, renamed] = await Promise.all([diffFrom, renames]);
    gathered.addedLinesIn = files => git.addedLines(from, headRef, files, renamed);
  }
  return gathered;
}

/**
 * The findings of a pull request marked `new` when on a line it added. The diff is taken of the
 * files with findings only: a diff of every file a large pull request changed (a major bump
 * rewrites them all) takes longer than the rest of the check.
 */
export async function markAddedLines(gathered: Gathered, report: Report, startedAt: number): Promise<Report> {
  if (!gathered.addedLinesIn) return report;
  const files = [...new Set(report.findings.flatMap(f => (f.file === null ? [] : [f.file])))];
  const added = await gathered.addedLinesIn(files);
  gathered.snapshot.addedLines = added;
  const marked = markNewFindings(report, added);
  return { ...marked, stats: { ...marked.stats, ms: Date.now() - startedAt } };
}

/**
 * Work started now and awaited later: a failure meanwhile must not count as an unhandled rejection
 * (it surfaces where the promise is awaited).
 */
function inBackground<T>(work: Promise<T>): Promise<T> {
  work.catch(() => undefined);
  return work;
}

/**
 * The lines of the files src/go/module/references.ts reads that contain a family prefix of the modules: in
 * files other than .go found by ONE `git grep` over the work tree or the commit, in .go files among
 * their //go:generate lines. Also the whole text of the Markdown files among them (read through the
 * tree, so only those few files). Files the tree does not list (symbolic links in a commit) are left
 * out, so both sources give the same result.
 */
async function readReferences(
  git: Git,
  tree: Tree,
  files: readonly string[],
  modulePaths: string[],
  commit: string | undefined,
  /** The //go:generate lines of the .go files that count, by file. */
  goGenerate: Promise<Map<string, ReferenceLine[]>>
): Promise<{ lines: Map<string, ReferenceLine[]>; documents: Map<string, string> }> {
  const lines = new Map<string, ReferenceLine[]>();
  const documents = new Map<string, string>();
  const patterns = referencePatterns(modulePaths);
  if (patterns.length === 0) return { lines, documents };
  // Other files are searched for any mention; .go files only on their //go:generate lines (every
  // import line would match a family prefix).
  const [others, generateLines] = await Promise.all([
    git.grepLines(patterns, REFERENCE_PATHSPECS, commit),
    goGenerate
  ]);
  const generate = new Map(
    [...generateLines]
      .map(([file, found]) => [file, found.filter(hit => patterns.some(p => hit.text.includes(p)))] as const)
      .filter(([, found]) => found.length > 0)
  );
  const hits = new Map([...others, ...generate]);
  if (hits.size === 0) return { lines, documents };
  const listed = new Set(files);
  for (const [file, found] of hits) {
    if (!listed.has(file)) continue;
    const kept = referenceLinesToKeep(file, found);
    if (kept.length > 0) lines.set(file, kept);
  }
  const whole = [...lines.keys()].filter(needsWholeText);
  if (whole.length > 0) {
    await tree.read(
      { whole, headers: [] },
      {
        onFile: (path, data) => void (data && documents.set(path, new TextDecoder().decode(data))),
        onScan: () => undefined
      }
    );
  }
  return { lines, documents };
}

/** The module path of each of `goModPaths` at `commit` (those it has), from one cat-file process. */
async function readModulePathsAt(
  git: Git,
  commit: string,
  goModPaths: readonly string[]
): Promise<Map<string, string>> {
  const goMods = await readGoModsAt(
    git,
    goModPaths.map(goModFile => ({ goModFile, commit }))
  );
  const paths = new Map<string, string>();
  for (const [goModFile, data] of goMods) {
    const path = modulePath(data);
    if (path) paths.set(goModFile, path);
  }
  return paths;
}

/**
 * What hashes each .go file read whole into `movedBack` (see above), for the modules whose module
 * line moved since the base; undefined when none did.
 */
function movedBackHasher(
  before: ReadonlyMap<string, string>,
  goMods: ReadonlyMap<string, Uint8Array>,
  goFiles: ReadonlyMap<string, GoFileInfo>,
  movedBack: Map<string, string>,
  baseCommit: string
): ((path: string, data: Uint8Array) => void) | undefined {
  const moved = new Map<string, ModuleMove>();
  for (const [goMod, data] of goMods) {
    const from = before.get(goMod);
    const to = modulePath(data);
    if (from && to && from !== to) moved.set(dirOf(goMod), moduleMove(from, to));
  }
  if (moved.size === 0) return undefined;
  const format = baseCommit.length === 64 ? 'sha256' : 'sha1';
  const moduleDirOf = innermostDirIndex([...goMods.keys()].map(dirOf));
  return (path, data) => {
    const dir = moduleDirOf(path);
    const move = dir === undefined ? undefined : moved.get(dir);
    const scan = move && goFiles.get(path);
    if (!move || !scan || scan.error) return;
    const id = movedBackBlobId(data, scan.imports, move, format);
    if (id) movedBack.set(path, id);
  };
}

/** Every go.mod of a tree, whole. */
async function readGoMods(tree: Tree): Promise<Map<string, Uint8Array>> {
  const out = new Map<string, Uint8Array>();
  await tree.read(
    { whole: goModFiles(await tree.listFiles()), headers: [] },
    { onFile: (path, data) => void (data && out.set(path, data)), onScan: () => undefined }
  );
  return out;
}

/** Each module's go.mod at the latest release of its tag prefix, read in one cat-file process. */
async function readReleasedGoMods(
  git: Git,
  goModPaths: readonly string[],
  tags: readonly Tag[]
): Promise<{ latest: Map<string, Uint8Array>; paths: Map<string, ReleasedPath[]> }> {
  // Every release of each go.mod's prefix is read (one cat-file process for all): module-path-repository
  // asks whether any earlier release declared a path; the latest release's bytes are kept whole.
  const wanted: { goModFile: string; commit: string; release: Release }[] = [];
  const latestCommit = new Map<string, string>();
  for (const goModFile of goModPaths) {
    const releases = releasesWithPrefix(tags, tagPrefixOf(dirOf(goModFile)));
    for (const release of releases) wanted.push({ goModFile, commit: release.commit, release });
    const last = releases[releases.length - 1];
    if (last) latestCommit.set(goModFile, last.commit);
  }
  const latest = new Map<string, Uint8Array>();
  const paths = new Map<string, ReleasedPath[]>();
  await readEachGoModAt(git, wanted, (w, data) => {
    if (latestCommit.get(w.goModFile) === w.commit) latest.set(w.goModFile, data);
    const path = modulePath(data);
    if (!path) return;
    let list = paths.get(w.goModFile);
    if (!list) paths.set(w.goModFile, (list = []));
    list.push({ tag: w.release.tag, version: w.release.version, path });
  });
  return { latest, paths };
}

/** Each go.mod file at its commit (those that exist there), from one cat-file process. */
async function readGoModsAt(
  git: Git,
  wanted: readonly { goModFile: string; commit: string }[]
): Promise<Map<string, Uint8Array>> {
  const out = new Map<string, Uint8Array>();
  await readEachGoModAt(git, wanted, (w, data) => out.set(w.goModFile, data));
  return out;
}

/** Calls `found` for each go.mod file that exists at its commit, from one cat-file process. */
async function readEachGoModAt<W extends { goModFile: string; commit: string }>(
  git: Git,
  wanted: readonly W[],
  found: (w: W, data: Uint8Array) => void
): Promise<void> {
  let next = 0;
  // cat-file --batch reads one name a line: a path holding a newline would be two requests.
  wanted = wanted.filter(w => !w.goModFile.includes('\n'));
  await git.readObjects(
    wanted.map(w => `${w.commit}:${w.goModFile}`),
    (_oid, data, size) => {
      const w = wanted[next++];
      if (data && size <= MAX_GO_MOD_BYTES) found(w, data);
    },
    () => MAX_GO_MOD_BYTES
  );
}

/** `owner/name` from a GitHub remote URL (https, ssh or git@ forms), else undefined. */
export function githubRepositoryFromRemote(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const m =
    /^(?:https?:\/\/(?:[^@/]+@)?github\.com\/|ssh:\/\/git@github\.com\/|git@github\.com:)([^/]+)\/([^/]+?)(?:\.git)?\/?$/.exec(
      url
    );
  return m ? `${m[1]}/${m[2]}` : undefined;
}

/** Every import path the scanned headers name. */
function importPathsOf(goFiles: ReadonlyMap<string, GoFileInfo>): Set<string> {
  const out = new Set<string>();
  for (const scan of goFiles.values()) for (const spec of scan.imports) out.add(spec.path);
  return out;
}

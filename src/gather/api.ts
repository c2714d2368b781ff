// Reads what the breaking-change rule compares: for each module gated or checked, its exported API
// now and at the comparison point (the pull request's base, else the module's latest release). Only
// packages with a changed file are read, and of those extractComparedApis parses only what a
// comparison needs; at the comparison point only the files the diff lists are read from git.
import { resolveTargets } from '../analyze.js';
import { groupBy } from '../collections.js';
import { extractComparedApis, type ApiSource } from '../go/api/extract.js';
import {
  dirOf,
  ROOT_DIR,
  fileOwnerIndex,
  goModFiles,
  isGoSourceFile,
  loadModules,
  majorFits,
  releasesOfModule,
  type Module
} from '../go/module/layout.js';
import { hasPathPrefix } from '../go/module/modpath.js';
import { compare, majorDigits, prerelease } from '../go/module/version.js';
import type { Target } from '../rules/context.js';
import type { ApiComparison, Intent, Snapshot } from '../types.js';
import type { Git } from './git.js';
import { GitTree, type Tree } from './tree.js';

interface Point {
  commit: string;
  label: string;
  version?: string;
  /** The point is the pull request's (its merge base), not a release. */
  pullRequest?: boolean;
}

/**
 * What the comparison needs from the gated tree. It starts as soon as the go.mod files are read: the
 * import headers, needed only at the end, arrive as a promise, so that the git work (listing the
 * comparison point, the diff, the older blobs) runs while the headers are still being scanned.
 */
export interface ApiInputs {
  files: readonly string[];
  goMods: ReadonlyMap<string, Uint8Array>;
  tags: Snapshot['tags'];
  commit?: string;
  /**
   * A pull request's base: its tree and go.mod files, read once for the snapshot and the comparison;
   * and for the gated tree's .go files read whole, the blob ids they had before a major bump moved
   * their own imports (gather/snapshot.ts; none when no module line moved).
   */
  base?: {
    tree: GitTree;
    goMods: Promise<Map<string, Uint8Array>>;
    movedBack: Promise<ReadonlyMap<string, string>>;
  };
  /** The import headers of the gated tree, once all are scanned. */
  goFiles: Promise<Snapshot['goFiles']>;
}

/** The comparison point's tree, its files and modules, and what changed since. Read once per commit. */
interface BaseSide {
  tree: GitTree;
  modules: Module[];
  filesOf: Map<Module, string[]>;
  changed: Set<string>;
}

export async function gatherApiComparisons(
  git: Git,
  tree: Tree,
  inputs: ApiInputs,
  intent: Intent
): Promise<ApiComparison[]> {
  const modules = loadModules(inputs.goMods);
  let targets: Target[];
  try {
    const baseGoMods = await inputs.base?.goMods;
    targets = resolveTargets(intent, modules, { tags: inputs.tags, ...(baseGoMods ? { baseGoMods } : {}) });
  } catch {
    return []; // the analysis reports the bad request itself
  }
  const pullRequestPoint = inputs.base
    ? await mergeBasePoint(git, inputs.base.tree.ref, inputs.commit)
    : undefined;
  const wanted = targets.flatMap(t => {
    const point =
      t.module?.path !== undefined && !t.tagProblem
        ? comparisonPoint(t, inputs, pullRequestPoint)
        : undefined;
    return point ? [{ target: t as Target & { module: Module }, point }] : [];
  });
  if (wanted.length === 0) return [];

  const headIsCommit = tree instanceof GitTree;
  const bases = new Map<string, Promise<BaseSide>>();
  const baseSide = (commit: string) => {
    let side = bases.get(commit);
    if (!side) {
      const known = inputs.base?.tree.ref === commit ? inputs.base : undefined;
      side = readBaseSide(git, known ?? { tree: new GitTree(git, commit) }, inputs.commit, headIsCommit);
      bases.set(commit, side);
    }
    return side;
  };
  const headFilesOf = apiFilesByModule(inputs.files, modules);
  // One module after the other: a pull request in a monorepo compares every module, and each
  // comparison reads through its own git processes.
  const comparisons: ApiComparison[] = [];
  for (const { target, point } of wanted) {
    // A thin clone may lack a release's commit: no comparison (gather/history.ts says so), no crash.
    if (point.commit !== inputs.base?.tree.ref && !(await git.hasCommit(point.commit))) continue;
    const base = await baseSide(point.commit);
    const module = target.module;
    const baseModule = base.modules.find(m => m.dir === module.dir);
    const headFiles = headFilesOf.get(module) ?? [];
    const baseFiles = (baseModule && base.filesOf.get(baseModule)) ?? [];
    // Packages (directories) with a changed, added or removed file are the only ones worth reading;
    // a file that a major bump only rewrote declares what it did and does not count.
    const headSet = new Set(headFiles);
    const baseSet = new Set(baseFiles);
    const rewritten =
      inputs.base && point.pullRequest && baseModule?.path !== module.path
        ? await rewrittenFiles(base.tree, await inputs.base.movedBack, headFiles)
        : new Set<string>();
    const differsFromHead = (f: string) => base.changed.has(f) || !headSet.has(f);
    const declaresOtherwise = (f: string) => differsFromHead(f) && !rewritten.has(f);
    const dirs = new Set<string>();
    for (const f of headFiles) if (!baseSet.has(f) || declaresOtherwise(f)) dirs.add(dirOf(f));
    for (const f of baseFiles) if (declaresOtherwise(f)) dirs.add(dirOf(f));
    // A package that imports a dependency whose required version changed may change underneath.
    // Which packages those are, the import headers tell; only then is their scan awaited.
    const dependencyMoves = movedRequirements(baseModule, module).filter(r =>
      dependencyMoveCanBreak(r.from, r.to)
    );
    const changedDependencies = dependencyMoves.map(r => r.path);
    const dependents = new Set<string>();
    if (changedDependencies.length > 0) {
      const goFiles = await inputs.goFiles;
      for (const f of headFiles) {
        const imports = goFiles.get(f)?.imports ?? [];
        if (imports.some(i => changedDependencies.some(d => hasPathPrefix(i.path, d))))
          dependents.add(dirOf(f));
      }
    }
    const inDirs = (f: string) => dirs.has(dirOf(f)) || dependents.has(dirOf(f));
    // At the comparison point only the files the diff lists are read: the others are the head's bytes.
    const oldRead = readSources(
      base.tree,
      baseFiles.filter(f => inDirs(f) && differsFromHead(f))
    );
    // Of a package only the gated tree has, the comparison needs its name and position only.
    const baseDirs = new Set(baseFiles.map(dirOf));
    const added = [...dirs].filter(d => !baseDirs.has(d) && !dependents.has(d));
    const headerFiles =
      added.length > 0
        ? headerFilesOfAdded(added, [...dirs, ...dependents], headFiles, await inputs.goFiles, module)
        : undefined;
    const [newSources, oldChanged] = await Promise.all([
      readSources(
        tree,
        headFiles.filter(f => inDirs(f) && (headerFiles?.get(dirOf(f))?.has(f) ?? true))
      ),
      oldRead
    ]);
    const headData = new Map(newSources.map(s => [s.file, s.data]));
    const oldData = new Map(oldChanged.map(s => [s.file, s.data]));
    const oldSources = baseFiles.filter(inDirs).flatMap(file => {
      const data = differsFromHead(file) ? oldData.get(file) : headData.get(file);
      return data ? [{ file, data }] : [];
    });
    const [oldApi, newApi] = extractComparedApis(
      module.dir,
      { modulePath: baseModule?.path ?? (module.path as string), files: oldSources },
      { modulePath: module.path as string, files: newSources },
      { dependents, dependencyChanged: changedDependencies.length > 0 }
    );
    comparisons.push({
      moduleDir: module.dir,
      against: {
        commit: point.commit,
        label: point.label,
        ...(point.version ? { version: point.version } : {})
      },
      oldApi,
      newApi,
      changedDependencies,
      ...(dependencyMoves.length > 0 ? { dependencyMoves } : {}),
      filesRead: newSources.length + oldChanged.length
    });
  }
  return comparisons;
}

/**
 * For each package in `added` (directories only the gated tree has) that no package read whole
 * imports, directly or through another added one, the files that give its name and position: up to
 * its first file that counts with a package clause, by the header scans (as packageHeader in
 * go/api.ts reads them). The others are read whole: the extractor follows types into them.
 */
function headerFilesOfAdded(
  added: readonly string[],
  read: readonly string[],
  headFiles: readonly string[],
  scans: Snapshot['goFiles'],
  module: Module
): Map<string, Set<string>> {
  const filesOf = groupBy([...headFiles].sort(), dirOf);
  const importPathOf = (dir: string) =>
    dir === module.dir
      ? module.path
      : `${module.path}/${module.dir === ROOT_DIR ? dir : dir.slice(module.dir.length + 1)}`;
  const addedByPath = new Map(added.map(d => [importPathOf(d), d]));
  const addedSet = new Set(added);
  // The packages read whole: every read one that is not added, then the added ones they import.
  const whole = read.filter(d => !addedSet.has(d));
  const wholeSet = new Set(whole);
  for (let i = 0; i < whole.length; i++) {
    for (const f of filesOf.get(whole[i]) ?? []) {
      for (const spec of scans.get(f)?.imports ?? []) {
        const dir = addedByPath.get(spec.path);
        if (dir !== undefined && !wholeSet.has(dir)) {
          wholeSet.add(dir);
          whole.push(dir);
        }
      }
    }
  }
  const headers = new Map<string, Set<string>>();
  for (const dir of added) {
    if (wholeSet.has(dir)) continue;
    const wanted = new Set<string>();
    for (const f of filesOf.get(dir) ?? []) {
      wanted.add(f);
      const scan = scans.get(f);
      if (scan && !scan.error && !scan.buildIgnore && scan.packageName !== undefined) break;
    }
    headers.set(dir, wanted);
  }
  return headers;
}

/** The files whose bytes, own imports moved back, are the blob the base has at their path. */
async function rewrittenFiles(
  base: GitTree,
  movedBack: ReadonlyMap<string, string>,
  files: readonly string[]
): Promise<Set<string>> {
  if (movedBack.size === 0) return new Set();
  const blobIds = await base.blobIds();
  return new Set(files.filter(f => movedBack.has(f) && movedBack.get(f) === blobIds.get(f)));
}

/** The .go files whose declarations count (no tests) of each module: nested modules cut out. */
function apiFilesByModule(files: readonly string[], modules: Module[]): Map<Module, string[]> {
  const owner = fileOwnerIndex(modules);
  return groupBy(files, file => (isApiFile(file) ? owner(file) : undefined));
}

/**
 * The comparison point's listing and go.mod files (those already read when given), and the diff
 * from it to the gated tree, at once.
 */
async function readBaseSide(
  git: Git,
  { tree, goMods }: { tree: GitTree; goMods?: Promise<Map<string, Uint8Array>> },
  head: string | undefined,
  headIsCommit: boolean
): Promise<BaseSide> {
  const [files, changed] = await Promise.all([
    tree.listFiles(),
    changedFiles(git, tree.ref, head, headIsCommit)
  ]);
  const modules = loadModules(await (goMods ?? readWhole(tree, goModFiles(files))));
  return { tree, modules, filesOf: apiFilesByModule(files, modules), changed };
}

/**
 * A pull request is compared with the merge base of its base and head: a branch behind its base must
 * not be blamed for what the base gained since. Without a merge base (unrelated histories, or a work
 * tree without a commit), the base itself.
 */
async function mergeBasePoint(git: Git, base: string, head: string | undefined): Promise<Point> {
  const mergeBase = head ? await git.mergeBase(base, head) : undefined;
  if (!mergeBase || mergeBase === base)
    return { commit: base, label: 'the pull request base', pullRequest: true };
  return {
    commit: mergeBase,
    label: `the merge base ${mergeBase.slice(0, 12)} of the pull request with its base`,
    pullRequest: true
  };
}

/**
 * What a target is compared with: a pull request's merge base; for a release, the latest earlier
 * non-prerelease release of the same major. The first release of a major (v2.0.0, v1.0.0 after v0.x,
 * v3.0.0 after v3.0.0-rc.1) has none and is not compared (conformance convention 14), and neither is
 * a version whose major the module path does not carry (v2.0.0 on a go.mod without /v2:
 * module-path-major reports that, not breaks against v1). A check without a version (consistency)
 * compares with the module's latest release.
 */
function comparisonPoint(
  target: Target & { module?: Module },
  inputs: ApiInputs,
  pullRequestPoint: Point | undefined
): Point | undefined {
  if (pullRequestPoint && target.source === 'pull_request') return pullRequestPoint;
  const module = target.module as Module;
  const version = target.version;
  if (version !== undefined && !majorFits(majorDigits(version), module.pathMajorDigits)) return undefined;
  const earlier = releasesOfModule(inputs.tags, module).filter(
    r =>
      r.tag !== target.tag &&
      (version === undefined ||
        (compare(r.version, version) < 0 &&
          prerelease(r.version) === '' &&
          majorDigits(r.version) === majorDigits(version)))
  );
  const latest = earlier[earlier.length - 1];
  return latest ? { commit: latest.commit, label: latest.tag, version: latest.version } : undefined;
}

function isApiFile(file: string): boolean {
  return isGoSourceFile(file) && !file.endsWith('_test.go');
}

/** Files that differ between a commit and the gated tree (a commit, or the work tree). */
async function changedFiles(
  git: Git,
  base: string,
  head: string | undefined,
  headIsCommit: boolean
): Promise<Set<string>> {
  const args = [
    'diff',
    '--name-only',
    '-z',
    '--no-renames',
    '--end-of-options',
    base,
    ...(headIsCommit && head ? [head] : []),
    '--'
  ];
  const r = await git.run(args, { bulk: true });
  return new Set(r.stdout.split('\0').filter(Boolean));
}

/** The required modules whose version changed, with both versions. */
function movedRequirements(
  before: Module | undefined,
  after: Module
): { path: string; from: string; to: string }[] {
  if (!before) return [];
  const old = new Map(before.modFile.require.map(r => [r.path, r.version]));
  return after.modFile.require.flatMap(r => {
    const from = old.get(r.path);
    return from !== undefined && from !== r.version ? [{ path: r.path, from, to: r.version }] : [];
  });
}

/**
 * Whether moving a required module from one version to another can change its API incompatibly:
 * only when either version promises nothing (v0, a prerelease or a pseudo-version, which is one) or
 * the major changes (`+incompatible` majors on one path). Within one major from v1 on, the
 * dependency promises compatibility itself.
 */
export function dependencyMoveCanBreak(from: string, to: string): boolean {
  const [a, b] = [majorDigits(from), majorDigits(to)];
  if (a === '' || b === '') return true; // not a version: nothing is known
  return a === '0' || b === '0' || prerelease(from) !== '' || prerelease(to) !== '' || a !== b;
}

async function readWhole(tree: Tree, paths: readonly string[]): Promise<Map<string, Uint8Array>> {
  const out = new Map<string, Uint8Array>();
  await tree.read(
    { whole: paths, headers: [] },
    { onFile: (p, d) => void (d && out.set(p, d)), onScan: () => undefined }
  );
  return out;
}

async function readSources(tree: Tree, paths: readonly string[]): Promise<ApiSource[]> {
  const contents = await readWhole(tree, paths);
  return paths.flatMap(file =>
    contents.has(file) ? [{ file, data: contents.get(file) as Uint8Array }] : []
  );
}

// Reads what the breaking-change rule compares: for each module gated or checked, its exported API
// now and at the comparison point (the pull request's base, else the module's latest release). Only
// packages with a changed file are parsed: an unchanged package has an unchanged API.
import { resolveTargets } from '../analyze.js';
import type { ApiSource } from '../go/api.js';
import { extractModuleApiPair } from '../go/api.js';
import {
  dirOf,
  fileOwnerIndex,
  goModFiles,
  isGoSourceFile,
  loadModules,
  releasesOfModule,
  type Module
} from '../go/layout.js';
import { hasPathPrefix } from '../go/modpath.js';
import { compare } from '../go/version.js';
import type { Target } from '../rules/context.js';
import type { ApiComparison, Intent, Snapshot } from '../types.js';
import type { Git } from './git.js';
import { GitTree, type Tree } from './tree.js';

interface Point {
  commit: string;
  label: string;
  version?: string;
}

export async function gatherApiComparisons(
  git: Git,
  tree: Tree,
  snapshot: Snapshot,
  intent: Intent
): Promise<ApiComparison[]> {
  const modules = loadModules(snapshot.goMods);
  let targets: Target[];
  try {
    targets = resolveTargets(intent, modules, snapshot);
  } catch {
    return []; // the analysis reports the bad request itself
  }
  const wanted = targets.flatMap(t => {
    const point = t.module?.path !== undefined && !t.tagProblem ? comparisonPoint(t, snapshot) : undefined;
    return point ? [{ target: t as Target & { module: Module }, point }] : [];
  });
  if (wanted.length === 0) return [];

  const headOwner = fileOwnerIndex(modules);
  const comparisons: ApiComparison[] = [];
  const baseTrees = new Map<string, { tree: GitTree; files: string[]; modules: Module[] }>();
  for (const { target, point } of wanted) {
    let base = baseTrees.get(point.commit);
    if (!base) {
      const baseTree = new GitTree(git, point.commit);
      const files = await baseTree.listFiles();
      const goMods = await readWhole(baseTree, goModFiles(files));
      base = { tree: baseTree, files, modules: loadModules(goMods) };
      baseTrees.set(point.commit, base);
    }
    const module = target.module;
    const baseModule = base.modules.find(m => m.dir === module.dir);
    const baseOwner = fileOwnerIndex(base.modules);
    const headFiles = snapshot.files.filter(f => isApiFile(f) && headOwner(f) === module);
    const baseFiles = baseModule ? base.files.filter(f => isApiFile(f) && baseOwner(f) === baseModule) : [];

    // Packages (directories) with a changed, added or removed file are the only ones worth parsing.
    const changed = await changedFiles(git, point.commit, snapshot.commit, tree instanceof GitTree);
    const headSet = new Set(headFiles);
    const baseSet = new Set(baseFiles);
    const dirs = new Set<string>();
    for (const f of headFiles) if (!baseSet.has(f) || changed.has(f)) dirs.add(dirOf(f));
    for (const f of baseFiles) if (!headSet.has(f) || changed.has(f)) dirs.add(dirOf(f));
    // A package that imports a dependency whose required version changed may change underneath.
    const changedDependencies = changedRequirements(baseModule, module);
    for (const f of headFiles) {
      const imports = snapshot.goFiles.get(f)?.imports ?? [];
      if (imports.some(i => changedDependencies.some(d => hasPathPrefix(i.path, d)))) dirs.add(dirOf(f));
    }
    const inDirs = (f: string) => dirs.has(dirOf(f));

    const [newSources, oldSources] = await Promise.all([
      readSources(tree, headFiles.filter(inDirs)),
      readSources(base.tree, baseFiles.filter(inDirs))
    ]);
    const [oldApi, newApi] = extractModuleApiPair(
      module.dir,
      { modulePath: baseModule?.path ?? (module.path as string), files: oldSources },
      { modulePath: module.path as string, files: newSources }
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
      changedDependencies
    });
  }
  return comparisons;
}

/**
 * What a target is compared with: a pull request's base, else the latest earlier release of the same
 * module path. A release that starts a new major has no such release and is not compared
 * (conformance convention 14); on a pull request a major bump is compared with its base.
 */
function comparisonPoint(target: Target & { module?: Module }, snapshot: Snapshot): Point | undefined {
  if (snapshot.baseCommit && target.source === 'pull_request') {
    return { commit: snapshot.baseCommit, label: 'the pull request base' };
  }
  const earlier = releasesOfModule(snapshot.tags, target.module as Module).filter(
    r => r.tag !== target.tag && (target.version === undefined || compare(r.version, target.version) < 0)
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
  const r = await git.run(args);
  return new Set(r.stdout.split('\0').filter(Boolean));
}

/** Module paths whose required version changed: their packages may have changed underneath. */
function changedRequirements(before: Module | undefined, after: Module): string[] {
  if (!before) return [];
  const old = new Map(before.modFile.require.map(r => [r.path, r.version]));
  return after.modFile.require.filter(r => old.has(r.path) && old.get(r.path) !== r.version).map(r => r.path);
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

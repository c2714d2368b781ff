// The two generated git repositories (one: a single big module; mono: a root module and 299 nested
// ones) and the checkouts the timed runs gate: changed declarations, and a branch moving to /v3.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHANGED_PACKAGES, FILES_PER_PACKAGE, GIT_ENV, SEED } from './config.js';
import type { Sizes } from './config.js';
import { NOUNS, Rng, VERBS, goFile, pickStd } from './gosource.js';
import type { GoImport } from './gosource.js';

// ---------------------------------------------------------------------------------------------
// Trees

interface Module {
  /** Directory relative to the repository root ('' for the root). */
  dir: string;
  path: string;
  files: number;
}

export interface TreeInfo {
  name: string;
  dir: string;
  tag: string;
  modules: Module[];
  goFiles: number;
  goBytes: number;
  genMs: number;
}

/** Writes one module's packages. Packages import lower-numbered packages of the same module only. */
function writeModule(
  rng: Rng,
  root: string,
  module: Module,
  goMod: string,
  extraImports: (rng: Rng) => GoImport[]
): number {
  const moduleDir = join(root, module.dir);
  mkdirSync(moduleDir, { recursive: true });
  writeFileSync(join(moduleDir, 'go.mod'), goMod);
  let bytes = 0;
  const packages = Math.ceil(module.files / FILES_PER_PACKAGE);
  for (let pkg = 0; pkg < packages; pkg++) {
    const pkgDir = join(moduleDir, `p${pkg}`);
    mkdirSync(pkgDir);
    const count = Math.min(FILES_PER_PACKAGE, module.files - pkg * FILES_PER_PACKAGE);
    for (let file = 0; file < count; file++) {
      // The last two files of a package are its tests (they import "testing" besides).
      const test = file >= count - 2 && count > 2;
      const imports = chooseImports(rng, module.path, pkg, rng.int(3, 8) - (test ? 1 : 0), extraImports(rng));
      const name = `${rng.pick(NOUNS)}_${rng.pick(VERBS)}_${file}${test ? '_test' : ''}.go`;
      const text = goFile(rng, { modulePath: module.path, pkg, file, test, imports });
      writeFileSync(join(pkgDir, name), text);
      bytes += Buffer.byteLength(text);
    }
  }
  return bytes;
}

/**
 * `total` imports: the extra ones (root-module packages in the monorepo), then packages of the same
 * module with a lower number (mostly nearby ones, never the package itself, so no cycles), then at
 * least one standard-library package.
 */
function chooseImports(
  rng: Rng,
  modulePath: string,
  pkg: number,
  total: number,
  extra: GoImport[]
): GoImport[] {
  const imports: GoImport[] = [];
  const taken = new Set<string>();
  const add = (i: GoImport) => {
    if (taken.has(i.path)) return;
    taken.add(i.path);
    imports.push(i);
  };
  extra.forEach(add);
  const own = pkg === 0 ? 0 : Math.min(pkg, rng.int(1, Math.max(1, total - 2)));
  while (imports.length < own) {
    const other = pkg - 1 - Math.floor(rng.next() ** 2 * pkg);
    add({ path: `${modulePath}/p${other}`, use: `p${other}.Name`, std: false });
  }
  return [...imports, ...pickStd(rng, Math.max(1, total - imports.length), taken)];
}

function git(cwd: string, args: string[], env: NodeJS.ProcessEnv = {}): void {
  const r = spawnSync('git', args, { cwd, env: { ...GIT_ENV, ...env }, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')} failed in ${cwd}: ${r.stderr || r.error}`);
}

function commit(dir: string, message: string, date: string): void {
  git(dir, ['add', '-A']);
  git(dir, ['-c', 'gc.auto=0', 'commit', '-q', '--no-verify', '-m', message], {
    GIT_AUTHOR_DATE: date,
    GIT_COMMITTER_DATE: date
  });
}

/**
 * A repository whose history has the earlier majors' releases (v1.0.0 and v2.0.0 on small commits
 * whose go.mod declares the path of that major), then one commit with the whole generated tree,
 * packed as in a clone.
 */
function makeRepository(
  name: string,
  base: string,
  tag: string,
  earlier: readonly { tag: string; modulePath: string }[],
  generate: (dir: string) => { modules: Module[]; goFiles: number; goBytes: number },
  /** A release of the whole tree, then a small compatible change on top: a minor release to gate. */
  minor?: { wholeTreeTag: string; change: (dir: string) => void }
): TreeInfo {
  const started = performance.now();
  const dir = join(base, name);
  mkdirSync(dir);
  git(dir, ['init', '-q', '-b', 'main']);
  writeFileSync(
    join(dir, 'README.md'),
    `# ${name}\n\nA generated repository for the go-major-gate benchmark.\n`
  );
  earlier.forEach((release, i) => {
    writeFileSync(join(dir, 'go.mod'), `module ${release.modulePath}\n\ngo 1.19\n`);
    commit(dir, `Release ${release.tag}`, `2024-0${i + 1}-01T12:00:00Z`);
    git(dir, ['tag', release.tag]);
  });
  const generated = generate(dir);
  commit(dir, 'The whole tree', '2024-06-01T12:00:00Z');
  if (minor) {
    git(dir, ['tag', minor.wholeTreeTag]);
    minor.change(dir);
    commit(dir, 'A compatible change', '2024-07-01T12:00:00Z');
  }
  // A clone (what CI checks out) has its objects in a pack, not as 50,000 loose files, which git
  // reads about 4x slower. No deltas and zlib level 1 keep this to seconds; decompression speed
  // hardly depends on the level.
  git(dir, ['-c', 'pack.compression=1', 'repack', '-a', '-d', '-q', '--window=0', '--depth=0']);
  // Files written in the same second as the index are "racily clean": git cannot trust their stat
  // data, and each diff against the work tree reads them again until a command that may write the
  // index (git status) refreshes it. A checkout a moment old has been refreshed; time that.
  git(dir, ['update-index', '-q', '--refresh']);
  return { name, dir, tag, ...generated, genMs: performance.now() - started };
}

export function generateOne(base: string, sizes: Sizes): TreeInfo {
  const path = 'github.com/bench/one/v2';
  return makeRepository(
    'one',
    base,
    'v2.1.0',
    [{ tag: 'v1.0.0', modulePath: 'github.com/bench/one' }],
    dir => {
      const rng = new Rng(SEED);
      const module: Module = { dir: '', path, files: sizes.oneFiles };
      const goBytes = writeModule(rng, dir, module, `module ${path}\n\ngo 1.19\n`, () => []);
      return { modules: [module], goFiles: module.files, goBytes };
    },
    // v2.0.0 is the whole tree; v2.1.0 adds a function to a file of each of the first packages, so
    // breaking-change compares those packages (thousands of declarations) with v2.0.0.
    {
      wholeTreeTag: 'v2.0.0',
      change: dir => {
        for (let p = 0; p < CHANGED_PACKAGES; p++) {
          writeFileSync(
            join(dir, `p${p}`, 'added.go'),
            `package p${p}\n\n// Added${p} is new in v2.1.0.\nfunc Added${p}() int { return ${p} }\n`
          );
        }
      }
    }
  );
}

/**
 * The v2.1.0 release of tree `one` with one more change in each of its 20 changed packages: an
 * exported field added to the first exported struct, so that each package's declarations changed
 * and the comparison parses it whole, where added functions alone are read from their new files.
 * Still compatible. Checked out in the tree's work tree, on a branch off the release commit.
 */
export function checkOutChangedDeclarations(tree: TreeInfo): string[] {
  git(tree.dir, ['checkout', '-q', '-f', '-b', 'fields', 'main']);
  for (let p = 0; p < CHANGED_PACKAGES; p++) {
    const dir = join(tree.dir, `p${p}`);
    const files = readdirSync(dir)
      .filter(f => f.endsWith('.go') && !f.endsWith('_test.go'))
      .sort();
    const struct = /^type [A-Z]\w* struct \{\n/m;
    const file = files.find(f => struct.test(readFileSync(join(dir, f), 'utf8')));
    if (!file) throw new Error(`bench: no exported struct in p${p}`);
    const text = readFileSync(join(dir, file), 'utf8');
    writeFileSync(
      join(dir, file),
      text.replace(struct, match => `${match}\tAddedField int\n`)
    );
  }
  commit(tree.dir, 'Add a field', '2024-07-15T12:00:00Z');
  return ['--tag', tree.tag];
}

/**
 * A pull request that bumps the major of tree `one`: a branch off v2.0.0 whose go.mod and every own
 * import move from /v2 to /v3, and nothing else. Checked out in the tree's work tree.
 */
export function checkOutMajorBump(tree: TreeInfo): string[] {
  const from = 'github.com/bench/one/v2';
  const to = 'github.com/bench/one/v3';
  git(tree.dir, ['checkout', '-q', '-f', '-b', 'bump', 'v2.0.0']);
  const files = readdirSync(tree.dir, { recursive: true, encoding: 'utf8' }).filter(
    f => !f.startsWith('.git') && (f.endsWith('.go') || f.endsWith('go.mod'))
  );
  for (const file of files) {
    const path = join(tree.dir, file);
    const text = readFileSync(path, 'utf8');
    const moved = text.replaceAll(`"${from}`, `"${to}`).replace(`module ${from}\n`, `module ${to}\n`);
    if (moved !== text) writeFileSync(path, moved);
  }
  commit(tree.dir, 'Move to v3', '2024-08-01T12:00:00Z');
  return ['--base', 'v2.0.0'];
}

export function generateMono(base: string, sizes: Sizes): TreeInfo {
  const rootPath = 'github.com/bench/mono/v3';
  return makeRepository(
    'mono',
    base,
    'v3.1.0',
    [
      { tag: 'v1.0.0', modulePath: 'github.com/bench/mono' },
      { tag: 'v2.0.0', modulePath: 'github.com/bench/mono/v2' }
    ],
    dir => {
      const rng = new Rng(SEED + 1);
      const modules: Module[] = [];
      for (let i = 0; i < sizes.monoModules; i++) {
        const files =
          Math.floor(sizes.monoFiles / sizes.monoModules) + (i < sizes.monoFiles % sizes.monoModules ? 1 : 0);
        const name = `mod${String(i).padStart(3, '0')}`;
        modules.push(
          i === 0
            ? { dir: '', path: rootPath, files }
            : { dir: name, path: `github.com/bench/mono/${name}/v3`, files }
        );
      }
      const rootPackages = Math.ceil(modules[0].files / FILES_PER_PACKAGE);
      // A few imports of the root module's packages; a nested module reaches them through a
      // require plus a directory replace, as monorepos do (local-replace does not apply: the gated
      // tag releases the root module only).
      const rootImport = (r: Rng): GoImport[] => {
        if (!r.chance(0.2)) return [];
        const p = r.int(0, rootPackages - 1);
        return [{ path: `${rootPath}/p${p}`, alias: `root${p}`, use: `root${p}.Name`, std: false }];
      };
      let goBytes = 0;
      for (const module of modules) {
        const goMod =
          module.dir === ''
            ? `module ${rootPath}\n\ngo 1.19\n`
            : `module ${module.path}\n\ngo 1.19\n\nrequire ${rootPath} v3.0.0\n\nreplace ${rootPath} => ../\n`;
        goBytes += writeModule(rng, dir, module, goMod, module.dir === '' ? () => [] : rootImport);
      }
      return { modules, goFiles: sizes.monoFiles, goBytes };
    }
  );
}

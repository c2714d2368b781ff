// The I/O edge of `fix` and `upgrade`: find the repository's files, read them, hand them to the
// pure planners of ./fix/, then print a unified diff (--dry-run) or write the new contents.
// Exit codes: 0 done or nothing to do, 1 some files could not be rewritten (or, for upgrade, an
// import names a package the new version does not have), 2 usage error (thrown as UsageError).
import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  realpathSync,
  renameSync,
  statSync,
  writeFileSync
} from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { UsageError } from './errors.js';
import { Git } from './gather/git.js';
import {
  fileOwnerIndex,
  goModFiles,
  isCountedPath,
  importedTestdataGoFiles,
  isGoSourceFile,
  isPlannedGoFile,
  isTestdataGoFile,
  loadModules,
  ROOT_DIR
} from './go/module/layout.js';
import { scanImports } from './go/module/imports.js';
import { modulePath } from './go/module/modfile.js';
import { referenceFileKind } from './go/module/references.js';
import { unifiedDiff } from './fix/diff.js';
import { goFilesOfModule, planFix, type FileChange, type Unsafe } from './fix/plan.js';
import { remainingWork } from './fix/remaining.js';
import { planRepositoryMove } from './fix/repository.js';
import { directoryMajor } from './fix/major-dirs.js';
import { majorCopyTarget, newFilePatch, planMajorCopy } from './fix/subdir.js';
import { parseUpgradeTarget, planUpgrade } from './fix/upgrade.js';
import type { Report } from './analyze.js';
import type { Tree } from './gather/tree.js';
import { majorDigits } from './go/module/version.js';

export interface FixerIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

export interface FixOptions {
  dir: string;
  /** Repository-relative module directory; default the root module. */
  moduleDir?: string;
  major: number;
  dryRun: boolean;
  /** Move only this module, not the repository's modules that use it. */
  onlyModule?: boolean;
  /** Also move the siblings that carry the old major in their path, to this major. */
  siblingsMajor?: number;
  /** `subdirectory`: start the new major in a `vN/` directory (a copy), as major subdirectories do. */
  layout?: 'subdirectory';
}

export interface UpgradeOptions {
  dir: string;
  target: string;
  /** A directory holding the new version's module (its go.mod at the top). */
  source?: string;
  dryRun: boolean;
}

/** The repository root (git top level, or the directory itself outside git) and its files. */
async function repositoryFiles(dir: string): Promise<{ root: string; files: string[] }> {
  const abs = resolve(dir);
  if (!isDirectory(abs)) throw new UsageError(`${abs} is not a directory`);
  const git = new Git(abs);
  const location = await git.location();
  if (location?.topLevel) {
    const files = await new Git(location.topLevel).workTreeFiles();
    return { root: location.topLevel, files: files.sort() };
  }
  return { root: abs, files: walk(abs, '', true).sort() };
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Every counted file under `root` (no .git, vendor, testdata, _ or . entries), with forward slashes;
 * with `testdata`, the files under testdata/ directories too (the packages an import can name).
 */
function walk(root: string, sub = '', testdata = false): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(root, sub), { withFileTypes: true })) {
    const rel = sub === '' ? entry.name : `${sub}/${entry.name}`;
    if (entry.isDirectory()) {
      const counted = isCountedPath(`${rel}/x`) || (testdata && isTestdataGoFile(`${rel}/x.go`));
      if (counted) out.push(...walk(root, rel, testdata));
    } else if (entry.isFile()) out.push(rel);
  }
  return out;
}

/**
 * What the reads met besides regular files: symbolic links to files inside the repository (read
 * under the target's own path, so the target is rewritten and the link stays a link) and the files
 * left unread (a link out of the repository, a FIFO, a device, a file under a linked directory).
 */
interface ReadLog {
  /** link path -> the repository path of the file it names */
  links: Map<string, string>;
  notes: string[];
}

function newReadLog(): ReadLog {
  return { links: new Map(), notes: [] };
}

function readAll(
  root: string,
  files: readonly string[],
  log: ReadLog = newReadLog()
): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  let realRoot: string;
  try {
    realRoot = realpathSync(root);
  } catch {
    return out;
  }
  const requested = new Set(files);
  for (const f of files) {
    const full = join(root, f);
    let kind: 'file' | 'link' | 'other';
    try {
      const st = lstatSync(full);
      kind = st.isSymbolicLink() ? 'link' : st.isFile() ? 'file' : 'other';
    } catch {
      continue; // vanished: the planner sees it as absent
    }
    if (kind === 'other') {
      log.notes.push(`${f}: not a regular file (a FIFO, device, socket or directory): not read`);
      continue;
    }
    const real = realPathIn(realRoot, full);
    if (kind === 'file') {
      if (real !== f) log.notes.push(`${f}: its directory is a symbolic link: not read`);
      else readRegular(full, f, out);
      continue;
    }
    if (real === undefined) {
      log.notes.push(`${f}: a symbolic link that leaves the repository (or names nothing): not read`);
      continue;
    }
    log.links.set(f, real);
    // The target is read once, under its own path, whether or not it was asked for by name.
    if (!requested.has(real) && !out.has(real) && !lstatSync(join(root, real)).isSymbolicLink())
      readRegular(join(root, real), real, out);
  }
  return out;
}

/** The repository path `full` resolves to, or undefined when it leaves the repository or names nothing. */
function realPathIn(realRoot: string, full: string): string | undefined {
  try {
    const rel = relative(realRoot, realpathSync(full));
    if (rel === '' || rel.startsWith(`..${sep}`) || rel === '..' || isAbsolute(rel)) return undefined;
    return rel.split(sep).join('/');
  } catch {
    return undefined;
  }
}

/** Reads a regular file without following a link or waiting on a FIFO (type checked again once open). */
function readRegular(full: string, key: string, out: Map<string, Uint8Array>): void {
  let fd: number | undefined;
  try {
    fd = openSync(full, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    const st = fstatSync(fd);
    if (!st.isFile()) return;
    const data = Buffer.alloc(st.size);
    let at = 0;
    while (at < data.length) {
      const n = readSync(fd, data, at, data.length - at, at);
      if (n === 0) break;
      at += n;
    }
    out.set(key, new Uint8Array(data.buffer, data.byteOffset, at));
  } catch {
    // Unreadable: the planner sees it as absent.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The read log's notes (once each), and one for each link whose target a change rewrites. */
function readNotes(log: ReadLog, changes: readonly FileChange[]): string[] {
  const changed = new Set(changes.map(c => c.file));
  const linked = [...log.links]
    .filter(([, target]) => changed.has(target))
    .map(
      ([link, target]) =>
        `${link} is a symbolic link to ${target}: ${target} is rewritten, the link is left as it is`
    );
  return [...new Set(log.notes), ...linked];
}

/** Reads the testdata/ .go files that the read .go files import: go build reads them, so fix moves them. */
function addImportedTestdata(
  root: string,
  files: readonly string[],
  goMods: ReadonlyMap<string, Uint8Array>,
  goFiles: Map<string, Uint8Array>,
  log: ReadLog
): void {
  const imports = new Set<string>();
  for (const data of goFiles.values()) for (const spec of scanImports(data).imports) imports.add(spec.path);
  const extra = importedTestdataGoFiles(files, loadModules(goMods), imports).filter(f => !goFiles.has(f));
  for (const [file, data] of readAll(root, extra, log)) goFiles.set(file, data);
}

/** Writes each new file next to the old one and renames it over, so a file is never half-written. */
function writeChanges(root: string, changes: readonly FileChange[]): void {
  for (const c of changes) {
    const target = join(root, c.file);
    const temp = `${target}.go-major-gate.tmp`;
    const st = lstatSync(target);
    if (!st.isFile()) continue; // never replace a link or a special file by a regular one
    const mode = st.mode;
    writeFileSync(temp, c.after, { mode });
    renameSync(temp, target);
  }
}

function diffOf(changes: readonly FileChange[]): string {
  const decoder = new TextDecoder();
  return [...changes]
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))
    .map(c => unifiedDiff(c.file, decoder.decode(c.before), decoder.decode(c.after)))
    .join('');
}

function listUnsafe(io: FixerIo, unsafe: readonly Unsafe[]): void {
  if (unsafe.length === 0) return;
  io.stderr(`not rewritten (${unsafe.length} file${unsafe.length > 1 ? 's' : ''}; left as they are):\n`);
  for (const u of unsafe) {
    const at = u.line !== undefined ? `:${u.line}${u.column !== undefined ? `:${u.column}` : ''}` : '';
    io.stderr(`  ${u.file}${at}: ${u.reason}\n`);
  }
}

function report(
  io: FixerIo,
  changes: readonly FileChange[],
  notes: readonly string[],
  dryRun: boolean
): void {
  // With --dry-run stdout holds only the patch, so that it can be piped to `git apply`.
  const say = dryRun ? io.stderr : io.stdout;
  for (const c of changes) for (const line of c.summary) say(`${line}\n`);
  for (const n of notes) say(`note: ${n}\n`);
  const n = changes.length;
  say(
    n === 0
      ? 'nothing to do\n'
      : `${dryRun ? 'would rewrite' : 'rewrote'} ${n} file${n > 1 ? 's' : ''}${dryRun ? ' (dry run: nothing written)' : ''}\n`
  );
  if (dryRun) io.stdout(diffOf(changes));
}

export async function runFix(options: FixOptions, io: FixerIo): Promise<number> {
  const { root, files } = await repositoryFiles(options.dir);
  const log = newReadLog();
  const goMods = readAll(root, goModFiles(files), log);
  const moduleDir = options.moduleDir ?? ROOT_DIR;
  if (!goMods.has(moduleDir === ROOT_DIR ? 'go.mod' : `${moduleDir}/go.mod`)) {
    const dirs = loadModules(goMods).map(m => m.dir);
    throw new UsageError(
      `there is no module in ${moduleDir === ROOT_DIR ? 'the repository root' : `${moduleDir}/`}${dirs.length > 0 ? `; use --module with one of: ${dirs.join(', ')}` : ''}`
    );
  }
  const copyDir = majorCopyTarget(moduleDir, options.major, options.layout);
  if (copyDir !== undefined && options.siblingsMajor !== undefined)
    throw new UsageError(
      `--siblings-major does not apply to a copy into ${copyDir}/: the other modules keep the original; copy each one that should move too`
    );
  if (copyDir !== undefined) return runMajorCopy(root, files, goMods, moduleDir, copyDir, options, io);
  // The whole repository's .go files: its other modules' imports of the moved module move too.
  const goFiles = readAll(
    root,
    options.onlyModule ? goFilesOfModule(goMods, files, moduleDir) : files.filter(isGoSourceFile),
    log
  );
  addImportedTestdata(root, files, goMods, goFiles, log);
  const candidates = files.filter(f => referenceFileKind(f) !== undefined);
  const referenceFiles = readAll(
    root,
    candidates.filter(f => !goFiles.has(f) && !log.links.has(f)),
    log
  );
  for (const f of candidates) if (goFiles.has(f)) referenceFiles.set(f, goFiles.get(f) as Uint8Array);
  const plan = planRepositoryMove({
    goMods,
    goFiles,
    moduleDir,
    major: options.major,
    referenceFiles,
    onlyModule: options.onlyModule,
    siblingsMajor: options.siblingsMajor
  });
  const say = options.dryRun ? io.stderr : io.stdout;
  for (const move of plan.moves) {
    say(
      move.from === move.to
        ? `module ${move.to} (${move.moduleDir}) is already at major ${options.major}; finishing its imports\n`
        : `module ${move.from} -> ${move.to} (${move.moduleDir})\n`
    );
  }
  report(io, plan.changes, [...plan.notes, ...readNotes(log, plan.changes)], options.dryRun);
  if (!options.dryRun) writeChanges(root, plan.changes);
  listUnsafe(io, plan.unsafe);
  const todo = remainingWork({
    moves: plan.moves,
    dependents: plan.dependents,
    goMods: withChanges(goMods, plan.changes),
    files: withChanges(readAll(root, textFilesOfMoved(root, files, goMods, plan.moves)), plan.changes)
  });
  if (todo.length > 0) {
    say('what remains:\n');
    for (const item of todo) say(`  - ${item}\n`);
  }
  return plan.unsafe.length > 0 ? 1 : 0;
}

/**
 * A new major in a major subdirectory: the module's tree copied to `toDir` and fixed there
 * (src/fix/subdir.ts); the original directory is left as it is. New files are created (--dry-run
 * prints them as new-file patches).
 */
function runMajorCopy(
  root: string,
  files: readonly string[],
  goMods: ReadonlyMap<string, Uint8Array>,
  moduleDir: string,
  toDir: string,
  options: FixOptions,
  io: FixerIo
): number {
  const under = moduleDir === ROOT_DIR ? files : files.filter(f => f.startsWith(`${moduleDir}/`));
  const taken = files.filter(f => f.startsWith(`${toDir}/`));
  const plan = planMajorCopy(
    { goMods, files: readAll(root, [...under, ...taken]), moduleDir, major: options.major },
    toDir
  );
  const say = options.dryRun ? io.stderr : io.stdout;
  say(`module ${plan.from} (${moduleDir}) -> ${plan.to} (${toDir}, a copy)\n`);
  const modeOf = (file: string) => statSync(join(root, file)).mode;
  const source = (file: string) =>
    (moduleDir === ROOT_DIR ? '' : `${moduleDir}/`) + file.slice(toDir.length + 1);
  for (const c of plan.newFiles) for (const line of c.summary) say(`${line}\n`);
  for (const n of plan.notes) say(`note: ${n}\n`);
  const n = plan.newFiles.length;
  say(
    `${options.dryRun ? 'would create' : 'created'} ${n} file${n > 1 ? 's' : ''} in ${toDir}/${options.dryRun ? ' (dry run: nothing written)' : ''}\n`
  );
  if (options.dryRun) {
    for (const c of plan.newFiles) {
      const patch = newFilePatch(c, (modeOf(source(c.file)) & 0o111) !== 0);
      if (patch === undefined) say(`note: ${c.file} is not text: the patch leaves it out, copy it by hand\n`);
      else io.stdout(patch);
    }
  } else {
    for (const c of plan.newFiles) {
      mkdirSync(dirname(join(root, c.file)), { recursive: true });
      writeFileSync(join(root, c.file), c.after, { mode: modeOf(source(c.file)) });
    }
  }
  listUnsafe(io, plan.unsafe);
  const copyGoMods = new Map(goMods);
  const copyFiles = new Map(plan.newFiles.map(c => [c.file, c.after]));
  copyGoMods.set(`${toDir}/go.mod`, copyFiles.get(`${toDir}/go.mod`) as Uint8Array);
  const todo = remainingWork({
    moves: [{ moduleDir: toDir, from: plan.from, to: plan.to }],
    dependents: [],
    goMods: copyGoMods,
    files: copyFiles
  });
  if (todo.length > 0) say(`what remains:\n${todo.map(item => `  - ${item}\n`).join('')}`);
  return plan.unsafe.length > 0 ? 1 : 0;
}

/** `files` with the contents the changes give them (only those already in the map). */
function withChanges(
  files: Map<string, Uint8Array>,
  changes: readonly FileChange[]
): Map<string, Uint8Array> {
  const out = new Map(files);
  for (const c of changes) if (out.has(c.file)) out.set(c.file, c.after);
  return out;
}

/** The files of the moved modules that the remaining-work list looks at (none over 1 MiB). */
function textFilesOfMoved(
  root: string,
  files: readonly string[],
  goMods: ReadonlyMap<string, Uint8Array>,
  moves: readonly { moduleDir: string }[]
): string[] {
  const owner = fileOwnerIndex(loadModules(goMods));
  const dirs = new Set(moves.map(m => m.moduleDir));
  return files.filter(f => {
    const module = owner(f);
    if (!module || !dirs.has(module.dir) || f.endsWith('/go.sum') || f === 'go.sum') return false;
    try {
      return statSync(join(root, f)).size <= 1 << 20;
    } catch {
      return true;
    }
  });
}

export async function runUpgrade(options: UpgradeOptions, io: FixerIo): Promise<number> {
  parseUpgradeTarget(options.target); // usage errors before any I/O
  const { root, files } = await repositoryFiles(options.dir);
  const log = newReadLog();
  const goMods = readAll(root, goModFiles(files), log);
  const goFiles = readAll(root, files.filter(isGoSourceFile), log);
  addImportedTestdata(root, files, goMods, goFiles, log);
  let sourcePackages: Set<string> | undefined;
  let sourceModulePath: string | undefined;
  if (options.source !== undefined) {
    const source = resolve(options.source);
    if (!isDirectory(source)) throw new UsageError(`--source ${options.source} is not a directory`);
    sourcePackages = packagesOf(source);
    try {
      sourceModulePath = modulePath(readFileSync(join(source, 'go.mod'))) || undefined;
    } catch {
      sourceModulePath = undefined;
    }
  }
  const plan = planUpgrade({
    target: options.target,
    goMods,
    goFiles,
    ...(sourcePackages ? { sourcePackages } : {}),
    ...(sourceModulePath !== undefined ? { sourceModulePath } : {})
  });
  report(io, plan.changes, [...plan.notes, ...readNotes(log, plan.changes)], options.dryRun);
  if (!options.dryRun) writeChanges(root, plan.changes);
  listUnsafe(io, plan.unsafe);
  if (plan.missing.length > 0) {
    io.stderr(
      `imports of packages that ${plan.target.path}@${plan.target.version} does not have (in ${options.source}):\n`
    );
    for (const m of plan.missing) io.stderr(`  ${m.file}:${m.line}:${m.column}: "${m.importPath}"\n`);
  }
  return plan.unsafe.length > 0 || plan.missing.length > 0 ? 1 : 0;
}

/**
 * The packages of a module tree: directories (relative, '' for the root) holding a non-test .go
 * file, not inside a nested module, vendor, or a `.`/`_` directory (testdata/ packages count: an
 * import can name them).
 */
function packagesOf(source: string): Set<string> {
  const files = walk(source, '', true);
  const nested = new Set(goModFiles(files).map(f => (f === 'go.mod' ? '' : f.slice(0, -'/go.mod'.length))));
  nested.delete('');
  const out = new Set<string>();
  for (const f of files) {
    if (!isPlannedGoFile(f) || f.endsWith('_test.go')) continue;
    const dir = f.includes('/') ? f.slice(0, f.lastIndexOf('/')) : '';
    if ([...nested].some(n => dir === n || dir.startsWith(`${n}/`))) continue;
    out.add(dir);
  }
  return out;
}

export interface ReportPatch {
  /** A unified diff that `git apply` accepts; empty when nothing is fixable. */
  patch: string;
  files: number;
  unsafe: Unsafe[];
}

/**
 * The patch that fixes everything fixable for a report's targets (the action's `patch` output): each
 * gated module moved to the major of its version, each module checked for consistency finished at its
 * declared major. Reads the files it needs from `tree` (the commit checked) in one pass.
 */
export async function patchForReport(
  report: Report,
  tree: Tree,
  files: readonly string[],
  goMods: ReadonlyMap<string, Uint8Array>
): Promise<ReportPatch> {
  const empty: ReportPatch = { patch: '', files: 0, unsafe: [] };
  if (!report.findings.some(f => f.fix)) return empty;
  const targets = report.targets.flatMap(t => {
    if (t.dir === null || t.module === null) return [];
    const digits = t.version
      ? majorDigits(t.version)
      : String(report.modules.find(m => m.dir === t.dir)?.major ?? '');
    const major = Math.max(1, Number(digits));
    return Number.isSafeInteger(major) ? [{ dir: t.dir, major }] : [];
  });
  const goFilesByTarget = targets.map(t => goFilesOfModule(goMods, files, t.dir));
  const referencePaths = files.filter(f => referenceFileKind(f) !== undefined && !f.endsWith('.go'));
  const contents = new Map<string, Uint8Array>();
  await tree.read(
    { whole: [...new Set([...goFilesByTarget.flat(), ...referencePaths])], headers: [] },
    { onFile: (path, data) => void (data && contents.set(path, data)), onScan: () => undefined }
  );
  const pick = (paths: readonly string[]) =>
    new Map(paths.flatMap(p => (contents.has(p) ? [[p, contents.get(p) as Uint8Array] as const] : [])));
  const changes: FileChange[] = [];
  const unsafe: Unsafe[] = [];
  for (const [i, target] of targets.entries()) {
    const goFiles = pick(goFilesByTarget[i]);
    const referenceFiles = pick(referencePaths);
    for (const [path, data] of goFiles) referenceFiles.set(path, data);
    // A major subdirectory is never moved in place (src/fix/subdir.ts): no patch for it.
    if (directoryMajor(target.dir) !== undefined && directoryMajor(target.dir) !== target.major) continue;
    const plan = planFix({ goMods, goFiles, moduleDir: target.dir, major: target.major, referenceFiles });
    changes.push(...plan.changes);
    unsafe.push(...plan.unsafe);
  }
  return { patch: diffOf(changes), files: changes.length, unsafe };
}

// `fix` and the major-subdirectory layout (https://go.dev/blog/v2-go-modules): each major from v2 on
// lives in its own directory `vN/` (beside the v1 module, or `client/v3/` beside `client/`). Pure.
//
// A directory named `vN` can only hold major N (module-location), and its go.mod's retractions are
// those of major N: rewriting `v2/` in place into a /v3 module breaks both, so fix refuses and says
// how to start the new major (copy the tree to `v3/`, then fix the copy). The copy still declares the
// old path (the root's, or `/v2`), which another module of the repository also declares: its own
// imports name that path, and they are the copy's own (copyOwnImport).
import { UsageError } from '../errors.js';
import {
  fileOwnerIndex,
  isGoSourceFile,
  isMajorDirName,
  loadModules,
  type Module
} from '../go/module/layout.js';
import { familyMember } from '../go/module/majors.js';
import { referenceFileKind } from '../go/module/references.js';
import { unifiedDiff } from './diff.js';
import { planFix, type FileChange, type Unsafe } from './plan.js';

/** The major a module directory's last element names (`v3` → 3), or undefined when it names none. */
export function directoryMajor(moduleDir: string): number | undefined {
  const last = moduleDir.split('/').pop() as string;
  return moduleDir !== '.' && isMajorDirName(last) ? Number(last.slice(1)) : undefined;
}

/** The directory that holds major `major` beside the major subdirectory `moduleDir` (`v2` → `v3`). */
function siblingMajorDir(moduleDir: string, major: number): string {
  const parts = moduleDir.split('/');
  parts[parts.length - 1] = `v${major}`;
  return parts.join('/');
}

/**
 * Refuses (UsageError, exit 2) to move a module in a major subdirectory `vK/` to another major than K:
 * the result would not fit its directory, and the old major's retractions would be lost. The message
 * says how to start the new major instead.
 */
export function refuseInPlaceMajorDirectory(
  moduleDir: string,
  from: string,
  to: string,
  major: number
): void {
  const dirMajor = directoryMajor(moduleDir);
  if (dirMajor === undefined || dirMajor === major) return;
  const where = `${moduleDir}/ is a major subdirectory (it can only hold major v${dirMajor}, now ${from})`;
  if (major === 1) {
    throw new UsageError(
      `${where}: fix does not rewrite it in place into ${to}; the v0/v1 module lives in the directory above it`
    );
  }
  const target = siblingMajorDir(moduleDir, major);
  throw new UsageError(
    `${where}: fix does not rewrite it in place into ${to} (check would report module-location, and its go.mod's retractions of v${dirMajor} would be lost). Start the new major beside it, as https://go.dev/blog/v2-go-modules describes: copy ${moduleDir}/ to ${target}/ (cp -R ${moduleDir} ${target}), then run fix --module ${target} --major ${major}`
  );
}

/**
 * Whether `moduleDir` is a copy being made into a new major subdirectory: it is named for the
 * target major, and its go.mod still declares another path (`v5/go.mod` with the root's path).
 */
export function isMajorDirectoryCopy(moduleDir: string, from: string, to: string, major: number): boolean {
  return from !== to && directoryMajor(moduleDir) === major;
}

/**
 * The new path of an import in a copy (isMajorDirectoryCopy) that names the copy's old path `from`:
 * its packages are the copy's own, though another module (the original) declares the same path. An
 * import owned by a module nested under that path (`R/v2/tools`) is left alone.
 */
export function copyOwnImport(
  importPath: string,
  module: Module,
  from: string,
  to: string,
  importOwner: (path: string) => Module | undefined
): string | undefined {
  const member = familyMember(importPath, module.prefix);
  if (!member || member.modulePath !== from) return undefined;
  const owner = importOwner(importPath);
  // A module under the old path (`R/v2/tools`) is another module; one above it (the v1 root, which
  // seems to hold `v2/` once the original's go.mod is set aside) is not.
  if (owner?.path !== undefined && owner !== module && owner.path.startsWith(`${from}/`)) return undefined;
  return to + importPath.slice(from.length);
}

/** What `fix` copies into a new major subdirectory. */
export interface MajorCopyInput {
  /** Every go.mod of the repository. */
  goMods: ReadonlyMap<string, Uint8Array>;
  /** Every file of the repository, by path (the module's files are read whole). */
  files: ReadonlyMap<string, Uint8Array>;
  moduleDir: string;
  major: number;
}

export interface MajorCopyPlan {
  fromDir: string;
  toDir: string;
  from: string;
  to: string;
  /** The new files, with their contents after the copy's fix (`before` is empty). */
  newFiles: FileChange[];
  unsafe: Unsafe[];
  notes: string[];
}

/**
 * The directory a move to `major` must copy the module into, or undefined when the module is moved
 * in place: a major subdirectory moves beside itself (`v2` → `v3`); `--layout subdirectory` starts
 * one under the module (`.` → `v2`, `client` → `client/v2`).
 */
export function majorCopyTarget(
  moduleDir: string,
  major: number,
  layout?: 'subdirectory'
): string | undefined {
  const dirMajor = directoryMajor(moduleDir);
  if (dirMajor !== undefined)
    return dirMajor === major || major === 1 ? undefined : siblingMajorDir(moduleDir, major);
  if (layout !== 'subdirectory') return undefined;
  if (major < 2)
    throw new UsageError(
      `--layout subdirectory needs --major 2 or more: major 1 lives in the module's own directory`
    );
  return moduleDir === '.' ? `v${major}` : `${moduleDir}/v${major}`;
}

/** Files a copy leaves out: dot entries (.github/, .gitignore) belong to the repository, not to a major. */
function copied(relative: string): boolean {
  return !relative.split('/').some(e => e.startsWith('.'));
}

/**
 * Plans the copy of the module in `moduleDir` to `toDir` as the new major, as the Go blog describes:
 * the module's own files (not its nested modules') are copied, then the copy's go.mod module line and
 * own imports are changed (planFix on the copy). The original is left as it is.
 */
export function planMajorCopy(input: MajorCopyInput, toDir: string): MajorCopyPlan {
  const { goMods, files, moduleDir, major } = input;
  const modules = loadModules(goMods);
  const module = modules.find(m => m.dir === moduleDir);
  if (!module) throw new UsageError(`there is no module in ${moduleDir}/`);
  const taken = [...files.keys()].find(f => f.startsWith(`${toDir}/`));
  if (taken !== undefined)
    throw new UsageError(
      `${toDir}/ already exists (${taken}): to make it the v${major} module, run fix --module ${toDir} --major ${major}`
    );
  const owner = fileOwnerIndex(modules);
  const from = moduleDir === '.' ? '' : `${moduleDir}/`;
  const copy = new Map<string, Uint8Array>();
  for (const [file, data] of files) {
    if (owner(file) !== module || !file.startsWith(from) || !copied(file.slice(from.length))) continue;
    copy.set(`${toDir}/${file.slice(from.length)}`, data);
  }
  const copyGoMods = new Map(goMods);
  copyGoMods.set(`${toDir}/go.mod`, goMods.get(module.goModFile) as Uint8Array);
  const pick = (keep: (f: string) => boolean) => new Map([...copy].filter(([f]) => keep(f)));
  const plan = planFix({
    goMods: copyGoMods,
    goFiles: pick(isGoSourceFile),
    moduleDir: toDir,
    major,
    referenceFiles: pick(f => referenceFileKind(f) !== undefined)
  });
  const after = new Map(plan.changes.map(c => [c.file, c]));
  const newFiles = [...copy]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([file, data]) => ({
      file,
      before: new Uint8Array(0),
      after: after.get(file)?.after ?? data,
      summary: [
        `${file}: new (copy of ${from}${file.slice(toDir.length + 1)})`,
        ...(after.get(file)?.summary ?? [])
      ]
    }));
  return {
    fromDir: moduleDir,
    toDir,
    from: plan.from,
    to: plan.to,
    newFiles,
    unsafe: plan.unsafe,
    notes: [
      ...plan.notes,
      `${moduleDir === '.' ? 'the root module' : `${moduleDir}/`} is left as it is (${plan.from} keeps its go.mod, its retractions and its tags); the modules that require it keep requiring it`
    ]
  };
}

/**
 * A new file as a patch that `git apply` accepts (`new file mode`, `--- /dev/null`), or undefined for
 * a file that is not UTF-8 text (a binary file cannot be shown as lines).
 */
export function newFilePatch(change: FileChange, executable: boolean): string | undefined {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(change.after);
  } catch {
    return undefined;
  }
  if (text.includes('\0')) return undefined;
  const header = `diff --git a/${change.file} b/${change.file}\nnew file mode ${executable ? '100755' : '100644'}\n`;
  if (text === '') return header;
  const body = unifiedDiff(change.file, '', text);
  return header + body.replace(/^diff --git [^\n]*\n--- [^\n]*\n/, '--- /dev/null\n');
}

/**
 * The go.mod files a copy's fix reads: without the original's (the other go.mod that declares the
 * copy's old path `from`). The old path is then nobody else's, so the copy's own imports and
 * references of it read as the copy's stale ones, as stale-self-import and stale-reference see them
 * once the copy has its new path.
 */
export function withoutOriginal(
  goMods: ReadonlyMap<string, Uint8Array>,
  moduleDir: string,
  from: string
): Map<string, Uint8Array> {
  const out = new Map(goMods);
  for (const m of loadModules(goMods)) if (m.path === from && m.dir !== moduleDir) out.delete(m.goModFile);
  return out;
}

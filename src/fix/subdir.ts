// `fix` and the major-subdirectory layout (https://go.dev/blog/v2-go-modules): each major from v2 on
// lives in its own directory `vN/` (beside the v1 module, or `client/v3/` beside `client/`). Pure.
//
// A directory named `vN` can only hold major N (module-location), and its go.mod's retractions are
// those of major N: so a new major starts as a copy of the tree into `vM/` (planMajorCopy), whose
// module line, own imports and references fix then moves. The rules plan.ts applies while it plans
// such a module (refusals, the copy's own imports) are in major-dirs.ts.
import { UsageError } from '../errors.js';
import { fileOwnerIndex, isGoSourceFile, loadModules } from '../go/module/layout.js';
import { referenceFileKind } from '../go/module/references.js';
import { unifiedDiff } from './diff.js';
import { planFix, type FileChange, type Unsafe } from './plan.js';
import { directoryMajor, siblingMajorDir } from './major-dirs.js';

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

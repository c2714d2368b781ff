// `fix --major N` on a repository: the module moves, and the repository's other modules that require
// or import it move with it. Pure: file contents in, new contents out.
//
// A move is planned by planFix (the module's own go.mod, imports and references). Then every other
// module of the repository that depends on a moved module gets, in its own files only:
// - its imports of the moved module's packages rewritten to the new path (gofmt-clean, as fix does);
// - its `require OLD vX` turned into `require NEW vN.0.0` (the version being prepared: the modules are
//   tagged together, so no version line is invented);
// - its `replace OLD => DIR` turned into `replace NEW => DIR` when DIR holds the moved module.
// Siblings whose own path carries the old major like the moved module (`contrib/x/v2` beside a /v2
// root) keep their major unless `siblingsMajor` says otherwise; the plan says what to decide.
import {
  fileOwnerIndex,
  importOwnerIndex,
  isPlannedGoFile,
  loadModules,
  type Module
} from '../go/module/layout.js';
import { parseModFile } from '../go/module/modfile.js';
import { applyByteEdits, type ByteEdit } from './edits.js';
import { rewriteGoFile } from './gofile.js';
import { replaceToken } from './gomod.js';
import { planFix, type FileChange, type FixInput, type FixPlan, type Unsafe } from './plan.js';

export interface RepositoryMoveInput extends FixInput {
  /** Only the module itself moves (no sibling is changed): `--only-module`. */
  onlyModule?: boolean;
  /** Also move the siblings whose path carries the moved module's old major to this major. */
  siblingsMajor?: number;
}

export interface ModuleMove {
  moduleDir: string;
  from: string;
  to: string;
}

export interface RepositoryMovePlan {
  moves: ModuleMove[];
  changes: FileChange[];
  unsafe: Unsafe[];
  notes: string[];
  /** Modules whose require, replace or imports were moved to a moved module's new path. */
  dependents: string[];
}

/** Plans the move of `input.moduleDir` to `input.major`, with the repository's modules that use it. */
export function planRepositoryMove(input: RepositoryMoveInput): RepositoryMovePlan {
  const first = planFix(input);
  const plans: FixPlan[] = [first];
  const oldModules = loadModules(input.goMods);
  const siblings = oldModules.filter(m => m.dir !== input.moduleDir && sameMajorFamily(m, first.from));
  if (!input.onlyModule && input.siblingsMajor !== undefined) {
    for (const sibling of siblings)
      plans.push(planFix({ ...input, moduleDir: sibling.dir, major: input.siblingsMajor }));
  }
  const result: RepositoryMovePlan = { moves: [], changes: [], unsafe: [], notes: [], dependents: [] };
  const files = new Map<string, FileChange>();
  const record = (change: FileChange) => {
    const earlier = files.get(change.file);
    if (earlier) {
      earlier.after = change.after;
      earlier.summary.push(...change.summary);
    } else files.set(change.file, { ...change, summary: [...change.summary] });
  };
  for (const plan of plans) {
    if (plan.from === '') {
      result.unsafe.push(...plan.unsafe);
      continue;
    }
    result.moves.push({ moduleDir: plan.moduleDir, from: plan.from, to: plan.to });
    plan.changes.forEach(record);
    result.unsafe.push(...plan.unsafe);
    result.notes.push(...plan.notes);
  }
  if (!input.onlyModule) {
    moveDependents(input, oldModules, result, files, record);
    if (input.siblingsMajor === undefined) noteSiblings(result, siblings, first, input.major);
  }
  result.changes = [...files.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return result;
}

/** A sibling whose path ends in the same major suffix as the moved module's old path. */
function sameMajorFamily(module: Module, movedFrom: string): boolean {
  const suffix = /\/v([2-9]|[1-9][0-9]+)$/.exec(movedFrom)?.[0];
  return (
    suffix !== undefined &&
    module.path !== undefined &&
    module.path !== movedFrom &&
    module.path.endsWith(suffix)
  );
}

function noteSiblings(result: RepositoryMovePlan, siblings: Module[], first: FixPlan, major: number): void {
  if (siblings.length === 0 || first.from === first.to) return;
  const dirs = siblings.map(s => s.dir);
  result.notes.push(
    `${dirs.length} other module${dirs.length > 1 ? 's carry' : ' carries'} the old major in ${dirs.length > 1 ? 'their paths' : 'its path'} like ${first.from} did (${dirs.slice(0, 5).join(', ')}${dirs.length > 5 ? ', …' : ''}): ${dirs.length > 1 ? 'they keep their' : 'it keeps its'} own major; to move ${dirs.length > 1 ? 'them' : 'it'} to /v${major} as well, run again with --siblings-major ${major}`
  );
}

/** Rewrites, in every module that is not itself moved, the requires, replaces and imports of moved modules. */
function moveDependents(
  input: RepositoryMoveInput,
  oldModules: Module[],
  result: RepositoryMovePlan,
  files: Map<string, FileChange>,
  record: (change: FileChange) => void
): void {
  // A copy into a new major subdirectory (src/fix/subdir.ts) leaves its old path to the original.
  const twin = (m: ModuleMove) => oldModules.some(o => o.path === m.from && o.dir !== m.moduleDir);
  const moved = new Map(result.moves.filter(m => m.from !== m.to && !twin(m)).map(m => [m.from, m]));
  if (moved.size === 0) return;
  const oldImportOwner = importOwnerIndex(oldModules);
  const current = (file: string, original: Uint8Array | undefined) => files.get(file)?.after ?? original;
  // Packages of a moved module keep their place under its new path.
  const rewriteImport = (path: string): string | undefined => {
    const owner = oldImportOwner(path);
    const move = owner?.path !== undefined ? moved.get(owner.path) : undefined;
    return move ? move.to + path.slice(move.from.length) : undefined;
  };
  const fileOwner = fileOwnerIndex(oldModules);
  const movedDirs = new Set(result.moves.map(m => m.moduleDir));
  const dependents = new Set<string>();
  for (const module of oldModules) {
    const goModData = current(module.goModFile, input.goMods.get(module.goModFile));
    if (goModData && moveGoMod(module, goModData, moved, record)) dependents.add(module.dir);
  }
  for (const [file, original] of [...input.goFiles].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const owner = isPlannedGoFile(file) ? fileOwner(file) : undefined;
    // The moved modules' own files were rewritten by planFix, which moved their imports of themselves;
    // their imports of another moved module are moved here.
    if (!owner) continue;
    const data = current(file, original)!;
    const rewrite = movedDirs.has(owner.dir)
      ? (p: string) => (oldImportOwner(p) === owner ? undefined : rewriteImport(p))
      : rewriteImport;
    const out = rewriteGoFile(data, rewrite);
    if (out.kind === 'unsafe') {
      // planFix has listed the moved modules' own unreadable files already.
      if (
        !movedDirs.has(owner.dir) &&
        out.reason &&
        [...moved.keys()].some(from => new TextDecoder().decode(data).includes(from))
      )
        result.unsafe.push({
          file,
          reason: out.reason,
          ...(out.line !== undefined ? { line: out.line, column: out.column } : {})
        });
      continue;
    }
    if (out.kind !== 'changed') continue;
    if (!movedDirs.has(owner.dir)) dependents.add(owner.dir);
    record({
      file,
      before: original,
      after: out.data,
      summary: out.changes.map(c => `${file}:${c.line}:${c.column}: "${c.from}" -> "${c.to}"`)
    });
  }
  result.dependents = [...dependents].sort();
  if (result.dependents.length > 0)
    result.notes.push(
      `moved the requires, replaces and imports of ${result.dependents.length} other module${result.dependents.length > 1 ? 's' : ''} of the repository (${result.dependents.slice(0, 5).join(', ')}${result.dependents.length > 5 ? ', …' : ''}); tag them together with ${result.moves.map(m => m.to).join(', ')}`
    );
}

/** The require and replace lines of `module`'s go.mod that name a moved module, moved. */
function moveGoMod(
  module: Module,
  data: Uint8Array,
  moved: ReadonlyMap<string, ModuleMove>,
  record: (change: FileChange) => void
): boolean {
  const { modFile } = parseModFile(data, { mode: 'strict', file: module.goModFile });
  const edits: ByteEdit[] = [];
  const summary: string[] = [];
  for (const r of modFile.require) {
    const move = moved.get(r.path);
    if (!move || move.moduleDir === module.dir) continue;
    const version = `${releasedMajorVersion(move.to)}`;
    edits.push(replaceToken(data, r.pathSpan, move.to), replaceToken(data, r.versionSpan, version));
    summary.push(`${module.goModFile}:${r.line}: require ${r.path} ${r.version} -> ${move.to} ${version}`);
  }
  for (const r of modFile.replace) {
    const move = moved.get(r.oldPath);
    if (!move || move.moduleDir === module.dir || r.newVersion !== '') continue;
    // Only a replace whose directory holds the moved module follows it.
    if (resolveDir(module.dir, r.newPath) !== move.moduleDir) continue;
    edits.push(replaceToken(data, r.oldPathSpan, move.to));
    summary.push(
      `${module.goModFile}:${r.line}: replace ${r.oldPath} => ${r.newPath} -> ${move.to} => ${r.newPath}`
    );
  }
  if (edits.length === 0) return false;
  edits.sort((a, b) => a.start - b.start);
  record({ file: module.goModFile, before: data, after: applyByteEdits(data, edits), summary });
  return true;
}

/** `vN.0.0` for a module path's major (v1.0.0 for an unsuffixed path: the first of its line). */
function releasedMajorVersion(path: string): string {
  const m = /(?:\/v|\.v)([0-9]+)$/.exec(path);
  return `v${m ? m[1] : '1'}.0.0`;
}

/** The repository directory a replace's relative directory names, from module directory `dir`. */
export function resolveDir(dir: string, target: string): string | undefined {
  if (!target.startsWith('./') && !target.startsWith('../') && target !== '.' && target !== '..')
    return undefined;
  const parts = dir === '.' ? [] : dir.split('/');
  for (const element of target.replace(/\/+$/, '').split('/')) {
    if (element === '.' || element === '') continue;
    if (element === '..') {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else parts.push(element);
  }
  return parts.length === 0 ? '.' : parts.join('/');
}

// `fix`: move a module of the repository to another major. Pure: file contents in, new contents out.
//
// What is rewritten, for the one module in scope:
// - the module line of its go.mod (`example.com/m` -> `example.com/m/v2`; back to the unsuffixed path
//   for major 1; gopkg.in `.vN`);
// - every import, in every .go file the module owns, of its own packages through another major (the
//   imports stale-self-import reports, so `check` agrees with the result), in every form;
// - non-Go references to an older major's path (src/go/module/references.ts: .proto go_package, buf, docs,
//   -X ldflags, go commands in build files, //go:generate lines), in place;
// - self-requirement leftovers: a require or replace of the module's own other major that nothing
//   imports any more after the rewrite is removed, one that is still imported (by a file whose import
//   another module of the repository owns) is kept; a require or replace of the new path itself (the
//   main module cannot require itself) is removed.
// A file that cannot be rewritten safely is listed and left as it is.
import { UsageError } from '../errors.js';
import {
  fileOwnerIndex,
  importOwnerIndex,
  isGoSourceFile,
  isPlannedGoFile,
  loadModules,
  type Module
} from '../go/module/layout.js';
import { familyMember } from '../go/module/majors.js';
import { parseModFile, type ModFile } from '../go/module/modfile.js';
import { checkPathMajor, pathForMajor, splitPathVersion } from '../go/module/modpath.js';
import { isValid } from '../go/module/version.js';
import {
  needsWholeText,
  referenceFileKind,
  referenceFinder,
  referenceLinesToKeep,
  type ReferenceLine
} from '../go/module/references.js';
import { nestedFamilies, staleImport } from '../rules/stale-self-import.js';
import { applyByteEdits, applyLineEdits, type ByteEdit, type FileEdit } from './edits.js';
import { rewriteGoFile } from './gofile.js';
import { dropEmptiedBlocks, removeDirective, replaceToken } from './gomod.js';
import {
  copyOwnImport,
  isMajorDirectoryCopy,
  refuseInPlaceMajorDirectory,
  withoutOriginal
} from './major-dirs.js';

export interface FileChange {
  file: string;
  before: Uint8Array;
  after: Uint8Array;
  /** One line per change, for the report. */
  summary: string[];
}

export interface Unsafe {
  file: string;
  reason: string;
  line?: number;
  column?: number;
}

export interface FixPlan {
  moduleDir: string;
  from: string;
  to: string;
  changes: FileChange[];
  unsafe: Unsafe[];
  /** Decisions worth telling: removed or kept requirements, and why. */
  notes: string[];
}

export interface FixInput {
  /** Every go.mod of the repository, by repository-relative path. */
  goMods: ReadonlyMap<string, Uint8Array>;
  /** The .go files to consider (at least those of the module in scope); others are ignored. */
  goFiles: ReadonlyMap<string, Uint8Array>;
  /** The module's directory ('.' for the root). */
  moduleDir: string;
  /** The major to move to: 1 means the unsuffixed path. */
  major: number;
  /**
   * Files that may hold non-Go references (referenceFileKind: .proto, buf, docs, build files,
   * //go:generate lines of .go files). References to an older major of the module are rewritten.
   */
  referenceFiles?: ReadonlyMap<string, Uint8Array>;
}

/** The .go files that `planFix` needs for the module in `moduleDir`, given every go.mod and every file. */
export function goFilesOfModule(
  goMods: ReadonlyMap<string, Uint8Array>,
  files: readonly string[],
  moduleDir: string
): string[] {
  const modules = loadModules(goMods);
  const module = modules.find(m => m.dir === moduleDir);
  if (!module) return [];
  const owner = fileOwnerIndex(modules);
  return files.filter(f => isGoSourceFile(f) && owner(f) === module);
}

export function planFix(input: FixInput): FixPlan {
  const { goMods, moduleDir, major } = input;
  if (!Number.isSafeInteger(major) || major < 1) {
    throw new UsageError(
      `--major must be a whole number ≥ 1 (1 is the unsuffixed path of v0 and v1), got ${major}`
    );
  }
  const goModFile = moduleDir === '.' ? 'go.mod' : `${moduleDir}/go.mod`;
  const goModData = goMods.get(goModFile);
  if (!goModData)
    throw new UsageError(
      `there is no module in ${moduleDir === '.' ? 'the repository root' : `${moduleDir}/`} (no ${goModFile})`
    );
  const plan: FixPlan = { moduleDir, from: '', to: '', changes: [], unsafe: [], notes: [] };
  const { modFile, errors } = parseModFile(goModData, { mode: 'strict', file: goModFile });
  const syntax = errors.find(e => e.kind === 'syntax');
  if (syntax || !modFile.module) {
    plan.unsafe.push({
      file: goModFile,
      reason: syntax ? `go.mod does not parse: ${syntax.message}` : 'go.mod has no module line',
      ...(syntax ? { line: syntax.line, column: syntax.column } : {})
    });
    return plan;
  }
  const old = loadModules(new Map([[goModFile, goModData]]))[0] as Module;
  const from = modFile.module.path;
  if (old.prefix === from && /\/v[0-9.]+$/.test(from) && old.pathMajor === '') {
    // splitPathVersion failed (`/v1`, `/v02`): the family is unclear.
    throw new UsageError(`the module path "${from}" has a malformed major suffix; correct it by hand first`);
  }
  const to = pathForMajor(
    old.prefix,
    major === 1 ? (from.startsWith('gopkg.in/') ? '1' : '') : String(major)
  );
  plan.from = from;
  plan.to = to;
  refuseInPlaceMajorDirectory(moduleDir, from, to, major);
  const copy = isMajorDirectoryCopy(moduleDir, from, to, major);

  // The go.mod with its new module line; the rest of it is settled after the imports.
  const goModEdits: ByteEdit[] = [];
  const goModSummary: string[] = [];
  if (from !== to) {
    goModEdits.push(replaceToken(goModData, modFile.module.pathSpan, to));
    goModSummary.push(`module ${from} -> ${to}`);
  }
  const newGoMods = copy ? withoutOriginal(goMods, moduleDir, from) : new Map(goMods);
  newGoMods.set(goModFile, applyByteEdits(goModData, goModEdits));
  const modules = loadModules(newGoMods);
  const module = modules.find(m => m.dir === moduleDir) as Module;
  const importOwner = importOwnerIndex(modules);
  const fileOwner = fileOwnerIndex(modules);

  // The imports to rewrite: those stale-self-import reports; and, going back to the unsuffixed path,
  // those of the path left (which a v0/v1 module would take for its own `vN/…` directories).
  const rewriteImport = (p: string): string | undefined => {
    if (copy) return copyOwnImport(p, module, from, to, importOwner) ?? staleOrNot(p);
    return staleOrNot(p);
  };
  const staleOrNot = (p: string): string | undefined => {
    const stale = staleImport(p, module, importOwner, nestedFamilies(modules))?.corrected;
    if (stale !== undefined || module.pathMajorDigits !== '' || from === to) return stale;
    const member = familyMember(p, module.prefix);
    if (!member || member.modulePath !== from) return undefined;
    const owner = importOwner(p);
    if (owner && owner !== module) return undefined;
    return to + p.slice(from.length);
  };

  // Every .go file of the module.
  const importsAfter = rewriteGoFiles(input, plan, module, fileOwner, old.prefix, rewriteImport);

  // Self-requirement leftovers.
  const goMod = { file: goModFile, data: goModData, edits: goModEdits, summary: goModSummary };
  dropSelfRequirements(plan, goMod, modFile, module, to, importsAfter);
  if (goModEdits.length > 0) {
    const after = dropEmptiedBlocks(goModData, applyByteEdits(goModData, goModEdits));
    plan.changes.unshift({
      file: goModFile,
      before: goModData,
      after,
      summary: goModSummary.map(s => `${goModFile}: ${s}`)
    });
  }

  // Non-Go references, read from each file as the import rewrite left it.
  addReferenceChanges(plan, input, modules, module);
  return plan;
}

/** Rewrites the imports of every .go file `module` owns into `plan`; returns each readable file's imports after. */
function rewriteGoFiles(
  input: FixInput,
  plan: FixPlan,
  module: Module,
  fileOwner: (file: string) => Module | undefined,
  prefix: string,
  rewriteImport: (path: string) => string | undefined
): Map<string, string[]> {
  const importsAfter = new Map<string, string[]>();
  const files = [...input.goFiles.keys()].filter(f => isPlannedGoFile(f) && fileOwner(f) === module).sort();
  for (const file of files) {
    const data = input.goFiles.get(file) as Uint8Array;
    const result = rewriteGoFile(data, rewriteImport);
    if (result.kind === 'unsafe') {
      // Only a problem when the file may hold an import of the family.
      if (new TextDecoder().decode(data).includes(prefix)) {
        plan.unsafe.push({
          file,
          reason: result.reason,
          ...(result.line !== undefined ? { line: result.line, column: result.column } : {})
        });
      }
      continue;
    }
    importsAfter.set(file, result.imports);
    if (result.kind === 'changed') {
      plan.changes.push({
        file,
        before: data,
        after: result.data,
        summary: result.changes.map(c => `${file}:${c.line}:${c.column}: "${c.from}" -> "${c.to}"`)
      });
    }
  }
  return importsAfter;
}

/** The go.mod being rewritten, with the edits and summary lines gathered so far. */
interface GoModRewrite {
  file: string;
  data: Uint8Array;
  edits: ByteEdit[];
  summary: string[];
}

/** Removes the require, replace and retract lines of other majors of the module itself that the
 * rewrite leaves pointless (or says in `plan.notes` why one is kept). */
function dropSelfRequirements(
  plan: FixPlan,
  goMod: GoModRewrite,
  modFile: ModFile,
  module: Module,
  to: string,
  importsAfter: ReadonlyMap<string, string[]>
): void {
  const { file: goModFile, data: goModData, edits: goModEdits, summary: goModSummary } = goMod;
  const importers = (path: string): string[] =>
    [...importsAfter]
      .filter(([, paths]) => paths.some(p => familyMember(p, module.prefix)?.modulePath === path))
      .map(([file]) => file);
  const unreadable = plan.unsafe.length > 0;
  const kept = new Set<string>();
  const removeLine = (
    span: Parameters<typeof removeDirective>[1],
    verb: string,
    what: string,
    why: string
  ) => {
    const edit = removeDirective(goModData, span, verb);
    if (edit) {
      goModEdits.push(edit);
      goModSummary.push(`removed ${what}`);
      plan.notes.push(`${goModFile}: removed ${what}: ${why}`);
    } else {
      plan.notes.push(
        `${goModFile}: kept ${what}: ${why}, but its line holds more than the directive; remove it by hand`
      );
    }
  };
  for (const r of modFile.require) {
    const member = familyMember(r.path, module.prefix);
    if (!member || member.modulePath !== r.path) continue;
    const what = `require ${r.path} ${r.version}`;
    if (r.path === to) {
      removeLine(r.span, 'require', what, 'a module cannot require itself');
      continue;
    }
    const users = importers(r.path);
    if (users.length > 0 || unreadable) {
      kept.add(r.path);
      plan.notes.push(
        `${goModFile}: kept ${what}: ${users.length > 0 ? `still imported by ${users.join(', ')} (those packages belong to another module of this repository)` : 'some files could not be read, so it may still be imported'}`
      );
      continue;
    }
    removeLine(r.span, 'require', what, 'another major of the module itself, which nothing imports any more');
  }
  for (const r of modFile.replace) {
    const member = familyMember(r.oldPath, module.prefix);
    if (!member || member.modulePath !== r.oldPath) continue;
    const what = `replace ${r.oldPath}${r.oldVersion ? ` ${r.oldVersion}` : ''} => ${r.newPath}${r.newVersion ? ` ${r.newVersion}` : ''}`;
    if (r.oldPath === to) {
      removeLine(r.span, 'replace', what, 'the main module cannot be replaced');
    } else if (kept.has(r.oldPath)) {
      plan.notes.push(`${goModFile}: kept ${what}: ${r.oldPath} is still required`);
    } else {
      removeLine(
        r.span,
        'replace',
        what,
        'another major of the module itself, which nothing requires any more'
      );
    }
  }
  // Retractions of another major: the go command rejects them in this go.mod (retract-major-mismatch).
  const { pathMajor: newPathMajor } = splitPathVersion(to);
  for (const r of modFile.retract) {
    if (![r.low, r.high].some(v => isValid(v) && checkPathMajor(v, newPathMajor) !== undefined)) continue;
    const what = r.low === r.high ? `retract ${r.low}` : `retract [${r.low}, ${r.high}]`;
    removeLine(
      r.span,
      'retract',
      what,
      `it names a version of another major than ${to}, which the go command rejects here (retractions of the old major belong in its own go.mod)`
    );
  }
}

/** Adds the stale-reference edits of the non-Go files, read as the import rewrite left them. */
function addReferenceChanges(plan: FixPlan, input: FixInput, modules: Module[], module: Module): void {
  if (input.referenceFiles && input.referenceFiles.size > 0) {
    const current = new Map(input.referenceFiles);
    for (const c of plan.changes) if (current.has(c.file)) current.set(c.file, c.after);
    // Only the module's own files: other modules' documents change only through their own move.
    const owner = fileOwnerIndex(modules);
    const edits = referenceEdits(current, modules, module).filter(e => owner(e.file) === module);
    const result = applyFileEdits(current, edits);
    for (const change of result.changes) {
      const earlier = plan.changes.find(c => c.file === change.file);
      if (earlier) {
        earlier.after = change.after;
        earlier.summary.push(...change.summary);
      } else {
        plan.changes.push({ ...change, before: input.referenceFiles.get(change.file) as Uint8Array });
      }
    }
    plan.unsafe.push(...result.unsafe);
  }
}

/**
 * The stale-reference findings of `module` in `files` (src/go/module/references.ts), as edits: each
 * stale path becomes the same package under the module's path.
 */
export function referenceEdits(
  files: ReadonlyMap<string, Uint8Array>,
  modules: readonly Module[],
  module: Module
): FileEdit[] {
  const find = referenceFinder(modules);
  const edits: FileEdit[] = [];
  for (const [file, data] of files) {
    if (referenceFileKind(file) === undefined) continue;
    const text = new TextDecoder().decode(data);
    if (!text.includes(module.prefix)) continue;
    const found: ReferenceLine[] = [];
    text.split('\n').forEach((line, i) => {
      if (line.includes(module.prefix)) found.push({ line: i + 1, text: line });
    });
    const lines = referenceLinesToKeep(file, found);
    const document = needsWholeText(file) ? text : undefined;
    for (const ref of find(file, lines, document)) {
      if (ref.module !== module) continue;
      edits.push({
        file,
        line: ref.line,
        column: ref.column,
        endColumn: ref.endColumn,
        corrected: ref.corrected
      });
    }
  }
  return edits;
}

/**
 * Applies line/column edits to the files they name (the seam for non-Go references): each file is
 * changed whole or not at all.
 */
export function applyFileEdits(
  files: ReadonlyMap<string, Uint8Array>,
  edits: readonly FileEdit[]
): { changes: FileChange[]; unsafe: Unsafe[] } {
  const byFile = new Map<string, FileEdit[]>();
  for (const e of edits) byFile.set(e.file, [...(byFile.get(e.file) ?? []), e]);
  const changes: FileChange[] = [];
  const unsafe: Unsafe[] = [];
  for (const [file, list] of [...byFile].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const data = files.get(file);
    let text: string | undefined;
    try {
      text = data && new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(data);
    } catch {
      text = undefined;
    }
    const after = text === undefined ? undefined : applyLineEdits(text, list);
    if (data === undefined || after === undefined) {
      unsafe.push({
        file,
        reason:
          data === undefined
            ? 'could not be read'
            : 'the references in it could not be placed (not UTF-8, or positions out of range)'
      });
      continue;
    }
    if (after === text) continue;
    changes.push({
      file,
      before: data,
      after: new TextEncoder().encode(after),
      summary: list.map(e => `${file}:${e.line}:${e.column}: reference -> ${e.corrected}`)
    });
  }
  return { changes, unsafe };
}

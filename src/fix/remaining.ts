// What a maintainer still has to do after `fix` moved modules to a new major, listed at the end of its
// output: things fix does not rewrite on purpose (version stamps, generated code, tool configs) and the
// steps that follow (go mod tidy, the tags). Pure.
import { fileOwnerIndex, loadModules, tagPrefixOf } from '../go/module/layout.js';
import type { ModuleMove } from './repository.js';

export interface RemainingInput {
  moves: readonly ModuleMove[];
  /** Modules (directories) whose requires or imports were moved too. */
  dependents: readonly string[];
  /** Every go.mod, as fix left it. */
  goMods: ReadonlyMap<string, Uint8Array>;
  /** The moved modules' files as fix left them (text files; others are skipped). */
  files: ReadonlyMap<string, Uint8Array>;
}

/** How many places of one kind are named before "and N more". */
const LISTED = 5;

/** The to-do list, one line per item, most important first. */
export function remainingWork(input: RemainingInput): string[] {
  const moves = input.moves.filter(m => m.from !== m.to);
  if (moves.length === 0) return [];
  const modules = loadModules(input.goMods);
  const owner = fileOwnerIndex(modules);
  const movedDirs = new Set(moves.map(m => m.moduleDir));
  const stamps: string[] = [];
  const generated: string[] = [];
  const mentions: string[] = [];
  const decoder = new TextDecoder();
  for (const [file, data] of [...input.files].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const module = owner(file);
    if (!module || !movedDirs.has(module.dir) || data.includes(0)) continue;
    const move = moves.find(m => m.moduleDir === module.dir)!;
    const text = decoder.decode(data);
    if (file.endsWith('.go')) {
      stamps.push(...versionStamps(file, text, oldMajorOf(move.from)));
      if (/^\/\/ Code generated .* DO NOT EDIT\.$/m.test(text) && text.includes(move.to))
        generated.push(file);
    } else {
      const line = lineNaming(text, move.from);
      if (line !== undefined) mentions.push(`${file}:${line}`);
    }
  }
  const list = (items: string[]) =>
    items.slice(0, LISTED).join(', ') + (items.length > LISTED ? ` and ${items.length - LISTED} more` : '');
  const todo: string[] = [];
  if (stamps.length > 0) todo.push(`update the version constants, which fix leaves alone: ${list(stamps)}`);
  if (generated.length > 0)
    todo.push(
      `regenerate the generated files whose imports fix moved (from their .proto or generator): ${list(generated)}`
    );
  if (mentions.length > 0)
    todo.push(
      `check the files that still name the old path (linter configs, templates, scripts): ${list(mentions)}`
    );
  const tidy = [...new Set([...moves.map(m => m.moduleDir), ...input.dependents])].sort();
  todo.push(`run go mod tidy in ${tidy.map(d => (d === '.' ? 'the root' : d)).join(', ')}`);
  todo.push(
    `tag the moved modules together: ${moves.map(m => `${tagPrefixOf(m.moduleDir)}${firstVersion(m.to)}`).join(', ')}`
  );
  return todo;
}

/** The major digits of a path's suffix ('' for an unsuffixed path). */
function oldMajorOf(path: string): string {
  return /(?:\/v|\.v)([0-9]+)$/.exec(path)?.[1] ?? '';
}

function firstVersion(path: string): string {
  return `v${oldMajorOf(path) || '1'}.0.0`;
}

/**
 * `file:line` of each string constant or variable whose value is a version of the old major
 * (`Version = "v2.9.0"`, `const Release = "2.9.0"`): release stamps fix does not guess at.
 */
export function versionStamps(file: string, text: string, oldMajor: string): string[] {
  const major = oldMajor === '' ? '[01]' : oldMajor;
  const stamp = new RegExp(
    `^\\s*(?:(?:const|var)\\s+)?[A-Za-z_]\\w*(?:\\s+string)?\\s*=\\s*"v?${major}\\.\\d+\\.\\d+[^"]*"`
  );
  const found: string[] = [];
  text.split('\n').forEach((line, i) => {
    if (stamp.test(line)) found.push(`${file}:${i + 1}`);
  });
  return found;
}

/** The first line that names `path` as a whole path element sequence, if any. */
function lineNaming(text: string, path: string): number | undefined {
  const escaped = path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(`(^|[^\\w.-])${escaped}(?![\\w.-]|/v[0-9])`);
  const lines = text.split('\n');
  const i = lines.findIndex(l => re.test(l));
  return i < 0 ? undefined : i + 1;
}

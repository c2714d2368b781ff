// The differ's state: the options of a comparison and the changes found so far, with the small
// helpers every kind of comparison uses (subjects, exported names, members by name).
import { compareGoStrings } from '../module/version.js';
import { IDENT, key, type Renaming } from './diff-keys.js';
import type { ApiChange, ApiPosition, ChangeSeverity, PackageApi } from './model.js';

export interface CompareOptions {
  /** Import paths (or path prefixes) of packages whose API may have changed underneath without a
   * source change here: dependencies whose required version changed between old and new (from
   * go.mod). Packages of the same module are NOT in this set (they are compared directly). An
   * exported declaration whose type text mentions a package qualifier that maps to one of these
   * yields a 'possibly-breaking' change. */
  changedDependencies?: ReadonlySet<string>;
  /** Resolves a package qualifier used in a file (`yaml` in `yaml.Node`) to its import path, from
   * the extractor's data (the file's imports); undefined when unknown. Without it, qualifiers are
   * matched by the package name an import path suggests (its last element, as goimports guesses). */
  resolveQualifier?: (qualifier: string, pos: ApiPosition, side: 'old' | 'new') => string | undefined;
  /** The import path a qualifier names in a file of the new tree, from its import headers: null
   * when the file imports nothing under that name (then it names no dependency: `net` is the
   * standard library's unless golang.org/x/net's package is imported as `net`), undefined when the
   * file's imports are unknown. Used only to attribute mentions to changedDependencies. */
  importPathOf?: (qualifier: string, file: string) => string | null | undefined;
}

export class Differ {
  readonly changes: ApiChange[] = [];
  /** The package pair being compared (compareApis sets it), for its unexported types. */
  pkgs: { old: PackageApi; now: PackageApi } | undefined;
  /**
   * apidiff's correspondence of the current package pair: an unexported type of the old package
   * and the one of the new package found at the same place of the exported API (`*options` and
   * `*config` in `func New`) are one type, renamed; each is compared with its counterpart.
   */
  readonly corresponding = new Map<string, string>();

  /** Whether two type texts denote the same type, unexported types matched by their place (sameTypes). */
  sameType(oldText: string, newText: string, ro: Renaming = new Map(), rn: Renaming = new Map()): boolean {
    return sameTypes(this, key(oldText, ro), key(newText, rn));
  }
  constructor(
    readonly modulePath: string,
    readonly options: CompareOptions
  ) {}

  add(
    severity: ChangeSeverity,
    subject: string,
    message: string,
    pos: ApiPosition,
    side: 'old' | 'new',
    extra: Pick<ApiChange, 'dependencies' | 'values'> = {}
  ): void {
    this.changes.push({ severity, subject, message, pos, side, ...extra });
  }

  breakingCount(): number {
    return this.changes.filter(c => c.severity === 'breaking').length;
  }
}

export function subjectOf(dir: string, ...parts: string[]): string {
  const name = parts.join('.');
  return dir === '.' || dir === '' ? name : `${dir}.${name}`;
}

/** Go's token.IsExported: the name starts with an upper-case letter. */
export function isExported(name: string): boolean {
  return /^\p{Lu}/u.test(name);
}

export function sortedNames<T>(...maps: ReadonlyMap<string, T>[]): string[] {
  const names = new Set<string>();
  for (const m of maps) for (const k of m.keys()) names.add(k);
  return [...names].sort(compareGoStrings);
}

/** A type's own members after the promoted ones, so that byName (the last of a name wins) lets them hide. */
export function withPromoted<T extends { name: string }>(
  own: readonly T[],
  promoted: readonly T[] = []
): T[] {
  return [...promoted, ...own];
}

export function byName<T extends { name: string }>(list: readonly T[], exportedOnly = false): Map<string, T> {
  return new Map(list.filter(x => !exportedOnly || isExported(x.name)).map(x => [x.name, x]));
}

const TOKEN = new RegExp(String.raw`\.?${IDENT}|[^\p{L}\p{N}_]`, 'gu');

/**
 * Two comparison keys equal up to renamed unexported types: token by token the same, but where an
 * unexported type of the old package stands against a type of the new, which then correspond (as
 * they do everywhere after: an old type matched to two new ones is no match).
 */
function sameTypes(d: Differ, a: string, b: string): boolean {
  if (a === b) return true;
  const pkgs = d.pkgs;
  if (!pkgs?.old.unexported) return false;
  const ta = a.match(TOKEN) ?? [];
  const tb = b.match(TOKEN) ?? [];
  if (ta.length !== tb.length) return false;
  const pending = new Map<string, string>();
  for (let i = 0; i < ta.length; i++) {
    const [x, y] = [ta[i], tb[i]];
    if (x === y) continue;
    // A qualifier (`p.`) or a selector's right-hand side (`p.x`, not `...x`) is no type of the package.
    const selector = (t: string[]) => t[i + 1] === '.' || (t[i - 1] === '.' && t[i - 2] !== '.');
    if (selector(ta) || selector(tb)) return false;
    // apidiff: an old unexported type may correspond to any type of the new package (several old
    // ones to one new), but to one only. Here only to an unexported one the new API names: that
    // is known alike when only the changed files are read (an exported one may not be read then).
    if (!pkgs.old.unexported.has(x) || !pkgs.now.unexported?.has(y)) return false;
    const matched = d.corresponding.get(x) ?? pending.get(x);
    if (matched !== undefined && matched !== y) return false;
    pending.set(x, y);
  }
  for (const [x, y] of pending) d.corresponding.set(x, y);
  return true;
}

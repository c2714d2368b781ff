// Which major of a module family an import path names. A family is every major of one module:
// `example.com/m`, `example.com/m/v2`, ... (or `gopkg.in/yaml.v2`, `gopkg.in/yaml.v3`, ...).
import { hasPathPrefix } from './modpath.js';

export interface FamilyMember {
  /** Decimal major of the member: '' for the unsuffixed (v0/v1) path, '2' for /v2, '1' for gopkg.in .v1. */
  major: string;
  /** The module path of that major, a prefix of the import path. */
  modulePath: string;
}

const MAJOR_ELEMENT = /^v([1-9][0-9]*)$/;
const GOPKG_IN = 'gopkg.in/';

/**
 * The member of family `prefix` that `importPath` belongs to, or undefined when the path is outside
 * the family. `prefix` is splitPathVersion's prefix of any member (`example.com/m`, `gopkg.in/yaml`).
 * Path elements are compared exactly: `example.com/m-extras` is not in the family of `example.com/m`.
 */
export function familyMember(importPath: string, prefix: string): FamilyMember | undefined {
  if (prefix.startsWith(GOPKG_IN)) return gopkgInMember(importPath, prefix);
  if (!hasPathPrefix(importPath, prefix)) return undefined;
  const next = importPath.slice(prefix.length + 1).split('/')[0];
  const m = MAJOR_ELEMENT.exec(next);
  if (m && m[1] !== '1') return { major: m[1], modulePath: `${prefix}/${next}` };
  return { major: '', modulePath: prefix };
}

function gopkgInMember(importPath: string, prefix: string): FamilyMember | undefined {
  if (!importPath.startsWith(`${prefix}.v`)) return undefined;
  const rest = importPath.slice(prefix.length + 2);
  const digits = /^(0|[1-9][0-9]*)(?=\/|$)/.exec(rest);
  if (!digits) return undefined;
  return { major: digits[1], modulePath: `${prefix}.v${digits[1]}` };
}

/**
 * The family an import path itself announces through a major element, for dependencies whose
 * go.mod we cannot see: `github.com/o/dep/v2/x` announces family `github.com/o/dep` at major 2;
 * `gopkg.in/yaml.v3` family `gopkg.in/yaml` at major 3. Undefined when the path names no major.
 */
export function announcedFamily(importPath: string): { prefix: string; major: string } | undefined {
  const elements = importPath.split('/');
  if (importPath.startsWith(GOPKG_IN)) {
    for (let i = 1; i < Math.min(elements.length, 3); i++) {
      const m = /^(.+)\.v(0|[1-9][0-9]*)$/.exec(elements[i]);
      if (m) return { prefix: [...elements.slice(0, i), m[1]].join('/'), major: m[2] };
    }
    return undefined;
  }
  for (let i = 1; i < elements.length; i++) {
    const m = MAJOR_ELEMENT.exec(elements[i]);
    if (m && m[1] !== '1') return { prefix: elements.slice(0, i).join('/'), major: m[1] };
  }
  return undefined;
}

/**
 * The family prefixes an import path could belong to, longest first: each of its `/`-prefixes, and for
 * gopkg.in the element without its `.vN` (`gopkg.in/yaml.v3/x` -> ..., `gopkg.in/yaml.v3`, `gopkg.in/yaml`).
 */
export function familyCandidates(importPath: string): string[] {
  const candidates: string[] = [];
  const gopkgIn = importPath.startsWith(GOPKG_IN);
  for (let end = importPath.length; end > 0; end = importPath.lastIndexOf('/', end - 1)) {
    const prefix = importPath.slice(0, end);
    candidates.push(prefix);
    if (gopkgIn) {
      const m = /^(.+)\.v(?:0|[1-9][0-9]*)$/.exec(prefix);
      if (m) candidates.push(m[1]);
    }
  }
  return candidates;
}

/** Orders major digit strings numerically ('' — v0/v1 — first). */
export function compareMajors(a: string, b: string): number {
  const na = a === '' ? 1n : BigInt(a);
  const nb = b === '' ? 1n : BigInt(b);
  return na < nb ? -1 : na > nb ? 1 : 0;
}

// The exported API of a Go module, read from source without a Go toolchain: parse.ts parses each
// file's declarations (tree-sitter-go's node types; a differential test runs tree-sitter-go itself
// through this same extractor). Produces the data model of model.ts.
//
// Which files count: the caller passes the files the module owns; here `_test.go` files, files
// excluded by `//go:build ignore`, and paths under testdata, vendor, `_x` or `.x` are dropped. A
// package is a directory; `main` packages and `internal` trees are left out of the result (but
// internal packages are still read, so that an exported interface may embed an internal one).
//
// Type text is canonical (see `typeText`): single spaces, no parameter names, a qualifier as its
// package's name (`oteltrace.Span` reads `trace.Span`, a dot-imported `Span` too), the module's
// non-generic aliases read as their targets, struct fields one per entry in source order without tags, interface methods sorted by name then
// embedded elements in source order. Constant values are evaluated where the expression only uses
// literals, iota, conversions and constants of the same package (`1 << iota` at index 2 is `4`);
// otherwise the normalized expression text is kept, with `@index` when it depends on iota.
//
// This file is the entry (extractModuleApi); the parts: extract-read.ts (files into packages),
// extract-objects.ts, extract-underlying.ts, extract-promoted.ts (objects per kind, embedding),
// extract-typetext.ts, extract-consts.ts, extract-syntax.ts, extract-context.ts; the comparison's
// extract-compared.ts, extract-affected.ts (file selection) and extract-additions.ts.

import { platformGroups, withVariants } from './extract-platforms.js';
import { extractWith, type ParseCache } from './extract-read.js';
import type { ApiSource, ParseGo } from './extract-context.js';
import type { ModuleApi } from './model.js';
import { parseGoDeclarations } from './parse.js';

export type { ApiSource, ParseGo } from './extract-context.js';
export {
  extractComparedApis,
  unchangedPackages,
  type ComparedApisOptions,
  type ComparedSide
} from './extract-compared.js';

/**
 * The exported API of the module whose root is `moduleDir` (repo-relative, '.' for root), from its
 * .go files (the caller passes exactly the files the module owns: nested modules cut out).
 */
export function extractModuleApi(
  modulePath: string,
  moduleDir: string,
  files: readonly ApiSource[],
  parse: ParseGo = parseGoDeclarations
): ModuleApi {
  // Per group of platforms with the same files (extract-platforms.ts); each file parsed once.
  const groups = platformGroups([files]);
  const cache: ParseCache = new Map();
  return withVariants(
    groups.map(g => extractWith(modulePath, moduleDir, g.files[0], parse, cache)),
    groups
  );
}

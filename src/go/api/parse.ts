// A parser for the declarations of a Go source file: the package clause, and every top-level
// const, var, type and func with its full type syntax, but not function bodies (skipped by brace
// matching) nor initializers of variables (skipped, the API does not depend on them). Constant
// values and array lengths are parsed as expressions, since the API shows them.
//
// Why not a general-purpose grammar: the exported API needs only declarations, and reading them
// here costs a few milliseconds per thousand files where the WASM tree-sitter-go parse and walk of
// the same files cost hundreds (README, "Breaking changes"). The tree has tree-sitter-go's node
// types and field names, so the extractor (extract.ts) reads either; a differential test compares the
// two on real and generated sources.
//
// Errors: a declaration that does not parse is kept as a node with `hasError` (the extractor skips
// it) and reading resumes at the next line that starts with `func`, `type`, `var`, `const` or
// `import`, as after a broken declaration a human would.
//
// This file is the entry; the parts are parse-lexer.ts (tokens), parse-tree.ts (nodes),
// parse-cursor.ts (parser state), parse-decls.ts, parse-types.ts and parse-exprs.ts (the rules).

import { ParseError } from './parse-lexer.js';
import { Parser } from './parse-cursor.js';
import { parseFile } from './parse-decls.js';
import { SyntaxNode } from './parse-tree.js';

export { SyntaxNode, type GoSyntaxNode } from './parse-tree.js';

/** The syntax tree of Go source `text`: declarations in full, function bodies and initializers skipped. */
export function parseGoDeclarations(text: string): SyntaxNode {
  try {
    return parseFile(new Parser(text));
  } catch (e) {
    if (!(e instanceof ParseError)) throw e;
    // The first token already failed (an unterminated literal, a stray character).
    const root = new SyntaxNode('source_file', 0, text.length, text);
    root.hasError = true;
    return root;
  }
}

// A go.mod reader exactly as strict as golang.org/x/mod/modfile: the lexer and parser of read.go
// (tokens, blocks, comments, positions), then the directive rules of rule.go (Parse = 'strict' for the
// main module, ParseLax = 'lax' for dependencies, both without a version fixer).
//
// Two departures, both additive: the parse never throws, and it is best-effort. x/mod returns no file
// at all on error; here every directive that parses is kept, and a require/exclude/replace entry
// whose only problem is a path/version major mismatch stays in the result (the rules layer reports
// it as its own finding). The error list itself is exactly x/mod's.
//
// Strings follow the Go string model of ./version.ts: text is Go bytes, and a byte that is not valid
// UTF-8 is the lone surrogate U+DC00+byte, so positions and quoting match Go byte for byte.
import { directiveSink, emptyModFile, syntax, toModError } from './modfile-directives.js';
import type { FileBuilder } from './modfile-directives.js';
import { toGoString, trimSpace, unquote } from './modfile-lexer.js';
import { readSyntax } from './modfile-syntax.js';
import type { ModError, ParseMode, ParseResult } from './modfile-types.js';

export type * from './modfile-types.js';
export { isDirectoryPath } from './modfile-directives.js';

// ---------------------------------------------------------------------------------------------
// Entry points

/** Parses a go.mod like modfile.Parse ('strict') or modfile.ParseLax ('lax') with no version fixer.
 * Never throws. The errors are x/mod's, in its order; after a syntax error in the file structure
 * (x/mod's only error then) the directives read before it are still returned. */
export function parseModFile(
  data: string | Uint8Array,
  options: { mode: ParseMode; file?: string }
): ParseResult {
  const file = options.file ?? 'go.mod';
  const b: FileBuilder = { mode: options.mode, modFile: emptyModFile(), sawModule: false, findings: [] };
  try {
    const tree = readSyntax(toGoString(data), file, directiveSink(b));
    if (tree.error) {
      return { modFile: b.modFile, errors: [toModError(file, tree.error.pos, syntax(tree.error.message))] };
    }
    return {
      modFile: b.modFile,
      errors: b.findings.map(({ pos, finding }) => toModError(file, pos, finding))
    };
  } catch (e) {
    // Defensive: a bug must not take down the caller, so it becomes an error like x/mod's panics.
    const finding = syntax(`internal error: ${String(e)}`);
    return { modFile: b.modFile, errors: [toModError(file, { line: 1, column: 1, byte: 0 }, finding)] };
  }
}

/** The statement tokens of a go.mod, a block written `verb ( … )`, and x/mod's read error if any
 * (read.go only, no directive rules). */
export function tokenize(
  data: string | Uint8Array,
  file = 'go.mod'
): { tokens: string[]; errors: ModError[] } {
  const tree = readSyntax(toGoString(data), file);
  const tokens = tree.stmts.flatMap(stmt => {
    if (stmt.kind === 'line') return stmt.tokens.map(t => t.text);
    if (stmt.kind === 'comments') return [];
    return [...stmt.tokens.map(t => t.text), '(', ...stmt.lines.flatMap(l => l.tokens.map(t => t.text)), ')'];
  });
  const errors = tree.error ? [toModError(file, tree.error.pos, syntax(tree.error.message))] : [];
  return { tokens, errors };
}

/** modfile.ModulePath: the go command's fast scan of fetched go.mod files. Takes the first line
 * that, cut at `//` and trimmed, is `module` plus white space plus something; a quoted rest is
 * unquoted (and a bad quote gives ''). Hence `module (` gives '('. '' when there is none. */
export function modulePath(data: string | Uint8Array): string {
  for (const raw of lines(data)) {
    const cut = raw.indexOf('//');
    const line = trimSpace(cut >= 0 ? raw.slice(0, cut) : raw);
    if (!line.startsWith('module')) continue;
    const rest = line.slice('module'.length);
    const path = trimSpace(rest);
    if (path.length === rest.length || path.length === 0) continue;
    if (path[0] === '"' || path[0] === '`') return unquote(path) ?? '';
    return path;
  }
  return '';
}

/** The lines of a go.mod as Go strings, one at a time: the module line is usually the first, and the
 * file may be megabytes long. */
function* lines(data: string | Uint8Array): Generator<string> {
  const text = typeof data === 'string';
  for (let from = 0; from <= data.length;) {
    let to = text ? data.indexOf('\n', from) : data.indexOf(0x0a, from);
    if (to < 0) to = data.length;
    yield toGoString(text ? data.slice(from, to) : data.subarray(from, to));
    from = to + 1;
  }
}

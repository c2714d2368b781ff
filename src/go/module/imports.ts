// The import header of a Go source file, read the way the go command reads it (go1.19):
//
// - the byte-level reader of go/build (read.go `readGoInfo`): BOM, `package` clause, then
//   `import` declarations, stopping at the first other token, so later text is never looked at;
// - the checks go/parser then makes on that header (go list takes no imports from a file that
//   fails them): semicolons, identifiers, UTF-8, import path syntax;
// - the build-constraint header of cmd/go/internal/imports (build.go `parseFileHeader` and
//   `ShouldBuild`), evaluated with the `AnyTags` set of `go mod tidy`: every tag except `ignore`
//   counts as both true and false;
// - the expression syntax of go/build/constraint (`//go:build` expressions, `// +build` lines).
//
// Pure: bytes in, plain data out. No I/O and no Node APIs.
import { IMPORT, LOWER_I, LPAREN, NUL, PACKAGE, PositionCounter, RPAREN } from './imports-bytes.js';

const RBRACE = 0x7d;
import { applyConstraints, readConstraintHeader } from './imports-header.js';
import { Halt, ImportReader, NUL_MESSAGE, importSpec } from './imports-reader.js';
import type { RawImport } from './imports-reader.js';
import { tokenProblem } from './imports-token.js';
import type { ImportScan, ScanOptions } from './imports-types.js';

export type * from './imports-types.js';
export { constraintNeedsIgnore, evalConstraint } from './imports-constraint.js';

// ---------------------------------------------------------------------------------------------
// The header

const BOM = [0xef, 0xbb, 0xbf];

/** 3 when the input starts with a UTF-8 BOM (dropped, as go/build does), else 0; -1 when a prefix is too short to tell. */
function bomLength(data: Uint8Array, eof: boolean): number {
  const n = Math.min(data.length, 3);
  for (let i = 0; i < n; i++) if (data[i] !== BOM[i]) return 0;
  if (n === 3) return 3;
  return eof ? 0 : -1;
}

/**
 * Reads the header of a Go source file like go/build's readGoInfo: the `package` clause, then every
 * `import` declaration (a spec, or a parenthesised group of specs) while the next token starts with
 * `i`; the first other token ends the header and nothing after it is read. It also applies the
 * build-constraint rules of `go mod tidy` to the comments before `package`. Never throws.
 */
export function scanImports(data: Uint8Array, options?: ScanOptions): ImportScan {
  const eof = options?.eof ?? true;
  const scan: ImportScan = { imports: [], buildIgnore: false, end: data.length, needMore: false };
  const start = bomLength(data, eof);
  if (start < 0) return { ...scan, needMore: true };
  // A second BOM stops go/build's reader at once (a syntax error), so go/parser gets the whole file,
  // and go/scanner drops a BOM that starts its source: the header is read after both, and go/parser's
  // view of the whole file decides (see wholeFile below).
  const second = start === 3 ? bomLength(data.subarray(3), eof) : 0;
  if (second < 0) return { ...scan, needMore: true };
  const wholeFile = second === 3;
  if (wholeFile && !eof) return { ...scan, needMore: true };
  const positions = new PositionCounter(data, start);
  const r = new ImportReader(data, eof, start + second, start);
  const collect = (raw: RawImport): void => {
    if (r.parserDone) return;
    const spec = importSpec(data, raw, positions);
    if ('message' in spec) r.parserError(spec.at, spec.message);
    else scan.imports.push(spec);
  };
  // Where the comments that may hold build constraints end: at the first token, or at the end of a
  // file that go/build takes whole.
  let commentsEnd = -1;
  // Between declarations: after the package clause or an import declaration, before the `import`
  // keyword of the next one. go/parser stops without error at a token there that is not `import`.
  let between = false;
  try {
    r.skipSpace();
    commentsEnd = r.pos;
    scan.packageName = readPackageClause(r);
    scan.packageAt = commentsEnd;
    for (;;) {
      between = true;
      if (r.skipSpace() !== LOWER_I) break;
      r.endOfDeclaration();
      r.readKeyword(IMPORT, 'expected "import"');
      between = false;
      readImportDecl(r, collect);
    }
    scan.end = r.pos;
    if (wholeFile) {
      // go/build's reader would have failed, so the NUL check and go/parser's look at the next token apply.
      throw new Halt('syntax', r.pos, 'expected "import"');
    }
  } catch (halt) {
    if (!(halt instanceof Halt)) throw halt;
    if (halt.kind === 'more') return { ...scan, needMore: true };
    scan.end = halt.at;
    if (commentsEnd < 0) commentsEnd = halt.at;
    if (halt.kind === 'nul') {
      r.problem = halt; // a read error counts before any syntax error
    } else {
      // go/build then reads the rest of the file as the header, and a NUL byte fails that read.
      const nul = data.indexOf(NUL, start);
      if (nul < 0 && !eof) return { ...scan, needMore: true };
      if (nul >= 0) {
        r.problem = { at: nul, message: NUL_MESSAGE };
      } else {
        commentsEnd = data.length;
        if (between) parserStopsAt(r, halt.at);
        if (!r.parserDone) r.problem = halt; // once go/parser is done, it never sees this
      }
    }
  }
  if (r.problem) scan.error = { ...positions.at(r.problem.at), message: r.problem.message };
  applyConstraints(scan, readConstraintHeader(data, start, commentsEnd), positions);
  return scan;
}

/** PackageClause = "package" identifier, at the reader's first token. */
function readPackageClause(r: ImportReader): string {
  r.noSemicolon();
  r.readKeyword(PACKAGE, 'missing package clause');
  r.skipSpace();
  r.noSemicolon();
  return r.readIdent('expected package name');
}

/**
 * go/parser's view of the whole file when go/build's reader stopped between declarations at `at`:
 * the previous declaration needs its one semicolon, then the token there is not `import`, so
 * go/parser stops, unless go/scanner finds an error in that token or in the rune after it.
 */
function parserStopsAt(r: ImportReader, at: number): void {
  // After two semicolons go/parser has stopped before it scans the token.
  if (r.parserDone || r.separatorCount >= 2) {
    r.parserDone = true;
    return;
  }
  const problem = tokenProblem(r.data, at);
  // No semicolon is needed at the end of the file (go/scanner adds one) or before `)` or `}`.
  const c = r.data[at];
  if (problem) r.parserError(problem.at, problem.message);
  else if (at < r.data.length && c !== RPAREN && c !== RBRACE) r.endOfDeclaration();
  r.parserDone = true;
}

/** ImportDecl = "import" ( ImportSpec | "(" { ImportSpec ";" } ")" ), after its `import` keyword. */
function readImportDecl(r: ImportReader, collect: (raw: RawImport) => void): void {
  const c = r.skipSpace();
  r.noSemicolon();
  if (c !== LPAREN) {
    collect(r.readImport());
    return;
  }
  const group = r.pos;
  r.advance(group + 1, false);
  for (let first = true; ; first = false) {
    const next = r.skipSpace();
    if (next < 0) r.outOfInput(group, 'unterminated import ( group');
    if (first) r.noSemicolon();
    else r.oneSemicolon(next === RPAREN);
    if (next === RPAREN) break;
    collect(r.readImport());
  }
  r.advance(r.pos + 1, true);
}

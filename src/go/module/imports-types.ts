// The public shapes of an import-header scan: each import spec with its position, the scan's
// errors, the package clause, the build constraint and whether `go mod tidy` ignores the file.

export interface ImportSpec {
  /** The unquoted path: strconv.Unquote semantics for "…"; raw `…` verbatim minus \r. */
  path: string;
  /** '.', '_' or an identifier, when written. */
  name?: string;
  /** The string literal exactly as written, quotes included. */
  literal: string;
  /** Start of the path literal: 1-based line, column in characters (code points) from the line start. */
  line: number;
  column: number;
  /** Just past the closing quote (an exclusive end, like go/token's End). */
  endLine: number;
  endColumn: number;
  /** Byte offset of the opening quote in the file. */
  offset: number;
}

export interface ScanError {
  line: number;
  column: number;
  message: string;
}

export interface ImportScan {
  packageName?: string;
  /** Byte offset of the package clause (its `package` keyword), when the name was read. */
  packageAt?: number;
  /** In file order; includes "C". */
  imports: ImportSpec[];
  /** The header's constraint excludes the file under AnyTags semantics (it needs `ignore`, or it is malformed). */
  buildIgnore: boolean;
  /** The //go:build expression, or the counted // +build lines converted to //go:build syntax. */
  constraint?: string;
  /** The constraint lines are unusable: two //go:build lines, or one that does not parse. The file is then excluded. */
  constraintError?: ScanError;
  /**
   * The header could not be read, or go/parser would reject it; the position is where the problem
   * starts. Imports read before it are kept.
   */
  error?: ScanError;
  /** Byte offset where reading stopped: the first token after the header, the end of the input, or the error. */
  end: number;
  /** Only with `eof: false`: the bytes ran out before the header ended; call again with a longer prefix. */
  needMore: boolean;
}

export interface ScanOptions {
  /** Whether `data` is the whole file (default true) or only a prefix of it. */
  eof?: boolean;
}

// The public shapes of a parsed go.mod: positions and spans, errors as x/mod prints them, and one
// interface per directive (module, go, toolchain, godebug, require, exclude, replace, retract, tool,
// ignore). No code.

// ---------------------------------------------------------------------------------------------
// Public types

export type ParseMode = 'strict' | 'lax';
/** 1-based line, 1-based column in runes, 0-based byte offset in the UTF-8 input. */
export interface Position {
  line: number;
  column: number;
  byte: number;
}
export interface Span {
  start: Position;
  end: Position;
}
/** 'major': a path/version major mismatch (CheckPathMajor) in a require, exclude or replace line.
 * Every other error is 'syntax', including a path whose major suffix is malformed (such as /v1). */
export type ModErrorKind = 'syntax' | 'major';
export interface ModError {
  line: number;
  column: number;
  kind: ModErrorKind;
  /** The error without its position prefix. */
  message: string;
  /** Exactly what x/mod prints: `file:line: message`, or `file:line:col: message` when col > 1. */
  text: string;
}
export interface ModuleDirective {
  path: string;
  /** The line of the `module` keyword (for the block form, the `module (` line). */
  line: number;
  pathSpan: Span;
  block: boolean;
  deprecated?: string;
  deprecatedLine?: number;
}
export interface GoDirective {
  version: string;
  line: number;
}
export interface ToolchainDirective {
  name: string;
  line: number;
}
export interface GodebugDirective {
  key: string;
  value: string;
  line: number;
}
export interface Require {
  path: string;
  version: string;
  indirect: boolean;
  line: number;
  span: Span;
  pathSpan: Span;
  versionSpan: Span;
}
export interface Exclude {
  path: string;
  version: string;
  line: number;
  span: Span;
  pathSpan: Span;
  versionSpan: Span;
}
export interface Replace {
  oldPath: string;
  oldVersion: string;
  newPath: string;
  newVersion: string;
  line: number;
  span: Span;
  oldPathSpan: Span;
  newPathSpan: Span;
}
export interface Retract {
  low: string;
  high: string;
  rationale: string;
  line: number;
  span: Span;
}
/** A `tool` or `ignore` line. */
export interface PathDirective {
  path: string;
  line: number;
  span: Span;
}
export interface ModFile {
  module?: ModuleDirective;
  go?: GoDirective;
  toolchain?: ToolchainDirective;
  godebug: GodebugDirective[];
  require: Require[];
  exclude: Exclude[];
  replace: Replace[];
  retract: Retract[];
  tool: PathDirective[];
  ignore: PathDirective[];
}
/** ok === (errors.length === 0) */
export interface ParseResult {
  modFile: ModFile;
  errors: ModError[];
}

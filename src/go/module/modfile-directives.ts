// The directive rules of x/mod's rule.go: each statement of the syntax tree becomes a module, go,
// toolchain, godebug, require, exclude, replace, retract, tool or ignore entry of the ModFile, with
// x/mod's first finding per directive (syntax or path/version major mismatch).
import { trimSpace, unquote } from './modfile-lexer.js';
import type { Token } from './modfile-lexer.js';
import type { Line, LineBlock, LineSink } from './modfile-syntax.js';
import type {
  GoDirective,
  GodebugDirective,
  ModError,
  ModErrorKind,
  ModFile,
  ModuleDirective,
  ParseMode,
  PathDirective,
  Position,
  Replace,
  Require,
  Retract,
  Span,
  ToolchainDirective
} from './modfile-types.js';
import { checkPathMajor, splitPathVersion } from './modpath.js';
import { canonicalModuleVersion, goQuote } from './version.js';

// ---------------------------------------------------------------------------------------------
// Directive rules (rule.go parseToFile, add, parseReplace, parseVersionInterval)

const GO_VERSION_RE = /^([1-9][0-9]*)\.(0|[1-9][0-9]*)(\.(0|[1-9][0-9]*))?([a-z]+[0-9]+)?$/;
const LAX_GO_VERSION_RE = /^v?(([1-9][0-9]*)\.(0|[1-9][0-9]*))([^0-9][\s\S]*)$/;
const TOOLCHAIN_RE = /^default$|^go1($|\.)/;
const DEPRECATED_RE = /(?:^|\n\n)Deprecated: *([\s\S]*?)(?:$|\n\n)/;
const BLOCK_VERBS = new Set([
  'module',
  'godebug',
  'require',
  'exclude',
  'replace',
  'retract',
  'tool',
  'ignore'
]);
const LAX_VERBS = new Set(['go', 'module', 'retract', 'require', 'ignore']);
const REPLACE_USAGE = (verb: string): string =>
  `usage: ${verb} module/path [v1.2.3] => other/module v1.4\n\t or ${verb} module/path [v1.2.3] => ../local/directory`;

interface Finding {
  kind: ModErrorKind;
  message: string;
}

/** A directive's outcome: x/mod reports only the first finding; the entry is kept when there is a
 * value and every finding is a major mismatch. */
interface Outcome<T> {
  findings: Finding[];
  value?: T;
}

type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

export function syntax(message: string): Finding {
  return { kind: 'syntax', message };
}

/** rule.go Error's `verb modpath: ` (or `verb: `) prefix. */
function directivePrefix(verb: string, modPath: string): string {
  return modPath !== '' ? `${verb} ${modPath}: ` : `${verb}: `;
}

/** rule.go parseString: "…" is unquoted; any other quote character is reserved. */
function parseString(text: string): Parsed<string> {
  if (text.startsWith('"')) {
    const s = unquote(text);
    return s === undefined ? { ok: false, message: 'invalid syntax' } : { ok: true, value: s };
  }
  if (/["'`]/.test(text)) return { ok: false, message: 'unquoted string cannot contain quote' };
  return { ok: true, value: text };
}

/** rule.go parseVersion without a fixer: the version must have a canonical form, which replaces it.
 * Retract versions (`asWritten`) are only unquoted: x/mod checks them only with a fixer. */
function parseVersion(verb: string, path: string, tok: Token, asWritten = false): Parsed<string> {
  const prefix = directivePrefix(verb, path);
  const s = parseString(tok.text);
  if (!s.ok) return { ok: false, message: `${prefix}version ${goQuote(tok.text)} invalid: ${s.message}` };
  if (asWritten) return s;
  const cv = canonicalModuleVersion(s.value);
  if (cv === '')
    return { ok: false, message: `${prefix}version ${goQuote(s.value)} invalid: must be of the form v1.2.3` };
  return { ok: true, value: cv };
}

/** rule.go modulePathMajor + CheckPathMajor as one finding, or none. A path SplitPathVersion rejects
 * (`x/v1`, `x/v02`, `x/v1.2`) is a syntax error, not a mismatch: no version could fit it, and x/mod
 * drops the entry (`invalid module path`, prefixed `replace PATH: ` for a replace). */
function majorFinding(verb: string, path: string, version: string | undefined): Finding | undefined {
  const split = splitPathVersion(path);
  if (!split.ok) return syntax('invalid module path');
  if (version === undefined) return undefined;
  const err = checkPathMajor(version, split.pathMajor);
  return err === undefined ? undefined : { kind: 'major', message: directivePrefix(verb, path) + err };
}

/** rule.go IsDirectoryPath: relative (./, ../, .\, ..\) or rooted (/, \, X:) paths, in either OS's syntax. */
export function isDirectoryPath(ns: string): boolean {
  return /^(\.\.?([/\\]|$)|[/\\]|[A-Za-z]:)/.test(ns);
}

/** parseDirectiveComment: the line's own comments, or its block's when the line has none; `//`
 * stripped, trimmed, one line each (blank-line markers skipped). Each line keeps its source line. */
function directiveComment(block: LineBlock | undefined, line: Line): { text: string; lines: number[] } {
  const own = line.before.length > 0 || line.suffix.length > 0;
  const c = block && !own ? block : line;
  const comments = [...c.before, ...c.suffix].filter(com => com.token.startsWith('//'));
  return {
    text: comments.map(com => trimSpace(com.token.slice(2))).join('\n'),
    lines: comments.map(com => com.start.line)
  };
}

/** parseDeprecation: the first paragraph of the comment that starts with "Deprecated:". */
function deprecation(block: LineBlock | undefined, line: Line): { text: string; line?: number } {
  const comment = directiveComment(block, line);
  const m = DEPRECATED_RE.exec(comment.text);
  if (!m) return { text: '' };
  const at = m[0].startsWith('\n\n') ? m.index + 2 : m.index;
  const lineIndex = comment.text.slice(0, at).split('\n').length - 1;
  return { text: m[1], line: comment.lines[lineIndex] };
}

/** rule.go isIndirect: the first suffix comment is `// indirect` or starts `// indirect;`. */
function isIndirect(line: Line): boolean {
  if (line.suffix.length === 0) return false;
  if (line.suffix[0].token === '// indirect') return true; // nearly every one: skip the splitting
  const f = trimSpace(line.suffix[0].token.replace(/^\/\//, ''))
    .split(/\p{White_Space}+/u)
    .filter(Boolean);
  return (f.length === 1 && f[0] === 'indirect') || (f.length > 1 && f[0] === 'indirect;');
}

function tokenSpan(tok: Token): Span {
  return { start: tok.start, end: tok.end };
}

function lineSpan(line: Line): Span {
  return { start: line.start, end: line.end };
}

interface Directive {
  block?: LineBlock;
  line: Line;
  verb: string;
  args: Token[];
}

/** Mutable state of one parse: the file so far and whether a module line was seen (a failed module
 * line still makes a later one "repeated"). */
export interface FileBuilder {
  mode: ParseMode;
  modFile: ModFile;
  sawModule: boolean;
  findings: { pos: Position; finding: Finding }[];
}

/** `module path`: exactly one argument, at most once per file. */
function addModule(b: FileBuilder, d: Directive): Outcome<ModuleDirective> {
  if (b.sawModule) return { findings: [syntax('repeated module statement')] };
  b.sawModule = true;
  if (d.args.length !== 1) return { findings: [syntax('usage: module module/path')] };
  const path = parseString(d.args[0].text);
  if (!path.ok) return { findings: [syntax(`invalid quoted string: ${path.message}`)] };
  const dep = deprecation(d.block, d.line);
  const module: ModuleDirective = {
    path: path.value,
    line: (d.block ?? d.line).start.line,
    pathSpan: tokenSpan(d.args[0]),
    block: d.block !== undefined
  };
  if (dep.text !== '') Object.assign(module, { deprecated: dep.text, deprecatedLine: dep.line });
  return { findings: [], value: module };
}

/** `go 1.N[.P][rcN]`, at most once; lax mode accepts `v1.N…` and keeps 1.N. */
function addGo(b: FileBuilder, d: Directive): Outcome<GoDirective> {
  if (b.modFile.go) return { findings: [syntax('repeated go statement')] };
  if (d.args.length !== 1) return { findings: [syntax('go directive expects exactly one argument')] };
  let version = d.args[0].text;
  if (!GO_VERSION_RE.test(version)) {
    const lax = b.mode === 'lax' ? LAX_GO_VERSION_RE.exec(version) : null;
    if (!lax) return { findings: [syntax(`invalid go version '${version}': must match format 1.23.0`)] };
    version = lax[1];
  }
  return { findings: [], value: { version, line: d.line.start.line } };
}

/** `toolchain go1…` or `toolchain default`, at most once. */
function addToolchain(b: FileBuilder, d: Directive): Outcome<ToolchainDirective> {
  if (b.modFile.toolchain) return { findings: [syntax('repeated toolchain statement')] };
  if (d.args.length !== 1) return { findings: [syntax('toolchain directive expects exactly one argument')] };
  const name = d.args[0].text;
  if (!TOOLCHAIN_RE.test(name)) {
    return {
      findings: [syntax(`invalid toolchain version '${name}': must match format go1.23.0 or default`)]
    };
  }
  return { findings: [], value: { name, line: d.line.start.line } };
}

/** `godebug key=value`: one unquoted argument containing `=`. */
function addGodebug(d: Directive): Outcome<GodebugDirective> {
  const arg = d.args.length === 1 ? d.args[0].text : undefined;
  const eq = arg === undefined || /["'`,]/.test(arg) ? -1 : arg.indexOf('=');
  if (arg === undefined || eq < 0) return { findings: [syntax('usage: godebug key=value')] };
  return {
    findings: [],
    value: { key: arg.slice(0, eq), value: arg.slice(eq + 1), line: d.line.start.line }
  };
}

/** `require|exclude path version`: the version must be canonicalisable and fit the path's major. */
function addRequirement(d: Directive): Outcome<Require> {
  if (d.args.length !== 2) return { findings: [syntax(`usage: ${d.verb} module/path v1.2.3`)] };
  const [pathTok, versionTok] = d.args;
  const path = parseString(pathTok.text);
  if (!path.ok) return { findings: [syntax(`invalid quoted string: ${path.message}`)] };
  const version = parseVersion(d.verb, path.value, versionTok);
  if (!version.ok) return { findings: [syntax(version.message)] };
  const mismatch = majorFinding(d.verb, path.value, version.value);
  return {
    findings: mismatch ? [mismatch] : [],
    value: {
      path: path.value,
      version: version.value,
      indirect: isIndirect(d.line),
      line: d.line.start.line,
      span: lineSpan(d.line),
      pathSpan: tokenSpan(pathTok),
      versionSpan: tokenSpan(versionTok)
    }
  };
}

/** `replace old [v] => new [v]`: a new path without a version must be a directory, one with a
 * version must not be. */
function addReplace(d: Directive): Outcome<Replace> {
  const { args, verb } = d;
  const arrow = args.length >= 2 && args[1].text === '=>' ? 1 : 2;
  if (args.length < arrow + 2 || args.length > arrow + 3 || args[arrow].text !== '=>') {
    return { findings: [syntax(REPLACE_USAGE(verb))] };
  }
  const oldPath = parseString(args[0].text);
  if (!oldPath.ok) return { findings: [syntax(`invalid quoted string: ${oldPath.message}`)] };
  const findings: Finding[] = [];
  // The path's major suffix is checked before its version is even read.
  const badPath = majorFinding(verb, oldPath.value, undefined);
  if (badPath)
    return { findings: [{ ...badPath, message: directivePrefix(verb, oldPath.value) + badPath.message }] };
  let oldVersion = '';
  if (arrow === 2) {
    const v = parseVersion(verb, oldPath.value, args[1]);
    if (!v.ok) return { findings: [...findings, syntax(v.message)] };
    oldVersion = v.value;
    const mismatch = majorFinding(verb, oldPath.value, oldVersion);
    if (mismatch) findings.push(mismatch);
  }
  const newTok = args[arrow + 1];
  const newPath = parseString(newTok.text);
  if (!newPath.ok) return { findings: [...findings, syntax(`invalid quoted string: ${newPath.message}`)] };
  const ns = newPath.value;
  let newVersion = '';
  if (args.length === arrow + 2) {
    if (!isDirectoryPath(ns)) {
      const message = ns.includes('@')
        ? "replacement module must match format 'path version', not 'path@version'"
        : 'replacement module without version must be directory path (rooted or starting with . or ..)';
      return { findings: [...findings, syntax(message)] };
    }
    if (ns.includes('\\')) {
      return {
        findings: [
          ...findings,
          syntax('replacement directory appears to be Windows path (on a non-windows system)')
        ]
      };
    }
  } else {
    const v = parseVersion(verb, ns, args[arrow + 2]);
    if (!v.ok) return { findings: [...findings, syntax(v.message)] };
    if (isDirectoryPath(ns)) {
      return {
        findings: [
          ...findings,
          syntax(`replacement module directory path ${goQuote(ns)} cannot have version`)
        ]
      };
    }
    newVersion = v.value;
  }
  return {
    findings,
    value: {
      oldPath: oldPath.value,
      oldVersion,
      newPath: ns,
      newVersion,
      line: d.line.start.line,
      span: lineSpan(d.line),
      oldPathSpan: tokenSpan(args[0]),
      newPathSpan: tokenSpan(newTok)
    }
  };
}

/** parseVersionInterval: `v` or `[ low , high ]`, returning the tokens left over. */
function parseVersionInterval(args: Token[]): Parsed<{ low: string; high: string; rest: Token[] }> {
  const text = (i: number): string | undefined => args[i]?.text;
  const fail = (message: string): Parsed<never> => ({ ok: false, message });
  if (args.length === 0 || text(0) === '(') return fail("expected '[' or version");
  if (text(0) !== '[') {
    const v = parseVersion('retract', '', args[0], true);
    return v.ok ? { ok: true, value: { low: v.value, high: v.value, rest: args.slice(1) } } : v;
  }
  if (args.length < 2) return fail("expected version after '['");
  const low = parseVersion('retract', '', args[1], true);
  if (!low.ok) return low;
  if (text(2) !== ',') return fail("expected ',' after version");
  if (args.length < 4) return fail("expected version after ','");
  const high = parseVersion('retract', '', args[3], true);
  if (!high.ok) return high;
  if (text(4) !== ']') return fail("expected ']' after version");
  return { ok: true, value: { low: low.value, high: high.value, rest: args.slice(5) } };
}

/** `retract v` or `retract [low, high]`, with its comments as rationale. Lax mode ignores malformed
 * intervals and trailing tokens (future syntax). */
function addRetract(b: FileBuilder, d: Directive): Outcome<Retract> {
  const vi = parseVersionInterval(d.args);
  if (!vi.ok) return { findings: b.mode === 'strict' ? [syntax(vi.message)] : [] };
  if (vi.value.rest.length > 0 && b.mode === 'strict') {
    return { findings: [syntax(`unexpected token after version: ${goQuote(vi.value.rest[0].text)}`)] };
  }
  const { low, high } = vi.value;
  const rationale = directiveComment(d.block, d.line).text;
  return { findings: [], value: { low, high, rationale, line: d.line.start.line, span: lineSpan(d.line) } };
}

/** `tool path` and `ignore path`: exactly one (possibly quoted) argument. */
function addPath(d: Directive): Outcome<PathDirective> {
  if (d.args.length !== 1) return { findings: [syntax(`${d.verb} directive expects exactly one argument`)] };
  const path = parseString(d.args[0].text);
  if (!path.ok) return { findings: [syntax(`invalid quoted string: ${path.message}`)] };
  return { findings: [], value: { path: path.value, line: d.line.start.line, span: lineSpan(d.line) } };
}

/** Records a directive's first finding and keeps its value unless a syntax problem spoilt it. */
function keep<T>(b: FileBuilder, d: Directive, outcome: Outcome<T>, store: (value: T) => void): void {
  if (outcome.findings.length > 0) b.findings.push({ pos: d.line.start, finding: outcome.findings[0] });
  if (outcome.value !== undefined && outcome.findings.every(f => f.kind === 'major')) store(outcome.value);
}

/** rule.go add: one directive line. Lax mode reads only what a dependency's go.mod can affect. */
function addDirective(b: FileBuilder, d: Directive): void {
  const f = b.modFile;
  if (b.mode === 'lax' && !LAX_VERBS.has(d.verb)) return;
  switch (d.verb) {
    case 'module':
      return keep(b, d, addModule(b, d), v => (f.module = v));
    case 'go':
      return keep(b, d, addGo(b, d), v => (f.go = v));
    case 'toolchain':
      return keep(b, d, addToolchain(b, d), v => (f.toolchain = v));
    case 'godebug':
      return keep(b, d, addGodebug(d), v => f.godebug.push(v));
    case 'require':
      return keep(b, d, addRequirement(d), v => f.require.push(v));
    case 'exclude':
      return keep(b, d, addRequirement(d), ({ path, version, line, span, pathSpan, versionSpan }) =>
        f.exclude.push({ path, version, line, span, pathSpan, versionSpan })
      );
    case 'replace':
      return keep(b, d, addReplace(d), v => f.replace.push(v));
    case 'retract':
      return keep(b, d, addRetract(b, d), v => f.retract.push(v));
    case 'tool':
      return keep(b, d, addPath(d), v => f.tool.push(v));
    case 'ignore':
      return keep(b, d, addPath(d), v => f.ignore.push(v));
    default:
      b.findings.push({ pos: d.line.start, finding: syntax(`unknown directive: ${d.verb}`) });
  }
}

/** rule.go parseToFile's test of a block: only the block verbs, with one verb token. Records the
 * strict-mode finding of any other block and says whether its lines count. */
function blockCounts(b: FileBuilder, block: LineBlock): boolean {
  if (block.tokens.length === 1 && BLOCK_VERBS.has(block.tokens[0].text)) return true;
  if (b.mode === 'strict') {
    const words = block.tokens.map(t => t.text).join(' ');
    b.findings.push({ pos: block.start, finding: syntax(`unknown block type: ${words}`) });
  }
  return false;
}

/** rule.go parseToFile as a LineSink: each line becomes a directive as soon as it is read (blocks
 * only for the block verbs, with one verb token). A block that never ends is undone, as x/mod's
 * parser never returns it. */
export function directiveSink(b: FileBuilder): LineSink {
  let counts = false;
  let undo = (): void => undefined;
  return {
    block(block) {
      counts = blockCounts(b, block);
      undo = checkpoint(b);
    },
    line(block, line) {
      if (!block) addDirective(b, { line, verb: line.tokens[0].text, args: line.tokens.slice(1) });
      else if (counts) addDirective(b, { block, line, verb: block.tokens[0].text, args: line.tokens });
    },
    abandonBlock: () => undo()
  };
}

/** What restores the builder to its state now (the lists only grow, so their lengths suffice). */
function checkpoint(b: FileBuilder): () => void {
  const f = b.modFile;
  const { module, go, toolchain } = f;
  const { sawModule } = b;
  const lists = [f.godebug, f.require, f.exclude, f.replace, f.retract, f.tool, f.ignore, b.findings];
  const lengths = lists.map(list => list.length);
  return () => {
    Object.assign(f, { module, go, toolchain });
    for (const key of ['module', 'go', 'toolchain'] as const) if (f[key] === undefined) delete f[key];
    b.sawModule = sawModule;
    lists.forEach((list, i) => (list.length = lengths[i]));
  };
}

export function toModError(file: string, pos: Position, finding: Finding): ModError {
  const where = pos.column > 1 ? `${file}:${pos.line}:${pos.column}: ` : `${file}:${pos.line}: `;
  return {
    line: pos.line,
    column: pos.column,
    kind: finding.kind,
    message: finding.message,
    text: where + finding.message
  };
}

export function emptyModFile(): ModFile {
  return { godebug: [], require: [], exclude: [], replace: [], retract: [], tool: [], ignore: [] };
}

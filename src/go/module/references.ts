// References to a module's import paths outside Go import declarations: a .proto `go_package`, buf's
// managed-mode `go_package_prefix` and overrides, `go get`/`go install` lines, import lines and import
// blocks in Markdown code fences, pkg.go.dev links, `-X importpath.name=value` linker flags, the package
// arguments of go commands in Makefiles, Dockerfiles, workflows and shell scripts, and //go:generate lines.
//
// Pure: works on the lines that src/gather found with one `git grep` for the modules' family prefixes
// (and the whole text of the Markdown files among them, for code fences), and on the //go:generate
// lines of the .go files, found in their bytes as they are read. Only command, import and option
// contexts count: a path in prose, in a comment or in a repository URL is never a reference.
import { majorFits, type Module } from './layout.js';
import { compareMajors, familyCandidates, familyMember } from './majors.js';
import { splitPathVersion } from './modpath.js';
import { majorDigits } from './version.js';

/** One line of a file that names a module family's path (1-based line number, text without EOL). */
export interface ReferenceLine {
  line: number;
  text: string;
}

/** How a file is read for references. */
export type ReferenceFileKind = 'proto' | 'buf' | 'markdown' | 'doc' | 'build' | 'go';

/** Where in a file a path was named. */
export type ReferenceContext =
  'go_package' | 'buf' | 'go-command' | 'ldflags' | 'import' | 'pkg.go.dev' | 'go:generate';

export interface Reference {
  line: number;
  /** 1-based code-point columns of the stale path, end exclusive. */
  column: number;
  endColumn: number;
  /** The path as written: an older major's path of `module`. */
  stale: string;
  /** The same package under the module's declared path. */
  corrected: string;
  module: Module;
  /** The major the stale path names: '' for the v0/v1 path, '2' for /v2... */
  major: string;
  context: ReferenceContext;
}

/**
 * Directories never searched: vendored copies of other modules, test data, and JavaScript packages.
 * Documents that record history (changelogs, release notes) or explain a migration name the old path
 * on purpose and are skipped too: by their file name, or by a directory named so (docs/migration/).
 */
const SKIPPED_DIRS = new Set(['vendor', 'testdata', 'node_modules']);
const HISTORY_FILE = /^(?:change[-_.]?log|changes|history|news|release[-_.]?notes|migrat|upgrad)/i;
const HISTORY_DIR = /^(?:change[-_.]?logs?|changes|history|news|release[-_.]?notes|releases|migrat|upgrad)/i;

/** Whether a document records history: its name, or one of its directories, says so. */
function isHistoryDocument(elements: readonly string[]): boolean {
  if (HISTORY_FILE.test(elements[elements.length - 1])) return true;
  for (let i = 0; i < elements.length - 1; i++) if (HISTORY_DIR.test(elements[i])) return true;
  return false;
}

/**
 * Which kind of file `file` is for references, or undefined when its references are not looked at.
 * Keep REFERENCE_PATHSPECS (the git grep prefilter) a superset of what this accepts.
 */
export function referenceFileKind(file: string): ReferenceFileKind | undefined {
  const elements = file.split('/');
  const name = elements[elements.length - 1];
  for (let i = 0; i < elements.length - 1; i++) if (SKIPPED_DIRS.has(elements[i])) return undefined;
  const lower = name.toLowerCase();
  if (lower.endsWith('.go')) return 'go';
  if (lower.endsWith('.proto')) return 'proto';
  if (/^buf(?:\.[^/]+)?\.ya?ml$/.test(lower)) return 'buf';
  if (/\.(?:md|markdown|mdx)$/.test(lower)) return isHistoryDocument(elements) ? undefined : 'markdown';
  if (/\.(?:rst|txt|adoc)$/.test(lower)) return isHistoryDocument(elements) ? undefined : 'doc';
  if (name === 'Makefile' || name === 'makefile' || name === 'GNUmakefile' || lower.endsWith('.mk'))
    return 'build';
  if (/^\.?goreleaser\.ya?ml$/.test(lower)) return 'build';
  if (/^(?:dockerfile|containerfile)(?:\..+)?$/.test(lower) || lower.endsWith('.dockerfile')) return 'build';
  if (
    elements.length === 3 &&
    elements[0] === '.github' &&
    elements[1] === 'workflows' &&
    /\.ya?ml$/.test(lower)
  )
    return 'build';
  if (/\.(?:sh|bash)$/.test(lower)) return 'build';
  return undefined;
}

const GO_GENERATE_BYTES = new TextEncoder().encode('//go:generate');
const LF = 0x0a;
const CR = 0x0d;
const lineDecoder = new TextDecoder();

/** git grep -I takes a file with a NUL byte in its first 8,000 bytes for binary, and skips it. */
const BINARY_PROBE = 8000;

/**
 * The lines of a .go file's bytes that start with //go:generate (the only .go lines looked at), as
 * git grep -I would give them: none for a binary file, 1-based numbers, the text without its line
 * feed or a carriage return before it. The .go files are read whole anyway (a commit's blobs, the
 * work tree's files): searching them here spares git reading every file a second time.
 */
export function goGenerateLines(data: Uint8Array): ReferenceLine[] {
  const lines: ReferenceLine[] = [];
  let line = 1;
  let counted = 0;
  for (let at = indexOfMark(data, 0); at >= 0; at = indexOfMark(data, at + 1)) {
    if (at > 0 && data[at - 1] !== LF) continue;
    if (lines.length === 0 && isBinary(data)) return lines;
    for (; counted < at; counted++) if (data[counted] === LF) line++;
    let end = data.indexOf(LF, at);
    if (end < 0) end = data.length;
    if (data[end - 1] === CR) end--;
    lines.push({ line, text: lineDecoder.decode(data.subarray(at, end)) });
  }
  return lines;
}

function isBinary(data: Uint8Array): boolean {
  return data.subarray(0, BINARY_PROBE).indexOf(0) >= 0;
}

function indexOfMark(data: Uint8Array, from: number): number {
  // Node's Buffer searches natively; a plain Uint8Array is searched byte by byte.
  if (typeof Buffer !== 'undefined' && Buffer.isBuffer(data)) return data.indexOf(GO_GENERATE_BYTES, from);
  outer: for (
    let i = data.indexOf(GO_GENERATE_BYTES[0], from);
    i >= 0;
    i = data.indexOf(GO_GENERATE_BYTES[0], i + 1)
  ) {
    for (let k = 1; k < GO_GENERATE_BYTES.length; k++)
      if (data[i + k] !== GO_GENERATE_BYTES[k]) continue outer;
    return i;
  }
  return -1;
}

const SKIPPED_PATHSPECS = [...SKIPPED_DIRS].map(dir => `:(top,glob,exclude)**/${dir}/**`);

/**
 * `git grep` pathspecs (relative to the top of the repository) for the files other than .go that
 * referenceFileKind may accept: git then never reads the other files at all. Case-sensitive globs, so
 * each spelling is listed.
 */
export const REFERENCE_PATHSPECS: readonly string[] = [
  ...[
    '*.proto',
    'buf*.yaml',
    'buf*.yml',
    '*.md',
    '*.MD',
    '*.markdown',
    '*.mdx',
    '*.rst',
    '*.txt',
    '*.adoc',
    'Makefile',
    'makefile',
    'GNUmakefile',
    '*.mk',
    '.goreleaser.yml',
    '.goreleaser.yaml',
    'goreleaser.yml',
    'goreleaser.yaml',
    'Dockerfile',
    'Dockerfile.*',
    '*.Dockerfile',
    '*.dockerfile',
    'Containerfile',
    'Containerfile.*',
    '*.sh',
    '*.bash'
  ].map(glob => `:(top,glob)**/${glob}`),
  ':(top,glob).github/workflows/*.yml',
  ':(top,glob).github/workflows/*.yaml',
  ...SKIPPED_PATHSPECS
];

/**
 * The lines git grep found in `file` that are worth keeping: none when the file is not looked at, in
 * .go files only the //go:generate lines (the import declarations are stale-self-import's), elsewhere all.
 */
export function referenceLinesToKeep(file: string, lines: ReferenceLine[]): ReferenceLine[] {
  const kind = referenceFileKind(file);
  if (kind === undefined) return [];
  return kind === 'go' ? lines.filter(hit => GO_GENERATE.test(hit.text)) : lines;
}

/** Whether a file's whole text is needed to read its references (Markdown: fences, import blocks). */
export function needsWholeText(file: string): boolean {
  return referenceFileKind(file) === 'markdown';
}

/**
 * The fixed strings to search for: the family prefix of each module path (`github.com/o/r` for
 * `github.com/o/r/v2`, `gopkg.in/yaml` for `gopkg.in/yaml.v3`), without those another one already
 * covers (`github.com/o/r/tools` is found by `github.com/o/r`), sorted.
 */
export function referencePatterns(modulePaths: Iterable<string>): string[] {
  const prefixes = new Set<string>();
  for (const path of modulePaths) {
    if (!path) continue;
    const split = splitPathVersion(path);
    prefixes.add(split.ok ? split.prefix : path);
  }
  const sorted = [...prefixes].sort();
  const out: string[] = [];
  for (const p of sorted) if (!out.some(q => p.startsWith(q))) out.push(p);
  return out;
}

const GO_GENERATE = /^\/\/go:generate[ \t]/;
const PATH_CHAR = /[A-Za-z0-9._~+\-/]/;
const GO_COMMAND = /(?:\bgo|\$\(GO\)|\$\{GO\})[ \t]+(?:get|install|build|run|test|vet|list)\b/g;
const COMMAND_END = /[;|&`]/;
const PROTO_OPTION = /^\s*option\s+go_package\s*=\s*["']/;
const IMPORT_LINE = /^\s*import\s+(?:[A-Za-z_][A-Za-z0-9_]*\s+|[._]\s+)?"/;
const IMPORT_SPEC = /^\s*(?:[A-Za-z_][A-Za-z0-9_]*\s+|[._]\s+)?"/;
const IMPORT_BLOCK_OPEN = /^\s*import\s*\(\s*(?:\/\/.*)?$/;
const LDFLAGS_X = /-X(?:\s+|=)["']?$/;
// Documentation sites that take an import path after the host: pkg.go.dev (links and badges) and the
// older godoc.org and its successor godocs.io (their badges are `?status.svg` after the path).
const PKG_GO_DEV = /(?:pkg\.go\.dev|godoc\.org|godocs\.io)\/(badge\/)?$/i;

/** A module family: every module of the repository whose path has this family prefix. */
type FamilyIndex = Map<string, Module[]>;

/**
 * Finds the references of one file. `modules` are every module of the repository (a path that
 * belongs to any of them is never stale); `document` is the file's whole text when needsWholeText.
 * Each reference names the module whose older major it uses; the caller keeps those of the modules
 * it checks.
 */
export function referenceFinder(
  modules: readonly Module[]
): (file: string, lines: readonly ReferenceLine[], document?: string) => Reference[] {
  const families: FamilyIndex = new Map();
  for (const m of modules) {
    if (m.path === undefined || m.prefix === '') continue;
    let list = families.get(m.prefix);
    if (!list) families.set(m.prefix, (list = []));
    list.push(m);
  }
  const prefixes = [...families.keys()].sort((a, b) => b.length - a.length);
  return (file, lines, document) => {
    const kind = referenceFileKind(file);
    if (kind === undefined || prefixes.length === 0) return [];
    const states = kind === 'markdown' && document !== undefined ? markdownStates(document) : undefined;
    const out: Reference[] = [];
    for (const { line, text } of lines) {
      for (const mention of mentionsIn(kind, text, prefixes, states?.[line - 1] ?? 'text')) {
        const ref = judge(mention, families);
        if (ref) out.push({ ...ref, line });
      }
    }
    return out;
  };
}

/** Where a Markdown line sits: plain text, inside a code fence, or inside a fenced `import (` block. */
export type MarkdownState = 'text' | 'fence' | 'import-block';

/**
 * The state of every line of a Markdown document (index 0 is line 1). Fences follow CommonMark: three
 * or more backticks or tildes open one (at any indentation, as in list items), the same character
 * at least as many times with nothing after closes it; the fence lines themselves are 'text'.
 */
export function markdownStates(document: string): MarkdownState[] {
  const states: MarkdownState[] = [];
  let fence: { char: string; length: number } | undefined;
  let importBlock = false;
  for (const raw of document.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const marker = /^\s*(`{3,}|~{3,})(.*)$/.exec(line);
    if (!fence) {
      if (marker && !(marker[1][0] === '`' && marker[2].includes('`'))) {
        fence = { char: marker[1][0], length: marker[1].length };
        importBlock = false;
      }
      states.push('text');
      continue;
    }
    if (
      marker &&
      marker[1][0] === fence.char &&
      marker[1].length >= fence.length &&
      marker[2].trim() === ''
    ) {
      fence = undefined;
      states.push('text');
      continue;
    }
    if (importBlock) {
      if (/^\s*\)/.test(line)) {
        importBlock = false;
        states.push('fence');
      } else states.push('import-block');
      continue;
    }
    if (IMPORT_BLOCK_OPEN.test(line)) importBlock = true;
    states.push('fence');
  }
  return states;
}

interface Mention {
  column: number;
  endColumn: number;
  path: string;
  /** The version after `@` (a go install query, a pkg.go.dev version), if any. */
  version?: string;
  context: ReferenceContext;
}

/** The paths of a family that a line names in a context its file kind counts. */
function mentionsIn(
  kind: ReferenceFileKind,
  text: string,
  prefixes: readonly string[],
  state: MarkdownState
): Mention[] {
  const line = text.endsWith('\r') ? text.slice(0, -1) : text;
  if (kind === 'go' && !GO_GENERATE.test(line)) return [];
  const starts = new Set<number>();
  for (const prefix of prefixes) {
    for (let i = line.indexOf(prefix); i >= 0; i = line.indexOf(prefix, i + 1)) starts.add(i);
  }
  const mentions: Mention[] = [];
  for (const start of [...starts].sort((a, b) => a - b)) {
    const before = line.slice(0, start);
    const prev = before[before.length - 1];
    let end = start;
    while (end < line.length && PATH_CHAR.test(line[end])) end++;
    let token = line.slice(start, end);
    const context = contextOf(kind, line, before, start, state);
    if (!context) continue;
    if (prev !== undefined && PATH_CHAR.test(prev) && context !== 'pkg.go.dev') continue;
    if (context === 'ldflags') {
      // -X importpath.name=value: the linker splits at the last dot of the last element.
      const dot = token.lastIndexOf('.');
      if (dot <= token.lastIndexOf('/')) continue;
      token = token.slice(0, dot);
    } else if (context === 'pkg.go.dev' && PKG_GO_DEV.exec(before)?.[1] && token.endsWith('.svg')) {
      // A badge names the path with or without `.svg`: the image is the same.
      token = token.slice(0, -'.svg'.length);
    }
    // An HTML comment's close (`path-->`) ends the path: `-` is a path character, `-->` never is.
    if (line.startsWith('>', end) && token.endsWith('--')) token = token.replace(/-+$/, '');
    // A package pattern's `/...` and a sentence's final dot are not part of the path.
    token = token.replace(/\/\.\.\.$/, '').replace(/[./]+$/, '');
    const after = line.slice(start + token.length);
    const version = /^@([^\s"'`)\]>;,/#?]+)/.exec(after)?.[1];
    const column = codePoints(before) + 1;
    mentions.push({
      column,
      endColumn: column + codePoints(token),
      path: token,
      ...(version !== undefined ? { version } : {}),
      context
    });
  }
  return mentions;
}

/** The context that makes a path at `start` a reference in this kind of file, or undefined. */
function contextOf(
  kind: ReferenceFileKind,
  line: string,
  before: string,
  start: number,
  state: MarkdownState
): ReferenceContext | undefined {
  const prev = before[before.length - 1];
  switch (kind) {
    case 'proto': {
      const m = PROTO_OPTION.exec(line);
      return m && m[0].length === start ? 'go_package' : undefined;
    }
    case 'buf':
      // Any Go path in buf configuration is a go_package (prefix, override, or protoc-gen-go's
      // module= option), unless it is commented out or part of a URL.
      return /(?:^|\s)#/.test(before) || prev === '/' ? undefined : 'buf';
    case 'go':
      if (LDFLAGS_X.test(before)) return 'ldflags';
      return prev === '/' ? undefined : 'go:generate';
    case 'markdown':
    case 'doc':
    case 'build': {
      if (LDFLAGS_X.test(before)) return 'ldflags';
      if (kind !== 'build' && PKG_GO_DEV.test(before)) return 'pkg.go.dev';
      if (prev === '/') return undefined;
      if (isCommandArgument(before)) return 'go-command';
      if (kind === 'markdown') {
        if (state === 'fence' && IMPORT_LINE.exec(line)?.[0].length === start) return 'import';
        if (state === 'import-block' && IMPORT_SPEC.exec(line)?.[0].length === start) return 'import';
      }
      return undefined;
    }
  }
}

/** Whether the text before a path ends inside the arguments of a go command (`go install ... `). */
function isCommandArgument(before: string): boolean {
  const prev = before[before.length - 1];
  if (prev !== undefined && !/[\s"'=]/.test(prev)) return false;
  let last = -1;
  for (const m of before.matchAll(GO_COMMAND)) last = (m.index ?? 0) + m[0].length;
  return last >= 0 && !COMMAND_END.test(before.slice(last));
}

/**
 * Whether a mentioned path is an older major of a module of the repository, and which one: the
 * module family with the longest prefix that holds the path decides. A path that is the declared
 * path of some module (current or another one), names a newer major than any module of its family,
 * or pins a version of its own major on purpose (`@v1.5.0`) is not stale.
 */
function judge(mention: Mention, families: FamilyIndex): Omit<Reference, 'line'> | undefined {
  const { path } = mention;
  for (const candidate of familyCandidates(path)) {
    const modules = families.get(candidate);
    if (!modules) continue;
    const member = familyMember(path, candidate);
    if (!member) continue;
    if (modules.some(m => m.path === member.modulePath)) return undefined;
    let target: Module | undefined;
    for (const m of modules) {
      if (compareMajors(m.pathMajorDigits, member.major) <= 0) continue;
      if (!target || compareMajors(m.pathMajorDigits, target.pathMajorDigits) > 0) target = m;
    }
    if (!target) return undefined;
    if (mention.version !== undefined) {
      const digits = majorDigits(mention.version);
      if (digits !== '' && majorFits(digits, member.major)) return undefined;
    }
    return {
      column: mention.column,
      endColumn: mention.endColumn,
      stale: path,
      corrected: (target.path as string) + path.slice(member.modulePath.length),
      module: target,
      major: member.major,
      context: mention.context
    };
  }
  return undefined;
}

function codePoints(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff) n++;
  }
  return n;
}

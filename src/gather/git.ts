// A thin layer over the git CLI: one method per question, argument arrays only (no shell), and refs
// after --end-of-options so that a ref can never be read as an option.
import { exec } from '@actions/exec';
import { spawn } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';
import type { Tag } from '../types.js';

export class GitError extends Error {
  constructor(
    message: string,
    readonly exitCode: number
  ) {
    super(message);
    this.name = 'GitError';
  }
}

export interface RunOptions {
  input?: Buffer;
  /** Return the result instead of throwing on a non-zero exit. */
  allowFailure?: boolean;
  /** Receive stdout in chunks instead of collecting it (implies `bulk`). */
  onStdout?: (chunk: Buffer) => void;
  /**
   * The output grows with the repository (a listing, a diff, a search): read it from a plain child
   * process. @actions/exec also splits every chunk into text lines, joined onto what came before
   * until a line feed: on NUL-separated output (`-z`) that copies the whole output again for each
   * chunk, time quadratic in its size (150 ms for the listing of 50,000 files).
   */
  bulk?: boolean;
}

export interface RunResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export interface TreeEntry {
  path: string;
  oid: string;
  mode: string;
}

const ZERO_OID = /^0+$/;

/** Pathspecs longer than this are not passed (see addedLines). */
const MAX_PATHSPEC_CHARS = 24_000;

/** Whether a SHA is git's all-zero "no commit" value (a created or deleted ref in an event). */
export function isZeroOid(oid: string | undefined): boolean {
  return !oid || ZERO_OID.test(oid);
}

/** No credential prompts (a check never waits on a terminal), and messages in English for the parsers. */
function gitEnvironment(): Record<string, string> {
  return { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' } as Record<string, string>;
}

/** git's absolute path by the PATH it was found on. */
const gitOnPath = new Map<string, string>();

/**
 * git's path, looked up once per PATH. Given a bare name, @actions/exec searches PATH with a stat per
 * directory before each process it starts (about 4 ms each, a check starts a dozen); given an
 * absolute path it makes one. Not on Windows, where executables carry an extension, nor when git is
 * not found: then exec looks for 'git' itself, and says so when it is missing.
 */
function gitExecutable(): string {
  const path = process.env.PATH ?? '';
  if (process.platform === 'win32') return 'git';
  let found = gitOnPath.get(path);
  if (found === undefined) {
    found = findGit(path.split(delimiter));
    gitOnPath.set(path, found);
  }
  return found;
}

function findGit(dirs: readonly string[]): string {
  for (const dir of dirs) {
    // A relative entry is left to exec, which would read it against the repository, not our cwd.
    if (dir !== '' && !isAbsolute(dir)) return 'git';
    if (dir !== '' && isExecutableFile(join(dir, 'git'))) return join(dir, 'git');
  }
  return 'git';
}

function isExecutableFile(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

export class Git {
  constructor(readonly cwd: string) {}

  async run(args: string[], options: RunOptions = {}): Promise<RunResult> {
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    const onStdout = options.onStdout ?? ((chunk: Buffer) => void out.push(chunk));
    const onStderr = (chunk: Buffer) => void err.push(chunk);
    let exitCode: number;
    try {
      exitCode =
        options.bulk || options.onStdout
          ? await this.runPlain(args, options.input, onStdout, onStderr)
          : await exec(gitExecutable(), args, {
              cwd: this.cwd,
              silent: true,
              ignoreReturnCode: true,
              input: options.input,
              env: gitEnvironment(),
              listeners: { stdout: onStdout, stderr: onStderr }
            });
    } catch (error) {
      throw new GitError(`could not run git: ${(error as Error).message}`, -1);
    }
    const result = {
      exitCode,
      stdout: Buffer.concat(out).toString('utf8'),
      stderr: Buffer.concat(err).toString('utf8')
    };
    if (exitCode !== 0 && !options.allowFailure) {
      const detail = result.stderr.trim().split('\n').slice(-3).join(' ');
      throw new GitError(`git ${args[0]} failed (exit ${exitCode}): ${detail}`, exitCode);
    }
    return result;
  }

  /**
   * Runs git as a plain child process (see RunOptions.bulk): an argument array, no shell. Resolves
   * with the exit code.
   */
  private runPlain(
    args: string[],
    input: Buffer | undefined,
    onStdout: (chunk: Buffer) => void,
    onStderr: (chunk: Buffer) => void
  ): Promise<number> {
    return new Promise((resolve, reject) => {
      const child = spawn(gitExecutable(), args, { cwd: this.cwd, env: gitEnvironment() });
      // Node says `spawn /usr/bin/git ENOENT` for a missing directory as for a missing git: say where.
      child.on('error', error => reject(new Error(`${error.message} (in ${this.cwd})`)));
      // git may exit before reading all of its input (a failure, reported by its exit code): a
      // write to the closed pipe must not become an unhandled error.
      child.stdin.on('error', () => undefined);
      child.stdout.on('data', onStdout);
      child.stderr.on('data', onStderr);
      child.on('close', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
      child.stdin.end(input);
    });
  }

  /**
   * Where `cwd` is, in one process: undefined outside a repository; otherwise the top directory of
   * its work tree (undefined in a bare repository).
   */
  async location(): Promise<{ topLevel?: string } | undefined> {
    const r = await this.run(['rev-parse', '--git-dir', '--show-toplevel'], { allowFailure: true });
    const [gitDir, topLevel] = r.stdout.split('\n');
    if (!gitDir) return undefined;
    return topLevel ? { topLevel } : {};
  }

  /** The top directory of the work tree, or undefined when `cwd` is not inside a git repository. */
  async topLevel(): Promise<string | undefined> {
    const r = await this.run(['rev-parse', '--show-toplevel'], { allowFailure: true });
    return r.exitCode === 0 ? r.stdout.trim() : undefined;
  }

  /** Whether `cwd` is a git repository (a work tree or a bare one). */
  async isRepository(): Promise<boolean> {
    const r = await this.run(['rev-parse', '--git-dir'], { allowFailure: true });
    return r.exitCode === 0;
  }

  /** The commit a ref names, or undefined when it names none. */
  async commitOf(ref: string): Promise<string | undefined> {
    const r = await this.run(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], {
      allowFailure: true
    });
    return r.exitCode === 0 ? r.stdout.trim() : undefined;
  }

  /** Every tag with the commit it points to; annotated tags are peeled to their commit. */
  async tags(): Promise<Tag[]> {
    const r = await this.run(
      [
        'for-each-ref',
        '--format=%(refname:strip=2)%00%(objecttype)%00%(objectname)%00%(*objectname)',
        'refs/tags'
      ],
      { bulk: true }
    );
    const tags: Tag[] = [];
    for (const line of r.stdout.split('\n')) {
      if (!line) continue;
      const [name, type, oid, peeled] = line.split('\0');
      if (type === 'tag' && peeled) tags.push({ name, commit: peeled });
      else if (type === 'commit') tags.push({ name, commit: oid });
    }
    return tags;
  }

  async isShallow(): Promise<boolean> {
    const r = await this.run(['rev-parse', '--is-shallow-repository'], { allowFailure: true });
    return r.stdout.trim() === 'true';
  }

  async mergeBase(a: string, b: string): Promise<string | undefined> {
    const r = await this.run(['merge-base', '--end-of-options', a, b], { allowFailure: true });
    return r.exitCode === 0 ? r.stdout.trim() : undefined;
  }

  /**
   * The lines added on the way from `base` to `head` (the working tree when absent) to each of
   * `files`, renamed files diffed with their old paths (`renamed` maps a new path to its old one).
   * The paths are given to git literally, unless they would not fit a command line (Windows allows
   * 32,767 characters): then the whole diff is read.
   */
  async addedLines(
    base: string,
    head: string | undefined,
    files: readonly string[],
    renamed: ReadonlyMap<string, string>
  ): Promise<Map<string, Set<number>>> {
    if (files.length === 0) return new Map();
    const paths = files.flatMap(f => (renamed.has(f) ? [f, renamed.get(f) as string] : [f]));
    const fits = paths.reduce((n, p) => n + p.length + 12, 0) < MAX_PATHSPEC_CHARS;
    const r = await this.run(
      [
        'diff',
        '--unified=0',
        '--no-color',
        '--no-ext-diff',
        '--no-textconv',
        // Fixed prefixes: diff.noprefix or diff.mnemonicPrefix in the user's config would change them.
        '--src-prefix=a/',
        '--dst-prefix=b/',
        '--find-renames',
        '--diff-filter=AMR',
        '--end-of-options',
        base,
        ...(head ? [head] : []),
        '--',
        ...(fits ? paths.map(p => `:(literal)${p}`) : [])
      ],
      { bulk: true }
    );
    const added = parseAddedLines(r.stdout);
    const wanted = new Set(files);
    for (const path of added.keys()) if (!wanted.has(path)) added.delete(path);
    return added;
  }

  /** Files renamed from `base` to `head` (the working tree when absent): new path -> old path. */
  async renamedFiles(base: string, head?: string): Promise<Map<string, string>> {
    const r = await this.run(
      [
        'diff',
        '--name-status',
        '-z',
        '--find-renames',
        '--diff-filter=R',
        '--end-of-options',
        base,
        ...(head ? [head] : []),
        '--'
      ],
      { bulk: true }
    );
    // Records: "R<score>\0old\0new\0".
    const fields = r.stdout.split('\0');
    const renamed = new Map<string, string>();
    for (let i = 0; i + 2 < fields.length; i += 3) renamed.set(fields[i + 2], fields[i + 1]);
    return renamed;
  }

  /** Whether the object `sha` names a commit that is present locally. */
  async hasCommit(sha: string): Promise<boolean> {
    const r = await this.run(['cat-file', '-e', '--end-of-options', `${sha}^{commit}`], {
      allowFailure: true
    });
    return r.exitCode === 0;
  }

  /**
   * `git fetch` from a remote, quietly and without prompting; returns the error text instead of
   * throwing, since every fetch here is an attempt with a fallback.
   */
  async fetch(remote: string, args: string[]): Promise<string | undefined> {
    const r = await this.run(['fetch', '--quiet', '--no-recurse-submodules', ...args, '--', remote], {
      allowFailure: true
    });
    return r.exitCode === 0 ? undefined : r.stderr.trim().split('\n').pop() || `exit ${r.exitCode}`;
  }

  /** Fetches specific refs or commits (a SHA works on GitHub); `--depth=1` only keeps a shallow clone shallow. */
  async fetchRefs(remote: string, refspecs: string[], shallow: boolean): Promise<string | undefined> {
    const r = await this.run(
      [
        'fetch',
        '--quiet',
        '--no-tags',
        '--no-recurse-submodules',
        ...(shallow ? ['--depth=1'] : []),
        '--',
        remote,
        ...refspecs
      ],
      { allowFailure: true }
    );
    return r.exitCode === 0 ? undefined : r.stderr.trim().split('\n').pop() || `exit ${r.exitCode}`;
  }

  /** The URL of a remote, or undefined. */
  async remoteUrl(name = 'origin'): Promise<string | undefined> {
    const r = await this.run(['remote', 'get-url', '--', name], { allowFailure: true });
    return r.exitCode === 0 ? r.stdout.trim() : undefined;
  }

  /** Tracked and untracked-but-not-ignored files of the work tree, less those deleted from it. */
  async workTreeFiles(): Promise<string[]> {
    // One process: -t tags each entry, and a tracked file deleted from the work tree is listed
    // once more with the tag R.
    const r = await this.run(
      ['ls-files', '-z', '-t', '--cached', '--others', '--deleted', '--exclude-standard'],
      { bulk: true }
    );
    const present = new Set<string>();
    const deleted = new Set<string>();
    for (const entry of r.stdout.split('\0')) {
      if (entry.length < 3) continue;
      (entry[0] === 'R' ? deleted : present).add(entry.slice(2));
    }
    return [...present].filter(f => !deleted.has(f));
  }

  /** Every blob of the tree at `ref` (recursively), with its object id. */
  async listTree(ref: string): Promise<TreeEntry[]> {
    const r = await this.run(['ls-tree', '-r', '-z', '--full-tree', '--end-of-options', ref], { bulk: true });
    const entries: TreeEntry[] = [];
    for (const record of r.stdout.split('\0')) {
      if (!record) continue;
      const tab = record.indexOf('\t');
      const [mode, type, oid] = record.slice(0, tab).split(' ');
      if (type === 'blob') entries.push({ path: record.slice(tab + 1), oid, mode });
    }
    return entries;
  }

  /**
   * The lines that contain any of the fixed strings `patterns`, per file, in ONE `git grep` process:
   * in the commit `commit`, or without it in the work tree (tracked files and untracked ones that are
   * not ignored, as workTreeFiles lists them). Binary files are skipped; `pathspecs` limit the files
   * read. Paths are relative to the top of the repository.
   */
  async grepLines(
    patterns: readonly string[],
    pathspecs: readonly string[],
    commit?: string
  ): Promise<Map<string, { line: number; text: string }[]>> {
    const out = new Map<string, { line: number; text: string }[]>();
    // The patterns come from files (module paths): an argument cannot hold NUL, and a newline would
    // split one into several. Neither is in any valid module path, which the rules report anyway.
    patterns = patterns.filter(p => p !== '' && !/[\0\n]/.test(p));
    if (patterns.length === 0) return out;
    const r = await this.run(
      [
        'grep',
        '--line-number',
        '--null',
        '-I',
        '--fixed-strings',
        '--no-color',
        '--no-column',
        '--full-name',
        '--no-recurse-submodules',
        '--no-textconv',
        ...(commit ? [] : ['--untracked']),
        ...patterns.flatMap(p => ['-e', p]),
        // A commit id from commitOf (hex, never an option): git grep has no --end-of-options.
        ...(commit ? [commit] : []),
        '--',
        ...pathspecs
      ],
      { allowFailure: true, bulk: true }
    );
    // Exit 1: nothing matched.
    if (r.exitCode !== 0 && r.exitCode !== 1) {
      const detail = r.stderr.trim().split('\n').slice(-3).join(' ');
      throw new GitError(`git grep failed (exit ${r.exitCode}): ${detail}`, r.exitCode);
    }
    return parseGrepOutput(r.stdout, commit ? `${commit}:` : '', out);
  }

  /**
   * Streams the contents of many objects through ONE `git cat-file --batch` process. `onObject`
   * receives each object in request order, with its whole size; a missing object arrives as
   * undefined. With `keepBytes`, no more than that many bytes of the i-th object are kept (the rest
   * is read past, not held in memory): `data` is then shorter than `size`.
   */
  async readObjects(
    oids: readonly string[],
    onObject: (oid: string, data: Buffer | undefined, size: number) => void,
    keepBytes?: (index: number) => number
  ): Promise<void> {
    if (oids.length === 0) return;
    const parser = new BatchParser(onObject, keepBytes);
    await this.run(['cat-file', '--batch'], {
      input: Buffer.from(oids.join('\n') + '\n'),
      onStdout: chunk => parser.push(chunk)
    });
    parser.finish();
  }
}

/**
 * Parses `git grep --null --line-number` output, records of `PATH\0LINE\0TEXT\n` (a path may hold any
 * byte but NUL, a text any but newline); `prefix` is the `COMMIT:` git puts before paths in a commit.
 */
export function parseGrepOutput(
  output: string,
  prefix: string,
  out = new Map<string, { line: number; text: string }[]>()
): Map<string, { line: number; text: string }[]> {
  let at = 0;
  while (at < output.length) {
    const pathEnd = output.indexOf('\0', at);
    const lineEnd = pathEnd < 0 ? -1 : output.indexOf('\0', pathEnd + 1);
    if (lineEnd < 0) break;
    let textEnd = output.indexOf('\n', lineEnd + 1);
    if (textEnd < 0) textEnd = output.length;
    let path = output.slice(at, pathEnd);
    if (prefix && path.startsWith(prefix)) path = path.slice(prefix.length);
    const line = Number(output.slice(pathEnd + 1, lineEnd));
    let text = output.slice(lineEnd + 1, textEnd);
    if (text.endsWith('\r')) text = text.slice(0, -1);
    let list = out.get(path);
    if (!list) out.set(path, (list = []));
    list.push({ line, text });
    at = textEnd + 1;
  }
  return out;
}

/**
 * Parses `git diff --unified=0` output into the added line numbers of each new-side file (deleted
 * files are left out). A hunk's body is exactly as long as its header says, so that a removed line
 * "-- x" or an added "++ x" is not taken for a file's `---`/`+++` line.
 */
export function parseAddedLines(diff: string): Map<string, Set<number>> {
  const added = new Map<string, Set<number>>();
  let current: Set<number> | undefined;
  let bodyLeft = 0;
  for (const line of diff.split('\n')) {
    if (bodyLeft > 0 && (line.startsWith('-') || line.startsWith('+'))) {
      bodyLeft--;
      continue;
    }
    if (line.startsWith('diff ')) current = undefined;
    else if (line.startsWith('+++ ')) {
      const path = diffPath(line.slice(4), 'b/');
      current = path === undefined ? undefined : new Set();
      if (path !== undefined && current) added.set(path, current);
    } else if (line.startsWith('@@') && current) {
      const m = /^@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/.exec(line);
      if (!m) continue;
      const removed = m[1] === undefined ? 1 : Number(m[1]);
      const start = Number(m[2]);
      const count = m[3] === undefined ? 1 : Number(m[3]);
      for (let i = 0; i < count; i++) current.add(start + i);
      bodyLeft = removed + count;
    }
  }
  return added;
}

/** A path of a `---`/`+++` line: undefined for /dev/null; git ends a name with a space with a tab. */
function diffPath(text: string, prefix: string): string | undefined {
  const name = text.endsWith('\t') ? text.slice(0, -1) : text;
  if (name === '/dev/null') return undefined;
  const path = unquoteDiffPath(name);
  return path.startsWith(prefix) ? path.slice(prefix.length) : path;
}

/** git quotes paths with unusual bytes as C strings: "b/a\303\251.go". */
function unquoteDiffPath(path: string): string {
  if (!path.startsWith('"')) return path;
  const bytes: number[] = [];
  const escapes: Record<string, number> = { n: 10, t: 9, '"': 34, '\\': 92, a: 7, b: 8, f: 12, r: 13, v: 11 };
  for (let i = 1; i < path.length - 1; i++) {
    const c = path[i];
    if (c !== '\\') {
      bytes.push(...Buffer.from(c, 'utf8'));
      continue;
    }
    const next = path[i + 1];
    if (/[0-7]/.test(next)) {
      bytes.push(parseInt(path.slice(i + 1, i + 4), 8));
      i += 3;
    } else {
      bytes.push(escapes[next] ?? next.charCodeAt(0));
      i += 1;
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** Incremental parser of `git cat-file --batch` output: `<oid> <type> <size>\n<data>\n` records. */
class BatchParser {
  private pending: Buffer = Buffer.alloc(0);
  private body: Buffer[] = [];
  /** Bytes of the current record read so far (its body and trailing newline), and of them kept. */
  private bodyLength = 0;
  private keptLength = 0;
  private expected = -1;
  private keep = 0;
  private oid = '';
  private index = 0;

  constructor(
    private readonly onObject: (oid: string, data: Buffer | undefined, size: number) => void,
    private readonly keepBytes?: (index: number) => number
  ) {}

  push(chunk: Buffer): void {
    let data = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    this.pending = Buffer.alloc(0);
    while (data.length > 0) {
      if (this.expected < 0) {
        const newline = data.indexOf(10);
        if (newline < 0) {
          this.pending = data;
          return;
        }
        const header = data.subarray(0, newline).toString('utf8').split(' ');
        data = data.subarray(newline + 1);
        const index = this.index++;
        if (header[1] === 'missing' || header.length < 3) {
          this.onObject(header[0], undefined, 0);
          continue;
        }
        this.oid = header[0];
        this.expected = Number(header[2]);
        this.keep = Math.min(this.expected, this.keepBytes?.(index) ?? this.expected);
        this.body = [];
        this.bodyLength = 0;
        this.keptLength = 0;
      }
      // Collect the body plus its trailing newline; keep only the first `keep` bytes of the body.
      const need = this.expected + 1 - this.bodyLength;
      const take = Math.min(need, data.length);
      const kept = Math.min(take, this.keep - this.keptLength);
      if (kept > 0) {
        this.body.push(data.subarray(0, kept));
        this.keptLength += kept;
      }
      this.bodyLength += take;
      data = data.subarray(take);
      if (this.bodyLength === this.expected + 1) {
        const whole = this.body.length === 1 ? this.body[0] : Buffer.concat(this.body, this.keptLength);
        this.onObject(this.oid, whole.subarray(0, this.keptLength), this.expected);
        this.expected = -1;
        this.body = [];
      }
    }
  }

  finish(): void {
    if (this.expected >= 0 || this.pending.length > 0) {
      throw new GitError('git cat-file --batch ended in the middle of an object', -1);
    }
  }
}

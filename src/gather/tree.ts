// One interface over the two places a repository's files can come from: the working tree on disk
// and a git ref read from objects (no checkout needed). A ref is read with one `git ls-tree` and one
// `git cat-file --batch` process, never a process per file. Both read the same tree: regular files
// only, no symbolic link followed, each file read to a cap (see README "Which files count").
import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  openSync,
  readlinkSync,
  readSync,
  type Stats
} from 'node:fs';
import { join, posix } from 'node:path';
import { scanImports, type ImportScan } from '../go/module/imports.js';
import { dirOf, isGoModName } from '../go/module/layout.js';
import { Git } from './git.js';

export interface ReadRequest {
  /** Files to read whole (go.mod files; the sources and documents other readers want). */
  whole: readonly string[];
  /** .go files whose import header is scanned, reading no more of each than the scanner needs. */
  headers: readonly string[];
}

export interface ReadCallbacks {
  /** A whole file's bytes, or undefined and the reason when it can't be read. */
  onFile(path: string, data: Uint8Array | undefined, error?: string): void;
  onScan(path: string, scan: ImportScan | undefined, bytesRead: number, error?: string): void;
  /** Every whole file has been delivered; the headers follow (so work that needs go.mod can start). */
  onWholeDone?(): void;
  /**
   * Each header file's whole bytes, valid during the call only; undefined and the reason when the
   * file is over the size cap (its header was scanned all the same). Given, it makes a work-tree
   * file be read to its end (a ref's blobs stream whole anyway); most files fit in the first read.
   */
  onSource?(path: string, data: Uint8Array | undefined, error?: string): void;
}

export interface Tree {
  /** Where the files come from, for messages: a directory or a commit. */
  readonly description: string;
  /** Every file of the tree, symbolic links included (they are listed, never read). */
  listFiles(): Promise<string[]>;
  /** Reads everything the snapshot needs in one pass (for a ref: one cat-file process). */
  read(request: ReadRequest, callbacks: ReadCallbacks): Promise<void>;
}

/**
 * The go command rejects a module whose go.mod is larger (golang.org/x/mod/zip MaxGoMod, 16 MiB):
 * a larger one is never read, so a go.mod can never cost more than that.
 */
export const MAX_GO_MOD_BYTES = 16 << 20;
/**
 * No file of a module can be larger than the go command lets a whole module zip be unpacked
 * (golang.org/x/mod/zip MaxZipFile, 500 MiB). Of a larger .go file only the import header is read.
 */
export const MAX_FILE_BYTES = 500 << 20;
/** What a symbolic link's blob holds is a path: longer than this it is no path a system resolves. */
const MAX_LINK_BYTES = 4096;

/** The size caps; other values only in tests, which cannot afford files of 500 MiB. */
export interface ReadCaps {
  goMod: number;
  file: number;
}

export const DEFAULT_CAPS: ReadCaps = { goMod: MAX_GO_MOD_BYTES, file: MAX_FILE_BYTES };

/** The most of `path` that is read. */
function readLimitOf(path: string, caps: ReadCaps): number {
  return isGoModName(path) ? caps.goMod : caps.file;
}

/** Why a file over its cap is not read (the same words in the work tree and with --head). */
function tooLargeReason(path: string, caps: ReadCaps): string {
  const goMod = isGoModName(path);
  const limit = goMod ? caps.goMod : caps.file;
  const size = limit % (1 << 20) === 0 ? `${limit >> 20} MiB` : `${limit} bytes`;
  const why = goMod
    ? "the go command's limit for a go.mod"
    : 'the most the go command lets a whole module hold';
  return `it is larger than ${size}, ${why}`;
}

/**
 * Why a symbolic link is not read. Neither mode follows one: git stores the link, not the file it
 * names, and the go command leaves links out of module zips (golang.org/issue/27093), so what the
 * link names is not part of a release. Its target is named, and whether it leaves the repository.
 */
export function symlinkReason(path: string, target: string | undefined): string {
  if (target === undefined) return 'it is a symbolic link; symbolic links are not read';
  const resolved = posix.normalize(posix.join(posix.dirname(path), target));
  const outside = posix.isAbsolute(target) || resolved === '..' || resolved.startsWith('../');
  return `it is a symbolic link to ${JSON.stringify(target)}${outside ? ', outside the repository' : ''}; symbolic links are not read (the go command leaves them out of module zips)`;
}

/** Most Go files fit: a read of a few kilobytes costs what a read of one does, and gives the whole file. */
const FIRST_READ = 16384;
/** Header files read between two turns of the event loop. */
const YIELD_EVERY = 200;
/**
 * Opening never follows a link (the lstat before it says what the path is; O_NOFOLLOW closes the
 * gap until the open) nor waits (O_NONBLOCK: a FIFO swapped in meanwhile opens at once, and fstat
 * then refuses it). Windows has neither flag: there the lstat alone decides.
 */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

type Opened = { fd: number; size: number } | { error: string };

export class WorkingTree implements Tree {
  readonly description: string;
  private readonly git: Git;
  /** Why a directory's files cannot be read (it is a symbolic link, ...), null when they can. */
  private readonly dirProblems = new Map<string, string | null>([['.', null]]);

  constructor(
    readonly root: string,
    private readonly caps: ReadCaps = DEFAULT_CAPS
  ) {
    this.description = root;
    this.git = new Git(root);
  }

  listFiles(): Promise<string[]> {
    return this.git.workTreeFiles();
  }

  async read(request: ReadRequest, { onFile, onScan, onWholeDone, onSource }: ReadCallbacks): Promise<void> {
    for (const path of request.whole) {
      const read = this.readWhole(path);
      if ('error' in read) onFile(path, undefined, read.error);
      else onFile(path, read.data);
    }
    onWholeDone?.();
    let buffer: Buffer = Buffer.allocUnsafe(FIRST_READ);
    let sinceYield = 0;
    for (const path of request.headers) {
      // The reads are synchronous (fastest here); let the event loop turn now and then so that git
      // processes started meanwhile (onWholeDone's grep) get spawned and run beside this loop.
      if (++sinceYield === YIELD_EVERY) {
        sinceYield = 0;
        await new Promise(setImmediate);
      }
      const opened = this.open(path);
      if ('error' in opened) {
        onScan(path, undefined, 0, opened.error);
        continue;
      }
      const { fd, size } = opened;
      // One byte over the cap tells that the file is larger than it.
      const cap = readLimitOf(path, this.caps) + 1;
      try {
        let length = 0;
        let scan: ImportScan | undefined;
        for (;;) {
          // Once the header is scanned, the rest is wanted whole: room for the file, one byte over
          // so that the read that reaches its end comes back short.
          if (length === buffer.length) buffer = growBuffer(buffer, scan ? size + 1 : 0, cap);
          const end = Math.min(buffer.length, cap);
          const n = readSync(fd, buffer, length, end - length, length);
          length += n;
          const eof = n === 0 || length < end;
          if (!scan) {
            const scanned = scanImports(buffer.subarray(0, length), { eof });
            if (!scanned.needMore) scan = scanned;
          }
          if (eof || (scan && !onSource) || length === cap) break;
        }
        const over = length === cap;
        if (scan) onScan(path, scan, over ? length - 1 : length);
        else
          onScan(
            path,
            undefined,
            length - 1,
            `${tooLargeReason(path, this.caps)}, and its import header runs past that`
          );
        if (over) onSource?.(path, undefined, tooLargeReason(path, this.caps));
        else onSource?.(path, buffer.subarray(0, length));
      } catch (error) {
        onScan(path, undefined, 0, describeIoError(error));
      } finally {
        closeSync(fd);
      }
    }
  }

  /** A whole file, at most its cap. */
  private readWhole(path: string): { data: Buffer } | { error: string } {
    const opened = this.open(path);
    if ('error' in opened) return opened;
    const limit = readLimitOf(path, this.caps);
    try {
      if (opened.size > limit) return { error: tooLargeReason(path, this.caps) };
      // Room for one byte more than fstat said, so that a file that grew meanwhile shows it.
      let buffer: Buffer = Buffer.allocUnsafe(opened.size + 1);
      let length = 0;
      for (;;) {
        if (length === buffer.length) buffer = growBuffer(buffer, 0, limit + 1);
        const n = readSync(opened.fd, buffer, length, buffer.length - length, length);
        length += n;
        if (length > limit) return { error: tooLargeReason(path, this.caps) };
        if (n === 0 || length < buffer.length) return { data: buffer.subarray(0, length) };
      }
    } catch (error) {
      return { error: describeIoError(error) };
    } finally {
      closeSync(opened.fd);
    }
  }

  /**
   * Opens a regular file of the tree for reading, or says why not: a symbolic link (the file's or
   * one of its directories'), a directory, a FIFO, a device or a socket is never opened.
   */
  private open(path: string): Opened {
    const full = join(this.root, path);
    try {
      const dirProblem = this.dirProblem(dirOf(path));
      if (dirProblem) return { error: dirProblem };
      const before = lstatSync(full);
      if (before.isSymbolicLink()) return { error: symlinkReason(path, readLink(full)) };
      if (!before.isFile()) return { error: notRegular(before) };
      const fd = openSync(full, OPEN_FLAGS);
      const stat = fstatSync(fd);
      if (!stat.isFile()) {
        closeSync(fd);
        return { error: notRegular(stat) };
      }
      return { fd, size: stat.size };
    } catch (error) {
      const e = error as NodeJS.ErrnoException;
      // Swapped for a link between the lstat and the open (O_NOFOLLOW refused it).
      if (e.code === 'ELOOP' || e.code === 'EMLINK') return { error: symlinkReason(path, readLink(full)) };
      return { error: describeIoError(error) };
    }
  }

  /** Whether a directory (repository-relative) is reached without a symbolic link. */
  private dirProblem(dir: string): string | null {
    const known = this.dirProblems.get(dir);
    if (known !== undefined) return known;
    let problem = this.dirProblem(dirOf(dir));
    if (!problem) {
      const full = join(this.root, dir);
      let stat: Stats | undefined;
      try {
        stat = lstatSync(full);
      } catch {
        stat = undefined; // a missing directory: the open says so
      }
      if (stat?.isSymbolicLink())
        problem = `its directory ${dir} ${symlinkReason(dir, readLink(full)).slice(3)}`;
      else if (stat && !stat.isDirectory()) problem = `${dir} is not a directory`;
    }
    this.dirProblems.set(dir, problem);
    return problem;
  }
}

export class GitTree implements Tree {
  readonly description: string;
  /** The listing, asked once: the snapshot and the API comparison may both want it at the same time. */
  private entries?: Promise<{ blobs: Map<string, string>; links: Map<string, string> }>;

  constructor(
    private readonly git: Git,
    readonly ref: string,
    private readonly caps: ReadCaps = DEFAULT_CAPS
  ) {
    this.description = ref;
  }

  private listing(): Promise<{ blobs: Map<string, string>; links: Map<string, string> }> {
    this.entries ??= this.git.listTree(this.ref).then(entries => {
      const blobs = new Map<string, string>();
      const links = new Map<string, string>();
      for (const e of entries) (e.mode === '120000' ? links : blobs).set(e.path, e.oid);
      return { blobs, links };
    });
    return this.entries;
  }

  /** Each file's blob id, by path; symbolic links (mode 120000) are not files with contents. */
  async blobIds(): Promise<Map<string, string>> {
    return (await this.listing()).blobs;
  }

  /** Files and symbolic links, as the work tree lists both (submodules are no files of the tree). */
  async listFiles(): Promise<string[]> {
    const { blobs, links } = await this.listing();
    return [...blobs.keys(), ...links.keys()];
  }

  async read(request: ReadRequest, { onFile, onScan, onWholeDone, onSource }: ReadCallbacks): Promise<void> {
    const { blobs, links } = await this.listing();
    type Wanted = { path: string; whole: boolean; link: boolean; oid: string };
    const wanted: Wanted[] = [];
    const missing = `not in ${this.description}`;
    const want = (path: string, whole: boolean): boolean => {
      const link = links.get(path);
      const oid = link ?? blobs.get(path);
      if (oid !== undefined) wanted.push({ path, whole, link: link !== undefined, oid });
      return oid !== undefined;
    };
    for (const path of request.whole) if (!want(path, true)) onFile(path, undefined, missing);
    for (const path of request.headers) if (!want(path, false)) onScan(path, undefined, 0, missing);
    // Whole files come first in the stream: say when the last of them has arrived.
    const wholeCount = wanted.filter(w => w.whole).length;
    if (wholeCount === 0) onWholeDone?.();
    let next = 0;
    await this.git.readObjects(
      wanted.map(w => w.oid),
      (_oid, data, size) => {
        const { path, whole, link } = wanted[next++];
        const error = !data
          ? 'its object is missing from the repository'
          : link
            ? symlinkReason(path, size <= MAX_LINK_BYTES ? data.toString('utf8') : undefined)
            : size > readLimitOf(path, this.caps)
              ? tooLargeReason(path, this.caps)
              : undefined;
        if (whole) onFile(path, error ? undefined : data, error);
        else if (data && !link) {
          const eof = size <= readLimitOf(path, this.caps);
          const scan = scanImports(data, { eof });
          if (scan.needMore)
            onScan(path, undefined, data.length, `${error}, and its import header runs past that`);
          else onScan(path, scan, data.length);
          if (error) onSource?.(path, undefined, error);
          else onSource?.(path, data);
        } else onScan(path, undefined, 0, error);
        if (whole && next === wholeCount) onWholeDone?.();
      },
      i => (wanted[i].link ? MAX_LINK_BYTES : readLimitOf(wanted[i].path, this.caps))
    );
  }
}

function readLink(full: string): string | undefined {
  try {
    return readlinkSync(full);
  } catch {
    return undefined;
  }
}

/** Why a path that is no regular file (nor a link) is not read. */
function notRegular(stat: Stats): string {
  if (stat.isDirectory()) return 'it is a directory';
  const kind = stat.isFIFO()
    ? 'a named pipe (FIFO)'
    : stat.isSocket()
      ? 'a socket'
      : stat.isCharacterDevice()
        ? 'a character device'
        : stat.isBlockDevice()
          ? 'a block device'
          : 'of an unknown kind';
  return `it is ${kind}, not a regular file`;
}

/**
 * A larger buffer that starts with `buffer`'s bytes: `atLeast` long when that is larger, else 4x;
 * never longer than `atMost`.
 */
function growBuffer(buffer: Buffer, atLeast: number, atMost: number): Buffer {
  const wanted = atLeast > buffer.length ? atLeast : buffer.length * 4;
  const bigger = Buffer.allocUnsafe(Math.min(wanted, atMost));
  buffer.copy(bigger);
  return bigger;
}

function describeIoError(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  if (e.code === 'EISDIR') return 'it is a directory';
  if (e.code === 'ENOENT') return 'it does not exist in the working tree';
  if (e.code === 'EACCES') return 'permission denied';
  return e.message ?? String(error);
}

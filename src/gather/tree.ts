// One interface over the two places a repository's files can come from: the working tree on disk
// and a git ref read from objects (no checkout needed). A ref is read with one `git ls-tree` and one
// `git cat-file --batch` process, never a process per file.
import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { scanImports, type ImportScan } from '../go/module/imports.js';
import { Git } from './git.js';

export interface ReadRequest {
  /** Files to read whole (go.mod files). */
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
   * Each header file's whole bytes, valid during the call only. Given, it makes a work-tree file be
   * read to its end (a ref's blobs stream whole anyway); most files fit in the first read.
   */
  onSource?(path: string, data: Uint8Array): void;
}

export interface Tree {
  /** Where the files come from, for messages: a directory or a commit. */
  readonly description: string;
  listFiles(): Promise<string[]>;
  /** Reads everything the snapshot needs in one pass (for a ref: one cat-file process). */
  read(request: ReadRequest, callbacks: ReadCallbacks): Promise<void>;
}

/** Most Go files fit: a read of a few kilobytes costs what a read of one does, and gives the whole file. */
const FIRST_READ = 16384;
/** Header files read between two turns of the event loop. */
const YIELD_EVERY = 200;

export class WorkingTree implements Tree {
  readonly description: string;
  private readonly git: Git;

  constructor(readonly root: string) {
    this.description = root;
    this.git = new Git(root);
  }

  listFiles(): Promise<string[]> {
    return this.git.workTreeFiles();
  }

  async read(request: ReadRequest, { onFile, onScan, onWholeDone, onSource }: ReadCallbacks): Promise<void> {
    for (const path of request.whole) {
      try {
        onFile(path, readFileSync(join(this.root, path)));
      } catch (error) {
        onFile(path, undefined, describeIoError(error));
      }
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
      let fd: number | undefined;
      try {
        fd = openSync(`${this.root}/${path}`, 'r');
        let length = 0;
        let scan: ImportScan | undefined;
        for (;;) {
          // Once the header is scanned, the rest is wanted whole: room for the file, one byte over
          // so that the read that reaches its end comes back short.
          if (length === buffer.length) buffer = growBuffer(buffer, scan ? fstatSync(fd).size + 1 : 0);
          const n = readSync(fd, buffer, length, buffer.length - length, length);
          length += n;
          const eof = n === 0 || length < buffer.length;
          if (!scan) {
            const scanned = scanImports(buffer.subarray(0, length), { eof });
            if (!scanned.needMore) scan = scanned;
          }
          if (eof || (scan && !onSource)) break;
        }
        onScan(path, scan as ImportScan, length);
        onSource?.(path, buffer.subarray(0, length));
      } catch (error) {
        onScan(path, undefined, 0, describeIoError(error));
      } finally {
        if (fd !== undefined) closeSync(fd);
      }
    }
  }
}

export class GitTree implements Tree {
  readonly description: string;
  /** The listing, asked once: the snapshot and the API comparison may both want it at the same time. */
  private entries?: Promise<Map<string, string>>;

  constructor(
    private readonly git: Git,
    readonly ref: string
  ) {
    this.description = ref;
  }

  /** Each file's blob id, by path. */
  blobIds(): Promise<Map<string, string>> {
    // Symbolic links (mode 120000) and submodules are not files of the module.
    this.entries ??= this.git
      .listTree(this.ref)
      .then(entries => new Map(entries.filter(e => e.mode !== '120000').map(e => [e.path, e.oid])));
    return this.entries;
  }

  async listFiles(): Promise<string[]> {
    return [...(await this.blobIds()).keys()];
  }

  async read(request: ReadRequest, { onFile, onScan, onWholeDone, onSource }: ReadCallbacks): Promise<void> {
    const ids = await this.blobIds();
    const wanted: { path: string; whole: boolean }[] = [];
    const missing = `not in ${this.description}`;
    for (const path of request.whole) {
      if (ids.has(path)) wanted.push({ path, whole: true });
      else onFile(path, undefined, missing);
    }
    for (const path of request.headers) {
      if (ids.has(path)) wanted.push({ path, whole: false });
      else onScan(path, undefined, 0, missing);
    }
    // Whole files come first in the stream: say when the last of them has arrived.
    const wholeCount = wanted.filter(w => w.whole).length;
    if (wholeCount === 0) onWholeDone?.();
    let next = 0;
    await this.git.readObjects(
      wanted.map(w => ids.get(w.path) as string),
      (_oid, data) => {
        const { path, whole } = wanted[next++];
        const error = data ? undefined : 'object missing from the repository';
        if (whole) onFile(path, data, error);
        else if (data) {
          onScan(path, scanImports(data, { eof: true }), data.length);
          onSource?.(path, data);
        } else onScan(path, undefined, 0, error);
        if (whole && next === wholeCount) onWholeDone?.();
      }
    );
  }
}

/** A larger buffer that starts with `buffer`'s bytes: `atLeast` long when that is larger, else 4x. */
function growBuffer(buffer: Buffer, atLeast: number): Buffer {
  const bigger = Buffer.allocUnsafe(atLeast > buffer.length ? atLeast : buffer.length * 4);
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

// One interface over the two places a repository's files can come from: the working tree on disk
// and a git ref read from objects (no checkout needed). A ref is read with one `git ls-tree` and one
// `git cat-file --batch` process, never a process per file.
import { closeSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { scanImports, type ImportScan } from '../go/imports.js';
import { Git } from './git.js';

export interface Tree {
  /** Where the files come from, for messages: a directory or `ref`. */
  readonly description: string;
  listFiles(): Promise<string[]>;
  /** Reads whole files; `onFile` gets the bytes, or `undefined` and the reason when a file can't be read. */
  readFiles(paths: readonly string[], onFile: (path: string, data: Uint8Array | undefined, error?: string) => void): Promise<void>;
  /** Scans the import header of .go files, reading no more of each file than the scanner needs. */
  scanGoFiles(
    paths: readonly string[],
    onScan: (path: string, scan: ImportScan | undefined, bytesRead: number, error?: string) => void
  ): Promise<void>;
}

const FIRST_READ = 4096;

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

  async readFiles(
    paths: readonly string[],
    onFile: (path: string, data: Uint8Array | undefined, error?: string) => void
  ): Promise<void> {
    for (const path of paths) {
      try {
        onFile(path, readWhole(join(this.root, path)));
      } catch (error) {
        onFile(path, undefined, describeIoError(error));
      }
    }
  }

  async scanGoFiles(
    paths: readonly string[],
    onScan: (path: string, scan: ImportScan | undefined, bytesRead: number, error?: string) => void
  ): Promise<void> {
    let buffer: Buffer = Buffer.allocUnsafe(FIRST_READ);
    for (const path of paths) {
      let fd: number | undefined;
      try {
        fd = openSync(join(this.root, path), 'r');
        let length = 0;
        for (;;) {
          if (length === buffer.length) buffer = growBuffer(buffer);
          const n = readSync(fd, buffer, length, buffer.length - length, length);
          length += n;
          const eof = n === 0 || length < buffer.length;
          const scan = scanImports(buffer.subarray(0, length), { eof });
          if (!scan.needMore) {
            onScan(path, scan, length);
            break;
          }
        }
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
  private entries?: Map<string, string>;

  constructor(
    private readonly git: Git,
    readonly ref: string
  ) {
    this.description = ref;
  }

  private async blobIds(): Promise<Map<string, string>> {
    if (!this.entries) {
      const entries = await this.git.listTree(this.ref);
      // Symbolic links (mode 120000) and submodules are not files of the module.
      this.entries = new Map(entries.filter(e => e.mode !== '120000').map(e => [e.path, e.oid]));
    }
    return this.entries;
  }

  async listFiles(): Promise<string[]> {
    return [...(await this.blobIds()).keys()];
  }

  async readFiles(
    paths: readonly string[],
    onFile: (path: string, data: Uint8Array | undefined, error?: string) => void
  ): Promise<void> {
    const ids = await this.blobIds();
    const wanted = paths.filter(p => ids.has(p));
    for (const p of paths) if (!ids.has(p)) onFile(p, undefined, `not in ${this.ref}`);
    let next = 0;
    await this.git.readObjects(
      wanted.map(p => ids.get(p) as string),
      (_oid, data) => {
        const path = wanted[next++];
        onFile(path, data, data ? undefined : `object missing from the repository`);
      }
    );
  }

  async scanGoFiles(
    paths: readonly string[],
    onScan: (path: string, scan: ImportScan | undefined, bytesRead: number, error?: string) => void
  ): Promise<void> {
    await this.readFiles(paths, (path, data, error) => {
      if (!data) onScan(path, undefined, 0, error);
      else onScan(path, scanImports(data, { eof: true }), data.length);
    });
  }
}

function readWhole(path: string): Buffer {
  const fd = openSync(path, 'r');
  try {
    const chunks: Buffer[] = [];
    for (;;) {
      const chunk = Buffer.allocUnsafe(65536);
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(chunk.subarray(0, n));
    }
    return Buffer.concat(chunks);
  } finally {
    closeSync(fd);
  }
}

function growBuffer(buffer: Buffer): Buffer {
  const bigger = Buffer.allocUnsafe(buffer.length * 4);
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

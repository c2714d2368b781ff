// Reads the configuration file from the tree being checked (the working tree, or --head's commit),
// or from an explicit path. The parsing is src/config/parse.ts's.
import { readFileSync } from 'node:fs';
import { CONFIG_FILE, ConfigError, parseConfig, type Config } from '../config/parse.js';
import type { Tree } from './tree.js';

/** A config larger than this is no configuration file. */
const MAX_CONFIG_BYTES = 1 << 20;

export type ConfigSource =
  /** The repository's own `.go-major-gate.yml`, or a repository-relative path, read from the tree checked. */
  | { kind: 'tree'; path: string; required: boolean }
  /** A file of the local file system (the CLI's --config). */
  | { kind: 'file'; path: string; label: string };

/** The default: the repository's `.go-major-gate.yml`, when the tree checked has one. */
export const DEFAULT_CONFIG: ConfigSource = { kind: 'tree', path: CONFIG_FILE, required: false };

/**
 * The configuration, or undefined when the default file is absent. Throws ConfigError (exit 2 with
 * `file:line: message`) for a file that is named but missing, unreadable, too large or invalid.
 */
export async function readConfig(
  source: ConfigSource,
  tree: Tree,
  files: readonly string[]
): Promise<Config | undefined> {
  if (source.kind === 'file') return parseConfig(decode(readLocal(source), source.label), source.label);
  if (!files.includes(source.path)) {
    if (source.required) throw new ConfigError(source.path, 1, `no such file in ${tree.description}`);
    return undefined;
  }
  let data: Uint8Array | undefined;
  let problem: string | undefined;
  await tree.read(
    { whole: [source.path], headers: [] },
    {
      onFile: (_path, bytes, error) => {
        data = bytes;
        problem = error;
      },
      onScan: () => undefined
    }
  );
  if (!data) throw new ConfigError(source.path, 1, `cannot be read: ${problem ?? 'unknown error'}`);
  return parseConfig(decode(data, source.path), source.path);
}

function readLocal(source: { path: string; label: string }): Uint8Array {
  try {
    return readFileSync(source.path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConfigError(
      source.label,
      1,
      code === 'ENOENT' ? 'no such file' : `cannot be read (${code ?? 'error'})`
    );
  }
}

function decode(data: Uint8Array, file: string): string {
  if (data.length > MAX_CONFIG_BYTES) throw new ConfigError(file, 1, `larger than ${MAX_CONFIG_BYTES} bytes`);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    throw new ConfigError(file, 1, 'not UTF-8 text');
  }
}

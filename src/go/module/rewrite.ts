// A major bump rewrites the module's own import paths in every file (`m/v2/x` -> `m/v3/x`). Whether
// a file changed only that way is a question of bytes: rebuild the blob it would have had with those
// paths moved back, and compare that blob's id with the one git lists for it at the comparison
// point. Then the file declares what it did, and neither side needs to be read or parsed again.
import { createHash } from 'node:crypto';
import type { ImportSpec } from './imports.js';

/** git's object ids: SHA-1, or SHA-256 in a repository made with --object-format=sha256. */
export type ObjectFormat = 'sha1' | 'sha256';

/** A module path's move, `from` -> `to`, with both spelled in UTF-8 once. */
export interface ModuleMove {
  from: string;
  to: string;
  fromBytes: Uint8Array;
  toBytes: Uint8Array;
}

export function moduleMove(from: string, to: string): ModuleMove {
  const encoder = new TextEncoder();
  return { from, to, fromBytes: encoder.encode(from), toBytes: encoder.encode(to) };
}

/**
 * The git blob id of `data` with the literals of its imports of `move.to` (and its packages) moved
 * back to `move.from`; undefined when it has no such literal spelled out plainly (an escape in it,
 * or none at all: then a changed file did not change by a move).
 */
export function movedBackBlobId(
  data: Uint8Array,
  imports: readonly ImportSpec[],
  move: ModuleMove,
  format: ObjectFormat
): string | undefined {
  const { to, toBytes, fromBytes } = move;
  // The pieces of the old file: the bytes between moved paths, and the old path in each gap.
  const pieces: Uint8Array[] = [];
  let from = 0;
  for (const spec of imports) {
    if (spec.path !== to && !spec.path.startsWith(`${to}/`)) continue;
    const start = spec.offset + 1;
    if (!spellsAt(data, toBytes, start)) return undefined;
    const next = data[start + toBytes.length];
    if (next !== 0x2f /* / */ && next !== data[spec.offset]) return undefined;
    pieces.push(data.subarray(from, start), fromBytes);
    from = start + toBytes.length;
  }
  if (pieces.length === 0) return undefined;
  pieces.push(data.subarray(from));
  const size = data.length + ((pieces.length - 1) / 2) * (fromBytes.length - toBytes.length);
  const hash = createHash(format).update(`blob ${size}\0`);
  for (const piece of pieces) hash.update(piece);
  return hash.digest('hex');
}

function spellsAt(data: Uint8Array, bytes: Uint8Array, at: number): boolean {
  if (at + bytes.length > data.length) return false;
  for (let i = 0; i < bytes.length; i++) if (data[at + i] !== bytes[i]) return false;
  return true;
}

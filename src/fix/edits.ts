// Text edits, pure. Two kinds: byte-offset edits (go.mod, whose parser gives byte offsets) and
// line/column edits (findings and references: 1-based lines, columns in code points, on one line).

/** Replace bytes [start, end) with `text`. */
export interface ByteEdit {
  start: number;
  end: number;
  text: string;
}

/** Replace [line:column, line:endColumn) with `corrected`: one line, 1-based, columns in code points. */
export interface LineEdit {
  line: number;
  column: number;
  endColumn: number;
  corrected: string;
}

/** A LineEdit in a named file (repository-relative path with forward slashes). */
export interface FileEdit extends LineEdit {
  file: string;
}

/** Applies non-overlapping byte edits; throws when two overlap. */
export function applyByteEdits(data: Uint8Array, edits: readonly ByteEdit[]): Uint8Array {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [];
  let at = 0;
  for (const e of sorted) {
    // Two removals may share the blank line between them (each tidies its own side): one removal.
    if (e.start < at && e.text === '' && parts.length > 0 && parts[parts.length - 1].length === 0) {
      at = Math.max(at, e.end);
      continue;
    }
    if (e.start < at || e.end < e.start || e.end > data.length)
      throw new Error('overlapping or invalid edit');
    parts.push(data.subarray(at, e.start), encoder.encode(e.text));
    at = e.end;
  }
  parts.push(data.subarray(at));
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

/**
 * Applies line/column edits to a text. Returns undefined when an edit does not fit the text (a line
 * or column out of range) or two edits overlap: the caller then leaves the file alone. An edit whose
 * span already holds `corrected` changes nothing, so applying the same edits twice is harmless.
 */
export function applyLineEdits(text: string, edits: readonly LineEdit[]): string | undefined {
  const lines = text.split('\n');
  const byLine = new Map<number, LineEdit[]>();
  for (const e of edits) byLine.set(e.line, [...(byLine.get(e.line) ?? []), e]);
  for (const [line, list] of byLine) {
    if (line < 1 || line > lines.length) return undefined;
    const chars = [...lines[line - 1]];
    list.sort((a, b) => b.column - a.column);
    let limit = chars.length + 1;
    for (const e of list) {
      if (e.column < 1 || e.endColumn < e.column || e.endColumn > limit) return undefined;
      chars.splice(e.column - 1, e.endColumn - e.column, ...e.corrected);
      limit = e.column;
    }
    lines[line - 1] = chars.join('');
  }
  return lines.join('\n');
}

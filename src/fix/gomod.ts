// go.mod edits on top of the spans of ../go/module/modfile.ts. Pure. Each edit keeps the file's own
// layout: a token is replaced in place (with the quoting it had), and a directive is removed with its
// whole line (and its block when the block is left empty).
import type { Span } from '../go/module/modfile.js';
import type { ByteEdit } from './edits.js';

/** Replaces the token at `span` (a path or a version) with `value`, keeping the quotes it had. */
export function replaceToken(data: Uint8Array, span: Span, value: string): ByteEdit {
  const first = data[span.start.byte];
  const quote = first === 0x22 ? '"' : first === 0x60 ? '`' : '';
  return { start: span.start.byte, end: span.end.byte, text: `${quote}${value}${quote}` };
}

/**
 * Removes the directive whose line span is `span`: the whole line with its comment. A one-line
 * directive (`require p v`) goes with its keyword; a line of a block goes alone (dropEmptiedBlocks
 * then removes a block left empty). Undefined when the line holds more than the directive (then the
 * caller keeps the line and says so).
 */
export function removeDirective(data: Uint8Array, span: Span, verb: string): ByteEdit | undefined {
  const text = new TextDecoder().decode(data);
  const bytes = (s: string) => new TextEncoder().encode(s).length;
  const startLine = text.lastIndexOf('\n', charIndex(text, span.start.byte) - 1) + 1;
  const nl = text.indexOf('\n', charIndex(text, span.end.byte));
  const endLine = nl < 0 ? text.length : nl + 1;
  const lineText = text.slice(startLine, endLine);
  const before = text.slice(startLine, charIndex(text, span.start.byte));
  const after = text.slice(charIndex(text, span.end.byte), endLine);
  if (!/^\s*(\/\/.*)?\s*$/.test(after)) return undefined;
  const single = new RegExp(`^\\s*${verb}\\s+$`).test(before) || new RegExp(`^\\s*${verb}\\s`).test(lineText);
  if (!single && !/^\s*$/.test(before)) return undefined;
  const [start, end] = withoutDoubleBlank(text, startLine, endLine);
  return { start: bytes(text.slice(0, start)), end: bytes(text.slice(0, end)), text: '' };
}

/**
 * The blocks that removals left empty (`require (` then `)`, nothing but blank lines between), removed
 * too, as `go mod tidy` would. Only for a verb with more empty blocks after than before, so the
 * file's own empty blocks stay; nothing is done to a file that is not valid UTF-8.
 */
export function dropEmptiedBlocks(before: Uint8Array, after: Uint8Array): Uint8Array {
  const decoder = new TextDecoder();
  let text = decoder.decode(after);
  const encoded = new TextEncoder().encode(text);
  if (!Buffer.from(encoded).equals(after)) return after;
  const empty = /(?<=^|\n)[ \t]*([a-z]+)[ \t]*\([ \t]*\r?\n(?:[ \t]*\r?\n)*[ \t]*\)[ \t]*(?:\r?\n|$)/g;
  const counts = (t: string) => {
    const byVerb = new Map<string, number>();
    for (const m of t.matchAll(empty)) byVerb.set(m[1], (byVerb.get(m[1]) ?? 0) + 1);
    return byVerb;
  };
  const was = counts(decoder.decode(before));
  const emptied = [...counts(text)].filter(([verb, n]) => n > (was.get(verb) ?? 0)).map(([verb]) => verb);
  const blocks = [...text.matchAll(empty)].filter(m => emptied.includes(m[1]));
  for (const m of blocks.reverse()) {
    const [start, end] = withoutDoubleBlank(text, m.index as number, (m.index as number) + m[0].length);
    text = text.slice(0, start) + text.slice(end);
  }
  return new TextEncoder().encode(text);
}

/**
 * The lines [start, end) to remove, widened so that no two blank lines are left where there was one:
 * the blank line after them goes too when one stands before, or the one before at the end of the file.
 */
function withoutDoubleBlank(text: string, start: number, end: number): [number, number] {
  const prevBlank = start === 0 || text.slice(0, start).endsWith('\n\n');
  if (prevBlank && text.startsWith('\n', end)) return [start, end + 1];
  if (prevBlank && end >= text.length && start > 0) return [start - 1, end];
  return [start, end];
}

/** The index in `text` (UTF-16) of byte offset `byte` of its UTF-8 encoding. */
function charIndex(text: string, byte: number): number {
  let b = 0;
  let i = 0;
  while (i < text.length && b < byte) {
    const cp = text.codePointAt(i) as number;
    b += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    i += cp >= 0x10000 ? 2 : 1;
  }
  return i;
}

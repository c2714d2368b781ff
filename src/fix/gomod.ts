// go.mod edits on top of the spans of ../go/modfile.ts. Pure. Each edit keeps the file's own
// layout: a token is replaced in place (with the quoting it had), and a directive is removed with its
// whole line (and its block when the block is left empty).
import type { Span } from '../go/modfile.js';
import type { ByteEdit } from './edits.js';

/** Replaces the token at `span` (a path or a version) with `value`, keeping the quotes it had. */
export function replaceToken(data: Uint8Array, span: Span, value: string): ByteEdit {
  const first = data[span.start.byte];
  const quote = first === 0x22 ? '"' : first === 0x60 ? '`' : '';
  return { start: span.start.byte, end: span.end.byte, text: `${quote}${value}${quote}` };
}

/**
 * Removes the directive whose line span is `span`: the whole line with its comment. A one-line
 * directive (`require p v`) goes with its keyword; a line of a block goes alone, and the block too
 * when nothing else is left in it. Undefined when the line holds more than the directive (then the
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
  let start = startLine;
  let end = endLine;
  if (!single) {
    // The block: `verb (` … `)`. Remove it when this is its only line.
    const open = text.slice(0, startLine).match(new RegExp(`(^|\\n)([ \\t]*${verb}[ \\t]*\\([ \\t]*\\n)$`));
    const close = text.slice(endLine).match(/^[ \t]*\)[ \t]*(\n|$)/);
    if (open && close) {
      start = startLine - open[2].length;
      end = endLine + close[0].length;
    }
  }
  // Do not leave two blank lines where there was one.
  const prevBlank = start === 0 || text.slice(0, start).endsWith('\n\n');
  const nextBlank = text.slice(end).startsWith('\n');
  if (prevBlank && nextBlank) end += 1;
  else if (prevBlank && end >= text.length && start > 0) start -= 1;
  return { start: bytes(text.slice(0, start)), end: bytes(text.slice(0, end)), text: '' };
}

/**
 * The blocks that removals left empty (`require (` then `)`, nothing but blank lines between), removed
 * too, as `go mod tidy` would: removeDirective sees one line at a time, so a block whose every line
 * goes is left behind. Only for a verb with more empty blocks after than before, so the file's own
 * empty blocks otherwise stay; nothing is done to a file that is not valid UTF-8.
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
    let start = m.index as number;
    let end = start + m[0].length;
    // Do not leave two blank lines where there was one (as removeDirective).
    const prevBlank = start === 0 || text.slice(0, start).endsWith('\n\n');
    if (prevBlank && text.startsWith('\n', end)) end += 1;
    else if (prevBlank && end >= text.length && start > 0) start -= 1;
    text = text.slice(0, start) + text.slice(end);
  }
  return new TextEncoder().encode(text);
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

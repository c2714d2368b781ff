// Rewrites the import paths of one Go source file and keeps it gofmt-clean. Pure: bytes in, bytes out.
//
// Only the import header changes (the bytes up to where go/build stops reading); the rest of the file
// is copied byte for byte. After the paths are replaced, the header is brought to the shape gofmt
// (go1.19: go/ast SortImports, go/printer) would give it, which matters because a new path can sort
// elsewhere and has another length:
// - each run of import specs on consecutive lines inside `import ( … )` is sorted by path, then
//   name, then trailing comment (a blank line or a comment line ends a run); a spec without a
//   trailing comment that equals the next one (same path and name) is dropped, as gofmt does;
// - a rewritten raw string literal is written as an interpreted one, as go/printer does;
// - trailing comments of consecutive spec lines are aligned again (gofmt's tabwriter: one space
//   after the widest spec of each run of consecutive lines that all carry a trailing comment).
// A header whose layout this cannot follow safely (two specs on one line, a comment before a spec
// on its line, a group that needs sorting but is not one spec per line) is reported as unsafe and
// the file is not changed.
import { scanImports } from '../go/module/imports.js';

export interface ImportChange {
  /** Position of the literal in the original file: 1-based line, column in code points. */
  line: number;
  column: number;
  from: string;
  to: string;
}

export type GoFileResult =
  | { kind: 'unchanged'; imports: string[] }
  | { kind: 'changed'; data: Uint8Array; changes: ImportChange[]; imports: string[] }
  | { kind: 'unsafe'; reason: string; line?: number; column?: number };

/** Returns the new import path for `path`, or undefined to keep it. */
export type PathRewrite = (path: string) => string | undefined;

interface Tok {
  kind: 'ident' | 'string' | 'punct';
  start: number;
  end: number;
  text: string;
}

interface Comment {
  start: number;
  end: number;
}

interface Spec {
  decl: number;
  grouped: boolean;
  /** Offset of the `import` keyword of the declaration. */
  declStart: number;
  /** Offset of the name, or of the literal when there is none. */
  start: number;
  litStart: number;
  end: number;
  name?: string;
  path: string;
  newPath: string;
  line: number;
}

class UnsafeHeader extends Error {}

/** Rewrites the import paths of a Go file for which `rewrite` gives a new path. */
export function rewriteGoFile(data: Uint8Array, rewrite: PathRewrite): GoFileResult {
  const scan = scanImports(data, { eof: true });
  if (scan.error) {
    return {
      kind: 'unsafe',
      reason: `the import header could not be read: ${scan.error.message}`,
      line: scan.error.line,
      column: scan.error.column
    };
  }
  const paths = scan.imports.map(s => s.path);
  const targets = paths.map(p => rewrite(p));
  if (targets.every((t, i) => t === undefined || t === paths[i]))
    return { kind: 'unchanged', imports: paths };
  let header: string;
  try {
    header = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(data.subarray(0, scan.end));
  } catch {
    return { kind: 'unsafe', reason: 'the import header is not valid UTF-8' };
  }
  try {
    const rewritten = rewriteHeader(header, paths, targets);
    const head = new TextEncoder().encode(rewritten.header);
    const out = new Uint8Array(head.length + data.length - scan.end);
    out.set(head, 0);
    out.set(data.subarray(scan.end), head.length);
    const changes = scan.imports.flatMap((s, i): ImportChange[] => {
      const to = targets[i];
      return to === undefined || to === s.path ? [] : [{ line: s.line, column: s.column, from: s.path, to }];
    });
    return { kind: 'changed', data: out, changes, imports: rewritten.imports };
  } catch (error) {
    if (error instanceof UnsafeHeader) return { kind: 'unsafe', reason: error.message };
    throw error;
  }
}

/** The import paths of a file's header, or undefined when the header cannot be read. */
export function importPathsOf(data: Uint8Array): string[] | undefined {
  const scan = scanImports(data, { eof: true });
  return scan.error ? undefined : scan.imports.map(s => s.path);
}

// ---------------------------------------------------------------------------------------------
// The header: tokens, declarations, specs

function lex(s: string): { toks: Tok[]; comments: Comment[] } {
  const toks: Tok[] = [];
  const comments: Comment[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (c === ' ' || c === '\t' || c === '\r' || c === '\n' || c === '\f' || c === '\ufeff') {
      i++;
    } else if (s.startsWith('//', i)) {
      const nl = s.indexOf('\n', i);
      const end = nl < 0 ? s.length : nl;
      comments.push({ start: i, end });
      i = end;
    } else if (s.startsWith('/*', i)) {
      const close = s.indexOf('*/', i + 2);
      if (close < 0) throw new UnsafeHeader('unterminated comment in the import header');
      comments.push({ start: i, end: close + 2 });
      i = close + 2;
    } else if (c === '"') {
      let j = i + 1;
      while (j < s.length && s[j] !== '"') j += s[j] === '\\' ? 2 : 1;
      toks.push({ kind: 'string', start: i, end: j + 1, text: s.slice(i, j + 1) });
      i = j + 1;
    } else if (c === '`') {
      const close = s.indexOf('`', i + 1);
      if (close < 0) throw new UnsafeHeader('unterminated raw string in the import header');
      toks.push({ kind: 'string', start: i, end: close + 1, text: s.slice(i, close + 1) });
      i = close + 1;
    } else if (c === '(' || c === ')' || c === ';' || c === '.') {
      toks.push({ kind: 'punct', start: i, end: i + 1, text: c });
      i++;
    } else {
      const m = /^[\p{L}_][\p{L}\p{Nd}_]*/u.exec(s.slice(i, i + 256));
      if (!m) throw new UnsafeHeader(`unexpected character ${JSON.stringify(c)} in the import header`);
      toks.push({ kind: 'ident', start: i, end: i + m[0].length, text: m[0] });
      i += m[0].length;
    }
  }
  return { toks, comments };
}

function parseSpecs(s: string, toks: Tok[]): Omit<Spec, 'line' | 'path' | 'newPath'>[] {
  const t = toks.filter(x => x.text !== ';' || x.kind !== 'punct');
  let i = 0;
  const want = (ok: boolean, what: string) => {
    if (!ok) throw new UnsafeHeader(`unexpected header layout: expected ${what}`);
  };
  want(t[i]?.text === 'package', '"package"');
  i++;
  want(t[i]?.kind === 'ident', 'the package name');
  i++;
  const specs: Omit<Spec, 'line' | 'path' | 'newPath'>[] = [];
  let decl = 0;
  const readSpec = (grouped: boolean, declStart: number) => {
    let name: string | undefined;
    const start = t[i]?.start ?? s.length;
    if (t[i]?.kind === 'ident' || t[i]?.text === '.') name = t[i++].text;
    want(t[i]?.kind === 'string', 'an import path');
    const lit = t[i++];
    specs.push({
      decl,
      grouped,
      declStart,
      start,
      litStart: lit.start,
      end: lit.end,
      ...(name ? { name } : {})
    });
  };
  while (i < t.length && t[i].text === 'import') {
    const declStart = t[i++].start;
    if (t[i]?.text === '(') {
      i++;
      while (i < t.length && t[i].text !== ')') readSpec(true, declStart);
      want(t[i]?.text === ')', '")"');
      i++;
    } else {
      readSpec(false, declStart);
    }
    decl++;
  }
  want(i === t.length, 'the end of the import header');
  return specs;
}

interface LineInfo {
  /** The line holds exactly this one spec, preceded by indentation only (or `import ` for a single declaration), followed by nothing but complete comments. */
  simple: boolean;
  /** For a simple line: the text before the code, the code, and the trailing comments (without the space before them). */
  indent: string;
  code: string;
  comment: string;
  rest: string;
}

function rewriteHeader(
  header: string,
  paths: string[],
  targets: (string | undefined)[]
): { header: string; imports: string[] } {
  const { toks, comments } = lex(header);
  const raw = parseSpecs(header, toks);
  if (raw.length !== paths.length) throw new UnsafeHeader('the import header was read differently');
  const lineStarts = [0];
  for (let k = 0; k < header.length; k++) if (header[k] === '\n') lineStarts.push(k + 1);
  const lineOf = (offset: number) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const specs: Spec[] = raw.map((r, k) => ({
    ...r,
    line: lineOf(r.litStart),
    path: paths[k],
    newPath: targets[k] ?? paths[k]
  }));
  const lines = header.split('\n');
  const info = describeLines(header, specs, comments, lineStarts, lineOf, lines);

  // Sort each run of a group the way gofmt does, and drop duplicates.
  const touched = new Set<number>(specs.filter(sp => sp.newPath !== sp.path).map(sp => sp.line));
  const removed = new Set<number>();
  const kept = sortRuns(specs, lines, info, touched, removed);

  checkNoDuplicates(kept);
  alignComments(lines, info, touched, removed);

  const out = lines.filter((_, ln) => !removed.has(ln)).join('\n');
  return { header: out, imports: kept.map(sp => sp.newPath) };
}

/** Describes each spec's line, with the literal already rewritten in `lines`. */
function describeLines(
  header: string,
  specs: Spec[],
  comments: Comment[],
  lineStarts: number[],
  lineOf: (offset: number) => number,
  lines: string[]
): Map<number, LineInfo> {
  const specsOnLine = new Map<number, number>();
  for (const sp of specs) specsOnLine.set(sp.line, (specsOnLine.get(sp.line) ?? 0) + 1);

  const info = new Map<number, LineInfo>();
  for (const sp of specs) {
    const base = lineStarts[sp.line];
    const text = lines[sp.line];
    const codeStart = sp.grouped ? sp.start : sp.declStart;
    const before = header.slice(base, codeStart);
    const lit = header.slice(sp.litStart, sp.end);
    const changed = sp.newPath !== sp.path;
    const newLit = changed ? goQuotePath(sp.newPath) : lit;
    const code = header.slice(codeStart, sp.litStart) + newLit;
    const rest = text.slice(sp.end - base);
    const comment = trailingComments(rest);
    const simple =
      specsOnLine.get(sp.line) === 1 &&
      lineOf(codeStart) === sp.line &&
      /^[ \t\ufeff]*$/.test(before) &&
      comment !== undefined &&
      !comments.some(c => c.start > codeStart && c.start < sp.litStart);
    info.set(sp.line, {
      simple,
      indent: before,
      code,
      comment: comment ?? '',
      rest
    });
    if (changed) {
      // Replace the literal in place; a line that is not simple keeps all its other text.
      lines[sp.line] = text.slice(0, sp.litStart - base) + newLit + rest;
    }
  }
  return info;
}

/** Sorts each run of a group the way gofmt does and drops duplicates, in `lines` and `info`; notes
 * the lines it changes in `touched` and those it drops in `removed`. Returns the specs kept. */
function sortRuns(
  specs: Spec[],
  lines: string[],
  info: Map<number, LineInfo>,
  touched: Set<number>,
  removed: Set<number>
): Spec[] {
  const kept: Spec[] = [];
  const runs: Spec[][] = [];
  for (const sp of specs) {
    const run = runs[runs.length - 1];
    const prev = run?.[run.length - 1];
    if (sp.grouped && prev && prev.decl === sp.decl && sp.line <= prev.line + 1) run.push(sp);
    else runs.push([sp]);
  }
  for (const run of runs) {
    // Alignment groups never cross a run's end (a blank or comment line), so a changed run is realigned whole.
    if (run.some(sp => sp.newPath !== sp.path)) for (const sp of run) touched.add(sp.line);
    if (run.length <= 1 || !run[0].grouped || run.every(sp => sp.newPath === sp.path)) {
      kept.push(...run);
      continue;
    }
    const key = (sp: Spec) => ({
      path: sp.newPath,
      name: sp.name ?? '',
      comment: commentText((info.get(sp.line) as LineInfo).comment)
    });
    const sorted = [...run].sort((a, b) => {
      const ka = key(a);
      const kb = key(b);
      return compareGo(ka.path, kb.path) || compareGo(ka.name, kb.name) || compareGo(ka.comment, kb.comment);
    });
    const deduped = sorted.filter((sp, k) => {
      const next = sorted[k + 1];
      if (!next) return true;
      const a = key(sp);
      const b = key(next);
      return !(a.path === b.path && a.name === b.name && a.comment === '');
    });
    const same = deduped.length === run.length && deduped.every((sp, k) => sp === run[k]);
    if (same) {
      kept.push(...run);
      continue;
    }
    if (run.some(sp => !(info.get(sp.line) as LineInfo).simple)) {
      throw new UnsafeHeader(
        `the import group at line ${run[0].line + 1} needs sorting but is not one import per line (run gofmt first)`
      );
    }
    const texts = deduped.map(sp => lines[sp.line]);
    const infos = deduped.map(sp => info.get(sp.line) as LineInfo);
    run.forEach((sp, k) => {
      if (k < deduped.length) {
        lines[sp.line] = texts[k];
        info.set(sp.line, infos[k]);
        if (deduped[k] !== sp) touched.add(sp.line);
      } else {
        removed.add(sp.line);
      }
    });
    kept.push(...deduped);
  }
  return kept;
}

/** A remaining duplicate (in another run or declaration) would not compile: leave it to a person. */
function checkNoDuplicates(kept: Spec[]): void {
  const seen = new Map<string, Spec>();
  for (const sp of kept) {
    if (sp.name === '_') continue;
    const id = `${sp.name ?? ''} ${sp.newPath}`;
    const other = seen.get(id);
    if (other && other.path !== sp.path) {
      throw new UnsafeHeader(
        `the file would import "${sp.newPath}" twice (lines ${other.line + 1} and ${sp.line + 1})`
      );
    }
    seen.set(id, sp);
  }
}

/** Aligns the trailing comments of each run of consecutive commented spec lines that changed. */
function alignComments(
  lines: string[],
  info: Map<number, LineInfo>,
  touched: Set<number>,
  removed: Set<number>
): void {
  const commented = (ln: number) => {
    const li = info.get(ln);
    return li !== undefined && !removed.has(ln) && li.simple && li.comment !== '';
  };
  const lineNumbers = [...info.keys()].sort((a, b) => a - b);
  for (let k = 0; k < lineNumbers.length;) {
    if (!commented(lineNumbers[k])) {
      k++;
      continue;
    }
    let end = k;
    const next = (ln: number) => {
      // Removed lines vanish, so the lines around them become consecutive.
      let n = ln + 1;
      while (removed.has(n)) n++;
      return n;
    };
    while (
      end + 1 < lineNumbers.length &&
      lineNumbers[end + 1] === next(lineNumbers[end]) &&
      commented(lineNumbers[end + 1])
    )
      end++;
    const group = lineNumbers.slice(k, end + 1).filter(ln => !removed.has(ln));
    if (group.some(ln => touched.has(ln))) {
      if (next(group[group.length - 1]) === lines.length - 1) {
        // gofmt would align the comments with the code right below the imports too.
        throw new UnsafeHeader(
          'a commented import is followed directly by code, without a blank line; add one (or run gofmt) first'
        );
      }
      const width = Math.max(...group.map(ln => runeCount((info.get(ln) as LineInfo).code)));
      for (const ln of group) {
        const li = info.get(ln) as LineInfo;
        lines[ln] = li.indent + li.code + ' '.repeat(width - runeCount(li.code) + 1) + li.comment;
      }
    }
    k = end + 1;
  }
}

/** The trailing comments after a spec (from the first `/`, trailing white space kept), '' when there are none, or undefined when other text follows. */
function trailingComments(rest: string): string | undefined {
  let i = 0;
  let first = -1;
  for (;;) {
    while (i < rest.length && /[ \t\r]/.test(rest[i])) i++;
    if (i >= rest.length) return first < 0 ? '' : rest.slice(first);
    if (rest.startsWith('//', i)) return rest.slice(first < 0 ? i : first);
    if (!rest.startsWith('/*', i)) return undefined;
    const close = rest.indexOf('*/', i + 2);
    if (close < 0) return undefined;
    if (first < 0) first = i;
    i = close + 2;
  }
}

/** An approximation of go/ast CommentGroup.Text for one line of comments, used only to order ties. */
function commentText(comment: string): string {
  const parts: string[] = [];
  for (const m of comment.matchAll(/\/\/(.*)$|\/\*([\s\S]*?)\*\//g)) {
    if (m[1] !== undefined) parts.push(m[1].startsWith(' ') ? m[1].slice(1) : m[1]);
    else parts.push(m[2]);
  }
  return parts.map(p => p.replace(/\s+$/, '')).join('\n');
}

/** go/printer writes import paths as interpreted strings; an import path never needs escapes. */
export function goQuotePath(path: string): string {
  return `"${path}"`;
}

/** Go string order: by UTF-8 bytes (the same as UTF-16 order for ASCII). */
export function compareGo(a: string, b: string): number {
  if (a === b) return 0;
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(a + b)) return a < b ? -1 : 1;
  const x = new TextEncoder().encode(a);
  const y = new TextEncoder().encode(b);
  for (let k = 0; k < Math.min(x.length, y.length); k++) if (x[k] !== y[k]) return x[k] - y[k];
  return x.length - y.length;
}

function runeCount(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

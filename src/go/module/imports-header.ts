// The build-constraint header of cmd/go/internal/imports: the `//go:build` and `// +build` lines
// before `package`, and how they set a scan's constraint and buildIgnore under `go mod tidy`'s AnyTags.
import {
  GO_BUILD,
  LF,
  PLUS_BUILD,
  PositionCounter,
  SLASH,
  SLASH_SLASH,
  STAR,
  decodeUtf8,
  isSpaceRune,
  skipWhite,
  spaceAt,
  spaceBefore,
  startsWith
} from './imports-bytes.js';
import { evalAnyTags, formatExpr, parseConstraint, parsePlusBuildExpr } from './imports-constraint.js';
import type { Expr } from './imports-constraint.js';
import type { ImportScan } from './imports-types.js';

export function applyConstraints(
  scan: ImportScan,
  header: ConstraintHeader,
  positions: PositionCounter
): void {
  if (header.error) {
    scan.buildIgnore = true;
    scan.constraintError = { ...positions.at(header.error.at), message: header.error.message };
    if (header.error.expr !== undefined) scan.constraint = header.error.expr;
    return;
  }
  if (header.goBuild !== undefined) {
    scan.constraint = header.goBuild.text;
    scan.buildIgnore = !evalAnyTags(header.goBuild.expr, true);
  } else if (header.plusBuild.length > 0) {
    // Every counted line must hold, so the lines combine with &&.
    const expr = header.plusBuild.reduce((x, y): Expr => ({ op: '&&', x, y }));
    scan.constraint = formatExpr(expr);
    scan.buildIgnore = !evalAnyTags(expr, true);
  }
}

interface ConstraintHeader {
  goBuild?: { text: string; expr: Expr };
  plusBuild: Expr[];
  error?: { at: number; message: string; expr?: string };
}

/**
 * Finds the build constraints of the header, as cmd/go's parseFileHeader does, line by line (lines
 * end at \n and are trimmed of Unicode white space) over the comments before the first token at
 * `limit`:
 * - a `//go:build` line counts anywhere in the leading comments, outside a /* comment; a second
 *   one is an error;
 * - `// +build` lines count only inside the leading run of blank and `//` lines, and only up to the
 *   last blank line of that run (a +build line right above `package` is doc text, not a constraint).
 * The line that holds the first token at `limit` stops the search: the reader skipped only spaces
 * and comments before it, and the token is not white space, so the line is neither blank nor a
 * comment line. When the reader failed, go/build takes the whole file as the header, and then
 * `limit` is the end of the file (the line rules may see past the failure, since bytes.TrimSpace
 * also trims \v and Unicode spaces, which the reader does not skip).
 */
export function readConstraintHeader(data: Uint8Array, start: number, limit: number): ConstraintHeader {
  const header: ConstraintHeader = { plusBuild: [] };
  const plusLines: Array<[number, number]> = [];
  let plusEnd = start; // just past the last blank line of the leading run
  let ended = false; // a line other than blank or // has been seen
  let inBlockComment = false;
  let goBuildAt = -1;
  let goBuildEnd = -1;
  lines: for (let p = start; p < limit;) {
    const newline = data.indexOf(LF, p);
    const lineEnd = newline < 0 || newline >= limit ? limit : newline;
    if (lineEnd === limit && limit < data.length) break; // the line of the first token
    const next = lineEnd + 1;
    let a = p;
    let b = lineEnd;
    p = next;
    a = skipWhite(data, a, b);
    for (let n; b > a && (n = spaceBefore(data, b, a)) > 0;) b -= n;
    if (a === b && !ended) {
      plusEnd = Math.min(next, limit);
      continue;
    }
    const lineComment = startsWith(data, a, b, SLASH_SLASH);
    if (!lineComment) ended = true;
    else if (!ended) plusLines.push([a, b]);
    if (!inBlockComment && isGoBuildLine(data, a, b)) {
      if (goBuildAt >= 0) {
        header.error = { at: a, message: 'multiple //go:build comments' };
        return header;
      }
      goBuildAt = a;
      goBuildEnd = b;
    }
    while (a < b) {
      if (inBlockComment) {
        const close = indexOfStarSlash(data, a, b);
        if (close < 0) continue lines;
        inBlockComment = false;
        a = skipWhite(data, close + 2, b);
      } else if (startsWith(data, a, b, SLASH_SLASH)) {
        continue lines;
      } else if (a + 1 < b && data[a] === SLASH && data[a + 1] === STAR) {
        inBlockComment = true;
        a = skipWhite(data, a + 2, b);
      } else {
        break lines;
      }
    }
  }
  if (goBuildAt >= 0) {
    const text = trimGoSpace(decodeUtf8(data, goBuildAt + GO_BUILD.length, goBuildEnd));
    const parsed = parseConstraint(text);
    if ('message' in parsed)
      header.error = { at: goBuildAt, message: `parsing //go:build line: ${parsed.message}`, expr: text };
    else header.goBuild = { text, expr: parsed };
    return header;
  }
  for (const [a, b] of plusLines) {
    if (b > plusEnd) break;
    const text = plusBuildText(data, a, b);
    if (text !== undefined) header.plusBuild.push(parsePlusBuildExpr(text));
  }
  return header;
}

function indexOfStarSlash(data: Uint8Array, a: number, b: number): number {
  for (let i = a; i + 1 < b; i++) if (data[i] === STAR && data[i + 1] === SLASH) return i;
  return -1;
}

/** A trimmed line is a //go:build line when `//go:build` is followed by white space or nothing. */
function isGoBuildLine(data: Uint8Array, a: number, b: number): boolean {
  if (!startsWith(data, a, b, GO_BUILD)) return false;
  const rest = a + GO_BUILD.length;
  return rest === b || spaceAt(data, rest, b) > 0;
}

/** The expression of a trimmed `// +build` line (the space after // is optional), else undefined. */
function plusBuildText(data: Uint8Array, a: number, b: number): string | undefined {
  let i = skipWhite(data, a + SLASH_SLASH.length, b);
  if (!startsWith(data, i, b, PLUS_BUILD)) return undefined;
  i += PLUS_BUILD.length;
  if (i < b && spaceAt(data, i, b) === 0) return undefined; // +buildfoo
  return trimGoSpace(decodeUtf8(data, i, b));
}

function trimGoSpace(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && isSpaceRune(s.charCodeAt(a))) a++;
  while (b > a && isSpaceRune(s.charCodeAt(b - 1))) b--;
  return s.slice(a, b);
}

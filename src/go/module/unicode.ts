// Go's rune classes (unicode.IsLetter, IsDigit, IsPrint, IsGraphic, IsSpace) from tables pinned to
// the Unicode version of the Go the gate follows (./unicode-tables.ts, generated from Go 1.19's unicode
// package). JavaScript's \p{…} follows the running Node's newer Unicode, which would accept runes
// such as U+0870 or U+2EBF0 that the go command rejects.
import { DIGIT, GRAPHIC, LETTER, PRINT, SPACE } from './unicode-tables.js';

export { UNICODE_VERSION } from './unicode-tables.js';

/** Whether cp lies in one of the table's inclusive [lo, hi] pairs (binary search). */
function inTable(table: readonly number[], cp: number): boolean {
  let lo = 0;
  let hi = table.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cp < table[2 * mid]) hi = mid - 1;
    else if (cp > table[2 * mid + 1]) lo = mid + 1;
    else return true;
  }
  return false;
}

/** unicode.IsLetter */
export function isGoLetter(cp: number): boolean {
  if (cp < 0x80) return (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a);
  return inTable(LETTER, cp);
}

/** unicode.IsDigit */
export function isGoDigit(cp: number): boolean {
  if (cp < 0x80) return cp >= 0x30 && cp <= 0x39;
  return inTable(DIGIT, cp);
}

/** unicode.IsPrint (and strconv.IsPrint): L, M, N, P, S and the ASCII space. */
export function isGoPrint(cp: number): boolean {
  if (cp < 0x80) return cp >= 0x20 && cp < 0x7f;
  return inTable(PRINT, cp);
}

/** unicode.IsGraphic: L, M, N, P, S and Zs. */
export function isGoGraphic(cp: number): boolean {
  if (cp < 0x80) return cp >= 0x20 && cp < 0x7f;
  return inTable(GRAPHIC, cp);
}

/** unicode.IsSpace */
export function isGoSpace(cp: number): boolean {
  if (cp < 0x80) return cp === 0x20 || (cp >= 0x09 && cp <= 0x0d);
  return inTable(SPACE, cp);
}

// Go's rune classes are pinned to Go 1.19's Unicode 13.0.0 tables, not to Node's newer \p{…}.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from '@jest/globals';
import {
  UNICODE_VERSION,
  isGoDigit,
  isGoGraphic,
  isGoLetter,
  isGoPrint,
  isGoSpace
} from '../../src/go/module/unicode.js';
import { describeWithGo, goVersion, runGo } from '../helpers/gotool.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

describe('Go 1.19 rune classes', () => {
  test('Unicode 13.0.0: letters added later are not letters', () => {
    expect(UNICODE_VERSION).toBe('13.0.0');
    // All assigned after Unicode 13 (in Unicode 14 to 16), so Go 1.19 knows none of them.
    for (const cp of [0x2ebf0, 0x0870, 0x31350, 0x1fae9, 0x16d40]) {
      expect([cp, isGoLetter(cp), isGoPrint(cp), isGoGraphic(cp)]).toEqual([cp, false, false, false]);
    }
    expect([isGoLetter(0x4e00), isGoLetter(0xe9), isGoLetter(0x5f), isGoLetter(0x41)]).toEqual([
      true,
      true,
      false,
      true
    ]);
    expect([isGoDigit(0x663), isGoDigit(0x39), isGoDigit(0xbd)]).toEqual([true, true, false]);
    expect([isGoPrint(0x20), isGoPrint(0xa0), isGoGraphic(0xa0), isGoPrint(0x7f)]).toEqual([
      true,
      false,
      true,
      false
    ]);
    expect([isGoSpace(0x85), isGoSpace(0x2028), isGoSpace(0x200b), isGoSpace(0x0c)]).toEqual([
      true,
      true,
      false,
      true
    ]);
  });
});

describeWithGo('the tables are what scripts/gen-unicode-tables.go makes', () => {
  // The tables follow Go 1.19 (Debian's golang-go, as on CI); another Go has another Unicode.
  const onGo119 = / go1\.19(\.| )/.test(goVersion ?? '') ? test : test.skip;
  onGo119('regenerated with the installed Go 1.19, byte for byte', () => {
    const r = runGo(['run', join(ROOT, 'scripts', 'gen-unicode-tables.go')], ROOT);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(readFileSync(join(ROOT, 'src', 'go', 'module', 'unicode-tables.ts'), 'utf8'));
  });
});

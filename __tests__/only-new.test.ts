// Pre-existing findings of a pull request: matched by rule, module, file and message, not by line.
import { describe, expect, test } from '@jest/globals';
import { fingerprint, normalizeMessage, splitPreExisting } from '../src/config/only-new.js';
import type { Finding } from '../src/types.js';

const f = (line: number, message: string, file = 'a.go'): Finding => ({
  rule: 'stale-self-import',
  severity: 'error',
  file,
  line,
  module: 'example.com/m/v2',
  message
});

describe('only new findings', () => {
  test('a finding that moved down the file is still the same finding', () => {
    expect(fingerprint(f(3, 'import "example.com/m/x"'))).toBe(fingerprint(f(9, 'import "example.com/m/x"')));
    expect(fingerprint(f(3, 'x', 'a.go'))).not.toBe(fingerprint(f(3, 'x', 'b.go')));
  });

  test('locations in messages are blanked, other numbers are kept', () => {
    expect(normalizeMessage('2 imports (t/a.go:4, t/b.go:4:2) on line 7')).toBe(
      '2 imports (t/a.go:#, t/b.go:#) on line #'
    );
    expect(normalizeMessage('needs /v3 for v3.0.0')).toBe('needs /v3 for v3.0.0');
  });

  test('each base finding accounts for one head finding', () => {
    const base = [f(3, 'import "example.com/m/x"')];
    const head = [
      f(5, 'import "example.com/m/x"'),
      f(6, 'import "example.com/m/x"'),
      f(7, 'import "example.com/m/y"')
    ];
    const { added, preExisting } = splitPreExisting(head, base);
    expect(preExisting.map(x => x.line)).toEqual([5]);
    expect(added.map(x => x.line)).toEqual([6, 7]);
  });
});

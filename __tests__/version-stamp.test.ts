import { describe, expect, test } from '@jest/globals';
import { differsOnlyInVersion } from '../src/rules/version-stamp.js';

describe('differsOnlyInVersion', () => {
  test('a version number changed inside a string is a stamp', () => {
    expect(differsOnlyInVersion('"v2.4.0"', '"v2.4.1"')).toBe(true);
    expect(differsOnlyInVersion('"2.4"', '"3.0"')).toBe(true);
    expect(differsOnlyInVersion('"sdk-go/0.19.0 (api:2024-01)"', '"sdk-go/0.20.0 (api:2024-01)"')).toBe(true);
    expect(differsOnlyInVersion('"v1.2.0-rc.1"', '"v1.2.0"')).toBe(true);
    expect(differsOnlyInVersion('`go1.21.3`', '`go1.22.0`')).toBe(true);
    expect(differsOnlyInVersion('"app 1.0.0, lib 2.0.0"', '"app 1.1.0, lib 2.0.0"')).toBe(true);
  });

  test('anything else changed is not', () => {
    expect(differsOnlyInVersion('"sdk-go/0.19.0 (api:2)"', '"sdk-go/0.19.0 (api:3)"')).toBe(false);
    expect(differsOnlyInVersion('"sdk-go/0.19.0"', '"sdk-rs/0.20.0"')).toBe(false);
    expect(differsOnlyInVersion('"v2.4.0"', '"v2.4.0"')).toBe(false);
    expect(differsOnlyInVersion('"2"', '"3"')).toBe(false);
    expect(differsOnlyInVersion('"v1.0.0"', '"v1.0.0 beta"')).toBe(false);
    expect(differsOnlyInVersion('"1.0.0"', '"1.0.0.1"')).toBe(false);
  });

  test('only in string literals: numbers and IP addresses are values, not stamps', () => {
    expect(differsOnlyInVersion('1.5', '1.6')).toBe(false);
    expect(differsOnlyInVersion('"10.0.0.1"', '"10.0.0.2"')).toBe(false);
    expect(differsOnlyInVersion('"v1.0.0" + x', '"v1.1.0" + x')).toBe(false);
  });
});

import { describe, expect, test } from '@jest/globals';
import { suggestNextVersion } from '../src/go/module/next-version.js';

const none = { breaking: 0, compatible: 0 };
const added = { breaking: 0, compatible: 2 };
const broken = { breaking: 1, compatible: 0 };
const both = { breaking: 3, compatible: 5 };

describe('suggestNextVersion', () => {
  test.each([
    // [latest, changes, expected]
    ['v1.2.3', broken, 'v2.0.0'],
    ['v1.2.3', both, 'v2.0.0'],
    ['v1.2.3', added, 'v1.3.0'],
    ['v1.2.3', none, 'v1.2.4'],
    ['v0.4.1', broken, 'v0.5.0'],
    ['v0.4.1', both, 'v0.5.0'],
    ['v0.4.1', added, 'v0.5.0'],
    ['v0.4.1', none, 'v0.4.2'],
    ['v0.0.0', none, 'v0.0.1'],
    ['v2.0.0-rc.1', none, 'v2.0.0'],
    ['v2.0.0-rc.1', added, 'v2.0.0'],
    ['v2.0.0-rc.1', broken, 'v2.0.0'],
    ['v1.3.0-beta.2', added, 'v1.3.0'],
    // a prerelease of a minor promised compatibility with v1.2.x: breaking still needs a major
    ['v1.3.0-beta.2', broken, 'v2.0.0'],
    ['v0.3.0-rc.1', broken, 'v0.3.0'],
    ['v1.9.9', added, 'v1.10.0'],
    ['v1.9.99', none, 'v1.9.100'],
    ['v9.0.0', broken, 'v10.0.0']
  ])('%s with %o -> %s', (latest, changes, expected) => {
    expect(suggestNextVersion(latest, '', changes)).toBe(expected);
  });

  test('majors, minors and patches of any size (no Number overflow)', () => {
    expect(suggestNextVersion('v99999999999999999999.0.0', '', broken)).toBe('v100000000000000000000.0.0');
    expect(suggestNextVersion('v9007199254740993.1.2', '', broken)).toBe('v9007199254740994.0.0');
    expect(suggestNextVersion('v1.9007199254740993.0', '', added)).toBe('v1.9007199254740994.0');
    expect(suggestNextVersion('v1.0.18446744073709551615', '', none)).toBe('v1.0.18446744073709551616');
  });

  test('first releases', () => {
    expect(suggestNextVersion(undefined, '', none)).toBe('v0.1.0');
    expect(suggestNextVersion(undefined, '', both)).toBe('v0.1.0');
    expect(suggestNextVersion(undefined, '2', none)).toBe('v2.0.0');
    expect(suggestNextVersion(undefined, '17', added)).toBe('v17.0.0');
    expect(suggestNextVersion(undefined, '123456789012345678901234567890', none)).toBe(
      'v123456789012345678901234567890.0.0'
    );
    // gopkg.in/x.v1 and .v0
    expect(suggestNextVersion(undefined, '1', none)).toBe('v1.0.0');
    expect(suggestNextVersion(undefined, '0', none)).toBe('v0.1.0');
  });

  test('the path suffix does not matter once there is a release', () => {
    expect(suggestNextVersion('v3.1.0', '3', added)).toBe('v3.2.0');
    expect(suggestNextVersion('v3.1.0', '3', broken)).toBe('v4.0.0');
  });

  test('build metadata is ignored and an invalid version is refused', () => {
    expect(suggestNextVersion('v1.2.3+meta', '', none)).toBe('v1.2.4');
    expect(() => suggestNextVersion('1.2.3', '', none)).toThrow(/not a semantic version/);
    expect(() => suggestNextVersion('v01.2.3', '', none)).toThrow(/not a semantic version/);
  });

  test('retracted versions are skipped: by patch, or by minor when the changes add API', () => {
    const retracted = new Set(['v3.0.0', 'v3.0.1', 'v1.3.0']);
    const isRetracted = (v: string) => retracted.has(v);
    expect(suggestNextVersion(undefined, '3', none, isRetracted)).toBe('v3.0.2');
    expect(suggestNextVersion(undefined, '3', added, isRetracted)).toBe('v3.1.0');
    expect(suggestNextVersion('v1.2.3', '', added, isRetracted)).toBe('v1.4.0');
    expect(suggestNextVersion('v1.2.3', '', none, isRetracted)).toBe('v1.2.4');
  });
});

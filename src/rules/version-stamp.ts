// Whether a constant's value change is a version stamp: what a release changes on purpose
// (`const Version = "v2.4.0"` becoming "v2.4.1"), not a break of the constant's users.
import type { ApiChange } from '../go/api/model.js';

/**
 * A version-like token: an optional `v`, two or three dot-separated numbers and an optional
 * `-prerelease`; maximal (no digit or dot just before it, no `.digit` or digit just after). Four or
 * more numbers (an IP address, `1.2.3.4`) are not a version here.
 */
const VERSION_TOKEN = /(?<![0-9.])v?[0-9]+(?:\.[0-9]+){1,2}(?:-[0-9A-Za-z.-]*[0-9A-Za-z])?(?![0-9]|\.[0-9])/g;
const STRING_LITERAL = /^(?:"(?:[^"\\]|\\.)*"|`[^`]*`)$/s;

/**
 * Two constant values, as written, differ only in a version number: both are string literals, they
 * differ, and they are equal once every version-like token of each is replaced by one placeholder
 * (so `"sdk-go/0.19.0 (api:2)"` and `"sdk-go/0.20.0 (api:2)"` do; `"sdk-go/0.19.0 (api:2)"` and
 * `"sdk-go/0.19.0 (api:3)"` do not: 2 and 3 are no versions).
 */
export function differsOnlyInVersion(oldValue: string, newValue: string): boolean {
  const a = oldValue.trim();
  const b = newValue.trim();
  if (a === b || !STRING_LITERAL.test(a) || !STRING_LITERAL.test(b)) return false;
  const stamp = (s: string) => s.replace(VERSION_TOKEN, '\u0000');
  const [sa, sb] = [stamp(a), stamp(b)];
  return sa !== a && sa === sb;
}

/** A breaking change that is only a constant's version stamp changing. */
export function isVersionStamp(change: ApiChange): boolean {
  return (
    change.severity === 'breaking' &&
    change.values !== undefined &&
    differsOnlyInVersion(change.values.old, change.values.new)
  );
}

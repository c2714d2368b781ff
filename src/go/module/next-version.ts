// The release version gorelease would suggest (report.go suggestReleaseVersion), extended to a
// breaking change at v1 or later, where gorelease refuses and the only honest suggestion is the next
// major. Pure; numbers are decimal strings of any length.
import { canonical, compare, incDecimal, isValid, majorDigits, prerelease } from './version.js';

/** The version gorelease would suggest after `latest` (a canonical release version, or undefined for
 * a first release of a module whose path suffix demands `pathMajorDigits`, '' for none) given the
 * changes: a prerelease latest gives its release; a breaking change at v1 or later the next major; an
 * addition, or a breaking change at v0, the next minor; otherwise the next patch. A first release is
 * v0.1.0, or vN.0.0 for a /vN (or gopkg.in .vN, N >= 1) path. A version `isRetracted` says is
 * retracted is skipped (see skipRetracted). Throws on an invalid `latest`. */
export function suggestNextVersion(
  latest: string | undefined,
  pathMajorDigits: string,
  changes: { breaking: number; compatible: number },
  isRetracted: (version: string) => boolean = () => false
): string {
  return skipRetracted(nextVersion(latest, pathMajorDigits, changes), changes, isRetracted);
}

/** Whether a version is retracted by one of a go.mod's retract directives (`[low, high]`, bounds included). */
export function retractedBy(retract: readonly { low: string; high: string }[]): (version: string) => boolean {
  return version => retract.some(r => compare(r.low, version) <= 0 && compare(version, r.high) <= 0);
}

/** How many retracted versions in a row a suggestion steps over before giving up (a go.mod lists few). */
const MAX_SKIPS = 1000;

/**
 * A retracted version is never the one to release: the go command hides it. Step past it, to the next
 * minor when the changes add API (v3.0.0 retracted: v3.1.0), else to the next patch (v3.0.1).
 */
export function skipRetracted(
  version: string,
  changes: { breaking: number; compatible: number },
  isRetracted: (version: string) => boolean
): string {
  let candidate = version;
  for (let i = 0; i < MAX_SKIPS && isRetracted(candidate); i++) {
    const [maj, min, pat] = candidate.slice(1).split('.');
    candidate = changes.compatible > 0 ? `v${maj}.${incDecimal(min)}.0` : `v${maj}.${min}.${incDecimal(pat)}`;
  }
  return candidate;
}

function nextVersion(
  latest: string | undefined,
  pathMajorDigits: string,
  changes: { breaking: number; compatible: number }
): string {
  if (latest === undefined) {
    return pathMajorDigits === '' || pathMajorDigits === '0' ? 'v0.1.0' : `v${pathMajorDigits}.0.0`;
  }
  if (!isValid(latest))
    throw new Error(`suggestNextVersion: ${JSON.stringify(latest)} is not a semantic version`);
  const full = canonical(latest);
  const pre = prerelease(full);
  const release = full.slice(0, full.length - pre.length);
  const [maj, min, pat] = release.slice(1).split('.');
  const breaksCompatibility = changes.breaking > 0 && majorDigits(full) !== '0';
  if (pre !== '') {
    // The prerelease of a new major (vN.0.0-rc.1) promised nothing yet: its release is next. A
    // prerelease of a minor or patch did promise compatibility with the major's earlier releases.
    if (!breaksCompatibility || (min === '0' && pat === '0')) return release;
  }
  if (breaksCompatibility) return `v${incDecimal(maj)}.0.0`;
  if (changes.compatible > 0 || changes.breaking > 0) return `v${maj}.${incDecimal(min)}.0`;
  return `v${maj}.${min}.${incDecimal(pat)}`;
}

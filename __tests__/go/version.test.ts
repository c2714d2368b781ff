import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import semver from 'semver';
import {
  build,
  canonical,
  canonicalModuleVersion,
  compare,
  compareDecimal,
  compareGoStrings,
  decDecimal,
  decodeGoBytes,
  encodeGoBytes,
  goQuote,
  goQuoteRune,
  incDecimal,
  isPseudoVersion,
  isReleaseVersion,
  isValid,
  isValidUtf8,
  major,
  majorDigits,
  majorMinor,
  prerelease,
  pseudoVersion,
  pseudoVersionBase,
  pseudoVersionRev,
  pseudoVersionTime,
  releaseVersionProblem,
  sortVersions
} from '../../src/go/module/version.js';
import { readConformanceJson } from '../helpers/conformance.js';

interface VersionRow {
  input: string;
  valid: boolean;
  canonical: string;
  major: string;
  majorMinor: string;
  prerelease: string;
  build: string;
}

interface SemverJson {
  versions: VersionRow[];
  compareOrder: string[][];
  sorted: string[];
  researchExamples: { versions: VersionRow[]; compare: { a: string; b: string; compare: number }[] };
}

interface PseudoRow {
  version: string;
  ok: boolean;
  error?: string;
}

interface PseudoJson {
  PseudoVersion: { major: string; older: string; time: string; rev: string; version: string }[];
  IsPseudoVersion: { version: string; ok: boolean }[];
  PseudoVersionBase: (PseudoRow & { base?: string })[];
  PseudoVersionTime: (PseudoRow & { time?: string })[];
  PseudoVersionRev: (PseudoRow & { rev?: string })[];
  incDecimal: { in: string; out: string }[];
  decDecimal: { in: string; out: string }[];
  researchExamples: {
    PseudoVersion: PseudoJson['PseudoVersion'];
    IsPseudoVersion: PseudoJson['IsPseudoVersion'];
  };
}

interface ModulePathsJson {
  researchExamples: { CanonicalVersion: { version: string; canonical: string }[] };
}

const semverData = readConformanceJson<SemverJson>('semver.json');
const pseudoData = readConformanceJson<PseudoJson>('pseudo.json');
const pathData = readConformanceJson<ModulePathsJson>('module-paths.json');

function expectVersionRow(row: VersionRow): void {
  expect({
    valid: isValid(row.input),
    canonical: canonical(row.input),
    major: major(row.input),
    majorMinor: majorMinor(row.input),
    prerelease: prerelease(row.input),
    build: build(row.input)
  }).toEqual({
    valid: row.valid,
    canonical: row.canonical,
    major: row.major,
    majorMinor: row.majorMinor,
    prerelease: row.prerelease,
    build: row.build
  });
  expect(majorDigits(row.input)).toBe(row.major.slice(1));
}

describe('semver.json versions', () => {
  test.each(semverData.versions)('$input', expectVersionRow);
});

describe('semver.json researchExamples.versions', () => {
  test.each(semverData.researchExamples.versions)('$input', expectVersionRow);
});

describe('semver.json compareOrder (all pairs)', () => {
  const classed = semverData.compareOrder.flatMap((cls, rank) => cls.map(v => ({ v, rank })));
  const pairs = classed.flatMap(a =>
    classed.map(b => ({ a: a.v, b: b.v, want: Math.sign(a.rank - b.rank) }))
  );
  test.each(pairs)('compare($a, $b) = $want', ({ a, b, want }) => {
    expect(compare(a, b)).toBe(want);
  });
});

describe('semver.json sorted', () => {
  test('sortVersions of every input (in table order and reversed) is the Go result', () => {
    const inputs = semverData.versions.map(r => r.input);
    expect(sortVersions(inputs)).toEqual(semverData.sorted);
    expect(sortVersions([...inputs].reverse())).toEqual(semverData.sorted);
  });
  test('sortVersions returns a new array and leaves its input alone', () => {
    const input = ['v2', 'v1'];
    const out = sortVersions(input);
    expect(out).toEqual(['v1', 'v2']);
    expect(input).toEqual(['v2', 'v1']);
  });
});

describe('semver.json researchExamples.compare', () => {
  test.each(semverData.researchExamples.compare)('compare($a, $b) = $compare', ({ a, b, compare: want }) => {
    expect(compare(a, b)).toBe(want);
    expect(compare(b, a)).toBe(-want || 0);
  });
});

describe('module-paths.json researchExamples.CanonicalVersion', () => {
  test.each(pathData.researchExamples.CanonicalVersion)(
    '$version -> $canonical',
    ({ version, canonical }) => {
      expect(canonicalModuleVersion(version)).toBe(canonical);
    }
  );
});

describe('compareDecimal', () => {
  test.each([
    ['0', '0', 0],
    ['9', '10', -1],
    ['100', '99', 1],
    ['99999999999999999999', '99999999999999999998', 1],
    ['9007199254740993', '9007199254740992', 1]
  ] as [string, string, number][])('%s vs %s = %d', (a, b, want) => {
    expect(compareDecimal(a, b)).toBe(want);
  });
});

describe('isReleaseVersion / releaseVersionProblem', () => {
  test.each([
    ['v2.0.0', undefined],
    ['v2.0.0-rc.1', undefined],
    ['v10.3.1', undefined],
    ['2.0.0', 'it has no leading "v": write v2.0.0'],
    ['V2.0.0', 'it has an upper-case "V": write v2.0.0'],
    ['v2', 'it is a shorthand: write v2.0.0'],
    ['v2.0', 'it is a shorthand: write v2.0.0'],
    ['v2.0.0+build', 'build metadata (+build) is not allowed in a release tag: write v2.0.0'],
    ['v2.0.0+incompatible', '+incompatible is never part of a tag: write v2.0.0'],
    ['v02.0.0', 'a leading zero is not allowed: write v2.0.0'],
    ['v2.0.0-rc.01', 'a leading zero is not allowed: write v2.0.0-rc.1'],
    [' v2.0.0', 'it contains white space: write v2.0.0'],
    ['v2.0.0 beta', 'it contains white space'],
    ['v0.0.0-20240102030405-abcdefabcdef', 'it is a pseudo-version'],
    ['v1.2.4-0.20240102030405-abcdefabcdef+incompatible', 'it is a pseudo-version'],
    ['2.0', 'it has no leading "v": write v2.0.0'],
    ['v2-pre', 'it is not a semantic version'],
    ['', 'it is not a semantic version'],
    ['bad', 'it is not a semantic version']
  ] as [string, string | undefined][])('%j: %j', (v, problem) => {
    expect(releaseVersionProblem(v)).toBe(problem);
    expect(isReleaseVersion(v)).toBe(problem === undefined);
  });
});

describe('pseudo.json PseudoVersion', () => {
  test.each([...pseudoData.PseudoVersion, ...pseudoData.researchExamples.PseudoVersion])(
    'PseudoVersion($major, $older, $time, $rev) = $version',
    ({ major, older, time, rev, version }) => {
      expect(pseudoVersion(major, older, new Date(time), rev)).toBe(version);
    }
  );
});

describe('pseudo.json IsPseudoVersion', () => {
  test.each([...pseudoData.IsPseudoVersion, ...pseudoData.researchExamples.IsPseudoVersion])(
    '$version: $ok',
    ({ version, ok }) => {
      expect(isPseudoVersion(version)).toBe(ok);
    }
  );
});

describe('pseudo.json PseudoVersionBase', () => {
  test.each(pseudoData.PseudoVersionBase)('$version', row => {
    expect(pseudoVersionBase(row.version)).toEqual(
      row.ok ? { ok: true, value: row.base } : { ok: false, error: row.error }
    );
  });
});

describe('pseudo.json PseudoVersionTime', () => {
  test.each(pseudoData.PseudoVersionTime)('$version', row => {
    const got = pseudoVersionTime(row.version);
    expect(got.ok ? { ok: true, time: got.value.toISOString() } : got).toEqual(
      row.ok ? { ok: true, time: new Date(row.time!).toISOString() } : { ok: false, error: row.error }
    );
  });
});

describe('pseudo.json PseudoVersionRev', () => {
  test.each(pseudoData.PseudoVersionRev)('$version', row => {
    expect(pseudoVersionRev(row.version)).toEqual(
      row.ok ? { ok: true, value: row.rev } : { ok: false, error: row.error }
    );
  });
});

describe('pseudo.json incDecimal / decDecimal', () => {
  test.each(pseudoData.incDecimal)('incDecimal($in) = $out', ({ in: input, out }) => {
    expect(incDecimal(input)).toBe(out);
  });
  test.each(pseudoData.decDecimal)('decDecimal($in) = $out', ({ in: input, out }) => {
    expect(decDecimal(input)).toBe(out);
  });
});

describe('pseudo-version times (time.Parse rules)', () => {
  test.each([
    ['v0.0.0-00000101000000-abc', '0000-01-01T00:00:00.000Z'],
    ['v0.0.0-20240229235959-abc', '2024-02-29T23:59:59.000Z'],
    ['v0.0.0-20230229000000-abc', 'malformed time "20230229000000"'],
    ['v0.0.0-20231301000000-abc', 'malformed time "20231301000000"'],
    ['v0.0.0-20230100000000-abc', 'malformed time "20230100000000"'],
    ['v0.0.0-20230101240000-abc', 'malformed time "20230101240000"'],
    ['v0.0.0-20230101006000-abc', 'malformed time "20230101006000"'],
    ['v0.0.0-20230101000060-abc', 'malformed time "20230101000060"']
  ])('%s', (v, want) => {
    const got = pseudoVersionTime(v);
    expect(got.ok ? got.value.toISOString() : got.error).toBe(
      want.startsWith('malformed') ? `pseudo-version "${v}" invalid: ${want}` : want
    );
  });
  test('pseudoVersion formats years before 1000 with four digits', () => {
    const t = new Date(Date.UTC(2000, 0, 2, 3, 4, 5));
    t.setUTCFullYear(33);
    expect(pseudoVersion('v2', '', t, 'abc')).toBe('v2.0.0-00330102030405-abc');
  });
  test('pseudoVersion throws on an invalid Date (Go has no such time)', () => {
    expect(() => pseudoVersion('', '', new Date(NaN), 'abc')).toThrow(RangeError);
  });
});

describe('Go string model', () => {
  test('decodeGoBytes keeps invalid bytes as lone surrogates, encodeGoBytes restores them', () => {
    const bytes = [0x78, 0x2e, 0x79, 0x2f, 0xff, 0x7a, 0xc3, 0xa9, 0xed, 0xa0, 0x80];
    const s = decodeGoBytes(bytes);
    expect(s).toBe('x.y/\udcffzé\udced\udca0\udc80');
    expect(isValidUtf8(s)).toBe(false);
    expect(encodeGoBytes(s)).toEqual(bytes);
    expect(goQuote(s)).toBe('"x.y/\\xffzé\\xed\\xa0\\x80"');
  });
  test.each([
    ['a"b\\c', '"a\\"b\\\\c"'],
    ["it's", '"it\'s"'],
    ['\t\n\x00\x7f', '"\\t\\n\\x00\\x7f"'],
    ['\u00a0\u200b', '"\\u00a0\\u200b"'],
    ['☺\ufffd😀', '"☺\ufffd😀"'],
    ['\ud800', '"\\xed\\xa0\\x80"']
  ])('goQuote(%j) = %s', (s, want) => {
    expect(goQuote(s)).toBe(want);
  });
  test.each([
    [0x27, "'\\''"],
    [0x22, "'\"'"],
    [0x5c, "'\\\\'"],
    [0xe9, "'é'"],
    [0x20, "' '"],
    [0x0a, "'\\n'"],
    [0x1f600, "'😀'"],
    [0xe000, "'\\ue000'"],
    [0xe0001, "'\\U000e0001'"]
  ])('goQuoteRune(%d) = %s', (r, want) => {
    expect(goQuoteRune(r)).toBe(want);
  });
  test('compareGoStrings orders by code point', () => {
    expect(compareGoStrings('\uffff', '😀')).toBe(-1);
    expect('\uffff' < '😀').toBe(false);
    expect(compareGoStrings('a', 'ab')).toBe(-1);
    expect(compareGoStrings('b', 'b')).toBe(0);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties

const smallNum = fc.integer({ min: 0, max: 30 }).map(String);
const bigNum = fc.bigInt({ min: 0n, max: 10n ** 25n }).map(String);
const num = fc.oneof(smallNum, bigNum);
const alnumIdent = fc.stringMatching(/^[0-9A-Za-z-]{0,4}[A-Za-z-][0-9A-Za-z-]{0,4}$/);
const preIdent = (n: fc.Arbitrary<string>) => fc.oneof(n, alnumIdent);
const prereleaseOf = (n: fc.Arbitrary<string>) =>
  fc.option(
    fc.array(preIdent(n), { minLength: 1, maxLength: 3 }).map(ids => '-' + ids.join('.')),
    {
      nil: ''
    }
  );

/** Canonical Go versions (no shorthand, no build). */
const canonicalOf = (n: fc.Arbitrary<string>) =>
  fc.tuple(n, n, n, prereleaseOf(n)).map(([a, b, c, pre]) => `v${a}.${b}.${c}${pre}`);

/** Version-like strings: valid ones with shorthands and build metadata, near misses and noise. */
const versionLike = fc.oneof(
  canonicalOf(num),
  fc
    .tuple(canonicalOf(num), fc.stringMatching(/^\+[0-9A-Za-z-]{1,5}(\.[0-9A-Za-z-]{1,5})?$/))
    .map(([v, b]) => v + b),
  fc.tuple(num, fc.option(num)).map(([a, b]) => (b === null ? `v${a}` : `v${a}.${b}`)),
  fc.stringMatching(/^v?[0-9.+-]{0,8}[a-z]?$/),
  fc.string({ unit: 'binary', maxLength: 12 })
);

describe('properties', () => {
  test('compare is a total order consistent with canonical', () => {
    fc.assert(
      fc.property(versionLike, versionLike, versionLike, (a, b, c) => {
        expect(compare(a, a)).toBe(0);
        expect(compare(b, a)).toBe(-compare(a, b) || 0);
        expect(compare(a, b) === 0).toBe(canonical(a) === canonical(b));
        if (isValid(a)) expect(compare(a, canonical(a))).toBe(0);
        if (compare(a, b) <= 0 && compare(b, c) <= 0) expect(compare(a, c)).toBeLessThanOrEqual(0);
      }),
      { numRuns: 2000 }
    );
  });

  test('compare agrees with npm semver.compare on small canonical versions', () => {
    fc.assert(
      fc.property(canonicalOf(smallNum), canonicalOf(smallNum), (a, b) => {
        expect(compare(a, b)).toBe(semver.compare(a.slice(1), b.slice(1)));
      }),
      { numRuns: 2000 }
    );
  });

  test('compare orders numbers beyond 2^53 exactly (BigInt oracle)', () => {
    fc.assert(
      fc.property(bigNum, bigNum, bigNum, (x, y, pre) => {
        const want = Math.sign(Number(BigInt(x) - BigInt(y)));
        expect(compare(`v${x}.0.0`, `v${y}.0.0`)).toBe(want);
        expect(compare(`v1.${x}.0-${pre}`, `v1.${y}.0-${pre}`)).toBe(want);
        expect(compare(`v1.0.0-rc.${x}`, `v1.0.0-rc.${y}`)).toBe(want);
      })
    );
  });

  test('sortVersions is sorted and a permutation', () => {
    fc.assert(
      fc.property(fc.array(versionLike, { maxLength: 20 }), list => {
        const sorted = sortVersions(list);
        expect([...sorted].sort()).toEqual([...list].sort());
        for (let i = 1; i < sorted.length; i++) {
          expect(compare(sorted[i - 1], sorted[i])).toBeLessThanOrEqual(0);
        }
      })
    );
  });

  test('incDecimal and decDecimal agree with BigInt', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10n ** 30n }), n => {
        expect(incDecimal(String(n))).toBe(String(n + 1n));
        expect(decDecimal(String(n))).toBe(String(n - 1n));
      })
    );
  });

  test('pseudoVersion round-trips through isPseudoVersion, base, time and rev', () => {
    const base = fc.oneof(
      fc.constant(''),
      canonicalOf(smallNum),
      canonicalOf(smallNum).map(v => v + '+incompatible')
    );
    const time = fc.date({
      noInvalidDate: true,
      min: new Date('1970-01-01T00:00:00Z'),
      max: new Date('9999-12-31T23:59:59Z')
    });
    fc.assert(
      fc.property(base, time, fc.stringMatching(/^[0-9a-f]{12}$/), (older, t, rev) => {
        const v = pseudoVersion('v0', older, t, rev);
        expect(isPseudoVersion(v)).toBe(true);
        expect(pseudoVersionRev(v)).toEqual({ ok: true, value: rev });
        const seconds = new Date(Math.floor(t.getTime() / 1000) * 1000);
        expect(pseudoVersionTime(v)).toEqual({ ok: true, value: seconds });
        expect(pseudoVersionBase(v)).toEqual({ ok: true, value: older });
        // A pseudo-version sorts after the tag it builds on (and every version is above '').
        expect(compare(older, v)).toBe(-1);
      }),
      { numRuns: 500 }
    );
  });

  test('no function throws on arbitrary strings', () => {
    const anyString = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map(u => String.fromCharCode(u)) }),
      versionLike
    );
    fc.assert(
      fc.property(anyString, anyString, (a, b) => {
        for (const f of [
          isValid,
          canonical,
          major,
          majorMinor,
          prerelease,
          build,
          majorDigits,
          canonicalModuleVersion,
          isReleaseVersion,
          releaseVersionProblem,
          isPseudoVersion,
          pseudoVersionBase,
          pseudoVersionTime,
          pseudoVersionRev,
          incDecimal,
          decDecimal,
          goQuote,
          isValidUtf8,
          encodeGoBytes
        ]) {
          f(a);
        }
        compare(a, b);
        compareDecimal(a, b);
        compareGoStrings(a, b);
        sortVersions([a, b]);
        pseudoVersion(a, b, new Date(0), a);
        decodeGoBytes(encodeGoBytes(a));
      }),
      { numRuns: 2000 }
    );
  });
});

import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import {
  check,
  checkFilePath,
  checkImportPath,
  checkPath,
  checkPathMajor,
  escapePath,
  hasPathPrefix,
  isGopkgIn,
  matchPathMajor,
  matchPrefixPatterns,
  pathForMajor,
  pathMajorDigits,
  pathMajorPrefix,
  splitPathVersion,
  unescapePath
} from '../../src/go/module/modpath.js';
import { decodeGoBytes } from '../../src/go/module/version.js';
import { readConformanceJson } from '../helpers/conformance.js';

interface ModulePathsJson {
  Check: { path: string; version: string; ok: boolean; error?: string }[];
  CheckPath: {
    path?: string;
    pathHex?: string;
    ok: { module: boolean; import: boolean; file: boolean };
    errors?: { module?: string; import?: string; file?: string };
  }[];
  SplitPathVersion: {
    path?: string;
    pathHex?: string;
    prefix?: string;
    prefixHex?: string;
    pathMajor: string;
    ok: boolean;
    from: string;
  }[];
  MatchPathMajor: { version: string; pathMajor: string; ok: boolean; checkPathMajorError?: string }[];
  EscapePath: {
    path?: string;
    pathHex?: string;
    ok: boolean;
    escaped?: string;
    error?: string;
    from: string;
  }[];
  UnescapePath: {
    escaped?: string;
    escapedHex?: string;
    ok: boolean;
    path?: string;
    error?: string;
    from: string;
  }[];
  MatchPrefixPatterns: { globs: string; target: string; ok: boolean }[];
  researchExamples: {
    Check: ModulePathsJson['Check'];
    paths: {
      path: string;
      moduleError?: string;
      importError?: string;
      split: { prefix: string; pathMajor: string; ok: boolean };
    }[];
    CheckPathMajor: { version: string; pathMajor: string; ok: boolean; error?: string }[];
    PathMajorPrefix: { pathMajor: string; prefix: string }[];
  };
}

const data = readConformanceJson<ModulePathsJson>('module-paths.json');

/** Hex vectors hold invalid UTF-8: decode them the way the module does (each invalid byte becomes a
 * lone surrogate U+DC80..U+DCFF, see decodeGoBytes). */
function fromHex(hex: string): string {
  return decodeGoBytes((hex.match(/../g) ?? []).map(h => parseInt(h, 16)));
}

function text(plain: string | undefined, hex: string | undefined): string {
  return hex === undefined ? plain! : fromHex(hex);
}

/** A readable test name: JSON string form, which shows invalid bytes as \udcXX escapes. */
function named<T extends { path?: string; pathHex?: string }>(rows: T[]): (T & { name: string })[] {
  return rows.map(r => ({ ...r, name: JSON.stringify(text(r.path, r.pathHex)) }));
}

describe('module-paths.json CheckPath (module, import and file kinds)', () => {
  test.each(named(data.CheckPath))('$name', row => {
    const path = text(row.path, row.pathHex);
    const got = { module: checkPath(path), import: checkImportPath(path), file: checkFilePath(path) };
    expect(got).toEqual({
      module: row.ok.module ? undefined : row.errors?.module,
      import: row.ok.import ? undefined : row.errors?.import,
      file: row.ok.file ? undefined : row.errors?.file
    });
    // Every kind that fails has its error text in the data.
    for (const kind of ['module', 'import', 'file'] as const) {
      if (!row.ok[kind]) expect(row.errors?.[kind]).toBeDefined();
    }
  });
});

describe('module-paths.json SplitPathVersion', () => {
  test.each(named(data.SplitPathVersion))('$name ($from)', row => {
    const path = text(row.path, row.pathHex);
    const got = splitPathVersion(path);
    expect(got).toEqual({ prefix: text(row.prefix, row.prefixHex), pathMajor: row.pathMajor, ok: row.ok });
    expect(got.prefix + got.pathMajor).toBe(path);
  });
});

describe('module-paths.json Check', () => {
  test.each([...data.Check, ...data.researchExamples.Check])('$path@$version', row => {
    expect(check(row.path, row.version)).toBe(row.ok ? undefined : row.error);
  });
});

describe('module-paths.json MatchPathMajor', () => {
  test.each(data.MatchPathMajor)('$version ~ "$pathMajor": $ok', row => {
    expect(matchPathMajor(row.version, row.pathMajor)).toBe(row.ok);
    expect(checkPathMajor(row.version, row.pathMajor)).toBe(row.ok ? undefined : row.checkPathMajorError);
  });
});

describe('module-paths.json researchExamples.CheckPathMajor', () => {
  test.each(data.researchExamples.CheckPathMajor)('$version ~ "$pathMajor": $ok', row => {
    expect(checkPathMajor(row.version, row.pathMajor)).toBe(row.ok ? undefined : row.error);
    expect(matchPathMajor(row.version, row.pathMajor)).toBe(row.ok);
  });
});

describe('module-paths.json researchExamples.PathMajorPrefix', () => {
  test.each(data.researchExamples.PathMajorPrefix)('"$pathMajor" -> "$prefix"', row => {
    expect(pathMajorPrefix(row.pathMajor)).toBe(row.prefix);
    expect(pathMajorDigits(row.pathMajor)).toBe(row.prefix.slice(1));
  });
});

describe('module-paths.json researchExamples.paths', () => {
  test.each(data.researchExamples.paths)('$path', row => {
    expect(checkPath(row.path)).toBe(row.moduleError);
    expect(checkImportPath(row.path)).toBe(row.importError);
    expect(splitPathVersion(row.path)).toEqual(row.split);
  });
});

describe('module-paths.json EscapePath', () => {
  test.each(named(data.EscapePath))('$name ($from)', row => {
    const path = text(row.path, row.pathHex);
    expect(escapePath(path)).toEqual(
      row.ok ? { ok: true, value: row.escaped } : { ok: false, error: row.error }
    );
  });
});

describe('module-paths.json UnescapePath', () => {
  const rows = data.UnescapePath.map(r => ({ ...r, name: JSON.stringify(text(r.escaped, r.escapedHex)) }));
  test.each(rows)('$name ($from)', row => {
    const escaped = text(row.escaped, row.escapedHex);
    expect(unescapePath(escaped)).toEqual(
      row.ok ? { ok: true, value: row.path } : { ok: false, error: row.error }
    );
  });
});

describe('module-paths.json MatchPrefixPatterns', () => {
  test.each(data.MatchPrefixPatterns)('$globs ~ $target: $ok', row => {
    expect(matchPrefixPatterns(row.globs, row.target)).toBe(row.ok);
  });
});

describe('matchPrefixPatterns: path.Match syntax', () => {
  test.each([
    ['[a-z]sc.io', 'rsc.io/quote', true],
    ['[^r]sc.io', 'rsc.io/quote', false],
    ['\\rsc.io', 'rsc.io/quote', true],
    ['r?c.io/q*', 'rsc.io/quote/v3', true],
    ['[]a]sc.io', 'rsc.io/quote', false],
    ['[', 'rsc.io', false],
    ['rsc.io\\', 'rsc.io', false],
    ['[z-a]*,rsc.io', 'rsc.io', true],
    ['caf?', 'café/x', true],
    ['caf[é]', 'café/x', true],
    ['caf??', 'café/x', false],
    ['*', '', true],
    ['x', '', false]
  ] as [string, string, boolean][])('%j ~ %j: %s', (globs, target, want) => {
    expect(matchPrefixPatterns(globs, target)).toBe(want);
  });
});

describe('hasPathPrefix', () => {
  test.each([
    ['example.com/m', 'example.com/m', true],
    ['example.com/m/v2', 'example.com/m', true],
    ['example.com/mod', 'example.com/m', false],
    ['example.com', 'example.com/m', false]
  ] as [string, string, boolean][])('%s under %s: %s', (path, prefix, want) => {
    expect(hasPathPrefix(path, prefix)).toBe(want);
  });
});

describe('gopkg.in and majors', () => {
  test.each([
    ['gopkg.in/yaml.v3', true],
    ['gopkg.in', false],
    ['example.com/gopkg.in/x.v1', false]
  ] as [string, boolean][])('isGopkgIn(%s) = %s', (path, want) => {
    expect(isGopkgIn(path)).toBe(want);
  });
  test.each([
    ['', ''],
    ['/v2', '2'],
    ['/v10', '10'],
    ['.v2', '2'],
    ['.v0', '0'],
    ['.v1', '1'],
    ['.v2-unstable', '2'],
    ['v2', ''],
    ['/v02', ''],
    ['/x', '']
  ])('pathMajorDigits(%j) = %j', (pathMajor, want) => {
    expect(pathMajorDigits(pathMajor)).toBe(want);
  });
  test.each([
    ['example.com/m', '3', 'example.com/m/v3'],
    ['example.com/m', '1', 'example.com/m'],
    ['example.com/m', '0', 'example.com/m'],
    ['example.com/m', '', 'example.com/m'],
    ['example.com/m', '10', 'example.com/m/v10'],
    ['gopkg.in/yaml', '3', 'gopkg.in/yaml.v3'],
    ['gopkg.in/yaml', '1', 'gopkg.in/yaml.v1'],
    ['gopkg.in/yaml', '0', 'gopkg.in/yaml.v0']
  ])('pathForMajor(%s, %j) = %s', (prefix, digits, want) => {
    expect(pathForMajor(prefix, digits)).toBe(want);
    const split = splitPathVersion(want);
    expect(split.prefix).toBe(prefix);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties

const pathChars = fc.constantFrom(...'abcxyzAZ09.-_~/+!@: é☺'.split(''), '\udcff', '\ud800');
const pathLike = fc.oneof(
  fc.string({ unit: pathChars, maxLength: 24 }),
  fc.string({ unit: 'binary', maxLength: 24 }),
  fc
    .tuple(
      fc.stringMatching(/^[a-z]{1,5}\.[a-z]{2,3}$/),
      fc.stringMatching(/^(\/[a-zA-Z0-9._~-]{1,6}){0,3}$/)
    )
    .map(([host, rest]) => host + rest),
  fc.stringMatching(/^gopkg\.in\/[a-z]{1,4}\.v[0-9]{1,2}(-unstable)?$/)
);

describe('properties', () => {
  test('checkPath and friends never throw', () => {
    fc.assert(
      fc.property(pathLike, fc.string({ maxLength: 12 }), (path, v) => {
        for (const f of [
          checkPath,
          checkImportPath,
          checkFilePath,
          splitPathVersion,
          pathMajorPrefix,
          pathMajorDigits,
          escapePath,
          unescapePath,
          isGopkgIn
        ]) {
          f(path);
        }
        check(path, v);
        checkPathMajor(v, path);
        matchPathMajor(v, path);
        matchPrefixPatterns(path, v);
        matchPrefixPatterns(v, path);
        hasPathPrefix(path, v);
        pathForMajor(path, v);
      }),
      { numRuns: 3000 }
    );
  });

  test('a valid module path is a valid import path and file path, and splits into prefix + pathMajor', () => {
    fc.assert(
      fc.property(pathLike, path => {
        if (checkPath(path) !== undefined) return;
        expect(checkImportPath(path)).toBeUndefined();
        expect(checkFilePath(path)).toBeUndefined();
        const { prefix, pathMajor, ok } = splitPathVersion(path);
        expect(ok).toBe(true);
        expect(prefix + pathMajor).toBe(path);
        if (!pathMajor.endsWith('-unstable')) {
          expect(pathForMajor(prefix, pathMajorDigits(pathMajor))).toBe(path);
        }
      }),
      { numRuns: 3000 }
    );
  });

  test('escapePath and unescapePath are inverse on valid module paths', () => {
    fc.assert(
      fc.property(pathLike, path => {
        const escaped = escapePath(path);
        expect(escaped.ok).toBe(checkPath(path) === undefined);
        if (escaped.ok) {
          expect(escaped.value).not.toMatch(/[A-Z]/);
          expect(unescapePath(escaped.value)).toEqual({ ok: true, value: path });
        }
      }),
      { numRuns: 3000 }
    );
  });
});

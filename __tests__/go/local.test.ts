// The pure parts of issue 15's classifications: directory replaces (go/module/replaces.ts) and local
// modules (go/module/local.ts), on modules parsed from real go.mod text.
import { describe, expect, test } from '@jest/globals';
import { loadModules, type Module } from '../../src/go/module/layout.js';
import { fitsDirectory, hasImplicitRootModule, unfetchableReason } from '../../src/go/module/local.js';
import { isPlaceholderVersion, resolveReplaceDir } from '../../src/go/module/replaces.js';

function modules(goMods: Record<string, string>): Module[] {
  return loadModules(new Map(Object.entries(goMods).map(([f, text]) => [f, new TextEncoder().encode(text)])));
}

function module(file: string, path: string): Module {
  return modules({ [file]: `module ${path}\n` })[0];
}

describe('directory replaces', () => {
  test.each([
    ['.', './api', 'api'],
    ['.', '../dep', undefined],
    ['contrib/x', '../../', '.'],
    ['contrib/x', '../../../', undefined],
    ['a', './b/../c/./d', 'a/c/d'],
    ['a', '/abs/path', undefined],
    ['a', 'C:\\work\\dep', undefined],
    ['a', '..\\b', 'b']
  ])('resolveReplaceDir(%j, %j) = %j', (dir, target, want) => {
    expect(resolveReplaceDir(dir, target)).toBe(want);
  });

  test('the placeholder pseudo-version of any major, and nothing else', () => {
    expect(isPlaceholderVersion('v0.0.0-00010101000000-000000000000')).toBe(true);
    expect(isPlaceholderVersion('v2.0.0-00010101000000-000000000000')).toBe(true);
    expect(isPlaceholderVersion('v0.0.0-20240101000000-abcdefabcdef')).toBe(false);
    expect(isPlaceholderVersion('v0.0.0')).toBe(false);
  });
});

describe('local modules', () => {
  test('why a path cannot be fetched from its directory', () => {
    expect(unfetchableReason(module('tools/go.mod', 'tools/fmtpercentv'))).toContain('no dot');
    expect(unfetchableReason(module('x/go.mod', 'github.com/a/b/x'), 'o/r')).toContain('repository a/b');
    expect(unfetchableReason(module('x/go.mod', 'github.com/O/R/x'), 'o/r')).toBeUndefined();
    expect(unfetchableReason(module('examples/go.mod', 'github.com/o/r/example'))).toContain('examples/');
    expect(unfetchableReason(module('sub/go.mod', 'github.com/o/r/sub/v3'), 'o/r')).toBeUndefined();
  });

  test.each([
    ['go.mod', 'example.com/anything', true],
    ['sub/go.mod', 'example.com/r/sub', true],
    ['sub/go.mod', 'example.com/r/sub/v2', true],
    ['v2/go.mod', 'example.com/r/v2', true],
    ['sub/go.mod', 'example.com/r/other', false],
    ['sub/go.mod', 'gopkg.in/yaml.v3', false]
  ])('fitsDirectory(%j declares %j) = %j', (file, path, fits) => {
    expect(fitsDirectory(module(file, path))).toBe(fits);
  });

  test('an implicit root module: no root go.mod, and .go files outside the nested modules', () => {
    const nested = modules({ 'lib/go.mod': 'module example.com/r/lib\n' });
    expect(hasImplicitRootModule(nested, ['lib/go.mod', 'lib/l.go', 'r.go'])).toBe(true);
    expect(hasImplicitRootModule(nested, ['lib/go.mod', 'lib/l.go', 'testdata/x.go', 'README.md'])).toBe(
      false
    );
    const rooted = modules({ 'go.mod': 'module example.com/r\n' });
    expect(hasImplicitRootModule(rooted, ['go.mod', 'r.go'])).toBe(false);
  });
});

import { describe, expect, test } from '@jest/globals';
import {
  fileOwnerIndex,
  innermostDirIndex,
  isCountedPath,
  loadModules,
  releasesOfModule,
  resolveTag,
  splitTag,
  tagPrefixOf
} from '../../src/go/module/layout.js';
import { announcedFamily, compareMajors, familyMember } from '../../src/go/module/majors.js';

const enc = (s: string) => new TextEncoder().encode(s);
const modules = (files: Record<string, string>) =>
  loadModules(new Map(Object.entries(files).map(([k, v]) => [k, enc(`module ${v}\n`)])));

describe('files that count', () => {
  test.each([
    ['a/b.go', true],
    ['testdata/x.go', false],
    ['a/testdata/b/x.go', false],
    ['vendor/x/y.go', false],
    ['_x/y.go', false],
    ['.x/y.go', false],
    ['a/_f.go', false],
    ['a/.f.go', false],
    ['testdata.go', true],
    ['vendor.go', true],
    ['a/testdatas/x.go', true],
    ['a/myvendor/x.go', true],
    ['a/vendor', true],
    ['a/b_/c.go', true],
    ['a/b/_c/d/e.go', false]
  ])('%s -> %s', (file, counted) => expect(isCountedPath(file)).toBe(counted));
});

describe('tags and modules', () => {
  const mods = modules({
    'go.mod': 'example.com/r/v2',
    'sub/go.mod': 'example.com/r/sub/v3',
    'lib/v2/go.mod': 'example.com/r/lib/v2',
    'lib/go.mod': 'example.com/r/lib'
  });
  const at = (dir: string) => mods.find(m => m.dir === dir);

  test.each([
    ['.', ''],
    ['sub', 'sub/'],
    ['v2', ''],
    ['lib/v2', 'lib/'],
    ['a/v1', 'a/v1/']
  ])('tag prefix of %s is %j', (dir, prefix) => expect(tagPrefixOf(dir)).toBe(prefix));

  test('split at the last slash', () => {
    expect(splitTag('a/b/v1.2.3')).toEqual({ prefix: 'a/b/', version: 'v1.2.3' });
    expect(splitTag('v1.2.3')).toEqual({ prefix: '', version: 'v1.2.3' });
  });

  test('the major subdirectory wins for its major, the plain directory for the others', () => {
    expect(resolveTag('lib/', 'v2.0.0', mods)).toEqual({ kind: 'module', module: at('lib/v2') });
    expect(resolveTag('lib/', 'v1.4.0', mods)).toEqual({ kind: 'module', module: at('lib') });
    expect(resolveTag('', 'v2.1.0', mods)).toEqual({ kind: 'module', module: at('.') });
  });

  test('a prefix with the major directory, or a directory without go.mod, maps to no module', () => {
    expect(resolveTag('lib/v2/', 'v2.0.0', mods)).toMatchObject({
      kind: 'none',
      reason: expect.stringContaining('lib/v2.0.0')
    });
    expect(resolveTag('nope/', 'v1.0.0', mods)).toMatchObject({
      kind: 'none',
      reason: expect.stringContaining('nope/')
    });
    expect(resolveTag('', 'v2.0.0', [])).toEqual({ kind: 'legacy-root' });
  });

  test('nested modules own their subtree', () => {
    const owner = fileOwnerIndex(mods);
    expect(owner('sub/a/b.go')).toBe(at('sub'));
    expect(owner('lib/v2/x.go')).toBe(at('lib/v2'));
    expect(owner('lib/x.go')).toBe(at('lib'));
    expect(owner('x.go')).toBe(at('.'));
  });

  test('the innermost of some directories that holds a file, asked in any order, and none without a root', () => {
    const dirOwner = innermostDirIndex(['a', 'a/b/c', 'x y']);
    expect(dirOwner('a/b/c/d/e.go')).toBe('a/b/c');
    expect(dirOwner('a/b/e.go')).toBe('a');
    expect(dirOwner('a/b/c/e.go')).toBe('a/b/c'); // a/b is remembered as a's; a/b/c stays its own
    expect(dirOwner('x y/z.go')).toBe('x y');
    expect(dirOwner('ab/e.go')).toBeUndefined();
    expect(dirOwner('e.go')).toBeUndefined();
    expect(dirOwner('ab/f.go')).toBeUndefined(); // remembered
    expect(innermostDirIndex(['.'])('q/r/s.go')).toBe('.');
  });

  test('releases of a module are its prefix and majors, in Go order (v10 after v9)', () => {
    const tags = [
      'v9.0.0',
      'v2.0.0',
      'v10.0.0',
      'v2.1.0',
      'V2.2.0',
      'v2.3.0+meta',
      'sub/v3.0.0',
      'v2.0.0-rc.1'
    ].map(name => ({ name, commit: 'c' }));
    expect(releasesOfModule(tags, at('.')!).map(r => r.tag)).toEqual(['v2.0.0-rc.1', 'v2.0.0', 'v2.1.0']);
    expect(releasesOfModule(tags, at('sub')!).map(r => r.tag)).toEqual(['sub/v3.0.0']);
  });
});

describe('module families', () => {
  test.each([
    ['example.com/m/pkg', 'example.com/m', { major: '', modulePath: 'example.com/m' }],
    ['example.com/m/v2/pkg', 'example.com/m', { major: '2', modulePath: 'example.com/m/v2' }],
    ['example.com/m/v10', 'example.com/m', { major: '10', modulePath: 'example.com/m/v10' }],
    ['example.com/m/v1/pkg', 'example.com/m', { major: '', modulePath: 'example.com/m' }],
    ['example.com/m-extras/x', 'example.com/m', undefined],
    ['gopkg.in/yaml.v2', 'gopkg.in/yaml', { major: '2', modulePath: 'gopkg.in/yaml.v2' }],
    ['gopkg.in/yaml.v3/sub', 'gopkg.in/yaml', { major: '3', modulePath: 'gopkg.in/yaml.v3' }],
    ['gopkg.in/yamlx.v3', 'gopkg.in/yaml', undefined]
  ])('%s in family %s', (path, prefix, member) => expect(familyMember(path, prefix)).toEqual(member));

  test('a major element announces a family', () => {
    expect(announcedFamily('github.com/o/dep/v2/x')).toEqual({ prefix: 'github.com/o/dep', major: '2' });
    expect(announcedFamily('gopkg.in/yaml.v3')).toEqual({ prefix: 'gopkg.in/yaml', major: '3' });
    expect(announcedFamily('github.com/o/dep/x')).toBeUndefined();
    expect(announcedFamily('github.com/o/dep/v1/x')).toBeUndefined();
  });

  test('majors order as numbers', () => {
    expect(['10', '', '2', '9'].sort(compareMajors)).toEqual(['', '2', '9', '10']);
  });
});

// The declaration parser (src/go/api/parse.ts): against tree-sitter-go, a general-purpose Go grammar,
// through the same extractor on the Go standard library; its readings of Go's ambiguous spots; and
// that no input makes it throw.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import type { ApiObject, ModuleApi } from '../src/go/api/model.js';
import { extractModuleApi, type ApiSource, type ParseGo } from '../src/go/api/extract.js';
import { parseGoDeclarations } from '../src/go/api/parse.js';
import { describeWithGo } from './helpers/gotool.js';
import { loadTreeSitterGo } from './helpers/tree-sitter.js';

const enc = new TextEncoder();
const api = (text: string): Map<string, ApiObject> =>
  extractModuleApi('example.com/m', '.', [
    { file: 'a.go', data: enc.encode(`package a\n${text}`) }
  ]).packages.get('.')?.objects ?? new Map();

const signature = (text: string, name: string): string | undefined => {
  const o = api(text).get(name);
  return o?.kind === 'func' ? o.signature : undefined;
};

const typeOf = (text: string, name: string): unknown => {
  const o = api(text).get(name);
  return o?.kind === 'type' ? { params: o.typeParams, text: o.text, underlying: o.underlying } : undefined;
};

/** Objects as comparable JSON (positions included). */
const serialize = (a: ModuleApi): string =>
  JSON.stringify([...a.packages.values()].map(p => [p.dir, p.name, p.pos, [...p.objects.entries()]]));

describeWithGo('the same API as tree-sitter-go reads', () => {
  let treeSitter: { parse: ParseGo; dispose(): void };
  beforeAll(async () => {
    treeSitter = await loadTreeSitterGo();
  });
  afterAll(() => treeSitter.dispose());

  // tree-sitter-go 0.25 misreads these long parameter lists (`func Syscall9(trap, nargs, a1, …, a9
  // uintptr)`: it takes the first names for types); go/types and goparse give every parameter uintptr.
  const treeSitterMisreads = new Set([
    'syscall Syscall9',
    'syscall Syscall12',
    'syscall Syscall15',
    'syscall Syscall18'
  ]);

  test('every exported object of the Go standard library (GOROOT/src without cmd/)', () => {
    const goroot = execFileSync('go', ['env', 'GOROOT'], { encoding: 'utf8' }).trim();
    const src = join(goroot, 'src');
    const files = execFileSync(
      'find',
      [
        '-L',
        '.',
        '-name',
        '*.go',
        '-not',
        '-path',
        '*/testdata/*',
        '-not',
        '-path',
        './cmd/*',
        '-not',
        '-path',
        '*/vendor/*'
      ],
      { cwd: src, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }
    )
      .split('\n')
      .filter(Boolean)
      .map(f => f.slice(2))
      .sort();
    const sources: ApiSource[] = files.map(file => ({ file, data: readFileSync(join(src, file)) }));
    const oursAll = extractModuleApi('std', '.', sources);
    const theirsAll = extractModuleApi('std', '.', sources, treeSitter.parse);
    // The API per group of platforms (the files each platform builds): every group compared.
    const ourGroups = [oursAll, ...(oursAll.variants ?? [])];
    const theirGroups = [theirsAll, ...(theirsAll.variants ?? [])];
    expect(ourGroups.map(g => g.platforms)).toEqual(theirGroups.map(g => g.platforms));

    let objects = 0;
    const differences: string[] = [];
    for (const [i, ours] of ourGroups.entries()) {
      const theirs = theirGroups[i];
      expect([...ours.packages.keys()]).toEqual([...theirs.packages.keys()]);
      for (const [dir, p] of ours.packages) {
        const other = theirs.packages.get(dir);
        expect({ name: p.name, pos: p.pos }).toEqual({ name: other?.name, pos: other?.pos });
        const names = new Set([...p.objects.keys(), ...(other?.objects.keys() ?? [])]);
        for (const name of names) {
          objects++;
          const a = JSON.stringify(p.objects.get(name));
          const b = JSON.stringify(other?.objects.get(name));
          if (a !== b && !treeSitterMisreads.has(`${dir} ${name}`))
            differences.push(`${dir} ${name}\n  goparse:     ${a}\n  tree-sitter: ${b}`);
        }
      }
    }
    console.log(
      `${files.length} files, ${ourGroups.length} groups of platforms, ${oursAll.packages.size} packages on ${oursAll.platforms?.join(', ') ?? 'all'}, ${objects} exported objects compared`
    );
    expect(objects).toBeGreaterThan(5000);
    expect(differences).toEqual([]);
  });

  test('sources written for the ambiguities below', () => {
    const data = enc.encode(`package a\n${AMBIGUOUS.join('\n')}\n`);
    const sources = [{ file: 'a.go', data }];
    expect(serialize(extractModuleApi('m', '.', sources))).toBe(
      serialize(extractModuleApi('m', '.', sources, treeSitter.parse))
    );
  });
});

const AMBIGUOUS = [
  'const N = 4',
  'type Array [N]int',
  'type Array2 [N * 2]int',
  'type Generic[P any] []P',
  'type Pair[K comparable, V any] struct{ K K; V V }',
  'type Union[T ~int | ~string] []T',
  'type Fields struct { a [2]int; Pair[int, string]; B []byte; *Array; io.Reader "tag" }',
  'func Grouped(a, b int, c ...string) (n int, err error) { return }',
  'func Types(int, []string, Generic[int]) error { return nil }',
  'func Chans(a chan<- chan int, b <-chan <-chan int, c chan (<-chan int)) {}'
];

describe('readings of the spots where Go syntax is ambiguous', () => {
  test('after a type name, `[N]` is an array length and `[P any]` a type parameter list', () => {
    const text = AMBIGUOUS.slice(0, 6).join('\n');
    expect(typeOf(text, 'Array')).toEqual({
      params: [],
      text: '[N]int',
      underlying: { kind: 'other', text: '[N]int' }
    });
    expect(typeOf(text, 'Array2')).toMatchObject({ params: [], text: '[N * 2]int' });
    expect(typeOf(text, 'Generic')).toMatchObject({
      params: [{ name: 'P', constraint: 'any' }],
      text: '[]P'
    });
    expect(typeOf(text, 'Pair')).toMatchObject({
      params: [
        { name: 'K', constraint: 'comparable' },
        { name: 'V', constraint: 'any' }
      ]
    });
    expect(typeOf(text, 'Union')).toMatchObject({ params: [{ name: 'T', constraint: '~int | ~string' }] });
    // The spec's own examples: `[P *C]` is an array length, a trailing comma makes it a parameter.
    expect(typeOf('type A [P *C]int', 'A')).toMatchObject({ params: [], text: '[P * C]int' });
    expect(typeOf('type A[P *C,] struct{}', 'A')).toMatchObject({
      params: [{ name: 'P', constraint: '*C' }]
    });
  });

  test('in a struct, `a [2]int` is a field and `Pair[int, string]` an embedded instance', () => {
    const fields = typeOf(`${AMBIGUOUS.slice(0, 7).join('\n')}`, 'Fields') as {
      underlying: { fields: unknown[] };
    };
    expect(fields.underlying.fields).toEqual([
      expect.objectContaining({ name: 'Pair', type: 'Pair[int, string]', embedded: true }),
      expect.objectContaining({ name: 'B', type: '[]byte', embedded: false }),
      expect.objectContaining({ name: 'Array', type: '*Array', embedded: true }),
      expect.objectContaining({ name: 'Reader', type: 'io.Reader', embedded: true })
    ]);
  });

  test('parameters: lone names share the type that follows; without names every entry is a type', () => {
    expect(signature(AMBIGUOUS[7], 'Grouped')).toBe('func(int, int, ...string) (int, error)');
    expect(signature(AMBIGUOUS[8], 'Types')).toBe('func(int, []string, Generic[int]) error');
    expect(signature('func F(a []int, m map[string]int) {}', 'F')).toBe('func([]int, map[string]int)');
  });

  test('`<-` binds to the leftmost `chan`', () => {
    expect(signature(AMBIGUOUS[9], 'Chans')).toBe(
      'func(chan<- chan int, <-chan <-chan int, chan (<-chan int))'
    );
  });

  test('line ends end declarations (a comment spanning lines counts as one)', () => {
    const objects = api(
      'const A = 1 /*\n*/ const B = 2\nvar C int; var D = `x\ny`\ntype E struct{ F int }\n'
    );
    expect([...objects.keys()]).toEqual(['A', 'B', 'C', 'D', 'E']);
  });

  test('constants: Go precedence, iota, conversions; other expressions keep their text', () => {
    const objects = api(
      'type T int\nconst (\n\tA = 1 + 2*3 << 1\n\tB T = 1 << iota | 1\n\tC\n\tD = T(7) + len("abc")\n\tE = "a" + `b`\n)\n'
    );
    const value = (name: string) => {
      const o = objects.get(name);
      return o?.kind === 'const' ? o.value : undefined;
    };
    expect([value('A'), value('B'), value('C'), value('D'), value('E')]).toEqual([
      '13',
      '3',
      '5',
      'T(7) + len("abc")',
      '"ab"'
    ]);
  });

  test('Unicode identifiers: upper-case letters other than A-Z export', () => {
    expect([...api('type Ünïcode int\nfunc ñame() {}\nvar Δ, λ = 1, 2\n').keys()]).toEqual(['Ünïcode', 'Δ']);
  });
});

describe('broken input', () => {
  test('a broken declaration is skipped; reading resumes at the next line that starts one', () => {
    const objects = api(
      'func Broken(a int {\n}\ntype T struct{ A int }\nconst (\n\tX = 1 +\n\tY = 2\n)\nvar V = "unterminated\nfunc After() {}\n'
    );
    // X's spec takes `Y = 2` as its operand and fails; Y goes with it. V's string does not end.
    expect([...objects.keys()].sort()).toEqual(['After', 'T']);
  });

  test('no input makes the parser or the extractor throw', () => {
    const valid = `package a\n${AMBIGUOUS.join('\n')}\nfunc F() { if x { y() } }\nconst ( A = iota; B )\n`;
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 200 }),
          fc
            .tuple(fc.nat(valid.length), fc.nat(valid.length), fc.string({ maxLength: 8 }))
            .map(([a, b, s]) => valid.slice(0, Math.min(a, b)) + s + valid.slice(Math.max(a, b)))
        ),
        text => {
          expect(() => parseGoDeclarations(text)).not.toThrow();
          expect(() =>
            extractModuleApi('example.com/m', '.', [{ file: 'a.go', data: enc.encode(text) }])
          ).not.toThrow();
        }
      ),
      { numRuns: 2000, seed: 42 }
    );
  });
});

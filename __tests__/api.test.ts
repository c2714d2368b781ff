// The exported-API extractor (src/go/api/extract.ts) on hand-written Go sources.
import { describe, expect, test } from '@jest/globals';
import type { ApiObject, ModuleApi, PackageApi, Underlying } from '../src/go/api/model.js';
import { extractModuleApi, unchangedPackages, type ApiSource } from '../src/go/api/extract.js';
import { compareApis } from '../src/go/api/diff.js';

const enc = new TextEncoder();
const src = (files: Record<string, string>): ApiSource[] =>
  Object.entries(files).map(([file, text]) => ({ file, data: enc.encode(text) }));

function extract(files: Record<string, string>, modulePath = 'example.com/m', moduleDir = '.'): ModuleApi {
  return extractModuleApi(modulePath, moduleDir, src(files));
}

function pkg(api: ModuleApi, dir = '.'): PackageApi {
  const p = api.packages.get(dir);
  if (!p) throw new Error(`no package ${dir}: ${[...api.packages.keys()].join(', ')}`);
  return p;
}

function obj<K extends ApiObject['kind']>(
  p: PackageApi,
  name: string,
  kind: K
): Extract<ApiObject, { kind: K }> {
  const o = p.objects.get(name);
  if (!o || o.kind !== kind) throw new Error(`${name}: ${JSON.stringify(o)}`);
  return o as Extract<ApiObject, { kind: K }>;
}

function under<K extends Underlying['kind']>(
  p: PackageApi,
  name: string,
  kind: K
): Extract<Underlying, { kind: K }> {
  const u = obj(p, name, 'type').underlying;
  if (u.kind !== kind) throw new Error(`${name}: ${JSON.stringify(u)}`);
  return u as Extract<Underlying, { kind: K }>;
}

describe('constants', () => {
  const api = () =>
    extract({
      'c.go': `package c

type Weekday int

const (
	Sunday Weekday = iota
	Monday
	_
	Wednesday
)

const (
	KB = 1 << (10 * (iota + 1))
	MB
	unexported
	GB
)

const (
	A, B = iota, "x" + "y"
	C, D
)

const Typed int64 = 0x_1F
const Untyped = 3
const Str = \`raw\\n\`
const Esc = "tab\\there\\u00e9"
const Rune = 'a'
const Bool = 1 < 2
const Neg = -Untyped * 2
const Ext = math.MaxInt8
const Shifted = Ext << iota
const Conv = Weekday(5)
const Float = 1.5
const é = 1
const Ü = 2
`
    });

  test('iota in groups, implicit repetition of type and value', () => {
    const p = pkg(api());
    expect(obj(p, 'Sunday', 'const')).toMatchObject({ type: 'Weekday', value: '0' });
    expect(obj(p, 'Monday', 'const')).toMatchObject({ type: 'Weekday', value: '1' });
    expect(obj(p, 'Wednesday', 'const')).toMatchObject({ type: 'Weekday', value: '3' });
    expect(obj(p, 'KB', 'const')).toMatchObject({ value: '1024' });
    expect(obj(p, 'MB', 'const').value).toBe('1048576');
    expect(obj(p, 'GB', 'const').value).toBe(String(1n << 40n)); // iota 3: the unexported one counts
    expect(obj(p, 'KB', 'const').type).toBeUndefined();
    expect(p.objects.has('unexported')).toBe(false);
    expect(obj(p, 'A', 'const').value).toBe('0');
    expect(obj(p, 'B', 'const').value).toBe('"xy"');
    expect(obj(p, 'C', 'const').value).toBe('1');
    expect(obj(p, 'D', 'const').value).toBe('"xy"');
  });

  test('literal values, typed and untyped', () => {
    const p = pkg(api());
    expect(obj(p, 'Typed', 'const')).toMatchObject({ type: 'int64', value: '31' });
    expect(obj(p, 'Untyped', 'const')).toMatchObject({ value: '3' });
    expect(obj(p, 'Untyped', 'const').type).toBeUndefined();
    expect(obj(p, 'Str', 'const').value).toBe('"raw\\\\n"');
    expect(obj(p, 'Esc', 'const').value).toBe('"tab\\thereé"');
    expect(obj(p, 'Rune', 'const').value).toBe('97');
    expect(obj(p, 'Bool', 'const').value).toBe('true');
    expect(obj(p, 'Neg', 'const').value).toBe('-6');
    expect(obj(p, 'Conv', 'const').value).toBe('5');
    expect(obj(p, 'Float', 'const').value).toBe('1.5');
    expect(obj(p, 'Ü', 'const').value).toBe('2');
    expect(p.objects.has('é')).toBe(false); // lower case: not exported
  });

  test('values that cannot be evaluated keep their text, with the iota index when it matters', () => {
    const p = pkg(api());
    expect(obj(p, 'Ext', 'const').value).toBe('math.MaxInt8');
    expect(obj(p, 'Shifted', 'const').value).toBe('Ext << iota@0');
  });

  test('reordering a const group changes the values', () => {
    const before = extract({ 'c.go': 'package c\nconst (\n\tA = iota\n\tB\n)\n' });
    const after = extract({ 'c.go': 'package c\nconst (\n\tB = iota\n\tA\n)\n' });
    expect(obj(pkg(before), 'A', 'const').value).toBe('0');
    expect(obj(pkg(after), 'A', 'const').value).toBe('1');
  });

  test('positions are 1-based lines and code-point columns', () => {
    const p = pkg(api());
    expect(obj(p, 'Ü', 'const').pos).toEqual({ file: 'c.go', line: 36, column: 7 });
    expect(obj(p, 'Sunday', 'const').pos).toEqual({ file: 'c.go', line: 6, column: 2 });
    expect(p.pos).toEqual({ file: 'c.go', line: 1, column: 1 });
    const wide = pkg(extract({ 'w.go': 'package w\n\n/* 😀 */ const é, Ü = 1, 2\n' }));
    expect(obj(wide, 'Ü', 'const').pos).toEqual({ file: 'w.go', line: 3, column: 18 });
  });
});

test('vars: groups, declared types, inferred types left out', () => {
  const p = pkg(
    extract({
      'v.go': `package v

import "io"

var (
	A, B int
	c    string
	R    io.Reader = nil
	X, Y = 1, "s"
)
var Fn func(a, b int, rest ...string) (n int, err error)
`
    })
  );
  expect(obj(p, 'A', 'var').type).toBe('int');
  expect(obj(p, 'B', 'var').type).toBe('int');
  expect(p.objects.has('c')).toBe(false);
  expect(obj(p, 'R', 'var').type).toBe('io.Reader');
  expect(obj(p, 'X', 'var').type).toBeUndefined();
  expect(obj(p, 'Y', 'var').type).toBeUndefined();
  expect(obj(p, 'Fn', 'var').type).toBe('func(int, int, ...string) (int, error)');
});

describe('funcs and methods', () => {
  const p = () =>
    pkg(
      extract({
        'f.go': `package f

import (
	"context"
	"io"
)

func Plain() {}
func Variadic(format string, args ...any) {}
func Multi(ctx context.Context, r io.Reader) (int, error) { return 0, nil }
func Named() (n int, err error) { return }
func OneNamed() (err error) { return }
func Chans(a chan int, b <-chan []int, c chan<- map[string]*int, d chan (<-chan int), e chan <-chan int) {}
func Nested(f func(x int) (y string), s struct{ A int; b string }, i interface{ M(int) error; io.Reader }) {}
func Generic[K comparable, V ~int | ~string, S ~[]V](m map[K]V, s S) []K { return nil }
func unexported() {}

type T struct{}
type Box[T any, U fmt.Stringer] struct{}
type unexportedType struct{}

func (t T) Value(x int) string { return "" }
func (t *T) Pointer() {}
func (T) noName() {}
func (b *Box[X, Y]) Get() X { var x X; return x }
func (b Box[_, _]) Put() {}
func (u unexportedType) Hidden() {}
`
      })
    );

  test('signatures without parameter names', () => {
    expect(obj(p(), 'Plain', 'func').signature).toBe('func()');
    expect(obj(p(), 'Variadic', 'func').signature).toBe('func(string, ...any)');
    expect(obj(p(), 'Multi', 'func').signature).toBe('func(context.Context, io.Reader) (int, error)');
    expect(obj(p(), 'Named', 'func').signature).toBe('func() (int, error)');
    expect(obj(p(), 'OneNamed', 'func').signature).toBe('func() error');
    expect(obj(p(), 'Chans', 'func').signature).toBe(
      'func(chan int, <-chan []int, chan<- map[string]*int, chan (<-chan int), chan<- chan int)'
    );
    expect(obj(p(), 'Nested', 'func').signature).toBe(
      'func(func(int) string, struct{A int; b string}, interface{M(int) error; io.Reader})'
    );
    expect(p().objects.has('unexported')).toBe(false);
  });

  test('type parameters with constraints', () => {
    const g = obj(p(), 'Generic', 'func');
    expect(g.typeParams).toEqual([
      { name: 'K', constraint: 'comparable' },
      { name: 'V', constraint: '~int | ~string' },
      { name: 'S', constraint: '~[]V' }
    ]);
    expect(g.signature).toBe('func(map[K]V, S) []K');
    expect(obj(p(), 'Box', 'type').typeParams).toEqual([
      { name: 'T', constraint: 'any' },
      { name: 'U', constraint: 'fmt.Stringer' }
    ]);
  });

  test('methods on value and pointer receivers, grouped by base type; only exported on exported types', () => {
    const t = obj(p(), 'T', 'type');
    expect(t.methods.map(m => [m.name, m.signature, Boolean(m.pointer)])).toEqual([
      ['Pointer', 'func()', true],
      ['Value', 'func(int) string', false]
    ]);
    expect(obj(p(), 'Box', 'type').methods.map(m => [m.name, m.signature])).toEqual([
      ['Get', 'func() X'],
      ['Put', 'func()']
    ]);
    expect(p().objects.has('unexportedType')).toBe(false);
  });
});

describe('members promoted from embedded types of the same package', () => {
  const p = () =>
    pkg(
      extract({
        'base.go': `package e

type base struct {
	Shared int
	hidden string
	*deeper
}

func (base) Val() int     { return 0 }
func (*base) Ptr()        {}
func (base) Name() string { return "" }
func (base) lower()       {}

type deeper struct{ Deep []string }

func (*deeper) DeepPtr() {}
`,
        'e.go': `package e

import "io"

// Server embeds base by value: Ptr stays a method of *Server only.
type Server struct {
	base
	io.Reader
	Name string
}

// Client embeds base through a pointer: all of base's methods are a Client value's.
type Client struct{ *base }

// Both embeds two types that have Shared at the same depth: it is ambiguous, so neither is promoted.
type Both struct {
	base
	other
}

type other struct{ Shared bool }

// Copy is defined from Server: it has Server's fields (so what they promote), not Server's methods.
type Copy Server

type Generic[T any] struct{ base }
`
      })
    );

  test('methods, with whether only the pointer has them, and the path they come through', () => {
    const server = obj(p(), 'Server', 'type');
    expect(server.promoted?.methods.map(m => [m.name, Boolean(m.pointer), m.via])).toEqual([
      ['DeepPtr', false, 'base.deeper'],
      ['Ptr', true, 'base'],
      ['Val', false, 'base']
    ]);
    const client = obj(p(), 'Client', 'type');
    expect(client.promoted?.methods.map(m => [m.name, Boolean(m.pointer)])).toEqual([
      ['DeepPtr', false],
      ['Name', false],
      ['Ptr', false],
      ['Val', false]
    ]);
  });

  test('exported fields of embedded structs, the shallowest first; other packages are not looked into', () => {
    expect(obj(p(), 'Server', 'type').promoted?.fields.map(f => [f.name, f.type, f.via])).toEqual([
      ['Deep', '[]string', 'base.deeper'],
      ['Shared', 'int', 'base']
    ]);
  });

  test('ambiguous names, defined types and generic types', () => {
    const both = obj(p(), 'Both', 'type').promoted;
    expect(both?.fields.map(f => f.name)).toEqual(['Deep']);
    expect(obj(p(), 'Copy', 'type').methods).toEqual([]);
    expect(obj(p(), 'Copy', 'type').promoted?.methods.map(m => m.name)).toEqual(['DeepPtr', 'Ptr', 'Val']);
    expect(obj(p(), 'Generic', 'type').promoted).toBeUndefined();
  });
});

describe('types', () => {
  const api = () =>
    extract({
      'go.mod': 'module example.com/m\n',
      't.go': `package t

import (
	"fmt"
	"io"

	"example.com/m/other"
	alias "example.com/m/sub"
)

type S struct {
	io.Reader
	*Embedded
	other.Exported
	lower
	A, b int \`json:"a"\`
	C    map[string][]*fmt.Stringer \`x:"y"\`
	D    struct {
		X int \`tag:"1"\`
		y string
	}
}

type Embedded struct{ Z int }
type lower struct{}
type Open struct{ A int }

type I interface {
	io.Closer
	other.Iface
	alias.Deep
	local
	Own(x int) (ok bool)
	own()
}

type local interface{ Local() error }

type Number interface {
	~int | ~int64 | float64
}

type Mixed interface {
	int
	String() string
}

type G[T any, N Number] struct {
	V T
	n N
}

type Alias = other.Exported
type AliasG = G[string, int]
type Defined S
type DefinedI I
type Slice []map[string]int
type Func func(int, ...string) error
type Arr [4]byte
type Chan chan<- int
type Err error
type Any = any
`,
      'other/o.go': `package other

import "example.com/m/internal/deep"

type Exported struct{ F int }

type Iface interface {
	IfaceMethod() string
	deep.Hidden
}
`,
      'sub/s.go': `package sub

type Deep interface {
	DeepMethod([]byte) (int, error)
	Missing
}
`,
      'internal/deep/d.go': `package deep

type Hidden interface{ Visible(); hidden() }
`
    });

  test('struct fields: exported and embedded, normalized types, tags ignored, source order', () => {
    const u = under(pkg(api()), 'S', 'struct');
    expect(u.fields.map(f => [f.name, f.type, f.embedded])).toEqual([
      ['Reader', 'io.Reader', true],
      ['Embedded', '*Embedded', true],
      ['Exported', 'other.Exported', true],
      ['A', 'int', false],
      ['C', 'map[string][]*fmt.Stringer', false],
      ['D', 'struct{X int; y string}', false]
    ]);
    expect(u.hasUnexportedFields).toBe(true);
    expect(under(pkg(api()), 'Open', 'struct').hasUnexportedFields).toBe(false);
    expect(obj(pkg(api()), 'S', 'type').text).toBe('struct{...}');
    expect(u.fields[3].pos).toEqual({ file: 't.go', line: 16, column: 2 });
  });

  test('interfaces: methods of embedded same-module interfaces (other package, alias import, internal), external embeds kept', () => {
    const u = under(pkg(api()), 'I', 'interface');
    expect(u.methods.map(m => [m.name, m.signature])).toEqual([
      ['DeepMethod', 'func([]byte) (int, error)'],
      ['IfaceMethod', 'func() string'],
      ['Local', 'func() error'],
      ['Own', 'func(int) bool'],
      ['Visible', 'func()']
    ]);
    expect(u.embeds).toEqual(['io.Closer', 'Missing']);
    expect(u.hasUnexportedMethods).toBe(true);
    expect(u.typeSet).toBe(false);
    expect(u.methods.find(m => m.name === 'IfaceMethod')?.pos.file).toBe('other/o.go');
  });

  test('type-set constraint interfaces', () => {
    const n = under(pkg(api()), 'Number', 'interface');
    expect(n).toMatchObject({ methods: [], embeds: ['~int | ~int64 | float64'], typeSet: true });
    const m = under(pkg(api()), 'Mixed', 'interface');
    expect(m).toMatchObject({ embeds: ['int'], typeSet: true });
    expect(m.methods.map(x => x.name)).toEqual(['String']);
  });

  test('generic types, aliases and defined types', () => {
    const p = pkg(api());
    const g = obj(p, 'G', 'type');
    expect(g.typeParams).toEqual([
      { name: 'T', constraint: 'any' },
      { name: 'N', constraint: 'Number' }
    ]);
    expect(under(p, 'G', 'struct')).toMatchObject({ hasUnexportedFields: true });
    expect(obj(p, 'Alias', 'type')).toMatchObject({ alias: true, text: 'other.Exported' });
    expect(under(p, 'Alias', 'struct').fields.map(f => f.name)).toEqual(['F']);
    expect(under(p, 'AliasG', 'struct').fields.map(f => [f.name, f.type])).toEqual([['V', 'string']]);
    expect(obj(p, 'Defined', 'type')).toMatchObject({ alias: false, text: 'S' });
    expect(under(p, 'Defined', 'struct').fields).toHaveLength(6);
    expect(under(p, 'DefinedI', 'interface').methods).toHaveLength(5);
    expect(under(p, 'Slice', 'other').text).toBe('[]map[string]int');
    expect(under(p, 'Func', 'other').text).toBe('func(int, ...string) error');
    expect(under(p, 'Arr', 'other').text).toBe('[4]byte');
    expect(under(p, 'Chan', 'other').text).toBe('chan<- int');
    expect(under(p, 'Err', 'interface').methods.map(m => [m.name, m.signature])).toEqual([
      ['Error', 'func() string']
    ]);
    expect(under(p, 'Any', 'interface').methods).toEqual([]);
  });

  test('the package set: internal trees are read but not reported', () => {
    expect([...api().packages.keys()]).toEqual(['.', 'other', 'sub']);
  });
});

describe('which files and packages count', () => {
  const api = () =>
    extract(
      {
        'mod/a.go': 'package a\nfunc A() {}\n',
        'mod/a_test.go': 'package a\nfunc TestOnly() {}\n',
        'mod/x_test.go': 'package a_test\nfunc External() {}\n',
        'mod/ignored.go': '//go:build ignore\n\npackage a\nfunc Ignored() {}\n',
        'mod/linux.go': '//go:build linux\n\npackage a\nfunc Linux() {}\n',
        'mod/_hidden.go': 'package a\nfunc Hidden() {}\n',
        'mod/cmd/tool/main.go': 'package main\nfunc Exported() {}\nfunc main() {}\n',
        'mod/internal/x/x.go': 'package x\nfunc X() {}\n',
        'mod/a/internal/y.go': 'package internal\nfunc Y() {}\n',
        'mod/testdata/t.go': 'package t\nfunc T() {}\n',
        'mod/vendor/v/v.go': 'package v\nfunc V() {}\n',
        'mod/_x/x.go': 'package x\nfunc X() {}\n',
        'mod/.x/x.go': 'package x\nfunc X() {}\n',
        'mod/doc/doc.go': '// Package doc has no declarations.\npackage doc\n',
        'mod/README.md': '# not go',
        'elsewhere/e.go': 'package e\nfunc E() {}\n'
      },
      'example.com/m',
      'mod'
    );

  test('packages: main, internal, testdata, vendor, _x and .x left out', () => {
    const a = api();
    expect(a.modulePath).toBe('example.com/m');
    expect([...a.packages.keys()]).toEqual(['.', 'doc']);
    expect(pkg(a, 'doc').objects.size).toBe(0);
    expect(pkg(a).name).toBe('a');
    expect(pkg(a).pos.file).toBe('mod/a.go');
  });

  test('files: _test.go, //go:build ignore and _x.go left out; other constraints count', () => {
    expect([...pkg(api()).objects.keys()].sort()).toEqual(['A', 'Linux']);
  });
});

test('broken source does not throw; what parses is reported', () => {
  const a = extract({
    'b.go': `package b

func Good() int { return 1 }

func Broken( {

type T struct {
	A int
}

const C = 1 +

var V int
`,
    'bin.go': '\u0000\u0001\u00ff garbage',
    'empty.go': ''
  });
  const p = pkg(a);
  expect([...p.objects.keys()].sort()).toEqual(['Good', 'T', 'V']);
  expect(obj(p, 'V', 'var').pos).toEqual({ file: 'b.go', line: 13, column: 5 });
  expect(under(p, 'T', 'struct').fields.map(f => f.name)).toEqual(['A']);
  const body = pkg(extract({ 'f.go': 'package f\nfunc BadBody() int {\n\treturn 1 +\n}\nfunc Next() {}\n' }));
  expect([...body.objects.keys()].sort()).toEqual(['BadBody', 'Next']);
});

describe('function bodies and initializers are skipped, braces in literals and comments included', () => {
  const go = `package b

func A() map[string]struct{} { return map[string]struct{}{"}": {}} }
func B(f func() interface{ M() }) (x struct{ Y int }) {
\ts := \`{\` + "\\"{" // {
\t/* } */ r := '{'
\treturn
}
var V = func() int { return 1 }
type T struct{ F func() }
func (t *T) Method() []byte { return nil }
func C() 😀 {}
`;

  test('signatures, and what follows the bodies', () => {
    const p = pkg(extract({ 'b.go': go }));
    expect(obj(p, 'A', 'func').signature).toBe('func() map[string]struct{}');
    expect(obj(p, 'B', 'func').signature).toBe('func(func() interface{M()}) struct{Y int}');
    expect(obj(p, 'T', 'type').methods.map(m => m.signature)).toEqual(['func() []byte']);
    expect(obj(p, 'V', 'var').pos).toEqual({ file: 'b.go', line: 9, column: 5 });
  });
});

test('a BOM and CRLF line endings', () => {
  const p = pkg(extract({ 'w.go': '\ufeffpackage w\r\n\r\nconst A = "x"\r\nfunc F(a int) {}\r\n' }));
  expect(obj(p, 'A', 'const').value).toBe('"x"');
  expect(obj(p, 'F', 'func').pos).toEqual({ file: 'w.go', line: 4, column: 6 });
});

test('extracting a package with 5,000 declarations', () => {
  const lines = ['package big', '', 'import "io"', ''];
  for (let i = 0; i < 1000; i++) {
    lines.push(`const C${i} = ${i} << 2`);
    lines.push(`var V${i} map[string][]*io.Reader`);
    lines.push(`func F${i}(a int, b ...string) (int, error) { return a, nil }`);
    lines.push(`type S${i} struct {\n\tA int \`json:"a"\`\n\tB []string\n\tio.Reader\n}`);
    lines.push(`type I${i} interface {\n\tM${i}(x int) error\n\tio.Closer\n}`);
  }
  // How fast is the benchmark's to say (npm run bench); this says that nothing is lost at that size.
  const api = extract({ 'big/big.go': lines.join('\n') });
  expect(pkg(api, 'big').objects.size).toBe(5000);
  expect(obj(pkg(api, 'big'), 'C999', 'const').value).toBe('3996');
  const iface = under(pkg(api, 'big'), 'I999', 'interface');
  expect([iface.methods.map(m => m.name), iface.embeds]).toEqual([['M999'], ['io.Closer']]);
});

describe('unchangedPackages: what a major bump rewrote without changing a declaration', () => {
  const OLD = 'example.com/m';
  const NEW = 'example.com/m/v2';
  const file = (path: string, imports: string[], rest = 'func F() {}\n', header = '') =>
    `${header}package ${path.split('/').slice(-2, -1)[0] ?? 'm'}\n\nimport (\n${imports.map(i => `\t${i}\n`).join('')})\n\n${rest}`;
  const sides = (old: Record<string, string>, now: Record<string, string>) =>
    unchangedPackages({ modulePath: OLD, files: src(old) }, { modulePath: NEW, files: src(now) });

  test('own imports moved to the new path, other imports and every declaration as they were', () => {
    expect(
      sides(
        {
          'a/a.go': file('a/a.go', ['"fmt"', `"${OLD}/b"`, `x "${OLD}"`]),
          'b/b.go': file('b/b.go', ['"fmt"'])
        },
        {
          'a/a.go': file('a/a.go', ['"fmt"', `"${NEW}/b"`, `x "${NEW}"`]),
          'b/b.go': file('b/b.go', ['"fmt"'])
        }
      )
    ).toEqual(new Set(['a', 'b']));
  });

  test('a header comment may change; a build constraint may not', () => {
    const imports = [`"${OLD}/b"`];
    const moved = [`"${NEW}/b"`];
    expect(
      sides(
        { 'a/a.go': file('a/a.go', imports, 'func F() {}\n', '// Package a does things.\n') },
        { 'a/a.go': file('a/a.go', moved, 'func F() {}\n', '// Package a does other things.\n') }
      )
    ).toEqual(new Set(['a']));
    expect(
      sides(
        { 'a/a.go': file('a/a.go', imports) },
        { 'a/a.go': file('a/a.go', moved, 'func F() {}\n', '//go:build linux\n\n') }
      )
    ).toEqual(new Set());
  });

  test('a changed declaration, import name, dependency path or file set makes the package count as changed', () => {
    const old = { 'a/a.go': file('a/a.go', [`"${OLD}/b"`, '"example.com/dep"']) };
    const cases: Record<string, string>[] = [
      { 'a/a.go': file('a/a.go', [`"${NEW}/b"`, '"example.com/dep"'], 'func F(int) {}\n') },
      { 'a/a.go': file('a/a.go', [`bb "${NEW}/b"`, '"example.com/dep"']) },
      { 'a/a.go': file('a/a.go', [`"${NEW}/b"`, '"example.com/dep/v2"']) },
      { 'a/a.go': file('a/a.go', [`"${NEW}/c"`, '"example.com/dep"']) },
      { 'a/a.go': file('a/a.go', [`"${NEW}/b"`]) },
      { 'a/a.go': file('a/a.go', [`"${NEW}/b"`, '"example.com/dep"']), 'a/more.go': 'package a\n' }
    ];
    for (const now of cases) expect(sides(old, now)).toEqual(new Set());
    // A file that no longer reads at all is a change too.
    expect(sides(old, { 'a/a.go': 'package a\n\nimport (\n\t"unterminated\n' })).toEqual(new Set());
  });

  test('leaving those packages out changes no verdict of the comparison', () => {
    // a: only rewritten; b: rewritten, and a function removed; c: rewritten, embeds b's interface.
    const old = {
      'a/a.go': file('a/a.go', [`"${OLD}/b"`], 'func A() b.Reader { return nil }\n'),
      'b/b.go': 'package b\n\ntype Reader interface{ Read() }\n\nfunc Gone() {}\n',
      'c/c.go': file('c/c.go', [`"${OLD}/b"`], 'type C interface{ b.Reader }\n')
    };
    const now = {
      'a/a.go': file('a/a.go', [`"${NEW}/b"`], 'func A() b.Reader { return nil }\n'),
      'b/b.go': 'package b\n\ntype Reader interface{ Read() }\n',
      'c/c.go': file('c/c.go', [`"${NEW}/b"`], 'type C interface{ b.Reader }\n')
    };
    const unchanged = sides(old, now);
    expect(unchanged).toEqual(new Set(['a', 'c']));
    const kept = (files: Record<string, string>) =>
      src(files).filter(s => !unchanged.has(s.file.slice(0, s.file.indexOf('/'))));
    const whole = compareApis(extract(old, OLD), extract(now, NEW));
    const parsed = compareApis(extractModuleApi(OLD, '.', kept(old)), extractModuleApi(NEW, '.', kept(now)));
    expect(parsed).toEqual(whole);
    expect(parsed.map(c => `${c.severity} ${c.subject}`)).toEqual(['breaking b.Gone']);
  });
});

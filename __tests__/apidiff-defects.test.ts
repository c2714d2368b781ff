// The wrong verdicts found by replaying real releases against golang.org/x/exp/apidiff (issue 15):
// each case is Go source on both sides, through the extractor (src/go/api/extract.ts) and the
// differ (compareApis), with apidiff's verdict; and one repository per class through the CLI.
import { describe, expect, test } from '@jest/globals';
import { compareApis } from '../src/go/api/diff.js';
import { extractModuleApi } from '../src/go/api/extract.js';
import { checkJson } from './helpers/cli.js';
import { makeRepo } from './helpers/repo.js';

const M = 'example.com/m';
type Files = Record<string, string>;

/** The changes from `old` to `now` (files of module example.com/m), as [severity, subject, message]. */
function diff(old: Files, now: Files): [string, string, string][] {
  const read = (files: Files) =>
    extractModuleApi(
      M,
      '.',
      Object.entries(files).map(([file, text]) => ({ file, data: new TextEncoder().encode(text) }))
    );
  return compareApis(read(old), read(now)).map(c => [c.severity, c.subject, c.message]);
}

const breaking = (changes: [string, string, string][]) => changes.filter(c => c[0] === 'breaking');

describe('false breaks: identical types spelled differently', () => {
  test('...interface{} and ...any are one parameter type; byte is uint8, rune is int32', () => {
    const old = {
      'a.go': 'package m\n\nfunc Log(args ...interface{}) {}\n\nfunc B(b []byte, r ...rune) {}\n'
    };
    const now = { 'a.go': 'package m\n\nfunc Log(args ...any) {}\n\nfunc B(b []uint8, r ...int32) {}\n' };
    expect(diff(old, now)).toEqual([]);
  });

  test('a real change of a variadic type is still one', () => {
    const old = { 'a.go': 'package m\n\nfunc Log(args ...interface{}) {}\n' };
    const now = { 'a.go': 'package m\n\nfunc Log(args ...string) {}\n' };
    expect(breaking(diff(old, now)).map(c => c[1])).toEqual(['Log']);
  });

  test('a renamed import names the same package: aliased, plain or dot-imported', () => {
    const decl = (q: string) =>
      `func Start(s ${q}Span) ${q}Span { return s }\n\ntype T struct{ S ${q}Span }\n`;
    const aliased = {
      'a.go': `package m\n\nimport oteltrace "go.opentelemetry.io/otel/trace"\n\n${decl('oteltrace.')}`
    };
    const plain = { 'a.go': `package m\n\nimport "go.opentelemetry.io/otel/trace"\n\n${decl('trace.')}` };
    const dot = { 'a.go': `package m\n\nimport . "go.opentelemetry.io/otel/trace"\n\n${decl('')}` };
    expect(diff(aliased, plain)).toEqual([]);
    expect(diff(plain, dot)).toEqual([]);
    expect(diff(dot, aliased)).toEqual([]);
  });

  test('two packages under one qualifier stay apart', () => {
    const old = {
      'a.go':
        'package m\n\nimport (\n\t"example.org/a/trace"\n\toteltrace "go.opentelemetry.io/otel/trace"\n)\n\nfunc F(trace.Span, oteltrace.Span) {}\n'
    };
    const now = {
      'a.go':
        'package m\n\nimport (\n\t"example.org/a/trace"\n\toteltrace "go.opentelemetry.io/otel/trace"\n)\n\nfunc F(oteltrace.Span, trace.Span) {}\n'
    };
    expect(breaking(diff(old, now)).map(c => c[1])).toEqual(['F']);
  });

  test('a type alias is its target, in this package and another of the module', () => {
    const old = {
      'a.go':
        'package m\n\ntype TagList []string\n\nfunc Parse(s string) TagList { return nil }\n\ntype T struct{ Tags TagList }\n',
      'sub/s.go': 'package sub\n\nimport "example.com/m"\n\nfunc Tags() m.TagList { return nil }\n'
    };
    const now = {
      'a.go':
        'package m\n\ntype TagList []string\n\nfunc Parse(s string) CIDRList { return nil }\n\ntype T struct{ Tags CIDRList }\n',
      'b.go': 'package m\n\n// CIDRList is a TagList.\ntype CIDRList = TagList\n',
      'sub/s.go': 'package sub\n\nimport "example.com/m"\n\nfunc Tags() m.CIDRList { return nil }\n'
    };
    expect(diff(old, now)).toEqual([['compatible', 'CIDRList', 'type CIDRList added']]);
  });

  test('a type parameter is neither an alias nor a dot-imported name', () => {
    const src = (t: string) =>
      `package m\n\nimport . "example.org/x"\n\ntype T = int\n\nfunc F[T any](x ${t}) {}\n`;
    expect(breaking(diff({ 'a.go': src('T') }, { 'a.go': src('int') })).map(c => c[1])).toEqual(['F']);
  });
});

describe('false breaks through the CLI', () => {
  const mod = `module github.com/o/r\n\ngo 1.21\n`;
  test('a release that renames an import and spells any for interface{} passes', async () => {
    const dir = makeRepo(
      [
        {
          files: {
            'go.mod': mod,
            'log.go':
              'package r\n\nimport oteltrace "go.opentelemetry.io/otel/trace"\n\nfunc Log(s oteltrace.Span, args ...interface{}) {}\n'
          },
          tags: ['v1.2.0']
        }
      ],
      {
        files: {
          'go.mod': mod,
          'log.go':
            'package r\n\nimport "go.opentelemetry.io/otel/trace"\n\nfunc Log(s trace.Span, args ...any) {}\n'
        }
      }
    );
    const { code, report } = await checkJson(dir, '--tag', 'v1.2.1');
    expect(report.findings.filter(f => f.rule === 'breaking-change')).toEqual([]);
    expect(code).toBe(0);
  });
});

describe('build constraints: the API per platform', () => {
  test('a change on some platforms only names them', () => {
    const old = {
      'f_linux.go': 'package m\n\nfunc Open(fd int) {}\n',
      'f_windows.go': 'package m\n\nfunc Open(fd int) {}\n',
      'f_other.go': '//go:build !linux && !windows\n\npackage m\n\nfunc Open(fd int) {}\n'
    };
    const now = { ...old, 'f_windows.go': 'package m\n\nfunc Open(handle uintptr) {}\n' };
    expect(diff(old, now)).toEqual([
      [
        'breaking',
        'Open',
        'func Open changed from func(int) to func(uintptr) (on windows/amd64, windows/arm64, windows/386 only)'
      ]
    ]);
  });

  test('a declaration that only some platforms lose is removed there', () => {
    const old = { 'a.go': 'package m\n\nfunc Fsync() {}\n', 'b.go': 'package m\n' };
    const now = { ...old, 'a.go': '//go:build unix\n\npackage m\n\nfunc Fsync() {}\n' };
    expect(diff(old, now)).toEqual([
      ['breaking', 'Fsync', 'func Fsync removed (on windows/amd64, windows/arm64, windows/386 only)']
    ]);
  });

  test('files renamed from _386.go and _amd64.go to _86.go and _64.go, constrained alike inside: no change', () => {
    const old = {
      'word_386.go': 'package m\n\ntype Word uint32\n',
      'word_amd64.go': 'package m\n\ntype Word uint64\n',
      'word_arm64.go': 'package m\n\ntype Word uint64\n'
    };
    const now = {
      'word_86.go': '//go:build 386\n\npackage m\n\ntype Word uint32\n',
      'word_64.go': '//go:build amd64 || arm64\n\npackage m\n\ntype Word uint64\n'
    };
    expect(diff(old, now)).toEqual([]);
  });

  test('a module without constrained files has one API', () => {
    const api = extractModuleApi(M, '.', [
      { file: 'a.go', data: new TextEncoder().encode('package m\n\nfunc F() {}\n') }
    ]);
    expect(api.variants).toBeUndefined();
  });
});

describe('build constraints through the CLI', () => {
  const mod = `module github.com/o/r\n\ngo 1.21\n`;
  test('a break on darwin only fails the release and names the platforms', async () => {
    const files = (darwin: string) => ({
      'go.mod': mod,
      'term/term_darwin.go': `package term\n\nfunc Size() ${darwin} { return 0 }\n`,
      'term/term_other.go': '//go:build !darwin\n\npackage term\n\nfunc Size() int { return 0 }\n'
    });
    const dir = makeRepo([{ files: files('int'), tags: ['v1.0.0'] }], { files: files('int64') });
    const { code, report } = await checkJson(dir, '--tag', 'v1.1.0');
    expect(code).toBe(1);
    const found = report.findings.filter(f => f.rule === 'breaking-change');
    expect(found.map(f => [f.severity, f.file, f.line])).toEqual([['error', 'term/term_darwin.go', 3]]);
    expect(found[0].message).toContain(
      'func Size changed from func() int to func() int64 (on darwin/amd64, darwin/arm64 only)'
    );
  });
});

describe('embedding: what a struct really lost', () => {
  const base =
    'type Base struct{ ID string }\n\nfunc (Base) Name() string { return "" }\n\nfunc (*Base) Reset() {}\n';

  test('an embedding that becomes a named field, with equivalent own fields and methods, is no break', () => {
    const old = { 'a.go': `package m\n\n${base}\ntype T struct{ Base }\n` };
    const now = {
      'a.go': `package m\n\n${base}\ntype T struct {\n\tBase Base\n\tID   string\n}\n\nfunc (T) Name() string { return "" }\n\nfunc (*T) Reset() {}\n`
    };
    expect(breaking(diff(old, now))).toEqual([]);
  });

  test('an embedding that becomes a named field reports the promoted members lost', () => {
    const old = { 'a.go': `package m\n\n${base}\ntype T struct{ Base }\n` };
    const now = { 'a.go': `package m\n\n${base}\ntype T struct{ Base Base }\n` };
    expect(breaking(diff(old, now))).toEqual([
      ['breaking', 'T.ID', 'field (promoted through Base) T.ID removed'],
      ['breaking', 'T.Name', 'method T.Name (promoted through Base) removed'],
      ['breaking', 'T.Reset', 'method T.Reset (promoted through Base) removed']
    ]);
  });

  test('fields moved into an embedded struct break keyed literals', () => {
    const old = { 'a.go': 'package m\n\ntype Error struct {\n\tCode    int\n\tMessage string\n}\n' };
    const now = {
      'a.go':
        'package m\n\ntype Status struct {\n\tCode    int\n\tMessage string\n}\n\ntype Error struct{ Status }\n'
    };
    expect(breaking(diff(old, now))).toEqual([
      [
        'breaking',
        'Error.Code',
        'field Error.Code moved into embedded Status: keyed literals Error{Code: ...} no longer compile'
      ],
      [
        'breaking',
        'Error.Message',
        'field Error.Message moved into embedded Status: keyed literals Error{Message: ...} no longer compile'
      ]
    ]);
  });
});

describe('embedding through the CLI', () => {
  const mod = `module github.com/o/r\n\ngo 1.21\n`;
  test('a field moved into an embedded struct fails the release', async () => {
    const dir = makeRepo(
      [
        { files: { 'go.mod': mod, 'e.go': 'package r\n\ntype Error struct{ Code int }\n' }, tags: ['v1.0.0'] }
      ],
      {
        files: {
          'go.mod': mod,
          'e.go': 'package r\n\ntype Status struct{ Code int }\n\ntype Error struct{ Status }\n'
        }
      }
    );
    const { code, report } = await checkJson(dir, '--tag', 'v1.1.0');
    expect(code).toBe(1);
    const found = report.findings.filter(f => f.rule === 'breaking-change' && f.severity === 'error');
    expect(found.map(f => f.message.split(',')[0])).toEqual([
      'Error.Code: field Error.Code moved into embedded Status: keyed literals Error{Code: ...} no longer compile'
    ]);
  });
});

describe('members promoted from other packages of the module', () => {
  const base = (extra: string) => ({
    'base/b.go': `package base\n\ntype Item struct{ N int }\n\ntype Base struct{ ID string }\n\nfunc (*Base) Get() *Item { return nil }\n${extra}`
  });
  const user = { 'm.go': 'package m\n\nimport "example.com/m/base"\n\ntype Client struct{ *base.Base }\n' };

  test('a method the embedded type loses is lost by the embedding struct', () => {
    const old = { ...user, ...base('\nfunc (Base) Name() string { return "" }\n') };
    const now = { ...user, ...base('') };
    expect(breaking(diff(old, now))).toEqual([
      ['breaking', 'Client.Name', 'method Client.Name (promoted through Base) removed'],
      ['breaking', 'base.Base.Name', 'method Base.Name removed']
    ]);
  });

  test("promoted members read in the other package's terms: a method moved onto the struct is no change", () => {
    const old = { ...user, ...base('') };
    const now = {
      'm.go':
        'package m\n\nimport "example.com/m/base"\n\ntype Client struct{ *base.Base }\n\nfunc (Client) Get() *base.Item { return nil }\n',
      ...base('')
    };
    expect(diff(old, now)).toEqual([]);
  });

  test('through the CLI: a field gone from the embedded struct fails the release', async () => {
    const mod = `module github.com/o/r\n\ngo 1.21\n`;
    const files = (field: string, more: string) => ({
      'go.mod': mod,
      'base/b.go': `package base\n\ntype Base struct{ ${field} }\n`,
      'c.go': `package r\n\nimport "github.com/o/r/base"\n\ntype Client struct{ base.Base }\n${more}`
    });
    const dir = makeRepo([{ files: files('Token string', ''), tags: ['v1.0.0'] }], {
      files: files('token string', '\nfunc New() *Client { return nil }\n')
    });
    const { code, report } = await checkJson(dir, '--tag', 'v1.1.0');
    expect(code).toBe(1);
    const found = report.findings.filter(f => f.rule === 'breaking-change' && f.severity === 'error');
    expect(found.map(f => f.message.split(',')[0].replace(/ \(as it was in v1\.0\.0\)/, '')).sort()).toEqual([
      'Client.Token: field (promoted through Base) Client.Token removed',
      'base.Base.Token: field Base.Token removed'
    ]);
  });
});

describe('unexported types the exported API names', () => {
  test("a func-typed field's unexported type that changed breaks", () => {
    const src = (sig: string) => ({
      'a.go': `package m\n\ntype handlerFunc ${sig}\n\ntype Options struct{ Handler handlerFunc }\n`
    });
    expect(breaking(diff(src('func(int) error'), src('func(string) error')))).toEqual([
      ['breaking', 'handlerFunc', 'type handlerFunc changed from func(int) error to func(string) error']
    ]);
  });

  test('through another unexported type, and not for a type the API does not name', () => {
    const src = (sig: string) => ({
      'a.go': `package m\n\ntype cb ${sig}\n\ntype hooks struct{ OnClose cb }\n\nfunc New() *hooks { return nil }\n\ntype unused ${sig}\n`
    });
    expect(breaking(diff(src('func()'), src('func() error')))).toEqual([
      ['breaking', 'cb', 'type cb changed from func() to func() error']
    ]);
  });
});

describe('renamed unexported types, matched by their place in the exported API', () => {
  test('an unexported type renamed is no change; what changed in it is', () => {
    const src = (name: string, field: string) => ({
      'a.go': `package m\n\ntype ${name} struct{ Retries ${field} }\n\nfunc New() *${name} { return nil }\n\nfunc (o *${name}) Apply() {}\n\nvar Default ${name}\n`
    });
    expect(diff(src('options', 'int'), src('config', 'int'))).toEqual([]);
    expect(breaking(diff(src('options', 'int'), src('config', 'string')))).toEqual([
      ['breaking', 'options.Retries', 'field options.Retries changed from int to string']
    ]);
  });

  test('two old types may become one; one old type cannot become two', () => {
    // As apidiff has it: its correspondence maps each old type to one new type.
    const old = { 'a.go': 'package m\n\ntype a int\n\ntype b int\n\nfunc F(a, b) {}\n' };
    const now = { 'a.go': 'package m\n\ntype c int\n\nfunc F(c, c) {}\n' };
    expect(breaking(diff(old, now))).toEqual([]);
    const split = { 'a.go': 'package m\n\ntype c int\n\ntype d int\n\nfunc F(c, d) {}\n' };
    const one = { 'a.go': 'package m\n\ntype a int\n\nfunc F(a, a) {}\n' };
    expect(breaking(diff(one, split)).map(c => c[1])).toEqual(['F']);
  });
});

describe('comparability', () => {
  test('a struct with unexported fields that gains a non-comparable one is no longer comparable', () => {
    const old = { 'a.go': 'package m\n\ntype Key struct {\n\tName string\n\tn    int\n}\n' };
    const now = { 'a.go': 'package m\n\ntype Key struct {\n\tName string\n\tn    int\n\ttags []string\n}\n' };
    expect(diff(old, now)).toEqual([
      ['breaking', 'Key', 'type Key is no longer comparable (old is comparable, new is not)']
    ]);
  });

  test('an unexported field already not comparable: nothing lost', () => {
    const old = { 'a.go': 'package m\n\ntype S struct{ m map[string]int }\n' };
    const now = { 'a.go': 'package m\n\ntype S struct {\n\tm map[string]int\n\tF []int\n}\n' };
    expect(breaking(diff(old, now))).toEqual([]);
  });
});

// extractComparedApis (src/go/api/extract.ts): a comparison parses only the files whose declarations may
// read differently, and finds the same changes as parsing every package it is given. Hand-written
// cases say which files are parsed; generated modules with random edits check that the changes
// found never differ from those of the whole parse.
import { describe, expect, test } from '@jest/globals';
import type { ApiChange } from '../src/go/api/model.js';
import {
  extractComparedApis,
  extractModuleApi,
  unchangedPackages,
  type ApiSource,
  type ComparedApisOptions
} from '../src/go/api/extract.js';
import { compareApis } from '../src/go/api/diff.js';
import { parseGoDeclarations } from '../src/go/api/parse.js';
import { dirOf } from '../src/go/module/layout.js';
import { seededInts } from './helpers/rng.js';

type Files = Record<string, string>;
const MODULE = 'example.com/m';
const enc = new TextEncoder();
const sources = (files: Files): ApiSource[] =>
  Object.entries(files).map(([file, text]) => ({ file, data: enc.encode(text) }));

/** Only the packages with a changed, added or removed file, as gather/api.ts passes them. */
function changedPackagesOnly(old: Files, now: Files): [Files, Files] {
  const dirs = new Set<string>();
  for (const f of new Set([...Object.keys(old), ...Object.keys(now)])) {
    if (old[f] !== now[f]) dirs.add(dirOf(f));
  }
  const keep = (files: Files) =>
    Object.fromEntries(Object.entries(files).filter(([f]) => dirs.has(dirOf(f))));
  return [keep(old), keep(now)];
}

/** The changes as before extractComparedApis: every package given parsed, bar those a bump only rewrote. */
function wholeChanges(old: Files, now: Files, oldModule = MODULE, newModule = MODULE): ApiChange[] {
  const o = { modulePath: oldModule, files: sources(old) };
  const n = { modulePath: newModule, files: sources(now) };
  const rewritten = unchangedPackages(o, n);
  const kept = (files: ApiSource[]) => files.filter(s => !rewritten.has(dirOf(s.file)));
  return compareApis(
    extractModuleApi(oldModule, '.', kept(o.files)),
    extractModuleApi(newModule, '.', kept(n.files))
  );
}

/** The changes through extractComparedApis, and how many file versions it parsed. */
function comparedChanges(
  old: Files,
  now: Files,
  options: ComparedApisOptions = {},
  oldModule = MODULE,
  newModule = MODULE
): { changes: ApiChange[]; parsed: number } {
  let parsed = 0;
  const parse = (text: string) => {
    parsed++;
    return parseGoDeclarations(text);
  };
  const apis = extractComparedApis(
    '.',
    { modulePath: oldModule, files: sources(old) },
    { modulePath: newModule, files: sources(now) },
    { ...options, parse }
  );
  return { changes: compareApis(...apis), parsed };
}

const summary = (changes: ApiChange[]) =>
  changes.map(c => `${c.severity} ${c.message} @${c.side}:${c.pos.file}:${c.pos.line}:${c.pos.column}`);

/** Both ways agree; returns the short way's result. */
function compared(old: Files, now: Files, options?: ComparedApisOptions) {
  const [o, n] = changedPackagesOnly(old, now);
  const result = comparedChanges(o, n, options);
  expect(summary(result.changes)).toEqual(summary(wholeChanges(o, n)));
  expect(result.changes).toEqual(wholeChanges(o, n));
  return result;
}

// A package of four files: a struct with methods, an interface, constants, a function.
const base: Files = {
  'a/types.go':
    'package a\n\nimport "io"\n\n// T is a thing.\ntype T struct {\n\tName string\n\tR    io.Reader\n}\n\nfunc (t *T) Close() error { return nil }\n',
  'a/iface.go': 'package a\n\ntype Closer interface{ Close() error }\n\nvar Default Closer = &T{}\n',
  'a/consts.go': 'package a\n\nconst (\n\tLow = iota\n\tHigh\n)\n\nconst Name = "a"\n',
  'a/funcs.go': 'package a\n\nfunc New(name string) *T {\n\treturn &T{Name: name}\n}\n',
  'b/b.go':
    'package b\n\nimport "example.com/m/a"\n\ntype B struct{ a.T }\n\nfunc Use(t *a.T) error { return t.Close() }\n'
};
const withFiles = (changes: Files, removed: string[] = []): Files => {
  const out = { ...base, ...changes };
  for (const f of removed) delete out[f];
  return out;
};

describe('packages that only add declarations are read from their changed files alone', () => {
  test('a new file of functions, types, constants and a method of the new type', () => {
    const now = withFiles({
      'a/more.go':
        'package a\n\nimport "strings"\n\ntype Builder struct{ strings.Builder }\n\nfunc (b *Builder) Done() string { return "" }\n\nfunc NewBuilder() *Builder { return nil }\n\nconst Max = 10\n\nvar Count int\n'
    });
    const { changes, parsed } = compared(base, now);
    // The new file, and nothing of the four files that did not change.
    expect(parsed).toBe(1);
    expect(summary(changes)).toEqual([
      'compatible type Builder added @new:a/more.go:5:6',
      'compatible var Count added @new:a/more.go:13:5',
      'compatible const Max added @new:a/more.go:11:7',
      'compatible func NewBuilder added @new:a/more.go:9:6'
    ]);
  });

  test('a function added to a file, another body changed, an import added, a comment reworded', () => {
    const now = withFiles({
      'a/funcs.go':
        'package a\n\nimport "fmt"\n\n// New makes a T.\nfunc New(name string) *T {\n\tfmt.Println(name)\n\treturn &T{Name: name + "!"}\n}\n\nfunc Must(t *T) *T { return t }\n'
    });
    const { changes, parsed } = compared(base, now);
    expect(parsed).toBe(2); // both versions of funcs.go
    expect(summary(changes)).toEqual(['compatible func Must added @new:a/funcs.go:11:6']);
  });

  test('a package only one side has is read from the header of its first file', () => {
    const now = withFiles(
      { 'c/c.go': '// Package c.\npackage c\n\nfunc C() {}\n', 'c/d.go': 'package c\n' },
      ['b/b.go']
    );
    const { changes, parsed } = compared(base, now);
    expect(parsed).toBe(0);
    expect(summary(changes)).toEqual([
      'breaking package example.com/m/b removed @old:b/b.go:1:1',
      'compatible package example.com/m/c added @new:c/c.go:2:1'
    ]);
  });

  test('an added package in a file with a byte order mark, a build-ignored first file, a package main', () => {
    const now = withFiles({
      'c/a.go': '//go:build ignore\n\npackage c\n',
      'c/b.go': '\ufeffpackage c\n',
      'cmd/tool/main.go': 'package main\n\nfunc main() {}\n'
    });
    const { changes, parsed } = compared(base, now);
    expect(parsed).toBe(0);
    expect(summary(changes)).toEqual(['compatible package example.com/m/c added @new:c/b.go:1:1']);
  });
});

describe('changed declarations: the changed files are parsed, and the unchanged ones they touch', () => {
  // [what changed, files changed, files removed, file versions parsed: why]. The base package has
  // five files; the changed ones are parsed in both versions.
  const cases: [string, Files, string[], number, string][] = [
    [
      'a method added to an existing type',
      { 'a/more.go': 'package a\n\nfunc (T) Open() {}\n' },
      [],
      5,
      "T's method set changed: every file that spells T, and every interface (all five)"
    ],
    [
      'a changed signature',
      { 'a/funcs.go': 'package a\n\nfunc New(name string, n int) *T { return nil }\n' },
      [],
      2,
      'a function: nothing else reads it'
    ],
    [
      'a field added',
      { 'a/types.go': base['a/types.go'].replace('\tName string\n', '\tName string\n\tAge  int\n') },
      [],
      4,
      'the files that spell T: iface.go and funcs.go'
    ],
    [
      'a changed constant',
      { 'a/consts.go': base['a/consts.go'].replace('"a"', '"b"') },
      [],
      5,
      "types.go and funcs.go spell Name (a field's), and then T is spelled in iface.go"
    ],
    [
      'a constant added inside a block',
      { 'a/consts.go': base['a/consts.go'].replace('\tHigh\n', '\tHigh\n\tTop\n') },
      [],
      5,
      'as above'
    ],
    ['a file removed', {}, ['a/iface.go'], 1, 'its old version'],
    [
      'a declaration removed',
      { 'a/consts.go': base['a/consts.go'].replace('const Name = "a"\n', '') },
      [],
      5,
      'as for a changed constant'
    ],
    [
      'a declaration moved to another file',
      {
        'a/more.go': 'package a\n\nconst Name = "a"\n',
        'a/consts.go': 'package a\n\nconst (\n\tLow = iota\n\tHigh\n)\n'
      },
      [],
      6,
      'as for a changed constant, and the new file'
    ],
    // `error` in T.Close now means the package's own type.
    [
      'a new type shadowing a predeclared name the package uses',
      { 'a/more.go': 'package a\n\ntype error struct{}\n' },
      [],
      4,
      'the files that spell error, then T'
    ],
    [
      'a dot import added to a changed file',
      { 'a/funcs.go': base['a/funcs.go'].replace('package a\n', 'package a\n\nimport . "strings"\n') },
      [],
      3,
      "the file, and types.go: whether T is the package's or the dot-imported package's depends on what the package declares"
    ],
    [
      'an import renamed',
      { 'a/types.go': base['a/types.go'].replace('import "io"', 'import io "example.com/io"') },
      [],
      4,
      'as for a field added'
    ],
    [
      'a build constraint added',
      { 'a/funcs.go': `//go:build linux\n\n${base['a/funcs.go']}` },
      [],
      2,
      'the file'
    ],
    [
      'a name declared twice',
      { 'a/more.go': 'package a\n\nfunc Twice() {}\n', 'a/more2.go': 'package a\n\nvar Twice int\n' },
      [],
      2,
      'the two new files'
    ]
  ];
  // A rest parameter: with more named ones, jest would take the last for a `done` callback.
  test.each(cases)('%s', (...[, changes, removed, expected]) => {
    const { parsed } = compared(base, withFiles(changes, removed));
    expect(parsed).toBe(expected);
  });

  test('what the comparison looks up besides the changed objects: interfaces, and the types of fields', () => {
    const old: Files = {
      'p/t.go': 'package p\n\ntype T struct{ U U }\n\nfunc (T) Read() int { return 0 }\n',
      'p/u.go': 'package p\n\ntype U struct{ N int }\n',
      'p/r.go': 'package p\n\ntype Reader interface{ Read() int }\n',
      'p/w.go': 'package p\n\ntype W struct{ B []byte }\n'
    };
    // T loses Read, an interface in a file that spells nothing of t.go; T gains a field of W, whose
    // comparability only w.go tells.
    const now = { ...old, 'p/t.go': 'package p\n\ntype T struct{ U U; W W }\n' };
    const { changes, parsed } = compared(old, now);
    expect(summary(changes)).toEqual([
      'breaking T no longer implements Reader @new:p/t.go:3:6',
      'breaking type T is no longer comparable (old is comparable, new is not) @new:p/t.go:3:6',
      'breaking method T.Read removed @old:p/t.go:5:10',
      'compatible field T.W added @new:p/t.go:3:21'
    ]);
    expect(parsed).toBe(5); // t.go twice, u.go (U's methods), r.go and w.go
  });

  test('an alias an unchanged file declares is read through, as in the whole parse', () => {
    const old: Files = {
      'p/a.go': 'package p\n\nfunc Parse() TagList { return nil }\n',
      'p/t.go': 'package p\n\ntype TagList []string\n\ntype CIDRList = TagList\n',
      'p/u.go': 'package p\n\ntype Unrelated int\n'
    };
    const { changes, parsed } = compared(old, {
      ...old,
      'p/a.go': 'package p\n\nfunc Parse() CIDRList { return nil }\n'
    });
    expect(summary(changes)).toEqual([]);
    expect(parsed).toBe(3); // a.go twice, t.go (it declares the alias)
  });

  test('a function changed that an unchanged file declares too: the first declaration wins, as in the whole parse', () => {
    const old: Files = {
      'p/a.go': 'package p\n\nfunc Dup() int { return 0 }\n',
      'p/z.go': 'package p\n\nfunc Dup() string { return "" }\n'
    };
    const { changes, parsed } = compared(old, {
      ...old,
      'p/z.go': 'package p\n\nfunc Dup() bool { return false }\n'
    });
    expect(summary(changes)).toEqual([]);
    expect(parsed).toBe(3);
  });

  test("an unchanged declaration of a package that only adds, which reads another package's changed one", () => {
    const old: Files = {
      'a/a.go': 'package a\n\ntype T4 struct{ N int }\n',
      'c/alias.go': 'package c\n\nimport "example.com/m/a"\n\ntype T0 = a.T4\n\ntype T4 T0\n',
      'c/more.go': 'package c\n'
    };
    const now = {
      ...old,
      'a/a.go': 'package a\n\ntype T4 interface{ M() }\n',
      'c/more.go': 'package c\n\nfunc Added() {}\n'
    };
    const { changes } = compared(old, now);
    expect(summary(changes)).toContain(
      'breaking type T4 changed from struct to interface @new:c/alias.go:7:6'
    );
  });

  test('an added name that an old file spells, in a comment: no longer additions only, yet one file parsed', () => {
    const old = withFiles({
      'a/funcs.go': base['a/funcs.go'].replace('func New', '// Thing is coming.\nfunc New')
    });
    // The comparison by affected files reads no comments: the new file alone.
    const { parsed } = compared(old, { ...old, 'a/more.go': 'package a\n\nfunc Thing() {}\n' });
    expect(parsed).toBe(1);
    // Spelled in the new files only, it is no alarm.
    const now = withFiles({
      'a/more.go': 'package a\n\nfunc Thing() {}\n',
      'a/funcs.go': base['a/funcs.go'].replace('func New', '// Thing is here.\nfunc New')
    });
    expect(compared(base, now).parsed).toBe(3);
  });

  test('a changed package embedding a type of an added package and an added type of one that only adds', () => {
    // B now promotes the members of a.T, a.Extra and c.C: the files that declare them are read too.
    const now = withFiles({
      'a/more.go': 'package a\n\ntype Extra struct{ N int }\n',
      'b/b.go': base['b/b.go']
        .replace('a.T }', 'a.T; a.Extra; c.C }')
        .replace('import "example.com/m/a"', 'import (\n\t"example.com/m/a"\n\t"example.com/m/c"\n)'),
      'c/c.go': 'package c\n\ntype C struct{ Field int }\n\nfunc (C) M() {}\n'
    });
    const { parsed, changes } = compared(base, now);
    expect(parsed).toBe(5); // b.go's two versions, a's new file (its additions), a/types.go (T), c/c.go (C)
    expect(summary(changes)).toContain('compatible embedded field B.C added @new:b/b.go:8:30');
  });

  test('a changed dependency version: packages that only add are parsed whole', () => {
    const now = withFiles({ 'a/more.go': 'package a\n\nfunc More() {}\n' });
    expect(compared(base, now, { dependencyChanged: true }).parsed).toBe(5);
    expect(compared(base, now, { dependents: new Set(['a']) }).parsed).toBe(5);
  });

  test('a major bump that also adds: the own import moved, the rest read short', () => {
    const NEW = 'example.com/m/v2';
    const now = {
      ...base,
      'b/b.go': base['b/b.go']
        .replace('"example.com/m/a"', `"${NEW}/a"`)
        .replace('func Use', 'func Extra() {}\n\nfunc Use')
    };
    const [o, n] = changedPackagesOnly(base, now);
    const short = comparedChanges(o, n, {}, MODULE, NEW);
    expect(short.changes).toEqual(wholeChanges(o, n, MODULE, NEW));
    expect(short.parsed).toBe(2);
    expect(summary(short.changes)).toEqual(['compatible func Extra added @new:b/b.go:7:6']);
  });
});

describe('generated modules with random edits: the same changes as the whole parse', () => {
  /** A package of a few files whose declarations use one another, and `a`'s types when not `a`. */
  function genModule(r: (n: number) => number): Files {
    const files: Files = {};
    for (const p of ['a', 'b', 'c']) {
      const fileCount = 2 + r(3);
      for (let f = 0; f < fileCount; f++) {
        const imports = p !== 'a' && r(2) === 0 ? 'import "example.com/m/a"\n\n' : '';
        const uses = imports ? ['a.T0x0', '*a.T0x0', 'a.Closer'] : ['int', 'string', 'error', 'any'];
        const t = () => uses[r(uses.length)];
        const out = [`package ${p}\n`, imports];
        for (let k = 0; k < 3; k++) {
          const id = `${f}x${k}`;
          out.push(
            [
              `type T${id} struct {\n\tA ${t()}\n\tb ${t()}\n}\n`,
              `func (T${id}) M${k}() ${t()} { return nil }\n`,
              `type I${id} interface{ M${k}() ${t()} }\n`,
              `const C${id} = ${r(100)}\n`,
              `var V${id} ${t()}\n`,
              `func F${id}(x ${t()}) ${t()} {\n\treturn nil\n}\n`,
              `type E${id} struct{ error }\n`
            ].join('\n')
          );
        }
        files[`${p}/f${f}.go`] = out.join('\n');
      }
      if (p === 'a')
        files['a/closer.go'] =
          'package a\n\ntype Closer interface{ Close() error }\n\ntype T0x0 struct{ X int }\n';
    }
    return files;
  }

  /** One random edit: additions (most often) or a change that takes the package parsed whole. */
  function edit(files: Files, r: (n: number) => number, serial: number): Files {
    const out = { ...files };
    const names = Object.keys(out).filter(f => f !== 'a/closer.go');
    const file = names[r(names.length)];
    const pkg = dirOf(file);
    const fresh = `New${serial}`;
    switch (r(13)) {
      case 0:
      case 1:
        out[`${pkg}/new${serial}.go`] =
          `package ${pkg}\n\ntype ${fresh} struct{ T0x0 }\n\nfunc (${fresh}) Get() int { return 0 }\n`;
        break;
      case 2:
      case 3:
        out[file] += `\nfunc ${fresh}(n int) string { return "" }\n\nconst ${fresh}K = ${serial}\n`;
        break;
      case 4:
        out[file] = out[file].replace('return nil', `return nil // edited ${serial}`);
        break;
      case 5:
        out[file] += `\nfunc (T0x0) ${fresh}() {}\n`; // a method on an existing type
        break;
      case 6:
        out[file] = out[file].replace(/\tA [^\n]+\n/, '\tA []byte\n');
        break;
      case 7:
        delete out[file];
        break;
      case 8:
        out[file] += `\ntype error struct{ Shadow int }\n`; // shadows the predeclared name the E types embed
        break;
      case 9:
        out[`d${serial}/d.go`] = `package d${serial}\n\nfunc D() {}\n`;
        break;
      case 10:
        for (const f of Object.keys(out)) if (dirOf(f) === pkg) delete out[f];
        break;
      case 11:
        out[file] = out[file].replace(/var V\w+ [^\n]+\n/, '');
        break;
      default:
        out[file] = out[file].replace(/const (\w+) = \d+/, `const $1 = ${1000 + serial}`);
        break;
    }
    return out;
  }

  test('200 modules, one to three edits each', () => {
    let shortReads = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const r = seededInts(seed);
      const old = genModule(r);
      let now = old;
      const edits = 1 + r(3);
      for (let e = 0; e < edits; e++) now = edit(now, r, e);
      const [o, n] = changedPackagesOnly(old, now);
      const whole = wholeChanges(o, n);
      const short = comparedChanges(o, n);
      expect({ seed, changes: summary(short.changes) }).toEqual({ seed, changes: summary(whole) });
      expect(short.changes).toEqual(whole);
      const files = new Set([...Object.keys(o), ...Object.keys(n)]).size;
      if (short.parsed < files) shortReads++;
    }
    // Most edits only add: the short way must have been taken, not only the whole parse.
    expect(shortReads).toBeGreaterThan(60);
  });
});

describe('generated packages whose declarations lean on one another across files and packages', () => {
  /** One top-level declaration of a package, in one of its files. */
  interface Decl {
    name: string;
    file: number;
    text: string;
  }
  const PACKAGES = ['a', 'b', 'c'];
  const FILES = 6;
  const TYPES = 14;

  /**
   * A random declaration named `name` (T*: a type, M*: a method, K*: a constant, V*, F*: a variable,
   * a function) for file `file`: what it uses is mostly of its own file (type Ti is first written
   * in file i % FILES), sometimes of another.
   */
  function declaration(r: (n: number) => number, pkg: string, name: string, file: number): string {
    const local = () => `T${r(4) > 0 ? file + FILES * r(Math.ceil((TYPES - file) / FILES)) : r(TYPES)}`;
    const other = () => (pkg === 'a' ? local() : `${pkg === 'c' && r(2) === 0 ? 'b' : 'a'}.T${r(TYPES)}`);
    const anyType = () =>
      [local(), local(), other(), 'int', 'error', '[]byte', `[2]${local()}`, `*${local()}`, 'map[string]int'][
        r(9)
      ];
    const sig = () => [`() int`, `(x ${anyType()}) error`, `() ${anyType()}`][r(3)];
    switch (name[0]) {
      case 'T': {
        const fields = () =>
          Array.from(
            { length: 1 + r(3) },
            (_, i) =>
              [`F${i} ${anyType()}`, local(), `*${local()}`, other(), `f${i} int`, `M${r(3)} int`][r(6)]
          ).join('; ');
        const methods = () =>
          Array.from(
            { length: r(3) },
            () => [`M${r(4)}${sig()}`, local(), other(), 'error', 'int | string'][r(5)]
          ).join('; ');
        return [
          `type ${name} struct{ ${fields()} }`,
          `type ${name} struct{ ${fields()} }`,
          `type ${name} interface{ ${methods()} }`,
          `type ${name} interface{ ${methods()} }`,
          `type ${name} ${local()}`,
          `type ${name} = ${local()}`,
          `type ${name} ${['int', 'string', '[]int', 'func()'][r(4)]}`,
          `type ${name}[P any] struct{ V P; W ${local()} }`,
          `type ${name} = ${other()}`
        ][r(9)];
      }
      case 'M': {
        const recv = `${r(2) === 0 ? '*' : ''}${local()}`;
        return `func (${r(2) === 0 ? 'x ' : ''}${recv}) ${name.split('_')[0]}${sig()} { return ${['0', 'nil'][r(2)]} }`;
      }
      case 'K':
        return [
          `const ${name} = K${r(4)} + ${r(5)}`,
          `const ${name} T${r(TYPES)} = ${r(5)}`,
          `const ${name} = ${r(9)}`,
          `const ( ${name} = iota * ${1 + r(3)}; ${name}b )`,
          `const ${name} = len("${'x'.repeat(r(4))}") << K${r(4)}`
        ][r(5)];
      case 'V':
        return `var ${name} ${anyType()}`;
      default:
        return `func ${name}${sig()} { return nil }`;
    }
  }

  function genPackages(r: (n: number) => number): Map<string, Decl[]> {
    const out = new Map<string, Decl[]>();
    for (const pkg of PACKAGES) {
      const decls: Decl[] = [];
      const add = (name: string, file = r(FILES)) =>
        decls.push({ name, file, text: declaration(r, pkg, name, file) });
      for (let i = 0; i < TYPES; i++) add(`T${i}`, i % FILES);
      for (let i = 0; i < 6; i++) add(`M${r(4)}_${i}`);
      for (let i = 0; i < 4; i++) add(`K${i}`);
      add('V0');
      add('F0');
      out.set(pkg, decls);
    }
    return out;
  }

  function render(packages: Map<string, Decl[]>): Files {
    const files: Files = {};
    for (const [pkg, decls] of packages) {
      for (let f = 0; f < FILES; f++) {
        const mine = decls.filter(d => d.file === f);
        if (mine.length === 0 && f > 0) continue;
        const imports = {
          a: '',
          b: 'import "example.com/m/a"\n\n',
          c: 'import (\n\t"example.com/m/a"\n\t"example.com/m/b"\n)\n\n'
        }[pkg];
        files[`${pkg}/f${f}.go`] = `package ${pkg}\n\n${imports}${mine.map(d => `${d.text}\n`).join('\n')}`;
      }
    }
    return files;
  }

  /** One random edit of one package's declarations. */
  function edit(packages: Map<string, Decl[]>, r: (n: number) => number, serial: number): void {
    const pkg = PACKAGES[r(PACKAGES.length)];
    const decls = packages.get(pkg) as Decl[];
    const d = decls[r(decls.length)];
    switch (r(9)) {
      case 0:
      case 1:
      case 2:
        d.text = declaration(r, pkg, d.name, d.file); // changed: another declaration of the same name
        break;
      case 3:
        decls.splice(decls.indexOf(d), 1);
        break;
      case 4:
        d.file = r(FILES); // moved to another file
        break;
      case 5: {
        const name = [`T${r(TYPES)}`, `M${r(4)}_x${serial}`, `K${r(5)}`, `F${serial}`][r(4)];
        const file = r(FILES);
        decls.push({ name, file, text: declaration(r, pkg, name, file) }); // added, or declared twice
        break;
      }
      case 6:
        decls.push({ name: 'error', file: r(FILES), text: 'type error interface{ Error() string; More() }' });
        break;
      case 7:
        d.text = d.text.replace(/return (\w+)/, `return $1 /* ${serial} */`);
        break;
      default:
        decls.push({
          name: `M_${serial}`,
          file: d.file,
          text: `func (T${r(TYPES)}) M${r(4)}() int { return 1 }`
        });
        break;
    }
  }

  test('500 modules, one to three edits each: the changes of the whole parse, from fewer files', () => {
    let fewer = 0;
    let parsedShort = 0;
    let parsedWhole = 0;
    for (let seed = 1; seed <= 500; seed++) {
      const r = seededInts(seed);
      const packages = genPackages(r);
      const old = render(packages);
      const edits = 1 + r(3);
      for (let e = 0; e < edits; e++) edit(packages, r, e);
      const [o, n] = changedPackagesOnly(old, render(packages));
      const whole = wholeChanges(o, n);
      const short = comparedChanges(o, n);
      expect({ seed, changes: summary(short.changes) }).toEqual({ seed, changes: summary(whole) });
      expect(short.changes).toEqual(whole);
      const versions = new Set([...Object.entries(o), ...Object.entries(n)].map(([f, t]) => `${f}\0${t}`))
        .size;
      parsedShort += short.parsed;
      parsedWhole += versions;
      if (short.parsed < versions) fewer++;
    }
    console.log(
      `${fewer} of 500 comparisons parsed fewer files; ${parsedShort} file versions parsed of ${parsedWhole}`
    );
    expect(fewer).toBeGreaterThan(150);
  });
});

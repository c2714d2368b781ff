// extractComparedApis (src/go/api.ts): a comparison parses only the packages whose declarations
// changed, and finds the same changes as parsing every package it is given. Hand-written cases say
// which packages take the short way; generated modules with random edits check that the changes
// found never differ from those of the whole parse.
import { describe, expect, test } from '@jest/globals';
import type { ApiChange } from '../src/go/api-model.js';
import {
  extractComparedApis,
  extractModuleApi,
  unchangedPackages,
  type ApiSource,
  type ComparedApisOptions
} from '../src/go/api.js';
import { compareApis } from '../src/go/apidiff.js';
import { parseGoDeclarations } from '../src/go/goparse.js';
import { dirOf } from '../src/go/layout.js';
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

describe('what takes a package parsed whole, with the same changes found', () => {
  const cases: [string, Files, string[]?][] = [
    ['a method added to an existing type', { 'a/more.go': 'package a\n\nfunc (T) Open() {}\n' }],
    [
      'a changed signature',
      { 'a/funcs.go': 'package a\n\nfunc New(name string, n int) *T { return nil }\n' }
    ],
    [
      'a field added',
      { 'a/types.go': base['a/types.go'].replace('\tName string\n', '\tName string\n\tAge  int\n') }
    ],
    ['a changed constant', { 'a/consts.go': base['a/consts.go'].replace('"a"', '"b"') }],
    [
      'a constant added inside a block',
      { 'a/consts.go': base['a/consts.go'].replace('\tHigh\n', '\tHigh\n\tTop\n') }
    ],
    ['a file removed', {}, ['a/iface.go']],
    ['a declaration removed', { 'a/consts.go': base['a/consts.go'].replace('const Name = "a"\n', '') }],
    [
      'a declaration moved to another file',
      {
        'a/more.go': 'package a\n\nconst Name = "a"\n',
        'a/consts.go': 'package a\n\nconst (\n\tLow = iota\n\tHigh\n)\n'
      }
    ],
    // `error` in T.Close now means the package's own type: T's method set changed.
    [
      'a new type shadowing a predeclared name the package uses',
      { 'a/more.go': 'package a\n\ntype error struct{}\n' }
    ],
    [
      'a dot import added to a changed file',
      { 'a/funcs.go': base['a/funcs.go'].replace('package a\n', 'package a\n\nimport . "strings"\n') }
    ],
    [
      'an import renamed',
      { 'a/types.go': base['a/types.go'].replace('import "io"', 'import io "example.com/io"') }
    ],
    ['a build constraint added', { 'a/funcs.go': `//go:build linux\n\n${base['a/funcs.go']}` }],
    [
      'a name declared twice',
      { 'a/more.go': 'package a\n\nfunc Twice() {}\n', 'a/more2.go': 'package a\n\nvar Twice int\n' }
    ]
  ];
  // A rest parameter: with three named ones, jest would take the third for a `done` callback.
  test.each(cases)('%s', (...[, changes, removed]) => {
    const { parsed } = compared(base, withFiles(changes, removed));
    expect(parsed).toBeGreaterThan(3);
  });

  test('an added name that an old file spells, in a comment: a false alarm, parsed whole all the same', () => {
    const old = withFiles({
      'a/funcs.go': base['a/funcs.go'].replace('func New', '// Thing is coming.\nfunc New')
    });
    const { parsed } = compared(old, { ...old, 'a/more.go': 'package a\n\nfunc Thing() {}\n' });
    expect(parsed).toBeGreaterThan(3);
    // Spelled in the new files only, it is no alarm.
    const now = withFiles({
      'a/more.go': 'package a\n\nfunc Thing() {}\n',
      'a/funcs.go': base['a/funcs.go'].replace('func New', '// Thing is here.\nfunc New')
    });
    expect(compared(base, now).parsed).toBe(3);
  });

  test('an added package, or one that only adds, that a package parsed whole imports is parsed whole too', () => {
    // b changes (parsed whole) and embeds a new type of c, whose struct it must see.
    const now = withFiles({
      'a/more.go': 'package a\n\ntype Extra struct{ N int }\n',
      'b/b.go': base['b/b.go']
        .replace('a.T }', 'a.T; a.Extra; c.C }')
        .replace('import "example.com/m/a"', 'import (\n\t"example.com/m/a"\n\t"example.com/m/c"\n)'),
      'c/c.go': 'package c\n\ntype C struct{ Field int }\n\nfunc (C) M() {}\n'
    });
    const { parsed } = compared(base, now);
    expect(parsed).toBeGreaterThanOrEqual(6);
  });

  test('a changed dependency version: packages that only add are parsed whole', () => {
    const now = withFiles({ 'a/more.go': 'package a\n\nfunc More() {}\n' });
    expect(compared(base, now, { dependencyChanged: true }).parsed).toBeGreaterThan(3);
    expect(compared(base, now, { dependents: new Set(['a']) }).parsed).toBeGreaterThan(3);
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

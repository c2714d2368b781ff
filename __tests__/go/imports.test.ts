import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import {
  constraintNeedsIgnore,
  evalConstraint,
  scanImports,
  type ImportScan
} from '../../src/go/module/imports.js';
import { conformanceDir, readConformanceJson } from '../helpers/conformance.js';

const encoder = new TextEncoder();
const scan = (text: string, eof = true): ImportScan => scanImports(encoder.encode(text), { eof });
const paths = (text: string): string[] => scan(text).imports.map(i => i.path);

/** For every prefix read with eof:false: either more is needed, or the answer is the full file's. */
function expectPrefixConsistent(bytes: Uint8Array): void {
  const full = scanImports(bytes);
  for (let n = 0; n <= bytes.length; n++) {
    const partial = scanImports(bytes.subarray(0, n), { eof: false });
    if (!partial.needMore) expect(partial).toEqual(full);
  }
  expect(full.needMore).toBe(false);
}

describe('import forms', () => {
  test('single, grouped, empty group, named, dot, blank', () => {
    const r = scan('package p\n\nimport "a"\nimport (\n\t"b"\n\tn "c"\n\t. "d"\n\t_ "e"\n)\nimport ()\n');
    expect(r.packageName).toBe('p');
    expect(r.imports.map(i => [i.name, i.path])).toEqual([
      [undefined, 'a'],
      [undefined, 'b'],
      ['n', 'c'],
      ['.', 'd'],
      ['_', 'e']
    ]);
    expect(r.error).toBeUndefined();
    expect(r.imports[0]).not.toHaveProperty('name');
  });

  test('several per line with semicolons, no space, comments between tokens', () => {
    expect(paths('package p; import "a"; import "b";\nimport"c"\nimport("d";"e")')).toEqual([
      'a',
      'b',
      'c',
      'd',
      'e'
    ]);
    const r = scan(
      'package p\nimport/* c */m /* c */"x" // trailing\nimport // line\n\t(\n// c\n"y" /* c */ )'
    );
    expect(r.imports.map(i => [i.name, i.path])).toEqual([
      ['m', 'x'],
      [undefined, 'y']
    ]);
  });

  test('the package clause may hold comments and semicolons', () => {
    expect(scan('/* a */ package /* b */ p /* c */ ; import "x"').imports[0].path).toBe('x');
  });

  test('raw strings are verbatim minus carriage returns', () => {
    const r = scan('package p\nimport `a\rb/c`');
    expect(r.imports[0].path).toBe('ab/c');
    expect(r.imports[0].literal).toBe('`a\rb/c`');
  });

  test('numeric escapes of interpreted strings', () => {
    const r = scan('package p\nimport "\\x61\\142\\u0063\\U00000064/\\xc3\\xa9\\u00e9\\U0001F600"');
    expect(r.error).toBeUndefined();
    expect(r.imports[0].path).toBe('abcd/éé😀');
    expect(r.imports[0].literal).toBe('"\\x61\\142\\u0063\\U00000064/\\xc3\\xa9\\u00e9\\U0001F600"');
    expect(paths('package p\nimport "example.com/\\x62"')).toEqual(['example.com/b']);
  });

  test.each(['\\\\', '\\"', '\\a', '\\b', '\\f', '\\n', '\\r', '\\t', '\\v', '\\x20', '\\u00a0', '\\ufffd'])(
    'the escape %s is valid Go but makes an invalid import path',
    escape => {
      const r = scan(`package p\nimport "a${escape}b"`);
      expect(r.error).toEqual({ line: 2, column: 8, message: `invalid import path "a${escape}b"` });
    }
  );

  test.each([
    ['\\q', 'unknown escape sequence'],
    ["\\'", 'unknown escape sequence'],
    ['\\x6', 'invalid escape sequence'],
    ['\\xg0', 'invalid escape sequence'],
    ['\\18', 'invalid escape sequence'],
    ['\\u12', 'invalid escape sequence'],
    ['\\400', 'escape sequence is not a valid code point'],
    ['\\ud800', 'escape sequence is not a valid code point'],
    ['\\U00110000', 'escape sequence is not a valid code point']
  ])('invalid escape %s', (escape, message) => {
    const r = scan(`package p\nimport "a"\nimport "é${escape}z"\nimport "b"`);
    expect(r.error).toEqual({ line: 3, column: 10, message });
    expect(r.imports.map(i => i.path)).toEqual(['a']);
  });

  test('escapes that make invalid UTF-8 are reported at the literal', () => {
    expect(scan('package p\nimport "\\xff"').error).toEqual({
      line: 2,
      column: 8,
      message: 'invalid UTF-8 in import path'
    });
  });

  test('invalid UTF-8 bytes in a path are reported at the byte', () => {
    const bytes = Uint8Array.from([...encoder.encode('package p\nimport `ab'), 0xc0, 0xaf, 0x60]);
    expect(scanImports(bytes).error).toEqual({ line: 2, column: 11, message: 'invalid UTF-8 encoding' });
  });

  test.each(['a b', '', 'a"b', 'a\\b', 'a\u00a0b', 'a\ufffd', 'x{y}'])(
    'the raw path `%s` is not a valid import path',
    path => {
      expect(scan(`package p\nimport \`${path}\``).error?.message).toBe(`invalid import path \`${path}\``);
    }
  );

  test.each(['é/ü', 'a.b/c-d_e~f+g@1', '日本/語'])('the path %s is valid', path => {
    expect(paths(`package p\nimport "${path}"`)).toEqual([path]);
  });

  test('import "C" and the cgo preamble', () => {
    const r = scan(
      'package cgo\n\n/*\n#include "github.com/o/r/x.h"\n#include <stdlib.h>\n*/\nimport "C"\n\nfunc Free() {}\n'
    );
    expect(r.imports.map(i => i.path)).toEqual(['C']);
  });

  test('an import comment after package is only a comment', () => {
    expect(scan('package d // import "github.com/o/r/d"\n\nconst D = 1\n').imports).toEqual([]);
  });

  test('text in comments and strings is not an import', () => {
    const text =
      '// Package c was once imported as "github.com/o/r/c".\npackage c\n\n/*\nimport "github.com/o/r/pkg"\n*/\n\n// Old path\nimport "strings"\n\nconst s = `import "x"`\n';
    expect(paths(text)).toEqual(['strings']);
  });

  test.each(['func f() {}', 'var x = 1', 'type T int', 'const C = 1', '"str"', ')'])(
    'reading stops at %s and never reads what follows',
    decl => {
      const head = 'package late\n\nimport "a"\n\n';
      const r = scan(`${head}${decl}\n\nimport "github.com/o/r/x"\n\x00 /* never read`);
      expect(r.imports.map(i => i.path)).toEqual(['a']);
      expect(r.error).toBeUndefined();
      expect(r.end).toBe(head.length);
    }
  );

  test('end is the file length when the header runs to the end', () => {
    const text = 'package p\nimport "a" // done';
    expect(scan(text).end).toBe(text.length);
  });
});

describe('positions', () => {
  test('start and exclusive end of each literal', () => {
    const r = scan('package p\n\nimport (\n\t"fmt"\n\tm "os"\n)\nimport "io"; import `x/y`');
    expect(r.imports.map(i => [i.line, i.column, i.endLine, i.endColumn])).toEqual([
      [4, 2, 4, 7],
      [5, 4, 5, 8],
      [7, 8, 7, 12],
      [7, 21, 7, 26]
    ]);
  });

  test('columns count code points, not bytes', () => {
    const r = scan('package p\nimport /* héllo */ "fmt"\nimport/*😀*/"x"\nimport 日本 "y"');
    expect(r.imports.map(i => [i.line, i.column, i.endColumn])).toEqual([
      [2, 20, 25],
      [3, 12, 15],
      [4, 11, 14]
    ]);
    expect(r.imports[2].name).toBe('日本');
  });

  test('a leading BOM is dropped and not counted', () => {
    const r = scan('\ufeffpackage p; import "x"');
    expect(r.packageName).toBe('p');
    expect(r.imports[0]).toMatchObject({ line: 1, column: 19 });
  });

  test('CRLF line ends', () => {
    const r = scan('package p\r\n\r\nimport (\r\n\t"a"\r\n\tb "c"\r\n)\r\n');
    expect(r.imports.map(i => [i.path, i.line, i.column])).toEqual([
      ['a', 4, 2],
      ['c', 5, 4]
    ]);
  });
});

describe('errors', () => {
  test.each([
    ['', 1, 1, 'missing package clause'],
    ['// only a comment\n', 2, 1, 'missing package clause'],
    ['packagex p', 1, 1, 'missing package clause'],
    ['pack', 1, 1, 'missing package clause'],
    ['package', 1, 8, 'expected package name'],
    ['package "p"', 1, 9, 'expected package name'],
    ['/* doc\npackage p', 1, 1, 'unterminated /* comment'],
    ['package r\n\n/* unterminated comment\nimport "github.com/o/r/pkg"\n', 3, 1, 'unterminated /* comment'],
    ['package p /*/ import "x"', 1, 11, 'unterminated /* comment'],
    ['package p\nimport "abc', 2, 8, 'unterminated string literal'],
    ['package p\nimport "ab\\"', 2, 8, 'unterminated string literal'],
    ['package p\nimport "abc\n"', 2, 8, 'newline in string literal'],
    ['package p\nimport `abc', 2, 8, 'unterminated raw string literal'],
    ['package p\nimport', 2, 7, 'expected import path string'],
    ['package p\nimport x', 2, 9, 'expected import path string'],
    ['package p\nimport .x "y"', 2, 9, 'expected import path string'],
    ['package p\nimport 7 "a"', 2, 8, 'invalid name "7"'],
    ['package p\nimport (\n\t"a"\n', 2, 8, 'unterminated import ( group'],
    ['package p\x00', 1, 10, 'unexpected NUL byte'],
    ['// a\x00b\npackage p', 1, 5, 'unexpected NUL byte'],
    ['package p\nimport "a\x00"', 2, 10, 'unexpected NUL byte'],
    ['package p\n\x00', 2, 1, 'unexpected NUL byte']
  ])('%j', (text, line, column, message) => {
    const r = scan(text);
    expect(r.error).toEqual({ line, column, message });
    expect(r.needMore).toBe(false);
  });

  test.each([
    ['package p import "a"', 1, 11, 'expected ";" or newline before import'],
    ['package p\nimport "a" import "b"', 2, 12, 'expected ";" or newline before import'],
    ['package p\nimport ("a" "b")', 2, 13, 'expected ";" or newline'],
    ['package p\nimport (m\n"a")', 2, 10, 'unexpected newline'],
    ['package p\nimport m // c\n"a"', 2, 14, 'unexpected newline'],
    ['package p\nimport m /* c\n*/ "a"', 2, 14, 'unexpected newline'],
    ['package p\nimport m; "a"', 2, 9, 'unexpected ";"'],
    ['package p\nimport (;"a")', 2, 9, 'unexpected ";"'],
    ['package p\nimport ("a";;)', 2, 13, 'unexpected ";"'],
    ['package p\nimport; "a"', 2, 7, 'unexpected ";"'],
    [';package p', 1, 1, 'unexpected ";"'],
    ['package;p', 1, 8, 'unexpected ";"'],
    ['package p\nimport ("a", "b")', 2, 12, 'expected ";" or newline'],
    ['package 9p', 1, 9, 'invalid name "9p"'],
    ['package func', 1, 9, 'invalid name "func"'],
    ['package p\nimport import "a"', 2, 8, 'invalid name "import"'],
    ['package p\nimport \u0663 "a"', 2, 8, 'invalid name "\u0663"'],
    ['// caf\ufeff\npackage p', 1, 7, 'unexpected byte order mark']
  ])('go/parser rejects %j', (text, line, column, message) => {
    expect(scan(text).error).toEqual({ line, column, message });
  });

  test.each([
    ['package p\nimport (.\n"a")', ['a']],
    ['package p\nimport ü "a"', ['a']],
    ['package p\nimport "a" /*\n*/ import "b"', ['a', 'b']],
    ['package p\nimport "a"; /*\n*/ import "b"', ['a', 'b']],
    ['package p\nimport ("a";)', ['a']],
    ['package p;\nimport "a"', ['a']],
    ['package p\nimport\n(\n"a"\n)', ['a']]
  ])('go/parser accepts %j', (text, expected) => {
    const r = scan(text);
    expect(r.error).toBeUndefined();
    expect(r.imports.map(i => i.path)).toEqual(expected);
  });

  test('two semicolons end the imports go/parser reads, without an error', () => {
    expect(scan('package a;;import "fmt"').imports).toEqual([]);
    expect(scan('package a;;import "fmt"').error).toBeUndefined();
    expect(scan('package p\nimport "a";; import "b"').imports.map(i => i.path)).toEqual(['a']);
    // Past that point go/parser reads nothing, so a broken import there is no error ...
    expect(scan('package p\nimport "a";; import "b\n').error).toBeUndefined();
    expect(scan('package p\nimport "a";; import "\\q"').error).toBeUndefined();
    // ... but go/build still reads on, and a NUL byte is a read error.
    expect(scan('package p\nimport "a";; import "b\x00"').error?.message).toBe('unexpected NUL byte');
  });

  test('invalid UTF-8 in a header comment is an error', () => {
    const bytes = Uint8Array.from([
      ...encoder.encode('// caf'),
      0xe9,
      ...encoder.encode('\npackage p\nimport "fmt"\n')
    ]);
    expect(scanImports(bytes).error).toEqual({ line: 1, column: 7, message: 'invalid UTF-8 encoding' });
    const after = Uint8Array.from([...encoder.encode('package p\nimport "fmt"\nvar s = "'), 0xe9, 0x22]);
    expect(scanImports(after).error).toBeUndefined();
  });

  test('a NUL byte counts before any syntax error, as a read error does in go1.19', () => {
    expect(scan('package p\nimport m\n"a"\x00').error).toEqual({
      line: 3,
      column: 4,
      message: 'unexpected NUL byte'
    });
    // After a syntax error of the reader, go/build reads the whole file, which fails at a NUL.
    expect(scan('package p\nimport "a\n"\nfunc f() {}\n\x00').error).toEqual({
      line: 5,
      column: 1,
      message: 'unexpected NUL byte'
    });
  });

  test('imports read before an error are kept', () => {
    const r = scan('package p\nimport "a"\nimport ("b"; "c');
    expect(r.imports.map(i => i.path)).toEqual(['a', 'b']);
    expect(r.error?.message).toBe('unterminated string literal');
  });

  test('binary data gives an error, never an exception', () => {
    // go/build reads all of a file that has a syntax error, so a NUL byte anywhere is the error.
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    expect(scanImports(png).error).toEqual({ line: 3, column: 1, message: 'unexpected NUL byte' });
    expect(scanImports(Uint8Array.from([0x89, 0x50, 0x4e, 0x47])).error?.message).toBe(
      'missing package clause'
    );
    const elf = Uint8Array.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]);
    expect(scanImports(elf).error).toBeDefined();
    expect(scanImports(Uint8Array.from([0, 1, 2])).error?.message).toBe('unexpected NUL byte');
  });

  test('a NUL byte after the header is never read', () => {
    expect(scan('package p\nimport "a"\nfunc f() {}\x00').error).toBeUndefined();
  });
});

describe('build constraints', () => {
  const header = (lines: string): ImportScan => scan(`${lines}\npackage p\n\nimport "a"\n`);

  test.each([
    ['ignore', true],
    ['linux', false],
    ['tools', false],
    ['never_set_tag', false],
    ['!ignore', false],
    ['ignore || linux', false],
    ['ignore && x', true],
    ['x && ignore', true],
    ['(ignore)', true],
    ['!(ignore || linux)', false],
    ['!(!ignore)', true],
    ['!(linux && !ignore)', false],
    ['linux && !linux', false],
    ['ignore && (linux || !linux)', true],
    ['(ignore || ignore) && !windows', true],
    ['go1.19 && (linux || darwin) && !ignore', false]
  ])('//go:build %s → buildIgnore %s', (expr, ignored) => {
    const r = header(`//go:build ${expr}\n`);
    expect(r.buildIgnore).toBe(ignored);
    expect(r.constraint).toBe(expr);
    expect(constraintNeedsIgnore(expr)).toBe(ignored);
    expect(r.imports.map(i => i.path)).toEqual(['a']);
  });

  test.each([
    ['linux &&', 'unexpected end of expression'],
    ['(linux', 'missing close paren'],
    ['(linux ||', 'missing close paren'],
    ['linux windows', 'unexpected token windows'],
    ['!!linux', 'double negation not allowed'],
    ['linux & amd64', 'invalid syntax at &'],
    ['linux-x', 'invalid syntax at -'],
    ['', 'unexpected end of expression'],
    [')', 'unexpected token )']
  ])('malformed //go:build %j excludes the file', (expr, message) => {
    const r = header(`// Copyright\n\n//go:build ${expr}\n`);
    expect(r.buildIgnore).toBe(true);
    expect(r.constraintError).toEqual({ line: 3, column: 1, message: `parsing //go:build line: ${message}` });
    expect(constraintNeedsIgnore(expr)).toBe(true);
  });

  test('two //go:build lines are an error', () => {
    const r = header('//go:build linux\n//go:build !ignore\n');
    expect(r.constraintError).toEqual({ line: 2, column: 1, message: 'multiple //go:build comments' });
    expect(r.buildIgnore).toBe(true);
  });

  test.each([
    ['after the package clause (s40b)', 'package r\n\n//go:build ignore\n\nimport _ "x"\n', false],
    ['right above package, no blank line', '//go:build ignore\npackage p', true],
    ['after a doc comment', '// Package p does things.\n//go:build ignore\npackage p', true],
    ['indented', '   \t//go:build ignore\n\npackage p', true],
    ['after a /* */ comment', '/* License */\n\n//go:build ignore\n\npackage p', true],
    ['inside a /* */ comment', '/*\n//go:build ignore\n*/\npackage p', false],
    ['after */ on the same line', '/* a\nb */ //go:build ignore\npackage p', false],
    ['after a semicolon line', ';\n//go:build ignore\npackage p', false],
    ['on the package line', '/* x */ package p //go:build ignore\n', false],
    ['//go:buildignore is another directive', '//go:buildignore\n\npackage p', false],
    ['with CRLF', '//go:build ignore\r\n\r\npackage p\r\n', true],
    ['after a BOM', '\ufeff//go:build ignore\n\npackage p', true],
    ['a tab after //go:build', '//go:build\tignore\n\npackage p', true]
  ])('//go:build %s', (_name, text, ignored) => {
    expect(scan(text).buildIgnore).toBe(ignored);
  });

  test.each([
    ['// +build ignore\n\npackage p', true, 'ignore'],
    ['//+build ignore\n\npackage p', true, 'ignore'],
    ['// +build ignore\npackage p', false, undefined],
    ['// +build ignore\n// Package p.\npackage p', false, undefined],
    ['// +build ignore\n\n// Package p.\npackage p', true, 'ignore'],
    ['// +build linux\n// +build ignore\n\npackage p', true, 'linux && ignore'],
    ['// +build linux ignore\n\npackage p', false, 'linux || ignore'],
    ['// +build linux,ignore !windows\n\npackage p', false, '(linux && ignore) || !windows'],
    [
      '// +build linux,ignore ignore,!windows\n\npackage p',
      true,
      '(linux && ignore) || (ignore && !windows)'
    ],
    ['// +build !ignore\n\npackage p', false, '!ignore'],
    ['// +build !!linux\n\npackage p', true, 'ignore'],
    ['// +build !\n\npackage p', true, 'ignore'],
    ['// +build lin-ux\n\npackage p', true, 'ignore'],
    ['// +build\n\npackage p', true, 'ignore'],
    ['// +buildignore\n\npackage p', false, undefined],
    ['/* x */\n// +build ignore\n\npackage p', false, undefined],
    ['// +build ignore\r\n\r\npackage p', true, 'ignore'],
    ['// +build never_set_tag\n\npackage p', false, 'never_set_tag'],
    ['package p\n\n// +build ignore\n\nimport "x"', false, undefined],
    ['//go:build linux\n// +build ignore\n\npackage p', false, 'linux'],
    ['//go:build never_set_tag\n// +build never_set_tag\n\npackage p\n', false, 'never_set_tag']
  ])('%j', (text, ignored, constraint) => {
    const r = scan(text);
    expect(r.buildIgnore).toBe(ignored);
    expect(r.constraint).toBe(constraint);
    if (constraint !== undefined) expect(constraintNeedsIgnore(constraint)).toBe(ignored);
  });

  test('when the reader fails, the constraint lines are found as in a file read whole', () => {
    // bytes.TrimSpace makes a line of \v or U+00A0 blank, though the reader stops there.
    expect(scan('// +build ignore\n\u00a0\npackage p\nimport "fmt"\n')).toMatchObject({
      buildIgnore: true,
      constraint: 'ignore'
    });
    expect(scan('// +build ignore\n\v\npackage p\n').buildIgnore).toBe(true);
    expect(scan('\v//go:build ignore\n\npackage p\n').buildIgnore).toBe(true);
    expect(scan('\v//go:build ignore\n\npackage p\n').error?.message).toBe('missing package clause');
  });

  test('a header that cannot be read still has its constraint', () => {
    const r = scan('//go:build ignore\n\npackage p\nimport "x');
    expect(r.error).toBeDefined();
    expect(r.buildIgnore).toBe(true);
  });

  test('evalConstraint evaluates with a given tag set', () => {
    const linux = (t: string): boolean => ['linux', 'amd64', 'unix', 'gc'].includes(t);
    expect(evalConstraint('linux && amd64', linux)).toBe(true);
    expect(evalConstraint('linux && !amd64', linux)).toBe(false);
    expect(evalConstraint('windows || (unix && !cgo)', linux)).toBe(true);
    expect(evalConstraint('linux &&', linux)).toBeUndefined();
  });
});

describe('reading a prefix (eof: false)', () => {
  const files = [
    'package e\n\nimport "github.com/o/r/single"\n\nimport (\n\t"fmt"\n\n\t"github.com/o/r/grouped"\n\tnamed "github.com/o/r/named"\n\t. "github.com/o/r/dot"\n\t_ "github.com/o/r/blank"\n\t`github.com/o/r/raw`\n\t"github.com/o/r/\\x65scaped"\n)\n\nimport "github.com/o/r/semi1"; import "github.com/o/r/semi2"\n\nimport/* c */m /* c */"github.com/o/r/commented"\n\nvar _ = fmt.Sprint\n',
    '\ufeff// Copyright\r\n\r\n//go:build linux && !ignore\r\n// +build linux,!ignore\r\n\r\n// Package p.\r\npackage p // import "x"\r\n\r\nimport "é/ü"\r\n',
    'package cgo\n\n/*\n#include "x.h"\n*/\nimport "C"\n\nfunc Free() {}\n',
    '// +build ignore\n\npackage main\nimport ("a";"b")',
    'package r\n\n/* unterminated comment\nimport "github.com/o/r/pkg"\n',
    'package p\nimport "a"\nimport "\\q"\n',
    'package p\nimport "a"\x00',
    'package p'
  ];

  test.each(files.map((f, i): [number, string] => [i, f]))(
    'file %i: every prefix needs more or gives the full answer',
    (_i, file) => {
      expectPrefixConsistent(encoder.encode(file));
    }
  );

  test('an empty prefix or part of a BOM needs more', () => {
    expect(scanImports(new Uint8Array(0), { eof: false }).needMore).toBe(true);
    expect(scanImports(Uint8Array.from([0xef, 0xbb]), { eof: false }).needMore).toBe(true);
    expect(scanImports(Uint8Array.from([0xef, 0xbb])).error?.message).toBe('missing package clause');
  });

  test('a header that ends before the bytes do is complete', () => {
    const r = scan('package p\nimport "a"\nfunc', false);
    expect(r.needMore).toBe(false);
    expect(r.imports.map(i => i.path)).toEqual(['a']);
  });
});

describe('properties', () => {
  const goLike = fc
    .array(
      fc.constantFrom(
        'package',
        'import',
        ' ',
        '\n',
        '\r\n',
        '\t',
        ';',
        'p',
        'x_test',
        '日本',
        '.',
        '_',
        '(',
        ')',
        '"fmt"',
        '"a/\\x62"',
        '"\\q"',
        '`raw\r`',
        '"',
        '`',
        '\\',
        '//',
        '/*',
        '*/',
        '/',
        '//go:build ignore',
        '//go:build linux && !ignore',
        '// +build ignore',
        '//go:build (',
        'func',
        '\x00',
        '\ufeff',
        'é'
      ),
      { maxLength: 40 }
    )
    .map(parts => encoder.encode(parts.join('')));

  test('never throws on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.boolean(), (bytes, eof) => {
        const r = scanImports(bytes, { eof });
        expect(r.end).toBeLessThanOrEqual(bytes.length);
      }),
      { seed: 20240611, numRuns: 2000 }
    );
  });

  test('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), text => {
        scanImports(encoder.encode(text));
        scanImports(encoder.encode(`package p\nimport ${text}`));
      }),
      { seed: 20240611, numRuns: 2000 }
    );
  });

  test('Go-like input: prefixes agree with the whole file', () => {
    fc.assert(
      fc.property(goLike, bytes => {
        expectPrefixConsistent(bytes);
      }),
      { seed: 20240611, numRuns: 400 }
    );
  });

  test('a complete header reports each import at its literal', () => {
    fc.assert(
      fc.property(goLike, bytes => {
        const r = scanImports(bytes);
        const text = new TextDecoder().decode(bytes);
        for (const spec of r.imports) {
          const line = text.replace(/^\ufeff/, '').split('\n')[spec.line - 1];
          expect(
            [...line]
              .slice(spec.column - 1)
              .join('')
              .startsWith(spec.literal)
          ).toBe(true);
        }
      }),
      { seed: 20240611, numRuns: 400 }
    );
  });
});

describe('conformance scenarios', () => {
  interface Scenario {
    files: Record<string, string>;
    expect: { findings: Array<{ rule: string; severity: string; file: string; line: number }> };
  }
  const ids = ['s36', 's37', 's38', 's39', 's40a', 's40b', 's41', 's43', 's44', 's69'];
  const names = readdirSync(join(conformanceDir, 'scenarios')).filter(n =>
    ids.some(id => n.startsWith(`${id}-`))
  );
  const OLD = 'github.com/o/r';

  /** The go command's file selection (go-rules.md 6.3), which is the caller's job, not the scanner's. */
  const counted = (file: string): boolean =>
    file.endsWith('.go') &&
    !file.split('/').some(part => /^[_.]/.test(part) || part === 'testdata' || part === 'vendor');

  test('every listed scenario is present', () => {
    expect(names).toHaveLength(ids.length);
  });

  test.each(names)('%s: the scans give exactly the expected stale imports and unreadable files', name => {
    const scenario = readConformanceJson<Scenario>(`scenarios/${name}`);
    const ours: string[] = [];
    for (const [file, text] of Object.entries(scenario.files)) {
      if (!counted(file)) continue;
      const r = scanImports(encoder.encode(text));
      if (r.error) ours.push(`file-unreadable ${file}:${r.error.line} warning`);
      for (const spec of r.imports) {
        const stale =
          (spec.path === OLD || spec.path.startsWith(`${OLD}/`)) && !spec.path.startsWith(`${OLD}/v2`);
        if (stale) ours.push(`stale-self-import ${file}:${spec.line} ${r.buildIgnore ? 'warning' : 'error'}`);
      }
    }
    const expected = scenario.expect.findings.map(f => `${f.rule} ${f.file}:${f.line} ${f.severity}`);
    expect(ours.sort()).toEqual(expected.sort());
  });
});

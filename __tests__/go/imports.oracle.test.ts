// Differential test of src/go/module/imports.ts against go1.19's `go list -e -json ./...` on a generated module.
//
// go list applies the real build context (GOOS/GOARCH of the host, no -tags, CGO_ENABLED=0), so
// each file's expected fate is derived from our scan: its `constraint` evaluated with the real tag
// set decides between the package's file lists and IgnoredGoFiles; a header error or a bad
// constraint puts it in InvalidGoFiles. Per package, the imports of the files that count must be
// exactly Imports + TestImports + XTestImports.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { evalConstraint, scanImports, type ImportScan } from '../../src/go/module/imports.js';
import { describeWithGo, runGo } from '../helpers/gotool.js';

const MODULE = 'example.com/gen';
const LEAVES = ['leaf/l0', 'leaf/l1', 'leaf/l2'];
const STD = ['fmt', 'os', 'strings', 'io', 'errors', 'sort', 'bytes'];
const PACKAGES = 50;
const FILES_PER_PACKAGE = 7;
// IMPORTS_ORACLE_SEED explores other modules; the default keeps the suite deterministic.
const SEED = Number(process.env.IMPORTS_ORACLE_SEED ?? 1919);

// ---- generators -------------------------------------------------------------------------------

const TAGS = [
  'linux',
  'windows',
  'darwin',
  'amd64',
  'arm64',
  'unix',
  'gc',
  'gccgo',
  'cgo',
  'ignore',
  'tools',
  'go1.18',
  'go1.99'
];
const tag = fc.constantFrom(...TAGS);

const goBuildExpr: fc.Arbitrary<string> = fc.letrec<{ expr: string }>(tie => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    tag,
    tag.map(t => `!${t}`),
    fc
      .tuple(tie('expr'), fc.constantFrom(' && ', ' || ', '&&', ' ||\t'), tie('expr'))
      .map(([a, op, b]) => a + op + b),
    tie('expr').map(e => `(${e})`),
    tie('expr').map(e => `!(${e})`)
  )
})).expr;

const plusTerm = fc.oneof(
  tag,
  tag.map(t => `!${t}`),
  fc.constantFrom('!!linux', 'lin-ux', '!')
);
const plusLine = fc
  .array(fc.array(plusTerm, { minLength: 1, maxLength: 3 }), { minLength: 0, maxLength: 3 })
  .map(options => `// +build ${options.map(o => o.join(',')).join(' ')}`.trimEnd());

/** Constraint comments and where they go relative to the package clause. */
const constraintBlock = fc.oneof(
  { weight: 3, arbitrary: fc.constant({ before: '', after: '' }) },
  {
    weight: 8,
    arbitrary: fc
      .record({
        goBuild: fc.option(goBuildExpr, { nil: undefined }),
        plus: fc.array(plusLine, { maxLength: 2 }),
        blankAfter: fc.boolean(),
        placement: fc.constantFrom(
          'top',
          'top',
          'afterLicense',
          'afterBlockComment',
          'insideBlockComment',
          'afterPackage',
          'indented'
        )
      })
      .map(({ goBuild, plus, blankAfter, placement }) => {
        const lines = [...(goBuild === undefined ? [] : [`//go:build ${goBuild}`]), ...plus];
        let block =
          lines.map(l => (placement === 'indented' ? `  ${l}` : l)).join('\n') +
          '\n' +
          (blankAfter ? '\n' : '');
        if (placement === 'afterLicense') block = `// Copyright 2024 The Authors.\n// SPDX: MIT\n\n${block}`;
        if (placement === 'afterBlockComment') block = `/* License\n   text */\n\n${block}`;
        if (placement === 'insideBlockComment') block = `/*\n${block}*/\n`;
        return placement === 'afterPackage' ? { before: '', after: block } : { before: block, after: '' };
      })
  },
  { weight: 1, arbitrary: fc.constant({ before: '//go:build linux\n//go:build !windows\n\n', after: '' }) },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom('linux &&', '(linux', 'linux windows')
      .map(e => ({ before: `//go:build ${e}\n\n`, after: '' }))
  }
);

/** An import path written in one of Go's literal forms. */
function pathLiteral(path: string, form: number): string {
  const c = path.charCodeAt(0);
  const rest = path.slice(1);
  switch (form) {
    case 1:
      return '`' + path + '`';
    case 2:
      return '`' + path[0] + '\r' + rest + '`';
    case 3:
      return `"\\x${c.toString(16)}${rest}"`;
    case 4:
      return `"\\${c.toString(8).padStart(3, '0')}${rest}"`;
    case 5:
      return `"\\u${c.toString(16).padStart(4, '0')}${rest}"`;
    case 6:
      return `"\\U${c.toString(16).padStart(8, '0')}${rest}"`;
    default:
      return `"${path}"`;
  }
}

const SPACERS = [' ', ' /* c */ ', '/* c */', ' // c\n\t', '\n\t', '\t'];
const spec = fc
  .record({
    path: fc.constantFrom(...STD, ...LEAVES.map(l => `${MODULE}/${l}`)),
    name: fc.constantFrom('', '', '_', '.', 'm', 'x9'),
    form: fc.nat({ max: 8 }),
    spacer: fc.constantFrom(...SPACERS)
  })
  .map(({ path, name, form, spacer }) => (name === '' ? '' : name + spacer) + pathLiteral(path, form));

const importDecl = fc.oneof(
  spec.map(s => `import ${s}\n`),
  spec.map(s => `import${s.startsWith('"') || s.startsWith('`') ? '' : ' '}${s}\n`),
  fc.array(spec, { maxLength: 4 }).map(ss => `import (\n${ss.map(s => `\t${s}\n`).join('')})\n`),
  fc.array(spec, { minLength: 1, maxLength: 3 }).map(ss => `import (${ss.join('; ')})\n`),
  fc.tuple(spec, spec).map(([a, b]) => `import ${a}; import ${b}\n`),
  spec.map(s => `import /* c */ ( // c\n\t${s} /* c */\n)\n`)
);

const trailer = fc.constantFrom(
  '',
  'func f() {}\n// \x00 after the header\n',
  'var s = "caf\ue000"\n',
  'func f() {}\n',
  'var _ = 1\n',
  'type T int\n',
  'const C = 1\n',
  '// import "net/http"\nfunc f() {}\n\nimport "net"\n',
  'var s = `import "net/url"`\n'
);

const fileBody = fc.record({
  constraint: constraintBlock,
  doc: fc.constantFrom('', '// Package doc mentions import "net".\n', '/* import "net/mail" */\n'),
  importComment: fc.boolean(),
  imports: fc.array(importDecl, { maxLength: 4 }),
  cgo: fc.nat({ max: 15 }).map(n => n === 0),
  trailer,
  bom: fc.nat({ max: 9 }).map(n => n === 0),
  crlf: fc.nat({ max: 7 }).map(n => n === 0),
  broken: fc.oneof(
    { weight: 8, arbitrary: fc.constant('') },
    {
      weight: 5,
      arbitrary: fc.constantFrom(
        '/* unterminated\n',
        'import "\\q"\n',
        'import "a\x00"\n',
        'import "os";; import "net"\n',
        'import "os";; import "net\n',
        'import "fmt" import "os"\n',
        'import (\n\t"fmt" "os"\n)\n',
        'import ("fmt";;)\n',
        'import 9x "fmt"\n',
        'import func "fmt"\n',
        'import "a b"\n',
        'import ""\n',
        '// caf\ue000\n',
        '// \ufeff\n',
        'import "os\ue000"\n'
      )
    }
  )
});

interface GenFile {
  dir: string;
  name: string;
  bytes: Uint8Array;
}

type Body = typeof fileBody extends fc.Arbitrary<infer T> ? T : never;

function render(b: Body, pkg: string, importPath: string, test: boolean): Uint8Array {
  let text = b.constraint.before + b.doc + `package ${pkg}`;
  text += b.importComment ? ` // import "${importPath}"\n\n` : '\n\n';
  text += b.constraint.after;
  if (b.cgo && !test) text += '/*\n#include "example.com/gen/x.h"\n*/\nimport "C"\n';
  text += b.imports.join('');
  text += b.broken;
  text += b.trailer;
  if (b.crlf) text = text.replaceAll('\n', '\r\n');
  if (b.bom) text = '\ufeff' + text;
  return encodeWithLatin1(text);
}

/** UTF-8, except that U+E000 stands for the lone byte 0xE9 (Latin-1 é, invalid UTF-8). */
function encodeWithLatin1(text: string): Uint8Array {
  const parts = text.split('\ue000').map(part => [...new TextEncoder().encode(part)]);
  return Uint8Array.from(parts.flatMap((part, i) => (i === 0 ? part : [0xe9, ...part])));
}

function generateModule(): GenFile[] {
  const files: GenFile[] = [];
  for (const leaf of LEAVES) {
    const name = leaf.split('/').pop() as string;
    files.push({
      dir: leaf,
      name: `${name}.go`,
      bytes: new TextEncoder().encode(`package ${name}\n\nimport "fmt"\n\nvar _ = fmt.Sprint\n`)
    });
  }
  const bodies = fc.sample(fileBody, { seed: SEED, numRuns: PACKAGES * FILES_PER_PACKAGE });
  const kinds = fc.sample(fc.constantFrom('go', 'go', 'test', 'xtest'), {
    seed: SEED + 1,
    numRuns: bodies.length
  });
  for (let p = 0; p < PACKAGES; p++) {
    const pkg = `g${String(p).padStart(2, '0')}`;
    const dir = `g/${pkg}`;
    const importPath = `${MODULE}/${dir}`;
    files.push({
      dir,
      name: 'base.go',
      bytes: new TextEncoder().encode(`package ${pkg}\n\nimport "os"\n\nvar _ = os.Args\n`)
    });
    for (let f = 0; f < FILES_PER_PACKAGE; f++) {
      const i = p * FILES_PER_PACKAGE + f;
      const kind = kinds[i];
      const test = kind !== 'go';
      const body =
        kind === 'xtest'
          ? { ...bodies[i], imports: [...bodies[i].imports, `import "${importPath}"\n`] }
          : bodies[i];
      files.push({
        dir,
        name: `f${f}${test ? '_test' : ''}.go`,
        bytes: render(body, kind === 'xtest' ? `${pkg}_test` : pkg, importPath, test)
      });
    }
  }
  return files;
}

// ---- go list ------------------------------------------------------------------------------------

interface ListedPackage {
  Dir: string;
  ImportPath: string;
  GoFiles?: string[];
  TestGoFiles?: string[];
  XTestGoFiles?: string[];
  IgnoredGoFiles?: string[];
  InvalidGoFiles?: string[];
  Imports?: string[];
  TestImports?: string[];
  XTestImports?: string[];
}

/** `go list -json` prints one object after another; each ends with a `}` alone on its line. */
function parseJsonStream(out: string): ListedPackage[] {
  return out
    .split(/^\}$/m)
    .filter(chunk => chunk.trim() !== '')
    .map(chunk => JSON.parse(chunk + '}') as ListedPackage);
}

/** go/build's tags for the host context: GOOS, GOARCH, unix, gc and the release tags go1.1…go1.19. */
function realTags(goos: string, goarch: string): (tag: string) => boolean {
  const unix = [
    'aix',
    'android',
    'darwin',
    'dragonfly',
    'freebsd',
    'hurd',
    'illumos',
    'ios',
    'linux',
    'netbsd',
    'openbsd',
    'solaris'
  ];
  const set = new Set([goos, goarch, 'gc', ...Array.from({ length: 19 }, (_, i) => `go1.${i + 1}`)]);
  if (unix.includes(goos)) set.add('unix');
  return t => set.has(t);
}

type Fate = 'GoFiles' | 'TestGoFiles' | 'XTestGoFiles' | 'IgnoredGoFiles' | 'InvalidGoFiles';

/** go/build's order: a read error (NUL), a bad constraint, the constraint, then a parse error. */
function expectedFate(file: GenFile, s: ImportScan, hasTag: (tag: string) => boolean): Fate {
  if (s.error?.message === 'unexpected NUL byte' || s.constraintError) return 'InvalidGoFiles';
  if (s.constraint !== undefined && !evalConstraint(s.constraint, hasTag)) return 'IgnoredGoFiles';
  if (s.error) return 'InvalidGoFiles';
  if (!file.name.endsWith('_test.go'))
    return s.imports.some(i => i.path === 'C') ? 'IgnoredGoFiles' : 'GoFiles';
  return s.packageName?.endsWith('_test') ? 'XTestGoFiles' : 'TestGoFiles';
}

// ---- the test -----------------------------------------------------------------------------------

describeWithGo('scanImports agrees with go1.19 go list', () => {
  let root: string;
  let files: GenFile[];
  let listed: Map<string, ListedPackage>;
  let hasTag: (tag: string) => boolean;

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'gmg-imports-'));
    writeFileSync(join(root, 'go.mod'), `module ${MODULE}\n\ngo 1.19\n`);
    files = generateModule();
    for (const f of files) {
      mkdirSync(join(root, f.dir), { recursive: true });
      writeFileSync(join(root, f.dir, f.name), f.bytes);
    }
    const env = runGo(['env', 'GOOS', 'GOARCH'], root);
    const [goos, goarch] = env.stdout.trim().split('\n');
    hasTag = realTags(goos, goarch);
    const r = runGo(['list', '-e', '-json', './...'], root);
    expect(r.stderr).toBe('');
    listed = new Map(parseJsonStream(r.stdout).map(p => [p.ImportPath.slice(MODULE.length + 1), p]));
  });

  afterAll(() => {
    if (root && !process.env.KEEP) rmSync(root, { recursive: true, force: true });
    else console.log(root);
  });

  test('the generated module covers every case', () => {
    const scans = files.map(f => scanImports(f.bytes));
    const fates = files.map((f, i) => expectedFate(f, scans[i], hasTag));
    for (const fate of [
      'GoFiles',
      'TestGoFiles',
      'XTestGoFiles',
      'IgnoredGoFiles',
      'InvalidGoFiles'
    ] as const) {
      expect(fates.filter(x => x === fate).length).toBeGreaterThan(15);
    }
    const messages = new Set(scans.map(s => s.error?.message.replace(/ ".*/, '')));
    for (const m of [
      'unexpected NUL byte',
      'invalid UTF-8 encoding',
      'unexpected newline',
      'invalid name',
      'invalid import path'
    ]) {
      expect(messages).toContain(m);
    }
    expect(scans.filter(s => s.buildIgnore).length).toBeGreaterThan(10);
    expect(scans.filter(s => s.constraint !== undefined && !s.buildIgnore).length).toBeGreaterThan(30);
    expect(scans.filter(s => s.constraintError).length).toBeGreaterThan(3);
    expect(scans.filter(s => s.error).length).toBeGreaterThan(5);
    expect(scans.flatMap(s => s.imports).filter(i => i.literal.includes('\\')).length).toBeGreaterThan(30);
    expect(scans.flatMap(s => s.imports).filter(i => i.path === 'C').length).toBeGreaterThan(3);
  });

  test('each file lands in the list our scan predicts', () => {
    const mismatches: string[] = [];
    for (const f of files) {
      const s = scanImports(f.bytes);
      const pkg = listed.get(f.dir);
      const fate = expectedFate(f, s, hasTag);
      if (!pkg?.[fate]?.includes(f.name)) mismatches.push(`${f.dir}/${f.name}: expected in ${fate}`);
      // Needing `ignore` under AnyTags implies being left out of every real build.
      if (s.buildIgnore && fate !== 'IgnoredGoFiles' && fate !== 'InvalidGoFiles')
        mismatches.push(`${f.dir}/${f.name}: buildIgnore but built`);
    }
    expect(mismatches).toEqual([]);
  });

  test('per package, the imports of the files that count are exactly those go list reports', () => {
    const ours = new Map<string, Set<string>>();
    for (const f of files) {
      const s = scanImports(f.bytes);
      const fate = expectedFate(f, s, hasTag);
      const set = ours.get(f.dir) ?? new Set<string>();
      ours.set(f.dir, set);
      if (fate === 'GoFiles' || fate === 'TestGoFiles' || fate === 'XTestGoFiles')
        for (const i of s.imports) set.add(i.path);
    }
    for (const [dir, set] of ours) {
      const pkg = listed.get(dir) as ListedPackage;
      const theirs = new Set([
        ...(pkg.Imports ?? []),
        ...(pkg.TestImports ?? []),
        ...(pkg.XTestImports ?? [])
      ]);
      expect({ dir, imports: [...set].sort() }).toEqual({ dir, imports: [...theirs].sort() });
    }
  });
});

// ---- header classes, one package each -------------------------------------------------------------

const BOM = '\ufeff';
/** Each is one file `a.go` of its own package; go list says whether the file is invalid and, when it
 * is not, which imports it has. The classes: a form feed outside comments and strings (go/build's
 * reader skips it, go/scanner does not); headers that end where go/build's reader fails but go/parser
 * stops without error (it reads only imports, so a token other than `import` after a declaration ends
 * it); two byte order marks (the reader fails at the second, go/parser gets the whole file and drops
 * the BOM that starts it); //line and /*line directives whose numbers go/scanner rejects; a BOM
 * after the package clause. */
const HEADER_CLASSES: [string, string | Uint8Array][] = [
  ['ff between tokens', 'package p\f\nimport "fmt"\n'],
  ['ff in a comment', 'package p // \f\nimport "fmt"\n'],
  ['ff after the imports', 'package p\nimport "fmt"\n\fvar _ = fmt.Sprint\n'],
  ['ff in an import group', 'package p\nimport (\n\t"fmt"\f\n\t"os"\n)\n'],
  ['truncated: i', 'package g\ni'],
  ['truncated: imp', 'package g\nimport "fmt"\nimp'],
  ['truncated: import() then /', 'package g\nimport()\n/'],
  ['truncated: / at the end', 'package g\nimport "fmt"\nimport "os"\n/'],
  ['truncated: / x', 'package p\n/ x'],
  ['imports "x" is an identifier', 'package p\nimports "x"'],
  ['if is not import', 'package p\nif x {}'],
  ['importé is an identifier', 'package g\nimporté "fmt"\n'],
  ['truncated without a semicolon', 'package g\nimport "fmt" imp'],
  ['truncated after two semicolons', 'package g\nimport "fmt";;imp'],
  ['truncated: a BOM after the token', `package g\ni${BOM}`],
  ['truncated: invalid UTF-8 after the token', Buffer.from('package g\ni\xff', 'latin1')],
  ['import followed by NBSP', 'package g\nimport\u00a0"fmt"\n'],
  ['an unterminated comment after the imports', 'package g\nimport "fmt"\n/* x'],
  ['two BOMs', `${BOM}${BOM}package p\nimport "fmt"\n`],
  ['two BOMs, a non-ASCII package name', `${BOM}${BOM}package é\nimport "fmt"\n`],
  ['two BOMs, then code', `${BOM}${BOM}package p\nimport "fmt"\nvar _ = fmt.Sprint\n`],
  ['two BOMs, truncated', `${BOM}${BOM}package p\nimport "fmt"\ni`],
  ['two BOMs, an illegal character after the imports', `${BOM}${BOM}package p\nimport "fmt"\n#`],
  ['an illegal character after the imports', 'package p\nimport "fmt"\n#'],
  [
    'two BOMs, a //line directive not at a line start',
    `${BOM}${BOM}//line x.go:0\npackage p\nimport "fmt"\n`
  ],
  ['three BOMs', `${BOM}${BOM}${BOM}package p\nimport "fmt"\n`],
  ['//line with line 0', '//line :0\npackage p\nimport "fmt"\n'],
  ['//line with column 0', 'package p\n//line x.go:0:0\nimport "fmt"\n'],
  ['//line with column 0, line 1', 'package p\n//line x.go:1:0\nimport "fmt"\n'],
  ['/*line with line 0', 'package p\nimport "fmt" /*line x.go:0*/\nimport "os"\n'],
  ['/*line with a column', 'package p /*line x.go:0:5*/\nimport "fmt"\n'],
  ['//line beyond uint64', '//line x.go:99999999999999999999\npackage p\nimport "fmt"\n'],
  ['//line that wraps negative', 'package p\n//line x.go:18446744073709551615\nimport "fmt"\n'],
  ['//line not a number', 'package p\n//line x.go:abc\nimport "fmt"\n'],
  ['//line without a colon', 'package p\n//line x.go\nimport "fmt"\n'],
  ['//line after an indent', 'package p\n //line x.go:0\nimport "fmt"\n'],
  ['//line with CRLF', 'package p\r\n//line x.go:0\r\nimport "fmt"\r\n'],
  ['//line after the imports', 'package p\nimport "fmt"\n//line x.go:0\nvar _ = 1\n'],
  ['//line valid', '//line x.go:10\npackage p\nimport "fmt"\n'],
  ['a BOM right after the package name', `package p${BOM}\nimport "fmt"\n`],
  ['a BOM after the package clause', `package p ${BOM}\nimport "fmt"\n`],
  ['a BOM before import', `package p\n${BOM}import "fmt"\n`],
  ['a BOM between imports', `package p\nimport "fmt"\n${BOM}import "os"\n`],
  ['a non-ASCII package name', 'package é\nimport "fmt"\n']
];

describeWithGo('header classes agree with go1.19 go list', () => {
  let root: string;
  let listed: Map<string, ListedPackage>;

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'gmg-headers-'));
    writeFileSync(join(root, 'go.mod'), `module ${MODULE}\n\ngo 1.19\n`);
    HEADER_CLASSES.forEach(([, text], i) => {
      mkdirSync(join(root, `c${i}`));
      writeFileSync(join(root, `c${i}`, 'a.go'), text);
    });
    const r = runGo(['list', '-e', '-json', './...'], root);
    listed = new Map(parseJsonStream(r.stdout).map(p => [p.ImportPath.slice(MODULE.length + 1), p]));
  });

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  test.each(HEADER_CLASSES.map(([title, text], i) => ({ title, text, i })))('$title', ({ text, i }) => {
    const pkg = listed.get(`c${i}`) as ListedPackage;
    const s = scanImports(typeof text === 'string' ? new TextEncoder().encode(text) : text);
    const theirs = { unreadable: (pkg.InvalidGoFiles ?? []).length > 0, imports: pkg.Imports ?? [] };
    const ours = { unreadable: s.error !== undefined, imports: s.error ? [] : s.imports.map(x => x.path) };
    expect(ours).toEqual(theirs);
  });
});

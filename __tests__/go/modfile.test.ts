import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import {
  modulePath,
  parseModFile,
  tokenize,
  type ParseMode,
  type ParseResult
} from '../../src/go/module/modfile.js';
import { readConformanceFile, readConformanceJson } from '../helpers/conformance.js';

interface Case {
  name: string;
  mode: ParseMode | 'syntax';
  input: string;
  ok: boolean;
  error?: string;
  module?: string;
  moduleLine?: number;
  deprecated?: string;
  go?: string;
  toolchain?: string;
  require?: { path: string; version: string; indirect: boolean; line: number }[];
  exclude?: { path: string; version: string; line: number }[];
  replace?: { old: string; oldVersion: string; new: string; newVersion: string; line: number }[];
  retract?: { low: string; high: string; rationale: string; line: number }[];
  tokens?: string;
}

interface HeadResult {
  ok: boolean;
  error?: string;
  module?: string | null;
  go?: string;
  toolchain?: string;
}

interface ExpectedFile {
  file: string;
  head: { strict: HeadResult; lax: HeadResult };
}

const cases = readConformanceJson<{
  cases: Case[];
  modulePathScan: { name: string; input: string; module: string }[];
}>('modfile/cases.json');
const expectedFiles = readConformanceJson<{ files: ExpectedFile[] }>('modfile/expected.json').files;

function errorText(result: ParseResult): string {
  return result.errors.map(e => e.text).join('\n');
}

/** The fields the conformance data records, projected from a parse result. */
function parsedFields(c: Case, { modFile: f }: ParseResult): Partial<Case> {
  const got: Partial<Case> = {};
  // cases.json records the module's Syntax line: the path line, which differs from the keyword line
  // only for the block form.
  if (c.module !== undefined) got.module = f.module?.path;
  if (c.moduleLine !== undefined) got.moduleLine = f.module?.pathSpan.start.line;
  if (c.deprecated !== undefined) got.deprecated = f.module?.deprecated ?? '';
  if (c.go !== undefined) got.go = f.go?.version;
  if (c.toolchain !== undefined) got.toolchain = f.toolchain?.name;
  if (c.require !== undefined)
    got.require = f.require.map(({ path, version, indirect, line }) => ({ path, version, indirect, line }));
  if (c.exclude !== undefined)
    got.exclude = f.exclude.map(({ path, version, line }) => ({ path, version, line }));
  if (c.replace !== undefined) {
    got.replace = f.replace.map(r => ({
      old: r.oldPath,
      oldVersion: r.oldVersion,
      new: r.newPath,
      newVersion: r.newVersion,
      line: r.line
    }));
  }
  if (c.retract !== undefined)
    got.retract = f.retract.map(({ low, high, rationale, line }) => ({ low, high, rationale, line }));
  return got;
}

function expectedFields(c: Case): Partial<Case> {
  const keys = [
    'module',
    'moduleLine',
    'deprecated',
    'go',
    'toolchain',
    'require',
    'exclude',
    'replace',
    'retract'
  ] as const;
  return Object.fromEntries(keys.filter(k => c[k] !== undefined).map(k => [k, c[k]]));
}

describe('cases.json', () => {
  const named = cases.cases.map(c => ({ ...c, title: `${c.mode} ${c.name}` }));

  test.each(named.filter(c => c.mode !== 'syntax'))('$title', c => {
    const result = parseModFile(c.input, { mode: c.mode as ParseMode });
    expect({ ok: result.errors.length === 0, error: errorText(result) }).toEqual({
      ok: c.ok,
      error: c.error ?? ''
    });
    if (c.ok) expect(parsedFields(c, result)).toEqual(expectedFields(c));
    // Absent fields mean "absent", not "unchecked", for the directives a case parses.
    if (c.ok && c.module === undefined) expect(result.modFile.module).toBeUndefined();
  });

  test.each(named.filter(c => c.mode === 'syntax'))('$title', c => {
    const { tokens, errors } = tokenize(c.input);
    expect(errors.length === 0).toBe(c.ok);
    expect(tokens.join(' ')).toBe(c.tokens);
  });
});

describe('modulePathScan', () => {
  test.each(cases.modulePathScan)('$name', ({ input, module }) => {
    expect(modulePath(input)).toBe(module);
  });
});

describe('expected.json head', () => {
  const runs = expectedFiles.flatMap(f =>
    (['strict', 'lax'] as const).map(mode => ({
      title: `${mode} ${f.file}`,
      file: f.file,
      mode,
      head: f.head[mode]
    }))
  );
  test.each(runs)('$title', ({ file, mode, head }) => {
    const result = parseModFile(readConformanceFile(`modfile/${file}`), { mode });
    const got: HeadResult = { ok: result.errors.length === 0 };
    if (!got.ok) got.error = errorText(result);
    if ('module' in head) got.module = result.modFile.module?.path ?? null;
    if ('go' in head) got.go = result.modFile.go?.version;
    if ('toolchain' in head) got.toolchain = result.modFile.toolchain?.name;
    expect(got).toEqual(head);
  });
});

describe('positions and best effort', () => {
  test('spans count runes for columns and UTF-8 bytes for offsets', () => {
    const { modFile } = parseModFile('module é.com/m\nrequire (\n\tx.com/ü v1.0.0 // indirect\n)\n', {
      mode: 'strict'
    });
    expect(modFile.module?.pathSpan).toEqual({
      start: { line: 1, column: 8, byte: 7 },
      end: { line: 1, column: 15, byte: 15 }
    });
    expect(modFile.require[0]).toMatchObject({
      indirect: true,
      span: { start: { line: 3, column: 2, byte: 27 }, end: { line: 3, column: 16, byte: 42 } },
      pathSpan: { start: { line: 3, column: 2, byte: 27 }, end: { line: 3, column: 9, byte: 35 } },
      versionSpan: { start: { line: 3, column: 10, byte: 36 }, end: { line: 3, column: 16, byte: 42 } }
    });
  });

  test('module block: line is the keyword line, deprecation line is the comment line', () => {
    const { modFile } = parseModFile('// x\n//\n// Deprecated: use v3\nmodule (\n\tex.com/m/v2\n)\n', {
      mode: 'lax'
    });
    expect(modFile.module).toMatchObject({
      path: 'ex.com/m/v2',
      line: 4,
      block: true,
      deprecated: 'use v3',
      deprecatedLine: 3
    });
    const suffix = parseModFile('\nmodule m // Deprecated: gone\n', { mode: 'lax' }).modFile.module;
    expect(suffix).toMatchObject({ line: 2, block: false, deprecated: 'gone', deprecatedLine: 2 });
  });

  test('major mismatches are errors of kind major and keep their entries', () => {
    const input = [
      'module m',
      'require (',
      '\texample.com/x v2.0.0',
      '\texample.com/y/v1 v1.0.0',
      ')',
      'exclude example.com/z/v3 v2.0.0',
      'replace example.com/w v2.0.0 => ../w',
      'require ok.com/a 1.0.0',
      'go 1.21'
    ].join('\n');
    const { modFile, errors } = parseModFile(input, { mode: 'strict', file: 'a/go.mod' });
    expect(errors.map(e => [e.kind, e.text])).toEqual([
      ['major', 'a/go.mod:3:2: require example.com/x: version "v2.0.0" invalid: should be v0 or v1, not v2'],
      ['syntax', 'a/go.mod:4:2: invalid module path'],
      ['major', 'a/go.mod:6: exclude example.com/z/v3: version "v2.0.0" invalid: should be v3, not v2'],
      ['major', 'a/go.mod:7: replace example.com/w: version "v2.0.0" invalid: should be v0 or v1, not v2'],
      ['syntax', 'a/go.mod:8: require ok.com/a: version "1.0.0" invalid: must be of the form v1.2.3']
    ]);
    expect(errors[0]).toMatchObject({ line: 3, column: 2 });
    expect(errors[0].message).toBe(
      'require example.com/x: version "v2.0.0" invalid: should be v0 or v1, not v2'
    );
    // A malformed major suffix is a syntax error, and x/mod drops the entry.
    expect(modFile.require.map(r => r.path)).toEqual(['example.com/x']);
    expect(modFile.exclude.map(r => r.path)).toEqual(['example.com/z/v3']);
    expect(modFile.replace.map(r => r.newPath)).toEqual(['../w']);
    expect(modFile.go?.version).toBe('1.21');
  });

  test('a replace with a major mismatch and a broken right-hand side is dropped', () => {
    const { modFile, errors } = parseModFile('replace example.com/w v2.0.0 => example.com/v\n', {
      mode: 'strict'
    });
    expect(errors.map(e => e.kind)).toEqual(['major']);
    expect(modFile.replace).toEqual([]);
  });

  test('directives before a syntax error survive it', () => {
    const { modFile, errors } = parseModFile('module m\ngo 1.20\nrequire (\n\tx.com/y v1.0.0\n', {
      mode: 'strict'
    });
    expect(errors.map(e => e.text)).toEqual([
      'go.mod:5: syntax error (unterminated block started at go.mod:3:1)'
    ]);
    expect(modFile.module?.path).toBe('m');
    expect(modFile.go?.version).toBe('1.20');
    // x/mod's parser never returns the unterminated block, so none of its lines count.
    expect(modFile.require).toEqual([]);
    const inModuleBlock = parseModFile('go 1.20\nmodule (\n\tm\n\tx.com/a\n', { mode: 'strict' });
    expect(inModuleBlock.modFile.module).toBeUndefined();
    expect(inModuleBlock.modFile.go?.version).toBe('1.20');
    const badToken = parseModFile(
      'module m\nrequire (\n\tx.com/y v1.0.0 // indirect\n\tx.com/z v1.0.0 /*\n)\n',
      {
        mode: 'strict'
      }
    );
    expect(badToken.errors.map(e => e.message)).toEqual([
      'mod files must use // comments (not /* */ comments)'
    ]);
    expect(badToken.modFile.require).toEqual([]);
  });

  test('end-of-line comments go to their line, in blocks and out, with the block comment as fallback', () => {
    const input = [
      '// Deprecated: the block says so',
      'module (',
      '	m // its own',
      ')',
      'require ( // after the paren',
      '	a.com/x v1.0.0 // indirect',
      '',
      '	// above b',
      '	b.com/x v1.0.0 //indirect',
      '	c.com/x v1.0.0',
      ') // after the block',
      'require d.com/x v1.0.0 // indirect; why',
      '// Retracted together.',
      'retract (',
      '	v1.0.1',
      '	v1.0.2 // own rationale',
      ')'
    ].join('\n');
    const { modFile, errors } = parseModFile(input, { mode: 'strict' });
    expect(errors).toEqual([]);
    expect(modFile.module?.path).toBe('m');
    expect(modFile.module?.deprecated).toBeUndefined();
    expect(modFile.require.map(r => [r.path, r.indirect])).toEqual([
      ['a.com/x', true],
      ['b.com/x', true],
      ['c.com/x', false],
      ['d.com/x', true]
    ]);
    expect(modFile.retract.map(r => r.rationale)).toEqual(['Retracted together.', 'own rationale']);
  });

  test('a go.mod of several megabytes parses, line by line', () => {
    // The go command parses a 20 MB go.mod in 0.4 s; here the parse must stay linear: one entry per
    // line, no syntax tree of the block kept beside them (speed is measured by hand, not here).
    const n = 150_000;
    const lines = ['module example.com/big', '', 'go 1.19', '', 'require ('];
    for (let i = 0; i < n; i++)
      lines.push(`\texample.com/dep${i}/sub/pkg v1.${i % 100}.${i % 7} // indirect`);
    lines.push(')', 'exclude example.com/dep0/sub/pkg v1.0.1', '');
    const text = lines.join('\n');
    expect(text.length).toBeGreaterThan(7_000_000);
    const { modFile, errors } = parseModFile(Buffer.from(text), { mode: 'strict' });
    expect(errors).toEqual([]);
    expect(modFile.require).toHaveLength(n);
    const last = modFile.require[n - 1];
    expect(last).toMatchObject({ path: `example.com/dep${n - 1}/sub/pkg`, indirect: true, line: n + 5 });
    expect(last.versionSpan.start.byte).toBe(
      text.indexOf(` v1.${(n - 1) % 100}.${(n - 1) % 7} //`, text.length - 200) + 1
    );
    expect(modFile.exclude).toHaveLength(1);
  });

  test('bytes: BOM, CRLF and invalid UTF-8', () => {
    const bom = parseModFile(new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from('module m\n')]), {
      mode: 'strict'
    });
    expect(errorText(bom)).toBe("go.mod:1: unexpected input character '\\ufeff'");
    const crlf = parseModFile(Buffer.from('module m\r\nrequire x.com/y v1.0.0 // indirect\r\n'), {
      mode: 'strict'
    });
    expect(crlf.errors).toEqual([]);
    expect(crlf.modFile.require[0]).toMatchObject({
      indirect: true,
      versionSpan: { end: { line: 2, column: 23, byte: 32 } }
    });
    // An invalid byte is one rune that Go reads as U+FFFD: an identifier character. In the Go string
    // model of version.ts it is the lone surrogate U+DC00+byte.
    const raw = parseModFile(
      new Uint8Array([...Buffer.from('module m\nrequire x.com/'), 0xff, ...Buffer.from(' v3.0.0\n')]),
      {
        mode: 'strict'
      }
    );
    expect(errorText(raw)).toBe(
      'go.mod:2: require x.com/\udcff: version "v3.0.0" invalid: should be v0 or v1, not v3'
    );
  });

  test('strconv.Unquote turns a raw invalid byte into U+FFFD but keeps \\x escapes as bytes', () => {
    const data = new Uint8Array([...Buffer.from('module "a'), 0xff, ...Buffer.from('\\xfe"\n')]);
    expect(parseModFile(data, { mode: 'lax' }).modFile.module?.path).toBe('a\ufffd\udcfe');
  });

  test('lexer errors carry columns', () => {
    expect(errorText(parseModFile('module m\n  go 1.2\u000b\n', { mode: 'strict' }))).toBe(
      "go.mod:2:9: unexpected input character '\\v'"
    );
    expect(errorText(parseModFile('module "m', { mode: 'strict' }))).toBe(
      'go.mod:1:8: unexpected EOF in string'
    );
  });
});

describe('never throws', () => {
  const modes: ParseMode[] = ['strict', 'lax'];
  const check = (data: string | Uint8Array): void => {
    for (const mode of modes) {
      const result = parseModFile(data, { mode });
      for (const e of result.errors) expect(e.text.endsWith(e.message)).toBe(true);
    }
    modulePath(data);
    tokenize(data);
  };
  // Fragments that reach the parser's corners more often than uniform characters do.
  const fragment = fc.constantFrom(
    'module ',
    'require ',
    'replace ',
    'retract ',
    'exclude ',
    'go ',
    'toolchain ',
    'godebug ',
    'tool ',
    'ignore ',
    '(',
    ')',
    '[',
    ']',
    ',',
    '=>',
    ' ',
    '\t',
    '\n',
    '\r\n',
    '//',
    '/*',
    '"',
    '`',
    "'",
    '\\',
    'v1.0.0',
    'v2.0.0',
    'x.com/m',
    '/v2',
    '../d',
    'indirect',
    '\ufeff',
    '\u0001',
    'é',
    '\ud800'
  );

  test('arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), s => check(s)),
      { seed: 1, numRuns: 500 }
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), s => check(s)),
      { seed: 2, numRuns: 500 }
    );
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 60 }), parts => check(parts.join(''))),
      { seed: 3, numRuns: 1000 }
    );
  });

  test('arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), b => check(b)),
      { seed: 4, numRuns: 500 }
    );
  });
});

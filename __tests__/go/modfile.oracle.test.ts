// Differential tests: parseModFile in strict mode against go1.19 `go mod edit -json` (modfile.Parse
// with no version fixer) on the conformance files, the strict conformance cases and generated files.
// go1.19 words some errors differently and rejects syntax added later (toolchain, godebug, tool,
// ignore, three-part go versions, bare `.`/`..` replacement directories), so the generator avoids
// those and the comparison is: ok, the parsed values when ok, and the error positions when not.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { parseModFile } from '../../src/go/module/modfile.js';
import { readConformanceFile, readConformanceJson } from '../helpers/conformance.js';
import { describeWithGo, runGo } from '../helpers/gotool.js';

interface OracleInput {
  title: string;
  data: string | Uint8Array;
}

interface Summary {
  ok: boolean;
  /** `line` or `line:col` of each error, in order. */
  errorAt?: string[];
  parsed?: unknown;
}

// ---------------------------------------------------------------------------------------------
// Inputs

const conformanceFiles: OracleInput[] = readConformanceJson<{
  files: { file: string; goVersionNeeded?: string }[];
}>('modfile/expected.json')
  .files.filter(f => f.goVersionNeeded === undefined)
  .map(f => ({ title: `file ${f.file}`, data: readConformanceFile(`modfile/${f.file}`) }));

const strictCases: OracleInput[] = readConformanceJson<{
  cases: { name: string; mode: string; input: string; goVersionNeeded?: string }[];
}>('modfile/cases.json')
  .cases.filter(c => c.mode === 'strict' && c.goVersionNeeded === undefined)
  .map(c => ({ title: `case ${c.name}`, data: c.input }));

// A grammar of go.mod fragments understood by go1.19: mostly valid, with a few slightly broken
// alternatives at every level.
const goodPath = fc.constantFrom(
  'example.com/m',
  'example.com/m/v2',
  'gopkg.in/yaml.v3',
  '"example.com/q"',
  '"example.com/\\x71/v2"',
  '"example.com/a b"',
  'example.com/cut//v2',
  'github.com/o/r'
);
const badPath = fc.constantFrom(
  'example.com/m/v1',
  'gopkg.in/yaml',
  '"bad\\q"',
  '`example.com/raw`',
  "'example.com/s'"
);
const path = fc.oneof({ weight: 6, arbitrary: goodPath }, { weight: 1, arbitrary: badPath });
const version = fc.constantFrom(
  'v1.0.0',
  'v1.2.3',
  'v2.0.0',
  'v3.1.0',
  'v2.0.0+incompatible',
  'v0.0.0-20200101000000-abcdefabcdef',
  'v1.2',
  'v2',
  'v1.0.0-rc.1',
  'v1.0.0+meta',
  '"v1.0.0"',
  '1.0.0',
  'latest'
);
/** A path with a version that fits its major suffix, or (rarely) any pair. */
const pathVersion = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.constantFrom(
      'example.com/m v1.0.0',
      'example.com/m v1.2',
      'example.com/m v2.0.0+incompatible',
      'example.com/m v0.0.0-20200101000000-abcdefabcdef',
      'example.com/m/v2 v2.1.0',
      'example.com/m/v2 v2.0.0+incompatible',
      'gopkg.in/yaml.v3 v3.0.1',
      'gopkg.in/check.v1 v0.0.0-20161208181325-20d25e280405',
      '"example.com/q" "v1.0.0"',
      'github.com/o/r v1.0.0+meta',
      'github.com/o/r v1.0.0-rc.1'
    )
  },
  { weight: 1, arbitrary: fc.tuple(path, version).map(([p, v]) => `${p} ${v}`) }
);
const directory = fc.constantFrom('../d', './d', '/abs/d', '.\\d', 'C:\\d', '"../quoted dir"');
const suffixComment = fc.constantFrom(
  '',
  '',
  ' // indirect',
  ' //indirect',
  ' // Indirect',
  ' // indirect; note',
  ' // why'
);
const indent = fc.constantFrom('', '', '\t', '  ');
const goVersion = fc.constantFrom('1.19', '1.17', '1.13', '1.19', 'v1.19', '1');

const requireBody = fc.tuple(pathVersion, suffixComment).map(([pv, c]) => `${pv}${c}`);
const replaceTarget = fc.oneof(
  { weight: 3, arbitrary: directory },
  { weight: 3, arbitrary: pathVersion },
  { weight: 1, arbitrary: fc.tuple(directory, version).map(([d, v]) => `${d} ${v}`) },
  { weight: 1, arbitrary: path },
  { weight: 1, arbitrary: path.map(p => `${p}@v1.0.0`) }
);
const replaceBody = fc
  .tuple(
    fc.oneof({ weight: 2, arbitrary: pathVersion }, { weight: 1, arbitrary: path }),
    fc.constantFrom(' => ', ' => ', ' => ', '=>', ' =>'),
    replaceTarget
  )
  .map(([old, arrow, target]) => `${old}${arrow}${target}`);
const goodVersion = fc.constantFrom('v1.0.0', 'v1.2.3', 'v2.0.0', 'v1.0.0-rc.1', '"v1.1.0"');
const retractBody = fc.oneof(
  { weight: 3, arbitrary: goodVersion },
  { weight: 3, arbitrary: fc.tuple(goodVersion, goodVersion).map(([a, b]) => `[${a}, ${b}]`) },
  { weight: 1, arbitrary: fc.tuple(version, version).map(([a, b]) => `[${a},${b}]`) },
  { weight: 2, arbitrary: fc.tuple(goodVersion, suffixComment).map(([v, c]) => `${v}${c}`) },
  { weight: 1, arbitrary: fc.tuple(version, version).map(([a, b]) => `[${a}, ${b}`) },
  { weight: 1, arbitrary: version.map(v => `${v} extra`) }
);

/** `verb body` on one line, or a block of bodies, possibly with comments and blank lines inside. */
function directive(verb: string, body: fc.Arbitrary<string>): fc.Arbitrary<string[]> {
  const inBlock = fc.oneof(
    { weight: 4, arbitrary: body.map(b => `\t${b}`) },
    { weight: 1, arbitrary: fc.constantFrom('\t// a comment', '') }
  );
  return fc.oneof(
    { weight: 3, arbitrary: fc.tuple(indent, body).map(([i, b]) => [`${i}${verb} ${b}`]) },
    { weight: 2, arbitrary: fc.array(inBlock, { maxLength: 4 }).map(lines => [`${verb} (`, ...lines, ')']) },
    { weight: 1, arbitrary: fc.constant<string[]>([`${verb} ( )`]) }
  );
}

const statement = fc.oneof(
  { weight: 3, arbitrary: directive('module', path) },
  { weight: 2, arbitrary: goVersion.map(v => [`go ${v}`]) },
  { weight: 5, arbitrary: directive('require', requireBody) },
  { weight: 2, arbitrary: directive('exclude', pathVersion) },
  { weight: 3, arbitrary: directive('replace', replaceBody) },
  { weight: 3, arbitrary: directive('retract', retractBody) },
  { weight: 3, arbitrary: fc.constantFrom(['// Deprecated: use v3'], ['// plain comment'], ['']) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      ['frob x'],
      ['module m /* c */'],
      ['require ('],
      [') trailing'],
      ['require x ( v1.0.0'],
      ['go ('],
      ['module "unterminated'],
      ['require\u000bx v1.0.0']
    )
  }
);

const generated: OracleInput[] = fc
  .sample(fc.tuple(fc.array(statement, { minLength: 1, maxLength: 7 }), fc.boolean(), fc.boolean()), {
    seed: 20240611,
    numRuns: 200
  })
  .map(([stmts, crlf, finalNewline], i) => {
    const eol = crlf ? '\r\n' : '\n';
    const text = stmts.flat().join(eol) + (finalNewline ? eol : '');
    return { title: `generated #${i}`, data: text };
  });

const inputs = [...conformanceFiles, ...strictCases, ...generated];

// ---------------------------------------------------------------------------------------------
// Summaries

interface GoModJSON {
  Module: { Path: string };
  Go?: string;
  Require: { Path: string; Version: string; Indirect?: boolean }[] | null;
  Exclude: { Path: string; Version: string }[] | null;
  Replace: { Old: { Path: string; Version?: string }; New: { Path: string; Version?: string } }[] | null;
  Retract: { Low: string; High: string; Rationale?: string }[] | null;
}

/** What `go mod edit` keeps after its Cleanup: the first of equal excludes and the last replace of
 * each old path and version. */
function dedupe<T>(list: T[], key: (x: T) => string, keepLast: boolean): T[] {
  const ordered = keepLast ? [...list].reverse() : list;
  const seen = new Set<string>();
  const kept = ordered.filter(x => !seen.has(key(x)) && seen.add(key(x)));
  return keepLast ? kept.reverse() : kept;
}

function summarizeOurs(data: string | Uint8Array): Summary {
  const { modFile: f, errors } = parseModFile(data, { mode: 'strict' });
  if (errors.length > 0) {
    return { ok: false, errorAt: errors.map(e => (e.column > 1 ? `${e.line}:${e.column}` : `${e.line}`)) };
  }
  return {
    ok: true,
    parsed: {
      module: f.module?.path ?? '',
      go: f.go?.version,
      require: f.require.map(r => [r.path, r.version, r.indirect]),
      exclude: dedupe(f.exclude, r => `${r.path}@${r.version}`, false).map(r => [r.path, r.version]),
      replace: dedupe(f.replace, r => `${r.oldPath}@${r.oldVersion}`, true).map(r => [
        r.oldPath,
        r.oldVersion,
        r.newPath,
        r.newVersion
      ]),
      retract: f.retract.map(r => [r.low, r.high, r.rationale])
    }
  };
}

function summarizeGo(name: string, status: number, stdout: string, stderr: string): Summary {
  if (status !== 0) {
    const at = [...stderr.matchAll(new RegExp(`^${name.replace('.', '\\.')}:(\\d+(?::\\d+)?): `, 'gm'))];
    return { ok: false, errorAt: at.map(m => m[1]) };
  }
  const j = JSON.parse(stdout) as GoModJSON;
  return {
    ok: true,
    parsed: {
      module: j.Module.Path,
      go: j.Go,
      require: (j.Require ?? []).map(r => [r.Path, r.Version, r.Indirect ?? false]),
      exclude: (j.Exclude ?? []).map(r => [r.Path, r.Version]),
      replace: (j.Replace ?? []).map(r => [r.Old.Path, r.Old.Version ?? '', r.New.Path, r.New.Version ?? '']),
      retract: (j.Retract ?? []).map(r => [r.Low, r.High, r.Rationale ?? ''])
    }
  };
}

// ---------------------------------------------------------------------------------------------
// Tests

describeWithGo('parseModFile strict = go1.19 go mod edit -json', () => {
  let dir = '';
  const oracle = new Map<string, Summary>();

  // One directory and one short `go mod edit` per file: about 10 ms each, a few seconds in all.
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'gmg-modfile-'));
    inputs.forEach((input, i) => {
      const name = `f${i}.mod`;
      writeFileSync(join(dir, name), input.data);
      const r = runGo(['mod', 'edit', '-json', name], dir);
      oracle.set(input.title, summarizeGo(name, r.status, r.stdout, r.stderr));
    });
  });

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('the generator makes both valid and invalid files', () => {
    const oks = generated.map(g => oracle.get(g.title)?.ok);
    expect(oks.filter(ok => ok === true).length).toBeGreaterThan(40);
    expect(oks.filter(ok => ok === false).length).toBeGreaterThan(40);
  });

  test.each(inputs)('$title', ({ title, data }) => {
    expect(summarizeOurs(data)).toEqual(oracle.get(title));
  });
});

// ---------------------------------------------------------------------------------------------
// Strictness classes, compared word for word with go1.19's error lines.

/** Malformed major suffixes (module.SplitPathVersion fails: /v1, /v02, /v1.2), a NUL byte, and runes
 * that Go 1.19's Unicode 13.0.0 tables do not list as printable although newer Unicode does. */
const strictness: OracleInput[] = [
  ['require /v02', 'module m\n\nrequire ecom/x/v02 v2.0.0\n'],
  ['require block /v1', 'module m\n\nrequire (\n\tok.com/a v1.0.0\n\te.com/x/v1 v1.0.0\n)\n'],
  ['exclude /v1.2', 'module m\n\nexclude e.com/x/v1.2 v1.0.0\n'],
  ['replace old /v1 with a version', 'module m\n\nreplace e/v1 v1.0.0 => ../a\n'],
  ['replace old /v1 without a version', 'module m\n\nreplace e/v1 => ../a\n'],
  ['NUL as the module path', 'module \x00\n'],
  ['NUL inside an identifier', 'module m\x00\n'],
  ['NUL in a require block', 'module m\nrequire (\n\tx.com/y v1.0.0\x00\n)\n'],
  ...[0x2ebf0, 0x0870, 0x31350, 0x1fae9, 0x16d40].map((cp): [string, string] => [
    `U+${cp.toString(16).toUpperCase()} in an identifier`,
    `module a${String.fromCodePoint(cp)}b\n`
  ]),
  ['U+4E00 is a letter in Unicode 13', 'module a\u4e00b\n']
].map(([title, data]) => ({ title, data }));

describeWithGo('parseModFile strict errors = go1.19 go mod edit, word for word', () => {
  test.each(strictness)('$title', ({ data }) => {
    const dir = mkdtempSync(join(tmpdir(), 'gmg-modfile-'));
    try {
      writeFileSync(join(dir, 'go.mod'), data);
      const r = runGo(['mod', 'edit', '-json'], dir);
      const theirs = r.stderr
        .split('\n')
        .filter(l => l.startsWith(`${dir}/go.mod:`))
        .map(l => l.slice(dir.length + 1));
      expect(parseModFile(data, { mode: 'strict' }).errors.map(e => e.text)).toEqual(theirs);
      expect(r.status === 0).toBe(theirs.length === 0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

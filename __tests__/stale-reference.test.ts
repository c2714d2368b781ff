// stale-reference: old-major paths outside Go imports (.proto, buf, docs, build files, //go:generate),
// checked through the CLI on real git repositories, in the work tree and at a ref; plus the pure parts
// of src/go/module/references.ts.
import { join } from 'node:path';
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, test } from '@jest/globals';
import { checkJson, cli, type JsonFinding } from './helpers/cli.js';
import { git, makeRepo, tempDir, type TreeState } from './helpers/repo.js';
import {
  goGenerateLines,
  markdownStates,
  referenceFileKind,
  referencePatterns,
  type ReferenceFileKind
} from '../src/go/module/references.js';

const R = 'github.com/o/r';

const v1: TreeState = {
  files: {
    'go.mod': `module ${R}\n\ngo 1.19\n`,
    'r.go': 'package r\n\n// Name is the name.\nconst Name = "r"\n'
  },
  tags: ['v1.0.0']
};

/** Every kind of reference, each stale form next to forms that must pass. */
const files: Record<string, string> = {
  'go.mod': `module ${R}/v2\n\ngo 1.19\n`,
  'r.go': [
    'package r',
    '',
    `//go:generate go run ${R}/cmd/gen -out names.go`,
    `//go:generate go run ${R}/v2/cmd/gen -out names2.go`,
    `//go:generate go run ${R}/tools/stringer -type=Kind`,
    `// The old path ${R}/pkg is mentioned in a comment.`,
    'func f() {',
    `\t//go:generate go run ${R}/cmd/indented`,
    '}',
    ''
  ].join('\n'),
  'tools/go.mod': `module ${R}/tools\n\ngo 1.19\n`,
  'tools/t.go': 'package tools\n',
  // go generate never runs these (not packages of a module): no finding, from either tree.
  'testdata/gen.go': `package gen\n\n//go:generate go run ${R}/cmd/gen\n`,
  '_attic/gen.go': `package gen\n\n//go:generate go run ${R}/cmd/gen\n`,
  'api/api.proto': [
    'syntax = "proto3";',
    '',
    'package api;',
    '',
    `option go_package = "${R}/pkg/api;api";`,
    ''
  ].join('\n'),
  'api/ok.proto': [
    'syntax = "proto3";',
    `// go_package was ${R}/pkg/ok before v2`,
    'package ok;',
    `option go_package = "${R}/v2/pkg/ok;ok";`,
    ''
  ].join('\n'),
  'buf.gen.yaml': [
    'version: v1',
    'managed:',
    '  enabled: true',
    '  go_package_prefix:',
    `    default: ${R}/gen/proto/go`,
    '    except:',
    '      - buf.build/googleapis/googleapis',
    '    override:',
    `      buf.build/o/other: ${R}/v2/gen/other`,
    `      buf.build/o/legacy: ${R}/gen/legacy`,
    `# default: ${R}/commented`,
    'plugins:',
    '  - plugin: go',
    '    out: gen/proto/go',
    ''
  ].join('\n'),
  'proto/buf.gen.yaml': [
    'version: v2',
    'managed:',
    '  enabled: true',
    '  override:',
    '    - file_option: go_package_prefix',
    `      value: ${R}/gen`,
    '    - file_option: go_package',
    '      path: acme/v1/a.proto',
    `      value: ${R}/v2/gen/a;a`,
    ''
  ].join('\n'),
  'README.md': [
    '# r',
    '',
    'Install:',
    '',
    `    go get ${R}/v2@latest`,
    `    go get ${R}@latest`,
    '',
    `Install the tool: \`go install ${R}/cmd/tool@latest\`.`,
    '',
    '```go',
    `import "${R}/pkg"`,
    `import x "${R}/v2/pkg"`,
    '```',
    '',
    '```go',
    'import (',
    '\t"fmt"',
    '',
    `\t"${R}/pkg/sub"`,
    `\textras "${R}-extras/x"`,
    `\t"${R}/tools/gen"`,
    ')',
    '```',
    '',
    `[![Go Reference](https://pkg.go.dev/badge/${R}.svg)](https://pkg.go.dev/${R})`,
    `Docs of the old line: https://pkg.go.dev/${R}@v1.0.0/pkg`,
    '',
    `Version 1 lived at ${R}; the code moved from https://${R}/tree/v1.`,
    `Also see ${R}-extras and \`go get ${R}-extras\`.`,
    `To stay on v1: \`go get ${R}@v1.5.0\`.`,
    `import "${R}/pkg" outside a fence is prose.`,
    `Current docs: https://pkg.go.dev/${R}/v2`,
    ''
  ].join('\n'),
  'CHANGELOG.md': `## v2.0.0\n\nThe module moved: \`go get ${R}\` now installs v1 only.\n`,
  // A directory of history documents: skipped like a changelog, whatever the file's own name.
  'docs/migration/v2-to-v3.md': `# From v1\n\nReplace \`go get ${R}/pkg\` by the v2 path.\n`,
  'docs/guide.rst': `Install\n=======\n\n::\n\n   go install ${R}/cmd/tool@latest\n`,
  Makefile: [
    'VERSION ?= dev',
    'build:',
    `\tgo build -ldflags "-X ${R}/pkg.Version=$(VERSION) -X main.commit=x" ./...`,
    `\tgo build -ldflags "-X ${R}/v2/pkg.Version=$(VERSION)" ./...`,
    'install:',
    `\tgo install ${R}/cmd/tool`,
    `\techo ${R} > name.txt`,
    ''
  ].join('\n'),
  'build/version.mk': `LDFLAGS += -X ${R}/internal/version.Tag=$(TAG)\nLDFLAGS += -X ${R}/v2/internal/version.Sha=$(SHA)\n`,
  '.goreleaser.yaml': [
    'builds:',
    '  - main: ./cmd/tool',
    '    ldflags:',
    `      - -s -w -X ${R}/internal/version.Tag={{.Version}}`,
    `      - -X ${R}/tools/v.Tag={{.Version}}`,
    ''
  ].join('\n'),
  Dockerfile: [
    'FROM golang:1.22',
    `RUN go build -o /bin/tool ${R}/cmd/tool`,
    `RUN CGO_ENABLED=0 go build -ldflags="-X=${R}/pkg.Version=1" ./cmd/tool`,
    `LABEL org.opencontainers.image.source=https://${R}`,
    ''
  ].join('\n'),
  '.github/workflows/ci.yml': [
    'on: push',
    'jobs:',
    '  t:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    `      - run: go install ${R}/cmd/tool@latest`,
    `      - run: go install ${R}/v2/cmd/tool@latest`,
    '      - uses: o/r-action@v1',
    ''
  ].join('\n'),
  'scripts/gen.sh': `#!/bin/sh\ngo run ${R}/cmd/gen "$@"\necho "${R} is the old path"\n`,
  'notes.json': `{"install": "go get ${R}"}\n`,
  'vendor/example.com/x/Makefile': `\tgo install ${R}/cmd/tool\n`,
  'testdata/README.md': `    go get ${R}@latest\n`
};

/** Column (1-based) of the `nth` occurrence of `needle` on line `line` of `file`. */
function columnOf(file: string, line: number, needle: string, nth = 0): number {
  const text = files[file].split('\n')[line - 1];
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`${needle} not on ${file}:${line}`);
  }
  return at + 1;
}

interface Expected {
  file: string;
  line: number;
  stale: string;
  replacement: string;
  nth?: number;
}

const expected: Expected[] = [
  { file: '.github/workflows/ci.yml', line: 6, stale: `${R}/cmd/tool`, replacement: `${R}/v2/cmd/tool` },
  {
    file: '.goreleaser.yaml',
    line: 4,
    stale: `${R}/internal/version`,
    replacement: `${R}/v2/internal/version`
  },
  { file: 'Dockerfile', line: 2, stale: `${R}/cmd/tool`, replacement: `${R}/v2/cmd/tool` },
  { file: 'Dockerfile', line: 3, stale: `${R}/pkg`, replacement: `${R}/v2/pkg` },
  { file: 'Makefile', line: 3, stale: `${R}/pkg`, replacement: `${R}/v2/pkg` },
  { file: 'Makefile', line: 6, stale: `${R}/cmd/tool`, replacement: `${R}/v2/cmd/tool` },
  { file: 'README.md', line: 6, stale: `${R}`, replacement: `${R}/v2` },
  { file: 'README.md', line: 8, stale: `${R}/cmd/tool`, replacement: `${R}/v2/cmd/tool` },
  { file: 'README.md', line: 11, stale: `${R}/pkg`, replacement: `${R}/v2/pkg` },
  { file: 'README.md', line: 19, stale: `${R}/pkg/sub`, replacement: `${R}/v2/pkg/sub` },
  { file: 'README.md', line: 25, stale: `${R}`, replacement: `${R}/v2` },
  { file: 'README.md', line: 25, stale: `${R}`, replacement: `${R}/v2`, nth: 1 },
  { file: 'api/api.proto', line: 5, stale: `${R}/pkg/api`, replacement: `${R}/v2/pkg/api` },
  { file: 'buf.gen.yaml', line: 5, stale: `${R}/gen/proto/go`, replacement: `${R}/v2/gen/proto/go` },
  { file: 'buf.gen.yaml', line: 10, stale: `${R}/gen/legacy`, replacement: `${R}/v2/gen/legacy` },
  {
    file: 'build/version.mk',
    line: 1,
    stale: `${R}/internal/version`,
    replacement: `${R}/v2/internal/version`
  },
  { file: 'docs/guide.rst', line: 6, stale: `${R}/cmd/tool`, replacement: `${R}/v2/cmd/tool` },
  { file: 'proto/buf.gen.yaml', line: 6, stale: `${R}/gen`, replacement: `${R}/v2/gen` },
  { file: 'r.go', line: 3, stale: `${R}/cmd/gen`, replacement: `${R}/v2/cmd/gen` },
  { file: 'scripts/gen.sh', line: 2, stale: `${R}/cmd/gen`, replacement: `${R}/v2/cmd/gen` }
];

/** The JSON finding fields helpers/cli.ts does not type. */
type FullFinding = JsonFinding & { module?: string; endColumn?: number };

function placed(findings: FullFinding[]) {
  return findings
    .filter(f => f.rule === 'stale-reference')
    .map(f => ({
      file: f.file,
      line: f.line,
      column: f.column,
      endColumn: f.endColumn,
      replacement: f.fix?.replacement,
      severity: f.severity
    }));
}

function wanted(list: Expected[]) {
  return list.map(e => {
    const column = columnOf(e.file, e.line, e.stale, e.nth);
    return {
      file: e.file,
      line: e.line,
      column,
      endColumn: column + e.stale.length,
      replacement: e.replacement,
      severity: 'warning'
    };
  });
}

describe('stale-reference on every kind of reference', () => {
  const dir = makeRepo([v1], { files });

  test('the work tree: exactly the stale references, with their spans and fixes', async () => {
    const { code, report } = await checkJson(dir, '--tag', 'v2.0.0');
    expect(placed(report.findings)).toEqual(wanted(expected));
    expect(report.findings.filter(f => f.rule !== 'stale-reference')).toEqual([]);
    expect(report.conclusion).toBe('neutral');
    expect(code).toBe(0);
  });

  test('--head HEAD reads the same references from the commit', async () => {
    const fromTree = await checkJson(dir, '--tag', 'v2.0.0');
    const fromRef = await checkJson(dir, '--tag', 'v2.0.0', '--head', 'HEAD');
    expect(fromRef.report.findings).toEqual(fromTree.report.findings);
  });

  test('messages say where, which major, and what to write', async () => {
    const { report } = await checkJson(dir, '--tag', 'v2.0.0');
    const byPlace = (file: string, line: number) =>
      report.findings.find(f => f.file === file && f.line === line)?.message;
    expect(byPlace('api/api.proto', 5)).toBe(
      `"${R}/pkg/api" in the go_package option refers to the v0/v1 path of this module, not to "${R}/v2": write "${R}/v2/pkg/api"`
    );
    expect(byPlace('Makefile', 3)).toContain('in an -X linker flag');
    expect(byPlace('README.md', 11)).toContain('in an import in a code fence');
    expect(byPlace('README.md', 6)).toContain('in a go command');
    expect(byPlace('r.go', 3)).toContain('in a //go:generate command');
    expect(byPlace('buf.gen.yaml', 5)).toContain('in the buf go_package configuration');
  });

  test('--disable stale-reference removes them', async () => {
    const { report } = await checkJson(dir, '--tag', 'v2.0.0', '--disable', 'stale-reference');
    expect(report.findings).toEqual([]);
    expect(report.conclusion).toBe('success');
  });

  test('a release of another module (tools) does not report the root module', async () => {
    const { report } = await checkJson(dir, '--version', 'v1.0.0', '--module', 'tools');
    expect(report.findings.filter(f => f.rule === 'stale-reference')).toEqual([]);
  });
});

describe('stale-reference: majors, modules and trees', () => {
  test('an older suffix is stale (/v2 when the module is /v3); a newer one is not', async () => {
    const dir = makeRepo([v1], {
      files: {
        'go.mod': `module ${R}/v3\n\ngo 1.19\n`,
        'r.go': 'package r\n',
        'README.md': [
          `    go get ${R}/v2/x@latest`,
          `    go get ${R}`,
          `    go get ${R}/v3`,
          `    go get ${R}/v4`,
          `    go install ${R}/v2/cmd/t@v2.3.0`,
          `    go test ${R}/...`,
          ''
        ].join('\n')
      }
    });
    const { report } = await checkJson(dir, '--version', 'v3.0.0');
    expect(placed(report.findings).map(f => [f.line, f.column, f.endColumn, f.replacement])).toEqual([
      [1, 12, 12 + `${R}/v2/x`.length, `${R}/v3/x`],
      [2, 12, 12 + R.length, `${R}/v3`],
      [6, 13, 13 + R.length, `${R}/v3`]
    ]);
    expect(report.findings.find(f => f.rule === 'stale-reference')?.message).toContain(
      'refers to major v2 of this module'
    );
  });

  test('consistency mode checks every module against its own path', async () => {
    const dir = makeRepo([], {
      files: {
        'go.mod': `module ${R}/v2\n\ngo 1.19\n`,
        'tools/go.mod': `module ${R}/tools/v3\n\ngo 1.19\n`,
        'README.md': [
          '```sh',
          `go install ${R}/tools/cmd@latest`,
          `go install ${R}/tools/v2/cmd@latest`,
          `go install ${R}/cmd/x@latest`,
          `go install ${R}/tools/v3/cmd@latest`,
          '```',
          ''
        ].join('\n')
      }
    });
    const { report } = await checkJson(dir);
    expect(report.findings.map((f: FullFinding) => [f.line, f.fix?.replacement, f.module])).toEqual([
      [2, `${R}/tools/v3/cmd`, `${R}/tools/v3`],
      [3, `${R}/tools/v3/cmd`, `${R}/tools/v3`],
      [4, `${R}/v2/cmd/x`, `${R}/v2`]
    ]);
    expect(report.conclusion).toBe('neutral');
  });

  test('a major subdirectory layout: the v1 path belongs to the root module, not a stale reference', async () => {
    const dir = makeRepo([v1], {
      files: {
        ...v1.files,
        'v2/go.mod': `module ${R}/v2\n\ngo 1.19\n`,
        'v2/r.go': 'package r\n',
        'README.md': `    go get ${R}@latest\n    go get ${R}/v2@latest\n`
      }
    });
    const { report } = await checkJson(dir, '--tag', 'v2.0.0');
    expect(report.findings).toEqual([]);
  });

  test('the work tree includes untracked files, not ignored ones, and reads Markdown fences in them', async () => {
    const dir = makeRepo([v1], {
      files: { 'go.mod': `module ${R}/v2\n\ngo 1.19\n`, '.gitignore': 'ignored.md\n' }
    });
    const doc = '```go\nimport (\n\t"' + R + '/pkg"\n)\n```\n';
    writeFileSync(join(dir, 'new.md'), doc);
    writeFileSync(join(dir, 'ignored.md'), doc);
    const { report } = await checkJson(dir, '--tag', 'v2.0.0');
    expect(report.findings.map(f => [f.file, f.line, f.column])).toEqual([['new.md', 3, 3]]);
    const fromRef = await checkJson(dir, '--tag', 'v2.0.0', '--head', 'HEAD');
    expect(fromRef.report.findings).toEqual([]);
  });

  test('//go:generate lines anywhere in a long file, in CRLF files, not in binary ones: the same from the work tree and a commit', async () => {
    const run = (n: number) => `//go:generate go run ${R}/cmd/gen${n}`;
    // Longer than the header read's first 16 KB: the work tree reads each .go file to its end.
    const long = `package r\n\nvar x = 1\n${'// filler line\n'.repeat(2000)}${run(1)}\n`;
    const dir = makeRepo([v1], {
      files: {
        'go.mod': `module ${R}/v2\n\ngo 1.19\n`,
        'long.go': long,
        'crlf.go': `package r\r\n\r\n${run(2)}\r\n`,
        'binary.go': `package r\n\nvar y = "\0"\n${run(3)}\n`
      }
    });
    const { report } = await checkJson(dir, '--tag', 'v2.0.0');
    expect(report.findings.map(f => [f.file, f.line, f.fix?.replacement])).toEqual([
      ['crlf.go', 3, `${R}/v2/cmd/gen2`],
      ['long.go', 2004, `${R}/v2/cmd/gen1`]
    ]);
    const fromRef = await checkJson(dir, '--tag', 'v2.0.0', '--head', 'HEAD');
    expect(fromRef.report.findings).toEqual(report.findings);
  });

  test('--head on a bare clone finds the same references', async () => {
    const origin = makeRepo([v1], {
      files: { 'go.mod': `module ${R}/v2\n\ngo 1.19\n`, Makefile: `x:\n\tgo install ${R}/cmd/t\n` }
    });
    const bare = join(tempDir(), 'bare.git');
    git(origin, 'clone', '-q', '--bare', origin, bare);
    const { report } = await checkJson(bare, '--head', 'main', '--tag', 'v2.0.0');
    expect(report.findings.map(f => [f.file, f.line, f.fix?.replacement])).toEqual([
      ['Makefile', 2, `${R}/v2/cmd/t`]
    ]);
  });

  test('documentation links and badges: pkg.go.dev with and without .svg, godoc.org, godocs.io; terminators stay out', async () => {
    const doc = [
      `[![Go Reference](https://pkg.go.dev/badge/${R})](https://pkg.go.dev/${R}/pkg)`,
      `[![Go Reference](https://pkg.go.dev/badge/${R}.svg)](https://pkg.go.dev/${R})`,
      `[![GoDoc](https://godoc.org/${R}?status.svg)](https://godoc.org/${R}/pkg)`,
      `[![GoDoc](https://godocs.io/${R}?status.svg)](https://godocs.io/${R})`,
      `<!-- https://pkg.go.dev/${R}/dns/hetzner-->`,
      `See [docs](https://pkg.go.dev/${R}/a), [it][https://pkg.go.dev/${R}/b], <a href="https://pkg.go.dev/${R}/c">, <a href='https://godocs.io/${R}/d'>.`,
      `Current: https://godoc.org/${R}/v2/pkg`,
      ''
    ].join('\n');
    const dir = makeRepo([v1], { files: { 'go.mod': `module ${R}/v2\n\ngo 1.19\n`, 'README.md': doc } });
    const { report } = await checkJson(dir, '--tag', 'v2.0.0');
    const got = report.findings.map(f => [f.line, f.column, f.fix?.replacement]);
    const at = (line: number, needle: string, nth = 0) => {
      const text = doc.split('\n')[line - 1];
      let i = -1;
      for (let k = 0; k <= nth; k++) i = text.indexOf(needle, i + 1);
      return i + 1;
    };
    expect(got).toEqual([
      [1, at(1, R), `${R}/v2`],
      [1, at(1, R, 1), `${R}/v2/pkg`],
      [2, at(2, R), `${R}/v2`],
      [2, at(2, R, 1), `${R}/v2`],
      [3, at(3, R), `${R}/v2`],
      [3, at(3, R, 1), `${R}/v2/pkg`],
      [4, at(4, R), `${R}/v2`],
      [4, at(4, R, 1), `${R}/v2`],
      [5, at(5, R), `${R}/v2/dns/hetzner`],
      [6, at(6, R), `${R}/v2/a`],
      [6, at(6, R, 1), `${R}/v2/b`],
      [6, at(6, R, 2), `${R}/v2/c`],
      [6, at(6, R, 3), `${R}/v2/d`]
    ]);
    expect(report.findings[2].message).toBe(
      `"${R}" in a documentation link (pkg.go.dev, godoc.org, godocs.io) refers to the v0/v1 path of this module, not to "${R}/v2": write "${R}/v2"`
    );

    // fix rewrites each of them whole, and check then finds nothing.
    const run = await cli('fix', dir, '--major', '2');
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toBe(
      [
        `[![Go Reference](https://pkg.go.dev/badge/${R}/v2)](https://pkg.go.dev/${R}/v2/pkg)`,
        `[![Go Reference](https://pkg.go.dev/badge/${R}/v2.svg)](https://pkg.go.dev/${R}/v2)`,
        `[![GoDoc](https://godoc.org/${R}/v2?status.svg)](https://godoc.org/${R}/v2/pkg)`,
        `[![GoDoc](https://godocs.io/${R}/v2?status.svg)](https://godocs.io/${R}/v2)`,
        `<!-- https://pkg.go.dev/${R}/v2/dns/hetzner-->`,
        `See [docs](https://pkg.go.dev/${R}/v2/a), [it][https://pkg.go.dev/${R}/v2/b], <a href="https://pkg.go.dev/${R}/v2/c">, <a href='https://godocs.io/${R}/v2/d'>.`,
        `Current: https://godoc.org/${R}/v2/pkg`,
        ''
      ].join('\n')
    );
    expect((await checkJson(dir, '--tag', 'v2.0.0')).report.findings).toEqual([]);
  });

  test('gopkg.in modules: an older .vN is stale', async () => {
    const dir = makeRepo([], {
      files: {
        'go.mod': 'module gopkg.in/yaml.v3\n\ngo 1.19\n',
        'README.md':
          '    go get gopkg.in/yaml.v2\n    go get gopkg.in/yaml.v3\n    go get gopkg.in/yamlx.v2\n'
      }
    });
    const { report } = await checkJson(dir, '--version', 'v3.0.0');
    expect(placed(report.findings).map(f => [f.line, f.column, f.replacement])).toEqual([
      [1, 12, 'gopkg.in/yaml.v3']
    ]);
  });
});

describe('src/go/module/references.ts', () => {
  test('goGenerateLines: lines that start with //go:generate, numbered, as git grep -I gives them', () => {
    const text = [
      'package p',
      '//go:generate stringer -type=Kind',
      '\t//go:generate indented is not a directive',
      'x := 1 //go:generate after code is not either',
      '//go:generate go run ./gen\r',
      '//go:generate'
    ].join('\n');
    const expected = [
      { line: 2, text: '//go:generate stringer -type=Kind' },
      { line: 5, text: '//go:generate go run ./gen' },
      { line: 6, text: '//go:generate' }
    ];
    expect(goGenerateLines(Buffer.from(text))).toEqual(expected);
    // A plain Uint8Array (no Buffer search) gives the same.
    expect(goGenerateLines(new TextEncoder().encode(text))).toEqual(expected);
    expect(goGenerateLines(new Uint8Array(0))).toEqual([]);
    expect(goGenerateLines(Buffer.from('//go:generat'))).toEqual([]);
    // A NUL byte in the first 8,000 makes the file binary, and git grep -I skips it; a later one does not.
    const directive = '\n//go:generate x\n';
    expect(goGenerateLines(Buffer.from('package p\0' + directive))).toEqual([]);
    expect(goGenerateLines(Buffer.from('package p' + ' '.repeat(8000) + '\0' + directive))).toEqual([
      { line: 2, text: '//go:generate x' }
    ]);
  });

  test.each<[string, ReferenceFileKind | undefined]>([
    ['api/a.proto', 'proto'],
    ['buf.gen.yaml', 'buf'],
    ['proto/buf.gen.go.yml', 'buf'],
    ['README.md', 'markdown'],
    ['docs/x.markdown', 'markdown'],
    ['CHANGELOG.md', undefined],
    ['docs/MIGRATING.md', undefined],
    ['docs/migration/v2-to-v3.md', undefined],
    ['docs/upgrading/index.rst', undefined],
    ['release-notes/v2.md', undefined],
    ['docs/guide/install.md', 'markdown'],
    ['docs/a.rst', 'doc'],
    ['Makefile', 'build'],
    ['GNUmakefile', 'build'],
    ['mk/rules.mk', 'build'],
    ['.goreleaser.yml', 'build'],
    ['Dockerfile', 'build'],
    ['build/Dockerfile.alpine', 'build'],
    ['tool.Dockerfile', 'build'],
    ['.github/workflows/ci.yaml', 'build'],
    ['.github/dependabot.yml', undefined],
    ['sub/.github/workflows/ci.yml', undefined],
    ['scripts/a.sh', 'build'],
    ['a.go', 'go'],
    ['vendor/x/Makefile', undefined],
    ['a/testdata/README.md', undefined],
    ['notes.json', undefined]
  ])('referenceFileKind(%j) = %j', (file, kind) => {
    expect(referenceFileKind(file)).toBe(kind);
  });

  test('referencePatterns: one family prefix per family, none covered by another', () => {
    expect(
      referencePatterns([`${R}/v2`, `${R}/tools`, `${R}/tools/v3`, 'gopkg.in/yaml.v3', 'example.com/m', ''])
    ).toEqual(['example.com/m', R, 'gopkg.in/yaml']);
  });

  test('markdownStates: fences, tilde fences, longer closers, import blocks', () => {
    const doc = [
      'text', // 1
      '````go', // 2
      'import (', // 3
      '"a"', // 4
      '```', // 5 (too short to close)
      ')', // 6
      '````', // 7
      '~~~', // 8
      'import "b"', // 9
      '~~~', // 10
      '```js `not a fence`', // 11
      'x' // 12
    ].join('\n');
    expect(markdownStates(doc)).toEqual([
      'text',
      'text',
      'fence',
      'import-block',
      'import-block',
      'fence',
      'text',
      'text',
      'fence',
      'text',
      'text',
      'text'
    ]);
  });
});

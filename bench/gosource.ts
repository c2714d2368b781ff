// The text of the generated Go files: a seeded random generator, then word lists, doc comments and
// the declarations (consts, types with methods, funcs, tests) a file is made of.

// ---------------------------------------------------------------------------------------------
// Deterministic random numbers (mulberry32)

export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  chance(p: number): boolean {
    return this.next() < p;
  }
}

// ---------------------------------------------------------------------------------------------
// Go source generation

export function words(list: string): string[] {
  return list.trim().split(/\s+/);
}

export const NOUNS = words(`
  buffer client config cache index record stream token parser handler option entry value report batch
  queue state event result filter schema route session window ledger metric shard vector socket bucket
`);
export const VERBS = words(`
  load store parse flush merge split apply build check close open reset scan sync track write read match render resolve
`);
const FIELD_TYPES = words(
  `string int int64 bool []string map[string]int float64 []byte uint32 time.Duration`
);
const FIELD_NOTES = [
  'set once, before the first call',
  'guarded by the owner',
  'zero means no limit',
  'in the order they arrived',
  'nil until the first write',
  'only read after a flush'
];

const cap = (s: string) => s[0].toUpperCase() + s.slice(1);
/** The third person singular of a verb: loads, flushes, applies. */
const says = (verb: string) =>
  /(s|sh|ch|x|z)$/.test(verb) ? `${verb}es` : verb.replace(/([^aeiou])y$/, '$1ie') + 's';

/** `text` as // comment lines of at most 78 columns. */
function comment(text: string): string[] {
  const lines: string[] = [];
  let line = '//';
  for (const word of text.split(' ')) {
    if (line.length + 1 + word.length > 78 && line !== '//') {
      lines.push(line);
      line = '//';
    }
    line += ` ${word}`;
  }
  return [...lines, line];
}

/** A doc comment: the summary sentence, then 1-3 sentences of detail. */
function doc(rng: Rng, summary: string): string[] {
  const noun = rng.pick(NOUNS);
  const details = [
    `Empty ${noun}s are skipped, and a ${noun} longer than limit counts only up to limit.`,
    `It is safe to call with a nil slice; the ${rng.pick(NOUNS)} is not retained after the call returns.`,
    `The result depends only on the input, so callers may cache it per ${noun}.`,
    `Callers that ${rng.pick(VERBS)} many ${noun}s at once should batch them first: each call walks the input once.`
  ];
  const text = [summary];
  for (let i = rng.int(1, 3); i > 0; i--) text.push(...details.splice(rng.int(0, details.length - 1), 1));
  return comment(text.join(' '));
}

/** Standard-library imports with an expression that uses each; fmt, strings and os come up most. */
const STD: readonly { path: string; use: string; weight: number }[] = [
  { path: 'fmt', use: 'fmt.Sprintf', weight: 6 },
  { path: 'strings', use: 'strings.TrimSpace', weight: 5 },
  { path: 'os', use: 'os.Getenv', weight: 4 },
  { path: 'errors', use: 'errors.New', weight: 3 },
  { path: 'sort', use: 'sort.Strings', weight: 2 },
  { path: 'strconv', use: 'strconv.Itoa', weight: 2 },
  { path: 'io', use: 'io.EOF', weight: 2 },
  { path: 'bytes', use: 'bytes.NewReader', weight: 1 },
  { path: 'time', use: 'time.Now', weight: 2 },
  { path: 'sync', use: 'sync.NewCond', weight: 1 },
  { path: 'context', use: 'context.Background', weight: 2 },
  { path: 'path/filepath', use: 'filepath.Join', weight: 1 },
  { path: 'encoding/json', use: 'json.Marshal', weight: 1 },
  { path: 'net/http', use: 'http.StatusOK', weight: 1 }
];
const STD_WEIGHT = STD.reduce((sum, s) => sum + s.weight, 0);

const LICENSE = [
  '// Copyright 2024 The Bench Authors. All rights reserved.',
  '// Use of this source code is governed by a BSD-style',
  '// license that can be found in the LICENSE file.',
  ''
];

export interface GoImport {
  path: string;
  /** An explicit package name (used for the root module's packages in the monorepo). */
  alias?: string;
  /** An expression that keeps the import in use. */
  use: string;
  std: boolean;
}

interface FileSpec {
  modulePath: string;
  pkg: number;
  file: number;
  test: boolean;
  imports: GoImport[];
}

export function pickStd(rng: Rng, count: number, taken: Set<string>): GoImport[] {
  const out: GoImport[] = [];
  while (out.length < count) {
    let r = rng.next() * STD_WEIGHT;
    const s = STD.find(x => (r -= x.weight) < 0) ?? STD[0];
    if (taken.has(s.path)) continue;
    taken.add(s.path);
    out.push({ path: s.path, use: s.use, std: true });
  }
  return out;
}

/** One Go file: license, doc comment, package clause, grouped imports, then declarations. */
export function goFile(rng: Rng, spec: FileSpec): string {
  const pkgName = `p${spec.pkg}`;
  const lines: string[] = [...LICENSE];
  if (!spec.test && rng.chance(0.03)) lines.push('//go:build linux || darwin', '');
  const subject = `${rng.pick(NOUNS)} and ${rng.pick(NOUNS)}`;
  if (spec.file === 0) {
    lines.push(
      ...doc(rng, `Package ${pkgName} implements the ${subject} handling of ${spec.modulePath}.`),
      `package ${pkgName}`,
      ''
    );
  } else {
    lines.push(...comment(`This file holds the ${rng.pick(VERBS)} step of the ${subject} code.`), '');
    lines.push(`package ${pkgName}`, '');
  }

  const byPath = (a: GoImport, b: GoImport) => (a.path < b.path ? -1 : 1);
  const all = spec.test
    ? [{ path: 'testing', use: 'testing.Short', std: true }, ...spec.imports]
    : spec.imports;
  const std = all.filter(i => i.std).sort(byPath);
  const own = all.filter(i => !i.std).sort(byPath);
  const importSpec = (i: GoImport) => `\t${i.alias ? `${i.alias} ` : ''}"${i.path}"`;
  lines.push(
    'import (',
    ...std.map(importSpec),
    ...(own.length ? ['', ...own.map(importSpec)] : []),
    ')',
    ''
  );

  if (spec.file === 0 && !spec.test)
    lines.push(`// Name is the name of package ${pkgName}.`, `const Name = "${pkgName}"`, '');
  lines.push('// Every import is used.', 'var (', ...[...std, ...own].map(i => `\t_ = ${i.use}`), ')', '');

  // 30-150 lines of code (doc comments and blank lines come on top).
  const want = rng.int(30, 150);
  for (let n = spec.file * 100 + 1, code = 0; code < want; n++) {
    const kind = rng.int(0, 9);
    const decl =
      spec.test && kind < 5
        ? testFunc(rng, n)
        : kind < 2
          ? constBlock(rng, n)
          : kind < 4
            ? typeWithMethod(rng, n)
            : func(rng, n);
    code += decl.filter(line => line !== '' && !line.startsWith('//')).length;
    lines.push(...decl, '');
  }
  return lines.join('\n');
}

/** A const block with gofmt-aligned values. */
function constBlock(rng: Rng, n: number): string[] {
  const noun = rng.pick(NOUNS);
  const names = [...new Set(Array.from({ length: rng.int(3, 6) }, () => rng.pick(NOUNS)))].map(
    other => `max${cap(noun)}${cap(other)}${n}`
  );
  const width = Math.max(...names.map(name => name.length));
  return [
    ...comment(
      `Limits of the ${noun} ${rng.pick(VERBS)} path, per ${rng.pick(NOUNS)}; a limit of zero disables the check.`
    ),
    'const (',
    ...names.map(name => `\t${name.padEnd(width)} = ${rng.int(1, 4096)}`),
    ')'
  ];
}

/** A struct with gofmt-aligned, commented fields, and one method. */
function typeWithMethod(rng: Rng, n: number): string[] {
  const name = `${cap(rng.pick(NOUNS))}${cap(rng.pick(NOUNS))}${n}`;
  const fields = [...new Set(Array.from({ length: rng.int(3, 7) }, () => rng.pick(NOUNS)))].map(field => ({
    field,
    type: rng.pick(FIELD_TYPES),
    note: rng.pick(FIELD_NOTES)
  }));
  const nameWidth = Math.max(...fields.map(f => f.field.length));
  const typeWidth = Math.max(...fields.map(f => f.type.length));
  const verb = rng.pick(VERBS);
  return [
    ...doc(rng, `${name} holds the state of one ${rng.pick(NOUNS)} between two calls to ${cap(verb)}.`),
    `type ${name} struct {`,
    ...fields.map(f => `\t${f.field.padEnd(nameWidth)} ${f.type.padEnd(typeWidth)} // ${f.note}`),
    '}',
    '',
    ...doc(
      rng,
      `${cap(verb)} ${says(verb)} the ${rng.pick(NOUNS)}s of in into x and reports how many bytes it kept.`
    ),
    `func (x *${name}) ${cap(verb)}(in []string, limit int) (int, error) {`,
    ...body(rng),
    '}'
  ];
}

function func(rng: Rng, n: number): string[] {
  const name = `${rng.pick(VERBS)}${cap(rng.pick(NOUNS))}${n}`;
  return [
    ...doc(
      rng,
      `${name} ${says(rng.pick(VERBS))} every ${rng.pick(NOUNS)} of in and returns how many bytes it kept.`
    ),
    `func ${name}(in []string, limit int) (int, error) {`,
    ...body(rng),
    '}'
  ];
}

function testFunc(rng: Rng, n: number): string[] {
  const noun = rng.pick(NOUNS);
  const want = rng.int(2, 4);
  return [
    `func Test${cap(rng.pick(VERBS))}${cap(noun)}${n}(t *testing.T) {`,
    `\tin := []string{"${noun}", "", "${rng.pick(NOUNS)}"}`,
    `\tif len(in) != ${want} {`,
    `\t\tt.Fatalf("got %d ${noun}s, want %d", len(in), ${want})`,
    '\t}',
    '}'
  ];
}

/** A function body: a guard, a loop of 2-6 statements over the input, and the result. */
function body(rng: Rng): string[] {
  const noun = rng.pick(NOUNS);
  const out = ['\tif len(in) == 0 {', '\t\treturn 0, nil', '\t}', '\ttotal := 0', '\tfor i, s := range in {'];
  out.push(
    '\t\tif s == "" {',
    '\t\t\tcontinue',
    '\t\t}',
    `\t\ttotal += i * ${rng.int(2, 97)} // later ${noun}s weigh more`
  );
  for (let i = rng.int(1, 5); i > 0; i--) {
    const k = rng.int(2, 97);
    const statement = rng.pick([
      ['\t\tif limit > 0 && len(s) > limit {', '\t\t\ttotal -= len(s) - limit', '\t\t}'],
      [
        `\t\t${noun}${i} := s[:len(s)/2] // only the first half of a ${noun} is significant`,
        `\t\ttotal += len(${noun}${i})`
      ],
      [
        '\t\tswitch {',
        `\t\tcase len(s) > ${k}:`,
        `\t\t\ttotal += ${k}`,
        '\t\tdefault:',
        '\t\t\ttotal += len(s)',
        '\t\t}'
      ]
    ]);
    out.push(...statement);
  }
  out.push('\t}', '\treturn total, nil');
  return out;
}

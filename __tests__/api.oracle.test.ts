// The API extractor (src/go/api/extract.ts) against go/types: generated modules (fixed seed, std imports
// only) are read by both, and the exported objects must match one for one.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import type { ApiObject, Field, Method, ModuleApi } from '../src/go/api/model.js';
import { seededFloats } from './helpers/rng.js';
import { extractModuleApi, type ApiSource } from '../src/go/api/extract.js';
import { describeWithGo, runGo } from './helpers/gotool.js';
import { loadTreeSitterGo } from './helpers/tree-sitter.js';

const here = dirname(fileURLToPath(import.meta.url));
const apidump = join(here, 'fixtures', 'apidump');

const rng = seededFloats;

/** One generated package: Go source declaring a varied, type-correct exported API. */
function genPackage(
  r: () => number,
  pkg: string,
  imports: { path: string; name: string; iface: string }[],
  count: number
): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const out: string[] = [];
  const localTypes: string[] = [];
  const ifaces: string[] = [];
  const P = pkg.toUpperCase();
  const basic = ['int', 'string', 'bool', 'byte', 'rune', 'float64', 'uint32', 'error', 'any'];
  const typeExpr = (depth = 0): string => {
    const roll = r();
    if (depth > 2 || roll < 0.35) return pick([...basic, ...localTypes, 'io.Reader', 'fmt.Stringer']);
    const e = () => typeExpr(depth + 1);
    return pick([
      () => `[]${e()}`,
      () => `map[string]${e()}`,
      () => `*${e()}`,
      () => `chan ${e()}`,
      () => `<-chan ${e()}`,
      () => `chan<- ${e()}`,
      () => `[4]${e()}`,
      () => `func(a int, rest ...${e()}) (${e()}, error)`,
      () => `func(${e()}) ${e()}`,
      () => `func(x, y ${e()}) (n int, err error)`,
      () => `struct{ X ${e()}; y ${e()} }`,
      () => `interface{ M(${e()}) ${e()} }`
    ])();
  };
  let n = 0;
  while (n < count) {
    const i = n;
    const kind = r();
    if (kind < 0.15) {
      const t = `Kind${P}${i}`;
      out.push(
        `type ${t} int`,
        `const (`,
        `\t${t}A${i} ${t} = iota`,
        `\t${t}B${i}`,
        `\t_`,
        `\t${t}C${i}`,
        `)`
      );
      out.push(
        `const (`,
        `\tF${i}A = 1 << iota`,
        `\tF${i}B`,
        `\tf${i}c`,
        `\tF${i}D = F${i}A + 10*2`,
        `\tF${i}E`,
        `)`
      );
      out.push(
        `const S${i}, N${i} = "s\\t${i}\\u00e9", -0x1F + ${i}`,
        `const T${i} int64 = 077`,
        `const B${i} = ${i} > 3 && true`
      );
      localTypes.push(t);
      n += 8;
    } else if (kind < 0.3) {
      out.push(`var V${i} ${typeExpr()}`, `var W${i}, X${i} ${typeExpr()}`, `var Y${i} = ${i}`);
      n += 3;
    } else if (kind < 0.45) {
      out.push(`func F${i}(a ${typeExpr()}, b ...${typeExpr()}) (${typeExpr()}, error) { panic("") }`);
      out.push(`func G${i}[T any, U ~int | ~string, V comparable](t T, u []U, v map[V]T) (r T) { return t }`);
      out.push(`func H${i}() {}`, `func h${i}() {}`);
      n += 3;
    } else if (kind < 0.65) {
      const s = `S${P}${i}`;
      const fields = [
        `\tA${i}, a${i} ${typeExpr()} \`json:"a"\``,
        `\tB ${typeExpr()}`,
        ...(localTypes.length && r() < 0.5 ? [`\t*${pick(localTypes)}`] : []),
        ...(r() < 0.5 ? [r() < 0.5 ? `\tbase${P}` : `\t*base${P}`] : []),
        ...(r() < 0.5 ? ['\tio.Reader'] : []),
        `\tC map[string]${typeExpr()} \`x:"y"\``
      ];
      out.push(`type ${s} struct {`, ...fields, `}`);
      out.push(`func (r *${s}) Ptr${i}(x int, ys ...string) (string, error) { panic("") }`);
      out.push(`func (${s}) Val${i}() ${typeExpr()} { panic("") }`, `func (${s}) val${i}() {}`);
      out.push(`type D${s} ${s}`, `type A${s} = ${s}`);
      localTypes.push(s);
      n += 3;
    } else if (kind < 0.8) {
      const it = `I${P}${i}`;
      const body = [`\t${it}M(${typeExpr()}) ${typeExpr()}`, `\t${it}N(a, b int) (bool, error)`];
      if (r() < 0.5) body.push(`\t${it}m()`);
      if (r() < 0.5) body.push('\tio.Reader');
      if (ifaces.length && r() < 0.6) body.push(`\t${pick(ifaces)}`);
      for (const imp of imports) if (r() < 0.7) body.push(`\t${imp.name}.${imp.iface}`);
      out.push(`type ${it} interface {`, ...body, `}`);
      out.push(`type C${it} interface{ ~int | ~string; ${it}X() }`, `type D${it} ${it}`);
      ifaces.push(it);
      n += 3;
    } else {
      const b = `Box${P}${i}`;
      out.push(
        `type ${b}[T any, K comparable, N interface{ ~int | ~int64 }] struct {`,
        `\tV T`,
        `\tM map[K]T`,
        `\tn N`,
        `}`
      );
      out.push(`func (b *${b}[T, K, N]) Get() (T, K) { panic("") }`, `func (b ${b}[X, Y, Z]) Put(x X) {}`);
      out.push(`type Alias${i} = ${b}[int, string, int64]`, `type Named${i} ${typeExpr()}`);
      n += 4;
    }
  }
  // An unexported struct that exported structs embed: its exported fields and methods are promoted
  // (B is hidden by the embedding struct's own field B; Deep comes from one level further down).
  out.push(
    `type base${P} struct {`,
    '\tShared int',
    '\thidden string',
    `\tdeeper${P}`,
    '}',
    `func (base${P}) BaseVal() int { return 0 }`,
    `func (*base${P}) BasePtr(s string) {}`,
    `func (base${P}) B() {}`,
    `type deeper${P} struct{ Deep []string }`,
    `func (*deeper${P}) DeepPtr() {}`
  );
  // One interface for other packages to embed (with its own embedded std interface).
  out.push(`type Embed${P} interface {`, `\tEmbed${P}A(int) string`, '\tfmt.Stringer', `}`);
  const header = [
    `package ${pkg}`,
    '',
    'import (',
    '\t"fmt"',
    '\t"io"',
    ...imports.map(i => `\t"${i.path}"`),
    ')',
    '',
    'var _ io.Reader',
    'var _ = fmt.Sprint',
    ...imports.map(i => `var _ ${i.name}.${i.iface}`),
    ''
  ];
  return [...header, ...out, ''].join('\n');
}

function genModule(seed: number, root: string): string {
  const r = rng(seed);
  const mod = `example.com/gen${seed}`;
  const write = (rel: string, text: string): void => {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  };
  write('go.mod', `module ${mod}\n\ngo 1.19\n`);
  const x = { path: `${mod}/internal/x`, name: 'x', iface: 'EmbedX' };
  const a = { path: `${mod}/a`, name: 'a', iface: 'EmbedA' };
  write('internal/x/x.go', genPackage(r, 'x', [], 15));
  write('a/a.go', genPackage(r, 'a', [x], 30));
  write('a/b/b.go', genPackage(r, 'b', [a, x], 30));
  write('root.go', genPackage(r, 'root', [a], 30));
  write('cmd/tool/main.go', 'package main\n\nfunc Exported() {}\n\nfunc main() {}\n');
  write('a/a_test.go', 'package a\n\nfunc TestOnly() {}\n');
  write('testdata/t.go', 'package t\n\nfunc InTestdata() {}\n');
  return mod;
}

function readTree(root: string): ApiSource[] {
  const out: ApiSource[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push({ file: relative(root, p), data: readFileSync(p) });
    }
  };
  walk(root);
  return out;
}

interface OracleObject {
  pkg: string;
  kind: string;
  name: string;
  type?: string;
  value?: string;
  [k: string]: unknown;
}

/** Our objects in the oracle's JSON shape (empty parts omitted the way encoding/json's omitempty does). */
function toOracleShape(dir: string, o: ApiObject): OracleObject {
  const base: OracleObject = { pkg: dir, kind: o.kind, name: o.name };
  const tps = (ps: { name: string; constraint: string }[]) => (ps.length ? { typeParams: ps } : {});
  const ms = (ms: Method[]) =>
    ms.map(m => ({
      name: m.name,
      signature: m.signature,
      ...(m.pointer ? { pointer: true } : {}),
      ...(m.via ? { via: m.via } : {})
    }));
  const fs = (fs: Field[]) =>
    fs.map(f => ({ name: f.name, type: f.type, embedded: f.embedded, ...(f.via ? { via: f.via } : {}) }));
  switch (o.kind) {
    case 'const':
      return { ...base, ...(o.type ? { type: o.type } : {}), ...(o.value ? { value: o.value } : {}) };
    case 'var':
      return { ...base, ...(o.type ? { type: o.type } : {}) };
    case 'func':
      return { ...base, signature: o.signature, ...tps(o.typeParams) };
    case 'type': {
      const u = o.underlying;
      const underlying =
        u.kind === 'struct'
          ? {
              kind: 'struct',
              ...(u.fields.length ? { fields: fs(u.fields) } : {}),
              ...(u.hasUnexportedFields ? { hasUnexportedFields: true } : {})
            }
          : u.kind === 'interface'
            ? {
                kind: 'interface',
                ...(u.methods.length ? { methods: ms(u.methods) } : {}),
                ...(u.embeds.length ? { embeds: u.embeds } : {}),
                ...(u.hasUnexportedMethods ? { hasUnexportedMethods: true } : {}),
                ...(u.typeSet ? { typeSet: true } : {})
              }
            : { kind: 'other', text: u.text };
      return {
        ...base,
        ...(o.alias ? { alias: true } : {}),
        ...tps(o.typeParams),
        text: o.text,
        underlying,
        ...(o.methods.length ? { methods: ms(o.methods) } : {}),
        ...(o.promoted
          ? { promoted: { methods: ms(o.promoted.methods), fields: fs(o.promoted.fields) } }
          : {})
      };
    }
  }
}

function isExternalOther(o: OracleObject): boolean {
  const u = o.underlying as { kind: string; text?: string } | undefined;
  return u?.kind === 'other' && /^[A-Za-z_]\w*\.[A-Za-z_]\w*$/.test(u.text ?? '');
}

const key = (o: OracleObject): string => `${o.pkg} ${o.kind} ${o.name}`;

describeWithGo('API extraction agrees with go/types', () => {
  let treeSitter: Awaited<ReturnType<typeof loadTreeSitterGo>>;
  afterAll(() => treeSitter.dispose());
  beforeAll(async () => {
    treeSitter = await loadTreeSitterGo();
    // Build the oracle once.
    const built = runGo(['build', '-o', join(apidumpBin(), 'apidump'), '.'], apidump);
    if (built.status !== 0) throw new Error(`go build apidump: ${built.stderr}`);
  });

  for (const seed of [1, 2, 3, 4, 5]) {
    test(`generated module, seed ${seed}`, () => {
      const root = mkdtempSync(join(tmpdir(), 'gmg-api-'));
      const mod = genModule(seed, root);
      const dump = spawnOracle(root);
      const want = new Map<string, OracleObject>();
      for (const o of dump.objects) want.set(key(o), o);

      const sources = readTree(root);
      const api: ModuleApi = extractModuleApi(mod, '.', sources);
      // The general-purpose grammar reads the same API through the same extractor.
      expect(extractModuleApi(mod, '.', sources, treeSitter.parse)).toEqual(api);
      expect([...api.packages.values()].map(p => ({ dir: p.dir, name: p.name }))).toEqual(dump.packages);

      const got = new Map<string, OracleObject>();
      for (const [dir, p] of api.packages)
        for (const o of p.objects.values()) got.set(key(toOracleShape(dir, o)), toOracleShape(dir, o));
      expect([...got.keys()].sort()).toEqual([...want.keys()].sort());

      let comparedTypes = 0;
      let comparedValues = 0;
      let external = 0;
      const diffs: string[] = [];
      for (const [k, g] of got) {
        const w = { ...want.get(k) } as OracleObject;
        // Without a declared type, the source alone cannot say (the oracle infers one).
        if ((g.kind === 'var' || g.kind === 'const') && g.type === undefined) delete w.type;
        else if (g.type !== undefined) comparedTypes++;
        // go/types gives exact values for int, string and bool constants only.
        if (g.kind === 'const' && w.value === undefined) delete g.value;
        else if (g.value !== undefined) comparedValues++;
        // A defined type over a type of another module (`type N io.Reader`): its structure is unknown here.
        if (
          g.kind === 'type' &&
          isExternalOther(g) &&
          w.underlying &&
          (w.underlying as { kind: string }).kind !== 'other'
        ) {
          external++;
          w.underlying = g.underlying;
        }
        if (JSON.stringify(g) !== JSON.stringify(w))
          diffs.push(`${k}\n  ours:   ${JSON.stringify(g)}\n  oracle: ${JSON.stringify(w)}`);
      }
      console.log(
        `seed ${seed}: ${got.size} objects, ${comparedTypes} declared types, ${comparedValues} const values compared, ${external} underlying types of other modules skipped`
      );
      expect(diffs).toEqual([]);
    });
  }
});

let binDir: string | undefined;
function apidumpBin(): string {
  binDir ??= mkdtempSync(join(tmpdir(), 'gmg-apidump-'));
  return binDir;
}

function spawnOracle(root: string): { packages: { dir: string; name: string }[]; objects: OracleObject[] } {
  // The oracle's importer type-checks std packages from GOROOT source: offline, no module downloads.
  const r = spawnSync(join(apidumpBin(), 'apidump'), [root], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024
  });
  if (r.status !== 0) throw new Error(`apidump failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as { packages: { dir: string; name: string }[]; objects: OracleObject[] };
}

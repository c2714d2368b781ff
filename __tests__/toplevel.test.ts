// The top-level scan (src/go/api/toplevel.ts), which decides which unchanged files a comparison may leave
// unparsed: on the Go standard library, everything tree-sitter-go (a full Go grammar, bodies
// included) finds declared, received or spelled, the scan reports too; and the spots a byte scanner
// could misread.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import type { Node as TsNode } from 'web-tree-sitter';
import type { GoSyntaxNode } from '../src/go/api/parse.js';
import { identifierHash, scanTopLevel, type TopLevel } from '../src/go/api/toplevel.js';
import { describeWithGo } from './helpers/gotool.js';
import { loadTreeSitterGo } from './helpers/tree-sitter.js';

const enc = new TextEncoder();
const scan = (text: string): TopLevel | undefined => scanTopLevel(enc.encode(text));
const sorted = (s: Set<string> | undefined) => [...(s ?? [])].sort();
const spells = (t: TopLevel | undefined, name: string) => t?.spelled.has(identifierHash(name)) ?? false;

/** What a full parse finds: top-level names, receiver base types, and every identifier in the code. */
function fromTree(root: GoSyntaxNode): { declared: string[]; receivers: string[]; identifiers: string[] } {
  const declared: string[] = [];
  const receivers: string[] = [];
  const identifiers: string[] = [];
  // A cursor, not recursion: some trees are deeper than the stack (long constant expressions).
  const cursor = (root as unknown as TsNode).walk();
  for (let more = true; more;) {
    if (/identifier$|^label_name$/.test(cursor.nodeType) && !cursor.gotoFirstChild()) {
      identifiers.push(cursor.nodeText);
    } else if (cursor.gotoFirstChild()) continue;
    while (!cursor.gotoNextSibling()) {
      if (!cursor.gotoParent()) {
        more = false;
        break;
      }
    }
  }
  cursor.delete();
  const names = (node: GoSyntaxNode | null) =>
    (node?.childrenForFieldName('name') ?? []).filter(n => n?.isNamed).map(n => n?.text as string);
  for (const decl of root.namedChildren) {
    if (!decl) continue;
    switch (decl.type) {
      case 'function_declaration':
        declared.push(...names(decl));
        break;
      case 'method_declaration': {
        // The base type's name: through `*`, parentheses and type arguments.
        const param = decl
          .childForFieldName('receiver')
          ?.namedChildren.find(n => n?.type === 'parameter_declaration');
        let t = param?.childForFieldName('type') ?? null;
        while (t && t.type !== 'type_identifier') {
          t = t.type === 'generic_type' ? t.childForFieldName('type') : (t.namedChildren[0] ?? null);
        }
        if (t) receivers.push(t.text);
        break;
      }
      case 'type_declaration':
      case 'const_declaration':
      case 'var_declaration': {
        const specs: GoSyntaxNode[] = [];
        const collect = (n: GoSyntaxNode) => {
          for (const c of n.namedChildren) {
            if (!c) continue;
            if (/_spec$|^type_alias$/.test(c.type)) specs.push(c);
            else if (/_spec_list$/.test(c.type)) collect(c);
          }
        };
        collect(decl);
        for (const spec of specs) declared.push(...names(spec));
        break;
      }
    }
  }
  return { declared, receivers, identifiers };
}

describeWithGo('on the Go standard library, against tree-sitter-go', () => {
  let treeSitter: { parse: (text: string) => GoSyntaxNode; dispose(): void };
  beforeAll(async () => {
    treeSitter = await loadTreeSitterGo();
  });
  afterAll(() => treeSitter.dispose());

  test('every name declared at the top level, every receiver type and every identifier is reported', () => {
    const goroot = execFileSync('go', ['env', 'GOROOT'], { encoding: 'utf8' }).trim();
    const src = join(goroot, 'src');
    const files = execFileSync(
      'find',
      ['-L', '.', '-name', '*.go', '-not', '-path', '*/testdata/*', '-not', '-path', '*/vendor/*'],
      { cwd: src, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }
    )
      .split('\n')
      .filter(Boolean)
      .sort();
    const missing: string[] = [];
    let names = 0;
    let identifiers = 0;
    for (const file of files) {
      const data = readFileSync(join(src, file));
      const text = data.toString('utf8');
      const root = treeSitter.parse(text);
      if (root.hasError) continue; // a file Go itself would not compile (a few are kept on purpose)
      const ours = scanTopLevel(data);
      if (!ours) {
        missing.push(`${file}: no answer`);
        continue;
      }
      const theirs = fromTree(root);
      for (const n of theirs.declared) if (!ours.declared.has(n)) missing.push(`${file}: declared ${n}`);
      for (const n of theirs.receivers) if (!ours.receivers.has(n)) missing.push(`${file}: receiver ${n}`);
      for (const n of theirs.identifiers) if (!spells(ours, n)) missing.push(`${file}: spelled ${n}`);
      names += theirs.declared.length;
      identifiers += theirs.identifiers.length;
    }
    console.log(`${files.length} files: ${names} declared names, ${identifiers} identifiers`);
    expect(names).toBeGreaterThan(50000);
    expect(missing.slice(0, 20)).toEqual([]);
  });
});

describe('spots a byte scanner could misread', () => {
  test('groups, lists, continued lines, and a name after a comment or a newline', () => {
    const t = scan(
      [
        'package p',
        'import ( x "fmt"; "os" )',
        'const A, B = 1, 2',
        'var (',
        '\tC, D int',
        '\tE = map[string]int{',
        '\t\t"k": 1, // F',
        '\t}',
        '\tG /* c */ = 1; H = 2',
        ')',
        'type (',
        '\tI[T any] struct{ J int }',
        '\tK = I[int]',
        ')',
        'type /* doc */',
        'L int',
        'func',
        'M() {}',
        'func (r *N[O]) P() {}',
        'var Q = func(R int) S { return nil }'
      ].join('\n')
    );
    expect(sorted(t?.declared)).toEqual(['A', 'B', 'C', 'D', 'E', 'G', 'H', 'I', 'K', 'L', 'M', 'Q']);
    expect(sorted(t?.referable)).toEqual(['A', 'B', 'I', 'K', 'L']);
    // A function literal's parameter types are read as a receiver's: more than needed, never less.
    expect(sorted(t?.receivers)).toEqual(['N', 'int']);
    for (const name of ['x', 'fmt', 'J', 'S', 'P', 'T']) expect(spells(t, name)).toBe(name !== 'fmt');
  });

  test('brackets, keywords and names inside comments and literals are not code', () => {
    const t = scan(
      [
        'package p',
        'func f() {',
        '\t_ = "}\\"{ type X int"',
        "\t_ = '}'",
        "\t_ = '\\''",
        '\t_ = `}',
        'type Y int`',
        '\t/* } type Z int */',
        '\t// }',
        '}',
        'type W int'
      ].join('\n')
    );
    expect(sorted(t?.declared)).toEqual(['W', 'f']);
    for (const name of ['X', 'Y', 'Z']) expect(spells(t, name)).toBe(false);
  });

  test('a type named in a function body is local; numbers are not names', () => {
    const t = scan('package p\n\nfunc f() {\n\ttype Local int\n\tvar v = 0x1F + 1e9\n\t_ = v\n}\n');
    expect(sorted(t?.declared)).toEqual(['f']);
    expect(spells(t, 'Local')).toBe(true);
    expect(spells(t, 'x1F')).toBe(false);
    expect(spells(t, 'e9')).toBe(false);
  });

  test('identifiers outside ASCII, and the ASCII runs beside them', () => {
    const t = scan('\ufeffpackage p\n\ntype Größe int\n\nvar x = Größe(1)\n');
    expect(sorted(t?.declared)).toEqual(['Größe', 'x']);
    expect(spells(t, 'Größe')).toBe(true);
    expect(spells(t, 'Gr')).toBe(true);
    expect(spells(t, 'package')).toBe(true);
  });

  test.each([
    ['an unterminated string', 'package p\nvar s = "abc\n'],
    ['an unterminated rune', "package p\nvar r = '\n"],
    ['an unterminated raw string', 'package p\nvar s = `abc\n'],
    ['an unterminated comment', 'package p\n/* abc\n'],
    ['an unclosed brace', 'package p\nfunc f() {\n'],
    ['a closing brace too many', 'package p\nfunc f() {}}\n']
  ])('no answer for %s', (_, text) => {
    expect(scan(text)).toBeUndefined();
  });

  test('never throws, on any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), bytes => {
        scanTopLevel(bytes);
      }),
      { numRuns: 2000 }
    );
  });
});

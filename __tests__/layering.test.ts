// The layering of src/ (docs/internals.md): entries, then gather/ and report/, then analyze, rules/
// and types, then go/. Each test reads every src/**/*.ts file's import specifiers (import, import
// type, export … from, import()) and lists every offending file or import when it fails.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, posix, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from '@jest/globals';
import ts from 'typescript';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The process and I/O entries: nothing below them may import them. */
const ENTRIES = ['src/action.ts', 'src/bin.ts', 'src/cli.ts', 'src/fixer.ts', 'src/main.ts'];

/** Dependency-free helpers any layer may import (the test checks they import nothing of src/). */
const SHARED_LEAVES = ['src/collections.ts', 'src/errors.ts', 'src/version.ts'];

/** The module files the API comparison may use: import headers, module layout, versions. */
const API_MAY_IMPORT = ['src/go/module/imports.ts', 'src/go/module/layout.ts', 'src/go/module/version.ts'];

const MAX_LINES = 850;

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap(entry => {
    const path = posix.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    // JSON data (the config schema) is imported too; it imports nothing.
    return entry.name.endsWith('.ts') || entry.name.endsWith('.json') ? [path] : [];
  });
}

const files = sourceFiles('src').sort();
const texts = new Map(files.map(file => [file, readFileSync(join(root, file), 'utf8')]));

/** The project files a file imports (package and node: imports are not layers), as src/… paths. */
function projectImports(file: string): string[] {
  const { importedFiles } = ts.preProcessFile(texts.get(file)!, true, true);
  return importedFiles
    .map(ref => ref.fileName)
    .filter(spec => spec.startsWith('.'))
    .map(spec => posix.normalize(posix.join(posix.dirname(file), spec)).replace(/\.js$/, '.ts'));
}

const graph = new Map(files.map(file => [file, projectImports(file)]));

/** Every `file -> import` edge where `from(file)` holds and `bad(file, import)` does. */
function violations(
  from: (file: string) => boolean,
  bad: (target: string, file: string) => boolean
): string[] {
  return files.filter(from).flatMap(file =>
    graph
      .get(file)!
      .filter(target => bad(target, file))
      .map(target => `${file} -> ${target}`)
  );
}

const under = (folder: string) => (file: string) => file.startsWith(`${folder}/`);
const isEntry = (file: string) => ENTRIES.includes(file);
const isLeaf = (file: string) => SHARED_LEAVES.includes(file);

describe('imports', () => {
  test('every project import names a file of src/', () => {
    expect(
      violations(
        () => true,
        target => !texts.has(target)
      )
    ).toEqual([]);
  });

  test('there are no circular imports', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (file: string, path: string[]): void => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        cycles.push([...path.slice(path.indexOf(file)), file].join(' -> '));
        return;
      }
      state.set(file, 'open');
      for (const target of graph.get(file) ?? []) visit(target, [...path, file]);
      state.set(file, 'done');
    };
    for (const file of files) visit(file, []);
    expect(cycles).toEqual([]);
  });

  test('the shared leaves import nothing of src/', () => {
    expect(violations(isLeaf, () => true)).toEqual([]);
  });

  test('src/go/module imports only src/go/module (never src/go/api)', () => {
    expect(violations(under('src/go/module'), target => !under('src/go/module')(target))).toEqual([]);
  });

  test('src/go/api imports from src/go/module only imports, layout and version, and nothing outside src/go', () => {
    const bad = (target: string) =>
      under('src/go/module')(target)
        ? !API_MAY_IMPORT.includes(target)
        : !under('src/go/api')(target) && !isLeaf(target);
    expect(violations(under('src/go/api'), bad)).toEqual([]);
  });

  test('src/go imports nothing above it: gather, report, rules, analyze, types, fix or the entries', () => {
    const above = (target: string) => !under('src/go')(target) && !isLeaf(target);
    expect(violations(under('src/go'), above)).toEqual([]);
  });

  test('src/rules, src/config and src/analyze.ts never import gather, report or the entries', () => {
    const core = (file: string) =>
      under('src/rules')(file) || under('src/config')(file) || file === 'src/analyze.ts';
    const io = (target: string) =>
      under('src/gather')(target) || under('src/report')(target) || isEntry(target);
    expect(violations(core, io)).toEqual([]);
  });

  test('src/fix, src/gather and src/report never import the entries', () => {
    const middle = (file: string) =>
      ['src/fix', 'src/gather', 'src/report'].some(folder => under(folder)(file));
    expect(violations(middle, isEntry)).toEqual([]);
  });
});

describe('file size', () => {
  test(`no file of src/ is over ${MAX_LINES} lines`, () => {
    const long = files
      .map(file => ({ file, lines: texts.get(file)!.split('\n').length }))
      .filter(({ lines }) => lines > MAX_LINES)
      .map(({ file, lines }) => `${file}: ${lines} lines`);
    expect(long).toEqual([]);
  });
});

// The checks must see the real tree: a wrong root or a broken reader would make them pass vacuously.
test('the layering checks read the source tree', () => {
  expect(files).toEqual(expect.arrayContaining([...ENTRIES, ...SHARED_LEAVES, ...API_MAY_IMPORT]));
  expect(graph.get('src/go/module/modfile.ts')).toContain('src/go/module/modfile-directives.ts');
  expect(graph.get('src/types.ts')).toContain('src/go/module/imports.ts');
  expect(relative(root, join(root, 'src'))).toBe('src');
});

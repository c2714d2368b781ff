// Two bundles from one source tree: the action entry and the CLI entry.
import commonjs from '@rollup/plugin-commonjs';
import json from '@rollup/plugin-json';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import typescript from '@rollup/plugin-typescript';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

// The Go grammar and the tree-sitter runtime are WebAssembly files that src/go/api.ts loads at run
// time from next to the bundle (new URL('./x.wasm', import.meta.url)): ship them in dist/.
const require = createRequire(import.meta.url);
const wasmAssets = () => ({
  name: 'wasm-assets',
  generateBundle() {
    for (const [fileName, specifier] of [
      ['tree-sitter-go.wasm', 'tree-sitter-go/tree-sitter-go.wasm'],
      ['web-tree-sitter.wasm', 'web-tree-sitter/web-tree-sitter.wasm']
    ]) {
      this.emitFile({ type: 'asset', fileName, source: readFileSync(require.resolve(specifier)) });
    }
  }
});

const plugins = () => [
  typescript({ tsconfig: './tsconfig.json', outDir: 'dist', rootDir: 'src' }),
  nodeResolve({ preferBuiltins: true, exportConditions: ['node'] }),
  commonjs(),
  json(),
  wasmAssets()
];

// Third-party CommonJS in node_modules trips two harmless warnings; keep the build output readable.
const onwarn = (warning, warn) => {
  const inDependency = (warning.id ?? warning.ids?.[0] ?? '').includes('node_modules');
  // web-tree-sitter's Emscripten runtime uses eval for its (unused here) EM_ASM hooks.
  if (inDependency && ['THIS_IS_UNDEFINED', 'CIRCULAR_DEPENDENCY', 'EVAL'].includes(warning.code)) return;
  if (warning.code === 'CIRCULAR_DEPENDENCY' && warning.ids?.every(id => id.includes('node_modules'))) return;
  warn(warning);
};

export default [
  {
    input: 'src/main.ts',
    output: { file: 'dist/index.js', format: 'es', inlineDynamicImports: true },
    plugins: plugins(),
    onwarn
  },
  {
    input: 'src/bin.ts',
    output: { file: 'dist/cli.js', format: 'es', banner: '#!/usr/bin/env node', inlineDynamicImports: true },
    plugins: plugins(),
    onwarn
  }
];

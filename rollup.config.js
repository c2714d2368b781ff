// Two bundles from one source tree: the action entry and the CLI entry.
import commonjs from '@rollup/plugin-commonjs';
import json from '@rollup/plugin-json';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import typescript from '@rollup/plugin-typescript';

const plugins = () => [
  typescript({ tsconfig: './tsconfig.json', outDir: 'dist', rootDir: 'src' }),
  nodeResolve({ preferBuiltins: true, exportConditions: ['node'] }),
  commonjs(),
  json()
];

export default [
  { input: 'src/main.ts', output: { file: 'dist/index.js', format: 'es', inlineDynamicImports: true }, plugins: plugins() },
  {
    input: 'src/bin.ts',
    output: { file: 'dist/cli.js', format: 'es', banner: '#!/usr/bin/env node', inlineDynamicImports: true },
    plugins: plugins()
  }
];

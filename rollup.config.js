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

// Third-party CommonJS in node_modules trips two harmless warnings; keep the build output readable.
const onwarn = (warning, warn) => {
  const inDependency = (warning.id ?? warning.ids?.[0] ?? '').includes('node_modules');
  if (inDependency && ['THIS_IS_UNDEFINED', 'CIRCULAR_DEPENDENCY'].includes(warning.code)) return;
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

// The shared conformance data lives beside the repository (../shared/conformance), in CI as on a
// developer's machine. A missing directory fails the suite loudly instead of skipping it.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export const conformanceDir = resolve(
  process.env.GO_MAJOR_GATE_CONFORMANCE ?? join(repoRoot, '..', 'shared', 'conformance')
);

if (!existsSync(conformanceDir)) {
  throw new Error(`conformance data not found at ${conformanceDir} (set GO_MAJOR_GATE_CONFORMANCE)`);
}

export function readConformanceJson<T = unknown>(relativePath: string): T {
  return JSON.parse(readFileSync(join(conformanceDir, relativePath), 'utf8')) as T;
}

export function readConformanceFile(relativePath: string): Buffer {
  return readFileSync(join(conformanceDir, relativePath));
}

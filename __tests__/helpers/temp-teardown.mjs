// Jest global teardown: removes the run's temporary folder (see temp-setup.mjs).
import { rmSync } from 'node:fs';

export default function teardown() {
  const root = process.env.GO_MAJOR_GATE_TEST_TMP;
  if (root) rmSync(root, { recursive: true, force: true, maxRetries: 3 });
}

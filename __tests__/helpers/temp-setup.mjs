// Jest global setup: every test's temporary folders (repositories, runner folders, Go caches) go
// under one folder made for this run, which temp-teardown.mjs removes, so runs leave nothing in /tmp.
// The workers start after this, so they inherit TMPDIR (os.tmpdir() reads it).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup() {
  const root = mkdtempSync(join(tmpdir(), 'gmg-run-'));
  process.env.GO_MAJOR_GATE_TEST_TMP = root;
  process.env.TMPDIR = root;
}

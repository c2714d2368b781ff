// Every repository scenario of ../shared/conformance/scenarios, built as a real git repository with its
// history and tags, then checked by the CLI: the multiset of {rule, severity, file, line} and the
// conclusion must equal the scenario's expectation (conformance README, "How a test uses a scenario").
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { checkJson } from './helpers/cli.js';
import { conformanceDir, readConformanceJson } from './helpers/conformance.js';
import { makeRepo } from './helpers/repo.js';

interface Scenario {
  id: string;
  description: string;
  target: { tag?: string; version?: string; module?: string; mode?: string };
  expect: {
    conclusion: string;
    findings: { rule: string; severity: string; file: string | null; line: number | null }[];
  };
  files: Record<string, string>;
  history?: { files: Record<string, string>; tags: string[] }[];
}

const scenarios: Scenario[] = readdirSync(join(conformanceDir, 'scenarios'))
  .filter(f => f.endsWith('.json'))
  .sort()
  .map(f => readConformanceJson<Scenario>(`scenarios/${f}`));

function targetArgs(target: Scenario['target']): string[] {
  if (target.tag !== undefined) return ['--tag', target.tag];
  if (target.version !== undefined)
    return ['--version', target.version, ...(target.module ? ['--module', target.module] : [])];
  return [];
}

const key = (f: { rule: string; severity: string; file: string | null; line: number | null }) =>
  `${f.rule} ${f.severity} ${f.file ?? '-'}:${f.line ?? '-'}`;

describe('conformance scenarios', () => {
  test('the set is complete', () => {
    expect(scenarios.length).toBe(111);
  });

  for (const scenario of scenarios) {
    test(`${scenario.id}: ${scenario.description.slice(0, 80)}`, async () => {
      const dir = makeRepo(scenario.history ?? [], { files: scenario.files });
      const { code, report } = await checkJson(dir, ...targetArgs(scenario.target));
      expect(report.findings.map(key).sort()).toEqual(scenario.expect.findings.map(key).sort());
      expect(report.conclusion).toBe(scenario.expect.conclusion);
      expect(code).toBe(scenario.expect.conclusion === 'failure' ? 1 : 0);
      // Every finding says what to change and where.
      for (const f of report.findings) {
        expect(f.message.length).toBeGreaterThan(20);
        if (f.file !== null) expect(f.line).toBeGreaterThanOrEqual(1);
      }
    });
  }
});

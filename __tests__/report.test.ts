// The GitHub-facing formats: workflow-command annotations within the per-step caps, Checks API
// annotations in batches, the job summary and check-run output (escaped, capped, honest about what they
// leave out), and SARIF 2.1.0. Reports come from the real engine over snapshots built here.
import { describe, expect, test } from '@jest/globals';
import { analyze, markNewFindings, type Report } from '../src/analyze.js';
import { scanImports } from '../src/go/module/imports.js';
import { checkRunAnnotations, chunk, planWorkflowAnnotations } from '../src/report/annotations.js';
import { formatSarif, toSarif } from '../src/report/sarif.js';
import { buildCheckRunOutput, buildJobSummary, escapeHtml } from '../src/report/summary.js';
import { rules } from '../src/rules/index.js';
import type { Intent, Snapshot, Tag } from '../src/types.js';
import { cli } from './helpers/cli.js';
import { makeRepo } from './helpers/repo.js';

const R = 'github.com/o/r';
const SEE_ALSO = 'the "go-major-gate" check run and the job summary';
const enc = new TextEncoder();

interface Files {
  [path: string]: string;
}

/** A Snapshot as src/gather builds it: go.mod files whole, .go files through the import scanner. */
function snapshotOf(files: Files, extra: Partial<Snapshot> = {}, tags: Tag[] = []): Snapshot {
  const names = Object.keys(files).sort();
  const isGoMod = (n: string) => n === 'go.mod' || n.endsWith('/go.mod');
  return {
    files: names,
    goMods: new Map(names.filter(isGoMod).map(n => [n, enc.encode(files[n])])),
    goFiles: new Map(names.filter(n => n.endsWith('.go')).map(n => [n, scanImports(enc.encode(files[n]))])),
    unreadable: new Map(),
    tags,
    stats: { files: names.length, bytes: 0 },
    ...extra
  };
}

const release = (version: string): Intent => ({ kind: 'version', version, source: 'input' });

/** A Go file whose import lines (3, 4, ...) each name the v1 path of a v2 module: stale-self-import. */
function staleFile(imports: number, ignored = false, v1Path = R): string {
  const paths = Array.from({ length: imports }, (_, i) => `\t"${v1Path}/pkg${i}"`);
  return `${ignored ? '//go:build ignore\n\n' : ''}package p\n\nimport (\n${paths.join('\n')}\n)\n`;
}

/** A v2 module released as v2.0.0, with `errors` stale imports (one per file) and `warnings` in ignored files. */
function v2Report(errors: number, warnings: number, extra: Partial<Snapshot> = {}): Report {
  const files: Files = { 'go.mod': `module ${R}/v2\n\ngo 1.21\n` };
  for (let i = 0; i < errors; i++) files[`e/e${String(i).padStart(3, '0')}.go`] = staleFile(1);
  for (let i = 0; i < warnings; i++) files[`w/w${String(i).padStart(3, '0')}.go`] = staleFile(1, true);
  return analyze(snapshotOf(files, extra), { intent: release('v2.0.0') });
}

describe('workflow-command annotations', () => {
  // No rule reports notices yet, but the level is part of the contract: three warnings are demoted.
  const base = markNewFindings(v2Report(25, 18), new Map([['e/e020.go', new Set([4])]]));
  const findings = base.findings.map(f =>
    f.severity === 'warning' && f.file! >= 'w/w015.go' ? { ...f, severity: 'notice' as const } : f
  );

  test('the engine gives 25 errors, 15 warnings and 3 notices', () => {
    expect(['error', 'warning', 'notice'].map(s => findings.filter(f => f.severity === s).length)).toEqual([
      25, 15, 3
    ]);
  });

  const planned = planWorkflowAnnotations(findings, { seeAlso: SEE_ALSO });

  test('10 errors, 10 warnings and 3 notices, in that order', () => {
    expect(planned.map(a => a.level)).toEqual([
      ...Array<string>(10).fill('error'),
      ...Array<string>(10).fill('warning'),
      ...Array<string>(3).fill('notice')
    ]);
  });

  test('the finding on a line the pull request added comes first, then by file', () => {
    expect(planned[0]).toEqual({
      level: 'error',
      message: `import "${R}/pkg0" refers to the v0/v1 path of this module, not to "${R}/v2": write "${R}/v2/pkg0"`,
      properties: {
        title: 'stale-self-import',
        file: 'e/e020.go',
        startLine: 4,
        endLine: 4,
        startColumn: 2,
        endColumn: 23
      }
    });
    expect(planned.slice(1, 9).map(a => a.properties.file)).toEqual(
      ['000', '001', '002', '003', '004', '005', '006', '007'].map(n => `e/e${n}.go`)
    );
  });

  test('an overflowing level ends with one annotation that counts the rest and says where they are', () => {
    expect(planned[9]).toEqual({
      level: 'error',
      message: `16 more errors not shown here (GitHub shows at most 10 error annotations per step): see ${SEE_ALSO}`,
      properties: { title: '16 more errors' }
    });
    expect(planned[19]).toEqual({
      level: 'warning',
      message: `6 more warnings not shown here (GitHub shows at most 10 warning annotations per step): see ${SEE_ALSO}`,
      properties: { title: '6 more warnings' }
    });
    expect(planned.filter(a => /more/.test(a.message))).toHaveLength(2);
  });

  test('a smaller cap, and a level that fits exactly, has no overflow line', () => {
    const three = planWorkflowAnnotations(findings, { perLevel: 3, seeAlso: SEE_ALSO });
    expect(three.map(a => a.properties.title)).toEqual([
      'stale-self-import',
      'stale-self-import',
      '23 more errors',
      'stale-self-import',
      'stale-self-import',
      '13 more warnings',
      'stale-self-import',
      'stale-self-import',
      'stale-self-import'
    ]);
    // The cap stated is GitHub's, even when the gate keeps a slot for its own error (9 per level).
    const nine = planWorkflowAnnotations(findings, { perLevel: 9, seeAlso: SEE_ALSO });
    expect(nine[8].message).toBe(
      `17 more errors not shown here (GitHub shows at most 10 error annotations per step): see ${SEE_ALSO}`
    );
  });

  test('columns are dropped on a span of several lines', () => {
    const [one] = base.findings;
    const [annotation] = planWorkflowAnnotations([{ ...one, endLine: one.line! + 2 }], { seeAlso: SEE_ALSO });
    expect(annotation.properties).toEqual({
      title: 'stale-self-import',
      file: 'e/e000.go',
      startLine: 4,
      endLine: 6
    });
  });

  test('a finding about the tag becomes an annotation without a file', () => {
    const report = analyze(snapshotOf({ 'go.mod': `module ${R}/v2\n` }), { intent: release('v2.0') });
    expect(report.findings.map(f => f.rule)).toEqual(['tag-invalid']);
    const [annotation] = planWorkflowAnnotations(report.findings, { seeAlso: SEE_ALSO });
    expect(annotation).toEqual({
      level: 'error',
      message: report.findings[0].message,
      properties: { title: 'tag-invalid' }
    });
  });
});

describe('check-run annotations', () => {
  test('every finding with a file, batched by 50', () => {
    const report = v2Report(170, 10);
    expect(report.findings).toHaveLength(180);
    const annotations = checkRunAnnotations(report.findings);
    expect(annotations).toHaveLength(180);
    expect(chunk(annotations, 50).map(batch => batch.length)).toEqual([50, 50, 50, 30]);
    expect(annotations[0]).toEqual({
      path: 'e/e000.go',
      start_line: 4,
      end_line: 4,
      start_column: 2,
      end_column: 23,
      annotation_level: 'failure',
      message: report.findings[0].message,
      title: 'stale-self-import',
      raw_details: `Replace with: "${R}/v2/pkg0"`
    });
    expect(annotations.filter(a => a.annotation_level === 'warning')).toHaveLength(10);
  });

  test('findings without a file are left to the summary; columns only on one line', () => {
    const report = analyze(snapshotOf({ 'go.mod': `module ${R}/v2\n`, 'a.go': staleFile(1) }), {
      intent: release('v2.0')
    });
    expect(report.findings.map(f => f.rule).sort()).toEqual(['stale-self-import', 'tag-invalid']);
    const multi = report.findings.map(f => (f.file ? { ...f, endLine: 9 } : f));
    expect(checkRunAnnotations(multi)).toEqual([
      expect.objectContaining({ path: 'a.go', start_line: 4, end_line: 9 })
    ]);
    expect(checkRunAnnotations(multi)[0]).not.toHaveProperty('start_column');
  });

  test('a message over 64 KB is cut', () => {
    const [f] = v2Report(1, 0).findings;
    const [a] = checkRunAnnotations([{ ...f, message: 'é'.repeat(40_000) }]);
    expect(Buffer.byteLength(a.message)).toBeLessThanOrEqual(64 * 1024);
    expect(a.message.endsWith('…')).toBe(true);
  });

  test('chunk', () => {
    expect(chunk([], 50)).toEqual([]);
    expect(chunk([1, 2, 3], 2)).toEqual([[1, 2], [3]]);
    expect(() => chunk([1], 0)).toThrow(RangeError);
  });
});

describe('job summary and check-run output', () => {
  const hostile = `<script>&"'`;
  const hostileReport = analyze(
    snapshotOf({
      'go.mod': `module "example.com/${hostile.replace(/"/g, '\\"')}/v2"\n`,
      'a.go': `package a\n\nimport "example.com/${hostile.replace(/"/g, '\\"')}/pkg"\n`
    }),
    { intent: release('v2.0.0') }
  );

  test('values from the repository appear only escaped', () => {
    expect(hostileReport.targets[0].module).toContain(hostile);
    expect(hostileReport.findings.some(f => f.message.includes('<script>&'))).toBe(true);
    const html = buildJobSummary(hostileReport, {
      blob: { serverUrl: 'https://github.com', repository: 'o/<r>', commit: 'c0ffee' }
    });
    expect(html).not.toContain('<script');
    expect(html).not.toContain(`&"'`);
    expect(html).not.toContain('<r>');
    expect(html).toContain('example.com/&lt;script&gt;&amp;&quot;&#39;/v2');
    const { title, summary } = buildCheckRunOutput(hostileReport, {});
    expect(summary).not.toContain('<script');
    expect(summary).toContain('&lt;script&gt;&amp;');
    expect(title).toContain(hostile); // the title is plain text, never rendered as HTML
    expect(escapeHtml(`a<b>&"'`)).toBe('a&lt;b&gt;&amp;&quot;&#39;');
  });

  test('identical messages are folded in both summaries: two listed, then "and N more like this"', () => {
    const files: Files = { 'go.mod': `module ${R}/v2\n` };
    for (let i = 0; i < 6; i++) files[`p${i}/x.go`] = staleFile(1);
    const report = analyze(snapshotOf(files), { intent: release('v2.0.0') });
    expect(report.findings).toHaveLength(6);
    const html = buildJobSummary(report, {});
    expect(html.match(/<li><code>p\d\/x\.go/g)).toHaveLength(2);
    expect(html).toContain('<li>… and 4 more like this (<code>stale-self-import</code>)</li>');
    expect(html).not.toContain('left out');
    const { summary } = buildCheckRunOutput(report, {});
    expect(summary.match(/^- \*\*error\*\* p\d\/x\.go/gm)).toHaveLength(2);
    expect(summary).toContain('- … and 4 more like this (`stale-self-import`)');
  });

  test('the job summary: verdict, target, table by rule, findings', () => {
    const report = v2Report(2, 1);
    const html = buildJobSummary(report, {});
    expect(html).toContain(`<h2>❌ 2 errors, 1 warning: ${R}/v2 cannot be released as v2.0.0</h2>`);
    expect(html).toContain(`<h3>${R}/v2</h3>`);
    expect(html).toContain('<p>v2.0.0, release, in <code>.</code>: ❌ 2 errors, 1 warning</p>');
    expect(html).toContain('<tr><td><code>stale-self-import</code></td><td>error</td><td>2</td></tr>');
    expect(html).toContain('<tr><td><code>stale-self-import</code></td><td>warning</td><td>1</td></tr>');
    expect(html).toContain(
      `<li><code>e/e000.go:4:2</code> error <code>stale-self-import</code>: import &quot;${R}/pkg0&quot;`
    );
    expect(html).not.toContain('left out');
  });

  describe('5,000 findings', () => {
    const files: Files = { 'go.mod': `module ${R}/v2\n` };
    // Each file imports other stale paths, so that no two messages are alike (alike ones are folded).
    for (let i = 0; i < 1000; i++) files[`p${i}/x.go`] = staleFile(5, false, `${R}/p${i}`);
    const big = analyze(snapshotOf(files), { intent: release('v2.0.0') });

    test('the engine finds them', () => expect(big.findings).toHaveLength(5000));

    test('the job summary stays well within 1 MiB and says how many it left out and where', () => {
      const html = buildJobSummary(big, { checkRunUrl: 'https://x/runs/1' });
      expect(Buffer.byteLength(html)).toBeLessThan(600 * 1024);
      const listed = html.match(/<li>/g)!.length;
      expect(listed).toBe(1000);
      // Nothing is uploaded: the outputs that hold the report are named, and the step that keeps them shown.
      expect(html).toContain(
        "<p><b>4000 findings left out of this summary</b>: see the full JSON report in the step's <code>report</code> output (SARIF in <code>sarif</code>), which stays on the runner unless a step uploads it.</p>"
      );
      expect(html).toContain(
        '<pre><code>- uses: actions/upload-artifact@v4\n  with:\n    name: go-major-gate-report\n    path: ${{ steps.gate.outputs.report }}'
      );
    });

    test('the check-run summary stays within 65,535 characters and says how many it left out', () => {
      const { title, summary } = buildCheckRunOutput(big, { checkRunUrl: 'https://x/runs/1' });
      expect(title).toBe(`5000 errors: ${R}/v2 cannot be released as v2.0.0`);
      expect(summary.length).toBeLessThanOrEqual(65_535 - 4096);
      const listed = summary.split('\n').filter(l => l.startsWith('- **error**')).length;
      expect(listed).toBeGreaterThan(100);
      expect(summary).toContain(
        `**${5000 - listed} findings left out of this summary**: see the job summary of [the workflow run](https://x/runs/1), and the full JSON report in the step's \`report\` output (SARIF in \`sarif\`), which stays on the runner unless a step uploads it.`
      );
      expect(summary).toContain('```yaml\n- uses: actions/upload-artifact@v4\n');
      expect(summary).not.toMatch(/\/tmp\/|RUNNER_TEMP|_temp/);
      expect(summary).toContain('| `stale-self-import` | error | 5000 |');
    });
  });

  test('findings link to their line at the commit checked; new ones are marked; the patch is mentioned', () => {
    const files: Files = {
      'go.mod': `module ${R}/v2\n\ngo 1.21\n`,
      'a (x)/a.go': staleFile(1),
      'b.go': staleFile(1)
    };
    const report = markNewFindings(
      analyze(snapshotOf(files), { intent: release('v2.0.0') }),
      new Map([['b.go', new Set([4])]])
    );
    const context = {
      blob: { serverUrl: 'https://ghe.example.com/', repository: 'o/r', commit: 'abc123' },
      patchFiles: 2
    };
    const html = buildJobSummary(report, context);
    expect(html).toContain(
      '<li><a href="https://ghe.example.com/o/r/blob/abc123/b.go#L4"><code>b.go:4:2</code></a> error <b>new</b> <code>stale-self-import</code>:'
    );
    expect(html).toContain(
      '<li><a href="https://ghe.example.com/o/r/blob/abc123/a%20%28x%29/a.go#L4"><code>a (x)/a.go:4:2</code></a> error <code>stale-self-import</code>:'
    );
    expect(html).toContain('<p>1 finding is on lines this pull request added (marked new).</p>');
    expect(html).toContain(
      "<p>A patch that fixes what is fixable (2 files) is in the step's <code>patch</code> output: <code>git apply</code> it on the commit checked.</p>"
    );
    const { summary } = buildCheckRunOutput(report, context);
    expect(summary).toContain(
      '- **error** (new) [b.go:4:2](https://ghe.example.com/o/r/blob/abc123/b.go#L4) `stale-self-import`:'
    );
    expect(summary).toContain(
      '- **error** [a (x)/a.go:4:2](https://ghe.example.com/o/r/blob/abc123/a%20%28x%29/a.go#L4) `stale-self-import`:'
    );
    expect(summary).toContain("is in the step's `patch` output");
    expect(summary.indexOf('(new)')).toBeLessThan(summary.indexOf('a (x)/a.go'));
    // Without a patch or new lines, neither is mentioned; without a commit, no links.
    const plain = buildCheckRunOutput(analyze(snapshotOf(files), { intent: release('v2.0.0') }), {});
    expect(plain.summary).not.toMatch(/patch|new\)|\]\(http/);
  });

  test('titles for success, neutral and failure', () => {
    const v1 = snapshotOf({ 'go.mod': `module ${R}\n`, 'a.go': 'package a\n' });
    expect(buildCheckRunOutput(analyze(v1, { intent: release('v1.1.0') }), {}).title).toBe(
      `${R} v1.1.0 can be released`
    );
    const neutral = v2Report(0, 1);
    expect(neutral.conclusion).toBe('neutral');
    expect(buildCheckRunOutput(neutral, {}).title).toBe(`1 warning: ${R}/v2 v2.0.0 can be released`);
    const failure = v2Report(2, 1);
    expect(failure.conclusion).toBe('failure');
    expect(buildCheckRunOutput(failure, {}).title).toBe(
      `2 errors, 1 warning: ${R}/v2 cannot be released as v2.0.0`
    );
  });

  test('consistency: clean modules are counted, not listed', () => {
    const twoModules = snapshotOf({ 'go.mod': `module ${R}\n`, 'sub/go.mod': `module ${R}/sub\n` });
    const report = analyze(twoModules, { intent: { kind: 'consistency', source: 'input' } });
    const output = buildCheckRunOutput(report, {});
    expect(output.title).toBe('2 modules are consistent');
    expect(output.summary).toBe('- ✅ 2 modules checked for consistency: no findings\n');
    expect(buildJobSummary(report, {})).toBe(
      '<h2>✅ 2 modules are consistent</h2>\n<p>✅ 2 modules checked for consistency: no findings.</p>\n'
    );
    const stale = snapshotOf({ 'go.mod': `module ${R}/v2\n`, 'a.go': staleFile(1) });
    const failing = analyze(stale, { intent: { kind: 'consistency', source: 'input' } });
    expect(buildCheckRunOutput(failing, {}).title).toBe(`1 error in the consistency check of ${R}/v2`);
  });
});

describe('SARIF', () => {
  interface SarifResult {
    ruleId: string;
    ruleIndex: number;
    level: string;
    message: { text: string };
    locations: {
      physicalLocation: {
        artifactLocation: { uri: string; uriBaseId: string };
        region: { startLine: number; startColumn?: number; endLine?: number; endColumn?: number };
      };
    }[];
    partialFingerprints: Record<string, string>;
    fixes?: unknown[];
  }
  interface Sarif {
    $schema: string;
    version: string;
    runs: {
      tool: {
        driver: {
          name: string;
          version: string;
          informationUri: string;
          rules: {
            id: string;
            shortDescription: { text: string };
            defaultConfiguration: { level: string };
          }[];
        };
      };
      results: SarifResult[];
    }[];
  }

  const tagged: Tag[] = [{ name: 'sub/v2.0.0', commit: 'a'.repeat(40) }];
  const report = analyze(
    snapshotOf(
      {
        'sub/go.mod': `module ${R}/sub/v2\n`,
        'sub/a.go': staleFile(2, false, `${R}/sub`),
        'sub/b b.go': staleFile(1, true, `${R}/sub`)
      },
      { commit: 'b'.repeat(40) },
      tagged
    ),
    { intent: { kind: 'tag', tag: 'sub/v2.0.0', source: 'input' } }
  );
  const sarif = toSarif(report) as Sarif;
  const [run] = sarif.runs;

  test('the engine gives errors, a warning and a tag finding', () => {
    expect(report.findings.map(f => `${f.rule} ${f.severity} ${f.file}`)).toEqual([
      'tag-exists error null',
      `stale-self-import error sub/a.go`,
      `stale-self-import error sub/a.go`,
      `stale-self-import warning sub/b b.go`
    ]);
  });

  test('the SARIF 2.1.0 frame, with every registered rule once', () => {
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(sarif.runs).toHaveLength(1);
    expect(run.tool.driver).toMatchObject({ name: 'go-major-gate', version: report.tool.version });
    expect(run.tool.driver.informationUri).toMatch(/^https:\/\//);
    const ids = run.tool.driver.rules.map(r => r.id);
    expect(ids).toEqual(rules.map(r => r.id));
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of run.tool.driver.rules) {
      expect(rule.shortDescription.text.length).toBeGreaterThan(0);
      expect(['error', 'warning', 'note']).toContain(rule.defaultConfiguration.level);
    }
  });

  test('results point at their rule, with levels mapped and 1-based regions', () => {
    expect(run.results).toHaveLength(report.findings.length);
    run.results.forEach((result, i) => {
      expect(run.tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId);
      expect(result.level).toBe(
        { error: 'error', warning: 'warning', notice: 'note' }[report.findings[i].severity]
      );
      expect(result.message.text).toBe(report.findings[i].message);
      const { region, artifactLocation } = result.locations[0].physicalLocation;
      expect(artifactLocation.uriBaseId).toBe('%SRCROOT%');
      expect(region.startLine).toBeGreaterThanOrEqual(1);
      if (region.startColumn !== undefined) expect(region.startColumn).toBeGreaterThanOrEqual(1);
    });
    expect(run.results.map(r => r.locations[0].physicalLocation.artifactLocation.uri)).toEqual([
      'sub/go.mod',
      'sub/a.go',
      'sub/a.go',
      'sub/b%20b.go'
    ]);
    expect(run.results[1].locations[0].physicalLocation.region).toEqual({
      startLine: 4,
      startColumn: 2,
      endLine: 4,
      endColumn: 27
    });
    expect(run.results[0].locations[0].physicalLocation.region).toEqual({ startLine: 1 });
  });

  test('fixes replace the finding region', () => {
    expect(run.results[1].fixes).toEqual([
      {
        description: { text: `Replace with "${R}/sub/v2/pkg0"` },
        artifactChanges: [
          {
            artifactLocation: { uri: 'sub/a.go', uriBaseId: '%SRCROOT%' },
            replacements: [
              {
                deletedRegion: { startLine: 4, startColumn: 2, endLine: 4, endColumn: 27 },
                insertedContent: { text: `"${R}/sub/v2/pkg0"` }
              }
            ]
          }
        ]
      }
    ]);
    expect(run.results[0].fixes).toBeUndefined();
  });

  test('fingerprints do not depend on the line, and tell repeated findings apart', () => {
    const moved = { ...report, findings: report.findings.map(f => ({ ...f, line: f.line && f.line + 10 })) };
    const prints = (r: Report) => (toSarif(r) as Sarif).runs[0].results.map(x => x.partialFingerprints);
    expect(prints(moved)).toEqual(prints(report));
    const values = prints(report).map(p => Object.values(p)[0]);
    expect(new Set(values).size).toBe(values.length);
  });

  test('formatSarif is the same document as JSON', () => {
    expect(JSON.parse(formatSarif(report))).toEqual(sarif);
  });

  test('the CLI prints SARIF for --format sarif and fails the gate', async () => {
    const dir = makeRepo(
      [{ files: { 'go.mod': `module ${R}\n`, 'r.go': 'package r\n' }, tags: ['v1.0.0'] }],
      {
        files: {
          'go.mod': `module ${R}/v2\n`,
          'r.go': `package r\n\nimport "${R}/pkg"\n`,
          'pkg/p.go': 'package pkg\n'
        }
      }
    );
    const run = await cli('check', dir, '--tag', 'v2.0.0', '--format', 'sarif');
    expect(run.code).toBe(1);
    const out = JSON.parse(run.stdout) as Sarif;
    expect(out.version).toBe('2.1.0');
    expect(
      out.runs[0].results.map(r => [r.ruleId, r.locations[0].physicalLocation.artifactLocation.uri])
    ).toEqual([['stale-self-import', 'r.go']]);
  });
});

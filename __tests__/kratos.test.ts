// A Kratos-like repository: root module .../v2, nested cmd/tool/v2 and contrib/x/v2 modules released
// with prefixed tags. Checked at a correct tag, at a tag with one stale import, and at a wrong prefix.
import { describe, expect, test } from '@jest/globals';
import { checkJson } from './helpers/cli.js';
import { commitTree, makeRepo, type TreeState } from './helpers/repo.js';

const R = 'github.com/go-kratos/kratos';

function kratos(major: string, contribImport = `${R}/contrib/x${major}/internal/util`): TreeState['files'] {
  return {
    'go.mod': `module ${R}${major}\n\ngo 1.19\n`,
    'app.go': `package kratos\n\nimport (\n\t"context"\n\n\t"${R}${major}/log"\n\t"${R}${major}/transport"\n)\n\nfunc New(ctx context.Context) { log.Info(transport.Name) }\n`,
    'log/log.go': `package log\n\nfunc Info(string) {}\n`,
    'transport/transport.go': `package transport\n\nimport "${R}${major}/log"\n\nconst Name = "t"\n\nfunc init() { log.Info(Name) }\n`,
    'cmd/tool/go.mod': `module ${R}/cmd/tool${major}\n\ngo 1.19\n\nrequire ${R}${major} v2.0.0\n`,
    'cmd/tool/main.go': `package main\n\nimport (\n\t"${R}${major}/log"\n\t"${R}/cmd/tool${major}/internal/gen"\n)\n\nfunc main() { log.Info(gen.Run()) }\n`,
    'cmd/tool/internal/gen/gen.go': `package gen\n\nfunc Run() string { return "ok" }\n`,
    'contrib/x/go.mod': `module ${R}/contrib/x${major}\n\ngo 1.19\n\nrequire ${R}${major} v2.0.0\n`,
    'contrib/x/x.go': `package x\n\nimport (\n\t"${R}${major}/log"\n\t"${contribImport}"\n)\n\nfunc Hello() { log.Info(util.X) }\n`,
    'contrib/x/internal/util/util.go': `package util\n\nconst X = "x"\n`
  };
}

const history: TreeState[] = [
  { files: kratos(''), tags: ['v1.0.0', 'cmd/tool/v1.0.0', 'contrib/x/v1.0.0'] },
  { files: kratos('/v2'), tags: ['v2.0.0', 'cmd/tool/v2.0.0', 'contrib/x/v2.0.0'] }
];

describe('kratos-like repository', () => {
  test('a correct prefixed tag of a nested module passes', async () => {
    const dir = makeRepo(history, { files: kratos('/v2') });
    const { code, report } = await checkJson(dir, '--tag', 'contrib/x/v2.1.0');
    expect(report.findings).toEqual([]);
    expect(report.conclusion).toBe('success');
    expect(code).toBe(0);
    expect(report.targets).toEqual([
      {
        module: `${R}/contrib/x/v2`,
        dir: 'contrib/x',
        version: 'v2.1.0',
        tag: 'contrib/x/v2.1.0',
        mode: 'release',
        source: 'input',
        // Nothing in contrib/x's API changed since contrib/x/v2.0.0.
        suggested: 'v2.0.1'
      }
    ]);
    expect(report.modules.map(m => [m.dir, m.path, m.major])).toEqual([
      ['.', `${R}/v2`, 2],
      ['cmd/tool', `${R}/cmd/tool/v2`, 2],
      ['contrib/x', `${R}/contrib/x/v2`, 2]
    ]);
  });

  test('the root release passes, and --version with --module gates the same module as its tag', async () => {
    const dir = makeRepo(history, { files: kratos('/v2') });
    expect((await checkJson(dir, '--tag', 'v2.1.0')).report.conclusion).toBe('success');
    const byVersion = await checkJson(dir, '--version', 'v2.1.0', '--module', 'cmd/tool');
    expect(byVersion.report.conclusion).toBe('success');
    expect(byVersion.report.targets[0].tag).toBe('cmd/tool/v2.1.0');
  });

  test('one stale import in the nested module fails its release, with the corrected path', async () => {
    const dir = makeRepo(history, { files: kratos('/v2', `${R}/contrib/x/internal/util`) });
    const { code, report } = await checkJson(dir, '--tag', 'contrib/x/v2.1.0');
    expect(code).toBe(1);
    expect(report.conclusion).toBe('failure');
    expect(report.findings).toHaveLength(1);
    expect(report.findings[0]).toMatchObject({
      rule: 'stale-self-import',
      severity: 'error',
      file: 'contrib/x/x.go',
      line: 5,
      column: 2,
      fix: { replacement: `"${R}/contrib/x/v2/internal/util"` }
    });
    expect(report.findings[0].message).toContain(`write "${R}/contrib/x/v2/internal/util"`);
    // The root module's release does not own contrib/x: the same tree passes at the root tag.
    expect((await checkJson(dir, '--tag', 'v2.1.0')).report.conclusion).toBe('success');
  });

  test('a tag prefix that includes the major directory maps to no module', async () => {
    const dir = makeRepo(history, { files: kratos('/v2') });
    const { code, report } = await checkJson(dir, '--tag', 'contrib/x/v2/v2.1.0');
    expect(code).toBe(1);
    expect(report.findings.map(f => [f.rule, f.file, f.line])).toEqual([['tag-invalid', null, null]]);
    expect(report.findings[0].message).toContain('contrib/x/v2.1.0');
  });

  test('bumping the root to v3 warns where a sibling still uses v2', async () => {
    const dir = makeRepo(history);
    const files = kratos('/v3');
    files['contrib/x/go.mod'] = `module ${R}/contrib/x/v2\n\ngo 1.19\n\nrequire ${R}/v2 v2.0.0\n`;
    files['contrib/x/x.go'] = `package x\n\nimport "${R}/v2/log"\n\nfunc Hello() { log.Info("x") }\n`;
    delete files['contrib/x/internal/util/util.go'];
    commitTree(dir, { files });
    const { report } = await checkJson(dir, '--tag', 'v3.0.0');
    expect(report.findings.map(f => `${f.rule} ${f.file}:${f.line}`)).toEqual([
      'sibling-old-major contrib/x/go.mod:5',
      'sibling-old-major contrib/x/x.go:3'
    ]);
    expect(report.conclusion).toBe('neutral');
  });
});

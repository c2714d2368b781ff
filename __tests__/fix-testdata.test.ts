// testdata/ packages that the module imports are built (go build reads them when an import names
// them): check reports their stale self-imports, fix rewrites them, and upgrade --source sees them.
// Testdata packages that nothing imports stay out of all three.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@jest/globals';
import { checkJson, cli } from './helpers/cli.js';
import { describeWithGo, runGo } from './helpers/gotool.js';
import { makeRepo, tempDir, writeTree } from './helpers/repo.js';

const M = 'example.com/m';
const PB = 'internal/testdata/pb/x.pb.go';
const UNUSED = 'other/testdata/unused/u.go';

function tree(modulePath: string): Record<string, string> {
  return {
    'go.mod': `module ${modulePath}\n\ngo 1.19\n`,
    'pkg/pkg.go': 'package pkg\n\nconst P = 1\n',
    'a.go': `package m\n\nimport (\n\t"${M}/internal/testdata/pb"\n\t"${M}/pkg"\n)\n\nvar _ = pb.X + pkg.P\n`,
    [PB]: `package pb\n\nimport "${M}/pkg"\n\nconst X = pkg.P\n`,
    [UNUSED]: `package unused\n\nimport "${M}/pkg"\n\nconst U = pkg.P\n`
  };
}

test('check reports the stale imports of an imported testdata package, not of an unimported one', async () => {
  const files = tree(`${M}/v2`);
  files['a.go'] = files['a.go'].replaceAll(`"${M}/`, `"${M}/v2/`);
  const dir = makeRepo([{ files }]);
  const { report } = await checkJson(dir);
  const stale = report.findings.filter(f => f.rule === 'stale-self-import').map(f => f.file);
  expect(stale).toEqual([PB]);
});

test('fix rewrites the imported testdata package and leaves the unimported one', async () => {
  const dir = makeRepo([{ files: tree(M) }]);
  const run = await cli('fix', dir, '--major', '2');
  expect(run.code).toBe(0);
  expect(readFileSync(join(dir, PB), 'utf8')).toContain(`import "${M}/v2/pkg"`);
  expect(readFileSync(join(dir, UNUSED), 'utf8')).toContain(`import "${M}/pkg"`);
  const { report } = await checkJson(dir, '--version', 'v2.0.0');
  expect(report.findings.filter(f => f.severity === 'error')).toEqual([]);
});

test('upgrade --source: an imported testdata package of the new version exists', async () => {
  const source = tempDir();
  writeTree(source, {
    'go.mod': `module ${M}/v2\n\ngo 1.19\n`,
    'testdata/fixtures/f.go': 'package fixtures\n'
  });
  const dir = makeRepo([
    {
      files: {
        'go.mod': `module example.com/app\n\ngo 1.19\n\nrequire ${M} v1.0.0\n`,
        'main.go': `package main\n\nimport _ "${M}/testdata/fixtures"\n\nfunc main() {}\n`
      }
    }
  ]);
  const run = await cli('upgrade', `${M}/v2@v2.0.0`, dir, '--source', source);
  expect(run.stderr).not.toMatch(/does not have/);
  expect(run.code).toBe(0);
});

describeWithGo('go oracle', () => {
  test('after fix, go list -e finds every package, the testdata one included', async () => {
    const dir = makeRepo([{ files: tree(M) }]);
    expect((await cli('fix', dir, '--major', '2')).code).toBe(0);
    const r = runGo(
      ['list', '-e', '-deps', '-f', '{{.ImportPath}}{{with .Error}} {{.Err}}{{end}}', '.'],
      dir
    );
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain(`${M}/v2/internal/testdata/pb\n`);
    expect(r.stdout).not.toMatch(/ .*(cannot find|no required module|not in std)/);
  });
});

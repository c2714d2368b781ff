// `upgrade` inside the dependency's own repository: its sibling and nested modules (even those whose
// path lies under the dependency's) move to the new major, imports and `replace => ../` included.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@jest/globals';
import { cli } from './helpers/cli.js';
import { describeWithGo, runGo } from './helpers/gotool.js';
import { git, makeRepo } from './helpers/repo.js';

const LIB = 'example.com/lib';

/** The dependency's repository after its root moved to /v3; two other modules still use /v2. */
function repository(): string {
  return makeRepo([
    {
      files: {
        'go.mod': `module ${LIB}/v3\n\ngo 1.19\n`,
        'lib.go': 'package lib\n\nconst Root = 3\n',
        'pkg/pkg.go': 'package pkg\n\nconst P = 3\n',
        // Under the old major's path (go-github's example/, kratos' contrib/): a consumer all the same.
        'example/go.mod': `module ${LIB}/v2/example\n\ngo 1.19\n\nrequire ${LIB}/v2 v2.1.0\n\nreplace ${LIB}/v2 => ../\n`,
        'example/main.go': `package main\n\nimport (\n\t"fmt"\n\n\t"${LIB}/v2/example/helper"\n\t"${LIB}/v2/pkg"\n)\n\nfunc main() { fmt.Println(pkg.P, helper.H) }\n`,
        'example/helper/h.go': 'package helper\n\nconst H = 1\n',
        // A nested module of the unsuffixed family.
        'sub/go.mod': `module ${LIB}/sub\n\ngo 1.19\n\nrequire ${LIB}/v2 v2.1.0\n\nreplace ${LIB}/v2 => ../\n`,
        'sub/sub.go': `package sub\n\nimport (\n\tlib "${LIB}/v2"\n\t"${LIB}/sub/inner"\n)\n\nvar S = lib.Root + inner.I\n`,
        'sub/inner/i.go': 'package inner\n\nconst I = 1\n'
      }
    }
  ]);
}

test('sibling and nested modules move: requires, imports, and replace OLD => ../ becomes NEW => ../', async () => {
  const dir = repository();
  const dry = await cli('upgrade', `${LIB}/v3@v3.0.0`, dir, '--dry-run');
  expect(dry.code).toBe(0);
  expect(dry.stderr).not.toMatch(/skipped/);
  const run = await cli('upgrade', `${LIB}/v3@v3.0.0`, dir);
  expect(run.code).toBe(0);
  expect(readFileSync(join(dir, 'example/go.mod'), 'utf8')).toBe(
    `module ${LIB}/v2/example\n\ngo 1.19\n\nrequire ${LIB}/v3 v3.0.0\n\nreplace ${LIB}/v3 => ../\n`
  );
  expect(readFileSync(join(dir, 'example/main.go'), 'utf8')).toContain(
    `\t"${LIB}/v2/example/helper"\n\t"${LIB}/v3/pkg"\n`
  );
  expect(readFileSync(join(dir, 'sub/go.mod'), 'utf8')).toBe(
    `module ${LIB}/sub\n\ngo 1.19\n\nrequire ${LIB}/v3 v3.0.0\n\nreplace ${LIB}/v3 => ../\n`
  );
  expect(readFileSync(join(dir, 'sub/sub.go'), 'utf8')).toContain(
    `\t"${LIB}/sub/inner"\n\tlib "${LIB}/v3"\n`
  );
  expect(run.stdout).toMatch(/replace example\.com\/lib\/v2 => \.\.\/ -> example\.com\/lib\/v3 => \.\.\//);
  expect(git(dir, 'diff', '--stat', '--', 'go.mod', 'lib.go')).toBe('');
});

test("imports of the repository's own old major move too (they are the dependency's, not another module's)", async () => {
  const dir = makeRepo([
    {
      files: {
        'go.mod': `module ${LIB}/v2\n\ngo 1.19\n`,
        'pkg/pkg.go': 'package pkg\n\nconst P = 2\n',
        'cmd/go.mod': `module ${LIB}/cmd\n\ngo 1.19\n\nrequire ${LIB}/v2 v2.1.0\n\nreplace ${LIB}/v2 => ../\n`,
        'cmd/main.go': `package main\n\nimport "${LIB}/v2/pkg"\n\nfunc main() { _ = pkg.P }\n`
      }
    }
  ]);
  const run = await cli('upgrade', `${LIB}/v3@v3.0.0`, dir);
  expect(run.code).toBe(0);
  expect(readFileSync(join(dir, 'cmd/main.go'), 'utf8')).toContain(`import "${LIB}/v3/pkg"`);
  expect(readFileSync(join(dir, 'cmd/go.mod'), 'utf8')).toContain(`require ${LIB}/v3 v3.0.0`);
  // ../ still holds v2: that replace is kept, and said so.
  expect(run.stdout).toMatch(/kept replace example\.com\/lib\/v2: it applies to the old major/);
});

test('the dependency itself at an older major is still left to fix', async () => {
  const dir = makeRepo([{ files: { 'go.mod': `module ${LIB}/v2\n\ngo 1.19\n` } }]);
  const run = await cli('upgrade', `${LIB}/v3@v3.0.0`, dir);
  expect(run.code).toBe(0);
  expect(run.stdout).toMatch(/is itself a major of example\.com\/lib \(use fix\)/);
});

describeWithGo('go oracle', () => {
  test('after the upgrade both modules list cleanly offline', async () => {
    const dir = repository();
    expect((await cli('upgrade', `${LIB}/v3@v3.0.0`, dir)).code).toBe(0);
    for (const sub of ['example', 'sub']) {
      const r = runGo(['list', '-e', '-f', '{{with .Error}}{{.Err}}{{end}}', './...'], join(dir, sub));
      expect(r.stderr).toBe('');
      expect(r.stdout.trim()).toBe('');
    }
  });
});

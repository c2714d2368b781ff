// The README's recipes, run as written where the tool is at hand: the Makefile target (make), the
// semantic-release verifyReleaseCmd (sh), release-please's version step (jq), the code scanning command,
// and reviewdog's errorformat pattern applied to the text output. `npx go-major-gate` is replaced by
// the committed bundle (dist/cli.js: run `npm run bundle` first), which is what the package ships.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from '@jest/globals';
import { makeRepo, tempDir, type TreeState } from './helpers/repo.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const bin = `${process.execPath} ${join(root, 'dist', 'cli.js')}`;

/** The first ```lang block under `### heading` in the README's Recipes section. */
function recipe(heading: string, lang: string): string {
  const recipes = readme.slice(readme.indexOf('\n## Recipes\n'));
  const section = recipes.slice(recipes.indexOf(`\n### ${heading}\n`));
  const block = new RegExp('```' + lang + '\\n([\\s\\S]*?)\\n```').exec(section);
  if (!block) throw new Error(`no ${lang} block under ### ${heading}`);
  return block[1];
}

const has = (tool: string) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;
const onlyWith = (tool: string) => {
  if (has(tool)) return test;
  console.warn(`recipes.test.ts: ${tool} is not installed, so its recipe is not run`);
  return test.skip;
};

function sh(cwd: string, script: string, env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync('sh', ['-c', script], { cwd, encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const M = 'example.com/m';
const stale: TreeState = {
  files: {
    'go.mod': `module ${M}/v2\n\ngo 1.21\n`,
    'm.go': `package m\n\nimport _ "${M}/sub"\n`,
    'sub/s.go': 'package sub\n'
  }
};
const clean: TreeState = { files: { ...stale.files, 'm.go': `package m\n\nimport _ "${M}/v2/sub"\n` } };

describe('README recipes', () => {
  onlyWith('make')('make release-check TAG=...: fails on a broken release, passes a good one', () => {
    const makefile = recipe('make', 'make');
    expect(makefile).toContain('GO_MAJOR_GATE ?= npx go-major-gate');
    for (const [state, code] of [
      [stale, 2], // make's own status when the recipe's command fails
      [clean, 0]
    ] as const) {
      const dir = makeRepo([state]);
      writeFileSync(join(dir, 'Makefile'), `${makefile}\n`);
      const r = sh(dir, `make release-check TAG=v2.0.0 GO_MAJOR_GATE='${bin}'`);
      expect([r.code, r.stdout]).toEqual([
        code,
        expect.stringContaining('Gating example.com/m/v2 (.) at v2.0.0')
      ]);
    }
  });

  test('semantic-release: verifyReleaseCmd with its v-less ${nextRelease.version}', () => {
    const config = JSON.parse(recipe('semantic-release', 'json')) as { plugins: unknown[] };
    const exec = config.plugins.find(p => Array.isArray(p) && p[0] === '@semantic-release/exec') as [
      string,
      { verifyReleaseCmd: string }
    ];
    const command = exec[1].verifyReleaseCmd
      .replace('npx go-major-gate', bin)
      .replace('${nextRelease.version}', '2.0.0');
    const failed = sh(makeRepo([stale]), command);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('--version 2.0.0 is read as v2.0.0');
    expect(failed.stdout).toMatch(/^m\.go:3:10: error: .*\[stale-self-import\]$/m);
    expect(sh(makeRepo([clean]), command).code).toBe(0);
  });

  onlyWith('jq')('release-please: the version step reads the manifest and adds the v', () => {
    const step = /run: (echo "version=.*)$/m.exec(recipe('release-please', 'yaml'))![1];
    const dir = tempDir();
    writeFileSync(join(dir, '.release-please-manifest.json'), '{ ".": "2.1.0" }\n');
    const output = join(dir, 'github-output');
    writeFileSync(output, '');
    expect(sh(dir, step, { GITHUB_OUTPUT: output }).code).toBe(0);
    expect(readFileSync(output, 'utf8')).toBe('version=v2.1.0\n');
  });

  test('code scanning: the SARIF file is written while the text goes to the log', () => {
    const step = /run: (npx go-major-gate check --format sarif .*)$/m.exec(
      recipe('Code scanning', 'yaml')
    )![1];
    const dir = makeRepo([stale]);
    const r = sh(dir, step.replace('npx go-major-gate', bin));
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^FAIL: 1 error/m);
    const sarif = JSON.parse(readFileSync(join(dir, 'go-major-gate.sarif'), 'utf8')) as {
      runs: { results: { ruleId: string }[] }[];
    };
    expect(sarif.runs[0].results.map(x => x.ruleId)).toEqual(['stale-self-import']);
  });

  test('reviewdog: its -efm pattern reads every finding line of the text output, and nothing else', () => {
    const efm = /-efm='([^']+)'/.exec(recipe('reviewdog', 'yaml'))![1];
    expect(efm).toBe('%f:%l:%c: %m');
    // errorformat's %f (a file name), %l and %c (numbers), %m (the rest), as a regular expression.
    const pattern = new RegExp(
      `^${efm.replace('%f', '(.+?)').replace('%l', '(\\d+)').replace('%c', '(\\d+)').replace('%m', '(.+)')}$`
    );
    const dir = makeRepo([
      { files: { ...stale.files, 'sub/v.go': `//go:build ignore\n\npackage sub\n\nimport _ "${M}/sub"\n` } }
    ]);
    const r = sh(dir, `${bin} check --tag v2.0.0 --color never`);
    const lines = r.stdout.trimEnd().split('\n');
    const matched = lines.flatMap(l => {
      const m = pattern.exec(l);
      return m ? [m.slice(1)] : [];
    });
    expect(matched.map(([file, line, col, message]) => [file, line, col, message.split(':')[0]])).toEqual([
      ['m.go', '3', '10', 'error'],
      ['sub/v.go', '5', '10', 'warning']
    ]);
    for (const [file, line, col] of matched) {
      const text = readFileSync(join(dir, file), 'utf8').split('\n')[Number(line) - 1];
      expect(text.slice(Number(col) - 1)).toBe(`"${M}/sub"`);
    }
    expect(lines.filter(l => !pattern.test(l))).toEqual([
      'Gating example.com/m/v2 (.) at v2.0.0 [release]',
      '',
      '  stale-self-import: 1 error, 1 warning',
      '',
      '2 findings can be fixed: go-major-gate fix --major 2',
      '',
      expect.stringMatching(/^FAIL: 1 error, 1 warning/)
    ]);
  });
});

// The npm package as npm packs it, and the pre-commit hook as pre-commit installs and runs it (through
// `pre-commit try-repo`, when pre-commit is installed; .ci/run installs it). The packed CLI itself is
// installed and run by .ci/run.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from '@jest/globals';
import { commitTree, git, makeRepo, tempDir } from './helpers/repo.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, unknown>;

interface PackResult {
  files: { path: string }[];
}

function packedFiles(): string[] {
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe']
  });
  return (JSON.parse(out) as PackResult[])[0].files.map(f => f.path).sort();
}

describe('the npm package', () => {
  test('holds only the CLI bundle and the documents, and is publishable', () => {
    expect(packedFiles()).toEqual(['CHANGELOG.md', 'LICENSE', 'README.md', 'dist/cli.js', 'package.json']);
    expect(pkg.private).toBeUndefined();
    expect(pkg.bin).toEqual({ 'go-major-gate': 'dist/cli.js' });
    expect(pkg.license).toBe('MIT');
    expect(readFileSync(join(root, 'LICENSE'), 'utf8')).toMatch(
      /^MIT License\n\nCopyright \(c\) 2026 go-major-gate contributors\n/
    );
  });

  test('an install pulls nothing: the bundle needs no package outside Node.js', () => {
    expect(pkg.dependencies).toBeUndefined();
    const bundle = readFileSync(join(root, 'dist', 'cli.js'), 'utf8');
    const imported = [...bundle.matchAll(/^import\s+(?:[^'"]*\s+from\s+)?['"]([^'"]+)['"]/gm)].map(m => m[1]);
    expect(imported.length).toBeGreaterThan(0);
    const builtin = new Set(
      (
        execFileSync(process.execPath, ['-p', 'require("module").builtinModules.join("\\n")'], {
          encoding: 'utf8'
        }) as string
      )
        .trim()
        .split('\n')
    );
    expect(imported.filter(m => !builtin.has(m.replace(/^node:/, '')))).toEqual([]);
  });

  test('the changelog has an Unreleased section and the current version', () => {
    const changelog = readFileSync(join(root, 'CHANGELOG.md'), 'utf8');
    expect(changelog).toContain('\n## [Unreleased]\n');
    expect(changelog).toContain(`\n## [${pkg.version as string}] - `);
  });
});

const preCommit = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' });
const hasPreCommit = preCommit.status === 0;
if (!hasPreCommit) {
  console.warn(
    'package.test.ts: pre-commit is not installed, so the pre-commit hook is not tried (apt-get install pre-commit or pip install pre-commit)'
  );
}

/**
 * The hook's repository as pre-commit sees it: what `git ls-files` ships that the hook uses (the hooks
 * file, package.json, what npm packs), with package.json's devDependencies left out. pre-commit runs
 * `npm install` of those before packing; leaving them out keeps the test from installing ~500 packages,
 * and changes nothing of what the hook runs.
 */
function hookRepository(): string {
  const dir = tempDir();
  git(dir, 'init', '-q', '-b', 'main');
  for (const file of [...packedFiles(), '.pre-commit-hooks.yaml']) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    copyFileSync(join(root, file), join(dir, file));
  }
  const slim = { ...pkg };
  delete slim.devDependencies;
  delete slim.scripts;
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(slim, null, 2)}\n`);
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'hook');
  return dir;
}

(hasPreCommit ? describe : describe.skip)('the pre-commit hook (pre-commit try-repo)', () => {
  test('fails on a stale import, passes once fixed, and is skipped when no Go file changed', () => {
    const hooks = hookRepository();
    const home = tempDir();
    const tryRepo = (dir: string, ...args: string[]) => {
      const r = spawnSync('pre-commit', ['try-repo', hooks, 'go-major-gate', ...args], {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, PRE_COMMIT_HOME: home, npm_config_audit: 'false', npm_config_fund: 'false' }
      });
      return { code: r.status, out: `${r.stdout}${r.stderr}` };
    };
    const M = 'example.com/m';
    const dir = makeRepo([
      {
        files: {
          'go.mod': `module ${M}/v2\n\ngo 1.21\n`,
          'm.go': `package m\n\nimport _ "${M}/sub"\n`,
          'sub/s.go': 'package sub\n'
        }
      }
    ]);
    const failed = tryRepo(dir, '--all-files');
    expect(failed.out).toMatch(/go-major-gate\.+Failed/);
    expect(failed.out).toMatch(
      /^m\.go:3:10: error: import "example\.com\/m\/sub" .* \[stale-self-import\]$/m
    );
    expect(failed.code).toBe(1);

    writeFileSync(join(dir, 'm.go'), `package m\n\nimport _ "${M}/v2/sub"\n`);
    git(dir, 'add', 'm.go');
    const passed = tryRepo(dir);
    expect(passed.out).toMatch(/go-major-gate\.+Passed/);
    expect(passed.code).toBe(0);

    commitTree(dir, {
      files: {
        'go.mod': `module ${M}/v2\n\ngo 1.21\n`,
        'm.go': `package m\n\nimport _ "${M}/v2/sub"\n`,
        'sub/s.go': 'package sub\n'
      }
    });
    writeFileSync(join(dir, 'README.md'), 'docs\n');
    git(dir, 'add', 'README.md');
    const skipped = tryRepo(dir);
    expect(skipped.out).toMatch(/go-major-gate\.+\(no files to check\)Skipped/);
    expect(skipped.code).toBe(0);
  }, 300_000);
});

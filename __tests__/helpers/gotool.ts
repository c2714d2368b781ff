// The Go toolchain as a test oracle. Runs offline with a private GOPATH and cache so that nothing
// reaches the network. CI installs Debian's golang-go; there a missing `go` is an error, not a skip.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe } from '@jest/globals';

function findGo(): string | undefined {
  const probe = spawnSync('go', ['version'], { encoding: 'utf8' });
  return probe.status === 0 ? probe.stdout.trim() : undefined;
}

export const goVersion = findGo();

if (!goVersion && process.env.CI === 'true') {
  throw new Error('CI=true but the Go toolchain is not on PATH: .ci/run must install golang-go');
}

/** `describe` when `go` is installed, `describe.skip` otherwise (never on CI, see above). */
export const describeWithGo = goVersion ? describe : describe.skip;

let goHome: string | undefined;
function goEnv(): NodeJS.ProcessEnv {
  goHome ??= mkdtempSync(join(tmpdir(), 'gmg-gohome-'));
  return {
    ...process.env,
    HOME: goHome,
    GOPATH: join(goHome, 'gopath'),
    GOCACHE: join(goHome, 'cache'),
    GOFLAGS: '-mod=mod',
    GOPROXY: 'off',
    GOSUMDB: 'off',
    GOTOOLCHAIN: 'local',
    GOWORK: 'off',
    CGO_ENABLED: '0'
  };
}

export interface GoResult {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs `go ARGS` in DIR, offline. */
export function runGo(args: string[], cwd: string): GoResult {
  const r = spawnSync('go', args, { cwd, env: goEnv(), encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return { status: r.status ?? -1, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

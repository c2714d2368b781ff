// The platforms a package is built for, as go/build selects files: the GOOS and GOARCH a file name
// ends in (`_linux.go`, `_windows_arm64.go`, `_test` aside) and its //go:build expression under a
// platform's tags. The exported API is computed per platform over a fixed set of first-class ports
// (README, "Breaking changes and the next version").
import { evalConstraint } from '../module/imports.js';

/** The ports the exported API is compared on: Go's first-class ports, and freebsd/amd64. */
export const API_PLATFORMS: readonly string[] = [
  'linux/amd64',
  'linux/arm64',
  'linux/386',
  'darwin/amd64',
  'darwin/arm64',
  'windows/amd64',
  'windows/arm64',
  'windows/386',
  'freebsd/amd64'
];

// go/build's syslist.go.
const KNOWN_OS = new Set([
  'aix',
  'android',
  'darwin',
  'dragonfly',
  'freebsd',
  'hurd',
  'illumos',
  'ios',
  'js',
  'linux',
  'nacl',
  'netbsd',
  'openbsd',
  'plan9',
  'solaris',
  'wasip1',
  'windows',
  'zos'
]);
const UNIX_OS = new Set([
  'aix',
  'android',
  'darwin',
  'dragonfly',
  'freebsd',
  'hurd',
  'illumos',
  'ios',
  'linux',
  'netbsd',
  'openbsd',
  'solaris'
]);
const KNOWN_ARCH = new Set([
  '386',
  'amd64',
  'amd64p32',
  'arm',
  'armbe',
  'arm64',
  'arm64be',
  'loong64',
  'mips',
  'mipsle',
  'mips64',
  'mips64le',
  'mips64p32',
  'mips64p32le',
  'ppc',
  'ppc64',
  'ppc64le',
  'riscv',
  'riscv64',
  's390',
  's390x',
  'sparc',
  'sparc64',
  'wasm'
]);

/**
 * Whether a build tag holds on `platform` (`goos/goarch`): its GOOS and GOARCH (android also
 * satisfies linux, ios darwin, illumos solaris), `unix` on Unix systems, `gc`, `cgo` (the default
 * of a native build), and every `go1.N` release tag; any other tag does not.
 */
export function platformHasTag(platform: string, tag: string): boolean {
  const [goos, goarch] = platform.split('/');
  if (tag === goos || tag === goarch) return true;
  if ((tag === 'linux' && goos === 'android') || (tag === 'darwin' && goos === 'ios')) return true;
  if (tag === 'solaris' && goos === 'illumos') return true;
  if (tag === 'unix') return UNIX_OS.has(goos);
  return tag === 'gc' || tag === 'cgo' || /^go1\.[0-9]+$/.test(tag);
}

/** go/build's goodOSArchFile: whether a file's name (`x_linux_amd64.go`) lets it be built on `platform`. */
export function fileNameMatches(path: string, platform: string): boolean {
  let name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.indexOf('.');
  if (dot >= 0) name = name.slice(0, dot);
  const underscore = name.indexOf('_');
  if (underscore < 0) return true;
  const parts = name.slice(underscore).split('_');
  if (parts[parts.length - 1] === 'test') parts.pop();
  const n = parts.length;
  const has = (tag: string) => platformHasTag(platform, tag);
  if (n >= 2 && KNOWN_OS.has(parts[n - 2]) && KNOWN_ARCH.has(parts[n - 1])) {
    return has(parts[n - 2]) && has(parts[n - 1]);
  }
  if (n >= 1 && (KNOWN_OS.has(parts[n - 1]) || KNOWN_ARCH.has(parts[n - 1]))) return has(parts[n - 1]);
  return true;
}

/** Whether a file with this path and //go:build expression (none: undefined) is built on `platform`. */
export function fileBuiltOn(path: string, constraint: string | undefined, platform: string): boolean {
  if (!fileNameMatches(path, platform)) return false;
  if (constraint === undefined) return true;
  return evalConstraint(constraint, tag => platformHasTag(platform, tag)) === true;
}

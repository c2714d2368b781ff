// go-major-gate command line: gather, analyze, print. Exit 0 passed, 1 the gate failed, 2 usage or
// runtime error. No @actions/* imports here except the exec wrapper that src/gather uses.
import { statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { analyze, normalizeDir, type Report } from './analyze.js';
import { onlyNewReport } from './gather/baseline.js';
import { UsageError } from './errors.js';
import { DEFAULT_CONFIG, readConfig } from './gather/config.js';
import { describeMissingHistory, missingCommits, neededCommits } from './gather/history.js';
import { gatherSnapshot, markAddedLines, type Gathered } from './gather/snapshot.js';
import { ConfigError } from './config/parse.js';
import { rules } from './rules/index.js';
import { formatJson } from './report/json.js';
import { formatSarif } from './report/sarif.js';
import { formatText } from './report/text.js';
import { runFix, runUpgrade } from './fixer.js';
import type { FailOn, Intent, MissingHistory } from './types.js';
import { TOOL_NAME, TOOL_VERSION } from './version.js';

export const CHECK_USAGE = `Usage: ${TOOL_NAME} check [DIR] [options]

Checks that a Go repository is a valid release of a version (or, without one, that every module's
path agrees with its releases and imports), before the tag is public.

What to gate (at most one; default: consistency of every module):
  --tag TAG              the tag about to be created, e.g. v2.0.0 or sub/v2.1.0
  --version V            a version of the module in --module (default: the root module); a bare
                         3.0.1 is read as v3.0.1, with a note
  --module DIR           the module directory for --version
  --base REF             a pull request's base: a major bump where go.mod's major changed,
                         consistency elsewhere; findings on added lines are marked new
Where to read:
  --head REF             read the tree at REF from git objects instead of the working tree
  --repository OWNER/NAME  the GitHub repository being released (default: the origin remote)
Output:
  --format text|json|sarif  (default text; sarif: SARIF 2.1.0 for code scanning)
  --output FILE          write the --format output to FILE; the text report still goes to stdout
  --quiet, -q            text: only the error findings (no warnings, tally or verdict)
  --color auto|always|never  colour the text (default auto: only to a terminal, not with NO_COLOR)
  --fail-on error|warning|never   which findings fail the gate (default error)
  --disable RULE,...     rule ids to switch off
  --config FILE          the configuration file (default: .go-major-gate.yml of the tree checked)
  --only-new             with --base: leave out (and count) the findings the merge base has too
  -h, --help             this help

Exit status: 0 passed, 1 the gate failed, 2 usage or runtime error.
`;

export const FIX_USAGE = `Usage: ${TOOL_NAME} fix [DIR] --major N [--module DIR] [--only-module] [--siblings-major N] [--layout subdirectory] [--dry-run]

Moves a module to major N (1: the unsuffixed path of v0/v1): rewrites its go.mod module line, every
import of its own packages through another major (all forms; import groups re-sorted as gofmt does),
the references stale-reference reports (.proto, docs, ldflags, //go:generate...), and removes
requires/replaces of its own other majors that nothing imports any more. The repository's other
modules that require or import it follow (require, replace and imports); the output ends with what
remains to do (version constants, generated files, go mod tidy, the tags).
  --major N              the major to move to (a whole number >= 1)
  --module DIR           the module directory (default: the root module)
  --only-module          move only that module; by default the repository's other modules that
                         require or import it are moved with it (require, replace and imports)
  --siblings-major N     also move the other modules whose path carries the old major (contrib/x/v2
                         beside a /v2 root) to major N
  --layout subdirectory  start major N in a vN/ directory: the module's tree is copied there and the
                         copy is fixed (a module already in a major subdirectory, v2/, is always
                         copied to v3/ beside it; the original is left as it is)
  --dry-run              print a unified diff (git apply accepts it) and change nothing

Exit status: 0 done (or nothing to do), 1 some files could not be rewritten (listed; left
untouched), 2 usage error.
`;

export const UPGRADE_USAGE = `Usage: ${TOOL_NAME} upgrade MODULE@VERSION [DIR] [--source DIR] [--dry-run]

Moves a consumer repository to a new major of a dependency, offline: every import of an older major
of MODULE's family and the go.mod require line become MODULE (e.g. example.com/lib/v2@v2.1.0).
  --source DIR           a directory holding the new version's module: report rewritten imports
                         whose package it does not have
  --dry-run              print a unified diff and change nothing

Exit status: 0 done (or nothing to do), 1 some files could not be rewritten (listed; left
untouched) or an import names a package missing from --source, 2 usage error.
`;

export const USAGE = `Usage: ${TOOL_NAME} check|fix|upgrade ... (${TOOL_NAME} COMMAND --help: that command only)
       ${TOOL_NAME} --version | -v       print the version

${CHECK_USAGE}
${FIX_USAGE}
${UPGRADE_USAGE}`;

const COMMAND_USAGE: Record<string, string> = { check: CHECK_USAGE, fix: FIX_USAGE, upgrade: UPGRADE_USAGE };

const FORMATS = ['text', 'json', 'sarif'] as const;
const FAIL_ON = ['error', 'warning', 'never'] as const;
const COLORS = ['auto', 'always', 'never'] as const;

export interface CliIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** Whether stdout is a terminal (colour in --color auto). */
  isTty?: boolean;
  /** The environment (NO_COLOR, GO_MAJOR_GATE_DEBUG); default none. */
  env?: Readonly<Record<string, string | undefined>>;
  /** The current directory: DIR is resolved and text report paths are shown from it; default process.cwd(). */
  cwd?: string;
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  try {
    return await run(argv, io);
  } catch (error) {
    reportError(error, io);
    return 2;
  }
}

/**
 * One line for any error; a usage error adds the hint. An error that is no UsageError is a fault of the
 * tool or the machine: still one line, with the stack only under GO_MAJOR_GATE_DEBUG=1.
 */
export function reportError(error: unknown, io: Pick<CliIo, 'stderr' | 'env'>): void {
  const message = error instanceof Error ? error.message : String(error);
  // A config error starts with its file:line, so that editors can jump to it.
  if (error instanceof ConfigError) return void io.stderr(`${firstLine(message)}\n`);
  io.stderr(`${TOOL_NAME}: ${firstLine(message)}\n`);
  if (error instanceof UsageError) io.stderr(`Run "${TOOL_NAME} --help" for usage.\n`);
  else if (io.env?.GO_MAJOR_GATE_DEBUG && error instanceof Error && error.stack)
    io.stderr(`${error.stack}\n`);
}

function firstLine(s: string): string {
  const line = s.split('\n', 1)[0].trim();
  return line || s.trim();
}

async function run(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
    const usage = command === 'help' && rest[0] !== undefined ? COMMAND_USAGE[rest[0]] : undefined;
    io.stdout(usage ?? USAGE);
    return command === undefined ? 2 : 0;
  }
  if (command === 'version' || command === '--version' || command === '-v' || command === '--version-info') {
    io.stdout(`${TOOL_NAME} ${TOOL_VERSION}\n`);
    return 0;
  }
  if (command === 'fix') return fix(rest, io);
  if (command === 'upgrade') return upgrade(rest, io);
  if (command !== 'check')
    throw new UsageError(`unknown command "${command}" (expected "check", "fix" or "upgrade")`);
  return check(rest, io);
}

/** parseArgs with its errors as one line each; an option whose value looks like an option is named. */
function parseOrUsage<T>(args: readonly string[], parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    const message = (error as Error).message;
    const ambiguous = /^Option '(-[^' ]+)[^']*' argument is ambiguous/.exec(message);
    if (ambiguous) {
      const flag = ambiguous[1];
      const value = args[args.indexOf(flag) + 1] ?? '';
      throw new UsageError(
        `${flag} needs a value, and "${value}" looks like an option (write ${flag}=${value} if it is the value)`
      );
    }
    const missing = /^Option '(-[^' ]+)[^']*' argument missing/.exec(message);
    if (missing) throw new UsageError(`${missing[1]} needs a value`);
    throw new UsageError(firstLine(message.replace(/\. To specify a positional argument.*$/s, '')));
  }
}

async function fix(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOrUsage(args, () =>
    parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        major: { type: 'string' },
        module: { type: 'string' },
        'only-module': { type: 'boolean', default: false },
        'siblings-major': { type: 'string' },
        layout: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h' }
      }
    })
  );
  if (values.help) {
    io.stdout(FIX_USAGE);
    return 0;
  }
  if (positionals.length > 1)
    throw new UsageError(`expected at most one directory, got: ${positionals.join(' ')}`);
  const siblingsMajor = values['siblings-major'];
  if (siblingsMajor !== undefined && !/^v?[1-9][0-9]*$/.test(siblingsMajor))
    throw new UsageError(`--siblings-major must be a whole number >= 1, got "${siblingsMajor}"`);
  if (values.layout !== undefined && values.layout !== 'subdirectory')
    throw new UsageError(
      `--layout takes "subdirectory" (start the new major in a vN/ directory), got "${values.layout}"`
    );
  if (values.major === undefined) throw new UsageError('fix needs --major N (the major to move to)');
  if (!/^v?[0-9]+$/.test(values.major) || !/^[1-9]/.test(values.major.replace(/^v/, ''))) {
    throw new UsageError(
      `--major must be a whole number >= 1 (1 is the unsuffixed path of v0 and v1), got "${values.major}"`
    );
  }
  return runFix(
    {
      dir: positionals[0] ?? '.',
      major: Number(values.major.replace(/^v/, '')),
      dryRun: Boolean(values['dry-run']),
      onlyModule: Boolean(values['only-module']),
      ...(values.layout !== undefined ? { layout: 'subdirectory' as const } : {}),
      ...(siblingsMajor !== undefined ? { siblingsMajor: Number(siblingsMajor.replace(/^v/, '')) } : {}),
      ...(values.module !== undefined ? { moduleDir: normalizeDir(values.module) } : {})
    },
    io
  );
}

async function upgrade(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOrUsage(args, () =>
    parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        source: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h' }
      }
    })
  );
  if (values.help) {
    io.stdout(UPGRADE_USAGE);
    return 0;
  }
  if (positionals.length === 0)
    throw new UsageError('upgrade needs MODULE@VERSION, e.g. example.com/lib/v2@v2.1.0');
  if (positionals.length > 2)
    throw new UsageError(`expected MODULE@VERSION and at most one directory, got: ${positionals.join(' ')}`);
  return runUpgrade(
    {
      target: positionals[0],
      dir: positionals[1] ?? '.',
      dryRun: Boolean(values['dry-run']),
      ...(values.source !== undefined ? { source: values.source } : {})
    },
    io
  );
}

function parseCheckArgs(args: string[]) {
  return parseOrUsage(args, () =>
    parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        tag: { type: 'string' },
        version: { type: 'string' },
        module: { type: 'string' },
        base: { type: 'string' },
        head: { type: 'string' },
        repository: { type: 'string' },
        format: { type: 'string', default: 'text' },
        output: { type: 'string' },
        quiet: { type: 'boolean', short: 'q' },
        color: { type: 'string', default: 'auto' },
        'fail-on': { type: 'string', default: 'error' },
        config: { type: 'string' },
        'only-new': { type: 'boolean', default: false },
        disable: { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' }
      }
    })
  );
}

async function check(args: string[], io: CliIo): Promise<number> {
  const startedAt = Date.now();
  const { values, positionals } = parseCheckArgs(args);
  if (values.help) {
    io.stdout(CHECK_USAGE);
    return 0;
  }
  if (positionals.length > 1)
    throw new UsageError(`expected at most one directory, got: ${positionals.join(' ')}`);
  const format = oneOf('--format', values.format as string, FORMATS);
  const failOn = oneOf('--fail-on', values['fail-on'] as string, FAIL_ON) as FailOn;
  const color = oneOf('--color', values.color as string, COLORS);
  const quiet = Boolean(values.quiet);
  const disable = parseDisable(values.disable ?? []);
  if (values.repository !== undefined && !/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(values.repository)) {
    throw new UsageError(`--repository must be OWNER/NAME, got "${values.repository}"`);
  }
  if (values.output === '') throw new UsageError('--output needs a file name');
  const version = values.version === undefined ? undefined : withGoV(values.version, quiet ? undefined : io);
  const intent = intentFrom({ ...values, version });
  const cwd = io.cwd ?? process.cwd();
  const dir = resolve(cwd, positionals[0] ?? '.');
  requireDirectory(dir);
  const gathered = await gatherSnapshot({
    dir,
    ...(values.head !== undefined ? { head: values.head } : {}),
    ...(values.base !== undefined ? { base: values.base } : {}),
    ...(values.repository !== undefined ? { repository: values.repository } : {}),
    intent,
    disable
  });
  const config = await readConfig(
    values.config === undefined
      ? DEFAULT_CONFIG
      : { kind: 'file', path: resolve(cwd, values.config), label: values.config },
    gathered.tree,
    gathered.snapshot.files
  );
  const missing = await cliMissingHistory(gathered, intent);
  if (missing.length > 0) gathered.snapshot.missingHistory = missing;
  const checked = await markAddedLines(
    gathered,
    analyze(gathered.snapshot, { intent, failOn, disable, startedAt, ...(config ? { config } : {}) }),
    startedAt
  );
  if (values['only-new'] && values.base === undefined)
    throw new UsageError("--only-new needs --base (a pull request's base)");
  const report = values['only-new']
    ? await onlyNewReport(checked, gathered, {
        failOn,
        disable,
        ...(config ? { config } : {}),
        ...(values.repository !== undefined ? { repository: values.repository } : {})
      })
    : checked;
  for (const m of quiet || disable.includes('history-missing') ? [] : missing) {
    io.stderr(`${TOOL_NAME}: ${m.severity}: ${m.what} (${m.why}), so ${m.affects}: ${m.fix}\n`);
  }
  const root = values.head === undefined ? gathered.root : ((await gathered.git.topLevel()) ?? gathered.root);
  const text = (colored: boolean) =>
    formatText(report, {
      color: colored,
      root,
      cwd,
      quiet,
      // fix rewrites the working tree: no hint when another tree (--head) was checked.
      fixHint: values.head === undefined,
      checkedDir: positionals[0]
    });
  const useColor = color === 'always' || (color === 'auto' && Boolean(io.isTty) && !io.env?.NO_COLOR);
  if (values.output !== undefined) {
    writeOutput(resolve(cwd, values.output), format === 'text' ? text(false) : formatReport(format, report));
    io.stdout(text(useColor));
  } else {
    io.stdout(format === 'text' ? text(useColor) : formatReport(format, report));
  }
  return report.conclusion === 'failure' ? 1 : 0;
}

/** What the check could not see in this clone, said as findings and on stderr (gather/history.ts). */
async function cliMissingHistory(gathered: Gathered, intent: Intent): Promise<MissingHistory[]> {
  const { snapshot, git } = gathered;
  return describeMissingHistory(
    {
      tags: snapshot.tags,
      shallow: snapshot.shallow === true,
      tagsMayExist: snapshot.shallow === true,
      intent,
      // The CLI's tags are the clone's own: only a shallow clone can lack their commits.
      missing: snapshot.shallow ? await missingCommits(git, neededCommits(snapshot.tags, intent)) : [],
      mergeBaseMissing: Boolean(
        snapshot.baseCommit && snapshot.commit && !(await git.mergeBase(snapshot.baseCommit, snapshot.commit))
      )
    },
    'cli'
  );
}

function formatReport(format: 'json' | 'sarif', report: Report): string {
  return format === 'json' ? formatJson(report) : formatSarif(report);
}

function writeOutput(file: string, content: string): void {
  try {
    writeFileSync(file, content);
  } catch (error) {
    throw new UsageError(`--output ${file}: ${(error as Error).message}`);
  }
}

/** A path that is not a directory would reach git as a cwd it cannot enter: say so in one line. */
function requireDirectory(abs: string): void {
  let stats;
  try {
    stats = statSync(abs);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(`${abs} does not exist`);
    if (code === 'ENOTDIR') throw new UsageError(`${abs} is not a directory`);
    throw new UsageError(`cannot read ${abs}: ${(error as Error).message}`);
  }
  if (!stats.isDirectory()) throw new UsageError(`${abs} is not a directory`);
}

/**
 * release-please and semantic-release speak of 3.0.1; Go versions are v3.0.1. A bare semantic version
 * is read with the "v", and the user is told; anything else goes to the rules as given.
 */
function withGoV(version: string, io: Pick<CliIo, 'stderr'> | undefined): string {
  if (!/^[0-9]+\.[0-9]+\.[0-9]+([-+].*)?$/.test(version)) return version;
  io?.stderr(
    `${TOOL_NAME}: note: --version ${version} is read as v${version} (Go versions start with "v")\n`
  );
  return `v${version}`;
}

function intentFrom(values: { tag?: string; version?: string; module?: string; base?: string }): Intent {
  if (values.tag !== undefined && values.version !== undefined)
    throw new UsageError('use --tag or --version, not both');
  if (values.module !== undefined && values.version === undefined) {
    throw new UsageError('--module goes with --version (a tag already names its module by its prefix)');
  }
  if (values.tag !== undefined) return { kind: 'tag', tag: values.tag, source: 'input' };
  if (values.version !== undefined) {
    return {
      kind: 'version',
      version: values.version,
      ...(values.module !== undefined ? { moduleDir: normalizeDir(values.module) } : {}),
      source: 'input'
    };
  }
  if (values.base !== undefined) return { kind: 'pull-request', source: 'pull_request' };
  return { kind: 'consistency', source: 'input' };
}

function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw new UsageError(`${flag} must be one of ${allowed.join(', ')}, got "${value}"`);
  }
  return value as T;
}

const KNOWN_RULES = new Set<string>(rules.map(r => r.id));

export function parseDisable(values: readonly string[]): string[] {
  const ids = values
    .flatMap(v => v.split(','))
    .map(s => s.trim())
    .filter(Boolean);
  const unknown = ids.filter(id => !KNOWN_RULES.has(id));
  if (unknown.length > 0) {
    throw new UsageError(
      `unknown rule id${unknown.length > 1 ? 's' : ''} in --disable: ${unknown.join(', ')} (known: ${[...KNOWN_RULES].join(', ')})`
    );
  }
  return ids;
}

// go-major-gate command line: gather, analyze, print. Exit 0 passed, 1 the gate failed, 2 usage or
// runtime error. No @actions/* imports here except the exec wrapper that src/gather uses.
import { parseArgs } from 'node:util';
import { analyze, normalizeDir, type Report } from './analyze.js';
import { UsageError } from './errors.js';
import { describeMissingHistory, missingCommits, neededCommits } from './gather/history.js';
import { gatherSnapshot, markAddedLines, type Gathered } from './gather/snapshot.js';
import { rules } from './rules/index.js';
import { formatJson } from './report/json.js';
import { formatSarif } from './report/sarif.js';
import { formatText } from './report/text.js';
import { runFix, runUpgrade } from './fixer.js';
import type { FailOn, Intent, MissingHistory } from './types.js';
import { TOOL_NAME, TOOL_VERSION } from './version.js';

export const USAGE = `Usage: ${TOOL_NAME} check [DIR] [options]

Checks that a Go repository is a valid release of a version (or, without one, that every module's
path agrees with its releases and imports), before the tag is public.

What to gate (at most one; default: consistency of every module):
  --tag TAG              the tag about to be created, e.g. v2.0.0 or sub/v2.1.0
  --version V            a version of the module in --module (default: the root module)
  --module DIR           the module directory for --version
  --base REF             a pull request's base: a major bump where go.mod's major changed,
                         consistency elsewhere; findings on added lines are marked new
Where to read:
  --head REF             read the tree at REF from git objects instead of the working tree
  --repository OWNER/NAME  the GitHub repository being released (default: the origin remote)
Output:
  --format text|json|sarif  (default text; sarif: SARIF 2.1.0 for code scanning)
  --fail-on error|warning|never   which findings fail the gate (default error)
  --disable RULE,...     rule ids to switch off
  -h, --help             this help;  ${TOOL_NAME} version  prints the version

Exit status: 0 passed, 1 the gate failed, 2 usage or runtime error.

Usage: ${TOOL_NAME} fix [DIR] --major N [--module DIR] [--dry-run]

Moves a module to major N (1: the unsuffixed path of v0/v1): rewrites its go.mod module line, every
import of its own packages through another major (all forms; import groups re-sorted as gofmt does),
the references stale-reference reports (.proto, docs, ldflags, //go:generate...), and removes
requires/replaces of its own other majors that nothing imports any more.
  --major N              the major to move to (a whole number >= 1)
  --module DIR           the module directory (default: the root module)
  --dry-run              print a unified diff (git apply accepts it) and change nothing

Usage: ${TOOL_NAME} upgrade MODULE@VERSION [DIR] [--source DIR] [--dry-run]

Moves a consumer repository to a new major of a dependency, offline: every import of an older major
of MODULE's family and the go.mod require line become MODULE (e.g. example.com/lib/v2@v2.1.0).
  --source DIR           a directory holding the new version's module: report rewritten imports
                         whose package it does not have
  --dry-run              print a unified diff and change nothing

Exit status of fix and upgrade: 0 done (or nothing to do), 1 some files could not be rewritten
(listed; left untouched) or, for upgrade, an import names a package missing from --source,
2 usage error.
`;

const FORMATS = ['text', 'json', 'sarif'] as const;
const FAIL_ON = ['error', 'warning', 'never'] as const;

export interface CliIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  isTty?: boolean;
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  try {
    return await run(argv, io);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`${TOOL_NAME}: ${message}\n`);
    if (error instanceof UsageError) io.stderr(`Run "${TOOL_NAME} --help" for usage.\n`);
    return 2;
  }
}

async function run(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
    io.stdout(USAGE);
    return command === undefined ? 2 : 0;
  }
  if (command === 'version' || command === '--version-info') {
    io.stdout(`${TOOL_NAME} ${TOOL_VERSION}\n`);
    return 0;
  }
  if (command === 'fix') return fix(rest, io);
  if (command === 'upgrade') return upgrade(rest, io);
  if (command !== 'check')
    throw new UsageError(`unknown command "${command}" (expected "check", "fix" or "upgrade")`);
  return check(rest, io);
}

function parseOrUsage<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/\. To specify a positional argument.*$/s, ''));
  }
}

async function fix(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOrUsage(() =>
    parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        major: { type: 'string' },
        module: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h' }
      }
    })
  );
  if (values.help) {
    io.stdout(USAGE);
    return 0;
  }
  if (positionals.length > 1)
    throw new UsageError(`expected at most one directory, got: ${positionals.join(' ')}`);
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
      ...(values.module !== undefined ? { moduleDir: normalizeDir(values.module) } : {})
    },
    io
  );
}

async function upgrade(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOrUsage(() =>
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
    io.stdout(USAGE);
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
  try {
    return parseArgs({
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
        'fail-on': { type: 'string', default: 'error' },
        disable: { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' }
      }
    });
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/\. To specify a positional argument.*$/s, ''));
  }
}

async function check(args: string[], io: CliIo): Promise<number> {
  const startedAt = Date.now();
  const { values, positionals } = parseCheckArgs(args);
  if (values.help) {
    io.stdout(USAGE);
    return 0;
  }
  if (positionals.length > 1)
    throw new UsageError(`expected at most one directory, got: ${positionals.join(' ')}`);
  const format = oneOf('--format', values.format as string, FORMATS);
  const failOn = oneOf('--fail-on', values['fail-on'] as string, FAIL_ON) as FailOn;
  const disable = parseDisable(values.disable ?? []);
  if (values.repository !== undefined && !/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(values.repository)) {
    throw new UsageError(`--repository must be OWNER/NAME, got "${values.repository}"`);
  }
  const intent = intentFrom(values);
  const gathered = await gatherSnapshot({
    dir: positionals[0] ?? '.',
    ...(values.head !== undefined ? { head: values.head } : {}),
    ...(values.base !== undefined ? { base: values.base } : {}),
    ...(values.repository !== undefined ? { repository: values.repository } : {}),
    intent,
    disable
  });
  const missing = await cliMissingHistory(gathered, intent);
  if (missing.length > 0) gathered.snapshot.missingHistory = missing;
  const report = await markAddedLines(
    gathered,
    analyze(gathered.snapshot, { intent, failOn, disable, startedAt }),
    startedAt
  );
  for (const m of disable.includes('history-missing') ? [] : missing) {
    io.stderr(`${TOOL_NAME}: ${m.severity}: ${m.what} (${m.why}), so ${m.affects}: ${m.fix}\n`);
  }
  io.stdout(formatReport(format, report, Boolean(io.isTty)));
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
      missing: await missingCommits(git, neededCommits(snapshot.tags, intent)),
      mergeBaseMissing: Boolean(
        snapshot.baseCommit && snapshot.commit && !(await git.mergeBase(snapshot.baseCommit, snapshot.commit))
      )
    },
    'cli'
  );
}

function formatReport(format: (typeof FORMATS)[number], report: Report, color: boolean): string {
  switch (format) {
    case 'json':
      return formatJson(report);
    case 'sarif':
      return formatSarif(report);
    case 'text':
      return formatText(report, { color });
  }
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

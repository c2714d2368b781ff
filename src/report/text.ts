// Human-readable output for a terminal, in the line format compilers use so that editors, errorformat
// (`%f:%l:%c: %m`) and problem matchers can jump to each finding:
//   path:line:col: severity: message [rule]
// then a tally by rule, the suggested next version, how to fix what is fixable, and a one-line verdict.
import { join, relative, sep } from 'node:path';
import type { Report, TargetSummary } from '../analyze.js';
import { majorDigits } from '../go/module/version.js';
import { tagPrefixOf } from '../go/module/layout.js';
import type { Finding, Severity } from '../types.js';
import { TOOL_NAME } from '../version.js';

export interface TextOptions {
  color?: boolean;
  /** The repository's top directory (absolute) and the directory paths are shown relative to. */
  root?: string;
  cwd?: string;
  /** Only the error findings: no header, warnings, tally or verdict. */
  quiet?: boolean;
  /** Whether to print the fix command (default true) and the DIR given to check, repeated in it. */
  fixHint?: boolean;
  checkedDir?: string;
}

const COLORS = {
  error: '\u001b[31m',
  warning: '\u001b[33m',
  notice: '\u001b[36m',
  bold: '\u001b[1m',
  reset: '\u001b[0m'
};
const SEVERITIES: readonly Severity[] = ['error', 'warning', 'notice'];

type Paint = (code: string, s: string) => string;

export function formatText(report: Report, options: TextOptions = {}): string {
  const paint: Paint = (code, s) => (options.color ? `${code}${s}${COLORS.reset}` : s);
  const place = placer(report, options);
  const findingLine = (f: Finding) =>
    `${place(f)}: ${paint(COLORS[f.severity], f.severity)}: ${f.message} [${f.rule}]`;
  if (options.quiet) {
    const errors = report.findings.filter(f => f.severity === 'error');
    return errors.map(f => `${findingLine(f)}\n`).join('');
  }
  const lines = headerLines(report);
  lines.push(...foldRepeated(report.findings, findingLine));
  const tally = ruleTally(report.findings);
  if (tally.length > 0) lines.push('', ...tally);
  if (report.preExisting && report.preExisting.count > 0) {
    const byRule = Object.entries(report.preExisting.byRule).map(([rule, n]) => `${rule} ${n}`);
    lines.push(
      `Left out: ${plural(report.preExisting.count, 'pre-existing finding')} the merge base has too (${byRule.join(', ')})`
    );
  }
  if (report.config)
    lines.push(
      `Configuration ${report.config.file}: ${plural(report.config.accepted, 'finding')} accepted, ${report.config.excluded} excluded`
    );
  const fixes = options.fixHint === false ? [] : fixLines(report, options.checkedDir);
  const after = [...suggestedLines(report.targets), ...fixes];
  if (after.length > 0) lines.push('', ...after);
  lines.push('', verdict(report, paint));
  return `${lines.join('\n')}\n`;
}

/** How many findings with one message are listed before the rest are folded into one line. */
const SHOWN_ALIKE = 2;

/**
 * One line per finding, except that a message said more than SHOWN_ALIKE + 1 times (the same
 * local-replace in every go.mod) is listed SHOWN_ALIKE times and then folded: "... and 23 more like this".
 */
export function foldRepeated(
  findings: readonly Finding[],
  line: (f: Finding) => string,
  more: (count: number, f: Finding) => string = (count, f) => `  ... and ${count} more like this [${f.rule}]`
): string[] {
  const alike = new Map<string, number>();
  const key = (f: Finding) => `${f.rule}\u0000${f.severity}\u0000${f.message}`;
  for (const f of findings) alike.set(key(f), (alike.get(key(f)) ?? 0) + 1);
  const shown = new Map<string, number>();
  const out: string[] = [];
  for (const f of findings) {
    const k = key(f);
    const total = alike.get(k)!;
    const n = (shown.get(k) ?? 0) + 1;
    shown.set(k, n);
    if (total <= SHOWN_ALIKE + 1 || n <= SHOWN_ALIKE) out.push(line(f));
    else if (n === SHOWN_ALIKE + 1) out.push(more(total - SHOWN_ALIKE, f));
  }
  return out;
}

function headerLines(report: Report): string[] {
  const lines: string[] = [];
  for (const t of report.targets) {
    if (t.mode === 'consistency') continue;
    const what = t.module ? `${t.module} (${t.dir})` : t.dir === '.' ? 'the repository root' : 'no module';
    lines.push(
      `Gating ${what} at ${t.version ?? '?'}${t.tag && t.tag !== t.version ? `, tag ${t.tag}` : ''} [${t.mode}]`
    );
  }
  if (report.targets.length > 0 && report.targets.every(t => t.mode === 'consistency')) {
    lines.push(
      `Checking ${report.targets.length} module${report.targets.length === 1 ? '' : 's'} for consistency`
    );
  }
  return lines;
}

/**
 * `path:line:col`, the path relative to the current directory. A finding about the tag or version has no
 * file: it is shown at the go.mod of the module it gates (as SARIF places it), without a line.
 */
function placer(report: Report, options: TextOptions): (f: Finding) => string {
  const show = (file: string) => {
    if (options.root === undefined || options.cwd === undefined) return file;
    const rel = relative(options.cwd, join(options.root, file));
    return sep === '/' ? rel : rel.split(sep).join('/');
  };
  return f => {
    if (f.file === null) {
      const dir = f.moduleDir ?? report.targets.find(t => t.dir !== null)?.dir ?? report.modules[0]?.dir;
      return dir === undefined ? TOOL_NAME : show(dir === '.' ? 'go.mod' : `${dir}/go.mod`);
    }
    if (f.line === null) return show(f.file);
    return `${show(f.file)}:${f.line}${f.column !== undefined ? `:${f.column}` : ''}`;
  };
}

/** One line per rule: `  stale-self-import: 2 errors, 1 warning`, rules in order of first finding. */
function ruleTally(findings: readonly Finding[]): string[] {
  const byRule = new Map<string, Finding[]>();
  for (const f of findings) byRule.set(f.rule, [...(byRule.get(f.rule) ?? []), f]);
  const width = Math.max(0, ...[...byRule.keys()].map(r => r.length));
  return [...byRule].map(([rule, inRule]) => `  ${`${rule}:`.padEnd(width + 1)} ${tallyOf(inRule)}`);
}

/** As gorelease prints it; a module in a subdirectory also gets its prefixed tag. */
function suggestedLines(targets: readonly TargetSummary[]): string[] {
  const withSuggestion = targets.filter(t => t.suggested);
  return withSuggestion.map(t => {
    const prefix = t.dir === null ? '' : tagPrefixOf(t.dir);
    const tag = prefix ? ` (tag ${prefix}${t.suggested})` : '';
    const whose = withSuggestion.length > 1 && t.module ? ` for ${t.module}` : '';
    return `Suggested version${whose}: ${t.suggested}${tag}`;
  });
}

/** Per gated module with fixable findings, the fix command that applies them (as the action's patch does). */
function fixLines(report: Report, checkedDir: string | undefined): string[] {
  const lines: string[] = [];
  const single = report.targets.length === 1;
  for (const t of report.targets) {
    if (t.dir === null || t.module === null) continue;
    const fixable = report.findings.filter(f => f.fix && (f.moduleDir === t.dir || single)).length;
    if (fixable === 0) continue;
    const digits = t.version
      ? majorDigits(t.version)
      : String(report.modules.find(m => m.dir === t.dir)?.major ?? '');
    const major = Math.max(1, Number(digits));
    if (!Number.isSafeInteger(major)) continue;
    const args = [
      ...(checkedDir && checkedDir !== '.' ? [shellWord(checkedDir)] : []),
      `--major ${major}`,
      ...(t.dir !== '.' ? [`--module ${shellWord(t.dir)}`] : [])
    ];
    lines.push(
      `${fixable} finding${fixable === 1 ? '' : 's'} can be fixed: ${TOOL_NAME} fix ${args.join(' ')}`
    );
  }
  return lines;
}

function shellWord(s: string): string {
  return /^[A-Za-z0-9_./@%+=:,-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

function tallyOf(findings: readonly Finding[]): string {
  return SEVERITIES.map(s => [s, findings.filter(f => f.severity === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => plural(n, s))
    .join(', ');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function verdict(report: Report, paint: Paint): string {
  const count = (severity: Severity) => report.findings.filter(f => f.severity === severity).length;
  const tally = `${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}`;
  const scope = `${plural(report.modules.length, 'module')}, ${plural(report.stats.files, 'file')}, ${report.stats.ms} ms`;
  switch (report.conclusion) {
    case 'failure':
      return paint(COLORS.error, `FAIL: ${tally} (${scope})`);
    case 'neutral':
      return paint(COLORS.warning, `PASS with warnings: ${tally} (${scope})`);
    default:
      return `PASS: no findings (${scope})`;
  }
}

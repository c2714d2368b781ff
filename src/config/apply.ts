// What a configuration file does to the findings: excludes, severity overrides and accepted findings,
// never lowering what the go command itself would reject for the version gated. Pure.
import picomatch from 'picomatch';
import type { Finding, RuleId } from '../types.js';
import type { AcceptEntry, Config } from './parse.js';

export interface ConfigOutcome {
  findings: Finding[];
  /** Findings turned into notices by an accept entry. */
  accepted: number;
  /** Findings left out by an exclude glob or a rule set to off. */
  excluded: number;
}

/** What the go command rejects for the version gated, in the modules gated: no config may lower it. */
const REJECTED_BY_GO: ReadonlySet<RuleId> = new Set([
  'tag-invalid',
  'module-path-major',
  'module-path-invalid'
]);

/**
 * Whether a finding is one the go command itself would reject for the version gated:
 * an invalid tag, the gated module's path not fitting the version, and its stale self-imports.
 */
export function rejectedByGo(finding: Finding, gatedModuleDirs: ReadonlySet<string>): boolean {
  if (finding.rule === 'tag-invalid') return true;
  const inGated = finding.moduleDir !== undefined && gatedModuleDirs.has(finding.moduleDir);
  if (REJECTED_BY_GO.has(finding.rule)) return inGated;
  return finding.rule === 'stale-self-import' && finding.severity === 'error' && inGated;
}

type Matcher = (path: string) => boolean;

const globMatcher = (glob: string): Matcher => picomatch(glob, { dot: true });

/**
 * Applies `config` to `findings`. `gatedModuleDirs` are the modules whose version is gated (a release
 * or a major bump): there, what the go command rejects stays as it is, and the config entry that tried
 * is itself reported (config-refused), as is every accept entry that matched nothing (accept-unmatched).
 */
export function applyConfig(
  findings: readonly Finding[],
  config: Config,
  gatedModuleDirs: ReadonlySet<string>
): ConfigOutcome {
  const excludes = config.exclude.map(e => ({ ...e, match: globMatcher(e.value) }));
  const accepts = config.accept.map(entry => ({ entry, match: acceptMatcher(entry), used: false }));
  const refused = new Map<number, string>(); // config line -> what was refused
  const refuse = (line: number, what: string) => refused.set(line, what);
  const kept: Finding[] = [];
  let accepted = 0;
  let excluded = 0;
  for (const finding of findings) {
    const locked = rejectedByGo(finding, gatedModuleDirs);
    const exclude = excludes.find(e => excludedBy(finding, e.match));
    if (exclude && !locked) {
      excluded++;
      continue;
    }
    if (exclude) refuse(exclude.line, `exclude ${exclude.value} cannot leave out ${finding.rule}`);
    const level = config.rules.get(finding.rule);
    if (level && locked && level.value !== 'error') {
      refuse(level.line, `${finding.rule}: ${level.value} cannot lower it`);
    } else if (level?.value === 'off') {
      excluded++;
      continue;
    }
    const severity = level && !locked && level.value !== 'off' ? level.value : finding.severity;
    const accept = accepts.find(a => a.match(finding));
    if (accept && locked) {
      accept.used = true;
      refuse(accept.entry.line, `accept of ${finding.rule} cannot accept it`);
    } else if (accept) {
      accept.used = true;
      accepted++;
      kept.push({
        ...finding,
        severity: 'notice',
        message: `${finding.message} (accepted: ${accept.entry.reason})`,
        accepted: accept.entry.reason
      });
      continue;
    }
    kept.push(severity === finding.severity ? finding : { ...finding, severity });
  }
  const about = (line: number): Pick<Finding, 'file' | 'line'> => ({ file: config.file, line });
  for (const [line, what] of [...refused].sort(([a], [b]) => a - b))
    kept.push({
      rule: 'config-refused',
      severity: 'warning',
      ...about(line),
      message: `${what}: the go command itself rejects this for the version gated, so the configuration cannot turn it off; fix the finding, or remove this entry`
    });
  for (const { entry, used } of accepts)
    if (!used)
      kept.push({
        rule: 'accept-unmatched',
        severity: 'warning',
        ...about(entry.line),
        message: `this accept entry (${describeEntry(entry)}) matched no finding: remove it, or correct its ${entry.symbol ? 'symbol' : entry.path ? 'path' : 'rule'}`
      });
  // The findings about the config itself honour its own levels (accept-unmatched: off).
  const own = (f: Finding) => config.rules.get(f.rule)?.value ?? f.severity;
  const result = kept.flatMap(f => {
    if (f.rule !== 'config-refused' && f.rule !== 'accept-unmatched') return [f];
    const level = own(f);
    return level === 'off' ? [] : [{ ...f, severity: level }];
  });
  return { findings: result, accepted, excluded };
}

function excludedBy(finding: Finding, match: Matcher): boolean {
  if (finding.file !== null && match(finding.file)) return true;
  return finding.moduleDir !== undefined && finding.moduleDir !== '.' && match(finding.moduleDir);
}

function acceptMatcher(entry: AcceptEntry): (finding: Finding) => boolean {
  const path = entry.path !== undefined ? globMatcher(entry.path) : undefined;
  return finding =>
    finding.rule === entry.rule &&
    (entry.symbol === undefined || namesSymbol(finding, entry.symbol)) &&
    (path === undefined || (finding.file !== null && path(finding.file))) &&
    (entry.module === undefined || finding.module === entry.module);
}

/** A breaking-change finding names its symbol first (`log.Debug: removed`), or in `symbol`. */
function namesSymbol(finding: Finding, symbol: string): boolean {
  return finding.symbol === symbol || finding.message.startsWith(`${symbol}: `);
}

function describeEntry(entry: AcceptEntry): string {
  const parts = [`rule ${entry.rule}`];
  if (entry.symbol) parts.push(`symbol ${entry.symbol}`);
  if (entry.path) parts.push(`path ${entry.path}`);
  if (entry.module) parts.push(`module ${entry.module}`);
  return parts.join(', ');
}

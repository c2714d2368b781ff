// Only new findings on a pull request: a finding that also exists at the merge base is pre-existing.
// Findings are matched by rule, module, file and message with its locations blanked, never by line
// number, which moves when lines are added above. Pure.
import type { Finding, RuleId } from '../types.js';

/** The identity of a finding across two versions of a tree. */
export function fingerprint(finding: Finding): string {
  return [finding.rule, finding.module ?? '', finding.file ?? '', normalizeMessage(finding.message)].join(
    '\u0000'
  );
}

/** A message with its `file:line[:col]` and `line N` locations blanked. */
export function normalizeMessage(message: string): string {
  return message.replace(/:\d+(?::\d+)?\b/g, ':#').replace(/\bline \d+\b/g, 'line #');
}

export interface NewAndOld {
  /** Findings the merge base does not have. */
  added: Finding[];
  /** Findings the merge base has too, by rule. */
  preExisting: Finding[];
}

/**
 * Splits a pull request's findings into new and pre-existing. Each base finding accounts for one
 * head finding with its fingerprint, so a second copy of a pre-existing finding is new.
 */
export function splitPreExisting(head: readonly Finding[], base: readonly Finding[]): NewAndOld {
  const remaining = new Map<string, number>();
  for (const f of base) remaining.set(fingerprint(f), (remaining.get(fingerprint(f)) ?? 0) + 1);
  const added: Finding[] = [];
  const preExisting: Finding[] = [];
  for (const f of head) {
    const key = fingerprint(f);
    const left = remaining.get(key) ?? 0;
    if (left > 0) {
      remaining.set(key, left - 1);
      preExisting.push(f);
    } else added.push(f);
  }
  return { added, preExisting };
}

/** How many findings of each rule, in rule order of first appearance. */
export function countByRule(findings: readonly Finding[]): Map<RuleId, number> {
  const counts = new Map<RuleId, number>();
  for (const f of findings) counts.set(f.rule, (counts.get(f.rule) ?? 0) + 1);
  return counts;
}

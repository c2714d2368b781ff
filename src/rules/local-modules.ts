// Local modules (tools, tests, examples, fixtures) in consistency and pull-request checks: one notice
// each instead of the findings of a published module (issue 15).
import { localModuleReason } from '../go/module/local.js';
import { releasesWithPrefix, tagPrefixOf, type Module } from '../go/module/layout.js';
import type { Finding, RuleId } from '../types.js';
import { makeFinding, moduleLinePlace, type RuleContext } from './context.js';

/** The rules that say a path cannot be fetched from here; the notice takes the id of the first found. */
const IDENTITY_RULES: readonly RuleId[] = [
  'module-path-invalid',
  'module-path-repository',
  'module-location'
];

/**
 * The findings with those of each local module replaced by at most one notice. A module is local
 * when its path cannot be fetched from its directory and it has no tag (go/module/local.ts), and only
 * where it is checked for consistency: gating a version of it (a tag, --version, a major bump)
 * holds it to every rule.
 */
export function applyLocalModules(findings: Finding[], ctx: RuleContext): Finding[] {
  const local = new Map<string, { module: Module; reason: string }>();
  for (const target of ctx.targets) {
    if (target.mode !== 'consistency' || !target.module) continue;
    const { module } = target;
    const tagged = releasesWithPrefix(ctx.snapshot.tags, tagPrefixOf(module.dir)).length > 0;
    const reason = localModuleReason(module, tagged, ctx.snapshot.repository);
    if (reason) local.set(module.dir, { module, reason });
  }
  if (local.size === 0) return findings;
  // The rule that found each local module's path; a module none of them reported keeps its findings.
  const ruleOf = new Map<string, RuleId>();
  for (const f of findings) {
    const rank = IDENTITY_RULES.indexOf(f.rule);
    if (rank < 0 || f.moduleDir === undefined || !local.has(f.moduleDir)) continue;
    const current = ruleOf.get(f.moduleDir);
    if (current === undefined || rank < IDENTITY_RULES.indexOf(current)) ruleOf.set(f.moduleDir, f.rule);
  }
  const kept = findings.filter(f => f.moduleDir === undefined || !ruleOf.has(f.moduleDir));
  for (const [dir, rule] of ruleOf) {
    const { module, reason } = local.get(dir)!;
    kept.push(makeFinding(rule, 'notice', moduleLinePlace(module), noticeMessage(module, reason), module));
  }
  return kept;
}

function noticeMessage(module: Module, reason: string): string {
  const tag = `${tagPrefixOf(module.dir)}v0.1.0`;
  return `"${module.path}" (${module.goModFile}) is a local module, not published from here: ${reason}, and no tag releases it; as a tool, test, example or fixture it is not held to the rules of published modules until a tag for it is gated (--tag ${tag})`;
}

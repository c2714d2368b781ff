import {
  isDirectoryReplace,
  judgeDirectoryReplace,
  type DirectoryReplaceVerdict
} from '../go/module/replaces.js';
import type { Module } from '../go/module/layout.js';
import type { Replace } from '../go/module/modfile.js';
import type { Finding, Severity } from '../types.js';
import {
  importsOf,
  makeFinding,
  moduleTargets,
  type Place,
  type Rule,
  type RuleContext,
  type Target
} from './context.js';

/**
 * Consumers ignore replace directives: they fetch the required version. A directory replace is an
 * error on a release when that version cannot be resolved or nobody can check the directory holds it
 * (a warning elsewhere). The multi-module pattern (another module of this repository, replaced by its
 * directory and tagged together) gets one notice per go.mod, or a warning for a version not tagged.
 */
export const localReplace: Rule = {
  id: 'local-replace',
  severity: 'error',
  doc: 'A replace directive that points at a directory whose module version consumers cannot resolve or check (error on a release, warning on a pull request; a notice for modules of this repository tagged together).',
  check(ctx) {
    return moduleTargets(ctx).flatMap(target => checkModule(ctx, target));
  }
};

interface Judged {
  replace: Replace;
  verdict: DirectoryReplaceVerdict;
}

function checkModule(ctx: RuleContext, target: Target & { module: Module }): Finding[] {
  const { module } = target;
  const replaces = module.modFile.replace.filter(isDirectoryReplace);
  if (replaces.length === 0) return [];
  const tagNames = new Set(ctx.snapshot.tags.map(t => t.name));
  const imports = [...importsOf(ctx, module).keys()];
  const judged: Judged[] = replaces.map(replace => ({
    replace,
    verdict: judgeDirectoryReplace(module, replace, ctx.modules, tagNames, imports)
  }));
  const release = target.mode === 'release';
  const findings: Finding[] = [];
  for (const { replace, verdict } of judged) {
    const problem = problemOf(replace, verdict);
    if (problem)
      findings.push(
        makeFinding('local-replace', release ? 'error' : 'warning', placeOf(module, replace), problem, module)
      );
  }
  const siblings = judged.filter(
    (j): j is Judged & { verdict: Extract<DirectoryReplaceVerdict, { kind: 'sibling' }> } =>
      j.verdict.kind === 'sibling'
  );
  if (siblings.length > 0) findings.push(siblingFinding(module, siblings, release));
  return findings;
}

function placeOf(module: Module, r: Replace): Place {
  return { file: module.goModFile, line: r.line, column: r.span.start.column };
}

function spell(r: Replace): string {
  return `replace ${r.oldPath}${r.oldVersion ? ` ${r.oldVersion}` : ''} => ${r.newPath}`;
}

const CONSUMERS = 'consumers of the release ignore replace directives';

/** The message of a replace that breaks consumers, or undefined when it is harmless. */
function problemOf(r: Replace, verdict: DirectoryReplaceVerdict): string | undefined {
  switch (verdict.kind) {
    case 'no-effect':
    case 'sibling':
      return undefined;
    case 'placeholder':
      return `${spell(r)} stands in for ${r.oldPath} ${verdict.require.version}, a placeholder version that exists nowhere: ${CONSUMERS}, so they cannot resolve it; require a published version of ${r.oldPath} (or use a go.work file for local development)`;
    case 'unrequired-import':
      return `${spell(r)} provides "${verdict.importPath}", which no require line provides: ${CONSUMERS}, so their build cannot find the package; require a published version of ${r.oldPath}`;
    case 'outside':
      return `${spell(r)} points at a directory outside the repository: ${CONSUMERS} and fetch ${r.oldPath} ${verdict.require.version}, and nobody can check that it holds what this directory holds; require a published version and remove the replace (or use a go.work file for local development)`;
    case 'not-a-module-here':
      return `${spell(r)} points at ${verdict.dir === '.' ? 'the repository root' : `${verdict.dir}/`}, which ${verdict.declared ? `declares "${verdict.declared}"` : 'holds no go.mod'}, not ${r.oldPath}: ${CONSUMERS} and fetch ${r.oldPath} ${verdict.require.version}, which need not hold what the directory holds; require a published version and remove the replace`;
  }
}

/** One finding per go.mod for the replaces of modules of this repository. */
function siblingFinding(
  module: Module,
  siblings: (Judged & { verdict: Extract<DirectoryReplaceVerdict, { kind: 'sibling' }> })[],
  release: boolean
): Finding {
  const untagged = siblings.filter(s => !s.verdict.tagged);
  const first = untagged[0] ?? siblings[0];
  const required = siblings.map(s => `${s.replace.oldPath} ${s.verdict.require.version}`).join(', ');
  const what =
    siblings.length === 1
      ? `${spell(siblings[0].replace)} points at the directory of a module of this repository: ${CONSUMERS} and fetch ${required}`
      : `${siblings.length} replace directives point at directories of modules of this repository: ${CONSUMERS} and fetch ${required}`;
  const severity: Severity = release && untagged.length > 0 ? 'warning' : 'notice';
  const message =
    untagged.length > 0
      ? `${what}, and ${untagged.map(s => s.verdict.tag).join(', ')} ${untagged.length === 1 ? 'is' : 'are'} not tagged: tag ${untagged.map(s => s.verdict.tag).join(', ')} together with ${release ? 'this' : 'the next'} release`
      : `${what}, all tagged: release the modules together, at one commit, as now`;
  return makeFinding('local-replace', severity, placeOf(module, first.replace), message, module);
}

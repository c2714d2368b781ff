import { referenceFinder, type Reference, type ReferenceContext } from '../go/module/references.js';
import type { Finding } from '../types.js';
import { makeFinding, moduleTargets, quote, type Rule } from './context.js';

/**
 * Files other than Go imports that name an older major's path of a checked module: a .proto
 * `go_package`, buf's go_package settings, `go get`/`go install` lines, import lines in Markdown code
 * fences, pkg.go.dev, godoc.org and godocs.io links, `-X` linker flags and go command arguments in build files, //go:generate
 * lines (src/go/module/references.ts says exactly where). Users of the new major who follow them get the old
 * one, or a build that stamps a variable that no longer exists. A path that belongs to another module
 * of the repository is never stale.
 */
export const staleReference: Rule = {
  id: 'stale-reference',
  severity: 'warning',
  doc: "A non-Go file (or a //go:generate line) names an older major's path of the module: .proto go_package, buf, docs, ldflags, go commands.",
  check(ctx) {
    const lines = ctx.snapshot.referenceLines;
    if (!lines || lines.size === 0) return [];
    const checked = new Set(moduleTargets(ctx).map(t => t.module));
    if (checked.size === 0) return [];
    const find = referenceFinder(ctx.modules);
    const findings: Finding[] = [];
    for (const [file, found] of lines) {
      for (const ref of find(file, found, ctx.snapshot.referenceDocuments?.get(file))) {
        if (!checked.has(ref.module)) continue;
        findings.push(
          makeFinding(
            'stale-reference',
            'warning',
            { file, line: ref.line, column: ref.column, endLine: ref.line, endColumn: ref.endColumn },
            message(ref),
            ref.module,
            { fix: { replacement: ref.corrected } }
          )
        );
      }
    }
    return findings;
  }
};

const WHERE: Record<ReferenceContext, string> = {
  go_package: 'in the go_package option',
  buf: 'in the buf go_package configuration',
  'go-command': 'in a go command',
  ldflags: 'in an -X linker flag',
  import: 'in an import in a code fence',
  'pkg.go.dev': 'in a documentation link (pkg.go.dev, godoc.org, godocs.io)',
  'go:generate': 'in a //go:generate command'
};

function message(ref: Reference): string {
  const which = ref.major === '' ? 'the v0/v1 path' : `major v${ref.major}`;
  return `${quote(ref.stale)} ${WHERE[ref.context]} refers to ${which} of this module, not to ${quote(ref.module.path as string)}: write ${quote(ref.corrected)}`;
}

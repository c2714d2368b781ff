// The JSON report of DESIGN.md §4: a public contract, so fields are picked explicitly.
import type { Report } from '../analyze.js';
import type { Finding } from '../types.js';

export function findingToJson(f: Finding): Record<string, unknown> {
  const out: Record<string, unknown> = { rule: f.rule, severity: f.severity, file: f.file, line: f.line };
  if (f.column !== undefined) out.column = f.column;
  if (f.endLine !== undefined) out.endLine = f.endLine;
  if (f.endColumn !== undefined) out.endColumn = f.endColumn;
  if (f.module !== undefined) out.module = f.module;
  out.message = f.message;
  if (f.fix) out.fix = { replacement: f.fix.replacement };
  if (f.new !== undefined) out.new = f.new;
  if (f.symbol !== undefined) out.symbol = f.symbol;
  if (f.accepted !== undefined) out.accepted = f.accepted;
  return out;
}

export function reportToJson(report: Report): Record<string, unknown> {
  return {
    tool: report.tool,
    targets: report.targets,
    modules: report.modules,
    findings: report.findings.map(findingToJson),
    conclusion: report.conclusion,
    stats: report.stats,
    ...(report.config ? { config: report.config } : {}),
    ...(report.preExisting ? { preExisting: report.preExisting } : {})
  };
}

export function formatJson(report: Report): string {
  return `${JSON.stringify(reportToJson(report), null, 2)}\n`;
}

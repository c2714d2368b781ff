// Human-readable output for a terminal: findings grouped by module and file, then a one-line verdict.
import type { Report } from '../analyze.js';
import { groupBy } from '../collections.js';
import type { Finding } from '../types.js';

export interface TextOptions {
  color?: boolean;
}

const COLORS = {
  error: '\u001b[31m',
  warning: '\u001b[33m',
  notice: '\u001b[36m',
  bold: '\u001b[1m',
  reset: '\u001b[0m'
};

export function formatText(report: Report, options: TextOptions = {}): string {
  const paint = (code: string, s: string) => (options.color ? `${code}${s}${COLORS.reset}` : s);
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
  for (const [group, findings] of groupBy(report.findings, f => f.module ?? '')) {
    lines.push('', paint(COLORS.bold, group || 'Tag and version'));
    for (const [file, inFile] of groupBy(findings, f => f.file ?? '')) {
      if (file) lines.push(`  ${file}`);
      for (const f of inFile) {
        const where = f.line === null ? '' : `${f.line}${f.column ? `:${f.column}` : ''}`;
        const severity = paint(COLORS[f.severity], f.severity.padEnd(7));
        lines.push(
          `${file ? '    ' : '  '}${where ? `${where.padEnd(7)} ` : ''}${severity} ${f.rule}: ${f.message}`
        );
      }
    }
  }
  lines.push('', verdict(report, paint));
  return `${lines.join('\n')}\n`;
}

function verdict(report: Report, paint: (code: string, s: string) => string): string {
  const count = (severity: Finding['severity']) =>
    report.findings.filter(f => f.severity === severity).length;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
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

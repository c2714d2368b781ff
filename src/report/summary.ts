// The job summary (HTML, research/actions-ecosystem.md §3) and the check run's title and summary
// (Markdown, §2.2). Both are capped well below GitHub's limits and say what they left out.
// Every value from the repository or the engine is escaped: @actions/core escapes nothing.
import type { Report, TargetSummary } from '../analyze.js';
import type { Conclusion, Finding, Severity } from '../types.js';
import { byImportance } from './annotations.js';
import { foldRepeated } from './text.js';

export interface SummaryContext {
  /** The workflow run, which holds the job summary and the annotations. */
  checkRunUrl?: string;
  /** Where each finding's line is shown: `SERVER/OWNER/REPO/blob/COMMIT/PATH#LLINE`. */
  blob?: { serverUrl: string; repository: string; commit: string };
  /** How many files the fix patch in the `patch` output changes; 0 or absent: no patch. */
  patchFiles?: number;
}

/**
 * The report files live on the runner and nothing uploads them: the summaries name the step outputs
 * that hold them and the step that keeps them.
 */
const UPLOAD_STEP = [
  '- uses: actions/upload-artifact@v4',
  '  with:',
  '    name: go-major-gate-report',
  '    path: ${{ steps.gate.outputs.report }} # id: gate on the go-major-gate step'
].join('\n');

/** Half of GitHub's 1 MiB per step: the rest of the step may write to the summary too. */
const JOB_SUMMARY_BUDGET_BYTES = 512 * 1024;
/** More findings than this is no longer a page people read; the full list is in the report. */
const JOB_SUMMARY_MAX_DETAILS = 1000;
/** GitHub allows 65,535 characters; string length counts UTF-16 units, never fewer than characters. */
const CHECK_RUN_SUMMARY_BUDGET_CHARS = 60_000;
/** Room kept for closing tags and the "left out" note once the budget stops the details. */
const RESERVE = 4096;

const ICON: Record<Conclusion, string> = { success: '✅', neutral: '⚠️', failure: '❌' };
const SEVERITIES: readonly Severity[] = ['error', 'warning', 'notice'];
const MODE_TEXT: Record<TargetSummary['mode'], string> = {
  release: 'release',
  'major-bump': 'major bump',
  consistency: 'consistency check'
};

const HTML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;'
};

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, ch => HTML_ENTITIES[ch]);
}

/** Plain text inside Markdown: no HTML, no emphasis, links, code or table cells. */
function escapeMarkdown(s: string): string {
  return s
    .replace(/\r?\n/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]|~]/g, ch => `\\${ch}`);
}

/** HTML text on one visual line break per newline, so that no blank line ends GitHub's HTML block. */
function text(s: string): string {
  return escapeHtml(s).replace(/\r?\n/g, '<br>');
}

export function buildJobSummary(report: Report, context: SummaryContext): string {
  const out: string[] = [];
  let used = 0;
  const fits = (html: string) => used + byteLength(html) + RESERVE <= JOB_SUMMARY_BUDGET_BYTES;
  const add = (html: string) => {
    out.push(html);
    used += byteLength(html) + 1;
  };
  add(`<h2>${ICON[report.conclusion]} ${text(verdictTitle(report))}</h2>`);
  const { shown: sectionsShown, quiet } = splitQuiet(sectionsOf(report));
  let shown = 0;
  for (const section of sectionsShown) {
    const head = sectionHeadHtml(section);
    if (!fits(head)) break;
    add(head);
    const items: string[] = [];
    // Identical messages are folded: "and 23 more like this" (they still count as shown).
    const lines = foldRepeated(
      section.findings,
      f => `<li>${findingHtml(f, context)}</li>`,
      (count, f) => `<li>… and ${count} more like this (<code>${text(f.rule)}</code>)</li>`
    );
    const folded = section.findings.length - lines.length;
    for (const item of lines) {
      if (shown >= JOB_SUMMARY_MAX_DETAILS || !fits(item)) break;
      items.push(item);
      used += byteLength(item) + 1;
      shown++;
    }
    if (items.length === lines.length) shown += folded;
    if (items.length > 0)
      out.push(`<details open><summary>Findings</summary>`, '<ul>', ...items, '</ul></details>');
  }
  if (quiet.length > 0) add(`<p>✅ ${quietLine(quiet, sectionsShown)}.</p>`);
  for (const line of filterLines(report))
    add(
      line.details
        ? `<details><summary>${text(line.text)}</summary><ul>${line.details.map(d => `<li>${text(d)}</li>`).join('')}</ul></details>`
        : `<p>${text(line.text)}.</p>`
    );
  const added = newCount(report.findings);
  if (added > 0) add(`<p>${text(newLine(added))}</p>`);
  if (context.patchFiles) add(`<p>${patchLineHtml(context.patchFiles)}</p>`);
  const omitted = report.findings.length - shown;
  if (omitted > 0) {
    add(`<p><b>${plural(omitted, 'finding')} left out of this summary</b>: see ${whereHtml()}.</p>`);
    add(`<pre><code>${text(UPLOAD_STEP).replace(/<br>/g, '\n')}</code></pre>`);
  }
  return `${out.join('\n')}\n`;
}

export function buildCheckRunOutput(
  report: Report,
  context: SummaryContext
): { title: string; summary: string } {
  const out: string[] = [];
  let used = 0;
  const fits = (md: string) => used + md.length + RESERVE <= CHECK_RUN_SUMMARY_BUDGET_CHARS;
  const add = (md: string) => {
    out.push(md);
    used += md.length + 1;
  };
  const { shown: sections, quiet } = splitQuiet(sectionsOf(report));
  for (const section of sections) {
    const line = `- ${targetLineMarkdown(section)}`;
    if (!fits(line)) break;
    add(line);
  }
  if (quiet.length > 0) add(`- ✅ ${quietLine(quiet, sections)}`);
  for (const line of filterLines(report))
    add(
      line.details
        ? `\n<details><summary>${escapeHtml(line.text)}</summary>\n\n${line.details.map(d => `- ${d}`).join('\n')}\n</details>`
        : `\n${escapeMarkdown(line.text)}.`
    );
  if (report.findings.length > 0) add(['', ...ruleTableMarkdown(report.findings)].join('\n'));
  const added = newCount(report.findings);
  if (added > 0) add(`\n${newLine(added)}`);
  if (context.patchFiles) add(`\n${patchLineMarkdown(context.patchFiles)}`);
  if (report.findings.length > 0) add('\n### Findings');
  let shown = 0;
  const sorted = report.findings.slice().sort(byImportance);
  const lines = foldRepeated(
    sorted,
    f => `- ${findingMarkdown(f, context)}`,
    (count, f) => `- … and ${count} more like this (\`${f.rule}\`)`
  );
  for (const line of lines) {
    if (!fits(line)) break;
    add(line);
    shown++;
  }
  if (shown === lines.length) shown = sorted.length;
  if (out.length === 0) add('No Go module found.');
  const omitted = report.findings.length - shown;
  if (omitted > 0) {
    add(`\n**${plural(omitted, 'finding')} left out of this summary**: see ${whereMarkdown(context)}.`);
    add(`\n\`\`\`yaml\n${UPLOAD_STEP}\n\`\`\``);
  }
  return { title: verdictTitle(report), summary: `${out.join('\n')}\n` };
}

/** One line: the tally, then what it means for the release or the consistency check. */
function verdictTitle(report: Report): string {
  const tally = tallyOf(report.findings);
  const gated = report.targets.filter(t => t.mode !== 'consistency');
  if (gated.length === 1) {
    const [target] = gated;
    const name = targetName(target);
    const version = target.version ?? '?';
    const prefix = tally ? `${tally}: ` : '';
    return report.conclusion === 'failure'
      ? `${prefix}${name} cannot be released as ${version}`
      : `${prefix}${name} ${version} can be released`;
  }
  if (gated.length > 1) {
    const prefix = tally ? `${tally}: ` : '';
    return report.conclusion === 'failure'
      ? `${prefix}not every one of ${gated.length} new majors can be released`
      : `${prefix}${gated.length} new majors can be released`;
  }
  if (report.targets.length === 0) return tally ? `${tally}: no Go module found` : 'No Go module found';
  const subject =
    report.targets.length === 1 ? targetName(report.targets[0]) : `${report.targets.length} modules`;
  if (!tally) return `${subject} ${report.targets.length === 1 ? 'is' : 'are'} consistent`;
  return `${tally} in the consistency check of ${subject}`;
}

interface Section {
  /** null: findings that belong to none of several targets. */
  target: TargetSummary | null;
  findings: Finding[];
}

/** Findings go to the target of their module; with a single target, everything concerns it. */
function sectionsOf(report: Report): Section[] {
  const sections = report.targets.map(target => ({ target, findings: [] as Finding[] }));
  const byDir = new Map(sections.filter(s => s.target.dir !== null).map(s => [s.target.dir, s]));
  const other: Finding[] = [];
  for (const f of report.findings) {
    const section = byDir.get(f.moduleDir ?? null) ?? (sections.length === 1 ? sections[0] : undefined);
    (section ? section.findings : other).push(f);
  }
  const all: Section[] = other.length > 0 ? [...sections, { target: null, findings: other }] : sections;
  for (const s of all) s.findings.sort(byImportance);
  // The module gated first, then modules with errors, then with warnings; the order is stable otherwise.
  const rank = (s: Section) =>
    s.target !== null && s.target.mode !== 'consistency'
      ? 0
      : s.findings.some(f => f.severity === 'error')
        ? 1
        : s.findings.some(f => f.severity === 'warning')
          ? 2
          : 3;
  return all
    .map((s, i) => ({ s, i }))
    .sort((a, b) => rank(a.s) - rank(b.s) || a.i - b.i)
    .map(({ s }) => s);
}

/**
 * Modules merely checked for consistency with nothing above a notice are counted in one line, not
 * listed: monorepos have hundreds.
 */
function splitQuiet(sections: Section[]): { shown: Section[]; quiet: Section[] } {
  const isQuiet = (s: Section) =>
    s.target?.mode === 'consistency' && s.findings.every(f => f.severity === 'notice');
  return { shown: sections.filter(s => !isQuiet(s)), quiet: sections.filter(isQuiet) };
}

function quietLine(quiet: readonly Section[], shown: readonly Section[]): string {
  const notices = quiet.reduce((n, s) => n + s.findings.length, 0);
  return `${plural(quiet.length, shown.length > 0 ? 'other module' : 'module')} checked for consistency: ${notices > 0 ? `nothing above a notice (${plural(notices, 'notice')})` : 'no findings'}`;
}

/**
 * What the filters did: the configuration's accepted and excluded findings, breaking changes a label
 * allowed, findings the merge base has too.
 */
function filterLines(report: Report): { text: string; details?: string[] }[] {
  const lines: { text: string; details?: string[] }[] = [];
  if (report.config && (report.config.accepted > 0 || report.config.excluded > 0))
    lines.push({
      text: `The configuration ${report.config.file} accepted ${plural(report.config.accepted, 'finding')} (notices that quote its reasons) and excluded ${report.config.excluded}`
    });
  if (report.allowedBreaking && report.allowedBreaking.count > 0)
    lines.push({
      text: `The label "${report.allowedBreaking.label}" allowed ${plural(report.allowedBreaking.count, 'breaking change')}: they are listed as notices`
    });
  if (report.preExisting && report.preExisting.count > 0)
    lines.push({
      text: `${plural(report.preExisting.count, 'pre-existing finding')} left out (the merge base has them too)`,
      details: Object.entries(report.preExisting.byRule).map(([rule, n]) => `${rule}: ${n}`)
    });
  return lines;
}

function sectionHeadHtml({ target, findings }: Section): string {
  const lines = [`<h3>${target ? text(targetName(target)) : 'Other findings'}</h3>`];
  const verdict = `${ICON[verdictOf(findings)]} ${text(tallyOf(findings) || 'no findings')}`;
  lines.push(`<p>${target ? `${targetFactsHtml(target)}: ` : ''}${verdict}</p>`);
  if (findings.length > 0) {
    const rows = countByRule(findings).map(
      ({ rule, severity, count }) =>
        `<tr><td><code>${text(rule)}</code></td><td>${severity}</td><td>${count}</td></tr>`
    );
    lines.push(`<table><tr><th>Rule</th><th>Severity</th><th>Findings</th></tr>${rows.join('')}</table>`);
  }
  return lines.join('\n');
}

function targetFactsHtml(t: TargetSummary): string {
  const facts: string[] = [];
  if (t.version !== null) facts.push(text(t.version));
  if (t.tag !== null && t.tag !== t.version) facts.push(`tag <code>${text(t.tag)}</code>`);
  facts.push(MODE_TEXT[t.mode]);
  if (t.dir !== null) facts.push(`in <code>${text(t.dir)}</code>`);
  if (t.suggested) facts.push(`suggested next version <code>${text(t.suggested)}</code>`);
  return facts.join(', ');
}

function targetLineMarkdown({ target, findings }: Section): string {
  const verdict = `${ICON[verdictOf(findings)]} `;
  const counts = tallyOf(findings) || 'no findings';
  if (!target) return `${verdict}other findings: ${counts}`;
  const facts = [
    target.version,
    target.tag !== target.version ? `tag ${target.tag}` : null,
    MODE_TEXT[target.mode],
    target.suggested ? `suggested next version ${target.suggested}` : null
  ]
    .filter((s): s is string => s !== null)
    .map(escapeMarkdown);
  return `${verdict}**${escapeMarkdown(targetName(target))}** (${facts.join(', ')}): ${counts}`;
}

function ruleTableMarkdown(findings: readonly Finding[]): string[] {
  return [
    '| Rule | Severity | Findings |',
    '| --- | --- | --- |',
    ...countByRule(findings).map(({ rule, severity, count }) => `| \`${rule}\` | ${severity} | ${count} |`)
  ];
}

function findingHtml(f: Finding, context: SummaryContext): string {
  const url = blobUrl(f, context);
  const place = `<code>${text(placeOf(f))}</code>`;
  const where = url ? `<a href="${escapeHtml(url)}">${place}</a>` : place;
  const isNew = f.new === true ? ' <b>new</b>' : '';
  return `${where} ${f.severity}${isNew} <code>${text(f.rule)}</code>: ${text(f.message)}`;
}

function findingMarkdown(f: Finding, context: SummaryContext): string {
  const url = blobUrl(f, context);
  const place = escapeMarkdown(placeOf(f));
  const isNew = f.new === true ? ' (new)' : '';
  return `**${f.severity}**${isNew} ${url ? `[${place}](${url})` : place} \`${f.rule}\`: ${escapeMarkdown(f.message)}`;
}

/** The finding's line at the commit checked; each path segment percent-encoded, parentheses too (Markdown). */
function blobUrl(f: Finding, context: SummaryContext): string | undefined {
  if (!context.blob || f.file === null) return undefined;
  const { serverUrl, repository, commit } = context.blob;
  const path = f.file
    .split('/')
    .map(segment => encodeURIComponent(segment).replace(/[()]/g, ch => `%${ch.charCodeAt(0).toString(16)}`))
    .join('/');
  const anchor = f.line !== null ? `#L${f.line}` : '';
  return `${serverUrl.replace(/\/+$/, '')}/${repository}/blob/${commit}/${path}${anchor}`;
}

function newCount(findings: readonly Finding[]): number {
  return findings.filter(f => f.new === true).length;
}

function newLine(n: number): string {
  return `${n === 1 ? '1 finding is' : `${n} findings are`} on lines this pull request added (marked new).`;
}

function patchLineHtml(files: number): string {
  return `A patch that fixes what is fixable (${plural(files, 'file')}) is in the step's <code>patch</code> output: <code>git apply</code> it on the commit checked.`;
}

function patchLineMarkdown(files: number): string {
  return `A patch that fixes what is fixable (${plural(files, 'file')}) is in the step's \`patch\` output: \`git apply\` it on the commit checked.`;
}

function placeOf(f: Finding): string {
  if (f.file === null) return 'tag and version';
  if (f.line === null) return f.file;
  return `${f.file}:${f.line}${f.column !== undefined ? `:${f.column}` : ''}`;
}

function targetName(t: TargetSummary): string {
  if (t.module !== null) return t.module;
  if (t.dir === '.') return 'the repository root';
  return t.tag ?? 'no module';
}

/** The files are on the runner: name the outputs that hold them, never their local path. */
function whereHtml(): string {
  return "the full JSON report in the step's <code>report</code> output (SARIF in <code>sarif</code>), which stays on the runner unless a step uploads it";
}

function whereMarkdown(context: SummaryContext): string {
  const run = context.checkRunUrl ? `[the workflow run](${context.checkRunUrl})` : 'the workflow run';
  return `the job summary of ${run}, and the full JSON report in the step's \`report\` output (SARIF in \`sarif\`), which stays on the runner unless a step uploads it`;
}

interface RuleCount {
  rule: string;
  severity: Severity;
  count: number;
}

/** Per rule and severity (a rule may report both), most severe first, then most frequent. */
function countByRule(findings: readonly Finding[]): RuleCount[] {
  const counts = new Map<string, RuleCount>();
  for (const f of findings) {
    const key = `${f.rule} ${f.severity}`;
    const entry = counts.get(key) ?? { rule: f.rule, severity: f.severity, count: 0 };
    entry.count++;
    counts.set(key, entry);
  }
  return [...counts.values()].sort(
    (a, b) =>
      SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) ||
      b.count - a.count ||
      (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0)
  );
}

function verdictOf(findings: readonly Finding[]): Conclusion {
  if (findings.some(f => f.severity === 'error')) return 'failure';
  if (findings.some(f => f.severity === 'warning')) return 'neutral';
  return 'success';
}

/** "2 errors, 1 warning"; empty when there is nothing. */
function tallyOf(findings: readonly Finding[]): string {
  return SEVERITIES.map(severity => [severity, findings.filter(f => f.severity === severity).length] as const)
    .filter(([, n]) => n > 0)
    .map(([severity, n]) => plural(n, severity))
    .join(', ');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function byteLength(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

// A pull request review whose comments carry GitHub suggested changes (```suggestion blocks) for the
// findings with a fix on lines the pull request added (research/actions-ecosystem.md §4.1, as reviewdog's
// github-pr-review does). Pure: the caller reads the files' text at the head commit and posts the review.
//
// GitHub replaces the commented lines with the block, so a block holds the WHOLE new text of its lines:
// every fix touching those lines applied by its columns (1-based, in characters; endColumn exclusive).
// Findings are grouped so that a line gets one comment; at most 30 comments go in one review (more trips
// GitHub's abuse detection), the rest are listed in the review body.
import type { Finding } from '../types.js';
import { byImportance } from './annotations.js';

/** reviewdog's maxCommentsPerRequest: larger reviews trip "403 You have triggered an abuse detection mechanism". */
export const REVIEW_COMMENTS_PER_REQUEST = 30;
/** Findings listed by name in the review body per section; the rest are counted. */
const BODY_LIST_MAX = 50;
/** GitHub's limit on a review or comment body is 65536 characters; keep a margin. */
const BODY_MAX_CHARS = 60000;

export interface ReviewComment {
  path: string;
  /** The last line of the range (the right side: the head commit). */
  line: number;
  side: 'RIGHT';
  /** The first line, for a suggestion over several lines. */
  start_line?: number;
  start_side?: 'RIGHT';
  body: string;
}

export interface Review {
  body: string;
  comments: ReviewComment[];
  /** Findings whose fix is in a comment. */
  suggested: number;
  /** Findings with a fix on added lines that did not fit in the comments (over the cap). */
  overflow: number;
  /** Findings with a fix that could not be suggested (not on added lines, text unavailable, ...). */
  unsuggested: number;
}

export interface ReviewOptions {
  /** Comments per review; default 30. */
  maxComments?: number;
  /**
   * Whether a line of a file is one the pull request added (a suggestion over several lines needs all of
   * them in the diff). Without it, a finding's own `new` mark is trusted for its whole span.
   */
  isAddedLine?: (path: string, line: number) => boolean;
  /** What the findings left out of the comments can be read in, for the body. */
  seeAlso?: string;
}

/** Findings that could carry a suggestion: a fix, on a line the pull request added. */
export function suggestible(findings: readonly Finding[]): Finding[] {
  return findings.filter(f => f.fix !== undefined && f.new === true && f.file !== null && f.line !== null);
}

/** The files whose text buildReview needs: those of the suggestible findings, sorted. */
export function filesForSuggestions(findings: readonly Finding[]): string[] {
  return [...new Set(suggestible(findings).map(f => f.file as string))].sort();
}

interface Group {
  path: string;
  start: number;
  end: number;
  findings: Finding[];
}

/**
 * Builds the review from the findings and the text of their files at the head commit (`files`: path →
 * content; a missing file means its findings cannot be suggested). Returns undefined when there is
 * nothing to suggest: no empty review.
 */
export function buildReview(
  findings: readonly Finding[],
  files: ReadonlyMap<string, string>,
  options: ReviewOptions = {}
): Review | undefined {
  const max = options.maxComments ?? REVIEW_COMMENTS_PER_REQUEST;
  if (!Number.isInteger(max) || max < 1) throw new RangeError(`maxComments must be ≥ 1, got ${max}`);
  const withFix = findings.filter(f => f.fix !== undefined && f.file !== null && f.line !== null);
  const cache = new Map<string, string[] | undefined>();
  const linesAt = (path: string): string[] | undefined => {
    if (!cache.has(path)) {
      const text = files.get(path);
      cache.set(path, text === undefined ? undefined : linesOf(text));
    }
    return cache.get(path);
  };
  const notSuggested: { finding: Finding; why: string }[] = [];
  const candidates: Finding[] = [];
  for (const f of withFix) {
    const why = unsuggestableReason(f, linesAt(f.file as string), options.isAddedLine);
    if (why) notSuggested.push({ finding: f, why });
    else candidates.push(f);
  }

  const built: { group: Group; comment: ReviewComment; applied: Finding[] }[] = [];
  for (const group of groupByLines(candidates)) {
    const suggestion = applyFixes(linesAt(group.path) as string[], group);
    for (const f of suggestion.skipped)
      notSuggested.push({ finding: f, why: 'its fix overlaps another one' });
    if (suggestion.applied.length === 0) {
      for (const f of group.findings)
        if (!suggestion.skipped.includes(f))
          notSuggested.push({ finding: f, why: 'its fix changes nothing' });
      continue;
    }
    if (options.isAddedLine && !rangeAdded(group, options.isAddedLine)) {
      for (const f of group.findings)
        notSuggested.push({ finding: f, why: 'not all its lines are in the diff' });
      continue;
    }
    built.push({
      group,
      applied: suggestion.applied,
      comment: {
        path: group.path,
        line: group.end,
        side: 'RIGHT',
        ...(group.start < group.end ? { start_line: group.start, start_side: 'RIGHT' as const } : {}),
        body: commentBody(group.findings, suggestion.skipped, suggestion.text)
      }
    });
  }
  if (built.length === 0) return undefined;

  // The most important groups get the comments; the rest are listed in the body.
  built.sort((a, b) => byImportance(mostImportant(a.group), mostImportant(b.group)));
  const commented = built.slice(0, max);
  const overflow = built.slice(max).flatMap(b => b.group.findings);
  const suggested = commented.reduce((n, b) => n + b.applied.length, 0);
  const unsuggested = notSuggested.filter(n => !overflow.includes(n.finding));

  return {
    body: reviewBody({
      comments: commented.length,
      suggested,
      max,
      overflow,
      unsuggested,
      seeAlso: options.seeAlso ?? 'the check run and the job summary'
    }),
    comments: commented.map(b => b.comment),
    suggested,
    overflow: overflow.length,
    unsuggested: unsuggested.length
  };
}

function unsuggestableReason(
  f: Finding,
  lines: readonly string[] | undefined,
  isAddedLine: ReviewOptions['isAddedLine']
): string | undefined {
  if (f.new !== true) return 'not on a line this pull request added';
  const line = f.line as number;
  if (isAddedLine && !isAddedLine(f.file as string, line)) return 'not on a line this pull request added';
  if (f.column === undefined || f.endColumn === undefined) return 'its fix has no columns';
  if (lines === undefined) return 'the file could not be read at the head commit';
  const endLine = f.endLine ?? line;
  if (endLine < line || endLine > lines.length || line < 1) return 'its lines are not in the file';
  if (f.column < 1 || f.column - 1 > length(lines[line - 1])) return 'its columns are not in the line';
  if (f.endColumn < 1 || f.endColumn - 1 > length(lines[endLine - 1]))
    return 'its columns are not in the line';
  if (endLine === line && f.endColumn < f.column) return 'its columns are not in the line';
  return undefined;
}

/** Findings whose line ranges overlap share one comment (one line, one comment). */
function groupByLines(findings: readonly Finding[]): Group[] {
  const sorted = findings
    .map(f => ({ f, path: f.file as string, start: f.line as number, end: f.endLine ?? (f.line as number) }))
    .sort((a, b) => compare(a.path, b.path) || a.start - b.start || a.end - b.end);
  const groups: Group[] = [];
  for (const s of sorted) {
    const last = groups.at(-1);
    if (last && last.path === s.path && s.start <= last.end) {
      last.end = Math.max(last.end, s.end);
      last.findings.push(s.f);
    } else {
      groups.push({ path: s.path, start: s.start, end: s.end, findings: [s.f] });
    }
  }
  return groups;
}

/** The lines' new text: each fix applied by its columns, from the last to the first; overlapping ones skipped. */
function applyFixes(
  lines: readonly string[],
  group: Group
): { text: string; applied: Finding[]; skipped: Finding[] } {
  const original = lines.slice(group.start - 1, group.end);
  // Offsets in code points into the group's lines joined by "\n".
  const starts: number[] = [];
  let offset = 0;
  for (const line of original) {
    starts.push(offset);
    offset += length(line) + 1;
  }
  const at = (line: number, column: number) => starts[line - group.start] + column - 1;
  const edits = group.findings
    .map(f => ({
      f,
      from: at(f.line as number, f.column as number),
      to: at(f.endLine ?? (f.line as number), f.endColumn as number),
      text: (f.fix as { replacement: string }).replacement
    }))
    .sort((a, b) => a.from - b.from || a.to - b.to);

  const applied: typeof edits = [];
  const skipped: Finding[] = [];
  for (const e of edits) {
    const prev = applied.at(-1);
    if (prev && prev.from === e.from && prev.to === e.to && prev.text === e.text) continue; // the same fix twice
    if (prev && e.from < prev.to) skipped.push(e.f);
    else applied.push(e);
  }
  const chars = Array.from(original.join('\n'));
  for (const e of applied.slice().reverse()) chars.splice(e.from, e.to - e.from, ...Array.from(e.text));
  const text = chars.join('');
  const kept = group.findings.filter(f => !skipped.includes(f));
  return { text, applied: text === original.join('\n') ? [] : kept, skipped };
}

function rangeAdded(group: Group, isAddedLine: (path: string, line: number) => boolean): boolean {
  for (let line = group.start; line <= group.end; line++) if (!isAddedLine(group.path, line)) return false;
  return true;
}

/** A fence longer than any run of backticks in the text, and at least three (reviewdog does the same). */
export function fenceFor(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map(run => run.length));
  return '`'.repeat(Math.max(3, longest + 1));
}

export function suggestionBlock(text: string): string {
  const fence = fenceFor(text);
  return `${fence}suggestion\n${text}\n${fence}`;
}

function commentBody(findings: readonly Finding[], skipped: readonly Finding[], text: string): string {
  const described = findings.map(f => {
    const note = skipped.includes(f) ? ' (its fix overlaps another one and is not in the suggestion)' : '';
    return `**${f.rule}** (${f.severity}): ${f.message}${note}`;
  });
  const head = described.length === 1 ? described[0] : described.map(d => `- ${d}`).join('\n');
  return truncate(`${head}\n\n${suggestionBlock(text)}`, BODY_MAX_CHARS, suggestionBlock(text));
}

function reviewBody(parts: {
  comments: number;
  suggested: number;
  max: number;
  overflow: readonly Finding[];
  unsuggested: readonly { finding: Finding; why: string }[];
  seeAlso: string;
}): string {
  const out: string[] = [];
  const s = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  out.push(
    `**go-major-gate** suggests ${s(parts.comments, 'change')} (fixing ${s(parts.suggested, 'finding')}) on lines this pull request added. ` +
      'Each suggestion replaces the commented line(s) with the corrected text: "Commit suggestion" applies it.'
  );
  if (parts.overflow.length > 0) {
    out.push(
      '',
      `${s(parts.overflow.length, 'more finding')} with a fix did not fit (at most ${parts.max} comments per review):`,
      ...listFindings(
        parts.overflow
          .slice()
          .sort(byImportance)
          .map(f => ({ finding: f }))
      )
    );
  }
  if (parts.unsuggested.length > 0) {
    const sorted = parts.unsuggested.slice().sort((a, b) => byImportance(a.finding, b.finding));
    out.push(
      '',
      `${s(parts.unsuggested.length, 'finding')} with a fix could not be suggested here:`,
      ...listFindings(sorted)
    );
  }
  out.push('', `All findings are in ${parts.seeAlso}.`);
  return truncate(out.join('\n'), BODY_MAX_CHARS, '');
}

function listFindings(items: readonly { finding: Finding; why?: string }[]): string[] {
  const lines = items.slice(0, BODY_LIST_MAX).map(({ finding: f, why }) => {
    const where = `${f.file}:${f.line}`;
    const fix = f.fix ? `: replace with \`${f.fix.replacement.replace(/`/g, "'")}\`` : '';
    return `- \`${where}\` ${f.rule}${fix}${why ? ` (${why})` : ''}`;
  });
  if (items.length > BODY_LIST_MAX) lines.push(`- … and ${items.length - BODY_LIST_MAX} more`);
  return lines;
}

function mostImportant(group: Group): Finding {
  return group.findings.slice().sort(byImportance)[0];
}

/** A file's lines without their line terminators (a final newline ends the last line, it opens none). */
function linesOf(text: string): string[] {
  const lines = text.split('\n').map(l => (l.endsWith('\r') ? l.slice(0, -1) : l));
  if (lines.length > 1 && lines.at(-1) === '') lines.pop();
  return lines;
}

/** Length in code points, the unit of a finding's columns. */
function length(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

function truncate(s: string, max: number, keep: string): string {
  if (s.length <= max) return s;
  const room = max - keep.length - 2;
  return `${s.slice(0, Math.max(0, room))}…\n${keep}`.slice(0, max);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

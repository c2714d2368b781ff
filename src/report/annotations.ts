// Findings as GitHub annotations: workflow commands (capped per step, research/actions-ecosystem.md §2.8)
// and Checks API annotation objects (§2.2, §2.3). Pure: the caller prints or posts them.
import type { Finding, Severity } from '../types.js';

export type AnnotationLevel = 'error' | 'warning' | 'notice';

export interface WorkflowAnnotation {
  level: AnnotationLevel;
  message: string;
  properties: {
    title: string;
    file?: string;
    startLine?: number;
    endLine?: number;
    startColumn?: number;
    endColumn?: number;
  };
}

export interface CheckRunAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  start_column?: number;
  end_column?: number;
  annotation_level: 'notice' | 'warning' | 'failure';
  message: string;
  title: string;
  raw_details?: string;
}

/** GitHub keeps 10 annotations per level per step and silently drops the rest. */
export const WORKFLOW_ANNOTATIONS_PER_LEVEL = 10;
/** The Checks API takes at most 50 annotations per request. */
export const CHECK_RUN_ANNOTATIONS_PER_REQUEST = 50;
const CHECK_RUN_TITLE_MAX_CHARS = 255;
/** "64 KB" per message and raw_details; counted in UTF-8 bytes, with a margin. */
const CHECK_RUN_TEXT_MAX_BYTES = 64 * 1000;

const LEVELS: readonly Severity[] = ['error', 'warning', 'notice'];
const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, notice: 2 };

/** Errors first, then findings on lines the pull request added, then by file and line. */
export function byImportance(a: Finding, b: Finding): number {
  return (
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
    Number(b.new === true) - Number(a.new === true) ||
    compareStrings(a.file ?? '', b.file ?? '') ||
    (a.line ?? 0) - (b.line ?? 0) ||
    (a.column ?? 0) - (b.column ?? 0)
  );
}

export function planWorkflowAnnotations(
  findings: readonly Finding[],
  options: { perLevel?: number; seeAlso: string }
): WorkflowAnnotation[] {
  const perLevel = options.perLevel ?? WORKFLOW_ANNOTATIONS_PER_LEVEL;
  if (!Number.isInteger(perLevel) || perLevel < 1)
    throw new RangeError(`perLevel must be ≥ 1, got ${perLevel}`);
  const sorted = findings.slice().sort(byImportance);
  return LEVELS.flatMap(level => {
    const ofLevel = sorted.filter(f => f.severity === level);
    if (ofLevel.length <= perLevel) return ofLevel.map(workflowAnnotation);
    const shown = ofLevel.slice(0, perLevel - 1);
    return [
      ...shown.map(workflowAnnotation),
      overflowAnnotation(level, ofLevel.length - shown.length, options.seeAlso)
    ];
  });
}

function workflowAnnotation(f: Finding): WorkflowAnnotation {
  const properties: WorkflowAnnotation['properties'] = { title: f.rule };
  if (f.file !== null) properties.file = f.file;
  if (f.file !== null && f.line !== null) {
    const endLine = f.endLine ?? f.line;
    properties.startLine = f.line;
    properties.endLine = endLine;
    // GitHub rejects columns on a span of several lines.
    if (endLine === f.line && f.column !== undefined) {
      properties.startColumn = f.column;
      if (f.endColumn !== undefined) properties.endColumn = f.endColumn;
    }
  }
  return { level: f.severity, message: f.message, properties };
}

function overflowAnnotation(level: Severity, more: number, seeAlso: string): WorkflowAnnotation {
  const noun = more === 1 ? level : `${level}s`;
  return {
    level,
    // GitHub's cap is per step, whatever share of it the gate leaves for its own messages.
    message: `${more} more ${noun} not shown here (GitHub shows at most ${WORKFLOW_ANNOTATIONS_PER_LEVEL} ${level} annotations per step): see ${seeAlso}`,
    properties: { title: `${more} more ${noun}` }
  };
}

/** The check run's annotations: module by module, and within each errors first, then by file. */
export function checkRunAnnotations(findings: readonly Finding[]): CheckRunAnnotation[] {
  const ordered = findings
    .slice()
    .sort((a, b) => compareStrings(a.moduleDir ?? '', b.moduleDir ?? '') || byImportance(a, b));
  return ordered.flatMap(f => (f.file === null ? [] : [checkRunAnnotation(f, f.file)]));
}

function checkRunAnnotation(f: Finding, path: string): CheckRunAnnotation {
  // A file finding without a line (rare) still needs a line: the file's first.
  const startLine = f.line ?? 1;
  const endLine = f.line === null ? startLine : (f.endLine ?? startLine);
  const annotation: CheckRunAnnotation = {
    path,
    start_line: startLine,
    end_line: endLine,
    annotation_level: f.severity === 'error' ? 'failure' : f.severity,
    message: truncateBytes(f.message, CHECK_RUN_TEXT_MAX_BYTES),
    title: f.rule.slice(0, CHECK_RUN_TITLE_MAX_CHARS)
  };
  if (f.line !== null && endLine === startLine && f.column !== undefined) {
    annotation.start_column = f.column;
    if (f.endColumn !== undefined) annotation.end_column = f.endColumn;
  }
  if (f.fix)
    annotation.raw_details = truncateBytes(`Replace with: ${f.fix.replacement}`, CHECK_RUN_TEXT_MAX_BYTES);
  return annotation;
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`chunk size must be ≥ 1, got ${size}`);
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Cuts at a code point boundary so that the UTF-8 encoding fits in `max` bytes. */
export function truncateBytes(s: string, max: number): string {
  if (Buffer.byteLength(s, 'utf8') <= max) return s;
  const ellipsis = '…';
  let bytes = Buffer.byteLength(ellipsis, 'utf8');
  let out = '';
  for (const ch of s) {
    bytes += Buffer.byteLength(ch, 'utf8');
    if (bytes > max) break;
    out += ch;
  }
  return out + ellipsis;
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

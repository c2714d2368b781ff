// SARIF 2.1.0 for GitHub code scanning: one run, every registered rule, one result per finding.
import { createHash } from 'node:crypto';
import type { Report } from '../analyze.js';
import { rules } from '../rules/index.js';
import type { Finding, Severity } from '../types.js';

type SarifLevel = 'error' | 'warning' | 'note';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const INFORMATION_URI = 'https://github.com/go-major-gate/go-major-gate';
/** Versioned so that a change of the hashed fields can start a new series instead of reopening alerts. */
const FINGERPRINT_KEY = 'goMajorGate/v1';

const LEVEL: Record<Severity, SarifLevel> = { error: 'error', warning: 'warning', notice: 'note' };

export function toSarif(report: Report): object {
  const ruleIndex = new Map(rules.map((rule, i) => [rule.id, i]));
  const occurrences = new Map<string, number>();
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: report.tool.name,
            version: report.tool.version,
            semanticVersion: report.tool.version,
            informationUri: INFORMATION_URI,
            rules: rules.map(rule => ({
              id: rule.id,
              shortDescription: { text: rule.doc },
              defaultConfiguration: { level: LEVEL[rule.severity] }
            }))
          }
        },
        // Finding columns count characters, not SARIF's default UTF-16 code units.
        columnKind: 'unicodeCodePoints',
        results: report.findings.map(f => {
          const file = f.file ?? fallbackGoMod(f, report);
          const fingerprint = fingerprintOf(f, file, occurrences);
          return sarifResult(f, file, ruleIndex.get(f.rule), fingerprint);
        })
      }
    ]
  };
}

export function formatSarif(report: Report): string {
  return `${JSON.stringify(toSarif(report), null, 2)}\n`;
}

function sarifResult(f: Finding, file: string, ruleIndex: number | undefined, fingerprint: string): object {
  const artifactLocation = { uri: toUri(file), uriBaseId: '%SRCROOT%' };
  const region = regionOf(f);
  return {
    ruleId: f.rule,
    ...(ruleIndex !== undefined ? { ruleIndex } : {}),
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [{ physicalLocation: { artifactLocation, region } }],
    partialFingerprints: { [FINGERPRINT_KEY]: fingerprint },
    ...(f.fix && f.file !== null && f.line !== null
      ? {
          fixes: [
            {
              description: { text: `Replace with ${f.fix.replacement}` },
              artifactChanges: [
                {
                  artifactLocation,
                  replacements: [{ deletedRegion: region, insertedContent: { text: f.fix.replacement } }]
                }
              ]
            }
          ]
        }
      : {})
  };
}

/** Code scanning needs a line: findings without one sit on line 1 of their file. */
function regionOf(f: Finding): Record<string, number> {
  if (f.file === null || f.line === null) return { startLine: 1 };
  const region: Record<string, number> = { startLine: f.line };
  if (f.column !== undefined) region.startColumn = f.column;
  if (f.endLine !== undefined) region.endLine = f.endLine;
  if (f.endColumn !== undefined) region.endColumn = f.endColumn;
  return region;
}

/** Tag and version findings are located at the go.mod of the module they gate. */
function fallbackGoMod(f: Finding, report: Report): string {
  const dir = f.moduleDir ?? report.targets.find(t => t.dir !== null)?.dir ?? report.modules[0]?.dir ?? '.';
  return dir === '.' ? 'go.mod' : `${dir}/go.mod`;
}

/**
 * Stable across runs: rule, file and message, never the line (edits above a finding move it). The same
 * finding twice in one file is told apart by its occurrence number, as GitHub's own line hashes do.
 */
function fingerprintOf(f: Finding, file: string, occurrences: Map<string, number>): string {
  const hash = createHash('sha256').update(`${f.rule}\0${file}\0${f.message}`).digest('hex').slice(0, 32);
  const n = (occurrences.get(hash) ?? 0) + 1;
  occurrences.set(hash, n);
  return `${hash}:${n}`;
}

/** A repository-relative path as a relative URI reference: each segment percent-encoded. */
function toUri(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}

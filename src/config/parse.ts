// The configuration file (.go-major-gate.yml): YAML text -> a validated Config with the line of every
// entry, or a ConfigError that names the file and line. Pure: the caller reads the bytes.
import { Ajv, type ErrorObject } from 'ajv';
import { isMap, isPair, isScalar, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { UsageError } from '../errors.js';
import type { RuleId, Severity } from '../types.js';
import schema from './schema.json' with { type: 'json' };

/** The file name looked for at the repository root. */
export const CONFIG_FILE = '.go-major-gate.yml';

export type RuleLevel = Severity | 'off';

export interface Located<T> {
  value: T;
  line: number;
}

export interface AcceptEntry {
  rule: RuleId;
  symbol?: string;
  path?: string;
  module?: string;
  reason: string;
  /** The entry's line in the config file. */
  line: number;
}

export interface Config {
  /** Repository-relative path of the file the config was read from. */
  file: string;
  rules: Map<RuleId, Located<RuleLevel>>;
  exclude: Located<string>[];
  accept: AcceptEntry[];
}

/** A config file that cannot be used: exit 2 with `file:line: message`. */
export class ConfigError extends UsageError {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly reason: string
  ) {
    super(`${file}:${line}: ${reason}`);
    this.name = 'ConfigError';
  }
}

/** The rule ids the schema knows (the public catalogue). */
export const CONFIG_RULE_IDS: readonly string[] = schema.properties.rules.propertyNames.enum;

const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);

interface RawConfig {
  rules?: Record<string, RuleLevel>;
  exclude?: string[];
  accept?: { rule: RuleId; symbol?: string; path?: string; module?: string; reason: string }[];
}

/** Parses and validates a config file's text. Throws ConfigError. */
export function parseConfig(text: string, file = CONFIG_FILE): Config {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  const lineAt = (offset: number) => lines.linePos(offset).line;
  const [syntax] = doc.errors;
  if (syntax)
    throw new ConfigError(file, lineAt(syntax.pos[0]), `invalid YAML: ${firstLine(syntax.message)}`);
  const raw: unknown = doc.toJS() ?? {};
  if (!validate(raw)) {
    const error = mostSpecific(validate.errors ?? []);
    throw new ConfigError(file, errorLine(doc, error, lineAt), describe(error));
  }
  const config = raw as RawConfig;
  const nodeLine = (path: (string | number)[]) => lineAt(nodeAt(doc, path)?.range?.[0] ?? 0);
  return {
    file,
    rules: new Map(
      Object.entries(config.rules ?? {}).map(([id, level]) => [
        id as RuleId,
        { value: level, line: nodeLine(['rules', id]) }
      ])
    ),
    exclude: (config.exclude ?? []).map((glob, i) => ({ value: glob, line: nodeLine(['exclude', i]) })),
    accept: (config.accept ?? []).map((entry, i) => ({ ...entry, line: nodeLine(['accept', i]) }))
  };
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

function nodeAt(doc: Document, path: (string | number)[]): Node | undefined {
  const node = doc.getIn(path, true);
  return node && typeof node === 'object' && 'range' in node ? (node as Node) : undefined;
}

/** An error about a key (unknown property, unknown rule id) points at the key, others at the value. */
function errorLine(doc: Document, error: ErrorObject, lineAt: (offset: number) => number): number {
  const path = error.instancePath
    .split('/')
    .slice(1)
    .map(s => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map(s => (/^\d+$/.test(s) ? Number(s) : s));
  const key =
    (error.params as { additionalProperty?: string; propertyName?: string }).additionalProperty ??
    (error.params as { propertyName?: string }).propertyName;
  const container = path.length === 0 ? doc.contents : doc.getIn(path, true);
  if (key !== undefined && isMap(container)) {
    const pair = container.items.find(p => isPair(p) && isScalar(p.key) && p.key.value === key);
    const keyNode = pair && isScalar(pair.key) ? pair.key : undefined;
    if (keyNode?.range) return lineAt(keyNode.range[0]);
  }
  const node = path.length === 0 ? doc.contents : nodeAt(doc, path);
  return lineAt(node?.range?.[0] ?? 0);
}

/** Of ajv's errors, the one that names the deepest place (a propertyNames error comes with its enum's). */
function mostSpecific(errors: ErrorObject[]): ErrorObject {
  const named = errors.find(e => e.keyword === 'propertyNames');
  if (named) return named;
  return errors.reduce((best, e) => (e.instancePath.length > best.instancePath.length ? e : best), errors[0]);
}

function describe(error: ErrorObject): string {
  const where = error.instancePath === '' ? 'the config' : error.instancePath.slice(1).replace(/\//g, '.');
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties':
      return `${where}: unknown key "${String(params.additionalProperty)}"`;
    case 'propertyNames':
      return `${where}: unknown rule id "${String(params.propertyName)}" (known: ${CONFIG_RULE_IDS.join(', ')})`;
    case 'enum':
      return `${where}: must be one of ${(params.allowedValues as unknown[]).map(v => JSON.stringify(v)).join(', ')}`;
    case 'required':
      return `${where}: missing "${String(params.missingProperty)}"`;
    default:
      return `${where}: ${error.message ?? 'invalid'}`;
  }
}

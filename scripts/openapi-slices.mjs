#!/usr/bin/env node
// Extracts the few GitHub REST operations the action calls from GitHub's published OpenAPI description,
// for the loopback stand-in in __tests__/helpers/github-api.ts.
//
// Usage (the package is NOT a dependency; unpack it outside the repo):
//   cd /tmp && npm pack @octokit/openapi@23.0.2 && tar xzf octokit-openapi-23.0.2.tgz
//   node scripts/openapi-slices.mjs /tmp/package/generated/api.github.com.deref.json > __tests__/fixtures/github-openapi.json
//   npx prettier --write __tests__/fixtures/github-openapi.json
//
// Each slice keeps: method, path template, parameters (name, in, required, schema), the JSON request-body schema
// and a shallow shape of the success response (top-level `required` and property types, nested objects cut off).
// Descriptions are dropped except those stating a rule the schema itself does not encode (e.g. "**Required**.",
// "The maximum size is 64 KB"); `example`/`examples` and `x-*` extensions are dropped.
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export const OPERATION_IDS = [
  'checks/create',
  'checks/update',
  'repos/list-tags',
  'pulls/create-review',
  'pulls/list-files',
  'checks/list-for-ref',
  'checks/get',
  'repos/get'
];

const KEEP_DESCRIPTION = /required|maximum|only support|omit this|limits the number/i;
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', 'definitions', '$defs']);
const SCHEMA_LISTS = new Set(['anyOf', 'oneOf', 'allOf', 'prefixItems']);
const SCHEMA_SINGLE = new Set(['items', 'not', 'additionalProperties', 'if', 'then', 'else', 'contains']);

/** Copies a JSON schema without documentation noise; property *names* such as `description` are kept. */
export function cleanSchema(schema) {
  if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) return schema;
  const out = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'example' || key === 'examples' || key.startsWith('x-')) continue;
    if (key === 'description') {
      if (typeof value === 'string' && KEEP_DESCRIPTION.test(value)) out[key] = value;
      continue;
    }
    if (SCHEMA_MAPS.has(key) && value && typeof value === 'object') {
      out[key] = Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, cleanSchema(sub)]));
    } else if (SCHEMA_LISTS.has(key) && Array.isArray(value)) {
      out[key] = value.map(cleanSchema);
    } else if (SCHEMA_SINGLE.has(key)) {
      out[key] = cleanSchema(value);
    } else {
      out[key] = value;
    }
  }
  return out;
}

function leafShape(schema) {
  const out = {};
  for (const key of ['type', 'format', 'nullable', 'enum'])
    if (schema[key] !== undefined) out[key] = schema[key];
  // OpenAPI 3.0 `nullable` does not extend `enum`; JSON Schema validators (Ajv) need null listed explicitly.
  if (out.nullable && out.enum && !out.enum.includes(null)) out.enum = [...out.enum, null];
  if (out.type === undefined && (schema.anyOf || schema.oneOf)) {
    const alternatives = (schema.anyOf || schema.oneOf).map(s => s.type).filter(Boolean);
    if (alternatives.length) out.type = [...new Set(alternatives)];
  }
  return out;
}

/** One level of an object schema: its required list and each property's type (nested objects are not expanded). */
export function responseShape(schema) {
  if (!schema) return undefined;
  if (schema.type === 'array') return { type: 'array', items: responseShape(schema.items) };
  const out = { type: schema.type || 'object' };
  if (schema.required) out.required = schema.required;
  if (schema.properties) {
    out.properties = Object.fromEntries(Object.entries(schema.properties).map(([k, v]) => [k, leafShape(v)]));
  }
  return out;
}

function packageInfo(file) {
  const pkg = join(dirname(file), '..', 'package.json');
  if (!existsSync(pkg)) return { name: '@octokit/openapi', version: 'unknown' };
  const { name, version } = JSON.parse(readFileSync(pkg, 'utf8'));
  return { name, version };
}

export function slice(description, operationIds = OPERATION_IDS) {
  const operations = {};
  for (const [path, item] of Object.entries(description.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!op || typeof op !== 'object' || !operationIds.includes(op.operationId)) continue;
      const json = op.requestBody?.content?.['application/json'];
      const [status, response] = Object.entries(op.responses).find(([code]) => /^2\d\d$/.test(code)) ?? [];
      const responseJson = response?.content?.['application/json'];
      operations[op.operationId] = {
        method: method.toUpperCase(),
        path,
        parameters: (op.parameters ?? []).map(p => ({
          name: p.name,
          in: p.in,
          required: p.required === true,
          schema: cleanSchema(p.schema)
        })),
        ...(json
          ? { requestBody: { required: op.requestBody.required === true, schema: cleanSchema(json.schema) } }
          : {}),
        response: {
          status: Number(status),
          ...(responseJson ? { shape: responseShape(responseJson.schema) } : {}),
          ...(response?.headers ? { headers: Object.keys(response.headers) } : {})
        }
      };
    }
  }
  const missing = operationIds.filter(id => !operations[id]);
  if (missing.length) throw new Error(`operations not found: ${missing.join(', ')}`);
  return operations;
}

function main(argv) {
  const file = argv[2];
  if (!file) {
    process.stderr.write(
      'usage: node scripts/openapi-slices.mjs /path/to/api.github.com.deref.json > out.json\n'
    );
    process.exit(2);
  }
  const description = JSON.parse(readFileSync(file, 'utf8'));
  const pkg = packageInfo(file);
  const operations = slice(description);
  const out = {
    source: {
      package: pkg.name,
      version: pkg.version,
      file: 'generated/api.github.com.deref.json',
      openapi: description.openapi,
      apiVersion: description.info?.version,
      operationIds: OPERATION_IDS,
      regenerate:
        'node scripts/openapi-slices.mjs /path/to/api.github.com.deref.json > __tests__/fixtures/github-openapi.json'
    },
    operations
  };
  process.stdout.write(JSON.stringify(out, null, 2) + '\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main(process.argv);

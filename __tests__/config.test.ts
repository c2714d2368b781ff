// The configuration file's parser: valid files give their entries with lines; every invalid one gives
// a ConfigError naming the file and the line to change.
import { describe, expect, test } from '@jest/globals';
import { applyConfig } from '../src/config/apply.js';
import { CONFIG_RULE_IDS, ConfigError, parseConfig } from '../src/config/parse.js';
import { rules } from '../src/rules/index.js';
import type { Finding, RuleId } from '../src/types.js';

const errorOf = (text: string): string => {
  try {
    parseConfig(text);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('no error');
};

describe('parseConfig', () => {
  test('the example of the README, with the line of every entry', () => {
    const config = parseConfig(
      [
        'rules:',
        '  local-replace: notice',
        'exclude:',
        '  - tools/**',
        '  - docs/migration/**',
        'accept:',
        '  - rule: breaking-change',
        '    symbol: log.Debug',
        '    reason: "removed on purpose in 2.9, announced in 2.7"',
        '  - rule: stale-reference',
        '    path: docs/history.md',
        '    reason: historical document',
        ''
      ].join('\n')
    );
    expect([...config.rules]).toEqual([['local-replace', { value: 'notice', line: 2 }]]);
    expect(config.exclude).toEqual([
      { value: 'tools/**', line: 4 },
      { value: 'docs/migration/**', line: 5 }
    ]);
    expect(config.accept).toEqual([
      {
        rule: 'breaking-change',
        symbol: 'log.Debug',
        reason: 'removed on purpose in 2.9, announced in 2.7',
        line: 7
      },
      { rule: 'stale-reference', path: 'docs/history.md', reason: 'historical document', line: 10 }
    ]);
  });

  test('an empty file or one of comments is an empty config', () => {
    for (const text of ['', '# nothing yet\n', '---\n']) {
      const config = parseConfig(text);
      expect(config.rules.size + config.exclude.length + config.accept.length).toBe(0);
    }
  });

  test.each([
    [
      'rules:\n  local-replace: info\n',
      '.go-major-gate.yml:2: rules.local-replace: must be one of "error", "warning", "notice", "off"'
    ],
    [
      'rules:\n  local-replace: off\n  no-such-rule: off\n',
      '.go-major-gate.yml:3: rules: unknown rule id "no-such-rule"'
    ],
    ['exclude: tools/**\n', '.go-major-gate.yml:1: exclude: must be array'],
    [
      'accept:\n  - rule: breaking-change\n    symbol: x\n',
      '.go-major-gate.yml:2: accept.0: missing "reason"'
    ],
    [
      'accept:\n  - rule: breaking-change\n    reason: r\n    sybmol: x\n',
      '.go-major-gate.yml:4: accept.0: unknown key "sybmol"'
    ],
    ['rule:\n  local-replace: off\n', '.go-major-gate.yml:1: the config: unknown key "rule"'],
    ['rules:\n  a: [\n', '.go-major-gate.yml:3: invalid YAML'],
    [
      'rules:\n  local-replace: off\n  local-replace: error\n',
      '.go-major-gate.yml:3: invalid YAML: Map keys must be unique'
    ],
    ['- a\n- b\n', '.go-major-gate.yml:1: the config: must be object'],
    [
      'accept:\n  - rule: breaking-change\n    reason: ""\n',
      '.go-major-gate.yml:3: accept.0.reason: must NOT have fewer than 1 characters'
    ]
  ])('%j is refused: %s', (text, expected) => {
    expect(errorOf(text)).toContain(expected);
  });

  test('the schema knows every rule id of the catalogue', () => {
    expect([...CONFIG_RULE_IDS].sort()).toEqual(rules.map(r => r.id).sort());
  });
});

describe('applyConfig', () => {
  const finding = (rule: RuleId, file: string | null, extra: Partial<Finding> = {}): Finding => ({
    rule,
    severity: 'error',
    file,
    line: file ? 3 : null,
    message: `${rule} in ${file}`,
    moduleDir: '.',
    ...extra
  });
  const apply = (text: string, findings: Finding[], gated: string[] = ['.']) =>
    applyConfig(findings, parseConfig(text), new Set(gated));
  const brief = (f: Finding) => `${f.rule} ${f.severity} ${f.file}:${f.line}`;

  test('excludes by file glob and by module directory, and counts them', () => {
    const found = [
      finding('stale-reference', 'docs/migration/v2.md', { severity: 'warning' }),
      finding('local-replace', 'tools/go.mod', { moduleDir: 'tools' }),
      finding('stale-self-import', 'tools/cmd/x.go', { moduleDir: 'tools' }),
      finding('stale-reference', 'README.md', { severity: 'warning' })
    ];
    const out = apply('exclude:\n  - tools/**\n  - docs/migration/**\n', found);
    expect(out.findings.map(brief)).toEqual(['stale-reference warning README.md:3']);
    expect([out.excluded, out.accepted]).toEqual([3, 0]);
  });

  test('a rule level changes the severity, off leaves the finding out', () => {
    const found = [
      finding('local-replace', 'go.mod'),
      finding('module-renamed', 'go.mod', { severity: 'warning' })
    ];
    const out = apply('rules:\n  local-replace: notice\n  module-renamed: off\n', found);
    expect(out.findings.map(brief)).toEqual(['local-replace notice go.mod:3']);
    expect(out.excluded).toBe(1);
  });

  test('an accepted finding is a notice that quotes the reason; an entry that matched nothing is a warning', () => {
    const found = [
      finding('breaking-change', 'log/log.go', { message: 'log.Debug: removed' }),
      finding('breaking-change', 'log/log.go', { message: 'log.Info: removed', line: 9 })
    ];
    const text = [
      'accept:',
      '  - rule: breaking-change',
      '    symbol: log.Debug',
      '    reason: removed on purpose in 2.9',
      '  - rule: stale-reference',
      '    path: docs/history.md',
      '    reason: historical document'
    ].join('\n');
    const out = apply(text, found);
    expect(out.findings.map(brief)).toEqual([
      'breaking-change notice log/log.go:3',
      'breaking-change error log/log.go:9',
      'accept-unmatched warning .go-major-gate.yml:5'
    ]);
    expect(out.findings[0]).toMatchObject({
      message: 'log.Debug: removed (accepted: removed on purpose in 2.9)',
      accepted: 'removed on purpose in 2.9'
    });
    expect(out.findings[2].message).toContain('rule stale-reference, path docs/history.md');
    expect(out.accepted).toBe(1);
  });

  test('what the go command rejects for the gated module cannot be lowered, excluded or accepted', () => {
    const found = [
      finding('module-path-major', 'go.mod'),
      finding('stale-self-import', 'a.go'),
      finding('tag-invalid', null, { moduleDir: undefined }),
      finding('stale-self-import', 'tools/t.go', { moduleDir: 'tools' })
    ];
    const text = [
      'rules:',
      '  module-path-major: warning',
      '  stale-self-import: off',
      'exclude:',
      '  - a.go',
      'accept:',
      '  - rule: tag-invalid',
      '    reason: we like it'
    ].join('\n');
    const out = apply(text, found);
    expect(out.findings.map(brief)).toEqual([
      'module-path-major error go.mod:3',
      'stale-self-import error a.go:3',
      'tag-invalid error null:null',
      'config-refused warning .go-major-gate.yml:2',
      'config-refused warning .go-major-gate.yml:3',
      'config-refused warning .go-major-gate.yml:5',
      'config-refused warning .go-major-gate.yml:7'
    ]);
    // stale-self-import: off is refused in the gated module and still applies in tools/.
    expect(out.excluded).toBe(1);
    expect(out.findings[3].message).toContain('module-path-major: warning cannot lower it');
  });

  test('outside a gated version (consistency), the go command rules can be configured like any other', () => {
    const out = apply('rules:\n  module-path-major: warning\n', [finding('module-path-major', 'go.mod')], []);
    expect(out.findings.map(brief)).toEqual(['module-path-major warning go.mod:3']);
  });
});

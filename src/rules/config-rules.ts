// Findings about the configuration file itself. They are reported while the configuration is applied
// (src/config/apply.ts), after the rules ran; they are in the registry so that every output lists them.
import type { Rule } from './context.js';

export const configRefused: Rule = {
  id: 'config-refused',
  severity: 'warning',
  doc: 'A configuration entry tried to exclude, lower or accept what the go command itself rejects for the version gated.',
  check: () => []
};

export const acceptUnmatched: Rule = {
  id: 'accept-unmatched',
  severity: 'warning',
  doc: 'An accept entry of the configuration file matched no finding: it is stale.',
  check: () => []
};

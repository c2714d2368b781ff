// GitHub Action entry (dist/index.js). The full action (events, check runs, annotations, summary)
// arrives with its own issue; until then it runs the engine in consistency mode or on the `version`
// input and fails the step on errors.
import * as core from '@actions/core';
import { analyze } from './analyze.js';
import { gatherSnapshot } from './gather/snapshot.js';
import { formatText } from './report/text.js';
import type { Intent } from './types.js';

async function main(): Promise<void> {
  const version = core.getInput('version');
  const intent: Intent = version
    ? { kind: 'tag', tag: version, source: 'input' }
    : { kind: 'consistency', source: 'input' };
  const { snapshot } = await gatherSnapshot({ dir: core.getInput('working-directory') || '.' });
  const report = analyze(snapshot, { intent });
  core.info(formatText(report));
  core.setOutput('conclusion', report.conclusion);
  if (report.conclusion === 'failure') core.setFailed('go-major-gate: the gate failed');
}

main().catch(error => core.setFailed(error instanceof Error ? error.message : String(error)));

// Runs the CLI in-process (the same code as dist/cli.js) and captures its output.
import { runCli } from '../../src/cli.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function cli(...argv: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: s => void (stdout += s), stderr: s => void (stderr += s) });
  return { code, stdout, stderr };
}

export interface JsonFinding {
  rule: string;
  severity: string;
  file: string | null;
  line: number | null;
  column?: number;
  message: string;
  fix?: { replacement: string };
  new?: boolean;
}

export interface JsonReport {
  conclusion: string;
  findings: JsonFinding[];
  targets: {
    module: string | null;
    dir: string | null;
    version: string | null;
    tag: string | null;
    mode: string;
    source: string;
    suggested?: string;
  }[];
  modules: { dir: string; path: string | null; major: number; goFiles: number }[];
  stats: { files: number; bytes: number; ms: number };
}

export async function checkJson(
  ...argv: string[]
): Promise<{ code: number; report: JsonReport; stderr: string }> {
  const run = await cli('check', ...argv, '--format', 'json');
  if (run.code === 2) throw new Error(`check failed to run: ${run.stderr}`);
  return { code: run.code, report: JSON.parse(run.stdout) as JsonReport, stderr: run.stderr };
}

// Process entry of the CLI bundle (dist/cli.js). An error that escapes runCli (one thrown in a callback
// of a child process, say) still ends as one line and exit 2: a stack trace reads as "the gate failed".
import { reportError, runCli } from './cli.js';

const io = {
  stdout: (s: string) => void process.stdout.write(s),
  stderr: (s: string) => void process.stderr.write(s),
  isTty: Boolean(process.stdout.isTTY),
  env: process.env
};

const unexpected = (error: unknown) => {
  const wrapped = new Error(`unexpected error: ${error instanceof Error ? error.message : String(error)}`);
  if (error instanceof Error && error.stack) wrapped.stack = error.stack;
  reportError(wrapped, io);
  process.exit(2);
};
process.on('uncaughtException', unexpected);
process.on('unhandledRejection', unexpected);

process.exitCode = await runCli(process.argv.slice(2), io);

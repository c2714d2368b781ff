// Process entry of the CLI bundle (dist/cli.js).
import { runCli } from './cli.js';

const code = await runCli(process.argv.slice(2), {
  stdout: s => void process.stdout.write(s),
  stderr: s => void process.stderr.write(s),
  isTty: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR
});
process.exitCode = code;

import { stopQuietlyOnClosedPipe } from './closed-pipe.js';
import { main } from './main.js';

// The installed command: real stdout, stderr and exit code. An unexpected failure is a bug,
// so it is reported as one, with the stack, and a distinct exit code.
stopQuietlyOnClosedPipe(process.stdout, (code) => process.exit(code));
main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  env: process.env,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`firedrill: internal error (please report it):\n${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 70;
  },
);

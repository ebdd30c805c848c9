#!/usr/bin/env node
// The `mail-lint` bin: parse nothing here, run the command, set the exit status.
import { main } from './cli/main.js';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`mail-lint: ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 2;
  },
);

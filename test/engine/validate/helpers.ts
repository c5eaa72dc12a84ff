import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CliIo } from '../../../host/cli/io.js';
import { main } from '../../../host/cli/main.js';

/** Paths as a user types them from the repository root (vitest runs there). */
export const VALID_DIR = 'test/fixtures/valid';
export const BROKEN_DIR = 'test/fixtures/broken';
export const MINI = {
  plan: join(VALID_DIR, 'mini.plan.yaml'),
  scenario: join(VALID_DIR, 'mini.scenario.yaml'),
  script: join(VALID_DIR, 'mini.script.yaml'),
} as const;

export const readText = (path: string) => readFileSync(path, 'utf8');

/** The valid files a broken fixture is checked with: a scenario needs its plan, a script both. */
export function companionsOf(file: string): string[] {
  if (/\.scenario\.ya?ml$/.test(file)) return [MINI.plan];
  if (/\.script\.ya?ml$/.test(file)) return [MINI.plan, MINI.scenario];
  return [];
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the command line in-process, as `firedrill <argv>` from cwd. */
export async function runCli(argv: string[], cwd = process.cwd()): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), cwd, env: {} };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

/** A stack trace line as Node prints it: never shown to a user for a mistake in a file. */
export const STACK_TRACE = /\n {4}at /;

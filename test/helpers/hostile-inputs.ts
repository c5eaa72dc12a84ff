// The hostile inputs of issue 11, built from the valid mini fixtures: a field far too long, a
// word that never breaks, a chain of injects each waiting for the next, an absurd duration.
// The tests refuse or survive them; `npm run bench` times the worst ones still accepted.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';

const VALID = join(process.cwd(), 'test/fixtures/valid');
export const MINI_FILES = {
  plan: join(VALID, 'mini.plan.yaml'),
  scenario: join(VALID, 'mini.scenario.yaml'),
  script: join(VALID, 'mini.script.yaml'),
} as const;

export const miniText = (kind: keyof typeof MINI_FILES) => readFileSync(MINI_FILES[kind], 'utf8');

type Yaml = Record<string, unknown> & { injects: Record<string, unknown>[] };

/** A mini document changed through its parsed YAML and written back (long lines kept whole). */
export function miniWith(kind: keyof typeof MINI_FILES, change: (document: Yaml) => void): string {
  const document = parse(miniText(kind)) as Yaml;
  change(document);
  return stringify(document, { lineWidth: 0 });
}

/**
 * The mini scenario with `length` more injects, each `when` the next one, the last at T+0: the
 * worst order for a validator that sweeps the list until nothing changes. One line per inject,
 * so that 20,000 of them stay under the 2 MB a file may hold.
 */
export function triggerChain(length: number): string {
  const links = Array.from({ length }, (_, i) =>
    `  - {id: C${i}, title: L, ${i === length - 1 ? 'at: 0m' : `when: {inject: C${i + 1}}`}, to: [legal-compliance], channel: chat, body: N}\n`);
  return miniText('scenario').replace('\ndecisions:', `${links.join('')}\ndecisions:`);
}

/** The 1-based line and column where `needle` first appears in the text. */
export function positionOf(text: string, needle: string): { line: number; column: number } {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`${needle.slice(0, 40)} is not in the text`);
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  return { line, column: at - before.lastIndexOf('\n') };
}

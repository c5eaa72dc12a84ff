import { closeSync, openSync, readSync } from 'node:fs';
import { idSchema } from '../../engine/format/common.js';

/** The most read of a journal to find its first entry. */
const HEAD_BYTES = 64 * 1024;

/**
 * The scenario a journal text was recorded with, from its first line (session.started), or
 * undefined when it does not say: the replay then reports the problem in its own words.
 */
export function scenarioOfText(text: string): string | undefined {
  const end = text.indexOf('\n');
  try {
    const first = JSON.parse((end < 0 ? text : text.slice(0, end)).replace(/^\uFEFF/, '')) as { scenarioId?: unknown };
    return idSchema.safeParse(first.scenarioId).success ? (first.scenarioId as string) : undefined;
  } catch {
    return undefined;
  }
}

/** The scenario of the first journal of these paths that exists (read from its head only). */
export function scenarioOfJournal(paths: readonly string[]): string | undefined {
  for (const path of paths) {
    let fd: number;
    try {
      fd = openSync(path, 'r');
    } catch {
      continue;
    }
    try {
      const head = Buffer.alloc(HEAD_BYTES);
      const read = readSync(fd, head, 0, HEAD_BYTES, 0);
      return scenarioOfText(head.subarray(0, read).toString('utf8'));
    } finally {
      closeSync(fd);
    }
  }
  return undefined;
}

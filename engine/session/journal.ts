import { z } from 'zod';
import { idSchema, textSchema } from '../format/common.js';

/** The version of the journal format and of the engine's replay semantics. */
export const ENGINE_FORMAT = 1;

export const MODES = ['facilitated', 'role-play', 'solo', 'scripted'] as const;
export const MAX_SPEED = 600;

export const speedSchema = z.number().min(1).max(MAX_SPEED);

/**
 * The inputs a session records. Everything else (fired injects, milestones, the scorecard) is
 * derived by replaying these through the compiled scenario.
 */
export const journalInputSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('session.started'),
    sessionId: idSchema,
    engineFormat: z.literal(ENGINE_FORMAT),
    planId: idSchema,
    planHash: z.string(),
    scenarioId: idSchema,
    scenarioHash: z.string(),
    mode: z.enum(MODES),
    speed: speedSchema,
    participants: z.record(idSchema, z.string().max(200)).default({}),
  }),
  z.strictObject({ type: z.literal('clock.speed'), speed: speedSchema }),
  z.strictObject({ type: z.literal('clock.paused') }),
  z.strictObject({ type: z.literal('clock.resumed') }),
  z.strictObject({ type: z.literal('clock.jumped'), from: z.number().min(0) }),
  z.strictObject({ type: z.literal('action.taken'), action: idSchema }),
  z.strictObject({ type: z.literal('severity.declared'), level: z.number().int().min(1) }),
  z.strictObject({ type: z.literal('decision.answered'), decision: idSchema, option: idSchema }),
  z.strictObject({ type: z.literal('inject.released'), inject: idSchema }),
  z.strictObject({ type: z.literal('inject.held'), inject: idSchema }),
  /** A held inject put back on its schedule (or back to waiting on its trigger). */
  z.strictObject({ type: z.literal('inject.resumed'), inject: idSchema }),
  z.strictObject({
    type: z.literal('observation.noted'),
    text: textSchema.max(5000),
    tag: z.enum(['strength', 'improvement', 'note']),
    objective: idSchema.optional(),
    inject: idSchema.optional(),
  }),
  z.strictObject({ type: z.literal('session.ended'), reason: z.string().max(500).optional() }),
]);
export type JournalInput = z.infer<typeof journalInputSchema>;
export type JournalInputType = JournalInput['type'];

/** Who did it: a role id, "facilitator", or "system" (the engine itself, for the start). */
const stampSchema = z.strictObject({
  seq: z.number().int().min(1),
  simTime: z.number().int().min(0).describe('Simulated milliseconds from T+0'),
  wallTime: z.string().describe('ISO wall-clock time the entry was recorded (informational; replay ignores it)'),
  actor: idSchema,
});

export const journalEntrySchema = z.intersection(stampSchema, journalInputSchema);
export type JournalEntry = z.infer<typeof stampSchema> & JournalInput;
export type SessionStarted = Extract<JournalEntry, { type: 'session.started' }>;

/** One journal entry as one line of JSON Lines. */
export function serializeEntry(entry: JournalEntry): string {
  return JSON.stringify(entry);
}

/** A whole journal as its file's text: one JSON line per entry, each ending in a newline. */
export const journalText = (entries: readonly JournalEntry[]): string => entries.map((entry) => `${serializeEntry(entry)}\n`).join('');

export interface JournalLineError {
  line: number;
  message: string;
}

/**
 * Parses a JSON Lines journal. A torn last line (a crash mid-write) is returned apart as
 * `torn`, so the caller can set it aside; a bad line elsewhere is an error.
 */
export function parseJournal(text: string): { entries: JournalEntry[]; errors: JournalLineError[]; torn?: string } {
  const lines = text.split('\n');
  const entries: JournalEntry[] = [];
  const errors: JournalLineError[] = [];
  let torn: string | undefined;
  const lastNonEmpty = lines.reduce((last, line, index) => (line.trim() ? index : last), -1);
  // The n-th entry of the file has seq n: a line that cannot be read is one error, not the
  // cause of an "out of order" error on every line after it.
  let position = 0;
  lines.forEach((line, index) => {
    if (!line.trim()) return;
    position++;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      // Only the last line can be torn by a crash: it has no newline after it.
      if (index === lastNonEmpty && !text.endsWith('\n')) torn = line;
      else errors.push({ line: index + 1, message: 'not valid JSON' });
      return;
    }
    const checked = journalEntrySchema.safeParse(value);
    if (!checked.success) {
      const issue = checked.error.issues[0]!;
      errors.push({ line: index + 1, message: `${issue.path.join('.') || 'entry'}: ${issue.message}` });
      return;
    }
    const entry = checked.data as JournalEntry;
    if (entry.seq !== position) errors.push({ line: index + 1, message: `seq ${entry.seq} out of order (expected ${position})` });
    else entries.push(entry);
  });
  if (entries.length > 0 && entries[0]!.type !== 'session.started') errors.push({ line: 1, message: 'a journal starts with session.started' });
  return { entries, errors, ...(torn !== undefined ? { torn } : {}) };
}

import { z } from 'zod';
import { idSchema, textSchema } from '../format/common.js';
import { MAX_CHAT_CHARS, MAX_DRAFT_CHARS, MAX_RATING_REASON_CHARS, TEXT_LIMITS } from '../format/limits.js';

/**
 * The version of the journal format and of the engine's replay semantics. 2: entries carry a
 * hash chained to the entry before (`hash`), a client's `commandId`, the session's `name`;
 * the time limit ends a session with a journaled entry; an action is taken once. Entries of
 * LAN sessions (participants, chat, drafts, evaluations: docs/lan.md) are additions to format 2:
 * a journal without them reads, replays and scores exactly as before.
 */
export const ENGINE_FORMAT = 2;
/** Journals of format 1 (before the hash chain) still replay, under their own rules. */
export const LEGACY_ENGINE_FORMAT = 1;

export const MODES = ['facilitated', 'role-play', 'solo', 'scripted'] as const;
export const MAX_SPEED = 600;

export const speedSchema = z.number().min(1).max(MAX_SPEED);

/** A session's name, given at set-up or by a rename. */
export const sessionNameSchema = z.string().trim().min(1).max(TEXT_LIMITS.title);

/** A client's id for one command, so that a command sent twice (a double click, a retry) is applied once. */
export const commandIdSchema = z.string().regex(/^[A-Za-z0-9._:-]{8,64}$/, 'a command id is 8 to 64 letters, digits, ".", "_", ":" or "-"');

/** The reason of the entry that ends a session at its scenario's time limit. */
export const TIME_LIMIT_REASON = 'the scenario time limit was reached';

/**
 * Why the host paused a running session on its own, journaled on its `clock.paused` (nobody
 * pressed Pause): the last facilitator's page (or window) of it closed or lost its connection,
 * or the computer slept or locked its screen. Added to format 2 like the LAN entries: a journal
 * without it reads as before.
 */
export const PAUSE_CAUSES = ['page-closed', 'machine-asleep'] as const;
export type PauseCause = (typeof PAUSE_CAUSES)[number];

/** The words for each cause, after "Paused": the console's banner and the debrief's timeline say the same. */
export const PAUSE_CAUSE_WORDS: Record<PauseCause, string> = {
  'page-closed': 'when the facilitator’s page closed',
  'machine-asleep': 'when the computer slept or locked its screen',
};

/**
 * A participant of a session (someone who joined from their own device, docs/lan.md): the host
 * gives the id when they join, and every entry they make names it (the stamp's `participant`),
 * so the debrief attributes it to them by name (their participant.joined entry has the name).
 */
export const participantIdSchema = z.string().regex(/^p-[a-z0-9]{8,24}$/, 'a participant id is "p-" and 8 to 24 lower-case letters or digits');

/** A person's name as they typed it when they joined, or as the facilitator set it up. */
export const personNameSchema = z.string().trim().min(1).max(200);

/** Where a participant sits: playing a role of the plan, watching, or watching and rating (an HSEEP evaluator). */
export const SEATS = ['role', 'observer', 'evaluator'] as const;
export type Seat = (typeof SEATS)[number];

/** What a role may write and send as a draft: the texts a real incident asks of it. */
export const DRAFT_KINDS = ['regulator-notification', 'holding-statement', 'executive-briefing'] as const;
export type DraftKind = (typeof DRAFT_KINDS)[number];

/** HSEEP's ratings of an objective: Performed without challenges, with Some, with Major challenges, Unable to be performed. */
export const EVALUATOR_RATINGS = ['P', 'S', 'M', 'U'] as const;


/** A journal's engine format from a later Firedrill than this one. */
export const isNewerEngineFormat = (format: unknown): format is number => typeof format === 'number' && Number.isInteger(format) && format > ENGINE_FORMAT;

/** What to say of a journal's engine format this Firedrill does not replay: a newer one is said to be from a newer Firedrill. */
export function engineFormatProblem(format: unknown): string {
  const known = `this Firedrill replays engine formats ${LEGACY_ENGINE_FORMAT} and ${ENGINE_FORMAT}`;
  if (isNewerEngineFormat(format)) {
    return `the journal was written by a newer Firedrill (engine format ${format}): ${known}; open it with that version, or update this one`;
  }
  return `${JSON.stringify(format)?.slice(0, 40) ?? 'nothing'} is not an engine format: ${known}`;
}

const inputVariants = [
  z.strictObject({
    type: z.literal('session.started'),
    sessionId: idSchema,
    engineFormat: z.union([z.literal(LEGACY_ENGINE_FORMAT), z.literal(ENGINE_FORMAT)], { error: (issue) => engineFormatProblem(issue.input) }),
    planId: idSchema,
    planHash: z.string(),
    scenarioId: idSchema,
    scenarioHash: z.string(),
    mode: z.enum(MODES),
    speed: speedSchema,
    participants: z.record(idSchema, z.string().max(200)).default({}),
    name: sessionNameSchema.optional(),
  }),
  z.strictObject({ type: z.literal('clock.speed'), speed: speedSchema }),
  z.strictObject({ type: z.literal('clock.paused'), cause: z.enum(PAUSE_CAUSES).optional() }),
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
    text: textSchema.max(TEXT_LIMITS.note),
    tag: z.enum(['strength', 'improvement', 'note']),
    objective: idSchema.optional(),
    inject: idSchema.optional(),
  }),
  z.strictObject({ type: z.literal('session.renamed'), name: sessionNameSchema }),
  z.strictObject({ type: z.literal('session.ended'), reason: z.string().max(500).optional() }),
  /** Someone joined from their own device (admitted by the join code, or approved by the facilitator). */
  z.strictObject({
    type: z.literal('participant.joined'),
    participant: participantIdSchema,
    name: personNameSchema,
    seat: z.enum(SEATS),
    /** The role they play (seat "role"); absent until the facilitator assigns one. */
    role: idSchema.optional(),
  }),
  /** The facilitator gave a participant a role, or another one. */
  z.strictObject({ type: z.literal('participant.assigned'), participant: participantIdSchema, role: idSchema }),
  /** The facilitator removed a participant: their token is dead and nothing more is recorded in their name. */
  z.strictObject({ type: z.literal('participant.removed'), participant: participantIdSchema, reason: z.string().trim().min(1).max(500).optional() }),
  /** A message on the team's bridge channel, by a role (or the facilitator). */
  z.strictObject({ type: z.literal('chat.posted'), text: z.string().trim().min(1).max(MAX_CHAT_CHARS) }),
  /** A draft a role wrote and sent: a regulator notification, a holding statement, an executive briefing. */
  z.strictObject({ type: z.literal('draft.sent'), kind: z.enum(DRAFT_KINDS), text: z.string().trim().min(1).max(MAX_DRAFT_CHARS) }),
  /** An evaluator's HSEEP rating of one of the scenario's objectives, with the reason. */
  z.strictObject({ type: z.literal('objective.rated'), objective: idSchema, rating: z.enum(EVALUATOR_RATINGS), reason: z.string().trim().min(1).max(MAX_RATING_REASON_CHARS) }),
  /** An evaluator's observation (HSEEP's Exercise Evaluation Guide notes). */
  z.strictObject({
    type: z.literal('evaluator.observed'),
    text: textSchema.max(TEXT_LIMITS.note),
    objective: idSchema.optional(),
    inject: idSchema.optional(),
  }),
] as const;

/**
 * The inputs a session records. Everything else (fired injects, milestones, the scorecard) is
 * derived by replaying these through the compiled scenario.
 */
export const journalInputSchema = z.discriminatedUnion('type', inputVariants);
export type JournalInput = z.infer<typeof journalInputSchema>;
export type JournalInputType = JournalInput['type'];

/**
 * Who did it: a role id, "facilitator", "evaluator" (an evaluator's rating or observation) or
 * "system" (the engine itself: the start, the time limit; the host admitting a participant by
 * the join code). `participant` says which person, when someone did it from their own device.
 */
const stampShape = {
  seq: z.number().int().min(1),
  simTime: z.number().int().min(0).describe('Simulated milliseconds from T+0'),
  wallTime: z.string().describe('ISO wall-clock time the entry was recorded (informational; replay ignores it)'),
  actor: idSchema,
  commandId: commandIdSchema.optional().describe('The client command that recorded it: a command is applied once'),
  participant: participantIdSchema.optional().describe('The participant who made it from their own device (see participant.joined); absent for what the facilitator recorded'),
  hash: z.string().regex(/^[0-9a-f]{64}$/).optional().describe('SHA-256 of the hash before it and this entry (see docs/journal.md)'),
};

/**
 * One journal line. Each input variant carries the stamp's fields: one discriminated union
 * parses about eight times faster than an intersection of the stamp and the inputs, which
 * counts when a long journal is opened.
 */
export const journalEntrySchema = z.discriminatedUnion('type', inputVariants.map((variant) => variant.extend(stampShape)) as unknown as typeof inputVariants) as unknown as z.ZodType<JournalEntry>;
export type JournalStamp = z.infer<z.ZodObject<typeof stampShape>>;
export type JournalEntry = JournalStamp & JournalInput;
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

/** The entries about a participant (their `participant` field names who joined, was assigned or removed, not who recorded it). */
const LOBBY_ENTRY_TYPES = new Set<string>(['participant.joined', 'participant.assigned', 'participant.removed']);

/**
 * The participant who recorded an entry from their own device (the stamp's `participant`), or
 * undefined. The lobby's own entries use the same field for the person they are about, and are
 * always recorded by the system or the facilitator: they have none.
 */
export const recordedBy = (entry: { type: string; participant?: string | undefined }): string | undefined =>
  LOBBY_ENTRY_TYPES.has(entry.type) ? undefined : entry.participant;


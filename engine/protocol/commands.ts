import { z } from 'zod';
import { idSchema } from '../format/common.js';
import { MAX_CHAT_CHARS, MAX_DRAFT_CHARS, MAX_RATING_REASON_CHARS } from '../format/limits.js';
import {
  commandIdSchema, DRAFT_KINDS, EVALUATOR_RATINGS, journalInputSchema,
  participantIdSchema, personNameSchema, SEATS, sessionNameSchema, speedSchema,
} from '../session/journal.js';
import { AAR_FORMATS, PAPER_SIZES, SCORECARD_FORMATS } from '../report/export-formats.js';
import { improvementPlanSchema } from '../report/improvement-plan.js';
import { MAX_SEED } from '../stats/random.js';
import { MAX_SIMULATION_REPORT_BYTES, simulationReportSchema } from '../simulate/report-schema.js';
import { mselMappingSchema } from '../msel/mapping.js';
import { planRenamesSchema } from '../studio/plan-renames.js';
import type { CommandResults } from './results.js';
import { MAX_IMPORT_BYTES, MAX_MESSAGE_BYTES } from './limits.js';
import { joinCodeSchema, joinRequestIdSchema } from './join-code.js';

const sessionRef = { sessionId: idSchema };
/** A drill's label in the history. */
export const MAX_DRILL_LABEL = 80;
/** A response model sent with simulate.start. */
export const MAX_MODEL_BYTES = 32 * 1024;
/** The most runs the app simulates at once (the CLI goes further): enough for any breach probability to a point. */
export const MAX_APP_RUNS = 100_000;
/**
 * A command that records a journal entry may carry the client's id for it: the host records a
 * command id once per session, so a command sent twice (a double click, a retry after a
 * reconnection, even after a restart of the server) gets the entry first recorded and records nothing.
 */
const recorded = { ...sessionRef, commandId: commandIdSchema.optional() };
const documentKind = z.enum(['plan', 'scenario']);
const paperSchema = z.enum(PAPER_SIZES).default('a4');
const optionalText = (max: number) => z.string().trim().min(1).max(max).optional();

/** HSEEP's cover fields of an AAR; the host fills in what is left out (the name and dates from the sessions). */
export const aarCoverShape = {
  name: optionalText(200),
  dates: optionalText(200),
  location: optionalText(200),
  sponsor: optionalText(200),
  organisation: optionalText(200),
  participatingOrganisations: z.array(z.string().trim().min(1).max(200)).max(50).optional(),
  pointOfContact: optionalText(200),
};
/** The cover fields as a command takes them: only those filled in. */
export type AarCover = z.output<z.ZodObject<typeof aarCoverShape>>;

/** The command that records each input that has one of its own (session.input takes the others). */
const OWN_COMMANDS: Partial<Record<string, string>> = {
  'session.started': 'a session is started with session.create, not as an input',
  'clock.jumped': 'jump the clock with clock.jump',
  'session.renamed': 'rename a session with session.rename',
  'participant.joined': 'participants join with join.request (or are approved with lobby.approve)',
  'participant.assigned': 'assign a role with lobby.assign',
  'participant.removed': 'remove a participant with lobby.remove',
  'chat.posted': 'post to the bridge channel with chat.post',
  'draft.sent': 'send a draft with draft.send',
  'objective.rated': "rate an objective with evaluation.rate (an evaluator's)",
  'evaluator.observed': "note an evaluator's observation with evaluation.note",
};

/** Inputs a client may record directly; the start, the jump and the LAN entries have their own commands. */
const liveInputSchema = journalInputSchema.superRefine((input, ctx) => {
  const own = OWN_COMMANDS[input.type];
  if (own) ctx.addIssue({ code: 'custom', path: ['type'], message: own });
});

/** What a participant records from their own page: their role's actions, severity and decisions (the actor is their role). */
const participantInputSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('action.taken'), action: idSchema }),
  z.strictObject({ type: z.literal('severity.declared'), level: z.number().int().min(1) }),
  z.strictObject({ type: z.literal('decision.answered'), decision: idSchema, option: idSchema }),
]);

/**
 * Every command of the session protocol and the schema of its params. The WebSocket server
 * and the Electron IPC contract both take exactly this set, so the UI never knows which
 * transport it has.
 */
export const commandParams = {
  'library.list': z.strictObject({}),
  'library.show': z.strictObject({ kind: documentKind, id: idSchema }),
  'library.import': z.strictObject({
    fileName: z.string().min(1).max(200).regex(/^[^/\\]+\.ya?ml$/i, 'a file name (no folders) ending in .yaml or .yml'),
    text: z.string().max(MAX_IMPORT_BYTES),
    /** Save as the new version of a plan or scenario already in the user's library (past drills keep the version they used). */
    asNewVersion: z.boolean().optional(),
    /** A plan's new version: role and action ids it renames (old -> new), renamed too in the user's scenarios written for it. */
    renames: planRenamesSchema.optional(),
  }),
  'library.remove': z.strictObject({ kind: documentKind, id: idSchema }),
  'session.create': z.strictObject({
    scenarioId: idSchema,
    planId: idSchema.optional(),
    mode: z.enum(['facilitated', 'role-play', 'solo']),
    speed: speedSchema.default(1),
    /** Role id -> the person playing it. */
    participants: z.record(idSchema, z.string().trim().min(1).max(200)).default({}),
    /** Shown in the session list; by default the scenario's title and the date. */
    name: sessionNameSchema.optional(),
  }),
  /** A journal exported from another Firedrill (its sessions/<id>.jsonl), stored here as an ended session. */
  'session.import': z.strictObject({
    fileName: z.string().min(1).max(200).regex(/^[^/\\]+\.jsonl$/i, 'a file name (no folders) ending in .jsonl'),
    text: z.string().max(MAX_IMPORT_BYTES),
  }),
  'session.list': z.strictObject({ archived: z.boolean().optional().describe('true: archived only; false: active only; absent: all') }),
  'session.open': z.strictObject(sessionRef),
  'session.close': z.strictObject(sessionRef),
  'session.input': z.strictObject({ ...recorded, actor: idSchema, input: liveInputSchema }),
  'clock.pause': z.strictObject(recorded),
  'clock.resume': z.strictObject(recorded),
  'clock.jump': z.strictObject(recorded),
  'clock.speed': z.strictObject({ ...recorded, speed: speedSchema }),
  'session.end': z.strictObject({ ...recorded, reason: z.string().trim().min(1).max(500).optional() }),
  /** Renames a session (open or not, ended or not): journaled as session.renamed, which changes nothing else. */
  'session.rename': z.strictObject({ ...recorded, name: sessionNameSchema }),
  'session.archive': z.strictObject(sessionRef),
  'session.delete': z.strictObject(sessionRef),
  'scorecard.get': z.strictObject(sessionRef),
  'export.scorecard': z.strictObject({ ...sessionRef, format: z.enum(SCORECARD_FORMATS), paper: paperSchema }),
  'export.aar': z.strictObject({
    ...sessionRef,
    format: z.enum(AAR_FORMATS),
    paper: paperSchema,
    ...aarCoverShape,
  }),
  /** The improvement plan of a session's AAR: as edited, or as generated from its scorecard. */
  'improvements.get': z.strictObject(sessionRef),
  /** Saves the edited improvement plan; null goes back to the generated one. */
  'improvements.save': z.strictObject({ ...sessionRef, items: improvementPlanSchema.nullable() }),
  'history.get': z.strictObject({ planId: idSchema.optional(), scenarioId: idSchema.optional() }),
  /**
   * Labels a drill in the history ("test run", "aborted") and excludes it from the history's
   * figures or takes it back. Kept in the data folder, apart from the journal: a label is the
   * programme's view of a drill, not something that happened in it. null clears the label.
   */
  'history.label': z.strictObject({ sessionId: idSchema, label: z.string().trim().min(1).max(MAX_DRILL_LABEL).nullable().optional(), excluded: z.boolean().optional() }),
  /** The coverage map of the library and of the drills run (ATT&CK, plan actions, roles, duties, CSF 2.0 functions), with its Navigator layer. */
  'coverage.get': z.strictObject({}),
  /**
   * Simulates `runs` drills of a scenario (its exemplary script, a response model) on worker
   * threads and answers with the report when they are done; `simulation.progress` events reach
   * the connection that started it meanwhile. The client names the simulation, so it can cancel
   * it before the answer comes.
   */
  'simulate.start': z.strictObject({
    simulationId: commandIdSchema,
    scenarioId: idSchema,
    planId: idSchema.optional(),
    /** A response model (firedrill-model/1) as YAML or JSON text; none: the default model. */
    model: z.string().max(MAX_MODEL_BYTES).optional(),
    runs: z.number().int().min(1).max(MAX_APP_RUNS),
    seed: z.number().int().min(0).max(MAX_SEED),
  }),
  /** Stops a simulation this connection started: its simulate.start answers `cancelled`. */
  'simulate.cancel': z.strictObject({ simulationId: commandIdSchema }),
  /**
   * The team the default model gives a scenario (people and on-call delay per role of its plan):
   * what simulate.start uses for a role its model leaves unsaid, so a form can say what blank means.
   */
  'simulate.defaults': z.strictObject({ scenarioId: idSchema }),
  /**
   * A stress test report the app holds (a run's, or a saved one it opened) as the self-contained
   * HTML `firedrill simulate --format html` writes: its charts are drawn on the host, whose chart
   * renderer the page does not carry. The report is checked whole before anything is drawn.
   */
  'export.simulation': z.strictObject({ report: simulationReportSchema, paper: paperSchema }),
  /**
   * A read-only token for the projector of a session open on this connection: a connection that
   * presents it may open and watch that session, nothing more. Served by `firedrill serve`; the
   * desktop app opens the projector in a window of its own instead.
   */
  'projector.token': z.strictObject(sessionRef),
  /** The YAML text of a library plan or scenario as its file holds it (comments and all), for the studio. */
  'studio.source': z.strictObject({ kind: documentKind, id: idSchema }),
  /** Saves a session as a response script of its scenario in the user's library (scripts/<scenario>/<name>). */
  'studio.saveScript': z.strictObject({ ...sessionRef, name: idSchema, description: z.string().trim().min(1).max(500).optional() }),
  /** Reads an MSEL spreadsheet (CSV or XLSX, as base64) into a draft scenario for a plan; nothing is written. */
  'msel.import': z.strictObject({
    fileName: z.string().min(1).max(200).regex(/^[^/\\]+\.(csv|tsv|txt|xlsx|xlsm)$/i, 'a file name (no folders) ending in .csv, .tsv, .txt, .xlsx or .xlsm (the files the MSEL reader reads)'),
    base64: z.string().max(MAX_IMPORT_BYTES),
    planId: idSchema,
    mapping: mselMappingSchema.optional(),
    scenarioId: idSchema.optional(),
    title: z.string().trim().min(1).max(200).optional(),
  }),
  /** A scenario as the controllers' MSEL. */
  'msel.export': z.strictObject({ scenarioId: idSchema, format: z.enum(['csv', 'xlsx', 'pdf']), paper: paperSchema }),
  /** Imports a .firedrill pack (base64): everything is checked before anything is written. */
  'pack.import': z.strictObject({
    fileName: z.string().min(1).max(200).regex(/^[^/\\]+\.firedrill$/i, 'a file name (no folders) ending in .firedrill'),
    base64: z.string().max(MAX_IMPORT_BYTES),
    asNewVersion: z.boolean().optional(),
  }),
  /** A library pack of scenarios (with their plans and scripts), or one scenario's whole exercise (with its sessions). */
  'pack.export': z.union([
    z.strictObject({ kind: z.literal('library'), scenarioIds: z.array(idSchema).min(1).max(200) }),
    z.strictObject({ kind: z.literal('exercise'), scenarioId: idSchema }),
  ]),

  // LAN mode (docs/lan.md): the facilitator's, for this whole Firedrill.
  /** Whether this Firedrill listens on the local network, its join address and QR code. */
  'lan.status': z.strictObject({}),
  /** Starts listening on the LAN: one interface by name, "all" of them, or by default the first with a LAN address. */
  'lan.start': z.strictObject({
    interface: z.string().trim().min(1).max(100).optional(),
    /** The LAN port; by default 4781 (0 picks a free one). */
    port: z.number().int().min(0).max(65535).optional(),
  }),
  /** Stops listening on the LAN and disconnects every connection that came through it. */
  'lan.stop': z.strictObject({}),

  // The lobby of a session open on this connection (the facilitator's).
  'lobby.get': z.strictObject(sessionRef),
  /** Whether joins wait for approval; `newCode` draws a new join code (the old one stops working). */
  'lobby.settings': z.strictObject({ ...sessionRef, approval: z.boolean().optional(), newCode: z.literal(true).optional() }),
  /** Lets a waiting joiner in, in the role they asked for or the one given here. */
  'lobby.approve': z.strictObject({ ...sessionRef, request: joinRequestIdSchema, role: idSchema.optional() }),
  'lobby.reject': z.strictObject({ ...sessionRef, request: joinRequestIdSchema, reason: optionalText(500) }),
  /** Gives a participant (seat "role") a role, or another one: journaled as participant.assigned. */
  'lobby.assign': z.strictObject({ ...recorded, participant: participantIdSchema, role: idSchema }),
  /** Removes a participant: their token is dead at once, their pages disconnected; journaled as participant.removed. */
  'lobby.remove': z.strictObject({ ...recorded, participant: participantIdSchema, reason: optionalText(500) }),

  // Joining, from a page on the LAN without a token.
  /** What a join code opens: the session's name and its roles (free, taken, reserved). Wrong codes are rate-limited per address. */
  'join.lookup': z.strictObject({ code: joinCodeSchema }),
  /** Joins with the code, a name and a seat (a role: the one chosen, or none until the facilitator assigns one). */
  'join.request': z.strictObject({
    code: joinCodeSchema,
    name: personNameSchema,
    seat: z.enum(SEATS).default('role'),
    role: idSchema.optional(),
  }),
  /**
   * A page that waits for approval and lost its connection (a closed lid, the Wi-Fi) waits again
   * with its request: still waiting (the facilitator's answer now comes to this connection), or
   * the answer given while it was away (in, with its token; or turned away).
   */
  'join.wait': z.strictObject({ ...sessionRef, request: joinRequestIdSchema }),
  /** A page that waits for approval leaves: its request goes from the facilitator's lobby. */
  'join.cancel': z.strictObject({ ...sessionRef, request: joinRequestIdSchema }),

  // The audiences other than the facilitator: the projector, participants, observers and evaluators.
  /** Opens the connection's own session for its audience: its view now, then `audience.update` pushes. */
  'audience.open': z.strictObject(sessionRef),
  'audience.close': z.strictObject(sessionRef),
  /** A participant's input for their role (the actor is their role: `actor`, if given, must be it). */
  'audience.input': z.strictObject({ ...recorded, actor: idSchema.optional(), input: participantInputSchema }),

  // Inputs of LAN sessions (the facilitator's too, on behalf of a role where it says so).
  /** A message on the team's bridge channel: a participant posts as their role; the facilitator as "facilitator" or a role given as `actor`. */
  'chat.post': z.strictObject({ ...recorded, text: z.string().trim().min(1).max(MAX_CHAT_CHARS), actor: idSchema.optional() }),
  /** A draft a role sends: a participant for their role; the facilitator names the role as `actor`. */
  'draft.send': z.strictObject({ ...recorded, kind: z.enum(DRAFT_KINDS), text: z.string().trim().min(1).max(MAX_DRAFT_CHARS), actor: idSchema.optional() }),
  /** An evaluator's rating of an objective, with the reason (also after the session ended). */
  'evaluation.rate': z.strictObject({ ...recorded, objective: idSchema, rating: z.enum(EVALUATOR_RATINGS), reason: z.string().trim().min(1).max(MAX_RATING_REASON_CHARS) }),
  /** An evaluator's observation (also after the session ended). */
  'evaluation.note': z.strictObject({ ...recorded, text: z.string().trim().min(1).max(5000), objective: idSchema.optional(), inject: idSchema.optional() }),
} as const;


export type CommandType = keyof typeof commandParams;
export const COMMAND_TYPES = Object.keys(commandParams) as CommandType[];

/** Params as the handler receives them (defaults filled in). */
export type CommandParams<T extends CommandType> = z.output<(typeof commandParams)[T]>;
/** Params as a client sends them (defaults may be left out). */
export type CommandParamsInput<T extends CommandType> = z.input<(typeof commandParams)[T]>;
export type CommandResult<T extends CommandType> = CommandResults[T];

/** Each command as a function: the shape the Electron IPC contract and the clients expose. */
export type CommandSignatures = { [T in CommandType]: (params: CommandParamsInput<T>) => Promise<CommandResult<T>> };

/**
 * The size limit of each command's message. The imports carry a whole file as a JSON string; a
 * journal is JSON Lines, so escaping its quotes can double its size inside the message.
 */
export function messageLimit(type: string): number {
  if (type === 'library.import') return MAX_IMPORT_BYTES + 16 * 1024;
  if (type === 'session.import') return 2 * MAX_IMPORT_BYTES + 16 * 1024;
  if (type === 'msel.import' || type === 'pack.import') return MAX_IMPORT_BYTES + 16 * 1024;
  if (type === 'export.simulation') return MAX_SIMULATION_REPORT_BYTES + 16 * 1024;
  return MAX_MESSAGE_BYTES;
}

export const isCommandType = (type: unknown): type is CommandType => typeof type === 'string' && Object.hasOwn(commandParams, type);
